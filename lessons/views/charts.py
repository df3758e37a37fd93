"""Charts about the article: who speaks, where the hedging is, and which death-toll figures appear.

Each ``plot_*`` function returns a matplotlib Figure and, in a notebook, shows it once with a
text description (``alt``) for screen readers. Figures are drawn with the Agg backend through
:class:`matplotlib.figure.Figure` directly (no pyplot state), in the categories' colour-blind-safe
colours plus hatching, so they read in greyscale too. matplotlib is imported only inside the
plotting functions; :func:`extract_figures` is pure.
"""
from __future__ import annotations

import base64
import html
import io
import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache

from ..annotator.figures import figure_spans
from ..render.palette import CHART_CONTEXT, CHART_NONE
from .base import analysis_of, ipython_shell

NONE_COLOUR = CHART_NONE
CONTEXT_COLOUR = CHART_CONTEXT
KIND_ORDER = ("official", "expert", "voice", "none")
KIND_LABELS = {"official": "Official source", "expert": "Expert", "voice": "Other voice",
               "none": "No named speaker"}
KIND_HATCH = {"official": "///", "expert": "...", "voice": "xx", "none": ""}
REPORTER = "no source named (the reporter's own words)"



# --- extracting figures (pure) -----------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    """A casualty figure in the article: its words, its lowest number (None when it gives no
    number, e.g. "much higher" or "dozens"), the sentence it is in and who gives it."""

    value_text: str
    value_low: int | None
    sentence_index: int
    source: str | None
    qualifier: str = ""
    start: int = -1
    end: int = -1

    @property
    def numeric(self) -> bool:
        return self.value_low is not None


_ATTRIBUTION = re.compile(
    r"\b(?:says|said|say|saying|raised|raises|reported|reports|claimed|claims|claim|suggested|"
    r"suggests|suggest|estimated|estimates|put|puts|gave|gives|confirmed|confirms|announced|"
    r"announces|stated|states|told|insisted|insists|according to)\b", re.IGNORECASE)
_BOUNDARY = re.compile(r",\s+(?:but|and|while|although|though|as)\s+|,|;|:|\bthat\b|\bwho\b|\bwhich\b|[“”\"]"
                       r"|^\s*", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:it|he|she|they|this|the ministry|the military)$", re.IGNORECASE)
_PASSIVE_END = re.compile(r"\b(?:were|was|is|are|been|be|being|has|have|had)$", re.IGNORECASE)


def _clean_source(who: str) -> str | None:
    who = who.strip(" ,;:—–-“”\"'")
    who = re.sub(r"\s*[—–]\s*", ", ", who)
    who = re.sub(r"^(?:and|but|while|as|also|then|so)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+(?:also|later|then|now|earlier|already)$", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+", " ", who).strip(" ,")
    if not who or len(who) > 120 or _PASSIVE_END.search(who):
        return None
    return who


def _subject_of(sentence: str, verb_start: int) -> str | None:
    """The words between the last clause boundary before a reporting verb and the verb."""
    left = sentence[:verb_start]
    cut = 0
    for m in _BOUNDARY.finditer(left):
        if m.end() <= len(left.rstrip()):
            cut = max(cut, m.end())
    return _clean_source(left[cut:])


def _source_in(sentence: str, pos: int) -> str | None:
    """Who gives the figure at ``pos`` of ``sentence``: the subject of the nearest reporting verb."""
    best = None
    for m in _ATTRIBUTION.finditer(sentence):
        word = m.group(0).lower()
        if re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", sentence[:m.start()], re.IGNORECASE):
            continue  # "the confirmed death toll": an adjective, not a reporting verb
        if word == "according to":
            tail = re.match(r"\s*(?:the\s+)?([^,.;]+)", sentence[m.end():])
            who = _clean_source(tail.group(1)) if tail else None
        else:
            who = _subject_of(sentence, m.start())
        if who is None:
            continue
        distance = abs(m.start() - pos)
        if best is None or distance < best[0]:
            best = (distance, who)
    return best[1] if best else None


def _resolve_pronoun(who: str | None, sentence, previous_source: str | None) -> str | None:
    if who is not None and _PRONOUN.match(who):
        if getattr(sentence, "source", None) is not None:
            return sentence.source.name
        return previous_source
    return who


def extract_figures(analysis) -> list[Figure]:
    """Casualty figures in an analysed article, in reading order.

    The figures are :func:`lessons.annotator.figures.figure_spans`'s. The source is the subject of the nearest reporting verb
    ("Russia says", "the ministry said", "officials suggested"); "It"/"He" is resolved to the
    sentence's speaker or the previous source; with no reporting verb the source is None (the
    reporter's own words).
    """
    out: list[Figure] = []
    previous_source: str | None = None
    for s in analysis.sentences:
        text = s.text
        sentence_sources = []
        for a, b, value_text, low, qual in figure_spans(text):
            who = _resolve_pronoun(_source_in(text, a), s, previous_source)
            sentence_sources.append(who)
            out.append(Figure(value_text, low, s.index, who, qual, s.start + a, s.start + b))
        named = [w for w in sentence_sources if w]
        if named:
            previous_source = named[-1]
        else:
            own = _source_in(text, 0)
            if own and not _PRONOUN.match(own):
                previous_source = own
    return out


def context_figures(text: str) -> list[dict]:
    """Figures from other coverage listed beside the kit article whose text (raw or cleaned) is ``text``."""
    import yaml

    from ..data import data_path
    from ..text.article import available_articles, load_article

    for article_id in available_articles():
        path = data_path("articles", article_id, "context-figures.yaml")
        if path.exists():
            article = load_article(article_id)
            if text in (article.text, article.raw):
                return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return []


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


def _wrap(text: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _apostrophes(name: str) -> str:
    return name.replace("’", "'").replace("‘", "'")


# --- the plots -------------------------------------------------------------------------------

def speaker_counts(analysis) -> list[tuple[str, str, int]]:
    """(speaker name, kind, number of sentences) for every speaker, most sentences first."""
    counts: dict[str, list] = {}
    for s in analysis.sentences:
        if not s.text.strip():
            continue
        if s.source is None:
            name, kind = KIND_LABELS["none"], "none"
        else:
            name, kind = _apostrophes(s.source.name), s.source.kind if s.source.kind in KIND_LABELS else "voice"
        entry = counts.setdefault(name, [name, kind, 0])
        entry[2] += 1
    return sorted((tuple(v) for v in counts.values()), key=lambda v: (-v[2], v[0].lower()))


def plot_speakers(article=None):
    """Who speaks and how much: sentences per speaker, and per kind of source."""
    from matplotlib.patches import Patch
    analysis = analysis_of(article)
    rows = speaker_counts(analysis)[:15]
    colours = _colours()
    fig = _new_figure(11, max(3.8, 0.42 * len(rows) + 1.6))
    ax1, ax2 = fig.subplots(1, 2, width_ratios=(1.7, 1))
    names = [_wrap(r[0], 30) for r in rows][::-1]
    values = [r[2] for r in rows][::-1]
    kinds = [r[1] for r in rows][::-1]
    ax1.barh(names, values, color=[colours[k] for k in kinds], hatch=[KIND_HATCH[k] for k in kinds],
             edgecolor="#1a1a1a", linewidth=0.8)
    for y, v in enumerate(values):
        ax1.text(v + 0.1, y, str(v), va="center", fontsize=9)
    ax1.set_xlabel("Number of sentences")
    ax1.set_ylabel("Who is speaking")
    ax1.set_title("Sentences per speaker")
    ax1.xaxis.get_major_locator().set_params(integer=True)
    ax1.legend(handles=[Patch(facecolor=colours[k], hatch=KIND_HATCH[k], edgecolor="#1a1a1a",
                              label=KIND_LABELS[k]) for k in KIND_ORDER],
               loc="lower right", fontsize=9, title="Kind of source")
    by_kind = {k: 0 for k in KIND_ORDER}
    for _name, kind, n in speaker_counts(analysis):
        by_kind[kind] += n
    labels = [_wrap(KIND_LABELS[k], 8) for k in KIND_ORDER]
    bars = ax2.bar(labels, [by_kind[k] for k in KIND_ORDER], color=[colours[k] for k in KIND_ORDER],
                   hatch=[KIND_HATCH[k] for k in KIND_ORDER], edgecolor="#1a1a1a", linewidth=0.8)
    ax2.bar_label(bars, fontsize=9)
    ax2.set_xlabel("Kind of source")
    ax2.set_ylabel("Number of sentences")
    ax2.set_title("Sentences per kind of source")
    ax2.yaxis.get_major_locator().set_params(integer=True)
    fig.suptitle("Who speaks in the article, and how much", fontweight="bold")
    alt = ("Bar charts of how many sentences each speaker has. "
           + "; ".join(f"{name} ({KIND_LABELS[kind].lower()}): {n}" for name, kind, n in rows[:8])
           + ". By kind: " + ", ".join(f"{KIND_LABELS[k].lower()} {by_kind[k]}" for k in KIND_ORDER) + ".")
    return _finish(fig, alt)


def hedges_by_sentence(analysis) -> list[tuple[int, list[str]]]:
    """(sentence number from 1, the hedge cue words in it) for every sentence of the article."""
    sentences = [s for s in analysis.sentences if s.text.strip()]
    hedges = [a for a in analysis.annotations if a.category == "hedge"]
    out = []
    for n, s in enumerate(sentences, 1):
        cues = [a.cue or a.text_in(analysis.text) for a in hedges if s.start <= a.start < s.end]
        out.append((n, cues))
    return out


def plot_hedging(article=None):
    """Where hedging concentrates: hedge words in each sentence, from the start of the article to the end."""
    analysis = analysis_of(article)
    rows = hedges_by_sentence(analysis)
    colour = _colours().get("hedge", "#E69F00")
    fig = _new_figure(11, 4.8)
    ax = fig.subplots()
    xs = [n for n, _ in rows]
    ys = [len(c) for _, c in rows]
    ax.bar(xs, ys, color=colour, hatch="//", edgecolor="#1a1a1a", linewidth=0.8, width=0.8)
    top = max(ys, default=0)
    for x, (n, cues) in zip(xs, rows):
        if cues:
            ax.text(x, len(cues) + 0.08, ", ".join(dict.fromkeys(c.lower() for c in cues)),
                    rotation=90, ha="center", va="bottom", fontsize=8)
    if not top:
        ax.text(0.5, 0.5, "No hedge words were found.", transform=ax.transAxes, ha="center")
    ax.set_ylim(0, max(1, top) * 2.2 + 0.6)
    ax.set_xlim(0.3, max(xs, default=1) + 0.7)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Sentence number (from the start of the article to the end)")
    ax.set_ylabel("Number of hedge words")
    ax.set_title("Where the hedging is: hedge words, sentence by sentence", fontweight="bold")
    hedged = [(n, cues) for n, cues in rows if cues]
    alt = (f"Bar chart of hedge words in each of {len(rows)} sentences. "
           + ("; ".join(f"sentence {n}: {', '.join(c)}" for n, c in hedged) if hedged else "No hedges found")
           + ".")
    return _finish(fig, alt)


def _figure_rows(figures):
    """Distinct (value_text, source) pairs in article order, with how often each appears."""
    rows: dict[tuple, dict] = {}
    for f in figures:
        key = (f.value_text.lower(), _apostrophes(f.source or ""))
        if key not in rows:
            rows[key] = {"figure": f, "times": 0}
        rows[key]["times"] += 1
    return list(rows.values())


def plot_figures(article=None, context: bool = False):
    """The death-toll figures in the article and who reports them.

    Numbers are bars; words without a number ("much higher", "dozens") are shown as notes. With
    ``context=True`` a kit article's chart also shows the figures from other coverage that its
    folder lists in ``context-figures.yaml``, clearly labelled as not in this article.
    """
    analysis = analysis_of(article)
    rows = _figure_rows(extract_figures(analysis))
    extra = context_figures(analysis.text) if context else []
    n_rows = len(rows) + len(extra)
    colours = _colours()
    fig = _new_figure(11, max(3.2, 0.85 * n_rows + 1.8))
    ax = fig.subplots()
    numeric = [r["figure"].value_low for r in rows if r["figure"].numeric] + [c["value_low"] for c in extra]
    top = max(numeric, default=10)
    article_top = max((r["figure"].value_low for r in rows if r["figure"].numeric), default=0)
    labels, alt_parts = [], []
    y = n_rows - 1
    for r in rows:
        f = r["figure"]
        who = f.source or REPORTER
        times = f" (said {r['times']} times)" if r["times"] > 1 else ""
        labels.append((y, _wrap(f"“{f.value_text}”", 30) + "\n" + _wrap(who, 34)))
        if f.numeric:
            ax.barh(y, f.value_low, color=colours["official"] if f.source else colours["none"],
                    hatch="///" if f.source else "", edgecolor="#1a1a1a", linewidth=0.8, height=0.6)
            note, gap = f"{f.value_text}{times}", top * 0.02
            if f.qualifier in ("more than", "at least", "over"):
                ax.annotate("", xy=(f.value_low + top * 0.12, y), xytext=(f.value_low, y),
                            arrowprops={"arrowstyle": "->", "linestyle": "--", "color": "#1a1a1a"})
                note, gap = note + " (the real number is above this)", top * 0.14
            ax.text(f.value_low + gap, y, note, va="center", fontsize=9)
        elif re.search(r"higher|greater|larger|bigger", f.value_text, re.IGNORECASE) and article_top:
            ax.annotate("", xy=(article_top * 1.3, y), xytext=(article_top, y),
                        arrowprops={"arrowstyle": "->", "linestyle": "--", "color": "#1a1a1a"})
            ax.text(article_top * 1.32, y, f"“{f.value_text}” than {article_top}: no number given{times}",
                    va="center", fontsize=9, style="italic")
        else:
            ax.text(top * 0.02, y, f"no number given: “{f.value_text}”{times}", va="center", fontsize=9,
                    style="italic", bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#1a1a1a",
                                          "linestyle": "--"})
        alt_parts.append(f"“{f.value_text}” from {who}")
        y -= 1
    for c in extra:
        labels.append((y, _wrap(f"“{c['value_text']}”", 30) + "\n" + _wrap(c["source"], 34)))
        ax.barh(y, c["value_low"], color=CONTEXT_COLOUR, hatch="xx", edgecolor="#595959",
                linestyle="--", linewidth=0.8, height=0.6)
        ax.text(c["value_low"] + top * 0.02, y, f"{c['value_text']}: {c['label']}", va="center",
                fontsize=9, style="italic")
        alt_parts.append(f"“{c['value_text']}” from {c['source']} ({c['label']})")
        y -= 1
    if not n_rows:
        ax.text(0.5, 0.5, "No death-toll figures were found in this article.", transform=ax.transAxes,
                ha="center")
    ax.set_yticks([p for p, _ in labels], [t for _, t in labels], fontsize=9)
    ax.set_ylim(-0.7, max(n_rows, 1) - 0.3)
    ax.set_xlim(0, top * 1.9)
    ax.set_xlabel("Number of people reported killed")
    ax.set_ylabel("The figure, and who gives it")
    ax.set_title("Death toll: the figures in the article and who reports them", fontweight="bold")
    alt = ("Chart of death-toll figures. " + ("; ".join(alt_parts) if alt_parts else "None found") + ".")
    return _finish(fig, alt)
