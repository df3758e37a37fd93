"""The learner's progress: one small, human-readable JSON file beside the notebooks.

Where it lives: ``$MLK_PROGRESS_DIR/my-progress.json`` when that variable is set, else
``notebooks/progress/my-progress.json`` when the notebooks folder is found (from the working
directory, or beside the installed package), else ``./progress/my-progress.json``.

The file (schema version 2)::

    {
      "format": "media-literacy-kit/progress",
      "version": 2,
      "saved": "2025-01-05T14:03:11+00:00",
      "lessons": {
        "lesson-0":    {"completed": true,
                        "quiz": {"q1": {"answer": "Shift+Enter", "correct": true}}},
        "reflections": {"lesson-0-hello": "I read the news on my phone."}
      }
    }

Every value sits under a lesson (or a section such as ``reflections``) and a key. Version 1 kept
quiz answers flat (``"quiz_answers": {"lesson-0/q1": "Shift+Enter"}``) with ``reflections`` and a
``completed`` list beside them; :func:`migrate_1_to_2` nests them by lesson.

Saving is atomic (a temporary file in the same folder, flushed and synced, then renamed over the
old one), so a crash or a full disk never leaves half a file. A file that cannot be read, or is not
ours, or comes from a newer kit, is moved aside untouched and a fresh one is started, with a
message saying what happened and what to do.
"""
from __future__ import annotations

import copy
import json
import os
import shutil
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from ..errors import KitError
from ..text.files import atomic_write_text

FORMAT = "media-literacy-kit/progress"
SCHEMA_VERSION = 2
FILE_NAME = "my-progress.json"
ENV_VAR = "MLK_PROGRESS_DIR"
MAX_UPLOAD_BYTES = 2_000_000
REFLECTIONS = "reflections"
"""The section that holds the learner's written reflections, keyed by prompt id."""


class ProgressError(KitError):
    """A progress file that cannot be used; ``kind`` says why, the message says it kindly."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind          # empty / not-json / foreign / future / damaged / too-big


# --- where the file lives -------------------------------------------------------------------

def progress_dir() -> Path:
    """The folder of the progress file (see the module docstring for the order of places)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    cwd = Path.cwd()
    if cwd.name == "notebooks":
        return cwd / "progress"
    if (cwd / "notebooks").is_dir():
        return cwd / "notebooks" / "progress"
    repo_notebooks = Path(__file__).resolve().parents[2] / "notebooks"
    if repo_notebooks.is_dir():
        return repo_notebooks / "progress"
    return cwd / "progress"


def progress_path() -> Path:
    """Full path of the progress file."""
    return progress_dir() / FILE_NAME


# --- the format -----------------------------------------------------------------------------

def empty_progress() -> dict:
    """A fresh progress record of the current schema."""
    return {"format": FORMAT, "version": SCHEMA_VERSION, "saved": None, "lessons": {}}


def migrate_1_to_2(old: dict) -> dict:
    """Schema 1 kept quiz answers flat as ``"<quiz>/<question>": answer``; schema 2 nests by lesson.

    Reflections move under the ``reflections`` section and the ``completed`` list becomes a
    ``completed: true`` flag on each lesson. Whether an old answer was right was not stored, so
    ``correct`` is ``None`` until the learner checks it again.
    """
    lessons: dict[str, dict] = {}
    answers = old.get("quiz_answers") or {}
    if not isinstance(answers, dict):
        raise ProgressError("damaged", "Its quiz answers are not in the expected shape.")
    for flat, answer in answers.items():
        quiz_id, sep, question_id = str(flat).partition("/")
        if not sep or not quiz_id or not question_id:
            raise ProgressError("damaged", f"A quiz answer has an unexpected name ({flat!r}).")
        lessons.setdefault(quiz_id, {}).setdefault("quiz", {})[question_id] = {
            "answer": answer, "correct": None}
    reflections = old.get("reflections") or {}
    if not isinstance(reflections, dict):
        raise ProgressError("damaged", "Its reflections are not in the expected shape.")
    if reflections:
        lessons.setdefault(REFLECTIONS, {}).update({str(k): v for k, v in reflections.items()})
    completed = old.get("completed") or []
    if not isinstance(completed, list):
        raise ProgressError("damaged", "Its list of completed lessons is not in the expected shape.")
    for lesson in completed:
        lessons.setdefault(str(lesson), {})["completed"] = True
    return {"format": FORMAT, "version": 2, "saved": old.get("saved"), "lessons": lessons}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: migrate_1_to_2}
