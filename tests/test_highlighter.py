"""The highlighter: switches, legend, reasons and part labels, driven from Python as a learner would."""
from __future__ import annotations

import re
import time

import pytest

import lessons as kit
from lessons import views as W
from lessons.errors import KitError
from lessons.scoring.key import article_text
from view_helpers import tiny_analysis

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder


SELECTED = re.compile(r'class="[^"]*mlk-selected')


def cats_shown(html: str) -> set[str]:
    return {c for group in re.findall(r'data-cats="([^"]*)"', html) for c in group.split()}


# --- highlighter --------------------------------------------------------------------------------

def test_the_highlighter_shows_the_four_categories_the_lessons_name_all_switched_on(seed):
    h = kit.highlighter(seed)
    assert tuple(h.toggles) == ("hedge", "official", "expert", "unverified")
    assert all(box.value for box in h.toggles.values())
    assert cats_shown(h.html.value) == {"hedge", "official", "expert", "unverified"}
    legend = set(re.findall(r'data-cat="([^"]*)"', h.legend.value))
    assert legend == {"hedge", "official", "expert", "unverified"}
    switches = " ".join(box.description for box in h.toggles.values())
    assert "Other voice" not in switches + h.legend.value


def test_an_extra_layer_comes_only_when_asked_for_and_starts_switched_off(seed):
    h = kit.highlighter(seed, layers=["voice"])
    assert tuple(h.toggles) == ("hedge", "official", "expert", "unverified", "voice")
    assert h.toggles["voice"].value is False
    assert "voice" not in cats_shown(h.html.value)
    h.toggles["voice"].value = True
    assert "voice" in cats_shown(h.html.value)
    asked = kit.highlighter(seed, categories=["voice"])          # naming a layer's category adds it, on
    assert asked.toggles["voice"].value is True and asked.visible == ("voice",)
    with pytest.raises(KitError, match="not a layer"):
        kit.highlighter(seed, layers=["framing-that-does-not-exist"])


def test_turning_off_hedge_removes_hedge_highlights(seed):
    h = kit.highlighter(seed)
    assert "hedge" in cats_shown(h.html.value)
    h.toggles["hedge"].value = False
    assert "hedge" not in cats_shown(h.html.value)
    assert "official" in cats_shown(h.html.value)
    assert "hidden" in h.legend.value
    h.toggles["hedge"].value = True
    assert "hedge" in cats_shown(h.html.value)


def test_only_the_given_categories_start_switched_on(seed):
    h = kit.highlighter(seed, categories=["hedge"])
    assert h.visible == ("hedge",)
    assert cats_shown(h.html.value) == {"hedge"}
    assert kit.highlighter(seed, categories="expert").visible == ("expert",)


def test_an_unknown_category_gets_a_kind_message(seed):
    with pytest.raises(ValueError, match="“hedges” is not a category"):
        kit.highlighter(seed, categories=["hedges"])


def test_the_legend_and_switches_show_the_counts(seed):
    h = kit.highlighter(seed)
    n_hedges = sum(1 for a in seed.annotations if a.category == "hedge")
    assert h.toggles["hedge"].description == f"~ Hedging language ({n_hedges})"
    assert f"({n_hedges})" in h.legend.value


def test_the_reasons_menu_lists_only_visible_highlights_in_reading_order(seed):
    h = kit.highlighter(seed, categories=["hedge"])
    placeholder, *entries = h.reasons.options
    assert placeholder[0].startswith("— choose a highlight")
    assert h.reasons.value == placeholder[1] is not None   # a visible choice, not an empty menu
    labels = [label for label, _ in entries]
    assert labels and all(re.match(r"\d+\. ~ Hedge: ", label) for label in labels)
    starts = [seed.annotations[v].start for _, v in entries]
    assert starts == sorted(starts)


def test_choosing_a_highlight_shows_its_reason_and_marks_it(seed):
    h = kit.highlighter(seed)
    index = next(i for i, a in enumerate(seed.annotations) if a.category == "hedge")
    h.reasons.value = index
    ann = seed.annotations[index]
    assert h.selected == ann
    assert SELECTED.search(h.html.value)
    assert ann.explanation.split("“")[0][:20] in h.reason.value.replace("&#x27;", "'").replace("&quot;", '"')
    assert "Clue word(s)" in h.reason.value and "Rule" in h.reason.value
    h.toggles["hedge"].value = False           # the chosen highlight is hidden: the choice clears
    assert h.selected is None and not SELECTED.search(h.html.value)


