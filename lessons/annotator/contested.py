"""Contested claims linked to their challengers, however far apart in the article.

A dispute that names what it disputes ("cast doubt on the official explanation", "scoffed at
Iranian claims") points at a claim: :func:`contested_claim` finds it, a small pure function of
the article's sentences, and :func:`link_contested_claims` (a pass of :mod:`.passes`) marks it
contested, with ``challenged_by`` spans, and gives each challenge a ``challenges`` link back.
"""
from __future__ import annotations

import dataclasses
import re

from ..text.places import line_places
from .cues import content_words, explain
from .model import Annotation
from .phrasing import speaker_phrase
from .reading import Reading
from .rules import Rules


def _merged(a: tuple, b: tuple) -> tuple:
    """Two tuples of spans as one, in reading order, without repeats."""
    return tuple(sorted(set(a) | set(b)))


def disputed_clause(sentence: str, start: int, end: int) -> str:
    """The clause a dispute cue (``sentence[start:end]``) stands in: what it disputes.

    >>> disputed_clause("Pegov, a war correspondent, cast doubt on the official explanation.", 28, 38)
    ' cast doubt on the official explanation.'
    """
    lo, hi = max(0, start - CLAUSE_REACH), min(len(sentence), end + CLAUSE_REACH)
    left = max((sentence.rfind(c, lo, start) for c in ',;:“”"—–()'), default=-1)
    rights = [k for k in (sentence.find(c, end, hi) for c in ',;:“”"—–()') if k >= 0]
    return sentence[max(left + 1, lo):min(rights) if rights else hi]


REACH = 150
"""How many sentences before and after a dispute its claim and rival explanations are looked for:
more than a whole news report, so the work per dispute stays bounded in a long text (several
reports pasted together are not one conversation)."""

CLAUSE_REACH = 300
"""How far a dispute's clause reaches on each side of its words, so the work per dispute is bounded
(a clause in news text is far shorter)."""


def contested_claim(texts: list[str], speakers: list, kinds: list, group: range, disputed: str,
                    rules: Rules, cause_before: bool | None = None,
                    disputing: frozenset = frozenset()) -> tuple[list[int], list[int]]:
    """The sentences a dispute points at, and the rival explanations of the same event.

    ``texts``, ``speakers`` (names or None) and ``kinds`` describe the article's sentences;
    ``group`` is the challenger's run of sentences and ``disputed`` the clauses their dispute
    words stand in. A dispute of an explanation ("the official explanation", "the story of
    'mobiles'") points at the other party's sentences that give a cause ("blamed", "the main
    reason"); a dispute that names whose claims it answers ("Iranian claims", "Colombia's
    accusations") at that party's last run of sentences before it; other disputes are left to the
    neighbouring sentences (``mark_unverified``), where word overlap alone would link too much.
    Claims made before the dispute come first; only when there are none does it look after it. Returns
    ``(claims, rivals)``; rivals are found only for an explanation: another party's sentences that
    put forward a different possibility on the same event ("the damage suggested that ...").
    ``cause_before`` says whether any of the ``REACH`` sentences before ``group`` gives a cause (found here when None).
    ``disputing`` holds the sentences that carry dispute words: a party's run before the dispute made
    only of those reports the quarrel, not the claim ("Rebels are denying the President's claim ...");
    the party's own claim is then the first run of its sentences after the dispute (:func:`_run_after`).
    """
    challenger = speakers[group[0]]
    named = rules.explanation_nouns.search(disputed)
    if named and rules.reading.pointing_back.search(disputed[:named.start()]):
        return [], []                 # "That account drew skepticism": the claim just before it
    party = rules.reading.party_claim.search(disputed)
    if cause_before is None:
        cause_before = any(rules.cause_words.search(t) for t in texts[max(0, group[0] - REACH):group[0]])
    if party and not (named and cause_before):
        # "rejected Colombia's accusations", "scoffed at Iranian claims": that party's last run of claims.
        who = {w.lower()[:4] for w in re.findall(r"[A-Z][a-z]+", party.group(1) or party.group(2) or "")}
        who -= {w.lower()[:4] for w in re.findall(r"[A-Z][a-z]+", challenger or "")}

        def theirs(j: int) -> bool:
            return j not in group and speakers[j] is not None and speakers[j] != challenger \
                and bool(who & {w.lower()[:4] for w in re.findall(r"[A-Z][a-z]+", speakers[j])})

        before = [j for j in range(max(0, group[0] - REACH), group[0]) if theirs(j)]
        run = before[-1:]
        while before and run and run[0] - 1 in before:
            run.insert(0, run[0] - 1)
        if all(j in disputing for j in run):
            run = _run_after([j for j in range(group[-1] + 1, min(len(texts), group[-1] + 1 + REACH)) if theirs(j)], disputing)
        return run, []
    if not named:
        return [], []
    kind = "official" if rules.reading.government.search(disputed) else None

    def points_at(j: int) -> bool:
        if j in group or speakers[j] is None or speakers[j] == challenger or (kind and kinds[j] != kind):
            return False
        return any(not rules.reading.no_cause.search(texts[j][max(0, m.start() - 30):m.start()])
                   for m in rules.cause_words.finditer(texts[j]))

    claims = [j for j in range(max(0, group[0] - REACH), group[0]) if points_at(j)] or \
        [j for j in range(group[-1] + 1, min(len(texts), group[-1] + 1 + REACH)) if points_at(j)]
    if not claims:
        return [], []
    claimants = {speakers[j] for j in claims}
    topic = set().union(*(content_words(texts[j], rules) for j in claims))
    rivals = [k for k in range(max(0, group[0] - REACH), min(len(texts), group[-1] + 1 + REACH))
              if k not in group and k not in claims and speakers[k] not in claimants | {None, challenger}
              and kinds[k] in ("official", "expert") and rules.rival_markers.search(texts[k])
              and not rules.count_words.search(texts[k]) and content_words(texts[k], rules) & topic]
    return claims, rivals


