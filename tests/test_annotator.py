"""The annotator, specified by behaviour on the seed article and on small made-up news texts."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons import annotate
from lessons.annotator import SENTENCE_LEVEL_RULES, analyse
from lessons.annotator.model import CATEGORIES
from lessons.data import data_path
from lessons.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED = data_path("articles", "makiivka-nbc-2023", "raw.txt")


@pytest.fixture(scope="module")
def seed_text() -> str:
    with open(SEED, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="module")
def seed(seed_text):
    return analyse(seed_text)


def sentence_with(analysis, fragment):
    return next(s for s in analysis.sentences if fragment in s.text)


def cats(text: str) -> set[str]:
    return {a.category for a in annotate(text)}


# ---------------------------------------------------------------- sentences

def test_abbreviations_do_not_end_sentences():
    text = "Gen. Lt. Sergei Sevryukov spoke on Jan. 3 in the U.S. capital. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Lt. Sergei Sevryukov spoke on Jan. 3 in the U.S. capital.", "Then he left."]


def test_a_body_written_with_full_stops_does_not_end_a_sentence():
    text = "Doctor Ana Ruiz at N.I.H. called the findings a step forward. Then she left."
    assert [s.text for s in split_sentences(text)] == [
        "Doctor Ana Ruiz at N.I.H. called the findings a step forward.", "Then she left."]


def test_sentence_offsets_index_the_text_exactly(seed_text):
    for s in split_sentences(seed_text):
        assert seed_text[s.start:s.end] == s.text


def test_a_quotation_over_two_sentences_is_split_at_its_sentence_boundary(seed):
    s1 = sentence_with(seed, "Now is the moment")
    s2 = sentence_with(seed, "We have no doubt")
    assert s1.index + 1 == s2.index


# ---------------------------------------------------------------- speakers

def test_giles_is_tracked_as_expert_across_paragraphs(seed):
    later = sentence_with(seed, "It is a tactical setback")
    assert later.source.name == "Keir Giles"
    assert "expert" in later.categories
    said_giles = sentence_with(seed, "said Giles")
    assert said_giles.source.name == "Keir Giles" and "expert" in said_giles.categories


def test_the_ministry_is_the_british_defense_ministry_named_just_before(seed):
    s = sentence_with(seed, "the ministry said in its daily briefing")
    assert "British Defense Ministry" in s.source.name
    assert "official" in s.categories


def test_the_briefing_read_belongs_to_the_ministry_that_gave_it(seed):
    s = sentence_with(seed, "realistic possibility")
    assert "British Defense Ministry" in s.source.name


def test_he_said_is_the_general_quoted_just_before(seed):
    s = sentence_with(seed, "This factor allowed the enemy")
    assert s.source.name == "Sergei Sevryukov" and s.source.kind == "official"
    assert sentence_with(seed, "Sevryukov said").source.name == "Sergei Sevryukov"


def test_a_war_correspondent_is_another_voice_not_an_official(seed):
    s = sentence_with(seed, "cast doubt on the official explanation")
    assert s.source.name == "Semyon Pegov" and s.source.kind == "voice"
    assert "official" not in s.categories


def test_every_sentence_of_a_quotation_belongs_to_its_speaker(seed):
    for fragment in ("I rarely say this", "As such it looks like"):
        assert sentence_with(seed, fragment).source.name == "Semyon Pegov"
    assert "official" in sentence_with(seed, "We have no doubt").categories


def test_state_media_reporting_an_event_is_not_an_official_statement(seed):
    s = sentence_with(seed, "RIA Novosti")
    assert "official" not in s.categories


def test_an_attribution_inside_a_clause_counts():
    assert "official" in cats("Mourners remembered the soldiers that Russia says were killed.")


def test_unnamed_experts_and_officials_are_recognised():
    assert "expert" in cats("Experts said the strike may change the course of the war.")
    assert "official" in cats("Officials in Kyiv said the toll was far higher.")


def test_a_professor_introduced_once_is_an_expert_on_later_mentions():
    text = ("Maria Lopez, a professor of economics at Leeds University, studies sanctions.\n\n"
            "The ban will hurt exports, Lopez said.")
    later = sentence_with(analyse(text), "Lopez said")
    assert later.source.name == "Maria Lopez" and "expert" in later.categories


def test_a_framing_line_without_content_carries_no_category_but_hands_over_its_speaker():
    text = "Health Minister Ana Silva tweeted:\n\nThe clinics will reopen on Monday."
    a = analyse(text)
    assert "official" not in a.sentences[0].categories
    assert "official" in a.sentences[1].categories


# ---------------------------------------------------------------- hedges

@pytest.mark.parametrize("sentence, cue", [
    ("The death toll may have been much higher.", "may"),
    ("There is a realistic possibility that ammunition was stored there.", "realistic possibility"),
    ("The ministry's stance appeared to do little.", "appeared to"),
    ("The damage suggested that arms were stored nearby.", "suggested"),
    ("Police arrested two suspected militants.", "suspected"),
    ("The rebels reportedly withdrew overnight.", "reportedly"),
    ("The plant is expected to open soon.", "is expected to"),
    ("It is unclear who fired first.", "unclear"),
])
def test_hedge_cues_from_the_guidelines_are_marked(sentence, cue):
    hedges = [a.cue for a in annotate(sentence) if a.category == "hedge"]
    assert any(cue.lower() in h.lower() for h in hedges), hedges


@pytest.mark.parametrize("sentence", [
    "At least 89 soldiers were killed.",
    "It is a setback, but one that they can absorb easily.",
    "We have no doubt that they will try again.",
    "The claim could not be verified.",
    "The talks began in May 2022.",
    "Theresa May spoke to reporters.",
])
def test_things_that_are_not_hedges_are_left_alone(sentence):
    assert "hedge" not in cats(sentence)


# ---------------------------------------------------------------- unverified

def test_unable_to_verify_marks_the_claims_just_before_it(seed):
    before = sentence_with(seed, "suggested that the death toll may have been much higher")
    marker = sentence_with(seed, "NBC News was unable to verify")
    assert "unverified" in marker.categories and "unverified" in before.categories
    assert {"official", "hedge"} <= before.categories


def test_unconfirmed_reports_are_unverified_and_hedged(seed):
    assert {"hedge", "unverified"} <= sentence_with(seed, "Unconfirmed reports said").categories


def test_a_denial_marks_the_claim_it_answers():
    a = analyse("The army said it had destroyed the bridge. The government denied this.")
    assert all("unverified" in s.categories for s in a.sentences)


def test_no_doubt_is_a_booster_not_a_dispute():
    assert "unverified" not in cats("We have no doubt that the masters of Russia will throw everything.")


# ---------------------------------------------------------------- the record itself

def test_every_annotation_carries_offsets_cue_rule_and_an_explanation(seed_text, seed):
    assert seed.annotations
    for a in seed.annotations:
        assert 0 <= a.start < a.end <= len(seed_text)
        assert a.cue and a.rule and a.explanation.endswith((".", ")"))
        assert a.category in CATEGORIES + ("voice",)
        if a.category in ("hedge", "unverified") and a.rule not in SENTENCE_LEVEL_RULES:
            assert seed_text[a.start:a.end].lower() == a.cue.lower()


def test_all_four_categories_are_found_in_the_seed(seed):
    assert set(CATEGORIES) <= {a.category for a in seed.annotations}


def test_offsets_refer_to_crlf_text_exactly_as_given():
    text = "Officials said the bridge may reopen.\r\nExperts said it could take weeks.\r\n"
    for a in annotate(text):
        assert text[a.start:a.end].strip()
    hedge = [a for a in annotate(text) if a.category == "hedge"]
    assert [text[a.start:a.end] for a in hedge] == ["may", "could"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_annotation_never_crashes_and_stays_inside_the_text(text):
    for a in annotate(text):
        assert 0 <= a.start < a.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["He said", "may", "“", "”", '"', "Officials", ",", ".", "\n", "Giles",
                                 "Keir Giles, an expert,", "the ministry", "denied", "could not be verified",
                                 ":", " ", "Dr.", "U.S.", "according to"]), max_size=40).map("".join))
def test_annotation_survives_news_like_fragments(text):
    for a in annotate(text):
        assert 0 <= a.start < a.end <= len(text)


def _cpu_seconds(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        annotate(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
def test_one_huge_sentence_takes_time_in_proportion_to_its_length():
    # One sentence with no full stop, 300 and then 1,200 times "officials may say": four times the
    # text may take at most 6.4 times as long (linear, with room for noise); quadratic would be 16.
    annotate(("officials may say " * 300).strip())            # warm the rule caches
    small = _cpu_seconds(("officials may say " * 300).strip())
    large = _cpu_seconds(("officials may say " * 1200).strip())
    assert annotate(("officials may say " * 1200).strip())
    assert large / small < 4 * 1.6, f"4x the text took {large / small:.1f}x as long"


# ---------------------------------------------------------------- command line

def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "lessons", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_json_offsets_index_the_file_exactly(seed_text):
    out = run_cli("annotate", str(SEED), "--json")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert items and {"category", "start", "end", "text", "cue", "rule", "explanation", "source"} <= set(items[0])
    for it in items:
        assert seed_text[it["start"]:it["end"]] == it["text"]


def test_cli_human_output_names_category_cue_and_reason():
    out = run_cli("annotate", str(SEED))
    assert out.returncode == 0 and "Official" in out.stdout and "cue:" in out.stdout


def test_cli_bad_input_gives_a_clear_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00 not utf-8 \xc3")
    for args in (("annotate", str(tmp_path / "missing.txt")), ("annotate", str(bad))):
        out = run_cli(*args)
        assert out.returncode == 2
        assert "Traceback" not in out.stderr and out.stderr.startswith("Sorry:")


BLIND_MARGINS = {"hedge": 0.0, "official": 0.2, "expert": 0.3, "unverified": 0.05}
"""How much higher the annotator's F1 is than the word-list baseline's on the blind set, at least."""


def f1_table(stdout: str, heading: str) -> dict[tuple[str, str], float]:
    """(category, system) -> F1 from the table of ``python -m lessons evaluate`` for the set ``heading``
    (its title is "<set> (<status>): ...", after the summary of every set)."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{heading} ("))
    table = {}
    for line in lines[start + 2:]:
        if not line.strip():
            break
        m = re.match(r"(hedge cues|\w+)\s+(annotator|baseline)\s+\S+\s+\S+\s+(\S+)", line)
        table[(m.group(1), m.group(2))] = float(m.group(3))
    return table


