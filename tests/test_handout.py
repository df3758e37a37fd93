"""The printable handout of an article: where it comes from, each part labelled as what it is,
highlights cut cleanly at the parts, short notes; and the lesson 6 button prints the learner's own report."""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lessons.annotator import annotate
from lessons.annotator.model import Annotation
from lessons.render.handout import BLOCK_LABELS, render_handout, short_quote, source_lines
from lessons.render.stylesheet import category_styles
from lessons.text.article import article_from_text

ROOT = Path(__file__).resolve().parent.parent


class Blocks(HTMLParser):
    """Each labelled block of a handout: (kind, label, the text shown in its article div)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list] = []
        self.where: str | None = None
        self.depth = 0
        self.skip = 0
        self.source: list[str] = []
        self.in_source = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "mlk-block" in classes:
            self.blocks.append([attrs["data-kind"], "", ""])
        elif "mlk-block-label" in classes:
            self.where = "label"
        elif "mlk-article" in classes and self.blocks:
            self.where, self.depth = "text", 1
            return
        elif tag == "dl" and "mlk-source" in classes:
            self.in_source = True
        if self.where == "text":
            self.depth += 1
            if tag == "sup" or self.skip:
                self.skip += 1

    def handle_endtag(self, tag):
        if tag == "dl":
            self.in_source = False
        if self.where == "label" and tag == "p":
            self.where = None
        elif self.where == "text":
            if self.skip:
                self.skip -= 1
            self.depth -= 1
            if not self.depth:
                self.where = None

    def handle_data(self, data):
        if self.in_source:
            self.source.append(data)
        if self.where == "label":
            self.blocks[-1][1] += data
        elif self.where == "text" and not self.skip:
            self.blocks[-1][2] += data


def blocks_of(page: str) -> Blocks:
    parser = Blocks()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def seed_handout(seed_article_module):
    return render_handout(seed_article_module.text, annotate(seed_article_module.text), article=seed_article_module)


@pytest.fixture(scope="module")
def seed_article_module():
    from lessons.text.article import load_article
    return load_article()


def test_the_seed_handout_names_its_outlet_date_and_address(seed_handout, seed_article_module):
    source = " ".join(blocks_of(seed_handout).source)
    assert "Outlet" in source and "NBC News" in source
    assert "Date" in source and "4 January 2023" in source
    assert "Inferred, not printed" in source                # how the date is known travels with it
    assert "Address" in source and seed_article_module.metadata.url in source
    # They come before the article, where a photocopy's reader looks first.
    assert seed_handout.index("NBC News") < seed_handout.index('class="mlk-block')
    assert 'class="mlk-fill"' not in seed_handout.split("</dl>")[0].split("Author")[0]


def test_every_part_of_the_seed_article_is_shown_and_labelled_as_what_it_is(seed_handout, seed_article_module):
    shown = blocks_of(seed_handout).blocks
    assert [(kind, text) for kind, _label, text in shown] == [
        (b.kind, b.text) for b in seed_article_module.blocks]
    for kind, label, _text in shown:
        assert label == BLOCK_LABELS[kind]
    labels = {label for _kind, label, _text in shown}
    assert labels == {"Headline", "Standfirst", "Body", "Photo alt text", "Photo caption", "Photo credit"}
    credits = [text for kind, _label, text in shown if kind == "credit"]
    assert credits == ["Arden Arkman / AFP - Getty Images", "AP"]
    # The terms a reader may not know are explained once, in plain words.
    for term in ("Standfirst", "Photo alt text", "Photo caption", "Photo credit"):
        assert f"<b>{term}</b>:" in seed_handout


def test_each_highlight_has_one_marker_and_one_note_in_reading_order(seed_handout, seed_article_module):
    anns = annotate(seed_article_module.text)
    markers = [int(n) for n in re.findall(r'<a id="mlk-ref-(\d+)"', seed_handout)]
    assert markers == list(range(1, len(anns) + 1))
    notes = [int(n) for n in re.findall(r'<li id="mlk-fn-(\d+)"', seed_handout)]
    assert notes == markers


def test_a_highlight_crossing_two_parts_is_drawn_in_both_with_one_marker():
    article = article_from_text("Ministry says strike hit base\nIt may have killed dozens, the ministry said.")
    text = article.text
    crossing = Annotation("unverified", 0, text.index("dozens") + 6, "says", "r", "Why.", None)
    hedge = Annotation("hedge", text.index("may"), text.index("may") + 3, "may", "r", "Maybe.", None)
    page = render_handout(text, [crossing, hedge], article=article)
    shown = blocks_of(page).blocks
    assert [(k, t) for k, _l, t in shown] == [("headline", article.blocks[0].text),
                                               ("paragraph", article.blocks[1].text)]
    assert page.count('id="mlk-ref-1"') == 1 and page.count('id="mlk-ref-2"') == 1
    parts = page.split('data-kind="paragraph"')
    assert "mlk-unverified" in parts[0].split('data-kind="headline"')[1] and "mlk-unverified" in parts[1]


def test_a_report_with_no_known_source_says_so_rather_than_leaving_gaps():
    article = article_from_text("Floods close the bridge\nThe river may rise further, officials said.",
                                source="pasted text")
    rows = {label: value for label, value, _note in source_lines(article)}
    assert rows["Outlet"] == rows["Date"] == rows["Address"] == "not known"
    assert rows["Taken from"] == "pasted text"
    page = render_handout(article.text, annotate(article.text), article=article)
    assert "not known" in page and [k for k, _l, _t in blocks_of(page).blocks] == ["headline", "paragraph"]
    assert "<title>Floods close the bridge</title>" in page
    # On paper, each unknown row gets a line to write the answer on.
    assert page.count('<span class="mlk-fill">— write it here: ') == 3


def test_source_details_are_text_never_markup(seed_article_module):
    meta = replace(seed_article_module.metadata, outlet="<script>alert(1)</script>",
                   url='javascript:alert(1)" onmouseover="x', published="<b>soon</b>")
    article = replace(seed_article_module, metadata=meta)
    page = render_handout(article.text, [], article=article)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;soon&lt;/b&gt;" in page

    class Attributes(HTMLParser):
        names: set = set()

        def handle_starttag(self, tag, attrs):
            self.names.update(name for name, _value in attrs)

    parser = Attributes()
    parser.feed(page)
    assert not any(name.startswith("on") for name in parser.names)
    assert 'javascript:alert(1)" onmouseover="x' in " ".join(blocks_of(page).source)


def test_an_article_that_does_not_match_the_text_is_shown_as_one_block(seed_article_module):
    page = render_handout("Some other text.", [], article=seed_article_module)
    assert 'class="mlk-block' not in page and "Some other text." in page


def test_notes_quote_only_the_start_of_long_highlights_and_say_a_reason_once():
    assert short_quote("one two  three") == "one two three"
    assert short_quote(" ".join(str(i) for i in range(20)), 5) == "0 1 2 3 4 …"
    text = "Officials said the toll may rise. Officials said the road may close."
    a = text.index("may"), text.rindex("may")
    anns = [Annotation("hedge", a[0], a[0] + 3, "may", "r", "“may” says something is possible.", None),
            Annotation("hedge", a[1], a[1] + 3, "may", "r", "“may” says something is possible.", None)]
    page = render_handout(text, anns)
    notes = page[page.index('<ol class="mlk-footnotes">'):]
    assert notes.count("says something is possible") == 1 and "The same reason as note 1." in notes


def test_without_colour_each_kind_still_has_its_own_line_and_symbol():
    styles = list(category_styles().values())
    assert len({st.line for st in styles}) == len(styles)
    assert len({st.symbol for st in styles}) == len(styles)

    def luminance(hex_colour: str) -> float:
        def channel(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    # A grey copy keeps each colour's luminance, so each line keeps 3:1 contrast against white paper.
    for st in styles:
        assert 1.05 / (luminance(st.colour) + 0.05) >= 3, st


def test_the_command_line_prints_one_of_the_kits_articles_by_its_id(tmp_path):
    out = tmp_path / "seed.html"
    result = subprocess.run([sys.executable, "-m", "lessons", "render", "makiivka-nbc-2023", "--output", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "NBC News" in page and "4 January 2023" in page and 'data-kind="caption"' in page


def test_a_long_sentence_of_a_reason_is_printed_once_and_later_notes_point_back_to_it():
    text = "The army said the bridge fell. Critics doubt it. Engineers doubt it too."
    shared = "It challenges the claim of the army (paragraph 1), which the report itself does not settle."
    anns = [Annotation("unverified", 31, 47, "doubt", "unverified.doubt", "Critics doubt it. " + shared, None),
            Annotation("unverified", 48, 72, "doubt", "unverified.doubt", "Engineers doubt it. " + shared, None)]
    page = render_handout(text, anns, title="T")
    notes = page[page.index('<ol class="mlk-footnotes">'):]
    assert notes.count("which the report itself does not settle") == 1
    assert "The rest as in note 1." in notes and "Engineers doubt it." in notes
