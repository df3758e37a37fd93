"""Load the annotator's cue lists and rules from ``data/rules/*.yaml`` into compiled patterns.

Teachers edit the YAML; this module checks it against a schema (every field of every file,
with its type) and turns it into regular expressions once per session. A field the schema
does not know, a missing one or one of the wrong type stops loading with a :class:`RulesError`
naming the file, the rule and the field ("hedges.yaml, rule 'hedge.modal.may': unknown field
'not_befor' (did you mean 'not_before'?)"), never quietly ignored. Every word list the annotator
uses lives in these files; the Python modules only look them up on :class:`Rules`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data import data_path
from ..errors import KitError
from .figures import casualty_figure_pattern


class RulesError(KitError):
    """A rule file that cannot be used as it is, with the file, the rule and the field named."""


@dataclass(frozen=True)
class CueRule:
    """One cue rule: a pattern for the cue words, conditions that veto a match, and a reason."""

    id: str
    category: str
    pattern: re.Pattern
    explanation: str
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None
    skip_capitalised: bool = False
    subject_not_speaker: bool = False
    marks_neighbour: bool = False
    section: str = ""            # unverified.yaml: "verification" or "dispute"


@dataclass(frozen=True)
class SourceLexicon:
    """Words that identify speakers and speech: verbs, role nouns by kind, places, documents."""

    speech_verbs: frozenset
    figure_verbs: frozenset
    figure_words: frozenset
    before_speaker: tuple
    document_nouns: frozenset
    roles: dict          # phrase (lower case) -> kind, longest phrases first
    ambiguous_roles: frozenset
    organisations: dict  # word -> kind
    places: frozenset
    role_pattern: re.Pattern
    place_pattern: re.Pattern
    org_patterns: dict   # kind -> pattern of organisation words
    official_acronyms: re.Pattern
    expert_places: re.Pattern     # organisation words that alone make someone an expert
    speech_events: re.Pattern
    finding_verbs: frozenset
    statement_nouns: frozenset


@dataclass(frozen=True)
class NameWords:
    """From ``names.yaml``: how names, titles and bodies are told apart."""

    name: re.Pattern             # a run of capitalised words (and abbreviated titles) that may be a name
    courtesy_title: re.Pattern   # "Dr ", "Mr. " at the start of a phrase
    title_words: frozenset
    not_names: frozenset
    calendar: frozenset
    demonym: re.Pattern
    acronym: re.Pattern          # "Bureau of Meteorology (BOM)": a body's full name and its initials
    person_roles: frozenset
    plural_roles: re.Pattern
    body_words: frozenset
    pronouns: frozenset          # pronouns that can stand for a speaker named before
    person_pronouns: frozenset   # ... for a person only
    subject_pronouns: frozenset
    she_title: re.Pattern
    he_title: re.Pattern
    pronoun_forms: re.Pattern
    she_pronouns: frozenset
    former: re.Pattern           # "former", "ex-" ... before a role, up to three words away
    former_before_name: re.Pattern


@dataclass(frozen=True)
class ReadingWords:
    """From ``reading.yaml``: the small words that show how a sentence is built."""

    lead: re.Pattern
    relative: frozenset
    open_clause: frozenset
    verbish: re.Pattern
    auxiliary: re.Pattern
    subordinator: re.Pattern
    aside_preposition: re.Pattern
    between_subject_and_verb: re.Pattern
    no_statement_before_verb: re.Pattern
    role_phrase_break: re.Pattern
    words_before_a_title: re.Pattern
    not_an_appositive: re.Pattern
    appositive: re.Pattern
    second_appositive: re.Pattern
    possessive: re.Pattern
    speech_event_nouns: re.Pattern
    document_verbs: frozenset
    inverted_subject_end: re.Pattern
    official_figures: re.Pattern
    claim_words: re.Pattern
    every_claim_words: re.Pattern
    credit: re.Pattern
    casualty_figure: re.Pattern


@dataclass(frozen=True)
class RuleExample:
    """One sentence a rule or word list must (``fires``) or must not fire on, from its file."""

    file: str
    rule: str                    # a cue rule's id, or a word list's place in its file ("roles.official")
    sentence: str                # the sentence without the square brackets
    marked: str | None           # the words in [square brackets], if any
    fires: bool
    words: frozenset = frozenset()   # a word list's words (lower case), empty for a cue rule

    @property
    def test_id(self) -> str:
        return f"{self.rule}:{'example' if self.fires else 'not_example'}:{self.sentence[:40]}"


@dataclass(frozen=True)
class Rules:
    """Everything the annotator reads from data files."""

    hedges: tuple
    unverified: tuple
    hedge_any: re.Pattern        # any hedge cue at all, on lower-cased text: a quick test before the rules run
    unverified_any: re.Pattern
    pointing_words: re.Pattern
    sources: SourceLexicon
    explanations: dict
    names: NameWords = None      # type: ignore[assignment]
    reading: ReadingWords = None  # type: ignore[assignment]
    examples: tuple = ()         # every RuleExample of every file


# ---------------------------------------------------------------- the schema

_EXAMPLE_MARK = re.compile(r"\[([^\[\]]+)\]")


def split_example(sentence: str) -> tuple[str, str | None]:
    """``"The toll [may] rise."`` → ``("The toll may rise.", "may")``; no brackets → ``(sentence, None)``."""
    m = _EXAMPLE_MARK.search(sentence)
    if not m:
        return sentence, None
    return sentence[:m.start()] + m.group(1) + sentence[m.end():], m.group(1)


def _kind(value) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if value is None:
        return "nothing"
    return repr(str(value)) if isinstance(value, str) else f"'{value}'"


def _text(where: str, key: str, value) -> None:
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"{where}: field '{key}' should be some text, not {_kind(value)}")


def _flag(where: str, key: str, value) -> None:
    if not isinstance(value, bool):
        raise RulesError(f"{where}: field '{key}' should be true or false, not {_kind(value)}")


def _words(where: str, key: str, value) -> None:
    if not isinstance(value, list) or not value:
        raise RulesError(f"{where}: field '{key}' should be a list of words in [square brackets], not {_kind(value)}")
    for w in value:
        if not isinstance(w, str) or not w.strip():
            raise RulesError(f"{where}: field '{key}' holds {_kind(w)}, which is not a word "
                             "(put words such as yes, no, on or off in quotation marks)")


def _regex(where: str, key: str, value) -> None:
    _text(where, key, value)
    try:
        re.compile(value)
    except re.error as exc:
        raise RulesError(f"{where}: field '{key}': {value!r} is not a valid pattern ({exc})") from None


def _patterns(where: str, key: str, value) -> None:
    _words(where, key, value)
    for p in value:
        _regex(where, key, p)


def _examples(where: str, key: str, value) -> None:
    if not isinstance(value, list) or not value:
        raise RulesError(f"{where}: field '{key}' should be a list of sentences, not {_kind(value)}")
    for sentence in value:
        if not isinstance(sentence, str) or not sentence.strip():
            raise RulesError(f"{where}: field '{key}' holds {_kind(sentence)}, which is not a sentence")
        marks = _EXAMPLE_MARK.findall(sentence)
        if key == "examples" and len(marks) != 1:
            raise RulesError(f"{where}: the example {sentence!r} should mark the words it is about "
                             f"in one pair of [square brackets]")
        if len(marks) > 1:
            raise RulesError(f"{where}: the sentence {sentence!r} has more than one pair of [square brackets]")


def _fields(schema: dict, required: tuple = ()):
    """A checker for a set of fields: ``schema`` maps each allowed field to its checker."""
    def check(where: str, key: str | None, value) -> None:
        if not isinstance(value, dict):
            what = f"field '{key}'" if key else "it"
            raise RulesError(f"{where}: {what} should be a set of fields (name: value), not {_kind(value)}")
        inner = (f"{where}, '{key}'" if where.endswith(".yaml") else f"{where} → '{key}'") if key else where
        for field in value:
            if field not in schema:
                close = difflib.get_close_matches(str(field), list(schema), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else \
                    f" (the fields it may have: {', '.join(schema)})"
                raise RulesError(f"{inner}: unknown field '{field}'{hint}")
        for field in required:
            if field not in value:
                raise RulesError(f"{inner}: missing field '{field}'")
        for field, v in value.items():
            schema[field](inner, field, v)
    return check


def _rule_list(rule_schema):
    """A checker for a list of rules; each is named by its id in messages."""
    def check(where: str, key: str | None, value) -> None:
        if not isinstance(value, list):
            what = f"field '{key}'" if key else "the file"
            raise RulesError(f"{where}: {what} should be a list of rules (each starting '- id:'), not {_kind(value)}")
        file = where.split(",")[0]
        for n, rule in enumerate(value, 1):
            name = rule.get("id") if isinstance(rule, dict) else None
            rule_schema(f"{file}, rule '{name}'" if isinstance(name, str) else f"{file}, rule {n}", None, rule)
    return check


_SENTENCES = {"examples": _examples, "not_examples": _examples}
_CUE_RULE = _fields({"id": _text, "phrases": _patterns, "explanation": _text, "doc": _text,
                     "not_before": _regex, "not_after": _regex, "skip_capitalised": _flag,
                     "subject_not_speaker": _flag, "marks_neighbour": _flag, **_SENTENCES},
                    required=("id", "phrases", "explanation"))
_GROUP = _fields({"doc": _text, "words": _words, **_SENTENCES}, required=("words",))
_PATTERN_GROUP = _fields({"doc": _text, "patterns": _patterns, **_SENTENCES}, required=("patterns",))
_ROLE = _fields({"doc": _text, "words": _words, **_SENTENCES}, required=("words",))
_KINDS = ("official", "expert", "voice")
_EXPLANATION_KEYS = tuple(f"{k}.{r}" for k in _KINDS for r in ("attribution", "quote", "continuation", "according_to")) \
    + ("unverified.neighbour", "unverified.competing_figures")

SCHEMAS = {
    "hedges.yaml": _rule_list(_CUE_RULE),
    "unverified.yaml": _fields({"verification": _rule_list(_CUE_RULE), "dispute": _rule_list(_CUE_RULE),
                                "pointing_words": _words},
                               required=("verification", "dispute", "pointing_words")),
    "sources.yaml": _fields({
        "speech_verbs": _fields({"doc": _text, "words": _words, "figure_verbs": _words, "figure_words": _words,
                                 **_SENTENCES}, required=("words", "figure_verbs", "figure_words")),
        "phrases_before_speaker": _words, "speech_events": _patterns, "finding_verbs": _words,
        "statement_nouns": _words, "document_nouns": _words,
        "roles": _fields({k: _ROLE for k in _KINDS}, required=_KINDS),
        "official_acronyms": _words, "ambiguous_roles": _words,
        "organisations": _fields({k: _words for k in _KINDS}, required=_KINDS),
        "expert_places": _words, "places": _words,
    }, required=("speech_verbs", "phrases_before_speaker", "speech_events", "finding_verbs", "statement_nouns",
                 "document_nouns", "roles", "official_acronyms", "ambiguous_roles", "organisations",
                 "expert_places", "places")),
    "explanations.yaml": _fields({k: _text for k in _EXPLANATION_KEYS}, required=_EXPLANATION_KEYS),
    "names.yaml": _fields({
        "abbreviated_titles": _GROUP, "name_particles": _GROUP, "courtesy_titles": _GROUP, "title_words": _GROUP,
        "not_names": _GROUP, "calendar_words": _GROUP,
        "demonyms": _fields({"doc": _text, "suffixes": _words, "words": _words, **_SENTENCES},
                            required=("suffixes", "words")),
        "name_connectors": _GROUP, "person_roles": _GROUP, "plural_roles": _GROUP, "body_words": _GROUP,
        "pronouns": _fields({"doc": _text, "person": _words, "any": _words}, required=("person", "any")),
        "subject_pronouns": _GROUP,
        "gender": _fields({"doc": _text, "she_titles": _words, "he_titles": _words, "she_pronouns": _words,
                           "he_pronouns": _words},
                          required=("she_titles", "he_titles", "she_pronouns", "he_pronouns")),
        "former": _fields({"doc": _text, "words": _words, "before_name": _words}, required=("words", "before_name")),
    }, required=("abbreviated_titles", "name_particles", "courtesy_titles", "title_words", "not_names",
                 "calendar_words", "demonyms", "name_connectors", "person_roles", "plural_roles", "body_words",
                 "pronouns", "subject_pronouns", "gender", "former")),
    "reading.yaml": _fields({
        "lead_words": _GROUP,
        "relative_pronouns": _fields({"doc": _text, "describe_noun": _words, "open_clause": _words},
                                     required=("describe_noun", "open_clause")),
        "auxiliaries": _fields({"doc": _text, "words": _words, "also_verbs": _words}, required=("words", "also_verbs")),
        "subordinators": _GROUP, "aside_prepositions": _GROUP, "between_subject_and_verb": _PATTERN_GROUP,
        "no_statement_before_verb": _GROUP, "role_phrase_breaks": _GROUP, "words_before_a_title": _GROUP,
        "not_an_appositive": _GROUP,
        "appositive_ends": _fields({"doc": _text, "words": _words, "second": _words}, required=("words", "second")),
        "possessive_modifiers": _GROUP, "speech_event_nouns": _GROUP, "document_verbs": _GROUP,
        "inverted_subject_ends": _GROUP, "official_figures": _PATTERN_GROUP, "claim_words": _GROUP,
        "every_claim_words": _GROUP, "credits": _PATTERN_GROUP,
        "casualty_figures": _fields({"doc": _text, "numbers": _words, "words": _words, **_SENTENCES},
                                    required=("numbers", "words")),
    }, required=("lead_words", "relative_pronouns", "auxiliaries", "subordinators", "aside_prepositions",
                 "between_subject_and_verb", "no_statement_before_verb", "role_phrase_breaks",
                 "words_before_a_title", "not_an_appositive", "appositive_ends", "possessive_modifiers",
                 "speech_event_nouns", "document_verbs", "inverted_subject_ends", "official_figures",
                 "claim_words", "every_claim_words", "credits", "casualty_figures")),
}
"""Every rule file and what it may hold: the loader checks each file against its schema."""


def _read(folder: Path, name: str):
    """One rule file, parsed and checked against its schema."""
    import yaml

    path = Path(folder) / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"{name}: the rule file is missing from {path.parent.name}/") from None
    except UnicodeDecodeError:
        raise RulesError(f"{name}: not saved as UTF-8 text; save it again as UTF-8") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" near line {mark.line + 1}" if mark is not None else ""
        raise RulesError(f"{name}: not valid YAML{at} ({getattr(exc, 'problem', None) or exc})") from None
    SCHEMAS[name](name, None, data)
    return data


def _yaml(name: str, folder: Path | None = None):
    return _read(folder or data_path("rules"), name)


def _phrase_regex(phrases) -> re.Pattern:
    """Whole-word alternation of the phrases; spaces match any run of whitespace."""
    parts = sorted((p.replace(" ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:%s)(?![\w-])" % "|".join(parts), re.IGNORECASE)


def _cue_rule(spec: dict, category: str, section: str = "") -> CueRule:
    return CueRule(
        id=spec["id"],
        category=category,
        pattern=_phrase_regex(spec["phrases"]),
        explanation=spec["explanation"],
        not_before=re.compile(spec["not_before"]) if spec.get("not_before") else None,
        not_after=re.compile(spec["not_after"]) if spec.get("not_after") else None,
        skip_capitalised=bool(spec.get("skip_capitalised")),
        subject_not_speaker=bool(spec.get("subject_not_speaker")),
        marks_neighbour=bool(spec.get("marks_neighbour")),
        section=section,
    )


def _prefilter(patterns) -> re.Pattern:
    """One pattern matching wherever any of ``patterns`` could, for lower-cased text.

    Matching lower-cased text without IGNORECASE is about twice as fast; a leading word
    boundary lets the engine skip most positions. It only decides which sentences the full
    rules are tried on, so it may match a little more than they do, never less.
    """
    joined = "|".join(patterns).replace("(?<![\\w'’-])", "")   # every cue starts a word: \b says so faster
    lowered = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), joined)
    return re.compile(r"\b(?:%s)" % lowered)


def _words_regex(words) -> re.Pattern:
    parts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:%s)(?:s|es)?(?![\w-])" % "|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read and compile every rule file (cached: the files are read once per session)."""
    return read_rules()


