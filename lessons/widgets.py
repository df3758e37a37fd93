"""The notebook views: highlighter, sentence explorer, learner annotator, bring-your-own, quiz, progress.

Each view is a thin object over the kit's pure functions. Its ``.widget`` is the ipywidgets box
the notebook shows (the view displays as that box), and its child controls are attributes, so a
test can drive it without a browser: ``h = highlighter(); h.toggles["hedge"].value = False``
changes ``h.html.value``.

ipywidgets is imported only when a view is built, so the pure helpers here
(:func:`compare_with_key`, :func:`friendly_error_html`, :func:`analysis_of`) stay light.
Every piece of article or learner text is HTML-escaped before it goes into an HTML widget.
"""
from __future__ import annotations

import html
import os
import re
import threading
import time
import traceback
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping
from urllib.parse import quote

from .annotation import CATEGORIES, EXTRA_CATEGORIES, Annotation

ALL_CATEGORIES = CATEGORIES + EXTRA_CATEGORIES
"""The four categories of the kit plus "voice" (other quoted voices)."""

MACHINE_NOTE = ("These highlights were made by a computer following simple rules. They are a "
                "starting point for your own judgement, not a verdict: check each one and decide "
                "whether you agree.")

e = html.escape


def _ipw():
    import ipywidgets
    return ipywidgets


def _shell():
    """The running IPython shell, or None outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    return get_ipython()


def _display(obj) -> None:
    if _shell() is None:
        return
    from IPython.display import display
    display(obj)


def _categories():
    from .categories import load_categories
    return load_categories()


def category_label(cid: str, short: bool = False) -> str:
    """A category's symbol and name, e.g. "~ Hedging language" (the symbol helps colour-blind readers)."""
    cat = _categories().get(cid)
    if cat is None:
        return cid
    return f"{cat.symbol} {cat.short if short else cat.label}"


# --- styled message boxes -------------------------------------------------------------------

_NOTE_STYLES = {
    "info": ("ℹ", "#0072B2", "#eef6fc"),
    "ok": ("✓", "#007a5a", "#e9f6f1"),
    "warn": ("⚠", "#8a5a00", "#fff5dc"),
    "error": ("⚠", "#b54700", "#fdeee6"),
}


def note_html(kind: str, title: str, body: str = "", *, body_html: str = "",
              details: str | None = None, details_title: str = "Technical details") -> str:
    """A small message box: a symbol and bold title, plain-text ``body`` (escaped here), optional
    ready-made ``body_html``, and ``details`` hidden in a closed ``<details>``."""
    symbol, border, background = _NOTE_STYLES.get(kind, _NOTE_STYLES["info"])
    parts = [f'<div class="mlk-note mlk-note-{e(kind)}" role="{"alert" if kind == "error" else "status"}" '
             f'style="border-left:5px solid {border};background:{background};color:#1a1a1a;'
             'padding:.5em .9em;margin:.4em 0;border-radius:4px;font:0.95rem/1.45 system-ui,sans-serif">'
             f'<b><span aria-hidden="true">{symbol}</span> {e(title)}</b>']
    if body:
        parts.append(f"<div>{e(body)}</div>")
    if body_html:
        parts.append(f"<div>{body_html}</div>")
    if details:
        parts.append(f'<details style="margin-top:.4em"><summary>{e(details_title)}</summary>'
                     f'<pre style="white-space:pre-wrap;font-size:85%;color:#1a1a1a">{e(details)}</pre></details>')
    parts.append("</div>")
    return "".join(parts)


# --- friendly errors ------------------------------------------------------------------------

_RESTART = ("Run the cell again. If that does not help, choose Kernel → Restart Kernel in the menu, "
            "then run the cells from the top.")


def friendly_error(exc: BaseException) -> tuple[str, str]:
    """A short, kind (title, what to try) for an error a learner met in a cell."""
    name = type(exc).__name__
    message = str(exc).strip()
    if name in ("ArticleError", "ProgressError", "QuizError"):
        return message or "That did not work.", "Check what you typed, then run the cell again."
    if isinstance(exc, NameError):
        missing = getattr(exc, "name", None) or (re.findall(r"'([^']+)'", message) or ["?"])[0]
        if missing == "kit":
            return ("The kit is not loaded yet.",
                    "Run the first code cell of this notebook (import lessons as kit), then this one again.")
        return (f"The computer does not know the name “{missing}”.",
                "Check the spelling, and run the cells above this one first (Run → Run All Above "
                "Selected Cell).")
    if isinstance(exc, (ModuleNotFoundError, ImportError)):
        return ("A part of the kit could not be loaded.",
                "Choose Kernel → Restart Kernel, then run the cells from the top. On Binder, "
                "reload the page.")
    if isinstance(exc, FileNotFoundError):
        return (f"A file could not be found: {exc.filename or message}.",
                "Check the file name and that the file is in the same folder as the notebook.")
    if isinstance(exc, MemoryError):
        return ("The computer ran out of memory.", "Choose Kernel → Restart Kernel and try a shorter text.")
    if isinstance(exc, (TypeError, AttributeError, KeyError, IndexError, ValueError)):
        return ("Something in this cell did not work.",
                "If you changed the cell, check the quotation marks and brackets, or undo your change "
                "with Ctrl+Z (Cmd+Z on a Mac). " + _RESTART)
    return "Something went wrong in this cell.", _RESTART


def friendly_error_html(exc: BaseException, detail: str | None = None) -> str:
    """The styled box a learner sees instead of a traceback; the traceback hides in ``<details>``."""
    title, todo = friendly_error(exc)
    if detail is None:
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return note_html("error", title, f"What to try: {todo}", details=detail,
                     details_title="Technical details (for your teacher)")


def _friendly_handler(shell, etype, value, tb, tb_offset=None):
    """IPython custom exception handler: show the kind box instead of a traceback.

    IPython still marks the cell as failed (so "Run All" stops there); the one line returned is
    only used where IPython prints a traceback itself (e.g. ``%tb``).
    """
    detail = "".join(traceback.format_exception(etype, value, tb))
    try:
        from IPython.display import HTML, display
        display(HTML(friendly_error_html(value, detail)))
    except Exception:
        pass
    title, _todo = friendly_error(value)
    return [f"{title} The box above says what to try."]


