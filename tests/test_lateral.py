"""Lesson 05, lateral reading: its data, the pure checks, and the views driven as a learner would."""
from __future__ import annotations

import json
import re

import pytest
import yaml

import lessons as kit
from lessons import lateral as L
from lessons.learner import progress as P
from lessons.render import lateral as R
from lessons.views import lateral as V
from lessons.data import data_path

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\""
FETCHING_TAGS = re.compile(r"<(script|img|iframe|link|object|embed|audio|video|source)\b", re.I)


def saved_file(progress_dir) -> dict:
    return json.loads((progress_dir / "my-progress.json").read_text(encoding="utf-8"))


def raw_yaml(name: str) -> dict:
    return yaml.safe_load(data_path("lateral", name).read_text(encoding="utf-8"))


# --- the data -----------------------------------------------------------------------------------

def test_there_is_a_card_for_every_source_the_lesson_investigates():
    cards = {c.id: c for c in L.load_sources()}
    assert {"nbc-news", "ria-sputnik", "war-bloggers", "uk-defence-intelligence",
            "ukraine-stratcom", "rferl"} <= set(cards)
    for card in cards.values():
        assert card.runs and card.pays and card.record and card.check and card.from_
        assert card.link.url.startswith("https://")
        assert card.question.answer in card.question.options


def test_russian_state_media_is_labelled_as_such():
    card = next(c for c in L.load_sources() if c.id == "ria-sputnik")
    assert card.kind == "Russian state media"
    report = L.load_coverage().report("sputnik")
    assert "Russian state media" in report.outlet


def test_every_card_question_marks_its_answer_right_and_explains_every_wrong_option():
    for card in L.load_sources():
        assert L.check_card(card, card.question.answer).correct
        for option in card.question.options:
            if option != card.question.answer:
                feedback = L.check_card(card, option)
                assert not feedback.correct
                assert card.question.feedback.get(option), (card.id, option)
                assert card.question.feedback[option] in feedback.message


def test_the_toll_table_holds_each_figure_with_who_gave_it():
    table = L.load_coverage().tables["toll"]
    subjects = " ".join(r.subject for r in table.rows)
    for figure in ("63", "89", "about 400", "about 500", "about 140 names"):
        assert figure in subjects
    who = {r.subject.split()[0] if not r.subject.startswith("about") else r.subject.split()[1]:
           r.values["said_by"] for r in table.rows}
    assert who["63"] == who["89"] == "Russia's Defense Ministry"
    assert "Ukraine" in who["400"] and "Kyiv" in who["500"] and "memorial" in who["140"]


def test_every_quotation_from_the_report_is_found_in_it_word_for_word(seed_raw):
    for trace in L.load_traces():
        assert trace.start_quote in seed_raw, trace.id
        for step in trace.steps:
            if "of the report" in step.found_where or "caption" in step.found_where:
                for part in step.found_text.split(" ... "):
                    assert part in seed_raw, (trace.id, part)


def test_the_death_toll_trace_ends_at_the_ministrys_statement_and_its_date():
    trace = L.find_trace("death-toll")
    assert "89" in trace.start_quote
    assert "Defense Ministry" in trace.origin_who and "Telegram" in trace.origin_where
    assert "3 January 2023" in trace.origin_date


def test_the_photo_trace_ends_at_the_agency_credit(seed_raw):
    trace = L.find_trace("photo-caption")
    assert "more than 60" in trace.start_quote
    credit = trace.steps[0].found_text
    assert credit == "Arden Arkman / AFP - Getty Images" and credit in seed_raw
    assert "AFP" in trace.origin_who and "not certain" in trace.origin_date


def test_outside_reports_name_their_outlet_date_and_link():
    for report in L.load_coverage().reports:
        assert report.outlet and report.date_label and report.toll and report.cause
        assert report.link.url.startswith("https://")


