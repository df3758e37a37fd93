"""The renderer: lossless, safe article HTML with overlapping highlights, legend, reasons and handout."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.text import files
from lessons.annotator.model import CATEGORIES, EXTRA_CATEGORIES, Annotation
from lessons.render.palette import load_categories
from lessons.render import palette, stylesheet
from lessons.render.handout import DEFAULT_NOTE, render_handout, write_handout
from lessons.render.html import count_by_category, displayed_text, explanations_html, legend_html, render_html
from lessons.render.palette import contrast_ratio
from lessons.render.stylesheet import style_html

ARTICLE_TAGS = {"div", "span", "style"}
SPAN_ATTRS = {"class", "data-cats", "data-ann", "data-sym", "title"}
PAYLOADS = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "javascript:alert(1)",
            "<style>body{display:none}</style>", "&lt;b&gt;", "&amp;", "&#x3C;", "&nbsp", '"', "'",
            "</div>", "<!-- x -->", "<![CDATA[x]]>", "\r\n", "\r", "\x00", "\ud800", "\udfff",
            "\ufeff", "\u202e", "é", "🙂", "\u0085", "\x0c"]


class Page(HTMLParser):
    """Every tag and attribute, the text of the article div, and each span's text offsets."""

    def __init__(self, skip: tuple[str, ...] = ()):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.articles = 0
        self.depth = 0          # open elements inside the article div, the div included
        self.skipping = 0
        self.skip = skip
        self.text: list[str] = []
        self.spans: list[tuple[int, int, dict]] = []
        self._open: list[tuple[str, int, dict]] = []
        self.outside_text: list[str] = []

    @property
    def article_text(self) -> str:
        return "".join(self.text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if self.depth:
            self.depth += 1
            if tag in self.skip or self.skipping:
                self.skipping += 1
            self._open.append((tag, len(self.article_text), attrs))
        elif tag == "div" and "mlk-article" in (attrs.get("class") or "").split():
            self.articles += 1
            self.depth = 1
            self._open.append((tag, 0, attrs))

    def handle_endtag(self, tag):
        if not self.depth:
            return
        name, start, attrs = self._open.pop()
        assert name == tag, f"</{tag}> closes <{name}>"
        if self.skipping:
            self.skipping -= 1
        elif tag == "span":
            self.spans.append((start, len(self.article_text), attrs))
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.text.append(data)
        elif not self.depth:
            self.outside_text.append(data)


def parse(html: str, skip: tuple[str, ...] = ()) -> Page:
    page = Page(skip)
    page.feed(html)
    page.close()
    return page


def ann(category, start, end, cue="cue", rule="r1", explanation="Why.", source=None):
    return Annotation(category, start, end, cue, rule, explanation, source)


def find(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


ARTICLE = ("Russia's defence ministry said its forces had \"possibly\" destroyed 12 drones, "
           "a claim that could not be independently verified.\nKeir Giles, an expert, said it may be true.")


def sample_annotations(text: str = ARTICLE) -> list[Annotation]:
    return [
        ann("official", *find(text, "Russia's defence ministry said its forces had \"possibly\" destroyed 12 drones"),
            cue="said", source="Russian defence ministry"),
        ann("unverified", *find(text, "its forces had \"possibly\" destroyed 12 drones, a claim that could not be "
                                      "independently verified"), cue="could not be independently verified"),
        ann("hedge", *find(text, "possibly"), cue="possibly"),
        ann("expert", *find(text, "Keir Giles, an expert, said it may be true"), cue="said", source="Keir Giles"),
        ann("hedge", *find(text, "may"), cue="may"),
    ]


def covering(spans, a: int, b: int) -> set[int]:
    return {i for i, x in enumerate(spans) if isinstance(x.start, int) and isinstance(x.end, int)
            and 0 <= x.start < x.end and x.start <= a and b <= x.end}


# --------------------------------------------------------------------------- lossless and safe

def test_the_article_text_is_shown_exactly_with_its_highlights():
    html = render_html(ARTICLE, sample_annotations())
    page = parse(html)
    assert page.articles == 1
    assert page.article_text == ARTICLE
    assert html.startswith("<style>") and html.count("<style>") == 1


def test_markup_in_the_article_is_shown_as_text():
    text = "".join(PAYLOADS[:12]) + " end"
    anns = [ann("hedge", 0, 20), ann("unverified", 5, len(text) - 2, cue='"><script>x</script>')]
    html = render_html(text, anns)
    page = parse(html)
    assert page.article_text == text
    assert {tag for tag, _ in page.tags} <= ARTICLE_TAGS
    for tag, attrs in page.tags:
        if tag == "span":
            assert set(attrs) <= SPAN_ATTRS
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;lt;b&amp;gt;" in html


def test_newlines_tabs_and_carriage_returns_are_kept():
    text = "\n\nfirst line\r\nsecond\tline\r\n\n  indented\n"
    html = render_html(text, [ann("hedge", 3, 12)])
    assert parse(html).article_text == text
    assert "&#13;" in html and "\r" not in html
    assert "white-space:pre-wrap" in html


def test_lone_surrogates_and_nul_become_replacement_characters_one_for_one():
    text = "a\ud800b\x00c\udfffd🙂"
    html = render_html(text, [ann("hedge", 1, 4, cue="\ud800")])
    html.encode("utf-8")
    shown = parse(html).article_text
    assert shown == displayed_text(text) == "a\ufffdb\ufffdc\ufffdd🙂"
    assert len(shown) == len(text)


def test_no_text_is_added_inside_the_article():
    html = render_html(ARTICLE, sample_annotations(), selected=2)
    page = parse(html)
    assert page.article_text == ARTICLE
    # Symbols come from data-sym through CSS, not from text.
    assert any(attrs.get("data-sym") == "~" for _, _, attrs in page.spans)
    assert "content:attr(data-sym)" in html


def test_empty_text_and_no_annotations():
    assert parse(render_html("", [])).article_text == ""
    assert parse(render_html("", [ann("hedge", 0, 1)])).article_text == ""
    assert parse(render_html("plain", [])).spans == []


def test_out_of_range_empty_and_malformed_annotations_are_ignored():
    text = "Officials may have said so."
    anns = [ann("hedge", -1, 3), ann("hedge", 5, 5), ann("hedge", 9, 4), ann("hedge", 0, 99),
            ann("hedge", "0", 3), ann("hedge", None, 3), ann("hedge", 1.5, 3), object(),
            ann("hedge", *find(text, "may have"))]
    page = parse(render_html(text, anns))
    assert page.article_text == text
    assert [(a, b, attrs["data-ann"]) for a, b, attrs in page.spans] == [(10, 18, "8")]


def test_unknown_categories_are_drawn_with_a_neutral_class():
    text = "A hl B <x> C"
    page = parse(render_html(text, [ann("hl", 0, 4), ann('"><b>', 2, 6)]))
    assert page.article_text == text
    classes = [attrs["class"].split() for _, _, attrs in page.spans]
    assert all("mlk-other" in c for c in classes)
    assert page.spans[1][2]["data-cats"] == 'hl "><b>'


# --------------------------------------------------------------------------- overlaps, filter, selection

def test_overlapping_annotations_produce_segments_carrying_all_categories():
    anns = sample_annotations()
    page = parse(render_html(ARTICLE, anns))
    a, b = find(ARTICLE, "possibly")
    (seg,) = [attrs for s, e, attrs in page.spans if (s, e) == (a, b)]
    assert seg["data-cats"].split() == ["hedge", "official", "unverified"]
    assert set(seg["class"].split()) >= {"mlk-hl", "mlk-hedge", "mlk-official", "mlk-unverified"}
    assert seg["data-ann"] == "0 1 2"
    # Every span carries exactly the annotations that cover it.
    for s, e, attrs in page.spans:
        assert {int(i) for i in attrs["data-ann"].split()} == covering(anns, s, e)
    # Reasons for all three are in the tooltip.
    for label in ("Hedging language", "Official statement", "Unverified or contested claim"):
        assert label in seg["title"]


def test_each_annotation_shows_its_symbol_once_at_its_start():
    anns = sample_annotations()
    page = parse(render_html(ARTICLE, anns))
    for i, a in enumerate(anns):
        segs = [(s, attrs) for s, e, attrs in page.spans if str(i) in attrs["data-ann"].split()]
        starts = [s for s, attrs in segs if f"mlk-start-{a.category}" in attrs["class"].split()]
        assert starts[0] == a.start
        first = segs[0][1]
        assert load_categories()[a.category].symbol in first["data-sym"]
        assert f"mlk-end-{a.category}" in [c for s, attrs in segs for c in attrs["class"].split()]


def test_the_visible_filter_removes_highlights_of_hidden_categories():
    anns = sample_annotations()
    page = parse(render_html(ARTICLE, anns, visible=["hedge"]))
    assert page.article_text == ARTICLE
    assert {attrs["data-cats"] for _, _, attrs in page.spans} == {"hedge"}
    assert len(page.spans) == 2
    assert parse(render_html(ARTICLE, anns, visible=[])).spans == []
    assert parse(render_html(ARTICLE, anns, visible="official")).spans[0][2]["data-cats"] == "official"


def test_the_selected_annotation_is_marked_on_all_its_segments_only():
    anns = sample_annotations()
    page = parse(render_html(ARTICLE, anns, selected=1))
    selected = [(s, e) for s, e, attrs in page.spans if "mlk-selected" in attrs["class"].split()]
    assert selected[0][0] == anns[1].start and selected[-1][1] == anns[1].end
    assert sum(e - s for s, e in selected) == anns[1].end - anns[1].start
    assert "mlk-selected" not in render_html(ARTICLE, anns, selected=99, include_style=False)
    assert "mlk-selected" not in render_html(ARTICLE, anns, visible=["hedge"], selected=1, include_style=False)


def test_titles_carry_label_cue_rule_source_and_explanation_escaped():
    text = "The ministry said it."
    a = ann("official", 0, 17, cue='said"><script>', rule="official.said",
            explanation="A <ministry> & its say.", source="Ministry 'of' Defence")
    html = render_html(text, [a])
    (_, _, attrs), = parse(html).spans
    for part in ("Official statement", 'said"><script>', "official.said", "A <ministry> & its say.",
                 "Ministry 'of' Defence"):
        assert part in attrs["title"]
    assert "<script>" not in html and "<ministry>" not in html


def test_speaker_lines_that_overlap_get_separate_tracks():
    text = "The ministry said an expert told it the drones may be fake."
    anns = [ann("official", 0, len(text) - 1), ann("expert", *find(text, "an expert told it the drones")),
            ann("voice", *find(text, "the drones may"))]
    page = parse(render_html(text, anns))
    html = render_html(text, anns, include_style=False)
    assert 'class="mlk-article mlk-tracks-3"' in html
    seg = [attrs["class"].split() for s, e, attrs in page.spans if text[s:e] == "the drones"][0]
    assert {"mlk-t0-official", "mlk-t1-expert", "mlk-t2-voice"} <= set(seg)


def test_include_style_false_gives_only_the_article_div():
    html = render_html(ARTICLE, sample_annotations(), include_style=False)
    assert html.startswith('<div class="mlk-article') and html.endswith("</div>")
    assert "<style" not in html


# --------------------------------------------------------------------------- style

def _selectors(css: str) -> list[str]:
    css = re.sub(r"\"(?:\\.|[^\"])*\"|'(?:\\.|[^'])*'", '""', css)
    return [sel.strip() for block in re.findall(r"([^{}]+)\{[^{}]*\}", css) for sel in block.split(",")]


def test_all_css_is_scoped_under_mlk_classes():
    css = style_html()[len("<style>"):-len("</style>")]
    selectors = _selectors(css)
    assert selectors
    for sel in selectors:
        assert sel.startswith(".mlk-"), sel
    assert "@import" not in css and "url(" not in css and "</" not in css


def test_colours_meet_wcag_contrast():
    for background in (palette.PAGE_COLOUR, palette.SELECTED_TINT):
        assert contrast_ratio(palette.TEXT_COLOUR, background) >= 4.5
    assert contrast_ratio(palette.MUTED_TEXT, palette.PAGE_COLOUR) >= 4.5
    for st_ in stylesheet.category_styles().values():
        assert contrast_ratio(st_.colour, palette.PAGE_COLOUR) >= 3.0, st_.id


def test_each_category_has_a_distinct_line_of_at_least_two_pixels():
    css = style_html()
    styles = stylesheet.category_styles()
    for st_ in styles.values():
        rules = "".join(stylesheet._category_css(st_))
        thicknesses = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)px (?:solid|dashed|dotted|double)", rules)]
        thicknesses += [float(x) for x in re.findall(r"text-decoration-thickness:(\d+(?:\.\d+)?)px", rules)]
        thicknesses += [float(b) - float(a) for a, b in re.findall(
            rf"{st_.colour} (\d+(?:\.\d+)?)px (\d+(?:\.\d+)?)px", rules)]       # gradient line stops
        thicknesses += [2 * float(r) for r in re.findall(rf"{st_.colour} 0 (\d+(?:\.\d+)?)px", rules)
                        if "radial" in rules]                                         # dot radius
        if "linear-gradient(to right" in rules:                                       # dashes: the tile's height
            thicknesses += [float(h) for h in re.findall(r"-size:\d+px (\d+(?:\.\d+)?)px", rules)]
        assert thicknesses and min(thicknesses) >= 2, st_.id
    assert [styles[c].kind for c in CATEGORIES] == ["wavy", "track", "track", "box"]
    assert len({styles[c].line for c in (*CATEGORIES, *EXTRA_CATEGORIES)}) == 5
    assert "text-decoration-style:wavy" in css and "dashed" in css
    assert "linear-gradient(to bottom,#" in css and "radial-gradient" in css  # solid/double and dotted tracks


# --------------------------------------------------------------------------- properties

def _text_strategy():
    piece = st.one_of(st.text(max_size=12), st.sampled_from(PAYLOADS))
    return st.lists(piece, max_size=6).map("".join)


@st.composite
def _article(draw):
    text = draw(_text_strategy())
    n = len(text)
    cats = st.sampled_from([*CATEGORIES, *EXTRA_CATEGORIES, "bogus", "<b>"])
    offsets = st.integers(min_value=-3, max_value=n + 3)
    fields = st.one_of(st.text(max_size=8), st.sampled_from(PAYLOADS))
    anns = draw(st.lists(st.builds(Annotation, cats, offsets, offsets, fields, fields, fields,
                                   st.one_of(st.none(), fields)), max_size=8))
    visible = draw(st.one_of(st.none(), st.lists(cats, max_size=3)))
    selected = draw(st.one_of(st.none(), st.integers(min_value=-1, max_value=8)))
    return text, anns, visible, selected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_article())
