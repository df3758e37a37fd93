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
from typing import Iterable, Mapping, Sequence

from ..annotator.model import Annotation
from .stylesheet import MAX_TRACKS, CategoryStyle, category_styles, style_html, style_of

__all__ = ["render_html", "reason_popovers", "legend_html", "count_by_category", "explanations_html", "style_html", "displayed_text"]


_UNSHOWABLE = re.compile("[\x00\ud800-\udfff]")


# --------------------------------------------------------------------------- escaping

def displayed_text(text: str) -> str:
    """``text`` as an HTML page shows it: lone surrogates and NUL become U+FFFD, nothing else changes."""
    return _UNSHOWABLE.sub("\ufffd", text)


def escape_text(s: str) -> str:
    """Escape for a text node (CR kept as a character reference)."""
    return html.escape(displayed_text(s), quote=False).replace("\r", "&#13;")


def _attr(s: str) -> str:
    """Escape for a double-quoted attribute value."""
    return html.escape(displayed_text(s), quote=True).replace("\r", "&#13;")


_OPENERS = "“‘\"'«„"
_ENDERS = "”\"»"


def in_quotes(words: str) -> str:
    """``words`` between curly quotation marks, unless they begin with a quotation mark of their
    own: then they carry their own marks, and wrapping them again would show ““ or ””."""
    words = words.strip()
    if words[:1] and words[0] in _OPENERS:
        return words
    return f"“{words}" + ("" if words[-1:] and words[-1] in _ENDERS else "”")


_WORD = re.compile(r"\w+")


def cue_elsewhere(marked: str, cue: str) -> bool:
    """True when the words of ``cue`` are not all in the ``marked`` words: the clue is in another
    sentence (the challenger of a contested claim, the "unable to verify" next to a claim, the
    "he said" after a quotation), so a reader looking for it in the highlight would not find it.

    >>> cue_elsewhere("Russia blames its soldiers", "cast doubt"), cue_elsewhere("The army has blamed", "The army blamed")
    (True, False)
    """
    def words(s: str) -> list[str]:
        return _WORD.findall(s.replace("’", "'").lower())
    have = set(words(marked))
    return not all(w in have for w in words(cue))


CUE_ELSEWHERE = "in another sentence"
"""Said after a cue that :func:`cue_elsewhere` finds outside the highlighted words."""


def as_text(value) -> str:
    """A field as text ('' for None), whatever type a caller put there."""
    return "" if value is None else value if isinstance(value, str) else str(value)


# --------------------------------------------------------------------------- spans and segments

@dataclass(frozen=True)
class _Span:
    """A usable annotation: its index in the caller's sequence, offsets and style."""

    i: int
    start: int
    end: int
    category: str
    style: CategoryStyle
    ann: object


def _visible_set(visible: Iterable[str] | None) -> set[str] | None:
    if visible is None:
        return None
    if isinstance(visible, str):
        return {visible}
    return {as_text(v) for v in visible}


def _span(i: int, ann, n: int) -> _Span | None:
    """The annotation as a span of a text of length ``n``; None when empty, out of range or malformed."""
    try:
        start, end = operator.index(getattr(ann, "start")), operator.index(getattr(ann, "end"))
    except (AttributeError, TypeError):
        return None
    if not 0 <= start < end <= n:
        return None
    category = as_text(getattr(ann, "category", ""))
    return _Span(i, start, end, category, style_of(category), ann)


def spans_of(text: str, annotations: Sequence[Annotation], visible) -> list[_Span]:
    """The annotations that can be drawn on ``text`` and whose category is visible."""
    shown = _visible_set(visible)
    out = []
    for i, ann in enumerate(annotations or ()):
        sp = _span(i, ann, len(text))
        if sp is not None and (shown is None or sp.category in shown):
            out.append(sp)
    return out


def reading_order(spans: Iterable[_Span]) -> list[_Span]:
    """Spans as a reader meets them: by start, longer (enclosing) first, then category order."""
    return sorted(spans, key=lambda sp: (sp.start, -sp.end, sp.style.order, sp.i))


