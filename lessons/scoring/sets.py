"""Every benchmark set named in ``benchmarks/sets.yaml``, scored, with its status and the baseline beside it.

``python -m lessons evaluate``, ``make bench`` (:mod:`tools.bench`) and the README's accuracy
table (:mod:`tools.readme_scores`) all report through :func:`score_sets` and
:func:`summary_rows`, so the three always say the same thing.

A set's status says how far its score can be trusted (see ``benchmarks/sets.yaml``):
``blind`` sets were never used to change a rule and come first; ``development`` sets were;
``external`` sets are read in place from ``../shared`` and skipped with a note when it is absent.
The seed article's key comes before them all: the rules were written while reading it.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..annotator.model import CATEGORIES
from ..errors import KitError

REPO = Path(__file__).resolve().parent.parent.parent
"""The repository the kit was installed from (``benchmarks/`` sits there, beside ``lessons/``)."""

SETS_FILE = REPO / "benchmarks" / "sets.yaml"
STATUSES = ("blind", "development", "external")
"""The statuses a set may have, in the order sets are reported: blind sets first."""
FILE_STATUSES = ("development", "blind", "external")
"""The same statuses in the order ``benchmarks/sets.yaml`` documents them."""
KINDS = ("invented", "real")
FORMATS = ("units", "conll2010")

SHARED_PREFIX = "../shared/benchmarks/"


class SetsFileError(KitError):
    """``benchmarks/sets.yaml`` cannot be read; the message names the set and the field."""


class SetsFileMissing(SetsFileError):
    """There is no ``benchmarks/sets.yaml`` (the kit installed without its repository)."""


@dataclass(frozen=True)
class BenchmarkSet:
    """One entry of ``benchmarks/sets.yaml``."""

    name: str
    status: str
    path: str                    # relative to the repository root
    description: str
    kind: str = ""
    format: str = "units"        # "units" (<slug>.txt + <slug>.gold.jsonl) or "conll2010"

    def location(self, external_dir: Path | None = None) -> Path:
        """Where the set is; an external set under ``external_dir`` when one is given."""
        if external_dir is not None and self.path.startswith(SHARED_PREFIX):
            return Path(external_dir) / self.path[len(SHARED_PREFIX):]
        return REPO / self.path


def read_sets(path: str | os.PathLike = SETS_FILE, *, strict: bool = False) -> list[BenchmarkSet]:
    """The sets named in ``benchmarks/sets.yaml``, in file order: the one reader of that file.

    The documented format: a top-level ``sets`` mapping of set name to ``status`` (development,
    blind or external), ``path`` (relative to the repository root), ``description``, and
    optionally ``kind`` and ``format`` (units or conll2010). Without ``strict`` only what scoring
    needs is checked, so that ``python -m lessons evaluate`` needs nothing outside the package.
    ``strict`` is how ``python -m tools.benchsets`` reads the file before it builds or checks a
    set: every set needs a kind (invented or real), no field may be unknown, the format must be
    known, and paths are relative: the kit's own sets under ``benchmarks/``, external ones under
    ``../shared/``. Each reading keeps its own wording (a missing file is :class:`SetsFileMissing`
    only without ``strict``).
    """
    import yaml

    path = Path(path)
    shown = _shown(path, strict)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        if strict:
            raise SetsFileError(f"{shown}: cannot be read ({exc})") from None
        raise SetsFileMissing(f"{shown} is missing, so there is no list of benchmark sets to score") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SetsFileError(f"{shown}{':' * strict} cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise SetsFileError(f"{shown}: not valid YAML ({exc})" if strict else f"{shown} cannot be read ({exc})") from None
    entries = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise SetsFileError(f"{shown}: needs a 'sets' mapping of set name -> fields" if strict else
                            f"{shown}: needs a 'sets' list of set names, each with status, path and description")
    check = _check_strictly if strict else _check
    out = []
    for name, fields in entries.items():
        check(f"{shown}, set {name!r}" if strict else f"{shown}, set '{name}'", fields)
        out.append(BenchmarkSet(name=str(name), status=fields["status"], path=str(fields["path"]),
                                description=" ".join(str(fields["description"]).split()),
                                kind=str(fields.get("kind") or ""), format=str(fields.get("format") or "units")))
    return out


def _check(where: str, fields) -> None:
    """What scoring needs of one entry: a status it knows, a path and a description."""
    if not isinstance(fields, dict):
        raise SetsFileError(f"{where}: needs status, path and description")
    for key in ("status", "path", "description"):
        if not isinstance(fields.get(key), str) or not fields[key].strip():
            raise SetsFileError(f"{where}: missing {key}")
    if fields["status"] not in STATUSES:
        raise SetsFileError(f"{where}: status '{fields['status']}' is not one of {', '.join(STATUSES)}")


def _check_strictly(where: str, fields) -> None:
    """The whole documented format of one entry (see :func:`read_sets`)."""
    if not isinstance(fields, dict):
        raise SetsFileError(f"{where}: needs status, kind, path and description")
    missing = [k for k in ("status", "kind", "path", "description") if not fields.get(k)]
    if missing:
        raise SetsFileError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(fields) - {"status", "kind", "path", "description", "format"})
    if unknown:
        raise SetsFileError(f"{where}: unknown field(s) {', '.join(unknown)}")
    for key, allowed in (("status", FILE_STATUSES), ("kind", KINDS), ("format", FORMATS)):
        value = fields.get(key, "units")
        if value not in allowed:
            raise SetsFileError(f"{where}: {key} {value!r} is not one of {', '.join(allowed)}")
    p = str(fields["path"])
    if os.path.isabs(p) or "\\" in p:
        raise SetsFileError(f"{where}: path must be relative to the repository root, got {p!r}")
    if fields["status"] == "external" and not p.startswith("../shared/"):
        raise SetsFileError(f"{where}: an external set is read in place from ../shared/, got {p!r}")
    if fields["status"] != "external" and not p.startswith("benchmarks/"):
        raise SetsFileError(f"{where}: the kit's own sets live under benchmarks/, got {p!r}")


def _shown(path: Path, strict: bool = False) -> str:
    """A path as a message shows it: relative to the repository when inside it."""
    try:
        return str(Path(path).resolve().relative_to(REPO))
    except ValueError:
        return os.path.relpath(path, REPO) if strict else Path(path).name


def in_report_order(sets: Sequence[BenchmarkSet]) -> list[BenchmarkSet]:
    """Blind sets first, then development sets, then external ones; within each, published news
    before invented reports (real news counts more), then file order."""
    return sorted(sets, key=lambda s: (STATUSES.index(s.status), s.kind != "real"))


# ---------------------------------------------------------------- scoring

@dataclass
class SetScore:
    """A set's pooled scores (annotator and baseline), or why it was not scored."""

    name: str
    status: str
    description: str
    texts: int = 0
    units: int = 0
    results: dict | None = None          # pooled evaluate(): {"annotator": {...}, "baseline": {...}}
    per_text: list = dataclasses.field(default_factory=list)   # (slug, text, units, evaluate() result)
    categories: tuple = CATEGORIES       # the categories the set's key has (hedge only for CoNLL)
    skipped: str | None = None
    problems: list = dataclasses.field(default_factory=list)   # damaged files, each named


