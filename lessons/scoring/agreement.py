"""Agreement between a learner and the answer key: Cohen's kappa per category, and where they differ."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..annotator.model import CATEGORIES


@dataclass(frozen=True)
class CategoryAgreement:
    """Learner vs key on one category: Cohen's kappa and the counts behind it."""

    category: str
    kappa: float | None      # None when no unit could be compared
    units: int               # units compared (units where the category is optional are skipped)
    hits: int                # both marked it
    misses: int              # the key marked it, the learner did not
    false_alarms: int        # the learner marked it, the key did not
    skipped_optional: int

    @property
    def agreement(self) -> float | None:
        """Share of compared units where learner and key agree (observed agreement)."""
        return None if not self.units else (self.units - self.misses - self.false_alarms) / self.units


@dataclass(frozen=True)
class Disagreement:
    """One unit and category where the learner and the key differ, with the key's reason."""

    unit_id: str
    text: str
    category: str
    learner: bool
    key: bool
    note: str


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare_with_key`."""

    categories: tuple            # CategoryAgreement per category, in CATEGORIES order
    disagreements: tuple         # Disagreement, in key order
    units_compared: int
    units_total: int

    @property
    def kappa(self) -> dict:
        """Cohen's kappa per category (None where nothing could be compared)."""
        return {a.category: a.kappa for a in self.categories}

    def __getitem__(self, category: str) -> CategoryAgreement:
        for a in self.categories:
            if a.category == category:
                return a
        raise KeyError(category)


def cohen_kappa(learner: Mapping[str, bool], key: Mapping[str, bool]) -> float | None:
    """Cohen's kappa of two coders' yes/no labels over the same items.

    kappa = (Ao - Ae) / (1 - Ae): the observed agreement Ao beyond the agreement Ae that two
    coders guessing at their own rates would reach by chance. Computed with
    ``nltk.metrics.agreement.AnnotationTask``. When both coders give every item the same single
    label, kappa is undefined; perfect agreement then counts as 1.0.

    A worked example: four sentences; the learner marks a and b as hedged, the key only a.
    They agree on a, c and d, so Ao = 3/4. The learner says yes half the time, the key a
    quarter of the time, so Ae = 1/2 x 1/4 + 1/2 x 3/4 = 1/2, and kappa = (3/4 - 1/2) / (1 - 1/2):

    >>> cohen_kappa({"a": True, "b": True, "c": False, "d": False},
    ...             {"a": True, "b": False, "c": False, "d": False})
    0.5
    >>> cohen_kappa({"a": True, "b": False}, {"a": False, "b": True})   # never agree
    -1.0
    >>> cohen_kappa({"a": True, "b": False}, {"a": True, "b": False})
    1.0
    >>> cohen_kappa({}, {}) is None
    True

    References: Jacob Cohen (1960), "A coefficient of agreement for nominal scales",
    Educational and Psychological Measurement 20(1): 37-46; Ron Artstein and Massimo Poesio
    (2008), "Inter-coder agreement for computational linguistics", Computational Linguistics
    34(4): 555-596.
    """
    items = sorted(learner)
    if not items:
        return None
    if all(learner[i] == key[i] for i in items):
        return 1.0
    from nltk.metrics.agreement import AnnotationTask
    data = [("learner", i, "yes" if learner[i] else "no") for i in items]
    data += [("key", i, "yes" if key[i] else "no") for i in items]
    try:
        return float(AnnotationTask(data=data).kappa())
    except ZeroDivisionError:  # pragma: no cover - only when all labels agree, handled above
        return 1.0


def agreement_sums(a: Sequence[bool], b: Sequence[bool]) -> tuple[float, float, float | None]:
    """``(observed agreement, agreement expected by chance, kappa)`` for two rows of yes/no marks.

    Cohen's kappa (Cohen 1960) is (observed - chance) / (1 - chance), where chance multiplies each
    reader's own rate of "yes" (and of "no"). The kappa itself comes from
    :func:`cohen_kappa`, the one the learner annotator shows, so both agree.
    """
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    k = cohen_kappa({str(i): bool(x) for i, x in enumerate(a)}, {str(i): bool(y) for i, y in enumerate(b)})
    return observed, chance, k


def compare_with_key(choices: Mapping[str, Iterable[str]], key) -> Comparison:
    """Compare the learner's ticks with the answer key, per category.

    ``choices`` maps a unit id to the categories the learner ticked (``"none"`` may appear and
    means nothing). Only units present in ``choices`` are compared; for each category, units where
    the key marks it optional are skipped. Binary per unit: marked or not.
    """
    chosen = {uid: {str(c) for c in cats} for uid, cats in choices.items()}
    units = [u for u in key if u.id in chosen]
    per_category, disagreements = [], []
    for cat in CATEGORIES:
        learner, gold = {}, {}
        skipped = 0
        for u in units:
            if cat in u.optional:
                skipped += 1
                continue
            learner[u.id] = cat in chosen[u.id]
            gold[u.id] = cat in u.labels
        hits = sum(1 for i in learner if learner[i] and gold[i])
        misses = sum(1 for i in learner if gold[i] and not learner[i])
        false_alarms = sum(1 for i in learner if learner[i] and not gold[i])
        per_category.append(CategoryAgreement(cat, cohen_kappa(learner, gold), len(learner),
                                              hits, misses, false_alarms, skipped))
    for u in units:
        for cat in CATEGORIES:
            if cat in u.optional:
                continue
            mine, theirs = cat in chosen[u.id], cat in u.labels
            if mine != theirs:
                disagreements.append(Disagreement(u.id, u.text, cat, mine, theirs, u.note))
    return Comparison(tuple(per_category), tuple(disagreements), len(units), len(tuple(key)))


def kappa_words(kappa: float | None) -> str:
    """Kappa in words, after the bands of Landis & Koch (1977)."""
    if kappa is None:
        return "nothing to compare"
    if kappa < 0:
        return "less than chance"
    if kappa == 0:
        return "no better than chance"
    for limit, words in ((0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if kappa <= limit:
            return f"{words} agreement"
    return "almost perfect agreement"