def read_rules(folder: Path | None = None) -> Rules:
    """Read, check and compile the rule files in ``folder`` (default: ``lessons/data/rules``).

    Raises :class:`RulesError` naming the file, rule and field of the first problem found.
    """
    hedge_specs = _yaml("hedges.yaml", folder)
    hedges = tuple(_cue_rule(s, "hedge") for s in hedge_specs)
    unv = _yaml("unverified.yaml", folder)
    unverified = tuple(_cue_rule(s, "unverified", section) for section in ("verification", "dispute")
                       for s in unv[section])
    _unique_ids(hedges + unverified)
    src = _yaml("sources.yaml", folder)
    roles: dict[str, str] = {}
    for kind in ("voice", "expert", "official"):
        for w in src["roles"][kind]["words"]:
            roles.setdefault(w.lower(), kind)
    orgs = {w.lower(): kind for kind, words in src["organisations"].items() for w in words}
    lex = SourceLexicon(
        speech_verbs=frozenset(w.lower() for w in src["speech_verbs"]["words"]),
        figure_verbs=frozenset(w.lower() for w in src["speech_verbs"]["figure_verbs"]),
        figure_words=frozenset(w.lower() for w in src["speech_verbs"]["figure_words"]),
        before_speaker=tuple(p.lower() for p in src["phrases_before_speaker"]),
        document_nouns=frozenset(w.lower() for w in src["document_nouns"]),
        roles=roles,
        ambiguous_roles=frozenset(w.lower() for w in src["ambiguous_roles"]),
        organisations=orgs,
        places=frozenset(w.lower() for w in src["places"]),
        role_pattern=_words_regex(list(roles) + list(src["ambiguous_roles"])),
        expert_places=re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, src["expert_places"]))),
        official_acronyms=re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(map(re.escape, src["official_acronyms"]))),
        org_patterns={kind: re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w) for w in words))
                      for kind, words in src["organisations"].items()},
        place_pattern=_words_regex(src["places"]),
        speech_events=re.compile("|".join(src["speech_events"]), re.IGNORECASE),
        finding_verbs=frozenset(w.lower() for w in src["finding_verbs"]),
        statement_nouns=frozenset(w.lower() for w in src["statement_nouns"]),
    )
    return Rules(
        hedges=hedges,
        unverified=unverified,
        hedge_any=_prefilter(r.pattern.pattern for r in hedges),
        unverified_any=_prefilter(r.pattern.pattern for r in unverified),
        pointing_words=_phrase_regex(unv["pointing_words"]),
        sources=lex,
        explanations=_yaml("explanations.yaml", folder),
        names=_name_words(_yaml("names.yaml", folder)),
        reading=_reading_words(_yaml("reading.yaml", folder)),
        examples=_all_examples(hedge_specs, unv, src, folder),
    )


