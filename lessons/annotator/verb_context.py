"""What the words around a speech or finding verb say about its subject (small pure functions).

- :func:`source_last`: a title-case headline that ends with its source and a present-tense verb
  after a comma ("..., Hun Sen's Position Secure, Analysts Say") reports that source; one ending in a
  passive ("..., Rebels Criticized") reports nobody.
- :func:`place_participle`: "found", "shown" or "seen" right before a place ("toxins found in the
  air") is a participle, no finding, unless "that" follows ("found in a survey that ...").
- :func:`finder_subject`: before a finding verb, "that" or "which" hands the verb to the noun before
  them, also after "despite" ("..., despite a study by independent scientists that found ...").
"""
from __future__ import annotations

import re

_SOURCE_BEFORE_LAST_VERB = re.compile(r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}$")
"""A headline's last words after a comma: ", Analysts " before a closing "Say"."""

_PARTICIPLES = frozenset({"found", "shown", "seen"})
"""Finding verbs that are also participles after a noun ("toxins found in the air", "the cells shown here")."""
_PLACE_AFTER = re.compile(r"\s+(?:in|on|at|near|across|inside|among|throughout|around|along|within|here|there)\b")
"""A place right after such a participle: where the thing is, not what someone found."""

_RELATIVE_END = re.compile(r"\s+(?:that|which)\s*$")
""""that" or "which" right before a finding verb: the noun before them found it ("a study ... that found")."""
_FINDER_LEAD = re.compile(r"(?i)\b(?:despite|in\s+spite\s+of|contrary\s+to|unlike)\s+(?=[^,]*$)")
""""despite a study by ...": the study, after the preposition that sets it against the sentence's claim."""


def source_last(s: str, vs: int, verb: str) -> bool:
    """Does the headline ``s`` end with its source and a present-tense ``verb`` (at ``vs``) after a comma?"""
    return not verb.endswith("ed") and bool(_SOURCE_BEFORE_LAST_VERB.search(s[:vs]))


def place_participle(s: str, ve: int, verb: str) -> bool:
    """Is ``verb`` (ending at ``ve``) a participle followed by a place, with no "that" clause after it?"""
    return verb in _PARTICIPLES and bool(_PLACE_AFTER.match(s, ve)) and " that " not in s[ve:ve + 80]


def finder_subject(left: str) -> str | None:
    """The words before a finding verb without a closing "that"/"which" (and a leading "despite"), or None."""
    if not _RELATIVE_END.search(left):
        return None
    return _FINDER_LEAD.sub("", _RELATIVE_END.sub("", left))