"""``MIGRATIONS[n]`` turns a schema-``n`` record into schema ``n + 1``."""


def parse_progress(data: bytes | str) -> tuple[dict, int]:
    """Read a progress file's content; returns (record in the current schema, version it had).

    Raises :class:`ProgressError` for anything that is not a usable progress file of this kit.
    """
    if isinstance(data, bytes):
        if not data.strip():
            raise ProgressError("empty", "The file is empty.")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ProgressError("not-json", "The file is not text: it may have been damaged.") from None
    if not data.strip():
        raise ProgressError("empty", "The file is empty.")
    try:
        record = json.loads(data)
    except (json.JSONDecodeError, RecursionError):
        raise ProgressError("not-json", "The file is incomplete or damaged, so it cannot be read.") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ProgressError("foreign", "The file is not a progress file from this kit.")
    version = record.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProgressError("damaged", "The file does not say which version of the kit made it.")
    if version > SCHEMA_VERSION:
        raise ProgressError(
            "future", f"The file was made by a newer version of the kit (file version {version}; "
                      f"this kit reads up to version {SCHEMA_VERSION}).")
    original = version
    while version < SCHEMA_VERSION:
        record = MIGRATIONS[version](record)
        version = record["version"]
    lessons = record.get("lessons")
    if not isinstance(lessons, dict) or not all(
            isinstance(k, str) and isinstance(v, dict) for k, v in lessons.items()):
        raise ProgressError("damaged", "The file's lessons are not in the expected shape.")
    return {"format": FORMAT, "version": SCHEMA_VERSION, "saved": record.get("saved"),
            "lessons": lessons}, original


def dumps(record: dict) -> str:
    """The record as indented, readable JSON (non-ASCII letters kept as they are)."""
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


# --- safe file operations -------------------------------------------------------------------

def _timestamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, stem: str, tag: str) -> Path:
    """``<stem>.<tag>-<timestamp>.json`` in ``folder``, with ``-2``, ``-3`` ... if that is taken."""
    base = f"{stem}.{tag}-{_timestamp()}"
    candidate = folder / f"{base}.json"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}-{n}.json"
        n += 1
    return candidate


def move_aside(path: Path, tag: str = "damaged") -> Path:
    """Move ``path`` to an unused ``my-progress.<tag>-<timestamp>.json`` beside it, untouched."""
    path = Path(path)
    while True:
        target = _free_name(path.parent, path.stem, tag)
        try:
            os.link(path, target)            # fails rather than overwrite
        except FileExistsError:
            continue
        except OSError:                      # no hard links here: check, then rename
            if target.exists():
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target


def copy_aside(path: Path, tag: str = "backup") -> Path:
    """Copy ``path`` to an unused ``my-progress.<tag>-<timestamp>.json`` beside it."""
    path = Path(path)
    target = _free_name(path.parent, path.stem, tag)
    with open(path, "rb") as src, open(target, "xb") as dst:
        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())
    return target


# --- the Progress object ----------------------------------------------------------------------

_NOTICE_FIX = {
    "empty": "it was empty",
    "not-json": "it was damaged or incomplete",
    "foreign": "it was not a progress file from this kit",
    "future": "it was made by a newer version of the kit",
    "damaged": "parts of it were damaged",
}


