"""The quick search of long alternations must find exactly the matches the whole pattern finds."""

from __future__ import annotations

import re

import pytest

from lessons.annotator import prefilter
from lessons.annotator.alternation import alternation
from lessons.annotator.rules import load_rules
from tests.hostile.corpus import TEXT_ATTACKS, attack_text, news_text
from tests.test_alternation import PHRASES, TEXT

ODD = "İstanbul ıt ſaid KELVIN Kelvin ſpeech “Gave a speech” — he GAVE A SPEECH, called it a ſham. "


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def texts() -> list[str]:
    out = [
        news_text(20_000),
        " ".join(ex.sentence for ex in load_rules().examples),
        TEXT,
        ODD * 3,
    ]
    return out + [attack_text(attack, 3_000) for attack in TEXT_ATTACKS]


@pytest.mark.parametrize(
    "where", ["hedge_any", "unverified_any", "sources.speech_events", "sources.armed_groups"]
)
def test_the_rule_files_long_alternations_give_the_same_matches_quickly(where):
    pattern = load_rules()
    for name in where.split("."):
        pattern = getattr(pattern, name)
    assert prefilter._scanner(pattern) is not None  # the quick search is used for it
    for text in texts():
        ascii_only = text.encode("ascii", "ignore").decode()   # found in lower case: see Scanner
        plain = "".join(c for c in text if c not in "\u0130\u0131\u017f\u212a")   # so is this
        for t in (text, text.lower(), ascii_only, ascii_only.upper(), plain, plain.upper() + " É ß Ω ǅ ﬁ Ⅰ"):
            assert spans(prefilter.finditer(pattern, t)) == spans(pattern.finditer(t))
            found, plain = prefilter.search(pattern, t), pattern.search(t)
            assert (found and found.span()) == (plain and plain.span())


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("lead", [r"\b", ""])
def test_any_phrases_even_ones_whose_first_letters_cannot_be_told(flags, lead):
    phrases = PHRASES + [
        r"(?<=\sand\s)[\w’'-]+\s+claim",
        r"(is|was)\s+not",
        r"no",
        r"not\s+(yet\s+)?clear",
        r"[a-z]{3}x",
        r"said",
        r"kel",
        r"istan",
        r"İstan",
        r"(?:gave|give)\s+a\s+speech",
    ]
    grouped = (
        alternation(PHRASES, ignorecase=bool(flags)) if flags else alternation(phrases)
    )
    used = PHRASES if flags else phrases
    pattern = prefilter.compile_scanned(used, lead + grouped, lead, flags)
    for text in (
        TEXT,
        TEXT.lower(),
        ODD,
        "it is not clear and they claim no x and abcx " * 3,
    ):
        assert spans(prefilter.finditer(pattern, text)) == spans(pattern.finditer(text))


def test_a_phrase_that_can_match_nothing_hands_over_to_the_whole_pattern():
    phrases = ["may", "x?"]
    pattern = prefilter.compile_scanned(phrases, "(?:may|x?)", "")
    for text in ("a may x b", "xx may", ""):
        assert spans(prefilter.finditer(pattern, text)) == spans(pattern.finditer(text))


def test_first_letters_are_read_from_the_pattern():
    assert prefilter.first_letters(r"could(n.t)?\s+not", 4) == {"coul"}
    assert prefilter.first_letters(r"(is|was)\s+not", 4) == {"is", "was"}
    assert prefilter.first_letters(r"no(?![\w-])", 4) == {"no"}
    assert prefilter.first_letters(r"(?<=,\s)\w+\s+claim", 4) is None
    assert prefilter.first_letters(r"(a\s+)?rival", 2) == {"a", "ri"}
    assert prefilter.first_letters(r"Said", 3, re.IGNORECASE) == {"Sai"}


def test_a_pattern_made_elsewhere_is_searched_as_it_is():
    pattern = re.compile(r"\bmay")
    assert spans(prefilter.finditer(pattern, "may maybe")) == [(0, 3), (4, 7)]
    assert prefilter.search(pattern, "a maybe").span() == (2, 5)
