"""Quizzes: questions read from ``data/quizzes/<quiz_id>.yaml`` and checked with kind feedback.

The file format is described in ``data/quizzes/README.md``. There are two kinds of question:

* ``choice``: pick one option; right when it is the ``answer``.
* ``category``: a sentence from the answer key (its ``unit`` id); the learner ticks the
  categories it carries, or "None of these". Right when the ticked set equals the ``answer``,
  where the categories the key marks as *optional* count either way.

This module is the pure core (no widgets): :func:`load_quiz`, :func:`check_answer`,
:func:`all_quiz_ids`. :func:`quiz` shows a quiz in a notebook.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

from ..annotator.model import CATEGORIES
from ..data import data_path
from ..errors import KitError

QUIZ_DIR = data_path("quizzes")
NONE = "none"
"""The "None of these" choice of a category question."""
NONE_LABEL = "None of these"
QUESTION_TYPES = ("choice", "category")


class QuizError(KitError):
    """A quiz file that cannot be used; the message names the file and the question."""


@dataclass(frozen=True)
class Question:
    """One question. For ``category`` questions ``answer`` is a frozenset of categories and
    ``sentence``/``optional`` come from the answer key; for ``choice`` it is the right option."""

    id: str
    type: str
    prompt: str
    hint: str
    explanation: str
    answer: object
    options: tuple = ()
    unit: str | None = None
    sentence: str | None = None
    optional: frozenset = frozenset()
    feedback: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class Quiz:
    """A quiz: its id, title, an optional introduction and its questions in order."""

    id: str
    title: str
    questions: tuple
    intro: str = ""
    key: str = "makiivka-nbc-2023"

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer and a message that explains it."""

    correct: bool
    message: str
    missing: frozenset = frozenset()
    extra: frozenset = frozenset()


# --- loading ----------------------------------------------------------------------------------

def all_quiz_ids() -> list[str]:
    """Ids of every quiz file, sorted."""
    return sorted(p.stem for p in QUIZ_DIR.glob("*.yaml"))


