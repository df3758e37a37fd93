"""Build and check the benchmark sets: ``python -m tools.benchsets build|check|list [SET ...]``.

Every set the kit is measured on is named in ``benchmarks/sets.yaml`` with its status
(``development``, ``blind`` or ``external``), its kind (``invented`` or ``real``), its folder
and a one-line description. A set of the kit's own holds data only:
``benchmarks/<set>/<slug>.spec`` (written by hand), the three files built from it
(``<slug>.txt``, ``<slug>.gold.jsonl``, ``<slug>.boilerplate.jsonl``) and a ``README.md``.

The spec format (one record a line, UTF-8)::

    = key: value                                   metadata, before the first unit
    # comment                                      ignored (so are blank lines)
    U|labels|hedge_cues|source|optional|note|text  one unit; labels/optional: comma lists,
                                                   hedge_cues: ';' list, '-' = empty;
                                                   text is the last field and may contain '|'
    C|reason|text                                  boilerplate: not a unit (credits, sign-offs)
    --                                             line break (after a headline)
    ---                                            paragraph break (blank line)

Records in one paragraph are joined with one space; the text ends with one newline. The tool
computes every offset, so nobody counts characters by hand.

One definition of "optional": a category in a unit's ``optional`` is one careful annotators could
reasonably differ on, and a scorer counts it neither as a hit nor as a miss. ``labels`` and
``optional`` never share a category.

``build`` writes the three files of every spec of the named sets (all of them by default) and
writes nothing for a set whose specs have a problem. ``check`` writes nothing: it rebuilds in
memory, compares byte for byte with the files on disk, checks the files themselves, and prints
the counts per set. External sets (read in place from ``../shared``) are only read and checked;
when ``../shared`` is absent they are skipped with a note. Problems name the file, the line and
what is wrong; the exit status is 1 when there is any.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import math
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository."""

SETS_FILE = ROOT / "benchmarks" / "sets.yaml"
EXPECTATIONS_FILE = ROOT / "benchmarks" / "expectations.yaml"

CATEGORIES = ("hedge", "official", "expert", "unverified")
STATUSES = ("development", "blind", "external")
KINDS = ("invented", "real")
FORMATS = ("units", "conll2010")
REAL_METADATA = ("title", "outlet", "date", "source", "licence")
"""Metadata every spec of a real (not invented) set must give."""

GOLD_FIELDS = ("id", "text", "start", "end", "labels", "hedge_cues", "source", "note", "optional")
BOILERPLATE_FIELDS = ("text", "start", "end", "reason")
GENERATED = (".txt", ".gold.jsonl", ".boilerplate.jsonl")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
META = re.compile(r"=\s*([a-z][a-z_]*)\s*:\s*(.*)\Z")


# ================================================================ the list of sets

class SetsError(Exception):
    """``benchmarks/sets.yaml`` cannot be read; the message says where and why."""


@dataclass(frozen=True)
class BenchSet:
    """One entry of ``benchmarks/sets.yaml``."""

    name: str
    status: str
    kind: str
    path: str
    description: str
    format: str = "units"

    @property
    def folder(self) -> Path:
        """Where the set lives (a folder, or a file for the CoNLL sample)."""
        return (ROOT / self.path).resolve()

    @property
    def external(self) -> bool:
        return self.status == "external"

    def missing_note(self) -> str | None:
        """Why the set cannot be read here, or None when it is present."""
        if self.folder.exists():
            return None
        if self.external:
            return f"{self.name}: skipped, {self.path} is not here (external data is read in place from ../shared)"
        return f"{self.name}: missing, {self.path} does not exist yet"


