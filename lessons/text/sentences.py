"""Split text into sentence spans with NLTK's Punkt, which needs no downloaded data.

Punkt is given the abbreviations of news writing ("Gen.", "Lt.", "U.S.", "Jan.") from
``data/abbreviations.txt`` so that it does not end a sentence after them. Lines are split
first: in news text a line break ends a headline, a caption or a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path

# A line with no sentence-final punctuation over this length is still split here so that
# one giant "sentence" (a pasted page with no full stops) cannot slow everything down.
MAX_SENTENCE_CHARS = 5000


@dataclass(frozen=True)
class Sentence:
    """One sentence: its character span in the text it came from, and its paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

    # NLTK runs every pattern through a guard against patterns built to backtrack for ever
    # (nltk.redos: another regex engine, and a timeout on every call). Punkt's own patterns are
    # fixed and linear, and that guard costs more than the matching on short sentences, so the
    # same patterns are compiled here with the standard library's engine.
    class NewsLanguageVars(PunktLanguageVars):
        # Closing quotes and brackets may follow the full stop: '...," he said.' / 'it."'
        sent_end_chars = (".", "?", "!")
        re_boundary_realignment = _plain(PunktLanguageVars.re_boundary_realignment)

        # Kept under names of their own: NLTK's class keeps its patterns in __slots__ of the
        # same names, out of self.__dict__, so a test of __dict__ would compile them every call.
        def _word_tokenizer_re(self):
            if "_plain_word_tokenizer" not in self.__dict__:
                self._plain_word_tokenizer = _plain(super()._word_tokenizer_re())
            return self._plain_word_tokenizer

        def period_context_re(self):
            if "_plain_period_context" not in self.__dict__:
                self._plain_period_context = _plain(super().period_context_re())
            return self._plain_period_context

    class NewsToken(PunktToken):
        _RE_ELLIPSIS = _plain(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _plain(PunktToken._RE_NUMERIC)
        _RE_INITIAL = _plain(PunktToken._RE_INITIAL)
        _RE_ALPHA = _plain(PunktToken._RE_ALPHA)
        _RE_NON_PUNCT = re.compile(r"[^\W\d]", re.UNICODE)

        @property
        def is_non_punct(self):
            return self._RE_NON_PUNCT.search(self.type)

    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    return PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars(), token_cls=NewsToken)


def _plain(pattern) -> re.Pattern:
    """The same pattern compiled by the standard library (NLTK's wrapper keeps .pattern and .flags)."""
    return re.compile(pattern.pattern, pattern.flags & (re.I | re.M | re.S | re.U | re.X))


@lru_cache(maxsize=1)
def load_abbreviations() -> tuple[str, ...]:
    """Abbreviations that do not end a sentence, lower case and without the final full stop."""
    words = []
    for line in data_path("abbreviations.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.lower().rstrip("."))
    return tuple(words)


_LINE = re.compile(r"[^\r\n]+")


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` as a span; blank lines separate nothing but paragraphs."""
    tokenizer = _punkt()
    out: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        base = line.start()
        chunk = line.group()
        for s, e in tokenizer.span_tokenize(chunk):
            for cs, ce in _cap_length(chunk, s, e):
                piece = chunk[cs:ce]
                stripped_left = len(piece) - len(piece.lstrip())
                stripped_right = len(piece.rstrip())
                if stripped_right <= stripped_left:
                    continue
                start = base + cs + stripped_left
                end = base + cs + stripped_right
                out.append(Sentence(start, end, text[start:end], paragraph))
    return out


def _cap_length(chunk: str, s: int, e: int):
    """Cut an over-long span at spaces so no sentence exceeds MAX_SENTENCE_CHARS."""
    while e - s > MAX_SENTENCE_CHARS:
        cut = chunk.rfind(" ", s, s + MAX_SENTENCE_CHARS)
        if cut <= s:
            cut = s + MAX_SENTENCE_CHARS
        yield s, cut
        s = cut
    yield s, e
