"""What the passes share while they read one text (see :mod:`lessons.annotator.passes`)."""
from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from functools import cached_property

from ..text.sentences import Sentence, split_sentences
from .memo import forget
from .model import Annotation
from .quotations import quote_spans
from .rules import Rules, load_rules
from .acronyms import with_coined_acronyms
from .authorities import governing_groups, in_power, text_states
from .speakers import State, find_people


def _merged(a: tuple, b: tuple) -> tuple:
    """Two tuples of spans as one, in reading order, without repeats."""
    return tuple(sorted(set(a) | set(b)))


@dataclass
class Reading:
    """What the passes share while they read one text: its sentences, speakers and highlights so far."""

    text: str
    rules: Rules
    sentences: list[Sentence]
    state: State
    attributions: list = field(default_factory=list)   # per sentence: its main Attribution or None
    others: list = field(default_factory=list)         # per sentence: further speakers in it
    hands_over: list = field(default_factory=list)     # per sentence: ends with a colon
    framing: list = field(default_factory=list)        # "X tweeted:" with nothing of what X said
    introduced: dict = field(default_factory=dict)     # sentence -> the person it introduces, reporting no speech
    annotations: list = field(default_factory=list)
    per_sentence: list = field(default_factory=list)
    _at: dict = field(default_factory=dict)      # id(annotation) -> (its place in annotations, in its sentence's list)
    _first: dict = field(default_factory=dict)   # (sentence, category, start, end) -> the first highlight there

    @classmethod
    def start(cls, text: str, rules: Rules | None = None) -> "Reading":
        forget()                          # what was remembered of the last text (memo.py)
        rules = with_coined_acronyms(text, rules or load_rules())
        sentences = split_sentences(text)
        n = len(sentences)
        governing = governing_groups(text, rules)
        state = State(people=in_power(find_people(text, rules), governing, rules),
                      states=text_states(text, rules), governing=governing)
        return cls(text, rules, sentences, state,
                   attributions=[None] * n, others=[[] for _ in range(n)], hands_over=[False] * n,
                   framing=[False] * n, per_sentence=[[] for _ in range(n)])

    def add(self, i: int, ann: Annotation) -> None:
        """Record a highlight found in sentence ``i``; the same span marked again gathers its links."""
        key = (i, ann.category, ann.start, ann.end)
        if ann.challenged_by or ann.challenges:
            same = self._first.get(key)
            if same is not None:
                self.replace(i, same, dataclasses.replace(
                    same, challenged_by=_merged(same.challenged_by, ann.challenged_by),
                    challenges=_merged(same.challenges, ann.challenges)))
                return
        self._first.setdefault(key, ann)
        self._at[id(ann)] = (len(self.annotations), len(self.per_sentence[i]))
        self.annotations.append(ann)
        self.per_sentence[i].append(ann)

    def replace(self, i: int, old: Annotation, new: Annotation) -> None:
        """Put ``new`` in the place of ``old``, a highlight of sentence ``i``."""
        at, within = self._at.pop(id(old))
        self.annotations[at] = new
        self.per_sentence[i][within] = new
        self._at[id(new)] = (at, within)
        key = (i, old.category, old.start, old.end)
        if self._first.get(key) is old:
            self._first[key] = new

    @cached_property
    def dispute_ids(self) -> frozenset:
        """The rules whose words dispute a claim (not accusations: those are claims themselves)."""
        return frozenset(rule.id for rule in self.rules.unverified
                         if rule.section == "dispute" and not rule.id.startswith("unverified.accusation"))

    @cached_property
    def verification_ids(self) -> frozenset:
        """The rules whose words say a claim has not been checked ("could not be verified")."""
        return frozenset(rule.id for rule in self.rules.unverified if rule.section == "verification")

    @cached_property
    def credit(self) -> list[bool]:
        """Photo credits and image lines: not statements by anyone."""
        return [bool(self.rules.reading.credit.search(s.text)) for s in self.sentences]

    @cached_property
    def quotes(self) -> list[tuple[int, int, int]]:
        return quote_spans(self.text, self.sentences)

    def touched(self, start: int, end: int) -> range:
        """The sentences a span touches (sentences are sorted and do not overlap)."""
        return range(bisect.bisect_right(self._ends, start), bisect.bisect_left(self._starts, end))

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    @cached_property
    def lowered(self) -> str:
        """The text lower-cased with its offsets kept exact (a few characters grow when lower-cased)."""
        lowered = self.text.lower()
        if len(lowered) != len(self.text):
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        return lowered

    def source_label(self, i: int) -> str | None:
        att = self.attributions[i]
        return att.speaker.label if att else None
