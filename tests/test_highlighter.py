"""The notebook views, driven from Python as a learner would drive them in the browser."""
from __future__ import annotations

import re
import time
from pathlib import Path
from datetime import datetime, timezone

import pytest

from lessons.learner import progress as P
import lessons as kit
from lessons import views as W
from lessons.scoring import agreement as A
from lessons.views import bring_your_own as bring_your_own_view
from lessons.views import messages
from lessons.annotator.model import Annotation
from lessons.errors import KitError
from lessons.annotator import Analysis, SentenceAnalysis, Speaker, analyse
from lessons.scoring.key import KeyUnit, article_text, load_key

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder




@pytest.fixture(scope="module")
def seed():
    """The seed article, analysed by the real annotator."""
    return analyse(article_text())


@pytest.fixture
def article_module():
    """The article reader (``lessons.text.article``), which turns pasted text and files into articles."""
    import lessons.text.article
    return lessons.text.article


def tiny_analysis(text: str | None = None) -> Analysis:
    """A hand-made analysis: two sentences, a hedge, an official statement and an expert."""
    text = text or "The toll may be higher, officials said. <b>Giles</b> & co said it was a setback."
    first_end = text.index(".") + 1
    minister = Speaker("officials", "official", "")
    giles = Speaker("<b>Giles</b>", "expert", "an expert & <i>fellow</i>")
    hedge = Annotation("hedge", text.index("may"), text.index("may") + 3, "may", "hedge.modal",
                       "“May” makes it less certain.")
    official = Annotation("official", 0, first_end, "officials said", "official.attribution",
                          "Officials said this.", "officials")
    expert = Annotation("expert", first_end + 1, len(text), "said", "expert.attribution",
                        "An expert <says> this.", "<b>Giles</b>")
    s1 = SentenceAnalysis(0, 0, first_end, text[:first_end], 0, frozenset({"hedge", "official"}),
                          minister, (hedge, official))
    s2 = SentenceAnalysis(1, first_end + 1, len(text), text[first_end + 1:], 0, frozenset({"expert"}),
                          giles, (expert,))
    return Analysis(text, (hedge, official, expert), (s1, s2), (minister, giles))


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


# --- comparing with the key ---------------------------------------------------------------------

def unit(uid, labels, optional=(), note=""):
    return KeyUnit(uid, f"Sentence {uid}.", 0, 1, frozenset(labels), frozenset(optional), (), (), None,
                   None, note)


def test_perfect_agreement_gives_kappa_one():
    key = load_key()
    comparison = A.compare_with_key({u.id: set(u.labels) for u in key}, key)
    assert comparison.kappa == {"hedge": 1.0, "official": 1.0, "expert": 1.0, "unverified": 1.0}
    assert comparison.disagreements == () and comparison.units_compared == len(key)


def test_kappa_matches_a_hand_computed_case():
    # hedge: key yes,yes,no,no; learner yes,no,no,no → Ao = 3/4; Ae = 1/4*2/4 + 3/4*2/4 = 1/2
    # kappa = (3/4 - 1/2) / (1 - 1/2) = 0.5
    key = [unit("a", {"hedge"}), unit("b", {"hedge"}), unit("c", ()), unit("d", ())]
    comparison = A.compare_with_key({"a": {"hedge"}, "b": {"none"}, "c": {"none"}, "d": {"none"}}, key)
    hedge = comparison["hedge"]
    assert hedge.kappa == pytest.approx(0.5)
    assert (hedge.hits, hedge.misses, hedge.false_alarms, hedge.units) == (1, 1, 0, 4)
    assert hedge.agreement == pytest.approx(0.75)


def test_opposite_answers_give_negative_kappa():
    key = [unit("a", {"expert"}), unit("b", ())]
    assert A.compare_with_key({"a": set(), "b": {"expert"}}, key).kappa["expert"] == pytest.approx(-1.0)


def test_optional_categories_are_skipped():
    key = [unit("a", {"official"}, optional={"unverified"}, note="Doubted later.")]
    comparison = A.compare_with_key({"a": {"official", "unverified"}}, key)
    assert comparison["unverified"].units == 0 and comparison["unverified"].kappa is None
    assert comparison["unverified"].skipped_optional == 1
    assert comparison.disagreements == ()


