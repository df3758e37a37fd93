"""Small helpers the lesson notebooks call in one line: parts of a report, word search, the certainty
ladder, agreement sums.

Each helper is a pure function over an :class:`~lessons.text.article.Article` (the seed article by
default) that returns a :class:`Shown`: escaped HTML for the notebook and plain text for
everything else, so that running a cell twice only shows the same thing twice, and tests can
read what a learner sees.
"""
from __future__ import annotations

from ..scoring.agreement import agreement_sums
from .exercises import agreement, certainty_ladder, compare_caption_and_body, death_toll_sentences, explain, load_ladder
from .reading import PART_NAMES, Piece, Shown, find, matches, pieces, quotes, show_parts

__all__ = [
    "Shown", "Piece", "pieces", "show_parts", "quotes", "find", "matches",
    "compare_caption_and_body", "death_toll_sentences", "certainty_ladder", "load_ladder",
    "agreement_sums", "agreement", "explain", "PART_NAMES",
]
