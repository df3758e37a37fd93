"""Lesson 06 (your turn): the learner marks each sentence, then compares with the answer key."""
from __future__ import annotations

from ..annotator.model import CATEGORIES
from ..scoring.agreement import Comparison, Disagreement, compare_with_key, kappa_words
from .base import View, button, sentence_number, category_label, e, ipw, saved_mapping, saved_ticks, snippet, view_box
from .messages import note_html


NOBODY_MARKED = "nobody marked it in these sentences, so there is nothing to measure yet"


def shown_kappa(a) -> tuple[str, str]:
    """(kappa as shown, in words) for one category. When neither the learner nor the key marks
    the category in any sentence compared, agreeing on "no" everywhere says nothing about
    spotting it: no number is shown, rather than a perfect 1.00."""
    if a.kappa is None:
        return "—", kappa_words(None)
    if a.hits + a.misses + a.false_alarms == 0:
        return "—", NOBODY_MARKED
    return f"{a.kappa:.2f}", kappa_words(a.kappa)


def comparison_html(comparison: Comparison) -> str:
    """The comparison as a table with plain-words explanations and the key's reasons."""
    if not comparison.units_compared:
        return note_html("info", "Nothing to compare yet.",
                         "Tick the categories for at least one sentence (or “None of these”), then compare.")
    cell, num = "class='mlk-ui-cmp-cell'", "class='mlk-ui-cmp-num'"
    rows = []
    for a in comparison.categories:
        kappa, words = shown_kappa(a)
        rows.append(f"<tr><th scope='row' {cell}>{e(category_label(a.category))}</th>"
                    f"<td {num}>{kappa}</td><td {cell}>{e(words)}</td>"
                    f"<td {num}>{a.hits}</td><td {num}>{a.misses}</td><td {num}>{a.false_alarms}</td></tr>")
    table = (f"<table class='mlk-ui-cmp'>"
             f"<caption class='mlk-ui-caption'>You and the key, category by category "
             f"({comparison.units_compared} of {comparison.units_total} sentences compared)</caption>"
             f"<thead><tr><th scope='col' {cell}>Category</th><th scope='col' {cell}>Kappa</th>"
             f"<th scope='col' {cell}>In words</th><th scope='col' {cell}>Both marked</th>"
             f"<th scope='col' {cell}>You missed</th><th scope='col' {cell}>Only you marked</th>"
             f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    explain = ("<p class='mlk-ui-small'><b>Kappa</b> (κ) measures how much you and the key agree, "
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
            items.append(f"<li class='mlk-ui-cmp-item'><q>{e(snippet(ds[0].text, 160))}</q><br>"
                         f"<b>{e(what)}</b><br>Why the key says so: {e(ds[0].note or '—')}</li>")
        diffs = ("<p><b>Where you and the key differ</b> (the key is not always right either: "
                 "do its reasons convince you?)</p><ol>" + "".join(items) + "</ol>")
    return table + explain + diffs


class LearnerAnnotator(View):
    """Lesson 06 (your turn): the learner marks each sentence of the key, then compares with the key."""

    LESSON = "annotator"

    def __init__(self, key, progress=None):
        W = ipw()
        self.key = tuple(key)
        self.progress = progress
        self._save_problem = ""          # a failed save's warning, kept under the status line
        saved = saved_mapping(progress.get(self.LESSON, "choices", {}) if progress is not None else {})
        self.checkboxes: dict[str, dict[str, object]] = {}
        self._boxes = {}
        self._updating = False
        for u in self.key:
            ticks = saved_ticks(saved.get(u.id))
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
        self.previous = button("◀ Previous")
        self.next = button("Next ▶")
        self.slider = sentence_number(len(self.key))
        self.status = W.HTML()
        self.compare_button = button("Compare with the key", button_style="primary")
        self.result = W.HTML()
        self.previous.on_click(lambda _b: self.step(-1))
        self.next.on_click(lambda _b: self.step(+1))
        self.slider.observe(lambda _c: self._show_unit(), "value")
        self.compare_button.on_click(lambda _b: self.compare())
        self.widget = view_box([
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
            self._save_problem = note_html("warn", "Your ticks could not be saved.", str(exc))
        else:
            self._save_problem = ""

    def _update_status(self) -> None:
        done = len(self.choices())
        self.status.value = f"<p>You have marked {done} of {len(self.key)} sentences.</p>" + self._save_problem

    def _show_unit(self) -> None:
        u = self.current
        self.previous.disabled = self.slider.value <= 1
        self.next.disabled = self.slider.value >= len(self.key)
        if u is None:
            self.unit_view.value = note_html("warn", "The answer key has no sentences.")
            return
        self.unit_view.value = (
            f"<p class='mlk-ui-line'><b>Sentence {self.slider.value} of {len(self.key)}</b></p>"
            f"<blockquote class='mlk-ui-unit'>{e(u.text)}</blockquote>")
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
    from ..learner.progress import current_progress
    from ..scoring.key import load_key
    return LearnerAnnotator(load_key(), current_progress())
