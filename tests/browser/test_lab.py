"""Every lesson, run in a real JupyterLab in a real Chromium: no errors, widgets render, the
highlighter's highlights match the annotator, its switches work, quizzes answer, plots show.

Screenshots of each lesson after running go to test-artifacts/screenshots/<lesson>.png.
"""
from __future__ import annotations

import re

import pytest

import jupyter_harness as h
from lesson_checks import (answer_first_quiz_question, cell_output, find_cell, page_error_problems,
                           run_lesson, run_lesson_cleanly, screenshot)

pytestmark = pytest.mark.browser

LESSON_IDS = [n.removesuffix(".ipynb") for n in h.LESSONS]


@pytest.mark.parametrize("name", h.LESSONS, ids=LESSON_IDS)
def test_lesson_runs_in_jupyterlab(lab_server, tab, name):
    page = tab.page
    sources, cells, took = run_lesson(tab, lab_server, name)
    print(f"{name}: ran all cells in {took:.1f} s")

    problems = h.problems_in(cells, sources)
    if find_cell(sources, r"\bkit\.quiz\s*\(") is not None:
        feedback = answer_first_quiz_question(page, sources)
        print(f"{name}: quiz feedback: {feedback[:120]!r}")
        if not feedback:
            problems.append("answering quiz question 1 and pressing Check showed no feedback")
    screenshot(page, name.removesuffix(".ipynb"))
    problems += page_error_problems(tab.watch)
    if tab.watch.external_requests:
        problems.append(f"requests left 127.0.0.1: {tab.watch.external_requests}")
    assert not problems, "\n".join(problems)


# --- the highlighter ----------------------------------------------------------------------

HIGHLIGHTER_LESSON = "00-start-here.ipynb"

ARTICLE_STATE_JS = """
out => {
  const art = out.querySelector('.mlk-article');
  if (!art) return null;
  const spans = [...art.querySelectorAll('.mlk-hl')];
  const cats = new Set(), anns = new Set(), perCat = {};
  for (const sp of spans) {
    const c = (sp.getAttribute('data-cats') || '').split(/\\s+/).filter(Boolean);
    const a = (sp.getAttribute('data-ann') || '').split(/\\s+/).filter(Boolean);
    c.forEach(x => cats.add(x));
    a.forEach(x => anns.add(x));
    for (const x of c) (perCat[x] = perCat[x] || new Set());
    if (c.length === 1) a.forEach(x => perCat[c[0]].add(x));
  }
  const boxes = [...out.querySelectorAll('input[type=checkbox]')].map(b => b.checked);
  const counts = {};
  for (const k in perCat) counts[k] = perCat[k].size;
  return {spans: spans.length, cats: [...cats].sort(), anns: anns.size, counts, boxes,
          hedgeSpans: art.querySelectorAll('.mlk-hedge').length, html: art.innerHTML.length,
          text: art.textContent};
}
"""


def _settle(out, page, want=lambda s: True, timeout_ms: int = 60_000):
    """The article's state once ``want`` holds and the HTML has stopped changing (or the timeout)."""
    last, stable_since, waited = None, None, 0
    state = None
    while waited < timeout_ms:
        state = out.evaluate(ARTICLE_STATE_JS)
        key = None if state is None else (state["html"], tuple(state["boxes"]), state["spans"])
        if state is not None and want(state):
            if key == last:
                if stable_since is not None and waited - stable_since >= 400:
                    return state
            else:
                stable_since = waited
        else:
            stable_since = None
        last = key
        page.wait_for_timeout(100)
        waited += 100
    return state


def _expected_counts() -> dict:
    """Highlights per category the highlighter shows: the kit's four categories, as every lesson names them."""
    import lessons
    from lessons.annotator.model import CATEGORIES
    from lessons.render.html import count_by_category

    counts = count_by_category(lessons.annotate(lessons.load_article().text))
    return {c: counts.get(c, 0) for c in CATEGORIES}


def test_highlighter_matches_the_annotator_and_its_switches_work(lab_server, tab):
    page = tab.page
    sources = run_lesson_cleanly(tab, lab_server, HIGHLIGHTER_LESSON)
    index = find_cell(sources, r"\bkit\.highlighter\(\s*\)")
    assert index is not None, f"{HIGHLIGHTER_LESSON} no longer has a kit.highlighter() cell"
    out = cell_output(page, index)
    out.scroll_into_view_if_needed()
    expected = _expected_counts()

    start = _settle(out, page, lambda s: s["spans"] > 0)
    assert start is not None, "no highlighted article (.mlk-article) in the highlighter's output"
    shown = {c for c, n in expected.items() if n}
    assert set(start["cats"]) == shown, (
        f"categories highlighted {start['cats']}, the annotator finds {sorted(shown)}")
    assert start["hedgeSpans"] > 0, "no .mlk-hedge highlight at the start"
    text = start["text"]

    # The "Hedge" switch (found by its label) hides the hedges and brings them back.
    toggle = out.get_by_role("checkbox", name=re.compile(r"hedg", re.I))
    assert toggle.count() == 1, f"expected one labelled Hedge switch, found {toggle.count()}"
    toggle.click()
    off = _settle(out, page, lambda s: s["hedgeSpans"] == 0)
    assert off["hedgeSpans"] == 0, "unticking Hedge left .mlk-hedge highlights in the article"
    assert set(off["cats"]) == shown - {"hedge"}, f"other categories changed too: {off['cats']}"
    assert off["text"] == text, "switching a category changed the article's text"
    toggle.click()
    on = _settle(out, page, lambda s: s["hedgeSpans"] > 0)
    assert on["hedgeSpans"] == start["hedgeSpans"], "ticking Hedge again did not restore the hedges"
    assert on["html"] == start["html"], "the article differs after switching Hedge off and on"

    # Counts per category: show one category at a time, count the distinct annotations.
    boxes = out.get_by_role("checkbox")
    n = boxes.count()
    for i in range(n):
        boxes.nth(i).uncheck()
    none = _settle(out, page, lambda s: s["spans"] == 0)
    assert none["spans"] == 0, "with every switch off, highlights are still shown"
    assert none["text"] == text
    seen = {}
    for i in range(n):
        boxes.nth(i).check()
        state = _settle(out, page, lambda s: len(s["cats"]) <= 1 and s["boxes"].count(True) == 1)
        assert len(state["cats"]) <= 1, f"one switch on shows several categories: {state['cats']}"
        if state["cats"]:
            seen[state["cats"][0]] = state["anns"]
        boxes.nth(i).uncheck()
        _settle(out, page, lambda s: s["spans"] == 0)
    print(f"highlighted annotations per category in the page: {seen}; the package: {expected}")
    assert seen == {c: k for c, k in expected.items() if k}, (
        f"highlighted annotations per category differ: page {seen}, package {expected}")
    assert n == len(expected), f"{n} switches for {len(expected)} categories"
    problems = page_error_problems(tab.watch)
    assert not problems, "\n".join(problems)
