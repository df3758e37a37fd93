"""The quiz checker teachers run on their own quiz files: ``python -m lessons check-quizzes [FILE...]``.

It reads each file as plain data (never trusting its shape) and reports, in plain words naming the
file and the question:

* the right answer is the longest option in more than a third of the choice questions, across
  all the files checked and in any one file (a learner who always picks the longest option should
  not do well);
* a wrong option (of a choice question) or a wrong tick (of a category question) without
  feedback of its own, or sharing its feedback with another wrong option;
* a lesson quiz (its id starts with ``lesson-``) with no transfer question (``transfer: true``);
* the right answer always in the same place in the file;
* an answer that is not one of its options, and a sentence id (``unit``) the answer key does not
  have;
* anything that stops the kit from loading the file at all.

:func:`check_files` returns a :class:`Report`; nothing here raises on a malformed file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ..annotator.model import CATEGORIES
from .quizzes import NONE, NONE_LABEL, QUIZ_DIR, QuizError, parse_quiz

MAX_QUIZ_BYTES = 1_000_000
LONGEST_SHARE = 1 / 3
"""At most this share of choice questions may have the right answer as their longest option."""
DEFAULT_KEY = "makiivka-nbc-2023"


@dataclass(frozen=True)
class Problem:
    """One problem: the file's name, the question's id (or None for the whole file), what is wrong."""

    file: str
    question: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.question is None else f"{self.file}, question “{self.question}”"
        return f"{where}: {self.message}"


@dataclass
class FileResult:
    """What was found in one file: its problems and its choice-question counts."""

    name: str
    problems: list = field(default_factory=list)
    choice_questions: int = 0
    longest: list = field(default_factory=list)        # ids of questions whose answer is longest
    questions: int = 0


@dataclass
class Report:
    """Everything the checker found in the files it was given."""

    files: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def choice_questions(self) -> int:
        return sum(f.choice_questions for f in self.files)

    @property
    def longest(self) -> int:
        return sum(len(f.longest) for f in self.files)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """The report as plain lines: each problem, then a summary."""
        out = [str(p) for p in self.problems]
        n_files = len(self.files)
        questions = sum(f.questions for f in self.files)
        summary = (f"Checked {n_files} quiz file{'' if n_files == 1 else 's'} "
                   f"({questions} question{'' if questions == 1 else 's'}).")
        if self.choice_questions:
            summary += (f" The right answer is the longest option in {self.longest} of "
                        f"{self.choice_questions} choice questions ({_percent(self.longest, self.choice_questions)}; "
                        "at most a third is the aim).")
        out.append(summary)
        out.append("No problems found." if self.ok else
                   f"{len(self.problems)} problem{'' if len(self.problems) == 1 else 's'} to fix.")
        return out


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _scalar(value) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _text(value) -> str | None:
    """A scalar as the kit reads it (stripped text), or None when it is not a scalar."""
    return str(value).strip() if _scalar(value) else None


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def _is_longest(answer: str, options: list[str]) -> bool:
    """The right answer is at least as long as every other option."""
    size = len(" ".join(answer.split()))
    return all(size >= len(" ".join(o.split())) for o in options if o != answer)


# --- reading -----------------------------------------------------------------------------------

def _read(path: Path, result: FileResult):
    """The file's parsed YAML, or None with a problem recorded."""
    import yaml

    name = result.name
    try:
        if not path.is_file():
            why = "is a folder, not a file" if path.is_dir() else "was not found"
            result.problems.append(Problem(name, None, f"the file {why}."))
            return None
        size = path.stat().st_size
        if size > MAX_QUIZ_BYTES:
            result.problems.append(Problem(name, None, f"the file is far too big for a quiz "
                                                       f"({size:,} bytes; at most {MAX_QUIZ_BYTES:,})."))
            return None
        with open(path, "rb") as fh:
            content = fh.read(MAX_QUIZ_BYTES + 1)
    except OSError as exc:
        result.problems.append(Problem(name, None, f"the file cannot be opened ({exc.strerror or exc})."))
        return None
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append(Problem(name, None, "the file is not UTF-8 text. Save it as UTF-8 and try again."))
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" near line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        result.problems.append(Problem(name, None, f"the YAML cannot be read{where}: {problem}."))
    except (RecursionError, MemoryError, ValueError):
        result.problems.append(Problem(name, None, "the YAML cannot be read: it is nested too deeply "
                                                   "or is not a quiz."))
    return None