def test_cli_evaluate_shows_the_annotator_beating_the_baseline_by_a_stated_margin_on_the_blind_set():
    out = run_cli("evaluate")
    assert out.returncode == 0, out.stderr
    f1 = f1_table(out.stdout, "heldout-blind")
    for category, margin in BLIND_MARGINS.items():
        gain = f1[(category, "annotator")] - f1[(category, "baseline")]
        assert gain >= margin, f"{category}: annotator {f1[(category, 'annotator')]:.2f}, baseline {f1[(category, 'baseline')]:.2f}"


# ---------------------------------------------------------------- constructions common in wire news

@pytest.mark.parametrize("sentence, category", [
    ("A senior U.S. official, speaking on condition of anonymity, said the talks had stalled.", "official"),
    ("Kremlin spokesman Dmitry Peskov told reporters the claims were false.", "official"),
    ("The U.N. said aid convoys were blocked.", "official"),
    ("Police said two people were arrested.", "official"),
    ("In a statement, the Interior Ministry said the border would close.", "official"),
    ("According to the army, the town was retaken on Friday.", "official"),
    ("Washington said it would send more aid.", "official"),
    ("John Smith, a senior fellow at the Atlantic Council, said the move was risky.", "expert"),
    ("Analysts at a London research group said prices would rise.", "expert"),
    ("Reuters could not immediately verify the report.", "unverified"),
    ("The group said it carried out the attack, without providing evidence.", "unverified"),
])
def test_common_wire_constructions_are_recognised(sentence, category):
    assert category in cats(sentence)


