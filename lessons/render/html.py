"""Annotations to HTML: the highlighted article, its legend and reasons, and a printable handout.

The article fragment is lossless and safe: the text shown inside ``<div class="mlk-article">``
is the article character for character (newlines kept with ``white-space: pre-wrap``), every
``<``, ``&`` or quote in it is escaped, and nothing is added inside the div as text: symbols come
from CSS ``::before`` reading a ``data-sym`` attribute, reasons sit in ``title`` attributes.

Two characters cannot survive any HTML page and are shown as U+FFFD (one character for one,
so offsets still line up): lone surrogates, which UTF-8 cannot encode, and NUL, which browsers
drop or replace themselves. :func:`displayed_text` gives the text exactly as it is shown. A
carriage return is written as ``&#13;`` so that the browser does not turn it into a newline.

How several categories show at once on one piece of text (colour is never the only cue):

* **wavy** lines (hedges) use ``text-decoration``: a wavy underline close to the letters;
* **dashed** lines (unverified claims) draw a dashed box with the element's border; the box is
  open between the pieces of one annotation, so a claim cut by a nested hedge still reads as one box;
* **solid / double / dotted** lines (official, expert, other voices) are drawn as background
  lines below the text, one *track* per overlapping annotation (like lanes in a genome browser),
  so a quote nested in another quote gets its own line instead of hiding it;
* each annotation starts with its category symbol, and the selected annotation gets a thick
  dark ring (``box-shadow``) and a pale yellow tint.

Background lines print because highlights ask for ``print-color-adjust: exact``.

Line colours come from ``categories.yaml`` and are darkened when needed to reach 3:1 against
white (WCAG non-text contrast); text stays #1a1a1a on white or on the pale tint.
"""
from __future__ import annotations

import html
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ..annotator.model import Annotation
from ..text.files import atomic_write_bytes
from .palette import load_categories

__all__ = [
    "render_html", "legend_html", "count_by_category", "explanations_html", "render_handout",
    "write_handout", "style_html", "displayed_text", "contrast_ratio", "DEFAULT_NOTE",
]

TEXT_COLOUR = "#1a1a1a"
PAGE_COLOUR = "#ffffff"
SELECTED_TINT = "#fff3bf"
MUTED_TEXT = "#595959"
OTHER_COLOUR = "#6b6b6b"
MAX_TRACKS = 4
"""Nested speaker lines stack up to this depth; deeper ones share the last track."""

DEFAULT_NOTE = ("The highlights were made by a computer following simple rules. They are a starting "
                "point for your own judgement, not a verdict: check each one and decide whether you agree.")
"""The handout's opening note; ``render_handout(note=...)`` replaces it."""

_TRACK_PITCH = 8      # px between line tracks
_TRACK_HEIGHT = 6     # px of one track (a double line is 2 + 2 + 2)
_TRACK_GAP = 5        # px between the letters and the first track, room for the wavy underline
_LINE_PX = 2          # thickness of wavy lines and box borders
_UNSHOWABLE = re.compile("[\x00\ud800-\udfff]")
_SLUG = re.compile(r"[a-z][a-z0-9_]*")
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_RESERVED = {"hl", "article", "legend", "selected", "start", "other", "sample", "explanations",
             "ex", "fn", "handout", "note", "empty", "off", "on"}


# --------------------------------------------------------------------------- escaping

def displayed_text(text: str) -> str:
    """``text`` as an HTML page shows it: lone surrogates and NUL become U+FFFD, nothing else changes."""
    return _UNSHOWABLE.sub("\ufffd", text)


def _text(s: str) -> str:
    """Escape for a text node (CR kept as a character reference)."""
    return html.escape(displayed_text(s), quote=False).replace("\r", "&#13;")


def _attr(s: str) -> str:
    """Escape for a double-quoted attribute value."""
    return html.escape(displayed_text(s), quote=True).replace("\r", "&#13;")


def _str(value) -> str:
    """A field as text ('' for None), whatever type a caller put there."""
    return "" if value is None else value if isinstance(value, str) else str(value)


# --------------------------------------------------------------------------- colours

def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _luminance(hex_colour: str) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _line_colour(colour: str, minimum: float = 3.0) -> str:
    """The colour darkened just enough to reach ``minimum`` contrast on white, so thin lines show."""
    if not _HEX.fullmatch(colour or ""):
        colour = OTHER_COLOUR
    r, g, b = _rgb(colour)
    for step in range(21):
        k = 1 - step * 0.05
        candidate = "#%02x%02x%02x" % tuple(round(c * k * 255) for c in (r, g, b))
        if contrast_ratio(candidate, PAGE_COLOUR) >= minimum:
            return candidate
    return TEXT_COLOUR


