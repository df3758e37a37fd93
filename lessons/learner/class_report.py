"""The class report: a folder of learners' downloaded progress files → one row per learner.

    python -m lessons class-report FOLDER [--csv OUT.csv] [--plot OUT.png]

Every file in FOLDER (and its subfolders; hidden files are skipped) is read with the progress
file's own parser (:func:`lessons.learner.progress.parse_progress`), so any file name, any
version the kit has written, and any mix of them work. A file that cannot be read is named with
the reason and gets a row saying so; it never stops the report.

A row holds: the learner (the file's name, as the teacher received it), lessons completed, the
quiz score of each lesson (``correct/total``), agreement with the answer key in lesson 5 (mean
Cohen's kappa over the four categories, and how many sentences were marked), the before and after
checks (``checks: {"before": {"score", "total", ...}, "after": {...}}``, empty when missing) and
the reflections.

The CSV is safe to open in a spreadsheet: text that a spreadsheet would run as a formula (it
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with ``'``, every
text cell is quoted, and the file is written atomically (UTF-8 with a byte-order mark, so that
spreadsheets read accents correctly).
"""
from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import KitError
from ..text.files import atomic_write_bytes
from .progress import MAX_UPLOAD_BYTES, REFLECTIONS, ProgressError, parse_progress

CHECKS = "checks"
"""The section of a progress record holding the before and after checks."""
ANNOTATOR = "annotator"
"""The section where lesson 5 keeps the learner's own marks (``choices``)."""
CHECK_NAMES = ("before", "after")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- reading one file ---------------------------------------------------------------------------

@dataclass
class LearnerRow:
    """What one progress file says about one learner (``problem`` is set when it could not be read)."""

    name: str
    problem: str = ""
    version: int | None = None
    saved: str = ""
    completed: tuple[str, ...] = ()
    quizzes: dict[str, tuple[int, int]] = field(default_factory=dict)      # quiz id -> (correct, total)
    unchecked: dict[str, int] = field(default_factory=dict)                # quiz id -> answers never checked
    kappa: float | None = None
    kappas: dict[str, float | None] = field(default_factory=dict)
    marked: int | None = None
    checks: dict[str, tuple[float, float]] = field(default_factory=dict)    # before/after -> (score, total)
    reflections: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problem

    def quiz_totals(self) -> tuple[int, int]:
        return (sum(c for c, _t in self.quizzes.values()), sum(t for _c, t in self.quizzes.values()))


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    return float(value)


def _quiz_total(quiz_id: str) -> int | None:
    if not re.fullmatch(r"[A-Za-z0-9][\w-]{0,60}", quiz_id):     # a name from a file, never a path
        return None
    try:
        from .quizzes import load_quiz
        return len(load_quiz(quiz_id).questions)
    except Exception:      # an unknown or broken quiz: count the answers instead
        return None


def _quizzes(lessons: dict) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Per quiz: (correct, total questions), and how many answers were never checked (old files)."""
    out, unchecked = {}, {}
    for lesson_id, saved in lessons.items():
        answers = saved.get("quiz")
        if lesson_id in (REFLECTIONS, CHECKS) or not isinstance(answers, dict) or not answers:
            continue
        correct = sum(1 for a in answers.values() if isinstance(a, dict) and a.get("correct") is True)
        total = _quiz_total(lesson_id)
        out[lesson_id] = (correct, max(total or 0, len(answers)))
        never = sum(1 for a in answers.values() if not isinstance(a, dict) or a.get("correct") is None)
        if never:
            unchecked[lesson_id] = never
    return out, unchecked


def _agreement(lessons: dict, key) -> tuple[float | None, dict, int | None]:
    choices = lessons.get(ANNOTATOR, {}).get("choices")
    if not isinstance(choices, dict) or not choices or key is None:
        return None, {}, None
    clean = {str(uid): [str(c) for c in cats] for uid, cats in choices.items()
             if isinstance(cats, (list, tuple)) and cats}
    from ..scoring.agreement import compare_with_key
    comparison = compare_with_key(clean, key)
    if not comparison.units_compared:
        return None, {}, 0
    kappas = comparison.kappa
    defined = [k for k in kappas.values() if k is not None]
    mean = sum(defined) / len(defined) if defined else None
    return mean, kappas, comparison.units_compared


def _checks(lessons: dict) -> dict[str, tuple[float, float]]:
    section = lessons.get(CHECKS)
    out = {}
    if not isinstance(section, dict):
        return out
    for name in CHECK_NAMES:
        result = section.get(name)
        if not isinstance(result, dict):
            continue
        score, total = _number(result.get("score")), _number(result.get("total"))
        if score is not None and total is not None and total > 0:
            out[name] = (score, total)
    return out


def read_learner(path: Path, name: str, key=None) -> LearnerRow:
    """One learner's row from one file; a file that cannot be used gives a row with ``problem``."""
    try:
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            return LearnerRow(name, problem=f"it is far too big to be a progress file ({size / 1e6:.1f} MB)")
        with open(path, "rb") as fh:
            content = fh.read(MAX_UPLOAD_BYTES + 1)
    except OSError as exc:
        return LearnerRow(name, problem=f"it could not be opened ({exc.strerror or exc.__class__.__name__})")
    try:
        record, version = parse_progress(content)
    except ProgressError as exc:
        return LearnerRow(name, problem=str(exc))
    lessons = record["lessons"]
    completed = tuple(k for k, v in lessons.items() if v.get("completed") is True)
    reflections = {str(k): v for k, v in lessons.get(REFLECTIONS, {}).items()
                   if isinstance(v, str) and v.strip()}
    kappa, kappas, marked = _agreement(lessons, key)
    quizzes, unchecked = _quizzes(lessons)
    saved = record.get("saved")
    return LearnerRow(name, version=version, saved=saved if isinstance(saved, str) else "",
                      completed=completed, quizzes=quizzes, unchecked=unchecked, kappa=kappa, kappas=kappas,
                      marked=marked, checks=_checks(lessons), reflections=reflections)


