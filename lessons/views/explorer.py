"""The sentence explorer: step through the article one sentence at a time."""
from __future__ import annotations

from dataclasses import replace

from ..annotator.model import Annotation
from .base import (
    sentence_number,
    button,
    PART_LABELS,
    Reading,
    View,
    category_label,
    check_categories,
    e,
    ipw,
    label_style,
    read,
    view_box,
)
from .messages import note_html


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

    def __init__(self, analysis, reading=None, translations=()):
        W = ipw()
        self.reading = reading if reading is not None else Reading(analysis)
        self.analysis = analysis
        self.translations = tuple(translations)
        self.sentences = self.reading.sentences
        counts = {c: sum(1 for s in self.sentences if c in s.categories) for c in check_categories(None)}
        cat_options = [("any sentence", self.ANY)]
        cat_options += [(f"{category_label(c)} ({counts[c]})", c) for c in check_categories(None)]
        cat_options.append((f"no category ({sum(1 for s in self.sentences if not self._four(s))})",
                            self.NO_CATEGORY))
        names = sorted({s.source.name for s in self.sentences if s.source is not None}, key=str.lower)
        speaker_options = [("anyone", self.ANY), ("no named speaker", self.NOBODY)]
        speaker_options += [(n, n) for n in names]
        self.category_filter = W.Dropdown(options=cat_options, value=self.ANY,
                                          description="Show sentences with", style=label_style())
        self.speaker_filter = W.Dropdown(options=speaker_options, value=self.ANY,
                                         description="Who is speaking", style=label_style())
        self.previous = button("◀ Previous", tooltip="Go to the previous sentence")
        self.next = button("Next ▶", tooltip="Go to the next sentence")
        self.slider = sentence_number(len(self.sentences), continuous_update=True)
        self.view = W.HTML()
        self.category_filter.observe(self._on_filter, "value")
        self.speaker_filter.observe(self._on_filter, "value")
        self.slider.observe(lambda _c: self._render(), "value")
        self.previous.on_click(lambda _b: self.step(-1))
        self.next.on_click(lambda _b: self.step(+1))
        self.matching: list = list(self.sentences)
        self.widget = view_box([
            W.HBox([self.category_filter, self.speaker_filter], layout=W.Layout(flex_flow="row wrap")),
            W.HBox([self.previous, self.slider, self.next], layout=W.Layout(flex_flow="row wrap")),
            self.view,
        ])
        self._on_filter()

    @staticmethod
    def _four(s) -> frozenset:
        """The sentence's categories among the kit's four."""
        return s.categories & frozenset(check_categories(None))

    def _matches(self, s) -> bool:
        cat, who = self.category_filter.value, self.speaker_filter.value
        if cat == self.NO_CATEGORY and self._four(s):
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
        from ..render.html import explanations_html, render_html
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
        cats = [c for c in check_categories(None) if c in s.categories]
        chips = "".join(f"<span class='mlk-ui-chip'>{e(category_label(c))}</span>" for c in cats)
        chips = chips or "<i>none found by the computer</i>"
        part = self.reading.part_at(s.start)
        part_line = (f"<p class='mlk-ui-line'><b>Part of the article:</b> {e(PART_LABELS.get(part, part))}</p>"
                     if part else "")
        self.view.value = (
            f"<p class='mlk-ui-line'><b>{e(where)}</b></p>" + part_line
            + render_html(s.text, anns, include_style=False)
            + f"<p class='mlk-ui-line'><b>Categories:</b> {chips}</p>"
            + f"<p class='mlk-ui-line'><b>Who is speaking:</b> {e(speaker_text(s.source))}</p>"
            + self._translation(s)
            + ("<p class='mlk-ui-line-top'><b>Why:</b></p>" + explanations_html(s.text, anns)
               if anns else ""))


    def _translation(self, s) -> str:
        from ..text.translations import translation_at
        t = translation_at(self.translations, s.start, s.end)
        return "" if t is None else f"<p class='mlk-ui-line'><b>Translation:</b> {e(t.note)}</p>"


def sentence_explorer(article=None) -> SentenceExplorer:
    """Step through the article sentence by sentence, with filters by category and speaker."""
    from ..text.translations import translations_for
    reading = read(article)
    return SentenceExplorer(reading.analysis, reading, translations=translations_for(article))
