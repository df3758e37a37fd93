"""What the charts show, as plain data: the death-toll figures with who gives them, their side
and date; who speaks, grouped by the institution they speak for; and where the hedges are.

Pure functions over a :class:`~lessons.views.base.Reading` (any article, an Analysis, or None
for the seed); :mod:`lessons.views.charts` draws them. What only a teacher can know about a kit
article (sides, dates, other coverage, who speaks for whom) is data beside it in
``lessons/data/articles/<id>/`` (``context-figures.yaml``, ``speakers.yaml``), not code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..annotator.figures import figure_spans, gives_figures
from .base import PART_LABELS, read

KIND_LABELS = {"official": "Official source", "expert": "Expert", "voice": "Other voice",
               "none": "No named speaker"}
REPORTER = "no source named (the reporter's own words)"


# --- extracting figures (pure) -----------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    """A casualty figure in the article: its words, its lowest number (None when it gives no
    number, e.g. "much higher" or "dozens"), the sentence it is in and who gives it."""

    value_text: str
    value_low: int | None
    sentence_index: int
    source: str | None
    qualifier: str = ""
    start: int = -1
    end: int = -1

    @property
    def numeric(self) -> bool:
        return self.value_low is not None


def _giver(sentence, pos: int) -> str | None:
    """Who gives the figure at ``pos`` of a sentence, as the annotator found them: the speaker it
    reports nearest to the figure, named as the sentence names them; in a quotation or after a
    colon, the speaker carried on from before; None for the reporter's own words."""
    reported = getattr(sentence, "attributions", ())
    here = [a for a in reported if a.at >= 0]
    if not here:
        return reported[0].words if reported else None
    givers = [a for a in here if gives_figures(a.verb)]
    return min(givers, key=lambda a: abs(a.at - pos)).words if givers else None


def extract_figures(analysis) -> list[Figure]:
    """Casualty figures in an analysed article, in reading order, each with who gives it.

    The figures are the one detector's (:func:`lessons.annotator.figures.figure_spans`); who
    gives each is the annotator's: of the speakers it found in the sentence ("Russia says",
    "the ministry said", "according to the Red Cross", "It" standing for the ministry named
    before), the one nearest the figure.
    """
    return [Figure(words, low, s.index, _giver(s, a), qual, s.start + a, s.start + b)
            for s in analysis.sentences for a, b, words, low, qual in figure_spans(s.text)]


# --- the article's own data: sides, dates and coverage (lessons/data/articles/<id>/) ----------

def _kit_article_id(reading) -> str | None:
    """The id of the kit article ``reading`` is, or None for any other text."""
    from ..text.article import available_articles, load_article
    known = available_articles()
    if reading.article_id in known:
        return reading.article_id
    for article_id in known:
        article = load_article(article_id)
        if reading.analysis.text in (article.text, article.raw):
            return article_id
    return None


@lru_cache(maxsize=8)
def _article_data(article_id: str | None, name: str) -> dict:
    """A YAML mapping kept beside a kit article (empty when there is none)."""
    import yaml

    from ..data import data_path
    if article_id is None:
        return {}
    path = data_path("articles", article_id, name)
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data if isinstance(data, dict) else {}


def coverage(article=None) -> dict:
    """The figures file of a kit article (``context-figures.yaml``): sides, dates, other coverage."""
    return _article_data(_kit_article_id(read(article)), "context-figures.yaml")


def context_figures(text: str) -> list[dict]:
    """Figures from other coverage listed beside the kit article whose text (raw or cleaned) is ``text``."""
    from ..annotator import analyse
    return list(coverage(analyse(text)).get("figures") or [])


def side_of(who: str | None, sides) -> str:
    """Which side a source speaks for, from the words in its name ("side not known" when none match)."""
    if not who:
        return "the reporter (no source named)"
    found = [str(s["side"]) for s in sides or ()
             if any(re.search(rf"\b{re.escape(str(n))}", who, re.IGNORECASE) for n in s.get("names") or ())]
    return " and ".join(found) if found else "side not known"


@dataclass(frozen=True)
class FigureRow:
    """One figure as the chart shows it: its words and number, who gives it, their side and when."""

    value_text: str
    value_low: int | None
    who: str
    side: str
    when: str
    sort_date: str
    in_article: bool
    times: int = 1
    where: str = ""
    counts: str = "killed"
    reported_by: str = ""

    @property
    def label(self) -> str:
        source = "in this article" + (f" ({self.where})" if self.where else "") if self.in_article \
            else f"other coverage: {self.reported_by}"
        side = "" if self.who == REPORTER else f" · {self.side}"
        return f"{self.who}{side} · {self.when} · {source}"


def _when(date: str | None, published: str | None) -> tuple[str, str]:
    """(the date as shown, a key that sorts it: a month after its days, no date last)."""
    def key(iso: str) -> str:
        return iso + "-32" if re.fullmatch(r"\d{4}-\d{2}", iso) else iso if iso[:1].isdigit() else "9998"
    if date:
        return _nice_date(str(date)), key(str(date))
    if published:
        return f"in the article of {_nice_date(published)}", key(str(published))
    return "date not given", "9999"


def _nice_date(iso: str) -> str:
    months = "January February March April May June July August September October November December".split()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", iso)
    if not m:
        return iso
    month = months[int(m.group(2)) - 1]
    return f"{int(m.group(3))} {month} {m.group(1)}" if m.group(3) else f"{month} {m.group(1)}"