@pytest.mark.parametrize("name", ["sources.yaml", "coverage.yaml", "traces.yaml", "prompts.yaml"])
def test_the_data_folder_readme_describes_every_file(name):
    assert f"`{name}`" in data_path("lateral", "README.md").read_text(encoding="utf-8")


# --- broken data is refused with the file and the entry named ---------------------------------------

def test_a_card_answer_that_is_not_an_option_is_refused():
    data = raw_yaml("sources.yaml")
    data["cards"][0]["question"]["answer"] = "Something else"
    with pytest.raises(L.LateralDataError, match=r"sources.yaml, card 'nbc-news'.*not one of the options"):
        L.parse_sources(data)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://example.org/", "https://a b"])
def test_a_link_that_is_not_a_plain_https_address_is_refused(url):
    data = raw_yaml("sources.yaml")
    data["cards"][1]["link"]["url"] = url
    with pytest.raises(L.LateralDataError, match="https://"):
        L.parse_sources(data)


def test_a_row_with_an_unknown_side_or_report_is_refused():
    data = raw_yaml("coverage.yaml")
    data["tables"]["toll"]["rows"][0]["side"] = "martians"
    with pytest.raises(L.LateralDataError, match="martians"):
        L.parse_coverage(data)
    data = raw_yaml("coverage.yaml")
    data["tables"]["toll"]["rows"][0]["reported_by"] = ["nowhere"]
    with pytest.raises(L.LateralDataError, match="nowhere"):
        L.parse_coverage(data)


def test_a_damaged_data_file_gives_a_kind_message_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "sources.yaml").write_text("cards: [unclosed", encoding="utf-8")
    monkeypatch.setattr(L.content, "DATA_DIR", tmp_path)
    view = kit.source_cards()
    assert isinstance(view, V.MessageView)
    assert "could not be read" in view.html.value and "sources.yaml" in view.html.value


# --- checking the coverage table ------------------------------------------------------------------

def right_answers(table):
    return {r.id: dict(r.values) for r in table.rows}


def test_a_table_filled_rightly_is_all_correct_and_names_who_reported_each_figure():
    coverage = L.load_coverage()
    for table in coverage.tables.values():
        result = L.check_table(table, right_answers(table), coverage)
        assert result.all_correct and result.correct_count == len(table.rows)
        for row in table.rows:
            message = result.row(row.id).message
            assert row.values["said_by"] in message
            for rid in row.reported_by:
                assert coverage.report(rid).outlet in message


def test_no_figure_is_ever_called_the_real_number():
    coverage = L.load_coverage()
    table = coverage.tables["toll"]
    messages = [rc.message for rc in L.check_table(table, right_answers(table), coverage).rows]
    messages += [rc.message for rc in L.check_table(table, {}, coverage).rows]
    assert not any("real number" in m for m in messages)
    assert "No figure here is \"the real number\"" in table.intro


def test_a_wrong_menu_is_named_without_giving_the_answer_away():
    coverage = L.load_coverage()
    table = coverage.tables["toll"]
    answers = right_answers(table)
    answers["toll-400"]["said_by"] = "Russia's Defense Ministry"
    result = L.check_table(table, answers, coverage)
    row = result.row("toll-400")
    assert not row.correct and row.filled and row.wrong == ("said_by",)
    assert "Who said it" in row.message and "Ukraine" not in row.message
    assert result.correct_count == len(table.rows) - 1


def test_a_row_left_empty_asks_for_every_menu():
    coverage = L.load_coverage()
    table = coverage.tables["toll"]
    row = L.check_table(table, {"toll-63": {"said_by": "Russia's Defense Ministry"}}, coverage).row("toll-63")
    assert not row.filled and not row.correct and row.wrong == ()
    assert "Their side" in row.message and "When they said it" in row.message


