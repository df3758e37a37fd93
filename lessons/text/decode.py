"""Checking and decoding what a learner gives the kit (text, file bytes, a web page), with the
kind messages for everything that can go wrong, and the limits on what the kit reads."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import KitError

MAX_ARTICLE_CHARS = 2_000_000
"""The most characters one article may have (about a thousand printed pages)."""

MAX_TEXT_FILE_BYTES = 4 * MAX_ARTICLE_CHARS
"""A text file larger than this cannot fit the limit: UTF-8 uses at most 4 bytes a character."""

MAX_HTML_FILE_BYTES = 20_000_000
"""Saved web pages carry much markup around the words, so they may be larger than the text."""

HEADLINE_MAX_CHARS = 200
"""A first line longer than this is a paragraph, not a headline."""

SEPARATOR = "\n\n"
"""What stands between two blocks in ``Article.text``."""

SEED_ID = "makiivka-nbc-2023"
"""The lesson's article, under ``lessons/data/articles/``."""

KINDS = ("headline", "dek", "paragraph", "image_title", "caption", "credit")
"""What a block can be; ``boilerplate`` lines are not blocks (they are left out)."""

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
YAML_SUFFIXES = (".yaml", ".yml")
# Files the kit does not read, with what to call them in a message.
NOT_TEXT_SUFFIXES = {
    ".pdf": "a PDF", ".doc": "a Word document", ".docx": "a Word document",
    ".odt": "a word-processor document", ".rtf": "a rich-text document",
    ".pages": "a Pages document", ".epub": "an e-book", ".ppt": "a slide show",
    ".pptx": "a slide show", ".key": "a slide show", ".odp": "a slide show",
    ".xls": "a spreadsheet", ".xlsx": "a spreadsheet", ".ods": "a spreadsheet",
    ".png": "a picture", ".jpg": "a picture", ".jpeg": "a picture", ".gif": "a picture",
    ".webp": "a picture", ".heic": "a picture", ".svg": "a drawing",
    ".mp3": "a sound file", ".m4a": "a sound file", ".wav": "a sound file",
    ".mp4": "a video", ".mov": "a video", ".zip": "a zip archive",
}
FILE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + YAML_SUFFIXES + tuple(NOT_TEXT_SUFFIXES)


class ArticleError(KitError):
    """An article could not be read; the message tells a learner what to do about it."""


# --- messages -----------------------------------------------------------------------------

EMPTY_MESSAGE = "There is no text to read yet. Paste an article or choose a file."


def _too_long(chars: int) -> str:
    return (f"This text is {chars:,} characters long, more than the {MAX_ARTICLE_CHARS:,} "
            "(about a thousand pages) the kit can read at once. Paste just the article you "
            "want to study.")


def _file_too_big(name: str | None, size: int, limit: int) -> str:
    return (f"{_the_file(name)} is {size / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB "
            "the kit can read. Choose a smaller file, or copy just the article's words and "
            "paste them instead.")


def _the_file(name: str | None, noun: str = "The file") -> str:
    """ "The file 'notes.txt'", or just "The file" when its name is not known."""
    return f"{noun} '{name}'" if name else noun


def _binary(name: str | None) -> str:
    if name is None:
        return ("This text is full of hidden control characters, so it looks like the inside of "
                "a program's file rather than words a person wrote. Copy the article's words "
                "from a web page or document and paste them again.")
    return ("This looks like a binary file, not text: "
            f"'{name}' is full of control characters that are not letters. The kit reads "
            "plain text (.txt, .md) and web pages (.html). Copy the article's words and "
            "paste them instead.")


def _not_utf8(name: str | None, position: int) -> str:
    return (f"{_the_file(name)} is not saved as UTF-8 text, so the kit cannot read its "
            f"letters (the first problem is {position:,} bytes in). Open it in a text editor "
            "and save it again as UTF-8, or copy the text and paste it instead.")


def _unsupported(name: str, suffix: str) -> str:
    what = NOT_TEXT_SUFFIXES[suffix]
    return (f"The kit cannot read '{name}': it is {what}. It reads plain text (.txt, .md) "
            "and web pages (.html, .htm). Save the article as one of those, or copy its "
            "words and paste them instead.")


def _missing(path: Path) -> str:
    return (f"There is no file called '{path}'. Check the spelling of its name and the "
            "folder it is in.")


def _wrong_type(source: object) -> str:
    return ("The kit can read an article from text, from a file, or (with nothing in the "
            "brackets) the lesson's own article, but not from a value of type "
            f"{type(source).__name__}.")


# --- checking and decoding ----------------------------------------------------------------

# Control characters that never appear in text (tab, line breaks and form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20), 0x7f])
_BINARY_SAMPLE = 65_536


def _check_text(text: object) -> str:
    """``text`` itself, if it can be an article; otherwise an ArticleError saying why not."""
    if not isinstance(text, str):
        raise ArticleError(_wrong_type(text))
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(_too_long(len(text)))
    if _looks_binary_text(text):
        raise ArticleError(_binary(None))
    if not text.strip():
        raise ArticleError(EMPTY_MESSAGE)
    return text


def _looks_binary_text(text: str) -> bool:
    """More than 1 in 100 characters are control characters: not something a person wrote."""
    controls = sum(1 for _ in _CONTROL.finditer(text))
    return controls * 100 > len(text)


def _looks_binary_bytes(data: bytes) -> bool:
    """A NUL byte near the start, or many control bytes: a binary file (as git judges it)."""
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample[:8192]:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls * 100 > len(sample)


def _decode(data: bytes, name: str | None) -> str:
    """The text of a file's bytes: UTF-8 (with or without a BOM), or UTF-16 with its BOM."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleError(_not_utf8(name, error.start)) from None
    if _looks_binary_bytes(data):
        raise ArticleError(_binary(name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(_not_utf8(name, error.start)) from None


# A web page's own statement of its encoding, as browsers look for it in the first 1024 bytes.
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
# Labels that browsers read as another encoding (WHATWG Encoding Standard).
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252",
                    "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
                    "x-sjis": "shift_jis", "gb2312": "gbk"}


def _decode_html(data: bytes, name: str | None) -> str:
    """A web page's text: UTF-8 as for any file, else the encoding the page declares itself
    (``<meta charset="windows-1251">``), as a browser would read it."""
    try:
        return _decode(data, name)
    except ArticleError:
        declared = _META_CHARSET.search(data[:1024])
        if declared is None or _looks_binary_bytes(data):
            raise
    label = declared.group(1).decode("ascii").lower()
    try:
        return data.decode(_CHARSET_ALIASES.get(label, label))
    except LookupError:
        raise ArticleError(f"{_the_file(name, 'The web page')} says it is written in "
                           f"'{label}', which the kit does not know. Save it again as UTF-8, "
                           "or copy the text and paste it instead.") from None
    except UnicodeDecodeError as error:
        raise ArticleError(_not_utf8(name, error.start)) from None
