"""Acronyms a report coins for a state body it has named in full.

Wire copy names a body once in full and then by its initials: "The Federal Transit Commission on
Monday ... ," FTC chairman Ana Ruiz said'. The initials are no word of the list of official
acronyms (``official_acronyms`` in sources.yaml), yet in this text they stand for a state body,
so a title after them ("FTC chairman") is an official's. :func:`with_coined_acronyms` gives the
rules for one text with such acronyms added; a body's name counts when its capitalised words'
first letters spell the acronym (small words between them, as "of" in "Office of Road Safety",
are passed over) and the name is a state body's (:func:`lessons.annotator.roles.org_kind`). An
acronym in a sentence that speaks of rebels or militants ("a spokesman for an SLA faction, speaking
from a rebel stronghold") is left alone: an armed group's "army" or "front" is no state body.
"""

from __future__ import annotations

import dataclasses
import re

from .roles import org_kind
from .rules import Rules

_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,6}(?![\w.])")
"""A word of two to six capital letters: a candidate acronym."""


_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_RUN = re.compile(r"\b[A-Z][a-z]+\b(?:\s+(?:[a-z]+\s+)?[A-Z][a-z]+\b)*")
"""Capitalised words in a row, one small word allowed between two ("Office of Road Safety")."""
_SEGMENT = re.compile(r"[^.!?\n]+")


def _names_by_initials(text: str, acronyms: set[str]) -> dict[str, list[str]]:
    """Every run of capitalised words whose first letters are one of ``acronyms``, by those letters.

    One pass over the text: each run of capitalised words is read once, and only its stretches as
    long as an acronym are looked at, so many acronyms cost no more than a few."""
    lengths = {len(a) for a in acronyms}
    names: dict[str, list[str]] = {}
    for run in _RUN.finditer(text):
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, run.start(), run.end())]
        for i in range(len(words)):
            for n in lengths:
                if i + n <= len(words):
                    key = "".join(text[a] for a, _ in words[i:i + n])
                    if key in acronyms:
                        names.setdefault(key, []).append(text[words[i][0]:words[i + n - 1][1]])
    return names


def _among_armed_groups(text: str, acronyms: set[str], rules: Rules) -> set[str]:
    """The ``acronyms`` used in a sentence that also names an armed group ("rebel", "militia")."""
    armed: set[str] = set()
    for seg in _SEGMENT.finditer(text):
        here = {m.group() for m in _ACRONYM.finditer(text, seg.start(), seg.end())} & acronyms
        if here - armed and rules.sources.armed_groups.search(seg.group().lower()):
            armed |= here
    return armed


def coined_acronyms(text: str, rules: Rules) -> list[str]:
    """Acronyms in ``text``, not yet known as official, that spell out a state body the text names."""
    known = rules.sources.official_acronyms
    words = {m.group() for m in _ACRONYM.finditer(text)}
    words = {w for w in words if not known.fullmatch(w)}
    if not words:
        return []
    words -= _among_armed_groups(text, words, rules)
    names = _names_by_initials(text, words)
    return [w for w in sorted(names) if any(org_kind(name.lower(), rules) == "official" for name in names[w])]


def with_coined_acronyms(text: str, rules: Rules) -> Rules:
    """``rules`` for this text: the acronyms it coins for state bodies count as official acronyms."""
    found = coined_acronyms(text, rules)
    if not found:
        return rules
    known = rules.sources.official_acronyms
    pattern = re.compile(
        r"(?<![\w.])(?:%s)(?![\w])|%s" % ("|".join(found), known.pattern)
    )
    return dataclasses.replace(
        rules, sources=dataclasses.replace(rules.sources, official_acronyms=pattern)
    )
