"""Officials found on real wire copy the kit had not seen: object pronouns after "according to",
several sources joined after it, and later mentions of an official by one part of the name."""
from __future__ import annotations

from lessons.annotator import analyse


def kinds_by_sentence(text: str) -> list[set[str]]:
    return [{a.category for a in s.annotations if a.category in ("official", "expert", "voice")}
            for s in analyse(text).sentences]


def test_according_to_him_is_the_official_named_just_before():
    text = "Police Chief Tom Ash visited the site on Monday. According to him, the road was closed before the blast."
    assert kinds_by_sentence(text)[1] == {"official"}


def test_according_to_her_with_no_one_named_before_reports_no_one():
    text = "The road was closed on Monday. According to her, the blast came first."
    assert kinds_by_sentence(text)[1] == set()