def test_each_disagreement_carries_the_keys_note():
    key = [unit("a", {"hedge", "unverified"}, note="“Unconfirmed” does two jobs."), unit("b", ())]
    comparison = A.compare_with_key({"a": {"hedge", "official"}, "b": set()}, key)
    found = {(d.unit_id, d.category, d.learner, d.key) for d in comparison.disagreements}
    assert found == {("a", "official", True, False), ("a", "unverified", False, True)}
    assert all(d.note == "“Unconfirmed” does two jobs." for d in comparison.disagreements)
    page = W.comparison_html(comparison)
    assert "does two jobs" in page and "you marked it, the key does not" in page


def test_only_the_sentences_the_learner_marked_are_compared():
    key = [unit("a", {"hedge"}), unit("b", {"official"})]
    comparison = A.compare_with_key({"a": {"hedge"}}, key)
    assert comparison.units_compared == 1 and comparison.units_total == 2
    assert comparison.disagreements == ()


def test_a_category_nobody_marked_gets_no_kappa_not_a_perfect_one():
    key = [unit("a", {"hedge"}), unit("b", ())]
    comparison = A.compare_with_key({"a": {"hedge"}, "b": set()}, key)
    page = W.comparison_html(comparison)
    row = re.search(r"Expert commentary</th>(.*?)</tr>", page).group(1)
    assert "1.00" not in row and "almost perfect" not in row and "nobody marked it" in row
    hedge_row = re.search(r"Hedging language</th>(.*?)</tr>", page).group(1)
    assert "1.00" in hedge_row and "almost perfect agreement" in hedge_row   # both marked it: real agreement


def test_every_button_in_the_kits_views_is_as_wide_as_its_words():
    import ipywidgets
    views = [kit.learner_annotator(), W.sentence_explorer(), kit.bring_your_own(),
             W.Reflection("lesson-0-w", "Why?", P.current_progress(), save_delay=0), W.handout_button()]

    def buttons(widget):
        if isinstance(widget, ipywidgets.Button):
            yield widget
        for child in getattr(widget, "children", ()) or ():
            yield from buttons(child)

    found = [b for v in views for b in buttons(v.widget)]
    assert any(b.description == "Compare with the key" for b in found)
    for b in found:
        assert b.layout.width == "auto" and b.layout.min_width == "max-content", b.description


def test_kappa_in_words_follows_landis_and_koch():
    assert A.kappa_words(0.9) == "almost perfect agreement"
    assert A.kappa_words(0.5) == "moderate agreement"
    assert A.kappa_words(-0.2) == "less than chance"
    assert A.kappa_words(0.0) == "no better than chance"
    assert A.kappa_words(None) == "nothing to compare"


def test_the_learner_annotator_saves_ticks_and_compares():
    a = kit.learner_annotator()
    first = a.current
    assert first.text in a.unit_view.value or W.e(first.text) in a.unit_view.value
    for cat in first.labels or {"none"}:
        a.checkboxes[first.id][cat].value = True
    a.next.click()
    assert a.current is not first
    a.compare_button.click()
    assert a.comparison.units_compared == 1 and a.comparison.disagreements == ()
    assert "You agree with the key" in a.result.value
    P._INSTANCES.clear()
    again = kit.learner_annotator()
    assert {c for c, box in again.checkboxes[first.id].items() if box.value} == set(first.labels or {"none"})


def test_none_of_these_and_a_category_exclude_each_other_in_the_annotator():
    a = kit.learner_annotator()
    boxes = a.checkboxes[a.current.id]
    boxes["hedge"].value = True
    boxes["none"].value = True
    assert not boxes["hedge"].value
    boxes["official"].value = True
    assert not boxes["none"].value


def test_comparing_before_marking_anything_explains_what_to_do():
    a = kit.learner_annotator()
    a.compare_button.click()
    assert "Nothing to compare yet" in a.result.value


