"""Readable text from a saved web page, with the standard library's HTML parser only.

Menus, scripts, forms and other page furniture are dropped; headings, paragraphs, list items
and captions become lines of their own so that the article reader can treat each as a block.
The markup is only read as data: nothing in it is ever run or fetched.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose whole content is page furniture or code, not article text. A <header>
# inside an <article> is kept: there it holds the article's own headline and standfirst.
SKIPPED = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer",
    "aside", "form", "button", "iframe", "object", "canvas", "select", "textarea", "dialog",
})

# Skipped elements that may close themselves with "/>".
SELF_CLOSING = frozenset({"svg", "math"})

# Elements that start and end a block of text: each becomes a paragraph of its own.
BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "figcaption",
    "figure", "section", "article", "main", "ul", "ol", "dl", "dt", "dd", "table", "caption",
    "pre", "hr", "address", "details", "summary", "body", "html",
})

# Page furniture that sites build from <div>s, <a>s and <span>s: recognised by its ARIA role
# (what a screen reader announces it as), by aria-modal, or by a whole word of its class or id.
FURNITURE_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar",
})
FURNITURE_WORDS = frozenset({
    "cookie", "cookies", "consent", "gdpr", "cmp", "share", "sharing", "social", "advert",
    "advertisement", "ad", "ads", "newsletter", "related", "promo", "skip", "breadcrumb",
    "breadcrumbs", "paywall",
})
# Never furniture, whatever their class says ("<body class='cookie-consent-given'>").
NEVER_FURNITURE = frozenset({"html", "head", "body", "main", "article"})
# Elements without an end tag: they cannot hold furniture.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
# When leaving out furniture would leave less than this share of the text, the guess was wrong
# (a wrapper around the whole page with a class like "has-share-bar"): keep everything.
FURNITURE_MIN_SHARE = 0.25
_CLASS_WORD = re.compile(r"[a-z0-9]+")

# Cells of one table row stay on one line, separated by a space.
CELLS = frozenset({"td", "th"})

# Inside <head>, only these elements may appear; anything else means the body has begun
# (the end tag of <head> is optional in HTML, and often missing).
HEAD_ELEMENTS = frozenset({"title", "meta", "link", "base", "style", "script", "noscript",
                           "template"})

# The page title is cut at this length, so that a missing </title> cannot swallow the page.
MAX_TITLE_CHARS = 300

_SPACE = re.compile(r"\s+")

# What the parser accepts after "<!["; anything else makes Python 3.11's parser raise.
# "<![CDATA[" and its kin end at "]]>", Microsoft's "<![if ...]>" at "]>".
_CDATA_SECTION = re.compile(r"<!\[(?:cdata|temp|ignore|include|rcdata)(?![-_.a-zA-Z0-9])", re.I)
_MS_SECTION = re.compile(r"<!\[(?:if|else|endif)(?![-_.a-zA-Z0-9])", re.I)
# The closers the parser searches for (spaces allowed between their characters).
_COMMENT_CLOSE = re.compile(r"--\s*>")
_CDATA_CLOSE = re.compile(r"\]\s*\]\s*>")
_MS_CLOSE = re.compile(r"\]\s*>")


def html_to_text(html: str) -> str:
    """The readable text of ``html``: one block per line, blocks separated by a blank line."""
    return html_to_article_parts(html)[1]


def html_to_article_parts(html: str) -> tuple[str | None, str]:
    """``(title, text)`` of a web page; the title is the ``<title>`` text, or None."""
    if not isinstance(html, str):
        raise TypeError(f"html_to_text needs a str, not {type(html).__name__}")
    parser = _TextExtractor()
    parser.feed(defuse(html))
    parser.close()
    text, everything = parser.text(), parser.text(furniture=True)
    if len(text) < FURNITURE_MIN_SHARE * len(everything):
        text = everything
    return parser.title(), text


def collapse_spaces(text: str) -> str:
    """Runs of whitespace (line breaks and no-break spaces too) as one space, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def defuse(html: str) -> str:
    """``html`` with every "<" that opens a construct which can never close written as "&lt;".

    The standard parser re-scans the rest of the page for each such "<" (quadratic time on
    junk like "<a <a <a ...") and raises on a malformed "<![": written as text, they cost
    one pass and cannot fail. Well-formed markup is left exactly as it was.
    """
    last_gt = html.rfind(">")
    # An opener at i can close only if a closer starts after the opener's own characters.
    limits = {
        "comment": _last_start(_COMMENT_CLOSE, html) - 4,
        "cdata": _last_start(_CDATA_CLOSE, html) - 3,
        "ms": _last_start(_MS_CLOSE, html) - 3,
    }
    out: list[str] = []
    done = 0
    for i in _positions(html, "<"):
        if i < last_gt and _can_close(html, i, limits):
            continue
        out.append(html[done:i])
        out.append("&lt;")
        done = i + 1
    out.append(html[done:])
    return "".join(out)


def _positions(text: str, char: str):
    """Every index of ``char`` in ``text``, found with str.find (fast, linear)."""
    i = text.find(char)
    while i >= 0:
        yield i
        i = text.find(char, i + 1)


def _last_start(pattern: re.Pattern, text: str) -> int:
    """Start of the last match of ``pattern`` in ``text``, or -1."""
    last = -1
    for match in pattern.finditer(text):
        last = match.start()
    return last


