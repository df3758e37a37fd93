"""Accuracy, speed and memory benchmarks: ``python -m tools.bench [SECTION ...] [--json PATH]``.

Sections (all of them when none is named):

``accuracy``
    What ``python -m lessons evaluate`` prints (:mod:`lessons.scoring.sets`): every set of
    ``benchmarks/sets.yaml`` with its status, blind sets first, the word-list baseline beside the
    annotator, and each set's table of precision / recall / F1 per category and cue-level hedge F1.
    External sets are read in place from ``../shared`` (or ``$MLK_BENCHMARKS``) and skipped with a
    note when absent. Then, for development and external sets only, the rules behind false
    positives and the missed units; and the CoNLL-2010 sample at the natural rate of uncertain
    sentences. All scoring is :mod:`lessons.scoring.metrics`'s; this module only prints.
``speed``
    Annotating the seed article (and against NLTK-only tokenising), throughput at about 100 KB,
    1 MB and 2 MB (the most the kit reads at once), ``import lessons`` in a fresh process, re-rendering the highlighter after a
    toggle, and running every lesson notebook headless.
``memory``
    The kernel's resident memory after all lessons in one kernel, a ``jupyter lab`` server's own
    memory, and how many learners that puts on one 16 GB JupyterHub node.
``profile``
    ``cProfile`` of annotating 1 MB: the functions that take the time.

Benchmarks report numbers; nothing here is a test, and every target is printed with ✓ or ✗.
External data is only read, never copied: the converted CoNLL text lives in memory.
"""
from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as _dt
import glob
import json
import math
import os
import platform
import pstats
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Sequence

from lessons.text.files import read_text_exactly

ROOT = Path(__file__).resolve().parent.parent
"""The repository (when the kit is installed in editable mode or run from its folder)."""

SECTIONS = ("accuracy", "speed", "hostile", "memory", "profile")

# Targets (what "fast enough" and "small enough" mean for a class on a shared hub).
TARGET_SEED_MS = 10.0
TARGET_NLTK_RATIO = 3.0
TARGET_1MB_S = 2.0
TARGET_IMPORT_S = 0.5
TARGET_TOGGLE_MS = 20.0
TARGET_NOTEBOOKS_S = 60.0
TARGET_KERNEL_MB = 150.0
TARGET_HOSTILE_RATIO = 3.0

CONLL_FILE = "conll2010_wikipedia_uncertainty_sample.jsonl"
CONLL_NATURAL_RATE = 0.227     # share of uncertain sentences in the CoNLL-2010 Wikipedia data
CONLL_BEST_F1 = 60.2           # best official sentence-level Wikipedia F1 (Georgescul 2010)
SHORT_ROW_WORDS = 4            # rows this short are mostly titles and headings

NODE_GB = 16
NODE_SHARE_FOR_USERS = 0.8     # the rest: OS, hub, proxy, page cache, headroom


# ================================================================ small helpers

def mark(ok: bool | None) -> str:
    """✓ when a target is met, ✗ when not, – when it could not be measured."""
    return "–" if ok is None else ("✓" if ok else "✗")


