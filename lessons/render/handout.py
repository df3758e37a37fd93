"""The printable handout: a standalone page with where the article comes from, the note, the
legend, the highlighted article with each part labelled, and numbered notes; written atomically.

Given the :class:`~lessons.text.article.Article` (``render_handout(..., article=...)``), the page
names the outlet, the date and the source address, and shows each block of the article under a
label saying what it is: headline, standfirst, body, photo alt text, photo caption, photo credit.
Without it the text is shown as one block and the page says the source is not known.

The page is meant to be photocopied: the print styles fit the seed article on at most four A4
pages, and every highlight carries its symbol and a line style of its own, so nothing depends on
colour (each line colour keeps 3:1 contrast against white, which a grey copy keeps too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from ..annotator.model import CATEGORIES, Annotation
from ..text.files import atomic_write_bytes
from .html import (
    CUE_ELSEWHERE,
    article_html,
    as_text,
    count_by_category,
    cue_elsewhere,
    escape_text,
    legend_html,
    reading_order,
    spans_of,
)
from .palette import HEADER_TINT, MUTED_TEXT, TEXT_COLOUR
from .stylesheet import MAX_TRACKS, _track_padding, stylesheet_css

DEFAULT_NOTE = ("The highlights were made by a computer following simple rules. They are a starting "
                "point for your own judgement, not a verdict: check each one and decide whether you agree.")
"""The handout's opening note; ``render_handout(note=...)`` replaces it."""

BLOCK_LABELS = {
    "headline": "Headline",
    "dek": "Standfirst",
    "paragraph": "Body",
    "image_title": "Photo alt text",
    "caption": "Photo caption",
    "credit": "Photo credit",
}
"""What each kind of block is called on the handout (see ``lessons.text.decode.KINDS``)."""

BLOCK_EXPLAINED = (
    ("Standfirst", "the sentence under the headline that sums up the story"),
    ("Photo alt text", "the words that describe a photo for people who cannot see it"),
    ("Photo caption", "the words printed under a photo"),
    ("Photo credit", "who took or supplied the photo"),
)
"""Terms the handout explains the first time a reader meets them (only those the article has)."""

QUOTE_WORDS = 6
"""A note quotes at most this many words of its highlight; the highlight itself is in the text."""

UNKNOWN = "not known"
FILL_IN = ("Outlet", "Date", "Address")
"""Rows that get a line to write on when printed, where the value is not known."""