def setup() -> None:
    """Run in the first cell of every notebook: kind error messages instead of tracebacks.

    Harmless outside IPython and safe to call twice. If the progress file had to be set aside
    because it was damaged, the learner is told here.
    """
    shell = _shell()
    if shell is None:
        return None
    shell.set_custom_exc((Exception,), _friendly_handler)
    from . import presentation
    if presentation.presenting():   # a page without code: swap "press Shift+Enter" for page wording
        from IPython.display import HTML, display
        display(HTML(presentation.page_style_html()))
    try:
        from .progress import current_progress
        progress = current_progress()
        if progress.notice and not getattr(progress, "_notice_shown", False):
            from IPython.display import HTML, display
            display(HTML(note_html("warn", "About your saved work", progress.notice)))
            progress._notice_shown = True
    except Exception:
        pass
    return None


# --- article → analysis -------------------------------------------------------------------

def article_of(article=None):
    """The article to show: None → the seed; an Article; a path to a file; or pasted text."""
    from . import article as art
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
def _analyse(text: str):
    from .annotator import analyse
    return analyse(text)


def resolve(article=None):
    """``(analysis, title)`` for ``article`` (see :func:`article_of`); an Analysis has no title."""
    from .annotator import Analysis
    if isinstance(article, Analysis):
        return article, None
    found = article_of(article)
    return _analyse(found.text), (getattr(found, "title", None) or None)


def analysis_of(article=None):
    """The annotator's :class:`~lessons.annotator.Analysis` of ``article`` (cached by text)."""
    return resolve(article)[0]


def _check_categories(categories) -> tuple[str, ...]:
    if categories is None:
        return tuple(c for c in _categories() if c in ALL_CATEGORIES)
    if isinstance(categories, str):
        categories = [categories]
    chosen = tuple(dict.fromkeys(str(c).strip().lower() for c in categories))
    unknown = [c for c in chosen if c not in ALL_CATEGORIES]
    if unknown:
        raise ValueError(f"“{unknown[0]}” is not a category. Use some of: {', '.join(ALL_CATEGORIES)}.")
    return chosen


