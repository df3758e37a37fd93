"""The verb lens: every attribution in a report with its verb and what that verb tells a reader,
and a sentence whose verb the learner can swap ("said" → "admitted") to see what the swap does
to a reader's trust. The verbs and what each signals are data: ``lessons/data/verbs.yaml``.

The pure helpers come first (:func:`load_verbs`, :func:`find_verb`, :func:`attributions`,
:func:`swap_feedback`); :class:`VerbLens` is the thin widget over them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path
from ..errors import KitError
from .base import View, category_label, e, ipw, label_style, resolve, snippet, view_box
from .messages import note_html

VERBS_FILE = data_path("verbs.yaml")
SOURCE_CATEGORIES = ("official", "expert", "voice")
"""Highlights that are attributions: someone is speaking."""


@dataclass(frozen=True)
class Verb:
    """An attribution verb: its name, the words that count as it, what it signals, what it does to trust."""

    name: str
    forms: tuple
    signals: str
    trust: str


@dataclass(frozen=True)
class Swap:
    """A sentence whose verb a learner can swap: ``before`` + verb + ``after``."""

    id: str
    before: str
    after: str
    original: str
    verbs: tuple
    source: str

    def sentence(self, verb: str) -> str:
        return f"{self.before} {verb} {self.after}"


@dataclass(frozen=True)
class Attribution:
    """One attribution in a report: the sentence, who speaks, the category, and the verb used."""

    text: str
    speaker: str | None
    category: str
    word: str | None        # the verb as written ("has blamed" → "blamed"), or None when none is found
    verb: Verb | None       # the kit's entry for it, when the kit knows the verb


def _words(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise KitError(f"verbs.yaml: {where} needs some words.")
    return " ".join(value.split())


@lru_cache(maxsize=4)
def _load(mtime_ns: int) -> tuple[dict, tuple]:
    import yaml
    try:
        data = yaml.safe_load(VERBS_FILE.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KitError(f"The list of attribution verbs (verbs.yaml) cannot be read: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("verbs"), dict):
        raise KitError("verbs.yaml needs a 'verbs' mapping.")
    verbs = {}
    for name, entry in data["verbs"].items():
        if not isinstance(entry, dict):
            raise KitError(f"verbs.yaml: the entry for {name!r} must be a mapping.")
        forms = entry.get("forms") or [name]
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise KitError(f"verbs.yaml: 'forms' of {name!r} must be a list of words.")
        verbs[str(name)] = Verb(str(name), tuple(" ".join(f.lower().split()) for f in forms),
                                _words(entry.get("signals"), f"'signals' of {name!r}"),
                                _words(entry.get("trust"), f"'trust' of {name!r}"))
    swaps = []
    for n, entry in enumerate(data.get("swaps") or [], 1):
        if not isinstance(entry, dict):
            raise KitError(f"verbs.yaml: swap {n} must be a mapping.")
        names = tuple(str(v) for v in entry.get("verbs") or ())
        unknown = [v for v in names if v not in verbs]
        original = str(entry.get("original", ""))
        if unknown or original not in names or len(names) < 2:
            raise KitError(f"verbs.yaml: swap {n} must list at least two known verbs, its original among them.")
        swaps.append(Swap(_words(entry.get("id"), f"swap {n}'s 'id'"), _words(entry.get("before"), f"swap {n}"),
                          _words(entry.get("after"), f"swap {n}"), original, names,
                          _words(entry.get("source"), f"swap {n}'s 'source'")))
    return verbs, tuple(swaps)


def load_verbs() -> dict[str, Verb]:
    """The attribution verbs the kit knows, by name (re-read when verbs.yaml changes)."""
    return _load(VERBS_FILE.stat().st_mtime_ns)[0]


def load_swaps() -> tuple[Swap, ...]:
    """The sentences whose verb a learner can swap."""
    return _load(VERBS_FILE.stat().st_mtime_ns)[1]


def verb_named(word: str | None) -> Verb | None:
    """The kit's entry for ``word`` ("claims", "According to"), or None."""
    if not word:
        return None
    flat = " ".join(str(word).lower().split())
    for verb in load_verbs().values():
        if flat in verb.forms or flat == verb.name:
            return verb
    last = flat.split()[-1] if flat.split() else ""      # "has blamed" → "blamed"
    return next((v for v in load_verbs().values() if last in v.forms), None)


_QUOTED = re.compile(r"“[^“”\"]*[”\"]|\"[^\"“”]*[\"”]")   # a curly quotation may close with a straight mark


def outside_quotes(text: str) -> str:
    """``text`` with every quotation blanked out (same length), so that words the speaker said
    ("I rarely say this") are not taken for the reporter's attribution verb. A quotation that
    opens or closes outside ``text`` is blanked to the edge."""
    blank = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    close = blank.find("”")
    if close >= 0 and ("“" not in blank[:close]):
        blank = " " * (close + 1) + blank[close + 1:]
    opening = blank.find("“")
    if opening >= 0:
        blank = blank[:opening] + " " * (len(blank) - opening)
    return blank


def find_verb(text: str) -> str | None:
    """The attribution verb the kit knows in ``text``, as written, or None: the last one outside
    quotation marks, since reports often put the attribution after the words ("..., Giles said")."""
    forms = sorted({f for v in load_verbs().values() for f in v.forms}, key=len, reverse=True)
    pattern = r"\b(" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")\b"
    found = list(re.finditer(pattern, outside_quotes(text), flags=re.IGNORECASE))
    return " ".join(text[found[-1].start(1):found[-1].end(1)].split()) if found else None


