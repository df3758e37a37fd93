"""Speaker labels in programme transcripts: 'JAMES STOCK: "I think ..."' is James Stock speaking.

A paragraph that opens with a speaker's name in capitals and a colon (``speaker_labels`` in
``lessons/data/rules/sources.yaml``) holds that speaker's recorded words, to the paragraph's end.
The speaker is the person the text knows by that name or surname; one the text names without a
speech verb ("Dr. Bruce Psaty and colleagues at the University of Washington reviewed ...", "Louis
Lataif ... Now he is dean of the School of Management at Boston University") is an expert when the
sentence naming them, or the "he"/"she" sentence right after it, puts them at a research body.
"""
from __future__ import annotations

import re

from .attribution import Attribution
from .model import Speaker
from .reading import Reading
from .speakers import classify_role

CLIP_SENTENCES = 6
"""A labelled clip ends with its paragraph or after this many sentences, whichever is first."""


def _kind_from_mentions(name: str, surname: str, r: Reading, skip: int) -> str | None:
    """Expert when a sentence naming the person (or the he/she sentence after it) names a research body."""
    lex = r.rules.sources
    for k, sent in enumerate(r.sentences):
        if k == skip or not re.search(r"(?:\b[A-Z][a-z]+|\bDr\.|\bProf\.)\s+%s\b" % re.escape(surname), sent.text):
            continue                  # the person by name ("Bruce Psaty", "Dr. Psaty"), not "University of Washington"
        if r.rules.sources.speaker_labels.match(sent.text):
            continue                  # another of the person's own clips
        window = sent.text
        if k + 1 < len(r.sentences) and re.match(r"\W*(?:\w+\s+)?(?:he|she)\b", r.sentences[k + 1].text, re.I):
            window += " " + r.sentences[k + 1].text
        low = window.lower()
        official = any(lex.roles.get(m.group().lower()) == "official" for m in lex.role_pattern.finditer(window))
        expert = lex.expert_places.search(low) or classify_role(window, r.rules)[0] == "expert"
        if expert and not official:
            return "expert"
    return None


def _label_speaker(label: str, after: str, r: Reading, at: int) -> Speaker | None:
    words = [w[:1] + w[1:].lower() for w in label.split()]
    name, surname = " ".join(words), words[-1]
    if r.rules.sources.place_pattern.fullmatch(name):
        return None                   # "KYIV:" is a dateline
    people = r.state.people
    sp = people.get(name) or people.get(surname)
    if sp is not None:
        return sp
    if after[:1] not in ('"', "“"):
        return None                   # a person the text gives no role: only a quotation under their label
    kind = _kind_from_mentions(name, surname, r, at)
    return Speaker(name=name, kind=kind, description="named in the transcript", person=True) if kind else None


def give_labelled_clips_to_speakers(r: Reading) -> None:
    """A transcript paragraph under a speaker label ("JAMES STOCK:") is that speaker's words."""
    sentences, attributions, n = r.sentences, r.attributions, len(r.sentences)
    for i, sent in enumerate(sentences):
        if i and sentences[i - 1].paragraph == sent.paragraph:
            continue                  # a label opens a paragraph
        m = r.rules.sources.speaker_labels.match(sent.text)
        if not m:
            continue
        sp = _label_speaker(m.group(1), sent.text[m.end():], r, i)
        if sp is None or sp.kind not in ("official", "expert"):
            continue
        for j in range(i, min(n, i + CLIP_SENTENCES)):
            if sentences[j].paragraph != sent.paragraph:
                break
            if attributions[j] is None:
                attributions[j] = Attribution(sp, m.group(0).strip(), "continuation", ":")