def _snippet(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def annotation_label(text: str, ann: Annotation, number: int | None = None) -> str:
    """A plain-text label for a menu: ``3. ~ Hedge: ‘may’ — the death toll may have been…``."""
    head = f"{number}. " if number is not None else ""
    cue = f"‘{_snippet(ann.cue, 30)}’ — " if ann.cue else ""
    return f"{head}{category_label(ann.category, short=True)}: {cue}{_snippet(ann.text_in(text), 60)}"


def reason_html(text: str, ann: Annotation) -> str:
    """Why one highlight was made: the words, the category, the cue, the speaker, the rule."""
    rows = [("Marked words", f"“{_snippet(ann.text_in(text), 400)}”"),
            ("Category", category_label(ann.category)),
            ("Why", ann.explanation or "—")]
    if ann.cue:
        rows.append(("Clue word(s)", f"“{ann.cue}”"))
    rows.append(("Who is speaking", ann.source or "No named speaker: the reporter's own words."))
    rows.append(("Rule", f"{ann.rule} (the name of the rule the computer followed)"))
    items = "".join(f"<dt style='font-weight:bold;margin-top:.3em'>{e(k)}</dt>"
                    f"<dd style='margin-left:1em'>{e(v)}</dd>" for k, v in rows)
    return (f'<dl class="mlk-reason" style="color:#1a1a1a;background:#fff;border:1px solid #c8c8c8;'
            f'border-radius:4px;padding:.3em .9em .5em;margin:.3em 0;max-width:46em">{items}</dl>')


# --- views ----------------------------------------------------------------------------------

def _mapping(value) -> dict:
    """A saved value that should be a mapping, or {} when the progress file holds something else."""
    return value if isinstance(value, dict) else {}


def _ticks(value) -> set:
    """A saved list of ticked categories, or nothing when the file holds something else."""
    return {str(v) for v in value} if isinstance(value, (list, tuple)) else set()


class View:
    """A notebook view. ``.widget`` is the ipywidgets box shown; the view displays as it."""

    widget = None

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _label_style():
    return {"description_width": "initial"}


_NO_CHOICE = -1   # the menu's "choose a highlight" entry


class Highlighter(View):
    """The article with highlights, a switch per category, a legend with counts, and a menu that
    reads out why each highlight was made (reachable from the keyboard)."""

    def __init__(self, analysis, categories=None, title: str | None = None):
        from .render import count_by_category
        W = _ipw()
        self.analysis = analysis
        self.text = analysis.text
        self.annotations = tuple(analysis.annotations)
        self.counts = count_by_category(self.annotations)
        on = set(_check_categories(categories))
        self._updating = False
        self.toggles = {}
        for cid in _check_categories(None):
            box = W.Checkbox(value=cid in on, indent=False,
                             description=f"{category_label(cid)} ({self.counts.get(cid, 0)})",
                             layout=W.Layout(width="auto", margin="0 1.2em 0 0"))
            box.observe(self._on_toggle, "value")
            self.toggles[cid] = box
        self.legend = W.HTML()
        self.reasons = W.Dropdown(description="Why is it marked?", style=_label_style(),
                                  layout=W.Layout(width="100%", max_width="52em"))
        self.reasons.observe(self._on_select, "value")
        self.reason = W.HTML()
        self.html = W.HTML()
        head = [W.HTML(f"<h3 style='margin:.2em 0'>{e(title)}</h3>")] if title else []
        self.widget = W.VBox(head + [
            W.HTML("<b>Show these highlights</b> (tick or untick):"),
            W.HBox(list(self.toggles.values()), layout=W.Layout(flex_flow="row wrap")),
            self.legend, self.reasons, self.reason, self.html,
        ])
        self.refresh()

    @property
    def visible(self) -> tuple[str, ...]:
        """The categories switched on."""
        return tuple(c for c, box in self.toggles.items() if box.value)

    @property
    def selected(self) -> Annotation | None:
        """The highlight chosen in the menu, or None."""
        i = self.reasons.value
        return None if i is None or i < 0 else self.annotations[i]

    def select(self, index: int | None) -> None:
        """Choose a highlight by its index in ``annotations`` (it must be visible); None clears it."""
        self.reasons.value = _NO_CHOICE if index is None else index

    def _on_toggle(self, _change=None):
        self.refresh()

    def _on_select(self, _change=None):
        if not self._updating:
            self._render()

    def refresh(self) -> None:
        """Rebuild the legend, the menu and the article after a switch changed (no re-annotating)."""
        from .render import legend_html
        visible = set(self.visible)
        # The first entry's value is a sentinel, not None: ipywidgets shows None as an empty menu.
        options = [("— choose a highlight to read why it was marked —", _NO_CHOICE)]
        order = sorted(range(len(self.annotations)),
                       key=lambda i: (self.annotations[i].start, -self.annotations[i].end))
        n = 0
        for i in order:
            ann = self.annotations[i]
            if ann.category in visible:
                n += 1
                options.append((annotation_label(self.text, ann, n), i))
        keep = self.reasons.value if any(v == self.reasons.value for _, v in options) else _NO_CHOICE
        self._updating = True
        try:
            self.reasons.options = options
            self.reasons.value = keep
        finally:
            self._updating = False
        self.legend.value = legend_html(self.visible, self.counts)
        self._render()

    def _render(self) -> None:
        from .render import render_html
        index = self.reasons.value
        if index is not None and index < 0:
            index = None
        self.html.value = render_html(self.text, self.annotations, self.visible, selected=index)
        if index is None:
            shown = sum(1 for a in self.annotations if a.category in self.visible)
            hint = ("Nothing is highlighted in the categories shown." if not shown else
                    f"{shown} highlights shown. Choose one in the menu above to read why it was "
                    "marked, or hover over a highlight.")
            self.reason.value = f"<p style='margin:.2em 0'>{e(hint)}</p>"
        else:
            self.reason.value = reason_html(self.text, self.annotations[index])


def highlighter(article=None, categories=None) -> Highlighter:
    """The article (default: the seed) with highlights you can switch on and off by category."""
    analysis, title = resolve(article)
    return Highlighter(analysis, categories, title=title)


def _clip_to(ann: Annotation, start: int, end: int) -> Annotation | None:
    s, t = max(ann.start, start), min(ann.end, end)
    if s >= t:
        return None
    return replace(ann, start=s - start, end=t - start)


def sentence_annotations(analysis, sentence) -> tuple[Annotation, ...]:
    """The annotations touching ``sentence``, with offsets relative to the sentence's text."""
    out = []
    for ann in analysis.annotations:
        clipped = _clip_to(ann, sentence.start, sentence.end)
        if clipped is not None:
            out.append(clipped)
    return tuple(out)


def speaker_text(speaker) -> str:
    """ "Keir Giles — expert on Russia… (expert)", or the reporter's own words."""
    if speaker is None:
        return "No named speaker: the reporter's own words."
    kind = {"official": "official source", "expert": "expert", "voice": "other voice"}.get(
        speaker.kind, speaker.kind)
    desc = f" — {speaker.description}" if speaker.description else ""
    return f"{speaker.name}{desc} ({kind})"


class SentenceExplorer(View):
    """Step through the article one sentence at a time: its categories, speaker and reasons.

    Filter menus narrow the steps to sentences of one category or one speaker.
    """

    ANY = "__any__"
    NOBODY = "__nobody__"
    NO_CATEGORY = "__none__"

    def __init__(self, analysis):
        W = _ipw()
        self.analysis = analysis
        self.sentences = tuple(s for s in analysis.sentences if s.text.strip())
        counts = {c: sum(1 for s in self.sentences if c in s.categories) for c in ALL_CATEGORIES}
        cat_options = [("any sentence", self.ANY)]
        cat_options += [(f"{category_label(c)} ({counts[c]})", c) for c in _check_categories(None)]
        cat_options.append((f"no category ({sum(1 for s in self.sentences if not s.categories)})",
                            self.NO_CATEGORY))
        names = sorted({s.source.name for s in self.sentences if s.source is not None}, key=str.lower)
        speaker_options = [("anyone", self.ANY), ("no named speaker", self.NOBODY)]
        speaker_options += [(n, n) for n in names]
        self.category_filter = W.Dropdown(options=cat_options, value=self.ANY,
                                          description="Show sentences with", style=_label_style())
        self.speaker_filter = W.Dropdown(options=speaker_options, value=self.ANY,
                                         description="Who is speaking", style=_label_style())
        self.previous = W.Button(description="◀ Previous", tooltip="Go to the previous sentence")
        self.next = W.Button(description="Next ▶", tooltip="Go to the next sentence")
        self.slider = W.IntSlider(min=1, max=max(1, len(self.sentences)), value=1,
                                  description="Sentence", continuous_update=True)
        self.view = W.HTML()
        self.category_filter.observe(self._on_filter, "value")
        self.speaker_filter.observe(self._on_filter, "value")
        self.slider.observe(lambda _c: self._render(), "value")
        self.previous.on_click(lambda _b: self.step(-1))
        self.next.on_click(lambda _b: self.step(+1))
        self.matching: list = list(self.sentences)
        self.widget = W.VBox([
            W.HBox([self.category_filter, self.speaker_filter], layout=W.Layout(flex_flow="row wrap")),
            W.HBox([self.previous, self.slider, self.next], layout=W.Layout(flex_flow="row wrap")),
            self.view,
        ])
        self._on_filter()

    def _matches(self, s) -> bool:
        cat, who = self.category_filter.value, self.speaker_filter.value
        if cat == self.NO_CATEGORY and s.categories:
            return False
        if cat not in (self.ANY, self.NO_CATEGORY) and cat not in s.categories:
            return False
        if who == self.NOBODY and s.source is not None:
            return False
        if who not in (self.ANY, self.NOBODY) and (s.source is None or s.source.name != who):
            return False
        return True

    def _on_filter(self, _change=None):
        self.matching = [s for s in self.sentences if self._matches(s)]
        n = max(1, len(self.matching))
        with self.slider.hold_trait_notifications():
            if self.slider.value > n:
                self.slider.value = 1
            self.slider.max = n
            self.slider.value = 1
        self.slider.disabled = len(self.matching) <= 1
        self._render()

    @property
    def current(self):
        """The sentence shown (a SentenceAnalysis), or None when no sentence matches the filters."""
        if not self.matching:
            return None
        return self.matching[min(self.slider.value, len(self.matching)) - 1]

    def step(self, delta: int) -> None:
        """Move ``delta`` sentences forward (or back), staying inside the list."""
        self.slider.value = min(max(1, self.slider.value + delta), max(1, len(self.matching)))

    def _render(self) -> None:
        from .render import explanations_html, render_html
        s = self.current
        self.previous.disabled = s is None or self.slider.value <= 1
        self.next.disabled = s is None or self.slider.value >= len(self.matching)
        if s is None:
            self.view.value = note_html("info", "No sentence matches both filters.",
                                        "Choose “any sentence” or “anyone” to see more.")
            return
        anns = sentence_annotations(self.analysis, s)
        total = len(self.sentences)
        position = self.sentences.index(s) + 1
        where = (f"Sentence {position} of {total}" if len(self.matching) == total else
                 f"Match {self.slider.value} of {len(self.matching)} (sentence {position} of {total})")
        cats = [c for c in _check_categories(None) if c in s.categories]
        chips = "".join(
            f"<span style='display:inline-block;border:1px solid #1a1a1a;border-radius:3px;"
            f"padding:0 .4em;margin:0 .3em .2em 0'>{e(category_label(c))}</span>" for c in cats)
        chips = chips or "<i>none found by the computer</i>"
        self.view.value = (
            f"<p style='margin:.3em 0'><b>{e(where)}</b></p>"
            + render_html(s.text, anns)
            + f"<p style='margin:.3em 0'><b>Categories:</b> {chips}</p>"
            + f"<p style='margin:.3em 0'><b>Who is speaking:</b> {e(speaker_text(s.source))}</p>"
            + ("<p style='margin:.3em 0 0'><b>Why:</b></p>" + explanations_html(s.text, anns)
               if anns else ""))


def sentence_explorer(article=None) -> SentenceExplorer:
    """Step through the article sentence by sentence, with filters by category and speaker."""
    return SentenceExplorer(analysis_of(article))


# --- learner annotator (lesson 5) ---------------------------------------------------------

@dataclass(frozen=True)
class CategoryAgreement:
    """Learner vs key on one category: Cohen's kappa and the counts behind it."""

    category: str
    kappa: float | None      # None when no unit could be compared
    units: int               # units compared (units where the category is optional are skipped)
    hits: int                # both marked it
    misses: int              # the key marked it, the learner did not
    false_alarms: int        # the learner marked it, the key did not
    skipped_optional: int

    @property
    def agreement(self) -> float | None:
        """Share of compared units where learner and key agree (observed agreement)."""
        return None if not self.units else (self.units - self.misses - self.false_alarms) / self.units


@dataclass(frozen=True)
class Disagreement:
    """One unit and category where the learner and the key differ, with the key's reason."""

    unit_id: str
    text: str
    category: str
    learner: bool
    key: bool
    note: str


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare_with_key`."""

    categories: tuple            # CategoryAgreement per category, in CATEGORIES order
    disagreements: tuple         # Disagreement, in key order
    units_compared: int
    units_total: int

    @property
    def kappa(self) -> dict:
        """Cohen's kappa per category (None where nothing could be compared)."""
        return {a.category: a.kappa for a in self.categories}

    def __getitem__(self, category: str) -> CategoryAgreement:
        for a in self.categories:
            if a.category == category:
                return a
        raise KeyError(category)


def cohen_kappa(learner: Mapping[str, bool], key: Mapping[str, bool]) -> float | None:
    """Cohen's kappa of two coders' yes/no labels over the same items (Cohen 1960).

    Computed with ``nltk.metrics.agreement.AnnotationTask`` (Artstein & Poesio 2008). When both
    coders give every item the same single label, kappa is undefined; perfect agreement then
    counts as 1.0.
    """
    items = sorted(learner)
    if not items:
        return None
    if all(learner[i] == key[i] for i in items):
        return 1.0
    from nltk.metrics.agreement import AnnotationTask
    data = [("learner", i, "yes" if learner[i] else "no") for i in items]
    data += [("key", i, "yes" if key[i] else "no") for i in items]
    try:
        return float(AnnotationTask(data=data).kappa())
    except ZeroDivisionError:  # pragma: no cover - only when all labels agree, handled above
        return 1.0


def compare_with_key(choices: Mapping[str, Iterable[str]], key) -> Comparison:
    """Compare the learner's ticks with the answer key, per category.

    ``choices`` maps a unit id to the categories the learner ticked (``"none"`` may appear and
    means nothing). Only units present in ``choices`` are compared; for each category, units where
    the key marks it optional are skipped. Binary per unit: marked or not.
    """
    chosen = {uid: {str(c) for c in cats} for uid, cats in choices.items()}
    units = [u for u in key if u.id in chosen]
    per_category, disagreements = [], []
    for cat in CATEGORIES:
        learner, gold = {}, {}
        skipped = 0
        for u in units:
            if cat in u.optional:
                skipped += 1
                continue
            learner[u.id] = cat in chosen[u.id]
            gold[u.id] = cat in u.labels
        hits = sum(1 for i in learner if learner[i] and gold[i])
        misses = sum(1 for i in learner if gold[i] and not learner[i])
        false_alarms = sum(1 for i in learner if learner[i] and not gold[i])
        per_category.append(CategoryAgreement(cat, cohen_kappa(learner, gold), len(learner),
                                              hits, misses, false_alarms, skipped))
    for u in units:
        for cat in CATEGORIES:
            if cat in u.optional:
                continue
            mine, theirs = cat in chosen[u.id], cat in u.labels
            if mine != theirs:
                disagreements.append(Disagreement(u.id, u.text, cat, mine, theirs, u.note))
    return Comparison(tuple(per_category), tuple(disagreements), len(units), len(tuple(key)))


def kappa_words(kappa: float | None) -> str:
    """Kappa in words, after the bands of Landis & Koch (1977)."""
    if kappa is None:
        return "nothing to compare"
    if kappa < 0:
        return "less than chance"
    if kappa == 0:
        return "no better than chance"
    for limit, words in ((0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if kappa <= limit:
            return f"{words} agreement"
    return "almost perfect agreement"


def comparison_html(comparison: Comparison) -> str:
    """The comparison as a table with plain-words explanations and the key's reasons."""
    if not comparison.units_compared:
        return note_html("info", "Nothing to compare yet.",
                         "Tick the categories for at least one sentence (or “None of these”), then compare.")
    cell = "style='padding:.2em .6em;border-bottom:1px solid #c8c8c8;text-align:left'"
    num = "style='padding:.2em .6em;border-bottom:1px solid #c8c8c8;text-align:right'"
    rows = []
    for a in comparison.categories:
        kappa = "—" if a.kappa is None else f"{a.kappa:.2f}"
        rows.append(f"<tr><th scope='row' {cell}>{e(category_label(a.category))}</th>"
                    f"<td {num}>{kappa}</td><td {cell}>{e(kappa_words(a.kappa))}</td>"
                    f"<td {num}>{a.hits}</td><td {num}>{a.misses}</td><td {num}>{a.false_alarms}</td></tr>")
    table = (f"<table style='border-collapse:collapse;color:#1a1a1a;background:#fff'>"
             f"<caption style='text-align:left;font-weight:bold'>You and the key, category by category "
             f"({comparison.units_compared} of {comparison.units_total} sentences compared)</caption>"
             f"<thead><tr><th scope='col' {cell}>Category</th><th scope='col' {cell}>Kappa</th>"
             f"<th scope='col' {cell}>In words</th><th scope='col' {cell}>Both marked</th>"
             f"<th scope='col' {cell}>You missed</th><th scope='col' {cell}>Only you marked</th>"
             f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    explain = ("<p style='font-size:90%'><b>Kappa</b> (κ) measures how much you and the key agree, "
               "beyond what lucky guessing would give: 1 means you agree on every sentence, 0 means no "
               "better than guessing. Sentences where the key marks a category as optional are left "
               "out for that category.</p>")
    if not comparison.disagreements:
        diffs = note_html("ok", "You agree with the key on every sentence you marked. Well done!")
    else:
        by_unit: dict[str, list[Disagreement]] = {}
        for d in comparison.disagreements:
            by_unit.setdefault(d.unit_id, []).append(d)
        items = []
        for uid, ds in by_unit.items():
            what = "; ".join(
                f"{category_label(d.category)}: "
                + ("you marked it, the key does not" if d.learner else "the key marks it, you did not")
                for d in ds)
            items.append(f"<li style='margin:.5em 0'><q>{e(_snippet(ds[0].text, 160))}</q><br>"
                         f"<b>{e(what)}</b><br>Why the key says so: {e(ds[0].note or '—')}</li>")
        diffs = ("<p><b>Where you and the key differ</b> (the key is not always right either: "
                 "do its reasons convince you?)</p><ol>" + "".join(items) + "</ol>")
    return table + explain + diffs


class LearnerAnnotator(View):
    """Lesson 5: the learner marks each sentence of the key, then compares with the key."""

    LESSON = "annotator"

    def __init__(self, key, progress=None):
        W = _ipw()
        self.key = tuple(key)
        self.progress = progress
        saved = _mapping(progress.get(self.LESSON, "choices", {}) if progress is not None else {})
        self.checkboxes: dict[str, dict[str, object]] = {}
        self._boxes = {}
        self._updating = False
        for u in self.key:
            ticks = _ticks(saved.get(u.id))
            boxes = {}
            for cid in CATEGORIES + ("none",):
                label = "None of these" if cid == "none" else category_label(cid)
                box = W.Checkbox(value=cid in ticks, description=label, indent=False,
                                 layout=W.Layout(width="auto", margin="0 1.2em 0 0"))
                box.observe(lambda change, uid=u.id, cid=cid: self._on_tick(uid, cid, change), "value")
                boxes[cid] = box
            self.checkboxes[u.id] = boxes
            self._boxes[u.id] = W.HBox(list(boxes.values()), layout=W.Layout(flex_flow="row wrap"))
        self.unit_view = W.HTML()
        self.ticks = W.Box()
        self.previous = W.Button(description="◀ Previous")
        self.next = W.Button(description="Next ▶")
        self.slider = W.IntSlider(min=1, max=max(1, len(self.key)), value=1, description="Sentence")
        self.status = W.HTML()
        self.compare_button = W.Button(description="Compare with the key", button_style="primary")
        self.result = W.HTML()
        self.previous.on_click(lambda _b: self.step(-1))
        self.next.on_click(lambda _b: self.step(+1))
        self.slider.observe(lambda _c: self._show_unit(), "value")
        self.compare_button.on_click(lambda _b: self.compare())
        self.widget = W.VBox([
            W.HTML("<p>Read each sentence and tick every category it carries. If none fits, tick "
                   "“None of these”. Your ticks are saved as you go.</p>"),
            W.HBox([self.previous, self.slider, self.next], layout=W.Layout(flex_flow="row wrap")),
            self.unit_view, self.ticks, self.status, self.compare_button, self.result,
        ])
        self._show_unit()

    @property
    def current(self):
        return self.key[self.slider.value - 1] if self.key else None

    def step(self, delta: int) -> None:
        self.slider.value = min(max(1, self.slider.value + delta), max(1, len(self.key)))

    def choices(self) -> dict[str, set[str]]:
        """The learner's ticks: unit id → ticked categories (``"none"`` included), answered units only."""
        out = {}
        for uid, boxes in self.checkboxes.items():
            ticked = {c for c, box in boxes.items() if box.value}
            if ticked:
                out[uid] = ticked
        return out

    def _on_tick(self, uid, cid, change) -> None:
        if self._updating:
            return
        self._updating = True
        try:  # "None of these" and the categories exclude each other
            if change["new"]:
                boxes = self.checkboxes[uid]
                if cid == "none":
                    for c in CATEGORIES:
                        boxes[c].value = False
                else:
                    boxes["none"].value = False
        finally:
            self._updating = False
        self._save()
        self._update_status()

    def _save(self) -> None:
        if self.progress is None:
            return
        try:
            self.progress.set(self.LESSON, "choices", {k: sorted(v) for k, v in self.choices().items()})
        except OSError as exc:
            self.status.value = note_html("warn", "Your ticks could not be saved.", str(exc))

    def _update_status(self) -> None:
        done = len(self.choices())
        self.status.value = f"<p>You have marked {done} of {len(self.key)} sentences.</p>"

    def _show_unit(self) -> None:
        u = self.current
        self.previous.disabled = self.slider.value <= 1
        self.next.disabled = self.slider.value >= len(self.key)
        if u is None:
            self.unit_view.value = note_html("warn", "The answer key has no sentences.")
            return
        self.unit_view.value = (
            f"<p style='margin:.3em 0'><b>Sentence {self.slider.value} of {len(self.key)}</b></p>"
            f"<blockquote style='font-family:Georgia,serif;font-size:1.05rem;color:#1a1a1a;background:#fff;"
            f"border-left:4px solid #595959;margin:.3em 0;padding:.3em .8em;max-width:46em'>"
            f"{e(u.text)}</blockquote>")
        self.ticks.children = (self._boxes[u.id],)
        self._update_status()

    def compare(self) -> Comparison:
        """Compare the ticks so far with the key and show the result."""
        comparison = compare_with_key(self.choices(), self.key)
        self.comparison = comparison
        self.result.value = comparison_html(comparison)
        return comparison


def learner_annotator() -> LearnerAnnotator:
    """Mark every sentence of the article yourself, then compare with the kit's answer key."""
    from .key import load_key
    from .progress import current_progress
    return LearnerAnnotator(load_key(), current_progress())


# --- bring your own article ---------------------------------------------------------------

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")


def article_from_upload(name: str, content: bytes):
    """An Article from an uploaded file's bytes; unusable input raises ``ArticleError`` kindly."""
    from .article import ArticleError, article_from_bytes
    if Path(name or "").suffix.lower() not in UPLOAD_SUFFIXES:
        raise ArticleError(f"“{name}” is not a file type the kit reads. Upload a .txt, .md or .html file.")
    return article_from_bytes(bytes(content), name=name)


class BringYourOwn(View):
    """Paste or upload a news report and see the same highlighter for it."""

    def __init__(self):
        W = _ipw()
        self.text_area = W.Textarea(placeholder="Paste the text of a news report here…",
                                    description="Article text", style=_label_style(),
                                    layout=W.Layout(width="100%", max_width="52em", height="12em"))
        self.analyse_button = W.Button(description="Analyse", button_style="primary",
                                       tooltip="Highlight the pasted text")
        self.upload = W.FileUpload(accept=",".join(UPLOAD_SUFFIXES), multiple=False,
                                   description="Upload a file")
        self.note = W.HTML(note_html("info", "A starting point, not a verdict", MACHINE_NOTE))
        self.message = W.HTML()
        self.result = W.VBox()
        self.highlighter: Highlighter | None = None
        self.analyse_button.on_click(lambda _b: self.analyse_text())
        self.upload.observe(self._on_upload, "value")
        self.widget = W.VBox([
            W.HTML("<p>Paste a news report into the box and press <b>Analyse</b>, or upload a "
                   ".txt, .md or .html file (it is analysed straight away).</p>"),
            self.text_area, W.HBox([self.analyse_button, self.upload]),
            self.note, self.message, self.result,
        ])

    def _show(self, article, source: str) -> None:
        analysis = _analyse(article.text)
        self.highlighter = Highlighter(analysis, title=getattr(article, "title", None) or None)
        self.result.children = (self.highlighter.widget,)
        n = len(analysis.annotations)
        message = f"Analysed {source}: {n} highlight{'s' if n != 1 else ''}."
        if _mostly_not_english(article.text):
            message += (" The kit's word lists are in English, so it finds little in other languages:"
                        " read this text yourself with the four questions in mind.")
        self.message.value = note_html("ok", message)

    def _fail(self, exc: Exception) -> None:
        if type(exc).__name__ == "ArticleError":
            self.message.value = note_html("warn", str(exc) or "That text could not be used.",
                                           "Your text is still in the box: change it and try again.")
        else:
            self.message.value = friendly_error_html(exc)

    def analyse_text(self, text: str | None = None) -> None:
        """Analyse the pasted text (or ``text``), showing a kind message if it cannot be used."""
        try:
            if text is not None:
                # Lone surrogates (possible from Python, never from the text box) cannot reach the
                # browser: show them as the replacement character, as a browser would.
                text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                self.text_area.value = text
            from .article import article_from_text
            self._show(article_from_text(self.text_area.value if text is None else text), "your text")
        except Exception as exc:  # the widget must stay usable whatever the input
            self._fail(exc)

    def analyse_upload(self, name: str, content: bytes) -> None:
        """Analyse an uploaded file's bytes."""
        try:
            self._show(article_from_upload(name, content), f"“{name}”")
        except Exception as exc:
            self._fail(exc)

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        first = files[0]
        self.analyse_upload(str(first.get("name", "upload")), bytes(first.get("content", b"")))
        self.upload.value = ()   # ready for the next file


def _mostly_not_english(text: str) -> bool:
    """True when most letters are outside the Latin alphabet (Cyrillic, Arabic, Chinese ...)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) < 0.5 * len(letters)


def bring_your_own() -> BringYourOwn:
    """Try the kit on a news report you choose: paste it or upload a file."""
    return BringYourOwn()


# --- reflection -------------------------------------------------------------------------------

class _Debouncer:
    """Run ``fn(value)`` once typing pauses for ``delay`` seconds (at once when delay is 0)."""

    def __init__(self, fn, delay: float):
        self.fn, self.delay = fn, delay
        self._timer: threading.Timer | None = None
        self._pending = None
        self._has_pending = False
        self._lock = threading.Lock()

    def __call__(self, value) -> None:
        if self.delay <= 0:
            self.fn(value)
            return
        with self._lock:
            self._pending, self._has_pending = value, True
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.flush)
            self._timer.daemon = True
            self._timer.start()

    def flush(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if not self._has_pending:
                return
            value, self._pending, self._has_pending = self._pending, None, False
        self.fn(value)


class Reflection(View):
    """A labelled box for the learner's own thoughts, saved as they type and restored later."""

    LESSON = "reflections"

    def __init__(self, prompt_id: str, prompt_text: str | None, progress, save_delay: float = 1.0):
        W = _ipw()
        self.prompt_id = prompt_id
        self.progress = progress
        prompt = prompt_text or "Write your thoughts here."
        saved = progress.get(self.LESSON, prompt_id, "") if progress is not None else ""
        self.prompt = W.HTML(f"<p style='margin:.3em 0'><b>✎ {e(prompt)}</b></p>")
        self.text = W.Textarea(value=saved if isinstance(saved, str) else "",
                               placeholder="Type your answer here…", description="Your answer",
                               tooltip=prompt, continuous_update=True, style=_label_style(),
                               layout=W.Layout(width="100%", max_width="52em", height="7em"))
        self.save_button = W.Button(description="Save", tooltip="Save what you wrote")
        self.status = W.HTML(self._status_text("Saved earlier. You can change it." if saved else ""))
        self._debounced = _Debouncer(self._save, save_delay)
        self.text.observe(lambda change: self._debounced(change["new"]), "value")
        self.save_button.on_click(lambda _b: self.save())
        self.widget = W.VBox([self.prompt, self.text, W.HBox([self.save_button, self.status])])

    @staticmethod
    def _status_text(text: str) -> str:
        return f"<span style='margin-left:.6em' role='status'>{e(text)}</span>" if text else ""

    def _save(self, value: str) -> None:
        if self.progress is None:
            return
        try:
            self.progress.set(self.LESSON, self.prompt_id, value)
        except OSError:
            self.status.value = self._status_text(
                "⚠ Could not save just now. Copy your text somewhere safe, just in case.")
            return
        self.status.value = self._status_text(f"✓ Saved at {time.strftime('%H:%M')}.")

    def save(self) -> None:
        """Save now (also used by the Save button)."""
        self._debounced.flush()
        self._save(self.text.value)

    def flush(self) -> None:
        """Save any typing still waiting for its pause."""
        self._debounced.flush()


def reflection(prompt_id: str, prompt_text: str | None = None) -> Reflection:
    """A box to write in; the text is saved to your progress as you type and comes back next time."""
    from .progress import current_progress
    return Reflection(prompt_id, prompt_text, current_progress())


# --- printable handout ---------------------------------------------------------------------

HANDOUT_FOLDER = "handouts"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
    return slug[:50].strip("-") or "article"


def handout_link_html(path: Path, base: Path | None = None) -> str:
    """An anchor with a relative ``href`` and a ``download`` attribute, like IPython's FileLink.

    Shown through the notebook's own output renderer, JupyterLab (and Binder) turns the relative
    address into the file's download address.
    """
    base = Path.cwd() if base is None else base
    try:
        rel = os.path.relpath(path, base)
    except ValueError:   # another drive on Windows
        rel = str(path)
    href = "/".join(quote(part) for part in Path(rel).parts)
    return (f'<a href="{e(href, quote=True)}" download="{e(Path(path).name, quote=True)}" '
            'style="display:inline-block;padding:6px 12px;border:2px solid #0072B2;border-radius:4px;'
            'color:#0b3d66;background:#eef6fc;text-decoration:none;font-weight:600">'
            f'⬇ Download the handout ({e(Path(path).name)})</a>')


class HandoutButton(View):
    """A button that writes a printable handout of the highlighted article and offers a download link."""

    def __init__(self, analysis, title: str | None = None, folder: Path | None = None):
        W = _ipw()
        self.analysis = analysis
        self.title = title
        self.folder = Path(folder) if folder is not None else Path.cwd() / HANDOUT_FOLDER
        self.path: Path | None = None
        self.link_html = ""
        self.button = W.Button(description="Make a printable handout",
                               tooltip="Write the highlighted article as a page you can print")
        self.message = W.HTML()
        self.output = W.Output()
        self.button.on_click(lambda _b: self.make())
        self.widget = W.VBox([self.button, self.message, self.output])

    def make(self) -> Path | None:
        """Write the handout and show the link; a problem is shown as a kind message."""
        from .render import write_handout
        name = f"{_slug(self.title or 'article')}-handout.html"
        try:
            path = write_handout(self.folder / name, self.analysis.text, self.analysis.annotations,
                                 title=self.title)
        except OSError as exc:
            self.message.value = note_html("warn", "The handout could not be written.",
                                           f"{exc.strerror or exc}. " + _RESTART)
            return None
        self.path = path
        self.link_html = handout_link_html(path)
        self.message.value = note_html(
            "ok", "Your handout is ready.",
            f"It is saved as {os.path.relpath(path, Path.cwd()) if path.is_absolute() else path} "
            "next to the notebooks. Download it, open it in your browser, and print it (Ctrl+P or Cmd+P).")
        self.output.clear_output()
        with self.output:
            from IPython.display import HTML, display
            if _shell() is not None:
                display(HTML(self.link_html))
        return path


def handout_button(article=None) -> HandoutButton:
    """A button that makes a printable page of the highlighted article, with a download link."""
    analysis, title = resolve(article)
    return HandoutButton(analysis, title=title)


# --- quiz view --------------------------------------------------------------------------------

class QuestionView:
    """One question of a quiz: its controls, Check / Hint / Show the answer, and the feedback."""

    def __init__(self, quiz_view, question, number: int, total: int, saved=None):
        from .quizzes import NONE, NONE_LABEL
        W = _ipw()
        self.quiz_view = quiz_view
        self.question = question
        self.correct: bool | None = None
        self.attempts = 0
        self._updating = False
        head = (f"<p style='margin:.2em 0;color:#595959'>Question {number} of {total}</p>"
                f"<p style='margin:.2em 0 .4em;font-weight:bold'>{e(question.prompt)}</p>")
        if question.sentence:
            head += (f"<blockquote style='font-family:Georgia,serif;color:#1a1a1a;background:#fff;"
                     f"border-left:4px solid #595959;margin:.3em 0;padding:.3em .8em'>{e(question.sentence)}"
                     f"</blockquote>")
        self.header = W.HTML(head)
        if question.type == "choice":
            self.choice = W.RadioButtons(options=list(question.options), value=None,
                                         description="Your answer", style=_label_style(),
                                         layout=W.Layout(width="auto"))
            self.checkboxes = {}
            controls = self.choice
        else:
            self.choice = None
            self.checkboxes = {}
            for cid in CATEGORIES + (NONE,):
                box = W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto", margin="0 1.2em 0 0"),
                                 description=NONE_LABEL if cid == NONE else category_label(cid))
                box.observe(lambda change, cid=cid: self._on_tick(cid, change), "value")
                self.checkboxes[cid] = box
            controls = W.HBox(list(self.checkboxes.values()), layout=W.Layout(flex_flow="row wrap"))
        self.check_button = W.Button(description="Check", button_style="primary")
        self.hint_button = W.Button(description="Hint")
        self.answer_button = W.Button(description="Show the answer",
                                      layout=W.Layout(display="none"))
        self.feedback = W.HTML()
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.hint())
        self.answer_button.on_click(lambda _b: self.show_answer())
        self.widget = W.VBox(
            [self.header, controls, W.HBox([self.check_button, self.hint_button, self.answer_button]),
             self.feedback],
            layout=W.Layout(border="1px solid #c8c8c8", padding="0.3em 0.9em 0.5em", margin="0.4em 0"))
        if saved is not None:
            self.set_answer(saved.get("answer"))
            if saved.get("answer") not in (None, "", []):
                self.check(save=False)

    def answer(self):
        """The learner's current answer: option text, or the set of ticked categories."""
        if self.choice is not None:
            return self.choice.value
        return {c for c, box in self.checkboxes.items() if box.value}

    def set_answer(self, answer) -> None:
        if self.choice is not None:
            self.choice.value = answer if answer in self.question.options else None
        else:
            ticks = _ticks(answer) if not isinstance(answer, (set, frozenset)) else set(answer)
            for c, box in self.checkboxes.items():
                box.value = c in ticks

    def _on_tick(self, cid, change) -> None:
        from .quizzes import NONE
        if self._updating or not change["new"]:
            return
        self._updating = True
        try:
            if cid == NONE:
                for c in CATEGORIES:
                    self.checkboxes[c].value = False
            else:
                self.checkboxes[NONE].value = False
        finally:
            self._updating = False

    def check(self, save: bool = True):
        """Check the answer, show why, update the score and save it."""
        from .quizzes import answer_to_store, check_answer
        answer = self.answer()
        result = check_answer(self.question, answer)
        empty = answer in (None, "") or (isinstance(answer, set) and not answer)
        if not empty:
            self.attempts += 1
            self.correct = result.correct
        self.feedback.value = note_html("ok" if result.correct else "info",
                                        "Right!" if result.correct else ("Not yet." if not empty else "Hmm."),
                                        result.message)
        if not result.correct and self.attempts >= 1:
            self.answer_button.layout.display = None
        if save and not empty:
            self.quiz_view._save_answer(self.question, answer_to_store(self.question, answer), result.correct)
        self.quiz_view._update_score()
        return result

    def hint(self) -> None:
        self.feedback.value = note_html("info", "Hint", self.question.hint)

    def show_answer(self) -> None:
        from .quizzes import answer_text
        self.feedback.value = note_html("info", answer_text(self.question), self.question.explanation)


class QuizView(View):
    """A whole quiz on one page: each question in its own box, and a running score."""

    def __init__(self, quiz, progress=None):
        W = _ipw()
        self.quiz = quiz
        self.progress = progress
        self.lesson = quiz.id
        saved = _mapping(progress.get(self.lesson, "quiz", {}) if progress is not None else {})
        self.score = W.HTML()
        self.message = W.HTML()
        intro = f"<p>{e(quiz.intro)}</p>" if quiz.intro else ""
        self.questions: list[QuestionView] = []
        total = len(quiz.questions)
        for n, q in enumerate(quiz.questions, 1):
            self.questions.append(QuestionView(self, q, n, total, _mapping(saved.get(q.id)) or None))
        self.widget = W.VBox([W.HTML(f"<h3 style='margin:.2em 0'>✎ {e(quiz.title)}</h3>{intro}")]
                             + [qv.widget for qv in self.questions] + [self.score, self.message])
        self._update_score()

    def question(self, question_id: str) -> QuestionView:
        for qv in self.questions:
            if qv.question.id == question_id:
                return qv
        raise KeyError(question_id)

    @property
    def correct_count(self) -> int:
        return sum(1 for qv in self.questions if qv.correct)

    def _update_score(self) -> None:
        if not hasattr(self, "questions") or len(self.questions) < len(self.quiz.questions):
            return
        n, total = self.correct_count, len(self.questions)
        done = " All done, well done!" if n == total else ""
        self.score.value = (f"<p role='status' style='font-weight:bold'>Score: {n} of {total} "
                            f"correct.{done}</p>")

    def _save_answer(self, question, answer, correct: bool) -> None:
        if self.progress is None:
            return
        try:
            answers = _mapping(self.progress.get(self.lesson, "quiz", {}))
            answers[question.id] = {"answer": answer, "correct": bool(correct)}
            self.progress.set(self.lesson, "quiz", answers)
            if self.correct_count == len(self.questions) and not self.progress.completed(self.lesson):
                self.progress.mark_completed(self.lesson)
        except OSError as exc:
            self.message.value = note_html("warn", "Your answer could not be saved.", str(exc))


# --- progress views ---------------------------------------------------------------------------

class ProgressSummaryView(View):
    """What the learner has done across lessons; updates itself when progress is saved."""

    def __init__(self, progress):
        W = _ipw()
        self.progress = progress
        self.html = W.HTML()
        self.refresh_button = W.Button(description="Refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.widget = W.VBox([self.html, self.refresh_button])
        progress.on_change(lambda _p: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        from .progress import summary_html
        self.html.value = summary_html(self.progress.summary(), self.progress.notice)


class ProgressDownloadView(View):
    """A link that downloads the progress file; it is rebuilt whenever progress is saved."""

    def __init__(self, progress):
        W = _ipw()
        self.progress = progress
        self.link = W.HTML()
        self.refresh_button = W.Button(description="Update the link",
                                       tooltip="Include everything saved up to now")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.widget = W.VBox([
            W.HTML("<p>Press the link to save <code>my-progress.json</code> on your computer. "
                   "Keep it somewhere you will find it again.</p>"),
            W.HBox([self.link, self.refresh_button])])
        progress.on_change(lambda _p: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        from .progress import download_html
        self.link.value = download_html(self.progress)


class ProgressUploadView(View):
    """An upload button that checks a progress file and restores it (the old one is kept)."""

    def __init__(self, progress):
        W = _ipw()
        self.progress = progress
        self.upload = W.FileUpload(accept=".json", multiple=False, description="Upload progress")
        self.message = W.HTML()
        self.upload.observe(self._on_upload, "value")
        self.widget = W.VBox([
            W.HTML("<p>Choose the <code>my-progress.json</code> file you downloaded before.</p>"),
            self.upload, self.message])

    def restore(self, name: str, content: bytes) -> bool:
        """Restore from an uploaded file's bytes; shows what happened. True when restored."""
        from .progress import ProgressError, restore_from_bytes
        try:
            message = restore_from_bytes(bytes(content), self.progress, name=name)
        except ProgressError as exc:
            self.message.value = note_html(
                "warn", f"“{name}” could not be used.",
                f"{exc} Nothing was changed: your current progress is still there.")
            return False
        except OSError as exc:
            self.message.value = note_html("warn", "Your progress could not be restored.",
                                           f"{exc.strerror or exc}. Nothing was lost. " + _RESTART)
            return False
        self.message.value = note_html("ok", "Progress restored.", message)
        return True

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        first = files[0]
        self.restore(str(first.get("name", "upload")), bytes(first.get("content", b"")))
        self.upload.value = ()
