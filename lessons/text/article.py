"""The article as data: headline, standfirst, paragraphs and photo captions, with offsets.

An article keeps its *raw* text exactly as received. ``Article.text`` is the cleaned text the
lessons show: every block in reading order, one blank line apart, without web-page furniture
such as "IE 11 is not supported". Each block knows where it sits in both texts, so a
highlight made on the cleaned text can always be traced back to the text as received.

``load_article()`` gives the lesson's article; ``load_article(path_or_text)`` reads a
learner's own article from a .txt, .md or .html file or from pasted text.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from os import PathLike
from pathlib import Path

from ..data import data_path
from ..errors import KitError
from .decode import (
    MAX_ARTICLE_CHARS, ArticleError, EMPTY_MESSAGE, FILE_SUFFIXES, HEADLINE_MAX_CHARS, HTML_SUFFIXES,
    KINDS, MAX_HTML_FILE_BYTES, MAX_TEXT_FILE_BYTES, NOT_TEXT_SUFFIXES, SEED_ID,
    SEPARATOR, YAML_SUFFIXES, _check_text, _decode, _decode_html,
    _file_too_big, _missing, _the_file, _unsupported, _wrong_type,
)
from .files import read_bytes

__all__ = ["Article", "ArticleError", "Block", "Metadata", "MAX_ARTICLE_CHARS", "MAX_HTML_FILE_BYTES",
           "MAX_TEXT_FILE_BYTES", "SEED_ID", "article_from_bytes", "article_from_text", "article_from_yaml",
           "available_articles", "load_article"]


@dataclass(frozen=True)
class Block:
    """One block of an article: ``text`` is ``article.text[start:end]`` and
    ``article.raw[raw_start:raw_end]``. A caption's photo credit is in ``credit`` and also
    follows the caption as a block of kind ``credit``."""

    kind: str
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    credit: str | None = None


@dataclass(frozen=True)
class Metadata:
    """Where an article comes from; None (or empty) wherever it is not known."""

    outlet: str | None = None
    title: str | None = None
    published: str | None = None          # ISO date, e.g. "2023-01-04"
    published_note: str | None = None     # how the date is known (printed or inferred)
    authors: tuple[str, ...] = ()
    authorship_note: str | None = None
    url: str | None = None
    url_note: str | None = None
    language: str | None = None           # e.g. "en"
    source: str | None = None             # "the kit", "pasted text" or the file's name


@dataclass(frozen=True)
class Article:
    """An article: its raw text as received, its blocks in reading order, and what is known
    about it. ``text`` is the cleaned text the blocks' ``start``/``end`` point into;
    ``boilerplate`` holds the lines of ``raw`` that were left out of it."""

    id: str
    title: str
    raw: str
    blocks: tuple[Block, ...]
    boilerplate: tuple[str, ...] = ()
    metadata: Metadata = Metadata()

    @cached_property
    def text(self) -> str:
        """The cleaned text: every block in reading order, one blank line apart."""
        return SEPARATOR.join(block.text for block in self.blocks)

    @property
    def headline(self) -> str | None:
        """The headline, or None when the article has none."""
        return next((b.text for b in self.blocks if b.kind == "headline"), None)

    @property
    def dek(self) -> str | None:
        """The standfirst under the headline, or None when the article has none."""
        return next((b.text for b in self.blocks if b.kind == "dek"), None)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body paragraphs, in order."""
        return tuple(b.text for b in self.blocks_of("paragraph"))

    @property
    def captions(self) -> tuple[Block, ...]:
        """The photo captions as blocks, so that each keeps its ``credit`` with it."""
        return self.blocks_of("caption")

    @property
    def credits(self) -> tuple[str, ...]:
        """The photo credits, in order."""
        return tuple(b.text for b in self.blocks_of("credit"))

    @property
    def image_titles(self) -> tuple[str, ...]:
        """The photos' titles (their alt text), in order."""
        return tuple(b.text for b in self.blocks_of("image_title"))

    def blocks_of(self, *kinds: str) -> tuple[Block, ...]:
        """The blocks of the given kinds, in reading order."""
        return tuple(block for block in self.blocks if block.kind in kinds)

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``text[offset]``, or None for a separator or out of range."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    @cached_property
    def _starts(self) -> tuple[int, ...]:
        return tuple(block.start for block in self.blocks)


# --- loading ------------------------------------------------------------------------------

