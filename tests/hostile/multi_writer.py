"""One of several processes saving progress at once: the child of ``test_hostile_progress.py``.

    MLK_PROGRESS_DIR=FOLDER python tests/hostile/multi_writer.py NAME SECONDS|COUNT

Saves ``writer-NAME`` / ``k0``, ``k1``, ... through :class:`lessons.learner.progress.Progress`
as fast as it can, for SECONDS (a number with a dot, e.g. ``60.0``) or COUNT keys, then prints
how many saves had to wait for the lock and how many keys it saved. Every process writes
different keys, so nothing may be lost.
"""
from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    name, amount = argv[1], argv[2]
    from lessons.learner.progress import Progress

    progress = Progress()
    deadline = time.monotonic() + float(amount) if "." in amount else None
    count = None if deadline else int(amount)
    n = waits = 0
    while (deadline is None and n < count) or (deadline is not None and time.monotonic() < deadline):
        try:
            progress.set(f"writer-{name}", f"k{n}", {"n": n, "by": name})
        except OSError:        # another process held the lock too long: kept, saved next time
            waits += 1
        n += 1
    while True:                # what a learner's next change would do: save what is still kept
        try:
            progress.save()
            break
        except OSError:
            waits += 1
            time.sleep(0.01)
    print(f"waits {waits}", flush=True)
    print(n, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
