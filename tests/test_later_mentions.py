"""Speakers followed through a report: later mentions by pronoun, role or surname, and the words
that make a sentence a statement without a plain speech verb (real wire copy)."""
from __future__ import annotations

import pytest

from tests.speaker_kinds import kinds_by_sentence
from lessons.annotator.rules import load_rules
from lessons.annotator.speakers import find_people


def test_it_after_a_body_that_mentions_someone_else_is_the_body():
    text = ("The ministry said the talks that Ana Ruiz says were useful would go on. "
            "It said a second round would follow in May.")
    assert kinds_by_sentence(text)[1] == {"official"}


def test_a_person_found_by_police_is_no_speaker_and_it_is_still_the_police():
    text = ('In a statement, the police department said officers answering a call about "a man with a knife" '
            "found Tom Reyes in the car park. It said Reyes raised the knife toward an officer.")
    assert kinds_by_sentence(text) == [{"official"}, {"official"}]


def test_a_name_never_runs_over_a_line_break_from_the_headline_into_the_body():
    text = ("Government Denies Attack Killing 40 Soldiers\n\n"
            "An Ethiopian government spokesman denies that the attack took place.")
    assert "official" in kinds_by_sentence(text)[1]


def test_a_rebel_spokesman_whose_verb_names_the_government_is_no_official():
    text = ("But a spokesman for one of the rebel groups, Tom Ash, denies the government's version of events. "
            "He says the army fled.")
    assert not any("official" in k for k in kinds_by_sentence(text))


@pytest.mark.parametrize("sentence", [
    "ECOWAS has said it wants constitutional rule restored.",
    "ECOWAS political director Ama Osei said U.N. support is crucial.",
    "Federal Reserve Chairman Tom Reed says the economy is slowing.",
    "The spokesman of the National Electoral Board, Ali Hassan, told reporters the results were final.",
])
def test_intergovernmental_bodies_and_central_banks_speak_officially(sentence):
    assert kinds_by_sentence(sentence) == [{"official"}]


def test_a_name_after_says_and_a_comma_is_the_speaker_not_a_body_named_in_the_clause_before():
    text = ("The presidency came at the height of the war, but its policy differed from the last one, "
            "says Nora Lund, historian and author of the book “Cold Frontiers.” "
            "Lund says the talks were held in secret.")
    assert kinds_by_sentence(text) == [{"expert"}, {"expert"}]


def test_a_role_word_before_a_verb_is_no_title_of_the_name_after_it():
    text = ("Rights groups say the government is persecuting Mr. Ash. "
            "Mr. Ash and his supporters accuse the government of lying.")
    assert "official" not in kinds_by_sentence(text)[1]


def test_a_family_name_written_first_is_the_name_of_later_mentions():
    text = ("Court spokesman Huang Chun-ming spoke after the verdict. "
            "Huang says the court imposed the sentence because the damage was severe.")
    assert kinds_by_sentence(text)[1] == {"official"}


def test_which_followed_by_a_noun_phrase_opens_a_clause_with_its_own_speaker():
    assert kinds_by_sentence("Traffic on the viaduct, which the government insists is safe, rose again.") == [{"official"}]
    assert kinds_by_sentence("The attack that claimed the lives of 96 soldiers hit Sanaa.") == [set()]


def test_a_headline_listing_both_sides_gives_each_its_kind():
    text = "Kestria's Army, Rebels Claim Victory After Fighting\n\nKestria's army says it has beaten the rebels."
    assert kinds_by_sentence(text)[0] == {"official", "voice"}


@pytest.mark.parametrize("text, kind", [
    ("Olga Marsh of the Carnegie Endowment has studied the war. Marsh said the army was exhausted.", "expert"),
    ("Ana Lopez of the Health Ministry visited the site. Lopez said repairs would take weeks.", "official"),
    ("Tom Ash of Chicago lost his home. Ash said the water came fast.", None),
])
def test_a_person_introduced_with_the_body_they_work_for_is_recognised_by_surname(text, kind):
    assert kinds_by_sentence(text)[1] == ({kind} if kind else set())


def test_a_pronoun_inside_a_quotation_is_no_clue_to_the_speakers_gender():
    text = ("Health Minister Ana Ruiz said the clinic would reopen. "
            "Mara Lind, whose son was treated there, said parents should have been told.\n\n"
            '"He was grey. He could not keep water down," she said.')
    assert not any("official" in k for k in kinds_by_sentence(text)[1:])


def test_a_pronoun_in_a_whose_clause_is_about_someone_else():
    text = ("Health Minister Ana Ruiz said she would reopen the clinic. "
            "Mara Lind, whose husband lost his job there, said the families were never told. "
            "She added that nobody had called them.")
    assert "official" not in kinds_by_sentence(text)[2]


def test_a_headline_above_a_name_is_no_title_of_it():
    text = "Vastria Army, Rebels Claim Victory\n\nThe Vastria Army said the town was taken."
    assert kinds_by_sentence(text)[1] == {"official"}


def test_words_after_a_plural_role_in_a_title_case_headline_name_nobody():
    text = "Minister Tom Ash, Analysts Clash Over Flu Figures\n\nFigures from the clinic showed cases fell by half in May."
    assert kinds_by_sentence(text)[1] == set()


