"""Officials found on real wire copy the kit had not seen: object pronouns after "according to",
several sources joined after it, and later mentions of an official by one part of the name."""
from __future__ import annotations

from lessons.annotator import analyse
from tests.speaker_kinds import kinds_by_sentence


def test_according_to_him_is_the_official_named_just_before():
    text = "Police Chief Tom Ash visited the site on Monday. According to him, the road was closed before the blast."
    assert kinds_by_sentence(text)[1] == {"official"}


def test_according_to_her_with_no_one_named_before_reports_no_one():
    text = "The road was closed on Monday. According to her, the blast came first."
    assert kinds_by_sentence(text)[1] == set()


def test_figures_from_a_government_and_a_charity_report_both_sources():
    text = ("The quake struck at dawn. At least 70 people died, according to figures from the Kestrian government "
            "and rescue groups.")
    assert kinds_by_sentence(text)[1] == {"official", "voice"}


def test_figures_from_two_charities_report_no_official():
    text = "The quake struck at dawn. At least 70 people died, according to figures from local charities and rescue groups."
    assert "official" not in kinds_by_sentence(text)[1]


def test_an_official_with_a_two_word_nationality_is_found_again_by_surname():
    text = ("South Korean President Tom Ashby visited the border on Monday. "
            "Mr. Ashby said the talks would resume.")
    assert kinds_by_sentence(text)[1] == {"official"}


def test_an_official_whose_family_name_comes_first_is_found_again_by_it():
    text = ("Phan Sokha, a spokesman for the Council of Ministers, denied the report. "
            "Phan said no soldiers were hurt.")
    assert kinds_by_sentence(text)[1] == {"official"}


def test_a_first_word_shared_by_two_officials_names_neither():
    text = ("Phan Sokha, a spokesman for the Council of Ministers, denied the report. "
            "Phan Dara, a police spokesman, said the road was open. "
            "Phan said no soldiers were hurt.")
    assert kinds_by_sentence(text)[2] == set()


def test_a_title_with_of_before_the_name_is_found_so_the_headline_surname_is_the_official():
    text = ("Ashby Vows Pressure on Kestria\n\n"
            "U.S. Secretary of State Tom Ashby said the talks would go on.\n")
    assert kinds_by_sentence(text)[0] == {"official"}


def test_a_participle_after_a_comma_speaks_for_the_subject_of_its_clause():
    text = ("Several truces have failed, and Washington has imposed sanctions on the two generals, "
            "blaming both sides for the bloodshed.")
    assert "official" in kinds_by_sentence(text)[0]


def test_a_participle_after_a_clause_with_no_official_reports_no_official():
    text = "Residents fled the city, saying the army had shelled it."
    assert "official" not in kinds_by_sentence(text)[0]


def test_a_nationality_ending_in_an_is_split_off_the_name_so_the_surname_is_found_again():
    text = "Ugandan President Tom Ashby visited the border. Ashby said the troops would stay."
    assert kinds_by_sentence(text)[1] == {"official"}


def test_an_arabic_surname_with_its_article_is_found_again_without_it():
    text = "Libyan Prime Minister Fayez al-Hadid visited the border. Hadid said the troops would stay."
    assert kinds_by_sentence(text)[1] == {"official"}


def test_a_role_set_off_by_a_comma_before_the_name_makes_the_person_an_official_found_again():
    text = ("Interior Minister, Tom Ashby, who made the announcement on Wednesday, said 56 suspects were held. "
            "According to Ashby, the suspects were wanted in 18 countries.")
    assert kinds_by_sentence(text) == [{"official"}, {"official"}]


def test_a_role_with_a_long_body_name_set_off_by_a_comma_makes_the_person_an_official():
    text = ("The chairman of President Ruiz's Council of Economic Advisers, Tom Ashby, says the economy is healing. "
            "Ashby said more work remains.")
    assert kinds_by_sentence(text) == [{"official"}, {"official"}]


def test_a_person_of_a_place_who_is_a_legislator_speaks_as_an_official_later():
    text = ("Tom Ashby of Northfield is a member of the House of Representatives. "
            "At a recent hearing, he said the economy had come at a high cost.")
    assert kinds_by_sentence(text)[1] == {"official"}


def test_a_statement_revealed_by_an_official_is_theirs():
    text = "This was revealed by the Minister of Interior, Tom Ashby, when he spoke to lawmakers on Monday."
    assert kinds_by_sentence(text)[0] == {"official"}


def test_a_ministrys_figures_that_show_a_toll_are_its_statement():
    text = "The ministry's figures showed 40 deaths in the first week."
    assert kinds_by_sentence(text)[0] == {"official"}


def test_figures_added_right_after_an_officials_account_continue_it():
    text = "The army said 40 rebels were killed in the raid. Five soldiers also died, and 12 were wounded."
    assert kinds_by_sentence(text) == [{"official"}, {"official"}]


def test_figures_after_a_witness_or_in_a_new_paragraph_are_not_official():
    text = ("A witness said 40 people were killed. Five soldiers also died.\n\n"
            "The army said the raid was over.\n\nFive soldiers died in the raid.")
    assert [("official" in k) for k in kinds_by_sentence(text)] == [False, False, True, False]


def test_according_to_them_is_the_officials_quoted_just_before():
    text = "Afghan officials said the road was closed. According to them, the blast came an hour later."
    assert kinds_by_sentence(text) == [{"official"}, {"official"}]