# --- the folder ---------------------------------------------------------------------------------

def progress_files(folder: Path, skip: Iterable[Path] = ()) -> list[Path]:
    """Every file under ``folder`` in name order, without hidden files or folders (nor ``skip``)."""
    skip = {Path(p).resolve() for p in skip}
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(root) / name
            if name.startswith(".") or not path.is_file() or path.resolve() in skip:
                continue
            found.append(path)
    return sorted(found, key=lambda p: str(p.relative_to(folder)).lower())


def _answer_key():
    try:
        from ..scoring.key import load_key
        return load_key()
    except Exception:     # without the key the agreement column stays empty; the rest still works
        return None


def class_report(folder, skip: Iterable[Path] = ()) -> list[LearnerRow]:
    """One :class:`LearnerRow` per file under ``folder``; raises :class:`KitError` when there is no such folder."""
    folder = Path(folder)
    if not folder.is_dir():
        if folder.exists():
            raise KitError(f"'{folder}' is a file, not a folder. Put the learners' progress files in a "
                           "folder and give the folder's name.")
        raise KitError(f"There is no folder called '{folder}'. Check its name and where it is.")
    key = _answer_key()
    return [read_learner(p, p.relative_to(folder).as_posix(), key) for p in progress_files(folder, skip)]


# --- lesson order -------------------------------------------------------------------------------

def lesson_order() -> list[str]:
    """Lesson ids in course order, read from the lesson sources' front matter."""
    from ..data import data_path
    ids = []
    for path in sorted(Path(data_path("lessons")).glob("[0-9][0-9]-*.md")):
        try:
            head = path.read_text(encoding="utf-8-sig")[:2000]
        except OSError:
            continue
        m = re.search(r"^id:\s*['\"]?([\w-]+)", head, re.M)
        if m:
            ids.append(m.group(1))
    return ids


def quiz_columns(rows: Iterable[LearnerRow]) -> list[str]:
    """Quiz ids to give a column: the lessons in course order, then any others found in the files."""
    order = lesson_order()
    seen = {q for r in rows for q in r.quizzes}
    rest = sorted(q for q in seen if q not in order)
    return order + rest


# --- the CSV ------------------------------------------------------------------------------------

