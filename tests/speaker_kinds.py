"""Who speaks in each sentence, as the speaker tests read it: one helper for every such test module."""
from __future__ import annotations

from lessons.annotator import analyse


def kinds_by_sentence(text: str) -> list[set[str]]:
    """The speaker categories (official, expert, another voice) marked in each sentence of ``text``."""
    return [{a.category for a in s.annotations if a.category in ("official", "expert", "voice")}
            for s in analyse(text).sentences]
