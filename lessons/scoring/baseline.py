"""The word-list baseline: what a highlighter without rules would mark.

Every sentence holding a word from the same rule files counts, with no rule about who is
speaking or what the word means there. The annotator's worth is its margin over this.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..annotator.model import Annotation


@lru_cache(maxsize=1)
def _baseline_lexicon() -> dict[str, re.Pattern]:
    """One flat word list per category, taken from the same rule files without any context rules."""
    from ..annotator.rules import load_rules

    rules = load_rules()
    lex = rules.sources
    words = {
        "hedge": [r.pattern.pattern for r in rules.hedges],
        "unverified": [r.pattern.pattern for r in rules.unverified],
    }
    pats = {c: re.compile("|".join(p), re.IGNORECASE) for c, p in words.items()}
    for kind in ("official", "expert"):
        role_words = [re.escape(w) for w, k in lex.roles.items() if k == kind]
        pats[kind] = re.compile(r"\b(?:%s)s?\b" % "|".join(sorted(role_words, key=len, reverse=True)),
                                re.IGNORECASE)
    return pats


def lexicon_baseline(text: str) -> list[Annotation]:
    """Annotate by word lists alone: every cue word anywhere marks its category.

    This is what a highlighter without rules would do; the rules' worth is the difference.
    """
    out = []
    for cat, pat in _baseline_lexicon().items():
        for m in pat.finditer(text):
            out.append(Annotation(cat, m.start(), m.end(), m.group(), f"baseline.{cat}",
                                  "A word from the list was found.", None))
    return out