_KEYS: dict = {}


def _key_units(name: str):
    """The units of answer key ``name`` as a dict, or None when the key cannot be loaded."""
    if name not in _KEYS:
        try:
            from ..scoring.key import load_key
            _KEYS[name] = {u.id: u for u in load_key(name)}
        except Exception:  # any key that cannot be read is reported as missing, never raised
            _KEYS[name] = None
    return _KEYS[name]


# --- checking one file ---------------------------------------------------------------------------

def _check_choice(q: Mapping, qid: str, result: FileResult, positions: list) -> None:
    name = result.name
    options = q.get("options")
    if not isinstance(options, list) or len(options) < 2 or not all(_scalar(o) for o in options):
        switch = isinstance(options, list) and any(isinstance(o, bool) or o is None for o in options)
        result.problems.append(Problem(name, qid, "a choice question needs a list of at least two "
                                                  "options, each some text." +
                                       (" Put quotes around options such as yes, no, true or "
                                        "false: YAML reads them as switches." if switch else "")))
        return
    options = [_text(o) for o in options]
    answer = _text(q.get("answer"))
    if answer is None or answer not in options:
        shown = f"“{_short(answer)}” " if answer else ""
        result.problems.append(Problem(name, qid, f"the answer {shown}is not one of its options. Copy "
                                                  "the right option's words exactly into 'answer'."))
        return
    result.choice_questions += 1
    positions.append(options.index(answer))
    if _is_longest(answer, options):
        result.longest.append(qid)
    feedback = q.get("feedback") or {}
    if not isinstance(feedback, Mapping):
        feedback = {}
    feedback = {str(k).strip(): _text(v) for k, v in feedback.items() if _scalar(k)}
    seen: dict[str, str] = {}
    for option in options:
        if option == answer:
            continue
        message = feedback.get(option)
        if not message:
            result.problems.append(Problem(name, qid, f"the wrong option “{_short(option)}” has no feedback "
                                                      "of its own. Say which misconception leads there."))
            continue
        flat = " ".join(message.split()).lower()
        if flat in seen:
            result.problems.append(Problem(name, qid, f"the wrong options “{_short(seen[flat], 40)}” and "
                                                      f"“{_short(option, 40)}” share the same feedback; give "
                                                      "each its own."))
        else:
            seen[flat] = option


def _check_category(q: Mapping, qid: str, key_name: str, result: FileResult) -> None:
    name = result.name
    answer = q.get("answer") or []
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
        result.problems.append(Problem(name, qid, "the answer must be a list of categories ([] for none)."))
        return
    unknown = [a for a in answer if a not in CATEGORIES]
    if unknown:
        result.problems.append(Problem(name, qid, f"“{_short(unknown[0], 30)}” is not a category; use "
                                                  f"{', '.join(CATEGORIES)}."))
        return
    unit = q.get("unit")
    units = _key_units(key_name)
    optional = set()
    if not isinstance(unit, str) or not unit.strip():
        result.problems.append(Problem(name, qid, "a category question needs the 'unit' id of a "
                                                  "sentence in the answer key."))
    elif units is not None and unit not in units:
        result.problems.append(Problem(name, qid, f"the sentence id “{_short(unit, 30)}” is not in the "
                                                  f"answer key “{key_name}”."))
    elif units is not None:
        optional = set(units[unit].optional)   # ticking an optional category is never wrong
    feedback = q.get("feedback") or {}
    if not isinstance(feedback, Mapping):
        feedback = {}
    given = {str(k).strip() for k, v in feedback.items() if _scalar(k) and _text(v)}
    wrong = [c for c in CATEGORIES if c not in answer and c not in optional] + ([NONE] if answer else [])
    missing = [c for c in wrong if c not in given]
    if missing:
        labels = ", ".join(f"“{NONE_LABEL if c == NONE else c}”" for c in missing)
        result.problems.append(Problem(name, qid, f"a wrong tick has no feedback of its own: {labels}. "
                                                  "Add feedback for each (keyed by category, or 'none')."))


