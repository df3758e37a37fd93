"""An interview printed as questions and answers: the answers are the interviewee's words.

VOA and other outlets print interviews as the reporter's questions, each a paragraph of its own
ending with a question mark, and the answers after them with no attribution at all::

    Chan Sophal, director of the Center for Policy Studies, says growth will stay at 7 percent.
    Can you tell us about the trend of the last few years?
    In recent years, the economy has grown by 7 percent a year. ...

A transcript that labels each answer with its speaker ("Ash: Growth will slow. Exports are falling.")
hands the whole paragraph to that speaker. Otherwise ``give_answers_to_interviewee`` gives every
unattributed sentence of an answer to the person
quoted last before the first question, when that person is an official or an expert. A text
counts as an interview only when at least :data:`MIN_QUESTIONS` question paragraphs stand in
it, so that one rhetorical question in a report ("So what went wrong?") hands nothing over, and
only when every answer is short (at most :data:`MAX_ANSWER_PARAGRAPHS` paragraphs, the last one
too), so that an explainer's question subheads ("What happens next?"), each over a long section of
the reporter's own narration, hand nothing over either.
"""
from __future__ import annotations

from .attribution import Attribution
from .quotations import QUOTES
from .reading import Reading

MIN_QUESTIONS = 2
"""Question paragraphs a text needs before its answers are read as an interview's."""

MAX_ANSWER_PARAGRAPHS = 3
"""The longest answer, in paragraphs, of a text read as an interview: an interview's answers are short,
an explainer's sections under question subheads are long."""


def paragraphs(r: Reading) -> list[list[int]]:
    """The sentence indices of each paragraph, in order."""
    paras: list[list[int]] = []
    for i, s in enumerate(r.sentences):
        if paras and r.sentences[paras[-1][0]].paragraph == s.paragraph:
            paras[-1].append(i)
        else:
            paras.append([i])
    return paras


def is_question_paragraph(texts: list[str], attributed: list[bool]) -> bool:
    """A reporter's question: a paragraph whose sentences end with a question mark, with no
    quotation mark and nobody reported in it."""
    return bool(texts) and all(t.rstrip().endswith("?") and not any(q in t for q in QUOTES) and not a
                               for t, a in zip(texts, attributed))


def continue_labelled_answers(r: Reading) -> None:
    """A paragraph that opens with its speaker's name and a colon ("Ash: Growth will slow. Exports are
    falling.") is that speaker's to its end, as a transcript prints an answer."""
    for para in paragraphs(r):
        first = r.attributions[para[0]]
        if first is None or first.verb != ":" or first.speaker.kind not in ("official", "expert") \
                or not first.speaker.person or not r.sentences[para[0]].text.lstrip().startswith(first.cue):
            continue
        for i in para[1:]:
            if r.attributions[i] is None and not r.others[i]:
                r.attributions[i] = Attribution(first.speaker, first.cue, "answer", first.verb)


def _short_answers(asks: list[int], paragraphs: int) -> bool:
    """Does every question (paragraph numbers ``asks``) get an answer of one to
    :data:`MAX_ANSWER_PARAGRAPHS` paragraphs before the next question or the end of the text?"""
    ends = asks[1:] + [paragraphs]
    return all(1 <= end - ask - 1 <= MAX_ANSWER_PARAGRAPHS for ask, end in zip(asks, ends))


def give_answers_to_interviewee(r: Reading) -> None:
    """Answers after the reporter's questions are the words of the official or expert quoted before them."""
    continue_labelled_answers(r)
    paras = paragraphs(r)
    asks = [k for k, para in enumerate(paras) if k > 0 and is_question_paragraph(
        [r.sentences[i].text for i in para], [bool(r.attributions[i] or r.others[i]) for i in para])]
    if len(asks) < MIN_QUESTIONS or not _short_answers(asks, len(paras)):
        return
    owner = next((a for i in range(paras[asks[0]][0] - 1, -1, -1) for a in [r.attributions[i]]
                  if a and a.speaker.person and a.speaker.kind in ("official", "expert")), None)
    if owner is None:
        return
    asked = set(asks)
    for k in range(asks[0] + 1, len(paras)):
        if k in asked:
            continue
        for i in paras[k]:
            if r.attributions[i] is None and not r.others[i]:
                r.attributions[i] = Attribution(owner.speaker, owner.cue, "answer", owner.verb)