# --- bring your own ---------------------------------------------------------------------------

REPORT = ("Officials said on Monday that at least 12 people were killed. The toll may rise, "
          "according to the local governor. \"We could not verify these claims,\" the agency said.")


def test_pasted_text_gets_the_same_highlighter_and_the_judgement_note(article_module):
    b = kit.bring_your_own()
    b.text_area.value = REPORT
    b.analyse_button.click()
    assert b.highlighter is not None and b.result.children == (b.highlighter.widget,)
    assert "hedge" in cats_shown(b.highlighter.html.value)
    assert "not a verdict" in b.note.value and "mlk-note-ok" in b.message.value


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_gets_a_kind_message_and_the_widget_stays_usable(article_module, text):
    b = kit.bring_your_own()
    b.text_area.value = text
    b.analyse_button.click()
    assert "mlk-note-warn" in b.message.value and "Traceback" not in b.message.value
    assert b.highlighter is None
    b.text_area.value = REPORT
    b.analyse_button.click()
    assert b.highlighter is not None


def test_a_text_far_too_long_gets_a_kind_message(article_module):
    b = kit.bring_your_own()
    b.analyse_text("word " * 2_000_000)
    assert "mlk-note-warn" in b.message.value and "Traceback" not in b.message.value


def _upload(b, name, content):
    b.upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                       "last_modified": datetime(2025, 1, 1, tzinfo=timezone.utc)},)


def test_an_uploaded_text_file_is_analysed_straight_away(article_module):
    b = kit.bring_your_own()
    _upload(b, "report.txt", REPORT.encode("utf-8"))
    assert b.highlighter is not None and "report.txt" in b.message.value
    assert b.upload.value == ()


def test_an_uploaded_web_page_is_read_as_text(article_module):
    b = kit.bring_your_own()
    page = f"<html><head><title>A page</title><script>alert(1)</script></head><body><p>{REPORT}</p></body></html>"
    _upload(b, "page.html", page.encode("utf-8"))
    assert b.highlighter is not None
    assert "alert(1)" not in b.highlighter.text and "<p>" not in b.highlighter.text


@pytest.mark.parametrize("name, content", [
    ("photo.txt", bytes(range(256)) * 4),                    # binary
    ("latin.txt", "Caf\xe9 \xab cr\xe8me \xbb".encode("latin-1") * 10),  # not UTF-8
    ("slides.pdf", b"%PDF-1.4 ..."),                         # a file type the kit does not read
])
def test_a_bad_upload_gets_a_kind_message_and_nothing_breaks(article_module, name, content):
    b = kit.bring_your_own()
    _upload(b, name, content)
    assert "mlk-note-warn" in b.message.value and "Traceback" not in b.message.value
    assert name in b.message.value
    b.analyse_text(REPORT)
    assert b.highlighter is not None


def test_an_unexpected_failure_is_still_shown_kindly(article_module, monkeypatch):
    b = kit.bring_your_own()
    monkeypatch.setattr(bring_your_own_view, "cached_analysis", lambda text: 1 / 0)
    b.analyse_text(REPORT)
    assert "Something" in b.message.value and "<details" in b.message.value
    assert "<pre" in b.message.value   # the technical detail is folded away, not shown


# --- reflection ---------------------------------------------------------------------------------

def test_saving_an_empty_reflection_says_nothing_was_saved_and_keeps_nothing_blank():
    progress = P.current_progress()
    r = W.Reflection("lesson-0-empty", "Where do you get your news?", progress, save_delay=0)
    r.text.value = "   "
    r.save()
    assert "Saved" not in r.status.value and "empty" in r.status.value
    assert progress.get("reflections", "lesson-0-empty", None) is None
    r.text.value = "The radio."
    assert "Saved" in r.status.value

def test_a_reflection_is_saved_as_the_learner_types_and_restored():
    r = W.Reflection("lesson-0-hello", "Where do you get your news?", P.current_progress(), save_delay=0)
    r.text.value = "On my phone, <mostly>."
    assert P.current_progress().get("reflections", "lesson-0-hello") == "On my phone, <mostly>."
    assert "Saved" in r.status.value
    P._INSTANCES.clear()
    again = kit.reflection("lesson-0-hello", "Where do you get your news?")
    assert again.text.value == "On my phone, <mostly>."


