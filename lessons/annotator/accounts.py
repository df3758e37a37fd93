"""Lines and sentences that give no account a dispute could answer.

Small pure functions of the article's sentences, used where a verification or dispute marker
looks back for the claim it answers (:func:`.cues.mark_claim_before`,
:func:`.denials.rival_claim_before`).
"""
from __future__ import annotations


SUBHEAD_WORDS = 8
"""The most words a subhead has: a heading line, not a sentence."""


def is_subhead(sentences, i: int) -> bool:
    """A short line alone in its paragraph, after the first line, with no sentence end: a subhead
    ("'Completely unfounded'"), which announces the paragraphs after it, so a dispute word in it
    does not answer the sentence before it.

    >>> from lessons.text.sentences import Sentence
    >>> ss = [Sentence(0, 5, "Title", 0), Sentence(6, 30, "He vowed to fight on.", 1),
    ...       Sentence(31, 55, "'Completely unfounded'", 2), Sentence(56, 80, "The claim is false.", 3)]
    >>> is_subhead(ss, 2), is_subhead(ss, 3), is_subhead(ss, 0)
    (True, False, False)
    """
    if i <= 0 or i >= len(sentences):
        return False
    s = sentences[i]
    alone = sentences[i - 1].paragraph != s.paragraph and (i + 1 == len(sentences) or sentences[i + 1].paragraph != s.paragraph)
    ending = s.text.rstrip().rstrip("\"'”’»)").rstrip()
    return alone and len(s.text.split()) <= SUBHEAD_WORDS and not ending.endswith((".", "!", "?", ":", ";", ","))


def is_pledge(text: str, verb: str | None, rules) -> bool:
    """A sentence whose own reporting verb is a vow, a pledge or a threat ("He vowed the Taliban
    would continue its fight"): a stand on what someone will do, not an account of what happened,
    so a dispute of the next sentence does not point at it. A sentence that first reports an
    account ("said the army was losing, and vowed ...") is a claim all the same. The verbs are
    ``pledge_verbs`` in reading.yaml."""
    m = rules.reading.pledge.search(text)
    return bool(m and verb and m.group().lower().startswith(verb.lower()))
