"""In JupyterLab, each lesson's teacher notes are one folded "Teacher notes" block at the end."""
from __future__ import annotations

import pytest

from lesson_checks import open_lesson

pytestmark = pytest.mark.browser


def test_teacher_notes_are_folded_until_opened(lab_server, tab):
    name = "06-your-turn.ipynb"
    open_lesson(tab, lab_server, name)
    page = tab.page
    details = page.locator(".jp-MarkdownCell details", has=page.locator("summary", has_text="Teacher notes"))
    details.last.scroll_into_view_if_needed()
    details.last.wait_for(state="attached", timeout=30_000)
    assert details.count() == 1
    assert details.evaluate("d => d.open") is False
    teaches = details.locator("em", has_text="Teaches:")
    assert not teaches.is_visible()                               # folded: the notes are not shown
    details.locator("summary").click()
    assert details.evaluate("d => d.open") is True and teaches.is_visible()