def test_switching_categories_does_not_annotate_again(seed, monkeypatch):
    h = kit.highlighter(seed)
    import lessons.annotator as annotator
    start = time.process_time()
    annotator.analyse(article_text())
    annotating = time.process_time() - start
    monkeypatch.setattr(annotator, "analyse", lambda text: pytest.fail("annotated again"))
    shown = h.html.value
    for box in h.toggles.values():
        box.value = False
    assert h.html.value != shown                   # the switches did redraw the article
    for box in h.toggles.values():
        box.value = True
    assert h.html.value == shown
    start = time.process_time()
    for _ in range(5):
        for box in h.toggles.values():
            box.value = not box.value
    per_switch = (time.process_time() - start) / (5 * len(h.toggles))
    assert per_switch < annotating, "a switch costs as much as annotating the article again"


def test_the_same_text_is_analysed_once(article_module):
    text = "Officials said the toll may rise.\n\nExperts said it would not."
    assert W.analysis_of(text) is W.analysis_of(text)


def test_article_text_never_reaches_the_page_as_markup():
    h = kit.highlighter(tiny_analysis())
    assert "<b>Giles</b>" not in h.html.value
    assert "&lt;b&gt;Giles&lt;/b&gt;" in h.html.value
    h.reasons.value = 2
    assert "<b>Giles" not in h.reason.value and "<says>" not in h.reason.value
    assert "&lt;says&gt;" in h.reason.value


def test_the_highlighter_opens_the_seed_article_by_default(article_module):
    h = kit.highlighter()
    assert "Makiivka" in h.text and h.annotations


def test_the_highlighter_labels_headline_dek_body_alt_text_captions_and_credits():
    h = kit.highlighter()       # the seed, as an article: it knows its parts
    labels = re.findall(r'<span class="mlk-sect mlk-sect-([a-z_]+)" data-part="([^"]+)">', h.html.value)
    kinds = [k for k, _ in labels]
    assert kinds[:3] == ["headline", "dek", "paragraph"]
    assert kinds.count("image_title") == 2 and kinds.count("caption") == 2 and kinds.count("credit") == 2
    assert ("credit", "Photo credit") in labels and ("image_title", "Photo description (alt text)") in labels
    credit = re.search(r'data-part="Photo credit">([^<]*)</span>', h.html.value)
    assert credit and credit.group(1) == "Arden Arkman / AFP - Getty Images"


def test_every_highlight_in_the_highlighter_has_a_button_that_opens_its_reason(seed):
    h = kit.highlighter(seed)
    html = h.html.value
    shown = [i for i, a in enumerate(h.annotations) if a.category in h.visible]
    for i in shown:
        assert f'popovertarget="{h.reasons_id}-r{i}"' in html and f'id="{h.reasons_id}-r{i}"' in html
    assert "click or tap it" in h.reason.value and "Tab" in h.reason.value
    other = kit.highlighter(seed)
    assert other.reasons_id != h.reasons_id       # two highlighters on one page open their own reasons


def test_reasons_never_make_a_plural_speaker_the_subject_of_a_singular_verb(seed):
    import yaml
    from lessons.data import data_path
    templates = yaml.safe_load(data_path("rules", "explanations.yaml").read_text(encoding="utf-8"))
    for key, words in templates.items():
        assert not re.search(r"\{source\},?\s+(?:[a-z ,]+,\s+)?(?:is|speaks|says|was|has)\b", str(words)), key
    reasons = " ".join(a.explanation for a in seed.annotations)
    assert "Officials in Kyiv speaks" not in reasons and "Experts is" not in reasons


def test_a_menu_entry_names_no_cue_the_highlight_does_not_contain(seed):
    """The seed's headline is contested because Pegov "cast doubt" paragraphs later: its menu entry
    must not read "Unverified: ‘cast doubt’ — Russia blames …", and its reason says where the cue is."""
    from lessons.render.html import cue_elsewhere
    from lessons.views.highlighter import annotation_label, reason_html
    text = seed.text
    away = [a for a in seed.annotations if a.cue and cue_elsewhere(a.text_in(text), a.cue)]
    assert any(a.rule == "unverified.contested" for a in away), "the seed has a contested claim"
    for a in away:
        assert f"‘{a.cue}’" not in annotation_label(text, a)
        assert "in another sentence" in reason_html(text, a)
    here = next(a for a in seed.annotations if a.category == "hedge")
    assert f"‘{here.cue}’" in annotation_label(text, here)
