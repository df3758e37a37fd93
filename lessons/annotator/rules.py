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
from .prefilter import compile_prefilter
from .rules_sources import NameWords, SourceLexicon, _alt, _phrase_parts, _phrase_regex, name_words, source_lexicon
from .schema import KINDS as _KINDS
from .schema import SCHEMAS, RulesError, read_rule_file, split_example

__all__ = ["SCHEMAS", "CueRule", "NameWords", "ReadingWords", "RuleExample", "Rules", "RulesError",
           "SourceLexicon", "load_rules", "read_rules", "split_example"]

FIGURE_SECTIONS = ("casualty_figures", "chart_figures", "toll_figures", "counted_numbers", "figure_numbers")
"""The sections of reading.yaml that say what a casualty figure is; annotator/figures.py builds the one detector."""



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
    evidence_subjects: frozenset = frozenset()  # "a new study suggests": evidence, not a person, so still a cue
    marks_neighbour: bool = False
    section: str = ""            # unverified.yaml: "verification" or "dispute"
    narrator_only: bool = False     # counts only in the reporter's own voice, not in a quoted speaker's
    answers_rival: bool = False     # counts only against another party's claim a few sentences before (denials.py)
    marks_accounts_after: bool = False  # "there are conflicting reports": the parties' accounts that follow (cues.py)


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
    verbs_after_quote: frozenset   # '"...," agreed the minister': speech only after a quotation
    official_figures: re.Pattern
    claim_words: re.Pattern
    every_claim_words: re.Pattern
    evidence_claim: re.Pattern   # "the files indicate that ...": a claim with no speaker named
    credit: re.Pattern
    actuality: re.Pattern        # "/// Ruiz act ///": a recorded clip of the speaker named
    figures: dict                # the figure sections of reading.yaml, as written: only annotator/figures.py reads them
    topic_stop_words: frozenset  # too common to show a topic
    speaker_stems: frozenset     # who speaks, not what about (first five letters)
    generic_speaker_stems: frozenset
    answer_opener: re.Pattern    # "But ...", "However ...": a sentence answering the one before
    rival_opener: re.Pattern
    rival_negation: re.Pattern
    traded: re.Pattern           # "traded accusations", "each other"
    contrast_within: re.Pattern  # ", though ...", ", a claim ...": the claim is in the same sentence
    rival_in_one: re.Pattern     # ", while ...": two figures set against each other
    elliptic_end: re.Pattern     # "... says he wasn't.": the claim said again by its verb alone
    counter_claim: re.Pattern    # "zero", "not", "actually": the denier's own account goes against the claim
    pointed_claim: re.Pattern    # "denied the claim", "deny this": a claim made earlier
    joined_subject: re.Pattern   # "as well as officials": a second speaker joined to the subject before
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
    speaker_determiners: frozenset = frozenset()   # "a", "some": written small inside a reason
    speaker_common_words: frozenset = frozenset()  # "local", "fire": a common word, not a name
    speaker_ends: frozenset = frozenset()          # "also", "who": a speaker phrase ends before them
    new_topic_opener: re.Pattern = re.compile(r"(?!x)x")  # "Meanwhile, ...": a new topic, not an answer
    pledge: re.Pattern = re.compile(r"(?!x)x")  # "The rebels have vowed to ...": a stand, not an account
    denier_plan: re.Pattern = re.compile(r"(?!x)x")  # "he plans to fight this plot": the denier's stand
    agreed_subject: re.Pattern = re.compile(r"(?!x)x")  # "Both rebels and military sources said ...": agreed
    feeling: re.Pattern = re.compile(r"(?!x)x")  # "they are cautiously optimistic about ...": no account
    complaint: re.Pattern = re.compile(r"(?!x)x")  # "Election monitors complained of ...": fault found
    all_well: re.Pattern = re.compile(r"(?!x)x")  # "... said the election proceeded well": the answer to it
    claim_clause: re.Pattern = re.compile(r"(?!x)x")  # ", a report separatists denied", "-- which Russia denies"
    named_claim: re.Pattern = re.compile(r"(?!x)x")  # "dismissed the allegation that ...": the claim named
    checked_claims: re.Pattern = re.compile(r"(?!x)x")  # "no confirmation of the military's claims": all of them


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
        evidence_subjects=frozenset(w.lower() for w in spec.get("evidence_subjects") or ()),
        marks_neighbour=bool(spec.get("marks_neighbour")),
        section=section,
        narrator_only=bool(spec.get("narrator_only")),
        answers_rival=bool(spec.get("answers_rival")),
        marks_accounts_after=bool(spec.get("marks_accounts_after")),
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
    return compile_prefilter(lowered, r"\b%s" % alternation(lowered))


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
    groups = {k: src[k] for k in _LISTED if isinstance(src.get(k), dict)}
    src = {**src, **{k: v.get("words", v.get("patterns")) for k, v in groups.items()}}   # a group is read as its list
    groups.update({k: src[k] for k in _STRUCTURED if isinstance(src.get(k), dict)})     # read field by field
    names, reading = _yaml("names.yaml", folder), _yaml("reading.yaml", folder)
    lex = source_lexicon(src)
    return Rules(
        hedges=hedges,
        unverified=unverified,
        hedge_any=_prefilter(hedge_specs),
        unverified_any=_prefilter(s for section in ("verification", "dispute") for s in unv[section]),
        sources=lex,
        explanations=_yaml("explanations.yaml", folder),
        names=name_words(names),
        reading=_reading_words(reading),
        examples=_all_examples(hedge_specs, unv, src, {"names.yaml": names, "reading.yaml": reading,
                                                       "sources.yaml": groups}),
        explanation_nouns=_phrase_regex(unv["explanation_nouns"]),
        cause_words=_phrase_regex(unv["cause_words"]),
        rival_markers=_phrase_regex(unv["rival_markers"]),
        count_words=_phrase_regex(unv["count_words"]),
    )


