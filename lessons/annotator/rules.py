"""Load the annotator's cue lists and rules from ``data/rules/*.yaml`` into compiled patterns.

Teachers edit the YAML; this module only turns it into regular expressions once per session.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path


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
class Rules:
    """Everything the annotator reads from data files."""

    hedges: tuple
    unverified: tuple
    hedge_any: re.Pattern        # any hedge cue at all, on lower-cased text: a quick test before the rules run
    unverified_any: re.Pattern
    pointing_words: re.Pattern
    sources: SourceLexicon
    explanations: dict
    explanation_nouns: re.Pattern = re.compile(r"(?!x)x")  # "the official explanation": what a dispute disputes
    cause_words: re.Pattern = re.compile(r"(?!x)x")        # "blamed", "the main reason": an explanation
    rival_markers: re.Pattern = re.compile(r"(?!x)x")      # "suggested that": another explanation
    count_words: re.Pattern = re.compile(r"(?!x)x")        # "the death toll": a count, not an explanation


def _yaml(name: str):
    import yaml

    return yaml.safe_load(data_path("rules", name).read_text(encoding="utf-8"))


def _phrase_regex(phrases) -> re.Pattern:
    """Whole-word alternation of the phrases; spaces match any run of whitespace."""
    parts = sorted((p.replace(" ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:%s)(?![\w-])" % "|".join(parts), re.IGNORECASE)


def _cue_rule(spec: dict, category: str) -> CueRule:
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
        narrator_only=bool(spec.get("narrator_only")),
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
    hedges = tuple(_cue_rule(s, "hedge") for s in _yaml("hedges.yaml"))
    unv = _yaml("unverified.yaml")
    unverified = tuple(_cue_rule(s, "unverified") for s in unv["verification"] + unv["dispute"])
    src = _yaml("sources.yaml")
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
        hedge_any=_prefilter(r.pattern.pattern for r in hedges),
        unverified_any=_prefilter(r.pattern.pattern for r in unverified),
        pointing_words=_phrase_regex(unv["pointing_words"]),
        sources=lex,
        explanations=_yaml("explanations.yaml"),
        explanation_nouns=_phrase_regex(unv["explanation_nouns"]),
        cause_words=_phrase_regex(unv["cause_words"]),
        rival_markers=_phrase_regex(unv["rival_markers"]),
        count_words=_phrase_regex(unv["count_words"]),
    )