def load_article(source: str | PathLike | bytes | None = None) -> Article:
    """The lesson's article (no argument), a file (a path), or an article pasted as text.

    A ``str`` is a file path when such a file exists, the id of one of the kit's articles
    (see ``available_articles``), or otherwise the article's own text. ``bytes`` are the
    contents of a plain-text file (as an upload widget gives them).
    """
    if source is None:
        return _kit_article(SEED_ID)
    if isinstance(source, PathLike):
        return _article_from_path(Path(source))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return article_from_bytes(bytes(source))
    if not isinstance(source, str):
        raise ArticleError(_wrong_type(source))
    one_line = source.strip()
    if _could_be_a_name(source):
        if one_line in available_articles():
            return _kit_article(one_line)
        path = Path(one_line).expanduser()
        if _is_file(path):
            return _article_from_path(path)
        if path.suffix.lower() in FILE_SUFFIXES:
            raise ArticleError(_missing(path))
    return article_from_text(source, source="pasted text")


def article_from_text(text: str, title: str | None = None, *, source: str | None = None
                      ) -> Article:
    """An article from plain text: one block per non-empty line.

    The first line is the headline when it is short and does not end with a full stop (and
    more lines follow); the other lines are paragraphs. Line endings may be "\\n", "\\r\\n" or
    "\\r": ``raw`` keeps them as given, ``raw_start``/``raw_end`` index ``raw`` exactly, and
    ``Article.text`` always uses "\\n". A Markdown heading mark ("# ") is left out of a block.
    """
    raw = _check_text(text)
    spans = [(s, e) for s, e in (_drop_heading_mark(raw, *line) for line in _line_spans(raw))
             if e > s]
    if not spans:
        raise ArticleError(EMPTY_MESSAGE)
    pieces = []
    for i, (start, end) in enumerate(spans):
        headline = i == 0 and len(spans) > 1 and _looks_like_headline(raw[start:end])
        pieces.append(("headline" if headline else "paragraph", start, end, None))
    blocks = _assemble(raw, pieces)
    title = _collapse(title) if title else None
    heading = blocks[0].text if blocks[0].kind == "headline" else None
    return Article(
        id="text-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12],
        title=title or heading or _short_title(blocks[0].text),
        raw=raw,
        blocks=blocks,
        metadata=Metadata(title=title or heading, source=source),
    )


def article_from_bytes(data: bytes, name: str | None = None) -> Article:
    """An article from a file's bytes; ``name`` (a file name) says how to read them:
    .html/.htm as a web page, documents and pictures (.pdf, .docx, .png, ...) not at all,
    anything else as UTF-8 text. For a web page, ``raw`` is the text taken from the page."""
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in NOT_TEXT_SUFFIXES:
        raise ArticleError(_unsupported(name, suffix))
    is_html = suffix in HTML_SUFFIXES
    limit = MAX_HTML_FILE_BYTES if is_html else MAX_TEXT_FILE_BYTES
    if len(data) > limit:
        raise ArticleError(_file_too_big(name, len(data), limit))
    text = _decode_html(bytes(data), name) if is_html else _decode(bytes(data), name)
    if is_html:
        from .savedpage import html_to_article_parts

        title, text = html_to_article_parts(text)
        if not text.strip():
            raise ArticleError(
                f"{_the_file(name, 'The web page')} has no article text that the kit can find "
                "(only code, menus or pictures). Try copying the article's words from the "
                "page and pasting them instead.")
        return article_from_text(text, title, source=name)
    if not text.strip():
        raise ArticleError(f"{_the_file(name)} is empty. Choose a file with the article in it.")
    return article_from_text(text, source=name)


def article_from_yaml(path: str | PathLike) -> Article:
    """An article described by an ``article.yaml`` next to its ``raw.txt`` (see the seed's)."""
    path = Path(path)
    spec = _read_yaml(path)
    raw_name = str(spec.get("raw", "raw.txt"))
    raw_path = path.parent / raw_name
    raw = _decode(_read_bytes(raw_path, MAX_TEXT_FILE_BYTES), str(raw_path))
    pieces, boilerplate = _pieces_from_spec(raw, spec.get("lines"), path.name, raw_name)
    metadata = _metadata_from_spec(spec.get("metadata") or {}, path.name)
    blocks = _assemble(raw, pieces)
    heading = next((b.text for b in blocks if b.kind == "headline"), None)
    return Article(
        id=str(spec.get("id") or path.parent.name),
        title=metadata.title or heading or _short_title(blocks[0].text),
        raw=raw,
        blocks=blocks,
        boilerplate=boilerplate,
        metadata=metadata,
    )