def test_a_wrong_side_points_to_the_cards_and_a_wrong_date_to_the_day_it_was_said():
    coverage = L.load_coverage()
    table = coverage.tables["toll"]
    answers = right_answers(table)
    answers["toll-89"].update(side="ukraine-gov", when="Sun 1 Jan 2023")
    row = L.check_table(table, answers, coverage).row("toll-89")
    assert row.wrong == ("side", "when")
    assert "source cards" in row.message and "day the report says it was said" in row.message


def test_menus_list_their_choices_in_an_order_that_gives_nothing_away():
    table = L.load_coverage().tables["toll"]
    for column, options in table.options.items():
        values = [v for _, v in options]
        if column != "side":
            assert [label for label, _ in options] == sorted((label for label, _ in options), key=str.lower)
        assert set(r.values[column] for r in table.rows) <= set(values)


def test_answers_of_the_wrong_shape_are_treated_as_empty():
    coverage = L.load_coverage()
    table = coverage.tables["toll"]
    result = L.check_table(table, {"toll-63": ["not", "a", "mapping"]}, coverage)
    assert result.correct_count == 0
    assert L.check_table(table, "garbage", coverage).correct_count == 0


# --- tracing -----------------------------------------------------------------------------------

def test_each_trace_step_accepts_only_its_answer():
    for trace in L.load_traces():
        for i, step in enumerate(trace.steps):
            assert L.check_trace_step(trace, i, step.question.answer).correct
            wrong = next(o for o in step.question.options if o != step.question.answer)
            assert not L.check_trace_step(trace, i, wrong).correct
            assert not L.check_trace_step(trace, i, None).correct
        with pytest.raises(IndexError):
            L.check_trace_step(trace, len(trace.steps), "x")


def test_the_chain_grows_one_finding_per_step_and_ends_with_the_origin():
    trace = L.find_trace("death-toll")
    assert "mlk-origin" not in R.chain_html(trace, 0)
    assert R.chain_html(trace, 1).count("<li>") == 2
    done = R.chain_html(trace, len(trace.steps))
    assert "mlk-origin" in done and "Late Tuesday 3 January 2023" in done


# --- the sourced claim ----------------------------------------------------------------------------

def test_a_complete_claim_passes_and_a_missing_date_is_only_a_tip():
    checked = L.check_claim("63 soldiers were killed.", "Russia's Defense Ministry, via AP", "", "one-side")
    assert checked.ok and checked.tips


@pytest.mark.parametrize("claim, source, sure, words", [
    ("", "Russia's Defense Ministry", "one-side", "Write the claim"),
    ("63 killed", "  ", "one-side", "who made the claim"),
    ("63 killed", "the Internet!", "one-side", "not who said it"),
    ("63 killed", "Google", "one-side", "not who said it"),
    ("63 killed", "Russia's Defense Ministry", None, "how sure"),
    ("63 killed", "Russia's Defense Ministry", "certain", "how sure"),
    ("x" * 601, "Russia's Defense Ministry", "one-side", "longer than 600"),
])
def test_an_incomplete_claim_gets_a_kind_message(claim, source, sure, words):
    checked = L.check_claim(claim, source, "2 January", sure)
    assert not checked.ok
    assert any(words in p for p in checked.problems), checked.problems
    with pytest.raises(ValueError):
        L.claim_record(claim, source, "2 January", sure)


def test_a_sourced_claim_is_saved_in_the_progress_file(progress_dir):
    record = L.claim_record(" 63 soldiers were killed. ", "Russia's Defense Ministry, via AP",
                            "Mon 2 Jan 2023", "one-side")
    L.save_claim(P.current_progress(), record)
    saved = saved_file(progress_dir)["lessons"]["lesson-lateral"]["sourced_claim"]
    assert saved["claim"] == "63 soldiers were killed."
    assert saved["sureness"] == "one-side" and saved["sureness_label"] == "One side's claim, unverified"
    assert saved["when"] == "Mon 2 Jan 2023"


