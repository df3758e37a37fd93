"""The answer key: the kit's expert annotation of an article, unit by unit.

A key lives in ``data/key/<name>.yaml`` (the header of that file explains the format for
teachers) and belongs to the article ``data/articles/<name>/raw.txt``. Each unit's text is looked
up in the article, in order, so every :class:`KeyUnit` carries its character offsets; each hedge
cue is looked up inside its unit.

:func:`load_gold_jsonl` reads the external benchmark format (one JSON unit a line, with offsets)
into the same :class:`KeyUnit` type, so one scorer serves both.

Offsets are Python ``str`` offsets: ``text[unit.start:unit.end] == unit.text``.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from typing import Any, Iterable, Mapping

from ..annotator.model import CATEGORIES
from ..data import data_path

DEFAULT_KEY = "makiivka-nbc-2023"
SOURCE_TYPES = ("official", "expert", "voice")
"""Allowed ``source_type`` values besides ``None`` (the writer's own narration)."""


@dataclass(frozen=True)
class Figure:
    """A number reported in a unit: its wording, what it counts and who gives it."""

    value: str
    what: str
    given_by: str | None = None


@dataclass(frozen=True)
class KeyUnit:
    """One unit of the key (a sentence, the headline, the dek or a caption sentence).

    ``start``/``end`` and each pair in ``cue_spans`` are offsets into the article text;
    ``cue_spans[i]`` is where ``hedge_cues[i]`` was found. ``optional`` holds the categories
    careful annotators could reasonably differ on: a scorer counts them neither as hits nor as
    misses.
    """

    id: str
    text: str
    start: int
    end: int
    labels: frozenset
    optional: frozenset
    hedge_cues: tuple
    cue_spans: tuple
    source: str | None
    source_type: str | None
    note: str
    figures: tuple = ()
    boosters: tuple = ()

    def scored(self) -> frozenset:
        """The categories a scorer counts for this unit: the four categories minus the optional ones."""
        return frozenset(CATEGORIES) - self.optional


@dataclass(frozen=True)
class NotUnit:
    """A line or fragment of the article that is not a unit (boilerplate, photo credit)."""

    text: str
    start: int
    end: int
    reason: str


# --- finding text -------------------------------------------------------------------------

def _occurrences(haystack: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    """Start offsets of ``needle`` in ``haystack[start:end]``.

    Whole-word matches are preferred (so "may" is not found inside "mayor"); when there are none,
    plain substring matches are returned.
    """
    end = len(haystack) if end is None else end
    plain = []
    i = haystack.find(needle, start, end)
    while i != -1:
        plain.append(i)
        i = haystack.find(needle, i + 1, end)
    left = r"(?<!\w)" if needle[:1].isalnum() or needle[:1] == "_" else ""
    right = r"(?!\w)" if needle[-1:].isalnum() or needle[-1:] == "_" else ""
    pattern = re.compile(left + re.escape(needle) + right)
    whole = [m.start() for m in pattern.finditer(haystack, start, end)]
    return whole or plain


def _cue_spec(cue: Any, unit_id: str) -> tuple[str, int | None]:
    """``"may"`` -> ("may", None); ``{text: may, occurrence: 2}`` -> ("may", 2)."""
    if isinstance(cue, str):
        return cue, None
    if isinstance(cue, Mapping) and isinstance(cue.get("text"), str):
        occurrence = cue.get("occurrence")
        if occurrence is not None and (not isinstance(occurrence, int) or occurrence < 1):
            raise ValueError(f"unit {unit_id}: cue {cue['text']!r} has a bad occurrence {occurrence!r}")
        return cue["text"], occurrence
    raise ValueError(f"unit {unit_id}: a hedge cue must be a string or {{text: ..., occurrence: n}}, got {cue!r}")


def _cue_spans(text: str, start: int, end: int, cues: Iterable[Any], unit_id: str) -> tuple[tuple, tuple]:
    """Find each cue inside ``text[start:end]``.

    A cue listed without an occurrence takes the first occurrence not already used by the same
    cue earlier in the list (so a cue listed twice means its first and second occurrence).
    """
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    used: dict[str, int] = {}
    for raw in cues:
        cue, occurrence = _cue_spec(raw, unit_id)
        if not cue:
            raise ValueError(f"unit {unit_id}: empty hedge cue")
        hits = _occurrences(text, cue, start, end)
        n = occurrence if occurrence is not None else used.get(cue, 0) + 1
        if not hits:
            raise ValueError(f"unit {unit_id}: hedge cue {cue!r} not found in the unit's text")
        if n > len(hits):
            raise ValueError(f"unit {unit_id}: hedge cue {cue!r} occurs {len(hits)} time(s), "
                             f"occurrence {n} asked for")
        used[cue] = max(used.get(cue, 0), n)
        words.append(cue)
        spans.append((hits[n - 1], hits[n - 1] + len(cue)))
    return tuple(words), tuple(spans)


def _categories(value: Any, field: str, unit_id: str) -> frozenset:
    if value is None:
        return frozenset()
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValueError(f"unit {unit_id}: {field} must be a list of categories, got {value!r}")
    cats = frozenset(value)
    unknown = cats - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unit {unit_id}: unknown {field} {sorted(unknown)}; "
                         f"use only {', '.join(CATEGORIES)}")
    return cats


def _figures(value: Any, unit_id: str) -> tuple[Figure, ...]:
    out = []
    for f in value or ():
        if not isinstance(f, Mapping) or "value" not in f or "what" not in f:
            raise ValueError(f"unit {unit_id}: a figure needs 'value' and 'what', got {f!r}")
        out.append(Figure(value=str(f["value"]), what=str(f["what"]),
                          given_by=None if f.get("given_by") is None else str(f["given_by"])))
    return tuple(out)


# --- the kit's YAML key ---------------------------------------------------------------------

def parse_key(data: Mapping, text: str) -> tuple[KeyUnit, ...]:
    """Build the units of a parsed YAML key against the article ``text``.

    Each unit's text is searched from the end of the previous unit; a text that is not found
    there, an unknown category, a cue outside its unit or a booster outside its unit raises
    :class:`ValueError` naming the unit's id.
    """
    units = data.get("units") if isinstance(data, Mapping) else None
    if not isinstance(units, list):
        raise ValueError("the key has no 'units' list")
    out: list[KeyUnit] = []
    seen: set[str] = set()
    pos = 0
    for i, entry in enumerate(units, 1):
        if not isinstance(entry, Mapping) or not entry.get("id"):
            raise ValueError(f"unit number {i} of the key has no id")
        uid = str(entry["id"])
        if uid in seen:
            raise ValueError(f"unit {uid}: the id is used twice")
        seen.add(uid)
        utext = entry.get("text")
        if not isinstance(utext, str) or not utext:
            raise ValueError(f"unit {uid}: missing text")
        start = text.find(utext, pos)
        if start == -1:
            where = "at all" if text.find(utext) == -1 else "after the previous unit (check the order)"
            raise ValueError(f"unit {uid}: text not found in the article {where}: {utext[:60]!r}")
        end = start + len(utext)
        labels = _categories(entry.get("labels"), "labels", uid)
        optional = _categories(entry.get("optional"), "optional", uid)
        if labels & optional:
            raise ValueError(f"unit {uid}: {sorted(labels & optional)} is both a label and optional")
        cues, spans = _cue_spans(text, start, end, entry.get("hedge_cues") or (), uid)
        source_type = entry.get("source_type")
        if source_type is not None and source_type not in SOURCE_TYPES:
            raise ValueError(f"unit {uid}: source_type {source_type!r} is not one of {SOURCE_TYPES} or null")
        extra = entry.get("extra") or {}
        boosters = tuple(str(b) for b in extra.get("boosters") or ())
        for b in boosters:
            if b not in utext:
                raise ValueError(f"unit {uid}: booster {b!r} not found in the unit's text")
        out.append(KeyUnit(
            id=uid, text=utext, start=start, end=end, labels=labels, optional=optional,
            hedge_cues=cues, cue_spans=spans,
            source=None if entry.get("source") is None else str(entry["source"]),
            source_type=source_type, note=str(entry.get("note") or "").strip(),
            figures=_figures(extra.get("figures"), uid), boosters=boosters,
        ))
        pos = end
    return tuple(out)


def parse_not_units(data: Mapping, text: str, units: Iterable[KeyUnit] = ()) -> tuple[NotUnit, ...]:
    """The key's ``not_units`` located in ``text``, outside every unit, sorted by position.

    An entry may give ``occurrence`` (1-based, counted outside units) when its text occurs more
    than once.
    """
    taken = [(u.start, u.end) for u in units]
    out = []
    for entry in (data.get("not_units") or ()) if isinstance(data, Mapping) else ():
        ntext = entry.get("text") if isinstance(entry, Mapping) else None
        if not isinstance(ntext, str) or not ntext:
            raise ValueError(f"not_units: an entry has no text: {entry!r}")
        hits = [i for i in _occurrences(text, ntext)
                if not any(s < i + len(ntext) and i < e for s, e in taken)]
        occurrence = entry.get("occurrence")
        if not hits:
            raise ValueError(f"not_units: {ntext!r} not found in the article outside the units")
        if occurrence is None and len(hits) > 1:
            raise ValueError(f"not_units: {ntext!r} occurs {len(hits)} times; give an occurrence")
        n = occurrence or 1
        if n > len(hits):
            raise ValueError(f"not_units: {ntext!r} occurs {len(hits)} time(s), occurrence {n} asked for")
        start = hits[n - 1]
        out.append(NotUnit(text=ntext, start=start, end=start + len(ntext),
                           reason=str(entry.get("reason") or "")))
    return tuple(sorted(out, key=lambda n: n.start))


def key_path(name: str = DEFAULT_KEY):
    """Path of the key file ``data/key/<name>.yaml``."""
    return data_path("key", f"{name}.yaml")


def article_text(name: str = DEFAULT_KEY) -> str:
    """The raw article the key belongs to, ``data/articles/<name>/raw.txt``."""
    return data_path("articles", name, "raw.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def _read_key(name: str) -> Mapping:
    import yaml

    path = key_path(name)
    if not path.exists():
        raise FileNotFoundError(f"no answer key called {name!r} (looked for {path})")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise ValueError(f"the answer key {name!r} is not a YAML mapping")
    return data


@lru_cache(maxsize=8)
def load_key(name: str = DEFAULT_KEY, *, text: str | None = None) -> tuple[KeyUnit, ...]:
    """The answer key ``name`` as units in article order (cached).

    ``text`` is the article to place the units in; by default the kit's copy
    ``data/articles/<name>/raw.txt``.
    """
    return parse_key(_read_key(name), article_text(name) if text is None else text)


@lru_cache(maxsize=8)
def load_not_units(name: str = DEFAULT_KEY, *, text: str | None = None) -> tuple[NotUnit, ...]:
    """The lines of the article that the key lists as not units (boilerplate, photo credits)."""
    text = article_text(name) if text is None else text
    return parse_not_units(_read_key(name), text, load_key(name, text=text))


# --- the external benchmark format ----------------------------------------------------------

def read_jsonl(path: str | PathLike):
    """(line number, record) for each non-blank line of a JSON-lines file; bad JSON names its line."""
    from ..text.files import read_text_exactly   # an ordinary file only, with the size cap

    for lineno, line in enumerate(io.StringIO(read_text_exactly(path), newline=None), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}, line {lineno}: not valid JSON ({exc.msg})") from None


def load_gold_jsonl(path: str | PathLike, text: str) -> tuple[KeyUnit, ...]:
    """Read a benchmark ``.gold.jsonl`` (one unit a line) for the article ``text``.

    Fields: ``id``, ``text``, ``start``, ``end``, ``labels``, ``hedge_cues``, ``source``,
    ``note`` and ``optional`` (may be null). ``text[start:end]`` must equal the unit's text, and
    each cue must lie inside its unit; otherwise :class:`ValueError` names the unit. The result
    is sorted by position; ``source_type``, ``figures`` and ``boosters`` are left empty.
    """
    units: list[KeyUnit] = []
    for lineno, rec in read_jsonl(path):
        if not isinstance(rec, dict):
            raise ValueError(f"{path}, line {lineno}: a unit must be a JSON object, not {type(rec).__name__}")
        uid = str(rec.get("id") or f"line {lineno}")
        utext, start, end = rec.get("text"), rec.get("start"), rec.get("end")
        if not isinstance(utext, str) or not isinstance(start, int) or not isinstance(end, int):
            raise ValueError(f"unit {uid}: needs text, start and end")
        if text[start:end] != utext:
            raise ValueError(f"unit {uid}: text[{start}:{end}] does not match the unit's text "
                             f"{utext[:60]!r}")
        cues, spans = _cue_spans(text, start, end, rec.get("hedge_cues") or (), uid)
        units.append(KeyUnit(
            id=uid, text=utext, start=start, end=end,
            labels=_categories(rec.get("labels"), "labels", uid),
            optional=_categories(rec.get("optional"), "optional", uid),
            hedge_cues=cues, cue_spans=spans,
            source=rec.get("source"), source_type=None,
            note=str(rec.get("note") or ""),
        ))
    return tuple(sorted(units, key=lambda u: (u.start, u.end)))