def load_sets(path: str | os.PathLike = SETS_FILE) -> list[BenchSet]:
    """Every set named in ``benchmarks/sets.yaml``, in file order, with its status.

    Raises :class:`SetsError` naming the file and the entry when something is wrong.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SetsError(f"{_rel(path)}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise SetsError(f"{_rel(path)}: not valid YAML ({exc})") from None
    entries = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise SetsError(f"{_rel(path)}: needs a 'sets' mapping of set name -> fields")
    out = []
    for name, fields in entries.items():
        where = f"{_rel(path)}, set {name!r}"
        if not isinstance(fields, dict):
            raise SetsError(f"{where}: needs status, kind, path and description")
        missing = [k for k in ("status", "kind", "path", "description") if not fields.get(k)]
        if missing:
            raise SetsError(f"{where}: missing {', '.join(missing)}")
        unknown = sorted(set(fields) - {"status", "kind", "path", "description", "format"})
        if unknown:
            raise SetsError(f"{where}: unknown field(s) {', '.join(unknown)}")
        for key, allowed in (("status", STATUSES), ("kind", KINDS), ("format", FORMATS)):
            value = fields.get(key, "units")
            if value not in allowed:
                raise SetsError(f"{where}: {key} {value!r} is not one of {', '.join(allowed)}")
        p = str(fields["path"])
        if os.path.isabs(p) or "\\" in p:
            raise SetsError(f"{where}: path must be relative to the repository root, got {p!r}")
        if fields["status"] == "external" and not p.startswith("../shared/"):
            raise SetsError(f"{where}: an external set is read in place from ../shared/, got {p!r}")
        if fields["status"] != "external" and not p.startswith("benchmarks/"):
            raise SetsError(f"{where}: the kit's own sets live under benchmarks/, got {p!r}")
        out.append(BenchSet(name=str(name), status=fields["status"], kind=fields["kind"], path=p,
                            description=" ".join(str(fields["description"]).split()),
                            format=fields.get("format", "units")))
    return out


def _rel(path: Path) -> str:
    """A path as it should be shown: relative to the repository when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return os.path.relpath(path, ROOT)


# ================================================================ one spec

@dataclass
class Built:
    """What one spec builds to: the three files' contents and what is needed to check them."""

    slug: str
    text: str = ""
    units: list = field(default_factory=list)
    boilerplate: list = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    def files(self) -> dict[str, str]:
        """File name -> exact content for the three generated files."""
        return {f"{self.slug}.txt": self.text,
                f"{self.slug}.gold.jsonl": _jsonl(self.units, GOLD_FIELDS),
                f"{self.slug}.boilerplate.jsonl": _jsonl(self.boilerplate, BOILERPLATE_FIELDS)}


def _jsonl(records: list[dict], fields: tuple) -> str:
    return "".join(json.dumps({k: r[k] for k in fields}, ensure_ascii=False) + "\n" for r in records)


def _list(value: str, sep: str) -> list[str]:
    value = value.strip()
    return [] if value in ("", "-") else [x.strip() for x in value.split(sep)]


def _canonical(cats: list[str]) -> list[str]:
    return [c for c in CATEGORIES if c in cats]


