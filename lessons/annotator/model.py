"""The annotation record: one highlighted span, why it was marked and who is speaking."""
from __future__ import annotations

from dataclasses import asdict, dataclass

CATEGORIES = ("hedge", "official", "expert", "unverified")
"""The four categories every check uses (see the annotation guidelines)."""

EXTRA_CATEGORIES = ("voice",)
"""Extra: other quoted voices (journalists, bloggers, activists, witnesses, news agencies)."""


@dataclass(frozen=True)
class Annotation:
    """A span ``text[start:end]`` carrying one category, with its cue, rule and reason.

    ``cue`` is the word or phrase that made the rule fire; ``source`` the speaker when one is
    identified (e.g. "Keir Giles (expert on Russia, Chatham House)"); ``explanation`` is one
    sentence written for a 15-year-old. ``verb`` is the attribution word of an official, expert or
    voice highlight as written ("said", "claimed", "according to"). A contested claim lists the
    sentences that challenge it in ``challenged_by``, and each challenge points back at the claim
    in ``challenges``: both are tuples of ``(start, end)`` spans.
    """

    category: str
    start: int
    end: int
    cue: str
    rule: str
    explanation: str
    source: str | None = None
    verb: str | None = None
    challenged_by: tuple = ()
    challenges: tuple = ()

    def text_in(self, text: str) -> str:
        """The annotated span of ``text``."""
        return text[self.start:self.end]

    def to_dict(self, text: str | None = None) -> dict:
        """A JSON-ready dict; with ``text`` it also carries the annotated span as ``text``.

        Links between a contested claim and its challenges are lists of ``{"start", "end"}``.
        """
        d = asdict(self)
        d["challenged_by"] = [{"start": s, "end": e} for s, e in self.challenged_by]
        d["challenges"] = [{"start": s, "end": e} for s, e in self.challenges]
        if text is not None:
            d = {"category": d["category"], "start": d["start"], "end": d["end"],
                 "text": text[self.start:self.end], "cue": d["cue"], "rule": d["rule"],
                 "explanation": d["explanation"], "source": d["source"], "verb": d["verb"],
                 "challenged_by": d["challenged_by"], "challenges": d["challenges"]}
        return d


@dataclass(frozen=True)
class Speaker:
    """A source the text quotes or paraphrases: a name, what kind of source, and how it was introduced."""

    name: str
    kind: str            # official / expert / voice
    description: str     # e.g. "an expert on Russia and a consulting fellow at Chatham House"
    person: bool = False # a person ("he", "she" can refer to them), not a body

    @property
    def label(self) -> str:
        """The name with its description, as shown to learners."""
        if self.description and self.description.lower() not in self.name.lower():
            return f"{self.name} ({self.description})"
        return self.name


@dataclass(frozen=True)
class Attributed:
    """A speaker a sentence reports: ``words`` name them as the sentence writes them ("the
    governor", "police"; the speaker's name for a pronoun), ``verb`` says so ("said", "according
    to"), and ``at`` is where those words start in the sentence (-1 when the speaker carries on
    from an earlier sentence: a quotation or the lines after a colon)."""

    speaker: Speaker
    words: str
    verb: str
    at: int = -1


@dataclass(frozen=True)
class SentenceAnalysis:
    """One sentence with the categories it carries and who speaks in it: ``source`` is its main
    speaker, ``attributions`` every speaker it reports, main speaker first."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    categories: frozenset
    source: Speaker | None
    annotations: tuple
    attributions: tuple = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the annotator found in a text."""

    text: str
    annotations: tuple
    sentences: tuple
    speakers: tuple
