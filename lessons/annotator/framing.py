"""Framing words: the reporter's own evaluative words ("struggling campaign", "embarrassing
defeats"), found only in sentences in the reporter's own voice.

Framing is NOT one of the kit's four categories. :func:`find_framing` gives extra annotations of
category ``"framing"`` that a view may show as a separate layer; it never changes ``annotate()``,
the answer key or any score. The cue words, why each frames and an example are data:
``lessons/data/rules/framing.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path
from .model import Annotation

FRAMING = "framing"
FRAMING_FILE = data_path("rules", "framing.yaml")
SPEAKING = ("official", "expert", "voice")
"""Categories that mean someone other than the reporter speaks in a sentence."""
_QUOTED = re.compile(r"“[^“”\"]*[”\"]|\"[^\"“”]*[\"”]")


@dataclass(frozen=True)
class FramingCue:
    """One framing word or phrase: its forms, why it frames, and an example."""

    words: tuple
    why: str
    example: str


@lru_cache(maxsize=4)
def _load(mtime_ns: int) -> tuple[str, tuple]:
    from .schema import read_rule_file
    data = read_rule_file(FRAMING_FILE.parent, FRAMING_FILE.name)   # checked against its schema
    cues = tuple(FramingCue(tuple(" ".join(w.lower().split()) for w in entry["words"]),
                            " ".join(entry["why"].split()), " ".join(entry["example"].split()))
                 for entry in data["cues"])
    return " ".join(data["about"].split()), cues


def framing_cues() -> tuple[FramingCue, ...]:
    """The framing cues (re-read when the file changes)."""
    return _load(FRAMING_FILE.stat().st_mtime_ns)[1]


def framing_about() -> str:
    """What the framing layer is, in plain words for learners."""
    return _load(FRAMING_FILE.stat().st_mtime_ns)[0]


def _blank_quotes(text: str) -> str:
    """``text`` with quotations blanked (same length); an unclosed quotation runs to the edge."""
    blank = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    close = blank.find("”")
    if close >= 0 and "“" not in blank[:close]:
        blank = " " * (close + 1) + blank[close + 1:]
    opening = blank.find("“")
    return blank if opening < 0 else blank[:opening] + " " * (len(blank) - opening)


def in_reporters_voice(analysis, sentence) -> bool:
    """True when nobody but the reporter speaks in ``sentence``: the annotator found no speaker
    for it and no official, expert or other-voice highlight touches it."""
    if getattr(sentence, "source", None) is not None:
        return False
    return not any(a.category in SPEAKING and a.start < sentence.end and a.end > sentence.start
                   for a in analysis.annotations)


def find_framing(analysis) -> tuple[Annotation, ...]:
    """Framing words in the sentences of ``analysis`` that are in the reporter's own voice (see
    :func:`in_reporters_voice`), outside quotation marks, as annotations of category ``framing``."""
    cues = framing_cues()
    forms = sorted(((w, c) for c in cues for w in c.words), key=lambda wc: len(wc[0]), reverse=True)
    if not forms:
        return ()
    by_form = dict(forms)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in forms) + r")\b",
                         re.IGNORECASE)
    out = []
    for sentence in analysis.sentences:
        if not in_reporters_voice(analysis, sentence):
            continue
        text = analysis.text[sentence.start:sentence.end]
        for m in pattern.finditer(_blank_quotes(text)):
            word = " ".join(m.group(1).lower().split())
            cue = by_form[word]
            start, end = sentence.start + m.start(1), sentence.start + m.end(1)
            out.append(Annotation(FRAMING, start, end, analysis.text[start:end], "framing-word",
                                  f"Framing: {cue.why} Nobody is quoted here, so the judgement is "
                                  "the reporter's own.", None))
    return tuple(out)