def test_a_verb_in_a_title_case_headline_is_no_name():
    people = find_people("Kestrian Govt Denies Attack, Blames Rebels\n\nThe army said two were killed.", load_rules())
    assert "Attack" not in people and "Denies Attack" not in people


def test_words_after_a_comma_in_a_title_case_headline_describe_nobody_unless_closed_by_a_comma():
    rules = load_rules()
    assert "Vastria Army" not in find_people("Vastria Army, Rebels Claim Victory After Heavy Fighting\n\nx", rules)
    people = find_people("Tom Ash, Former Army Officer, Wins Seat in Border Town\n\nx", rules)
    assert people["Tom Ash"].description == "Former Army Officer"


def test_a_pronoun_after_an_opening_phrase_is_the_subject_of_its_verb():
    text = ("Tom Ash is an economist at Lowland University. "
            "But in a radio interview he said prices rose just one percent.")
    assert kinds_by_sentence(text)[1] == {"expert"}


def test_a_headline_group_is_no_antecedent_for_they_in_the_caption():
    text = ("Analysts Weigh In on the Future of the Kestrian Government\n\n"
            "Rebel fighters pose on a tank after they said they took the town, November 22.")
    assert "expert" not in kinds_by_sentence(text)[1]


def test_each_kind_of_source_in_a_list_of_three_speaks():
    text = "But development experts, human rights activists and corruption watchdogs believe little is changing."
    assert kinds_by_sentence(text)[0] == {"expert", "voice"}


def test_a_quotation_paragraph_after_an_introduction_is_the_introduced_persons():
    text = ("Some countries spend money they do not have. Tom Ash is an economist with the Lowland Institute.\n\n"
            '"If countries had only spent within their means, we would not have this mess."')
    assert kinds_by_sentence(text)[2] == {"expert"}


def test_a_quotation_paragraph_after_a_sentence_introducing_nobody_has_no_speaker():
    text = ("Some countries spend money they do not have.\n\n"
            '"If countries had only spent within their means, we would not have this mess."')
    assert kinds_by_sentence(text)[1] == set()


def test_a_former_envoy_who_is_now_a_fellow_at_a_think_tank_is_an_expert():
    text = ("Jorge Luna, who served as ambassador under the last president and is now a senior fellow "
            "at the Lowland Council, said the deal was weak.")
    assert kinds_by_sentence(text)[0] == {"expert"}


def test_a_short_quoted_sentence_after_the_speakers_quote_is_still_theirs():
    text = ("Security analyst Sara Moyo says the army lacks equipment. "
            '"There is no trust," Moyo said. "Both sides are arming."')
    assert kinds_by_sentence(text)[2] == {"expert"}


def test_a_short_quoted_phrase_inside_a_sentence_is_no_quotation():
    text = 'Security analyst Sara Moyo spoke. Crowds waved signs that read "No more war!" in the square.'
    assert kinds_by_sentence(text)[1] == set()


@pytest.mark.parametrize("who, kind", [("president of the Lowland Institute", "expert"),
                                       ("president of the company", "voice"),
                                       ("the president of Kestria", "official")])
def test_a_president_is_of_the_kind_of_the_body_he_presides(who, kind):
    assert kinds_by_sentence(f"Tom Ash, {who}, said the talks would fail.")[0] == {kind}


def test_the_report_later_is_the_report_named_before_not_the_person_named_last():
    text = ("A new report by the Lowland Institute says the war will go on. "
            "President Tom Ash launched a review last year. But the report says the army is exhausted.")
    assert kinds_by_sentence(text)[2] == {"expert"}


@pytest.mark.parametrize("who", ["CSIS's Kofi Mensah", "Kofi Mensah of SIPRI", "Kofi Mensah, a fellow at CSIS,"])
def test_a_think_tank_known_by_its_initials_makes_an_expert(who):
    assert kinds_by_sentence(f"{who} said the missile was new.")[0] == {"expert"}


def test_a_headline_ending_with_say_experts_is_the_experts_view():
    assert kinds_by_sentence("Kestria Faces Tough Choices, Say Experts\n\nThe vote is on Sunday.")[0] == {"expert"}


@pytest.mark.parametrize("name, surname", [("Michael O'Hanlon", "O'Hanlon"), ("Tom McDonald", "McDonald"),
                                           ("Ana MacArthur", "MacArthur")])
def test_a_surname_with_a_prefix_is_the_person_named_before(name, surname):
    text = f"{name} of the Lowland Institute said the surge had worked. {surname} added that the troops would stay."
    assert kinds_by_sentence(text) == [{"expert"}, {"expert"}]


def test_a_name_with_a_hyphened_particle_is_read_whole_and_found_again():
    text = ('"The talks will fail," said Ali al-Ahmed, an analyst at the Lowland Institute. '
            "Al-Ahmed added that both sides were arming.")
    assert kinds_by_sentence(text) == [{"expert"}, {"expert"}]


def test_a_quoted_name_inside_the_subject_does_not_cut_the_subject_off():
    text = ('Tom Ash, a consultant to the Lowland Institute\'s "38 North" website, said the launch had failed.')
    assert kinds_by_sentence(text)[0] == {"expert"}


def test_a_view_phrase_inside_a_quotation_is_the_quoted_speakers_words():
    text = 'Residents gathered in the square. One shouted, "It is better than economists predicted!"'
    assert "expert" not in kinds_by_sentence(text)[1]
