"""Charts about the article: who speaks, where the hedging is, and which death-toll figures appear.

Each ``plot_*`` function returns a matplotlib Figure and, in a notebook, shows it once with a
text description (``alt``) for screen readers. Figures are drawn with the Agg backend through
:class:`matplotlib.figure.Figure` directly (no pyplot state), in the categories' colour-blind-safe
colours plus hatching, so they read in greyscale too. matplotlib is imported only inside the
plotting functions; what they draw comes from the pure functions of :mod:`.chart_data`.
"""
from __future__ import annotations

import base64
import html
import io
import textwrap
from functools import lru_cache

from ..errors import KitError
from ..render.palette import CHART_CONTEXT, CHART_NONE, CHART_SIDES
from .base import ipython_shell, read
from .chart_data import (  # noqa: F401  (the data functions are part of this module's surface)
    KIND_LABELS,
    REPORTER,
    Figure,
    FigureRow,
    _apostrophes,
    _speaker_of,
    context_figures,
    coverage,
    extract_figures,
    figure_rows,
    hedges_by_sentence,
    hedges_by_speaker,
    side_of,
    speaker_counts,
    speaker_groups,
    speaker_members,
)

NONE_COLOUR = CHART_NONE
CONTEXT_COLOUR = CHART_CONTEXT
KIND_ORDER = ("official", "expert", "voice", "none")
KIND_HATCH = {"official": "///", "expert": "...", "voice": "xx", "none": ""}
SIDE_HATCHES = ("///", "\\\\\\", "...", "xx", "++")



# --- drawing helpers ----------------------------------------------------------------------------

def _colours() -> dict[str, str]:
    from ..render.palette import load_categories
    cats = load_categories()
    colours = {k: cats[k].colour for k in ("official", "expert", "voice", "hedge") if k in cats}
    colours["none"] = NONE_COLOUR
    return colours


@lru_cache(maxsize=1)
def _figure_class():
    from matplotlib.figure import Figure as MplFigure

    class KitFigure(MplFigure):
        """A matplotlib Figure that shows itself once per cell, with a text description."""

        alt_text = ""
        _shown_in = None

        def _ipython_display_(self):
            shell = ipython_shell()
            count = getattr(shell, "execution_count", None)
            if self._shown_in is not None and self._shown_in == count:
                return
            self._shown_in = count
            _display_png(self)

    return KitFigure


def _new_figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    fig = _figure_class()(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _display_png(fig) -> None:
    from IPython.display import display
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, facecolor="white")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    alt = fig.alt_text or "A chart."
    img = (f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
           'style="max-width:100%;height:auto">')
    display({"text/html": img, "image/png": data, "text/plain": alt}, raw=True)


def _finish(fig, alt: str):
    """Give the figure its description and show it when running in a notebook."""
    fig.alt_text = alt
    if ipython_shell() is not None:
        fig._ipython_display_()
    return fig


def _plain(text: str) -> str:
    """Text from the article for matplotlib: a "$" is a dollar sign, never the start of a formula."""
    return text.replace("$", r"\$")


MAX_LABEL_LINES = 5
"""A label from the article (a speaker's name as the annotator read it) is cut after this many
lines: a pasted text whose "speaker" is a whole paragraph must not squeeze the bars away."""


def _wrap(text: str, width: int = 28) -> str:
    return _plain("\n".join(textwrap.wrap(text, width, max_lines=MAX_LABEL_LINES, placeholder=" …")) or text)


