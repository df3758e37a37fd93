"""The attack corpus: inputs built to break the kit or to make it slow.

Every test in ``tests/hostile/`` draws on these, so that each future change faces them again.
Text attacks are units repeated to any length (:func:`attack_text`), so a test can use a small
size and the benchmark (``python -m tools.bench hostile``) a large one. File attacks are byte
strings a learner could upload or find on disk as ``my-progress.json``.
"""
from __future__ import annotations

import json

# --- text built to be slow ----------------------------------------------------------------

TEXT_ATTACKS: dict[str, str] = {
    # One endless "sentence" of official statements and hedges.
    "ministry-said-may": "the ministry said it may be true and ",
    # A speech verb every 13 characters.
    "he-said-she-said": "he said that she said that ",
    # A speech verb every 6 characters, each with a long subject to read before it.
    "open-bracket-said": "(said ",
    # Possessive statements: "X's statement that" again and again.
    "possessive-statements": "the ministry's statement that the army's statement that ",
    # Verification and dispute markers, each pointing back at a claim.
    "markers": "could not be verified denied disputed unconfirmed claimed ",
    # "according to" after "according to".
    "according-to": "according to the ministry, according to officials, ",
    # Named experts, one after another.
    "experts": "John Smith, an expert at Oxford University, said ",
    # Hedge words with nothing else.
    "hedges": "may might could possibly perhaps reportedly allegedly appears suggests ",
    # Many tiny sentences: the cost of every sentence, paid again and again.
    "tiny-sentences": "It may be. ",
    "tiny-statements": "The ministry said it may be true. ",
    "name-colon": "Putin: yes. ",
    "quotations": '"It is," he said. "No," she said. ',
    "competing-figures": "The group said 31 died. The ministry said four. ",
    "one-word-paragraphs": "Giles said.\n\n",
    "no-spaces": "x" * 999 + " ",
    "quote-marks": "’s ’s ’s ‘ ’ “ ” ",
}


def attack_text(name: str, chars: int) -> str:
    """``chars`` characters of the attack called ``name`` (its unit repeated, then cut)."""
    unit = TEXT_ATTACKS[name]
    return (unit * (chars // len(unit) + 1))[:chars]


def news_text(chars: int) -> str:
    """``chars`` characters of real news writing (the lesson's article, repeated): the yardstick."""
    from lessons.text.article import load_article

    text = load_article().text + "\n\n"
    return (text * (chars // len(text) + 1))[:chars]


# --- progress files that fight back -------------------------------------------------------

def progress_bytes(lessons: dict, version: int = 2) -> bytes:
    """A well-formed progress file holding ``lessons``."""
    return json.dumps({"format": "media-literacy-kit/progress", "version": version,
                       "saved": None, "lessons": lessons}).encode("utf-8")


def nested(depth: int) -> str:
    """JSON text nested ``depth`` levels deep inside a lesson's value."""
    return ('{"format": "media-literacy-kit/progress", "version": 2, "saved": null, '
            '"lessons": {"lesson-0": {"deep": ' + "[" * depth + "]" * depth + "}}}")


PROGRESS_ATTACKS: dict[str, bytes] = {
    # An integer longer than Python's 4,300-digit limit for turning text into numbers.
    "huge-integer": ('{"format": "media-literacy-kit/progress", "version": 2, "saved": null, '
                     '"lessons": {"lesson-0": {"n": ' + "9" * 5000 + "}}}").encode("ascii"),
    # A lone surrogate: valid JSON, but it cannot be written back as UTF-8.
    "lone-surrogate": ('{"format": "media-literacy-kit/progress", "version": 2, "saved": null, '
                       '"lessons": {"reflections": {"lesson-0-hello": "a \\ud800 b"}}}').encode("ascii"),
    # Nested deeply enough to pass the JSON reader and crash anything that walks it.
    "nested-900": nested(900).encode("ascii"),
    "nested-600": nested(600).encode("ascii"),
    # A version-1 file with the wrong shape inside.
    "version-1-damaged": b'{"format": "media-literacy-kit/progress", "version": 1, "quiz_answers": [1]}',
    "not-json": b'{"format": "media-literacy-kit/progress", "vers',
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "foreign": b'{"name": "something else"}',
    "future": b'{"format": "media-literacy-kit/progress", "version": 99, "lessons": {}}',
    "lessons-not-a-mapping": b'{"format": "media-literacy-kit/progress", "version": 2, "lessons": [1, 2]}',
    "nan": b'{"format": "media-literacy-kit/progress", "version": 2, "lessons": {"a": {"b": NaN}}}',
}
