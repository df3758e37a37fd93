"""Cue words from the rule files (hedges, verification and dispute markers), and tidying the result."""
from __future__ import annotations

import bisect
import re

from ..text.sentences import Sentence
from . import prefilter
from .memo import search_once
from .model import Annotation
from .rules import Rules
from .accounts import is_pledge, is_subhead
from .attribution import subject_before
from .named_claims import names_another_claim
from .speakers import State, resolve


SENTENCE_LEVEL_RULES = frozenset({"unverified.neighbour", "unverified.competing_figures", "unverified.contested",
                                  "unverified.rival_account", "unverified.rival_in_one", "unverified.denied_later",
                                  "unverified.claim_run", "unverified.denier_run"})
"""Unverified rules that mark a whole sentence rather than the marker words in it."""

WINDOW = 300
"""How far either side of a cue its conditions look, so that the work per cue is bounded."""


def cue_matches(rule, sent: Sentence, text: str, state: State, rules: Rules):
    s = sent.text
    for m in rule.pattern.finditer(s):
        before, after = s[max(0, m.start() - WINDOW):m.start()], s[m.end():m.end() + WINDOW]
        if rule.not_before and rule.not_before.search(before):
            continue
        if rule.not_after and rule.not_after.search(after):
            continue
        if rule.skip_capitalised and m.group()[:1].isupper() and before.strip(" “\"‘'(") != "" \
                and not _modal_in_title_case(s, before, after, rules):
            continue
        if rule.subject_not_speaker:
            subj = subject_before(before)
            head = (re.findall(r"[A-Za-z]+", subj) or [""])[-1].lower()
            if subj and head not in rule.evidence_subjects and (subj.strip().lower() in rules.names.subject_pronouns or
                         resolve(subj, State(people=state.people), rules)[0]):
                continue          # a person "suggested": that is reporting what they said
        yield m.start() + sent.start, m.end() + sent.start, m.group()



def _modal_in_title_case(sentence: str, before: str, after: str, rules: Rules) -> bool:
    """"Crackdown May Fuel Extremism": in a title-case headline a capitalised "May" before a verb is the
    modal; so is "May be" or "May have" anywhere ("China May be Facing Problems"): no month or name
    goes on that way."""
    if re.match(r"\s+(?:not\s+)?(?:be|have)\s+[a-z]", after, re.IGNORECASE) and not rules.reading.before_a_month.search(before):
        return True
    words = [w for w in re.findall(r"[A-Za-z]+", sentence) if len(w) > 3]
    title = bool(words) and sum(w[0].isupper() for w in words) * 2 > len(words)
    return title and bool(re.match(r"\s+(?:Not\s+)?(?:Be|Have|[A-Z][a-z]+)\b(?!\s*\d)", after)) \
        and not rules.reading.before_a_month.search(before)


def explain(rules: Rules, key: str, **kw) -> str:
    return rules.explanations[key].format(**kw)



def sentences_hit(pattern: re.Pattern, text: str, sentences) -> set[int]:
    """Indices of the sentences that any match of ``pattern`` in ``text`` touches."""
    starts = [s.start for s in sentences]
    hit: set[int] = set()
    for m in prefilter.finditer(pattern, text):
        k = max(0, bisect.bisect_right(starts, m.start()) - 1)
        while k < len(sentences) and sentences[k].start < m.end():
            if sentences[k].end > m.start():
                hit.add(k)
            k += 1
    return hit


def content_words(text: str, rules) -> set[str]:
    """The words that carry a sentence's topic, cut to five letters ("mobiles" and "mobile" are one);
    the words too common to show one are ``topic_stop_words`` in reading.yaml."""
    stop = rules.reading.topic_stop_words
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3 and w.lower() not in stop}


def is_headline(sentences, j: int, text: str) -> bool:
    """The first line of a text without a full stop: a headline, not a claim a dek can answer."""
    s = sentences[j]
    return s.paragraph == sentences[0].paragraph and j == 0 and not s.text.rstrip().endswith((".", "!", "?", '"', "”"))


