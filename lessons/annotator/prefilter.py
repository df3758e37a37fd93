"""Long alternations' matches found quickly: the same matches as ``pattern.finditer``, in less time.

A pre-filter (:func:`.rules._prefilter`) is ``\\b`` and an alternation of hundreds of phrases, run
over a whole text; the speech-event patterns are an alternation run over every sentence. Python's
engine tries such a pattern at every place, and at each one every phrase that can start with the
letter found there: most of the time goes on places where none matches. :func:`finditer` first
finds, with a small pattern, the places where some phrase's first few letters are (``"cou"`` for
"could not be verified"), and tries there only the phrases that can start with the letters found,
in the order the list gives them. A phrase's first letters are read from the parsed pattern; a
phrase whose first letters cannot be told is tried at every place the small pattern finds for it.
So the matches are exactly those of the whole pattern, found one after another as ``finditer``
finds them.
"""

from __future__ import annotations

import re

from .alternation import set_chars

try:
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python: the plain finditer is used
    _c = _sre_parse = None

LETTERS = 4
"""How many first letters of a phrase are read (more skips more places, for more small patterns)."""

_KEPT = 20_000  # letters remembered before starting afresh
_MOST = 4096  # more first-letter strings than this for one phrase: read fewer letters
_FLAGS = re.IGNORECASE | re.ASCII | re.UNICODE  # the flags the small patterns take over


class _TooMany(Exception):
    pass


class Scanner:
    """``pattern``, which is ``lead`` and the alternation of ``phrases`` compiled with its flags,
    matched only where a phrase's first letters are."""

    def __init__(
        self,
        pattern: re.Pattern,
        phrases: list[str],
        lead: str = r"\b",
        letters: int = LETTERS,
    ):
        self.pattern = pattern
        self.phrases = list(phrases)
        self.lead = lead
        self.letters = letters
        self.flags = pattern.flags & _FLAGS
        self.folded = bool(pattern.flags & re.IGNORECASE)
        # Each phrase's first-letter strings; None where they cannot be told.
        self.starts = [self._first_letters(p) for p in self.phrases]
        known = set().union(*(s for s in self.starts if s is not None))
        self.known = frozenset(known)
        anywhere = [p for p, s in zip(self.phrases, self.starts) if s is None]
        alts = ([_trie(known)] if known else []) + anywhere
        self.places = re.compile(r"%s(?=%s)" % (lead, "|".join(alts)), self.flags)
        # Without case: the same places found in the text lower-cased, with case, which Python's
        # engine tries several times faster (see _SAME_LOWERED for the text where that holds).
        self.lower_places = (
            re.compile(r"%s(?=%s)" % (lead, _trie(known)), self.flags & ~re.IGNORECASE)
            if self.folded and known and not anywhere
            else None
        )
        # The longest first-letter string found at a place -> the phrases to try there.
        self._here: dict[str, re.Pattern | None] = {}
        # The letters found at a place -> the same (a text has few different ones; kept up to _KEPT).
        self._at: dict[str, re.Pattern | None] = {}

    def _first_letters(self, phrase: str) -> frozenset | None:
        got = first_letters(phrase, self.letters, self.flags)
        if got is not None and self.folded:
            # Without case, letters are compared in lower case, and only ASCII ones (IGNORECASE
            # matches "ſ" with "s": a place with other letters is tried with the whole pattern).
            got = {x.lower() for x in got} if all(x.isascii() for x in got) else None
        return None if got is None else frozenset(got)

    def finditer(self, text: str):
        """The matches of ``pattern`` in ``text``, as ``pattern.finditer(text)`` gives them."""
        pos = 0
        if self.lower_places is not None and (text.isascii() or not _NOT_SAME_LOWERED.search(text)):
            places = self.lower_places.finditer(text.lower())
        else:
            places = self.places.finditer(text)
        for place in places:
            at = place.start()
            if at < pos:
                continue  # inside the last match
            letters = text[at : at + self.letters]
            if self.folded:
                pattern = (
                    self._phrases_for(letters.lower())
                    if letters.isascii()
                    else self.pattern
                )
            else:
                pattern = self._phrases_for(letters)
            m = pattern.match(text, at) if pattern is not None else None
            if m is None:
                continue
            if m.end() == at:
                # A phrase that matches nothing: from here on the pattern's own finditer, which
                # finds the same matches from a place no earlier match reaches.
                yield from self.pattern.finditer(text, at)
                return
            yield m
            pos = m.end()

    def search(self, text: str):
        """``pattern.search(text)``: the first match."""
        return next(self.finditer(text), None)

    def _phrases_for(self, letters: str) -> re.Pattern | None:
        """The phrases that can start with ``letters``, in their order, as one pattern (kept)."""
        found = self._at.get(letters, self)
        if found is self:
            if len(self._at) >= _KEPT:
                self._at.clear()
            found = self._at[letters] = self._phrases_after(letters)
        return found

    def _phrases_after(self, letters: str) -> re.Pattern | None:
        """Which phrases can start with ``letters`` is decided by the longest of the phrases'
        first-letter strings that ``letters`` starts with (the shorter ones it starts with are that
        one's beginnings), so there are at most as many patterns as first-letter strings."""
        key = next(
            (
                letters[:n]
                for n in range(len(letters), 0, -1)
                if letters[:n] in self.known
            ),
            "",
        )
        if key not in self._here:
            alts = [
                p
                for p, s in zip(self.phrases, self.starts)
                if s is None or any(key.startswith(x) for x in s)
            ]
            self._here[key] = (
                re.compile(r"%s(?:%s)" % (self.lead, "|".join(alts)), self.flags)
                if alts
                else None
            )
        return self._here[key]


