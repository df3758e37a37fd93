"""Save progress over and over until killed: the child process of ``tests/test_progress_kill.py``.

    MLK_PROGRESS_DIR=/some/folder python tools/progress_writer.py FIRST

Saves version FIRST, FIRST + 1, ... of a large value through ``lessons.learner.progress.Progress``, as a
notebook does when a learner types, and never stops by itself. It prints ``ready`` once the kit
is imported and the progress file is open, then the number of every version whose ``set()`` has
returned (one line each, flushed), so the test knows which saves finished before it killed the
process. :func:`payload` is shared with the test, which checks that whatever is on disk after a
kill is exactly one of these versions.
"""
from __future__ import annotations

import hashlib
import sys

LESSON = "kill-test"
KEY = "payload"

_LETTERS = "Ünïcødé ✓ Привет мир — مرحبا 🙂 "


def payload(n: int) -> dict:
    """Version ``n`` of the saved value: 20 to 60 KB, different for every ``n`` and checkable."""
    digest = hashlib.sha256(str(n).encode()).hexdigest()
    unit = f"[{n}:{digest}:{_LETTERS}]"
    size = 20_000 + (n * 7_919) % 40_000            # characters, so each version has its own length
    blob = (unit * (size // len(unit) + 1))[:size]
    return {"n": n, "digest": digest, "blob": blob,
            "answers": {f"q{i}": f"answer {i} of version {n}" for i in range(1, 6)}}


def main(argv: list[str]) -> int:
    first = int(argv[1]) if len(argv) > 1 else 1
    from lessons.learner.progress import Progress

    progress = Progress()
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    n = first
    while True:
        progress.set(LESSON, KEY, payload(n))
        out.write(f"{n}\n")
        out.flush()
        n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
