"""The printable handout: a standalone page with the note, the legend, the highlighted article
and numbered notes, written atomically."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from ..annotator.model import Annotation
from ..text.files import atomic_write_bytes
from .html import (
    article_html,
    as_text,
    count_by_category,
    escape_text,
    legend_html,
    reading_order,
    reason_html,
    spans_of,
)
from .palette import HEADER_TINT, TEXT_COLOUR
from .stylesheet import stylesheet_css

DEFAULT_NOTE = ("The highlights were made by a computer following simple rules. They are a starting "
                "point for your own judgement, not a verdict: check each one and decide whether you agree.")
"""The handout's opening note; ``render_handout(note=...)`` replaces it."""


_HANDOUT_CSS = (
    "html{background:#fff}"
    f"body.mlk-handout{{color:{TEXT_COLOUR};background:#fff;margin:2em auto;max-width:50em;padding:0 1.2em;"
    "font:1rem/1.5 system-ui,'DejaVu Sans',sans-serif}"
    ".mlk-handout h1{font:bold 1.6rem/1.25 Georgia,'DejaVu Serif',serif;margin:.2em 0 .4em}"
    ".mlk-handout h2{font-size:1.15rem;margin:1.4em 0 .4em}"
    f".mlk-note{{border-left:4px solid {TEXT_COLOUR};background:{HEADER_TINT};padding:.5em .8em;margin:.6em 0 1em}}"
    ".mlk-how{margin:.4em 0}"
    ".mlk-handout .mlk-article{max-width:none}"
    ".mlk-footnotes{padding-left:2.4em;font-size:.95rem}"
    ".mlk-footnotes li{margin:.35em 0}"
    f".mlk-back{{color:{TEXT_COLOUR};text-decoration:none;margin-left:.3em}}"
    "@page{margin:16mm}"
    "@media print{"
    "body.mlk-handout{margin:0;max-width:none;padding:0;font-size:10.5pt}"
    ".mlk-handout .mlk-article,.mlk-handout .mlk-legend{border:none;padding:0}"
    ".mlk-note{background:none;border:1px solid #000}"
    ".mlk-back{display:none}"
    ".mlk-hl[title]{cursor:auto}"
    ".mlk-footnotes li,.mlk-legend-item{break-inside:avoid}"
    "h1,h2{break-after:avoid}"
    "}"
)


def render_handout(text: str, annotations: Sequence[Annotation], *, title: str | None = None,
                   note: str | None = None, visible: Iterable[str] | None = None) -> str:
    """A standalone, printable HTML page: note, legend, the highlighted article with numbered notes.

    No scripts and no outside resources. ``note`` replaces :data:`DEFAULT_NOTE` (pass
    ``DEFAULT_NOTE + " …"`` to extend it; "" for none). The markers and symbols carry the meaning
    when printed without colour.
    """
    title = as_text(title) or "Reading the news: the highlighted article"
    note = DEFAULT_NOTE if note is None else as_text(note)
    ordered = reading_order(spans_of(text, annotations, visible))
    numbers = {sp.i: k for k, sp in enumerate(ordered, start=1)}
    counts = count_by_category(sp.ann for sp in ordered)
    notes = "".join(f'<li id="mlk-fn-{k}" value="{k}" data-ann="{sp.i}">{reason_html(text, sp)}'
                    f'<a class="mlk-back" href="#mlk-ref-{k}" aria-label="back to the text">↩</a></li>'
                    for k, sp in enumerate(ordered, start=1))
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape_text(title)}</title>\n",
        f"<style>{stylesheet_css()}{_HANDOUT_CSS}</style>\n</head>\n",
        '<body class="mlk-handout">\n',
        f"<header><h1>{escape_text(title)}</h1>\n",
        f'<p class="mlk-note">{escape_text(note)}</p>\n' if note else "",
        '<p class="mlk-how">Each highlight begins with its symbol and a note number; the line style '
        "shows its kind. The notes at the end say why each part was marked.</p></header>\n",
        '<section aria-label="Key">', legend_html(visible, counts, include_style=False), "</section>\n",
        '<h2>The article</h2>\n',
        article_html(text, annotations, visible, footnotes=numbers), "\n",
        '<section class="mlk-notes"><h2>Notes</h2>\n',
        f'<ol class="mlk-footnotes">{notes}</ol>\n' if notes else
        '<p class="mlk-footnotes mlk-empty">Nothing was highlighted.</p>\n',
        "</section>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def write_handout(path, text: str, annotations: Sequence[Annotation], **kw) -> Path:
    """Write :func:`render_handout` to ``path`` atomically: a crash leaves the old file or none, never half a file."""
    return atomic_write_bytes(path, render_handout(text, annotations, **kw).encode("utf-8"))
