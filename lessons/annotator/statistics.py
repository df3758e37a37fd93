"""Statistics that run on from an official release: "The statistics office said prices rose
3 percent in May. Fuel cost 9 percent more than a year before."

A sentence of statistics (a number in digits with one of the ``official_statistics`` words of
``sources.yaml``: "percent", "million", "jobs") continues the official's sentence just before it when
that sentence itself gives statistics or names a release of them ("figures", "data", "statistics").
:func:`.attribution.continue_official_figures` asks :func:`continues_release` for each such pair.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NUMBER = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*")
"""A number in digits that is not a year."""


@lru_cache(maxsize=8)
def _words(words: frozenset) -> re.Pattern:
    alt = "|".join(
        sorted(
            (re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True
        )
    )
    return re.compile(r"(?i)\b(?:%s)\b" % (alt or "(?!x)x"))


def is_statistic(text: str, units: frozenset) -> bool:
    """A number in digits (not a year) and a word of statistics: "rose 2.5 percent", "five million ... 27 weeks"."""
    return bool(_NUMBER.search(text)) and bool(_words(units).search(text))


def gives_statistics(text: str, units: frozenset, releases: frozenset) -> bool:
    """The sentence gives statistics or names a release of them ("the ministry's trade figures")."""
    return is_statistic(text, units) or bool(_words(releases).search(text))


def continues_release(r, i: int) -> bool:
    """Sentence ``i`` gives statistics and the official's sentence before it gives or names them."""
    lex = r.rules.sources
    return is_statistic(r.sentences[i].text, lex.statistic_units) and gives_statistics(
        r.sentences[i - 1].text, lex.statistic_units, lex.statistic_releases
    )
