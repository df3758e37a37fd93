"""Safe operations on the progress file: read it capped, move or copy it aside, lock its folder.

Nothing here is ever lost: a file that cannot be used is moved aside untouched (never followed
through a link), and a half-made copy is removed when copying fails.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path

from ..text.files import atomic_write_bytes, atomic_write_text, describe_os_error  # noqa: F401 (atomic_write_text: part of this module's surface)

from .progress_format import LOCK_WAIT_SECONDS, MAX_FILE_BYTES, ProgressError, ProgressSaveError


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


