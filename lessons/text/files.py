"""Files in and out: the one exact read (with a size cap) and the one atomic write.

Reading: :func:`read_text_exactly` gives a UTF-8 file with its line endings untouched, so that
offsets computed on it index the file exactly. Writing: :func:`atomic_write_bytes` leaves the old
file or the new one, never half a file, whatever happens while it writes.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import KitError

MAX_READ_BYTES = 8_000_000
"""The largest file :func:`read_text_exactly` reads unless told otherwise."""


def read_bytes(path: str | os.PathLike, limit: int = MAX_READ_BYTES) -> bytes:
    """A file's bytes, or a :class:`KitError` saying kindly why they cannot be read."""
    p = Path(path)
    try:
        if p.is_dir():
            problem = f"'{path}' is a folder, not a file. Choose a file inside it."
        else:
            size = p.stat().st_size
            if size <= limit:
                return p.read_bytes()
            problem = (f"The file '{path}' is {size / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB "
                       "the kit can read. Choose a smaller file, or copy just the article's words and "
                       "paste them instead.")
    except FileNotFoundError:
        problem = f"There is no file called '{path}'. Check the spelling of its name and the folder it is in."
    except PermissionError:
        problem = (f"The kit is not allowed to open '{path}'. Ask whoever set up the computer, or copy "
                   "the text and paste it instead.")
    except (OSError, ValueError) as error:
        problem = (f"The kit could not open '{path}' ({error.__class__.__name__}). Check the file's "
                   "name, or copy the text and paste it instead.")
    raise KitError(problem)


def read_text_exactly(path: str | os.PathLike, limit: int = MAX_READ_BYTES) -> str:
    """The file as UTF-8 text with its line endings untouched, so offsets index the file exactly."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise KitError(f"{path} is not UTF-8 text (byte {e.start} cannot be read). "
                       "Save it as UTF-8 and try again.") from None


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that the file is either the old one or the new one, never half.

    The bytes go to a temporary file in the same folder (``.NAME.*.tmp``), which is flushed,
    synced to disk with ``os.fsync`` and then renamed over ``path`` with ``os.replace``; the
    folder is synced too, so the rename survives a power cut. On any failure the temporary file
    is removed and the old file is left as it was. A file that existed keeps its permissions.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)
    return path


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """:func:`atomic_write_bytes` of ``text`` in UTF-8, its newlines written as they are."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    """Sync the folder entry (POSIX only; best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
