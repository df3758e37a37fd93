"""Exercises on a report: numbers in the captions and the body, the certainty ladder, two readers'
agreement, and what the machine marks in a sentence."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..data import data_path
from ..scoring.agreement import agreement_sums, kappa_words
from .reading import Piece, Shown, _e, _marked, _phrase_pattern, pieces


# --- numbers: caption against body --------------------------------------------------------------

def death_toll_sentences(article=None) -> list[tuple[Piece, list[tuple[int, int]]]]:
    """Sentences that give a number of dead, with the spans of their numbers (the kit's one figure detector)."""
    from ..annotator.figures import figure_spans

    out = []
    for piece in pieces(article):
        spans = [(a, b) for a, b, *_ in figure_spans(piece.text)]
        if spans:
            out.append((piece, spans))
    return out


def compare_caption_and_body(article=None) -> Shown:
    """The death toll as the photo captions give it, next to the headline, dek and body."""
    found = death_toll_sentences(article)
    if not found:
        msg = "This report gives no number of dead."
        return Shown(f"<p>{_e(msg)}</p>", msg)
    groups = (("With the photos", [f for f in found if f[0].part == "caption"]),
              ("In the headline, dek and body", [f for f in found if f[0].part != "caption"]))
    rows_h, rows_t = [], []
    for title, items in groups:
        rows_h.append(f"<tr><th scope='rowgroup' colspan='2'>{_e(title)}</th></tr>")
        rows_t.append(title + ":")
        if not items:
            rows_h.append("<tr><td colspan='2'><em>(no number of dead)</em></td></tr>")
        for piece, spans in items:
            h, t = _marked(piece.text, spans)
            rows_h.append(f"<tr><th scope='row'>{_e(piece.where)}</th><td>{h}</td></tr>")
            rows_t.append(f"  {piece.where}: {t}")
    table = ("<table><thead><tr><th scope='col'>Where</th><th scope='col'>What it says "
             "(numbers marked)</th></tr></thead>" f"<tbody>{''.join(rows_h)}</tbody></table>")
    return Shown(table, "\n".join(rows_t))


# --- the certainty ladder -----------------------------------------------------------------------

@dataclass(frozen=True)
class Rung:
    """One rung of the certainty ladder: its name, how sure it sounds, its words."""

    label: str
    sure: str
    words: tuple
    note: str | None = None


@lru_cache(maxsize=1)
def load_ladder() -> tuple[Rung, ...]:
    """The rungs of ``data/lessons/certainty-ladder.yaml``, most certain first."""
    import yaml

    raw = yaml.safe_load(data_path("lessons", "certainty-ladder.yaml").read_text(encoding="utf-8"))
    return tuple(Rung(label=str(r["label"]), sure=str(r["sure"]),
                      words=tuple(str(w) for w in r.get("words") or ()), note=r.get("note"))
                 for r in raw["rungs"])


def _counts(words: Iterable[str], texts: Sequence[str]) -> dict[str, int]:
    """How often each word is used in ``texts``; a longer phrase claims its words first, so
    "realistic possibility" is not counted again as "possibility"."""
    counts = {w: 0 for w in words}
    for text in texts:
        taken: list[tuple[int, int]] = []
        for word in sorted(counts, key=len, reverse=True):
            for m in _phrase_pattern(word).finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    taken.append(m.span())
                    counts[word] += 1
    return counts


def certainty_ladder(article=None) -> Shown:
    """The certainty ladder as a table: each rung, its words, and how often the report uses them."""
    texts = [p.text for p in pieces(article)]
    rungs = load_ladder()
    counts = _counts([w for rung in rungs for w in rung.words], texts)
    rows_h, rows_t = [], []
    for i, rung in enumerate(rungs):
        level = len(rungs) - i
        bar = "▮" * level + "▯" * (len(rungs) - level)
        used = [f"{w} ({counts[w]}×)" for w in rung.words if counts[w]]
        in_report = rung.note or (", ".join(used) if used else "none of these")
        rows_h.append(f"<tr><td aria-label='certainty {level} of {len(rungs)}'>{bar}</td>"
                      f"<th scope='row'>{_e(rung.label)}</th><td>{_e(rung.sure)}</td>"
                      f"<td>{_e(', '.join(rung.words) or '—')}</td><td>{_e(in_report)}</td></tr>")
        rows_t.append(f"{bar} {rung.label} ({rung.sure}): {', '.join(rung.words) or '-'} | "
                      f"in this report: {in_report}")
    table = ("<table><caption>From most certain (top) to least certain (bottom)</caption><thead><tr>"
             "<th scope='col'>Certainty</th><th scope='col'>Rung</th><th scope='col'>How sure it sounds</th>"
             "<th scope='col'>Words</th><th scope='col'>In this report</th></tr></thead>"
             f"<tbody>{''.join(rows_h)}</tbody></table>")
    return Shown(table, "\n".join(rows_t))


# --- agreement: Cohen's kappa -------------------------------------------------------------------

_YES = {"y", "yes", "1", "true", "t", "x"}
_NO = {"n", "no", "0", "false", "f", "-"}


def _marks(value) -> list[bool] | None:
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    out = []
    for item in items:
        if isinstance(item, bool):
            out.append(item)
            continue
        word = str(item).strip().lower()
        if word in _YES:
            out.append(True)
        elif word in _NO:
            out.append(False)
        else:
            return None
    return out


def agreement(first, second) -> Shown:
    """Cohen's kappa for two rows of Y/N marks, with every step of the sum shown."""
    a, b = _marks(first), _marks(second)
    if a is None or b is None:
        msg = "Use only Y (yes) and N (no), with spaces between them, like \"Y N N Y\"."
        return Shown(f"<p>{_e(msg)}</p>", msg)
    if not a or len(a) != len(b):
        msg = (f"The two rows need the same number of marks. The first has {len(a)}, "
               f"the second has {len(b)}.")
        return Shown(f"<p>{_e(msg)}</p>", msg)
    n = len(a)
    observed, chance, k = agreement_sums(a, b)
    same = sum(x == y for x, y in zip(a, b))
    ya, yb = sum(a), sum(b)
    steps = [
        ("Sentences marked", f"{n}"),
        ("You agree on", f"{same} of {n} = {observed:.0%}"),
        ("Reader 1 says Y", f"{ya} of {n} = {ya / n:.0%}"),
        ("Reader 2 says Y", f"{yb} of {n} = {yb / n:.0%}"),
        ("Agreement expected by luck",
         f"both Y {ya / n:.2f} × {yb / n:.2f} + both N {1 - ya / n:.2f} × {1 - yb / n:.2f} = {chance:.0%}"),
        ("Kappa", "—" if k is None else f"{k:.2f}" if chance >= 1 else
         f"({observed:.2f} − {chance:.2f}) ÷ (1 − {chance:.2f}) = {k:.2f}"),
    ]
    # Landis & Koch call 0 to 0.2 "slight"; at 0 itself the lesson's plain words fit better.
    words = "no better than luck" if k is not None and abs(k) < 0.005 else kappa_words(k)
    verdict = f"In words: {words}."
    if chance >= 1:
        verdict += " (Both rows give one and the same answer everywhere, so luck alone would agree every time.)"
    rows = "".join(f"<tr><th scope='row'>{_e(s)}</th><td>{_e(v)}</td></tr>" for s, v in steps)
    return Shown(f"<table><tbody>{rows}</tbody></table><p><strong>{_e(verdict)}</strong></p>",
                 "\n".join(f"{s}: {v}" for s, v in steps) + "\n" + verdict)


# --- what the machine marks in a sentence -------------------------------------------------------

def explain(text: str) -> Shown:
    """What the kit's rules mark in a piece of text, and why, one row per mark."""
    text = str(text)
    if not text.strip():
        msg = "Type a sentence between the quotation marks, then run the cell again."
        return Shown(f"<p>{_e(msg)}</p>", msg)
    from .. import annotate
    from ..render.palette import load_categories

    cats = load_categories()
    found = sorted(annotate(text), key=lambda a: (a.start, a.end))
    if not found:
        msg = "The machine found nothing to mark in this text. Do you agree?"
        return Shown(f"<p>{_e(msg)}</p>", msg)
    rows_h, rows_t = [], []
    for a in found:
        cat = cats.get(a.category)
        label = f"{cat.symbol} {cat.label}" if cat else a.category
        rows_h.append(f"<tr><td>{_e(a.text_in(text))}</td><td>{_e(label)}</td>"
                      f"<td>{_e(a.cue)}</td><td>{_e(a.explanation)}</td></tr>")
        rows_t.append(f"{a.text_in(text)} | {label} | {a.cue} | {a.explanation}")
    table = ("<table><thead><tr><th scope='col'>Marked text</th><th scope='col'>Category</th>"
             "<th scope='col'>Cue word</th><th scope='col'>Why</th></tr></thead>"
             f"<tbody>{''.join(rows_h)}</tbody></table>")
    return Shown(table, "\n".join(rows_t))