def _unique_ids(rules) -> None:
    seen = set()
    for r in rules:
        if r.id in seen:
            file = "hedges.yaml" if r.category == "hedge" else "unverified.yaml"
            raise RulesError(f"{file}, rule '{r.id}': another rule has the same id; give each rule its own")
        seen.add(r.id)


def _alt(words, escape: bool = True) -> str:
    """The words as a regular-expression alternation, in the order the file gives them."""
    return "|".join(re.escape(w) if escape else w for w in words)


def _name_words(d: dict) -> NameWords:
    titles = _alt(d["abbreviated_titles"]["words"])
    word = (r"(?:(?:%s)\.|[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]{2,})" % titles)
    particles = _alt(d["name_particles"]["words"])
    demonyms = d["demonyms"]
    gender = d["gender"]
    return NameWords(
        name=re.compile(r"(?<![\w.])%s(?:\s+(?:(?:%s)\s+)?%s){0,4}" % (word, particles, word)),
        courtesy_title=re.compile(r"^(?:%s)\.?\s+" % _alt(d["courtesy_titles"]["words"])),
        title_words=frozenset(w.lower() for w in d["title_words"]["words"]),
        not_names=frozenset(d["not_names"]["words"]),
        calendar=frozenset(d["calendar_words"]["words"]),
        demonym=re.compile(r"^(?:[A-Z][a-z]+(?:%s)|%s)$" % (_alt(demonyms["suffixes"]), _alt(demonyms["words"]))),
        acronym=re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:%s)\s+)?){1,6}[A-Z][\w'’-]*)\s+\(([A-Z]{2,6})\)"
                           % _alt(d["name_connectors"]["words"])),
        person_roles=frozenset(w.lower() for w in d["person_roles"]["words"]),
        plural_roles=re.compile(r"(?i)\b(?:%s)\b" % _alt(d["plural_roles"]["words"])),
        body_words=frozenset(w.lower() for w in d["body_words"]["words"]),
        pronouns=frozenset(w.lower() for w in d["pronouns"]["person"] + d["pronouns"]["any"]),
        person_pronouns=frozenset(w.lower() for w in d["pronouns"]["person"]),
        subject_pronouns=frozenset(w.lower() for w in d["subject_pronouns"]["words"]),
        she_title=re.compile(r"\b(?:%s)\b" % _alt(w.lower() for w in gender["she_titles"])),
        he_title=re.compile(r"\b(?:%s)\b" % _alt(w.lower() for w in gender["he_titles"])),
        pronoun_forms=re.compile(r"\b(%s)\b" % _alt(gender["he_pronouns"] + gender["she_pronouns"]), re.IGNORECASE),
        she_pronouns=frozenset(w.lower() for w in gender["she_pronouns"]),
        former=re.compile(r"(?i)\b(?:%s)\s*(?:[\w-]+\s+){0,3}$" % _alt(d["former"]["words"])),
        former_before_name=re.compile(r"(?i)\b(?:%s)\b[\w\s-]{0,30}$" % _alt(d["former"]["before_name"])),
    )