_HANDOUT_CSS = (
    "html{background:#fff}"
    f"body.mlk-handout{{color:{TEXT_COLOUR};background:#fff;margin:2em auto;max-width:50em;padding:0 1.2em;"
    "font:1rem/1.5 system-ui,'DejaVu Sans',sans-serif}"
    ".mlk-handout h1{font:bold 1.6rem/1.25 Georgia,'DejaVu Serif',serif;margin:.2em 0 .4em}"
    ".mlk-handout h2{font-size:1.15rem;margin:1.2em 0 .4em}"
    f".mlk-kicker{{margin:0;font-size:.85rem;color:{MUTED_TEXT};letter-spacing:.03em}}"
    ".mlk-source{display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em;margin:.4em 0 .8em;"
    "font-size:.95rem}"
    ".mlk-source dt{font-weight:bold}.mlk-source dd{margin:0;overflow-wrap:anywhere}"
    f".mlk-source-note{{color:{MUTED_TEXT};font-size:.9em}}"
    ".mlk-fill{display:none}"
    f".mlk-line{{display:inline-block;width:16em;border-bottom:1px solid {TEXT_COLOUR}}}"
    f".mlk-note{{border-left:4px solid {TEXT_COLOUR};background:{HEADER_TINT};padding:.5em .8em;margin:.6em 0 1em}}"
    ".mlk-how{margin:.4em 0}"
    ".mlk-terms{margin:.3em 0 .6em;padding-left:1.2em;font-size:.95rem}"
    ".mlk-handout .mlk-article{max-width:none}"
    ".mlk-block{display:grid;grid-template-columns:7.5em 1fr;gap:0 .6em;align-items:start}"
    ".mlk-block-label{margin:.85em 0 0;font:bold .78rem/1.2 system-ui,'DejaVu Sans',sans-serif;"
    "text-transform:uppercase;letter-spacing:.04em}"
    ".mlk-block .mlk-article{margin:.25em 0;border:none;padding:.2em 0}"
    ".mlk-block-headline .mlk-article{font-weight:bold;font-size:1.2rem}"
    ".mlk-block-dek .mlk-article{font-style:italic}"
    ".mlk-block-image_title .mlk-article,.mlk-block-caption .mlk-article,.mlk-block-credit .mlk-article"
    "{font-size:.95rem}"
    ".mlk-footnotes{padding-left:2.4em;font-size:.95rem}"
    ".mlk-footnotes li{margin:.3em 0}"
    f".mlk-back{{color:{TEXT_COLOUR};text-decoration:none;margin-left:.3em}}"
    "@page{size:A4;margin:11mm 12mm 12mm}"
    "@media print{"
    "html{font-size:9.5pt}"
    "body.mlk-handout{margin:0;max-width:none;padding:0;font-size:1rem;line-height:1.35}"
    ".mlk-handout h1{font-size:1.55rem;margin:.1em 0 .3em}"
    ".mlk-handout h2{font-size:1.15rem;margin:.8em 0 .3em}"
    ".mlk-source{margin:.3em 0 .5em}"
    ".mlk-fill{display:inline}"
    ".mlk-source dd{line-height:1.6}"
    ".mlk-handout .mlk-article{padding:0;font-size:1rem}"
    ".mlk-handout .mlk-article,.mlk-handout .mlk-legend{border:none}"
    ".mlk-handout .mlk-legend{padding:0;font-size:.92rem}"
    ".mlk-handout .mlk-legend-list{columns:2;column-gap:1.5em}"
    ".mlk-handout .mlk-legend-item{margin:.2em 0}"
    ".mlk-handout .mlk-legend-item{display:grid;grid-template-columns:6.8em 1fr;gap:0 .5em;align-items:start}"
    ".mlk-handout .mlk-legend .mlk-hl{grid-row:span 2;line-height:1.5;min-width:0}"
    ".mlk-handout .mlk-legend-desc{grid-column:2;margin:0}"
    ".mlk-terms{padding:0}.mlk-terms li{display:inline;margin-right:.8em}"
    ".mlk-block{grid-template-columns:5.6em 1fr}"
    ".mlk-block-label{margin-top:.5em;font-size:.7rem}"
    ".mlk-block .mlk-article{margin:.1em 0}"
    ".mlk-block-headline .mlk-article{font-size:1.15rem}"
    ".mlk-note{background:none;border:1px solid #000;padding:.3em .6em;margin:.4em 0 .6em}"
    ".mlk-back{display:none}"
    ".mlk-hl[title]{cursor:auto}"
    ".mlk-footnotes{font-size:.88rem;columns:2;column-gap:1.5em;padding-left:2em;margin:0}"
    ".mlk-footnotes li{margin:.15em 0}"
    ".mlk-footnotes li,.mlk-legend-item,.mlk-block-headline,.mlk-block-credit{break-inside:avoid}"
    ".mlk-article{orphans:2;widows:2}"
    ".mlk-source-note{font-size:.85em}"
    ".mlk-handout .mlk-legend-desc{font-size:.92em}"
    ".mlk-how{margin:.2em 0}"
    "h1,h2{break-after:avoid}"
    # Lines on paper: just the room the underline tracks need, without the screen's extra air.
    + "".join(f".mlk-handout .mlk-tracks-{t}.mlk-article{{line-height:calc(1.15em + {_track_padding(t)}px)}}"
              for t in range(MAX_TRACKS + 1))
    + "}"
)


# --------------------------------------------------------------------------- where it comes from

def _date_text(value: str | None) -> str:
    """An ISO date as "4 January 2023"; anything else as it is."""
    value = as_text(value).strip()
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{d.day} {d.strftime('%B')} {d.year}"


def source_lines(article) -> list[tuple[str, str, str]]:
    """``(label, value, note)`` rows saying where the article comes from; "not known" where it is not.

    ``article`` is an Article (or anything with a ``metadata``), or None when nothing is known.
    """
    meta = getattr(article, "metadata", None)

    def field(name):
        return as_text(getattr(meta, name, None)).strip() if meta is not None else ""

    authors = getattr(meta, "authors", ()) if meta is not None else ()
    authors = ", ".join(as_text(a) for a in authors if as_text(a).strip()) if isinstance(authors, (list, tuple)) else ""
    rows = [
        ("Outlet", field("outlet") or UNKNOWN, ""),
        ("Date", _date_text(field("published")) or UNKNOWN, field("published_note")),
        ("Address", field("url") or UNKNOWN, field("url_note")),
    ]
    if authors or field("authorship_note"):
        rows.append(("Author", authors or UNKNOWN, "" if authors else field("authorship_note")))
    source = field("source")
    if source and source != "the kit":
        rows.append(("Taken from", source, ""))
    return rows


def _source_html(article) -> str:
    items = []
    for label, value, note in source_lines(article):
        extra = f' <span class="mlk-source-note">({escape_text(note)})</span>' if note else ""
        if value == UNKNOWN and label in FILL_IN:
            extra += ' <span class="mlk-fill">— write it here: <span class="mlk-line"></span></span>'
        items.append(f"<dt>{escape_text(label)}</dt><dd>{escape_text(value)}{extra}</dd>")
    return f'<dl class="mlk-source" aria-label="Where the article comes from">{"".join(items)}</dl>\n'


