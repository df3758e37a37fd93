"""Checks shared by the JupyterLab and Notebook 7 tests: open a lesson, run it, look at the page."""
from __future__ import annotations

import re
import time
from pathlib import Path

import jupyter_harness as h

# Notebook 7.6.5's own front end throws this on every page (the tree page too, with no kit and
# no notebook open): its shortcuts plugin reads ``plugins[id].schema`` of a plugin it does not
# have. Not the kit's; tolerated in Notebook 7 only, and reported.
NOTEBOOK7_KNOWN_PAGE_ERRORS = (
    re.compile(r"^TypeError: Cannot read properties of undefined \(reading 'schema'\)[\s\S]*notebook_core\."),
)


def open_lesson(tab, server: h.JupyterServer, name: str) -> list[str]:
    """Open a lesson and wait for its kernel; returns the notebook's code cell sources."""
    sources = h.code_cells(name, server.root_dir)   # the copy the server serves
    tab.page.goto(h.lesson_url(server, name), wait_until="domcontentloaded")
    h.wait_notebook_ready(tab.page, len(sources))
    h.wait_one_kernel(tab.page, server, name, tab.watch)
    if server.kind == "lab":
        h.collapse_left_sidebar(tab.page)
    h.clear_known_dialogs(tab.page)
    return sources


def run_lesson(tab, server: h.JupyterServer, name: str, timeout: float = h.READY_TIMEOUT) -> tuple[list[str], list[dict], float]:
    sources = open_lesson(tab, server, name)
    took = h.run_all_cells(tab.page, timeout=timeout)
    tab.page.wait_for_timeout(500)   # let the last widget views attach
    return sources, h.cell_summaries(tab.page), took


def run_lesson_cleanly(tab, server: h.JupyterServer, name: str) -> list[str]:
    """Run a lesson for a test about one of its widgets; the run itself must be clean."""
    sources, cells, _took = run_lesson(tab, server, name)
    problems = h.problems_in(cells, sources)
    assert not problems, f"{name} did not run cleanly:\n" + "\n".join(problems)
    return sources


def page_error_problems(watch: h.PageWatch, tolerated=()) -> list[str]:
    found = []
    for err in watch.page_errors:
        if not any(p.search(err) for p in tolerated):
            found.append(f"uncaught JavaScript error: {err[:1500]}")
    for msg in watch.widget_console_errors():
        found.append(f"console error about widgets: {msg[:800]}")
    return found


def cell_output(page, index: int):
    """The output area of the ``index``-th code cell of the open notebook."""
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(index).locator(".jp-OutputArea")


def find_cell(sources: list[str], pattern: str) -> int | None:
    for i, src in enumerate(sources):
        if re.search(pattern, src):
            return i
    return None


def answer_first_quiz_question(page, sources: list[str]) -> str:
    """In the lesson's quiz, answer question 1 and press Check; returns the feedback text shown."""
    index = find_cell(sources, r"\bkit\.quiz\s*\(")
    assert index is not None, "the lesson has no quiz cell"
    out = cell_output(page, index)
    question = out.locator(".widget-vbox:has(> .widget-hbox > button)").first
    question.scroll_into_view_if_needed()
    radios = question.get_by_role("radio")
    if radios.count():
        radios.first.check()
    else:
        boxes = question.get_by_role("checkbox")
        assert boxes.count(), "quiz question 1 has neither options nor tick boxes"
        boxes.first.check()
    # By its text: the accessible name also holds the icon font's glyph (from CSS ::before).
    check = question.locator("button", has_text=re.compile(r"^\s*Check\s*$"))
    check.click()
    feedback_js = ("el => { const parts = [...el.children].filter(c => c.classList.contains('widget-html'));"
                   " const last = parts[parts.length - 1]; return last ? last.textContent.trim() : ''; }")
    deadline = time.monotonic() + 60      # waiting for feedback, not timing it
    text = ""
    while time.monotonic() < deadline:
        text = question.evaluate(feedback_js)
        if text:
            break
        page.wait_for_timeout(200)
    return text


def screenshot(page, stem: str) -> Path:
    path = h.full_screenshot(page, h.SCREENSHOTS / f"{stem}.png")
    print(f"screenshot: {path}")
    return path
