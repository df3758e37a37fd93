"""The one casualty-figure detector: "31 people killed", "toll to 89", "killed dozens", "much higher".

:func:`find_figures` reads a text once and gives every figure it finds as plain data
(:class:`FoundFigure`: span, words, number, value, qualifier, whether a word about the dead is
near, and its ``form``). Each consumer keeps the figures it needs and finds none of its own:

* the charts and the lesson helpers take :func:`figure_spans`: numbers with a word about the
  dead or wounded near them, tolls ("toll to 89"), vague counts ("killed dozens") and comparative
  tolls ("much higher");
* the annotator's test for neighbouring figures from different sides leaves figures set in two
  different named places alone (:func:`named_places`: "in Paktika" / "in Khost province");
* the annotator's test for neighbouring figures from different sides is stricter: it takes
  only a number followed within three words by a word about the dead ("31 people killed", form
  ``dead_count``), a verb about the dead before a number of people ("killed 50 militants", "lost
  only three fighters", form ``killed_count``) or a toll put at a number ("the death toll at
  four", form ``toll_at``).

Every word list is data: the sections ``casualty_figures``, ``chart_figures``, ``toll_figures``,
``counted_numbers`` and ``figure_numbers`` of ``lessons/data/rules/reading.yaml``. No other
module compiles a pattern for numbers of dead (tests/test_architecture.py checks).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

from .rules import load_rules

FORMS = ("near", "toll_to", "comparative", "vague", "dead_count", "killed_count", "toll_at")
"""What a figure is: a number with a word about the dead near it, "toll ... to 89", "much
higher", "dozens" (the charts' forms); a number then a word about the dead within three words,
"killed 50 militants", "the death toll at four" (the annotator's)."""
CHART_FORMS = FORMS[:4]
COUNT_FORMS = FORMS[4:]


@dataclass(frozen=True)
class FoundFigure:
    """A figure in a text: ``text[start:end]`` is ``words``; ``number`` is the number as written
    ("60", "two", "dozens"; "" when there is none, as in "much higher"), ``value`` its lowest
    count (None when it gives none); ``qualifier`` says how exact it is ("more than")."""

    start: int
    end: int
    words: str
    number: str
    value: int | None
    qualifier: str
    casualty_near: bool
    form: str


_CACHE: dict[int, tuple] = {}


def _patterns(rules=None) -> SimpleNamespace:
    """The detector's patterns, built once per rules from the figure sections of ``reading.yaml``."""
    rules = rules or load_rules()
    data = rules.reading.figures
    cached = _CACHE.get(id(data))
    if cached is None or cached[0] is not data:
        cached = _CACHE[id(data)] = (data, _build(data))
    return cached[1]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in words)


