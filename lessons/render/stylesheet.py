"""The one stylesheet for highlighted text: each category's line, symbol and tint, as CSS.

How several categories show at once on one piece of text is explained in :mod:`lessons.render.html`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .palette import (
    MUTED_TEXT,
    OTHER_COLOUR,
    PAGE_COLOUR,
    SELECTED_TINT,
    TEXT_COLOUR,
    line_colour,
    load_categories,
)

MAX_TRACKS = 4
"""Nested speaker lines stack up to this depth; deeper ones share the last track."""

_SLUG = re.compile(r"[a-z][a-z0-9_]*")
_RESERVED = {"hl", "article", "legend", "selected", "start", "other", "sample", "explanations",
             "ex", "fn", "handout", "note", "empty", "off", "on"}

_TRACK_PITCH = 8      # px between line tracks
_TRACK_HEIGHT = 6     # px of one track (a double line is 2 + 2 + 2)
_TRACK_GAP = 5        # px between the letters and the first track, room for the wavy underline
_LINE_PX = 2          # thickness of wavy lines and box borders


@dataclass(frozen=True)
class CategoryStyle:
    """How one category is drawn: CSS class slug, symbol, line kind and (darkened) line colour."""

    id: str
    slug: str
    label: str
    short: str
    symbol: str
    colour: str
    line: str
    kind: str          # "wavy" (text-decoration), "box" (dashed border) or "track" (background line)
    description: str
    order: int


def _kind(line: str) -> str:
    return {"wavy": "wavy", "dashed": "box"}.get(line, "track")


@lru_cache(maxsize=1)
def category_styles() -> dict[str, CategoryStyle]:
    """Display styles for every category in ``categories.yaml``, in its order."""
    out: dict[str, CategoryStyle] = {}
    for n, (cid, cat) in enumerate(load_categories().items()):
        slug = cid if _SLUG.fullmatch(cid) and cid not in _RESERVED else f"cat{n}"
        line = cat.line if cat.line in {"wavy", "solid", "double", "dashed", "dotted"} else "solid"
        out[cid] = CategoryStyle(cid, slug, cat.label, cat.short, cat.symbol, line_colour(cat.colour),
                          line, _kind(line), cat.description, n)
    return out


def style_of(category: str) -> CategoryStyle:
    """The style of a category; categories missing from the YAML get a plain grey line."""
    known = category_styles().get(category)
    if known is not None:
        return known
    return CategoryStyle(category, "other", category or "Other", category or "Other", "*", OTHER_COLOUR,
                  "solid", "track", "", len(category_styles()))


def _track_image(line: str, c: str) -> tuple[str, str, str]:
    """Background image, size and repeat that draw one line style in a 6px-high track."""
    if line == "double":
        return f"linear-gradient(to bottom,{c} 0 2px,transparent 2px 4px,{c} 4px 6px)", "100% 6px", "no-repeat"
    if line == "dotted":
        return f"radial-gradient(circle at 3px 3px,{c} 0 2px,transparent 2.5px)", "7px 6px", "repeat-x"
    return f"linear-gradient(to bottom,transparent 0 1px,{c} 1px 4px,transparent 4px)", "100% 6px", "no-repeat"


def _track_padding(tracks: int) -> int:
    """Space below the text of each highlight: room for the wavy line plus ``tracks`` line tracks."""
    return _TRACK_GAP + 1 + _TRACK_PITCH * tracks


def _category_css(st: CategoryStyle) -> list[str]:
    """The CSS rules that draw one category's line (see the module docstring for the scheme)."""
    c, s, px = st.colour, st.slug, _LINE_PX
    if st.kind == "wavy":
        return [f".mlk-hl.mlk-{s}{{text-decoration-line:underline;text-decoration-style:wavy;"
                f"text-decoration-color:{c};text-decoration-thickness:{px}px;"
                f"text-underline-offset:3px;text-decoration-skip-ink:none}}"]
    if st.kind == "box":
        return [f".mlk-hl.mlk-{s}{{border-top:{px}px dashed {c};border-bottom:{px}px dashed {c}}}",
                f".mlk-hl.mlk-start-{s}{{border-left:{px}px dashed {c}}}",
                f".mlk-hl.mlk-end-{s}{{border-right:{px}px dashed {c}}}"]
    image, size, repeat = _track_image(st.line, c)
    return [f".mlk-t{k}-{s}{{--mlk-t{k}-img:{image};--mlk-t{k}-size:{size};--mlk-t{k}-rep:{repeat}}}"
            for k in range(MAX_TRACKS)]


