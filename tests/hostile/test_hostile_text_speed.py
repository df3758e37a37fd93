"""Text built to be slow costs at most three times the per-character time of news text.

Each attack and the same number of characters of news writing are annotated in this run, and
only the ratio of their CPU times is checked (the fastest of three tries each, so that a busy
machine does not decide the result). ``python -m tools.bench hostile`` reports the same ratios
on large inputs.
"""
from __future__ import annotations

import time

import pytest

from lessons.annotator import annotate
from tests.hostile.corpus import TEXT_ATTACKS, attack_text, news_text

CHARS = 20_000
LIMIT = 3.0


def _cpu_per_char(text: str, tries: int = 3) -> float:
    best = float("inf")
    for _ in range(tries):
        t0 = time.process_time()
        annotate(text)
        best = min(best, time.process_time() - t0)
    return best / len(text)


@pytest.fixture(scope="module")
def news_cost() -> float:
    annotate("The ministry said it may be true.")      # rules and NLTK loaded before timing
    return _cpu_per_char(news_text(CHARS))


@pytest.mark.parametrize("name", sorted(TEXT_ATTACKS))
def test_attack_text_costs_at_most_three_times_news_text_per_character(name, news_cost):
    ratio = _cpu_per_char(attack_text(name, CHARS)) / news_cost
    assert ratio <= LIMIT, f"{name}: {ratio:.1f}× the per-character time of news text"
