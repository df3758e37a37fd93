"""Lateral reading (lesson 05): the lesson's data, read and checked.

The source cards, the outside coverage, the claim traces and the prompts live in
``data/lateral/*.yaml`` (described in the README there); this module loads them into plain data
classes and names the file and entry of anything it cannot use.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..data import data_path
from ..errors import KitError

LESSON = "lesson-lateral"
"""The key under which this lesson's answers are saved in the progress file."""
DATA_DIR = data_path("lateral")
CHOOSE = ""
"""The value of a menu's "choose" entry (nothing chosen yet)."""


class LateralDataError(KitError):
    """A lesson data file that cannot be used; the message names the file and the entry."""


# --- reading the data -------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class SourceCard:
    id: str
    name: str
    kind: str
    runs: str
    pays: str
    record: str
    in_this_story: str
    check: tuple
    from_: str
    link: Link
    question: object          # a quizzes.Question of type "choice"


@dataclass(frozen=True)
class Report:
    id: str
    outlet: str
    outlet_card: str | None
    date: str
    date_label: str
    toll: str
    cause: str
    note: str
    link: Link


@dataclass(frozen=True)
class Column:
    id: str
    label: str


@dataclass(frozen=True)
class Row:
    id: str
    subject: str
    values: Mapping            # column id -> the right value
    reported_by: tuple         # report ids
    note: str


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    intro: str
    subject: str
    columns: tuple
    rows: tuple
    options: Mapping           # column id -> tuple of (label, value), in the order shown

    def row(self, row_id: str) -> Row:
        for r in self.rows:
            if r.id == row_id:
                return r
        raise KeyError(row_id)

    def label(self, column: str, value: str) -> str:
        for text, v in self.options.get(column, ()):
            if v == value:
                return text
        return value


@dataclass(frozen=True)
class Coverage:
    sides: Mapping             # side id -> label
    reports: tuple
    tables: Mapping            # table id -> Table

    def report(self, report_id: str) -> Report:
        for r in self.reports:
            if r.id == report_id:
                return r
        raise KeyError(report_id)


@dataclass(frozen=True)
class Step:
    question: object           # a quizzes.Question of type "choice"
    found_where: str
    found_text: str
    found_date: str


@dataclass(frozen=True)
class Trace:
    id: str
    title: str
    start_where: str
    start_quote: str
    steps: tuple
    origin_who: str
    origin_where: str
    origin_date: str
    lesson: str


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    text: str                  # the reply (reactions) or what the level means (sureness)


@dataclass(frozen=True)
class Prompts:
    stop_prompt: str
    stop_note_label: str
    reactions: tuple
    claim: Mapping             # the claim form's words (labels, placeholders, intro)
    sureness: tuple
    vague_sources: frozenset
    max_chars: int


