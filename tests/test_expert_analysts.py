"""Expert voices the real-dev-analysts set taught: headlines ending with their source, interview answers."""
from __future__ import annotations

from tests.speaker_kinds import kinds_by_sentence


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


INTERVIEW = ("Ana Ruiz, director of the Lowland Policy Institute, says growth will stay high.\n\n"
             "Can you tell us about the last few years?\n\n"
             "The economy has grown by 7 percent a year. Exports led the way.\n\n"
             "What comes next?\n\n"
             "Farming will grow too.")


def test_the_answers_of_an_interview_are_the_words_of_the_person_introduced_before_the_questions():
    assert kinds_by_sentence(INTERVIEW) == [{"expert"}, set(), {"expert"}, {"expert"}, set(), {"expert"}]


def test_an_officials_answers_are_official():
    text = INTERVIEW.replace("director of the Lowland Policy Institute", "the finance minister")
    assert kinds_by_sentence(text) == [{"official"}, set(), {"official"}, {"official"}, set(), {"official"}]


def test_one_rhetorical_question_in_a_report_hands_nothing_over():
    text = ("Ana Ruiz, director of the Lowland Policy Institute, says growth will stay high.\n\n"
            "So what went wrong?\n\n"
            "The harvest failed in the north.")
    assert kinds_by_sentence(text) == [{"expert"}, set(), set()]


def test_an_explainers_question_subheads_over_long_sections_hand_nothing_over():
    section = "The harvest failed in the north. Prices rose.\n\n" * 4
    text = ("Ana Ruiz, director of the Lowland Policy Institute, says growth will stay high.\n\n"
            "What went wrong?\n\n" + section + "What happens next?\n\n" + section.rstrip())
    assert not any(kinds_by_sentence(text)[1:])


def test_a_long_last_section_after_the_questions_is_no_answer():
    text = INTERVIEW + "\n\n" + "The harvest failed in the north.\n\n" * 4
    assert not any(kinds_by_sentence(text)[1:])


def test_a_person_quoted_after_the_verb_is_known_when_a_later_line_says_they_are_an_expert():
    text = ("The talks went on for a week.\n\n"
            "“Exports are falling,” says Ana Ruiz. Ruiz is an economist at Lowland University.")
    assert kinds_by_sentence(text)[1] == {"expert"}


def test_a_quotation_after_an_introduction_that_goes_on_about_the_person_is_theirs():
    text = ("The talks went on for a week.\n\n"
            "Ana Ruiz is a climate scientist at Lowland University. She has worked with the authors of the report.\n\n"
            "“The most we can say is that the heat waves are linked to warming.”")
    assert kinds_by_sentence(text)[-1] == {"expert"}


def test_a_quotation_after_a_paragraph_that_turns_to_something_else_is_nobodys():
    text = ("The talks went on for a week.\n\n"
            "Ana Ruiz is a climate scientist at Lowland University. The report was printed in May.\n\n"
            "“The most we can say is that the heat waves are linked to warming.”")
    assert kinds_by_sentence(text)[-1] == set()


def test_the_words_after_a_bodys_of_are_the_bodys_name_not_a_person():
    from lessons.annotator.rules import load_rules
    from lessons.annotator.speakers import find_people
    people = find_people("Ana Ruiz is a climate scientist with the Union of Concerned Scientists, a non-profit group.",
                         load_rules())
    assert "Scientists" not in people and not people["Union of Concerned Scientists"].person


def test_experts_surer_than_ever_that_report_their_view():
    text = "The report came out in May. Scientists are surer than ever before that the Earth is warming."
    assert kinds_by_sentence(text)[1] == {"expert"}


def test_a_study_that_found_inside_an_officials_sentence_is_the_researchers_finding():
    text = ("The town was quiet. Officials said the water was safe, despite a study by independent "
            "scientists that found lead levels above the limit.")
    assert kinds_by_sentence(text)[1] == {"official", "expert"}


def test_someone_that_found_a_thing_reports_no_finding():
    assert kinds_by_sentence("The town was quiet. Police arrested a man that found the bag.")[1] == set()


def test_a_thing_found_somewhere_is_no_finding():
    text = "Air pollution harms the body. Researchers often study chemicals and toxins found in polluted air."
    assert kinds_by_sentence(text)[1] == set()
    assert kinds_by_sentence("The vote was held. Researchers found in a survey that most voters were young.")[1] == {"expert"}


def test_a_paragraph_labelled_with_its_speaker_is_theirs_to_the_end():
    text = ("Tom Ash, an economist at Lowland University, spoke to VOA about the budget.\n\n"
            "VOA: Will growth slow?\n\n"
            "Ash: Growth will slow next year. Exports are falling.")
    assert kinds_by_sentence(text)[-2:] == [{"expert"}, {"expert"}]


def test_another_report_right_after_experts_spoke_is_an_experts_too():
    text = ("Ana Ruiz, a climate scientist at Lowland University, said the drought was the worst on record. "
            "Another report suggests warming made the dry weather more likely.")
    assert kinds_by_sentence(text)[1] == {"expert"}
    text = ("The ministry said the drought was the worst on record. "
            "Another report suggests warming made the dry weather more likely.")
    assert "expert" not in kinds_by_sentence(text)[1]
