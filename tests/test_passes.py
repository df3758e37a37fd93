"""Each named pass of the annotator, run on a short text up to that pass."""
from __future__ import annotations

import pytest

from lessons.annotator import passes
from lessons.annotator.passes import PASSES, Reading, analyse, contested_claim, disputed_clause
from lessons.annotator.rules import load_rules
from lessons.text.article import load_article


def read_until(text: str, last: str, *, before: bool = False) -> Reading:
    """Run the passes in order up to ``last`` (or up to just before it)."""
    names = [p.__name__ for p in PASSES]
    stop = names.index(last) + (0 if before else 1)
    reading = Reading.start(text)
    for step in PASSES[:stop]:
        step(reading)
    return reading


GILES = ("Keir Giles, an expert on Russia at Chatham House, said the losses were heavy. "
         "\u201cThe soldiers used their phones near the front line. Everyone could see them.\u201d")


def unverified_rules(r: Reading, i: int) -> list[str]:
    """The unverified rules that marked sentence ``i``."""
    return [a.rule for a in r.per_sentence[i] if a.category == "unverified"]


def test_passes_run_in_the_documented_order():
    assert [p.__name__ for p in PASSES] == [
        "find_affiliated_experts", "find_speakers", "find_official_acts", "give_quotations_to_speakers", "continue_after_colon", "give_actualities_to_speakers",
        "give_labelled_clips_to_speakers", "continue_official_figures",
        "give_experts_their_quotations", "give_report_contents_to_owners", "mark_sources", "mark_hedges", "mark_unverified",
        "mark_competing_figures", "mark_rival_in_one",
        "fill_claim_runs", "mark_denier_runs", "link_contested_claims"]
    assert all(name in passes.__doc__ for name in (p.__name__ for p in PASSES))


def test_find_speakers_names_the_expert_introduced_with_a_role():
    r = read_until(GILES, "find_speakers")
    assert r.attributions[0].speaker.name == "Keir Giles"
    assert r.attributions[0].speaker.kind == "expert"
    assert r.attributions[1] is None and r.attributions[2] is None


def test_give_quotations_to_speakers_hands_every_quoted_sentence_to_its_speaker():
    r = read_until(GILES, "give_quotations_to_speakers")
    assert [a.rule for a in r.attributions[1:]] == ["quote", "quote"]
    assert {a.speaker.name for a in r.attributions} == {"Keir Giles"}


def test_continue_after_colon_gives_the_next_paragraph_to_the_speaker_of_a_framing_line():
    text = "Keir Giles, an expert on Russia at Chatham House, wrote:\n\nThe losses were heavy."
    before = read_until(text, "continue_after_colon", before=True)
    assert before.framing[0] and before.attributions[1] is None
    r = read_until(text, "continue_after_colon")
    assert r.attributions[1].rule == "continuation" and r.attributions[1].speaker.name == "Keir Giles"


def test_mark_sources_marks_speakers_by_kind_but_not_a_bare_framing_line():
    text = "Keir Giles, an expert on Russia at Chatham House, wrote:\n\nThe losses were heavy."
    r = read_until(text, "mark_sources")
    assert [a.category for a in r.per_sentence[0]] == []
    assert [a.category for a in r.per_sentence[1]] == ["expert"]


def test_mark_hedges_marks_the_cue_word_only():
    text = "The death toll may rise."
    r = read_until(text, "mark_hedges")
    assert [(a.category, text[a.start:a.end]) for a in r.annotations] == [("hedge", "may")]


def test_mark_unverified_marks_the_marker_and_the_claim_it_points_at():
    text = "Russia's Defense Ministry said 89 soldiers died. NBC News was unable to verify the claim."
    r = read_until(text, "mark_unverified")
    unverified = [(a.rule, text[a.start:a.end]) for a in r.annotations if a.category == "unverified"]
    assert ("unverified.neighbour", "Russia's Defense Ministry said 89 soldiers died.") in unverified
    assert any("unable to verify" in span for rule, span in unverified if rule != "unverified.neighbour")