def available_articles() -> tuple[str, ...]:
    """Ids of the articles that come with the kit (folders of ``lessons/data/articles``)."""
    folder = data_path("articles")
    return tuple(sorted(p.parent.name for p in folder.glob("*/article.yaml")))


@lru_cache(maxsize=None)
def _kit_article(article_id: str) -> Article:
    """One of the kit's own articles, read once per session."""
    article = article_from_yaml(data_path("articles", article_id, "article.yaml"))
    if article.metadata.source is None:
        article = replace(article, metadata=replace(article.metadata, source="the kit"))
    return article


# --- files --------------------------------------------------------------------------------

def _could_be_a_name(source: str) -> bool:
    """A short single line: it might name a file or one of the kit's articles."""
    one_line = source.strip()
    return (0 < len(one_line) <= 1024 and "\n" not in one_line and "\r" not in one_line
            and "\x00" not in one_line)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _article_from_path(path: Path) -> Article:
    """An article read from a file, chosen by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return article_from_yaml(path)
    if suffix in NOT_TEXT_SUFFIXES:
        raise ArticleError(_unsupported(str(path), suffix))
    limit = MAX_HTML_FILE_BYTES if suffix in HTML_SUFFIXES else MAX_TEXT_FILE_BYTES
    return article_from_bytes(_read_bytes(path, limit), str(path))


def _read_bytes(path: Path, limit: int) -> bytes:
    """A file's bytes, or an ArticleError saying kindly why they cannot be read."""
    try:
        return read_bytes(path, limit)
    except KitError as error:
        raise ArticleError(str(error)) from None


# --- blocks -------------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]+")
# Whitespace around a line, including a byte-order mark and zero-width spaces.
_EDGE = (" \t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
         "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u2060")
_HEADING_MARK = re.compile(r"#{1,6}[ \t]+")
_CLOSERS = "\"'”’)]»"


def _line_spans(text: str):
    """(start, end) of every line of ``text`` that is not blank, without edge whitespace."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip(_EDGE)
        if stripped:
            start = match.start() + len(line) - len(line.lstrip(_EDGE))
            yield start, start + len(stripped)


def _drop_heading_mark(text: str, start: int, end: int) -> tuple[int, int]:
    """A Markdown heading line ("## Title") without its "## "."""
    mark = _HEADING_MARK.match(text, start, end)
    if mark is None:
        return start, end
    return mark.end(), end


def _looks_like_headline(line: str) -> bool:
    """Short, and without the full stop that ends a sentence (quotes may follow it)."""
    return len(line) <= HEADLINE_MAX_CHARS and not line.rstrip(_CLOSERS).endswith(".")


def _assemble(raw: str, pieces) -> tuple[Block, ...]:
    """Blocks from (kind, raw_start, raw_end, credit), laid out one blank line apart."""
    blocks = []
    position = 0
    for kind, raw_start, raw_end, credit in pieces:
        text = raw[raw_start:raw_end]
        blocks.append(Block(kind, text, position, position + len(text), raw_start, raw_end,
                            credit))
        position += len(text) + len(SEPARATOR)
    return tuple(blocks)


def _collapse(text: str) -> str:
    return " ".join(str(text).split())


def _short_title(text: str, limit: int = 60) -> str:
    """The start of ``text``, cut at a word, as a title for an article that has none."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit].rstrip(" ,;:") + "…"


# --- article.yaml -------------------------------------------------------------------------

LINE_KINDS = KINDS[:-1] + ("boilerplate",)   # what an entry of "lines" can say a line is
_ENTRY_EXTRAS = {"caption": {"credit"}, "boilerplate": {"why"}}


def _read_yaml(path: Path) -> dict:
    """The mapping in an article.yaml, or an ArticleError naming the problem."""
    import yaml

    text = _decode(_read_bytes(path, MAX_TEXT_FILE_BYTES), str(path))
    try:
        spec = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise ArticleError(f"'{path.name}' is not valid YAML: {error}") from None
    if not isinstance(spec, dict):
        raise ArticleError(f"'{path.name}' should hold a mapping with 'metadata' and 'lines'.")
    return spec