def test_titles_of_several_words_before_a_name_make_the_surname_an_official():
    for title in ("Assistant Secretary of State", "Deputy Secretary of Defense", "U.N. Secretary-General",
                  "Chairman of the Joint Chiefs of Staff Gen."):
        text = f"{title} Tom Ashby visited Nairobi. Ashby said the aid would continue."
        assert kinds_by_sentence(text)[1] == {"official"}, title


def test_an_armed_groups_spokesman_is_never_the_body_quoted_before():
    text = ("Local authorities said the offensive killed 27 rebels. "
            "A Taliban spokesman claimed more than 20 police officers were killed, confirming three deaths.")
    assert "official" not in kinds_by_sentence(text)[1]


def test_a_ministry_run_by_an_armed_group_speaks_for_the_authorities_in_control():
    assert kinds_by_sentence("The Taliban-run interior ministry said 12 people were arrested.")[0] == {"official"}


def test_another_countrys_government_is_not_the_government_named_before():
    analysis = analyse("US Expresses Alarm Over the Fighting\n\n"
                       "The Kestrian government accused the rebels of killing 100 people.\n")
    assert analysis.sentences[1].source.name == "Kestrian government"


def test_a_quoted_word_of_concern_is_still_the_speakers_position():
    text = 'Secretary of State Tom Ashby expressed "alarm" on Monday over reports of fighting.'
    assert kinds_by_sentence(text)[0] == {"official"}


def test_a_headline_coalition_led_by_a_state_is_the_coalition_that_speaks_later():
    text = ("US-Led Coalition Says 55 Militants Killed\n\n"
            "Hundreds of people blocked a road in protest.\n\n"
            "The coalition denies killing civilians in the area.\n")
    kinds = kinds_by_sentence(text)
    assert kinds[0] == {"official"} and kinds[2] == {"official"}


def test_a_us_governor_is_found_again_by_surname_and_a_dateline_state_is_no_speaker():
    assert kinds_by_sentence("Texas Governor Tom Ashby said 12 people died. Ashby urged residents to stay home.") \
        == [{"official"}, {"official"}]
    assert "official" not in kinds_by_sentence(
        "CARROW FALLS, Ohio — Two people who saw the shooting say the man was holding a phone.")[0]


def test_a_committee_of_a_legislature_is_official_and_another_committee_is_not():
    assert "official" in kinds_by_sentence("A parliamentary committee said the report was flawed.")[0]
    assert "official" in kinds_by_sentence("The Senate Foreign Relations Committee said the treaty would pass.")[0]
    assert "official" not in kinds_by_sentence("The Nobel Committee said the prize would be announced Friday.")[0]


def test_a_white_house_spokesman_is_official_and_a_think_tanks_defense_center_stays_expert():
    assert kinds_by_sentence("A White House spokesman said the president was briefed.")[0] == {"official"}
    assert "expert" in kinds_by_sentence(
        "Tom Ashby, a senior adviser at the Center for Defense Information, said the test was small.")[0]


def test_spokesmen_of_provinces_palaces_and_immigration_services_are_official():
    for role in ("A provincial spokesman", "A palace spokesman", "An immigration spokesman", "A district chief"):
        assert kinds_by_sentence(f"{role} said 12 people were held.")[0] == {"official"}, role


def test_a_presidential_spokesman_is_official_and_found_again_by_surname():
    text = "Afghan presidential spokesman Tom Ashby said the talks would resume. Ashby said the road was open."
    assert kinds_by_sentence(text) == [{"official"}, {"official"}]


def test_a_supreme_leader_is_official_and_found_again_by_surname():
    text = "Iran's Supreme Leader Ayatollah Tom Ashby spoke on Monday. Ashby said talks were banned."
    assert kinds_by_sentence(text)[1] == {"official"}


def test_a_verb_after_an_appositive_comma_does_not_take_the_clause_after_it_as_its_speaker():
    text = "One young man, Joel, fears French forces helping the peacekeepers are plotting a coup."
    assert "official" not in kinds_by_sentence(text)[0]
    assert kinds_by_sentence('"We will stay," said Tom Ashby, a police spokesman.')[0] == {"official"}


def test_heads_of_international_bodies_are_found_again_by_name():
    text = ("WHO Director-General Tom Ashby Kell spoke in Geneva. Tom said the virus could still be contained.\n\n"
            "European Commission President Ana von der Ruiz spoke in Brussels. Von der Ruiz said the bloc would act.\n")
    kinds = kinds_by_sentence(text)
    assert kinds[1] == {"official"} and kinds[3] == {"official"}


def test_a_state_after_a_city_named_with_in_is_where_not_who():
    text = "Researchers at a university in St. Louis, Missouri say obesity rates fell."
    assert "official" not in kinds_by_sentence(text)[0]


def test_a_country_joined_to_another_voice_still_speaks():
    text = "Activists and Russia said the town fell."
    assert "official" in kinds_by_sentence(text)[0]


def test_a_passive_headline_speaks_of_its_subject_not_for_it():
    assert "official" not in kinds_by_sentence("African Countries Criticized in Rights Group's Report")[0]
    assert "official" not in kinds_by_sentence("Kestrian Ministry Warned Over Flood Risk")[0]


def test_an_active_headline_still_speaks_for_its_subject():
    assert kinds_by_sentence("Troops Report Heavy Fighting Near Border")[0] == {"official"}
    assert "official" in kinds_by_sentence("Kestrian Army Says Rebels Shelled Town")[0]
