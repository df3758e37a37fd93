"""Lateral reading (lesson 05): the four SIFT moves as activities a learner does, offline.

SIFT (Stop; Investigate the source; Find better coverage; Trace claims to their origin) is
practised with five views, each thin over the pure functions here:

* :func:`lateral_stop`: the learner notes a first reaction to the headline (saved);
* :func:`source_cards`: cards on who is behind each source, each ending with a question;
* :func:`coverage_reports` and :func:`coverage_table`: what other outlets reported, and a
  table the learner completes with menus (who said each figure, their side, when);
* :func:`trace_claim`: step back from the report's words to the original statement;
* :func:`sourced_claim`: the learner writes one claim with its source and how sure it is.

Every word lives in ``data/lateral/*.yaml`` (described in the README there); this module only
loads, checks and shows it. Answers are saved under the lesson id ``lesson-lateral`` in the
progress file. Every piece of outside or learner text is HTML-escaped before it is shown.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

from .data import data_path

LESSON = "lesson-lateral"
"""The key under which this lesson's answers are saved in the progress file."""
DATA_DIR = data_path("lateral")
CHOOSE = ""
"""The value of a menu's "choose" entry (nothing chosen yet)."""


class LateralDataError(ValueError):
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
    from .quizzes import Question
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


# --- checking answers (pure) ------------------------------------------------------------------

def check_card(card: SourceCard, answer):
    """Feedback (``quizzes.Feedback``) on the answer to a card's "Who is behind this?" question."""
    from .quizzes import check_answer
    return check_answer(card.question, answer)


def check_trace_step(trace: Trace, index: int, answer):
    """Feedback on the answer to step ``index`` (0-based) of a trace."""
    from .quizzes import check_answer
    if not 0 <= index < len(trace.steps):
        raise IndexError(f"the trace “{trace.id}” has {len(trace.steps)} steps")
    return check_answer(trace.steps[index].question, answer)


@dataclass(frozen=True)
class RowCheck:
    """One row of a table checked: whether every menu is filled and right, and what to look at."""

    row_id: str
    filled: bool
    correct: bool
    wrong: tuple               # column ids with a wrong (filled) answer
    message: str


@dataclass(frozen=True)
class TableCheck:
    table_id: str
    rows: tuple

    @property
    def correct_count(self) -> int:
        return sum(1 for r in self.rows if r.correct)

    @property
    def all_correct(self) -> bool:
        return all(r.correct for r in self.rows)

    def row(self, row_id: str) -> RowCheck:
        for r in self.rows:
            if r.row_id == row_id:
                return r
        raise KeyError(row_id)


def reported_by_text(row: Row, coverage: Coverage) -> str:
    """ "AP, as carried by wiscnews.com (Mon 2 Jan 2023); newsgram.com (Tue 3 Jan 2023)"."""
    parts = []
    for rid in row.reported_by:
        r = coverage.report(rid)
        parts.append(f"{r.outlet}, {r.date_label}")
    return "; ".join(parts)


def check_row(table: Table, row: Row, answers: Mapping, coverage: Coverage) -> RowCheck:
    """Check the learner's menus for one row. The message always names who said the figure
    once the row is right, and never calls any figure the real one."""
    answers = answers if isinstance(answers, Mapping) else {}
    given = {c.id: str(answers.get(c.id) or CHOOSE) for c in table.columns}
    empty = [c for c in table.columns if given[c.id] == CHOOSE]
    wrong = tuple(c.id for c in table.columns if given[c.id] != CHOOSE and given[c.id] != row.values[c.id])
    said_by = row.values.get("said_by", "")
    if not empty and not wrong:
        when = f", {row.values['when']}" if "when" in row.values else ""
        side = f" Side: {table.label('side', row.values['side'])}." if "side" in row.values else ""
        message = (f"{said_by} said it{when}.{side} Reported by: {reported_by_text(row, coverage)}."
                   + (f" {row.note}" if row.note else ""))
        return RowCheck(row.id, True, True, (), message)
    hints = []
    if "said_by" in wrong:
        hints.append(f"Who said it: find “{row.subject}” in the reports above. Whose figure or "
                     "explanation does the report say it is?")
    elif "side" in wrong:
        hints.append(f"Their side: which side is {said_by} on? The source cards can help.")
    if "when" in wrong:
        hints.append("When: look for the day the report says it was said, not the day the report "
                     "came out.")
    if empty:
        hints.append("Choose an answer in every menu: " + ", ".join(c.label for c in empty) + ".")
    labels = [c.label for c in table.columns if c.id in wrong]
    head = f"Not yet: look again at {', '.join(labels)}. " if labels else ""
    return RowCheck(row.id, not empty, False, wrong, head + " ".join(hints))