def check_data(data, name: str, stem: str | None = None) -> FileResult:
    """Check one quiz's parsed YAML; ``name`` names it in messages, ``stem`` is its file name's stem."""
    result = FileResult(name)
    if not isinstance(data, Mapping):
        result.problems.append(Problem(name, None, "the file must be a YAML mapping with id, title "
                                                   "and questions."))
        return result
    quiz_id = _text(data.get("id")) or stem or ""
    key_name = _text(data.get("key")) or DEFAULT_KEY
    if _key_units(key_name) is None:
        result.problems.append(Problem(name, None, f"the answer key “{_short(key_name, 40)}” was not "
                                                   "found, so its sentence ids cannot be checked."))
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        result.problems.append(Problem(name, None, "'questions' must be a list with at least one question."))
        return result
    positions: list[int] = []
    transfer = False
    for n, q in enumerate(questions, 1):
        result.questions += 1
        if not isinstance(q, Mapping):
            result.problems.append(Problem(name, f"#{n}", "each question must be a mapping (id, type, "
                                                          "prompt, ...)."))
            continue
        qid = _text(q.get("id")) or f"#{n}"
        flag = q.get("transfer", False)
        if not isinstance(flag, bool):
            result.problems.append(Problem(name, qid, "'transfer' must be true or false."))
        transfer = transfer or flag is True
        kind = q.get("type")
        if kind == "choice":
            _check_choice(q, qid, result, positions)
        elif kind == "category":
            _check_category(q, qid, key_name, result)
        else:
            result.problems.append(Problem(name, qid, "'type' must be choice or category."))
    if quiz_id.startswith("lesson-") and not transfer:
        result.problems.append(Problem(name, None, "this lesson quiz has no transfer question. Add one "
                                                   "on a sentence the lesson never shows, marked "
                                                   "'transfer: true'."))
    if len(positions) >= 2 and len(set(positions)) == 1:
        result.problems.append(Problem(name, None, f"the right answer is always option "
                                                   f"{positions[0] + 1} of its question. Move some, so "
                                                   "the place gives nothing away."))
    if result.choice_questions and len(result.longest) > LONGEST_SHARE * result.choice_questions:
        ids = ", ".join(f"“{i}”" for i in result.longest)
        result.problems.append(Problem(
            name, None, f"the right answer is the longest option in {len(result.longest)} of "
                        f"{result.choice_questions} choice questions ({ids}); at most a third should "
                        "be. Make some wrong options as full as the right one."))
    if not result.problems and stem is not None:
        try:
            parse_quiz(data, stem, _key_units(key_name))
        except QuizError as exc:
            result.problems.append(Problem(name, None, f"the kit cannot load it: {exc}"))
        except Exception as exc:  # never a traceback for a teacher's file
            result.problems.append(Problem(name, None, f"the kit cannot load it ({exc.__class__.__name__})."))
    return result


def check_file(path: str | Path) -> FileResult:
    """Check one quiz file."""
    path = Path(path)
    result = FileResult(path.name)
    data = _read(path, result)
    if result.problems:
        return result
    return check_data(data, path.name, path.stem)


def bank_files() -> list[Path]:
    """The kit's own quiz files."""
    return sorted(QUIZ_DIR.glob("*.yaml"))


def check_files(paths: Iterable[str | Path] | None = None) -> Report:
    """Check ``paths`` (folders stand for the ``.yaml`` files in them); none given: the kit's bank."""
    files: list[Path] = []
    for p in (bank_files() if paths is None else paths):
        p = Path(p)
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    report = Report()
    for path in files:
        result = check_file(path)
        report.files.append(result)
        report.problems.extend(result.problems)
    if len(report.files) > 1 and report.choice_questions and report.longest > LONGEST_SHARE * report.choice_questions:
        report.problems.append(Problem(
            f"all {len(report.files)} files", None,
            f"the right answer is the longest option in {report.longest} of {report.choice_questions} "
            f"choice questions ({_percent(report.longest, report.choice_questions)}); at most a third should be."))
    return report