def _text(value, where: str, name: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
        raise QuizError(f"{where}: '{name}' must be some text")
    return " ".join(str(value).split()) if name in ("id",) else str(value).strip()


def _key_units(key_name: str) -> dict:
    from ..scoring.key import load_key
    return {u.id: u for u in load_key(key_name)}


def parse_quiz(data: Mapping, quiz_id: str, key_units: Mapping | None = None) -> Quiz:
    """Build a :class:`Quiz` from parsed YAML; ``key_units`` maps unit id to key unit (loaded if needed)."""
    where = f"quiz {quiz_id!r}"
    if not isinstance(data, Mapping):
        raise QuizError(f"{where}: the file must be a YAML mapping with id, title and questions")
    if str(data.get("id", "")) != quiz_id:
        raise QuizError(f"{where}: the file's id is {data.get('id')!r}; it must match the file name")
    title = _text(data.get("title"), where, "title")
    intro = _text(data.get("intro"), where, "intro", required=False)
    key_name = str(data.get("key") or "makiivka-nbc-2023")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise QuizError(f"{where}: 'questions' must be a list with at least one question")
    questions, seen = [], set()
    for n, raw in enumerate(raw_questions, 1):
        if not isinstance(raw, Mapping):
            raise QuizError(f"{where}, question {n}: must be a mapping")
        qid = _text(raw.get("id"), f"{where}, question {n}", "id")
        qwhere = f"{where}, question {qid!r}"
        if qid in seen:
            raise QuizError(f"{qwhere}: the id is used twice")
        seen.add(qid)
        qtype = raw.get("type")
        if qtype not in QUESTION_TYPES:
            raise QuizError(f"{qwhere}: 'type' must be one of {', '.join(QUESTION_TYPES)}")
        prompt = _text(raw.get("prompt"), qwhere, "prompt")
        hint = _text(raw.get("hint"), qwhere, "hint")
        explanation = _text(raw.get("explanation"), qwhere, "explanation")
        feedback = raw.get("feedback") or {}
        if not isinstance(feedback, Mapping):
            raise QuizError(f"{qwhere}: 'feedback' must map a choice to a message")
        feedback = {str(k): _text(v, qwhere, f"feedback for {k}") for k, v in feedback.items()}
        if qtype == "choice":
            options = raw.get("options")
            if not isinstance(options, list) or len(options) < 2:
                raise QuizError(f"{qwhere}: a choice question needs at least two 'options'")
            options = tuple(_text(o, qwhere, "option") for o in options)
            if len(set(options)) != len(options):
                raise QuizError(f"{qwhere}: two options are the same")
            answer = _text(raw.get("answer"), qwhere, "answer")
            if answer not in options:
                raise QuizError(f"{qwhere}: the answer {answer!r} is not one of the options")
            unknown = set(feedback) - set(options)
            if unknown:
                raise QuizError(f"{qwhere}: feedback for {sorted(unknown)}, which are not options")
            questions.append(Question(qid, qtype, prompt, hint, explanation, answer,
                                      options=options, feedback=feedback))
        else:
            unit_id = raw.get("unit")
            if not isinstance(unit_id, str) or not unit_id:
                raise QuizError(f"{qwhere}: a category question needs the 'unit' id of a key sentence")
            answer = raw.get("answer")
            if answer is None:
                answer = []
            if isinstance(answer, str) or not isinstance(answer, list):
                raise QuizError(f"{qwhere}: the answer must be a list of categories ([] for none)")
            bad = set(answer) - set(CATEGORIES)
            if bad:
                raise QuizError(f"{qwhere}: unknown categories {sorted(bad)}; use {', '.join(CATEGORIES)}")
            unknown = set(feedback) - set(CATEGORIES) - {NONE}
            if unknown:
                raise QuizError(f"{qwhere}: feedback for {sorted(unknown)}, which are not categories")
            if key_units is None:
                key_units = _key_units(key_name)
            unit = key_units.get(unit_id)
            if unit is None:
                raise QuizError(f"{qwhere}: the answer key has no unit {unit_id!r}")
            questions.append(Question(qid, qtype, prompt, hint, explanation, frozenset(answer),
                                      unit=unit_id, sentence=unit.text,
                                      optional=frozenset(unit.optional), feedback=feedback))
    return Quiz(quiz_id, title, tuple(questions), intro, key_name)


@lru_cache(maxsize=32)
def _load_quiz_cached(quiz_id: str, mtime_ns: int) -> Quiz:
    import yaml

    path = QUIZ_DIR / f"{quiz_id}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise QuizError(f"quiz {quiz_id!r}: the YAML cannot be read ({exc})") from None
    return parse_quiz(data, quiz_id)


def load_quiz(quiz_id: str) -> Quiz:
    """The quiz ``data/quizzes/<quiz_id>.yaml`` (re-read when the file changes)."""
    if not isinstance(quiz_id, str) or not quiz_id or "/" in quiz_id or "\\" in quiz_id or quiz_id.startswith("."):
        raise QuizError(f"There is no quiz called {quiz_id!r}.")
    path = QUIZ_DIR / f"{quiz_id}.yaml"
    if not path.is_file():
        known = ", ".join(all_quiz_ids()) or "none"
        raise QuizError(f"There is no quiz called {quiz_id!r}. Quizzes available: {known}.")
    return _load_quiz_cached(quiz_id, path.stat().st_mtime_ns)


def key_problems(quiz: Quiz, key_units: Mapping | None = None) -> list[str]:
    """Where a quiz disagrees with the answer key: each category answer must equal the unit's labels."""
    key_units = key_units if key_units is not None else _key_units(quiz.key)
    problems = []
    for q in quiz.questions:
        if q.type != "category":
            continue
        unit = key_units.get(q.unit)
        if unit is None:
            problems.append(f"{quiz.id}/{q.id}: no key unit {q.unit!r}")
            continue
        if q.answer - unit.optional != unit.labels - unit.optional:
            problems.append(f"{quiz.id}/{q.id}: answer {sorted(q.answer)} but the key says "
                            f"{sorted(unit.labels)} (optional: {sorted(unit.optional)})")
        if q.sentence != unit.text:
            problems.append(f"{quiz.id}/{q.id}: the sentence differs from the key's text")
    return problems


# --- checking --------------------------------------------------------------------------------

def _label(category: str) -> str:
    from ..render.palette import load_categories
    if category == NONE:
        return NONE_LABEL
    cat = load_categories().get(category)
    return f"{cat.symbol} {cat.label}" if cat else category


def _join(labels: list[str]) -> str:
    quoted = [f"“{x}”" for x in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def check_answer(question: Question, answer) -> Feedback:
    """Is ``answer`` right? The message says why, using the question's own feedback where given.

    ``answer`` is the option text for a choice question, and an iterable of category ids (may
    include ``"none"``) for a category question.
    """
    if question.type == "choice":
        if answer is None or answer == "":
            return Feedback(False, "Choose one of the answers first.")
        if answer == question.answer:
            return Feedback(True, f"Yes, that's right. {question.explanation}")
        specific = question.feedback.get(str(answer))
        message = specific or "Not quite."
        return Feedback(False, f"{message} Have another go, or press “Hint”.")

    chosen = {str(a) for a in (answer or ())}
    none = NONE in chosen
    cats = chosen - {NONE}
    unknown = cats - set(CATEGORIES)
    if unknown:
        return Feedback(False, f"{_join(sorted(unknown))} is not one of the categories.")
    if none and cats:
        return Feedback(False, f"You ticked “{NONE_LABEL}” and a category as well. "
                               "Choose one or the other.")
    if not none and not cats:
        return Feedback(False, f"Tick at least one box. If no category fits, tick “{NONE_LABEL}”.")
    expected = question.answer - question.optional
    given = cats - question.optional
    missing = frozenset(expected - given)
    extra = frozenset(given - expected)
    if not missing and not extra:
        message = f"Yes, that's right. {question.explanation}"
        if question.optional:
            message += (f" ({_join([_label(c) for c in sorted(question.optional)])} is optional here: "
                        "careful readers disagree about it, so ticking it or not are both fine.)")
        return Feedback(True, message)
    parts = []
    if none and expected:
        parts.append(question.feedback.get(NONE) or
                     "This sentence does carry at least one category. Look again.")
    else:
        for cat in sorted(missing, key=CATEGORIES.index):
            parts.append(question.feedback.get(cat) or
                         f"Look again: this sentence also has {_join([_label(cat)])}.")
        for cat in sorted(extra, key=CATEGORIES.index):
            parts.append(question.feedback.get(cat) or
                         f"{_join([_label(cat)])} does not fit this sentence.")
    parts.append("Have another go, or press “Hint”.")
    return Feedback(False, " ".join(parts), missing=missing, extra=extra)


def answer_text(question: Question) -> str:
    """The right answer in words, for the "Show the answer" button."""
    if question.type == "choice":
        return f"The answer is “{question.answer}”."
    if not question.answer:
        text = f"The answer is “{NONE_LABEL}”."
    else:
        text = f"The answer is {_join([_label(c) for c in sorted(question.answer, key=CATEGORIES.index)])}."
    if question.optional:
        text += f" {_join([_label(c) for c in sorted(question.optional)])} is optional."
    return text


def answer_to_store(question: Question, answer):
    """An answer as JSON can hold it (a sorted list for category questions)."""
    if question.type == "category":
        return sorted({str(a) for a in (answer or ())})
    return answer
