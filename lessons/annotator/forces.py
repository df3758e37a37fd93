"""Forces named after something that is no state: an armed group's forces, never an official source.

"Tigray forces spokesman Getachew Reda", "a member of the Tigrayan forces' central command", "deputy
defense chief of the Ambazonia Defense Forces": the capitalised words before "forces" name a region, a
people or a movement, not a country. A country or its people ("Russian forces", "Israel Defense Forces",
"Ukraine's forces"), an official acronym ("NATO forces") or one of the words in ``state_forces``
("Government forces", "Coalition forces", "Special Forces") keeps them the state's. The armed groups the
rules already name ("Rapid Support Forces") are found by ``armed_groups``.
"""
from __future__ import annotations

import re

_FORCES = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,3}?)(?:[Dd]efen[cs]e\s+)?[Ff]orces\b")


def nonstate_forces(phrase: str, rules) -> re.Match | None:
    """The "X forces" of ``phrase`` whose X names no state (see the module's doc), or None."""
    if "orces" not in phrase:
        return None
    from .roles import names_a_nation     # roles.py asks this module; imported here, not at load

    lex = rules.sources
    for m in _FORCES.finditer(phrase):
        words = [re.sub(r"['’]s$", "", w) for w in m.group(1).split()]
        if any(w.lower() in lex.state_forces or lex.official_acronyms.fullmatch(w) for w in words):
            continue
        if names_a_nation(" ".join(words), rules) or names_a_nation(words[-1], rules):
            continue
        return m
    return None
