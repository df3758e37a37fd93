"""Forces named after something that is no state: an armed group's forces, never an official source.

"Tigray forces spokesman Getachew Reda", "a member of the Tigrayan forces' central command", "deputy
defense chief of the Ambazonia Defense Forces": the capitalised words before "forces" name a region, a
people or a movement, not a country. A country or its people ("Russian forces", "Israel Defense Forces",
"Ukraine's forces"), an official acronym ("NATO forces") or words that are all in ``state_forces``
or name a country ("Government forces", "Coalition forces", "Afghan National Security Forces") keep
them the state's; one other word ("National Liberation Forces") makes them a movement's. The armed groups the
rules already name ("Rapid Support Forces") are found by ``armed_groups``.
"""
from __future__ import annotations

import re

from .nations import names_a_nation

_FORCES = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,3}?)(?:[Dd]efen[cs]e\s+)?[Ff]orces\b")


def nonstate_forces(phrase: str, rules) -> re.Match | None:
    """The "X forces" of ``phrase`` whose X names no state (see the module's doc), or None."""
    if "orces" not in phrase:
        return None
    lex = rules.sources
    for m in _FORCES.finditer(phrase):
        words = [re.sub(r"['’]s$", "", w) for w in m.group(1).split()]
        if names_a_nation(" ".join(words), rules) or all(
                w.lower() in lex.state_forces or lex.official_acronyms.fullmatch(w) or names_a_nation(w, rules)
                for w in words):
            continue                      # "Afghan National Security Forces", "NATO forces": the state's
        return m                          # "Tigray forces", "National Liberation Forces": a region's, a movement's
    return None
