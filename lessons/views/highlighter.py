"""The highlighter: the article with highlights, a switch per category, and why each was made."""
from __future__ import annotations

from ..annotator.model import CATEGORIES, Annotation
from ..errors import KitError
from ..render.html import CUE_ELSEWHERE, cue_elsewhere, in_quotes
from .base import (
    PART_LABELS,
    Reading,
    View,
    category_label,
    check_categories,
    e,
    ipw,
    label_style,
    read,
    snippet,
    view_box,
)


def annotation_label(text: str, ann: Annotation, number: int | None = None) -> str:
    """A plain-text label for a menu: ``3. ~ Hedge: ‘may’ — the death toll may have been…``."""
    head = f"{number}. " if number is not None else ""
    # A cue in another sentence (a contested claim's challenger) is not named here: a reader
    # would look for it in the highlighted words. The reason says where it is.
    cue = f"‘{snippet(ann.cue, 30)}’ — " if ann.cue and not cue_elsewhere(ann.text_in(text), ann.cue) else ""
    return f"{head}{category_label(ann.category, short=True)}: {cue}{snippet(ann.text_in(text), 60)}"


def reason_html(text: str, ann: Annotation, translation=None) -> str:
    """Why one highlight was made: the words, the category, the cue, the speaker, the rule (and,
    inside a translated quote, what language it was first said in)."""
    rows = [("Marked words", in_quotes(snippet(ann.text_in(text), 400))),
            ("Category", category_label(ann.category)),
            ("Why", ann.explanation or "—")]
    if ann.cue:
        where = f" ({CUE_ELSEWHERE}, not in the marked words)" if cue_elsewhere(ann.text_in(text), ann.cue) else ""
        rows.append(("Clue word(s)", in_quotes(ann.cue) + where))
    rows.append(("Who is speaking", ann.source or "No named speaker: the reporter's own words."))
    if translation is not None:
        rows.append(("Translation", translation.note))
    rows.append(("Rule", f"{ann.rule} (the name of the rule the computer followed)"))
    items = "".join(f"<dt class='mlk-ui-term'>{e(k)}</dt><dd class='mlk-ui-desc'>{e(v)}</dd>" for k, v in rows)
    return f'<dl class="mlk-reason">{items}</dl>'


# --- layers -----------------------------------------------------------------------------------

def _made_by_the_annotator(_analysis):
    return ()   # the annotator already marks other voices: they are in analysis.annotations


def _framing_layer(analysis):
    from ..annotator.framing import find_framing
    return find_framing(analysis)


LAYERS = {"voice": _made_by_the_annotator, "framing": _framing_layer}
"""Extra highlight layers beyond the kit's four categories: name -> function giving the layer's
annotations for an analysis, beyond those the annotator already made. A layer is shown only when
asked for (``highlighter(layers=[...])``), with its own switch, off at first. Add a layer by
adding an entry here and its look to ``categories.yaml``."""

_NO_CHOICE = -1   # the menu's "choose a highlight" entry
_COUNTER = iter(range(1, 1 << 62))