@lru_cache(maxsize=1)
def stylesheet_css() -> str:
    """All CSS for the article, legend and reasons, scoped under ``.mlk-`` classes."""
    tracks = range(MAX_TRACKS)
    other = style_of("")
    rules = [
        f".mlk-article,.mlk-legend,.mlk-explanations{{color:{TEXT_COLOUR};background:{PAGE_COLOUR}}}",
        ".mlk-article{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;"
        "font-family:Georgia,'DejaVu Serif','Times New Roman',serif;font-size:1.0625rem;"
        f"line-height:calc(1.3em + {_track_padding(0) + 8}px);padding:.6em 1em;max-width:46em;"
        "border:1px solid #c8c8c8;border-radius:4px;margin:.5em 0;text-align:left}",
        *(f".mlk-tracks-{t}.mlk-article{{line-height:calc(1.3em + {_track_padding(t) + 8}px)}}"
          for t in range(1, MAX_TRACKS + 1)),
        # Every highlight: room below for the line tracks, one background layer per track.
        f".mlk-hl{{padding-bottom:{_track_padding(0)}px;color:{TEXT_COLOUR};"
        "-webkit-print-color-adjust:exact;print-color-adjust:exact;"
        "background-image:" + ",".join(f"var(--mlk-t{k}-img,none)" for k in tracks) + ";"
        "background-size:" + ",".join(f"var(--mlk-t{k}-size,auto)" for k in tracks) + ";"
        "background-repeat:" + ",".join(f"var(--mlk-t{k}-rep,no-repeat)" for k in tracks) + ";"
        # Track k hangs _TRACK_GAP + k * pitch below the letters (top of image = content bottom + that).
        "background-position:" + ",".join(
            f"left 0 top calc(100% + {_TRACK_HEIGHT + _TRACK_GAP + _TRACK_PITCH * k}px)" for k in tracks) + ";"
        "background-origin:content-box}",
        *(f".mlk-tracks-{t} .mlk-hl{{padding-bottom:{_track_padding(t)}px}}"
          for t in range(1, MAX_TRACKS + 1)),
    ]
    for st in [*category_styles().values(), other]:
        rules.extend(_category_css(st))
    rules += [
        # The category symbols at the start of each annotation (from data-sym, so no text is added).
        ".mlk-start::before{content:attr(data-sym);display:inline-block;margin-right:.2em;"
        "padding:0 .22em;font:bold .7em/1.35 system-ui,'DejaVu Sans',sans-serif;letter-spacing:.12em;"
        f"color:{TEXT_COLOUR};background:{PAGE_COLOUR};border:1px solid {TEXT_COLOUR};border-radius:3px;"
        "vertical-align:.3em;white-space:nowrap;text-decoration:none}",
        # A ring drawn with box-shadow: Chromium's outline on inline boxes hides background lines.
        f".mlk-hl.mlk-selected{{box-shadow:0 0 0 2px {PAGE_COLOUR},0 0 0 5px {TEXT_COLOUR};"
        f"background-color:{SELECTED_TINT}}}",
        ".mlk-hl[title]{cursor:help}",
        # Handout footnote markers.
        ".mlk-fn-ref{font:bold .7em system-ui,'DejaVu Sans',sans-serif;margin-right:.15em;"
        "vertical-align:super;line-height:0;text-decoration:none}",
        f".mlk-fn-ref a{{color:{TEXT_COLOUR};text-decoration:none}}",
        # Legend.
        ".mlk-legend{font:.95rem/1.4 system-ui,'DejaVu Sans',sans-serif;padding:.4em .8em;"
        "border:1px solid #c8c8c8;border-radius:4px;margin:.5em 0}",
        ".mlk-legend-list{list-style:none;margin:0;padding:0}",
        ".mlk-legend-item{margin:.55em 0;display:flex;flex-wrap:wrap;gap:.2em .6em;align-items:baseline}",
        ".mlk-legend .mlk-hl{font-family:Georgia,'DejaVu Serif',serif;line-height:2.2;"
        "white-space:nowrap;min-width:6.5em;display:inline-block}",
        ".mlk-legend-label{font-weight:bold}",
        ".mlk-legend-count{font-variant-numeric:tabular-nums}",
        ".mlk-legend-desc{flex-basis:100%;margin-left:.2em}",
        f".mlk-legend-off .mlk-legend-label,.mlk-legend-off .mlk-legend-desc,.mlk-legend-off .mlk-legend-count"
        f"{{color:{MUTED_TEXT};text-decoration:line-through}}",
        ".mlk-legend-off .mlk-hl{opacity:.45}",
        f".mlk-legend-state{{color:{MUTED_TEXT};font-style:italic}}",
        # Reasons list.
        ".mlk-explanations{font:.95rem/1.45 system-ui,'DejaVu Sans',sans-serif;margin:.5em 0;"
        "padding:.2em .8em .2em 2.6em}",
        ".mlk-explanations li{margin:.35em 0}",
        f".mlk-ex-sym{{display:inline-block;min-width:1.3em;text-align:center;font-weight:bold;"
        f"border:1px solid {TEXT_COLOUR};border-radius:3px;margin-right:.25em}}",
        ".mlk-ex-quote{font-family:Georgia,'DejaVu Serif',serif}",
        f".mlk-ex-rule{{color:{MUTED_TEXT}}}",
    ]
    return "".join(rules)


def style_html() -> str:
    """The ``<style>`` block that ``render_html`` puts first; for pages that show several fragments."""
    return f"<style>{stylesheet_css()}</style>"
