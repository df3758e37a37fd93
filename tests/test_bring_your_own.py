"""Bring your own: pasted and uploaded reports get the highlighter, and problems a kind message."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

import lessons as kit
from lessons.views import bring_your_own as bring_your_own_view

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder


def cats_shown(html: str) -> set[str]:
    return {c for group in re.findall(r'data-cats="([^"]*)"', html) for c in group.split()}


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


def test_a_pasted_report_in_bring_your_own_has_its_headline_labelled():
    b = kit.bring_your_own()
    b.analyse_text("Storm closes port\nOfficials said the port may reopen on Monday.")
    assert 'data-part="Headline">' in b.highlighter.html.value


def test_an_empty_box_is_not_told_its_text_is_still_in_the_box():
    b = kit.bring_your_own()
    b.text_area.value = "  \n"
    b.analyse_button.click()
    assert "mlk-note-warn" in b.message.value and "still in the box" not in b.message.value
    b.text_area.value = "x"                      # a text the kit cannot use is still there to change
    b.analyse_text("<html><body><script>var a = 1;</script></body></html>")
    assert "mlk-note-warn" in b.message.value and "still in the box" in b.message.value


PAGE = ('<!DOCTYPE html><html><head><title>Dam report</title><script>alert("x")</script></head><body>'
        '<h1>Officials deny dam report</h1><p onclick="evil()">The minister said the report '
        '<img src=x onerror=alert(1)> may be false, officials said.</p></body></html>')


def test_a_pasted_web_page_is_read_as_a_page_not_as_tags():
    """A learner who pastes a page's code sees the report's words highlighted, not its tags, and is
    told what happened; the code never reaches the page as markup."""
    b = kit.bring_your_own()
    b.analyse_text(PAGE)
    assert "<" not in b.article.text and "may be false" in b.article.text
    assert "web page" in b.message.value and "mlk-note-ok" in b.message.value
    assert "hedge" in cats_shown(b.highlighter.html.value)
    assert "<script>alert" not in b.highlighter.html.value and "<img src=x" not in b.highlighter.html.value


def test_a_pasted_report_that_mentions_a_tag_stays_plain_text():
    b = kit.bring_your_own()
    b.analyse_text("Police said <b> was typed at least 12 times, officials said.")
    assert "<b>" in b.article.text and "web page" not in b.message.value