def format_rows(title: str, headers: Sequence[str], rows: Iterable[Sequence], note: str = "") -> str:
    """A plain-text table: a title, a header line, a rule and one line per row.

    Cells are turned into text with ``str`` (floats with ``_num``); columns after the first are
    right-aligned when every cell in them looks like a number.
    """
    rows = [[_cell(c) for c in r] for r in rows]
    headers = [str(h) for h in headers]
    ncol = len(headers)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    widths = [max([len(headers[i])] + [len(r[i]) for r in rows]) for i in range(ncol)]
    numeric = [i > 0 and all(_looks_numeric(r[i]) for r in rows) for i in range(ncol)]

    def line(cells):
        return "  ".join(c.rjust(widths[i]) if numeric[i] else c.ljust(widths[i])
                         for i, c in enumerate(cells)).rstrip()

    out = [title, line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    if note:
        out.append(note)
    return "\n".join(out)


def _cell(c) -> str:
    if c is None:
        return "-"
    if isinstance(c, float):
        return _num(c)
    return str(c)


def _num(x: float) -> str:
    if x != x:                       # NaN
        return "-"
    a = abs(x)
    if a >= 100:
        return f"{x:.0f}"
    if a >= 10:
        return f"{x:.1f}"
    if a >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def _looks_numeric(s: str) -> bool:
    return s in ("-", "") or re.fullmatch(r"[<>≈~]?\s*-?[\d.,]+\s*(?:[%×x]|ms|s|MB|MB/s|KB)?", s) is not None


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


@dataclasses.dataclass(frozen=True)
class Timing:
    """Wall-clock times of repeated runs (``time.perf_counter``) and the median CPU time of this process."""

    median: float
    times: tuple
    cpu_median: float


def median_time(fn: Callable[[], object], repeats: int, warmup: int = 1) -> Timing:
    """Median wall time of ``fn()`` in seconds over ``repeats`` runs, after ``warmup`` untimed runs.

    The CPU time of each run (``time.process_time``) is kept too: on a busy machine it shows how
    much of the wall time was spent waiting for a core.
    """
    for _ in range(warmup):
        fn()
    times, cpu = [], []
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return Timing(statistics.median(times), tuple(times), statistics.median(cpu))


def machine_info() -> dict:
    """CPU model, cores, memory, Python, date and the repository's commit (when it is a git clone)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    commit = None
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=5).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable, "memory_gb": mem_gb,
            "python": platform.python_version(), "implementation": platform.python_implementation(),
            "platform": platform.platform(terse=True), "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "commit": commit, "load_average": load_average()}


def load_average() -> float | None:
    """The 1-minute load average (how many processes wanted a core), or None where unknown."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def format_machine(m: dict) -> str:
    cores = f"{m['cores']} cores" + (f" ({m['usable_cores']} usable)" if m.get("usable_cores") != m["cores"] else "")
    mem = f", {m['memory_gb']} GB RAM" if m.get("memory_gb") else ""
    commit = f", commit {m['commit']} (plus any uncommitted changes)" if m.get("commit") else ""
    return (f"Machine: {m['cpu']}, {cores}{mem}; {m['implementation']} {m['python']} on {m['platform']}; "
            f"{m['date']}{commit}; load average {m['load_average']} at the start")


# ================================================================ data: keyed texts

def load_keyed_dir(folder: Path) -> tuple[list[tuple[str, str, tuple]], list[str]]:
    """Every ``<slug>.txt`` with its ``<slug>.gold.jsonl`` in ``folder`` (read only), and the pairs that
    could not be read: :func:`lessons.scoring.sets.keyed_texts`, the one reader ``lessons evaluate`` uses too."""
    from lessons.scoring.sets import keyed_texts

    return keyed_texts(folder)


def conll_to_keyed_text(path: str | os.PathLike) -> tuple[str, tuple]:
    """The CoNLL-2010 Wikipedia sample as one text and a key, in memory (read only):
    :func:`lessons.scoring.sets.conll_keyed_text`, the one reader ``lessons evaluate`` uses too."""
    from lessons.scoring.sets import conll_keyed_text

    return conll_keyed_text(path)


def annotate_units_separately(text: str, units: Sequence, annotator: Callable[[str], list]) -> list:
    """Each unit annotated on its own, spans shifted into ``text``: :func:`lessons.scoring.sets.annotate_each_unit`."""
    from lessons.scoring.sets import annotate_each_unit

    return annotate_each_unit(text, units, annotator)


def natural_rate_precision(recall: float, fpr: float, rate: float = CONLL_NATURAL_RATE) -> float | None:
    """Precision expected when a share ``rate`` of sentences is uncertain (not the sample's 50%).

    P' = rate·R / (rate·R + (1 − rate)·FPR), as the CoNLL sample's README gives it
    (FPR = false positives / certain sentences). None when nothing would be predicted.
    """
    denom = rate * recall + (1 - rate) * fpr
    return None if denom == 0 else rate * recall / denom


def f1_of(p: float | None, r: float | None) -> float | None:
    """Harmonic mean of a precision and a recall (None if either is missing, 0 when both are 0)."""
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


# ================================================================ accuracy

def accuracy(quote_all: bool = False) -> dict:
    """Score every set of ``benchmarks/sets.yaml`` (as ``lessons evaluate`` does); returns a JSON-ready
    dict and prints nothing. Blind sets get no error summary: their misses are never read one by one."""
    from lessons.annotator import annotate
    from lessons.scoring.baseline import lexicon_baseline
    from lessons.scoring.sets import SetsFileMissing, read_sets, score_seed, score_sets

    env = os.environ.get("MLK_BENCHMARKS")
    external = Path(env) if env else None
    try:
        scores, sets = score_sets(external_dir=external), read_sets()
    except SetsFileMissing as e:
        scores, sets = [score_seed()], []
        print(f"({e}: only the seed article is scored.)", file=sys.stderr)
    out: dict = {"sets": [], "skipped": [], "_scores": scores}
    for s in scores:
        if s.results is None:
            out["skipped"].append(f"{s.name} ({s.status}): {s.skipped}")
            continue
        errors = None
        if s.status != "blind" and s.per_text:
            items = [(slug, text, units) for slug, text, units, _ in s.per_text]
            errors = error_summary(items, [r for *_, r in s.per_text], quote=quote_all)
        out["sets"].append({"name": s.name, "status": s.status, "description": s.description,
                            "texts": s.texts, "units": s.units, "categories": list(s.categories),
                            "results": s.results, "errors": errors, "note": s.skipped})
    conll = next((b for b in sets if b.format == "conll2010"), None)
    path = conll.location(external) if conll else None
    if path is not None and path.is_file():
        out["conll"] = conll_scores(path, annotate, lexicon_baseline)
    return out


def error_summary(items, results, quote: bool, top: int = 3) -> dict:
    """For each category: the rules that fired on false-positive units, and the missed units.

    ``items`` are ``(slug, text, units)``; ``results`` the matching :func:`lessons.scoring.metrics.evaluate`
    outputs. Missed units are given by id, with a short quotation when ``quote`` is true.
    """
    from lessons.annotator.model import CATEGORIES
    from lessons.scoring.metrics import disagreements

    summary = {}
    for cat in CATEGORIES:
        rules: Counter = Counter()
        n_fp, missed = 0, []
        for (slug, text, units), res in zip(items, results):
            anns = [a for a in res["annotator"]["annotations"] if a.category == cat]
            miss, false = disagreements(units, anns, cat)
            n_fp += len(false)
            for u in false:
                rules.update({a.rule for a in anns if a.start < u.end and u.start < a.end})
            for u in miss:
                missed.append(u.id + (f" “{_short(u.text)}”" if quote else ""))
        summary[cat] = {"false_positives": n_fp, "fp_rules": rules.most_common(top),
                        "missed": len(missed), "missed_units": missed[:top]}
    return summary


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def conll_scores(path: Path, annotator, baseline) -> dict:
    """Sentence-level hedge P/R/F1 on the CoNLL sample, with and without short rows, and at 22.7%."""
    from lessons.scoring.metrics import score_units

    text, units = conll_to_keyed_text(path)
    long_units = tuple(u for u in units if len(u.text.split()) > SHORT_ROW_WORDS)
    out = {"rows": len(units), "uncertain": sum("hedge" in u.labels for u in units),
           "short_rows": len(units) - len(long_units), "systems": {}}
    for system, fn in (("annotator", annotator), ("baseline", baseline)):
        anns = annotate_units_separately(text, units, fn)
        rows = {}
        for subset, us in (("all rows", units), (f"> {SHORT_ROW_WORDS} words", long_units)):
            sc = score_units(us, anns, ("hedge",))["hedge"]
            n_certain = sum("hedge" not in u.labels for u in us)
            fpr = sc.false_pos / n_certain if n_certain else None
            p_nat = natural_rate_precision(sc.recall or 0.0, fpr) if fpr is not None else None
            rows[subset] = {"score": sc, "fpr": fpr, "natural_precision": p_nat,
                            "natural_f1": f1_of(p_nat, sc.recall), "n": len(us)}
        out["systems"][system] = rows
    return out


def format_accuracy(acc: dict) -> str:
    """The summary (every set with its status, the baseline beside it), each set's table, and where
    the annotator goes wrong on the sets that may be read that way."""
    from lessons.scoring.sets import format_report

    parts = [format_report(acc["_scores"])]
    errs = []
    for s in acc["sets"]:
        if not s.get("errors"):
            continue
        errs.append(f"Where the annotator goes wrong on {s['name']} ({s['status']}; top {3}):")
        for cat, e in s["errors"].items():
            if cat not in s["categories"]:
                continue
            rules = ", ".join(f"{r} ×{n}" for r, n in e["fp_rules"]) or "-"
            missed = "; ".join(e["missed_units"]) or "-"
            errs.append(f"  {cat:<10} false positives {e['false_positives']:>2} (rules: {rules})")
            errs.append(f"  {'':<10} missed {e['missed']:>2}: {missed}")
    if errs:
        parts.append("\n".join(errs) + "\n  (Blind sets are left out: their misses are never read one by one. Missed "
                     "units are given by id only, so that their text does not travel into the repository; "
                     "--quote-misses quotes them.)")
    if "conll" in acc:
        parts.append(format_conll(acc["conll"]))
    return "\n\n".join(parts)


def format_conll(c: dict) -> str:
    rows = []
    for system, subsets in c["systems"].items():
        for subset, r in subsets.items():
            sc = r["score"]
            rows.append([system, subset, r["n"], _f(sc.precision), _f(sc.recall), _f(sc.f1),
                         _f(r["fpr"]), _f(r["natural_precision"]), _f(r["natural_f1"])])
    best_all = c["systems"]["annotator"]["all rows"]["natural_f1"]
    note = (f"Balanced sample ({c['uncertain']} of {c['rows']} rows uncertain; {c['short_rows']} rows of ≤{SHORT_ROW_WORDS} "
            f"words, mostly titles). A row counts as predicted uncertain when any hedge is marked in it; each row "
            f"is annotated on its own.\nP'/F1' at 22.7%: P' = 0.227·R / (0.227·R + 0.773·FPR), the precision "
            f"expected at the natural rate of uncertain sentences. Best published CoNLL-2010 Wikipedia "
            f"sentence-level F1: {CONLL_BEST_F1} (the annotator's estimate: "
            f"{'-' if best_all is None else f'{100 * best_all:.1f}'} on all rows). Not like for like: Wikipedia's "
            f"'weasel' label also counts vague attribution ('some say', 'many believe'), which the kit's news "
            f"guidelines do not call hedging.")
    return format_rows("CoNLL-2010 Wikipedia hedge sample (external; sentence level, hedge only)",
                       ["system", "rows", "n", "P", "R", "F1", "FPR", "P' at 22.7%", "F1' at 22.7%"], rows, note)


# ================================================================ speed

def news_like_text(target_bytes: int) -> str:
    """About ``target_bytes`` of UTF-8 news text: the seed article and benchmarks/heldout/*.txt, repeated.

    Cut at a paragraph break at or below the target, so no sentence is cut in half.
    """
    from lessons.scoring.key import article_text

    parts = [article_text()] + [read_text_exactly(p) for p in sorted(glob.glob(str(ROOT / "benchmarks" / "heldout" / "*.txt")))]
    block = "\n\n".join(p.strip("\n") for p in parts) + "\n\n"
    n = max(1, math.ceil(target_bytes / len(block.encode("utf-8"))) + 1)
    data = (block * n).encode("utf-8")[:target_bytes]
    cut = data.rfind(b"\n\n")
    return data[:cut if cut > 0 else len(data)].decode("utf-8", errors="ignore")


def nltk_only(text: str) -> list:
    """NLTK's part of the job alone: Punkt sentences (as the kit sets it up) and Treebank words."""
    from nltk.tokenize import TreebankWordTokenizer

    from lessons.text.sentences import split_sentences

    tok = TreebankWordTokenizer()
    return [tok.tokenize(s.text) for s in split_sentences(text)]


def speed(quick: bool = False) -> dict:
    """Every speed measurement; ``quick`` leaves out 2 MB and the notebooks (for trying things out)."""
    from lessons.annotator import annotate
    from lessons.scoring.key import article_text

    out: dict = {}
    seed = article_text()
    t_seed = median_time(lambda: annotate(seed), repeats=30, warmup=5)
    t_nltk = median_time(lambda: nltk_only(seed), repeats=30, warmup=5)
    out["seed"] = {"chars": len(seed), "annotate_s": t_seed.median, "annotate_cpu_s": t_seed.cpu_median,
                   "nltk_s": t_nltk.median, "nltk_cpu_s": t_nltk.cpu_median, "ratio": t_seed.median / t_nltk.median}

    # 2 MB of this text is just under the 2,000,000 characters the kit reads at once (check_length).
    sizes = [(100_000, 5), (1_000_000, 3)] + ([] if quick else [(2_000_000, 1)])
    rows = []
    for target, repeats in sizes:
        text = news_like_text(target)
        nbytes = len(text.encode("utf-8"))
        tm = median_time(lambda: annotate(text), repeats=repeats, warmup=0)
        t = tm.median
        rows.append({"target": target, "bytes": nbytes, "chars": len(text), "runs": repeats,
                     "seconds": t, "cpu_seconds": tm.cpu_median, "times": list(tm.times),
                     "mb_per_s": nbytes / 1e6 / t, "s_per_mb": t / (nbytes / 1e6)})
    for a, b in zip(rows, rows[1:]):
        b["exponent"] = math.log(b["seconds"] / a["seconds"]) / math.log(b["bytes"] / a["bytes"])
    out["throughput"] = rows
    out["imports"] = import_times()
    out["toggle"] = highlighter_toggle()
    out["notebooks"] = None if quick else run_notebooks()
    return out


_IMPORT_PROBE = r"""
import json, time
t0 = time.perf_counter()
import lessons
t1 = time.perf_counter()
import lessons.views.highlighter, ipywidgets
t2 = time.perf_counter()
import lessons.views.charts, matplotlib, matplotlib.pyplot
t3 = time.perf_counter()
print(json.dumps({"lessons": t1 - t0, "widgets": t2 - t1, "plots": t3 - t2}))
"""


def import_times(runs: int = 7) -> dict:
    """Import costs in fresh interpreters (medians over ``runs``).

    ``lessons`` = ``import lessons`` timed inside a new process; ``process`` = the fastest wall
    time of ``python -c 'import lessons'`` minus the fastest of ``python -c pass`` (start-up);
    ``widgets`` / ``plots`` = what importing ``lessons.views.highlighter`` + ipywidgets, then
    ``lessons.views.charts`` + matplotlib.pyplot, add after that. The disk cache is warm (as on a hub
    where someone has already started a kernel), so this is "cold" for the interpreter only.
    """
    env = dict(os.environ, MPLBACKEND="Agg")
    probes, bare, full = [], [], []
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-c", _IMPORT_PROBE], capture_output=True, text=True, env=env,
                           cwd=tempfile.gettempdir(), timeout=120)
        if r.returncode != 0:
            return {"error": (r.stderr.strip().splitlines() or ["failed"])[-1]}
        probes.append(json.loads(r.stdout.strip().splitlines()[-1]))
        for cmd, acc in (("pass", bare), ("import lessons", full)):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", cmd], check=True, env=env, cwd=tempfile.gettempdir(), timeout=120)
            acc.append(time.perf_counter() - t0)
    med = {k: statistics.median(p[k] for p in probes) for k in probes[0]}
    # Differences of two noisy wall times: the fastest of each is the steadiest estimate.
    med["interpreter"] = min(bare)
    med["process"] = max(0.0, min(full) - min(bare))
    return med


