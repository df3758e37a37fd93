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
old one), so a crash or a full disk never leaves half a file; temporary files left by a process
killed mid-save are removed the next time the file is loaded. A file that cannot be read, or is
not ours, or comes from a newer kit, or is a link to somewhere else, is moved aside untouched and
a fresh one is started, with a message saying what happened and what to do; when even moving it
aside fails (a read-only folder, a full disk), it is left where it is and nothing is saved over it.

Several notebooks (several processes) may save at once: each save takes a lock on the progress
folder, reads the file as it is now, applies the keys this process changed, and writes, so no
process undoes another's work.
"""
from __future__ import annotations

import contextlib
import copy
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from ..text.files import atomic_write_bytes, atomic_write_text, describe_os_error  # noqa: F401 (atomic_write_text: part of this module's surface)
from . import progress_files  # noqa: F401  (tests reach its clock through here)
from .progress_files import (  # noqa: F401  (part of this module's surface)
    _read_progress_bytes, _temp_files, copy_aside, folder_lock, move_aside,
)
from .progress_format import (  # noqa: F401  (part of this module's surface)
    ENV_VAR, FILE_NAME, FORMAT, LOCK_WAIT_SECONDS, MAX_DEPTH, MAX_FILE_BYTES, MAX_UPLOAD_BYTES, MIGRATIONS, ProgressError, ProgressSaveError, REFLECTIONS, SCHEMA_VERSION, _depth, dumps, empty_progress, migrate_1_to_2, parse_progress,
)


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
    """Full path of the progress file (one per session when the lesson is a Voila page)."""
    from ..presentation import progress_file_name
    return progress_dir() / progress_file_name(FILE_NAME)


# --- the Progress object ----------------------------------------------------------------------

_NOTICE_FIX = {
    "empty": "it was empty",
    "not-json": "it was damaged or incomplete",
    "foreign": "it was not a progress file from this kit",
    "future": "it was made by a newer version of the kit",
    "damaged": "parts of it were damaged",
    "too-big": "it was far too big",
    "not-a-file": "it was not an ordinary file",
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


def stuck_notice(error: ProgressError, os_error: OSError) -> str:
    """An unreadable progress file that could not be moved aside either (a read-only folder)."""
    why = _NOTICE_FIX.get(error.kind, "it could not be read")
    return (f"Your progress file could not be used because {why}. {error} The kit could not "
            f"put it aside either ({describe_os_error(os_error)}), so it has left it exactly as it "
            "is and will not save over it: what you do now is kept only until this notebook "
            "closes. Ask your teacher to check the progress folder.")


class Progress:
    """The learner's saved answers and notes, read from and written to one JSON file.

    Values are stored per lesson and key: ``set("lesson-2", "quiz", {...})``. Every ``set`` saves
    at once (atomically). A save holds a lock on the progress folder, re-reads the file and
    applies only the keys this object changed, so two open notebooks, even in two processes,
    never undo each other's work.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else progress_path()
        self.notice: str | None = None
        """A message for the learner when the file had to be moved aside (else ``None``)."""
        self.moved_to: Path | None = None
        self.migrated_from: int | None = None
        self._data = empty_progress()
        self._stamp = None
        self._pending: dict[tuple[str, str], Any] = {}      # changed here, not yet on disk
        self._replacement: dict | None = None                # an upload waiting to be saved
        self._stuck: ProgressError | None = None             # an unusable file we may not save over
        self._backup_due: int | None = None                  # an old-version file to copy before saving
        self._lock = threading.RLock()
        self._listeners: list[Callable[[Progress], None]] = []
        with self._lock:
            self._clean_temp_files()
            self._load()

    # reading ---------------------------------------------------------------------------------
    def _file_stamp(self):
        try:
            st = os.lstat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_mode)

    def _clean_temp_files(self) -> None:
        """Remove temporary files left by a save that was killed (only while no save is running)."""
        try:
            with folder_lock(self.path.parent, wait=1.0) as locked:
                if not locked:
                    return
                for tmp in _temp_files(self.path):
                    with contextlib.suppress(OSError):
                        tmp.unlink()
        except ProgressSaveError:            # another notebook is saving: clean up another time
            pass

    def _read_disk(self) -> tuple[dict | None, int | None]:
        """(record, version) of the file now on disk, ``(None, None)`` when there is none.

        An unusable file is moved aside (the learner is told); if even that fails, it is left in
        place and marked so that nothing is saved over it.
        """
        stamp = self._file_stamp()
        try:
            content = _read_progress_bytes(self.path)
            if content is None:
                self._stuck = None
                return None, None
            data, version = parse_progress(content)
        except Exception as exc:                 # any failure to read is a damaged file
            error = exc if isinstance(exc, ProgressError) else ProgressError(
                "damaged", f"It could not be read ({describe_os_error(exc)}).")
            try:
                self.moved_to = move_aside(self.path, "damaged")
            except OSError as os_error:
                self._stuck = error
                self.notice = stuck_notice(error, os_error)
                self._stamp = stamp
                return None, None
            self._stuck = None
            self.notice = damaged_notice(error, self.moved_to)
            self._stamp = None
            return None, None
        self._stuck = None
        self._stamp = stamp
        return data, version

    def _load(self) -> None:
        with self._lock:
            data, version = self._read_disk()
            if data is None:
                self._data = empty_progress()
            else:
                if version < SCHEMA_VERSION:
                    # Keep the old file as it was before it is rewritten in the new format; if
                    # that cannot be done now, it is done before the first save.
                    self.migrated_from = version
                    self._backup_due = version
                    self._copy_old_version()
                self._data = data
            self._apply_pending(self._data)

    def _copy_old_version(self) -> None:
        if self._backup_due is None:
            return
        try:
            copy_aside(self.path, f"version-{self._backup_due}")
        except FileNotFoundError:
            pass
        except OSError:
            return
        self._backup_due = None

    def _apply_pending(self, record: dict) -> None:
        if self._replacement is not None:
            record.clear()
            record.update(copy.deepcopy(self._replacement))
        for (lesson, key), value in self._pending.items():
            record["lessons"].setdefault(lesson, {})[key] = copy.deepcopy(value)

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
        if _depth(value) > MAX_DEPTH - 3:
            raise ValueError(f"the value nests more than {MAX_DEPTH - 3} levels deep")
        with self._lock:
            self._pending[(lesson, key)] = copy.deepcopy(value)
            self._data["lessons"].setdefault(lesson, {})[key] = copy.deepcopy(value)
            self.save()

    def mark_completed(self, lesson: str, done: bool = True) -> None:
        """Mark ``lesson`` as completed (or not)."""
        self.set(lesson, "completed", bool(done))

    def save(self) -> None:
        """Write this object's changes to the file atomically, merged with what is on disk now."""
        with self._lock:
            folder = self.path.parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ProgressSaveError(f"The progress folder could not be made: {describe_os_error(error)}.") from None
            with folder_lock(folder):
                record, _version = self._read_disk()
                if self._stuck is not None:
                    try:
                        self.moved_to = move_aside(self.path, "damaged")
                    except OSError as error:
                        raise ProgressSaveError(
                            "Your work could not be saved: the old progress file cannot be used and "
                            f"could not be put aside ({describe_os_error(error)}). Ask your teacher to "
                            "check the progress folder.") from None
                    self.notice = damaged_notice(self._stuck, self.moved_to)
                    self._stuck = None
                self._copy_old_version()
                if self._backup_due is not None and self.path.exists():
                    raise ProgressSaveError(
                        "Your work could not be saved: the old progress file has to be copied "
                        "before it is updated, and there is no room for the copy. Nothing was lost; "
                        "free some space and try again.")
                if record is None:
                    record = self._data
                self._apply_pending(record)
                record["saved"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
                payload = dumps(record).encode("utf-8")
                if len(payload) > MAX_FILE_BYTES:
                    raise ProgressSaveError(
                        f"Your work could not be saved: the progress file would grow past "
                        f"{MAX_FILE_BYTES / 1e6:.0f} MB. Shorten a very long answer and try again.")
                atomic_write_bytes(self.path, payload)
                self._data = record
                self._pending.clear()
                self._replacement = None
                self._stamp = self._file_stamp()
        self._changed()

    def replace_with(self, record: dict) -> Path | None:
        """Make ``record`` (already checked) the progress; the current file is kept as a backup.

        Returns the backup's path, or ``None`` when there was no file yet.
        """
        with self._lock:
            backup = None
            with folder_lock(self.path.parent):
                if os.path.lexists(self.path) and self._stuck is None:
                    try:
                        backup = copy_aside(self.path, "backup")
                    except ProgressError:    # not an ordinary file: the save moves it aside
                        backup = None
            self._replacement = copy.deepcopy(record)
            self._pending.clear()
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
    from ..presentation import progress_file_name
    path = progress_dir().resolve() / progress_file_name(FILE_NAME)   # the folder resolved, never a link in it
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