@pytest.mark.parametrize("sentence, category", [
    ("Residents said the shelling lasted all night.", "official"),
    ("A local journalist said the shelling lasted all night.", "official"),
    ("The minister visited the hospital on Monday.", "official"),
    ("A professor at the university was injured.", "expert"),
    ("Russian military bloggers said the base was hit.", "official"),
])
def test_mentions_without_statements_and_non_official_voices_are_not_marked(sentence, category):
    assert category not in cats(sentence)


def test_every_attribution_records_its_verb_as_written():
    text = ("Colombia's defense minister claimed the rebels had fled. "
            "According to the ministry, 40 rebels were killed. "
            "Keir Giles, an analyst at Chatham House, a London think tank, told reporters the war would go on. "
            "Semyon Pegov, who was awarded an Order of Courage, cast doubt on the figure.")
    verbs = {(a.category, a.verb) for a in annotate(text) if a.category in ("official", "expert", "voice")}
    assert verbs == {("official", "claimed"), ("official", "According to"), ("expert", "told"),
                     ("voice", "cast doubt")}


def test_cli_json_carries_the_verb_and_the_links_of_contested_claims(seed_text):
    out = run_cli("annotate", str(SEED), "--json")
    items = json.loads(out.stdout)
    said = next(it for it in items if it["category"] == "official" and it["text"].startswith("Moscow's Defense Ministry said"))
    assert said["verb"] == "said"
    assert all(isinstance(it["challenged_by"], list) and isinstance(it["challenges"], list) for it in items)
    contested = next(it for it in items if it["rule"] == "unverified.contested"
                     and it["text"].startswith("Moscow's Defense Ministry said"))
    pegov = seed_text.index("Semyon Pegov, a war correspondent")
    assert any(link["start"] == pegov for link in contested["challenged_by"])
    assert all(set(link) == {"start", "end"} for link in contested["challenged_by"])