# --------------------------------------------------------------------------- category styles

@dataclass(frozen=True)
class _Style:
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
def _styles() -> dict[str, _Style]:
    """Display styles for every category in ``categories.yaml``, in its order."""
    out: dict[str, _Style] = {}
    for n, (cid, cat) in enumerate(load_categories().items()):
        slug = cid if _SLUG.fullmatch(cid) and cid not in _RESERVED else f"cat{n}"
        line = cat.line if cat.line in {"wavy", "solid", "double", "dashed", "dotted"} else "solid"
        out[cid] = _Style(cid, slug, cat.label, cat.short, cat.symbol, _line_colour(cat.colour),
                          line, _kind(line), cat.description, n)
    return out


def _style_of(category: str) -> _Style:
    """The style of a category; categories missing from the YAML get a plain grey line."""
    known = _styles().get(category)
    if known is not None:
        return known
    return _Style(category, "other", category or "Other", category or "Other", "*", OTHER_COLOUR,
                  "solid", "track", "", len(_styles()))


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


def _category_css(st: _Style) -> list[str]:
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
def _css() -> str:
    """All CSS for the article, legend and reasons, scoped under ``.mlk-`` classes."""
    tracks = range(MAX_TRACKS)
    other = _style_of("")
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
    for st in [*_styles().values(), other]:
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
        ".mlk-ex-quote,.mlk-ex-cue,.mlk-ex-source,.mlk-ex-why{unicode-bidi:isolate}",
        f".mlk-ex-rule{{color:{MUTED_TEXT}}}",
    ]
    return "".join(rules)


def style_html() -> str:
    """The ``<style>`` block that ``render_html`` puts first; for pages that show several fragments."""
    return f"<style>{_css()}</style>"


# --------------------------------------------------------------------------- spans and segments

@dataclass(frozen=True)
class _Span:
    """A usable annotation: its index in the caller's sequence, offsets and style."""

    i: int
    start: int
    end: int
    category: str
    style: _Style
    ann: object


def _visible_set(visible: Iterable[str] | None) -> set[str] | None:
    if visible is None:
        return None
    if isinstance(visible, str):
        return {visible}
    return {_str(v) for v in visible}


def _span(i: int, ann, n: int) -> _Span | None:
    """The annotation as a span of a text of length ``n``; None when empty, out of range or malformed."""
    try:
        start, end = operator.index(getattr(ann, "start")), operator.index(getattr(ann, "end"))
    except (AttributeError, TypeError):
        return None
    if not 0 <= start < end <= n:
        return None
    category = _str(getattr(ann, "category", ""))
    return _Span(i, start, end, category, _style_of(category), ann)


def _spans(text: str, annotations: Sequence[Annotation], visible) -> list[_Span]:
    """The annotations that can be drawn on ``text`` and whose category is visible."""
    shown = _visible_set(visible)
    out = []
    for i, ann in enumerate(annotations or ()):
        sp = _span(i, ann, len(text))
        if sp is not None and (shown is None or sp.category in shown):
            out.append(sp)
    return out


def _reading_order(spans: Iterable[_Span]) -> list[_Span]:
    """Spans as a reader meets them: by start, longer (enclosing) first, then category order."""
    return sorted(spans, key=lambda sp: (sp.start, -sp.end, sp.style.order, sp.i))


def _segments(n: int, spans: Sequence[_Span]):
    """Cut ``range(n)`` at every span boundary; yield ``(a, b, active spans sorted by index)``."""
    starts: dict[int, list[_Span]] = {}
    ends: dict[int, list[_Span]] = {}
    bounds = {0, n}
    for sp in spans:
        starts.setdefault(sp.start, []).append(sp)
        ends.setdefault(sp.end, []).append(sp)
        bounds.update((sp.start, sp.end))
    active: dict[int, _Span] = {}
    ordered = sorted(bounds)
    for a, b in zip(ordered, ordered[1:]):
        for sp in ends.get(a, ()):
            active.pop(sp.i, None)
        for sp in starts.get(a, ()):
            active[sp.i] = sp
        yield a, b, [active[i] for i in sorted(active)]


