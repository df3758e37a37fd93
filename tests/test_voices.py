"""Experts as recent wire copy brings them in (lessons/annotator/voices.py)."""
from __future__ import annotations

from lessons.annotator import analyse


def kinds_by_sentence(text: str) -> list[set[str]]:
    return [{a.category for a in s.annotations if a.category in ("official", "expert", "voice")}
            for s in analyse(text).sentences]


def test_a_person_introduced_only_by_a_consultancy_is_an_expert_later_too():
    text = ("Mara Osei, at Lowland-based Brightwater Consulting, told VOA the count was fair. "
            "Osei noted that observers had seen every tally. "
            "He said the courts were trusted.")
    assert kinds_by_sentence(text) == [{"expert"}, {"expert"}, {"expert"}]


def test_a_person_introduced_by_a_union_or_a_company_is_no_expert():
    text = ("Mara Osei, of the Lowland Bakers Union, told VOA bread prices would rise. "
            "Tom Ash, at Brightwater Foods, said sales were down.")
    assert not any("expert" in k for k in kinds_by_sentence(text))