def test_the_other_side_s_answer_right_after_a_denial_is_contested_too():
    text = ("The foreign minister called the documents fake. "
            "But Colombian authorities say the documents show payments to the rebels. "
            "The weather in Bogota was mild.")
    a = analyse(text)
    assert "unverified" in a.sentences[1].categories
    assert "unverified" not in a.sentences[2].categories


def test_an_analyst_after_a_denial_weighs_the_claims_and_is_not_one_of_them():
    text = ("The ministry denied that the documents were genuine. "
            "Political analysts said the documents would be at the centre of any court case.")
    assert "unverified" not in analyse(text).sentences[1].categories


def test_a_denial_answering_a_claim_in_its_own_sentence_leaves_the_sentence_before_alone():
    text = ("The embassy is about 400 meters from there, a witness said. "
            "Witnesses said some blasts were caused by suicide bombers, though police officials have denied this.")
    a = analyse(text)
    assert "unverified" in a.sentences[1].categories
    assert "unverified" not in a.sentences[0].categories


def test_wire_copy_dispute_and_verification_phrasings_are_unverified():
    for sentence in ("Accusations that the minister took bribes surfaced last year.",
                     "The alleged massacre scuttled the talks.",
                     "Both Colombia and the United States have dismissed similar statements by the president.",
                     "The opposition said it will not accept the election results.",
                     "The agency says it is not in a position to give assurances that the program is peaceful.",
                     "The professor said the available evidence is inconclusive.",
                     "The group has yet to produce any proof of the attack."):
        assert "unverified" in cats(sentence), sentence
    for sentence in ("A coast guard vessel sails near the disputed oil rig.",
                     "Unrest has challenged the government to get a grip on violence.",
                     "He was previously denied requests to visit the country.",
                     "The president insisted on a referendum."):
        assert "unverified" not in cats(sentence), sentence


def test_a_reporter_s_if_confirmed_flags_the_claim_before_it_but_an_expert_s_is_a_condition():
    text = ("The army spokesman said 500 rebels were killed in the fighting. "
            "If confirmed, it would be one of the bloodiest battles of the war.")
    a = analyse(text)
    assert {"unverified"} <= a.sentences[0].categories and "unverified" in a.sentences[1].categories
    quoted = ('"But if confirmed, findings like these would lead engineers to close the bridge," '
              "said Ana Lima, a structural engineer at the University of Porto.")
    assert "unverified" not in cats(quoted)


