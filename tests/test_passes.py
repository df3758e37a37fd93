"""Each named pass of the annotator, run on a short text up to that pass."""
from __future__ import annotations

from lessons.annotator import passes
from lessons.annotator.passes import PASSES, Reading, analyse


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


def test_passes_run_in_the_documented_order():
    assert [p.__name__ for p in PASSES] == [
        "find_speakers", "give_quotations_to_speakers", "continue_after_colon", "mark_sources",
        "mark_hedges", "mark_unverified", "mark_competing_figures"]
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


def test_mark_competing_figures_marks_two_sides_giving_different_tolls():
    text = "The Donetsk group said 400 people were killed. Russia's Defense Ministry said 63 people died."
    before = read_until(text, "mark_competing_figures", before=True)
    assert not any(a.rule == "unverified.competing_figures" for a in before.annotations)
    r = read_until(text, "mark_competing_figures")
    marked = [a for a in r.annotations if a.rule == "unverified.competing_figures"]
    assert sorted(a.start for a in marked) == [s.start for s in r.sentences]


def test_analyse_is_the_passes_in_order_then_the_tidy_up():
    r = read_until(GILES, PASSES[-1].__name__)
    assert analyse(GILES) == passes.finish(r)