def _short(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with "…", for a one-line label."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# --- the plots -------------------------------------------------------------------------------
def plot_speakers(article=None, by: str = "institution"):
    """Who speaks and how much: sentences per speaker, and per kind of source.

    People are counted under the institution they speak for (a general and his ministry are one
    bar, with its members named under it); ``by="person"`` shows every speaker on their own.
    """
    from matplotlib.patches import Patch
    if by not in ("institution", "person"):
        raise KitError('Choose by="institution" or by="person".')
    reading = read(article)
    rows = speaker_counts(reading, by)[:15]
    members = speaker_members(reading, by)
    colours = _colours()
    fig = _new_figure(11, max(3.8, 0.55 * len(rows) + 1.8))
    ax1, ax2 = fig.subplots(1, 2, width_ratios=(1.7, 1))

    def bar_label(name):
        inside = [m for m in members.get(name, []) if m != name]
        return _wrap(name, 30) + ("\n" + _wrap("(" + ", ".join(inside) + ")", 40) if inside else "")

    names = [bar_label(r[0]) for r in rows][::-1]
    values = [r[2] for r in rows][::-1]
    kinds = [r[1] for r in rows][::-1]
    ax1.barh(names, values, color=[colours[k] for k in kinds], hatch=[KIND_HATCH[k] for k in kinds],
             edgecolor="#1a1a1a", linewidth=0.8)
    ax1.tick_params(axis="y", labelsize=8)
    for y, v in enumerate(values):
        ax1.text(v + 0.1, y, str(v), va="center", fontsize=9)
    ax1.set_xlabel("Number of sentences")
    ax1.set_ylabel("Who is speaking" + (" (people under the body they speak for)" if by == "institution" else ""))
    ax1.set_title("Sentences per speaker")
    ax1.xaxis.get_major_locator().set_params(integer=True)
    ax1.legend(handles=[Patch(facecolor=colours[k], hatch=KIND_HATCH[k], edgecolor="#1a1a1a",
                              label=KIND_LABELS[k]) for k in KIND_ORDER],
               loc="lower right", fontsize=9, title="Kind of source")
    by_kind = {k: 0 for k in KIND_ORDER}
    for _name, kind, n in speaker_counts(reading, by):
        by_kind[kind] += n
    labels = [_wrap(KIND_LABELS[k], 8) for k in KIND_ORDER]
    bars = ax2.bar(labels, [by_kind[k] for k in KIND_ORDER], color=[colours[k] for k in KIND_ORDER],
                   hatch=[KIND_HATCH[k] for k in KIND_ORDER], edgecolor="#1a1a1a", linewidth=0.8)
    ax2.bar_label(bars, fontsize=9)
    ax2.set_xlabel("Kind of source")
    ax2.set_ylabel("Number of sentences")
    ax2.set_title("Sentences per kind of source")
    ax2.yaxis.get_major_locator().set_params(integer=True)
    fig.suptitle(f"Who speaks in the article, and how much ({sum(by_kind.values())} sentences)", fontweight="bold")
    alt = (f"Bar charts of how many of the article's {sum(by_kind.values())} sentences each speaker has. "
           + "; ".join(f"{name} ({KIND_LABELS[kind].lower()}): {n}"
                       + (f" (counting {', '.join(members[name])})" if len(members.get(name, [])) > 1 else "")
                       for name, kind, n in rows[:8])
           + ". By kind: " + ", ".join(f"{KIND_LABELS[k].lower()} {by_kind[k]}" for k in KIND_ORDER) + ".")
    return _finish(fig, alt)


def plot_hedging(article=None):
    """Where the hedging is and who is speaking: hedge words in each sentence, coloured by the
    kind of speaker and labelled with the words and the speaker; beside it, hedge words per speaker."""
    from matplotlib.patches import Patch
    reading = read(article)
    rows = hedges_by_sentence(reading)
    groups = speaker_groups(reading)
    colours = _colours()
    fig = _new_figure(11, 5.6)
    ax, ax2 = fig.subplots(1, 2, width_ratios=(2.3, 1))
    speakers = [_speaker_of(s, groups, "institution") for s in reading.sentences]
    xs = [n for n, _ in rows]
    ys = [len(c) for _, c in rows]
    kinds = [k for _bar, k, _name in speakers]
    ax.bar(xs, ys, color=[colours[k] for k in kinds], hatch=[KIND_HATCH[k] or "//" for k in kinds],
           edgecolor="#1a1a1a", linewidth=0.8, width=0.8)
    top = max(ys, default=0)
    for x, (n, cues), (bar, _kind, _name) in zip(xs, rows, speakers):
        if cues:
            who = "reporter" if bar == KIND_LABELS["none"] else _short(bar)
            ax.text(x, len(cues) + 0.08, _plain(", ".join(dict.fromkeys(c.lower() for c in cues)) + f" ({who})"),
                    rotation=90, ha="center", va="bottom", fontsize=8)
    if not top:
        ax.text(0.5, 0.5, "No hedge words were found.", transform=ax.transAxes, ha="center")
    ax.set_ylim(0, max(1, top) * 4.2 + 0.6)
    ax.set_xlim(0.3, max(xs, default=1) + 0.7)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(f"Sentence number (1 to {len(rows)}, from the start of the article to the end)")
    ax.set_ylabel("Number of hedge words")
    ax.set_title("Hedge words, sentence by sentence")
    ax.legend(handles=[Patch(facecolor=colours[k], hatch=KIND_HATCH[k] or "//", edgecolor="#1a1a1a",
                             label=KIND_LABELS[k]) for k in KIND_ORDER],
              loc="upper left", fontsize=8, title="Who is speaking", ncols=2)
    per = hedges_by_speaker(reading)
    names = [("the reporter's own words" if r[0] == KIND_LABELS["none"] else _wrap(r[0], 24)) for r in per][::-1]
    bars = ax2.barh(names, [r[2] for r in per][::-1], color=[colours[r[1]] for r in per][::-1],
                    hatch=[KIND_HATCH[r[1]] or "//" for r in per][::-1], edgecolor="#1a1a1a", linewidth=0.8)
    ax2.bar_label(bars, fontsize=9)
    ax2.tick_params(axis="y", labelsize=8)
    ax2.set_xlabel("Number of hedge words")
    ax2.set_ylabel("Who is speaking")
    ax2.set_title("Hedge words per speaker")
    ax2.xaxis.get_major_locator().set_params(integer=True)
    fig.suptitle("Where the hedging is, and who is speaking", fontweight="bold")
    hedged = [(n, cues, bar) for (n, cues), (bar, _k, _m) in zip(rows, speakers) if cues]
    alt = (f"Bar chart of hedge words in each of {len(rows)} sentences, coloured by who is speaking, and "
           "of hedge words per speaker. "
           + ("; ".join(f"sentence {n}: {', '.join(c)} ({bar})" for n, c, bar in hedged) if hedged
              else "No hedges found")
           + ". Per speaker: " + ", ".join(f"{name} {n}" for name, _k, n in per) + ".")
    return _finish(fig, alt)


def plot_figures(article=None, context: bool = False):
    """The death-toll figures and who gives them, on one axis, in the order they were given.

    Each figure is labelled with who gave it, their side, the date and where it appears; no
    figure is treated as the real one. Words without a number ("much higher", "dozens") are
    notes. With ``context=True`` a kit article's chart adds the figures other coverage reported
    (its ``context-figures.yaml``), each marked as not in this article and naming the outlet.
    """
    from matplotlib.patches import Patch
    reading = read(article)
    rows = figure_rows(reading, context)
    sides = [str(s["side"]) for s in coverage(reading).get("sides") or ()]
    for r in rows:
        for side in r.side.split(" and "):
            if side not in sides:
                sides.append(side)
    side_colour = {side: (CHART_SIDES[i % len(CHART_SIDES)] if i < len(CHART_SIDES) and "not known" not in side
                          and "reporter" not in side else NONE_COLOUR) for i, side in enumerate(sides)}
    side_hatch = {side: SIDE_HATCHES[i % len(SIDE_HATCHES)] for i, side in enumerate(sides)}
    fig = _new_figure(11, max(3.4, 0.95 * len(rows) + 2.0))
    ax = fig.subplots()
    numbers = [r.value_low for r in rows if r.value_low is not None]
    top = max(numbers, default=10)
    labels, alt_parts = [], []
    for y, r in enumerate(reversed(rows)):
        first_side = r.side.split(" and ")[0]
        labels.append((y, _wrap(f"“{r.value_text}”", 34) + "\n" + _wrap(r.label, 52)))
        times = f" (given {r.times} times)" if r.times > 1 else ""
        if r.value_low is not None:
            ax.barh(y, r.value_low, color=side_colour.get(first_side, NONE_COLOUR), hatch=side_hatch.get(first_side, ""),
                    edgecolor="#1a1a1a", linewidth=0.8 if r.in_article else 1.2,
                    linestyle="-" if r.in_article else "--", height=0.6)
            ax.text(r.value_low + top * 0.02, y, _plain(f"{r.value_text}{times}"), va="center", fontsize=9)
        else:
            # Dashed lines mean "other coverage" in the legend: a figure of this article gets a solid box.
            ax.text(top * 0.02, y, _plain(f"no number given: “{r.value_text}”{times}"), va="center", fontsize=9,
                    style="italic", bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#1a1a1a",
                                          "linestyle": "-" if r.in_article else "--"})
        alt_parts.insert(0, f"“{r.value_text}”, {r.label}")
    if not rows:
        ax.text(0.5, 0.5, "No death-toll figures were found in this article.", transform=ax.transAxes,
                ha="center")
    ax.set_yticks([p for p, _ in labels], [t for _, t in labels], fontsize=8)
    ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
    ax.set_xlim(0, top * 1.45)
    other_counts = list(dict.fromkeys(r.counts for r in rows if r.counts != "killed"))
    ax.set_xlabel("Number of people reported killed"
                  + (f" (or {', '.join(other_counts)}, where a figure says so)" if other_counts else ""))
    ax.set_ylabel("The figure: who gives it, their side, when, and where it is reported")
    ax.set_title("Death toll: every figure and who gives it" + (" (with other coverage)" if context else ""),
                 fontweight="bold")
    handles = [Patch(facecolor=side_colour[s], hatch=side_hatch[s], edgecolor="#1a1a1a", label=s) for s in sides
               if any(s in r.side for r in rows if r.value_low is not None)]
    if context:
        handles.append(Patch(facecolor="white", edgecolor="#1a1a1a", linestyle="--", label="dashed: other coverage"))
    if handles:
        ax.legend(handles=handles, loc="lower right", fontsize=8, title="Who gives it")
    alt = ("Chart of death-toll figures, in the order they were given, each with who gave it, their side and "
           "the date; none is marked as the real number. " + ("; ".join(alt_parts) if alt_parts else "None found") + ".")
    return _finish(fig, alt)
