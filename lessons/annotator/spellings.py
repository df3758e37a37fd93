"""A name spelled two ways in one report: "Ahmed Al-Mandhar said ..." and later "Al-Mandhari urged ...".

Reports often spell a foreign surname differently from one paragraph to the next. A surname that
is not yet known but is one letter away (a letter added, dropped or changed) from exactly one
surname named before, with the same first four letters and at least five letters, recalls that
person. :func:`.speakers.resolve` asks :func:`respelled` when a phrase names no one it knows.
"""

from __future__ import annotations

import re

MIN_LETTERS = 5
"""Shorter surnames ("Khan", "Kahn") are too easily another person's."""

_SURNAME = re.compile(r"[A-Z][\w'’-]{%d,}" % (MIN_LETTERS - 1))


def one_letter_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1 :]


def respelled(phrase: str, people: dict, recent=()):
    """The one person named before (``people`` by name and surname, or a ``recent`` speaker by the
    last word of their name) whose surname ``phrase`` spells one letter differently, or None."""
    word = phrase.strip()
    if not _SURNAME.fullmatch(word) or word in people:
        return None
    named = [(name, sp) for name, sp in people.items() if " " not in name and sp.person]
    named += [
        (sp.name.split()[-1], sp) for sp in recent if sp.person and " " in sp.name
    ]
    near = {
        id(sp): sp
        for name, sp in named
        if name[:4] == word[:4] and one_letter_apart(name, word)
    }
    return next(iter(near.values())) if len(near) == 1 else None
