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


def _spelled_out(acronym: str) -> re.Pattern:
    """Capitalised words whose first letters are ``acronym``, one small word allowed between two."""
    gap = r"\s+(?:[a-z]+\s+)?"
    return re.compile(
        r"\b" + gap.join(r"%s[a-z]+" % letter for letter in acronym) + r"\b"
    )


def _among_armed_groups(text: str, acronym: str, rules: Rules) -> bool:
    """Whether a sentence with ``acronym`` in it also names an armed group ("rebel", "militia")."""
    sentences = re.findall(r"[^.!?\n]*(?<![\w.])%s(?![\w])[^.!?\n]*" % acronym, text)
    return any(rules.sources.armed_groups.search(s.lower()) for s in sentences)


def coined_acronyms(text: str, rules: Rules) -> list[str]:
    """Acronyms in ``text``, not yet known as official, that spell out a state body the text names."""
    known = rules.sources.official_acronyms
    found = []
    for word in sorted({m.group() for m in _ACRONYM.finditer(text)}):
        if known.fullmatch(word) or _among_armed_groups(text, word, rules):
            continue
        if any(
            org_kind(m.group().lower(), rules) == "official"
            for m in _spelled_out(word).finditer(text)
        ):
            found.append(word)
    return found


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
