"""The progress file's format: its constants, its errors, reading it (with the version-1 migration) and writing it.

Pure functions over bytes and plain dicts; :mod:`lessons.learner.progress` keeps the file on disk.
"""
from __future__ import annotations

import json
from typing import Callable

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


