"""Experts who speak for a side: "a Republican strategist", "a pro-government commentator".

The guidelines count independent analysts as experts and never partisans. An expert's role named
right after a party or camp word (``partisan_modifiers`` in ``lessons/data/rules/sources.yaml``)
makes the speaker another voice: the strategist works for a party, the commentator for a camp.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Speaker
from .rules import Rules


@lru_cache(maxsize=4)
def _partisan(modifiers: tuple, roles: tuple) -> re.Pattern:
    mods = "|".join(re.escape(m) for m in sorted(modifiers, key=len, reverse=True))
    heads = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(roles, key=len, reverse=True))
    return re.compile(r"(?i)(?<![\w-])(?:%s)\s+(?:[\w-]+\s+)?(?:%s)(?![\w-])" % (mods, heads))


_HELD: dict = {}   # id(word lists) -> (the word lists, their pattern): gathered once, not for every expert


def _pattern_for(lex) -> re.Pattern:
    held = _HELD.get(id(lex))
    if held is None or held[0] is not lex:
        roles = tuple(sorted(w for w, k in lex.roles.items() if k == "expert"))
        if len(_HELD) > 8:       # word lists loaded afresh (tests, a teacher's own rule files): keep a few
            _HELD.clear()
        held = _HELD[id(lex)] = (lex, _partisan(tuple(sorted(lex.partisan_modifiers)), roles))
    return held[1]


def speaks_for_a_side(speaker: Speaker, rules: Rules) -> bool:
    """Is this expert named as a party's or a camp's ("Democratic strategist Tom Ash")?"""
    if speaker.kind != "expert" or not rules.sources.partisan_modifiers:
        return False
    return bool(_pattern_for(rules.sources).search(f"{speaker.name} {speaker.description}"))
