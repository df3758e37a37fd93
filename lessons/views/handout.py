"""A button that writes a printable handout of the highlighted article, with a download link.

``handout_button()`` prints the lesson's article; ``handout_button(yours=True)`` (lesson 6, bring your
own) prints the report the learner analysed last in the bring-your-own box, read when the button is
pressed, so the learner can change their report and print again.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from .base import View, article_of, button, e, ipw, ipython_shell, resolve, view_box
from .messages import RESTART, note_html

HANDOUT_FOLDER = "handouts"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
    return slug[:50].strip("-") or "article"


def handout_link_html(path: Path, base: Path | None = None) -> str:
    """An anchor with a relative ``href`` and a ``download`` attribute, like IPython's FileLink.

    Shown through the notebook's own output renderer, JupyterLab (and Binder) turns the relative
    address into the file's download address.
    """
    base = Path.cwd() if base is None else base
    try:
        rel = os.path.relpath(path, base)
    except ValueError:   # another drive on Windows
        rel = str(path)
    href = "/".join(quote(part) for part in Path(rel).parts)
    return (f'<a href="{e(href, quote=True)}" download="{e(Path(path).name, quote=True)}" '
            'class="mlk-ui-download">'
            f'⬇ Download the handout ({e(Path(path).name)})</a>')


class HandoutButton(View):
    """A button that writes a printable handout of the highlighted article and offers a download link."""

    def __init__(self, analysis, title: str | None = None, folder: Path | None = None, *,
                 article=None, follow=None):
        W = ipw()
        self.analysis = analysis
        self.title = title
        self.article = article
        self.follow = follow
        """None, or a function giving ``(article, analysis)`` (or None) when the button is pressed."""
        self.folder = Path(folder) if folder is not None else Path.cwd() / HANDOUT_FOLDER
        self.path: Path | None = None
        self.link_html = ""
        self.button = button("Make a printable handout",
                               tooltip="Write the highlighted article as a page you can print")
        self.message = W.HTML()
        self.output = W.Output()
        self.button.on_click(lambda _b: self.make())
        self.widget = view_box([self.button, self.message, self.output])

    def make(self) -> Path | None:
        """Write the handout and show the link; a problem is shown as a kind message."""
        from ..render.handout import write_handout
        if self.follow is not None:
            current = self.follow()
            if current is None:
                self.message.value = note_html(
                    "warn", "There is no report of yours to print yet.",
                    "Paste your report into the box above and press Analyse, then press this button again.")
                return None
            self.article, self.analysis = current
            self.title = getattr(self.article, "title", None) or None
        name = f"{_slug(self.title or 'article')}-handout.html"
        article = self.article if getattr(self.article, "text", None) == self.analysis.text else None
        try:
            path = write_handout(self.folder / name, self.analysis.text, self.analysis.annotations,
                                 title=self.title, article=article)
        except OSError as exc:
            self.message.value = note_html("warn", "The handout could not be written.",
                                           f"{exc.strerror or exc}. " + RESTART)
            return None
        self.path = path
        self.link_html = handout_link_html(path)
        self.message.value = note_html(
            "ok", "Your handout is ready.",
            f"It is saved as {os.path.relpath(path, Path.cwd()) if path.is_absolute() else path} "
            "next to the notebooks. Download it, open it in your browser, and print it (Ctrl+P or Cmd+P).")
        self.output.clear_output()
        with self.output:
            from IPython.display import HTML, display
            if ipython_shell() is not None:
                display(HTML(self.link_html))
        return path


def handout_button(article=None, *, yours: bool = False) -> HandoutButton:
    """A button that makes a printable page of the highlighted article, with a download link.

    ``yours=True`` (or a bring-your-own view as ``article``) prints the learner's own report, the one
    analysed last when the button is pressed, instead of the lesson's article.
    """
    from .bring_your_own import BringYourOwn, latest_report
    if isinstance(article, BringYourOwn):
        view = article
        return HandoutButton(*_pending(), follow=view.report)
    if yours:
        return HandoutButton(*_pending(), follow=latest_report)
    analysis, title = resolve(article)
    found = None if isinstance(article, type(analysis)) else article_of(article)
    return HandoutButton(analysis, title=title, article=found)


def _pending():
    """The analysis and title a following button starts with: the lesson's article, until pressed."""
    return resolve(None)