def test_a_lone_surrogate_in_a_claim_cannot_break_the_save(progress_dir):
    record = L.claim_record("63 \ud800 killed", "the ministry", "", "one-side")
    L.save_claim(P.current_progress(), record)
    assert "\ufffd" in saved_file(progress_dir)["lessons"]["lesson-lateral"]["sourced_claim"]["claim"]


def test_the_stop_answer_needs_a_reaction_or_a_note():
    with pytest.raises(ValueError, match="Choose a reaction"):
        L.stop_record(None, "   ")
    with pytest.raises(ValueError):
        L.stop_record("not-a-reaction", "")
    assert L.stop_record(None, "It sounds odd.")["note"] == "It sounds odd."


# --- the views, driven as a learner would -----------------------------------------------------------

def test_the_stop_check_in_shows_the_headline_and_saves_the_reaction(progress_dir, seed_article):
    view = kit.lateral_stop()
    assert seed_article.headline.replace("’", "&#x27;") in view.headline.value or \
        seed_article.headline in view.headline.value
    assert not view.save() and "Choose a reaction" in view.message.value
    view.reaction.value = "feel"
    view.note.value = "Dozens dead. <b>Awful</b>."
    assert view.save() and "slow down" in view.message.value
    saved = saved_file(progress_dir)["lessons"]["lesson-lateral"]["stop"]
    assert saved["reaction"] == "feel" and saved["note"] == "Dozens dead. <b>Awful</b>."
    again = kit.lateral_stop()
    assert again.reaction.value == "feel" and again.note.value == "Dozens dead. <b>Awful</b>."


def test_the_source_cards_open_one_by_one_and_each_answer_is_checked_and_saved(progress_dir):
    view = kit.source_cards()
    n = len(view.cards)
    seen = []
    for _ in range(n):
        card = view.current
        seen.append(card.id)
        assert card.name.replace("'", "&#x27;") in view.card.value
        assert card.question.prompt.replace("'", "&#x27;").replace('"', "&quot;") in view.question.value
        wrong = next(o for o in card.question.options if o != card.question.answer)
        assert not view.check(wrong).correct and "Not yet" in view.feedback.value
        assert view.check(card.question.answer).correct and "Right" in view.feedback.value
        view.next_button.click()
    assert len(set(seen)) == n and view.current.id == seen[0]
    assert f"{n} of {n}" in view.status.value and "All done" in view.status.value
    saved = saved_file(progress_dir)["lessons"]["lesson-lateral"]["source_cards"]
    assert set(saved) == set(seen) and all(a["correct"] for a in saved.values())
    again = kit.source_cards()
    assert all(label.startswith("✓") for label, _ in again.menu.options)


def test_checking_a_card_with_nothing_chosen_asks_for_a_choice():
    view = kit.source_cards()
    view.open("rferl")
    result = view.check()
    assert not result.correct and "Choose one" in view.feedback.value


def test_the_coverage_table_is_filled_with_menus_checked_and_saved(progress_dir):
    view = kit.coverage_table()
    table = view.table
    first = table.rows[0]
    view.choose(first.id, "said_by", "Kyiv (Ukrainian officials)")
    result = view.check()
    assert result.correct_count == 0 and "Not yet" in view.results[first.id].value
    for row in table.rows:
        for column, value in row.values.items():
            view.choose(row.id, column, value)
    result = view.check()
    assert result.all_correct and f"{len(table.rows)} of {len(table.rows)}" in view.score.value
    saved = saved_file(progress_dir)["lessons"]["lesson-lateral"]["coverage_toll"]
    assert saved["correct"] == saved["total"] == len(table.rows)
    again = kit.coverage_table()
    assert again.answers() == view.answers() and "Right." in again.results[first.id].value


def test_the_cause_table_has_no_date_menu():
    view = kit.coverage_table("cause")
    assert [c.id for c in view.table.columns] == ["said_by", "side"]
    assert all(set(menus) == {"said_by", "side"} for menus in view.menus.values())


