"""The kit's one error type: a problem a learner or teacher can fix, told in one kind sentence."""
from __future__ import annotations


class KitError(ValueError):
    """Something the person at the keyboard can put right; ``str(error)`` says what and how.

    Views and the command line catch this type and show its message as it is, with no
    traceback. Any other exception is a fault in the kit and gets the general "something went
    wrong" box. The particular kinds (an article that cannot be read, a damaged progress file,
    a broken quiz file) are subclasses, so ``except KitError`` catches them all.
    """