def damaged_notice(error: ProgressError, kept_as: Path) -> str:
    """What happened to an unreadable progress file and what the learner can do, in plain words."""
    why = _NOTICE_FIX.get(error.kind, "it could not be read")
    todo = ("If you downloaded your progress earlier, you can bring it back with "
            "kit.progress_upload().")
    if error.kind == "future":
        todo = ("Open it with the newer version of the kit, or ask your teacher. "
                "Your answers in it are safe.")
    return (f"Your progress file could not be used because {why}. {error} "
            f"Nothing was deleted: the old file was kept as “{kept_as.name}” in the progress "
            f"folder, and a fresh progress file was started. {todo}")


class Progress:
    """The learner's saved answers and notes, read from and written to one JSON file.

    Values are stored per lesson and key: ``set("lesson-2", "quiz", {...})``. Every ``set`` saves
    at once (atomically). Before reading or writing, the file is re-read if another notebook has
    changed it, so two open notebooks do not undo each other's work.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else progress_path()
        self.notice: str | None = None
        """A message for the learner when the file had to be moved aside (else ``None``)."""
        self.moved_to: Path | None = None
        self.migrated_from: int | None = None
        self._data = empty_progress()
        self._stamp = None
        self._lock = threading.RLock()
        self._listeners: list[Callable[[Progress], None]] = []
        self._load()

    # reading ---------------------------------------------------------------------------------
    def _file_stamp(self):
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _load(self) -> None:
        with self._lock:
            stamp = self._file_stamp()
            if stamp is None:
                self._data, self._stamp = empty_progress(), None
                return
            try:
                content = self.path.read_bytes()
                data, version = parse_progress(content)
            except ProgressError as exc:
                self.moved_to = move_aside(self.path, "damaged")
                self.notice = damaged_notice(exc, self.moved_to)
                self._data, self._stamp = empty_progress(), None
                return
            if version < SCHEMA_VERSION:
                # Keep the old file as it was before it is rewritten in the new format.
                copy_aside(self.path, f"version-{version}")
                self.migrated_from = version
            self._data, self._stamp = data, stamp

    def _refresh(self) -> None:
        if self._file_stamp() != self._stamp:
            self._load()

    def get(self, lesson: str, key: str, default: Any = None) -> Any:
        """The value saved under ``lesson`` and ``key`` (a copy), or ``default``."""
        with self._lock:
            self._refresh()
            value = self._data["lessons"].get(lesson, {}).get(key, default)
            return copy.deepcopy(value)

    def lesson(self, lesson: str) -> dict:
        """Everything saved for one lesson (a copy)."""
        with self._lock:
            self._refresh()
            return copy.deepcopy(self._data["lessons"].get(lesson, {}))

    def data(self) -> dict:
        """The whole record (a copy), as it would be written to the file."""
        with self._lock:
            self._refresh()
            return copy.deepcopy(self._data)

    def completed(self, lesson: str) -> bool:
        """Whether ``lesson`` is marked as completed."""
        return self.get(lesson, "completed", False) is True

    # writing ---------------------------------------------------------------------------------
    def set(self, lesson: str, key: str, value: Any) -> None:
        """Store ``value`` (anything JSON can hold) under ``lesson`` and ``key`` and save the file.

        Raises ``OSError`` if the file cannot be written; the value is then kept in memory and
        saved with the next successful ``set``.
        """
        if not isinstance(lesson, str) or not isinstance(key, str) or not lesson or not key:
            raise TypeError("lesson and key must be non-empty strings")
        json.dumps(value)  # fail now, not half-way through a save, on values JSON cannot hold
        with self._lock:
            self._refresh()
            self._data["lessons"].setdefault(lesson, {})[key] = copy.deepcopy(value)
            self.save()

    def mark_completed(self, lesson: str, done: bool = True) -> None:
        """Mark ``lesson`` as completed (or not)."""
        self.set(lesson, "completed", bool(done))

    def save(self) -> None:
        """Write the record to the file atomically."""
        with self._lock:
            self._data["saved"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
            atomic_write_text(self.path, dumps(self._data))
            self._stamp = self._file_stamp()
        self._changed()

    def replace_with(self, record: dict) -> Path | None:
        """Make ``record`` (already checked) the progress; the current file is kept as a backup.

        Returns the backup's path, or ``None`` when there was no file yet.
        """
        with self._lock:
            backup = copy_aside(self.path, "backup") if self.path.exists() else None
            self._data = copy.deepcopy(record)
            self.save()
            return backup

    # listeners -------------------------------------------------------------------------------
    def on_change(self, callback: Callable[[Progress], None]) -> None:
        """Call ``callback(progress)`` after every save (used by the summary and download views)."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in list(self._listeners):
            try:
                callback(self)
            except Exception:  # a broken view must never stop saving
                pass

    def summary(self) -> Summary:
        """What the learner has done so far, across lessons."""
        return summarise(self.data(), self.path)