def test_any_text_and_annotations_render_losslessly_with_only_renderer_tags(case):
    text, anns, visible, selected = case
    html = render_html(text, anns, visible, selected=selected)
    html.encode("utf-8")
    page = parse(html)
    assert page.articles == 1
    assert page.article_text == displayed_text(text)
    assert {tag for tag, _ in page.tags} <= ARTICLE_TAGS
    assert [tag for tag, _ in page.tags].count("style") == 1
    for tag, attrs in page.tags:
        if tag == "span":
            assert set(attrs) <= SPAN_ATTRS
        elif tag == "div":
            assert set(attrs) == {"class"}
    shown = None if visible is None else set(visible)
    for s, e, attrs in page.spans:
        expected = {i for i in covering(anns, s, e) if anns[i].end <= len(text)
                    and (shown is None or anns[i].category in shown)}
        assert {int(i) for i in attrs["data-ann"].split()} == expected
        assert expected


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_unicode_text_renders_losslessly(text):
    assert parse(render_html(text, [ann("hedge", 0, len(text))])).article_text == displayed_text(text)


# --------------------------------------------------------------------------- legend, counts, reasons

def test_count_by_category_lists_every_category_with_zeros():
    counts = count_by_category(sample_annotations())
    assert list(counts) == list(load_categories())
    assert counts == {"hedge": 2, "official": 1, "expert": 1, "unverified": 1, "voice": 0, "framing": 0}
    assert count_by_category([]) == dict.fromkeys(load_categories(), 0)