def _assign_tracks(spans: Iterable[_Span]) -> dict[int, int]:
    """Give overlapping line annotations different tracks (first fit by start: fewest tracks)."""
    track_end: list[int] = []
    out: dict[int, int] = {}
    for sp in _reading_order(s for s in spans if s.style.kind == "track"):
        for k, end in enumerate(track_end):
            if end <= sp.start:
                break
        else:
            k = len(track_end) if len(track_end) < MAX_TRACKS else MAX_TRACKS - 1
            if k == len(track_end):
                track_end.append(0)
        track_end[k] = max(track_end[k], sp.end)
        out[sp.i] = k
    return out


def _reason_plain(sp: _Span) -> str:
    """One annotation's reason as plain text for a ``title`` tooltip."""
    ann, st = sp.ann, sp.style
    head = f"{st.symbol} {st.label}"
    source = _str(getattr(ann, "source", None))
    if source:
        head += f" — {_isolate(source)}"
    details = []
    cue = _str(getattr(ann, "cue", ""))
    if cue:
        details.append(f"cue “{_isolate(cue)}”")
    rule = _str(getattr(ann, "rule", ""))
    if rule:
        details.append(f"rule {rule}")
    lines = [head]
    if details:
        lines.append(", ".join(details))
    explanation = _str(getattr(ann, "explanation", ""))
    if explanation:
        lines.append(_isolate(explanation))
    return "\n".join(lines)


def _isolate(s: str) -> str:
    """Outside text in plain text (a tooltip), between FIRST STRONG ISOLATE and POP DIRECTIONAL
    ISOLATE, the plain-text form of <bdi>: its direction marks stay inside."""
    return f"\u2068{s}\u2069"


def _article_html(text: str, annotations, visible, *, selected: int | None = None,
                  footnotes: Mapping[int, int] | None = None) -> str:
    """The article div; with ``footnotes`` (annotation index → number) markers follow each start."""
    spans = _spans(text, annotations, visible)
    tracks = _assign_tracks(spans)
    n_tracks = min(MAX_TRACKS, max(tracks.values(), default=-1) + 1)
    reasons: dict[int, str] = {}
    out = [f'<div class="mlk-article mlk-tracks-{n_tracks}">']
    for a, b, active in _segments(len(text), spans):
        chunk = _text(text[a:b])
        if not active:
            out.append(chunk)
            continue
        by_order = sorted(active, key=lambda sp: (sp.style.order, sp.i))
        classes = ["mlk-hl"]
        cats: list[str] = []
        for sp in by_order:
            if sp.category not in cats:
                cats.append(sp.category)
                classes.append(f"mlk-{sp.style.slug}")
        for sp in by_order:
            if sp.i in tracks:
                classes.append(f"mlk-t{tracks[sp.i]}-{sp.style.slug}")
        starting = [sp for sp in by_order if sp.start == a]
        symbols = []
        if starting:
            classes.append("mlk-start")
            for sp in starting:
                if f"mlk-start-{sp.style.slug}" not in classes:
                    classes.append(f"mlk-start-{sp.style.slug}")
                    symbols.append(sp.style.symbol)
        for sp in by_order:
            if sp.end == b:
                classes.append(f"mlk-end-{sp.style.slug}")
        if selected is not None and any(sp.i == selected for sp in active):
            classes.append("mlk-selected")
        for sp in active:
            if sp.i not in reasons:
                reasons[sp.i] = _reason_plain(sp)
        title = "\n\n".join(reasons[sp.i] for sp in active)
        attrs = [f'class="{_attr(" ".join(dict.fromkeys(classes)))}"',
                 f'data-cats="{_attr(" ".join(cats))}"',
                 f'data-ann="{" ".join(str(sp.i) for sp in active)}"']
        if symbols:
            attrs.append(f'data-sym="{_attr("".join(symbols))}"')
        attrs.append(f'title="{_attr(title)}"')
        marker = ""
        if footnotes:
            numbers = sorted(footnotes[sp.i] for sp in starting if sp.i in footnotes)
            if numbers:
                marker = ('<sup class="mlk-fn-ref">' + ",".join(
                    f'<a id="mlk-ref-{k}" href="#mlk-fn-{k}">{k}</a>' for k in numbers) + "</sup>")
        out.append(f'<span {" ".join(attrs)}>{marker}{chunk}</span>')
    out.append("</div>")
    return "".join(out)


# --------------------------------------------------------------------------- public fragments