def highlighter_toggle(flips: int = 30) -> dict:
    """Build ``lessons.views.highlighter.highlighter()`` without a browser and time switching hedges on/off.

    Each flip sets ``w.toggles["hedge"].value`` and reads ``w.html.value`` (the observer re-renders
    synchronously); returns the median and the slowest flip in seconds.
    """
    try:
        from lessons.views.highlighter import highlighter
    except ImportError as exc:                 # ipywidgets missing
        return {"error": str(exc)}
    t0 = time.perf_counter()
    w = highlighter()
    build = time.perf_counter() - t0
    box = w.toggles["hedge"]

    def flip():
        box.value = not box.value
        return len(w.html.value)

    tm = median_time(flip, repeats=flips, warmup=4)
    return {"build_s": build, "median_s": tm.median, "max_s": max(tm.times), "html_chars": flip()}


def _notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def _nb_errors(nb) -> int:
    n = 0
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if o.get("output_type") == "error" or "Traceback" in o.get("text", ""):
                n += 1
    return n


_QUIET_KERNEL = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
"""Keep the kernels' own start-up log (e.g. ipykernel's TCP warning) off the tables; cell errors
still arrive as outputs and are counted."""


def run_notebooks() -> dict:
    """Run every lesson notebook headless with nbclient, one kernel each, as the tests do."""
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError as exc:
        return {"error": f"{exc.name} is not installed (pip install -r requirements-dev.txt)"}
    paths = _notebooks()
    if not paths:
        return {"error": f"no lesson notebooks in {ROOT / 'notebooks'}"}
    per = []
    with tempfile.TemporaryDirectory() as tmp, _progress_dir(tmp):
        t_all = time.perf_counter()
        for p in paths:
            nb = nbformat.read(p, as_version=4)
            t0 = time.perf_counter()
            NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                           resources={"metadata": {"path": str(p.parent)}}).execute(**_QUIET_KERNEL)
            per.append({"notebook": p.name, "seconds": time.perf_counter() - t0, "errors": _nb_errors(nb)})
        total = time.perf_counter() - t_all
    return {"total_s": total, "per_notebook": per}