def test_legend_lists_every_category_with_symbol_label_description_and_count():
    counts = count_by_category(sample_annotations())
    html = legend_html(counts=counts)
    page = parse(html)
    text = "".join(page.outside_text)
    items = [attrs for tag, attrs in page.tags if tag == "li"]
    assert [a["data-cat"] for a in items] == list(load_categories())
    assert len(items) >= 4
    for cat in load_categories().values():
        assert cat.label in text and cat.description in text
        assert f'data-sym="{cat.symbol}"' in html
    assert "(2)" in text and "(0)" in text


def test_legend_greys_out_hidden_categories():
    html = legend_html(visible=["hedge", "expert"], include_style=False)
    items = {a["data-cat"]: a["class"] for tag, a in parse(html).tags if tag == "li"}
    assert "mlk-legend-on" in items["hedge"] and "mlk-legend-on" in items["expert"]
    assert "mlk-legend-off" in items["official"] and "mlk-legend-off" in items["unverified"]
    assert html.count('class="mlk-legend-state">hidden<') == 4     # official, unverified, voice, framing
    assert "line-through" in style_html()


def test_explanations_list_each_visible_reason_in_reading_order():
    anns = sample_annotations()
    anns.append(ann("hedge", 0, 2, cue="<i>x</i>", explanation="Tags <b>are</b> text."))
    html = explanations_html(ARTICLE, anns)
    page = parse(html)
    items = [attrs for tag, attrs in page.tags if tag == "li"]
    assert [int(a["data-ann"]) for a in items] == [0, 5, 1, 2, 3, 4]
    text = "".join(page.outside_text)
    assert "“possibly”" in text and "Keir Giles" in text and "Tags <b>are</b> text." in text
    assert "<b>are" not in html and "<i>" not in html
    hidden = parse(explanations_html(ARTICLE, anns, visible=["expert"]))
    assert [a["data-ann"] for tag, a in hidden.tags if tag == "li"] == ["3"]
    assert "Nothing is highlighted" in explanations_html(ARTICLE, anns, visible=[])