def render_html(text: str, annotations: Sequence[Annotation], visible: Iterable[str] | None = None, *,
                selected: int | None = None, include_style: bool = True) -> str:
    """The article as a ``<div class="mlk-article">`` with every visible annotation highlighted.

    ``visible`` lists the categories to show (None: all). Each piece of text between annotation
    boundaries is one ``<span class="mlk-hl mlk-<cat>…" data-cats data-ann title>`` carrying every
    category on it; ``selected`` (an annotation index) outlines that annotation. Annotations that
    are empty or out of range are skipped. The div's text is :func:`displayed_text` of ``text``.
    """
    body = _article_html(text, annotations, visible, selected=selected)
    return (style_html() + body) if include_style else body


def count_by_category(annotations: Iterable[Annotation]) -> dict[str, int]:
    """How many annotations each category has: every category of ``categories.yaml``, zero when none.

    Categories not in the YAML are counted too, after the known ones.
    """
    counts = {cid: 0 for cid in _styles()}
    for ann in annotations or ():
        cat = _str(getattr(ann, "category", ""))
        counts[cat] = counts.get(cat, 0) + 1
    return counts


def legend_html(visible: Iterable[str] | None = None, counts: Mapping[str, int] | None = None, *,
                include_style: bool = True) -> str:
    """A key to the highlights: symbol and line sample, label, count and description per category.

    Categories not in ``visible`` (None: all) are greyed and struck out and marked "hidden".
    """
    shown = _visible_set(visible)
    items = []
    for st in _styles().values():
        on = shown is None or st.id in shown
        sample_classes = f"mlk-hl mlk-{st.slug} mlk-start mlk-start-{st.slug} mlk-end-{st.slug}"
        if st.kind == "track":
            sample_classes += f" mlk-t0-{st.slug}"
        count = ""
        if counts is not None:
            k = counts.get(st.id, 0)
            count = f' <span class="mlk-legend-count">({k})</span>'
        state = "" if on else ' <span class="mlk-legend-state">hidden</span>'
        items.append(
            f'<li class="mlk-legend-item mlk-legend-{"on" if on else "off"}" data-cat="{_attr(st.id)}">'
            f'<span class="{sample_classes}" data-sym="{_attr(st.symbol)}" aria-hidden="true">'
            f'{_text(st.short)}</span>'
            f'<span><span class="mlk-legend-label">{_text(st.label)}</span>{count}{state}</span>'
            f'<span class="mlk-legend-desc">{_text(st.description)}</span></li>')
    body = f'<div class="mlk-legend mlk-tracks-1"><ul class="mlk-legend-list">{"".join(items)}</ul></div>'
    return (style_html() + body) if include_style else body


def _reason_html(text: str, sp: _Span) -> str:
    """One annotation's reason as HTML: symbol, label, the quoted span, cue, speaker, explanation."""
    ann, st = sp.ann, sp.style
    quote = " ".join(text[sp.start:sp.end].split())
    parts = [f'<span class="mlk-ex-sym" aria-hidden="true">{_text(st.symbol)}</span>'
             f'<strong>{_text(st.label)}</strong>: '
             f'<bdi class="mlk-ex-quote">“{_text(quote)}”</bdi>']
    # Words from the article sit in <bdi>: a right-to-left override (U+202E) in them cannot
    # reverse the kit's own words around them.
    cue = _str(getattr(ann, "cue", ""))
    if cue:
        parts.append(f' — cue <bdi class="mlk-ex-cue">“{_text(cue)}”</bdi>')
    source = _str(getattr(ann, "source", None))
    if source:
        parts.append(f' — speaker: <bdi class="mlk-ex-source">{_text(source)}</bdi>')
    explanation = _str(getattr(ann, "explanation", ""))
    if explanation:                      # it may name the speaker, so it is isolated too
        parts.append(f'. <bdi class="mlk-ex-why">{_text(explanation)}</bdi>')
    rule = _str(getattr(ann, "rule", ""))
    if rule:
        parts.append(f' <span class="mlk-ex-rule">(rule {_text(rule)})</span>')
    return "".join(parts)


def explanations_html(text: str, annotations: Sequence[Annotation], visible: Iterable[str] | None = None, *,
                      include_style: bool = False) -> str:
    """Every visible annotation's reason as a numbered list in reading order, for readers who cannot hover."""
    spans = _reading_order(_spans(text, annotations, visible))
    if not spans:
        body = '<p class="mlk-explanations mlk-empty">Nothing is highlighted in the categories shown.</p>'
    else:
        items = "".join(f'<li class="mlk-ex mlk-ex-{sp.style.slug}" data-ann="{sp.i}" '
                        f'data-cat="{_attr(sp.category)}">{_reason_html(text, sp)}</li>' for sp in spans)
        body = f'<ol class="mlk-explanations">{items}</ol>'
    return (style_html() + body) if include_style else body


