"""Experts as recent wire copy brings them in: by their firm, in quotation marks of two apostrophes,
and in a quotation paragraph of their own after a line of narration.

- ``find_affiliated_experts``: "Javas Bigambo, at Nairobi-based Interthoughts Consulting, told VOA":
  a person set off by commas with "at", "with", "of" or "from" and an organisation whose words
  name a research or advisory body (``organisations.expert`` in sources.yaml) is an expert, and
  "Bigambo noted", "He said" later are that expert.
- ``give_experts_their_quotations``: ''We can almost be sure ...'' written with two apostrophes for
  each quotation mark (a typewriter habit some copy keeps) is a quotation like “...”: its sentences
  belong to the speaker named with it. A paragraph that is nothing but a quotation, after a
  paragraph of narration that names no speaker, is the words of the person quoted in the paragraph
  before that ("An economist ..., X, told VOA that ..." / "The war cut off wheat exports." /
  "“For Africa to get out of this mess ...”"). Then researchers.py gives a finding to the
  researchers named a sentence later, and a researcher's unnamed words ("our study") to them.
"""

from __future__ import annotations

import re

from .attribution import Attribution
from .model import Speaker
from .quotations import QUOTES
from .reading import Reading
from .interviews import give_answers_to_interviewee, paragraphs
from .researchers import give_research_to_researchers
from .roles import org_kind
from .speakers import PERSON_NAME, names_a_body, surnames

_AFFILIATION = re.compile(
    r"(?P<name>%s),[ \t]+(?:at|with|of|from)[ \t]+(?:the[ \t]+)?(?P<org>[^,.;:“”\"\n]{3,100}),"
    % PERSON_NAME.pattern
)
"""A name, then ", at <organisation>,": the organisation is the person's only introduction."""

_DOUBLED = re.compile(r"''")


def find_affiliated_experts(r: Reading) -> None:
    """People introduced only by an expert organisation after their name become known experts."""
    people, names = r.state.people, r.rules.names
    for m in _AFFILIATION.finditer(r.text):
        words = m.group("name").split()
        while words and words[0] in names.not_names:
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or name in people or names_a_body(name, r.rules.sources):
            continue
        if org_kind(m.group("org").lower(), r.rules) != "expert":
            continue  # "Tom Ash, of the Lowland Bakers' Union,": not a research body
        sp = Speaker(
            name=name,
            kind="expert",
            description="at " + " ".join(m.group("org").split()),
            person=True,
        )
        people[name] = sp
        for surname in surnames(name):
            people.setdefault(surname, sp)


def doubled_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations marked with two apostrophes ('' ... '') between ``start`` and ``end``, paired in order;
    one left open runs to ``end``."""
    spans, open_at = [], None
    for m in _DOUBLED.finditer(text, start, end):
        prev = text[m.start() - 1] if m.start() > start else " "
        nxt = text[m.end()] if m.end() < end else " "
        if (
            open_at is None
            and (prev.isspace() or prev in "([—–-")
            and not nxt.isspace()
        ):
            open_at = m.start()
        elif open_at is not None:
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def give_doubled_quotations_to_speakers(r: Reading) -> None:
    """Every sentence of a quotation in doubled apostrophes belongs to the speaker named with it."""
    for para in paragraphs(r):
        lo, hi = r.sentences[para[0]].start, r.sentences[para[-1]].end
        for qs, qe in doubled_quote_spans(r.text, lo, hi):
            touched = list(r.touched(qs, qe))
            owner = next(
                (r.attributions[i] for i in reversed(touched) if r.attributions[i]),
                None,
            )
            if owner is None or len(r.text[qs:qe].split()) < 5:
                continue
            for i in touched:
                if r.attributions[i] is None:
                    r.attributions[i] = Attribution(
                        owner.speaker, owner.cue, "quote", owner.verb
                    )


def give_experts_their_quotations(r: Reading) -> None:
    """Quotations the quotation-mark reader does not see, given to their speakers; then findings
    owned a sentence later and researchers' unnamed words (see researchers.py), and an interview's
    answers (see interviews.py)."""
    give_doubled_quotations_to_speakers(r)
    give_quotation_paragraphs_to_speakers(r)
    give_quotations_after_introductions(r)
    give_research_to_researchers(r)
    give_answers_to_interviewee(r)


def _whole_quotation(r: Reading, para: list[int]) -> bool:
    """Is the paragraph one quotation, opening and closing with quotation marks, with no speaker named?"""
    text = r.text[r.sentences[para[0]].start : r.sentences[para[-1]].end].strip()
    return (
        len(text) > 1
        and text[0] in '“"'
        and text[-1] in '”"'
        and text.count("”") + text.count('"') <= 2
        and all(r.attributions[i] is None and not r.others[i] for i in para)
    )


def _narration(r: Reading, para: list[int]) -> bool:
    """A paragraph that reports nobody: no speaker, no introduction, no quotation mark, no known name."""
    text = r.text[r.sentences[para[0]].start : r.sentences[para[-1]].end]
    if any(q in text for q in QUOTES) or any(
        r.attributions[i] or r.others[i] or i in r.introduced for i in para
    ):
        return False
    names = r.rules.names
    for m in PERSON_NAME.finditer(text):
        words = m.group().split()
        while words and words[0] in names.not_names:
            words = words[1:]
        if len(words) > 1 and not names_a_body(" ".join(words), r.rules.sources):
            return False  # "Ana Ruiz has farmed here for years": a person the next quotation may be
    return not any(w in r.state.people for w in re.findall(r"[A-Z][\w'’-]+", text))


def give_quotation_paragraphs_to_speakers(r: Reading) -> None:
    """A quotation paragraph after one paragraph of narration is the person quoted just before the narration."""
    paras = paragraphs(r)
    for k in range(2, len(paras)):
        if not (_whole_quotation(r, paras[k]) and _narration(r, paras[k - 1])):
            continue
        owner = next(
            (r.attributions[i] for i in reversed(paras[k - 2]) if r.attributions[i]),
            None,
        )
        if (
            owner is None
            or not owner.speaker.person
            or owner.speaker.kind not in ("expert", "official")
        ):
            continue
        for i in paras[k]:
            r.attributions[i] = Attribution(
                owner.speaker, owner.cue, "quote", owner.verb
            )


_HE_OR_SHE = re.compile(r"^\W*(?:He|She)\s")
"""A sentence about the person just introduced: "She has worked with the scientists who ..."."""


def give_quotations_after_introductions(r: Reading) -> None:
    """A quotation paragraph after a paragraph that introduces an expert or official and goes on about
    them ("Ana Ruiz is a climate scientist with .... She has worked with ...") is that person's."""
    paras = paragraphs(r)
    for k in range(1, len(paras)):
        if not _whole_quotation(r, paras[k]):
            continue
        before = paras[k - 1]
        at = next((i for i in reversed(before) if i in r.introduced), None)
        if at is None or at == before[-1]:
            continue                  # none, or the introduction ends the paragraph (passes.py reads that one)
        rest = before[before.index(at) + 1:]
        if any(r.attributions[i] or r.others[i] or not _HE_OR_SHE.match(r.sentences[i].text) for i in rest):
            continue                  # someone else speaks, or the paragraph goes on about something else
        owner = r.introduced[at]
        if not owner.person or owner.kind not in ("expert", "official"):
            continue
        for i in paras[k]:
            r.attributions[i] = Attribution(owner, owner.name, "quote", "")