def test_an_unknown_table_or_trace_gets_a_kind_message():
    for view, words in ((kit.coverage_table("deaths"), "no table called"),
                        (kit.trace_claim("<b>89</b>"), "no claim to trace called")):
        assert isinstance(view, V.MessageView)
        assert words in view.html.value and "<b>89" not in view.html.value


def test_tracing_steps_back_one_right_answer_at_a_time_and_is_saved(progress_dir):
    view = kit.trace_claim("death-toll")
    steps = view.trace.steps
    wrong = next(o for o in steps[0].question.options if o != steps[0].question.answer)
    view.check(wrong)
    assert view.steps_done == 0 and "Not yet" in view.feedback.value
    view.hint_button.click()
    assert "Hint" in view.feedback.value
    for step in steps:
        assert view.check(step.question.answer).correct
    assert view.done and "mlk-origin" in view.chain.value
    assert view.controls.layout.display == "none"
    saved = saved_file(progress_dir)["lessons"]["lesson-lateral"]["traces"]["death-toll"]
    assert saved == {"steps_done": len(steps), "done": True}
    again = kit.trace_claim("death-toll")
    assert again.done
    again.restart_button.click()
    assert again.steps_done == 0 and "mlk-origin" not in again.chain.value


def test_both_traces_keep_their_own_progress(progress_dir):
    caption = kit.trace_claim("photo-caption")
    caption.check(caption.trace.steps[0].question.answer)
    toll = kit.trace_claim("death-toll")
    toll.check(toll.trace.steps[0].question.answer)
    saved = saved_file(progress_dir)["lessons"]["lesson-lateral"]["traces"]
    assert saved["photo-caption"]["steps_done"] == 1 and saved["death-toll"]["steps_done"] == 1


def test_the_sourced_claim_form_saves_and_comes_back(progress_dir):
    view = kit.sourced_claim()
    assert not view.save() and "Almost there" in view.message.value
    view.claim.value = "89 soldiers were killed."
    view.source.value = "Russia's Defense Ministry (Sevryukov), as reported by NBC News"
    view.when.value = "late Tuesday 3 January 2023"
    view.sureness.value = "one-side"
    view.save_button.click()
    assert "Saved in your progress file" in view.message.value
    saved = saved_file(progress_dir)["lessons"]["lesson-lateral"]["sourced_claim"]
    assert saved["claim"] == "89 soldiers were killed." and saved["sureness"] == "one-side"
    again = kit.sourced_claim()
    assert again.claim.value == "89 soldiers were killed." and again.sureness.value == "one-side"
    assert "Saved earlier" in again.message.value


def test_a_claim_that_cannot_be_saved_gets_a_kind_message_and_keeps_the_text(monkeypatch):
    view = kit.sourced_claim()

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(view.progress, "set", full_disk)
    view.claim.value, view.source.value, view.sureness.value = "63 killed", "the ministry", "one-side"
    assert view.save() is False
    assert "could not be saved" in view.message.value and "No space left on device" in view.message.value
    assert "Traceback" not in view.message.value
    assert view.claim.value == "63 killed"


def test_any_failure_while_saving_is_shown_kindly(monkeypatch):
    view = kit.lateral_stop()
    monkeypatch.setattr(view.progress, "set", lambda *a, **k: (_ for _ in ()).throw(UnicodeEncodeError(
        "utf-8", "x", 0, 1, "bad")))
    view.reaction.value = "doubt"
    assert view.save() is False and "could not be saved" in view.message.value


