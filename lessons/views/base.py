"""What every view shares: the widget base class, lazy ipywidgets, labels, and article → analysis.

ipywidgets is imported only when a view is built (:func:`ipw`), so the pure helpers here stay light.
Every piece of article or learner text is HTML-escaped before it goes into an HTML widget (:func:`e`).
"""
from __future__ import annotations

import html
import os
from functools import lru_cache

from ..annotator.model import CATEGORIES, EXTRA_CATEGORIES
from ..errors import KitError

ALL_CATEGORIES = CATEGORIES + EXTRA_CATEGORIES
"""The four categories of the kit plus "voice" (other quoted voices)."""

MACHINE_NOTE = ("These highlights were made by a computer following simple rules. They are a "
                "starting point for your own judgement, not a verdict: check each one and decide "
                "whether you agree.")

e = html.escape


def ipw():
    import ipywidgets
    return ipywidgets


def ipython_shell():
    """The running IPython shell, or None outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    return get_ipython()


def show(obj) -> None:
    if ipython_shell() is None:
        return
    from IPython.display import display
    display(obj)


def palette_categories():
    from ..render.palette import load_categories
    return load_categories()


def category_label(cid: str, short: bool = False) -> str:
    """A category's symbol and name, e.g. "~ Hedging language" (the symbol helps colour-blind readers)."""
    cat = palette_categories().get(cid)
    if cat is None:
        return cid
    return f"{cat.symbol} {cat.short if short else cat.label}"

# --- article → analysis -------------------------------------------------------------------

def article_of(article=None):
    """The article to show: None → the seed; an Article; a path to a file; or pasted text."""
    from ..text import article as art
    if article is None:
        return art.load_article()
    if isinstance(article, os.PathLike):
        return art.load_article(article)
    if isinstance(article, (str, bytes)):
        return art.load_article(article)   # a file path, one of the kit's articles, or text
    if hasattr(article, "text"):
        return article
    raise TypeError("Give an article, the path of a text file, or the text itself.")


@lru_cache(maxsize=16)
def cached_analysis(text: str):
    from ..annotator import analyse
    return analyse(text)


def resolve(article=None):
    """``(analysis, title)`` for ``article`` (see :func:`article_of`); an Analysis has no title."""
    from ..annotator import Analysis
    if isinstance(article, Analysis):
        return article, None
    found = article_of(article)
    return cached_analysis(found.text), (getattr(found, "title", None) or None)


def analysis_of(article=None):
    """The annotator's :class:`~lessons.annotator.Analysis` of ``article`` (cached by text)."""
    return resolve(article)[0]


def check_categories(categories) -> tuple[str, ...]:
    if categories is None:
        return tuple(c for c in palette_categories() if c in ALL_CATEGORIES)
    if isinstance(categories, str):
        categories = [categories]
    chosen = tuple(dict.fromkeys(str(c).strip().lower() for c in categories))
    unknown = [c for c in chosen if c not in ALL_CATEGORIES]
    if unknown:
        raise KitError(f"“{unknown[0]}” is not a category. Use some of: {', '.join(ALL_CATEGORIES)}.")
    return chosen


def snippet(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"

def saved_mapping(value) -> dict:
    """A saved value that should be a mapping, or {} when the progress file holds something else."""
    return value if isinstance(value, dict) else {}


def saved_ticks(value) -> set:
    """A saved list of ticked categories, or nothing when the file holds something else."""
    return {str(v) for v in value} if isinstance(value, (list, tuple)) else set()


class View:
    """A notebook view. ``.widget`` is the ipywidgets box shown; the view displays as it."""

    widget = None

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def label_style():
    return {"description_width": "initial"}


_NO_CHOICE = -1   # the menu's "choose a highlight" entry