def parse_spec(source: str, slug: str, where: str = "", kind: str = "invented") -> Built:
    """Build one spec's files in memory. Problems go to ``Built.problems`` as ``where:line: ...``.

    ``where`` is the spec's name as shown in messages; ``kind`` ``real`` requires the metadata
    :data:`REAL_METADATA`.
    """
    where = where or f"{slug}.spec"
    b = Built(slug=slug)

    def problem(lineno: int | None, msg: str) -> None:
        b.problems.append(f"{where}:{lineno}: {msg}" if lineno else f"{where}: {msg}")

    if not SLUG.match(slug):
        problem(None, f"the file name {slug!r} must be lower-case letters, digits and hyphens")
    parts: list[str] = []        # pieces of the text
    line_open = False            # something already on the current line
    last_break = None            # line number of a break not yet followed by a record
    started = False              # a record or break has been seen (metadata must come before)
    for lineno, raw in enumerate(source.split("\n"), 1):
        line = raw[:-1] if raw.endswith("\r") else raw
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("="):
            m = META.match(line)
            if not m:
                problem(lineno, "a metadata line reads '= key: value' (key in lower case)")
            elif started:
                problem(lineno, f"metadata '{m.group(1)}' comes after the first unit; put it at the top")
            elif m.group(1) in b.metadata:
                problem(lineno, f"metadata '{m.group(1)}' is given twice")
            elif not m.group(2).strip():
                problem(lineno, f"metadata '{m.group(1)}' has no value")
            else:
                b.metadata[m.group(1)] = m.group(2).strip()
            continue
        if line.strip() in ("--", "---"):
            if not started:
                problem(lineno, "a break before the first unit; the text starts with its headline")
            elif last_break is not None:
                problem(lineno, f"a second break in a row (after line {last_break}); use '---' alone for a blank line")
            else:
                parts.append("\n" if line.strip() == "--" else "\n\n")
                last_break = lineno
            line_open = False
            continue
        kind_mark = line[:2]
        if kind_mark == "U|":
            fields = line.split("|", 6)
            if len(fields) < 7:
                problem(lineno, f"a unit needs 7 fields U|labels|hedge_cues|source|optional|note|text, found {len(fields)}")
                continue
            _, labels_f, cues_f, source_f, optional_f, note, utext = fields
            rec_text, ok = utext, _check_record_text(utext, lineno, problem)
            labels, optional = _list(labels_f, ","), _list(optional_f, ",")
            for name, cats in (("labels", labels), ("optional", optional)):
                for c in cats:
                    if c not in CATEGORIES:
                        problem(lineno, f"unknown category {c!r} in {name}; use {', '.join(CATEGORIES)}")
                if len(set(cats)) != len(cats):
                    problem(lineno, f"a category is listed twice in {name}")
            both = _canonical([c for c in labels if c in optional])
            if both:
                problem(lineno, f"{', '.join(both)} is in both labels and optional; an optional category "
                                "counts neither way, so leave it out of labels")
            cues = _list(cues_f, ";")
            if "hedge" in labels and not cues:
                problem(lineno, "labelled hedge but no hedge cue is given")
            if cues and "hedge" not in labels and "hedge" not in optional:
                problem(lineno, "hedge cues are given but hedge is neither in labels nor optional")
            for cue in set(cues):
                if not cue:
                    problem(lineno, "an empty hedge cue (two ';' in a row?)")
                elif utext.count(cue) < cues.count(cue):
                    times = "is not in" if cue not in utext else f"occurs {utext.count(cue)} time(s) in"
                    problem(lineno, f"hedge cue {cue!r} {times} the unit's text"
                                    + (f" but is listed {cues.count(cue)} times" if cue in utext else ""))
            if not note.strip():
                problem(lineno, "a unit needs a note: the reason for its labels")
            if not ok:
                continue
            start = _place(parts, line_open)
            parts.append(rec_text)
            source = source_f.strip()
            b.units.append({"id": f"{slug}-{len(b.units) + 1:03d}", "text": rec_text, "start": start,
                            "end": start + len(rec_text), "labels": _canonical(labels), "hedge_cues": cues,
                            "source": None if source in ("", "-") else source, "note": note.strip(),
                            "optional": _canonical(optional), "_line": lineno})
        elif kind_mark == "C|":
            fields = line.split("|", 2)
            if len(fields) < 3:
                problem(lineno, "boilerplate reads C|reason|text")
                continue
            _, reason, ctext = fields
            if not reason.strip():
                problem(lineno, "boilerplate needs a reason (photo credit, sign-off, ...)")
            if not _check_record_text(ctext, lineno, problem):
                continue
            start = _place(parts, line_open)
            parts.append(ctext)
            b.boilerplate.append({"text": ctext, "start": start, "end": start + len(ctext),
                                  "reason": reason.strip()})
        else:
            problem(lineno, f"not a record: a line starts with 'U|', 'C|', '= ', '#', '--' or '---', "
                            f"found {line[:30]!r}")
            continue
        started = True
        line_open = True
        last_break = None
    if last_break is not None:
        problem(last_break, "the spec ends with a break; the text ends after its last record")
    if not b.units:
        problem(None, "no units")
    if kind == "real":
        missing = [k for k in REAL_METADATA if k not in b.metadata]
        if missing:
            problem(None, f"a real article needs metadata {', '.join(missing)} ('= key: value' lines at the top)")
    b.text = "".join(parts) + "\n"
    return b


