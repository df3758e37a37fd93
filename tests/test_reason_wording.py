"""The reasons a learner reads beside a highlight: correct, grammatical and consistent."""
from __future__ import annotations

import re

import pytest

from lessons.annotator import analyse
from lessons.annotator.phrasing import speaker_phrase
from lessons.annotator.rules import load_rules

RULES = load_rules()


@pytest.fixture(scope="module")
def seed(seed_article):
    return analyse(seed_article.text)


@pytest.mark.parametrize("found, reads", [
    ("Russian military", "the Russian military"),
    ("British Defense Ministry", "the British Defense Ministry"),
    ("Officials in Kyiv", "officials in Kyiv"),
    ("Experts", "experts"),
    ("An Ethiopian government spokesman", "an Ethiopian government spokesman"),
    ("Media", "the media"),
    ("A purported statement from the group received by some news organizations", "a purported statement from the group"),
    ("One of the rebel groups in the western Darfur region of Sudan", "one of the rebel groups"),
    ("Liberian defense officials say government troops captured the town", "Liberian defense officials"),
    ("Government in Khartoum", "the government in Khartoum"),
    ("United Nations", "the United Nations"),
    ("Council of Highland States", "the Council of Highland States"),
    ("Bush administration", "the Bush administration"),
])
def test_a_speaker_reads_right_inside_a_sentence(found, reads):
    assert speaker_phrase(found, RULES) == reads


@pytest.mark.parametrize("name", ["Keir Giles", "Russia", "Ukraine's military", "Moscow’s Defense Ministry",
                                  "RIA Novosti", "U.S. Secretary of State Colin Powell", "NATO",
                                  "a senior official of the Economic Community of West African States"])
def test_names_places_and_possessives_are_left_as_they_are(name):
    assert speaker_phrase(name, RULES) == name


_BROKEN = re.compile(r"\b(?:what|of|from|by:|;) (?:A|An|The|Some|Officials|Experts|Media|Russian military|British)\b")


def test_no_reason_on_the_seed_breaks_its_grammar_around_a_speaker(seed):
    reasons = [a.explanation for a in seed.annotations]
    assert not [r for r in reasons if _BROKEN.search(r)]
    assert any("what the Russian military said" in r for r in reasons)
    assert any("what officials in Kyiv said" in r for r in reasons)
    assert any("what experts said" in r for r in reasons)
    assert any("comes from the British Defense Ministry" in r for r in reasons)
    assert any("Challenged by: Semyon Pegov" in r and "the British Defense Ministry (" in r for r in reasons)


def test_every_template_that_names_a_speaker_names_them_through_one_function():
    text = ("An Ethiopian government spokesman said the border post was quiet on Monday. "
            "A purported statement from the group received by some news organizations said the attack was revenge. "
            "Media said at least 12 people had died. Experts said the fighting could spread.")
    analysis = analyse(text)
    sources = [a for a in analysis.annotations if a.category in ("official", "expert", "voice")]
    assert len(sources) == 4
    for s in analysis.sentences:
        for a in s.annotations:
            if a.category in ("official", "expert", "voice"):
                assert speaker_phrase(s.source, RULES) in a.explanation
    reasons = " ".join(a.explanation for a in sources)
    assert "what an Ethiopian government spokesman said" in reasons
    assert "what a purported statement from the group said" in reasons
    assert "what the media said" in reasons and "what experts said" in reasons


def _unverified_reasons(analysis, words: str) -> list[str]:
    s = next(s for s in analysis.sentences if words in s.text)
    return [a.explanation for a in s.annotations if a.rule == "unverified.claim_run"]


def test_a_sentence_between_two_disputes_is_not_called_a_disputed_claim(seed):
    # Pegov's sentences on each side dispute the ministry's explanation: they are not disputed themselves.
    reasons = _unverified_reasons(seed, "I rarely say this")
    assert reasons and all("are disputed or unchecked" not in r for r in reasons)
    assert all("disputes another side's claim" in r for r in reasons)


def test_a_sentence_between_two_unchecked_claims_of_one_speaker_carries_on_the_claim():
    text = ("The army said 12 rebels died in the raid, a figure that could not be independently verified. "
            "The army said the camp was hit at dawn. "
            "The army also said, without giving evidence, that the rebels had fled.")
    reasons = _unverified_reasons(analyse(text), "hit at dawn")
    assert reasons == [RULES.explanations["unverified.claim_run"]]


def test_the_blame_reason_says_plainly_what_blame_is(seed):
    reasons = [a.explanation for a in seed.annotations if a.rule == "unverified.accusation_blame"]
    assert reasons and reasons[0].startswith('"blames" puts the fault on someone')
    assert all("a claim the other side can dispute" in r and "blame is disputed" not in r for r in reasons)


def test_a_reason_and_lk_find_give_the_same_paragraph_number(seed, seed_article):
    from lessons.lessonkit.reading import find
    claim = next(s for s in seed.sentences if "said late Tuesday that the unauthorized use" in s.text)
    contested = next(a for a in claim.annotations if a.rule == "unverified.contested")
    for speaker, words in (("Semyon Pegov", "cast doubt"), ("Keir Giles", "completely plausible"),
                           ("the British Defense Ministry", "realistic possibility")):
        where = find(words, seed_article).text.splitlines()[1].split(":")[0]      # "Paragraph 10"
        number = where.split()[1]
        listed = re.search(re.escape(speaker) + r" \(([^)]*)\)", contested.explanation).group(1)
        assert re.search(rf"\b{number}\b", listed), (speaker, where, listed)
    doubt = next(a for s in seed.sentences for a in s.annotations if a.rule == "unverified.doubt")
    where = find("said late Tuesday", seed_article).text.splitlines()[1].split(":")[0].lower()
    assert f"Moscow’s Defense Ministry ({where})" in doubt.explanation


def test_a_year_is_not_charted_as_a_number_killed_but_a_year_like_count_of_people_is():
    from lessons.annotator.figures import figure_spans
    assert figure_spans("The revised death toll makes Cyclone Nargis the deadliest storm since 1991.") == []
    assert figure_spans("The death toll in 2008 was the worst in years.") == []
    assert [s[3] for s in figure_spans("Officials said 2000 people were killed.")] == [2000]


@pytest.mark.parametrize("body", ["Reporters Without Borders", "Doctors Without Borders"])
def test_a_body_whose_name_starts_with_a_role_word_keeps_its_whole_name(body):
    analysis = analyse(f"{body} said two journalists were detained on Monday.")
    assert [s.name for s in analysis.speakers] == [body]
    assert f"what {body} said" in analysis.annotations[0].explanation


def test_the_rule_name_is_kept_for_teachers_out_of_the_learners_way():
    from lessons.annotator.model import Annotation
    from lessons.render.html import explanations_html, render_html
    text = "The army blamed the storm. A farmer cast doubt on that."
    ann = Annotation("unverified", 0, 26, "cast doubt", "unverified.contested",
                     "Others in the article challenge this claim, so it is contested.")
    listed = explanations_html(text, [ann])
    shown = re.sub(r"<[^>]+>", "", listed)
    assert "unverified.contested" not in shown and "(rule" not in shown
    assert re.search(r'title="For teachers:[^"]*unverified\.contested"', listed)       # a tooltip on the reason
    tooltip = re.search(r'title="([^"]*)"', render_html(text, [ann], include_style=False)).group(1)
    assert tooltip.index("Others in the article") < tooltip.index("unverified.contested")