def test_a_verification_statement_points_back_at_the_claim_without_a_pointing_word():
    text = ("The shipping company said its crew had been held at gunpoint. "
            "The agency was unable to verify the position of the ship. "
            "A third party, the monitoring group, could not confirm the cargo either.")
    r = read_until(text, "mark_unverified")
    first = unverified_rules(r, 0)
    assert "unverified.neighbour" in first


def test_a_sentence_going_on_with_the_claim_is_part_of_the_claim_a_verification_points_at():
    text = ("The rebel news service says about 80 people were killed in the attack. "
            "Singers were also among the dead. "
            "The number of casualties could not be verified.")
    r = read_until(text, "mark_unverified")
    assert all(any(a.category == "unverified" for a in r.per_sentence[k]) for k in (0, 1))


def test_a_verification_statement_does_not_mark_the_reporter_s_own_background():
    text = "The port handles a third of the country's trade. The agency was unable to verify the position of the ship."
    r = read_until(text, "mark_unverified")
    assert not unverified_rules(r, 0)


def test_a_flat_denial_by_another_party_marks_the_claim_and_links_both_ways():
    text = ("Police said the man raised a handgun at the officers.\n\n"
            "The shop was busy at the time.\n\n"
            "His lawyer, Ana Reyes, said he had never owned a handgun.")
    a = analyse(text)
    claim, _, denial = a.sentences
    marked = next(x for x in claim.annotations if x.rule == "unverified.denied_later")
    cue = next(x for x in denial.annotations if x.rule == "unverified.flat_denial")
    assert marked.challenged_by == ((denial.start, denial.end),)
    assert cue.challenges == ((claim.start, claim.end),) and cue.cue == "never"
    assert "later sentence" in marked.explanation and "paragraph 3" in marked.explanation
    assert "unverified" not in a.sentences[1].categories


def test_a_flat_denial_of_casualties_answers_a_claim_of_killing():
    a = analyse("Rebels said they killed 12 soldiers in the ambush. The army said there were no casualties.")
    assert [x.rule for x in a.sentences[0].annotations if x.category == "unverified"] == ["unverified.denied_later"]


def test_a_flat_negation_on_another_topic_or_by_the_same_party_is_no_denial():
    for text in ("Police said the man raised a handgun at the officers. Police said he had never been arrested before.",
                 "Police said the man raised a handgun at the officers. His lawyer said the weather was not good."):
        assert not [x for x in analyse(text).annotations if x.category == "unverified"], text


def test_a_headline_claim_is_disputed_by_the_denial_in_the_line_under_it():
    text = ("Police say arson caused the forest fire\n\n"
            "A lawyer for the arrested man denied the charge.\n\n"
            "The fire burned for three days.")
    a = analyse(text)
    assert "unverified" in a.sentences[0].categories
    assert "unverified" not in a.sentences[2].categories


def test_fill_claim_runs_marks_a_sentence_between_two_disputes_by_the_same_speaker():
    text = ("The army said it had crushed the rebels. "
            "But the rebel spokesman, Omar Dado, denied the army's version of events. "
            "Dado said the soldiers fled from the town. "
            "Dado also denied reports that the rebels had left the province.")
    before = read_until(text, "fill_claim_runs", before=True)
    assert not unverified_rules(before, 2)
    r = read_until(text, "fill_claim_runs")
    assert unverified_rules(r, 2) == ["unverified.claim_run"]


def test_mark_denier_runs_marks_the_deniers_own_account_but_not_the_reporters():
    text = ("Villagers said an air strike killed 11 civilians in the valley. "
            "An army spokesman, Colonel Omar Dado, denied the villagers' account. "
            "Dado said the air force flew over the valley on Monday. "
            "Dado said the strike actually hit a rebel camp in the hills. "
            "The valley lies 40 miles from the capital.")
    before = read_until(text, "mark_denier_runs", before=True)
    assert not unverified_rules(before, 3)
    r = read_until(text, "mark_denier_runs")
    rules = [[a.rule for a in anns if a.category == "unverified"] for anns in r.per_sentence]
    assert rules[3] == ["unverified.denier_run"]
    assert "unverified.denier_run" not in rules[2] and not rules[4]


