"""Load the annotator's cue lists and rules from ``data/rules/*.yaml`` into compiled patterns.

Teachers edit the YAML; this module checks it against the schema in :mod:`.schema` (every
field of every file, with its type) and turns it into regular expressions once per session. A field the schema
does not know, a missing one or one of the wrong type stops loading with a :class:`RulesError`
naming the file, the rule and the field ("hedges.yaml, rule 'hedge.modal.may': unknown field
'not_befor' (did you mean 'not_before'?)"), never quietly ignored. Every word list the annotator
uses lives in these files; the Python modules only look them up on :class:`Rules`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data import data_path
from .alternation import alternation
from .schema import KINDS as _KINDS
from .schema import SCHEMAS, RulesError, read_rule_file, split_example

__all__ = ["SCHEMAS", "CueRule", "NameWords", "ReadingWords", "RuleExample", "Rules", "RulesError",
           "SourceLexicon", "load_rules", "read_rules", "split_example"]



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
    narrator_only: bool = False     # counts only in the reporter's own voice, not in a quoted speaker's


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
    not_speech: re.Pattern = re.compile(r"(?!x)x")   # nouns that start with a speech verb ("think tank")
    armed_groups: re.Pattern = re.compile(r"(?!x)x")  # "rebel", "militia": never officials
    expert_phrases: re.Pattern = re.compile(r"(?!x)x")  # "the authors of the study": experts


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
    evidence_claim: re.Pattern   # "the files indicate that ...": a claim with no speaker named
    credit: re.Pattern
    casualty_figure: re.Pattern  # a number, then a word about the dead within three words
    chart_figures: dict          # the words the charts' figure finder uses (annotator/figures.py builds it)
    topic_stop_words: frozenset  # too common to show a topic
    speaker_stems: frozenset     # who speaks, not what about (first five letters)
    generic_speaker_stems: frozenset
    answer_opener: re.Pattern    # "But ...", "However ...": a sentence answering the one before
    rival_opener: re.Pattern
    rival_negation: re.Pattern
    traded: re.Pattern           # "traded accusations", "each other"
    contrast_within: re.Pattern  # ", though ...", ", a claim ...": the claim is in the same sentence
    rival_in_one: re.Pattern     # ", while ...": two figures set against each other
    toll: re.Pattern             # "the toll rose to 40"
    count_word: re.Pattern       # the first number a figure gives
    number_words: dict           # "two" -> 2
    figure_number: re.Pattern    # digits that are not a year
    no_cause: re.Pattern
    pointing_back: re.Pattern    # "this account", "that story"
    government: re.Pattern
    party_claim: re.Pattern      # "Colombia's accusations", "claims by the army"
    group_view: re.Pattern       # "Analysts are divided"
    noun_determiner: re.Pattern  # "the disputed ...": a noun, not a verb
    condition_modal: re.Pattern
    condition: re.Pattern        # "if tests confirm"
    believed_to_be: frozenset
    believed_after: re.Pattern
    armed_owner: str             # "with|of|for|from": a role tied to an armed group after it
    before_a_month: re.Pattern   # "in May": the month, not the modal
    document_owner: re.Pattern   # "its statement": the last speaker's document


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
    explanation_nouns: re.Pattern = re.compile(r"(?!x)x")  # "the official explanation": what a dispute disputes
    cause_words: re.Pattern = re.compile(r"(?!x)x")        # "blamed", "the main reason": an explanation
    rival_markers: re.Pattern = re.compile(r"(?!x)x")      # "suggested that": another explanation
    count_words: re.Pattern = re.compile(r"(?!x)x")        # "the death toll": a count, not an explanation


def _yaml(name: str, folder: Path | None = None):
    return read_rule_file(folder or data_path("rules"), name)


def _phrase_parts(phrases) -> list[str]:
    """The phrases as patterns, longest first; spaces match any run of whitespace."""
    return sorted((p.replace(" ", r"\s+") for p in phrases), key=len, reverse=True)


def _phrase_regex(phrases) -> re.Pattern:
    """Whole-word alternation of the phrases; spaces match any run of whitespace."""
    return re.compile(r"(?<![\w'’-])%s(?![\w-])" % alternation(_phrase_parts(phrases), ignorecase=True),
                      re.IGNORECASE)


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
        narrator_only=bool(spec.get("narrator_only")),
    )


def _prefilter(specs) -> re.Pattern:
    """One pattern matching wherever any rule of ``specs`` could, for lower-cased text.

    Matching lower-cased text without IGNORECASE is about twice as fast; a leading word
    boundary lets the engine skip most positions, and grouping the phrases by their first
    letter (:func:`.alternation.alternation`) most phrases. It only decides which sentences
    the full rules are tried on, so it may match a little more than they do, never less.
    """
    phrases = [r"(?:%s)(?![\w-])" % p.replace("(?<![\\w'’-])", "")
               for spec in specs for p in _phrase_parts(spec["phrases"])]
    lowered = [re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), p) for p in phrases]
    return re.compile(r"\b%s" % alternation(lowered))


def _words_regex(words) -> re.Pattern:
    parts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])%s(?:s|es)?(?![\w-])" % alternation(parts, ignorecase=True), re.IGNORECASE)


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
    names, reading = _yaml("names.yaml", folder), _yaml("reading.yaml", folder)
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
        not_speech=_phrase_regex(src.get("not_speech") or ["(?!x)x"]),
        armed_groups=_phrase_regex(src.get("armed_groups") or ["(?!x)x"]),
        expert_phrases=_phrase_regex(src.get("expert_phrases") or ["(?!x)x"]),
    )
    return Rules(
        hedges=hedges,
        unverified=unverified,
        hedge_any=_prefilter(hedge_specs),
        unverified_any=_prefilter(s for section in ("verification", "dispute") for s in unv[section]),
        pointing_words=_phrase_regex(unv["pointing_words"]),
        sources=lex,
        explanations=_yaml("explanations.yaml", folder),
        names=_name_words(names),
        reading=_reading_words(reading),
        examples=_all_examples(hedge_specs, unv, src, {"names.yaml": names, "reading.yaml": reading}),
        explanation_nouns=_phrase_regex(unv["explanation_nouns"]),
        cause_words=_phrase_regex(unv["cause_words"]),
        rival_markers=_phrase_regex(unv["rival_markers"]),
        count_words=_phrase_regex(unv["count_words"]),
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


def _grouped(words) -> str:
    """As :func:`_alt` for a case-blind word list searched for anywhere in a sentence, grouped by
    first letter (:func:`.alternation.alternation`)."""
    return alternation([re.escape(w) for w in words], ignorecase=True)


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
        speech_event_nouns=re.compile(r"(?i)%s" % _grouped(d["speech_event_nouns"]["words"])),
        document_verbs=frozenset(w.lower() for w in d["document_verbs"]["words"]),
        inverted_subject_end=re.compile(r"[,.;:“”\"]|\b(?:%s)\b" % _alt(d["inverted_subject_ends"]["words"])),
        official_figures=re.compile(r"(?i)\b(?:%s)" % _alt(d["official_figures"]["patterns"], escape=False)),
        claim_words=re.compile(r"(?i)\b(%s)\b" % _alt(d["claim_words"]["words"])),
        every_claim_words=re.compile(r"(?i)\b(?:%s|%s)\b" % (_alt(d["every_claim_words"]["words"]),
                                                             _alt(d["every_claim_words"]["patterns"], escape=False))),
        evidence_claim=re.compile(r"(?i)%s" % _alt(d["evidence_claims"]["patterns"], escape=False)),
        credit=re.compile(r"(?i)%s" % _alt(d["credits"]["patterns"], escape=False)),
        casualty_figure=re.compile(r"(?i)\b(?:\d[\d,.]*|%s)\s+(?:\w+\s+){0,3}(?:people\s+)?(?:%s)\b"
                                   % (_alt(figures["numbers"]), _alt(figures["words"]))),
        chart_figures={k: v for k, v in d["chart_figures"].items() if k != "doc"},
        **_linking_words(d),
    )


def _spaced(words) -> str:
    """The words as an alternation in file order, a space matching any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _either_case(words) -> str:
    """The words with a capital or small first letter ("[Aa]nalysts")."""
    return "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words)


