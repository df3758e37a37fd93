"""A highlight's reason in a real JupyterLab in Chromium: a click, a tap, or Tab then Enter
opens it beside the text, and Escape closes it again, with the keyboard's place kept."""
from __future__ import annotations

import pytest

from lesson_checks import cell_output, find_cell, page_error_problems, run_lesson_cleanly
from test_a11y import ACTIVE_JS, _focus_cell_from_the_keyboard

pytestmark = pytest.mark.browser

LESSON = "00-start-here.ipynb"
# Waiting is not a speed test: a reason that opens late on a busy machine still opens.
WAIT_MS = 60_000

OPEN_JS = """
() => [...document.querySelectorAll('.mlk-pop')].filter(p => p.matches(':popover-open')).map(p => {
  const r = p.getBoundingClientRect();
  return {id: p.id, ann: p.dataset.ann, text: p.innerText, left: r.left, right: r.right, top: r.top,
          bottom: r.bottom, width: innerWidth, height: innerHeight};
})
"""


def _highlighter(tab, server):
    sources = run_lesson_cleanly(tab, server, LESSON)
    index = find_cell(sources, r"\bkit\.highlighter\(\s*\)")
    assert index is not None, f"{LESSON} no longer has a kit.highlighter() cell"
    out = cell_output(tab.page, index).locator(".jp-OutputArea-output").first
    out.locator(".mlk-article .mlk-hl").first.wait_for()
    return sources, index, out


STILL_JS = """
async (el) => {
  await document.fonts.ready;                       // text laid out in its final font
  const rect = () => { const r = el.getClientRects()[0]; return r && [r.left, r.top, r.width, r.height].join(); };
  let last = rect(), same = 0;
  while (same < 3) {                                // the same place over three frames in a row
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const now = rect();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  const r = el.getClientRects()[0];                 // the first line of the highlight, not the
  return {x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2};   // middle of a box over two lines
}
"""


def _press_its_words(page, highlight, touch: bool = False) -> None:
    """Click (or tap) the highlight's first line of words once the page holds still.

    A highlight that wraps has a box over two lines whose middle may be other words; and while a
    busy machine is still laying the notebook out, a click aimed a moment earlier can land elsewhere."""
    highlight.scroll_into_view_if_needed()
    at = highlight.evaluate(STILL_JS)
    if touch:
        page.touchscreen.tap(at["x"], at["y"])
    else:
        page.mouse.click(at["x"], at["y"])


def _one_open(page) -> dict:
    page.wait_for_function("() => document.querySelectorAll('.mlk-pop:popover-open').length === 1",
                           timeout=WAIT_MS)
    (shown,) = page.evaluate(OPEN_JS)
    assert shown["text"].startswith("Why is this marked?"), shown["text"][:200]
    assert 0 <= shown["left"] and shown["right"] <= shown["width"] + 1, f"the reason is off the screen: {shown}"
    assert 0 <= shown["top"] and shown["top"] < shown["height"], f"the reason is off the screen: {shown}"
    return shown


def _innermost(span) -> str:
    """The annotation a click on ``span`` should open: the one its label points at."""
    target = span.evaluate("s => s.closest('label').htmlFor")
    return target.rsplit("-b", 1)[1]


def test_clicking_a_highlight_opens_its_reason_and_escape_closes_it(lab_server, tab):
    page = tab.page
    _sources, _index, out = _highlighter(tab, lab_server)
    hedge = out.locator(".mlk-article .mlk-hl.mlk-hedge").first
    _press_its_words(page, hedge)
    shown = _one_open(page)
    assert shown["ann"] == _innermost(hedge)
    assert "Hedging language" in shown["text"] and "Why" in shown["text"]
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.mlk-pop:popover-open')", timeout=WAIT_MS)
    # The Close button closes it too.
    official = out.locator(".mlk-article .mlk-hl.mlk-official").nth(2)
    _press_its_words(page, official)
    shown = _one_open(page)
    assert shown["ann"] == _innermost(official) and "Official statement" in shown["text"]
    page.locator(f"#{shown['id']} .mlk-pop-close").click()
    page.wait_for_function("() => !document.querySelector('.mlk-pop:popover-open')", timeout=WAIT_MS)
    assert not page_error_problems(tab.watch), page_error_problems(tab.watch)


def test_tab_then_enter_opens_a_reason_with_the_keyboard_only(lab_server, tab):
    page = tab.page
    sources, index, out = _highlighter(tab, lab_server)
    _focus_cell_from_the_keyboard(page, index)
    reached = []
    for _ in range(40):        # past the switches and the menu, to the first highlight's button
        page.keyboard.press("Tab")
        active = page.evaluate("() => ({cls: document.activeElement.className, "
                               "name: document.activeElement.getAttribute('aria-label') || '', "
                               "target: document.activeElement.getAttribute('popovertarget') || ''})")
        reached.append(active["cls"])
        if "mlk-why" in str(active["cls"]):
            break
    assert "mlk-why" in str(reached[-1]), f"Tab never reached a highlight: {reached}"
    assert active["name"].startswith("Why is this marked as ")
    page.keyboard.press("Enter")
    shown = _one_open(page)
    assert shown["id"] == active["target"]
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.mlk-pop:popover-open')", timeout=WAIT_MS)
    back = page.evaluate("() => document.activeElement.getAttribute('popovertarget')")
    assert back == active["target"], "after Escape the keyboard's place is lost"
    # Tab on to the next highlight and open it too.
    page.keyboard.press("Tab")
    nxt = page.evaluate("() => document.activeElement.getAttribute('popovertarget')")
    assert nxt and nxt != active["target"]
    page.keyboard.press("Enter")
    assert _one_open(page)["id"] == nxt
    assert page.evaluate(ACTIVE_JS)["tag"] == "BUTTON"
    assert not page_error_problems(tab.watch), page_error_problems(tab.watch)


def test_tapping_a_highlight_on_a_chromebook_sized_touch_screen_opens_its_reason(lab_server, touch_tab):
    page = touch_tab.page
    _sources, _index, out = _highlighter(touch_tab, lab_server)
    unverified = out.locator(".mlk-article .mlk-hl.mlk-unverified").first
    _press_its_words(page, unverified, touch=True)
    shown = _one_open(page)
    assert shown["ann"] == _innermost(unverified)
    assert shown["width"] == 800 and shown["right"] - shown["left"] <= 800
    close = page.locator(f"#{shown['id']} .mlk-pop-close")
    box = close.bounding_box()
    assert box["height"] >= 40 and box["width"] >= 40, f"the Close button is too small to tap: {box}"
    close.tap()
    page.wait_for_function("() => !document.querySelector('.mlk-pop:popover-open')", timeout=WAIT_MS)
    assert not page_error_problems(touch_tab.watch), page_error_problems(touch_tab.watch)
