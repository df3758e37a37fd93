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

import base64
import contextlib
import copy
import errno
import html
import json
import os
import stat
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from ..errors import KitError
from ..text.files import atomic_write_bytes, atomic_write_text, describe_os_error  # noqa: F401 (atomic_write_text: part of this module's surface)

FORMAT = "media-literacy-kit/progress"
SCHEMA_VERSION = 2
FILE_NAME = "my-progress.json"
ENV_VAR = "MLK_PROGRESS_DIR"
MAX_FILE_BYTES = 2_000_000
"""The largest progress file the kit reads or writes (a year of answers is a few kilobytes)."""
MAX_UPLOAD_BYTES = MAX_FILE_BYTES
MAX_DEPTH = 32
"""How deeply values may nest inside a progress file; the kit's own never go past 6."""
LOCK_WAIT_SECONDS = 60.0
"""How long a save waits for another process's save to finish before it gives up (keeping its changes)."""
REFLECTIONS = "reflections"
"""The section that holds the learner's written reflections, keyed by prompt id."""


class ProgressError(KitError):
    """A progress file that cannot be used; ``kind`` says why, the message says it kindly."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind          # empty / not-json / foreign / future / damaged / too-big / not-a-file


class ProgressSaveError(KitError, OSError):
    """The progress could not be saved, for a reason the message gives. It is an ``OSError`` too,
    so every view that catches a failed save (a full disk) catches this as well."""


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
    try:
        return _parse_progress(data)
    except ProgressError:
        raise
    except Exception as error:   # whatever else goes wrong, the file is damaged, not the kit
        raise ProgressError("damaged", f"Part of it could not be read ({error.__class__.__name__}).") from None


def _parse_progress(data: bytes | str) -> tuple[dict, int]:
    if len(data) > MAX_FILE_BYTES:
        raise ProgressError("too-big", f"It is {len(data) / 1e6:.1f} MB, far bigger than a progress file "
                                       f"can be (at most {MAX_FILE_BYTES / 1e6:.0f} MB).")
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if not data.strip():
            raise ProgressError("empty", "The file is empty.")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ProgressError("not-json", "The file is not text: it may have been damaged.") from None
    if not data.strip():
        raise ProgressError("empty", "The file is empty.")
    try:
        # ValueError covers a number too long to read (more than 4,300 digits) as well.
        record = json.loads(data)
    except (ValueError, RecursionError, MemoryError):
        raise ProgressError("not-json", "The file is incomplete or damaged, so it cannot be read.") from None
    if _depth(record) > MAX_DEPTH:
        raise ProgressError("damaged", "Its values are nested far more deeply than a progress file's ever are.")
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


def _depth(value) -> int:
    """How deeply lists and objects nest in ``value`` (counted without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        stack.extend((child, depth + 1) for child in item)
    return deepest


def dumps(record: dict) -> str:
    """The record as indented, readable JSON (non-ASCII letters kept as they are).

    Text that cannot be written as UTF-8 (a lone surrogate such as "\\ud800", which JSON allows)
    makes the whole file use \\u escapes instead, so it can always be saved and read back.
    """
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(record, indent=2, ensure_ascii=True) + "\n"
    return text


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
    """Move ``path`` to an unused ``my-progress.<tag>-<timestamp>.json`` beside it, untouched.

    A link is moved as the link itself: what it points to is never renamed or changed.
    """
    path = Path(path)
    while True:
        target = _free_name(path.parent, path.stem, tag)
        try:
            os.link(path, target, follow_symlinks=False)     # fails rather than overwrite
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise                        # a read-only folder, a full disk: the caller decides
            if target.exists():              # no hard links here: check, then rename
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target


def _read_progress_bytes(path: Path) -> bytes | None:
    """The bytes of the progress file, ``None`` when there is none; never follows a link and
    reads only an ordinary file of at most :data:`MAX_FILE_BYTES` (else :class:`ProgressError`)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        raise ProgressError("not-a-file", "It is a link to another file, and the kit keeps your progress "
                                          "only in an ordinary file of its own.")
    if not stat.S_ISREG(st.st_mode):
        raise ProgressError("not-a-file", "It is not an ordinary file (it is a folder, a device or a pipe).")
    if st.st_size > MAX_FILE_BYTES:
        raise ProgressError("too-big", f"It is {st.st_size / 1e6:.1f} MB, far bigger than a progress file "
                                       f"can be (at most {MAX_FILE_BYTES / 1e6:.0f} MB).")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ProgressError("not-a-file", "It is not an ordinary file.")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise ProgressError("too-big", "It grew past the largest size a progress file can be.")
    finally:
        os.close(fd)


def copy_aside(path: Path, tag: str = "backup") -> Path:
    """Copy ``path`` to an unused ``my-progress.<tag>-<timestamp>.json`` beside it.

    On any failure (a full disk) the half-made copy is removed, so no empty files pile up.
    """
    path = Path(path)
    data = _read_progress_bytes(path) or b""
    target = _free_name(path.parent, path.stem, tag)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as dst:
            dst.write(data)
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    return target


def _temp_files(path: Path) -> list[Path]:
    """Temporary files that saving ``path`` makes (``.my-progress.*.tmp``)."""
    try:
        return [p for p in path.parent.glob(f".{path.stem}.*.tmp") if p.is_file() or p.is_symlink()]
    except OSError:
        return []


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = LOCK_WAIT_SECONDS):
    """Hold an exclusive lock on ``folder`` (shared by every process on the machine) while the
    block runs; yields whether the lock was had. Where locks are not available (Windows, some
    network disks) the block runs without one. When another process holds the lock for longer
    than ``wait`` seconds, :class:`ProgressSaveError` is raised rather than hanging or racing:
    the caller keeps its changes and tries again later."""
    try:
        import fcntl
    except ImportError:                      # Windows
        yield False
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        deadline = time.monotonic() + wait
        locked = True
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ProgressSaveError(
                        "Another notebook has been saving to the same progress file for a long "
                        "time, so this one waited. Nothing was lost: your work is kept and saved "
                        "with your next change.") from None
                time.sleep(0.001)
            except OSError:                  # locks not supported on this disk
                locked = False
                break
        yield locked
    finally:
        os.close(fd)                         # closing the folder releases the lock


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
    path = progress_dir().resolve() / FILE_NAME        # the folder resolved, never a link in it
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


def summary_html(summary: Summary, notice: str | None = None) -> str:
    """The summary as a small escaped HTML fragment."""
    e = html.escape
    parts = []
    if notice:
        parts.append(f'<p class="mlk-note-warn"><b>⚠ Note:</b> {e(notice)}</p>')
    if summary.empty:
        parts.append("<p>Nothing saved yet. Your quiz answers and what you write will appear here.</p>")
    else:
        parts.append(f"<p><b>So far:</b> {e(summary.sentence())}.</p>")
        if summary.completed:
            items = "".join(f"<li>✓ {e(c)}</li>" for c in summary.completed)
            parts.append(f"<p>Lessons completed:</p><ul>{items}</ul>")
        if summary.quizzes:
            items = "".join(
                f"<li>{e(q.quiz_id)}: {q.correct} correct of "
                f"{q.total if q.total is not None else q.answered} questions</li>"
                for q in summary.quizzes)
            parts.append(f"<p>Quizzes:</p><ul>{items}</ul>")
        if summary.reflections:
            items = "".join(f"<li>✎ {e(r)}</li>" for r in summary.reflections)
            parts.append(f"<p>Reflections written:</p><ul>{items}</ul>")
    parts.append(f'<p style="font-size:90%">Saved in: <code>{e(summary.path)}</code></p>')
    return "".join(parts)


# --- upload and download ------------------------------------------------------------------

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


def download_html(progress: Progress | None = None) -> str:
    """An anchor that downloads the progress file (as a ``data:`` address, so it works on Binder)."""
    progress = progress or current_progress()
    payload = base64.b64encode(dumps(progress.data()).encode("utf-8")).decode("ascii")
    href = html.escape(f"data:application/json;charset=utf-8;base64,{payload}", quote=True)
    return (f'<a download="{FILE_NAME}" href="{href}" '
            'style="display:inline-block;padding:6px 12px;border:2px solid #0072B2;'
            'border-radius:4px;color:#0b3d66;background:#eef6fc;text-decoration:none;font-weight:600">'
            f'⬇ Download {FILE_NAME}</a>')
