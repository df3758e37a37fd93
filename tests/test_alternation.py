"""Grouping an alternation by first letter must not change a single match."""
from __future__ import annotations

import re

import pytest

from lessons.annotator.alternation import alternation
from lessons.annotator.rules import load_rules

TEXT = ("Officials could not verify it. Couldn't they? It may be, MAY be, or maybe mayor. "
        "The Ministry said... Neither side has been able to confirm. 2,000 people, 30 dead; "
        "a K\u212aelvin ſtrange İstanbul word-like -could (could) 'may' “maybe” ") * 3

PHRASES = [
    r"could\s+not\s+verify", r"could", r"couldn.t", r"(?:can|could)n't", r"may(be)?", r"mayor",
    r"\w+ said", r"(the\s+)?ministry", r"neither\s+[\w’'\s]{0,60}confirm", r"\d[\d,]*\s+people",
    r"[Kk]elvin", r"ſtrange", r"İstanbul", r"-could", r"(?i:maybe)", r"[^a-z]may", r"x?", r"[a-c]\w+",
]


def spans(pattern: str, flags: int, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.compile(pattern, flags).finditer(text)]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("wrap", ["%s", r"\b%s", r"(?<![\w'’-])%s(?![\w-])"])
def test_grouped_alternation_matches_exactly_what_the_plain_one_does(flags, wrap):
    grouped = alternation(PHRASES, ignorecase=bool(flags))
    plain = "(?:%s)" % "|".join(PHRASES)
    assert grouped != plain                 # it did group them
    for text in (TEXT, TEXT.lower(), TEXT.upper()):
        assert spans(wrap % grouped, flags, text) == spans(wrap % plain, flags, text)


def test_the_rule_files_cue_patterns_are_grouped_and_the_prefilter_finds_every_cue():
    rules = load_rules()
    assert "(?=" in rules.unverified_any.pattern and any("(?=" in r.pattern.pattern for r in rules.hedges)
    text = " ".join(ex.sentence for ex in rules.examples)
    low = text.lower()
    for prefilter, cue_rules in ((rules.hedge_any, rules.hedges), (rules.unverified_any, rules.unverified)):
        found = [m.span() for m in prefilter.finditer(low)]
        for rule in cue_rules:
            for m in rule.pattern.finditer(text):
                assert any(s < m.end() and m.start() < e for s, e in found), (rule.id, m.group())


def test_a_grouped_alternation_stays_exact_inside_a_pattern_of_the_other_case_rule():
    phrases = ["Minister", "mayor", "U.S. envoy", "official", "officer", "spokesman", "aide"]
    grouped = alternation(phrases, ignorecase=True)
    plain = "(?:%s)" % "|".join(phrases)
    text = "The Minister, a minister, MAYOR mayor U.S. envoy u.s. envoy Officials officer Aide aide"
    assert spans(grouped, 0, text) == spans(plain, 0, text)
    assert spans(grouped, re.IGNORECASE, text) == spans(plain, re.IGNORECASE, text)


def test_an_optional_space_in_a_rule_phrase_may_be_left_out_or_doubled():
    from lessons.annotator.rules_sources import _phrase_regex
    pattern = _phrase_regex(["cease ?fire", "could not (be )?verified"])
    for text in ("a ceasefire held", "a cease fire held", "a cease  fire held", "a cease\nfire held"):
        assert pattern.search(text), text
    assert pattern.search("it could not be  verified") and pattern.search("could not verified")
    assert not pattern.search("a ceasefires held") and not pattern.search("cease-fire")