# --------------------------------------------------------------------------- blocks

@dataclass(frozen=True)
class _Piece:
    """Part of an annotation inside one block, with offsets into the block's text."""

    start: int
    end: int
    category: str
    cue: str
    rule: str
    explanation: str
    source: str | None


def _piece(ann, start: int, end: int) -> _Piece:
    return _Piece(start, end, as_text(getattr(ann, "category", "")), as_text(getattr(ann, "cue", "")),
                  as_text(getattr(ann, "rule", "")), as_text(getattr(ann, "explanation", "")),
                  getattr(ann, "source", None))


def _blocks_of(article, text: str):
    """The article's blocks when they describe ``text`` exactly, else None (show one block)."""
    blocks = tuple(getattr(article, "blocks", ()) or ()) if article is not None else ()
    if not blocks:
        return None
    try:
        if all(text[b.start:b.end] == b.text for b in blocks):
            return blocks
    except (AttributeError, TypeError):
        pass
    return None


def _block_html(text: str, block, spans, numbers: dict[int, int], visible) -> str:
    """One labelled block, its highlights cut to the block; a note number only where a highlight starts."""
    pieces, footnotes = [], {}
    for sp in spans:
        start, end = max(sp.start, block.start), min(sp.end, block.end)
        if start >= end:
            continue
        if sp.start == start and sp.i in numbers:
            footnotes[len(pieces)] = numbers[sp.i]
        pieces.append(_piece(sp.ann, start - block.start, end - block.start))
    kind = block.kind if block.kind in BLOCK_LABELS else "paragraph"
    label = BLOCK_LABELS[kind]
    body = article_html(text[block.start:block.end], pieces, visible, footnotes=footnotes)
    return (f'<div class="mlk-block mlk-block-{kind}" data-kind="{kind}">'
            f'<p class="mlk-block-label">{escape_text(label)}</p>{body}</div>\n')


def _article_body(text: str, annotations, visible, numbers, blocks) -> str:
    if blocks is None:
        return article_html(text, annotations, visible, footnotes=numbers) + "\n"
    spans = spans_of(text, annotations, visible)
    return "".join(_block_html(text, b, spans, numbers, visible) for b in blocks)


def _terms_html(blocks) -> str:
    kinds = {BLOCK_LABELS.get(b.kind) for b in blocks or ()}
    items = "".join(f"<li><b>{escape_text(term)}</b>: {escape_text(what)}.</li>"
                    for term, what in BLOCK_EXPLAINED if term in kinds)
    return (f'<p class="mlk-how">Each part of the article is labelled on the left.</p>'
            f'<ul class="mlk-terms">{items}</ul>\n') if items else ""


# --------------------------------------------------------------------------- notes

def short_quote(text: str, words: int = QUOTE_WORDS) -> str:
    """The first ``words`` words of ``text`` on one line, with "…" when some were left out."""
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


def _note_html(text: str, sp, same_as: int | None = None, why: str | None = None) -> str:
    """One note: symbol, kind, the start of the highlighted words, cue, speaker and reason.

    Said once only: a cue that is the whole quote, a speaker the reason already names, or a reason
    already given in note ``same_as`` is not repeated; ``why`` is the reason as this note gives it
    (sentences said in an earlier note left out).
    """
    ann, st = sp.ann, sp.style
    # Words from the article sit in <bdi>: a right-to-left override (U+202E) in them cannot
    # reverse the kit's own words around them.
    quote = short_quote(text[sp.start:sp.end])
    parts = [f'<span class="mlk-ex-sym" aria-hidden="true">{escape_text(st.symbol)}</span>'
             f'<strong>{escape_text(st.short)}</strong>: '
             f'<bdi class="mlk-ex-quote">“{escape_text(quote)}”</bdi>']
    explanation = as_text(getattr(ann, "explanation", ""))
    cue = " ".join(as_text(getattr(ann, "cue", "")).split())
    if cue and cue.lower() != quote.lower():
        where = f" ({CUE_ELSEWHERE})" if cue_elsewhere(text[sp.start:sp.end], cue) else ""
        parts.append(f' — cue{where} <bdi class="mlk-ex-cue">“{escape_text(cue)}”</bdi>')
    speaker = as_text(getattr(ann, "source", None)).split(" (")[0].strip()   # the name, not the role
    if speaker and speaker.lower() not in explanation.lower():
        parts.append(f' — speaker: <bdi class="mlk-ex-source">{escape_text(speaker)}</bdi>')
    if explanation and same_as is not None:
        parts.append(f'. <span class="mlk-ex-why">The same reason as note {same_as}.</span>')
    elif explanation:
        parts.append(f'. <bdi class="mlk-ex-why">{escape_text(why if why is not None else explanation)}</bdi>')
    return "".join(parts)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
