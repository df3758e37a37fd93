"""Flat denials: one party's plain "no" to another party's claim, with no dispute word in it.

"Police said the man raised a gun at the officers. ... His lawyer said he never owned a gun."
A cue rule marked ``answers_rival: true`` in ``unverified.yaml`` (the words of a flat negation:
"never", "there was no", "did not") counts only in a sentence that reports a party, not an
analyst, and only when one of the few sentences before it reports another party's claim on the
same thing (a topic word in common). :func:`rival_claim_before` finds that claim; the pass
``mark_unverified`` marks both and links them both ways.
"""
from __future__ import annotations

import re

from .accounts import is_subhead
from .checked_runs import mark_run_after_check
from .contested import _paragraph_number, _paragraphs
from .cues import WINDOW, cue_matches, explain, is_headline, nations, same_party
from .figures import digit_numbers
from .model import Annotation
from .phrasing import speaker_phrase
from .topics import topic

LOOK_BACK = 4
"""How many sentences before a flat denial its claim is looked for (the work per denial is bounded)."""

CLAUSE = 80
"""How many characters after the denial words the denied thing is looked for ("there had been no
military operation"): the topic word in common must be in what is denied, not elsewhere in the sentence."""

_CLAUSE_END = re.compile(r"[\"“”;]|[’'](?!\w)|,\s+(?:said|says|told|added)\b")
"""Where what is denied ends: a closing quotation mark, or the speaker named after a quotation."""

RUN = 3
"""How many sentences of the claimant's run, before the claim found, are marked with it; and how
many of the denier's own sentences may come right before a flat denial that still answers a claim."""


def rival_claim_before(i: int, denied: str, sentences, attributions, rules) -> list[int]:
    """The other party's claim that sentence ``i`` flatly denies, with that party's run before it.

    ``denied`` is the text right after the denial words: what they deny. Empty when sentence ``i``
    reports no party, reports an analyst (who weighs claims rather than making one), or when none
    of the ``LOOK_BACK`` sentences before the denier's run, within two paragraphs of it, reports a
    different party (not an analyst) saying something about what is denied (a topic word in common),
    or when more than ``RUN`` of the denier's own sentences come right before it: a negation that
    deep in a speaker's own account explains it ("... But people have no immunity to the virus"),
    it does not answer what someone else said before the speaker began.
    A sentence whose speaker was not found counts when a claim word shows it reports one ("Bashar
    also said the government forces bombed rebel positions").
    """
    a = attributions[i]
    if not a or a.speaker.kind == "expert" or is_subhead(sentences, i):
        return []
    mine = topic(denied, rules) - topic(a.speaker.label, rules) - rules.reading.speaker_stems
    anchor, seen = i, 0
    for j in range(i - 1, -1, -1):
        if seen >= LOOK_BACK or sentences[anchor].paragraph - sentences[j].paragraph > 2:
            break
        b = attributions[j]
        if b and same_party(a.speaker, b.speaker, rules):
            if seen == 0 and i - j > RUN:
                return []                 # deep in the denier's own account: it goes on with it
            anchor = j                    # the denier's own run: it does not use up the window
            continue
        seen += 1
        if b and b.speaker.kind == "expert" or not b and not rules.reading.claim_words.search(sentences[j].text):
            continue
        if mine & topic(sentences[j].text, rules) - topic(b.speaker.label if b else "", rules):
            run = [j]
            while b and len(run) <= RUN and run[-1] > 0 and attributions[run[-1] - 1] \
                    and attributions[run[-1] - 1].speaker == b.speaker \
                    and sentences[run[-1]].paragraph - sentences[run[-1] - 1].paragraph <= 1:
                run.append(run[-1] - 1)
            return sorted(run)
    return []


