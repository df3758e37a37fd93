"""The sentence explorer: stepping, filters, and what it shows of each sentence."""
from __future__ import annotations


import pytest

from lessons import views as W
from view_helpers import tiny_analysis

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder


# --- sentence explorer --------------------------------------------------------------------------

def test_next_and_previous_step_through_the_sentences(seed):
    x = W.sentence_explorer(seed)
    first = x.current
    assert x.previous.disabled
    x.next.click()
    assert x.current is not first and x.slider.value == 2
    x.previous.click()
    assert x.current is first


def test_filtering_by_category_shows_only_those_sentences(seed):
    x = W.sentence_explorer(seed)
    x.category_filter.value = "expert"
    assert x.matching and all("expert" in s.categories for s in x.matching)
    assert x.slider.max == len(x.matching)
    assert "Match 1 of" in x.view.value and "◆ Expert commentary" in x.view.value


def test_filtering_by_speaker_follows_giles_through_the_article(seed):
    x = W.sentence_explorer(seed)
    x.speaker_filter.value = "Keir Giles"
    assert len(x.matching) >= 2 and all(s.source.name == "Keir Giles" for s in x.matching)
    assert "Keir Giles — expert on Russia" in x.view.value


def test_filters_that_match_nothing_say_so_kindly(seed):
    x = W.sentence_explorer(seed)
    x.category_filter.value = "expert"
    x.speaker_filter.value = "Volodymyr Zelenskyy"
    assert x.current is None and "No sentence matches" in x.view.value
    assert x.next.disabled and x.previous.disabled


def test_a_sentence_shows_its_speaker_categories_and_reasons_escaped():
    x = W.sentence_explorer(tiny_analysis())
    x.next.click()
    page = x.view.value
    assert "◆ Expert commentary" in page and "&lt;b&gt;Giles&lt;/b&gt;" in page
    assert "<b>Giles" not in page and "<i>fellow" not in page


def test_reporters_own_words_are_named_as_such():
    assert W.speaker_text(None) == "No named speaker: the reporter's own words."


def test_the_explorer_offers_the_four_categories_and_says_which_part_a_sentence_is_in():
    x = W.sentence_explorer()
    values = [v for _label, v in x.category_filter.options]
    assert values == [x.ANY, "hedge", "official", "expert", "unverified", x.NO_CATEGORY]
    caption = next(n for n, s in enumerate(x.sentences, 1) if s.text.startswith("Mourners gathered"))
    x.slider.value = caption
    assert "Part of the article:</b> Photo caption" in x.view.value
    x.slider.value = 1
    assert "Part of the article:</b> Headline" in x.view.value
    # a sentence with only another voice counts as "no category" among the four
    x.category_filter.value = x.NO_CATEGORY
    assert any(s.text.startswith("At a memorial service") for s in x.matching)
