"""Authorities a text itself establishes: names it gives state bodies, and armed groups it shows in power.

"Tavrenia's navy" makes Tavrenia a state in that text, so "Tavrenia says" is its government though
the list of countries does not know the name. "The Taliban government" or "the ruling Taliban"
show a group in power, so in that text "Taliban officials" and "a Taliban spokesman" speak for the
authorities in control, which the guidelines count as official; where a text never shows the group
governing, its spokesmen stay another voice. The words are in ``sources.yaml`` (``text_states``,
``governing_groups``); :mod:`.speakers` asks these functions when it resolves a subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import prefilter
from .model import Speaker
from .roles import classify_role
from .rules import Rules


@lru_cache(maxsize=4)
def _possessed_body(words: tuple) -> re.Pattern:
    """'Tavrenia's navy', 'Kestria's Foreign Ministry': a capitalised name, "'s", up to two words, a state body."""
    alts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(r"\b([A-Z][a-z]{2,})['’]s\s+(?:[\w-]+\s+){0,2}?(?i:%s)\b" % alts)


def text_states(text: str, rules: Rules) -> frozenset[str]:
    """Names the text gives a state's body or post ("Norvale's government"), beyond the places list.

    A name the lists already know (a country, an armed group, a month, a word that is no name) is left out.
    """
    lex, names = rules.sources, rules.names
    found = set()
    for m in _possessed_body(tuple(lex.text_state_words)).finditer(text):
        name = m.group(1)
        if (
            name.lower() in lex.places
            or lex.armed_groups.fullmatch(name)
            or name in names.not_names
            or name in names.calendar
            or names.demonym.fullmatch(name)
        ):
            continue
        found.add(name)
    return frozenset(found)


@lru_cache(maxsize=4)
def _in_power(words: tuple, before: tuple) -> tuple[re.Pattern, re.Pattern]:
    """After a group's name: '-run' or '-led' and a word of government; before it: 'ruling'."""
    after = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(words, key=len, reverse=True)
    )
    ahead = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True))
    return (
        re.compile(r"(?i)(?:-(?:run|led|controlled|ruled))?['’]?s?\s+(?:%s)\b" % after),
        re.compile(r"(?i)\b(?:%s)\s+(?:the\s+)?$" % ahead),
    )


def governing_groups(text: str, rules: Rules) -> frozenset[str]:
    """Armed groups (lower case) the text shows in power: "the Taliban government", "Taliban authorities",
    "the ruling Taliban"; not "the former Taliban government", a power that has passed."""
    lex, names = rules.sources, rules.names
    after, before = _in_power(tuple(lex.governing_words), tuple(lex.governing_before))
    found = set()
    for m in prefilter.finditer(lex.armed_groups, text):      # quickly: see prefilter.py
        ahead = text[max(0, m.start() - 40) : m.start()]
        if names.former.search(ahead) or re.search(
            r"(?i)\b(?:ousted|toppled|previous)\s+(?:the\s+)?$", ahead
        ):
            continue
        if after.match(text, m.end()) or before.search(ahead):
            found.add(m.group().lower())
    return frozenset(found)


def as_authorities(phrase: str, groups: frozenset[str], rules: Rules) -> Speaker | None:
    """A group in power (or one of its people) named by the phrase, as the official source it is, or None.

    The group's name is taken out and the rest decides: "Taliban officials in Khost" are officials, "a
    Taliban spokesman" speaks for the authorities, "the Taliban" alone are the authorities; "Taliban
    fighters" name no one who speaks for them.
    """
    if not groups:
        return None
    lex = rules.sources
    hit = next(
        (m for m in lex.armed_groups.finditer(phrase) if m.group().lower() in groups),
        None,
    )
    if hit is None:
        return None
    rest = (
        phrase[: hit.start()]
        + re.sub(r"^(?:-(?:run|led|controlled|ruled))?['’]?s?", "", phrase[hit.end() :])
    ).strip()
    if lex.armed_groups.search(rest):
        return None  # another group named beside it
    kind, head = classify_role(rest, rules)
    if kind == "official" or (kind is None and head):
        return Speaker(
            name=" ".join(phrase.split()),
            kind="official",
            description="authorities in control",
            person=bool(head and head.split()[-1] in rules.names.person_roles),
        )
    if kind is None and not re.search(r"[A-Za-z]{4,}", re.sub(r"(?i)^the\b", "", rest)):
        return Speaker(
            name=hit.group(), kind="official", description="authorities in control"
        )
    return None


def in_power(
    people: dict[str, Speaker], groups: frozenset[str], rules: Rules
) -> dict[str, Speaker]:
    """The people a text introduces, with those of a group it shows in power made official
    ("Taliban spokesman Zabihullah Mujahid" where the text speaks of the Taliban government)."""
    if not groups:
        return people
    made: dict[int, Speaker] = {}
    for sp in people.values():
        if sp.kind == "voice" and id(sp) not in made:
            ruling = as_authorities(sp.description, groups, rules)
            if ruling is not None:
                made[id(sp)] = Speaker(
                    name=sp.name,
                    kind="official",
                    description=sp.description,
                    person=sp.person,
                )
    return {key: made.get(id(sp), sp) for key, sp in people.items()}