def _run_after(theirs: list[int], disputing: frozenset) -> list[int]:
    """The first run of a party's sentences after a dispute (``theirs``, in order), when it makes a
    claim rather than another dispute: "The rebels deny the President's claim ... In a statement on
    state television, the President declared ..."."""
    run = theirs[:1]
    while run and run[-1] + 1 in theirs:
        run.append(run[-1] + 1)
    return [] if any(j in disputing for j in run) else run


def _runs_of_disputes(r: Reading) -> list[tuple[range, list[int]]]:
    """Each challenger's run of sentences around its dispute words, with the sentences holding them."""
    disputes = sorted({i for i, anns in enumerate(r.per_sentence)
                       if any(a.category == "unverified" and a.rule in r.dispute_ids for a in anns)})
    runs: list[tuple[range, list[int]]] = []
    for i in disputes:
        if runs and i in runs[-1][0]:
            runs[-1][1].append(i)
            continue
        who = r.attributions[i].speaker.name if r.attributions[i] else None
        lo = hi = i
        if who is not None:
            def same(k):
                return r.attributions[k] and r.attributions[k].speaker.name == who
            while lo > 0 and same(lo - 1) and r.sentences[lo].paragraph - r.sentences[lo - 1].paragraph <= 1:
                lo -= 1
            while hi + 1 < len(r.sentences) and same(hi + 1) \
                    and r.sentences[hi + 1].paragraph - r.sentences[hi].paragraph <= 1:
                hi += 1
        runs.append((range(lo, hi + 1), [i]))
    return runs


def _named(r: Reading, i: int, nobody: str) -> str:
    """Who speaks in sentence ``i``, as a reason writes it (``nobody`` when no one is reported)."""
    return speaker_phrase(r.attributions[i].speaker, r.rules) if r.attributions[i] else nobody


def _paragraph_number(r: Reading, i: int) -> tuple[int, str]:
    """Where sentence ``i`` stands, as a learner counts on the page (:func:`lessons.text.places.line_places`):
    its line and its place ("Headline", "Paragraph 10", "Photo 1 caption")."""
    line = r.sentences[i].paragraph
    return line, line_places(r.text)[line]