def _segments(n: int, spans: Sequence[_Span], cuts: Iterable[int] = ()):
    """Cut ``range(n)`` at every span boundary (and at ``cuts``); yield ``(a, b, active spans sorted by index)``."""
    starts: dict[int, list[_Span]] = {}
    ends: dict[int, list[_Span]] = {}
    bounds = {0, n, *(c for c in cuts if 0 <= c <= n)}
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
    for sp in reading_order(s for s in spans if s.style.kind == "track"):
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


def _reason_plain(sp: _Span, text: str) -> str:
    """One annotation's reason as plain text for a ``title`` tooltip."""
    ann, st = sp.ann, sp.style
    head = f"{st.symbol} {st.label}"
    source = as_text(getattr(ann, "source", None))
    if source:
        head += f" — {_isolate(source)}"
    details = []
    cue = as_text(getattr(ann, "cue", ""))
    if cue:
        where = f" ({CUE_ELSEWHERE})" if cue_elsewhere(text[sp.start:sp.end], cue) else ""
        details.append(f"cue{where} {_isolate(in_quotes(cue))}")
    rule = as_text(getattr(ann, "rule", ""))
    if rule:
        details.append(f"rule {rule}")
    lines = [head]
    if details:
        lines.append(", ".join(details))
    explanation = as_text(getattr(ann, "explanation", ""))
    if explanation:
        lines.append(_isolate(explanation))
    return "\n".join(lines)


def _isolate(s: str) -> str:
    """Outside text in plain text (a tooltip), between FIRST STRONG ISOLATE and POP DIRECTIONAL
    ISOLATE, the plain-text form of <bdi>: its direction marks stay inside."""
    return f"\u2068{s}\u2069"


def _clean_parts(parts, n: int) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, label)`` of the article's parts that fit ``range(n)``, sorted, none overlapping."""
    out: list[tuple[int, int, str, str]] = []
    for part in sorted(parts or (), key=lambda p: (p[0], p[1])):
        start, end, kind, label = part
        if 0 <= start < end <= n and (not out or out[-1][1] <= start):
            out.append((start, end, as_text(kind), as_text(label)))
    return out


def _innermost(active: Sequence[_Span]) -> _Span:
    """Of the annotations on a piece of text, the one a click there opens: the shortest."""
    return min(active, key=lambda sp: (sp.end - sp.start, -sp.start, sp.i))


def article_html(text: str, annotations, visible, *, selected: int | None = None,
                 footnotes: Mapping[int, int] | None = None, parts=None, reasons_id: str | None = None) -> str:
    """The article div; with ``footnotes`` (annotation index → number) markers follow each start.

    ``parts`` (``(start, end, kind, label)``) wraps each part of the article (headline, caption,
    credit, ...) in a ``<span class="mlk-sect mlk-sect-<kind>" data-part="label">`` whose label
    CSS shows before it, so the text inside the div stays the article's text exactly.

    With ``reasons_id`` (a prefix unique on the page) every highlight opens its reason: each
    annotation starts with a ``<button>`` (its category symbol, reachable by Tab, opened by
    Enter) that shows the reason as a popover, and every piece of highlighted text is a
    ``<label>`` for the button of its innermost annotation, so a click or a tap on the words
    opens it too. No script is needed: the browser's popover does it. The popovers follow the
    article div (:func:`reason_popovers`).
    """
    spans = spans_of(text, annotations, visible)
    tracks = _assign_tracks(spans)
    n_tracks = min(MAX_TRACKS, max(tracks.values(), default=-1) + 1)
    reasons: dict[int, str] = {}
    cut = _clean_parts(parts, len(text))
    part_at = {p[0]: p for p in cut}
    part_ends = {p[1] for p in cut}
    extra = [p[0] for p in cut] + [p[1] for p in cut]
    out = [f'<div class="mlk-article mlk-tracks-{n_tracks}{" mlk-interactive" if reasons_id else ""}">']
    for a, b, active in _segments(len(text), spans, extra):
        part = part_at.get(a)
        if part is not None:
            out.append(f'<span class="mlk-sect mlk-sect-{_attr(_slug(part[2]))}" data-part="{_attr(part[3])}">')
        _segment(out, text, a, b, active, tracks, reasons, selected, footnotes, reasons_id)
        if b in part_ends:
            out.append("</span>")
    out.append("</div>")
    return "".join(out)