class _progress_dir:
    """Point ``MLK_PROGRESS_DIR`` at a temporary folder while notebooks run (restored afterwards)."""

    def __init__(self, path: str):
        self.path = str(Path(path) / "progress")

    def __enter__(self):
        self.before = os.environ.get("MLK_PROGRESS_DIR")
        os.environ["MLK_PROGRESS_DIR"] = self.path
        return self

    def __exit__(self, *exc):
        if self.before is None:
            os.environ.pop("MLK_PROGRESS_DIR", None)
        else:
            os.environ["MLK_PROGRESS_DIR"] = self.before


def format_speed(sp: dict) -> str:
    rows = []
    s = sp["seed"]
    rows.append([f"annotate the seed article ({s['chars']:,} chars), median of 30", f"{1000 * s['annotate_s']:.1f} ms",
                 f"{1000 * s['annotate_cpu_s']:.1f} ms", f"< {TARGET_SEED_MS:.0f} ms",
                 mark(1000 * s["annotate_s"] < TARGET_SEED_MS)])
    rows.append(["NLTK only: Punkt sentences + Treebank words, same text", f"{1000 * s['nltk_s']:.1f} ms",
                 f"{1000 * s['nltk_cpu_s']:.1f} ms", "", ""])
    rows.append(["annotator ÷ NLTK-only (wall)", f"{s['ratio']:.1f}×", "", f"≤ {TARGET_NLTK_RATIO:.0f}×",
                 mark(s["ratio"] <= TARGET_NLTK_RATIO)])
    for r in sp["throughput"]:
        size = _size_name(r["target"])
        grow = f"; time ∝ size^{r['exponent']:.2f}" if "exponent" in r else ""
        label = (f"annotate {size} of news text ({r['bytes']:,} B, {r['runs']} run{'s' if r['runs'] > 1 else ''}):"
                 f" {r['mb_per_s']:.2f} MB/s{grow}")
        cells = [label, f"{r['seconds']:.2f} s", f"{r['cpu_seconds']:.2f} s"]
        if r["target"] == 1_000_000:
            rows.append(cells + [f"< {TARGET_1MB_S:.0f} s", mark(r["seconds"] < TARGET_1MB_S)])
        else:
            rows.append(cells + ["", ""])
    exps = [r["exponent"] for r in sp["throughput"] if "exponent" in r]
    if exps:
        linear = max(exps) < 1.15
        rows.append(["time grows linearly with size (every exponent between sizes < 1.15)", f"max {max(exps):.2f}",
                     "", "linear", mark(linear)])
    im = sp["imports"]
    if "error" in im:
        rows.append(["import lessons (fresh process)", im["error"], f"< {TARGET_IMPORT_S} s", mark(None)])
    else:
        worst = max(im["lessons"], im["process"])
        rows.append(["import lessons, fresh process (in-process timer)", f"{1000 * im['lessons']:.0f} ms",
                     f"< {1000 * TARGET_IMPORT_S:.0f} ms", mark(worst < TARGET_IMPORT_S)])
        rows.append([f"  same, fastest process wall minus fastest bare interpreter ({1000 * im['interpreter']:.0f} ms)",
                     f"{1000 * im['process']:.0f} ms", "", ""])
        rows.append(["  + lessons.views.highlighter and ipywidgets", f"+{1000 * im['widgets']:.0f} ms", "", ""])
        rows.append(["  + lessons.views.charts and matplotlib.pyplot", f"+{1000 * im['plots']:.0f} ms", "", ""])
    tg = sp["toggle"]
    if "error" in tg:
        rows.append(["highlighter re-render after a toggle", tg["error"], f"< {TARGET_TOGGLE_MS:.0f} ms", mark(None)])
    else:
        rows.append([f"highlighter re-render after a toggle, median of 30 (slowest {1000 * tg['max_s']:.1f} ms)",
                     f"{1000 * tg['median_s']:.1f} ms", f"< {TARGET_TOGGLE_MS:.0f} ms",
                     mark(1000 * tg["median_s"] < TARGET_TOGGLE_MS)])
        rows.append(["  building the highlighter the first time (annotates the article)",
                     f"{1000 * tg['build_s']:.0f} ms", "", ""])
    nb = sp.get("notebooks")
    if nb is None:
        rows.append(["run every lesson notebook headless", "not run (--quick)", f"< {TARGET_NOTEBOOKS_S:.0f} s", mark(None)])
    elif "error" in nb:
        rows.append(["run every lesson notebook headless", nb["error"], f"< {TARGET_NOTEBOOKS_S:.0f} s", mark(None)])
    else:
        rows.append([f"run all {len(nb['per_notebook'])} lesson notebooks headless (nbclient, a kernel each)",
                     f"{nb['total_s']:.1f} s", f"< {TARGET_NOTEBOOKS_S:.0f} s", mark(nb["total_s"] < TARGET_NOTEBOOKS_S)])
        for p in nb["per_notebook"]:
            rows.append([f"  {p['notebook']}" + (f" ({p['errors']} error outputs!)" if p["errors"] else ""),
                         f"{p['seconds']:.1f} s", "", ""])
    rows = [r if len(r) == 5 else [r[0], r[1], "", r[2], r[3]] for r in rows]
    return format_rows("Speed (medians of wall time, time.perf_counter, warm-up runs first; CPU = time.process_time)",
                       ["measurement", "wall", "CPU", "target", "met"], rows)


