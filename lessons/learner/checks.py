"""The before and after checks: six questions on a report the lessons never show, at the start of
the course (``check-before``) and at the end (``check-after``). Pure logic, no widgets.

A result is stored in the progress file under the ``checks`` section, one entry per check::

    "checks": {
      "before": {"score": 3, "total": 6, "when": "2025-01-05T14:03:11+00:00",
                 "answers": {"b1": {"answer": ["expert", "hedge"], "correct": true}, ...}},
      "after":  {...}
    }

(in the file this sits with the lessons: ``record["lessons"]["checks"]``). Each answer is saved
as it is given; ``score``, ``total`` and ``when`` are added once every question is answered. Only
the first answer to each question counts, and a finished check is never replaced, so the before
and after results can be compared fairly.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from ..errors import KitError
from .quizzes import Quiz, answer_to_store, check_answer, load_quiz

CHECKS = "checks"
"""The progress section holding the check results."""
WHICH = ("before", "after")


def check_quiz_id(which: str) -> str:
    """``"check-before"`` for ``"before"``; a kind error for anything else."""
    if which not in WHICH:
        raise KitError(f"There is no check called {which!r}. Use kit.check(\"before\") at the start "
                       "of the course or kit.check(\"after\") at the end.")
    return f"check-{which}"


def load_check(which: str) -> Quiz:
    """The quiz of the check ``which`` (``before`` or ``after``)."""
    return load_quiz(check_quiz_id(which))


@dataclass(frozen=True)
class CheckResult:
    """One saved check: how many right of how many, when, and each answer."""

    which: str
    score: int
    total: int
    when: str
    answers: dict

    @property
    def sentence(self) -> str:
        return f"{self.score} of {self.total} right"


def grade(question, answer) -> dict:
    """``{"answer", "correct"}`` for the learner's answer to one question, as it is stored."""
    return {"answer": answer_to_store(question, answer),
            "correct": bool(check_answer(question, answer).correct)}


def is_empty(answer) -> bool:
    """No answer given yet (nothing chosen, nothing ticked)."""
    return answer is None or answer == "" or (not isinstance(answer, str) and not list(answer))


def result_from(which: str, value) -> CheckResult | None:
    """A saved, finished check as a :class:`CheckResult`, or None when it is missing, not
    finished or not in shape."""
    if not isinstance(value, dict):
        return None
    score, total = value.get("score"), value.get("total")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (score, total)) or total <= 0:
        return None
    answers = value.get("answers") if isinstance(value.get("answers"), dict) else {}
    when = value.get("when") if isinstance(value.get("when"), str) else ""
    return CheckResult(which, score, total, when, answers)


def saved_result(progress, which: str) -> CheckResult | None:
    """The saved result of the finished check ``which``, or None."""
    return result_from(which, progress.get(CHECKS, which)) if progress is not None else None


def saved_answers(progress, which: str) -> dict:
    """The answers saved so far in check ``which``: ``{question id: {"answer", "correct"}}``."""
    value = progress.get(CHECKS, which) if progress is not None else None
    answers = value.get("answers") if isinstance(value, dict) else None
    if not isinstance(answers, dict):
        return {}
    return {k: v for k, v in answers.items()
            if isinstance(v, dict) and isinstance(v.get("correct"), bool)}


def record_answer(progress, which: str, quiz: Quiz, question, answer,
                  now: datetime | None = None) -> CheckResult | None:
    """Save the learner's first answer to ``question`` in check ``which``; once every question is
    answered, the score, total and time are saved too and the result is returned (else None).

    Only the first answer to a question counts, and a finished check is never replaced, so that
    the before and after results compare like with like. Raises ``OSError`` if the file cannot
    be written.
    """
    existing = saved_result(progress, which)
    if existing is not None:
        return existing
    answers = saved_answers(progress, which)
    if question.id not in answers and not is_empty(answer):
        answers[question.id] = grade(question, answer)
    value = {"answers": answers}
    if all(q.id in answers for q in quiz.questions):
        value = {"score": sum(1 for q in quiz.questions if answers[q.id]["correct"]),
                 "total": len(quiz.questions), "answers": answers,
                 "when": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")}
    progress.set(CHECKS, which, value)
    return result_from(which, value)


def results_of(record: dict) -> dict[str, CheckResult]:
    """The check results in a whole progress record (as ``Progress.data()`` gives it)."""
    lessons = record.get("lessons") if isinstance(record, dict) else None
    section = lessons.get(CHECKS) if isinstance(lessons, dict) else None
    if not isinstance(section, dict):
        return {}
    out = {}
    for which in WHICH:
        result = result_from(which, section.get(which))
        if result is not None:
            out[which] = result
    return out


def day_of(when: str) -> str:
    """A saved time as a day in words ("4 March 2025"), or "" when it cannot be read."""
    try:
        return datetime.fromisoformat(when).strftime("%d %B %Y").lstrip("0")
    except (TypeError, ValueError):
        return ""


def compare_sentence(results: dict[str, CheckResult]) -> str:
    """One plain sentence comparing the before and after checks (or saying what is missing)."""
    before, after = results.get("before"), results.get("after")
    if before and after:
        change = after.score - before.score
        how = ("the same score both times" if change == 0 else
               f"{abs(change)} more right at the end" if change > 0 else
               f"{abs(change)} fewer right at the end")
        return (f"Before the course: {before.sentence}. After the course: {after.sentence}. "
                f"That is {how}.")
    if before:
        return f"Before the course: {before.sentence}. The check at the end of the course is still to do."
    if after:
        return f"After the course: {after.sentence}. (There is no saved check from the start.)"
    return ""
