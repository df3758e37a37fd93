"""The highlighter: the article with highlights, a switch per category, and why each was made."""
from __future__ import annotations

from ..annotator.model import Annotation
from ..render.palette import RULE_COLOUR, TEXT_COLOUR
from .base import (
    View,
    category_label,
    check_categories,
    e,
    ipw,
    label_style,
    resolve,
    snippet,
)


def annotation_label(text: str, ann: Annotation, number: int | None = None) -> str:
    """A plain-text label for a menu: ``3. ~ Hedge: ‘may’ — the death toll may have been…``."""
    head = f"{number}. " if number is not None else ""
    cue = f"‘{snippet(ann.cue, 30)}’ — " if ann.cue else ""
    return f"{head}{category_label(ann.category, short=True)}: {cue}{snippet(ann.text_in(text), 60)}"


def reason_html(text: str, ann: Annotation) -> str:
    """Why one highlight was made: the words, the category, the cue, the speaker, the rule."""
    rows = [("Marked words", f"“{snippet(ann.text_in(text), 400)}”"),
            ("Category", category_label(ann.category)),
            ("Why", ann.explanation or "—")]
    if ann.cue:
        rows.append(("Clue word(s)", f"“{ann.cue}”"))
    rows.append(("Who is speaking", ann.source or "No named speaker: the reporter's own words."))
    rows.append(("Rule", f"{ann.rule} (the name of the rule the computer followed)"))
    items = "".join(f"<dt style='font-weight:bold;margin-top:.3em'>{e(k)}</dt>"
                    f"<dd style='margin-left:1em'>{e(v)}</dd>" for k, v in rows)
    return (f'<dl class="mlk-reason" style="color:{TEXT_COLOUR};background:#fff;border:1px solid {RULE_COLOUR};'
            f'border-radius:4px;padding:.3em .9em .5em;margin:.3em 0;max-width:46em">{items}</dl>')


# --- views ----------------------------------------------------------------------------------

_NO_CHOICE = -1   # the menu's "choose a highlight" entry


class Highlighter(View):
    """The article with highlights, a switch per category, a legend with counts, and a menu that
    reads out why each highlight was made (reachable from the keyboard)."""

    def __init__(self, analysis, categories=None, title: str | None = None):
        from ..render.html import count_by_category
        W = ipw()
        self.analysis = analysis
        self.text = analysis.text
        self.annotations = tuple(analysis.annotations)
        self.counts = count_by_category(self.annotations)
        on = set(check_categories(categories))
        self._updating = False
        self.toggles = {}
        for cid in check_categories(None):
            box = W.Checkbox(value=cid in on, indent=False,
                             description=f"{category_label(cid)} ({self.counts.get(cid, 0)})",
                             layout=W.Layout(width="auto", margin="0 1.2em 0 0"))
            box.observe(self._on_toggle, "value")
            self.toggles[cid] = box
        self.legend = W.HTML()
        self.reasons = W.Dropdown(description="Why is it marked?", style=label_style(),
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
        from ..render.html import legend_html
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
        from ..render.html import render_html
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