def _negations(words) -> str:
    """Whole words, except a contraction ending ("n't") which joins the word before it."""
    return "|".join(re.escape(w) if w[:2] in ("n'", "n’") else r"\b" + re.escape(w) for w in words)


def _reading_words(d: dict) -> ReadingWords:
    aux = d["auxiliaries"]
    ends = d["appositive_ends"]
    figures = d["casualty_figures"]
    return ReadingWords(
        lead=re.compile(r"(?i)^(?:\s*(?:(?:%s)\b|—|–|-)\s*)+" % _alt(d["lead_words"]["words"])),
        relative=frozenset(d["relative_pronouns"]["describe_noun"] + d["relative_pronouns"]["open_clause"]),
        open_clause=frozenset(d["relative_pronouns"]["open_clause"]),
        verbish=re.compile(r"(?i)\b(%s)\b|\w{3,}ed\b" % _alt(aux["words"] + aux["also_verbs"])),
        auxiliary=re.compile(r"(?i)\b(%s)\b" % _alt(aux["words"])),
        subordinator=re.compile(r"(?i)\b(?:%s)\s" % _alt(d["subordinators"]["words"])),
        aside_preposition=re.compile(r"(?i)\s*(?:%s)\s" % _alt(d["aside_prepositions"]["words"])),
        between_subject_and_verb=re.compile(r"(?i)(?:\b(?:%s)\s*)+$"
                                            % _alt(d["between_subject_and_verb"]["patterns"], escape=False)),
        no_statement_before_verb=re.compile(r"(?i)(?:%s)\s+$" % _negations(d["no_statement_before_verb"]["words"])),
        role_phrase_break=re.compile(r"(?i)\b(?:%s)\b" % _alt(d["role_phrase_breaks"]["words"])),
        words_before_a_title=re.compile(r"^.*\b(?:%s)\s+" % _alt(d["words_before_a_title"]["words"])),
        not_an_appositive=re.compile(r"(?i)(?:%s)\b" % _alt(d["not_an_appositive"]["words"])),
        appositive=re.compile(r",[ \t]+((?:(?:a|an|the)\s+)?[^,.;:“”\"\n]{3,160}?)"
                              r"(?=,|\.\s|\.$|\s(?:%s)\b|;|$)" % _alt(ends["words"])),
        second_appositive=re.compile(r",\s+((?:a|an|the)\s+[^,.;:]{3,80}?)(?=,|\.|\s(?:%s)\b)" % _alt(ends["second"])),
        possessive=re.compile(r"['’]s\s+(?:%s)?(\w+)" % "|".join(re.escape(w) + r"\s+" for w in d["possessive_modifiers"]["words"])),
        speech_event_nouns=re.compile(r"(?i)%s" % _alt(d["speech_event_nouns"]["words"])),
        document_verbs=frozenset(w.lower() for w in d["document_verbs"]["words"]),
        inverted_subject_end=re.compile(r"[,.;:“”\"]|\b(?:%s)\b" % _alt(d["inverted_subject_ends"]["words"])),
        official_figures=re.compile(r"(?i)\b(?:%s)" % _alt(d["official_figures"]["patterns"], escape=False)),
        claim_words=re.compile(r"(?i)\b(%s)\b" % _alt(d["claim_words"]["words"])),
        every_claim_words=re.compile(r"(?i)\b(?:%s)\b" % _alt(d["every_claim_words"]["words"])),
        credit=re.compile(r"(?i)%s" % _alt(d["credits"]["patterns"], escape=False)),
        casualty_figure=casualty_figure_pattern(figures["numbers"], figures["words"]),
    )


def _all_examples(hedge_specs, unv, src, folder) -> tuple:
    """Every example and not-example of every rule and word list, in file order."""
    out = []

    def add(file, rule, spec, words=()):
        for key, fires in (("examples", True), ("not_examples", False)):
            for sentence in spec.get(key) or ():
                text, marked = split_example(sentence)
                out.append(RuleExample(file, rule, text, marked, fires, frozenset(w.lower() for w in words)))

    for spec in hedge_specs:
        add("hedges.yaml", spec["id"], spec)
    for section in ("verification", "dispute"):
        for spec in unv[section]:
            add("unverified.yaml", spec["id"], spec)
    add("sources.yaml", "speech_verbs", src["speech_verbs"], src["speech_verbs"]["words"])
    for kind in _KINDS:
        add("sources.yaml", f"roles.{kind}", src["roles"][kind], src["roles"][kind]["words"])
    for name in ("names.yaml", "reading.yaml"):
        for group, spec in _yaml(name, folder).items():
            if isinstance(spec, dict):
                add(name, group, spec, spec.get("words", ()))
    return tuple(out)