_NOT_SAME_LOWERED = re.compile("[\u0130\u0131\u017f\u212a]")
"""The only letters IGNORECASE matches with an ASCII letter other than its own two cases (İ, ı, ſ and
the Kelvin sign), and the only ones lower-casing makes ASCII or longer (İ, Kelvin). In a text without
them, the lower-cased text has the same length, its ASCII letters in lower case and every other
character still not ASCII and still a word character or not as before (checked over all of Unicode):
so the small patterns' ASCII first letters match it with case exactly where they match the text
without case."""

_SCANNERS: dict = {}  # id(pattern) -> Scanner (hashing a pattern reads all its compiled code)


def compile_scanned(
    phrases: list[str], pattern_text: str, lead: str = r"\b", flags: int = 0
) -> re.Pattern:
    """``re.compile(pattern_text, flags)``, which must match exactly as ``lead(?:phrase|phrase|...)``
    does (flags written inside ``pattern_text`` count too); :func:`finditer` and :func:`search`
    then find its matches quickly."""
    pattern = re.compile(pattern_text, flags)
    if _sre_parse is not None:
        try:
            _SCANNERS[id(pattern)] = Scanner(pattern, phrases, lead)
        except (
            re.error,
            RecursionError,
            ValueError,
        ):  # pragma: no cover - the plain finditer serves
            pass
    return pattern


def compile_prefilter(phrases: list[str], pattern_text: str) -> re.Pattern:
    """A pre-filter: ``\\b`` and the alternation of ``phrases`` (see :func:`compile_scanned`)."""
    return compile_scanned(phrases, pattern_text)


def _scanner(pattern: re.Pattern) -> Scanner | None:
    scanner = _SCANNERS.get(id(pattern))
    return scanner if scanner is not None and scanner.pattern is pattern else None


def finditer(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)``; quicker for a pattern made by :func:`compile_scanned`."""
    scanner = _scanner(pattern)
    return pattern.finditer(text) if scanner is None else scanner.finditer(text)


def search(pattern: re.Pattern, text: str):
    """``pattern.search(text)``; quicker for a pattern made by :func:`compile_scanned`."""
    scanner = _scanner(pattern)
    return pattern.search(text) if scanner is None else scanner.search(text)


def first_letters(
    phrase: str, letters: int = LETTERS, flags: int = 0
) -> set[str] | None:
    """Strings one of which starts every match of ``phrase`` (``letters`` long, or shorter where a
    match can end or go on with any letter), or None when the phrase's first letter cannot be told.
    With IGNORECASE in ``flags`` the strings are as the pattern writes them, matched in any case."""
    items = _sre_parse.parse(phrase, flags)
    while letters > 0:
        try:
            got = {s for s, _open in _extend(items, letters, {("", True)})}
        except _TooMany:
            letters -= 1
            continue
        return None if "" in got else got
    return None


def _extend(items, k: int, cur: set) -> set:
    """Every (prefix, open) of ``cur`` followed by what ``items`` can match, up to ``k`` letters;
    an open prefix may still grow, a closed one goes on with anything."""
    for op, av in items:
        if not any(is_open for _, is_open in cur):
            break
        if op is _c.LITERAL:
            cur = _add(cur, k, {chr(av)})
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # takes no letter: leaving it out can only allow more
        elif op is _c.IN:
            chars = set_chars(av)
            cur = _closed(cur) if chars is None else _add(cur, k, chars)
        elif op is _c.SUBPATTERN and not (av[1] or av[2]):
            cur = _extend(av[3], k, cur)
        elif op is _c.BRANCH:
            cur = set().union(*(_extend(sub, k, cur) for sub in av[1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            cur = _repeat(av, k, cur)
        else:
            cur = _closed(cur)  # any letter, a category, a back-reference ...
        if len(cur) > _MOST:
            raise _TooMany
    return cur


def _repeat(av, k: int, cur: set) -> set:
    lo, hi, sub = av
    out = set(cur) if lo == 0 else set()
    step = cur
    for n in range(
        1, min(hi, k + 1) + 1
    ):  # k + 1 rounds fill every prefix that can grow
        step = _extend(sub, k, step)
        if n >= lo:
            out |= step
    return out or _closed(step)


def _add(cur: set, k: int, chars: set) -> set:
    out = set()
    for prefix, is_open in cur:
        if is_open and len(prefix) < k:
            out.update((prefix + ch, len(prefix) + 1 < k) for ch in chars)
        else:
            out.add((prefix, False))
    return out


def _closed(cur: set) -> set:
    return {(prefix, False) for prefix, _ in cur}


def _trie(strings: set[str]) -> str:
    """An alternation of ``strings`` that shares their first letters: ``c(?:ou|la)|n(?:ot|o)``."""
    by: dict[str, set[str]] = {}
    for s in strings:
        by.setdefault(s[0], set()).add(s[1:])
    alts = []
    for ch in sorted(by):
        rest = by[ch]
        tail = "" if "" in rest else _trie(rest)
        alts.append(re.escape(ch) + ("(?:%s)" % tail if "|" in tail else tail))
    return alts[0] if len(alts) == 1 else "(?:%s)" % "|".join(alts)
