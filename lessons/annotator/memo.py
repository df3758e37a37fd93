"""Searches remembered: the same sentence asked the same question once per cue in it is searched once.

A sentence packed with markers (up to 5,000 characters, see ``lessons.text.sentences``) asks
for each marker whether the sentence before it reports a claim; without a memory that is a
search of the whole sentence per marker, and the work per character grows with the markers.
"""
from __future__ import annotations

import re

_REMEMBERED: dict = {}      # (id(pattern), text) -> (pattern, what pattern.search(text) found)
_AT_MOST = 64               # entries kept before starting afresh: a few sentences' worth, little memory


def search_once(pattern: re.Pattern, text: str):
    """``pattern.search(text)``, remembered for the texts searched last."""
    key = (id(pattern), text)
    hit = _REMEMBERED.get(key)
    if hit is not None and hit[0] is pattern:      # the same pattern, not another one at its address
        return hit[1]
    found = pattern.search(text)
    if len(_REMEMBERED) >= _AT_MOST:
        _REMEMBERED.clear()
    _REMEMBERED[key] = (pattern, found)
    return found


_PER_TEXT: list = []        # the memories of per_text functions, emptied when a new text is read
_AT_MOST_PER_TEXT = 4096    # answers kept for one function (a text with more starts afresh)


def per_text(fn):
    """``fn``, whose result depends on its arguments alone, remembered while one text is read
    (:func:`forget` starts afresh): a text names the same few speakers again and again. Strings
    and numbers are compared by value, anything else (the rules) by identity."""
    seen: dict = {}
    _PER_TEXT.append(seen)

    def once(*args):
        key = tuple(a if isinstance(a, (str, int)) else id(a) for a in args)
        hit = seen.get(key)
        if hit is not None and all(x is y for x, y in zip(hit[0], args) if not isinstance(y, (str, int))):
            return hit[1]
        found = fn(*args)
        if len(seen) >= _AT_MOST_PER_TEXT:
            seen.clear()
        seen[key] = (args, found)
        return found

    once.__wrapped__ = fn
    once.__doc__ = fn.__doc__
    return once


def forget() -> None:
    """A new text: what :func:`per_text` functions remembered is for the last one."""
    for seen in _PER_TEXT:
        seen.clear()
