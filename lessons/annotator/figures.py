"""Casualty figures in a sentence ("31 people killed", "hundreds dead").

The number words and casualty words are in ``lessons/data/rules/reading.yaml``
(``casualty_figures``); the pattern is built here, once, when the rules load.
"""
from __future__ import annotations

import re


def casualty_figure_pattern(numbers, words) -> re.Pattern:
    """A number (in digits or one of ``numbers``) of people followed within a few words by one of ``words``."""
    return re.compile(r"(?i)\b(?:\d[\d,.]*|%s)\s+(?:\w+\s+){0,3}(?:people\s+)?(?:%s)\b"
                      % ("|".join(map(re.escape, numbers)), "|".join(map(re.escape, words))))
