"""Acronyms a report coins for a state body it has named in full (lessons/annotator/acronyms.py)."""

from __future__ import annotations

from tests.speaker_kinds import kinds_by_sentence
from lessons.annotator.acronyms import coined_acronyms
from lessons.annotator.rules import load_rules


def test_a_title_after_the_initials_of_a_named_state_body_is_an_officials():
    text = (
        "The Federal Transit Commission on Monday banned scooters on trains. "
        "“Trains are for passengers. Scooters block the doors,” FTC Chairwoman Ana Ruiz said in a statement. "
        "The ban starts in May, Ruiz said."
    )
    # The first sentence is the commission's own act told as a fact (acts.py): official too.
    assert kinds_by_sentence(text) == [{"official"}, {"official"}, {"official"}, {"official"}]


def test_initials_that_spell_no_state_body_are_left_alone():
    text = (
        "Brightwater Bakery Group opened a shop. "
        "BBG chairwoman Ana Ruiz said sales were up."
    )
    assert coined_acronyms(text, load_rules()) == []
    assert not any("official" in k for k in kinds_by_sentence(text))


def test_initials_of_an_armed_groups_army_are_no_state_body():
    text = (
        "A faction of the Lowland Liberation Army joined the talks. "
        "A spokesman for an LLA faction spoke from a rebel stronghold."
    )
    assert coined_acronyms(text, load_rules()) == []


def _many_acronyms(n: int) -> str:
    import itertools
    import string

    words = ("".join(p) for p in itertools.product(string.ascii_uppercase, repeat=3))
    return " ".join(f"The {w} said." for w in itertools.islice(words, n))


def test_many_different_acronyms_cost_time_in_proportion_to_the_text():
    import time

    rules = load_rules()
    small, large = _many_acronyms(400), _many_acronyms(4000)

    def per_char(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            coined_acronyms(text, rules)
            best = min(best, time.process_time() - start)
        return max(best, 1e-4) / len(text)

    assert per_char(large) <= 3 * per_char(small)
