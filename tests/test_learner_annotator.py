"""The learner annotator: ticks saved, kappa against the key, and the comparison shown."""
from __future__ import annotations

import re

import pytest

from lessons.learner import progress as P
import lessons as kit
from lessons import views as W
from lessons.scoring import agreement as A
from lessons.scoring.key import KeyUnit, load_key

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder


# --- comparing with the key ---------------------------------------------------------------------

def unit(uid, labels, optional=(), note=""):
    return KeyUnit(uid, f"Sentence {uid}.", 0, 1, frozenset(labels), frozenset(optional), (), (), None,
                   None, note)


def test_perfect_agreement_gives_kappa_one():
    key = load_key()
    comparison = A.compare_with_key({u.id: set(u.labels) for u in key}, key)
    assert comparison.kappa == {"hedge": 1.0, "official": 1.0, "expert": 1.0, "unverified": 1.0}
    assert comparison.disagreements == () and comparison.units_compared == len(key)


def test_kappa_matches_a_hand_computed_case():
    # hedge: key yes,yes,no,no; learner yes,no,no,no → Ao = 3/4; Ae = 1/4*2/4 + 3/4*2/4 = 1/2
    # kappa = (3/4 - 1/2) / (1 - 1/2) = 0.5
    key = [unit("a", {"hedge"}), unit("b", {"hedge"}), unit("c", ()), unit("d", ())]
    comparison = A.compare_with_key({"a": {"hedge"}, "b": {"none"}, "c": {"none"}, "d": {"none"}}, key)
    hedge = comparison["hedge"]
    assert hedge.kappa == pytest.approx(0.5)
    assert (hedge.hits, hedge.misses, hedge.false_alarms, hedge.units) == (1, 1, 0, 4)
    assert hedge.agreement == pytest.approx(0.75)


def test_opposite_answers_give_negative_kappa():
    key = [unit("a", {"expert"}), unit("b", ())]
    assert A.compare_with_key({"a": set(), "b": {"expert"}}, key).kappa["expert"] == pytest.approx(-1.0)


def test_optional_categories_are_skipped():
    key = [unit("a", {"official"}, optional={"unverified"}, note="Doubted later.")]
    comparison = A.compare_with_key({"a": {"official", "unverified"}}, key)
    assert comparison["unverified"].units == 0 and comparison["unverified"].kappa is None
    assert comparison["unverified"].skipped_optional == 1
    assert comparison.disagreements == ()


def test_each_disagreement_carries_the_keys_note():
    key = [unit("a", {"hedge", "unverified"}, note="“Unconfirmed” does two jobs."), unit("b", ())]
    comparison = A.compare_with_key({"a": {"hedge", "official"}, "b": set()}, key)
    found = {(d.unit_id, d.category, d.learner, d.key) for d in comparison.disagreements}
    assert found == {("a", "official", True, False), ("a", "unverified", False, True)}
    assert all(d.note == "“Unconfirmed” does two jobs." for d in comparison.disagreements)
    page = W.comparison_html(comparison)
    assert "does two jobs" in page and "you marked it, the key does not" in page


def test_only_the_sentences_the_learner_marked_are_compared():
    key = [unit("a", {"hedge"}), unit("b", {"official"})]
    comparison = A.compare_with_key({"a": {"hedge"}}, key)
    assert comparison.units_compared == 1 and comparison.units_total == 2
    assert comparison.disagreements == ()


def test_a_category_nobody_marked_gets_no_kappa_not_a_perfect_one():
    key = [unit("a", {"hedge"}), unit("b", ())]
    comparison = A.compare_with_key({"a": {"hedge"}, "b": set()}, key)
    page = W.comparison_html(comparison)
    row = re.search(r"Expert commentary</th>(.*?)</tr>", page).group(1)
    assert "1.00" not in row and "almost perfect" not in row and "nobody marked it" in row
    hedge_row = re.search(r"Hedging language</th>(.*?)</tr>", page).group(1)
    assert "1.00" in hedge_row and "almost perfect agreement" in hedge_row   # both marked it: real agreement


def test_kappa_in_words_follows_landis_and_koch():
    assert A.kappa_words(0.9) == "almost perfect agreement"
    assert A.kappa_words(0.5) == "moderate agreement"
    assert A.kappa_words(-0.2) == "less than chance"
    assert A.kappa_words(0.0) == "no better than chance"
    assert A.kappa_words(None) == "nothing to compare"


def test_the_learner_annotator_saves_ticks_and_compares():
    a = kit.learner_annotator()
    first = a.current
    assert first.text in a.unit_view.value or W.e(first.text) in a.unit_view.value
    for cat in first.labels or {"none"}:
        a.checkboxes[first.id][cat].value = True
    a.next.click()
    assert a.current is not first
    a.compare_button.click()
    assert a.comparison.units_compared == 1 and a.comparison.disagreements == ()
    assert "You agree with the key" in a.result.value
    P._INSTANCES.clear()
    again = kit.learner_annotator()
    assert {c for c, box in again.checkboxes[first.id].items() if box.value} == set(first.labels or {"none"})


def test_none_of_these_and_a_category_exclude_each_other_in_the_annotator():
    a = kit.learner_annotator()
    boxes = a.checkboxes[a.current.id]
    boxes["hedge"].value = True
    boxes["none"].value = True
    assert not boxes["hedge"].value
    boxes["official"].value = True
    assert not boxes["none"].value


def test_comparing_before_marking_anything_explains_what_to_do():
    a = kit.learner_annotator()
    a.compare_button.click()
    assert "Nothing to compare yet" in a.result.value
