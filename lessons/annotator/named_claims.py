"""A dispute or a check that names the claim it is about ("He dismissed the allegation that their
forces have been reduced", "could not verify reports that the bridge was hit") points at that
claim, not at whatever sentence happens to come before it.

:func:`names_another_claim` tells :func:`lessons.annotator.cues.mark_claim_before` to leave the
sentence before alone when it speaks of none of the named claim: the claim is then looked for
further back, by its topic, as for a flat denial.
"""
from __future__ import annotations

from .memo import search_once
from .topics import topic


def named_claim(text: str, rules) -> str:
    """The claim a sentence names after one of the ``named_claims`` nouns and "that" ("the
    allegation that their forces have been reduced" gives "their forces have been reduced"), or ""."""
    m = search_once(rules.reading.named_claim, text)     # once per sentence, however many markers it holds
    return m.group(1) if m else ""


def names_another_claim(i: int, j: int, sentences, attributions, rules) -> bool:
    """Sentence ``i`` names the claim it disputes or checks, and sentence ``j`` shares no topic word
    with it (the words for ``j``'s speaker aside: "rebels" said by the rebels is no topic)."""
    claim = named_claim(sentences[i].text, rules)
    if not claim:
        return False
    who = topic(attributions[j].speaker.label, rules) if attributions[j] else set()
    return not (topic(claim, rules) & topic(sentences[j].text, rules)) - who - rules.reading.speaker_stems
