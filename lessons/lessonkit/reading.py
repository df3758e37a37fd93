"""Reading a report closely: its parts, its sentences and quotes, and searching it for words.

Each helper is a pure function over an :class:`~lessons.text.article.Article` (the seed article by
default) that returns a :class:`Shown`: escaped HTML for the notebook and plain text for
everything else, so that running a cell twice only shows the same thing twice, and tests can
read what a learner sees.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Sequence

from ..render.stylesheet import style_html

PART_NAMES = ("headline", "dek", "byline", "lede", "quotes", "captions", "boilerplate")


@dataclass(frozen=True)
class Shown:
    """What a helper shows: HTML in a notebook (``_repr_html_``), plain text anywhere else."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return style_html() + f'<div class="mlk-lk">{self.html}</div>'

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


@dataclass(frozen=True)
class Piece:
    """One sentence of the report with where it sits: ``where`` is e.g. "Headline" or "Paragraph 3"."""

    part: str       # headline / dek / body / caption
    where: str
    text: str


def _e(s: str) -> str:
    return html.escape(s, quote=False)


def _article(article=None):
    if article is not None:
        return article
    from .. import load_article
    return load_article()


def _t(part) -> str:
    """The words of an article part, whether the article gives a block (with ``.text``) or a string."""
    if part is None:
        return ""
    return part if isinstance(part, str) else str(getattr(part, "text", part))


def _sentences(text: str) -> list[str]:
    from ..text.sentences import split_sentences
    return [s.text for s in split_sentences(text)]


def _blocks(article) -> list[tuple[str, str, str | None]]:
    """``(kind, text, credit)`` for every block in reading order; photo credits are left out
    because they belong to their caption."""
    blocks = getattr(article, "blocks", None)
    if blocks is not None:
        return [(b.kind, b.text, getattr(b, "credit", None)) for b in blocks if b.kind != "credit"]
    out = [("headline", _t(article.headline), None), ("dek", _t(article.dek), None)]
    out += [("paragraph", _t(p), None) for p in article.paragraphs]
    out += [("caption", _t(c), getattr(c, "credit", None)) for c in article.captions]
    return [b for b in out if b[1]]


def _photos(article) -> list[dict]:
    """Each photo with its alt text (``title``), ``caption`` and ``credit``, in reading order."""
    photos: list[dict] = []
    for kind, text, credit in _blocks(article):
        if kind == "image_title" or (kind == "caption" and (not photos or photos[-1]["caption"])):
            photos.append({"title": None, "caption": None, "credit": None})
        if kind == "image_title":
            photos[-1]["title"] = text
        elif kind == "caption":
            photos[-1]["caption"], photos[-1]["credit"] = text, credit
    return photos


_WHERE = {"headline": "Headline", "dek": "Dek", "paragraph": "Paragraph", "image_title": "Photo",
          "caption": "Photo"}


def pieces(article=None) -> list[Piece]:
    """Every sentence of the report, in reading order: headline, dek, paragraphs, photo texts."""
    article = _article(article)
    out, paragraph, photo, last = [], 0, 0, None
    for kind, text, _credit in _blocks(article):
        if kind == "paragraph":
            paragraph += 1
            where, part = f"Paragraph {paragraph}", "body"
        elif kind in ("image_title", "caption"):
            if kind == "image_title" or last != "image_title":
                photo += 1
            what = "alt text" if kind == "image_title" else "caption"
            where, part = f"Photo {photo} {what}", "caption"
        elif kind in ("headline", "dek"):
            where, part = _WHERE[kind], kind
        else:
            continue
        last = kind
        out += [Piece(part, where, sentence) for sentence in _sentences(text)]
    return out


# --- the parts of a report ----------------------------------------------------------------------

_QUOTE = re.compile(r"[“\"]([^“”\"]+)[”\"]")


