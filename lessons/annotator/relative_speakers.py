""""it" or "they" speaking inside a relative clause is the subject the sentence opened with:
"The Israeli military also led journalists on a tour of a tunnel where it said there was evidence ...",
"Top Pakistani leaders convened to discuss threats, which they now claim emanate from Afghanistan".

The pronoun's antecedent is in the same sentence, so the body named in an earlier sentence (what "it"
otherwise means) is the wrong speaker. Only a subject that names a source of some kind (a role word such
as "military" or "leaders") is taken.
"""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4)
def _relative_pronoun(openers: frozenset) -> re.Pattern:
    """A clause opener ("where", "which") and "it"/"they" at the end of the words before a verb."""
    alts = "|".join(sorted(re.escape(w) for w in openers))
    return re.compile(r"(?i)\b(?:%s)\s+(?:it|they)(?:\s+(?:now|also|still|had|have|has))?\s*$" % alts)

_ADVERBIAL = re.compile(r"\W*(?:[A-Z]?[a-z]+\s+){0,4}[a-z]+,\s+")     # "This past week, ", "On Sunday, "
_WORD = re.compile(r"[\w.'’-]+")
_AT_MOST_WORDS = 7


def clause_subject(s: str, left: str, state, rules):
    """The source the sentence ``s`` opened with, when ``left`` (the words before a speech verb) ends in a
    relative word and "it"/"they"; else None. Returns ``(words, speaker, head)`` like a resolved candidate."""
    if not _relative_pronoun(rules.sources.clause_openers).search(left):
        return None
    from .speakers import resolve

    start = _ADVERBIAL.match(s)
    opening = s[start.end():] if start else s
    words = _WORD.findall(opening[:200])[:_AT_MOST_WORDS]
    lex = rules.sources
    for k in range(1, len(words) + 1):          # the first role word ends the subject ("The Israeli military")
        if not lex.role_pattern.fullmatch(words[k - 1].lower()):
            continue
        phrase = " ".join(words[:k])
        sp, head = resolve(phrase, state, rules)
        if sp is not None and sp.kind in ("official", "expert"):
            return phrase, sp, head
        return None
    return None
