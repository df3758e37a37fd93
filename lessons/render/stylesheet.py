"""The one stylesheet for highlighted text: each category's line, symbol and tint, as CSS.

How several categories show at once on one piece of text is explained in :mod:`lessons.render.html`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .palette import (
    ACCENT,
    ACCENT_DARK,
    ACCENT_TINT,
    HEADER_TINT,
    MUTED_TEXT,
    NOTE_COLOURS,
    OK_COLOUR,
    OK_TINT,
    OTHER_COLOUR,
    PAGE_COLOUR,
    RULE_COLOUR,
    SELECTED_TINT,
    TABLE_RULE,
    TEXT_COLOUR,
    line_colour,
    load_categories,
)

MAX_TRACKS = 4
"""Nested speaker lines stack up to this depth; deeper ones share the last track."""

_SLUG = re.compile(r"[a-z][a-z0-9_]*")
_RESERVED = {"hl", "article", "legend", "selected", "start", "other", "sample", "explanations",
             "ex", "fn", "handout", "note", "empty", "off", "on", "sect", "pop", "pops", "why", "open",
             "interactive", "lk", "ui", "reason", "card", "coverage", "chain", "origin", "check", "translations"}

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
        line = cat.line if cat.line in {"wavy", "solid", "double", "dashed", "dotted", "dash"} else "solid"
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
    if line == "dash":   # dashes under the text (a "dashed" line is the box around unverified claims)
        return f"linear-gradient(to right,{c} 0 7px,transparent 7px 11px)", "11px 3px", "repeat-x"
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
        ".mlk-start[data-sym]::before,.mlk-why::before{content:attr(data-sym);display:inline-block;margin-right:.2em;"
        "padding:0 .22em;font:bold .7em/1.35 system-ui,'DejaVu Sans',sans-serif;letter-spacing:.12em;"
        f"color:{TEXT_COLOUR};background:{PAGE_COLOUR};border:1px solid {TEXT_COLOUR};border-radius:3px;"
        "vertical-align:.3em;white-space:nowrap;text-decoration:none}",
        # A ring drawn with box-shadow: Chromium's outline on inline boxes hides background lines.
        f".mlk-hl.mlk-selected{{box-shadow:0 0 0 2px {PAGE_COLOUR},0 0 0 5px {TEXT_COLOUR};"
        f"background-color:{SELECTED_TINT}}}",
        ".mlk-hl[title]{cursor:help}",
        # Highlights that open their reason: the symbol is a button (Tab, Enter), the words a label (click, tap).
        ".mlk-interactive .mlk-hl{cursor:pointer}",
        ".mlk-why{all:unset;cursor:pointer;display:inline;margin:0}",
        f".mlk-why:focus-visible{{outline:3px solid {TEXT_COLOUR};outline-offset:2px;border-radius:3px}}",
        f".mlk-why:hover::before,.mlk-why:focus-visible::before{{background:{SELECTED_TINT}}}",
        f".mlk-pop{{margin:0;inset:auto;position:fixed;right:1rem;top:4.5rem;width:min(24rem,calc(100vw - 2rem));"
        f"max-height:calc(100vh - 6rem);overflow:auto;box-sizing:border-box;padding:.6rem .9rem;color:{TEXT_COLOUR};"
        f"background:{PAGE_COLOUR};border:2px solid {TEXT_COLOUR};border-radius:6px;"
        "box-shadow:0 4px 16px rgba(0,0,0,.25);font:.95rem/1.45 system-ui,'DejaVu Sans',sans-serif;text-align:left}",
        ".mlk-pop-head{font-weight:bold;margin:0 0 .3rem}",
        ".mlk-pop-body{margin:0 0 .5rem}",
        f".mlk-pop-close{{font:inherit;padding:.25rem .9rem;min-height:2.75rem;min-width:2.75rem;color:{TEXT_COLOUR};"
        f"background:{PAGE_COLOUR};border:1px solid {TEXT_COLOUR};border-radius:4px;cursor:pointer}}",
        # The parts of an article, each labelled (the label is CSS, so the text stays the article's).
        f".mlk-sect::before{{content:attr(data-part);display:inline-block;margin-right:.4em;padding:0 .35em;"
        f"font:bold .72rem/1.5 system-ui,'DejaVu Sans',sans-serif;letter-spacing:.03em;text-transform:uppercase;"
        f"color:{PAGE_COLOUR};background:{MUTED_TEXT};border-radius:3px;vertical-align:.15em;white-space:nowrap}}",
        ".mlk-sect-headline{font-weight:bold;font-size:1.25em}",
        ".mlk-sect-dek{font-style:italic}",
        ".mlk-sect-image_title,.mlk-sect-caption,.mlk-sect-credit{font-family:system-ui,'DejaVu Sans',sans-serif;"
        "font-size:.92em}",
        ".mlk-sect-credit{font-style:italic}",
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
        ".mlk-ex-quote,.mlk-ex-cue,.mlk-ex-source,.mlk-ex-why{unicode-bidi:isolate}",
        f".mlk-ex-rule{{color:{MUTED_TEXT}}}",
    ]
    return "".join(rules) + _helpers_css() + _views_css()


def style_html() -> str:
    """The ``<style>`` block that ``render_html`` puts first; for pages that show several fragments.

    Every view carries it once (:func:`lessons.views.base.view_box`), and so does every piece of
    HTML shown on its own (a message box, a lesson helper's table, the handout page)."""
    return f"<style>{stylesheet_css()}</style>"


# --------------------------------------------------------------------------- lesson helpers and views

def _helpers_css() -> str:
    """The lesson helpers' tables and quotes (``lessons.lessonkit``), inside ``<div class="mlk-lk">``."""
    return "".join([
        f".mlk-lk{{font-size:1rem;line-height:1.5;color:{TEXT_COLOUR};max-width:60rem}}",
        ".mlk-lk table{border-collapse:collapse;margin:.4rem 0}",
        # JupyterLab right-aligns HTML output's cells with two classes; three keep the helpers' prose left-aligned.
        f".mlk-lk.mlk-lk.mlk-lk th,.mlk-lk.mlk-lk.mlk-lk td{{border:1px solid {TABLE_RULE};padding:.3rem .5rem;"
        "text-align:left;vertical-align:top}",
        f".mlk-lk th{{background:{HEADER_TINT}}}",
        f".mlk-lk mark{{background:{SELECTED_TINT};color:{TEXT_COLOUR};font-weight:bold;text-decoration:underline}}",
        ".mlk-lk .mlk-part{margin:.5rem 0 .9rem 0}",
        ".mlk-lk .mlk-name{font-weight:bold}",
        f".mlk-lk .mlk-what{{color:{MUTED_TEXT}}}",
        f".mlk-lk blockquote{{margin:.2rem 0 .2rem 1rem;padding-left:.6rem;border-left:4px solid {ACCENT}}}",
    ])


_SERIF = "font-family:Georgia,serif"
_QUOTE = f"{_SERIF};color:{TEXT_COLOUR};background:{PAGE_COLOUR};margin:.3em 0;padding:.3em .8em"
_BOX = f"color:{TEXT_COLOUR};background:{PAGE_COLOUR};border:1px solid {RULE_COLOUR};border-radius:4px"
_DOWNLOAD = (f"display:inline-block;padding:6px 12px;border:2px solid {ACCENT};border-radius:4px;"
             f"color:{ACCENT_DARK};background:{ACCENT_TINT};text-decoration:none;font-weight:600")
_CELL = f"border:1px solid {TABLE_RULE};padding:.3em .5em;text-align:left;vertical-align:top"

VIEW_CLASSES: dict[str, str] = {
    # Shared by several views.
    "mlk-ui-title": "margin:.2em 0",                           # a view's h3
    "mlk-ui-tight": "margin:.2em 0",
    "mlk-ui-line": "margin:.3em 0",
    "mlk-ui-line-top": "margin:.3em 0 0",
    "mlk-ui-ask": "margin:.4em 0 .2em",                         # a question under a card or a step
    "mlk-ui-row-head": "margin:.5em 0 .2em",
    "mlk-ui-intro": "margin:.2em 0;max-width:48em",
    "mlk-ui-after": "margin-top:.8em",
    "mlk-ui-aside": "margin-left:.6em",
    "mlk-ui-status": "font-weight:bold",                        # a running score
    "mlk-ui-small": "font-size:90%",
    "mlk-ui-muted": f"color:{MUTED_TEXT}",
    "mlk-ui-count": f"margin:.2em 0;color:{MUTED_TEXT}",       # "Question 2 of 6", "Card 1 of 4"
    "mlk-ui-prompt": "margin:.2em 0 .4em;font-weight:bold",
    "mlk-ui-quote": f"{_QUOTE};border-left:4px solid {MUTED_TEXT}",
    "mlk-ui-unit": f"{_QUOTE};font-size:1.05rem;border-left:4px solid {MUTED_TEXT};max-width:46em",
    "mlk-ui-headline": (f"{_QUOTE};font-size:1.3rem;font-weight:bold;border-left:4px solid {MUTED_TEXT};"
                        "max-width:40em"),
    "mlk-ui-swap": f"{_QUOTE};border-left:4px solid {RULE_COLOUR};margin:.4em 0",
    "mlk-ui-from": f"color:{MUTED_TEXT};font-size:90%;margin:0",
    "mlk-ui-noquotes": "quotes:none",
    "mlk-ui-download": _DOWNLOAD,
    "mlk-ui-caption": "text-align:left;font-weight:bold",
    "mlk-ui-term": "font-weight:bold;margin-top:.3em",
    "mlk-ui-desc": "margin-left:1em",
    # Message boxes (lessons.views.messages); the kinds' colours follow.
    "mlk-note": (f"border-left:5px solid;color:{TEXT_COLOUR};padding:.5em .9em;margin:.4em 0;border-radius:4px;"
                 "font:0.95rem/1.45 system-ui,sans-serif"),
    **{f"mlk-note-{kind}": f"border-left-color:{line};background:{tint}" for kind, (line, tint) in NOTE_COLOURS.items()},
    "mlk-note-details": "margin-top:.4em",
    "mlk-note-pre": f"white-space:pre-wrap;font-size:85%;color:{TEXT_COLOUR}",
    # The before and after check's report.
    "mlk-check-article": (f"{_SERIF};line-height:1.55;{_BOX};padding:.6em 1.1em;margin:.4em 0;max-width:42em"),
    "mlk-check-headline": "font-size:1.25em;font-weight:bold;margin:.2em 0 .4em",
    "mlk-check-dek": "font-style:italic;margin:.2em 0 .6em",
    "mlk-check-para": "margin:.45em 0",
    "mlk-check-source": f"color:{MUTED_TEXT};font-size:90%;margin:.6em 0 0",
    # The highlighter's reason and translations.
    "mlk-reason": f"{_BOX};padding:.3em .9em .5em;margin:.3em 0;max-width:46em",
    "mlk-translations": "margin:.3em 0",
    # The sentence explorer's category chips.
    "mlk-ui-chip": f"display:inline-block;border:1px solid {TEXT_COLOUR};border-radius:3px;padding:0 .4em;margin:0 .3em .2em 0",
    # The learner annotator's comparison table.
    "mlk-ui-cmp": f"border-collapse:collapse;color:{TEXT_COLOUR};background:{PAGE_COLOUR}",
    "mlk-ui-cmp-cell": f"padding:.2em .6em;border-bottom:1px solid {RULE_COLOUR};text-align:left",
    "mlk-ui-cmp-num": f"padding:.2em .6em;border-bottom:1px solid {RULE_COLOUR};text-align:right",
    "mlk-ui-cmp-item": "margin:.5em 0",
    # The verb lens's table.
    "mlk-ui-verbs": f"border-collapse:collapse;color:{TEXT_COLOUR};text-align:left;max-width:60em",
    "mlk-ui-verbs-cell": "padding:.2em .5em",
    "mlk-ui-verbs-verb": "padding:.2em .5em;font-weight:bold",
    # Lateral reading (lessons.render.lateral): cards, coverage, the chain to the origin.
    "mlk-card": (f"border:1px solid {TABLE_RULE};border-radius:6px;padding:.4em 1em .6em;margin:.3em 0;max-width:48em;"
                 f"color:{TEXT_COLOUR};background:{PAGE_COLOUR}"),
    "mlk-card-term": "font-weight:bold;margin-top:.35em",
    "mlk-card-head": "margin:.4em 0 .1em",
    "mlk-card-note": "margin:.4em 0 .1em;font-size:90%",
    "mlk-card-steps": "margin:.1em 0",
    "mlk-card-link": "margin:.1em 0;font-size:90%",
    "mlk-coverage": f"border-collapse:collapse;color:{TEXT_COLOUR};background:{PAGE_COLOUR};max-width:60em",
    "mlk-coverage-head": f"{_CELL};background:{HEADER_TINT}",
    "mlk-coverage-cell": _CELL,
    "mlk-chain": f"margin:.3em 0;max-width:48em;color:{TEXT_COLOUR}",
    "mlk-origin": (f"border-left:5px solid {OK_COLOUR};background:{OK_TINT};color:{TEXT_COLOUR};padding:.4em .9em;"
                   "margin:.4em 0;max-width:48em;border-radius:4px"),
}
"""The classes views and lesson fragments use instead of inline styles, with their declarations.

Each rule names its class four times (``.c.c.c.c``, as the helpers' table cells above name theirs
three times): the notebook's own rules for HTML output (JupyterLab's ``.jp-RenderedHTMLCommon p``,
``a:link`` or ``td``), and the helpers' cells around the coverage table, would otherwise outweigh a
single class, where the inline styles these replace did not."""


def _views_css() -> str:
    return "".join(f".{c}.{c}.{c}.{c}{{{rule}}}" for c, rule in VIEW_CLASSES.items())
