"""Lines and sentences that give no account a dispute could answer.

Small pure functions of the article's sentences, used where a verification or dispute marker
looks back for the claim it answers (:func:`.cues.mark_claim_before`).
"""
from __future__ import annotations


def is_pledge(text: str, rules) -> bool:
    """A sentence that reports a vow, a pledge or a threat ("He vowed the Taliban would continue its
    fight"): a stand on what someone will do, not an account of what happened, so a dispute of
    the next sentence does not point at it. The verbs are ``pledge_verbs`` in reading.yaml."""
    return bool(rules.reading.pledge.search(text))