def quotes(article=None) -> list[tuple[str, str | None]]:
    """Each direct quotation in the body with its attribution: the words after it in its sentence
    ("Giles said."), else the words before it, else ``None`` (the quote carries on from the last)."""
    article = _article(article)
    from ..text.sentences import split_sentences

    found = []
    for paragraph in map(_t, article.paragraphs):
        spans = [(m.start(), m.end()) for m in _QUOTE.finditer(paragraph) if len(m.group(1).split()) > 3]
        sentences = split_sentences(paragraph)
        for i, (start, end) in enumerate(spans):
            last = next((s for s in sentences if s.start < end <= s.end), None)
            first = next((s for s in sentences if s.start <= start < s.end), None)
            after = paragraph[end:min(last.end, spans[i + 1][0]) if i + 1 < len(spans) else last.end] if last else ""
            before = paragraph[max(first.start, spans[i - 1][1]) if i else first.start:start] if first else ""
            for words in (after, before):
                words = " ".join(words.split()).strip(" ,.;:—-")
                if re.search(r"[A-Za-z]", words):
                    found.append((paragraph[start:end], words + "."))
                    break
            else:
                found.append((paragraph[start:end], None))
    return found


_PART_INFO = {
    "headline": ("Headline", "the title, written to make you read on"),
    "dek": ("Dek", "the line under the headline that adds the key detail"),
    "byline": ("Byline and date", "who wrote the report, for which outlet, and when"),
    "lede": ("Lede", "the first sentence of the report: the most important thing"),
    "quotes": ("Quotes", "people's exact words, and who said them (attribution)"),
    "captions": ("Photos: alt text, captions and credits", "what each photo shows, and who supplied it"),
    "boilerplate": ("Boilerplate (removed)", "web-page text that is not part of the report"),
}


def _byline(article) -> list[tuple[str, str]]:
    """``(label, value)`` rows on who wrote the report and when, with how each is known."""
    meta = getattr(article, "metadata", None)
    if meta is None or isinstance(meta, dict):
        meta = type("M", (), dict(meta or {}))
    authors = ", ".join(getattr(meta, "authors", ()) or ())
    rows = [("Outlet", getattr(meta, "outlet", None)),
            ("Byline (the writer's name)", authors or getattr(meta, "authorship_note", None)),
            ("Date", ". ".join(x for x in (getattr(meta, "published", None),
                                          getattr(meta, "published_note", None)) if x))]
    return [(label, value or "not known") for label, value in rows]


def _part(name: str, article) -> tuple[str, list[str], list[str]]:
    """``(title, html items, text items)`` for one part of the report."""
    title, what = _PART_INFO[name]
    items_html, items_text = [], []
    if name in ("headline", "dek"):
        value = _t(getattr(article, name, None))
        items_html.append(f"<p>{_e(value)}</p>" if value else "<p><em>(this report has none)</em></p>")
        items_text.append(value or "(none)")
    elif name == "byline":
        for label, value in _byline(article):
            items_html.append(f"<p><span class='mlk-name'>{_e(label)}:</span> {_e(value)}</p>")
            items_text.append(f"{label}: {value}")
    elif name == "lede":
        first = next((t for t in map(_t, article.paragraphs) if t.strip()), "")
        lede = (_sentences(first) or [""])[0]
        items_html.append(f"<p>{_e(lede)}</p>")
        items_text.append(lede)
    elif name == "quotes":
        for q, who in quotes(article):
            attribution = who or "(the quote above continues)"
            items_html.append(f"<blockquote>{_e(q)}<br><span class='mlk-what'>Attribution: "
                              f"{_e(attribution)}</span></blockquote>")
            items_text.append(f"{q} | {attribution}")
    elif name == "captions":
        for i, photo in enumerate(_photos(article), 1):
            rows = [("Alt text", photo["title"]), ("Caption", photo["caption"]),
                    ("Credit", photo["credit"] or "(none given)")]
            rows = [(label, value) for label, value in rows if value]
            items_html.append(f"<p><span class='mlk-name'>Photo {i}</span><br>" + "<br>".join(
                f"<span class='mlk-what'>{_e(label)}:</span> {_e(value)}" for label, value in rows) + "</p>")
            items_text.append(f"Photo {i}: " + " | ".join(f"{label}: {value}" for label, value in rows))
    elif name == "boilerplate":
        removed = list(getattr(article, "boilerplate", ()) or ())
        for item in removed:
            why = getattr(item, "why", None)
            items_html.append(f"<p><s>{_e(_t(item))}</s>"
                              + (f"<br><span class='mlk-what'>Why: {_e(why)}</span>" if why else "") + "</p>")
            items_text.append(_t(item) + (f" | Why: {why}" if why else ""))
        if not removed:
            items_html.append("<p><em>(nothing was removed)</em></p>")
    return f"{title}: {what}", items_html, items_text


