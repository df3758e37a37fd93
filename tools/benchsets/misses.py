"""The annotator's misses on a development set, unit by unit, for writing rules.

Blind sets are refused: their misses must never be read (see ``benchmarks/sets.yaml``).
"""
from __future__ import annotations

from .scores import keyed_texts
from .sets import CATEGORIES, BenchSet, SetsError


def misses(bset: BenchSet, categories: tuple[str, ...] = CATEGORIES) -> list[str]:
    """One line per missed or extra unit: ``FN``/``FP``, category, slug, unit id, source, note, text."""
    if bset.status == "blind":
        raise SetsError(f"{bset.name} is blind: its misses are never read, only its overall score "
                        f"(python -m tools.benchsets scores {bset.name})")
    if bset.format == "conll2010":
        raise SetsError(f"{bset.name} is a list of sentences; score it with 'scores'")
    import lessons
    from lessons.scoring import metrics

    lines = []
    for slug, text, units in keyed_texts(bset):
        anns = lessons.annotate(text)
        for cat in categories:
            missed, extra = metrics.disagreements(units, anns, cat)
            for kind, group in (("FN", missed), ("FP", extra)):
                for u in group:
                    src = u.source or "-"
                    lines.append(f"{kind} {cat:<10} {slug} #{u.id} [{src}] ({u.note}) {u.text}")
    return lines