def hostile(chars: int = 200_000, at_limit: tuple = ("ministry-said-may", "he-said-she-said"),
            tries: int = 3) -> dict:
    """CPU time per character of every text attack in ``tests/hostile/corpus.py``, as a ratio to
    news text of the same length measured in the same run (the fastest of ``tries`` runs each,
    so that other work on the machine does not decide the ratio); the attacks named in
    ``at_limit`` are also measured, once, at the 2,000,000-character limit."""
    from lessons.annotator import annotate
    from lessons.text.article import MAX_ARTICLE_CHARS
    from tests.hostile.corpus import TEXT_ATTACKS, attack_text, news_text

    def cpu(text: str) -> float:
        best = float("inf")
        for _ in range(tries if len(text) < MAX_ARTICLE_CHARS else 1):
            t0 = time.process_time()
            annotate(text)
            best = min(best, time.process_time() - t0)
        return best

    annotate("The ministry said it may be true.")
    rows = []
    base = {}
    for size in (chars, MAX_ARTICLE_CHARS) if at_limit else (chars,):
        names = sorted(TEXT_ATTACKS) if size == chars else list(at_limit)
        base[size] = cpu(news_text(size)) / size
        for name in names:
            per_char = cpu(attack_text(name, size)) / size
            rows.append({"attack": name, "chars": size, "cpu_us_per_char": 1e6 * per_char,
                         "ratio": per_char / base[size]})
    return {"news_us_per_char": {str(k): 1e6 * v for k, v in base.items()}, "rows": rows,
            "limit": TARGET_HOSTILE_RATIO}