def _read_yaml(name: str, folder: Path | None = None):
    import yaml
    path = Path(folder or DATA_DIR) / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LateralDataError(f"{name}: the file is missing from lessons/data/lateral.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LateralDataError(f"{name}: the file cannot be read ({exc}).") from None
    except yaml.YAMLError as exc:
        raise LateralDataError(f"{name}: the YAML cannot be read ({exc}).") from None


def _text(raw: Mapping, key: str, where: str, required: bool = True) -> str:
    value = raw.get(key) if isinstance(raw, Mapping) else None
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise LateralDataError(f"{where}: '{key}' must be some text.")
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise LateralDataError(f"{where}: '{key}' must be some text.")
    return " ".join(str(value).split())


def _mapping(raw, where: str) -> Mapping:
    if not isinstance(raw, Mapping):
        raise LateralDataError(f"{where}: must be a mapping of fields.")
    return raw


def _list(raw, where: str, minimum: int = 1) -> list:
    if not isinstance(raw, list) or len(raw) < minimum:
        raise LateralDataError(f"{where}: must be a list of at least {minimum}.")
    return raw


def _link(raw, where: str) -> Link:
    raw = _mapping(raw, f"{where}, link")
    url = _text(raw, "url", f"{where}, link")
    if not re.fullmatch(r"https://[^\s\"'<>]+", url):
        raise LateralDataError(f"{where}, link: the address must start with https:// and have no spaces.")
    return Link(_text(raw, "label", f"{where}, link"), url)


def _question(raw, where: str, qid: str):
    from ..learner.quizzes import Question
    raw = _mapping(raw, f"{where}, question")
    where = f"{where}, question"
    options = tuple(" ".join(str(o).split()) for o in _list(raw.get("options"), f"{where}, options", 2))
    if len(set(options)) != len(options):
        raise LateralDataError(f"{where}: two options are the same.")
    answer = _text(raw, "answer", where)
    if answer not in options:
        raise LateralDataError(f"{where}: the answer {answer!r} is not one of the options.")
    feedback = raw.get("feedback") or {}
    if not isinstance(feedback, Mapping):
        raise LateralDataError(f"{where}: 'feedback' must map an option to a message.")
    feedback = {" ".join(str(k).split()): " ".join(str(v).split()) for k, v in feedback.items()}
    wrong = set(feedback) - (set(options) - {answer})
    if wrong:
        raise LateralDataError(f"{where}: feedback for {sorted(wrong)}, which are not wrong options.")
    return Question(qid, "choice", _text(raw, "prompt", where), _text(raw, "hint", where, required=False),
                    _text(raw, "explanation", where), answer, options=options, feedback=feedback)


def _unique(items, what: str, where: str) -> None:
    ids = [i.id for i in items]
    doubled = sorted({i for i in ids if ids.count(i) > 1})
    if doubled:
        raise LateralDataError(f"{where}: the {what} id {doubled[0]!r} is used twice.")


def parse_sources(data) -> tuple:
    """The source cards from the parsed ``sources.yaml``."""
    cards = []
    for n, raw in enumerate(_list(_mapping(data, "sources.yaml").get("cards"), "sources.yaml, cards"), 1):
        where = f"sources.yaml, card {n}"
        raw = _mapping(raw, where)
        cid = _text(raw, "id", where)
        where = f"sources.yaml, card {cid!r}"
        check = tuple(" ".join(str(c).split()) for c in _list(raw.get("check"), f"{where}, check"))
        cards.append(SourceCard(
            cid, _text(raw, "name", where), _text(raw, "kind", where), _text(raw, "runs", where),
            _text(raw, "pays", where), _text(raw, "record", where),
            _text(raw, "in_this_story", where, required=False), check, _text(raw, "from", where),
            _link(raw.get("link"), where), _question(raw.get("question"), where, cid)))
    _unique(cards, "card", "sources.yaml")
    return tuple(cards)


def parse_coverage(data) -> Coverage:
    """The reports and the activities' tables from the parsed ``coverage.yaml``."""
    data = _mapping(data, "coverage.yaml")
    sides = {}
    for raw in _list(data.get("sides"), "coverage.yaml, sides"):
        sides[_text(raw, "id", "coverage.yaml, sides")] = _text(raw, "label", "coverage.yaml, sides")
    reports = []
    for n, raw in enumerate(_list(data.get("reports"), "coverage.yaml, reports"), 1):
        where = f"coverage.yaml, report {n}"
        raw = _mapping(raw, where)
        rid = _text(raw, "id", where)
        where = f"coverage.yaml, report {rid!r}"
        reports.append(Report(rid, _text(raw, "outlet", where), _text(raw, "outlet_card", where, False) or None,
                              _text(raw, "date", where), _text(raw, "date_label", where),
                              _text(raw, "toll", where), _text(raw, "cause", where),
                              _text(raw, "note", where, required=False), _link(raw.get("link"), where)))
    _unique(reports, "report", "coverage.yaml")
    report_ids = {r.id for r in reports}
    tables = {}
    raw_tables = _mapping(data.get("tables"), "coverage.yaml, tables")
    for tid, raw in raw_tables.items():
        where = f"coverage.yaml, table {tid!r}"
        raw = _mapping(raw, where)
        columns = tuple(Column(_text(c, "id", where), _text(c, "label", where))
                        for c in _list(raw.get("columns"), f"{where}, columns"))
        rows = []
        for m, rraw in enumerate(_list(raw.get("rows"), f"{where}, rows", 2), 1):
            rwhere = f"{where}, row {m}"
            rraw = _mapping(rraw, rwhere)
            values = {c.id: _text(rraw, c.id, rwhere) for c in columns}
            if "side" in values and values["side"] not in sides:
                raise LateralDataError(f"{rwhere}: the side {values['side']!r} is not one of {sorted(sides)}.")
            reported = tuple(str(r) for r in _list(rraw.get("reported_by"), f"{rwhere}, reported_by"))
            unknown = [r for r in reported if r not in report_ids]
            if unknown:
                raise LateralDataError(f"{rwhere}: reported_by names {unknown[0]!r}, which is not a report.")
            rows.append(Row(_text(rraw, "id", rwhere), _text(rraw, "subject", rwhere), values, reported,
                            _text(rraw, "note", rwhere, required=False)))
        _unique(rows, "row", where)
        options = {}
        for c in columns:
            if c.id == "side":
                options[c.id] = tuple((label, sid) for sid, label in sides.items())
            else:   # sorted, so that the menu's order gives nothing away
                values = sorted({r.values[c.id] for r in rows}, key=str.lower)
                options[c.id] = tuple((v, v) for v in values)
        tables[str(tid)] = Table(str(tid), _text(raw, "title", where), _text(raw, "intro", where),
                                 _text(raw, "subject", where), columns, tuple(rows), options)
    return Coverage(sides, tuple(reports), tables)


def parse_traces(data) -> tuple:
    """The claim chains from the parsed ``traces.yaml``."""
    traces = []
    for n, raw in enumerate(_list(_mapping(data, "traces.yaml").get("traces"), "traces.yaml, traces"), 1):
        where = f"traces.yaml, trace {n}"
        raw = _mapping(raw, where)
        tid = _text(raw, "id", where)
        where = f"traces.yaml, trace {tid!r}"
        start = _mapping(raw.get("start"), f"{where}, start")
        origin = _mapping(raw.get("origin"), f"{where}, origin")
        steps = []
        for m, sraw in enumerate(_list(raw.get("steps"), f"{where}, steps"), 1):
            swhere = f"{where}, step {m}"
            sraw = _mapping(sraw, swhere)
            found = _mapping(sraw.get("found"), f"{swhere}, found")
            steps.append(Step(_question(sraw.get("question"), swhere, f"{tid}-{m}"),
                              _text(found, "where", f"{swhere}, found"), _text(found, "text", f"{swhere}, found"),
                              _text(found, "date", f"{swhere}, found", required=False)))
        traces.append(Trace(tid, _text(raw, "title", where), _text(start, "where", f"{where}, start"),
                            _text(start, "quote", f"{where}, start"), tuple(steps),
                            _text(origin, "who", f"{where}, origin"), _text(origin, "where", f"{where}, origin"),
                            _text(origin, "date", f"{where}, origin"), _text(raw, "lesson", where)))
    _unique(traces, "trace", "traces.yaml")
    return tuple(traces)


def _choices(raw, where: str, text_key: str) -> tuple:
    out = tuple(Choice(_text(c, "id", where), _text(c, "label", where), _text(c, text_key, where))
                for c in _list(raw, where, 2))
    _unique(out, "choice", where)
    return out


def parse_prompts(data) -> Prompts:
    """The Stop check-in's and the claim form's words from the parsed ``prompts.yaml``."""
    data = _mapping(data, "prompts.yaml")
    stop = _mapping(data.get("stop"), "prompts.yaml, stop")
    claim = _mapping(data.get("claim"), "prompts.yaml, claim")
    words = {k: _text(claim, k, "prompts.yaml, claim") for k in (
        "intro", "claim_label", "claim_placeholder", "source_label", "source_placeholder",
        "when_label", "when_placeholder", "sure_label")}
    max_chars = claim.get("max_chars", 600)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 50:
        raise LateralDataError("prompts.yaml, claim: 'max_chars' must be a whole number of at least 50.")
    vague = frozenset(_normal(str(v)) for v in (claim.get("vague_sources") or []))
    return Prompts(_text(stop, "prompt", "prompts.yaml, stop"), _text(stop, "note_label", "prompts.yaml, stop"),
                   _choices(stop.get("reactions"), "prompts.yaml, stop, reactions", "reply"),
                   words, _choices(claim.get("sureness"), "prompts.yaml, claim, sureness", "means"),
                   vague, max_chars)


_CACHE: dict = {}


def _load(name: str, parse, folder: Path | None = None):
    path = Path(folder or DATA_DIR) / name
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (str(path), stamp)
    if key not in _CACHE:
        _CACHE[key] = parse(_read_yaml(name, folder))
    return _CACHE[key]


def load_sources(folder: Path | None = None) -> tuple:
    """The source cards (``data/lateral/sources.yaml``), re-read when the file changes."""
    return _load("sources.yaml", parse_sources, folder)


def load_coverage(folder: Path | None = None) -> Coverage:
    """The outside reports and the tables (``data/lateral/coverage.yaml``)."""
    return _load("coverage.yaml", parse_coverage, folder)


def load_traces(folder: Path | None = None) -> tuple:
    """The claim chains (``data/lateral/traces.yaml``)."""
    return _load("traces.yaml", parse_traces, folder)


def load_prompts(folder: Path | None = None) -> Prompts:
    """The Stop check-in's and the claim form's words (``data/lateral/prompts.yaml``)."""
    return _load("prompts.yaml", parse_prompts, folder)


def find_trace(trace_id: str, traces=None) -> Trace:
    """The trace with this id; a ``LateralDataError`` naming the ones there are otherwise."""
    traces = load_traces() if traces is None else traces
    for t in traces:
        if t.id == trace_id:
            return t
    known = ", ".join(f"“{t.id}”" for t in traces)
    raise LateralDataError(f"There is no claim to trace called “{trace_id}”. Try one of: {known}.")


def find_table(table_id: str, coverage: Coverage | None = None) -> Table:
    coverage = load_coverage() if coverage is None else coverage
    if table_id in coverage.tables:
        return coverage.tables[table_id]
    known = ", ".join(f"“{t}”" for t in coverage.tables)
    raise LateralDataError(f"There is no table called “{table_id}”. Try one of: {known}.")

def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())

