"""What every view shares: the widget base class, lazy ipywidgets, labels, and article → analysis.

ipywidgets is imported only when a view is built (:func:`ipw`), so the pure helpers here stay light.
Every piece of article or learner text is HTML-escaped before it goes into an HTML widget (:func:`e`).
"""
from __future__ import annotations

import html
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..annotator.model import CATEGORIES, EXTRA_CATEGORIES
from ..errors import KitError

ALL_CATEGORIES = CATEGORIES + EXTRA_CATEGORIES
"""The four categories of the kit plus the extra layers a view may add when asked ("voice")."""

PART_LABELS = {
    "headline": "Headline",
    "dek": "Dek (standfirst)",
    "paragraph": "Body",
    "image_title": "Photo description (alt text)",
    "caption": "Photo caption",
    "credit": "Photo credit",
}
"""What each part of an article is called where a view labels it (lesson 1's words)."""

NOT_SENTENCES = frozenset({"credit"})
"""Parts that are not sentences of the report: a photo credit is a name (the key leaves it out too)."""

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


@dataclass(frozen=True)
class Reading:
    """An analysed article with its parts: what every view counts and labels from.

    ``sentences`` are the report's sentences, the same list in every view: the annotator's
    sentences without blank ones and without photo credits (names, not sentences). ``parts``
    are ``(start, end, kind)`` of the article's blocks in ``analysis.text`` (empty when only
    an analysis was given).
    """

    analysis: object
    title: str | None = None
    parts: tuple = ()
    article_id: str | None = None
    published: str | None = None

    def part_at(self, offset: int) -> str | None:
        """The kind of part (``headline``, ``caption``, ...) holding ``text[offset]``, or None."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.parts[i][1]:
            return self.parts[i][2]
        return None

    @cached_property
    def _starts(self) -> tuple:
        return tuple(start for start, _end, _kind in self.parts)

    @cached_property
    def sentences(self) -> tuple:
        return tuple(s for s in self.analysis.sentences
                     if s.text.strip() and self.part_at(s.start) not in NOT_SENTENCES)


def read(article=None) -> Reading:
    """The :class:`Reading` of ``article`` (see :func:`article_of`; an Analysis is used as it is)."""
    from ..annotator import Analysis
    if isinstance(article, Reading):
        return article
    if isinstance(article, Analysis):
        return Reading(article)
    found = article_of(article)
    return reading_of(found, cached_analysis(found.text))


def reading_of(found, analysis) -> Reading:
    """The :class:`Reading` of an article object already analysed (``analysis`` of its text)."""
    parts = tuple((b.start, b.end, b.kind) for b in getattr(found, "blocks", ()) or ())
    if parts and any(found.text[a:b] != analysis.text[a:b] for a, b, _k in parts):
        parts = ()   # an article object whose blocks do not index its text: no labels
    metadata = getattr(found, "metadata", None)
    return Reading(analysis, getattr(found, "title", None) or None, parts, getattr(found, "id", None),
                   getattr(metadata, "published", None))


def analysis_of(article=None):
    """The annotator's :class:`~lessons.annotator.Analysis` of ``article`` (cached by text)."""
    return resolve(article)[0]


def check_categories(categories) -> tuple[str, ...]:
    """The categories asked for, checked; None gives the kit's four (the one list every view shows)."""
    if categories is None:
        return CATEGORIES
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


def view_box(children, **kwargs):
    """A view's outer box: ``children``, then the kit's stylesheet once, in a hidden HTML widget.

    The views' HTML uses the stylesheet's classes (:mod:`lessons.render.stylesheet`); the hidden
    ``<style>`` makes them apply wherever the view is shown (JupyterLab, Notebook, Voila)."""
    from ..render.stylesheet import style_html
    W = ipw()
    sheet = W.HTML(style_html(), layout=W.Layout(display="none"))
    sheet.add_class("mlk-stylesheet")
    return W.VBox([*children, sheet], **kwargs)


def button(description: str, **kwargs):
    """A button as wide as its words: ipywidgets' default width cuts longer ones ("Compare with th…")."""
    W = ipw()
    kwargs.setdefault("layout", W.Layout(width="auto", min_width="max-content"))
    return W.Button(description=description, **kwargs)


def sentence_number(count: int, **kwargs):
    """A box for the sentence number, 1 to ``count``, typed or stepped with the arrow keys.

    A number box, not a slider: ipywidgets' slider handle has no accessible name (axe: "ARIA
    input fields must have an accessible name"), while the box's label belongs to it."""
    W = ipw()
    return W.BoundedIntText(min=1, max=max(1, count), value=1, description="Sentence", style=label_style(),
                            layout=W.Layout(width="11em"), **kwargs)


def label_style():
    return {"description_width": "initial"}


_NO_CHOICE = -1   # the menu's "choose a highlight" entry