def _check_record_text(text: str, lineno: int, problem) -> bool:
    if not text.strip():
        problem(lineno, "the text field is empty")
        return False
    if text != text.strip():
        problem(lineno, "the text starts or ends with a space; records are joined with exactly one space")
        return False
    return True


def _place(parts: list[str], line_open: bool) -> int:
    if line_open:
        parts.append(" ")
    return sum(len(p) for p in parts)


# ================================================================ checking the files

def check_files(slug: str, text: str, gold: str, boilerplate: str, where: str = "") -> list[str]:
    """Check a text and its key as they are on disk (whatever produced them).

    Offsets exact, fields in order, ids in sequence, categories known, ``labels`` and ``optional``
    disjoint, hedge labelled exactly when cues are given (unless hedge is optional), cues inside
    their unit, a note on every unit, no unit across a line break, no overlap, and every
    non-blank line covered by units or boilerplate.
    """
    where = where or slug
    problems: list[str] = []
    spans: list[tuple[int, int, str]] = []
    n_units = 0
    for fname, content, fields in ((f"{slug}.gold.jsonl", gold, GOLD_FIELDS),
                                   (f"{slug}.boilerplate.jsonl", boilerplate, BOILERPLATE_FIELDS)):
        is_gold = fields is GOLD_FIELDS
        for lineno, line in enumerate(content.splitlines(), 1):
            at = f"{where}/{fname}:{lineno}"
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{at}: not valid JSON ({exc.msg})")
                continue
            if not isinstance(rec, dict) or tuple(rec) != fields:
                got = list(rec) if isinstance(rec, dict) else type(rec).__name__
                problems.append(f"{at}: fields must be {', '.join(fields)} in that order, found {got}")
                continue
            s, e, t = rec["start"], rec["end"], rec["text"]
            if not (isinstance(s, int) and isinstance(e, int) and isinstance(t, str)) or not 0 <= s <= e <= len(text):
                problems.append(f"{at}: start/end must be offsets into {slug}.txt")
                continue
            if text[s:e] != t:
                problems.append(f"{at}: {slug}.txt[{s}:{e}] is {text[s:e][:40]!r}, not the record's text {t[:40]!r}")
            if "\n" in t:
                problems.append(f"{at}: the span runs across a line break")
            spans.append((s, e, at))
            if not is_gold:
                if not str(rec["reason"] or "").strip():
                    problems.append(f"{at}: boilerplate needs a reason")
                continue
            n_units += 1
            expected_id = f"{slug}-{n_units:03d}"
            if rec["id"] != expected_id:
                problems.append(f"{at}: id {rec['id']!r}, expected {expected_id!r}")
            labels, optional, cues = rec["labels"], rec["optional"], rec["hedge_cues"]
            if not all(isinstance(x, list) for x in (labels, optional, cues)):
                problems.append(f"{at}: labels, optional and hedge_cues must be lists")
                continue
            for c in labels + optional:
                if c not in CATEGORIES:
                    problems.append(f"{at}: unknown category {c!r}")
            if set(labels) & set(optional):
                problems.append(f"{at}: {sorted(set(labels) & set(optional))} in both labels and optional")
            if "hedge" in labels and not cues:
                problems.append(f"{at}: labelled hedge without a cue")
            if cues and "hedge" not in labels and "hedge" not in optional:
                problems.append(f"{at}: hedge cues without hedge in labels or optional")
            for cue in cues:
                if not isinstance(cue, str) or not cue or cue not in t:
                    problems.append(f"{at}: hedge cue {cue!r} is not in the unit's text")
            if not isinstance(rec["note"], str) or not rec["note"].strip():
                problems.append(f"{at}: no note")
    spans.sort()
    for (s1, e1, a1), (s2, e2, a2) in zip(spans, spans[1:]):
        if s2 < e1:
            problems.append(f"{a2}: overlaps {a1.rsplit('/', 1)[-1]}")
    covered = [False] * len(text)
    for s, e, _ in spans:
        for i in range(s, min(e, len(text))):
            covered[i] = True
    pos = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        bare = [i for i, ch in enumerate(line) if not ch.isspace() and not covered[pos + i]]
        if bare:
            problems.append(f"{where}/{slug}.txt:{lineno}: not covered by a unit or boilerplate: "
                            f"{line[bare[0]:bare[0] + 40]!r}")
        pos += len(line) + 1
    return problems


