"""A speaker's name as it reads inside a reason: "This reports what {source} said".

Names are found where a sentence starts ("Officials in Kyiv said ...", "The Russian military has
blamed ...") or cut from a longer phrase, so as found they can break the sentence a reason puts
them in ("what Officials in Kyiv said", "what Russian military said"). :func:`speaker_phrase` is
the one place that turns a speaker into the words every reason uses; the word lists are
``speaker_phrases`` in ``reading.yaml`` and the role and body words of ``sources.yaml`` and ``names.yaml``.
"""
from __future__ import annotations

import re

from .memo import per_text
from .model import Speaker
from .rules import Rules

__all__ = ["speaker_phrase"]

MAX_WORDS = 7
"""The most words a speaker phrase keeps (a capitalised name counts as one word): longer phrases
are cut back to their head ("A purported statement from the group received by some news
organizations" → "a purported statement from the group")."""

_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for", "with", "on", "by", "near", "to", "inside", "outside"})
_POSSESSIVE = re.compile(r"['’]s?$")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _units(words: list[str]) -> int:
    """How many words a reader takes in: a run of capitalised words ("Economic Community of West
    African States") is one."""
    n, k = 0, 0
    while k < len(words):
        if _capitalised(words[k]):
            while k + 1 < len(words) and (_capitalised(words[k + 1]) or words[k + 1] in ("of", "for", "and", "the")
                                          and k + 2 < len(words) and _capitalised(words[k + 2])):
                k += 1
        n, k = n + 1, k + 1
    return n


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _name_goes_on(words: list[str]) -> bool:
    """"Council of Highland States": a small joining word, then capitals again."""
    rest = words[1:3] if words[2:3] != ["the"] else words[1:2] + words[3:4]
    return len(rest) == 2 and rest[0] in ("of", "for", "on") and _capitalised(rest[1])


def _ends_in_a_name(words: list[str], rules: Rules) -> bool:
    """"U.S. Secretary of State Colin Powell": a title, then a person's name of two words or more."""
    run = 0
    for w in reversed(words):
        if not _capitalised(w) or _known_word(w, rules):
            break
        run += 1
    return run >= 2 and run < len(words) and _known_word(words[-run - 1], rules)


def _inside_a_name(words: list[str], k: int) -> bool:
    return 0 < k < len(words) - 1 and _capitalised(words[k - 1]) and _capitalised(words[k + 1])


def _shortened(words: list[str], rules: Rules) -> list[str]:
    """The speaker without the words after them ("Experts say the rumour", "China's Foreign Ministry
    also welcomed ..."), and the head of an overlong phrase: cut before a clause ("received by")
    and then before its last prepositions ("in the western Darfur region") until it is short."""
    verbs, determiners = rules.sources.speech_verbs, rules.reading.speaker_determiners
    for k in range(1, len(words)):
        if words[k] in rules.reading.speaker_ends or k < len(words) - 1 and words[k] in verbs \
                and words[k - 1].lower() not in determiners and not _POSSESSIVE.search(words[k - 1]):
            return _shortened(words[:k], rules)   # "Experts say the rumour": the speaker ends at the verb
    if _units(words) <= MAX_WORDS:
        return words
    for k in range(2, len(words)):
        w = words[k]
        if w.endswith("ed") and k + 1 < len(words) and words[k + 1] in _PREPOSITIONS:
            words = words[:k]
            break
    while _units(words) > MAX_WORDS:
        cuts = [k for k in range(1, len(words)) if words[k] in _PREPOSITIONS and not _inside_a_name(words, k)
                and words[k - 1].lower() not in determiners]
        if not cuts:
            break
        words = words[:cuts[-1]]
    return words


_KNOWN: dict[int, tuple[Rules, frozenset, frozenset]] = {}


def _known_words(rules: Rules) -> tuple[frozenset, frozenset]:
    """The common nouns and adjectives of the kit's lists, and the first words of its roles of more
    than one word ("foreign" of "foreign minister"): gathered once for each set of rules."""
    held = _KNOWN.get(id(rules))
    if held is None or held[0] is not rules:
        known = frozenset(rules.sources.roles.keys() | rules.sources.organisations.keys() | rules.names.body_words
                          | rules.sources.ambiguous_roles | rules.reading.speaker_common_words | rules.names.title_words)
        firsts = frozenset(p.split()[0] for p in rules.sources.roles if " " in p)
        if len(_KNOWN) > 8:        # rules loaded afresh (tests, a teacher's own rule files): keep a few
            _KNOWN.clear()
        held = _KNOWN[id(rules)] = (rules, known, firsts)
    return held[1], held[2]


def _known_word(word: str, rules: Rules) -> bool:
    """A common noun or adjective of the kit's lists ("officials", "military", "local"), not a name."""
    w = _POSSESSIVE.sub("", word.lower())
    known, firsts = _known_words(rules)
    return w in known or w.endswith("s") and w[:-1] in known or w.endswith("es") and w[:-2] in known \
        or w in firsts


def _plural(word: str, rules: Rules) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "news", "us")) and not w.endswith("media") \
        and w not in rules.names.body_words - {"forces", "services"}


def speaker_phrase(speaker: Speaker | str, rules: Rules) -> str:
    """The speaker as words that fit inside a sentence.

    A leading article or a common word written small ("officials in Kyiv", "an Ethiopian
    government spokesman", "experts"); "the" before a body named by its common noun ("the Russian
    military", "the British Defense Ministry") but not before a person, a place, a possessive or a
    plural ("Keir Giles", "Russia", "Ukraine's military", "Liberian defense officials"); an
    overlong phrase cut to its head ("a purported statement from the group").
    """
    return _phrase(speaker.name if isinstance(speaker, Speaker) else speaker, rules)


@per_text
def _phrase(name: str, rules: Rules) -> str:
    words = name.split(",")[0].split()
    if not words:
        return name
    words = _shortened(words, rules)
    first = words[0]
    determiner = first.lower() in rules.reading.speaker_determiners
    if not determiner and first in rules.names.not_names and not _known_word(first, rules):
        return " ".join(words)            # not a name at all ("As the army ..."): leave it as found
    small = determiner or _known_word(first, rules) and not rules.names.demonym.match(first) and (
        len(words) == 1 or not _capitalised(words[1]) and (_plural(first, rules) or not _name_goes_on(words)))
    if small and not _acronym(first):
        words = [first[:1].lower() + first[1:]] + words[1:]
    head = words
    for k in range(1, len(words)):
        if words[k] in _PREPOSITIONS or words[k] == "and":
            head = words[:k]
            break
    last = _POSSESSIVE.sub("", head[-1]) if not _POSSESSIVE.search(head[0]) or len(head) > 1 else ""
    body = bool(last) and _known_word(last, rules) and not (len(words) == 1 and _acronym(first)) \
        and (not _plural(last, rules) or _capitalised(last) and len(head) > 1)
    if body and not determiner and not _POSSESSIVE.search(first) and not _ends_in_a_name(words, rules):
        words = ["the"] + words
    return " ".join(words)