def mark_claim_before(i, sentences, attributions, rules, cue, add) -> None:
    """Mark the reported claim just before a verification or dispute marker, and the same party's run."""
    j = i - 1
    if sentences[j].paragraph < sentences[i].paragraph - 1 or is_subhead(sentences, i):
        return                            # too far back, or a subhead announcing what follows
    if attributions[j] and is_pledge(sentences[j].text, attributions[j].verb, rules):
        return                            # "He vowed the Taliban would fight on": a stand, no account
    if attributions[i] and attributions[j] and attributions[i].speaker == attributions[j].speaker:
        return                            # a speaker does not dispute their own words
    if attributions[i] and attributions[j] and attributions[j].speaker.kind == "expert" != attributions[i].speaker.kind \
            and not (content_words(sentences[i].text, rules) & content_words(sentences[j].text, rules)) \
            - content_words(attributions[j].speaker.label, rules) - rules.reading.speaker_stems:
        return                            # a party answering an analyst's comment on something else: not that comment
    if attributions[j] and rules.reading.agreed_subject.match(sentences[j].text):
        return                            # "Both rebels and military sources said ...": agreed, not disputed
    if attributions[j] and rules.reading.feeling.search(sentences[j].text):
        return                            # "Observers say they are cautiously optimistic": a feeling, no account
    # "The group says about 80 people were killed. Singers were also among the dead. The number
    # could not be verified.": a sentence that goes on with the claim before it in its paragraph.
    goes_on = not attributions[j] and j > 0 and attributions[j - 1] and not attributions[i] \
        and sentences[j - 1].paragraph == sentences[j].paragraph and re.search(r"\balso\b", sentences[j].text)
    claim = attributions[j] or (search_once(rules.reading.claim_words, sentences[j].text) and "report") \
        or (search_once(rules.reading.evidence_claim, sentences[j].text) and "evidence") or goes_on
    if not claim:
        j = _claim_past_background(i, sentences, attributions, rules, cue)
        if j is None:
            return
    if names_another_claim(i, j, sentences, attributions, rules):
        return                            # "He dismissed the allegation that their forces ...": a claim on something else
    speaker = attributions[j].speaker if attributions[j] else None
    if speaker is None and j > 0 and attributions[j - 1] and sentences[j - 1].paragraph >= sentences[j].paragraph - 1 \
            and (goes_on or search_once(rules.reading.evidence_claim, sentences[j].text)
                 and len(content_words(sentences[j].text, rules) & content_words(sentences[j - 1].text, rules)) >= 2):
        # "U.S. officials say the seized documents show ... The computer files indicate ...": one claim.
        s = sentences[j]
        add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                          explain(rules, "unverified.neighbour", cue=cue), attributions[j - 1].speaker.label))
        j -= 1
        speaker = attributions[j].speaker
    if search_once(rules.reading.every_claim_words, sentences[i].text):
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
        if j < 0 or speaker is None or not attributions[j] or speaker.kind == "expert" \
                or not (same_party(attributions[j].speaker, speaker, rules)
                        or _one_state(attributions[j].speaker, speaker, attributions[i], rules)) \
                or sentences[j + 1].paragraph - sentences[j].paragraph > 1:
            break                         # an analyst's run is commentary on many things: only the sentence answered
        speaker = attributions[j].speaker


def _one_state(a, b, disputer, rules) -> bool:
    """"Norvale's government said ... Interior Minister Selma Brandt told parliament ... Kestria's
    Foreign Ministry denied the accusation": two officials in a row, of no two different countries,
    answered by a party of another country, speak for one state."""
    if a.kind != "official" or b.kind != "official" or not disputer:
        return False
    na, nb, nd = (_country(f"{x.name} {x.description}", rules) for x in (a, b, disputer.speaker))
    if na and nb and na[0] != nb[0]:
        return False
    ours = (na or nb)[:1]
    return bool(ours and nd and nd[0] != ours[0])


def _country(name: str, rules) -> list[str]:
    """The country a speaker's name gives: a known one ("Russian", "Kenya's"), else the owner of a
    possessive body ("Norvale's government", "Kestria's Foreign Ministry") by its first letters."""
    known = nations(name, rules)
    if known:
        return known
    owner = re.match(r"([A-Z][a-z]{3,})['’]s\s", name)
    return [owner.group(1)[:4].lower()] if owner else []


def _claim_past_background(i, sentences, attributions, rules, cue) -> int | None:
    """"The army says it killed 30 rebels. The area has seen heavy fighting. The rebels denied the
    claim.": a dispute that points back ("the claim", "this") past one sentence of the reporter's
    background answers the party's claim before it. The sentence of that claim, or None."""
    j = i - 2
    at = sentences[i].text.find(cue)
    if j < 0 or at < 0 or attributions[i - 1] or not attributions[j] or attributions[j].speaker.kind == "expert" \
            or sentences[i].paragraph - sentences[j].paragraph > 2 \
            or not rules.reading.pointed_claim.match(sentences[i].text[at + len(cue):]):
        return None
    if attributions[i] and same_party(attributions[i].speaker, attributions[j].speaker, rules):
        return None                       # the same party going on, not answering
    return j


def same_party(a, b, rules) -> bool:
    """One party under two names: "Army officials in Nepal" and "the army spokesman"."""
    if a == b:
        return True
    na, nb = _nation(a.name, rules), _nation(b.name, rules)
    if a.kind != b.kind or (na and nb and na != nb):
        return False                      # "Russian Defense Ministry" and "British Defense Ministry" are two
    if content_words(a.name, rules) & content_words(b.name, rules) - rules.reading.generic_speaker_stems:
        return True
    # "the union's regional chairman, Dusan Morek" speaks for "the Karsenian Miners' Union": a body
    # named in one's description is the other's name.
    body = rules.reading.generic_speaker_stems | rules.reading.speaker_stems
    return any((content_words(x.name, rules) - body) & content_words(y.description, rules)
               for x, y in ((a, b), (b, a)) if y.description)