def conll_keyed_text(path: str | os.PathLike) -> tuple[str, tuple]:
    """The CoNLL-2010 Wikipedia sample as one text and a key, in memory (the file is only read).

    One JSON object a line with ``text`` (one sentence) and ``uncertain`` (true/false); the
    sentences are joined by blank lines and each is a unit labelled hedge when uncertain. A line
    without a string ``text`` or a boolean ``uncertain`` raises :class:`ValueError` naming it.
    """
    from .key import KeyUnit, read_jsonl

    parts: list[str] = []
    units = []
    pos = 0
    for lineno, rec in read_jsonl(path):
        sentence, uncertain = rec.get("text"), rec.get("uncertain")
        if not isinstance(sentence, str) or not isinstance(uncertain, bool):
            raise ValueError(f"{path}, line {lineno}: needs a string 'text' and a boolean 'uncertain'")
        if parts:
            pos += 2                     # the blank line between rows
        units.append(KeyUnit(id=str(rec.get("id") or f"line {lineno}"), text=sentence, start=pos,
                             end=pos + len(sentence),
                             labels=frozenset({"hedge"}) if uncertain else frozenset(),
                             optional=frozenset(), hedge_cues=(), cue_spans=(), source=None,
                             source_type=None, note=""))
        parts.append(sentence)
        pos += len(sentence)
    return "\n\n".join(parts), tuple(units)