def test_rival_figures_in_one_sentence_are_contested():
    text = "China says the virus has killed 15 people since 2003, while the WHO puts China's death toll at 14."
    assert "unverified" in cats(text)
    assert "unverified" not in cats("China says the virus has killed 15 people since 2003, while "
                                    "the WHO says vaccination is going well.")


def test_rival_figures_are_found_whatever_quotation_marks_sit_inside_them():
    text = ('The exile government says as many as 150 Tibetans have died over the last four weeks. '
            'Chinese officials say 18 "innocent" people died in Lhasa.')
    a = analyse(text)
    assert all("unverified" in s.categories for s in a.sentences)


def test_official_results_are_an_official_statement():
    assert "official" in cats("Official results showed the president winning 76% of the vote.")


def test_he_is_the_person_a_copula_sentence_introduced():
    text = ("The president met opposition leaders on Monday. "
            "Carl Thayer is a professor of politics at the University of New South Wales. "
            "He says the moves have raised hopes of reform.")
    assert "expert" in analyse(text).sentences[2].categories


def test_he_is_the_subject_of_the_sentence_before_not_a_person_it_mentions():
    text = ("Political analyst Daniel Garcia Pena believes the talks will produce the schedule "
            "that President Andres Pastrana has demanded. "
            "He says the crisis shows that both sides are committed.")
    s = analyse(text).sentences[1]
    assert "expert" in s.categories and "official" not in s.categories


def test_an_expert_with_two_surnames_is_known_by_the_first():
    text = ("A leading Colombian expert on the guerrillas, Alfredo Rangel Suarez, believes peace is far off. "
            "Mr. Rangel tells reporters both sides have reached an impasse.")
    s = analyse(text).sentences[1]
    assert "expert" in s.categories and "official" not in s.categories


def test_a_former_official_who_now_heads_a_think_tank_is_an_expert():
    text = ("Former Congressman Timothy Roemer is now president of the Center for National Policy. "
            "Roemer said 20 tons of enriched uranium are poorly guarded.")
    assert "expert" in analyse(text).sentences[1].categories


def test_analysts_holding_a_view_without_a_speech_verb_are_expert_commentary():
    assert "expert" in cats("Analysts are divided over whether the interim government can resist the pressure.")
    assert "expert" in cats("Analysts and reporters familiar with the election are skeptical of the results.")
    assert "expert" not in cats("The analysts' offices are in the capital.")


def test_armed_groups_are_never_officials_whatever_title_their_people_use():
    for sentence in ("A rebel commander said his fighters had taken the town.",
                     "A militia spokesman said 12 fighters were killed."):
        assert "official" not in cats(sentence) and "voice" in cats(sentence), sentence
    assert "official" in cats("Army and rebels trade blame after drone strike kills 14")


def test_statements_of_governments_without_a_plain_speech_verb():
    assert "official" in cats("US: Captured Files Closely Tie Venezuela to Colombian Rebels")
    assert "official" in cats("Both Colombia and the United States have dismissed similar statements by the president.")
    assert "official" in cats("Vietnam and China on Tuesday traded accusations that each had rammed a vessel.")
    assert "official" in cats("Colombia apologized for the raid but called it necessary.")
    assert "official" in cats("Monitors from the Organization for Security and Cooperation in Europe noted irregularities.")


def test_a_speech_verb_used_as_an_adjective_or_in_a_condition_is_no_statement():
    assert "official" not in cats("A Chinese Coast Guard vessel, with the disputed oil rig in the background, is seen at sea.")
    assert "official" not in cats("If further tests by the health ministry confirm the findings, the toll would rise to 71.")


def test_one_party_under_two_names_is_one_claim_next_to_if_confirmed():
    text = ("Army officials in Nepal say their troops have killed 500 rebels. "
            "The army spokesman adds that 18 soldiers died in the fighting. "
            "If confirmed, it would be one of the bloodiest battles of the war.")
    assert all("unverified" in s.categories for s in analyse(text).sentences)


def test_a_headline_and_the_lead_giving_the_same_figure_are_not_rival_figures():
    text = ("Indonesia: Initial Tests Show 2 More People Died of Bird Flu\n\n"
            "Indonesian health officials say initial tests show another two people have died of bird flu.")
    assert all("unverified" not in s.categories for s in analyse(text).sentences)