def _linking_words(d: dict) -> dict:
    """The words that link one sentence's claim to another's, and that tell a statement from a description."""
    def words(group):
        return d[group]["words"]

    negations = words("rival_negations")
    toll, counted, party, view = d["toll_figures"], d["counted_numbers"], d["party_claims"], d["group_views"]
    contrast = _alt(words("contrast_words"))
    person = r"(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+"
    return dict(
        topic_stop_words=frozenset(words("topic_stop_words")),
        speaker_stems=frozenset(w.lower()[:5] for w in words("speaker_words")),
        generic_speaker_stems=frozenset(w.lower()[:5] for w in words("generic_speakers")),
        answer_opener=re.compile(r"(?i)\W*(?:%s)\b" % _alt(words("answer_openers"))),
        rival_opener=re.compile(r"\W*(?:%s)\b" % _alt(words("rival_openers"))),
        rival_negation=re.compile(r"(?i)\b(?:%s)\b|(?:%s)\b" % (
            _alt(w for w in negations if w[:2] not in ("n'", "n’")),
            _alt(w for w in negations if w[:2] in ("n'", "n’")))),
        traded=re.compile(r"(?i)\b(?:%s)\b" % _alt(words("traded_words"))),
        contrast_within=re.compile(r"(?i)[,;]\s+(?:%s)\b|,\s+(?:a|an)\s+(?:%s)\b"
                                   % (contrast, _alt(d["contrast_words"]["claim_nouns"]))),
        rival_in_one=re.compile(r"(?i)[,;]\s+(?:%s)\b" % contrast),
        toll=re.compile(r"(?i)\b(?:(?:%s)\s+)?(?:%s)\s+(?:%s)\s+(\d[\d,.]*|%s)\b" % (
            _spaced(toll["before"]), _spaced(toll["nouns"]), _spaced(toll["links"]), _spaced(toll["numbers"]))),
        count_word=re.compile(r"(?i)\b(\d[\d,]*|%s)\b" % _alt(list(counted["number_words"]) + counted["rough"])),
        number_words=dict(counted["number_words"]),
        figure_number=re.compile(_alt(d["figure_numbers"]["patterns"], escape=False)),
        no_cause=re.compile(r"(?i)\b(?:%s)\s+(?:[\w-]+\s+){0,2}$" % _alt(words("no_cause"))),
        pointing_back=re.compile(r"(?i)\b(?:%s)\s+(?:\w+\s+)?$" % _alt(words("pointing_back"))),
        government=re.compile(r"(?i)\b(?:%s)\b" % _alt(words("government_words"))),
        party_claim=re.compile(r"\b(%s)(?:['’]s)?\s+(?:own\s+)?(?:%s)\b|\b(?:%s)\s+(?:%s)\s+(?:the\s+)?(%s)" % (
            person, _spaced(party["nouns"]), _spaced(party["by_nouns"]), _spaced(party["by_words"]), person)),
        group_view=re.compile(
            r"\W*(?:(?:%s),?\s+)?((?:(?:%s)\s+)*(?:[A-Z]\w+\s+)?(?:%s))(?:\s+and\s+[\w\s-]{1,30}?)?"
            r"(?:\s+(?:%s)\s+[^,.;]{1,60}?)?\s+((?:%s)\s+(?:%s)|(?:%s)\s+(?:%s))\b" % (
                _alt(view["openers"]), _alt(view["describing"]), _either_case(view["groups"]), _alt(view["about"]),
                _spaced(view["is"]), _alt(view["views"]), _spaced(view["did"]), _alt(view["actions"]))),
        noun_determiner=re.compile(r"(?i)\b(?:%s)\s+$" % _alt(words("noun_determiners"))),
        condition_modal=re.compile(r"(?i)\b(?:%s)\s+$" % _alt(words("condition_modals"))),
        condition=re.compile(r"(?i)(?:^|,\s*)(?:%s)\s+[^,]*$" % _alt(words("condition_words"))),
        believed_to_be=frozenset(w.lower() for w in words("believed_to_be")),
        believed_after=re.compile(r"\s+to\s+(?:%s)\b" % _alt(d["believed_to_be"]["after"])),
        armed_owner=_alt(words("armed_owner_links")),
        before_a_month=re.compile(r"(?i)\b(?:%s)\s+$" % _alt(words("before_a_month"))),
        document_owner=re.compile(r"(?:%s)\s" % _alt(words("document_owners"))),
    )


def _all_examples(hedge_specs, unv, src, word_files: dict) -> tuple:
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
    for name, data in word_files.items():
        for group, spec in data.items():
            if isinstance(spec, dict):
                add(name, group, spec, spec.get("words", ()))
    return tuple(out)