def part_labels(reading) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, label)`` for the article's parts as the highlighter labels them: every
    part but body paragraphs, and the first paragraph of each run of body text, as "Body"."""
    out, previous = [], None
    for start, end, kind in reading.parts:
        if kind != "paragraph" or previous != "paragraph":
            out.append((start, end, kind, PART_LABELS.get(kind, kind)))
        previous = kind
    return out


class Highlighter(View):
    """The article with highlights, a switch per category, a legend with counts, and reasons:
    a click or tap on a highlight, or Tab to its symbol and Enter, opens why it was made beside
    the text; the menu above lists every highlight too."""

    def __init__(self, analysis, categories=None, title: str | None = None, layers=(), reading=None,
                 translations=()):
        from ..render.html import count_by_category
        W = ipw()
        self.reading = reading if reading is not None else Reading(analysis, title)
        self.analysis = analysis
        self.text = analysis.text
        asked_layers = [c for c in _asked(categories) if c in LAYERS]   # asking for a layer's category adds it
        self.layers = _check_layers([*(_check_layers(layers)), *asked_layers])
        self.categories = CATEGORIES + self.layers
        extra = tuple(a for name in self.layers for a in LAYERS[name](analysis) or ())
        self.annotations = tuple(analysis.annotations) + extra   # indices match analysis.annotations
        self.counts = count_by_category(a for a in self.annotations if a.category in self.categories)
        self.parts = part_labels(self.reading)
        self.reasons_id = f"mlk-h{next(_COUNTER)}"
        on = set(check_categories(categories)) - (set(self.layers) - set(_asked(categories)))
        self._updating = False
        self.toggles = {}
        for cid in self.categories:
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
        self.translations = tuple(translations)
        self.translation_box = W.HTML(translations_html(self.text, self.translations))
        head = [W.HTML(f"<h3 class='mlk-ui-title'>{e(title)}</h3>")] if title else []
        self.widget = view_box(head + [
            W.HTML("<b>Show these highlights</b> (tick or untick):"),
            W.HBox(list(self.toggles.values()), layout=W.Layout(flex_flow="row wrap")),
            self.legend, self.reasons, self.reason, self.translation_box, self.html,
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
        self.legend.value = legend_html(self.visible, self.counts, categories=self.categories,
                                        include_style=False)
        self._render()

    def _render(self) -> None:
        from ..render.html import render_html
        index = self.reasons.value
        if index is not None and index < 0:
            index = None
        self.html.value = render_html(self.text, self.annotations, self.visible, selected=index,
                                      parts=self.parts, reasons_id=self.reasons_id, include_style=False)
        if index is None:
            shown = sum(1 for a in self.annotations if a.category in self.visible)
            hint = ("Nothing is highlighted in the categories shown." if not shown else
                    f"{shown} highlights shown. To read why one was marked, click or tap it, or press "
                    "Tab to reach its symbol and then Enter. The menu above lists them all too.")
            self.reason.value = f"<p class='mlk-ui-tight'>{e(hint)}</p>"
        else:
            from ..text.translations import translation_at
            ann = self.annotations[index]
            self.reason.value = reason_html(self.text, ann, translation_at(self.translations, ann.start, ann.end))


def translations_html(text: str, notes) -> str:
    """A note beside the article naming each quote that is a translation (escaped), or nothing."""
    if not notes:
        return ""
    items = "".join(f"<li><q class='mlk-ui-noquotes'>{e(snippet(text[t.start:t.end], 60))}</q> — {e(t.note)}</li>"
                    for t in notes)
    return (f"<details class='mlk-translations'><summary><b>Quotes in translation "
            f"({len(notes)})</b>: some words in this report were first said in another language</summary>"
            f"<ul class='mlk-ui-tight'>{items}</ul></details>")


def _asked(categories) -> tuple[str, ...]:
    return () if categories is None else check_categories(categories)


def _check_layers(layers) -> tuple[str, ...]:
    if isinstance(layers, str):
        layers = [layers]
    chosen = tuple(dict.fromkeys(str(x).strip().lower() for x in layers or ()))
    unknown = [x for x in chosen if x not in LAYERS]
    if unknown:
        raise KitError(f"“{unknown[0]}” is not a layer. Layers you can add: {', '.join(LAYERS)}.")
    return chosen


def highlighter(article=None, categories=None, layers=()) -> Highlighter:
    """The article (default: the seed) with highlights you can switch on and off by category.

    ``categories`` chooses which of the four start switched on; ``layers`` adds extra layers
    (see ``LAYERS``), each with its own switch, off unless ``categories`` names it too.
    """
    from ..text.translations import translations_for
    reading = read(article)
    return Highlighter(reading.analysis, categories, title=reading.title, layers=layers, reading=reading,
                       translations=translations_for(article))
