"""The one casualty-figure detector: "31 people killed", "toll to 89", "killed dozens", "much higher".

The charts and the lesson helpers find figures with :func:`figure_spans`, whose words are
``chart_figures`` in ``lessons/data/rules/reading.yaml``. The annotator's test for neighbouring
figures from different sides is the stricter ``rules.reading.casualty_figure`` (a number, then a
word about the dead within a few words; ``casualty_figures`` in the same file):
:func:`figure_spans` also finds vague and comparative tolls, and using it there would change the
annotator's scores.
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from .rules import load_rules


@lru_cache(maxsize=1)
def _patterns() -> SimpleNamespace:
    """The finder's patterns, built once from ``chart_figures`` in ``lessons/data/rules/reading.yaml``."""
    f = load_rules().reading.chart_figures
    alt = lambda words: "|".join(re.escape(w) for w in words)          # noqa: E731
    words = f["number_words"]
    num = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    qual = "|".join(re.escape(q) for q in sorted(f["qualifiers"], key=len, reverse=True))
    vague = alt(f["vague"])
    months = "|".join(list(f["months"]) + [re.escape(m) for m in f["month_abbreviations"]])
    return SimpleNamespace(
        word_numbers=words,
        casualty=re.compile(r"\b(?:%s)\b" % "|".join(f["casualty_patterns"]), re.IGNORECASE),
        number_phrase=re.compile(rf"(?<![\w.,])(?:(?P<qual>{qual})\s+)?(?P<num>{num})(?![\w.,]*\d)(?!\w)", re.IGNORECASE),
        not_people=re.compile(r"\s*(?:-|\s)?(?:%s)\b" % "|".join(f["not_people_patterns"]), re.IGNORECASE),
        date_before=re.compile(rf"(?:{months})\s*$"),
        date_after=re.compile(r"\s*(?:of|in)\s+(?:the\s+)?(?:\d|%s)" % "|".join(f["months"])),
        toll_to=re.compile(rf"\btoll\s+(?:\w+\s+){{0,3}}?(?:{alt(f['toll_to'])})\s+(?:(?P<qual>{qual})\s+)?(?P<num>{num})\b",
                           re.IGNORECASE),
        comparative=re.compile(r"\btoll\b[^.;]{0,60}?\b(?P<val>(?:%s)\s+(?:%s))\b"
                               % (alt(f["comparative_degrees"]), alt(f["comparatives"])), re.IGNORECASE),
        vague=re.compile(rf"\b(?:{'|'.join(f['vague_verb_patterns'])})\s+(?P<a>{vague})\b"
                         rf"|\b(?P<b>{vague})\b(?:\s+of\s+\w+)?(?:\s+\w+)?\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?"
                         rf"(?:{alt(f['vague_outcomes'])})\b", re.IGNORECASE),
    )


def _casualty_near(text: str, start: int, end: int, window: int = 60) -> bool:
    """Is a word about the dead or wounded within ``window`` characters of ``text[start:end]``?"""
    left = text[max(0, start - window):start]
    right = text[end:end + window]
    return bool(_patterns().casualty.search(left + " " + right))


def _number_value(num: str) -> int | None:
    num = num.lower().replace(",", "")
    words = _patterns().word_numbers
    if num in words:
        return words[num]
    try:
        return int(float(num))
    except ValueError:
        return None


def figure_spans(text: str) -> list[tuple[int, int, str, int | None, str]]:
    """Casualty figures in ``text`` as ``(start, end, words, lowest number or None, qualifier)``, in order.

    Numbers near words about the dead or wounded ("more than 60 ... were killed", "toll to 89",
    "at least 12 dead"), vague counts ("killed dozens") and comparative tolls without a number
    ("the death toll may have been much higher"). Numbers of minutes, months, years or
    percentages, and dates, are left out.
    """
    found: list[tuple[int, int, str, int | None, str]] = []
    p = _patterns()

    def add(a, b, value_text, low, qual=""):
        if any(a < fb and fa < b for fa, fb, *_ in found):
            return
        found.append((a, b, value_text, low, qual))

    for m in p.toll_to.finditer(text):
        qual = (m.group("qual") or "").lower()
        a = m.start("qual") if m.group("qual") else m.start("num")
        add(a, m.end("num"), text[a:m.end("num")], _number_value(m.group("num")), qual)
    for m in p.number_phrase.finditer(text):
        a, b = m.start(), m.end()
        if p.not_people.match(text, b) or p.date_before.search(text[:m.start("num")]):
            continue
        if p.date_after.match(text[b:]):
            continue
        if not _casualty_near(text, a, b):
            continue
        value = _number_value(m.group("num"))
        if value is None:
            continue
        add(a, b, text[a:b], value, (m.group("qual") or "").lower())
    for m in p.comparative.finditer(text):
        add(m.start("val"), m.end("val"), m.group("val"), None)
    for m in p.vague.finditer(text):
        group = "a" if m.group("a") else "b"
        add(m.start(group), m.end(group), m.group(group), None)
    return sorted(found)


def first_figure(text: str) -> str | None:
    """The words of the first casualty figure in ``text``, or None."""
    spans = figure_spans(text)
    return spans[0][2] if spans else None