def safe_cell(value):
    """A cell a spreadsheet shows as written: numbers as numbers, text never run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def _fraction(pair) -> str:
    if not pair:
        return ""
    a, b = pair
    return f"{a:g}/{b:g}"


def csv_rows(rows: list[LearnerRow]) -> list[list]:
    """The header and one list of cells per learner (cells not yet made safe)."""
    from ..annotator.model import CATEGORIES
    quizzes = quiz_columns(rows)
    header = (["learner", "status", "file version", "saved", "lessons completed", "which lessons"]
              + [f"quiz {q}" for q in quizzes] + ["quizzes total"]
              + ["agreement with key (mean kappa)"] + [f"kappa {c}" for c in CATEGORIES]
              + ["sentences marked"]
              + ["check before", "check after", "before %", "after %", "reflections"])
    order = {lesson: i for i, lesson in enumerate(lesson_order())}
    out = [header]
    for r in rows:
        if not r.ok:
            out.append([r.name, f"could not be read: {r.problem}"] + [""] * (len(header) - 2))
            continue
        completed = sorted(r.completed, key=lambda c: (order.get(c, len(order)), c))
        correct, total = r.quiz_totals()
        percent = {n: round(100 * s / t) for n, (s, t) in r.checks.items()}
        out.append(
            [r.name, "read" if r.version == 2 else f"read (an older file, version {r.version})",
             r.version, r.saved, len(completed), " ".join(completed)]
            + [_fraction(r.quizzes.get(q)) + (f" ({r.unchecked[q]} not checked)" if r.unchecked.get(q) else "")
               for q in quizzes]
            + [_fraction((correct, total)) if total else ""]
            + [None if r.kappa is None else round(r.kappa, 2)]
            + [None if r.kappas.get(c) is None else round(r.kappas[c], 2) for c in CATEGORIES]
            + [r.marked]
            + [_fraction(r.checks.get("before")), _fraction(r.checks.get("after")),
               percent.get("before"), percent.get("after")]
            + ["\n".join(f"{k}: {v.strip()}" for k, v in sorted(r.reflections.items()))])
    return out


def csv_text(rows: list[LearnerRow]) -> str:
    """The report as CSV text: every text cell quoted and neutralised (see :func:`safe_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    for cells in csv_rows(rows):
        writer.writerow([safe_cell(c) for c in cells])
    return buffer.getvalue()


def write_csv(path, rows: list[LearnerRow]) -> Path:
    """Write the CSV atomically, UTF-8 with a byte-order mark."""
    return atomic_write_bytes(path, ("\ufeff" + csv_text(rows)).encode("utf-8"))


# --- the plot -----------------------------------------------------------------------------------

def _label(name: str, limit: int = 32) -> str:
    """A learner's name as plot text: one line, no control characters, no maths mode ($)."""
    flat = "".join(c if c.isprintable() else " " for c in name)
    flat = " ".join(flat.split())
    flat = flat if len(flat) <= limit else flat[:limit - 1] + "…"
    return flat.replace("\\", "\\\\").replace("$", r"\$")


def plot_class(rows: list[LearnerRow]):
    """A matplotlib Figure of the class: lessons completed, and quiz / before / after scores in %.

    Bars carry hatching as well as colour, so the plot reads in black and white.
    """
    from matplotlib.figure import Figure

    readable = [r for r in rows if r.ok]
    if not readable:
        raise KitError("No progress file in the folder could be read, so there is nothing to plot.")
    names = [_label(r.name) for r in readable]
    n = len(readable)
    fig = Figure(figsize=(11, 1.6 + 0.42 * n), layout="constrained")
    left, right = fig.subplots(1, 2, sharey=True, width_ratios=(1, 2))
    ys = list(range(n))
    lessons = len(lesson_order()) or None
    left.barh(ys, [len(r.completed) for r in readable], color="#0072B2", edgecolor="#1a1a1a")
    left.set_xlabel("lessons completed" + (f" (of {lessons})" if lessons else ""))
    if lessons:
        left.set_xlim(0, lessons)
    left.set_yticks(ys, names)
    left.invert_yaxis()
    series = [
        ("quizzes (% correct)", "#E69F00", "", [_percent(r.quiz_totals()) for r in readable]),
        ("check before (%)", "#999999", "//", [_percent(r.checks.get("before")) for r in readable]),
        ("check after (%)", "#009E73", "..", [_percent(r.checks.get("after")) for r in readable]),
    ]
    height = 0.8 / len(series)
    for k, (label, colour, hatch, values) in enumerate(series):
        offset = (k - (len(series) - 1) / 2) * height
        right.barh([y + offset for y in ys], [0 if v is None else v for v in values], height=height,
                   color=colour, hatch=hatch, edgecolor="#1a1a1a", linewidth=.6, label=label)
        for y, v in zip(ys, values):
            if v is None:
                right.text(1, y + offset, "no result", va="center", fontsize=7, color="#595959")
    right.set_xlim(0, 100)
    right.set_xlabel("score (%)")
    right.legend(loc="lower right", fontsize=8, framealpha=1)
    fig.suptitle(f"The class: {n} learner{'s' if n != 1 else ''}")
    return fig


def _percent(pair) -> float | None:
    if not pair or not pair[1]:
        return None
    return 100 * pair[0] / pair[1]


def write_plot(path, rows: list[LearnerRow]) -> Path:
    """Save :func:`plot_class` as a PNG, atomically."""
    fig = plot_class(rows)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return atomic_write_bytes(path, buffer.getvalue())


# --- the summary printed for the teacher ---------------------------------------------------------

def _printable(text: str) -> str:
    """Learner text for a terminal: control characters (escape sequences) shown as '?'."""
    return "".join(c if c.isprintable() else "?" for c in text)


def summary_lines(rows: list[LearnerRow]) -> list[str]:
    """A short plain report: one line per learner, then the files that could not be read."""
    good = [r for r in rows if r.ok]
    bad = [r for r in rows if not r.ok]
    lines = [f"Read {len(good)} progress file{'s' if len(good) != 1 else ''}"
             + (f"; {len(bad)} could not be read." if bad else ".")]
    for r in good:
        correct, total = r.quiz_totals()
        parts = [f"{len(r.completed)} lesson{'s' if len(r.completed) != 1 else ''} completed",
                 f"quizzes {correct}/{total}" if total else "no quiz answers"]
        if r.kappa is not None:
            parts.append(f"agreement κ {r.kappa:.2f}")
        if r.checks:
            parts.append("check " + " → ".join(f"{n} {_fraction(r.checks[n])}" for n in CHECK_NAMES
                                               if n in r.checks))
        parts.append(f"{len(r.reflections)} reflection{'s' if len(r.reflections) != 1 else ''}")
        lines.append(f"  {_printable(r.name)}: " + ", ".join(parts))
    if bad:
        lines.append("These files could not be read (nothing in them was changed):")
        lines.extend(f"  {_printable(r.name)}: {_printable(r.problem)}" for r in bad)
    return lines
