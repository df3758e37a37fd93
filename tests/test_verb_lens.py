"""The verb lens: attribution verbs and what each signals are data; every attribution shows its
verb; swapping a verb says what the swap does to a reader's trust; all outside text is escaped."""
from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

import lessons as kit
from importlib import import_module

V = import_module("lessons.views.verb_lens")


def test_the_verbs_the_issue_names_are_all_data_with_what_they_signal():
    verbs = V.load_verbs()
    for name in ("said", "claimed", "admitted", "insisted", "blamed", "warned", "suggested", "according to"):
        assert name in verbs, name
        assert verbs[name].signals and verbs[name].trust
    # ... and each says something different.
    assert len({v.signals for v in verbs.values()}) == len(verbs)


@pytest.mark.parametrize("word, name", [("claims", "claimed"), ("has blamed", "blamed"), ("Admitted", "admitted"),
                                        ("According  to", "according to"), ("told", "said"), ("posted", None)])
def test_a_written_verb_is_matched_to_its_entry(word, name):
    verb = V.verb_named(word)
    assert (verb.name if verb else None) == name


def test_swapping_said_for_admitted_says_it_raises_trust_and_the_facts_did_not_change():
    swap = V.load_swaps()[0]
    message = V.swap_feedback(swap, "admitted")
    assert message.startswith("From “said” to “admitted”.")
    assert "Raises trust" in message and "only the verb did" in message
    assert "Lowers trust" in V.swap_feedback(swap, "claimed")
    assert "flags a dispute" in V.swap_feedback(swap, "insisted")
    assert "is the verb the sentence has" in V.swap_feedback(swap, swap.original)
    assert V.swap_feedback(swap, "exploded").startswith("Choose one of:")


def test_the_widget_swaps_the_verb_in_the_sentence_and_explains_it():
    lens = kit.verb_lens()
    assert "<b><u>said</u></b>" in lens.sentence.value
    lens.choose("admitted")
    assert "<b><u>admitted</u></b>" in lens.sentence.value
    assert "Raises trust" in lens.feedback.value
    # Another sentence resets the verb to that sentence's own.
    lens.sentence_menu.value = V.load_swaps()[1].id
    assert lens.verb_menu.value == V.load_swaps()[1].original
    assert "tap water" in lens.sentence.value


def test_every_attribution_in_the_seed_shows_its_verb():
    lens = kit.verb_lens()
    by_start = {a.text[:40]: a for a in lens.items}
    words = {a.word for a in lens.items}
    assert {"blamed", "said", "told", "warned", "according to", "suggested"} <= words
    assert any(a.word == "blamed" and a.text.startswith("The Russian military has blamed") for a in lens.items)
    # Words inside a quotation are the speaker's, not the reporter's verb.
    assert all(a.word != "say" for a in lens.items)
    assert "<td class='mlk-ui-verbs-verb'>warned</td>" in lens.table.value   # the verb's cell, in bold:
    from lessons.render.stylesheet import VIEW_CLASSES
    assert VIEW_CLASSES["mlk-ui-verbs-verb"] == "padding:.2em .5em;font-weight:bold"
    assert by_start


def test_the_annotators_own_verb_is_used_when_it_records_one():
    @dataclass(frozen=True)
    class WithVerb:
        category: str
        start: int
        end: int
        source: str | None = None
        verb: str | None = None

        def text_in(self, text):
            return text[self.start:self.end]

    text = "The mayor insisted, as she said before, that the bridge was safe."
    ann = WithVerb("official", 0, len(text), "The mayor", verb="insisted")
    assert V.attribution_word(ann, text) == "insisted"
    assert V.attribution_word(replace(ann, verb=None), text) == "said"   # fallback: the last verb outside quotes


def test_quoted_words_are_not_taken_for_the_verb():
    assert V.find_verb("“I rarely say this, and I never claim it,” Pegov said.") == "said"
    assert V.find_verb("“This factor allowed the enemy to track it,\" he said.") == "said"
    assert V.find_verb("“It was smear and blame.") is None


def test_outside_text_is_escaped_in_the_lens():
    hostile = "The ministry said that <script>alert(1)</script> was <b>safe</b>. Nothing else."
    lens = kit.verb_lens(hostile)
    html = lens.table.value
    assert "<script>" not in html and "<b>safe" not in html and "&lt;script&gt;" in html


def test_every_attribution_verb_in_the_seed_report_is_explained():
    """Lesson 2 shows "every attribution in the report with its verb": none of the seed's verbs
    (the annotator's record, e.g. "cast doubt", "raised the confirmed death toll") may be left as
    "Not in the kit's list of verbs"."""
    from lessons.annotator import analyse
    from lessons.scoring.key import article_text
    from lessons.text.article import load_article
    for text in (load_article().text, article_text()):
        missing = [a.word for a in V.attributions(analyse(text)) if a.word and a.verb is None]
        assert not missing, missing
