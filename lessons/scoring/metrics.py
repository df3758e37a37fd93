"""Score an annotator against a key: per-category precision, recall and F1 over units.

Scoring convention (the same as the independent checks): a unit carries a category when any
predicted annotation of that category overlaps the unit's span; a unit's optional categories
count neither as hits nor as misses. Hedges are also scored at cue level: a predicted hedge
span is a hit when it overlaps a key cue. The arithmetic is ``nltk.metrics``'s
``precision``, ``recall`` and ``f_measure`` over sets of unit (or cue) ids.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from nltk.metrics import f_measure, precision, recall

from ..annotator.model import CATEGORIES, Annotation
from .baseline import lexicon_baseline


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 with the counts they come from."""

    precision: float | None
    recall: float | None
    f1: float | None
    true_pos: int
    false_pos: int
    false_neg: int
    n_reference: int


def _score(reference: set, predicted: set) -> Score:
    tp = len(reference & predicted)
    return Score(precision(reference, predicted) if predicted else None,
                 recall(reference, predicted) if reference else None,
                 f_measure(reference, predicted) if reference and predicted else (0.0 if reference or predicted else None),
                 tp, len(predicted - reference), len(reference - predicted), len(reference))


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def unit_sets(units, annotations: Sequence[Annotation], category: str) -> tuple[set, set]:
    """(reference, predicted) sets of unit ids for one category, optional units left out."""
    spans = sorted((a.start, a.end) for a in annotations if a.category == category)
    ref, pred = set(), set()
    for u in units:
        if category in u.optional:
            continue
        if category in u.labels:
            ref.add(u.id)
        if any(_overlaps(s, e, u.start, u.end) for s, e in spans):
            pred.add(u.id)
    return ref, pred


def score_units(units, annotations: Sequence[Annotation], categories: Iterable[str] = CATEGORIES) -> dict[str, Score]:
    """Sentence-level score for each category."""
    return {c: _score(*unit_sets(units, annotations, c)) for c in categories}


def score_hedge_cues(units, annotations: Sequence[Annotation]) -> Score:
    """Cue-level hedge score: a predicted hedge span counts when it overlaps a key cue span."""
    gold = {(u.id, i): span for u in units for i, span in enumerate(u.cue_spans)
            if "hedge" not in u.optional}
    optional_spans = [(u.start, u.end) for u in units if "hedge" in u.optional]
    ref = set(gold)
    pred = set()
    for a in annotations:
        if a.category != "hedge":
            continue
        if any(_overlaps(a.start, a.end, s, e) for s, e in optional_spans):
            continue
        hit = next((k for k, (s, e) in gold.items() if _overlaps(a.start, a.end, s, e)), None)
        pred.add(hit if hit is not None else ("pred", a.start, a.end))
    return _score(ref, pred)


def disagreements(units, annotations: Sequence[Annotation], category: str) -> tuple[list, list]:
    """(missed, false alarms): the key units the annotator got wrong for one category."""
    ref, pred = unit_sets(units, annotations, category)
    by_id = {u.id: u for u in units}
    return [by_id[i] for i in sorted(ref - pred)], [by_id[i] for i in sorted(pred - ref)]


# ---------------------------------------------------------------- reports

def evaluate(units, text: str, annotator: Callable[[str], list] | None = None) -> dict:
    """Scores of an annotator (default: the kit's) and of the lexicon baseline on one keyed text."""
    if annotator is None:
        from ..annotator import annotate as annotator
    results = {}
    for name, fn in (("annotator", annotator), ("baseline", lexicon_baseline)):
        anns = fn(text)
        results[name] = {"units": score_units(units, anns), "hedge_cues": score_hedge_cues(units, anns),
                         "annotations": anns}
    return results


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def format_table(title: str, results: dict) -> str:
    """A plain-text table: one row per category and system."""
    lines = [title, f"{'category':<12}{'system':<11}{'P':>6}{'R':>6}{'F1':>6}{'TP':>5}{'FP':>5}{'FN':>5}"]
    rows = [(c, s) for c in CATEGORIES for s in ("annotator", "baseline")]
    for cat, system in rows:
        sc = results[system]["units"][cat]
        lines.append(f"{cat:<12}{system:<11}{_fmt(sc.precision):>6}{_fmt(sc.recall):>6}{_fmt(sc.f1):>6}"
                     f"{sc.true_pos:>5}{sc.false_pos:>5}{sc.false_neg:>5}")
    for system in ("annotator", "baseline"):
        sc = results[system]["hedge_cues"]
        lines.append(f"{'hedge cues':<12}{system:<11}{_fmt(sc.precision):>6}{_fmt(sc.recall):>6}{_fmt(sc.f1):>6}"
                     f"{sc.true_pos:>5}{sc.false_pos:>5}{sc.false_neg:>5}")
    return "\n".join(lines)


def pooled(results_list: Iterable[dict]) -> dict:
    """Add up counts over several texts (micro-average) and recompute the scores."""
    results_list = list(results_list)
    out = {}
    for system in ("annotator", "baseline"):
        units = {}
        for cat in CATEGORIES:
            tp = sum(r[system]["units"][cat].true_pos for r in results_list)
            fp = sum(r[system]["units"][cat].false_pos for r in results_list)
            fn = sum(r[system]["units"][cat].false_neg for r in results_list)
            units[cat] = _from_counts(tp, fp, fn)
        tp = sum(r[system]["hedge_cues"].true_pos for r in results_list)
        fp = sum(r[system]["hedge_cues"].false_pos for r in results_list)
        fn = sum(r[system]["hedge_cues"].false_neg for r in results_list)
        out[system] = {"units": units, "hedge_cues": _from_counts(tp, fp, fn)}
    return out


def _from_counts(tp: int, fp: int, fn: int) -> Score:
    ref = {("t", i) for i in range(tp)} | {("n", i) for i in range(fn)}
    pred = {("t", i) for i in range(tp)} | {("p", i) for i in range(fp)}
    return _score(ref, pred)
