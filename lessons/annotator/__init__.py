"""The rule-based annotator: hedges, official statements, expert commentary, unverified claims.

``annotate(text)`` gives the highlights; ``analyse(text)`` gives them with the sentences and
speakers found on the way. How it works is in :mod:`lessons.annotator.passes`. The rules and
NLTK load on first use, so that ``import lessons`` stays fast.
"""
from __future__ import annotations

from .model import CATEGORIES, EXTRA_CATEGORIES, Annotation

__all__ = ["Annotation", "Analysis", "CATEGORIES", "EXTRA_CATEGORIES", "SENTENCE_LEVEL_RULES",
           "SentenceAnalysis", "Speaker", "analyse", "annotate"]

_FROM_PASSES = {"SENTENCE_LEVEL_RULES", "Analysis", "SentenceAnalysis", "Speaker", "analyse", "annotate"}


def __getattr__(name: str):
    if name not in _FROM_PASSES:
        raise AttributeError(f"module 'lessons.annotator' has no attribute {name!r}")
    from . import passes

    value = getattr(passes, name)
    globals()[name] = value
    return value