# --------------------------------------------------------------------------- handout

_HANDOUT_CSS = (
    "html{background:#fff}"
    f"body.mlk-handout{{color:{TEXT_COLOUR};background:#fff;margin:2em auto;max-width:50em;padding:0 1.2em;"
    "font:1rem/1.5 system-ui,'DejaVu Sans',sans-serif}"
    ".mlk-handout h1{font:bold 1.6rem/1.25 Georgia,'DejaVu Serif',serif;margin:.2em 0 .4em}"
    ".mlk-handout h2{font-size:1.15rem;margin:1.4em 0 .4em}"
    f".mlk-note{{border-left:4px solid {TEXT_COLOUR};background:#f2f2f2;padding:.5em .8em;margin:.6em 0 1em}}"
    ".mlk-how{margin:.4em 0}"
    ".mlk-handout .mlk-article{max-width:none}"
    ".mlk-footnotes{padding-left:2.4em;font-size:.95rem}"
    ".mlk-footnotes li{margin:.35em 0}"
    f".mlk-back{{color:{TEXT_COLOUR};text-decoration:none;margin-left:.3em}}"
    "@page{margin:16mm}"
    "@media print{"
    "body.mlk-handout{margin:0;max-width:none;padding:0;font-size:10.5pt}"
    ".mlk-handout .mlk-article,.mlk-handout .mlk-legend{border:none;padding:0}"
    ".mlk-note{background:none;border:1px solid #000}"
    ".mlk-back{display:none}"
    ".mlk-hl[title]{cursor:auto}"
    ".mlk-footnotes li,.mlk-legend-item{break-inside:avoid}"
    "h1,h2{break-after:avoid}"
    "}"
)


def render_handout(text: str, annotations: Sequence[Annotation], *, title: str | None = None,
                   note: str | None = None, visible: Iterable[str] | None = None) -> str:
    """A standalone, printable HTML page: note, legend, the highlighted article with numbered notes.

    No scripts and no outside resources. ``note`` replaces :data:`DEFAULT_NOTE` (pass
    ``DEFAULT_NOTE + " …"`` to extend it; "" for none). The markers and symbols carry the meaning
    when printed without colour.
    """
    title = _str(title) or "Reading the news: the highlighted article"
    note = DEFAULT_NOTE if note is None else _str(note)
    ordered = _reading_order(_spans(text, annotations, visible))
    numbers = {sp.i: k for k, sp in enumerate(ordered, start=1)}
    counts = count_by_category(sp.ann for sp in ordered)
    notes = "".join(f'<li id="mlk-fn-{k}" value="{k}" data-ann="{sp.i}">{_reason_html(text, sp)}'
                    f'<a class="mlk-back" href="#mlk-ref-{k}" aria-label="back to the text">↩</a></li>'
                    for k, sp in enumerate(ordered, start=1))
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_text(title)}</title>\n",
        f"<style>{_css()}{_HANDOUT_CSS}</style>\n</head>\n",
        '<body class="mlk-handout">\n',
        f"<header><h1>{_text(title)}</h1>\n",
        f'<p class="mlk-note">{_text(note)}</p>\n' if note else "",
        '<p class="mlk-how">Each highlight begins with its symbol and a note number; the line style '
        "shows its kind. The notes at the end say why each part was marked.</p></header>\n",
        '<section aria-label="Key">', legend_html(visible, counts, include_style=False), "</section>\n",
        '<h2>The article</h2>\n',
        _article_html(text, annotations, visible, footnotes=numbers), "\n",
        '<section class="mlk-notes"><h2>Notes</h2>\n',
        f'<ol class="mlk-footnotes">{notes}</ol>\n' if notes else
        '<p class="mlk-footnotes mlk-empty">Nothing was highlighted.</p>\n',
        "</section>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def write_handout(path, text: str, annotations: Sequence[Annotation], **kw) -> Path:
    """Write :func:`render_handout` to ``path`` atomically: a crash leaves the old file or none, never half a file."""
    return atomic_write_bytes(path, render_handout(text, annotations, **kw).encode("utf-8"))