# --------------------------------------------------------------------------- handout

def test_the_handout_is_a_standalone_document_without_outside_resources():
    text = ARTICLE + "\nSource: http://evil.example/a.png <script>alert(1)</script>"
    doc = render_handout(text, sample_annotations(text), title="Drones <b>over</b> the border")
    assert doc.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in doc and "</html>" in doc
    page = parse(doc, skip=("sup",))
    assert page.article_text == text                      # the article itself is all there, escaped
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags and "link" not in tags
    for tag, attrs in page.tags:
        assert "src" not in attrs
        for name, value in attrs.items():
            assert "http" not in (value or "") and not name.startswith("on")
            if name == "href":
                assert value.startswith("#")
    head = doc[:doc.index("<body")]
    assert "http" not in head and "@import" not in doc and "url(" not in doc
    assert "<script" not in doc.replace("&lt;script", "")
    assert "@media print" in doc
    assert "Drones &lt;b&gt;over&lt;/b&gt; the border" in doc


def test_the_handout_says_highlights_are_a_starting_point_not_a_verdict():
    doc = render_handout(ARTICLE, sample_annotations())
    assert "starting point" in doc and "not a verdict" in doc
    assert doc.index("not a verdict") < doc.index('class="mlk-article')
    custom = render_handout(ARTICLE, [], note="Decide <yourself>.")
    assert "Decide &lt;yourself&gt;." in custom and DEFAULT_NOTE not in custom