def test_mark_denier_runs_takes_the_deniers_quotation_right_after_the_denial_but_not_a_pledge():
    text = ("Rebels said they now hold the town of Zawiya. "
            "A government spokesman, Moussa Ibrahim, denied the rebels were in control of Zawiya. "
            "\u201cThey were stopped easily by our armed forces,\u201d said Ibrahim.")
    r = read_until(text, "mark_denier_runs")
    assert unverified_rules(r, 2) == ["unverified.denier_run"]
    pledge = text.replace("They were stopped easily by our armed forces", "We will not allow them to stay")
    r = read_until(pledge, "mark_denier_runs")
    assert not unverified_rules(r, 2)


def test_a_check_after_a_contrast_also_points_back_at_the_claim_on_the_same_thing_before_it():
    text = ("The rebels are also claiming to have made advances inside the port city of Brega. "
            "Arab satellite channels showed rebels controlling parts of Brega, but it could not be "
            "independently confirmed how much of the town they hold.")
    r = read_until(text, "mark_unverified")
    assert unverified_rules(r, 0) == ["unverified.neighbour"]
    own = ("Officials said the captain was being questioned by police. Local media reported that the "
           "captain had been arrested, but police would not confirm this.")
    r = read_until(own, "mark_unverified")
    assert not unverified_rules(r, 0)


def test_a_denial_in_a_clause_on_its_own_sentence_s_claim_does_not_reach_back():
    before = "In Moscow, the Defense Ministry said its tanks are reinforcing the peacekeepers. "
    for denial in ("Georgian officials demanded Russia stop air attacks on Georgian cities -- which Russia denies carrying out.",
                   "The minister told reporters Georgian forces are firmly in control of the city, a report separatists denied."):
        r = read_until(before + denial, "mark_unverified")
        assert not unverified_rules(r, 0), denial
        assert unverified_rules(r, 1), denial
    # A relative clause about the denier is no such pointer: the claim before is still answered.
    other = ("Workers said two of the exits had been padlocked. A spokeswoman for the firm, which owns the plant, "
             "denied that any exit had been locked.")
    r = read_until(other, "mark_unverified")
    assert unverified_rules(r, 0) == ["unverified.neighbour"]


def test_the_same_party_going_on_after_a_denial_in_a_clause_goes_on_with_the_denied_claim():
    text = ("Georgian officials demanded Russia stop air attacks on Georgian cities -- which Russia denies carrying out. "
            "They say Russian planes bombed two air bases outside Tbilisi.")
    r = read_until(text, "mark_unverified")
    assert unverified_rules(r, 1) == ["unverified.neighbour"]
    other = ("Georgian officials demanded Russia stop air attacks on Georgian cities -- which Russia denies carrying out. "
             "They say the talks in Geneva will go ahead on Monday.")
    r = read_until(other, "mark_unverified")
    assert not unverified_rules(r, 1)


def test_mark_denier_runs_takes_the_denier_s_next_sentence_on_what_the_denial_is_about():
    text = ("The Thai army said Cambodian soldiers attacked a border post. "
            "However, Phay Siphan, a spokesman for Cambodia's Council of Ministers, denies his country's troops fired first. "
            "He said Thai soldiers attacked first.")
    r = read_until(text, "mark_denier_runs")
    assert unverified_rules(r, 2) == ["unverified.denier_run"]
    other = text.replace("He said Thai soldiers attacked first.", "He said the council meets on Friday.")
    r = read_until(other, "mark_denier_runs")
    assert not unverified_rules(r, 2)


def test_mark_unverified_links_a_denial_and_the_claim_it_answers_both_ways():
    text = "The ministry said the rebels fired first. The rebels denied it."
    r = read_until(text, "mark_unverified")
    claim, denial = r.sentences
    neighbour = next(a for a in r.per_sentence[0] if a.rule == "unverified.neighbour")
    cue = next(a for a in r.per_sentence[1] if a.rule == "unverified.denial")
    assert neighbour.challenged_by == ((denial.start, denial.end),)
    assert cue.challenges == ((claim.start, claim.end),)


def test_mark_competing_figures_marks_two_sides_giving_different_tolls():
    text = "The Donetsk group said 400 people were killed. Russia's Defense Ministry said 63 people died."
    before = read_until(text, "mark_competing_figures", before=True)
    assert not any(a.rule == "unverified.competing_figures" for a in before.annotations)
    r = read_until(text, "mark_competing_figures")
    marked = [a for a in r.annotations if a.rule == "unverified.competing_figures"]
    assert sorted(a.start for a in marked) == [s.start for s in r.sentences]


