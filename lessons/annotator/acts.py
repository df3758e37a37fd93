"""An official body's act told as a fact in the body of a report: "The FCC on Thursday outlawed
robocalls", "A government commission has voted to end ...", "The ministry ordered ...".

Such a sentence reports what the body decided or enforced as the body announced it: an official
statement told without a speech verb, like a headline's act (headline_acts.py). The act verbs are
``official_acts`` (sources.yaml): decisions (a vote to act, a ban, an order, a closure, a fine),
never fighting, killing or arrests, which the keys read as narration. The subject must open the sentence (after at most a short
opener such as "On Friday,") and name an official body or a country; a company, a court's party or
an armed group acting is another voice or nobody's.
"""
from __future__ import annotations

import re

from .attribution import Attribution, named_as
from .speakers import State, resolve

_AT_MOST_WORDS = 6          # "The U.S. Federal Communications Commission": a short subject
_SEARCH_WITHIN = 140        # the act verb comes early: the subject opens the sentence
_OPENER = re.compile(r"^(?:(?:On|In|Earlier|Late|Last|This|Also|Meanwhile|Separately)\b[^,\"“”]{0,40},\s+)")
"""A short opener before the subject: "On Friday,", "Earlier this week,", "Separately,"."""
_BEFORE_VERB = re.compile(r"(?:\s+(?:on|late on|early on|last|this)\s+[A-Z]?\w+day|\s+(?:has|have|had|also|now|"
                          r"again|formally|officially|unanimously|quickly|previously|already))+\s*$", re.IGNORECASE)
"""What may stand between the subject and the act verb: "on Thursday", "has", "also", "formally"."""


def official_act(s: str, people: dict, rules):
    """The official body that sentence ``s`` says acted, as ``(subject, speaker, verb, at)``, or None."""
    m = rules.sources.official_acts.search(s, 0, _SEARCH_WITHIN)
    if not m or not m.start():
        return None
    left = s[:m.start()]
    opener = _OPENER.match(left)
    at = opener.end() if opener else 0
    subject = _BEFORE_VERB.sub("", left[at:]).strip()
    if not subject or len(subject.split()) > _AT_MOST_WORDS or not (subject[:1].isupper() or opener) \
            or re.search(r"[,:;“”\"()]", subject):
        return None
    sp, _ = resolve(subject, State(people=people), rules)
    if sp is None or sp.kind != "official":
        return None
    return subject, sp, m.group(), at


def find_official_acts(r) -> None:
    """A sentence with no speaker of its own whose subject, an official body, decided or enforced
    something ("The ministry ordered ...", "The FCC outlawed ...") is that body's account."""
    for i, sent in enumerate(r.sentences):
        if r.attributions[i] is not None or r.others[i] or r.credit[i] \
                or sent.text.lstrip()[:1] in "\"“'‘":
            continue
        act = official_act(sent.text, r.state.people, r.rules)
        if act is not None:
            subject, sp, verb, at = act
            r.attributions[i] = Attribution(sp, f"{subject} {verb}", "attribution", verb,
                                            named_as(subject, sp, r.rules), at)
