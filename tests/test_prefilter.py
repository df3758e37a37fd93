"""The pre-filters' quick search must find exactly the matches the whole pattern finds."""
from __future__ import annotations

import re

import pytest

from lessons.annotator import prefilter
from lessons.annotator.alternation import alternation
from lessons.annotator.rules import load_rules
from tests.hostile.corpus import TEXT_ATTACKS, attack_text, news_text

from tests.test_alternation import PHRASES, TEXT


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("name", ["hedge_any", "unverified_any"])
def test_the_rule_files_prefilters_find_the_same_matches_quickly(name):
    pattern = getattr(load_rules(), name)
    assert pattern in prefilter._SCANNERS            # the quick search is used for it
    texts = [news_text(20_000), " ".join(ex.sentence for ex in load_rules().examples)]
    texts += [attack_text(attack, 3_000) for attack in TEXT_ATTACKS]
    for text in texts:
        low = text.lower()
        assert spans(prefilter.finditer(pattern, low)) == spans(pattern.finditer(low))


def test_any_phrases_even_ones_whose_first_letters_cannot_be_told():
    phrases = [p for p in PHRASES if not re.fullmatch(p, "")]    # a pre-filter phrase matches something
    phrases += [r"(?<=\sand\s)[\w’'-]+\s+claim", r"(is|was)\s+not", r"no", r"not\s+(yet\s+)?clear", r"[a-z]{3}x"]
    pattern = prefilter.compile_prefilter(phrases, r"\b%s" % alternation(phrases))
    for text in (TEXT, TEXT.lower(), "it is not clear and they claim no x and abcx " * 3):
        assert spans(prefilter.finditer(pattern, text)) == spans(pattern.finditer(text))


def test_first_letters_are_read_from_the_pattern():
    assert prefilter.first_letters(r"could(n.t)?\s+not", 4) == {"coul"}
    assert prefilter.first_letters(r"(is|was)\s+not", 4) == {"is", "was"}
    assert prefilter.first_letters(r"no(?![\w-])", 4) == {"no"}
    assert prefilter.first_letters(r"(?<=,\s)\w+\s+claim", 4) is None
    assert prefilter.first_letters(r"(a\s+)?rival", 2) == {"a", "ri"}


def test_a_pattern_made_elsewhere_is_searched_as_it_is():
    pattern = re.compile(r"\bmay")
    assert spans(prefilter.finditer(pattern, "may maybe")) == [(0, 3), (4, 7)]