def mark_flat_denial(r, i: int, rule) -> None:
    """Mark the flat denial words of ``rule`` in sentence ``i``, and the claim they deny, linked both ways."""
    sent = r.sentences[i]
    found, claims = [], []
    for s0, e0, cue in cue_matches(rule, sent, r.text, r.state, r.rules):
        # What is denied: the words after the denial, and those inside it ("no attack had been carried out").
        denied = cue + _CLAUSE_END.split(r.text[e0:min(sent.end, e0 + CLAUSE)], maxsplit=1)[0]
        against = rival_claim_before(i, denied, r.sentences, r.attributions, r.rules)
        if against and not _says_the_same_no(r, against, rule, cue, denied):
            found.append((s0, e0, cue))
            claims = sorted(set(claims) | set(against))
    if not claims:
        return
    links = tuple((r.sentences[j].start, r.sentences[j].end) for j in claims)
    for s0, e0, cue in found:
        r.add(i, Annotation("unverified", s0, e0, cue, rule.id, rule.explanation.format(cue=cue),
                            r.source_label(i), challenges=links))
    why = explain(r.rules, "unverified.denied_later", challenger=speaker_phrase(r.attributions[i].speaker, r.rules),
                  where=_paragraphs([_paragraph_number(r, i)]))
    for j in claims:
        s = r.sentences[j]
        r.add(j, Annotation("unverified", s.start, s.end, found[0][2], "unverified.denied_later", why,
                            r.source_label(j), challenged_by=((sent.start, sent.end),)))


def _says_the_same_no(r, claims: list[int], rule, mine_cue: str, denied: str) -> bool:
    """One of ``claims`` already says "no" about the thing the flat denial speaks of ("We have no
    shelter and no food," a victim says; "So far, we have no food," says another): the second
    party agrees with the first, it denies nothing. Only what each "no" denies is compared, the
    speakers' words and the denial words both share ("never" and "never") aside."""
    mine = topic(denied, r.rules) - r.rules.reading.speaker_stems
    for j in claims:
        for s0, e0, cue in cue_matches(rule, r.sentences[j], r.text, r.state, r.rules):
            theirs = cue + _CLAUSE_END.split(r.text[e0:min(r.sentences[j].end, e0 + CLAUSE)], maxsplit=1)[0]
            if mine & topic(theirs, r.rules) - (topic(mine_cue, r.rules) & topic(cue, r.rules)):
                return True
    return False


def fill_claim_runs(r) -> None:
    """A sentence inside one party's run, with a marked sentence of that party on each side of it,
    belongs to the same claim (the guidelines: a run of one party's sentences is one claim). Its
    reason says which: both neighbours disputed or unchecked claims ("The army says 12 rebels died.
    It says the camp was hit. Rebels deny it."), or both disputes of another party's claim ("He
    denies the government's version. He says the army fled. He also denies ..."). With one of each
    the run is not one thing, and the sentence is left alone. First, a run the reporter's check
    interrupts goes on after it (checked_runs.py)."""
    mark_run_after_check(r)
    sentences, attributions = r.sentences, r.attributions
    marked = [any(a.category == "unverified" for a in anns) for anns in r.per_sentence]
    disputes = [all(a.rule in r.dispute_ids for a in anns if a.category == "unverified") for anns in r.per_sentence]
    for k in range(1, len(sentences) - 1):
        a, before, after = attributions[k], attributions[k - 1], attributions[k + 1]
        if marked[k] or not (marked[k - 1] and marked[k + 1] and a and before and after) \
                or not before.speaker == a.speaker == after.speaker or a.speaker.kind == "expert" \
                or sentences[k + 1].paragraph - sentences[k - 1].paragraph > 2 or disputes[k - 1] != disputes[k + 1]:
            continue
        s = sentences[k]
        why = "unverified.claim_run_in_dispute" if disputes[k - 1] else "unverified.claim_run"
        r.add(k, Annotation("unverified", s.start, s.end, a.verb or a.cue, "unverified.claim_run",
                            explain(r.rules, why), r.source_label(k)))


DENIER_RUN = 4
"""How many sentences after a denial the denier's own run is followed (the work per denial is bounded)."""

RUN_STARTS = ("unverified.denial", "unverified.rebuttal", "unverified.contrary", "unverified.doubt_insist",
              "unverified.doubt_dispute", "unverified.doubt")
"""The dispute rules whose sentence opens a denier's run: the speaker says another party's claim is wrong."""

def _denies_in_own_words(r, i: int) -> bool:
    """Sentence ``i``'s own speaker disputes a claim there ("The army denied the report"), not
    another party named after a contrast word ("the agency said ..., but aid workers disputed it")."""
    sent = r.sentences[i]
    for ann in r.per_sentence[i]:
        if ann.category == "unverified" and ann.rule in RUN_STARTS and sent.start <= ann.start < sent.end \
                and not r.rules.reading.contrast_within.search(r.text[max(sent.start, ann.start - WINDOW):ann.start]):
            return True
    return False