def format_hostile(h: dict) -> str:
    rows = [[f"{r['attack']} ({r['chars']:,} chars)", f"{r['cpu_us_per_char']:.1f} µs", f"{r['ratio']:.2f}×",
             f"≤ {h['limit']:.0f}×", mark(r["ratio"] <= h["limit"])] for r in h["rows"]]
    news = ", ".join(f"{int(k):,} chars: {v:.1f} µs" for k, v in h["news_us_per_char"].items())
    return format_rows("Text built to be slow (tests/hostile/corpus.py): CPU time per character against news text",
                       ["attack", "CPU per char", "÷ news", "target", "met"], rows,
                       f"News text in the same run: {news} per character.")


def _size_name(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n / 1e3:g} KB"


# ================================================================ memory

_RSS_CELL = r"""
import json as _bench_json, resource as _bench_resource
def _bench_rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
print("MLK_BENCH " + _bench_json.dumps({"label": %r, "rss_mb": _bench_rss_mb(),
      "peak_mb": _bench_resource.getrusage(_bench_resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def one_kernel_memory() -> dict:
    """Run the code cells of every lesson, in order, in one kernel; read the kernel's memory.

    Reports the kernel's VmRSS (``/proc/self/status``) before the first lesson and after the
    last one, and its peak (``resource.getrusage``).
    """
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError as exc:
        return {"error": f"{exc.name} is not installed"}
    paths = _notebooks()
    if not paths:
        return {"error": "no lesson notebooks"}
    cells = [nbformat.v4.new_code_cell(_RSS_CELL % "fresh kernel")]
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        cells += [nbformat.v4.new_code_cell(c.source) for c in nb.cells if c.cell_type == "code"]
    cells.append(nbformat.v4.new_code_cell("import gc; gc.collect()\n" + _RSS_CELL % "after all lessons"))
    combined = nbformat.v4.new_notebook(cells=cells)
    combined.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    with tempfile.TemporaryDirectory() as tmp, _progress_dir(tmp):
        t0 = time.perf_counter()
        NotebookClient(combined, kernel_name="python3", timeout=120, allow_errors=True,
                       resources={"metadata": {"path": str(paths[0].parent)}}).execute(**_QUIET_KERNEL)
        wall = time.perf_counter() - t0
    found = {}
    for cell in combined.cells:
        for o in cell.get("outputs", []):
            for line in o.get("text", "").splitlines():
                if line.startswith("MLK_BENCH "):
                    rec = json.loads(line[len("MLK_BENCH "):])
                    found[rec["label"]] = rec
    if "after all lessons" not in found:
        return {"error": "the kernel did not report its memory"}
    return {"before_mb": found.get("fresh kernel", {}).get("rss_mb"), "after_mb": found["after all lessons"]["rss_mb"],
            "peak_mb": found["after all lessons"]["peak_mb"], "cells": len(cells) - 2, "notebooks": len(paths),
            "errors": _nb_errors(combined), "seconds": wall}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_of(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def jupyter_server_memory(timeout: float = 60.0) -> dict:
    """Start ``jupyter lab`` (no browser, local, random port and token, temp config), load ``/lab``
    and the file list once, and read the server process's VmRSS. The server is then stopped.
    """
    token = secrets.token_hex(16)
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                         ("JUPYTERLAB_SETTINGS_DIR", "settings"), ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
                         ("IPYTHONDIR", "ipython")):
            env[var] = str(Path(tmp) / sub)
        env["HOME"] = tmp
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={ROOT / 'notebooks'}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")          # containers often run as root; jupyter refuses otherwise
        log_path = Path(tmp) / "server.log"
        try:
            log = open(log_path, "wb")
            proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp)
        except OSError as exc:
            return {"error": f"could not start jupyter lab ({exc})"}
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + timeout
            ok = False
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                        ok = r.status == 200
                        break
                except OSError:
                    time.sleep(0.3)
            if not ok:
                last = (log_path.read_text(errors="replace").strip().splitlines() or ["no output"])[-1]
                return {"error": f"jupyter lab did not start ({last[:120]})"}
            for path in ("/lab", "/api/contents", "/api/kernelspecs", "/lab/api/settings"):
                try:
                    with urllib.request.urlopen(f"{base}{path}?token={token}", timeout=20) as r:
                        r.read()
                except OSError:
                    pass
            time.sleep(1.0)
            return {"rss_mb": _rss_of(proc.pid)}
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
            log.close()


def learners_per_node(kernel_mb: float, server_mb: float, node_gb: float = NODE_GB,
                      share: float = NODE_SHARE_FOR_USERS, kernels_per_learner: int = 1) -> int:
    """How many learners fit: ``share`` of the node's memory over (server + kernels) per learner."""
    per = server_mb + kernels_per_learner * kernel_mb
    return int(node_gb * 1024 * share // per)


def memory() -> dict:
    k = one_kernel_memory()
    s = jupyter_server_memory()
    out = {"kernel": k, "server": s}
    if "error" not in k and "error" not in s and s.get("rss_mb"):
        out["learners"] = learners_per_node(k["after_mb"], s["rss_mb"])
        out["learners_worst"] = learners_per_node(k["after_mb"], s["rss_mb"], kernels_per_learner=len(_notebooks()))
    return out


def format_memory(m: dict) -> str:
    rows = []
    k, s = m["kernel"], m["server"]
    if "error" in k:
        rows.append(["kernel after all lessons in one kernel", k["error"], f"< {TARGET_KERNEL_MB:.0f} MB", mark(None)])
    else:
        rows.append(["kernel RSS, fresh (before any lesson)", f"{k['before_mb']:.0f} MB", "", ""])
        rows.append([f"kernel RSS after all {k['notebooks']} lessons' {k['cells']} code cells in one kernel"
                     + (f" ({k['errors']} error outputs!)" if k["errors"] else ""),
                     f"{k['after_mb']:.0f} MB", f"< {TARGET_KERNEL_MB:.0f} MB", mark(k["after_mb"] < TARGET_KERNEL_MB)])
        rows.append(["  kernel peak RSS (getrusage ru_maxrss)", f"{k['peak_mb']:.0f} MB", "", ""])
    if "error" in s:
        rows.append(["jupyter lab server process", s["error"], "", ""])
    else:
        rows.append(["jupyter lab server process RSS (after serving /lab once)", f"{s['rss_mb']:.0f} MB", "", ""])
    if "learners" in m:
        per = k["after_mb"] + s["rss_mb"]
        rows.append([f"learners per {NODE_GB} GB node: {NODE_SHARE_FOR_USERS:.0%} of memory ÷ {per:.0f} MB "
                     f"(server + one kernel)", f"{m['learners']}", "", ""])
        rows.append([f"  worst case: every learner keeps all {len(_notebooks())} lesson kernels running",
                     f"{m['learners_worst']}", "", ""])
    note = ("Assumptions: one single-user server per learner (its RSS measured above, the same jupyter-server "
            "a JupyterHub spawns) and one running kernel (the culler or 'Shut down kernel' between lessons);\n"
            f"{1 - NODE_SHARE_FOR_USERS:.0%} of the node is left for the OS, the hub, the proxy and headroom. "
            "The worst case overstates: a kernel that ran one lesson holds less than one that ran all.")
    return format_rows("Memory (resident set size, VmRSS)", ["measurement", "result", "target", "met"], rows, note)


# ================================================================ profile

def profile_annotate(target_bytes: int = 1_000_000, top: int = 12) -> dict:
    """``cProfile`` of one ``annotate`` over about ``target_bytes`` of news text: the top functions by own time."""
    from lessons.annotator import annotate
    from lessons.scoring.key import article_text

    annotate(article_text())                   # rules loaded, regexes compiled
    text = news_like_text(target_bytes)
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    annotate(text)
    prof.disable()
    wall = time.perf_counter() - t0
    st = pstats.Stats(prof)
    names = _qualnames()
    rows = []
    for (filename, line, func), (cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": _where(filename, line, func, names), "calls": nc, "own_s": tt, "cumulative_s": ct})
    rows.sort(key=lambda r: r["own_s"], reverse=True)
    return {"bytes": len(text.encode("utf-8")), "wall_s": wall, "total_s": st.total_tt,  # type: ignore[attr-defined]
            "top": rows[:top]}


def _where(filename: str, line: int, func: str, qualnames: dict | None = None) -> str:
    """``lessons/annotator.py:712 _dedupe.<locals>.<genexpr>``: where a profiled function is, readably."""
    if filename == "~":
        return func                                         # a built-in
    p = Path(filename)
    try:
        rel = p.resolve().relative_to(ROOT)
    except ValueError:
        rel = Path(*p.parts[-2:]) if "site-packages" in p.parts or "lib" in p.parts else p
    name = (qualnames or {}).get((filename, line, func), func)
    return f"{rel}:{line} {name}"


def _qualnames(prefix: str = "lessons") -> dict:
    """``(file, first line, name) -> qualified name`` for every code object of the loaded ``lessons``
    modules, so that a profile's ``<listcomp>`` can be told apart by the function it is in.

    Taken from the code that ran (not from the file on disk, which may have changed since)."""
    out: dict = {}
    seen: set = set()

    def walk(code):
        if id(code) in seen:
            return
        seen.add(id(code))
        out[(code.co_filename, code.co_firstlineno, code.co_name)] = getattr(code, "co_qualname", code.co_name)
        for const in code.co_consts:
            if hasattr(const, "co_consts"):
                walk(const)

    def visit(obj, depth=0):
        if hasattr(obj, "__code__"):
            walk(obj.__code__)
        elif isinstance(obj, (staticmethod, classmethod)):
            visit(obj.__func__, depth)
        elif isinstance(obj, property):
            for f in (obj.fget, obj.fset, obj.fdel):
                if f is not None:
                    visit(f, depth)
        elif isinstance(obj, type) and depth < 2:
            for v in vars(obj).values():
                visit(v, depth + 1)
        elif hasattr(obj, "__wrapped__"):                  # lru_cache and friends
            visit(obj.__wrapped__, depth)

    for name, module in list(sys.modules.items()):
        if module is None or not (name == prefix or name.startswith(prefix + ".")):
            continue
        for obj in list(vars(module).values()):
            if getattr(obj, "__module__", None) == name or isinstance(obj, (staticmethod, classmethod)):
                visit(obj)
    return out


def format_profile(pr: dict) -> str:
    rows = [[r["function"], r["calls"], f"{r['own_s']:.2f}", f"{r['cumulative_s']:.2f}"] for r in pr["top"]]
    return format_rows(f"Profile: annotate {pr['bytes'] / 1e6:.2f} MB under cProfile ({pr['wall_s']:.1f} s with "
                       f"profiling overhead), top functions by own time",
                       ["function", "calls", "own s", "cumulative s"], rows)


# ================================================================ command line

def _jsonable(x):
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _jsonable(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items() if k != "annotations" and not str(k).startswith("_")}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, (frozenset, set)):
        return sorted(_jsonable(v) for v in x)
    return x


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench",
        description="Accuracy, speed and memory benchmarks of the kit; prints a table per section.")
    parser.add_argument("sections", nargs="*", metavar="SECTION",
                        help=f"any of {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    parser.add_argument("--quick", action="store_true",
                        help="speed without 2 MB and without running the notebooks (for trying things out)")
    parser.add_argument("--quote-misses", action="store_true",
                        help="quote the missed units of development and external sets (never of blind sets)")
    args = parser.parse_args(argv)
    unknown = [s for s in args.sections if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}")
    chosen = [s for s in SECTIONS if s in args.sections] or list(SECTIONS)
    try:
        sys.stdout.reconfigure(errors="replace")  # type: ignore[attr-defined]
    except AttributeError:
        pass

    machine = machine_info()
    results: dict = {"machine": machine}
    print(format_machine(machine), flush=True)
    t_start = time.perf_counter()
    for section in chosen:
        print(f"\n=== {section} ===\n", flush=True)
        if section == "accuracy":
            results["accuracy"] = accuracy(quote_all=args.quote_misses)
            print(format_accuracy(results["accuracy"]), flush=True)
        elif section == "speed":
            results["speed"] = speed(quick=args.quick)
            print(format_speed(results["speed"]), flush=True)
        elif section == "hostile":
            results["hostile"] = hostile()
            print(format_hostile(results["hostile"]), flush=True)
        elif section == "memory":
            results["memory"] = memory()
            print(format_memory(results["memory"]), flush=True)
        elif section == "profile":
            results["profile"] = profile_annotate()
            print(format_profile(results["profile"]), flush=True)
    results["bench_seconds"] = time.perf_counter() - t_start
    results["load_average_end"] = load_average()
    loads = [x for x in (machine.get("load_average"), results["load_average_end"]) if x is not None]
    busy = bool(loads) and max(loads) > (machine.get("usable_cores") or 1)
    print(f"\n(benchmarks took {results['bench_seconds']:.0f} s; load average {machine.get('load_average')} at the "
          f"start, {results['load_average_end']} at the end"
          + (f"; above the {machine['usable_cores']} usable cores, so other work shared the machine: wall times are "
             "inflated and the CPU column is the steadier figure)" if busy else ")"))
    if args.json:
        Path(args.json).write_text(json.dumps(_jsonable(results), indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"Results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