def _slug(kind: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "", kind.lower()) or "part"


def _segment(out, text, a, b, active, tracks, reasons, selected, footnotes, reasons_id) -> None:
    """One piece of text between annotation boundaries, as escaped text or a highlight span."""
    chunk = escape_text(text[a:b])
    if not active:
        out.append(chunk)
        return
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
            reasons[sp.i] = _reason_plain(sp, text)
    title = "\n\n".join(reasons[sp.i] for sp in active)
    attrs = [f'class="{_attr(" ".join(dict.fromkeys(classes)))}"',
             f'data-cats="{_attr(" ".join(cats))}"',
             f'data-ann="{" ".join(str(sp.i) for sp in active)}"']
    if symbols and not reasons_id:   # with reasons, the symbol is the button before the text
        attrs.append(f'data-sym="{_attr("".join(symbols))}"')
    attrs.append(f'title="{_attr(title)}"')
    marker = ""
    if footnotes:
        numbers = sorted(footnotes[sp.i] for sp in starting if sp.i in footnotes)
        if numbers:
            marker = ('<sup class="mlk-fn-ref">' + ",".join(
                f'<a id="mlk-ref-{k}" href="#mlk-fn-{k}">{k}</a>' for k in numbers) + "</sup>")
    if reasons_id:
        for sp in sorted(starting, key=lambda sp: (sp.style.order, sp.i)):
            out.append(_why_button(text, sp, reasons_id))
        target = _innermost(active)
        out.append(f'<label for="{_attr(reasons_id)}-b{target.i}" class="mlk-open">'
                   f'<span {" ".join(attrs)}>{marker}{chunk}</span></label>')
    else:
        out.append(f'<span {" ".join(attrs)}>{marker}{chunk}</span>')


def _why_button(text: str, sp: _Span, reasons_id: str) -> str:
    """The button that opens one annotation's reason: its symbol on screen, a full name for screen readers."""
    quote = " ".join(text[sp.start:sp.end].split())
    if len(quote) > 60:
        quote = quote[:59].rstrip() + "…"
    name = f"Why is this marked as {sp.style.label.lower()}? {in_quotes(quote)}"
    return (f'<button type="button" class="mlk-why mlk-why-{sp.style.slug}" id="{_attr(reasons_id)}-b{sp.i}" '
            f'popovertarget="{_attr(reasons_id)}-r{sp.i}" data-sym="{_attr(sp.style.symbol)}" '
            f'aria-label="{_attr(name)}"></button>')


def reason_popovers(text: str, annotations, visible, reasons_id: str) -> str:
    """The popovers that :func:`article_html` with ``reasons_id`` opens: one reason per highlight."""
    items = []
    for sp in reading_order(spans_of(text, annotations, visible)):
        pid = f"{_attr(reasons_id)}-r{sp.i}"
        items.append(
            f'<div popover id="{pid}" class="mlk-pop mlk-pop-{sp.style.slug}" role="dialog" '
            f'aria-labelledby="{pid}-h" data-ann="{sp.i}">'
            f'<p class="mlk-pop-head" id="{pid}-h">Why is this marked?</p>'
            f'<p class="mlk-pop-body">{reason_html(text, sp)}</p>'
            f'<button type="button" class="mlk-pop-close" popovertarget="{pid}" '
            f'popovertargetaction="hide">Close</button></div>')
    return f'<div class="mlk-pops">{"".join(items)}</div>' if items else ""


# --------------------------------------------------------------------------- public fragments

def render_html(text: str, annotations: Sequence[Annotation], visible: Iterable[str] | None = None, *,
                selected: int | None = None, include_style: bool = True, parts=None,
                reasons_id: str | None = None) -> str:
    """The article as a ``<div class="mlk-article">`` with every visible annotation highlighted.

    ``visible`` lists the categories to show (None: all). Each piece of text between annotation
    boundaries is one ``<span class="mlk-hl mlk-<cat>…" data-cats data-ann title>`` carrying every
    category on it; ``selected`` (an annotation index) outlines that annotation. Annotations that
    are empty or out of range are skipped. The div's text is :func:`displayed_text` of ``text``.
    ``parts`` labels the article's parts and ``reasons_id`` makes every highlight open its
    reason by click, tap or keyboard (see :func:`article_html`).
    """
    body = article_html(text, annotations, visible, selected=selected, parts=parts, reasons_id=reasons_id)
    if reasons_id:
        body += reason_popovers(text, annotations, visible, reasons_id)
    return (style_html() + body) if include_style else body