def _nation(name: str, rules) -> str:
    """The country a speaker's name gives, as its first letters ("Russian", "Russia's" → "russ")."""
    return next(iter(nations(name, rules)), "")


def nations(text: str, rules) -> list[str]:
    """The countries a text names, by their first letters, in order ("Vietnam and China" → viet, chin)."""
    out = []
    for m in re.finditer(r"\b([A-Z][a-z]+)(?:['’]s)?\b", text):
        w = m.group(1)
        if (rules.names.demonym.match(w) or w.lower() in rules.sources.places) and w[:4].lower() not in out:
            out.append(w[:4].lower())
    return out


def mark_both_sides(i, sentences, attributions, rules, cue, add) -> None:
    """After "Vietnam and China traded accusations": each side's account in the paragraphs that follow."""
    parties = nations(sentences[i].text, rules)
    pair = re.search(r"\b([A-Z][a-z]{3,})(?:['’]s)?\s+and\s+([A-Z][a-z]{3,})\b", sentences[i].text)
    if len(parties) < 2 and pair:
        parties = [pair.group(1)[:4].lower(), pair.group(2)[:4].lower()]   # two places the lists do not know
    if len(parties) < 2:
        return
    for j in range(i + 1, min(len(sentences), i + 9)):
        if sentences[j].paragraph > sentences[i].paragraph + 4:
            break
        a = attributions[j]
        side = _nation(a.speaker.label, rules) or _nation(a.cue, rules) if a else ""
        if a and not side:
            side = next((w[:4].lower() for w in re.findall(r"\b[A-Z][a-z]{3,}", a.cue) if w[:4].lower() in parties), "")
        if a and a.speaker.kind in ("official", "voice") and side in parties:
            s = sentences[j]
            add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                              explain(rules, "unverified.neighbour", cue=cue), a.speaker.label))


ACCOUNTS_AFTER = 4
"""How many sentences after "there were conflicting reports" the accounts it announces are looked for."""


def mark_accounts_after(i, sentences, attributions, rules, cue, add) -> None:
    """After the reporter's "there were conflicting reports about who holds the town": the parties'
    accounts that follow it, up to the first sentence that reports no one (the reporter's own
    narration ends them), within the next paragraph, and never an analyst's comment."""
    a = attributions[i]
    if a and not (a.verb and a.verb.lower() in cue.lower().split()) or is_headline(sentences, i, sentences[i].text):
        return                            # a party's own words (not the noun "reports" read as a verb), or a headline
    for j in range(i + 1, min(len(sentences), i + 1 + ACCOUNTS_AFTER)):
        if sentences[j].paragraph - sentences[j - 1].paragraph > 1 or sentences[j].paragraph > sentences[i].paragraph + 2:
            return
        a = attributions[j]
        if a and a.speaker.kind == "expert":
            return
        if not a and not search_once(rules.reading.claim_words, sentences[j].text):
            return
        s = sentences[j]
        add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                          explain(rules, "unverified.neighbour", cue=cue), a.speaker.label if a else None))


def mark_claim_after(i, sentences, attributions, rules, cue, add) -> None:
    """Mark another party's claim right after a denial when it answers it, and that party's run.

    "He called the documents inconsistent. But Colombian authorities say the documents show ..."
    It answers when it opens with "But" or "However" and shares a topic word ("documents"), or
    when it shares two; a sentence on something else, or an analyst weighing both, is not marked.
    """
    j = i + 1
    if j >= len(sentences) or sentences[j].paragraph > sentences[i].paragraph + 1 or not attributions[j] \
            or is_headline(sentences, i, sentences[i].text):
        return                            # a headline's denial is the story the report then tells
    speaker = attributions[j].speaker
    if attributions[i] and attributions[i].speaker == speaker:
        return                            # the denier goes on: their own words, not a rival claim
    if speaker.kind == "expert":
        return                            # an analyst's comment weighs the claims, it is not one of them
    if rules.reading.new_topic_opener.match(sentences[j].text):
        return                            # "Meanwhile, the government says ...": something else
    if rules.reading.pledge.search(sentences[j].text):
        return                            # "The rebels have vowed to take the city": a stand, not an account
    who = content_words(speaker.label, rules) | content_words(attributions[i].speaker.label if attributions[i] else "", rules)
    shared = (content_words(sentences[i].text, rules) & content_words(sentences[j].text, rules)) - who \
        - rules.reading.speaker_stems
    answers = rules.reading.answer_opener.match(sentences[j].text)
    if not (shared and answers) and len(shared) < 2:
        return                            # neither "But X says ..." on the same thing, nor the same evidence again
    while j < len(sentences) and attributions[j] and attributions[j].speaker == speaker \
            and sentences[j].paragraph <= sentences[i].paragraph + 1:
        s = sentences[j]
        add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                          explain(rules, "unverified.neighbour", cue=cue), speaker.label))
        j += 1


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