LONG_SENTENCE = 60
"""A sentence of a reason this long, given in an earlier note, is not printed again (a contested
claim's challengers, say): the note points back to where it was said."""


def _shortened(why: str, said: dict[str, int], k: int) -> str:
    """``why`` without the long sentences an earlier note gave, and a pointer to that note."""
    kept, back = [], None
    for sentence in _SENTENCE_END.split(why):
        if len(sentence) >= LONG_SENTENCE and sentence in said:
            back = back or said[sentence]
            continue
        said.setdefault(sentence, k)
        kept.append(sentence)
    if back is None:
        return why
    return " ".join(kept + [f"The rest as in note {back}."])


def _notes_html(text: str, ordered) -> str:
    first: dict[str, int] = {}
    said: dict[str, int] = {}          # each long sentence of a reason, and the note that first gave it
    items = []
    for k, sp in enumerate(ordered, start=1):
        why = as_text(getattr(sp.ann, "explanation", ""))
        same_as = first.get(why) if why else None
        first.setdefault(why, k)
        short = _shortened(why, said, k) if why and same_as is None else None
        items.append(f'<li id="mlk-fn-{k}" value="{k}" data-ann="{sp.i}">{_note_html(text, sp, same_as, short)}'
                     f'<a class="mlk-back" href="#mlk-ref-{k}" aria-label="back to the text">↩</a></li>')
    return "".join(items)


# --------------------------------------------------------------------------- the page

def render_handout(text: str, annotations: Sequence[Annotation], *, title: str | None = None,
                   note: str | None = None, visible: Iterable[str] | None = None,
                   article=None) -> str:
    """A standalone, printable HTML page: source, note, legend, the labelled article, numbered notes.

    ``article`` (an Article whose ``text`` is ``text``) gives the outlet, date, address and the
    labelled blocks; without it the source rows say "not known". No scripts and no outside
    resources. ``note`` replaces :data:`DEFAULT_NOTE` (pass ``DEFAULT_NOTE + " …"`` to extend it;
    "" for none). The markers and symbols carry the meaning when printed without colour.
    """
    title = as_text(title) or as_text(getattr(article, "title", None)) or "Reading the news: the highlighted article"
    note = DEFAULT_NOTE if note is None else as_text(note)
    blocks = _blocks_of(article, text)
    ordered = reading_order(spans_of(text, annotations, visible))
    numbers = {sp.i: k for k, sp in enumerate(ordered, start=1)}
    counts = count_by_category(sp.ann for sp in ordered)
    notes = _notes_html(text, ordered)
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape_text(title)}</title>\n",
        f"<style>{stylesheet_css()}{_HANDOUT_CSS}</style>\n</head>\n",
        '<body class="mlk-handout">\n',
        '<header><p class="mlk-kicker">Reading the news closely · handout</p>\n',
        f"<h1>{escape_text(title)}</h1>\n",
        _source_html(article),
        f'<p class="mlk-note">{escape_text(note)}</p>\n' if note else "",
        '<p class="mlk-how">Each highlight begins with its symbol and a note number; the line style '
        "shows its kind. The notes at the end say why each part was marked.</p></header>\n",
        '<section aria-label="Key">',
        # The four kinds the lessons teach, and another kind only where the page shows one.
        legend_html(visible, counts, include_style=False,
                    categories=[*CATEGORIES, *(c for c in counts if c not in CATEGORIES and counts[c])]),
        "</section>\n",
        '<h2>The article</h2>\n',
        _terms_html(blocks),
        _article_body(text, annotations, visible, numbers, blocks),
        '<section class="mlk-notes"><h2>Notes</h2>\n',
        f'<ol class="mlk-footnotes">{notes}</ol>\n' if notes else
        '<p class="mlk-footnotes mlk-empty">Nothing was highlighted.</p>\n',
        "</section>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def write_handout(path, text: str, annotations: Sequence[Annotation], **kw) -> Path:
    """Write :func:`render_handout` to ``path`` atomically: a crash leaves the old file or none, never half a file."""
    return atomic_write_bytes(path, render_handout(text, annotations, **kw).encode("utf-8"))


def write_article_handout(path, article, annotations: Sequence[Annotation] | None = None, **kw) -> Path:
    """Write the handout of an :class:`~lessons.text.article.Article` (annotated now if not given)."""
    if annotations is None:
        from ..annotator import annotate
        annotations = annotate(article.text)
    return write_handout(path, article.text, annotations, article=article, **kw)