def _spaced(words) -> str:
    """The words as an alternation in file order, a space matching any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _build(d: dict) -> SimpleNamespace:
    f, dead, toll, counted = d["chart_figures"], d["casualty_figures"], d["toll_figures"], d["counted_numbers"]
    words = f["number_words"]
    num = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    qual = "|".join(re.escape(q) for q in sorted(f["qualifiers"], key=len, reverse=True))
    vague = _alt(f["vague"])
    months = "|".join(list(f["months"]) + [re.escape(m) for m in f["month_abbreviations"]])
    return SimpleNamespace(
        values={**{str(k).lower(): int(v) for k, v in counted["number_words"].items()},
                **{str(k).lower(): int(v) for k, v in words.items()}},
        casualty=re.compile(r"\b(?:%s)\b" % "|".join(f["casualty_patterns"]), re.IGNORECASE),
        casualty_word=re.compile("|".join(f["casualty_patterns"]), re.IGNORECASE),
        number_phrase=re.compile(rf"(?<![\w.,])(?:(?P<qual>{qual})\s+)?(?P<num>{num})(?![\w.,]*\d)(?!\w)", re.IGNORECASE),
        not_people=re.compile(r"\s*(?:-|\s)?(?:%s)\b" % "|".join(f["not_people_patterns"]), re.IGNORECASE),
        date_before=re.compile(rf"(?:{months})\s*$"),
        date_after=re.compile(r"\s*(?:of|in)\s+(?:the\s+)?(?:\d|%s)" % "|".join(f["months"])),
        toll_to=re.compile(rf"\btoll\s+(?:\w+\s+){{0,3}}?(?:{_alt(f['toll_to'])})\s+(?:(?P<qual>{qual})\s+)?(?P<num>{num})\b",
                           re.IGNORECASE),
        comparative=re.compile(r"\btoll\b[^.;]{0,60}?\b(?P<val>(?:%s)\s+(?:%s))\b"
                               % (_alt(f["comparative_degrees"]), _alt(f["comparatives"])), re.IGNORECASE),
        vague=re.compile(rf"\b(?:{'|'.join(f['vague_verb_patterns'])})\s+(?P<a>{vague})\b"
                         rf"|\b(?P<b>{vague})\b(?:\s+of\s+\w+)?(?:\s+\w+)?\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?"
                         rf"(?:{_alt(f['vague_outcomes'])})\b", re.IGNORECASE),
        dead_count=re.compile(r"(?i)(?<![-–])\b(?:\d[\d,.]*|%s)\s+(?:\w+\s+){0,3}(?:people\s+)?(?:%s)\b"
                              % (_alt(dead["numbers"]), _alt(dead["words"]))),
        killed_count=re.compile(r"(?i)\b(?:%s)\s+(?:(?:%s|only)\s+)?(?:\d[\d,]*|%s)\s+(?:[\w-]+\s+){0,2}?(?:%s)\b" % (
            _alt(dead.get("verbs_before", [])) or "(?!)", qual, _alt(dead["numbers"]),
            _spaced(dead.get("people", [])) or "(?!)")),
        toll_at=re.compile(r"(?i)\b(?:(?:%s)\s+)?(?:%s)\s+(?:%s)\s+(\d[\d,.]*|%s)\b" % (
            _spaced(toll["before"]), _spaced(toll["nouns"]), _spaced(toll["links"]), _spaced(toll["numbers"]))),
        count_word=re.compile(r"(?i)\b(\d[\d,]*|%s)\b" % _alt(list(counted["number_words"]) + counted["rough"])),
        digits=re.compile("|".join(d["figure_numbers"]["patterns"])),
        year_before=re.compile(r"(?i)\b(?:%s)\s+$" % _alt(f.get("year_before", ()))),
        counted_after=re.compile(r"(?i)\s+(?:%s|%s)\b" % ("|".join(f["casualty_patterns"]), _spaced(dead.get("people", [])))),
        people=re.compile(r"(?i)\b(?:%s)\b" % _spaced(sorted(dead.get("people", []), key=len, reverse=True)) if dead.get("people")
                          else r"(?!)"),
        place=re.compile(rf"\b[Ii]n\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?(?:(?P<named>{_NAME})\s+(?:{_alt(dead.get('place_nouns') or ['(?!)'])})\b"
                         rf"(?:\s+of\s+(?P<of>{_NAME}))?|(?P<bare>{_NAME})(?=\s*(?:[,.;:!?)]|$)))"),
        months=frozenset(m.lower() for m in f["months"]),
    )


_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
"""A place's name: up to three capitalised words ("Khost", "Gaza Strip")."""


def _a_year(p, text: str, m: re.Match) -> bool:
    """"since 1991": a four-digit number from 1800 to 2100 after ``year_before``, or with no word
    about the dead or for people right after it, is a year (``chart_figures`` in reading.yaml)."""
    num = m.group("num")
    if m.group("qual") or not (len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100):
        return False
    return bool(p.year_before.search(text[max(0, m.start() - 20):m.start()])) or not p.counted_after.match(text, m.end())


def _casualty_near(p, text: str, start: int, end: int, window: int = 60) -> bool:
    """Is a word about the dead or wounded within ``window`` characters of ``text[start:end]``?"""
    return bool(p.casualty.search(text[max(0, start - window):start] + " " + text[end:end + window]))


def _value(p, num: str) -> int | None:
    num = num.lower().replace(",", "")
    if num in p.values:
        return p.values[num]
    try:
        return int(float(num))
    except ValueError:
        return None


def _chart_forms(p, text: str) -> list[FoundFigure]:
    found: list[FoundFigure] = []

    def add(a, b, number, qual, near, form):
        if near and any(a < f.end and f.start < b for f in found if f.casualty_near):
            return
        found.append(FoundFigure(a, b, text[a:b], number, _value(p, number) if number else None, qual, near, form))

    for m in p.toll_to.finditer(text):
        a = m.start("qual") if m.group("qual") else m.start("num")
        add(a, m.end("num"), m.group("num"), (m.group("qual") or "").lower(), True, "toll_to")
    for m in p.number_phrase.finditer(text):
        a, b = m.start(), m.end()
        if p.not_people.match(text, b) or p.date_before.search(text[:m.start("num")]) or p.date_after.match(text[b:]) \
                or _a_year(p, text, m):
            continue
        if _value(p, m.group("num")) is None:
            continue
        add(a, b, m.group("num"), (m.group("qual") or "").lower(), _casualty_near(p, text, a, b), "near")
    for m in p.comparative.finditer(text):
        add(m.start("val"), m.end("val"), "", "", True, "comparative")
    for m in p.vague.finditer(text):
        group = "a" if m.group("a") else "b"
        add(m.start(group), m.end(group), m.group(group), "", True, "vague")
    return found


