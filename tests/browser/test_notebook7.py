"""Lesson 0 in Jupyter Notebook 7 (``python -m jupyter notebook``): the same checks as in JupyterLab."""
from __future__ import annotations

import pytest

import jupyter_harness as h
from lesson_checks import (NOTEBOOK7_KNOWN_PAGE_ERRORS, answer_first_quiz_question, page_error_problems,
                           run_lesson, screenshot)

pytestmark = pytest.mark.browser

LESSON = "00-start-here.ipynb"


def test_lesson_0_runs_in_notebook7(notebook7_server, tab):
    page = tab.page
    sources, cells, took = run_lesson(tab, notebook7_server, LESSON)
    print(f"Notebook 7, {LESSON}: ran all cells in {took:.1f} s")
    assert page.url.split("?")[0].endswith(f"/notebooks/{LESSON}"), page.url

    problems = h.problems_in(cells, sources)
    articles = page.locator(".jp-OutputArea .mlk-article .mlk-hl")
    if not articles.count():
        problems.append("the highlighter shows no highlighted article (.mlk-article .mlk-hl)")
    feedback = answer_first_quiz_question(page, sources)
    if not feedback:
        problems.append("answering quiz question 1 and pressing Check showed no feedback")
    screenshot(page, "notebook7-" + LESSON.removesuffix(".ipynb"))
    tolerated = [e for e in tab.watch.page_errors if any(p.search(e) for p in NOTEBOOK7_KNOWN_PAGE_ERRORS)]
    if tolerated:
        print(f"known Notebook 7 front-end error (not the kit's), tolerated: {tolerated[0].splitlines()[0]}")
    problems += page_error_problems(tab.watch, NOTEBOOK7_KNOWN_PAGE_ERRORS)
    if tab.watch.external_requests:
        problems.append(f"requests left 127.0.0.1: {tab.watch.external_requests}")
    assert not problems, "\n".join(problems)