def test_the_handout_has_numbered_footnotes_in_reading_order():
    anns = sample_annotations()
    doc = render_handout(ARTICLE, anns)
    markers = [int(n) for n in re.findall(r'<a id="mlk-ref-(\d+)"', doc)]
    assert markers == list(range(1, len(anns) + 1))
    notes = [int(n) for n in re.findall(r'<li id="mlk-fn-(\d+)"', doc)]
    assert notes == markers
    assert doc.index('class="mlk-article') < doc.index('id="mlk-fn-1"')
    # Note 3 is the hedge "possibly", the third annotation a reader meets.
    note3 = doc[doc.index('id="mlk-fn-3"'):doc.index('id="mlk-fn-4"')]
    assert "“possibly”" in note3 and "<strong>Hedge</strong>" in note3
    assert parse(doc, skip=("sup",)).article_text == ARTICLE
    assert parse(doc).article_text.startswith("1Russia's")          # marker right at the start
    assert 'class="mlk-legend' in doc and "(2)" in doc


def test_annotations_starting_together_share_one_marker():
    text = "may be fake"
    doc = render_handout(text, [ann("hedge", 0, 3), ann("unverified", 0, len(text))])
    assert '<sup class="mlk-fn-ref"><a id="mlk-ref-1" href="#mlk-fn-1">1</a>,' \
           '<a id="mlk-ref-2" href="#mlk-fn-2">2</a></sup>' in doc