def check_table(table: Table, answers: Mapping, coverage: Coverage | None = None) -> TableCheck:
    """Check a whole table: ``answers`` maps row id to {column id: chosen value}."""
    coverage = load_coverage() if coverage is None else coverage
    answers = answers if isinstance(answers, Mapping) else {}
    return TableCheck(table.id, tuple(check_row(table, r, answers.get(r.id) or {}, coverage)
                                      for r in table.rows))


# --- the Stop check-in and the sourced claim (pure) ----------------------------------------------

def _clean(text) -> str:
    """Learner text as it can be saved: a string, no lone surrogates, spaces tidied at the ends."""
    if text is None:
        return ""
    text = str(text).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.strip()


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def stop_record(reaction: str | None, note: str | None, prompts: Prompts | None = None) -> dict:
    """The Stop answer as saved; ``ValueError`` with a kind message when there is nothing to save."""
    prompts = load_prompts() if prompts is None else prompts
    ids = {r.id for r in prompts.reactions}
    reaction = reaction or None
    if reaction is not None and reaction not in ids:
        raise ValueError("Choose one of the reactions in the list.")
    note = _clean(note)[:prompts.max_chars]
    if reaction is None and not note:
        raise ValueError("Choose a reaction, or write a few words, then press Save.")
    return {"reaction": reaction, "note": note, "saved": _now()}


def reaction_reply(reaction: str | None, prompts: Prompts | None = None) -> str:
    prompts = load_prompts() if prompts is None else prompts
    for r in prompts.reactions:
        if r.id == reaction:
            return r.text
    return "Noticing your first reaction is the first move. Keep it in mind as you read on."


@dataclass(frozen=True)
class ClaimCheck:
    """The sourced claim as checked: ``problems`` must be fixed before saving; ``tips`` need not."""

    problems: tuple
    tips: tuple

    @property
    def ok(self) -> bool:
        return not self.problems


def check_claim(claim, source, when, sureness, prompts: Prompts | None = None) -> ClaimCheck:
    """Is the sourced claim complete? Kind messages for what is missing, and tips."""
    prompts = load_prompts() if prompts is None else prompts
    claim, source, when = _clean(claim), _clean(source), _clean(when)
    problems, tips = [], []
    if not claim:
        problems.append("Write the claim: what was said, in one sentence.")
    if not source:
        problems.append("Say who made the claim, and where you read it.")
    elif _normal(source) in prompts.vague_sources:
        problems.append(f"“{source}” says where you saw it, not who said it. Name the person or "
                        "organisation that made the claim, and the outlet that reported it.")
    for label, value in (("claim", claim), ("source", source), ("date", when)):
        if len(value) > prompts.max_chars:
            problems.append(f"The {label} is longer than {prompts.max_chars} characters. Keep it to "
                            "one or two sentences.")
    if sureness not in {s.id for s in prompts.sureness}:
        problems.append("Choose how sure anyone can be about it.")
    if not when:
        tips.append("Add when it was said, if you know: a figure can change from one day to the next.")
    return ClaimCheck(tuple(problems), tuple(tips))


def claim_record(claim, source, when, sureness, prompts: Prompts | None = None) -> dict:
    """The sourced claim as saved in the progress file; ``ValueError`` when it is not complete."""
    prompts = load_prompts() if prompts is None else prompts
    checked = check_claim(claim, source, when, sureness, prompts)
    if not checked.ok:
        raise ValueError(" ".join(checked.problems))
    label = next(s.label for s in prompts.sureness if s.id == sureness)
    return {"claim": _clean(claim), "source": _clean(source), "when": _clean(when),
            "sureness": sureness, "sureness_label": label, "saved": _now()}