def test_a_person_a_sentence_opens_with_is_he_in_the_next_quotation():
    text = ("Former Congressman Timothy Roemer played a key role on the commission, and is now president "
            "of the Center for National Policy, a research group. "
            "\"We are not doing enough, we are not doing it quickly enough,\" he said.")
    assert "expert" in analyse(text).sentences[1].categories


def test_the_authors_of_a_study_are_experts():
    text = ("Gary Samore, one of the authors of the study, talked to reporters about the findings. "
            "Mr. Samore said developing the weapon could take a decade.")
    assert "expert" in analyse(text).sentences[1].categories


def test_a_toll_that_would_rise_if_tests_confirm_it_is_not_yet_a_statement():
    text = ("Health officials say two more people died. "
            "If further tests confirm the findings, they would raise the death toll to 71.")
    assert "official" not in analyse(text).sentences[1].categories


def test_several_kinds_of_source_in_one_subject_each_speak():
    assert {"official", "voice"} <= cats("Witnesses and officials said the bridge collapsed at noon.")
    assert {"official", "expert"} <= cats("Officials and experts said the dam could fail.")


def test_statements_made_by_deed_or_in_a_headline_byline():
    assert "official" in cats("The foreign ministry summoned the Russian ambassador to protest the strike.")
    assert "expert" in cats("Pakistan Says Militants Killed - Analysts")


def test_claims_of_responsibility_and_checks_nobody_could_make_are_unverified():
    assert "unverified" in cats("A militant group claimed responsibility for the attack.")
    assert "unverified" in cats("Neither the army nor the rebels could verify the toll.")
    assert "unverified" in cats("Officials shot down claims that the dam was unsafe.")
    assert "unverified" not in cats("Police were shooting down a drone.")


def test_may_in_a_title_case_headline_is_the_modal_not_the_month():
    assert "hedge" in cats("Analysts Warn Indonesian Police Crackdown May Fuel Extremism")
    assert "hedge" not in cats("Elections Set For May 5 In Capital")
    assert "hedge" not in cats("Talks Resume In May After Break")


def test_after_two_sides_trade_accusations_each_side_s_account_is_contested():
    text = ("Vietnam and China on Tuesday traded accusations that each had rammed a vessel.\n\n"
            "A Vietnamese fisheries official, Ha Le, told reporters that Chinese ships rammed a Vietnamese boat.\n\n"
            "But Chinese Foreign Ministry spokeswoman Hua Chunying said the Vietnamese vessel rammed a Chinese boat.\n\n"
            "The weather at sea was calm, the coast guard said.")
    a = analyse(text)
    assert "unverified" in a.sentences[1].categories and "unverified" in a.sentences[2].categories
    assert "unverified" not in a.sentences[3].categories


def test_files_that_indicate_something_continue_the_claim_of_the_officials_before_them():
    text = ("U.S. intelligence officials say documents seized during a raid on FARC rebels show that Venezuela "
            "has deep ties with the rebels. "
            "The computer files found on the laptop of a FARC leader indicate that Venezuelan officials met the rebels. "
            "Venezuelan President Hugo Chavez has denied any link to the rebels.")
    a = analyse(text)
    assert all("unverified" in s.categories for s in a.sentences)


def test_a_toll_put_at_a_different_number_by_the_other_side_is_a_rival_figure():
    a = analyse("The ministry said 12 people died. The opposition put the toll at 40.")
    assert all("unverified" in s.categories for s in a.sentences)
    a = analyse("The ministry said 12 people died. The governor said 12 people were killed.")
    assert all("unverified" not in s.categories for s in a.sentences)


def test_two_parties_counting_the_same_dead_differently_give_rival_figures_even_when_neither_is_official():
    a = analyse("State media said 12 soldiers died in the ambush. Rebels said they killed 40 soldiers.")
    assert all("unverified" in s.categories for s in a.sentences)
    # One side's two counts of different people are not rival figures.
    a = analyse("Rebels said 12 villagers died in the shelling. The rebels said they killed 40 soldiers.")
    assert all("unverified" not in s.categories for s in a.sentences)


