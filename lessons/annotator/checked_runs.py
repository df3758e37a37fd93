"""A party's run of claims that the reporter's check interrupts goes on after it.

"Usman said Gamboru Ngala forms economic links .... There was no independent confirmation of the
military's claims. Usman said the military has seriously degraded Boko Haram's ability to wage war."
The check points back at the spokesman's claims; the spokesman's next sentence, right after it,
is the same party's claim and stands next to the check too (the guidelines: a run of one
party's sentences is one claim, and a claim next to a verification statement is unverified).
"""
from __future__ import annotations

from .cues import explain, same_party
from .model import Annotation

RUN = 3
"""How many of the party's sentences after the check are marked with it (the work is bounded)."""


def _check_in(r, i: int):
    """The reporter's own verification marker in sentence ``i`` (no speaker, not a dispute) that
    speaks of a party's claims in general (``checked_claims``), or None."""
    if r.attributions[i]:
        return None                       # a party's words
    check = next((a for a in r.per_sentence[i] if a.category == "unverified" and a.rule in r.verification_ids), None)
    if check is None or not r.rules.reading.checked_claims.search(r.sentences[i].text):
        return None                       # no check, or a check of one thing ("If confirmed, it would be ...")
    return check


def mark_run_after_check(r) -> None:
    """Mark the claimant's sentences right after a reporter's check that marked the claimant's
    sentence right before it: the same party (not an analyst), in the check's paragraph or the next."""
    sentences, attributions = r.sentences, r.attributions
    for i in range(1, len(sentences) - 1):
        check = _check_in(r, i)
        before = attributions[i - 1]
        if check is None or not before or before.speaker.kind == "expert" \
                or not any(a.rule == "unverified.neighbour" for a in r.per_sentence[i - 1]):
            continue
        for j in range(i + 1, min(len(sentences), i + 1 + RUN)):
            a = attributions[j]
            if not a or not same_party(a.speaker, before.speaker, r.rules) \
                    or sentences[j].paragraph - sentences[j - 1].paragraph > 1:
                break
            s = sentences[j]
            r.add(j, Annotation("unverified", s.start, s.end, check.cue, "unverified.neighbour",
                                explain(r.rules, "unverified.neighbour", cue=check.cue), r.source_label(j)))