def test_a_progress_file_of_the_wrong_shape_does_not_break_the_views():
    P.current_progress().set("lesson-lateral", "sourced_claim", ["not", "a", "mapping"])
    P.current_progress().set("lesson-lateral", "coverage_toll", {"answers": {"toll-63": "x"}})
    P.current_progress().set("lesson-lateral", "traces", {"death-toll": {"steps_done": 99}})
    P.current_progress().set("lesson-lateral", "source_cards", {"rferl": "yes"})
    assert kit.sourced_claim().claim.value == ""
    assert kit.coverage_table().answers()["toll-63"]["said_by"] == L.CHOOSE
    assert kit.trace_claim("death-toll").steps_done == 0
    assert kit.source_cards().answers == {}


# --- outside and learner text is shown as text -------------------------------------------------------

def test_hostile_text_in_the_data_is_escaped_everywhere():
    data = raw_yaml("sources.yaml")
    card = data["cards"][0]
    for field in ("name", "kind", "runs", "pays", "record", "in_this_story", "from"):
        card[field] = HOSTILE
    card["check"] = [HOSTILE]
    card["link"] = {"label": HOSTILE, "url": "https://example.org/\"onmouseover=alert(3)"}
    with pytest.raises(L.LateralDataError):   # a quotation mark cannot end the address
        L.parse_sources(data)
    card["link"]["url"] = "https://example.org/?a=1&b=2"
    page = R.card_html(L.parse_sources(data)[0], 1, 1)
    assert not FETCHING_TAGS.search(page)
    assert "&lt;script&gt;" in page and 'href="https://example.org/?a=1&amp;b=2"' in page

    data = raw_yaml("coverage.yaml")
    data["reports"][0].update(outlet=HOSTILE, toll=HOSTILE, cause=HOSTILE, note=HOSTILE, date_label=HOSTILE)
    assert not FETCHING_TAGS.search(R.coverage_reports_html(L.parse_coverage(data)))

    data = raw_yaml("traces.yaml")
    trace = data["traces"][0]
    trace["start"]["quote"] = trace["origin"]["who"] = trace["lesson"] = HOSTILE
    trace["steps"][0]["found"]["text"] = HOSTILE
    parsed = L.parse_traces(data)[0]
    assert not FETCHING_TAGS.search(R.chain_html(parsed, len(parsed.steps)))


def test_the_learners_own_text_is_shown_as_text():
    view = kit.sourced_claim()
    view.claim.value, view.source.value, view.sureness.value = HOSTILE, HOSTILE, "contested"
    assert view.save()
    assert not FETCHING_TAGS.search(view.message.value) and "&lt;script&gt;" in view.message.value
    stop = kit.lateral_stop()
    stop.note.value = HOSTILE
    assert stop.save() and not FETCHING_TAGS.search(stop.message.value)


def test_a_hostile_headline_is_shown_as_text_in_the_stop_check_in():
    from types import SimpleNamespace
    view = kit.lateral_stop(SimpleNamespace(headline=HOSTILE))
    assert not FETCHING_TAGS.search(view.headline.value) and "&lt;script&gt;" in view.headline.value


def test_the_shown_pages_fetch_nothing_so_the_lesson_works_offline():
    pages = [R.coverage_reports_html(L.load_coverage())]
    pages += [R.card_html(c) for c in L.load_sources()]
    pages += [R.chain_html(t, len(t.steps)) for t in L.load_traces()]
    for page in pages:
        assert not FETCHING_TAGS.search(page)
        for href in re.findall(r'href="([^"]+)"', page):
            assert href.startswith("https://")
        assert page.count("<a ") == page.count('target="_blank" rel="noopener noreferrer"')


def test_coverage_reports_say_the_information_comes_from_outside_the_article():
    shown = kit.coverage_reports()
    assert "outside the NBC article" in shown.text and "outside the NBC article" in shown.html
    assert "wiscnews.com" in shown.text and "rferl.org" in shown.html


def test_the_notebook_names_are_on_the_kit():
    for name in ("lateral_stop", "source_cards", "coverage_reports", "coverage_table", "trace_claim",
                 "sourced_claim"):
        assert name in dir(kit) and callable(getattr(kit, name))