def save_claim(progress, record: dict) -> None:
    """Save a sourced claim (from :func:`claim_record`) in the progress file."""
    progress.set(LESSON, "sourced_claim", record)


def claim_sentence(record: Mapping) -> str:
    """The saved claim in one line: "claim" (source, when). How sure: label."""
    when = f", {record['when']}" if record.get("when") else ""
    return (f"“{record.get('claim', '')}” ({record.get('source', '')}{when}). "
            f"How sure: {record.get('sureness_label', record.get('sureness', ''))}.")


# --- HTML (escaped) -----------------------------------------------------------------------------

def _e(text) -> str:
    import html
    return html.escape(str(text), quote=True)


def link_html(link: Link) -> str:
    """An outside link, opened in a new tab; it works only when a network is available."""
    return (f'<a href="{_e(link.url)}" target="_blank" rel="noopener noreferrer">{_e(link.label)}</a>'
            ' <span style="color:#595959">(online only)</span>')


def card_html(card: SourceCard, number: int | None = None, total: int | None = None) -> str:
    """One source card: who runs it, who pays, its record, how to check, where the facts come from."""
    rows = [("What it is", card.kind), ("Who runs it", card.runs), ("Who pays", card.pays),
            ("Track record", card.record)]
    if card.in_this_story:
        rows.append(("In this story", card.in_this_story))
    items = "".join(f"<dt style='font-weight:bold;margin-top:.35em'>{_e(k)}</dt>"
                    f"<dd style='margin-left:1em'>{_e(v)}</dd>" for k, v in rows)
    steps = "".join(f"<li>{_e(s)}</li>" for s in card.check)
    where = f"<p style='margin:.2em 0;color:#595959'>Card {number} of {total}</p>" if number else ""
    return (f"<div class='mlk-card' style='border:1px solid #767676;border-radius:6px;padding:.4em 1em .6em;"
            f"margin:.3em 0;max-width:48em;color:#1a1a1a;background:#fff'>{where}"
            f"<h3 style='margin:.2em 0'>{_e(card.name)}</h3><dl style='margin:.2em 0'>{items}</dl>"
            f"<p style='margin:.4em 0 .1em'><b>How to check</b></p><ol style='margin:.1em 0'>{steps}</ol>"
            f"<p style='margin:.4em 0 .1em;font-size:90%'><b>Where these facts come from:</b> "
            f"{_e(card.from_)}</p><p style='margin:.1em 0;font-size:90%'>{link_html(card.link)}</p></div>")


