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
