"""Any article can be brought in: a saved news page becomes clean text, highlights and a handout.

The page is ``tests/data/saved-news-page.html``: an invented story on an invented site, written
for the kit to look like a news page saved from a browser (cookie banner, menus, scripts, styles,
share buttons, an advert, a related-stories box, a photo with a caption, a newsletter form and a
footer around the article's paragraphs).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

import lessons
import lessons as kit
from lessons.text.article import MAX_HTML_FILE_BYTES, MAX_TEXT_FILE_BYTES, load_article
from lessons.render.handout import render_handout

ROOT = Path(__file__).resolve().parent.parent
PAGE = Path(__file__).resolve().parent / "data" / "saved-news-page.html"
CHROMIUM = Path("/usr/bin/chromium")

TITLE = "Floodwaters cut off Eastbridge as the River Alder bursts its banks | The Daily Example"
HEADLINE = "Floodwaters cut off Eastbridge as the River Alder bursts its banks"
DEK = ("Hundreds of homes were evacuated overnight, and officials warned that the water may keep "
       "rising until Thursday.")
CAPTION = ("A rescue crew steers a boat along Mill Street in Eastbridge on Sunday. "
           "Jo Invented / Example Images")
PARAGRAPHS = [
    "EASTBRIDGE — The River Alder burst its banks early Sunday, cutting off the town’s only bridge "
    "and forcing about 1,200 residents from their homes.",
    "The regional Interior Ministry said in a statement that 14 people had been rescued from "
    "rooftops and that no deaths had been reported.",
    "“The water may keep rising until Thursday,” Mayor Lena Brook told reporters at the town hall. "
    "“We are asking everyone in the lower town to leave now.”",
    "Dr. Tomas Reed, a hydrologist at the University of Westmark, said the flooding was probably "
    "made worse by a week of heavy rain upstream.",
    "‘Nobody told us’",
    "Some residents said the warning came too late. A local business group claimed that the flood "
    "barriers had not been tested in years, a claim the ministry denied.",
    "The Daily Example could not independently verify how many people were still in their homes "
    "on Sunday evening.",
    "Forecasters expect the river to peak on Tuesday, according to the national weather service. "
    "Schools in the district will stay closed on Monday, officials said.",
]
# The blocks of the article in reading order (the byline and date belong to the article too).
ARTICLE_BLOCKS = [HEADLINE, DEK, "By Ana Example and Sam Placeholder", "March 3, 2024, 9:14 AM UTC",
                  CAPTION, *PARAGRAPHS]

# Words from the page furniture that must not reach the article text.
CODE_AND_MENUS = {
    "script": ["SCRIPT-TEXT", "dataLayer", "gtag", "JSON-LD-TEXT", "@context", "ads.render"],
    "style": ["STYLE-TEXT", "STYLE-CONTENT-TEXT", "position: fixed", "{", "}"],
    "head": ["META-DESCRIPTION-TEXT", "saved from url"],
    "nav": ["Business", "Culture", "Newsletters", "Skip to content"],
    "search form": ["Search the site"],
    "related stories box": ["Why river towns flood more often now", "Related"],
    "noscript": ["NOSCRIPT-TEXT"],
    "newsletter form": ["NEWSLETTER-TEXT", "Sign up"],
    "footer": ["FOOTER-TEXT", "All rights reserved", "©"],
    "buttons": ["Copy link", "Accept all", "Manage preferences"],
}
# Furniture a site builds from plain <div>s and links rather than from <nav>, <aside>, <button>.
DIV_FURNITURE = {
    "cookie banner": ["We value your privacy", "cookies", "cookie policy", "214 partners"],
    "share buttons": ["Share on Facebook", "Share on X", "Email this story"],
    "advert label": ["Advertisement"],
}


@pytest.fixture(scope="module")
def article():
    return load_article(PAGE)


@pytest.fixture(scope="module")
def annotations(article):
    return lessons.annotate(article.text)


def blocks_of(text: str) -> list[str]:
    return text.split("\n\n")


def is_subsequence(wanted: list[str], blocks: list[str]) -> bool:
    it = iter(blocks)
    return all(any(b == w for b in it) for w in wanted)


# --- the page as clean text ------------------------------------------------------------------

def test_a_saved_news_page_comes_in_with_its_words_in_reading_order(article):
    assert article.title == TITLE
    assert article.metadata.source == str(PAGE)
    text = article.text
    blocks = blocks_of(text)
    # Every paragraph is a block of its own, whole, and they come in the page's order.
    assert is_subsequence(ARTICLE_BLOCKS, blocks), blocks
    for paragraph in PARAGRAPHS:
        assert blocks.count(paragraph) == 1
    # Paragraph breaks are kept as one blank line; lines inside a paragraph are joined.
    assert "\n\n\n" not in text and "\r" not in text
    assert all(block == block.strip() and "  " not in block for block in blocks)
    assert "town’s only bridge" in text          # a line break in the page's source is a space
    # Entities are decoded, and a link inside a paragraph stays part of its sentence.
    assert "&#" not in text and "&amp;" not in text
    assert "according to the national weather service. Schools" in text
    # The same article, whether the path is given as a Path or as text.
    assert load_article(str(PAGE)).text == text


@pytest.mark.parametrize("where", list(CODE_AND_MENUS))
def test_no_code_styles_menus_or_forms_reach_the_text(article, where):
    for words in CODE_AND_MENUS[where]:
        assert words not in article.text, f"{where}: {words!r}"
    assert "http" not in article.text and "example.com" not in article.text


@pytest.mark.parametrize("where", list(DIV_FURNITURE))
def test_no_cookie_banner_share_links_or_advert_label_reach_the_text(article, where):
    for words in DIV_FURNITURE[where]:
        assert words not in article.text, f"{where}: {words!r}"
    assert article.headline == HEADLINE
    assert blocks_of(article.text)[:2] == [HEADLINE, DEK]


LEGACY_PAGES = {
    # Pages from sites that still serve a legacy encoding, saved with their own bytes.
    "windows-1251": ('<html><head><meta charset="windows-1251"><title>Паводок</title></head><body>'
                     "<h1>Паводок в Истбридже</h1><p>Министерство заявило, что вода может "
                     "подняться.</p></body></html>", "cp1251",
                     ["Паводок в Истбридже", "Министерство заявило, что вода может подняться."]),
    "iso-8859-1 (read as windows-1252, as browsers do)": (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><h1>Caf\u00e9 owners fear the flood</h1><p>\u201cThe water may rise,\u201d "
        "the mayor said.</p></body></html>", "cp1252",
        ["Caf\u00e9 owners fear the flood", "\u201cThe water may rise,\u201d the mayor said."]),
}


@pytest.mark.parametrize("encoding", list(LEGACY_PAGES))
def test_a_saved_page_in_the_encoding_it_declares_is_read(tmp_path, encoding):
    page, codec, blocks = LEGACY_PAGES[encoding]
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode(codec))
    assert load_article(path).text.split("\n\n") == blocks


# --- highlights and the handout --------------------------------------------------------------

def test_the_annotator_highlights_the_page(article, annotations):
    text = article.text
    found = {(a.category, a.text_in(text)) for a in annotations}
    cats = {a.category for a in annotations}
    assert {"hedge", "official", "expert", "unverified"} <= cats
    assert ("hedge", "may") in found and ("hedge", "probably") in found
    officials = [a.text_in(text) for a in annotations if a.category == "official"]
    assert any(s.startswith("The regional Interior Ministry said in a statement") for s in officials)
    assert any("Mayor Lena Brook told reporters" in s for s in officials)
    experts = [a for a in annotations if a.category == "expert"]
    assert any("Tomas Reed" in (a.source or "") for a in experts)
    assert ("unverified", "could not independently verify") in found
    # Every highlight lies inside the text and inside one block.
    for a in annotations:
        assert 0 <= a.start < a.end <= len(text)
        assert "\n\n" not in text[a.start:a.end]


class _Resources(HTMLParser):
    """Every tag, and every attribute that could make a browser fetch something."""

    FETCHING = {"src", "srcset", "href", "action", "formaction", "poster", "data", "background",
                "manifest", "ping", "xlink:href", "content"}

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[tuple[str, str, str]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in self.FETCHING and value is not None:
                self.urls.append((tag, name, value))
            if name == "style" and value:
                self.style += value

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def assert_loads_nothing_from_the_network(page: str) -> None:
    found = _Resources()
    found.feed(page)
    found.close()
    for tag in ("script", "link", "img", "picture", "iframe", "frame", "object", "embed", "video",
                "audio", "source", "track", "base", "form", "svg", "math", "portal"):
        assert tag not in found.tags, tag
    for tag, name, value in found.urls:
        if tag == "meta" and name == "content":
            continue       # <meta name="viewport" content="width=..."> fetches nothing
        assert value.startswith("#"), (tag, name, value)   # only links within the page
    assert "@import" not in found.style
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", found.style):
        assert url.startswith("data:"), url
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", page, re.I)
    for host in ("example.com", "example.net", "example.org"):
        assert host not in page


def test_the_handout_of_the_page_is_standalone_and_highlighted(article, annotations):
    page = render_handout(article.text, annotations, title=article.title)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page
    assert "Floodwaters cut off Eastbridge as the River Alder bursts its banks" in page
    for cat in ("hedge", "official", "expert", "unverified"):
        assert f"mlk-{cat}" in page
    assert "could not independently verify" in page
    # Footnotes: one per highlight, each with a reason.
    assert page.count('<li id="mlk-fn-') == len(annotations)
    assert_loads_nothing_from_the_network(page)


# --- the command line ----------------------------------------------------------------------

def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "lessons", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def test_the_command_line_renders_the_saved_page_as_a_handout(tmp_path):
    out = tmp_path / "handouts" / "flood.html"
    result = run_cli("render", PAGE, "--output", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == f"Handout written to {out}"
    page = out.read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in page
    assert "mlk-hedge" in page and "mlk-official" in page and "Interior Ministry" in page
    assert "Tomas Reed" in page and "could not independently verify" in page
    assert_loads_nothing_from_the_network(page)
    assert sorted(p.name for p in out.parent.iterdir()) == ["flood.html"]   # no temp file left


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    bad = {}
    tmp_path.mkdir(parents=True, exist_ok=True)
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\u00e9 cr\u00e8me: the ministry said prices may rise.\n".encode("latin-1"))
    bad["undecodable text"] = p
    p = tmp_path / "windows-1252.html"
    p.write_bytes("<html><body><p>\u201cIt may rain,\u201d the mayor said.</p></body></html>"
                  .encode("cp1252"))
    bad["undecodable web page"] = p
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    bad["empty text"] = p
    p = tmp_path / "blank.txt"
    p.write_bytes(b" \r\n\t\n")
    bad["blank text"] = p
    p = tmp_path / "empty.html"
    p.write_bytes(b"")
    bad["empty web page"] = p
    p = tmp_path / "only-code.html"
    p.write_bytes(b"<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>")
    bad["a web page with only code and menus"] = p
    bad["missing"] = tmp_path / "no-such-article.txt"
    bad["missing, no suffix"] = tmp_path / "no-such-article"
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:                      # sparse: takes no disk space
        fh.truncate(MAX_TEXT_FILE_BYTES + 1)
    bad["text over the size limit"] = p
    p = tmp_path / "huge.html"
    with open(p, "wb") as fh:
        fh.truncate(MAX_HTML_FILE_BYTES + 1)
    bad["web page over the size limit"] = p
    p = tmp_path / "binary.txt"
    p.write_bytes(bytes(range(256)) * 64)
    bad["binary"] = p
    p = tmp_path / "article.pdf"
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    bad["a PDF"] = p
    p = tmp_path / "folder.txt"
    p.mkdir()
    bad["a folder"] = p
    return bad


BAD_KINDS = ["undecodable text", "undecodable web page", "empty text", "blank text",
             "empty web page", "a web page with only code and menus", "missing",
             "missing, no suffix", "text over the size limit", "web page over the size limit",
             "binary", "a PDF", "a folder"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_the_command_line_says_sorry_in_one_line_and_writes_nothing_for_a_bad_file(tmp_path, kind):
    source = _bad_inputs(tmp_path / "in")[kind]
    out = tmp_path / "out" / "handout.html"
    result = run_cli("render", source, "--output", out)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    message = result.stderr
    assert message.startswith("Sorry: ") and message.endswith("\n")
    assert message.count("\n") == 1, message                  # one line
    assert "Traceback" not in message and "Error:" not in message
    assert len(message) < 400
    assert not out.exists() and not out.parent.exists()      # nothing left behind


def test_a_bad_file_leaves_an_earlier_handout_as_it_was(tmp_path):
    out = tmp_path / "handout.html"
    out.write_text("an earlier handout", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("render", tmp_path / "empty.txt", "--output", out)
    assert result.returncode == 2 and result.stderr.startswith("Sorry: ")
    assert out.read_text(encoding="utf-8") == "an earlier handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "handout.html"]


# --- it prints, in a real browser ----------------------------------------------------------

def _page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked the network for (Chromium's own background requests aside)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    begin = log["constants"]["logEventPhase"]["PHASE_BEGIN"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if (event["type"] == start_job and event.get("phase") == begin
                and params.get("initiator") != "not an origin"):     # "not an origin": the browser's own
            urls.append(params.get("url", "?"))
    return urls


def _chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-component-update",
         "--disable-background-networking", f"--user-data-dir={profile}", *args,
         page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120)


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed (/usr/bin/chromium)")
def test_the_handout_opens_prints_and_fetches_nothing_in_chromium(tmp_path):
    handout = tmp_path / "handout.html"
    assert run_cli("render", PAGE, "--output", handout).returncode == 0

    pdf, netlog = tmp_path / "handout.pdf", tmp_path / "net.json"
    result = _chromium(tmp_path, handout, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                       f"--log-net-log={netlog}")
    assert pdf.exists(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 1
    assert _page_requests(netlog) == []

    shot = tmp_path / "handout.png"
    result = _chromium(tmp_path, handout, f"--screenshot={shot}", "--window-size=1000,1400",
                       "--hide-scrollbars")
    assert shot.exists(), result.stderr[-2000:]
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000

    # The same check finds a page that does fetch something, so it is not blind.
    canary = tmp_path / "canary.html"
    canary.write_text('<!DOCTYPE html><p>x</p><img src="http://127.0.0.1:9/canary.png">',
                      encoding="utf-8")
    canary_log = tmp_path / "canary.json"
    _chromium(tmp_path, canary, f"--print-to-pdf={tmp_path / 'canary.pdf'}",
              f"--log-net-log={canary_log}")
    assert _page_requests(canary_log) == ["http://127.0.0.1:9/canary.png"]


# --- the bring-your-own widget ---------------------------------------------------------------

def upload(view, name: str, content: bytes, mime: str = "") -> None:
    """Choose a file in the widget, as ipywidgets 8's FileUpload reports it."""
    view.upload.value = ({"name": name, "type": mime, "size": len(content),
                          "content": memoryview(content),
                          "last_modified": datetime(2025, 1, 5, 14, 3, tzinfo=timezone.utc)},)


