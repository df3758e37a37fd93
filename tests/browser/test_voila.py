"""Presentation mode: a lesson opened in Voila is a page without code, with page wording, and
every page (a learner's browser tab) keeps its own progress file."""
from __future__ import annotations

import json
import re

import pytest

import jupyter_harness as h
from lessons import load_article

pytestmark = pytest.mark.browser

LESSON = "01-anatomy.ipynb"


@pytest.fixture(scope="module")
def voila_server(browser_workdir, browser):     # browser: skips with the reason when there is none
    pytest.importorskip("voila", reason="Voila is not installed (pip install -r requirements-dev.txt)")
    server = h.start_voila(browser_workdir)
    yield server
    server.stop()


def _open(new_tab, server):
    tab = new_tab()
    tab.page.goto(server.url(f"voila/render/{LESSON}"), wait_until="domcontentloaded", timeout=180_000)
    h.wait_voila_page(tab.page)
    tab.page.wait_for_function("() => document.querySelectorAll('.jupyter-widgets').length > 0",
                               timeout=60_000)
    return tab


def _answer_first_quiz_question(page) -> str:
    question = page.locator(".widget-vbox:has(> .widget-hbox > button)").filter(
        has=page.get_by_role("radio")).first
    question.scroll_into_view_if_needed()
    question.get_by_role("radio").first.check()
    question.locator("button", has_text=re.compile(r"^\s*Check\s*$")).click()
    feedback = ("el => { const parts = [...el.children].filter(c => c.classList.contains('widget-html'));"
                " const last = parts[parts.length - 1]; return last ? last.textContent.trim() : ''; }")
    page.wait_for_function(f"el => ({feedback})(el).length > 0", arg=question.element_handle(), timeout=30_000)
    return question.evaluate(feedback)


def _page_files(server) -> list:
    folder = server.home / "progress"
    return sorted(p.name for p in folder.glob("*.json")) if folder.is_dir() else []


def test_a_lesson_in_voila_is_a_page_with_page_wording_and_each_tab_keeps_its_own_progress(voila_server, new_tab):
    first = _open(new_tab, voila_server)
    page = first.page
    shown = page.locator("#rendered_cells").inner_text()
    assert "Shift+Enter" not in shown, "notebook wording on a page without code"
    assert "This page has loaded the kit for you" in shown
    assert "import lessons" not in shown and "kit.setup()" not in shown, "code is shown"
    assert load_article().headline in shown, "the lesson's article is shown"
    assert not page.locator(".mlk-note-error").count(), page.locator(".mlk-note-error").first.inner_text()
    assert not first.watch.page_errors, first.watch.page_errors
    h.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(h.SCREENSHOTS / "voila-01-anatomy.png"), full_page=True)

    assert _answer_first_quiz_question(page)
    files_after_first = _page_files(voila_server)
    assert len(files_after_first) == 1 and files_after_first[0].startswith("page-"), files_after_first

    second = _open(new_tab, voila_server)
    assert _answer_first_quiz_question(second.page)
    files = _page_files(voila_server)
    assert len(files) == 2 and files_after_first[0] in files, files
    assert "my-progress.json" not in files
    for name in files:
        record = json.loads((voila_server.home / "progress" / name).read_text(encoding="utf-8"))
        assert record["lessons"], f"{name} holds no answer"