def _can_close(html: str, i: int, limits: dict[str, int]) -> bool:
    """Whether the construct opened at ``html[i]`` has a closer somewhere after it."""
    if html.startswith("<!--", i):
        return i <= limits["comment"]
    if html.startswith("<![", i):
        if _CDATA_SECTION.match(html, i):
            return i <= limits["cdata"]
        if _MS_SECTION.match(html, i):
            return i <= limits["ms"]
        return False
    return True


class _TextExtractor(HTMLParser):
    """Collects text into lines and blocks; a pure state machine over the parser's events."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skip: dict[str, int] = {}     # open skipped elements, by tag name
        self._skipping = 0                  # total of the counts above
        self._in_head = False
        self._in_title = False
        self._title_parts: list[str] = []
        self._title_chars = 0
        self._articles = 0                  # open <article> elements
        self._title_done = False
        self._furniture_tag: str | None = None   # the outermost open furniture element
        self._furniture_depth = 0           # open elements of its name, itself included
        # Two texts at once: [0] without the furniture found by role or class, [1] with it.
        self._line: tuple[list[str], list[str]] = ([], [])       # chunks of the current line
        self._block: tuple[list[str], list[str]] = ([], [])      # lines of the current block
        self._blocks: tuple[list[str], list[str]] = ([], [])     # finished blocks

    # --- parser events -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "article":
            self._articles += 1
        if self._furniture_tag == tag:
            self._furniture_depth += 1
        elif (self._furniture_tag is None and not self._skipping and not self._in_head
              and self._is_furniture(tag, attrs)):
            self._boundary(tag)
            self._furniture_tag, self._furniture_depth = tag, 1
        if tag in SKIPPED and not (tag == "header" and self._articles):
            self._skip[tag] = self._skip.get(tag, 0) + 1
            self._skipping += 1
            return
        if tag == "head":
            self._in_head = True
            return
        if self._in_head and tag not in HEAD_ELEMENTS:
            self._in_head = False
        if tag == "title" and not self._skipping and not self._title_done:
            self._in_title = True
            return
        self._end_title()
        self._boundary(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        # Browsers ignore the "/" of <script/> and <nav/>: they open as usual. Only the
        # foreign elements <svg/> and <math/> really close themselves.
        if tag in SKIPPED and tag not in SELF_CLOSING:
            self.handle_starttag(tag, attrs)
        elif not self._skipping:
            self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._articles:
            self._articles -= 1
        if tag == self._furniture_tag:
            self._furniture_depth -= 1
            if not self._furniture_depth:
                self._boundary(tag)
                self._furniture_tag = None
        if tag in SKIPPED:
            count = self._skip.get(tag, 0)
            if count:                       # a stray end tag closes nothing
                self._skip[tag] = count - 1
                self._skipping -= 1
            return
        if tag == "head":
            self._in_head = False
            return
        if tag == "title":
            self._end_title()
            return
        self._boundary(tag)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._in_title:
            self._title_parts.append(data)
            self._title_chars += len(data)
            if self._title_chars > MAX_TITLE_CHARS:
                self._end_title()
            return
        if self._in_head:
            return
        if self._furniture_tag is None:
            self._line[0].append(data)
        self._line[1].append(data)

    # Comments, <!DOCTYPE>, <?...?> and CDATA sections carry no article text.
    def handle_comment(self, data: str) -> None:
        pass

    def handle_decl(self, decl: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass

    def _is_furniture(self, tag: str, attrs) -> bool:
        """Whether an element is page furniture by its role, aria-modal, class or id."""
        if tag in NEVER_FURNITURE or tag in VOID:
            return False
        values = {name: (value or "").lower() for name, value in attrs}
        roles = set(values.get("role", "").split())
        if self._articles:
            roles.discard("banner")         # an article's own header
        if roles & FURNITURE_ROLES or values.get("aria-modal", "").strip() == "true":
            return True
        words = _CLASS_WORD.findall(values.get("class", "") + " " + values.get("id", ""))
        return not FURNITURE_WORDS.isdisjoint(words)

    # --- building the text ---------------------------------------------------------------
    def _boundary(self, tag: str) -> None:
        if self._skipping:
            return
        if tag == "br":
            self._end_line()
        elif tag in CELLS:
            self._line[0].append(" ")
            self._line[1].append(" ")
        elif tag in BLOCKS:
            self._end_block()

    def _end_title(self) -> None:
        if self._in_title:
            self._in_title = False
            self._title_done = True

    def _end_line(self) -> None:
        for chunks, block in zip(self._line, self._block):
            line = collapse_spaces("".join(chunks))
            chunks.clear()
            if line:
                block.append(line)

    def _end_block(self) -> None:
        self._end_line()
        for block, blocks in zip(self._block, self._blocks):
            if block:
                blocks.append("\n".join(block))
                block.clear()

    def title(self) -> str | None:
        """The page title with its whitespace collapsed, or None when there is none."""
        title = collapse_spaces("".join(self._title_parts))[:MAX_TITLE_CHARS]
        return title or None

    def text(self, furniture: bool = False) -> str:
        """Every block found so far, separated by one blank line; with ``furniture``, also the
        blocks of furniture recognised by role or class (named elements are always left out)."""
        self._end_block()
        return "\n\n".join(self._blocks[1 if furniture else 0])
