"""The one palette: category labels, colours and non-colour cues (from ``data/categories.yaml``),
the colours of text, page and messages, and the contrast arithmetic that keeps lines visible."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")

TEXT_COLOUR = "#1a1a1a"
PAGE_COLOUR = "#ffffff"
SELECTED_TINT = "#fff3bf"
MUTED_TEXT = "#595959"
OTHER_COLOUR = "#6b6b6b"
RULE_COLOUR = "#c8c8c8"       # thin borders and table rules in views
TABLE_RULE = "#767676"        # table rules in the lesson helpers (3:1 against white)
HEADER_TINT = "#f2f2f2"       # table headers, the handout's note
ACCENT = "#0072B2"            # links, buttons, information notes (Okabe-Ito blue)
ACCENT_DARK = "#0b3d66"
ACCENT_TINT = "#eef6fc"
OK_COLOUR, OK_TINT = "#007a5a", "#e9f6f1"
WARN_COLOUR, WARN_TINT = "#8a5a00", "#fff5dc"
ERROR_COLOUR, ERROR_TINT = "#b54700", "#fdeee6"
NOTE_COLOURS = {"info": (ACCENT, ACCENT_TINT), "ok": (OK_COLOUR, OK_TINT), "warn": (WARN_COLOUR, WARN_TINT),
                "error": (ERROR_COLOUR, ERROR_TINT)}
"""Message boxes: the line down the left side and the tint behind, by kind of message."""
CHART_NONE = "#BBBBBB"        # charts: no named speaker
CHART_CONTEXT = "#DDDDDD"     # charts: figures from other coverage
CHART_SIDES = ("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442")   # charts: one per side, in order


@dataclass(frozen=True)
class Category:
    """How one category is named and drawn: colour plus a line style and symbol for colour-blind readers."""

    id: str
    label: str
    short: str
    symbol: str
    colour: str
    line: str
    description: str


@lru_cache(maxsize=1)
def load_categories() -> dict[str, Category]:
    """All categories in display order, keyed by id."""
    import yaml

    raw = yaml.safe_load(data_path("categories.yaml").read_text(encoding="utf-8"))
    return {cid: Category(id=cid, **{k: str(v) for k, v in spec.items()}) for cid, spec in raw.items()}


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


def line_colour(colour: str, minimum: float = 3.0) -> str:
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