def count_by_category(annotations: Iterable[Annotation]) -> dict[str, int]:
    """How many annotations each category has: every category of ``categories.yaml``, zero when none.

    Categories not in the YAML are counted too, after the known ones.
    """
    counts = {cid: 0 for cid in category_styles()}
    for ann in annotations or ():
        cat = as_text(getattr(ann, "category", ""))
        counts[cat] = counts.get(cat, 0) + 1
    return counts


def legend_html(visible: Iterable[str] | None = None, counts: Mapping[str, int] | None = None, *,
                include_style: bool = True, categories: Iterable[str] | None = None) -> str:
    """A key to the highlights: symbol and line sample, label, count and description per category.

    ``categories`` lists the categories the key explains (None: every one in ``categories.yaml``).
    Categories not in ``visible`` (None: all) are greyed and struck out and marked "hidden".
    """
    shown = _visible_set(visible)
    listed = None if categories is None else set(_visible_set(categories))
    items = []
    for st in category_styles().values():
        if listed is not None and st.id not in listed:
            continue
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
            f'{escape_text(st.short)}</span>'
            f'<span><span class="mlk-legend-label">{escape_text(st.label)}</span>{count}{state}</span>'
            f'<span class="mlk-legend-desc">{escape_text(st.description)}</span></li>')
    body = f'<div class="mlk-legend mlk-tracks-1"><ul class="mlk-legend-list">{"".join(items)}</ul></div>'
    return (style_html() + body) if include_style else body


def reason_html(text: str, sp: _Span) -> str:
    """One annotation's reason as HTML: symbol, label, the quoted span, cue, speaker, explanation."""
    ann, st = sp.ann, sp.style
    quote = " ".join(text[sp.start:sp.end].split())
    parts = [f'<span class="mlk-ex-sym" aria-hidden="true">{escape_text(st.symbol)}</span>'
             f'<strong>{escape_text(st.label)}</strong>: '
             f'<bdi class="mlk-ex-quote">{escape_text(in_quotes(quote))}</bdi>']
    # Words from the article sit in <bdi>: a right-to-left override (U+202E) in them cannot
    # reverse the kit's own words around them.
    cue = as_text(getattr(ann, "cue", ""))
    if cue:
        where = f" ({CUE_ELSEWHERE})" if cue_elsewhere(quote, cue) else ""
        parts.append(f' — cue{where} <bdi class="mlk-ex-cue">{escape_text(in_quotes(cue))}</bdi>')
    source = as_text(getattr(ann, "source", None))
    if source:
        parts.append(f' — speaker: <bdi class="mlk-ex-source">{escape_text(source)}</bdi>')
    explanation = as_text(getattr(ann, "explanation", ""))
    if explanation:                      # it may name the speaker, so it is isolated too
        parts.append(f'. <bdi class="mlk-ex-why">{escape_text(explanation)}</bdi>')
    rule = as_text(getattr(ann, "rule", ""))
    if rule:
        parts.append(f' <span class="mlk-ex-rule">(rule {escape_text(rule)})</span>')
    return "".join(parts)


def explanations_html(text: str, annotations: Sequence[Annotation], visible: Iterable[str] | None = None, *,
                      include_style: bool = False) -> str:
    """Every visible annotation's reason as a numbered list in reading order, for readers who cannot hover."""
    spans = reading_order(spans_of(text, annotations, visible))
    if not spans:
        body = '<p class="mlk-explanations mlk-empty">Nothing is highlighted in the categories shown.</p>'
    else:
        items = "".join(f'<li class="mlk-ex mlk-ex-{sp.style.slug}" data-ann="{sp.i}" '
                        f'data-cat="{_attr(sp.category)}">{reason_html(text, sp)}</li>' for sp in spans)
        body = f'<ol class="mlk-explanations">{items}</ol>'
    return (style_html() + body) if include_style else body