def test_counts_for_two_countries_are_not_competing_figures():
    text = ("Officials in Turkey said at least 6,957 people were killed. "
            "In Syria, there were at least 2,470 deaths, according to figures from the Damascus government.")
    r = read_until(text, "mark_competing_figures")
    assert not [a for a in r.annotations if a.rule == "unverified.competing_figures"]
    same = ("Officials in Turkey said at least 6,957 people were killed. "
            "Rescue groups in Turkey said 8,000 people were killed.")
    r = read_until(same, "mark_competing_figures")
    assert [a for a in r.annotations if a.rule == "unverified.competing_figures"]


@pytest.fixture(scope="module")
def seed():
    """The seed article as learners read it (the web-page lines of the saved copy left out)."""
    text = load_article().text
    return text, analyse(text)


def _sentence(analysis, fragment):
    return next(s for s in analysis.sentences if fragment in s.text)


def test_ministry_phone_explanation_is_contested_and_challenged_by_pegov(seed):
    text, a = seed
    pegov = _sentence(a, "cast doubt on the official explanation")
    not_convincing = _sentence(a, "is not very convincing")
    for fragment in ("Moscow's Defense Ministry said late Tuesday that the unauthorized use of mobile devices",
                     "the main reason for what happened", "This factor allowed the enemy"):
        s = _sentence(a, fragment)
        contested = [x for x in s.annotations if x.rule == "unverified.contested"]
        assert len(contested) == 1, fragment
        assert (pegov.start, pegov.end) in contested[0].challenged_by
        assert (not_convincing.start, not_convincing.end) in contested[0].challenged_by
        assert "Semyon Pegov (paragraphs 10 and 11)" in contested[0].explanation
        assert "British Defense Ministry" in contested[0].explanation
    # Pegov's dispute points back at the claim it challenges
    claim = _sentence(a, "Moscow's Defense Ministry said late Tuesday")
    doubt = next(x for x in pegov.annotations if x.cue == "cast doubt")
    assert (claim.start, claim.end) in doubt.challenges
    assert "It challenges the claim of" in doubt.explanation and "(paragraph 2)" in doubt.explanation
    assert "Russia (the headline)" in doubt.explanation


def test_the_british_ammunition_explanation_is_a_rival_that_challenges_the_phone_explanation(seed):
    text, a = seed
    claim = _sentence(a, "Moscow's Defense Ministry said late Tuesday")
    ammunition = _sentence(a, "realistic possibility that ammunition")
    assert any((claim.start, claim.end) in x.challenges for x in ammunition.annotations if x.category == "official")
    assert "unverified" not in ammunition.categories      # a rival account without a dispute word


def test_the_ministry_s_undisputed_statements_are_not_contested(seed):
    text, a = seed
    for fragment in ("The attack was carried out one minute into the new year",
                     "It also raised the confirmed death toll to 89"):
        assert "unverified" not in _sentence(a, fragment).categories, fragment


def test_contested_claim_of_an_explanation_finds_the_other_party_s_causes_before_the_dispute():
    texts = ["The army blamed faulty wiring for the blast.", "The army said 12 people died.",
             "A local reporter said the cause was a gas leak.",
             "Residents cast doubt on the official explanation."]
    speakers = ["army", "army", "reporter", "Residents"]
    kinds = ["official", "official", "voice", "voice"]
    disputed = disputed_clause(texts[3], 10, 20)
    claims, rivals = contested_claim(texts, speakers, kinds, range(3, 4), disputed, load_rules())
    assert claims == [0]          # the official cause; not the toll, not the reporter (not official)
    assert rivals == []           # the reporter is a voice, not an official or expert


def test_contested_claim_ignores_a_dispute_of_the_claim_just_before_it():
    texts = ["The army blamed faulty wiring for the blast.", "That account drew skepticism from residents."]
    claims, rivals = contested_claim(texts, ["army", None], ["official", None], range(1, 2),
                                     disputed_clause(texts[1], 19, 29), load_rules())
    assert claims == [] and rivals == []


