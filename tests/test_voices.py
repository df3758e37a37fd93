"""Experts as recent wire copy brings them in (lessons/annotator/voices.py)."""
from __future__ import annotations

from tests.speaker_kinds import kinds_by_sentence


def test_a_person_introduced_only_by_a_consultancy_is_an_expert_later_too():
    text = ("Mara Osei, at Lowland-based Brightwater Consulting, told VOA the count was fair. "
            "Osei noted that observers had seen every tally. "
            "He said the courts were trusted.")
    assert kinds_by_sentence(text) == [{"expert"}, {"expert"}, {"expert"}]


def test_a_person_introduced_by_a_union_or_a_company_is_no_expert():
    text = ("Mara Osei, of the Lowland Bakers Union, told VOA bread prices would rise. "
            "Tom Ash, at Brightwater Foods, said sales were down.")
    assert not any("expert" in k for k in kinds_by_sentence(text))


def test_a_quotation_in_doubled_apostrophes_is_its_speakers_to_the_last_sentence():
    text = ("Tom Ash, a political analyst, told VOA the vote was calm. "
            "''Voters have grown used to coalitions'', he said, adding that ''the old blocs have broken up. "
            "Nobody can count on a region any more.''")
    assert kinds_by_sentence(text) == [{"expert"}, {"expert"}, {"expert"}]


def test_doubled_apostrophes_with_no_speaker_give_nobody_the_words():
    text = "The report was late. ''Nobody can count on a region any more, or on a party.''"
    assert kinds_by_sentence(text) == [set(), set()]


def test_a_quotation_paragraph_after_a_line_of_narration_is_the_expert_quoted_before():
    text = ("An economist at Lowland University, Kofi Mensah, told VOA that farms could recover.\n\n"
            "The drought cut the harvest by half last year.\n\n"
            "“Farmers need seed before the rains. Without it they will leave the land.”")
    assert kinds_by_sentence(text) == [{"expert"}, set(), {"expert"}, {"expert"}]


def test_a_quotation_paragraph_after_narration_naming_someone_else_is_left_alone():
    text = ("An economist at Lowland University, Kofi Mensah, told VOA that farms could recover.\n\n"
            "Ana Ruiz has farmed near the river for thirty years.\n\n"
            "“Farmers need seed before the rains. Without it they will leave the land.”")
    assert kinds_by_sentence(text)[2:] == [set(), set()]
