"""One spec: ``benchmarks/<set>/<slug>.spec`` parsed and built, in memory, into its three files."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from .sets import CATEGORIES

REAL_METADATA = ("title", "outlet", "date", "source", "licence")
"""Metadata every spec of a real (not invented) set must give."""

GOLD_FIELDS = ("id", "text", "start", "end", "labels", "hedge_cues", "source", "note", "optional")
BOILERPLATE_FIELDS = ("text", "start", "end", "reason")
GENERATED = (".txt", ".gold.jsonl", ".boilerplate.jsonl")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
META = re.compile(r"=\s*([a-z][a-z_]*)\s*:\s*(.*)\Z")


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

    if source.startswith("\ufeff"):
        problem(1, "the file starts with a byte-order mark; save it as UTF-8 without one")
        source = source[1:]
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