def test_contested_claim_needs_a_dispute_of_an_explanation():
    texts = ["The army blamed faulty wiring for the blast.", "Residents denied the figures."]
    claims, _ = contested_claim(texts, ["army", "Residents"], ["official", "voice"], range(1, 2),
                                disputed_clause(texts[1], 10, 16), load_rules())
    assert claims == []


def test_contested_claim_of_a_named_party_looks_after_the_dispute_when_the_party_s_earlier_lines_report_the_quarrel():
    texts = ["Farmers are disputing Governor Lind's claims about the dam.",
             "Farmers' union head Ola Berg rejected Governor Lind's claims that the dam was safe.",
             "In a radio address on Monday, Governor Lind said the dam had passed every inspection.",
             "Governor Lind said repairs would finish in May."]
    speakers = ["Governor Lind", "Ola Berg", "Governor Lind", "Governor Lind"]
    kinds = ["official", "voice", "official", "official"]
    at = texts[1].index("rejected")
    disputed = disputed_clause(texts[1], at, at + len("rejected"))
    claims, _ = contested_claim(texts, speakers, kinds, range(1, 2), disputed, load_rules(), disputing=frozenset({0, 1}))
    assert claims == [2, 3]       # the governor's own account after the dispute, not the lead reporting the quarrel
    claims, _ = contested_claim(texts, speakers, kinds, range(1, 2), disputed, load_rules())
    assert claims == [0]          # with no dispute known before it, the party's last run before it


def test_analyse_is_the_passes_in_order_then_the_tidy_up():
    r = read_until(GILES, PASSES[-1].__name__)
    assert analyse(GILES) == passes.finish(r)


def test_a_dispute_naming_whose_claims_it_answers_reaches_that_party_s_last_claim():
    text = ("Iranian officials say they have no intention of building a nuclear weapon. "
            "Oil prices rose on Monday. "
            "The European Union's foreign policy chief Catherine Ashton scoffed at Iranian claims of peaceful intentions.")
    a = analyse(text)
    claim = [x for x in a.sentences[0].annotations if x.rule == "unverified.contested"]
    assert claim and claim[0].challenged_by == ((a.sentences[2].start, a.sentences[2].end),)
    assert "unverified" not in a.sentences[1].categories


ACT = ("Political analyst Ana Ruiz says the talks will go on. In a VOA interview, she says both sides are committed.\n\n"
       "/// Ruiz act one ///\n\n"
       "Despite the difficulties, both parties want to move forward. Neither side wants to break off the talks.\n\n"
       "/// end act ///\n\n"
       "The talks resume on Monday.")


def test_a_broadcast_clip_between_cues_belongs_to_the_speaker_its_cue_names():
    before = read_until(ACT, "give_actualities_to_speakers", before=True)
    assert before.attributions[3] is None
    r = read_until(ACT, "give_actualities_to_speakers")
    clip = [i for i, s in enumerate(r.sentences) if "both parties" in s.text or "Neither side" in s.text]
    assert [r.attributions[i].speaker.name for i in clip] == ["Ana Ruiz", "Ana Ruiz"]
    after = [i for i, s in enumerate(r.sentences) if "///" in s.text or "resume" in s.text]
    assert all(r.attributions[i] is None for i in after)


def test_a_clip_whose_cue_names_nobody_quoted_just_before_is_nobody_s():
    r = read_until(ACT.replace("Ruiz act", "Marsh act"), "give_actualities_to_speakers")
    assert all(r.attributions[i] is None for i, s in enumerate(r.sentences) if "both parties" in s.text)


def test_a_party_s_dispute_does_not_mark_an_analyst_s_comment_on_something_else_just_before_it():
    a = analyse('Lena Ortiz, a senior analyst at the Meridian Institute, said the unrest had become a rebellion. '
                '"The police cannot work in half the province," she said. "The trouble comes from the lack of jobs." '
                'The interior ministry has rejected calling the unrest a rebellion.')
    assert "unverified" in _sentence(a, "has rejected").categories
    assert "unverified" not in _sentence(a, "lack of jobs").categories   # the analyst weighs claims; none is answered