_INSTANCES: dict[Path, Progress] = {}
_INSTANCES_LOCK = threading.Lock()


def current_progress() -> Progress:
    """The shared :class:`Progress` for the current progress file (one per path and kernel)."""
    path = progress_path().resolve()
    with _INSTANCES_LOCK:
        progress = _INSTANCES.get(path)
        if progress is None:
            progress = _INSTANCES[path] = Progress(path)
        return progress


# --- summary ------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuizProgress:
    """How far the learner got with one quiz."""

    quiz_id: str
    answered: int
    correct: int
    total: int | None


@dataclass(frozen=True)
class Summary:
    """Completed lessons, quiz scores and written reflections, for the summary view."""

    path: str
    completed: tuple
    quizzes: tuple
    reflections: tuple

    @property
    def empty(self) -> bool:
        return not (self.completed or self.quizzes or self.reflections)

    def sentence(self) -> str:
        """One plain sentence, e.g. "1 lesson completed, 3 quiz answers, 2 reflections"."""
        def n(count, word):
            return f"{count} {word}{'' if count == 1 else 's'}"
        answers = sum(q.answered for q in self.quizzes)
        return (f"{n(len(self.completed), 'lesson')} completed, {n(answers, 'quiz answer')}, "
                f"{n(len(self.reflections), 'reflection')}")


def _quiz_total(quiz_id: str) -> int | None:
    try:
        from .quizzes import load_quiz
        return len(load_quiz(quiz_id).questions)
    except Exception:
        return None


def summarise(record: dict, path: Path | str = "") -> Summary:
    """Build a :class:`Summary` from a progress record."""
    lessons = record.get("lessons", {})
    completed = tuple(sorted(k for k, v in lessons.items() if v.get("completed") is True))
    quizzes = []
    for lesson_id in sorted(lessons):
        answers = lessons[lesson_id].get("quiz")
        if isinstance(answers, dict) and answers:
            correct = sum(1 for a in answers.values() if isinstance(a, dict) and a.get("correct") is True)
            quizzes.append(QuizProgress(lesson_id, len(answers), correct, _quiz_total(lesson_id)))
    reflections = tuple(sorted(k for k, v in lessons.get(REFLECTIONS, {}).items()
                               if isinstance(v, str) and v.strip()))
    return Summary(str(path), completed, tuple(quizzes), reflections)


def restore_from_bytes(content: bytes, progress: Progress | None = None,
                       name: str = FILE_NAME) -> str:
    """Check an uploaded progress file and, if it is good, make it the current progress.

    The current file is kept as ``my-progress.backup-<timestamp>.json``. Returns a message
    saying what was restored; raises :class:`ProgressError` (nothing changed) when the upload
    cannot be used.
    """
    if len(content) > MAX_UPLOAD_BYTES:
        raise ProgressError("too-big", "That file is far too big to be a progress file.")
    record, _version = parse_progress(bytes(content))
    progress = progress or current_progress()
    backup = progress.replace_with(record)
    restored = summarise(record, progress.path)
    message = f"Restored your progress from “{name}”: {restored.sentence()}."
    if backup is not None:
        message += f" Your previous progress was kept as “{backup.name}”."
    return message
