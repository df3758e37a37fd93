"""Framing words (the reporter's own evaluative words) are found only in the reporter's own voice,
shown as an extra highlight layer that is off at first, and never change annotate() or scores.
Translated quotes are data on the article and shown beside the quote."""
from __future__ import annotations

import re

import pytest

import lessons as kit
from lessons.annotator import analyse, annotate
from lessons.annotator.framing import FRAMING, find_framing, framing_about, framing_cues
from lessons.text.article import load_article
from lessons.text.translations import translation_at, translations, translations_for


@pytest.fixture(scope="module")
def seed_analysis():
    return analyse(load_article().text)


def test_the_issues_examples_are_found_in_the_seed(seed_analysis):
    found = [(a.cue.lower(), seed_analysis.text[a.start:a.end]) for a in find_framing(seed_analysis)]
    words = [w for w, _ in found]
    assert words.count("struggling") == 2 and "embarrassing" in words
    assert all(a.category == FRAMING and a.source is None for a in find_framing(seed_analysis))
    assert all(a.explanation.startswith("Framing:") for a in find_framing(seed_analysis))


def test_framing_is_found_only_in_the_reporters_own_voice():
    text = ("The minister said the struggling scheme would be saved. "
            "The struggling scheme lost money again. "
            "“It was an embarrassing defeat,” the coach said. "
            "Fans watched an embarrassing defeat.")
    analysis = analyse(text)
    spans = [(a.start, text[a.start:a.end]) for a in find_framing(analysis)]
    assert spans == [(text.index("The struggling") + 4, "struggling"),
                     (text.index("Fans watched an embarrassing") + 16, "embarrassing")]


def test_framing_never_changes_annotate_or_the_scores(seed_analysis):
    text = seed_analysis.text
    before = annotate(text)
    assert find_framing(seed_analysis)
    assert annotate(text) == before
    assert all(a.category != FRAMING for a in analyse(text).annotations)
    from lessons.scoring.key import load_key
    from lessons.scoring.metrics import evaluate
    assert evaluate(load_key(), text) == evaluate(load_key(), text)
    assert FRAMING not in kit.CATEGORIES


def test_framing_words_are_data_with_why_and_an_example():
    cues = framing_cues()
    assert len(cues) >= 5 and framing_about()
    assert all(c.why and c.example and c.words for c in cues)
    assert any("struggling" in c.words for c in cues)


def test_the_highlighter_shows_framing_as_a_layer_that_is_off_at_first():
    plain = kit.highlighter()
    assert "framing" not in plain.toggles
    assert all(a.category != FRAMING for a in plain.annotations)
    h = kit.highlighter(layers=["framing"])
    assert "framing" in h.toggles and h.toggles["framing"].value is False
    marked = re.compile(r'data-cats="[^"]*framing')
    assert "framing" not in h.visible and not marked.findall(h.html.value)
    h.toggles["framing"].value = True
    assert h.counts["framing"] == 5
    assert len(marked.findall(h.html.value)) == 5
    # The annotator's own highlights keep their places (framing is added after them).
    assert h.annotations[:len(plain.annotations)] == plain.annotations


def test_an_unknown_layer_gets_a_kind_message():
    from lessons.errors import KitError
    with pytest.raises(KitError, match="is not a layer"):
        kit.highlighter(layers=["gossip"])


def test_the_seeds_translated_quotes_are_data_and_placed_on_the_quotes(seed_article):
    notes = translations(seed_article)
    assert [t.language for t in notes] == ["Russian", "Russian", "Russian", "Ukrainian"]
    text = seed_article.text
    assert text[notes[0].start:].startswith("“It is already obvious")
    assert text[notes[2].start:notes[2].end].endswith("smear the blame.”")   # not the reporter's next sentence
    assert "Zelenskyy" in notes[3].speaker
    giles = text.index("It is completely plausible")
    assert translation_at(notes, giles, giles + 10) is None                 # Giles spoke English
    assert translations_for("Pasted text, not one of the kit's articles.") == ()


def test_translation_notes_are_shown_beside_the_quote_in_the_highlighter_and_the_explorer():
    h = kit.highlighter()
    assert "Quotes in translation (4)" in h.translation_box.value
    zelenskyy = max(i for i, a in enumerate(h.annotations) if a.source and "Zelenskyy" in a.source)
    h.select(zelenskyy)
    assert "Translated from Ukrainian" in h.reason.value
    giles = next(i for i, a in enumerate(h.annotations) if a.source and "Giles" in a.source)
    h.select(giles)
    assert "Translated from" not in h.reason.value
    x = kit.sentence_explorer()
    x.slider.value = len(x.sentences)
    assert "<b>Translation:</b> Translated from Ukrainian" in x.view.value
    x.slider.value = 1
    assert "Translation:" not in x.view.value


def test_framing_and_translation_text_is_escaped():
    text = "The <b>struggling</b> <script>x</script> plan failed. Officials said <i>nothing</i>."
    h = kit.highlighter(text, layers=["framing"])
    h.toggles["framing"].value = True
    assert "<script>x" not in h.html.value and "&lt;script&gt;" in h.html.value
    index = next(i for i, a in enumerate(h.annotations) if a.category == FRAMING)
    h.select(index)
    assert "<script>" not in h.reason.value


def test_a_mistake_in_framing_yaml_is_named_with_the_file_and_field(tmp_path):
    from lessons.annotator.schema import RulesError, read_rule_file
    from lessons.data import data_path
    text = data_path("rules", "framing.yaml").read_text(encoding="utf-8")
    (tmp_path / "framing.yaml").write_text(text.replace("    why: It judges how well", "    wy: It judges how well", 1),
                                           encoding="utf-8")
    with pytest.raises(RulesError, match=r"framing.yaml, rule 1: unknown field 'wy' \(did you mean 'why'\?\)"):
        read_rule_file(tmp_path, "framing.yaml")