def annotate_each_unit(text: str, units: Sequence, annotator: Callable[[str], list]) -> list:
    """Run ``annotator`` on each unit's text on its own and shift the spans into ``text``.

    For collections of unrelated sentences (CoNLL rows), so that no speaker or sentence
    boundary carries over from one row to the next.
    """
    out = []
    for u in units:
        for a in annotator(text[u.start:u.end]):
            out.append(dataclasses.replace(a, start=a.start + u.start, end=a.end + u.start))
    return out


def keyed_texts(folder: Path) -> tuple[list[tuple[str, str, tuple]], list[str]]:
    """Every ``<slug>.txt`` with its ``<slug>.gold.jsonl`` in ``folder`` (read only), and the problems met."""
    from ..text.files import read_text_exactly
    from .key import load_gold_jsonl

    items, problems = [], []
    for gold in sorted(Path(folder).glob("*.gold.jsonl")):
        slug = gold.name[: -len(".gold.jsonl")]
        txt = gold.with_name(slug + ".txt")
        if not txt.is_file():
            problems.append(f"{slug}: no {txt.name}")
            continue
        try:
            text = read_text_exactly(txt)
            items.append((slug, text, load_gold_jsonl(gold, text)))
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            problems.append(f"{slug}: {exc}")
    return items, problems


def score_seed() -> SetScore:
    """The seed article against the kit's own key."""
    from .key import article_text, load_key
    from .metrics import evaluate

    units = load_key()
    return SetScore("seed", "development", "the lesson's NBC News article against the kit's key "
                    "(the rules were written while reading it)", texts=1, units=len(units),
                    results=evaluate(units, article_text()))


def score_set(bset: BenchmarkSet, external_dir: Path | None = None) -> SetScore:
    """One set's pooled scores; a set that is not here comes back with ``skipped`` saying why."""
    from ..annotator import annotate
    from .baseline import lexicon_baseline
    from .metrics import evaluate, pooled, score_hedge_cues, score_units

    where = bset.location(external_dir)
    out = SetScore(bset.name, bset.status, bset.description)
    if not where.exists():
        out.skipped = (f"not found ({bset.path}; external sets are read in place from ../shared)"
                       if bset.status == "external" else f"not found ({bset.path})")
        return out
    if bset.format == "conll2010":
        text, units = conll_keyed_text(where)
        results = {}
        for system, fn in (("annotator", annotate), ("baseline", lexicon_baseline)):
            anns = annotate_each_unit(text, units, fn)
            results[system] = {"units": score_units(units, anns, ("hedge",)),
                               "hedge_cues": score_hedge_cues(units, anns), "annotations": anns}
        out.texts, out.units, out.results, out.categories = 1, len(units), results, ("hedge",)
        return out
    items, problems = keyed_texts(where)
    out.problems = [f"{where}/{p}" for p in problems]
    if not items:
        out.skipped = f"no readable text and key pairs in {bset.path}" + (f" ({'; '.join(problems)})" if problems else "")
        return out
    per_text = [(slug, text, units, evaluate(units, text)) for slug, text, units in items]
    out.texts, out.units = len(items), sum(len(u) for _, _, u in items)
    out.results = pooled(r for *_, r in per_text)
    out.per_text = per_text
    if problems:
        out.skipped = "left out: " + "; ".join(problems)
    return out


BLIND_REAL = "blind-real-pooled"
"""The name of the row that pools every blind set of published reports."""


