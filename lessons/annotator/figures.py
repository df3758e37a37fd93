"""The one casualty-figure detector: "31 people killed", "toll to 89", "killed dozens", "much higher".

The charts and the lesson helpers find figures with :func:`figure_spans`. The annotator's test
for neighbouring figures from different sides is the stricter :func:`casualty_figure_pattern` (a
number, then a word about the dead within a few words; its words are ``casualty_figures`` in
``lessons/data/rules/reading.yaml``): :func:`figure_spans` also finds vague and comparative
tolls, and using it there would change the annotator's scores.
"""
from __future__ import annotations

import re



def casualty_figure_pattern(numbers, words) -> re.Pattern:
    """A number (in digits or one of ``numbers``) followed within three words by one of ``words``
    (about the dead, injured or missing); built once when the rules load."""
    return re.compile(r"(?i)\b(?:\d[\d,.]*|%s)\s+(?:\w+\s+){0,3}(?:people\s+)?(?:%s)\b"
                      % ("|".join(map(re.escape, numbers)), "|".join(map(re.escape, words))))


_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100,
}
_VAGUE = ("dozens", "hundreds", "thousands", "scores", "a dozen", "several dozen", "many")
_QUALIFIERS = ("more than", "at least", "over", "nearly", "almost", "about", "around", "some",
               "up to", "as many as", "fewer than", "less than", "roughly", "approximately",
               "an estimated", "close to")
_CASUALTY = (r"kill(?:ed|ing|s)?|dead|deaths?|died|die|casualt(?:y|ies)|wounded|injur(?:ed|ies|y)|"
             r"lives|bodies|toll|victims|fatalities|perished|slain")
_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(
    sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_QUAL = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_NUMBER_PHRASE = re.compile(rf"(?<![\w.,])(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUM})(?![\w.,]*\d)(?!\w)",
                            re.IGNORECASE)
_NOT_PEOPLE = re.compile(
    r"\s*(?:-|\s)?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|percent|per cent|%|km|"
    r"kilomet(?:er|re)s?|miles?|meters?|metres?|a\.m\.|p\.m\.|am\b|pm\b|o'clock|times|st\b|nd\b|"
    r"rd\b|th\b|billion|million dollars|dollars|euros|rockets|missiles|tanks)\b", re.IGNORECASE)
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
_DATE_BEFORE = re.compile(rf"(?:{_MONTHS})\s*$")
_TOLL_TO = re.compile(rf"\btoll\s+(?:\w+\s+){{0,3}}?(?:to|of|at|stands at|rose to|reached)\s+(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUM})\b",
                      re.IGNORECASE)
_COMPARATIVE = re.compile(
    r"\btoll\b[^.;]{0,60}?\b(?P<val>(?:much|far|significantly|considerably|substantially|many times)\s+"
    r"(?:higher|lower|greater|larger|bigger))\b", re.IGNORECASE)
_VAGUE_RE = re.compile(
    rf"\b(?:kill(?:ed|ing)|left)\s+(?P<a>{'|'.join(re.escape(v) for v in _VAGUE)})\b"
    rf"|\b(?P<b>{'|'.join(re.escape(v) for v in _VAGUE)})\b(?:\s+of\s+\w+)?(?:\s+\w+)?\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|wounded|injured)\b",
    re.IGNORECASE)
def _casualty_near(text: str, start: int, end: int, window: int = 60) -> bool:
    """Is a word about the dead or wounded within ``window`` characters of ``text[start:end]``?"""
    left = text[max(0, start - window):start]
    right = text[end:end + window]
    return bool(re.search(rf"\b(?:{_CASUALTY})\b", left + " " + right, re.IGNORECASE))


def _number_value(num: str) -> int | None:
    num = num.lower().replace(",", "")
    if num in _WORD_NUMBERS:
        return _WORD_NUMBERS[num]
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

    def add(a, b, value_text, low, qual=""):
        if any(a < fb and fa < b for fa, fb, *_ in found):
            return
        found.append((a, b, value_text, low, qual))

    for m in _TOLL_TO.finditer(text):
        qual = (m.group("qual") or "").lower()
        a = m.start("qual") if m.group("qual") else m.start("num")
        add(a, m.end("num"), text[a:m.end("num")], _number_value(m.group("num")), qual)
    for m in _NUMBER_PHRASE.finditer(text):
        a, b = m.start(), m.end()
        if _NOT_PEOPLE.match(text, b) or _DATE_BEFORE.search(text[:m.start("num")]):
            continue
        if re.match(r"\s*(?:of|in)\s+(?:the\s+)?(?:\d|January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)", text[b:]):
            continue
        if not _casualty_near(text, a, b):
            continue
        value = _number_value(m.group("num"))
        if value is None:
            continue
        add(a, b, text[a:b], value, (m.group("qual") or "").lower())
    for m in _COMPARATIVE.finditer(text):
        add(m.start("val"), m.end("val"), m.group("val"), None)
    for m in _VAGUE_RE.finditer(text):
        group = "a" if m.group("a") else "b"
        add(m.start(group), m.end(group), m.group(group), None)
    return sorted(found)


def first_figure(text: str) -> str | None:
    """The words of the first casualty figure in ``text``, or None."""
    spans = figure_spans(text)
    return spans[0][2] if spans else None