def coverage_reports_html(coverage: Coverage) -> str:
    """What each outlet reported about the toll and the cause, with dates and links."""
    head = ("<p><b>From outside the NBC article</b> (except NBC's own row). Each line names the "
            "outlet that reported it, and when. None of these figures was independently verified by "
            "the outlets that carried them.</p>")
    th = "style='border:1px solid #767676;padding:.3em .5em;text-align:left;vertical-align:top;background:#f2f2f2'"
    td = "style='border:1px solid #767676;padding:.3em .5em;text-align:left;vertical-align:top'"
    rows = []
    for r in coverage.reports:
        note = f"<br><i>{_e(r.note)}</i>" if r.note else ""
        rows.append(f"<tr><th scope='row' {th}>{_e(r.outlet)}<br>{link_html(r.link)}</th>"
                    f"<td {td}>{_e(r.date_label)}</td><td {td}>{_e(r.toll)}</td>"
                    f"<td {td}>{_e(r.cause)}{note}</td></tr>")
    return (head + f"<table class='mlk-coverage' style='border-collapse:collapse;color:#1a1a1a;background:#fff;"
            f"max-width:60em'><caption style='text-align:left;font-weight:bold'>What other outlets "
            f"reported</caption><thead><tr><th scope='col' {th}>Outlet</th><th scope='col' {th}>When</th>"
            f"<th scope='col' {th}>The death toll</th><th scope='col' {th}>The cause, and notes</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def coverage_reports_text(coverage: Coverage) -> str:
    lines = ["What other outlets reported (from outside the NBC article, except NBC's own row):"]
    for r in coverage.reports:
        lines.append(f"- {r.outlet}, {r.date_label}: {r.toll} Cause: {r.cause} ({r.link.url})")
    return "\n".join(lines)


def chain_html(trace: Trace, steps_done: int) -> str:
    """The chain so far: the report's words, each step found, and (when done) the origin."""
    items = [f"<li><b>{_e(trace.start_where)}:</b> “{_e(trace.start_quote)}”</li>"]
    for step in trace.steps[:steps_done]:
        date = f" <span style='color:#595959'>({_e(step.found_date)})</span>" if step.found_date else ""
        items.append(f"<li><b>{_e(step.found_where)}:</b> {_e(step.found_text)}{date}</li>")
    out = (f"<ol class='mlk-chain' style='margin:.3em 0;max-width:48em;color:#1a1a1a'>{''.join(items)}</ol>")
    if steps_done >= len(trace.steps):
        out += (f"<div class='mlk-origin' style='border-left:5px solid #007a5a;background:#e9f6f1;"
                f"color:#1a1a1a;padding:.4em .9em;margin:.4em 0;max-width:48em;border-radius:4px'>"
                f"<b>The origin</b><br>Who: {_e(trace.origin_who)}<br>Where: {_e(trace.origin_where)}"
                f"<br>When: {_e(trace.origin_date)}<p style='margin:.3em 0 0'>{_e(trace.lesson)}</p></div>")
    return out


# --- views (ipywidgets is imported only here) ------------------------------------------------------

def _w():
    from . import widgets
    return widgets


def _progress():
    from .progress import current_progress
    return current_progress()


def _saved(progress, key: str, default):
    if progress is None:
        return default
    try:
        value = progress.get(LESSON, key, default)
    except Exception:
        return default
    return value if isinstance(value, type(default)) else default


def _save(progress, key: str, value, message_widget, what: str) -> bool:
    """Save ``value``; on any failure show a kind message (never a traceback) and return False."""
    if progress is None:
        return True
    try:
        progress.set(LESSON, key, value)
    except Exception as exc:   # a full disk, a read-only folder, anything: the learner keeps working
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        message_widget.value = _w().note_html(
            "warn", f"{what} could not be saved just now.",
            f"Nothing you typed is lost: it is still here. Copy it somewhere safe, then press the "
            f"button again in a moment. (What happened: {why}.)")
        return False
    return True


def _choose(options) -> list:
    return [("— choose —", CHOOSE)] + list(options)


class _View:
    """A notebook view: ``.widget`` is the ipywidgets box shown; the view displays as it."""

    widget = None

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class MessageView(_View):
    """A view that only shows a message (e.g. for an unknown table or trace name)."""

    def __init__(self, html_text: str):
        W = _w()._ipw()
        self.html = W.HTML(html_text)
        self.widget = W.VBox([self.html])


class StopView(_View):
    """Stop: the headline, and the learner's first reaction to it (saved)."""

    KEY = "stop"

    def __init__(self, headline: str, prompts: Prompts, progress=None):
        w = _w()
        W = w._ipw()
        self.prompts, self.progress = prompts, progress
        saved = _saved(progress, self.KEY, {})
        self.headline = W.HTML(
            "<p style='margin:.2em 0'><b>The headline</b></p>"
            "<blockquote style='font-family:Georgia,serif;font-size:1.3rem;font-weight:bold;color:#1a1a1a;"
            "background:#fff;border-left:4px solid #595959;margin:.3em 0;padding:.3em .8em;max-width:40em'>"
            f"{_e(headline)}</blockquote><p style='margin:.3em 0'>{_e(prompts.stop_prompt)}</p>")
        options = [(r.label, r.id) for r in prompts.reactions]
        chosen = saved.get("reaction") if saved.get("reaction") in {r.id for r in prompts.reactions} else None
        self.reaction = W.RadioButtons(options=options, value=chosen, description="My reaction",
                                       style=w._label_style(), layout=W.Layout(width="auto"))
        self.note = W.Textarea(value=str(saved.get("note") or ""), description=prompts.stop_note_label,
                               placeholder="Type a few words…", style=w._label_style(),
                               layout=W.Layout(width="100%", max_width="46em", height="4em"))
        self.save_button = W.Button(description="Save my reaction", button_style="primary")
        self.message = W.HTML()
        self.save_button.on_click(lambda _b: self.save())
        self.widget = W.VBox([self.headline, self.reaction, self.note, self.save_button, self.message])
        self.widget.add_class("mlk-lateral-stop")
        if saved:
            self.message.value = w.note_html("info", "Saved earlier.", reaction_reply(chosen, prompts))

    def save(self) -> bool:
        w = _w()
        try:
            record = stop_record(self.reaction.value, self.note.value, self.prompts)
        except ValueError as exc:
            self.message.value = w.note_html("info", str(exc))
            return False
        if not _save(self.progress, self.KEY, record, self.message, "Your reaction"):
            return False
        self.message.value = w.note_html("ok", "Saved. Now: notice it, and read on.",
                                         reaction_reply(record["reaction"], self.prompts))
        return True


class SourceCardsView(_View):
    """Investigate the source: open the cards one by one; each ends with "Who is behind this?"."""

    KEY = "source_cards"

    def __init__(self, cards, progress=None):
        w = _w()
        W = w._ipw()
        self.cards, self.progress = tuple(cards), progress
        self.answers = {k: v for k, v in _saved(progress, self.KEY, {}).items()
                        if isinstance(v, dict) and k in {c.id for c in self.cards}}
        self.menu = W.Dropdown(description="Open a card", style=w._label_style(),
                               layout=W.Layout(width="auto", min_width="24em"))
        self.next_button = W.Button(description="Next card ▶", tooltip="Open the next card")
        self.card = W.HTML()
        self.question = W.HTML()
        self.choice = W.RadioButtons(options=[], value=None, description="Your answer",
                                     style=w._label_style(), layout=W.Layout(width="auto"))
        self.check_button = W.Button(description="Check", button_style="primary")
        self.feedback = W.HTML()
        self.status = W.HTML()
        self._updating = False
        self.menu.observe(lambda _c: self._show(), "value")
        self.next_button.on_click(lambda _b: self.step(+1))
        self.check_button.on_click(lambda _b: self.check())
        self.widget = W.VBox([W.HBox([self.menu, self.next_button], layout=W.Layout(flex_flow="row wrap")),
                              self.card, self.question, self.choice, self.check_button, self.feedback,
                              self.status])
        self.widget.add_class("mlk-source-cards")
        self._refresh_menu(0)
        self._show()

    def _refresh_menu(self, index: int) -> None:
        self._updating = True
        try:
            self.menu.options = [(f"{'✓ ' if self.answers.get(c.id, {}).get('correct') else ''}{n}. {c.name}", n - 1)
                                 for n, c in enumerate(self.cards, 1)]
            self.menu.value = index
        finally:
            self._updating = False

    @property
    def current(self) -> SourceCard:
        return self.cards[self.menu.value or 0]

    def open(self, card_id: str) -> None:
        """Open a card by its id."""
        self.menu.value = [c.id for c in self.cards].index(card_id)

    def step(self, delta: int) -> None:
        self.menu.value = (self.menu.value + delta) % len(self.cards)

    def _show(self) -> None:
        if self._updating:
            return
        w = _w()
        card = self.current
        n = self.menu.value + 1
        self.card.value = card_html(card, n, len(self.cards))
        self.question.value = f"<p style='margin:.4em 0 .2em'><b>✎ {_e(card.question.prompt)}</b></p>"
        saved = self.answers.get(card.id, {})
        self.choice.options = list(card.question.options)
        self.choice.value = saved.get("answer") if saved.get("answer") in card.question.options else None
        self.feedback.value = ""
        if self.choice.value is not None:
            result = check_card(card, self.choice.value)
            self.feedback.value = w.note_html("ok" if result.correct else "info",
                                              "Right!" if result.correct else "Not yet.", result.message)
        self._status()

    def _status(self) -> None:
        done = sum(1 for c in self.cards if self.answers.get(c.id, {}).get("correct"))
        all_done = " All done: you investigated every source." if done == len(self.cards) else ""
        self.status.value = (f"<p role='status' style='margin:.3em 0'>Cards answered right: {done} of "
                             f"{len(self.cards)}.{_e(all_done)}</p>")

    def check(self, answer: str | None = None):
        """Check the open card's answer (or ``answer``), show why, and save it."""
        w = _w()
        card = self.current
        if answer is not None:
            self.choice.value = answer
        result = check_card(card, self.choice.value)
        empty = self.choice.value is None
        self.feedback.value = w.note_html("ok" if result.correct else "info",
                                          "Right!" if result.correct else ("Hmm." if empty else "Not yet."),
                                          result.message)
        if not empty:
            self.answers[card.id] = {"answer": self.choice.value, "correct": bool(result.correct)}
            _save(self.progress, self.KEY, dict(self.answers), self.feedback, "Your answer")
            self._refresh_menu(self.menu.value)
        self._status()
        return result


class CoverageTableView(_View):
    """Find better coverage: complete a table with menus, checked row by row."""

    def __init__(self, table: Table, coverage: Coverage, progress=None):
        w = _w()
        W = w._ipw()
        self.table, self.coverage, self.progress = table, coverage, progress
        self.key = f"coverage_{table.id}"
        saved = _saved(progress, self.key, {})
        saved_rows = saved.get("answers") if isinstance(saved.get("answers"), dict) else {}
        self.menus: dict[str, dict[str, object]] = {}
        self.results: dict[str, object] = {}
        blocks = []
        for n, row in enumerate(table.rows, 1):
            given = saved_rows.get(row.id) if isinstance(saved_rows.get(row.id), dict) else {}
            menus = {}
            for col in table.columns:
                options = _choose(table.options[col.id])
                value = given.get(col.id) if given.get(col.id) in {v for _, v in options} else CHOOSE
                menu = W.Dropdown(options=options, value=value, description=col.label,
                                  style=w._label_style(), layout=W.Layout(width="auto", margin="0 1em .2em 0"))
                menu.add_class(f"mlk-col-{col.id}")
                menus[col.id] = menu
            self.menus[row.id] = menus
            result = W.HTML()
            self.results[row.id] = result
            head = W.HTML(f"<p style='margin:.5em 0 .2em'><b>{n}. {_e(table.subject)}: “{_e(row.subject)}”</b> "
                          "<span style='color:#595959'>(whose claim?)</span></p>")
            box = W.VBox([head, W.HBox(list(menus.values()), layout=W.Layout(flex_flow="row wrap")), result],
                         layout=W.Layout(border_bottom="1px solid #c8c8c8", padding="0 0 .3em 0"))
            box.add_class("mlk-coverage-row")
            blocks.append(box)
        self.check_button = W.Button(description="Check my table", button_style="primary")
        self.score = W.HTML()
        self.message = W.HTML()
        self.check_button.on_click(lambda _b: self.check())
        intro = (f"<h3 style='margin:.2em 0'>{_e(table.title)}</h3>"
                 f"<p style='margin:.2em 0;max-width:48em'>{_e(table.intro)}</p>")
        self.widget = W.VBox([W.HTML(intro)] + blocks + [self.check_button, self.score, self.message])
        self.widget.add_class("mlk-coverage-table")
        if saved_rows:
            self.check(save=False)

    def answers(self) -> dict:
        return {rid: {c: m.value for c, m in menus.items()} for rid, menus in self.menus.items()}

    def choose(self, row_id: str, column: str, value: str) -> None:
        """Set one menu (as a learner would)."""
        self.menus[row_id][column].value = value

    def check(self, save: bool = True) -> TableCheck:
        """Check every row, show each row's feedback and the score, and save the answers."""
        w = _w()
        result = check_table(self.table, self.answers(), self.coverage)
        for rc in result.rows:
            if rc.correct:
                self.results[rc.row_id].value = w.note_html("ok", "Right.", rc.message)
            elif rc.filled or rc.wrong:
                self.results[rc.row_id].value = w.note_html("info", "Not yet.", rc.message)
            else:
                self.results[rc.row_id].value = w.note_html("info", "Still to do.", rc.message)
        n, total = result.correct_count, len(result.rows)
        done = (" Every row is right. Notice: no row is “the real number”; each is a claim, by "
                "someone, on a date.") if result.all_correct else ""
        self.score.value = f"<p role='status' style='font-weight:bold'>{n} of {total} rows right.{_e(done)}</p>"
        if save:
            _save(self.progress, self.key, {"answers": self.answers(), "correct": n, "total": total},
                  self.message, "Your table")
        return result


class TraceView(_View):
    """Trace the claim: step back from the report's words to the original statement."""

    def __init__(self, trace: Trace, progress=None):
        w = _w()
        W = w._ipw()
        self.trace, self.progress = trace, progress
        self.key = "traces"
        saved = _saved(progress, self.key, {}).get(trace.id)
        done = saved.get("steps_done") if isinstance(saved, dict) else 0
        self.steps_done = done if isinstance(done, int) and 0 <= done <= len(trace.steps) else 0
        self.title = W.HTML(f"<h3 style='margin:.2em 0'>{_e(trace.title)}</h3>")
        self.chain = W.HTML()
        self.question = W.HTML()
        self.choice = W.RadioButtons(options=[], value=None, description="Your answer",
                                     style=w._label_style(), layout=W.Layout(width="auto"))
        self.check_button = W.Button(description="Check this step", button_style="primary")
        self.hint_button = W.Button(description="Hint")
        self.restart_button = W.Button(description="Start again", tooltip="Trace this claim again from the start")
        self.feedback = W.HTML()
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.hint())
        self.restart_button.on_click(lambda _b: self.restart())
        self.controls = W.VBox([self.question, self.choice,
                                W.HBox([self.check_button, self.hint_button])])
        self.widget = W.VBox([self.title, self.chain, self.controls, self.feedback, self.restart_button])
        self.widget.add_class("mlk-trace")
        self._render()

    @property
    def done(self) -> bool:
        return self.steps_done >= len(self.trace.steps)

    def _render(self) -> None:
        self.chain.value = chain_html(self.trace, self.steps_done)
        if self.done:
            self.controls.layout.display = "none"
            self.question.value = ""
            return
        self.controls.layout.display = None
        step = self.trace.steps[self.steps_done]
        self.question.value = (f"<p style='margin:.4em 0 .2em'><b>Step {self.steps_done + 1} of "
                               f"{len(self.trace.steps)}: {_e(step.question.prompt)}</b></p>")
        self.choice.options = list(step.question.options)
        self.choice.value = None

    def hint(self) -> None:
        if not self.done:
            text = self.trace.steps[self.steps_done].question.hint or "Read the chain above again."
            self.feedback.value = _w().note_html("info", "Hint", text)

    def restart(self) -> None:
        self.steps_done = 0
        self.feedback.value = ""
        self._render()

    def check(self, answer: str | None = None):
        """Check the current step; a right answer adds the step's finding to the chain."""
        w = _w()
        if self.done:
            return None
        if answer is not None:
            self.choice.value = answer
        result = check_trace_step(self.trace, self.steps_done, self.choice.value)
        if not result.correct:
            self.feedback.value = w.note_html("info", "Not yet." if self.choice.value else "Hmm.", result.message)
            return result
        self.steps_done += 1
        self.feedback.value = w.note_html("ok", "Right!", result.message)
        self._render()
        traces = _saved(self.progress, self.key, {})
        traces[self.trace.id] = {"steps_done": self.steps_done, "done": self.done}
        _save(self.progress, self.key, traces, self.feedback, "Your trace")
        return result