def pool_blind_real(sets: Sequence[BenchmarkSet], scores: Sequence[SetScore]) -> SetScore | None:
    """All blind sets of published reports as one (their counts added up), or None when there are
    fewer than two: the fairest single estimate of how the annotator does on real news it never saw."""
    real = [sc for b, sc in zip(sets, scores) if b.status == "blind" and b.kind == "real" and sc.results is not None]
    if len(real) < 2:
        return None
    from .metrics import pooled

    names = ", ".join(sc.name for sc in real)
    out = SetScore(BLIND_REAL, "blind", f"the blind sets of published reports together ({names}), pooled")
    out.texts, out.units = sum(sc.texts for sc in real), sum(sc.units for sc in real)
    out.results = pooled(r for sc in real for *_, r in sc.per_text)
    return out


def score_sets(path: str | os.PathLike = SETS_FILE, external_dir: Path | None = None) -> list[SetScore]:
    """Every set of ``benchmarks/sets.yaml`` in report order: the blind sets of published reports
    pooled (when there are two or more), each blind set, then the seed key and the development
    sets, then external sets."""
    sets = in_report_order(read_sets(path))
    blind_sets = [s for s in sets if s.status == "blind"]
    blind = [score_set(s, external_dir) for s in blind_sets]
    together = pool_blind_real(blind_sets, blind)
    return ([together] if together else []) + blind + [score_seed()] \
        + [score_set(s, external_dir) for s in sets if s.status != "blind"]


# ---------------------------------------------------------------- reporting

def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


SUMMARY_HEADERS = ("set", "status", "texts", "units") + tuple(f"{c} F1 (baseline)" for c in CATEGORIES)


def summary_rows(scores: Sequence[SetScore]) -> list[list[str]]:
    """One row per scored set: name, status, counts and each category's F1 with the baseline's beside it."""
    rows = []
    for s in scores:
        if s.results is None:
            continue
        row = [s.name, s.status, str(s.texts), str(s.units)]
        for cat in CATEGORIES:
            if cat not in s.categories:
                row.append("-")
                continue
            ann = s.results["annotator"]["units"][cat].f1
            base = s.results["baseline"]["units"][cat].f1
            row.append(f"{_f(ann)} ({_f(base)})")
        rows.append(row)
    return rows


def format_summary(scores: Sequence[SetScore]) -> str:
    """A plain-text table of :func:`summary_rows`, with the sets that were skipped and why."""
    rows = [list(SUMMARY_HEADERS)] + summary_rows(scores)
    widths = [max(len(r[i]) for r in rows) for i in range(len(SUMMARY_HEADERS))]
    lines = ["Every set: sentence-level F1 of the annotator, the word-list baseline's in brackets "
             "(blind sets were never used to change a rule)"]
    for k, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    for s in scores:
        if s.results is None:
            lines.append(f"{s.name} ({s.status}): skipped, {s.skipped}")
    return "\n".join(lines)


def format_report(scores: Sequence[SetScore]) -> str:
    """What ``python -m lessons evaluate`` prints: the summary, then each set's table with its status."""
    from .metrics import format_table

    blocks = [format_summary(scores)]
    for s in scores:
        if s.results is None:
            continue
        title = (f"{s.name} ({s.status}): {s.description}; {s.texts} text{'s' * (s.texts != 1)}, "
                 f"{s.units} units" + (" (pooled)" if s.texts > 1 else ""))
        if s.categories != CATEGORIES:
            title += f"; scored for {', '.join(s.categories)} only"
        if s.categories == CATEGORIES:
            table = format_table(title, s.results)
        else:                            # a hedge-only key (CoNLL): only its own rows, no cue level
            from .metrics import Score

            empty = Score(None, None, None, 0, 0, 0, 0)
            padded = {system: {"units": {c: r["units"].get(c, empty) for c in CATEGORIES},
                               "hedge_cues": empty} for system, r in s.results.items()}
            lines = format_table(title, padded).splitlines()
            table = "\n".join(lines[:2] + [line for line in lines[2:]
                                           if line[:12].strip() in s.categories])
        if s.skipped:
            table += f"\n  ({s.skipped})"
        blocks.append(table)
    return "\n\n".join(blocks)
