"""Files in and out: the one exact read (with a size cap) and the one atomic write.

Reading: :func:`read_bytes` reads only an ordinary file (never a folder, a device such as
``/dev/zero``, a pipe or a socket, even behind a link) and stops as soon as more than the limit
has arrived, so a file that grows while it is read cannot fill the memory either.
:func:`read_text_exactly` gives a UTF-8 file with its line endings untouched, so that offsets
computed on it index the file exactly.

Writing: :func:`atomic_write_bytes` leaves the old file or the new one, never half a file,
whatever happens while it writes. It writes only to a new path or over an ordinary file, never
over a folder, a device, a pipe or a link, and :func:`check_output_path` also refuses to write
over the file being read.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from ..errors import KitError

MAX_READ_BYTES = 8_000_000
"""The largest file :func:`read_text_exactly` reads unless told otherwise."""

_CHUNK = 1 << 20
_TMP_STEM_CHARS = 60
"""A temporary file's name keeps this much of the real name, so a long name still fits."""


class UnsafeOutputError(KitError, OSError):
    """Writing there would destroy something that is not ours to replace (the article being
    read, a folder, a device, a link). It is a :class:`KitError` (a kind message) and an
    ``OSError`` (a file that cannot be written), so code catching either catches it."""


def _what_it_is(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a link to another file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not an ordinary file"
    if stat.S_ISFIFO(mode):
        return "a pipe, not an ordinary file"
    if stat.S_ISSOCK(mode):
        return "a socket, not an ordinary file"
    return "not an ordinary file"


def _too_big(path, size: str, limit: int) -> str:
    return (f"The file '{path}' is {size}, more than the {limit / 1e6:.0f} MB the kit can read. "
            "Choose a smaller file, or copy just the article's words and paste them instead.")


def read_bytes(path: str | os.PathLike, limit: int = MAX_READ_BYTES) -> bytes:
    """A regular file's bytes (at most ``limit``), or a :class:`KitError` saying kindly why not."""
    if str(path) == "":
        raise KitError("No file name was given. Write the name of the file to read.")
    p = Path(path)
    try:
        st = os.stat(p)
        if stat.S_ISDIR(st.st_mode):
            raise KitError(f"'{path}' is a folder, not a file. Choose a file inside it.")
        if not stat.S_ISREG(st.st_mode):
            raise KitError(f"'{path}' is {_what_it_is(st.st_mode)}: the kit reads only ordinary "
                           "files. Choose the file the article is saved in.")
        if st.st_size > limit:
            raise KitError(_too_big(path, f"{st.st_size / 1e6:.1f} MB", limit))
        # O_NONBLOCK: should a pipe take the file's place after the check, opening it cannot hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise KitError(f"'{path}' changed while it was opened and is no longer an ordinary "
                               "file. Try again.")
            chunks, total = [], 0
            while True:
                chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
                if not chunk:
                    return b"".join(chunks)
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise KitError(_too_big(path, "growing while it is read and already larger", limit))
        finally:
            os.close(fd)
    except KitError:
        raise
    except FileNotFoundError:
        problem = f"There is no file called '{path}'. Check the spelling of its name and the folder it is in."
    except PermissionError:
        problem = (f"The kit is not allowed to open '{path}'. Ask whoever set up the computer, or copy "
                   "the text and paste it instead.")
    except (OSError, ValueError) as error:
        problem = (f"The kit could not open '{path}' ({describe_os_error(error)}). Check the file's "
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


def describe_os_error(error: BaseException) -> str:
    """A few plain words for why a file operation failed (for a message, not a traceback)."""
    code = getattr(error, "errno", None)
    return {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the disk or folder can only be read, not written",
        errno.EACCES: "the computer does not allow it there",
        errno.EPERM: "the computer does not allow it there",
        errno.ENAMETOOLONG: "the name is too long",
        errno.ENOTDIR: "part of the path is a file, not a folder",
        errno.EISDIR: "that is a folder",
        errno.ENOENT: "the folder does not exist",
        errno.ELOOP: "the path goes round in a loop of links",
        errno.EEXIST: "something with that name is already there",
    }.get(code, getattr(error, "strerror", None) or error.__class__.__name__)


def check_output_path(path: str | os.PathLike, inputs=()) -> Path:
    """``path`` as a Path if writing a file there replaces nothing but an ordinary file that is
    not one of ``inputs``; otherwise an :class:`UnsafeOutputError` saying why not."""
    if str(path).strip() == "":
        raise UnsafeOutputError("No file name was given for the output. Write a name such as handout.html.")
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError:
        return path          # a bad parent or name: the write itself says what is wrong
    if stat.S_ISDIR(st.st_mode):
        raise UnsafeOutputError(f"'{path}' is a folder. Give a file name inside it, such as "
                                f"'{path / 'handout.html'}'.")
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeOutputError(f"'{path}' is {_what_it_is(st.st_mode)}; the kit will not write over "
                                "it. Give the name of a new file.")
    for source in inputs:
        try:
            src = os.stat(source)
        except (OSError, ValueError):
            continue
        if (src.st_dev, src.st_ino) == (st.st_dev, st.st_ino):
            raise UnsafeOutputError(f"'{path}' is the file being read; writing there would replace "
                                    "it. Give the output another name.")
    return path


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that the file is either the old one or the new one, never half.

    The bytes go to a temporary file in the same folder (``.NAME.*.tmp``), which is flushed,
    synced to disk with ``os.fsync`` and then renamed over ``path`` with ``os.replace``; the
    folder is synced too, so the rename survives a power cut. On any failure the temporary file
    is removed and the old file is left as it was. A file that existed keeps its permissions.
    Only a new path or an ordinary file is written (see :func:`check_output_path`).
    """
    path = check_output_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:              # a file stands where a folder of the path should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:_TMP_STEM_CHARS]}.", suffix=".tmp", dir=path.parent)
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
        check_output_path(path)              # nothing else took the name while we wrote
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
