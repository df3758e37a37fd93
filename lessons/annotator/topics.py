"""The words that carry what a text is about, shared by the tests of whether a denial and a claim
speak of the same thing (denials.py, named_claims.py)."""
from __future__ import annotations

import re

from .figures import is_casualty_word
from .memo import per_text


def topic(text: str, rules) -> set[str]:
    """The words that carry what a text is about, their endings cut off ("bombed" and "bomb" are one).

    >>> sorted(topic("Government forces bombed the rebel positions", __import__("lessons").annotator.rules.load_rules()))
    ['bomb', 'forc', 'gover', 'posit', 'rebel']
    >>> sorted(topic("Rebels killed 12 soldiers", __import__("lessons").annotator.rules.load_rules()))
    ['casualties', 'rebel', 'soldi']
    """
    return set(_topic(text, rules))


@per_text
def _topic(text: str, rules) -> frozenset[str]:
    """:func:`topic`, worked out once per text: a claim is weighed against several denials, and a
    denial against several claims."""
    stop = rules.reading.topic_stop_words
    out = set()
    for w in re.findall(r"[A-Za-z]+", text):
        w = w.lower()
        if is_casualty_word(w, rules):
            out.add("casualties")         # "killed", "dead" and "casualties" speak of one thing
        elif len(w) > 3 and w not in stop:
            out.add(_ENDING.sub("", w)[:5] if len(_ENDING.sub("", w)) >= 4 else w[:5])
    return frozenset(out)


_ENDING = re.compile(r"(?:ing|ed|es|s)$")
