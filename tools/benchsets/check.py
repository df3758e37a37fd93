"""Checking a set: its files as on disk, byte for byte against a rebuild, and building it."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .sets import CATEGORIES, BenchSet
from .spec import BOILERPLATE_FIELDS, GENERATED, GOLD_FIELDS, parse_spec


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
    expected = {f"{b.slug}{ext}" for b in built for ext in GENERATED} | {s.name for s in specs} | {"README.md", "SOURCES.md"}
    for p in sorted(folder.iterdir()):
        if p.name not in expected:
            what = "a folder" if p.is_dir() else "a file"
            rep.problems.append(f"{bset.path}/{p.name}: {what} that is not data of this set "
                                "(a set folder holds .spec files, the files built from them, README.md and, for real texts, SOURCES.md)")
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
