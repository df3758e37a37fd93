"""Expert voices the real-dev-analysts set taught: headlines ending with their source, interview answers."""
from __future__ import annotations

from lessons.annotator import analyse


def kinds_by_sentence(text: str) -> list[set[str]]:
    return [{a.category for a in s.annotations if a.category in ("official", "expert", "voice")}
            for s in analyse(text).sentences]


def test_a_headline_ending_with_its_source_and_a_present_verb_is_that_source():
    text = ("Kestria Faces Hard Winter, Economists Warn\n\n"
            "Kestria faces a hard winter as prices rise, economists warned on Monday.")
    assert kinds_by_sentence(text) == [{"expert"}, {"expert"}]


def test_the_source_of_such_a_headline_is_the_group_after_the_last_comma():
    text = ("As Talks Go On, Lowland Leader's Job Safe, Analysts Say\n\n"
            "The talks went on for a third week.")
    assert kinds_by_sentence(text)[0] == {"expert"}


def test_a_headline_ending_with_a_passive_verb_names_nobody_who_speaks():
    text = ("Lowland Ministers, Rebel Leaders Criticized\n\n"
            "The talks went on for a third week.")
    assert kinds_by_sentence(text) == [set(), set()]