_LISTED = ("phrases_before_speaker", "speech_events", "finding_verbs", "statement_nouns", "document_nouns",
           "ambiguous_roles", "medical_roles", "expert_places", "expert_phrases", "party_owners",
           "negated_views", "events_before_speaker", "state_bodies", "clinical_roles", "partisan_modifiers",
           "study_authors", "expert_work_verbs", "speaker_labels", "de_facto_bodies", "state_forces", "headline_acts", "official_acts", "clause_openers", "account_run_ons", "text_states", "report_contents", "expert_introductions",
           "expert_reactions", "views_held", "later_introductions", "interviewed_people",
           "research_teams", "report_owners", "findings_owners", "own_research", "group_members")
"""sources.yaml lists that may be written as a group with examples."""

_STRUCTURED = ("national_roles", "expert_panels", "governing_groups", "official_statistics")
"""sources.yaml groups with more than one list, whose examples are checked like a list's."""


def _unique_ids(rules) -> None:
    seen = set()
    for r in rules:
        if r.id in seen:
            file = "hedges.yaml" if r.category == "hedge" else "unverified.yaml"
            raise RulesError(f"{file}, rule '{r.id}': another rule has the same id; give each rule its own")
        seen.add(r.id)


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
        appositive=re.compile(r",[ \t]+((?:(?:a|an|the)\s+)?(?:[^,.;:“”\"\n]|\.(?=[\w-]|\s[a-z])){3,160}?)"
                              r"(?=,|\.\s(?![a-z])|\.$|\s(?:%s)\b|;|$|\s[“\"])" % _alt(ends["words"])),
        second_appositive=re.compile(r",\s+((?:a|an|the)\s+[^,.;:]{3,80}?)(?=,|\.|\s(?:%s)\b)" % _alt(ends["second"])),
        possessive=re.compile(r"['’]s\s+(?:%s)?(\w+)" % "|".join(re.escape(w) + r"\s+" for w in d["possessive_modifiers"]["words"])),
        speech_event_nouns=re.compile(r"(?i)%s" % _grouped(d["speech_event_nouns"]["words"])),
        document_verbs=frozenset(w.lower() for w in d["document_verbs"]["words"]),
        inverted_subject_end=re.compile(r"[,.;:“”\"]|\b(?:%s)\b" % _alt(d["inverted_subject_ends"]["words"])),
        verbs_after_quote=frozenset(w.lower() for w in d["verbs_after_quote"]["words"]),
        official_figures=re.compile(r"(?i)\b(?:%s)" % _alt(d["official_figures"]["patterns"], escape=False)),
        claim_words=re.compile(r"(?i)\b(%s)\b" % _alt(d["claim_words"]["words"])),
        every_claim_words=re.compile(r"(?i)\b(?:%s|%s)\b" % (_alt(d["every_claim_words"]["words"]),
                                                             _alt(d["every_claim_words"]["patterns"], escape=False))),
        evidence_claim=re.compile(r"(?i)%s" % _alt(d["evidence_claims"]["patterns"], escape=False)),
        credit=re.compile(r"(?i)%s" % _alt(d["credits"]["patterns"], escape=False)),
        actuality=re.compile(r"(?i)%s" % _alt(d["actuality_cues"]["patterns"], escape=False)),
        figures={name: {k: v for k, v in d[name].items() if k not in ("doc", "examples", "not_examples")}
                 for name in FIGURE_SECTIONS},
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
    party, view = d["party_claims"], d["group_views"]
    contrast = _alt(words("contrast_words"))
    person = r"(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+"
    return dict(
        topic_stop_words=frozenset(words("topic_stop_words")),
        speaker_stems=frozenset(w.lower()[:5] for w in words("speaker_words")),
        generic_speaker_stems=frozenset(w.lower()[:5] for w in words("generic_speakers")),
        answer_opener=re.compile(r"(?i)\W*(?:%s)\b" % _alt(words("answer_openers"))),
        new_topic_opener=re.compile(r"(?i)\W*(?:%s)\b" % _spaced(words("new_topic_openers"))),
        pledge=re.compile(r"(?i)\b(?:%s)\s+(?:to\b|(?:that\s+)?[^.;:!?]{0,80}?\b(?:would|will)\b)" % _alt(words("pledge_verbs"))),
        denier_plan=re.compile(r"(?i)\b(?:he|she|they|it|we|i)\s+(?:%s)\s+to\b" % _alt(words("denier_plans"))),
        complaint=re.compile(r"(?i)\b(?:%s)\b" % _spaced(words("complaint_words"))),
        all_well=re.compile(r"(?i)\b(?:%s)\b" % _spaced(words("all_well_words"))),
        agreed_subject=re.compile(r"(?i)^\W*(?:%s)\s+[^,;:]{1,80}?\s(?:and|as well as)\s" % _alt(words("agreed_subjects"))),
        feeling=re.compile(r"(?i)\b(?:they|he|she|it|we|i)\s+(?:are|is|was|were|am|remains?|remained|feels?|felt)\s+"
                           r"[\"“‘']?(?:\w+ly\s+)?(?:%s)[\"”’']?(?:\s+(?:about|over|for)\b|\W*$)" % _alt(words("feelings"))),
        checked_claims=re.compile(r"(?i)\b(?:%s)\b" % _alt(words("checked_claims"))),
        named_claim=re.compile(r"(?i)\b(?:the|these|those|such|any|its|their|his|her|[\w-]+[’']s)\s+(?:[\w-]+\s+)?"
                               r"(?:%s)\s+that\s+([^.;:!?]{1,120})" % _alt(words("named_claims"))),
        rival_opener=re.compile(r"\W*(?:%s)\b" % _alt(words("rival_openers"))),
        rival_negation=re.compile(r"(?i)(?:\b(?:%s)\b|(?:%s)\b)(?!\s+(?:\w+ly\s+)?(?:%s)\b)" % (
            _alt(w for w in negations if w[:2] not in ("n'", "n’")),
            _alt(w for w in negations if w[:2] in ("n'", "n’")), _alt(d["rival_negations"]["weighing"]))),
        traded=re.compile(r"(?i)\b(?:%s)\b" % _alt(words("traded_words"))),
        contrast_within=re.compile(r"(?i)[,;]\s+(?:%s)\b|,\s+(?:a|an)\s+(?:%s)\b|(?:[,;]|\s--?|\s?[—–])\s*(?:%s)\s+(?:[\w’'.-]+\s+){1,3}$"
                                   % (contrast, _alt(d["contrast_words"]["claim_nouns"]),
                                      _alt(d["contrast_words"]["relatives"]))),
        claim_clause=re.compile(r"(?i),\s+(?:a|an)\s+(?:%s)\b|(?:[,;]|\s--?|\s?[—–])\s*(?:%s)\s+(?:[\w’'.-]+\s+){1,3}$"
                                % (_alt(d["contrast_words"]["claim_nouns"]), _alt(d["contrast_words"]["relatives"]))),
        rival_in_one=re.compile(r"(?i)[,;]\s+(?:%s)\b" % contrast),
        elliptic_end=re.compile(r"(?i)\b(?:%s)(?:n[’']t|\s+not|\s+never)?\W*$" % _alt(words("elliptic_answers"))),
        counter_claim=re.compile(r"(?i)\b(?:%s)\b|n[’']t\b" % _alt(words("counter_claims"))),
        pointed_claim=re.compile(r"(?i)^\W*(?:(?:the|this|that|these|those|such|its|their|his|her|[\w-]+[’']s)\s+"
                                 r"(?:[\w’'-]+\s+){0,2}?)?(?:%s)\b" % _alt(words("pointed_claims"))),
        joined_subject=re.compile(r"(?i)(?:^|\s)(?:%s)\b" % _alt(words("joined_subjects"))),
        no_cause=re.compile(r"(?i)\b(?:%s)\s+(?:[\w-]+\s+){0,2}$" % _alt(words("no_cause"))),
        pointing_back=re.compile(r"(?i)\b(?:%s)\s+(?:\w+\s+)?$" % _alt(words("pointing_back"))),
        government=re.compile(r"(?i)\b(?:%s)\b" % _alt(words("government_words"))),
        party_claim=re.compile(r"\b(%s)(?:['’]s)?\s+(?:own\s+)?(?:%s)\b|\b(?:%s)\s+(?:%s)\s+(?:the\s+)?(%s)" % (
            person, _spaced(party["nouns"]), _spaced(party["by_nouns"]), _spaced(party["by_words"]), person)),
        group_view=re.compile(
            r"\W*(?:(?:%s),?\s+|[^,;:]{1,100},\s+)?((?:(?:%s)\s+)*(?:[A-Z]\w+\s+)?(?:%s))(?:\s+and\s+[\w\s-]{1,30}?)?"
            r"(?:\s+(?:%s)\s+[^,.;]{1,60}?)?\s+((?:%s)\s+(?:\w+ly\s+)?(?:%s)|(?:%s)\s+(?:%s))\b" % (
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
        speaker_determiners=frozenset(d["speaker_phrases"]["determiners"]),
        speaker_common_words=frozenset(d["speaker_phrases"]["common_words"]),
        speaker_ends=frozenset(d["speaker_phrases"]["ends"]),
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
