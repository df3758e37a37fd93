"""Long alternations of words and phrases that match quickly.

Python's regular-expression engine tries the alternatives of ``a|b|c|...`` one after another
at every position, and with IGNORECASE it cannot skip one by its first letter. The rule files
give alternations of hundreds of phrases, so :func:`alternation` groups them by the letter
they can start with: ``(?:(?=a)(?:a...|a...)|(?=b)(?:b...)|...)``. At a position only the
phrases that can start with the letter found there are tried, in the order the list gives
them, so every match is the one the plain alternation finds. A phrase whose first letter
cannot be told (it starts with ``\\w``, say) is tried everywhere, in its place in the order.

The capturing groups inside the phrases are numbered differently (a phrase may appear under
several letters): use it only where the matches' groups are not read by number.
"""
from __future__ import annotations

import string

try:
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:        # pragma: no cover - another Python: the plain alternation is used
    _c = _sre_parse = None

_DISPATCH = frozenset(string.ascii_letters + string.digits)
_FEW = 4      # fewer phrases than this: grouping them gains nothing


def alternation(phrases, ignorecase: bool = False) -> str:
    """``(?:p1|p2|...)`` as a pattern that matches exactly the same, grouped by first letter.

    ``ignorecase`` must say whether the pattern is compiled with IGNORECASE.
    """
    phrases = list(phrases)
    plain = "(?:%s)" % "|".join(phrases)
    if len(phrases) < _FEW or _sre_parse is None:
        return plain
    firsts = []
    for p in phrases:
        try:
            chars = _first_chars(_sre_parse.parse(p))
        except Exception:          # an unusual construct: this phrase is tried everywhere
            chars = None
        if chars is not None and ignorecase and not all(c.isascii() and (c.isdigit() or c.islower()) for c in chars):
            # Only small ASCII letters: they fold to one letter, and the grouping stays exact when
            # the pattern's text is put inside a pattern without IGNORECASE (speakers.py does so).
            chars = None
        if chars is not None and not chars <= _DISPATCH:
            chars = None
        firsts.append(chars)
    keys = sorted(set().union(*(f for f in firsts if f)))
    if not keys:
        return plain
    groups = []
    for k in keys:
        alts = [p for p, f in zip(phrases, firsts) if f is None or k in f]
        groups.append("(?=%s)(?:%s)" % (k, "|".join(alts)))
    anywhere = [p for p, f in zip(phrases, firsts) if f is None]
    if anywhere:
        groups.append("(?![%s])(?:%s)" % ("".join(keys), "|".join(anywhere)))
        return "(?:%s)" % "|".join(groups)
    return "(?=[%s])(?:%s)" % ("".join(keys), "|".join(groups))    # one test skips most places


def _first_chars(items) -> set[str] | None:
    """The characters a parsed pattern can start with, or None when any (or none) can."""
    chars, nullable = _first(items)
    return None if nullable else chars


def _first(items) -> tuple[set[str] | None, bool]:
    """(first characters or None for unknown, whether the items can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            return out | {chr(av)}, False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue               # takes no character; a superset of first characters is fine
        if op is _c.IN:
            got = set_chars(av)
            return (None, False) if got is None else (out | got, False)
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None, False
            got, nullable = _first(sub)
        elif op is _c.BRANCH:
            got, nullable = set(), False
            for sub in av[1]:
                g, n = _first(sub)
                if g is None:
                    return None, False
                got |= g
                nullable = nullable or n
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, hi, sub = av
            if hi == 0:
                continue
            got, nullable = _first(sub)
            nullable = nullable or lo == 0
        else:
            return None, False     # any character, a category, a back-reference ...
        if got is None:
            return None, False
        out |= got
        if not nullable:
            return out, False
    return out, True


def set_chars(av) -> set[str] | None:
    """The characters a parsed character set ``[...]`` can match, or None when they are too many to list."""
    chars: set[str] = set()
    for op, a in av:
        if op is _c.LITERAL:
            chars.add(chr(a))
        elif op is _c.RANGE and a[1] - a[0] < 64:
            chars.update(chr(x) for x in range(a[0], a[1] + 1))
        else:
            return None            # a negated set, a category (\w, \s) ...
    return chars

