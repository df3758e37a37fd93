"""Accessibility of every lesson in a real JupyterLab: axe-core on each rendered lesson, prose
tables that read left-aligned, and the highlighter's category switches from the keyboard.

axe's serious and critical findings inside the kit's own output (``.mlk-`` HTML and the widgets
the kit makes, i.e. anything in a cell's output) fail the test; JupyterLab's own findings and
those in the lesson's Markdown text are reported (printed, and written to
test-artifacts/a11y-<lesson>.json) without failing.
"""
from __future__ import annotations

import json
import re

import pytest

import jupyter_harness as h
from lesson_checks import cell_output, find_cell, page_error_problems, run_lesson_cleanly

pytestmark = pytest.mark.browser

LESSON = "00-start-here.ipynb"
FAIL_IMPACTS = ("serious", "critical")

WHERE_JS = """
(targets) => targets.map(target => {
  // axe gives a selector, or a list of selectors through iframes / shadow roots.
  let el = null;
  try {
    if (Array.isArray(target)) {
      let root = document;
      for (const sel of target) {
        const s = Array.isArray(sel) ? sel : [sel];
        for (const part of s) { el = root.querySelector(part); root = el && (el.shadowRoot || el); }
      }
    } else { el = document.querySelector(target); }
  } catch (e) { el = null; }
  if (!el) return 'unknown';
  let node = el;
  while (node && !(node instanceof Element)) node = node.parentNode;
  const host = n => (n.getRootNode && n.getRootNode().host) || null;
  let e = node;
  while (e) {
    if (e.closest && e.closest('.jp-OutputArea-output')) return 'kit';
    if (e.closest && e.closest('.jp-MarkdownOutput')) return 'lesson-text';
    e = host(e);
  }
  return 'jupyterlab';
})
"""


def _run_axe(page):
    pytest.importorskip("axe_playwright_python", reason="axe-playwright-python is not installed "
                                                        "(pip install -r requirements-dev.txt)")
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response


@pytest.mark.parametrize("lesson", h.LESSONS, ids=[n.removesuffix(".ipynb") for n in h.LESSONS])
def test_axe_finds_no_serious_problems_in_the_kits_output(lab_server, tab, lesson):
    page = tab.page
    run_lesson_cleanly(tab, lab_server, lesson)
    # Make every cell render (JupyterLab skips painting off-screen cells), as a reader scrolling would.
    size = page.viewport_size
    extra = page.evaluate("""() => { const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
                                     return s ? s.scrollHeight - s.clientHeight : 0; }""")
    page.set_viewport_size({"width": size["width"], "height": min(16000, size["height"] + extra + 40)})
    page.wait_for_timeout(800)
    try:
        response = _run_axe(page)
    finally:
        page.set_viewport_size(size)

    report = {"kit": [], "lesson-text": [], "jupyterlab": [], "unknown": []}
    for v in response["violations"]:
        targets = [n["target"] for n in v["nodes"]]
        places = page.evaluate(WHERE_JS, targets)
        for node, place in zip(v["nodes"], places):
            report[place].append({
                "rule": v["id"], "impact": node.get("impact") or v.get("impact"), "help": v["help"],
                "target": node["target"], "html": node["html"][:300],
                "summary": (node.get("failureSummary") or "")[:400],
            })
    out_path = h.ARTIFACTS / f"a11y-{lesson.removesuffix('.ipynb')}.json"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"axe report: {out_path}")
    for place, items in report.items():
        rules = {}
        for item in items:
            rules.setdefault((item["rule"], item["impact"]), 0)
            rules[(item["rule"], item["impact"])] += 1
        for (rule, impact), count in sorted(rules.items()):
            print(f"  {place:11} {impact or '?':9} {rule} ({count} element{'s' if count != 1 else ''})")

    serious = [i for i in report["kit"] if i["impact"] in FAIL_IMPACTS]
    assert not serious, "serious accessibility problems in the kit's output:\n" + "\n".join(
        f"{i['impact']} {i['rule']}: {i['help']} at {i['target']}: {i['html'][:160]}" for i in serious)
    assert not page_error_problems(tab.watch), page_error_problems(tab.watch)


ACTIVE_JS = """
() => { const a = document.activeElement;
        const label = a && a.closest('label');
        return {tag: a ? a.tagName : null, type: a ? a.type : null, checked: a ? a.checked : null,
                label: label ? label.textContent.trim() : ''}; }
"""