def test_write_handout_writes_a_complete_file(tmp_path):
    path = write_handout(tmp_path / "sub" / "handout.html", ARTICLE, sample_annotations(), title="T")
    assert isinstance(path, Path) and path.read_text(encoding="utf-8").endswith("</html>\n")
    assert sorted(p.name for p in path.parent.iterdir()) == ["handout.html"]


def test_write_handout_leaves_no_partial_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "handout.html"

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_handout(target, ARTICLE, sample_annotations())
    assert list(tmp_path.iterdir()) == []

    monkeypatch.undo()
    write_handout(target, ARTICLE, sample_annotations(), title="First")
    before = target.read_bytes()
    monkeypatch.setattr(files.os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_handout(target, ARTICLE, [], title="Second")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["handout.html"]


# --- parts of the article and reasons that open by click, tap and keyboard -----------------------

def test_each_part_of_an_article_is_labelled_and_the_text_stays_the_article():
    text = "Big headline\n\nThe dek.\n\nBody one. Body may two.\n\nA photo.\n\nAP"
    parts = [(*find(text, "Big headline"), "headline", "Headline"), (*find(text, "The dek."), "dek", "Dek"),
             (*find(text, "A photo."), "caption", "Photo caption"), (*find(text, "AP"), "credit", "Photo credit")]
    html = render_html(text, [ann("hedge", *find(text, "may"))], parts=parts)
    page = parse(html)
    assert page.article_text == text
    labelled = {attrs.get("data-part"): page.article_text[a:b] for a, b, attrs in page.spans
                if "mlk-sect" in (attrs.get("class") or "")}
    assert labelled == {"Headline": "Big headline", "Dek": "The dek.", "Photo caption": "A photo.",
                        "Photo credit": "AP"}
    assert "mlk-sect-credit" in html and ".mlk-sect::before{content:attr(data-part)" in html


def test_parts_that_overlap_or_do_not_fit_are_left_out_and_the_html_stays_well_formed():
    text = "One two three"
    page = parse(render_html(text, [ann("hedge", 0, 7)], parts=[(0, 5, "dek", "A"), (3, 9, "x", "B"),
                                                                  (10, 99, "y", "C")]))
    assert page.article_text == text
    assert [attrs.get("data-part") for _a, _b, attrs in page.spans if "mlk-sect" in attrs.get("class", "")] == ["A"]


def test_with_reasons_every_highlight_opens_its_reason_by_button_and_by_its_words():
    anns = sample_annotations()
    html = render_html(ARTICLE, anns, reasons_id="t1", include_style=False)
    page = parse(html)
    assert page.article_text == ARTICLE           # buttons add no text: the symbol is CSS
    buttons = {a["id"]: a for tag, a in page.tags if tag == "button" and "mlk-why" in a.get("class", "")}
    popovers = {a["id"]: a for tag, a in page.tags if tag == "div" and "popover" in a}
    assert len(buttons) == len(anns) == len(popovers)
    for i in range(len(anns)):
        assert buttons[f"t1-b{i}"]["popovertarget"] == f"t1-r{i}" in popovers
        assert buttons[f"t1-b{i}"]["aria-label"].startswith("Why is this marked as ")
    labels = [a for tag, a in page.tags if tag == "label"]
    assert labels and all(a["for"] in buttons for a in labels)
    # the nested hedge "possibly" opens its own reason, not the claim around it
    hedge = next(i for i, a in enumerate(anns) if a.category == "hedge")
    assert re.search(rf'<label for="t1-b{hedge}" class="mlk-open"><span [^>]*>possibly</span>', html)
    # a reason names the marked words without doubling the quotation marks
    assert "““" not in html and "””" not in html
    # without reasons_id nothing changes: no buttons, no labels, no popovers
    plain = render_html(ARTICLE, anns, include_style=False)
    assert "<button" not in plain and "<label" not in plain and "popover" not in plain


def test_quotation_marks_are_not_doubled_around_words_that_carry_their_own():
    from lessons.render.html import in_quotes
    assert in_quotes("may") == "“may”"
    assert in_quotes("“It is plausible,” Giles said.") == "“It is plausible,” Giles said."
    assert in_quotes("the war.”") == "“the war.”"


# --------------------------------------------------------------------------- the stylesheet reaches every output

def _style_blocks(widget) -> int:
    """How many ``<style>`` blocks of the kit's stylesheet a widget tree carries."""
    value = getattr(widget, "value", None)
    own = 1 if isinstance(value, str) and style_html() in value else 0
    return own + sum(_style_blocks(c) for c in getattr(widget, "children", ()) or ())


@pytest.mark.parametrize("make", ["quiz", "check", "highlighter", "sentence_explorer", "learner_annotator",
                                  "verb_lens", "reflection", "bring_your_own", "handout_button", "lateral_stop",
                                  "source_cards", "coverage_table", "trace_claim", "sourced_claim",
                                  "progress_summary", "progress_download", "progress_upload"])
def test_every_view_carries_the_stylesheet_once(make, tmp_path, monkeypatch):
    import lessons as kit

    monkeypatch.chdir(tmp_path)
    args = {"quiz": ("lesson-1",), "reflection": ("why", "Why?")}.get(make, ())
    view = getattr(kit, make)(*args)
    assert _style_blocks(view.widget) == 1


def test_html_shown_on_its_own_brings_the_stylesheet_along():
    from lessons.lateral.content import load_coverage
    from lessons.views import lateral, messages

    alone = messages.shown_alone(messages.note_html("error", "Oops"))
    assert alone.startswith(style_html()) and 'class="mlk-note mlk-note-error"' in alone
    shown = lateral.coverage_reports()._repr_html_()
    assert shown.count("<style>") == 1 and shown.startswith(style_html())
    assert "mlk-coverage-head" in shown and "mlk-coverage-head" in style_html()
    assert load_coverage().reports


def test_a_message_of_an_unknown_kind_looks_like_information():
    from lessons.views.messages import note_html

    assert 'class="mlk-note mlk-note-odd mlk-note-info"' in note_html("odd", "Title")
    assert 'class="mlk-note mlk-note-warn"' in note_html("warn", "Title")


# --- a cue from another sentence --------------------------------------------------------------

CLAIM = "The army blamed the storm. A farmer cast doubt on that."


def _contested_claim():
    """A claim highlighted because of words in the next sentence, as the annotator marks a contested claim."""
    return Annotation("unverified", 0, 26, "cast doubt", "unverified.contested",
                      "Others in the article challenge this claim, so it is contested.")


def test_a_cue_outside_the_highlight_is_said_to_be_in_another_sentence():
    """A reader told the cue is "cast doubt" looks for it in the highlighted claim and cannot find
    it: every reason names where the cue is instead (the list, the tooltip and the handout)."""
    ann = _contested_claim()
    listed = explanations_html(CLAIM, [ann])
    assert "cue (in another sentence)" in listed and "cast doubt" in listed
    assert "cue (in another sentence)" in render_html(CLAIM, [ann])          # the tooltip
    assert "cue (in another sentence)" in render_handout(CLAIM, [ann])


def test_a_cue_inside_the_highlight_is_named_as_before():
    ann = Annotation("official", 0, 26, "The army blamed", "official.attribution", "The army says so.")
    listed = explanations_html(CLAIM, [ann])
    assert "cue <bdi" in listed and "another sentence" not in listed
