"""Cue words from the rule files (hedges, verification and dispute markers), and tidying the result."""
from __future__ import annotations

import bisect
import re

from ..text.sentences import Sentence
from .model import Annotation
from .rules import Rules
from .attribution import subject_before
from .speakers import State, resolve


SENTENCE_LEVEL_RULES = frozenset({"unverified.neighbour", "unverified.competing_figures", "unverified.contested"})
"""Unverified rules that mark a whole sentence rather than the marker words in it."""


def cue_matches(rule, sent: Sentence, text: str, state: State, rules: Rules):
    s = sent.text
    for m in rule.pattern.finditer(s):
        before, after = s[:m.start()], s[m.end():]
        if rule.not_before and rule.not_before.search(before):
            continue
        if rule.not_after and rule.not_after.search(after):
            continue
        if rule.skip_capitalised and m.group()[:1].isupper() and before.strip(" “\"‘'(") != "":
            continue
        if rule.subject_not_speaker:
            subj = subject_before(before)
            if subj and (subj.strip().lower() in ("he", "she", "they", "i", "we") or
                         resolve(subj, State(people=state.people), rules)[0]):
                continue          # a person "suggested": that is reporting what they said
        yield m.start() + sent.start, m.end() + sent.start, m.group()



def explain(rules: Rules, key: str, **kw) -> str:
    return rules.explanations[key].format(**kw)



def sentences_hit(pattern: re.Pattern, text: str, sentences) -> set[int]:
    """Indices of the sentences that any match of ``pattern`` in ``text`` touches."""
    starts = [s.start for s in sentences]
    hit: set[int] = set()
    for m in pattern.finditer(text):
        k = max(0, bisect.bisect_right(starts, m.start()) - 1)
        while k < len(sentences) and sentences[k].start < m.end():
            if sentences[k].end > m.start():
                hit.add(k)
            k += 1
    return hit


def is_headline(sentences, j: int, text: str) -> bool:
    """The first line of a text without a full stop: a headline, not a claim a dek can answer."""
    s = sentences[j]
    return s.paragraph == sentences[0].paragraph and j == 0 and not s.text.rstrip().endswith((".", "!", "?", '"', "”"))


def mark_claim_before(i, sentences, attributions, rules, cue, add) -> None:
    """Mark the reported claim just before a verification or dispute marker, and the same party's run."""
    j = i - 1
    if sentences[j].paragraph < sentences[i].paragraph - 1:
        return
    if attributions[i] and attributions[j] and attributions[i].speaker == attributions[j].speaker:
        return                            # a speaker does not dispute their own words
    claim = attributions[j] or (re.search(r"(?i)\b(reports?|reported|claims?|claimed|said|says)\b", sentences[j].text) and "report")
    if not claim:
        return
    speaker = attributions[j].speaker if attributions[j] else None
    if re.search(r"(?i)\b(?:either|neither|both|conflicting|competing)\b", sentences[i].text):
        # "unable to verify either account": every claim in the last two paragraphs before it.
        first_para = sentences[i].paragraph - 2
        while j >= 0 and sentences[j].paragraph >= first_para:
            if attributions[j]:
                s = sentences[j]
                add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                                  explain(rules, "unverified.neighbour", cue=cue), attributions[j].speaker.label))
            j -= 1
        return
    while j >= 0:
        s = sentences[j]
        add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                          explain(rules, "unverified.neighbour", cue=cue),
                          speaker.label if speaker else None))
        j -= 1
        if j < 0 or speaker is None or not attributions[j] or attributions[j].speaker != speaker:
            break


def dedupe(annotations: list[Annotation]) -> list[Annotation]:
    """Drop exact repeats and shorter cues inside a longer cue of the same category."""
    seen, out = set(), []
    reach: dict[str, int] = {}      # per category: the furthest end of a kept cue (they start at or before a)
    for a in sorted(annotations, key=lambda a: (a.category, a.start, -(a.end - a.start))):
        if (a.category, a.start, a.end) in seen:
            continue
        cue = a.category in ("hedge", "unverified") and a.rule not in SENTENCE_LEVEL_RULES
        if cue and a.end <= reach.get(a.category, -1):
            continue                # inside a longer cue kept before (an identical span was caught above)
        seen.add((a.category, a.start, a.end))
        out.append(a)
        if cue:
            reach[a.category] = max(reach.get(a.category, -1), a.end)
    return out