class SourcedClaimView(_View):
    """The learner writes one claim with its source, when it was said, and how sure it is (saved)."""

    KEY = "sourced_claim"

    def __init__(self, prompts: Prompts, progress=None):
        w = _w()
        W = w._ipw()
        self.prompts, self.progress = prompts, progress
        words = prompts.claim
        saved = _saved(progress, self.KEY, {})
        style, wide = w._label_style(), W.Layout(width="46em", max_width="100%")
        self.claim = W.Textarea(value=str(saved.get("claim") or ""), description=words["claim_label"],
                                placeholder=words["claim_placeholder"], style=style,
                                layout=W.Layout(width="46em", max_width="100%", height="4em"))
        self.source = W.Text(value=str(saved.get("source") or ""), description=words["source_label"],
                             placeholder=words["source_placeholder"], style=style, layout=wide)
        self.when = W.Text(value=str(saved.get("when") or ""), description=words["when_label"],
                           placeholder=words["when_placeholder"], style=style, layout=wide)
        ids = [s.id for s in prompts.sureness]
        self.sureness = W.RadioButtons(options=[(s.label, s.id) for s in prompts.sureness],
                                       value=saved.get("sureness") if saved.get("sureness") in ids else None,
                                       description=words["sure_label"], style=style, layout=W.Layout(width="auto"))
        scale = "".join(f"<li><b>{_e(s.label)}</b>: {_e(s.text)}</li>" for s in prompts.sureness)
        self.save_button = W.Button(description="Save my claim", button_style="primary")
        self.message = W.HTML()
        self.save_button.on_click(lambda _b: self.save())
        self.widget = W.VBox([
            W.HTML(f"<p style='margin:.2em 0;max-width:48em'>{_e(words['intro'])}</p>"),
            self.claim, self.source, self.when, self.sureness,
            W.HTML(f"<details><summary>What the levels mean</summary><ul>{scale}</ul></details>"),
            self.save_button, self.message])
        self.widget.add_class("mlk-sourced-claim")
        if saved.get("claim"):
            self.message.value = w.note_html("info", "Saved earlier. You can change it and save again.",
                                             claim_sentence(saved))

    def save(self) -> bool:
        """Check the form and save it; kind messages for what is missing or when saving fails."""
        w = _w()
        checked = check_claim(self.claim.value, self.source.value, self.when.value, self.sureness.value,
                              self.prompts)
        if not checked.ok:
            items = "".join(f"<li>{_e(p)}</li>" for p in checked.problems)
            self.message.value = w.note_html("info", "Almost there.", body_html=f"<ul>{items}</ul>")
            return False
        record = claim_record(self.claim.value, self.source.value, self.when.value, self.sureness.value,
                              self.prompts)
        if not _save(self.progress, self.KEY, record, self.message, "Your claim"):
            return False
        tips = "".join(f" Tip: {t}" for t in checked.tips)
        self.message.value = w.note_html("ok", "Saved in your progress file.", claim_sentence(record) + tips)
        return True


