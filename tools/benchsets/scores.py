"""The annotator's score on a set, and the floors in ``benchmarks/expectations.yaml``."""
from __future__ import annotations

import math
import os
from pathlib import Path

from .sets import CATEGORIES, EXPECTATIONS_FILE, BenchSet, SetsError, _rel


def keyed_texts(bset: BenchSet) -> list[tuple[str, str, tuple]]:
    """``(slug, text, units)`` for every keyed text of a set, read by the kit's one reader
    (:mod:`lessons.scoring.sets`, which ``python -m lessons evaluate`` uses too)."""
    from lessons.scoring import sets as kit_sets

    if bset.format == "conll2010":
        return [("conll", *kit_sets.conll_keyed_text(bset.folder))]
    items, problems = kit_sets.keyed_texts(bset.folder)
    if problems:
        raise SetsError(f"{_rel(bset.folder)}: " + "; ".join(problems))
    return items


def scores(bset: BenchSet) -> dict[str, object]:
    """The annotator's sentence-level score per category on a whole set (counts pooled over texts).

    The kit's own scoring (``lessons.evaluate``): optional categories count neither way. The
    CoNLL sample is scored for hedges only, each sentence annotated on its own.
    """
    import lessons
    from lessons.scoring import metrics
    from lessons.scoring.sets import annotate_each_unit

    items = keyed_texts(bset)
    if bset.format == "conll2010":
        (_, text, units), = items
        return metrics.score_units(units, annotate_each_unit(text, units, lessons.annotate), ("hedge",))
    results = [metrics.evaluate(units, text, lessons.annotate) for _, text, units in items]
    return metrics.pooled(results)["annotator"]["units"]


def load_expectations(path: str | os.PathLike = EXPECTATIONS_FILE) -> dict[str, dict[str, float]]:
    """``{set: {category: minimum F1}}`` from ``benchmarks/expectations.yaml``."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    floors = data.get("minimum_f1") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise SetsError(f"{_rel(Path(path))}: needs a 'minimum_f1' mapping of set -> category -> F1")
    for name, cats in floors.items():
        if not isinstance(cats, dict) or not all(c in CATEGORIES and isinstance(v, (int, float)) and 0 <= v <= 1
                                                 for c, v in cats.items()):
            raise SetsError(f"{_rel(Path(path))}, set {name!r}: needs category: F1 between 0 and 1")
    return floors


def shortfalls(measured: dict, floors: dict[str, float]) -> list[str]:
    """One line for each category whose F1 is below its floor (a missing F1 counts as below)."""
    out = []
    for cat, floor in floors.items():
        sc = measured.get(cat)
        f1 = getattr(sc, "f1", None)
        if f1 is None or f1 < floor:
            shown = "-" if f1 is None else f"{f1:.3f}"
            out.append(f"{cat} F1 {shown} is below its expected minimum {floor}")
    return out


def suggested_floor(f1: float, margin: float = 0.03) -> float:
    """A floor a little below today's F1: ``margin`` lower, rounded down to two decimals."""
    return max(0.0, math.floor((f1 - margin) * 100 + 1e-9) / 100)