# ================================================================ one set

@dataclass
class SetReport:
    """What checking (or building) one set found."""

    bset: BenchSet
    note: str | None = None              # missing or skipped
    problems: list = field(default_factory=list)
    texts: int = 0
    units: int = 0
    boilerplate: int = 0
    labelled: dict = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    optional: dict = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    written: int = 0

    def count(self, units: list[dict], boilerplate: list) -> None:
        self.texts += 1
        self.units += len(units)
        self.boilerplate += len(boilerplate)
        for u in units:
            for c in u["labels"]:
                self.labelled[c] = self.labelled.get(c, 0) + 1
            for c in u.get("optional") or ():
                self.optional[c] = self.optional.get(c, 0) + 1

    def summary(self) -> str:
        if self.note:
            return self.note
        cats = ", ".join(f"{c} {self.labelled[c]} (+{self.optional[c]} optional)" for c in CATEGORIES)
        head = (f"{self.bset.name} [{self.bset.status}, {self.bset.kind}]: {self.texts} texts, "
                f"{self.units} units, {self.boilerplate} boilerplate; {cats}")
        if self.written:
            head += f"; {self.written} files written"
        return head + (f"; {len(self.problems)} problem(s)" if self.problems else "; ok")


def _read(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def build_set(bset: BenchSet, write: bool) -> SetReport:
    """Build (``write=True``) or check one of the kit's own sets."""
    rep = SetReport(bset)
    if bset.external:
        return check_external(bset)
    note = bset.missing_note()
    if note:
        rep.note = note
        return rep
    folder = bset.folder
    specs = sorted(folder.glob("*.spec"))
    if not specs:
        rep.problems.append(f"{bset.path}: no .spec files")
    built = []
    for spec in specs:
        where = f"{bset.path}/{spec.name}"
        try:
            source = spec.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            rep.problems.append(f"{where}: not UTF-8 (byte {exc.start})")
            continue
        b = parse_spec(source, spec.stem, where, bset.kind)
        rep.problems += b.problems
        built.append(b)
    expected = {f"{b.slug}{ext}" for b in built for ext in GENERATED} | {s.name for s in specs} | {"README.md"}
    for p in sorted(folder.iterdir()):
        if p.name not in expected:
            what = "a folder" if p.is_dir() else "a file"
            rep.problems.append(f"{bset.path}/{p.name}: {what} that is not data of this set "
                                "(a set folder holds .spec files, the files built from them and README.md)")
    if not (folder / "README.md").is_file():
        rep.problems.append(f"{bset.path}: no README.md describing the set")
    if write:
        if rep.problems:
            rep.problems.append(f"{bset.path}: nothing written, because of the problems above")
            return rep
        for b in built:
            for name, content in b.files().items():
                if _read(folder / name) != content:
                    _write_atomic(folder / name, content)
                    rep.written += 1
    for b in built:
        if b.problems:
            continue
        for name, content in b.files().items():
            on_disk = _read(folder / name)
            if on_disk is None:
                rep.problems.append(f"{bset.path}/{name}: missing; run python -m tools.benchsets build {bset.name}")
            elif on_disk != content:
                rep.problems.append(f"{bset.path}/{name}: differs from what {b.slug}.spec builds "
                                    f"({_first_difference(on_disk, content)}); run python -m tools.benchsets build {bset.name}")
        files = {n: _read(folder / n) or "" for n in b.files()}
        rep.problems += check_files(b.slug, files[f"{b.slug}.txt"], files[f"{b.slug}.gold.jsonl"],
                                    files[f"{b.slug}.boilerplate.jsonl"], bset.path)
        rep.count(b.units, b.boilerplate)
    return rep


def check_external(bset: BenchSet) -> SetReport:
    """Read an external set in place and check its keys (nothing is built or written)."""
    rep = SetReport(bset)
    note = bset.missing_note()
    if note:
        rep.note = note
        return rep
    if bset.format == "conll2010":
        rows = 0
        for lineno, line in enumerate((_read(bset.folder) or "").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                rep.problems.append(f"{bset.path}:{lineno}: not valid JSON ({exc.msg})")
                continue
            if not isinstance(rec.get("text"), str) or not isinstance(rec.get("uncertain"), bool):
                rep.problems.append(f"{bset.path}:{lineno}: needs a string 'text' and a boolean 'uncertain'")
                continue
            rows += 1
            rep.labelled["hedge"] += rec["uncertain"]
        rep.texts, rep.units = 1, rows
        return rep
    for gold in sorted(bset.folder.glob("*.gold.jsonl")):
        slug = gold.name[: -len(".gold.jsonl")]
        text = _read(gold.with_name(f"{slug}.txt"))
        if text is None:
            rep.problems.append(f"{bset.path}/{slug}.txt: missing")
            continue
        gold_s, boiler_s = _read(gold) or "", _read(gold.with_name(f"{slug}.boilerplate.jsonl")) or ""
        units = [json.loads(x) for x in gold_s.splitlines() if x.strip()]
        rep.problems += _external_problems(slug, text, units, bset.path)
        rep.count([{"labels": u.get("labels") or [], "optional": u.get("optional") or []} for u in units],
                  boiler_s.splitlines())
    return rep


def _external_problems(slug: str, text: str, units: list[dict], where: str) -> list[str]:
    """The checks that matter for scoring an external key: offsets, categories and cues."""
    out = []
    for u in units:
        at = f"{where}/{slug}.gold.jsonl, {u.get('id')}"
        s, e = u.get("start"), u.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or text[s:e] != u.get("text"):
            out.append(f"{at}: the offsets do not locate the unit's text")
        for c in (u.get("labels") or []) + (u.get("optional") or []):
            if c not in CATEGORIES:
                out.append(f"{at}: unknown category {c!r}")
        for cue in u.get("hedge_cues") or []:
            if cue not in (u.get("text") or ""):
                out.append(f"{at}: hedge cue {cue!r} is not in the unit's text")
    return out


def _first_difference(a: str, b: str) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    line = a.count("\n", 0, i) + 1
    return f"first difference on line {line}"


def _write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file, so no half-written file is left."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ================================================================ scores

def _module(*names: str):
    """The first of ``names`` that can be imported (module paths of the kit may move)."""
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
    raise ModuleNotFoundError(f"none of {', '.join(names)} can be imported")


def keyed_texts(bset: BenchSet) -> list[tuple[str, str, tuple]]:
    """``(slug, text, units)`` for every keyed text of a set, units as the kit's scorer reads them."""
    key = _module("lessons.scoring.key", "lessons.key")
    if bset.format == "conll2010":
        return [("conll", *_conll_keyed_text(bset.folder, key))]
    out = []
    for gold in sorted(bset.folder.glob("*.gold.jsonl")):
        slug = gold.name[: -len(".gold.jsonl")]
        text = _read(gold.with_name(f"{slug}.txt"))
        out.append((slug, text, key.load_gold_jsonl(gold, text)))
    return out


def _conll_keyed_text(path: Path, key) -> tuple[str, tuple]:
    """The CoNLL-2010 sentences joined by blank lines, each a unit labelled hedge when uncertain."""
    parts, units, pos = [], [], 0
    for lineno, rec in key.read_jsonl(path):
        if parts:
            pos += 2
        sentence = rec["text"]
        units.append(key.KeyUnit(id=str(rec.get("id") or lineno), text=sentence, start=pos, end=pos + len(sentence),
                                 labels=frozenset({"hedge"}) if rec["uncertain"] else frozenset(),
                                 optional=frozenset(), hedge_cues=(), cue_spans=(), source=None,
                                 source_type=None, note=""))
        parts.append(sentence)
        pos += len(sentence)
    return "\n\n".join(parts), tuple(units)


def scores(bset: BenchSet) -> dict[str, object]:
    """The annotator's sentence-level score per category on a whole set (counts pooled over texts).

    The kit's own scoring (``lessons.evaluate``): optional categories count neither way. The
    CoNLL sample is scored for hedges only, each sentence annotated on its own.
    """
    import lessons

    metrics = _module("lessons.scoring.metrics", "lessons.evaluate")
    items = keyed_texts(bset)
    if bset.format == "conll2010":
        (_, text, units), = items
        anns = [dataclasses.replace(a, start=a.start + u.start, end=a.end + u.start)
                for u in units for a in lessons.annotate(text[u.start:u.end])]
        return metrics.score_units(units, anns, ("hedge",))
    results = [metrics.evaluate(units, text, lessons.annotate) for _, text, units in items]
    return metrics.pooled(results)["annotator"]["units"]


def load_expectations(path: str | os.PathLike = EXPECTATIONS_FILE) -> dict[str, dict[str, float]]:
    """``{set: {category: minimum F1}}`` from ``benchmarks/expectations.yaml``."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    floors = data.get("minimum_f1") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise SetsError(f"{_rel(Path(path))}: needs a 'minimum_f1' mapping of set -> category -> F1")
    for name, cats in floors.items():
        if not isinstance(cats, dict) or not all(c in CATEGORIES and isinstance(v, (int, float)) and 0 <= v <= 1
                                                 for c, v in cats.items()):
            raise SetsError(f"{_rel(Path(path))}, set {name!r}: needs category: F1 between 0 and 1")
    return floors


def shortfalls(measured: dict, floors: dict[str, float]) -> list[str]:
    """One line for each category whose F1 is below its floor (a missing F1 counts as below)."""
    out = []
    for cat, floor in floors.items():
        sc = measured.get(cat)
        f1 = getattr(sc, "f1", None)
        if f1 is None or f1 < floor:
            shown = "-" if f1 is None else f"{f1:.3f}"
            out.append(f"{cat} F1 {shown} is below its expected minimum {floor}")
    return out


def suggested_floor(f1: float, margin: float = 0.03) -> float:
    """A floor a little below today's F1: ``margin`` lower, rounded down to two decimals."""
    return max(0.0, math.floor((f1 - margin) * 100 + 1e-9) / 100)


# ================================================================ command line

def _select(names: list[str]) -> list[BenchSet]:
    sets = load_sets()
    if not names:
        return sets
    by_name = {s.name: s for s in sets}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SetsError(f"no set called {', '.join(unknown)} in benchmarks/sets.yaml; "
                        f"the sets are {', '.join(by_name)}")
    return [by_name[n] for n in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.benchsets",
                                     description="Build and check the benchmark sets named in benchmarks/sets.yaml.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "write each set's .txt, .gold.jsonl and .boilerplate.jsonl from its specs"),
                       ("check", "check every set without writing anything"),
                       ("list", "list the sets with their status"),
                       ("scores", "print the annotator's F1 per set and category beside its expectation")):
        p = sub.add_parser(name, help=text)
        p.add_argument("sets", nargs="*", metavar="SET", help="set names (default: all)")
    args = parser.parse_args(argv)
    try:
        chosen = _select(args.sets)
        if args.command == "list":
            for s in chosen:
                print(f"{s.name:<16} {s.status:<12} {s.kind:<9} {s.path}\n{'':<16} {s.description}")
            return 0
        if args.command == "scores":
            return _print_scores(chosen)
        bad = 0
        for s in chosen:
            rep = build_set(s, write=args.command == "build")
            for p in rep.problems:
                print(f"  {p}")
            print(rep.summary())
            bad += bool(rep.problems)
        return 1 if bad else 0
    except SetsError as exc:
        print(f"Sorry: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _print_scores(chosen: list[BenchSet]) -> int:
    floors = load_expectations()
    for s in chosen:
        note = s.missing_note()
        if note:
            print(note)
            continue
        for cat, sc in scores(s).items():
            floor = floors.get(s.name, {}).get(cat)
            f1 = "-" if sc.f1 is None else f"{sc.f1:.3f}"
            print(f"{s.name:<16} {cat:<11} F1 {f1:>5}  expected >= {floor if floor is not None else '-'}"
                  f"  (suggested floor {suggested_floor(sc.f1) if sc.f1 is not None else '-'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