def _pieces_from_spec(raw: str, entries, yaml_name: str, raw_name: str):
    """Blocks and boilerplate for the lines of ``raw``, one entry per non-blank line."""
    if not isinstance(entries, list) or not entries:
        raise ArticleError(f"'{yaml_name}' needs a list 'lines' with one entry for each line.")
    spans = list(_line_spans(raw))
    lines = [raw[s:e] for s, e in spans]
    pieces, boilerplate = [], []
    for number, (entry, (start, end)) in enumerate(zip(entries, spans), 1):
        kind, words, extras = _entry(entry, number, yaml_name)
        line = lines[number - 1]
        where = f"'{yaml_name}', entry {number} ({kind} '{_short_title(words, 40)}')"
        if not line.startswith(words):
            raise ArticleError(f"{where}: line {raw.count(chr(10), 0, start) + 1} of "
                               f"'{raw_name}' begins differently: '{_short_title(line, 60)}'. "
                               "The entries must follow the lines of the text in order.")
        fits = sum(other.startswith(words) for other in lines)
        if fits > 1:
            raise ArticleError(f"{where} fits {fits} lines of '{raw_name}'. Write more of the "
                               "line so that it fits only one.")
        if kind == "boilerplate":
            boilerplate.append(line)
        elif kind == "caption" and extras.get("credit"):
            pieces.extend(_caption_pieces(raw, start, end, words, str(extras["credit"]), where))
        else:
            pieces.append((kind, start, end, None))
    if len(entries) != len(spans):
        raise ArticleError(f"'{yaml_name}' lists {len(entries)} lines, but '{raw_name}' has "
                           f"{len(spans)} lines that are not blank. There must be one entry "
                           "for each line, in order.")
    if not pieces:
        raise ArticleError(f"'{yaml_name}' marks every line as boilerplate: nothing is left.")
    return pieces, tuple(boilerplate)


def _entry(entry, number: int, yaml_name: str) -> tuple[str, str, dict]:
    """(kind, words, extra fields) of one entry of "lines"."""
    kinds = [key for key in entry if key in LINE_KINDS] if isinstance(entry, dict) else []
    if len(kinds) != 1:
        raise ArticleError(f"'{yaml_name}', entry {number} of 'lines' should say what the line "
                           f"is with one of: {', '.join(LINE_KINDS)}.")
    kind = kinds[0]
    unknown = set(entry) - {kind} - _ENTRY_EXTRAS.get(kind, set())
    if unknown:
        raise ArticleError(f"'{yaml_name}', entry {number}: a {kind} cannot have "
                           f"{', '.join(sorted(map(str, unknown)))}.")
    words = entry[kind]
    if not isinstance(words, str) or not words.strip():
        raise ArticleError(f"'{yaml_name}', entry {number}: give the words the {kind} begins "
                           "with, in quotes.")
    return kind, words.strip(), {k: v for k, v in entry.items() if k != kind}


def _caption_pieces(raw: str, start: int, end: int, words: str, credit: str, where: str):
    """A caption line as two pieces: the caption (carrying its credit) and the credit."""
    credit = credit.strip()
    line = raw[start:end]
    if not credit or not line.endswith(credit) or len(credit) >= len(line):
        raise ArticleError(f"{where}: the line does not end with the credit '{credit}'.")
    credit_start = end - len(credit)
    caption_end = start + len(line[: -len(credit)].rstrip(_EDGE))
    if caption_end - start < len(words):
        raise ArticleError(f"{where}: the caption's words run into its credit '{credit}'.")
    return [("caption", start, caption_end, credit), ("credit", credit_start, end, None)]


_METADATA_FIELDS = set(Metadata.__dataclass_fields__)


def _metadata_from_spec(spec, yaml_name: str) -> Metadata:
    """The ``metadata`` mapping of an article.yaml as a Metadata record."""
    if not isinstance(spec, dict):
        raise ArticleError(f"'{yaml_name}': 'metadata' should be a mapping of names to values.")
    unknown = set(spec) - _METADATA_FIELDS
    if unknown:
        raise ArticleError(f"'{yaml_name}': unknown metadata {', '.join(sorted(map(str, unknown)))}"
                           f"; the known ones are {', '.join(sorted(_METADATA_FIELDS))}.")
    values = {}
    for key, value in spec.items():
        if key == "authors":
            values[key] = tuple(str(a) for a in (value or ()))
        elif value is not None:
            # An unquoted date in YAML arrives as a date object: keep it as ISO text.
            values[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return Metadata(**values)
