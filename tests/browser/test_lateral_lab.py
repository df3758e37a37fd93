"""Lesson 05, lateral reading, done in a real JupyterLab in a real Chromium, offline: every widget
is used as a learner would use it, and the sourced claim ends up in the progress file.

The screenshot goes to test-artifacts/screenshots/lateral-05-lateral-reading.png.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from lesson_checks import cell_output, find_cell, page_error_problems, run_lesson_cleanly, screenshot

pytestmark = pytest.mark.browser

LESSON = "05-lateral-reading.ipynb"
CLAIM = "89 Russian soldiers were killed in the strike."
SOURCE = "Russia's Defense Ministry (Gen. Lt. Sevryukov, on Telegram), as reported by NBC News"
WHEN = "late Tuesday 3 January 2023"


def _output(page, sources, pattern: str):
    index = find_cell(sources, pattern)
    assert index is not None, f"{LESSON} has no cell matching {pattern!r}"
    out = cell_output(page, index).locator(".jp-OutputArea-output").first
    out.scroll_into_view_if_needed()
    return out


def _button(out, text: str):
    # By its text: the accessible name may also hold an icon font's glyph.
    return out.locator("button", has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")).first


def _expect_text(locator, text: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        seen = locator.text_content() or ""
        if text in seen:
            return
        time.sleep(0.2)
    raise AssertionError(f"{text!r} did not appear; the widget shows: {' '.join(seen.split())[-600:]!r}")


def _radio(out, label: str):
    return out.get_by_role("radio", name=label, exact=True)


def _saved_lesson(progress_file: Path, key: str, until=bool, timeout: float = 60):
    """What the progress file holds under ``key`` once ``until(value)`` holds (or the last value seen).

    The kernel may show "Saved" a moment before the file is written, and on a busy machine that
    moment is long: wait for the save looked for, not just for the first value there."""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        try:
            value = json.loads(progress_file.read_text(encoding="utf-8"))["lessons"]["lesson-lateral"].get(key)
        except (OSError, ValueError, KeyError):
            value = None
        if value and until(value):
            return value
        time.sleep(0.2)
    return value


def test_the_lateral_reading_lesson_is_done_in_jupyterlab_and_its_claim_is_saved(lab_server, tab):
    from lessons import lateral as L
    from lessons.learner.quizzes import load_quiz

    page = tab.page
    sources = run_lesson_cleanly(tab, lab_server, LESSON)
    progress_file = Path(lab_server.env["MLK_PROGRESS_DIR"]) / "my-progress.json"
    used = []

    # Move 1, Stop: a reaction and a note.
    out = _output(page, sources, r"\bkit\.lateral_stop\(")
    prompts = L.load_prompts()
    _radio(out, prompts.reactions[3].label).check()
    out.locator("textarea").first.fill("Dozens dead. Who says so?")
    _button(out, "Save my reaction").click()
    _expect_text(out, "Saved")
    saved = _saved_lesson(progress_file, "stop", until=lambda v: v.get("reaction") == prompts.reactions[3].id)
    assert saved and saved["reaction"] == prompts.reactions[3].id, saved
    used.append("stop")

    # Move 2, Investigate: every card opened in turn, its question answered (wrong, then right).
    out = _output(page, sources, r"\bkit\.source_cards\(")
    cards = L.load_sources()
    for card in cards:
        _expect_text(out.locator(".mlk-card"), card.name)
        wrong = next(o for o in card.question.options if o != card.question.answer)
        _radio(out, wrong).check()
        _button(out, "Check").click()
        _expect_text(out, "Not yet")
        _radio(out, card.question.answer).check()
        _button(out, "Check").click()
        _expect_text(out, "Right!")
        _button(out, "Next card ▶").click()
    _expect_text(out, f"Cards answered right: {len(cards)} of {len(cards)}")
    used.append("source_cards")

    # Move 3, Find better coverage: the outside reports, then both tables by their menus.
    out = _output(page, sources, r"\bkit\.coverage_reports\(")
    _expect_text(out, "outside the NBC article")
    coverage = L.load_coverage()
    for table_id, pattern in (("toll", r"\bkit\.coverage_table\(\)"), ("cause", r"\bkit\.coverage_table\(\"cause\"\)")):
        out = _output(page, sources, pattern)
        table = coverage.tables[table_id]
        rows = out.locator(".mlk-coverage-row")
        assert rows.count() == len(table.rows)
        _button(out, "Check my table").click()
        _expect_text(out, f"0 of {len(table.rows)} rows right")
        for i, row in enumerate(table.rows):
            menus = rows.nth(i).locator("select")
            assert menus.count() == len(table.columns)
            for j, column in enumerate(table.columns):
                menus.nth(j).select_option(label=table.label(column.id, row.values[column.id]))
        _button(out, "Check my table").click()
        _expect_text(out, f"{len(table.rows)} of {len(table.rows)} rows right")
        saved = _saved_lesson(progress_file, f"coverage_{table_id}", until=lambda v: v.get("correct") == len(table.rows))
        assert saved and saved["correct"] == len(table.rows), saved
        used.append(f"coverage_table({table_id})")

    # Move 4, Trace: both claims, step by step, to their origin.
    for trace in L.load_traces():
        out = _output(page, sources, rf"\bkit\.trace_claim\(\"{trace.id}\"\)")
        _button(out, "Hint").click()
        _expect_text(out, trace.steps[0].question.hint)
        for n, step in enumerate(trace.steps, 1):
            _expect_text(out, f"Step {n} of {len(trace.steps)}")
            _radio(out, step.question.answer).check()
            _button(out, "Check this step").click()
            _expect_text(out, step.found_where)
        out.locator(".mlk-origin").wait_for(state="visible", timeout=60_000)
        _expect_text(out.locator(".mlk-origin"), trace.origin_date)
        used.append(f"trace_claim({trace.id})")
    traces = _saved_lesson(progress_file, "traces",
                           until=lambda v: all(v.get(t.id, {}).get("done") for t in L.load_traces())) or {}
    assert all(traces.get(t.id, {}).get("done") for t in L.load_traces()), traces

    # The sourced claim: first incomplete (a kind message), then complete, and saved.
    out = _output(page, sources, r"\bkit\.sourced_claim\(")
    _button(out, "Save my claim").click()
    _expect_text(out, "Almost there")
    out.locator("textarea").first.fill(CLAIM)
    texts = out.locator("input[type=text]")
    texts.nth(0).fill(SOURCE)
    texts.nth(1).fill(WHEN)
    one_side = next(s for s in prompts.sureness if s.id == "one-side")
    _radio(out, one_side.label).check()
    _button(out, "Save my claim").click()
    _expect_text(out, "Saved in your progress file")
    claim = _saved_lesson(progress_file, "sourced_claim", until=lambda v: v.get("claim") == CLAIM)
    assert claim and (claim["claim"], claim["source"], claim["when"], claim["sureness"]) == (
        CLAIM, SOURCE, WHEN, "one-side"), claim
    used.append("sourced_claim")

    # The reflection, the quiz (every question answered right) and the download link.
    out = _output(page, sources, r"\bkit\.reflection\(")
    out.locator("textarea").first.fill("Stop first, then look for who runs the account.")
    _button(out, "Save").click()
    _expect_text(out, "Saved at")
    out = _output(page, sources, r"\bkit\.quiz\(")
    quiz = load_quiz("lesson-lateral")
    boxes = out.locator(".widget-vbox:has(> .widget-hbox > button)")
    assert boxes.count() == len(quiz.questions)
    for i, question in enumerate(quiz.questions):
        # As a learner does: answer, Check, read the feedback, then the next question (its box
        # grows with the feedback, so the next Check is clicked where it now is).
        box = boxes.nth(i)
        _radio(box, question.answer).check()
        _button(box, "Check").click()
        _expect_text(box, "Right!")
    _expect_text(out, f"Score: {len(quiz.questions)} of {len(quiz.questions)} correct")
    out = _output(page, sources, r"\bkit\.progress_download\(")
    link = out.locator("a[download='my-progress.json']")
    assert link.count() == 1 and link.get_attribute("href").startswith("data:application/json")
    used.append("reflection, quiz, progress_download")

    print(f"{LESSON}: used {', '.join(used)}")
    screenshot(page, "lateral-" + LESSON.removesuffix(".ipynb"))
    problems = page_error_problems(tab.watch)
    if tab.watch.external_requests:
        problems.append(f"requests left 127.0.0.1: {tab.watch.external_requests}")
    if tab.watch.dialogs:
        problems.append(f"a dialog fired: {tab.watch.dialogs}")
    assert not problems, "\n".join(problems)
