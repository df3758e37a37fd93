"""How a text names the people it quotes, where the plain patterns of :mod:`.speakers` miss them.

- a title-case line standing alone is a headline (its capitals are no names of themselves);
- a name in the possessive ends there: "President Paul Biya's New Year's Eve speech" names Paul Biya;
- a headline's run of capitals that the body never repeats is no person ("UN Sending Home
  Peacekeepers Implicated ...", "Cameroon Military Cracks Down on ...");
- a person named after words that are no known role ("Motorcycle taxi driver Lukong Genesis, 54,
  said ...") is remembered as another voice, so that "he" next is that person and not an official
  named before (the sentence itself stays without a speaker, as before);
- a person introduced as speaking or fighting for an armed group ("X is a spokesman ... for one rebel
  group", "X is self-declared deputy defense chief of ...") is another voice, never an official.

Each helper is a small pure function of its arguments and the rules.
"""
from __future__ import annotations

import re

from .memo import per_text

_POSSESSIVE = re.compile(r"['’]s$")


def before_possessive(words: list[str]) -> list[str]:
    """The words of a name up to the first in the possessive after its first word, without its "'s":
    ["Paul", "Biya's", "New", "Year's", "Eve"] → ["Paul", "Biya"]."""
    for k, w in enumerate(words):
        if _POSSESSIVE.search(w) and k:
            return words[:k] + [_POSSESSIVE.sub("", w)]
    return words                      # "VOA's Michael Bowman": an owner first is left as it was


def only_in_headline(text: str, name: str, line_end: int) -> bool:
    """Is ``name``, found on a headline line that ends at ``line_end``, absent from the rest of the text?

    A person a headline names is named again in the body; words of a headline that merely start with
    capitals ("Sending Home Peacekeepers Implicated") are not found there. The surname's longest run of
    letters is looked up in an index of the text built once per text.
    (:mod:`.speakers` does not ask for a name the headline itself describes: "Tom Ash, Former Army Officer, Wins".)
    """
    if line_end < 0:
        return False
    parts = _LETTERS.findall(name.split()[-1]) if name.split() else []
    if not parts:
        return False
    last_at = _last_written(text)          # one pass over the text, shared by every headline name
    return last_at.get(max(parts, key=len), -1) < line_end


_LETTERS = re.compile(r"[^\W\d_]+")


@per_text
def _last_written(text: str) -> dict[str, int]:
    """Where each run of letters in ``text`` is last written: one pass, so that asking about every
    name of every headline line stays linear in the text ("Biya" in "Biya's" counts, "Ash" in "Ashton" does not)."""
    return {m.group(): m.start() for m in _LETTERS.finditer(text)}


_AGE = re.compile(r",\s*\d{1,3}\s*,?\s*$")
_NAME_AT_END = re.compile(r"(?:^|\s)((?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*\s+){1,2}[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*)$")


def name_after_words(phrase: str, rules) -> str | None:
    """The person's name that ends a subject phrase whose other words are no known role:
    "Motorcycle taxi driver Lukong Genesis, 54" → "Lukong Genesis"; "Ndop businessman Anyam Edison Penn"
    → "Anyam Edison Penn". None when the phrase is a name alone, a body's name, or holds a role word
    (:mod:`.roles` decides those)."""
    bare = _AGE.sub("", phrase).strip()
    m = _NAME_AT_END.search(bare)
    if not m or m.start(1) == 0:
        return None
    name = m.group(1)
    before = bare[:m.start(1)].strip()
    names, lex = rules.names, rules.sources
    if name.split()[0] in names.not_names or any(w in names.calendar or w.lower() in lex.roles for w in name.split()):
        return None                       # "Finance Minister Ana Ruiz": a role, which roles.py reads
    if any(w.lower() in names.pronouns for w in before.split()):
        return None                       # "He met ... Ana Ruiz": a clause, not a label
    if not re.search(r"[a-z]", before) or re.search(r"[,;:()“”\"]", before):
        return None                       # "Federal Reserve Chair ...": capitals only; a clause: not a plain label
    return name


_OPENING = re.compile(r"\W*((?:[A-Za-z][\w'’-]*\s+){1,4}?(?:[A-Z][a-zà-ÿ'’-]+\s+){1,2}[A-Z][a-zà-ÿ'’-]+)(?:,\s*\d{1,3},)?\s+[a-z]")


def labelled_person(sentence: str, rules):
    """The voice a sentence opens with when a name follows words that are no known role
    ("Motorcycle taxi driver Lukong Genesis, 54, said ..."), or None."""
    from .model import Speaker

    m = _OPENING.match(sentence)
    name = name_after_words(m.group(1), rules) if m else None
    if name is None or re.search(r"['’]s\b", m.group(1)):
        return None                       # "VOA's Michael Bowman reports": an owner, not a label
    return Speaker(name=name, kind="voice", description=m.group(1)[:m.group(1).find(name)].strip(), person=True)


def speaks_for_armed_group(description: str, rules) -> bool:
    """Does an introduction make the person a spokesman, commander or member of an armed group
    ("a spokesman and self-proclaimed deputy defense chief for one rebel group")? A person's role word
    (person_roles in names.yaml) and an armed group together; "who has written books about the
    guerrilla war" has no role word."""
    from .forces import nonstate_forces

    lex = rules.sources
    armed = lex.armed_groups.search(description.lower()) or nonstate_forces(description, rules)
    roles = rules.names.person_roles          # a spokesman, chief or commander; an expert on the group is no member
    return bool(armed and any(w in roles and lex.roles.get(w) != "expert" for w in re.findall(r"[a-z]+", description.lower())))


_HEADLINE_CHARS = 160


def title_case_line(text: str, at: int, seen: dict | None = None) -> bool:
    """Is the line holding ``text[at]`` a title-case headline standing alone ("Army, Rebels Claim Victory")?

    A line of its own, no full stop at its end, every word of four letters or more capitalised.
    ``seen`` keeps the answers for the lines of one text (a line holds many names).
    """
    start = text.rfind("\n", max(0, at - _HEADLINE_CHARS), at) + 1
    end = text.find("\n", at, at + _HEADLINE_CHARS)
    end = len(text) if end < 0 and len(text) - at <= _HEADLINE_CHARS else end
    if (start == 0 and at > _HEADLINE_CHARS) or end < 0:
        return False                  # a longer line: body text (looked at in bounded steps, so linear)
    if seen is None:
        return _headline(text[start:end].strip())
    if (start, end) not in seen:
        seen[(start, end)] = _headline(text[start:end].strip())
    return seen[(start, end)]


def _headline(line: str) -> bool:
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(long) >= 3 and len(line) <= _HEADLINE_CHARS and not line.endswith((".", "!", "?", "”", '"')) \
        and all(w[0].isupper() for w in long)