def test_a_count_added_to_another_is_not_a_rival_figure_but_a_tally_that_differs_is():
    a = analyse("Health officials said 71 people have died of the virus. "
                "On Wednesday, the authorities reported three other deaths over the past week.")
    assert all("unverified" not in s.categories for s in a.sentences)
    a = analyse("Health officials said 71 people have died of the virus. "
                "The World Health Organization tally differs, confirming 63 deaths.")
    assert "unverified" in a.sentences[1].categories


def test_a_speech_verb_after_a_possessive_is_a_noun_not_a_statement():
    assert "official" not in cats("The activists will end their protest if the government meets their demands.")
    assert "official" not in cats("Did we have to witness a disaster for these decrees to come?")


def test_figures_treated_with_caution_and_an_event_said_never_to_have_happened_are_contested():
    assert "unverified" in cats('A researcher said she treated the figures from both capitals "with great caution".')
    assert "unverified" in cats("The general staff said no such assault had taken place.")


def test_places_the_lists_do_not_know_trade_claims_and_each_side_s_account_is_contested():
    text = ("Tarsenia and Velmora accused each other on Wednesday of starting the firefight.\n\n"
            "Tarsenia's defence ministry said its troops had repelled an assault.\n\n"
            "Residents said the night was quiet.")
    a = analyse(text)
    assert "unverified" in a.sentences[1].categories
    assert "unverified" not in a.sentences[2].categories


def test_the_accounts_after_the_reporter_s_conflicting_reports_are_contested_until_the_narration_resumes():
    text = ("Government troops attacked the port on Wednesday, and there were conflicting reports about which side "
            "held it.\n\n"
            "Witnesses said troops briefly seized the oil terminal. "
            "Opposition fighters say they later took it back. "
            "Smoke rose over the harbour in the afternoon.")
    a = analyse(text)
    assert all("unverified" in s.categories for s in a.sentences[:3])
    assert "unverified" not in a.sentences[3].categories
    # In a party's own words the phrase answers the claim before it, not the sentences after.
    a = analyse("The army said it held the port. A rebel spokesman said there were conflicting reports. "
                "Witnesses said troops seized the oil terminal.")
    assert "unverified" not in a.sentences[2].categories


def test_a_denial_after_an_analyst_s_commentary_marks_only_the_sentence_it_answers():
    text = ("Anthony Cordesman, an analyst at the Center for Strategic and International Studies, spoke to reporters. "
            "Cordesman says the training of Iraqi forces has been too slow. "
            "Cordesman says the conflict has become a civil war. "
            "The administration has rejected the claim that Iraq is in a civil war.")
    a = analyse(text)
    assert "unverified" in a.sentences[2].categories and "unverified" not in a.sentences[1].categories


def test_a_denial_answers_the_other_party_s_claim_on_the_same_thing_a_few_sentences_before():
    a = analyse("The army said rebels killed 12 villagers near the river. The region has been tense for weeks. "
                "Aid groups are sending food to the area. The rebels denied killing any villagers.")
    assert ["unverified" in s.categories for s in a.sentences] == [True, False, False, True]


def test_two_officials_of_one_state_in_a_row_are_one_claim_that_another_state_denies():
    text = ("Norvale's government said on Wednesday that hackers working for Kestria were behind the attack on its ports.\n\n"
            "Interior Minister Selma Brandt told parliament that investigators had traced the attack to a group known as Grey Heron.\n\n"
            "Kestria's Foreign Ministry denied the accusation.")
    a = analyse(text)
    assert all("unverified" in s.categories for s in a.sentences)
    # An official of a third country in between is not the same state's claim.
    text = ("Norvale's government said on Wednesday that hackers were behind the attack on its ports.\n\n"
            "Vantia's foreign minister said her country would send experts to help.\n\n"
            "Kestria's Foreign Ministry denied the accusation.")
    assert "unverified" not in analyse(text).sentences[0].categories


def test_a_body_s_spokesman_named_after_it_speaks_for_the_same_party():
    from lessons.annotator.cues import same_party
    from lessons.annotator.model import Speaker
    from lessons.annotator.rules import load_rules
    union = Speaker("Karsenian Miners' Union", "voice", "", False)
    chairman = Speaker("Dusan Morek", "voice", "union's regional chairman", True)
    company = Speaker("Viktor Halm", "voice", "company spokesman", True)
    assert same_party(union, chairman, load_rules()) and same_party(chairman, union, load_rules())
    assert not same_party(union, company, load_rules())