def show_parts(*names: str, article=None) -> Shown:
    """The anatomy of the report: the parts named (any of headline, dek, byline, lede, quotes,
    captions, boilerplate), or all of them in reading order."""
    article = _article(article)
    wanted = [n.strip().lower() for n in names] or list(PART_NAMES)
    unknown = [n for n in wanted if n not in _PART_INFO]
    if unknown:
        choices = ", ".join(f'"{n}"' for n in PART_NAMES)
        msg = f'There is no part called "{unknown[0]}". Try one of: {choices}.'
        return Shown(f"<p>{_e(msg)}</p>", msg)
    blocks, texts = [], []
    for name in wanted:
        title, items_html, items_text = _part(name, article)
        blocks.append(f"<div class='mlk-part'><div class='mlk-name'>{_e(title)}</div>{''.join(items_html)}</div>")
        texts.append(title + "\n" + "\n".join(items_text))
    return Shown("".join(blocks), "\n\n".join(texts))


# --- finding words ------------------------------------------------------------------------------

def _phrase_pattern(phrase: str) -> re.Pattern:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<![\w’'])" + r"\s+".join(words) + r"(?![\w])", re.IGNORECASE)


def matches(phrase: str, article=None) -> list[tuple[Piece, list[tuple[int, int]]]]:
    """The sentences of the report that use ``phrase`` (whole words, any case), with match spans."""
    pattern = _phrase_pattern(phrase)
    out = []
    for piece in pieces(article):
        spans = [m.span() for m in pattern.finditer(piece.text)]
        if spans:
            out.append((piece, spans))
    return out


def _marked(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, str]:
    """``text`` with the spans wrapped in ``<mark>`` (HTML) and in [brackets] (plain text)."""
    h, t, last = [], [], 0
    for a, b in spans:
        h += [_e(text[last:a]), "<mark>", _e(text[a:b]), "</mark>"]
        t += [text[last:a], "[", text[a:b], "]"]
        last = b
    h.append(_e(text[last:]))
    t.append(text[last:])
    return "".join(h), "".join(t)


def find(phrase: str, article=None) -> Shown:
    """Every sentence of the report that uses a word or phrase, with the word marked."""
    phrase = " ".join(str(phrase).split())
    if not phrase:
        msg = "Type a word between the quotation marks, then run the cell again."
        return Shown(f"<p>{_e(msg)}</p>", msg)
    found = matches(phrase, article)
    if not found:
        msg = (f"No sentence in the report uses “{phrase}”. Check the spelling, "
               "or try a shorter word.")
        return Shown(f"<p>{_e(msg)}</p>", msg)
    n = len(found)
    head = f"“{phrase}” appears in {n} sentence{'s' if n != 1 else ''}:"
    rows_h, rows_t = [], []
    for piece, spans in found:
        h, t = _marked(piece.text, spans)
        rows_h.append(f"<tr><th scope='row'>{_e(piece.where)}</th><td>{h}</td></tr>")
        rows_t.append(f"{piece.where}: {t}")
    table = ("<table><thead><tr><th scope='col'>Where</th><th scope='col'>Sentence</th></tr></thead>"
             f"<tbody>{''.join(rows_h)}</tbody></table>")
    return Shown(f"<p>{_e(head)}</p>{table}", head + "\n" + "\n".join(rows_t))
