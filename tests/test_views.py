"""Across the views: buttons as wide as their words, the same sentences everywhere, clean text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lessons.learner import progress as P
import lessons as kit
from lessons import views as W
from lessons.scoring.key import load_key

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder


def test_every_button_in_the_kits_views_is_as_wide_as_its_words():
    import ipywidgets
    views = [kit.learner_annotator(), W.sentence_explorer(), kit.bring_your_own(),
             W.Reflection("lesson-0-w", "Why?", P.current_progress(), save_delay=0), W.handout_button()]

    def buttons(widget):
        if isinstance(widget, ipywidgets.Button):
            yield widget
        for child in getattr(widget, "children", ()) or ():
            yield from buttons(child)

    found = [b for v in views for b in buttons(v.widget)]
    assert any(b.description == "Compare with the key" for b in found)
    for b in found:
        assert b.layout.width == "auto" and b.layout.min_width == "max-content", b.description


def test_every_view_counts_the_same_36_sentences_as_the_answer_key():
    import lessons.lessonkit as lk
    key_texts = [u.text for u in load_key()]
    x = W.sentence_explorer()
    assert [s.text for s in x.sentences] == key_texts        # photo credits are names, not sentences
    assert x.slider.max == len(key_texts) == 36
    assert [p.text for p in lk.pieces()] == key_texts


SECOND_ARTICLE = Path(__file__).resolve().parents[1] / "benchmarks" / "heldout" / "harsk-drone-strike.txt"


@pytest.mark.parametrize("which", ["seed", "second article"])
def test_the_charts_explorer_and_highlighter_count_the_same_sentences_and_categories(which):
    from lessons.views.charts import figure_rows, hedges_by_sentence, speaker_counts
    article = None if which == "seed" else SECOND_ARTICLE.read_text(encoding="utf-8")
    reading = W.read(article)
    x = W.sentence_explorer(article)
    h = kit.highlighter(article)
    n = len(x.sentences)
    assert n == len(reading.sentences) == len(hedges_by_sentence(reading)) == x.slider.max
    assert sum(k for _who, _kind, k in speaker_counts(reading)) == n
    assert sum(k for _who, _kind, k in speaker_counts(reading, by="person")) == n
    assert tuple(h.toggles) == tuple(v for _l, v in x.category_filter.options[1:-1]) == (
        "hedge", "official", "expert", "unverified")
    hedges = sum(len(c) for _n, c in hedges_by_sentence(reading))
    assert hedges == h.counts["hedge"] == sum(1 for a in reading.analysis.annotations if a.category == "hedge")
    if which == "seed":
        assert n == 36
    else:
        assert figure_rows(reading) and all("real number" not in r.label for r in figure_rows(reading))


def test_no_view_shows_doubled_punctuation_on_the_seed():
    import html as H
    h = kit.highlighter()
    shown = [h.html.value]
    for index in range(len(h.annotations)):
        if h.annotations[index].category in h.visible:
            h.reasons.value = index
            shown.append(h.reason.value)
    x = W.sentence_explorer()
    for n in range(1, len(x.sentences) + 1):
        x.slider.value = n
        shown.append(x.view.value)
    doubled = re.compile(r"““|””|\.”\.|,\.|\.,|\.\.(?!\.)|\?\.|;;")
    for page in shown:
        text = H.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))
        found = doubled.search(text)
        assert not found, text[max(0, found.start() - 80):found.end() + 20]