def link_contested_claims(r: Reading) -> None:
    """A claim disputed far away is contested: link it to its challengers and them back to it."""
    texts = [s.text for s in r.sentences]
    speakers = [a.speaker.name if a else None for a in r.attributions]
    kinds = [a.speaker.kind if a else None for a in r.attributions]
    challengers: dict[int, set[int]] = {}          # claim sentence -> challenging sentences
    cues: dict[int, str] = {}                      # claim sentence -> the first dispute words against it
    causes = [0]                                   # causes[k]: how many sentences before k give a cause
    for t in texts:
        causes.append(causes[-1] + bool(r.rules.cause_words.search(t)))
    runs = _runs_of_disputes(r)
    disputing = frozenset(i for _, marked in runs for i in marked)
    for group, marked in runs:
        disputed = " ".join(dict.fromkeys(
            disputed_clause(texts[i], a.start - r.sentences[i].start, a.end - r.sentences[i].start)
            for i in marked for a in r.per_sentence[i]
            if a.category == "unverified" and a.rule in r.dispute_ids))
        claims, rivals = contested_claim(texts, speakers, kinds, group, disputed, r.rules,
                                         cause_before=causes[group[0]] > causes[max(0, group[0] - REACH)],
                                         disputing=disputing)
        for j in claims:
            challengers.setdefault(j, set()).update(marked, rivals)
            cues.setdefault(j, next(a.cue for a in r.per_sentence[marked[0]]
                                    if a.category == "unverified" and a.rule in r.dispute_ids))
    if not challengers:
        return
    span = {i: (r.sentences[i].start, r.sentences[i].end) for i in range(len(r.sentences))}
    challenged: dict[int, set[int]] = {}           # challenging sentence -> claims
    for j, by in challengers.items():
        for i in by:
            challenged.setdefault(i, set()).add(j)
    for j, by in sorted(challengers.items()):
        who: dict[str, list[int]] = {}
        for i in sorted(by):
            who.setdefault(_named(r, i, "the article itself"), []).append(_paragraph_number(r, i))
        names = "; ".join(f"{name} ({_paragraphs(ps)})" for name, ps in who.items())
        links = tuple(span[i] for i in sorted(by))
        s = r.sentences[j]
        old = next((a for a in r.per_sentence[j] if a.category == "unverified" and (a.start, a.end) == span[j]), None)
        new = Annotation("unverified", s.start, s.end, old.cue if old else cues[j],
                         "unverified.contested", explain(r.rules, "unverified.contested", challengers=names),
                         r.source_label(j), challenged_by=links)
        if old:
            r.replace(j, old, dataclasses.replace(new, cue=old.cue, challenged_by=_merged(old.challenged_by, links)))
        else:
            r.add(j, new)
    for i, claims in challenged.items():
        links = tuple(span[j] for j in sorted(claims))
        claimed: dict[str, list[int]] = {}
        for j in sorted(claims):
            claimed.setdefault(_named(r, j, "the article"), []).append(_paragraph_number(r, j))
        what = "; ".join(f"{name} ({_paragraphs(ps)})" for name, ps in claimed.items())
        for a in list(r.per_sentence[i]):
            disputes = a.category == "unverified" and a.rule in r.dispute_ids
            rival = a.category in ("official", "expert") and not any(
                b.category == "unverified" and b.rule in r.dispute_ids for b in r.per_sentence[i])
            if disputes or rival:
                why = explain(r.rules, "unverified.challenge", claims=what)
                r.replace(i, a, dataclasses.replace(a, challenges=_merged(a.challenges, links),
                                                    explanation=f"{a.explanation} {why}"))


def _paragraphs(places: list[tuple[int, str]]) -> str:
    """Where in the article, as a reader counts: "paragraph 14", "the headline and paragraphs 2 and 3".

    >>> _paragraphs([(0, "Headline"), (4, "Paragraph 3"), (3, "Paragraph 2"), (4, "Paragraph 3")])
    'the headline and paragraphs 2 and 3'
    """
    named = [p for _line, p in sorted(set(places))]
    parts = [("the " + p.lower()) if p in ("Headline", "Dek") else p[:1].lower() + p[1:]
             for p in named if not p.startswith("Paragraph ")]
    ps = [p.split()[1] for p in named if p.startswith("Paragraph ")]
    if ps:
        parts.append(f"paragraph {ps[0]}" if len(ps) == 1 else f"paragraphs {', '.join(ps[:-1])} and {ps[-1]}")
    return " and ".join(parts)