def _same_side(a, b, rules) -> bool:
    """One party, or two officials of one country ("the Sudanese government" and "Brigadier Al
    Aghbash, a Sudanese military spokesman"): the state speaking through two voices."""
    if same_party(a, b, rules):
        return True
    if a.kind != "official" or b.kind != "official":
        return False
    na, nb = nations(f"{a.name} {a.description}", rules), nations(f"{b.name} {b.description}", rules)
    return bool(na and nb and na[0] == nb[0])


_STANCE = re.compile(r"(?i)\b(?:will|would|shall|should|must|can|could|may|might)\s+$")
"""A modal just before a negation: a stand taken ("we will never sit with them"), not an account of what happened."""


def _counter_claim(text: str, rules):
    """The first word in ``text`` that sets the denier's own account against the claim, if any."""
    return next((m for m in rules.reading.counter_claim.finditer(text)
                 if not _STANCE.search(text[max(0, m.start() - 20):m.start()])), None)


_PLEDGE = re.compile(r"(?i)\b(?:will|won[’']t|would|shall|must|should)\b")


def _goes_on_quoting(text: str) -> bool:
    """The denier's quotation right after the denial, telling what happened ("'They were stopped
    easily by our armed forces,' said Ibrahim"), not a pledge ("'We will not allow ...'")."""
    return text.lstrip()[:1] in "\"“" and not _PLEDGE.search(text)


def _says_it_again(r, i: int, j: int) -> bool:
    """The denier's next sentence speaks again of what the denial is about ("denies his country's
    troops fired first. He said Thai soldiers attacked first."): a topic word of the denied words in
    common, and no pledge or plan ("It said it would investigate", "he plans to fight this plot")."""
    sent = r.sentences[i]
    denial = next((a for a in r.per_sentence[i] if a.category == "unverified" and a.rule in RUN_STARTS
                   and sent.start <= a.start < sent.end), None)
    if denial is None or _PLEDGE.search(r.sentences[j].text) or r.rules.reading.pledge.search(r.sentences[j].text) \
            or r.rules.reading.denier_plan.search(r.sentences[j].text):
        return False
    denied = topic(r.text[denial.end:sent.end], r.rules) - topic(r.attributions[i].speaker.label, r.rules)
    return bool(denied & topic(r.sentences[j].text, r.rules) - r.rules.reading.speaker_stems)


def mark_denier_runs(r) -> None:
    """The denier's own account right after a denial: "The army denied the report. 'The strike hit
    an empty field. There was zero chance of civilian casualties,' he said." The guidelines count a
    run of one party's sentences as one claim; here only the sentences of the run, up to
    ``DENIER_RUN`` after the denial, that set an account against the claim themselves are marked:
    a negation, "but", "actually" (``counter_claims`` in reading.yaml) or a figure in digits, a
    sentence that speaks again of what was denied (a topic word of the denied words: "There was a
    small group that resided inside Zawiya"), and the denier's quotation right after the denial,
    unless it is a pledge ("We will not allow ...").
    A sentence that reports nobody (the reporter's own) or another party ends the run."""
    sentences, attributions = r.sentences, r.attributions
    for i in range(len(sentences) - 1):
        a = attributions[i]
        if not a or a.speaker.kind == "expert" or is_headline(sentences, i, r.text) or not _denies_in_own_words(r, i):
            continue
        for j in range(i + 1, min(len(sentences), i + 1 + DENIER_RUN)):
            b = attributions[j]
            if not b or not _same_side(a.speaker, b.speaker, r.rules) \
                    or sentences[j].paragraph - sentences[j - 1].paragraph > 1:
                break
            counter = _counter_claim(sentences[j].text, r.rules)
            figure = digit_numbers(sentences[j].text, r.rules)
            if not (counter or figure or (j == i + 1 and _goes_on_quoting(sentences[j].text))
                    or _says_it_again(r, i, j)):
                continue                  # the denier goes on about something else: not part of the dispute
            s = sentences[j]
            cue = counter.group() if counter else s.text[figure[0][0]:figure[0][1]] if figure else (b.verb or b.cue)
            r.add(j, Annotation("unverified", s.start, s.end, cue,
                                "unverified.denier_run", explain(r.rules, "unverified.denier_run", denier=speaker_phrase(a.speaker, r.rules)),
                                r.source_label(j)))