def _focus_cell_from_the_keyboard(page, index: int) -> None:
    """Keyboard only: in command mode, move to the ``index``-th code cell with the arrow keys."""
    cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(index)
    page.keyboard.press("Escape")
    for _ in range(80):
        if "jp-mod-active" in (cell.get_attribute("class") or ""):
            break
        cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-cell")
        active = cells.evaluate_all("cs => cs.findIndex(c => c.classList.contains('jp-mod-active'))")
        target = cell.evaluate("c => [...c.parentElement.children].filter(x => x.classList.contains('jp-Notebook-cell')).indexOf(c)")
        page.keyboard.press("ArrowUp" if active > target else "ArrowDown")
    assert "jp-mod-active" in (cell.get_attribute("class") or ""), "the arrow keys did not reach the cell"


def test_category_switches_work_from_the_keyboard(lab_server, tab):
    page = tab.page
    sources = run_lesson_cleanly(tab, lab_server, LESSON)
    index = find_cell(sources, r"\bkit\.highlighter\(\s*\)")
    assert index is not None
    out = cell_output(page, index).locator(".jp-OutputArea-output").first
    out.scroll_into_view_if_needed()       # a learner reading down the page gets here first
    boxes = out.locator("input[type=checkbox]")
    assert boxes.count() >= 4, "the highlighter shows fewer than four category switches"

    _focus_cell_from_the_keyboard(page, index)
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE_JS)
        reached.append(active)
        if active["type"] == "checkbox":
            break
    assert reached[-1]["type"] == "checkbox", f"Tab did not reach the category switches: {reached}"
    # Tab on through the switches to the Hedge one.
    for _ in range(boxes.count()):
        if re.search(r"hedg", page.evaluate(ACTIVE_JS)["label"], re.I):
            break
        page.keyboard.press("Tab")
    active = page.evaluate(ACTIVE_JS)
    assert re.search(r"hedg", active["label"], re.I), f"Tab never reached the Hedge switch: {active}"
    assert active["checked"] is True

    article = out.locator(".mlk-article .mlk-hedge")
    before = article.count()
    assert before > 0
    page.keyboard.press("Space")
    page.wait_for_function("o => !o.querySelector('.mlk-article .mlk-hedge')", arg=out.element_handle(),
                           timeout=60_000)
    assert page.evaluate(ACTIVE_JS)["checked"] is False, "Space did not untick the focused switch"
    page.keyboard.press("Space")
    page.wait_for_function("([o, n]) => o.querySelectorAll('.mlk-article .mlk-hedge').length === n",
                           arg=[out.element_handle(), before], timeout=60_000)
    assert page.evaluate(ACTIVE_JS)["checked"] is True
    # The focus stays on the switch, so a keyboard user does not lose their place.
    assert re.search(r"hedg", page.evaluate(ACTIVE_JS)["label"], re.I), "focus left the switch after toggling"
    assert not page_error_problems(tab.watch), page_error_problems(tab.watch)


CELL_ALIGN_JS = """
out => [...out.querySelectorAll('td, th')].map(c => ({text: c.textContent.trim().slice(0, 60),
                                                       align: getComputedStyle(c).textAlign}))
"""


@pytest.mark.parametrize("lesson, helper", [("01-anatomy.ipynb", "compare_caption_and_body"),
                                            ("03-hedging.ipynb", "certainty_ladder")])
def test_the_lesson_helpers_tables_read_left_aligned(lab_server, tab, lesson, helper):
    page = tab.page
    sources = run_lesson_cleanly(tab, lab_server, lesson)
    index = find_cell(sources, rf"lk\.{helper}\(")
    assert index is not None, f"{lesson} shows no helper table"
    out = cell_output(page, index).locator(".jp-OutputArea-output").first
    out.scroll_into_view_if_needed()
    out.locator("td").first.wait_for()      # JupyterLab paints a cell's output once it is on screen
    cells = out.evaluate(CELL_ALIGN_JS)
    prose = [c for c in cells if re.search(r"[A-Za-z]{3}", c["text"])]
    assert prose, "the helper's output has no table with words in it"
    wrong = [c for c in prose if c["align"] not in ("left", "start")]
    assert not wrong, f"prose cells not aligned left: {wrong[:5]}"
