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
    sentence written for a 15-year-old.
    """

    category: str
    start: int
    end: int
    cue: str
    rule: str
    explanation: str
    source: str | None = None

    def text_in(self, text: str) -> str:
        """The annotated span of ``text``."""
        return text[self.start:self.end]

    def to_dict(self, text: str | None = None) -> dict:
        """A JSON-ready dict; with ``text`` it also carries the annotated span as ``text``."""
        d = asdict(self)
        if text is not None:
            d = {"category": d["category"], "start": d["start"], "end": d["end"],
                 "text": text[self.start:self.end], "cue": d["cue"], "rule": d["rule"],
                 "explanation": d["explanation"], "source": d["source"]}
        return d