def attribution_word(annotation, text: str) -> str | None:
    """The verb of an attribution highlight: the annotator's own record (``verb``) when it has
    one, else the first known verb in the highlighted words."""
    recorded = getattr(annotation, "verb", None)
    if isinstance(recorded, str) and recorded.strip():
        return " ".join(recorded.split())
    return find_verb(text[annotation.start:annotation.end])


def attributions(analysis) -> list[Attribution]:
    """Every attribution the annotator found (official, expert and other voices), in text order,
    with its verb and what that verb signals."""
    out, seen = [], set()
    for ann in sorted(analysis.annotations, key=lambda a: (a.start, a.end)):
        if ann.category not in SOURCE_CATEGORIES or (ann.start, ann.end) in seen:
            continue
        seen.add((ann.start, ann.end))
        word = attribution_word(ann, analysis.text)
        out.append(Attribution(ann.text_in(analysis.text), ann.source, ann.category, word, verb_named(word)))
    return out


def swap_feedback(swap: Swap, verb_name: str) -> str:
    """What swapping ``swap``'s verb for ``verb_name`` does to a reader's trust, in plain words."""
    verbs = load_verbs()
    verb = verbs.get(verb_name)
    if verb is None or verb_name not in swap.verbs:
        return f"Choose one of: {', '.join(swap.verbs)}."
    if verb_name == swap.original:
        return (f"“{verb_name}” is the verb the sentence has. {verb.signals} Now swap it for another "
                "and see what changes.")
    return (f"From “{swap.original}” to “{verb_name}”. {verb.signals} What it does to your trust: "
            f"{verb.trust} The facts in the sentence did not change: only the verb did.")


# --- the widget ----------------------------------------------------------------------------

def attributions_html(items: list[Attribution]) -> str:
    """A table of attributions: who, the verb, what it signals (all text escaped)."""
    if not items:
        return "<p>No attributions were found in this text.</p>"
    rows = []
    for a in items:
        if a.verb is not None:
            meaning = a.verb.signals
        elif a.word:
            meaning = "Not in the kit's list of verbs. Read it closely: what does it add to “said”?"
        else:
            meaning = "No attribution verb here (for example a quotation that carries on)."
        rows.append(f"<tr><td class='mlk-ui-verbs-cell'>{e(snippet(a.text, 110))}</td>"
                    f"<td class='mlk-ui-verbs-cell'>{e(a.speaker or '—')}<br><small>{e(category_label(a.category))}</small></td>"
                    f"<td class='mlk-ui-verbs-verb'>{e(a.word or '—')}</td>"
                    f"<td class='mlk-ui-verbs-cell'>{e(meaning)}</td></tr>")
    return ("<table class='mlk-ui-verbs'>"
            "<thead><tr><th scope='col'>Sentence</th><th scope='col'>Who</th><th scope='col'>Verb</th>"
            f"<th scope='col'>What the verb tells you</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


class VerbLens(View):
    """Swap the verb in a sentence and read what the swap does to trust; below, every
    attribution in the report with its verb."""

    def __init__(self, analysis):
        W = ipw()
        self.analysis = analysis
        self.swaps = load_swaps()
        if not self.swaps:
            raise KitError("verbs.yaml has no sentences to swap verbs in.")
        self.sentence_menu = W.Dropdown(options=[(snippet(s.sentence(s.original), 70), s.id) for s in self.swaps],
                                        value=self.swaps[0].id, description="Sentence", style=label_style(),
                                        layout=W.Layout(width="100%", max_width="52em"))
        self.verb_menu = W.ToggleButtons(options=list(self.swaps[0].verbs), value=self.swaps[0].original,
                                         description="Verb", style=label_style())
        self.sentence = W.HTML()
        self.feedback = W.HTML()
        self.items = attributions(analysis)
        self.table = W.HTML(attributions_html(self.items))
        self.sentence_menu.observe(self._on_sentence, "value")
        self.verb_menu.observe(lambda _c: self._render(), "value")
        self.widget = view_box([
            W.HTML("<h3 class='mlk-ui-title'>The verb lens</h3><p>Choose a verb. The sentence "
                   "changes by one word; read what that word does.</p>"),
            self.sentence_menu, self.verb_menu, self.sentence, self.feedback,
            W.HTML("<p class='mlk-ui-after'><b>Every attribution in the report, with its verb</b></p>"),
            self.table])
        self._render()

    @property
    def swap(self) -> Swap:
        return next(s for s in self.swaps if s.id == self.sentence_menu.value)

    def choose(self, verb: str) -> None:
        """Put ``verb`` in the sentence (as a learner pressing its button would)."""
        self.verb_menu.value = verb

    def _on_sentence(self, _change=None) -> None:
        swap = self.swap
        self.verb_menu.options = list(swap.verbs)
        self.verb_menu.value = swap.original
        self._render()

    def _render(self) -> None:
        swap, verb = self.swap, self.verb_menu.value
        self.sentence.value = (
            f"<blockquote class='mlk-ui-swap'>{e(swap.before)} "
            f"<b><u>{e(verb)}</u></b> {e(swap.after)}</blockquote>"
            f"<p class='mlk-ui-from'>Sentence from: {e(swap.source)}</p>")
        self.feedback.value = note_html("info", f"What “{verb}” does", swap_feedback(swap, verb))


def verb_lens(article=None) -> VerbLens:
    """Swap attribution verbs in a sentence, and see every attribution of ``article`` (default:
    the seed report) with its verb."""
    analysis, _title = resolve(article)
    return VerbLens(analysis)