def test_rescuers_are_emergency_services():
    assert "official" in cats("Rescuers said 40 people were still missing.")


def test_as_bad_as_possible_and_indicates_are_not_hedges():
    assert "hedge" not in cats("They wanted to make the government look as bad as possible.")
    assert "hedge" not in cats("I think this indicates that neither side wants to break off the talks.")
    assert "hedge" in cats("The damage suggested that ammunition was stored nearby.")


def test_an_official_of_a_rebel_movement_is_not_an_official():
    text = ("An official with the rebel Justice and Equality Movement, Abubaka Ahmed Noor, said the rebellion "
            "was far from over.")
    assert "official" not in cats(text) and "voice" in cats(text)


def test_an_analyst_of_military_matters_is_an_expert():
    text = ("The report's author, Anthony Cordesman, a senior military and national security analyst with the "
            "center, spoke to reporters. Cordesman says the conflict has become a civil war.")
    s = analyse(text).sentences[1]
    assert "expert" in s.categories and "official" not in s.categories


def test_people_believed_to_be_something_are_not_a_statement():
    assert "official" not in cats("Civilians say that before government troops left they executed 40 people "
                                  "believed to be rebel sympathizers.")
    assert "official" in cats("Each side's military claimed to have killed dozens of soldiers.")


def test_more_wire_copy_disputes_blame_and_checks_nobody_could_make():
    for sentence in ("In Liberia, there are conflicting reports about who controls the town.",
                     "US Military, Afghan President at Odds Over Airstrike Deaths",
                     '"It is not a true report," said Mr. Noor.',
                     "No weapons of mass destruction were ever found.",
                     '"We don\'t believe them," the rebel spokesman said.',
                     "U.S. officials cannot say for sure whether it was a nuclear explosion.",
                     "Pakistan has blamed the Pakistani Taliban for a series of attacks.",
                     "The council threw out votes from the north, charging fraud."):
        assert "unverified" in cats(sentence), sentence
    assert "unverified" not in cats("A researcher said it was too early to assign blame.")


def test_the_other_side_answering_past_one_background_sentence_makes_both_accounts_contested():
    a = analyse("The government says it has retaken the town. Thousands of residents fled last week. "
                "But rebel commanders say they still hold the town center.")
    assert ["unverified" in s.categories for s in a.sentences] == [True, False, True]
    a = analyse("The government says it has retaken the town. Thousands of residents fled last week. "
                "Rebel commanders say they will hold talks on Monday.")
    assert all("unverified" not in s.categories for s in a.sentences)


def test_the_other_side_answering_with_but_and_a_contradiction_makes_both_accounts_contested():
    text = ("The government says it has pushed the rebels away from the capital. "
            "But the rebels say they are still in the capital and will continue to fight.")
    a = analyse(text)
    assert all("unverified" in s.categories for s in a.sentences)
    rival = next(x for x in a.sentences[1].annotations if x.rule == "unverified.rival_account")
    assert rival.challenges == ((a.sentences[0].start, a.sentences[0].end),)
    calm = ("The government says it has pushed the rebels away from the capital. "
            "But the rebels say the capital will host talks next week.")
    assert all("unverified" not in s.categories for s in analyse(calm).sentences)


def test_military_ranks_fears_and_accusations_by_a_government_are_attributed():
    text = ("U.S. coalition spokesman, First Lieutenant Nathan Perry, told reporters the troops searched the compound. "
            "He says five civilians were among the 30 people killed.")
    assert all("official" in s.categories for s in analyse(text).sentences)
    assert "expert" in cats("Bird flu remains hard to catch, but experts fear it may mutate.")
    assert "official" in cats("The regime was accused by the United States of developing weapons.")


def test_a_speaker_after_but_is_the_subject_of_the_verb_after_it():
    assert "official" in cats("Rebels say they took the pass but government denies")
    assert "official" not in cats("Rebels say they took the pass but villagers deny it")