def test_typing_is_saved_once_the_learner_pauses():
    r = W.Reflection("r", "Prompt", P.current_progress(), save_delay=0.05)
    for word in ("I", "I think", "I think so"):
        r.text.value = word
    assert P.current_progress().get("reflections", "r") is None
    deadline = time.time() + 60         # a guard against a hang, not a speed test
    while P.current_progress().get("reflections", "r") is None and time.time() < deadline:
        time.sleep(0.02)
    assert P.current_progress().get("reflections", "r") == "I think so"


def test_the_save_button_saves_at_once():
    r = W.Reflection("r", "Prompt", P.current_progress(), save_delay=60)
    r.text.value = "Written"
    r.save_button.click()
    assert P.current_progress().get("reflections", "r") == "Written"


def test_the_prompt_is_shown_as_text_not_markup():
    r = kit.reflection("x", "<script>alert(1)</script> Why?")
    assert "<script>" not in r.prompt.value and "&lt;script&gt;" in r.prompt.value
    assert r.text.description == "Your answer"


# --- handout ------------------------------------------------------------------------------------

def test_the_handout_is_written_and_offered_with_a_relative_download_link(seed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    h = W.HandoutButton(seed, title="Russia blames <phones>")
    h.button.click()
    assert h.path is not None and h.path.exists() and h.path.parent == tmp_path / "handouts"
    page = h.path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Makiivka" in page
    href = re.search(r'href="([^"]+)"', h.link_html).group(1)
    assert href == f"handouts/{h.path.name}" and not href.startswith(("/", "http"))
    assert f'download="{h.path.name}"' in h.link_html
    assert "ready" in h.message.value


def test_a_handout_that_cannot_be_written_is_explained(seed, tmp_path, monkeypatch):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder should be")
    h = W.HandoutButton(seed, folder=blocker / "handouts")
    assert h.make() is None and "could not be written" in h.message.value


def test_handout_button_uses_the_seed_by_default(article_module, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    h = W.handout_button()
    assert "Makiivka" in h.analysis.text


# --- setup and friendly errors ------------------------------------------------------------------

def test_setup_is_harmless_outside_ipython_and_returns_nothing():
    assert W.setup() is None
    assert W.setup() is None


class FakeShell:
    execution_count = 1

    def __init__(self):
        self.handlers = []

    def set_custom_exc(self, exc_tuple, handler):
        self.handlers.append((exc_tuple, handler))


def test_setup_installs_the_friendly_handler_and_can_run_twice(monkeypatch):
    shell = FakeShell()
    monkeypatch.setattr(messages, "ipython_shell", lambda: shell)
    W.setup()
    W.setup()
    assert len(shell.handlers) == 2 and shell.handlers[-1][0] == (Exception,)
    shown = []
    import IPython.display
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    try:
        undefined_name  # noqa: F821
    except NameError as exc:
        stb = shell.handlers[-1][1](shell, NameError, exc, exc.__traceback__)
    assert stb == ["The computer does not know the name “undefined_name”. The box above says what to try."]
    box = shown[0].data
    assert "Run All Above" in box and "<details" in box and "Traceback" in box


def test_setup_tells_the_learner_when_their_progress_file_was_set_aside(monkeypatch, progress_dir):
    progress_dir.mkdir(parents=True, exist_ok=True)
    (progress_dir / "my-progress.json").write_bytes(b"{broken")
    shell = FakeShell()
    monkeypatch.setattr(messages, "ipython_shell", lambda: shell)
    shown = []
    import IPython.display
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    W.setup()
    W.setup()
    assert len(shown) == 1 and "About your saved work" in shown[0].data


@pytest.mark.parametrize("exc, words", [
    (NameError("name 'kit' is not defined", name="kit"), "The kit is not loaded yet."),
    (ModuleNotFoundError("No module named 'lessons'"), "Kernel → Restart Kernel"),
    (FileNotFoundError(2, "No such file", "my-article.txt"), "my-article.txt"),
    (TypeError("bad"), "quotation marks and brackets"),
    (RuntimeError("odd"), "Kernel → Restart Kernel"),
])
def test_every_error_gets_a_short_kind_message_with_something_to_try(exc, words):
    title, todo = W.friendly_error(exc)
    assert words in title + " " + todo
    assert len(title) < 120


def test_the_error_box_escapes_the_detail_and_folds_it_away():
    page = W.friendly_error_html(ValueError("<img src=x onerror=alert(1)>"), detail="<script>x</script>")
    assert "<script>" not in page and "<img" not in page
    assert re.search(r"<details[^>]*><summary>Technical details", page)


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


def test_every_view_counts_the_same_36_sentences_as_the_answer_key():
    import lessons.lessonkit as lk
    key_texts = [u.text for u in load_key()]
    x = W.sentence_explorer()
    assert [s.text for s in x.sentences] == key_texts        # photo credits are names, not sentences
    assert x.slider.max == len(key_texts) == 36
    assert [p.text for p in lk.pieces()] == key_texts


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


SECOND_ARTICLE = Path(__file__).resolve().parents[1] / "benchmarks" / "heldout" / "harsk-drone-strike.txt"


@pytest.mark.parametrize("which", ["seed", "second article"])
def test_the_charts_explorer_and_highlighter_count_the_same_sentences_and_categories(which):
    from lessons.views.charts import figure_rows, hedges_by_sentence, speaker_counts
    article = None if which == "seed" else SECOND_ARTICLE.read_text(encoding="utf-8")
    reading = W.read(article)
    x = W.sentence_explorer(article)
    h = kit.highlighter(article)
    n = len(x.sentences)
    assert n == len(reading.sentences) == len(hedges_by_sentence(reading)) == x.slider.max
    assert sum(k for _who, _kind, k in speaker_counts(reading)) == n
    assert sum(k for _who, _kind, k in speaker_counts(reading, by="person")) == n
    assert tuple(h.toggles) == tuple(v for _l, v in x.category_filter.options[1:-1]) == (
        "hedge", "official", "expert", "unverified")
    hedges = sum(len(c) for _n, c in hedges_by_sentence(reading))
    assert hedges == h.counts["hedge"] == sum(1 for a in reading.analysis.annotations if a.category == "hedge")
    if which == "seed":
        assert n == 36
    else:
        assert figure_rows(reading) and all("real number" not in r.label for r in figure_rows(reading))


def test_no_view_shows_doubled_punctuation_on_the_seed():
    import html as H
    h = kit.highlighter()
    shown = [h.html.value]
    for index in range(len(h.annotations)):
        if h.annotations[index].category in h.visible:
            h.reasons.value = index
            shown.append(h.reason.value)
    x = W.sentence_explorer()
    for n in range(1, len(x.sentences) + 1):
        x.slider.value = n
        shown.append(x.view.value)
    doubled = re.compile(r"““|””|\.”\.|,\.|\.,|\.\.(?!\.)|\?\.|;;")
    for page in shown:
        text = H.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))
        found = doubled.search(text)
        assert not found, text[max(0, found.start() - 80):found.end() + 20]


def test_a_pasted_report_in_bring_your_own_has_its_headline_labelled():
    b = kit.bring_your_own()
    b.analyse_text("Storm closes port\nOfficials said the port may reopen on Monday.")
    assert 'data-part="Headline">' in b.highlighter.html.value


def test_reasons_never_make_a_plural_speaker_the_subject_of_a_singular_verb(seed):
    import yaml
    from lessons.data import data_path
    templates = yaml.safe_load(data_path("rules", "explanations.yaml").read_text(encoding="utf-8"))
    for key, words in templates.items():
        assert not re.search(r"\{source\},?\s+(?:[a-z ,]+,\s+)?(?:is|speaks|says|was|has)\b", str(words)), key
    reasons = " ".join(a.explanation for a in seed.annotations)
    assert "Officials in Kyiv speaks" not in reasons and "Experts is" not in reasons
