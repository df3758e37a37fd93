"""A button that writes a printable handout of the highlighted article, with a download link."""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from ..render.palette import ACCENT, ACCENT_DARK, ACCENT_TINT
from .base import View, button, e, ipw, ipython_shell, resolve
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
            f'style="display:inline-block;padding:6px 12px;border:2px solid {ACCENT};border-radius:4px;'
            f'color:{ACCENT_DARK};background:{ACCENT_TINT};text-decoration:none;font-weight:600">'
            f'⬇ Download the handout ({e(Path(path).name)})</a>')


class HandoutButton(View):
    """A button that writes a printable handout of the highlighted article and offers a download link."""

    def __init__(self, analysis, title: str | None = None, folder: Path | None = None):
        W = ipw()
        self.analysis = analysis
        self.title = title
        self.folder = Path(folder) if folder is not None else Path.cwd() / HANDOUT_FOLDER
        self.path: Path | None = None
        self.link_html = ""
        self.button = button("Make a printable handout",
                               tooltip="Write the highlighted article as a page you can print")
        self.message = W.HTML()
        self.output = W.Output()
        self.button.on_click(lambda _b: self.make())
        self.widget = W.VBox([self.button, self.message, self.output])

    def make(self) -> Path | None:
        """Write the handout and show the link; a problem is shown as a kind message."""
        from ..render.handout import write_handout
        name = f"{_slug(self.title or 'article')}-handout.html"
        try:
            path = write_handout(self.folder / name, self.analysis.text, self.analysis.annotations,
                                 title=self.title)
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


def handout_button(article=None) -> HandoutButton:
    """A button that makes a printable page of the highlighted article, with a download link."""
    analysis, title = resolve(article)
    return HandoutButton(analysis, title=title)
