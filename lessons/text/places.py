"""Where a sentence stands in a report, named the way a learner counts it on the page.

The highlighter and the handout show every part of an article labelled (headline, dek, body,
photo description, caption, credit) and number none of them, so a learner counts body paragraphs
from the first paragraph of the report (the lede), past the headline, the dek and the photo
lines. :func:`places` is the one numbering: the lesson helpers (``lk.find``) and the annotator's
reasons ("challenged by ... (paragraph 10)") both use it, so "paragraph 10" is the same paragraph
wherever a learner reads it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

__all__ = ["line_places", "places"]

_LINE = re.compile(r"[^\r\n]+")
_PHOTO = {"image_title": "alt text", "caption": "caption", "credit": "credit"}


def places(kinds: Sequence[str]) -> list[str]:
    """The place of each part, from the parts' kinds in reading order: "Headline", "Dek",
    "Paragraph 1" (the lede), "Photo 1 alt text", "Photo 1 caption", "Photo 1 credit".

    >>> places(["headline", "dek", "paragraph", "image_title", "caption", "credit", "paragraph"])
    ['Headline', 'Dek', 'Paragraph 1', 'Photo 1 alt text', 'Photo 1 caption', 'Photo 1 credit', 'Paragraph 2']
    """
    out, paragraph, photo, last = [], 0, 0, None
    for kind in kinds:
        if kind in _PHOTO:
            if kind == "image_title" or last not in ("image_title", "caption") or kind == last == "caption":
                photo += 1
            out.append(f"Photo {photo} {_PHOTO[kind]}")
        elif kind == "headline":
            out.append("Headline")
        elif kind == "dek":
            out.append("Dek")
        else:
            paragraph += 1
            out.append(f"Paragraph {paragraph}")
        last = kind
    return out


def line_places(text: str) -> tuple[str, ...]:
    """The place (see :func:`places`) of every line of ``text`` that is not blank: the parts of
    the kit's article whose text it is, or else the parts of the text pasted as an article (a
    short first line without a full stop is its headline, every other line a paragraph)."""
    return _line_places(text)


@lru_cache(maxsize=16)
def _line_places(text: str) -> tuple[str, ...]:
    from .article import _looks_like_headline
    lines = [m.group().strip() for m in _LINE.finditer(text)]     # as split_sentences numbers them
    words = [line for line in lines if line]
    kinds = _kit_kinds().get(text)
    if kinds is None or len(kinds) != len(words):
        kinds = ["headline" if i == 0 and len(words) > 1 and _looks_like_headline(line) else "paragraph"
                 for i, line in enumerate(words)]
    named = iter(places(kinds))
    return tuple(next(named) if line else "" for line in lines)


@lru_cache(maxsize=1)
def _kit_kinds() -> dict[str, tuple[str, ...]]:
    """The parts of each of the kit's articles, by the article's text."""
    from .article import _kit_article, _kit_article_ids
    out = {}
    for article_id in _kit_article_ids():
        article = _kit_article(article_id)
        out[article.text] = tuple(b.kind for b in article.blocks)
    return out