def shown_ok(view) -> bool:
    return (view.highlighter is not None and view.result.children == (view.highlighter.widget,)
            and "mlk-note-ok" in view.message.value)


def test_uploading_the_saved_page_shows_it_highlighted():
    view = kit.bring_your_own()
    upload(view, "saved-news-page.html", PAGE.read_bytes(), "text/html")
    assert shown_ok(view), view.message.value
    assert "Analysed “saved-news-page.html”" in view.message.value
    assert view.upload.value == ()                              # ready for the next file
    h = view.highlighter
    assert h.text == load_article(PAGE).text
    assert {"hedge", "official", "expert", "unverified"} <= {a.category for a in h.annotations}
    page = h.html.value
    assert "mlk-hedge" in page and "mlk-official" in page
    assert "Interior Ministry" in page and "Tomas Reed" in page
    assert "dataLayer" not in page and "<script" not in page and "example.com" not in page
    assert "Floodwaters cut off Eastbridge" in h.widget.children[0].value   # the page's title


WORLD_TEXT = ("Наводнение в Истбридже 🌊\r\n"
              "Министерство заявило, что вода может подняться ещё выше.\r\n"
              "\r\n"
              "قال المتحدث باسم الوزارة إن المياه قد ترتفع أكثر 🙂\r\n"
              "The mayor said the water may keep rising 🌧️ until Thursday, officials said.\r\n"
              "Residents 👩‍👩‍👧 said nobody had told them; the claim could not be verified.\r\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_a_text_file_in_any_script_with_windows_line_endings_works(encoding):
    view = kit.bring_your_own()
    upload(view, "world.txt", WORLD_TEXT.encode(encoding), "text/plain")
    assert shown_ok(view), view.message.value
    h = view.highlighter
    assert "\r" not in h.text
    assert h.text.split("\n\n") == [line for line in WORLD_TEXT.split("\r\n") if line]
    # Offsets line up after emoji (outside the BMP) and joined emoji: "may" is exactly "may".
    found = {(a.category, a.text_in(h.text)) for a in h.annotations}
    assert ("hedge", "may") in found
    assert ("unverified", "could not be verified") in found
    page = h.html.value
    for words in ("Министерство заявило", "قال المتحدث باسم الوزارة", "🌊", "👩‍👩‍👧", "🌧️"):
        assert words in page


JUNK = {
    "junk.txt": bytes(range(256)) * 32,                       # NUL bytes and control characters
    "junk-no-nul.txt": bytes((i * 37 + 11) % 255 + 1 for i in range(5000)),
    "junk.html": b"\x00\x01\x02<html>\xff\xfe" * 500,
    "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(200),
    "empty.txt": b"",
    "archive.zip": b"PK\x03\x04" + bytes(100),
}


@pytest.mark.parametrize("name", list(JUNK))
def test_binary_junk_gets_a_kind_message_and_the_widget_stays_usable(name):
    view = kit.bring_your_own()
    upload(view, "saved-news-page.html", PAGE.read_bytes())
    before = view.highlighter
    upload(view, name, JUNK[name])
    message = view.message.value
    assert "mlk-note-warn" in message and "Traceback" not in message and "<details" not in message
    assert name in message or "empty" in message.lower()
    assert view.highlighter is before                        # the last good article stays shown
    assert view.upload.value == ()
    # ... and it still works: another upload, and pasted text.
    upload(view, "world.txt", WORLD_TEXT.encode())
    assert shown_ok(view) and view.highlighter is not before
    view.analyse_text("The minister said prices may rise.")
    assert shown_ok(view) and {"hedge", "official"} <= {a.category for a in view.highlighter.annotations}