# --- what the notebook calls --------------------------------------------------------------------

def _data_problem(exc: Exception) -> MessageView:
    return MessageView(_w().note_html("warn", "This activity's words could not be read.",
                                      f"{exc} Ask your teacher to check the file."))


def lateral_stop(article=None):
    """Stop: the headline, and a box for your first reaction to it (saved)."""
    from .article import load_article
    try:
        prompts = load_prompts()
    except LateralDataError as exc:
        return _data_problem(exc)
    art = article if article is not None else load_article()
    headline = getattr(art, "headline", "")
    headline = str(getattr(headline, "text", headline))
    return StopView(headline, prompts, _progress())


def source_cards():
    """Investigate the source: who runs it, who pays, its record, how to check; one card at a time."""
    try:
        cards = load_sources()
    except LateralDataError as exc:
        return _data_problem(exc)
    return SourceCardsView(cards, _progress())


def coverage_reports():
    """What other outlets reported about the death toll and the cause, each with its date."""
    from .lessonkit import Shown
    try:
        coverage = load_coverage()
    except LateralDataError as exc:
        return _data_problem(exc)
    return Shown(coverage_reports_html(coverage), coverage_reports_text(coverage))


def coverage_table(table: str = "toll"):
    """Find better coverage: fill in who gave each figure ("toll") or explanation ("cause")."""
    try:
        coverage = load_coverage()
        chosen = find_table(str(table), coverage)
    except LateralDataError as exc:
        return MessageView(_w().note_html("warn", str(exc)))
    return CoverageTableView(chosen, coverage, _progress())


def trace_claim(trace: str = "death-toll"):
    """Trace a claim back to its origin, one step at a time ("death-toll" or "photo-caption")."""
    try:
        found = find_trace(str(trace))
    except LateralDataError as exc:
        return MessageView(_w().note_html("warn", str(exc)))
    return TraceView(found, _progress())


def sourced_claim():
    """Write one claim with its source and how sure anyone can be; it is saved in your progress."""
    try:
        prompts = load_prompts()
    except LateralDataError as exc:
        return _data_problem(exc)
    return SourcedClaimView(prompts, _progress())

