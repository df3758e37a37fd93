"""The seed handout printed to PDF in Chromium: at most four A4 pages, outlet and date on page one."""
from __future__ import annotations

import re

import pytest

from lessons.annotator import annotate
from lessons.render.handout import write_handout
from lessons.text.article import load_article

pytestmark = pytest.mark.browser

A4_PAGES_AT_MOST = 4
MM = 96 / 25.4            # CSS pixels per millimetre


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF has: its page objects, checked against the page tree's own count."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    assert counts and max(counts) == pages, (pages, counts)
    return pages


@pytest.fixture
def seed_handout_page(tmp_path, tab):
    article = load_article()
    path = write_handout(tmp_path / "seed.html", article.text, annotate(article.text), article=article)
    tab.page.goto(path.as_uri())
    return tab.page


def test_the_seed_handout_prints_on_at_most_four_a4_pages(seed_handout_page):
    pdf = seed_handout_page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    assert pdf.startswith(b"%PDF-")
    pages = pdf_pages(pdf)
    assert 1 <= pages <= A4_PAGES_AT_MOST, f"{pages} pages"


def test_the_page_counter_is_not_blind(tab, tmp_path):
    # Forty forced page breaks must count as forty pages.
    page = tmp_path / "forty.html"
    page.write_text("<!DOCTYPE html>" + "".join(f'<p style="break-after:page">{i}</p>' for i in range(40)),
                    encoding="utf-8")
    tab.page.goto(page.as_uri())
    assert pdf_pages(tab.page.pdf(format="A4")) == 40


def test_the_printed_first_page_names_the_outlet_date_and_address(seed_handout_page):
    page = seed_handout_page
    page.set_viewport_size({"width": round((210 - 24) * MM), "height": 1000})   # A4 less the side margins
    page.emulate_media(media="print")
    rows = page.evaluate("""() => [...document.querySelectorAll('.mlk-source dt')].map(dt => {
        const dd = dt.nextElementSibling, box = dd.getBoundingClientRect();
        return [dt.textContent, dd.textContent, box.top + window.scrollY, box.height,
                getComputedStyle(dd).visibility, getComputedStyle(dd).display];
    })""")
    found = {label: (text, top, height, vis, disp) for label, text, top, height, vis, disp in rows}
    assert "NBC News" in found["Outlet"][0]
    assert "4 January 2023" in found["Date"][0]
    assert "nbcnews.com" in found["Address"][0]
    first_page_height = (297 - 23) * MM          # A4 less the top and bottom print margins
    for label in ("Outlet", "Date", "Address"):
        _text, top, height, vis, disp = found[label]
        assert height > 0 and vis == "visible" and disp != "none"
        assert top + height < first_page_height, f"{label} is not on the first page"


def test_every_part_label_is_printed(seed_handout_page):
    page = seed_handout_page
    page.emulate_media(media="print")
    labels = page.evaluate("""() => [...document.querySelectorAll('.mlk-block-label')]
        .filter(p => p.getBoundingClientRect().height > 0).map(p => p.innerText.trim().toLowerCase())""")
    assert {"headline", "standfirst", "body", "photo alt text", "photo caption", "photo credit"} <= set(labels)
