"""Lateral reading (lesson 05): checking a learner's answers, pure functions over the lesson data."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Mapping

from .content import _normal, CHOOSE, LESSON, Coverage, Prompts, Row, SourceCard, Table, Trace, load_coverage, load_prompts


# --- checking answers (pure) ------------------------------------------------------------------

def check_card(card: SourceCard, answer):
    """Feedback (``quizzes.Feedback``) on the answer to a card's "Who is behind this?" question."""
    from ..learner.quizzes import check_answer
    return check_answer(card.question, answer)


def check_trace_step(trace: Trace, index: int, answer):
    """Feedback on the answer to step ``index`` (0-based) of a trace."""
    from ..learner.quizzes import check_answer
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