def _counted(p, text: str, pattern: re.Pattern, form: str) -> list[FoundFigure]:
    out = []
    for m in pattern.finditer(text):
        number = p.count_word.search(m.group())
        first = number.group(1) if number else m.group()
        out.append(FoundFigure(m.start(), m.end(), m.group(), first, _value(p, first), "", True, form))
    return out


def find_figures(text: str, rules=None, forms: tuple = FORMS) -> list[FoundFigure]:
    """Every figure in ``text``, in order of where it starts (see :data:`FORMS`); with ``forms``,
    only the figures in those forms, and the others are not looked for.

    Numbers of minutes, months, years or percentages, and dates, are not figures. A number with
    no word about the dead or wounded near it is given with ``casualty_near`` False.
    """
    p = _patterns(rules)
    found = [f for f in _chart_forms(p, text) if f.form in forms] if set(forms) & set(CHART_FORMS) else []
    for pattern, form in ((p.dead_count, "dead_count"), (p.killed_count, "killed_count"), (p.toll_at, "toll_at")):
        if form in forms:
            found += _counted(p, text, pattern, form)
    return sorted(found, key=lambda f: (f.start, f.end, FORMS.index(f.form)))


def figure_spans(text: str) -> list[tuple[int, int, str, int | None, str]]:
    """The figures the charts and lessons show, as ``(start, end, words, lowest number or None,
    qualifier)``: the chart forms of :func:`find_figures` with a word about the dead near them."""
    return [(f.start, f.end, f.words, f.value, f.qualifier) for f in find_figures(text, forms=CHART_FORMS)
            if f.casualty_near]


def first_figure(text: str) -> str | None:
    """The words of the first casualty figure in ``text`` (as the charts take them), or None."""
    spans = figure_spans(text)
    return spans[0][2] if spans else None


_MORE = re.compile(r"(?i)\b(?:other|more|additional|further|another|new)\b")


def is_additional(figure: FoundFigure) -> bool:
    """"three other deaths", "two more people died": a count added to one before, not a rival to it."""
    return bool(_MORE.search(figure.words))


def outcome(figure: FoundFigure, rules=None) -> str:
    """What a figure counts, by its word about the dead or hurt: a name of the ``outcomes`` groups
    of ``casualty_figures`` in reading.yaml ("31 people killed": "dead", "500 injured": "hurt"),
    or "" when its word is in no group ("casualties") or there is none."""
    groups = (rules or load_rules()).reading.figures["casualty_figures"].get("outcomes") or {}
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", figure.words)]
    for word in reversed(words):
        for name, group in groups.items():
            if word in group:
                return name
    return ""


def victims(figure: FoundFigure, rules=None) -> str:
    """Who a figure counts, as the first five letters of its word for people ("killed 40 soldiers",
    "12 soldiers died": "soldi"), or "" when it names no one ("31 people killed" names "peopl")."""
    m = _patterns(rules).people.search(figure.words)
    return m.group().lower()[:5] if m else ""


def named_places(text: str, rules=None) -> set[str]:
    """The places other than countries a sentence names as the place of its events, lower-cased: a
    capitalised name after "in" followed by a word for a place (``place_nouns`` of
    ``casualty_figures``: "in neighboring Khost province", "in the southern city of Rafah") or
    ending its clause ("injured in Paktika."). Two neighbouring figures set in different places
    count two places, not rival tolls. A name followed by another word ("in Israeli strikes") is
    no place, and neither is a month.

    >>> sorted(named_places("Officials said 13 people were hurt in neighboring Khost province."))
    ['khost']
    >>> sorted(named_places("Nine people died in an Israeli strike on a house in the city of Rafah."))
    ['rafah']
    >>> sorted(named_places("Two people died in March, and in Israeli strikes."))
    []
    """
    p = _patterns(rules)
    names = (m.group("of") or m.group("named") or m.group("bare") for m in p.place.finditer(text))
    return {n.lower() for n in names if n and n.lower() not in p.months}


def is_casualty_word(word: str, rules=None) -> bool:
    """Whether one word speaks of the dead or wounded ("killed", "casualties")."""
    return bool(_patterns(rules).casualty_word.fullmatch(word))


def digit_numbers(text: str, rules=None) -> list[tuple[int, int]]:
    """Spans of numbers written in digits that are not years (``figure_numbers`` in reading.yaml)."""
    return [m.span() for m in _patterns(rules).digits.finditer(text)]


def gives_figures(verb: str, rules=None) -> bool:
    """Does a speaker reported with ``verb`` give the figures in what follows? Not after
    ``not_given_by`` in reading.yaml: "Russia blames phones for the strike that killed dozens"."""
    first = verb.split()[0].lower() if verb.split() else ""
    return first not in (rules or load_rules()).reading.figures["chart_figures"].get("not_given_by", ())
