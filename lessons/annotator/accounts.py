"""Lines and sentences that give no account a dispute could answer.

Small pure functions of the article's sentences, used where a verification or dispute marker
looks back for the claim it answers (:func:`.cues.mark_claim_before`).
"""
from __future__ import annotations


def is_pledge(text: str, verb: str | None, rules) -> bool:
    """A sentence whose own reporting verb is a vow, a pledge or a threat ("He vowed the Taliban
    would continue its fight"): a stand on what someone will do, not an account of what happened,
    so a dispute of the next sentence does not point at it. A sentence that first reports an
    account ("said the army was losing, and vowed ...") is a claim all the same. The verbs are
    ``pledge_verbs`` in reading.yaml."""
    m = rules.reading.pledge.search(text)
    return bool(m and verb and m.group().lower().startswith(verb.lower()))
