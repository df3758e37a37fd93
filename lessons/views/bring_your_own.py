"""Bring your own article: paste or upload a news report and see the same highlighter for it."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import KitError
from .base import MACHINE_NOTE, View, button, cached_analysis, ipw, label_style, reading_of, view_box
from .highlighter import Highlighter
from .messages import friendly_error_html, note_html

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")

_LATEST: list = []   # the (article, analysis) analysed last in this kernel, for the handout button


def latest_report():
    """``(article, analysis)`` of the report analysed last by any bring-your-own box, or None."""
    return _LATEST[0] if _LATEST else None


_PAGE_CODE = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>])|<body[\s>]|(?:</(?:p|div|span|a|li)>.*){3}",
                        re.IGNORECASE | re.DOTALL)
PAGE_NOTE = ("It looked like a web page's code, so the kit read the page's words and left the code "
             "out. If something is missing, copy the words from the page itself and paste them.")
NO_PAGE_TEXT = ("This looks like a web page's code, and the kit found no article text in it. Copy the "
                "article's words from the page itself (not its code) and paste them instead.")


def looks_like_page(text: str) -> bool:
    """True for a web page's code (a doctype, an <html> or <body> tag, or several closing tags)."""
    return bool(_PAGE_CODE.search(text[:200_000]))


def article_from_paste(text: str):
    """An Article from pasted text. A web page's code ("View source", saved HTML) is read as a
    web page, as an uploaded .html file is, so the learner sees the report, not its tags;
    anything else is plain text (tags in it stay words, and are shown escaped)."""
    from ..text.article import ArticleError, article_from_text
    if not looks_like_page(text):
        return article_from_text(text)
    from ..text.savedpage import html_to_article_parts
    title, words = html_to_article_parts(text)
    if not words.strip():
        raise ArticleError(NO_PAGE_TEXT)
    return article_from_text(words, title)


def article_from_upload(name: str, content: bytes):
    """An Article from an uploaded file's bytes; unusable input raises ``ArticleError`` kindly."""
    from ..text.article import ArticleError, article_from_bytes
    if Path(name or "").suffix.lower() not in UPLOAD_SUFFIXES:
        raise ArticleError(f"“{name}” is not a file type the kit reads. Upload a .txt, .md or .html file.")
    return article_from_bytes(bytes(content), name=name)


class BringYourOwn(View):
    """Paste or upload a news report and see the same highlighter for it."""

    def __init__(self):
        W = ipw()
        self.text_area = W.Textarea(placeholder="Paste the text of a news report here…",
                                    description="Article text", style=label_style(),
                                    layout=W.Layout(width="100%", max_width="52em", height="12em"))
        self.analyse_button = button("Analyse", button_style="primary",
                                       tooltip="Highlight the pasted text")
        self.upload = W.FileUpload(accept=",".join(UPLOAD_SUFFIXES), multiple=False,
                                   description="Upload a file")
        self.note = W.HTML(note_html("info", "A starting point, not a verdict", MACHINE_NOTE))
        self.message = W.HTML()
        self.result = W.VBox()
        self.highlighter: Highlighter | None = None
        self.article = None
        self.analysis = None
        self.analyse_button.on_click(lambda _b: self.analyse_text())
        self.upload.observe(self._on_upload, "value")
        self.widget = view_box([
            W.HTML("<p>Paste a news report into the box and press <b>Analyse</b>, or upload a "
                   ".txt, .md or .html file (it is analysed straight away).</p>"),
            self.text_area, W.HBox([self.analyse_button, self.upload]),
            self.note, self.message, self.result,
        ])

    def _show(self, article, source: str, note: str = "") -> None:
        analysis = cached_analysis(article.text)
        self.article, self.analysis = article, analysis
        _LATEST[:] = [(article, analysis)]
        reading = reading_of(article, analysis)
        self.highlighter = Highlighter(analysis, title=reading.title, reading=reading)
        self.result.children = (self.highlighter.widget,)
        n = len(analysis.annotations)
        message = f"Analysed {source}: {n} highlight{'s' if n != 1 else ''}." + (f" {note}" if note else "")
        if _mostly_not_english(article.text):
            message += (" The kit's word lists are in English, so it finds little in other languages:"
                        " read this text yourself with the four questions in mind.")
        self.message.value = note_html("ok", message)

    def report(self):
        """``(article, analysis)`` of the report shown now, or None before one is analysed."""
        return (self.article, self.analysis) if self.article is not None else None

    def _fail(self, exc: Exception) -> None:
        if isinstance(exc, KitError):
            # Only a box with something in it can be changed and tried again.
            again = "Your text is still in the box: change it and try again." if self.text_area.value.strip() else ""
            self.message.value = note_html("warn", str(exc) or "That text could not be used.", again)
        else:
            self.message.value = friendly_error_html(exc)

    def analyse_text(self, text: str | None = None) -> None:
        """Analyse the pasted text (or ``text``), showing a kind message if it cannot be used."""
        try:
            if text is not None:
                # Lone surrogates (possible from Python, never from the text box) cannot reach the
                # browser: show them as the replacement character, as a browser would.
                text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                self.text_area.value = text
            pasted = self.text_area.value if text is None else text
            self._show(article_from_paste(pasted), "your text", PAGE_NOTE if looks_like_page(pasted) else "")
        except Exception as exc:  # the widget must stay usable whatever the input
            self._fail(exc)

    def analyse_upload(self, name: str, content: bytes) -> None:
        """Analyse an uploaded file's bytes."""
        try:
            self._show(article_from_upload(name, content), f"“{name}”")
        except Exception as exc:
            self._fail(exc)

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        first = files[0]
        self.analyse_upload(str(first.get("name", "upload")), bytes(first.get("content", b"")))
        self.upload.value = ()   # ready for the next file


def _mostly_not_english(text: str) -> bool:
    """True when most letters are outside the Latin alphabet (Cyrillic, Arabic, Chinese ...)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) < 0.5 * len(letters)


def bring_your_own() -> BringYourOwn:
    """Try the kit on a news report you choose: paste it or upload a file."""
    return BringYourOwn()