def figure_rows(article=None, context: bool = False) -> list[FigureRow]:
    """Every death-toll figure, in the order they were given: the article's own, and with
    ``context`` those other coverage reported (a kit article's ``context-figures.yaml``)."""
    reading = read(article)
    data = coverage(reading)
    sides = data.get("sides") or ()
    dates = {str(k).lower(): v or {} for k, v in (data.get("in_article") or {}).items()}
    grouped: dict[tuple, list] = {}
    for f in extract_figures(reading.analysis):
        grouped.setdefault((f.value_text.lower(), _apostrophes(f.source or "")), []).append(f)
    groups = speaker_groups(reading)
    rows = []
    for (value, _who), found in grouped.items():
        f = found[0]
        when = dates.get(value, {})
        label, key = _when(when.get("date"), reading.published)
        if when.get("when"):
            label, key = str(when["when"]), (key if when.get("date") else "9999")
        where = ", ".join(dict.fromkeys(PART_LABELS.get(reading.part_at(x.start), "").lower()
                                        for x in found if reading.part_at(x.start)))
        rows.append(FigureRow(f.value_text, f.value_low, _giver_name(f.source, groups), side_of(f.source, sides),
                              label, key, True, len(found), where))
    if context:
        for c in data.get("figures") or ():
            label, key = _when(c.get("date"), None)
            rows.append(FigureRow(str(c["value_text"]), int(c["value_low"]), str(c["who"]), str(c["side"]),
                                  label, key, False, 1, "", str(c.get("counts") or "killed"),
                                  str(c.get("reported_by") or "")))
    return sorted(rows, key=lambda r: (r.sort_date, not r.in_article))


def _giver_name(source: str | None, groups: dict[str, str]) -> str:
    """Who gives a figure, as the chart names them: the body they speak for when the article's
    ``speakers.yaml`` says so, as in the speaker chart and the figures from other coverage
    ("Russia's Defense Ministry", whether the article writes "Moscow's Defense Ministry" or "It"),
    with the article's own words after it."""
    if not source:
        return REPORTER
    body = groups.get(_apostrophes(source))
    return f"{body} (in the article: {source})" if body and body != source else source


def speaker_groups(article=None) -> dict[str, str]:
    """Speaker name -> the institution they speak for, from a kit article's ``speakers.yaml``."""
    groups = _article_data(_kit_article_id(read(article)), "speakers.yaml").get("groups") or {}
    return {_apostrophes(str(name)): str(group) for group, names in groups.items() for name in names or ()}


def _apostrophes(name: str) -> str:
    return name.replace("’", "'").replace("‘", "'")


def _speaker_of(sentence, groups, by: str) -> tuple[str, str, str]:
    """(bar name, kind, the person or body as the article names them) for one sentence."""
    if sentence.source is None:
        return KIND_LABELS["none"], "none", KIND_LABELS["none"]
    name = _apostrophes(sentence.source.name)
    kind = sentence.source.kind if sentence.source.kind in KIND_LABELS else "voice"
    return (groups.get(name, name) if by == "institution" else name), kind, name


def speaker_members(article=None, by: str = "institution") -> dict[str, list[str]]:
    """Bar name -> the speakers counted in it, as the article names them (most sentences first)."""
    reading = read(article)
    groups = speaker_groups(reading)
    members: dict[str, dict[str, int]] = {}
    for s in reading.sentences:
        bar, _kind, name = _speaker_of(s, groups, by)
        members.setdefault(bar, {}).setdefault(name, 0)
        members[bar][name] += 1
    return {bar: sorted(m, key=lambda n: (-m[n], n.lower())) for bar, m in members.items()}


def speaker_counts(article=None, by: str = "institution") -> list[tuple[str, str, int]]:
    """(who, kind, number of sentences) for every speaker, most sentences first. ``by="institution"``
    counts people under the body they speak for (a kit article's ``speakers.yaml``); ``by="person"``
    counts each speaker as the article names them."""
    reading = read(article)
    groups = speaker_groups(reading)
    counts: dict[str, list] = {}
    for s in reading.sentences:
        bar, kind, _name = _speaker_of(s, groups, by)
        counts.setdefault(bar, [bar, kind, 0])[2] += 1
    return sorted((tuple(v) for v in counts.values()), key=lambda v: (-v[2], v[0].lower()))


def hedges_by_sentence(article=None) -> list[tuple[int, list[str]]]:
    """(sentence number from 1, the hedge cue words in it) for every sentence of the article."""
    reading = read(article)
    hedges = [a for a in reading.analysis.annotations if a.category == "hedge"]
    return [(n, [a.cue or a.text_in(reading.analysis.text) for a in hedges if s.start <= a.start < s.end])
            for n, s in enumerate(reading.sentences, 1)]


def hedges_by_speaker(article=None) -> list[tuple[str, str, int]]:
    """(who is speaking, kind, number of hedge words in their sentences), most first; people
    are counted under the body they speak for, as in the speaker chart."""
    reading = read(article)
    groups = speaker_groups(reading)
    counts: dict[str, list] = {}
    for (_n, cues), s in zip(hedges_by_sentence(reading), reading.sentences):
        if cues:
            bar, kind, _name = _speaker_of(s, groups, "institution")
            counts.setdefault(bar, [bar, kind, 0])[2] += len(cues)
    return sorted((tuple(v) for v in counts.values()), key=lambda v: (-v[2], v[0].lower()))
