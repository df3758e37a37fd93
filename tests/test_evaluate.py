"""Scoring against a key: the independent checks' convention, on hand-made inputs."""
from __future__ import annotations

import pytest

from lessons.annotator.model import Annotation
from lessons.scoring.baseline import lexicon_baseline
from lessons.scoring.metrics import (evaluate, pooled, score_hedge_cues, score_units,
                              unit_sets)
from lessons.scoring.key import KeyUnit, article_text, load_key


def unit(uid, start, end, labels=(), optional=(), cues=()):
    return KeyUnit(id=uid, text="x" * (end - start), start=start, end=end, labels=frozenset(labels),
                   optional=frozenset(optional), hedge_cues=tuple("x" for _ in cues), cue_spans=tuple(cues),
                   source=None, source_type=None, note="", figures=(), boosters=())


def ann(cat, start, end):
    return Annotation(cat, start, end, "cue", "rule", "why.")


UNITS = [unit("a", 0, 10, {"official"}), unit("b", 11, 20, {"official", "hedge"}, cues=[(12, 15)]),
         unit("c", 21, 30), unit("d", 31, 40, optional={"official"})]


def test_a_unit_carries_a_category_when_any_annotation_of_it_overlaps():
    ref, pred = unit_sets(UNITS, [ann("official", 5, 6), ann("official", 25, 26)], "official")
    assert ref == {"a", "b"} and pred == {"a", "c"}


def test_optional_categories_count_neither_as_hit_nor_miss():
    ref, pred = unit_sets(UNITS, [ann("official", 35, 36)], "official")
    assert "d" not in ref and "d" not in pred


def test_precision_recall_and_f1_follow_from_the_counts():
    s = score_units(UNITS, [ann("official", 5, 6), ann("official", 25, 26)])["official"]
    assert (s.true_pos, s.false_pos, s.false_neg) == (1, 1, 1)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5) and s.f1 == pytest.approx(0.5)


def test_hedge_cues_are_scored_by_overlap_with_key_cue_spans():
    s = score_hedge_cues(UNITS, [ann("hedge", 13, 14), ann("hedge", 22, 24)])
    assert (s.true_pos, s.false_pos, s.false_neg) == (1, 1, 0)


def test_pooling_adds_counts_before_dividing():
    one = evaluate(UNITS, "y" * 40, annotator=lambda t: [ann("official", 5, 6)])
    two = evaluate(UNITS, "y" * 40, annotator=lambda t: [ann("official", 25, 26)])
    p = pooled([one, two])["annotator"]["units"]["official"]
    assert (p.true_pos, p.false_pos, p.false_neg) == (1, 1, 3)


def test_the_baseline_marks_every_listed_word_without_context():
    anns = lexicon_baseline("The month of May. Officials met.")
    cats = {a.category for a in anns}
    assert "hedge" in cats and "official" in cats      # it cannot tell the month from the modal


def test_the_annotator_clearly_beats_the_baseline_on_the_seed_key():
    r = evaluate(load_key(), article_text())
    for cat in ("official", "expert", "unverified"):
        assert r["annotator"]["units"][cat].f1 > r["baseline"]["units"][cat].f1
    assert r["annotator"]["units"]["hedge"].f1 >= r["baseline"]["units"]["hedge"].f1
