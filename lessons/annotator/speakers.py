"""Who is speaking: the people and bodies a text introduces, and what a subject phrase refers to.

:func:`find_people` reads the whole text once for names introduced with a role ("Ukrainian
President Volodymyr Zelenskyy", "Keir Giles, an expert on Russia"); :class:`State` is what the
annotator remembers while it reads on; :func:`resolve` says who a subject phrase names ("Giles",
"the ministry", "he"). What kind of source a role names is decided in :mod:`.roles`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .alternation import alternation
from .model import Speaker
from .roles import org_kind, classify_role
from .authorities import as_authorities
from .rules import Rules, load_rules
from .spellings import respelled
from .namings import before_possessive, labelled_person, only_in_headline, speaks_for_armed_group, title_case_line

# The word lists (titles, names that are not names, days and months, nationalities, role and
# body words, pronouns) are in lessons/data/rules/names.yaml, read through rules.names.
_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*"   # "O'Hanlon", "McDonald" too
PERSON_NAME = re.compile(r"%s(?:\s+(?:[A-Z]\.|%s)){1,3}" % (_NAME_WORD, _NAME_WORD))

@dataclass
class State:
    """What the annotator remembers while it reads: known speakers and the last ones mentioned."""

    people: dict = field(default_factory=dict)     # name or surname -> Speaker
    heads: dict = field(default_factory=dict)      # head noun ("ministry") -> last Speaker
    last: Speaker | None = None
    last_person: Speaker | None = None
    seen: list = field(default_factory=list)
    sentence: int = 0          # the sentence being read
    last_at: int = -99         # where the last speaker was named
    recent: list = field(default_factory=list)     # people, most recently named first
    bodies: dict = field(default_factory=dict)     # (name, kind) -> Speaker named by its role
    gender: dict = field(default_factory=dict)     # name -> "he" / "she" when the text shows it
    window: str = ""           # this sentence and the next, to see which pronoun follows a name
    last_body: Speaker | None = None   # the last body (not a person) that spoke, and where
    last_body_at: int = -99
    states: frozenset = frozenset()    # names the text gives state bodies ("Tavrenia's navy"): see .authorities
    governing: frozenset = frozenset()  # armed groups the text shows in power ("the Taliban government")

    def remember(self, sp: Speaker, head: str | None = None) -> None:
        self.last = sp
        self.last_at = self.sentence
        if head:
            self.heads[head.split()[-1]] = sp
        if not sp.person:
            self.last_body, self.last_body_at = sp, self.sentence
        if sp.person:
            self.last_person = sp
            if sp in self.recent:
                self.recent.remove(sp)
            self.recent.insert(0, sp)
            if sp.name not in self.gender:
                self.gender[sp.name] = _pronoun_after(sp, self.window)
        if not any(sp is x for x in self.seen):
            self.seen.append(sp)

    def mention(self, sentence: str) -> None:
        """A known person as the subject of a sentence that reports no speech: "he" may be them next
        ("Carl Thayer is ...", "Biology professor Ana Ruiz was ...")."""
        opening = _ROLE_THEN_NAME.match(sentence) or re.match(r"\W*((?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’-]*)", sentence)
        m = _names_pattern(tuple(self.people)).search(opening.group(1)) if opening and self.people else None
        sp = self.people.get(m.group()) if m else None
        if sp is not None and sp.person:
            self.remember(sp)          # "Former Congressman Timothy Roemer played a key role ..."
        elif sp is None:
            other = labelled_person(sentence, load_rules())
            if other is not None:
                self.remember(other)   # "Motorcycle taxi driver Lukong Genesis, 54, said ...": "he" next is him

    def person_for(self, pronoun: str) -> Speaker | None:
        """The most recent person "he" or "she" can refer to (unknown gender fits both)."""
        return next((p for p in self.recent if self.gender.get(p.name) in (None, pronoun)), None)


_ROLE_THEN_NAME = re.compile(r"\W*([^,;:.“”\"]{0,60}?\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+(?:is|was|has|had)\s")
"""An opening that ends in a name before its verb: "University of Victoria biology professor Ana Ruiz was ..."."""

_ANOTHER_DOCUMENT = re.compile(r"(?:another|a\s+second|a\s+separate|a\s+third)\s+(?:new\s+|recent\s+)?(?:report|paper|analysis)")
""""Another report", right after experts spoke: more of the same kind of work, an expert's too."""

_PRONOUN_CHARS = 400
"""How far after a name its pronouns are looked for (a bound, so a long sentence costs no more per name)."""
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
"""Quoted words, to the closing mark or the end: a "he" inside is someone the speaker talks about."""
_WHOSE = re.compile(r",\s+whose\s[^,.;]*(?:,|$)")
"""", whose son ...,": a clause about another person, whose pronouns are not the speaker's."""


def _pronoun_after(sp: Speaker, window: str) -> str | None:
    """'he' or 'she', from a title, a gendered role, or the pronouns after the name.

    Pronouns inside quotation marks or a "whose ..." clause are about someone else ("Ana Ruiz, whose
    son was hurt, said ... "He was grey," she said"); a pronoun that says something ("she said") outweighs
    an earlier possessive.
    """
    words = f"{sp.description} ".lower()
    names = load_rules().names
    if names.she_title.search(words):
        return "she"
    if names.he_title.search(words):
        return "he"
    surname = sp.name.split()[-1]
    at = window.find(surname)
    if at < 0:
        return None
    unquoted = _QUOTED.sub(lambda q: " " * len(q.group()), window)     # the same length: positions hold
    rest = _WHOSE.sub(" ", unquoted[at + len(surname):at + len(surname) + _PRONOUN_CHARS])
    m = _speaking_pronoun(load_rules().sources.speech_verbs).search(rest)
    word = (m.group(1) or m.group(2)) if m else None
    if word is None:
        m = names.pronoun_forms.search(rest)
        word = m.group(1) if m else None
    if word is None:
        return None
    return "she" if word.lower() in names.she_pronouns else "he"


@lru_cache(maxsize=4)
def _speaking_pronoun(verbs: frozenset) -> re.Pattern:
    """"she said", "said he": the pronoun that is the subject of a speech verb."""
    alts = alternation(sorted(verbs, key=len, reverse=True), ignorecase=True)   # by first letter: quick
    return re.compile(r"(?i)\b(?:(he|she)\s+(?:\w+ly\s+)?%s|%s\s+(he|she))\b" % (alts, alts))


def _split_name(candidate: str, rules: Rules) -> tuple[str, str]:
    """Split 'Ukrainian President Volodymyr Zelenskyy' into ('Ukrainian President', 'Volodymyr Zelenskyy')."""
    words = candidate.split()
    lex = rules.sources
    i = 0
    while i < len(words) - 1:
        w = words[i].lower().rstrip(".").replace("’s", "").replace("'s", "")
        three = " ".join(x.lower() for x in words[i:i + 3])
        if i + 3 < len(words) and three in lex.roles:
            i += 3                        # "Secretary of State Colin Powell"
            continue
        if i + 4 < len(words) and " ".join(x.lower() for x in words[i:i + 4]) in lex.roles:
            i += 4                        # "Chancellor of the Exchequer Alistair Darling"
            continue
        two = (w + " " + words[i + 1].lower().rstrip(".")) if i + 1 < len(words) else w
        if i + 2 < len(words) and (_two_word_place(two, lex) or two in lex.ambiguous_roles or two in lex.roles):
            i += 2                        # "South African", "Sri Lankan"; "State's Attorney": a role of two words
            continue
        if words[i].lower() in lex.places:
            w = words[i].lower()          # "U.S."
        if (w in lex.roles or words[i].lower() in lex.roles or w in lex.ambiguous_roles or two in lex.roles or w in lex.places
                or (lex.official_acronyms.fullmatch(words[i]) and (words[i + 1].lower() in lex.roles
                                                                    or words[i + 1].lower() in lex.ambiguous_roles))
                or rules.names.demonym.match(words[i]) or w in rules.names.title_words
                or rules.names.capitalised_title.fullmatch(words[i])
                or (i + 2 < len(words) and _portfolio(words[i], words[i + 1], rules))):
            if words[i + 1][:1].isupper() and rules.reading.role_phrase_break.fullmatch(words[i + 1]):
                return "", candidate      # "Reporters Without Borders": a body's name, not a role and a name
            i += 1
            continue
        break
    return " ".join(words[:i]), " ".join(words[i:])


def _portfolio(word: str, role: str, rules: Rules) -> bool:
    """Is ``word`` the portfolio of the minister or secretary after it ("Finance Minister", "Trade Secretary")?"""
    return (word[:1].isupper() and word.isalpha() and word not in rules.names.not_names
            and role.rstrip(".").lower() in rules.names.portfolio_roles)


@lru_cache(maxsize=4)
def _two_word_places(places: frozenset) -> tuple:
    return tuple(sorted(p for p in places if len(p.split()) == 2))


def _two_word_place(words: str, lex) -> bool:
    """Are two words a country of two words or its nationality ("south africa", "south african")?"""
    return any(words == p or (words.startswith(p) and words[len(p):].isalpha())
               for p in _two_word_places(lex.places))


def _title_with_of(text: str, at: int, words: list, lex) -> list:
    """The words of a title with "of" that the run of capitalised words broke off: before "State
    Mike Pompeo", "U.S. Secretary of" ("Secretary of State" is one role)."""
    window = text[max(0, at - 60):at]
    # Only a window ending in "of" or "the" can end as the pattern does: the search, which tries
    # every place of the window, is left out for the others.
    back = re.search(r"((?:[A-Z][\w.'’-]*[ \t]+){0,2}[A-Z][\w.'’-]*)[ \t]+of[ \t]+(the[ \t]+)?$", window) \
        if window.rstrip(" \t\n").endswith(("of", "the")) else None
    link = ["of", "the"] if back and back.group(2) else ["of"]
    if back and " ".join([back.group(1).split()[-1]] + link + [words[0]]).lower() in lex.roles:
        return back.group(1).split() + link     # "Chancellor of the" before "Exchequer Alistair Darling"
    return []


_ROLE_BEFORE_COMMA = re.compile(r"(?:^|[.!?]\s+|,\s+|\bby\s+)((?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}?[A-Z]?[\w'’-]+(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.'’-]*){0,6})?),[ \t]*$")
"""A role set off by a comma right before a name: "Interior Minister, Ali Yerlikaya, said"; "the Minister of Interior, Ambrose Dery,";
"The chairman of President Obama's Council of Economic Advisers, Alan Krueger, says"."""


_LEAD_IN_ROLE = re.compile(r"(?:^|[.!?]\s+|\n)([^.,;:!?\n“”\"]{3,70}),[ \t]*$")
"""A phrase that opens the sentence and ends in a comma right before a name: "One of the study's writers, Ana Ruiz"."""

_ORG_AFTER_NAME = re.compile(r"[ \t]+(?:of|at|from|with)[ \t]+((?:the[ \t]+)?[A-Z][\w'’.-]*"
                             r"(?:[ \t]+(?:of|for|on|and|the|[A-Z][\w'’.-]*)){0,6})")
"""A body named right after a person's name: "Olga Marsh of the Carnegie Endowment"."""


def find_people(text: str, rules: Rules) -> dict[str, Speaker]:
    """People and bodies introduced with a role, by full name and (for people) surname.

    Two patterns: a role right before the name ("Ukrainian President Volodymyr Zelenskyy",
    "war correspondent Semyon Pegov") and an appositive after it ("Keir Giles, an expert on
    Russia and a consulting fellow at Chatham House").
    """
    lex = rules.sources
    names, reading = rules.names, rules.reading
    people: dict[str, Speaker] = {}
    lines: dict = {}                  # (start, end) of a line -> whether it is a title-case headline
    for m in names.name.finditer(text):
        cand = m.group()
        words = cand.split()
        while words and words[0] in names.not_names:
            words = words[1:]
        if not words:
            continue
        words = _title_with_of(text, m.start(), words, lex) + words
        title, name = _split_name(" ".join(words), rules)
        name = " ".join(before_possessive(name.split()))    # "Paul Biya's New Year's Eve speech": Paul Biya
        headline = title_case_line(text, m.start(), lines)
        group = title.split()[-1].lower() if title else ""
        if headline and (any(w.lower() in lex.speech_verbs for w in name.split()) or (name and not text.startswith(",", m.end()) and only_in_headline(
                text, name, text.find("\n", m.end()))) or names.plural_roles.search(group)
                or (group.endswith("s") and group[:-1] in lex.roles)):
            continue                  # "Govt Denies Attack", "Military Cracks Down On ...": no name in a headline
        if not name or all(w.lower().strip(".") in lex.places or w.lower() in lex.roles or w in names.calendar
                           for w in name.split()):
            continue
        lead = re.search(r"((?<![\w'’.-])(?:(?:[A-Z]\.){2,}\s+|[A-Za-z][\w'’-]*\s+){0,3})$",   # "U.N. spokesman"
                         text[max(0, m.start() - 50):m.start()].rsplit("\n", 1)[-1])   # never from the line above
        lead = reading.words_before_a_title.sub("", reading.verbish.split(lead.group(1) if lead else "")[-1])
        # "the government is persecuting Mr. Chen": words after a verb are no title of the person
        before = (lead + title).strip()
        if names.former_before_name.search(text[max(0, m.start() - 40):m.start()]):
            before = "former " + before
        after = ""
        tail = text[m.end():m.end() + 200]
        ap = reading.appositive.match(tail)
        if headline and ap and not tail[ap.end():].startswith(","):
            ap = None                 # "Army, Rebels Claim Victory": in a headline only "Ash, the Envoy, ..." describes
        if ap and not reading.not_an_appositive.match(ap.group(1)) \
                and ap.group(1).split()[0].lower() not in lex.speech_verbs | lex.clause_openers and (
                re.match(r"(?i)(?:a|an|the)\s", ap.group(1)) or lex.role_pattern.search(" ".join(ap.group(1).split()[:4]))):
            after = ap.group(1)
            more = reading.second_appositive.match(tail[ap.end():])
            if more and not reading.auxiliary.search(more.group(1)):   # "..., the army is exhausted" is a clause
                after += ", " + more.group(1)
        within = _WITHIN_A_BODY.search(text[max(0, m.start() - 60):m.start()]) if not title else None
        if within and any(w.lower() in names.person_roles for w in within.group(1).split()):
            within = None             # "Director of Research Ana Ruiz": a person's title, not a body
        if within:                    # "Union of | Concerned Scientists, a non-profit group": the end of a body's name
            name = within.group(1) + " " + name
        kind = desc = None
        who = re.match(r",[ \t]+who\s+(?:is|was|are|were)?\s*([^,.;:“”\"\n]{3,140})", tail) or \
            re.match(r"(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+(?:is|was)\s+((?:a|an|the|self-\w+)\s+[^,.;:“”\"\n]{3,140})",
                     tail)    # "Carl Thayer is a professor of ...", "X is self-declared deputy defense chief of ..."
        if not after and who and not headline:
            # "Nadia Fellner, who researches workplace safety at the Institute for ..."
            kind, _ = classify_role(who.group(1), rules)
            kind = kind or org_kind(who.group(1).lower(), rules)
            if kind == "voice" and not speaks_for_armed_group(who.group(1), rules):
                kind = None           # "who has written books about the guerrilla war": what they did, not a side
            desc = who.group(1) if kind else None
        if after:
            kind, _ = classify_role(after, rules)
            desc = after
        if kind is None and before and not (not title and _OBJECT_OF_PREPOSITION.search(lead)):
            # not "Intergovernmental Panel on | Climate Change": words after "on", "of", "for" end a body's name
            kind, _ = classify_role(before, rules)
            desc = before
            now = re.search(r"\bnow\s+([^.;]{3,120})", tail)
            if kind == "voice" and before.lower().startswith("former") and now and org_kind(now.group(1).lower(), rules) == "expert":
                kind, desc = "expert", f"{before}, now {now.group(1).strip()}"   # "... and is now president of the Center for ..."
        role = _ROLE_BEFORE_COMMA.search(text[max(0, m.start() - 80):m.start()]) \
            if kind is None and len(name.split()) > 1 and not headline and tail.lstrip().startswith(",") else None
        if role and (classify_role(role.group(1), rules)[0] in ("official", "expert") or speaks_for_armed_group(role.group(1), rules)):
            kind, desc = classify_role(role.group(1), rules)[0], role.group(1)   # "Interior Minister, Ali Yerlikaya, said"; a rebel spokesman
        of = _ORG_AFTER_NAME.match(tail) if kind is None and len(name.split()) > 1 else None
        if of and org_kind(of.group(1).lower(), rules) in ("expert", "official"):
            kind, desc = org_kind(of.group(1).lower(), rules), f"of {of.group(1)}"   # "Olga Marsh of the Carnegie Endowment"
        lead_in = _LEAD_IN_ROLE.search(text[max(0, m.start() - 80):m.start()])
        if lead_in and not headline and lex.expert_phrases.search(lead_in.group(1)):
            kind, desc = "expert", lead_in.group(1)   # "One of the study's writers, Ana Ruiz of the health agency, said"
        elif kind is None and lead_in and not headline and speaks_for_armed_group(lead_in.group(1), rules):
            kind, desc = "voice", lead_in.group(1)    # "A spokesman for the National Liberation Forces, Pasteur Hakimana, denies"
        if kind is None or (len(name.split()) == 1 and not after and not (
                title and (title.split()[-1].lower().strip(".") in names.person_roles
                           or names.courtesy_title.match(title + " ")))):
            continue                  # "Media Studies" is not a person called Studies
        if len(name.split()) == 1 and (not after or re.search(r"[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$", text[max(0, m.start() - 40):m.start()])) \
                and (names_a_body(name, lex) or after):
            continue                  # "General Motors" is a company, not a general called Motors; "Ministry of Information, ..." a body
        desc = re.sub(r"^(?:a|an|the)\s+", "", re.sub(r"\s+", " ", desc)).strip(" ,")
        is_body = bool(within) or names_a_body(name, lex)
        sp = Speaker(name=name, kind=kind, description=desc, person=not is_body)
        people.setdefault(name, sp)
        if len(name.split()) > 1 and not is_body:
            for surname in surnames(name):
                people.setdefault(surname, people[name])
        role = classify_role(desc, rules)[1] or ""
        if len(name.split()) == 3 and not is_body and role.split()[-1:] and role.split()[-1] in names.person_roles:
            people.setdefault(name.split()[1], people[name])    # "Alfredo Rangel Suarez" ... "Mr. Rangel"
    for m in names.acronym.finditer(text):
        full, short = m.group(1), m.group(2)
        kind, _ = classify_role(full, rules)
        if kind and short not in people:
            people[short] = Speaker(name=f"{full} ({short})", kind=kind, description="", person=False)
    return people


_WITHIN_A_BODY = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){1,4}(?:on|of|for))\s*$")
"""A capitalised word and "on", "of" or "for" right before a name: "Union of", "Council on", "Center for"
(not "according to", "spoke with", "a report by": a person may follow those)."""

_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:on|of|for|and|in|at|to|from|with)\s*$")
"""Words before a capitalised pair that end in a preposition: the pair is the end of a body's name, not a person."""

_GIVEN_NAME_AFTER = re.compile(r"[A-Z][a-z]+-[a-z]+")
"""A hyphenated given name in lower case after the hyphen ("Ying-jeou"): the family name comes first."""


def surnames(name: str) -> tuple[str, ...]:
    """What a person is called on later mentions: "Keir Giles" → Giles; "Ma Ying-jeou" → Ma (family name first);
    "Fayez al-Sarraj" → al-Sarraj, Al-Sarraj opening a sentence, and Sarraj without the article."""
    words = name.split()
    if len(words) == 2 and _GIVEN_NAME_AFTER.fullmatch(words[1]):
        return (words[0], words[1])
    article = re.fullmatch(r"(?:[Aa]l|[Ee]l|[Aa]d|[Aa]r|[Aa]s|[Aa]sh)-([A-Z][\w'’-]+)", words[-1])
    if not article:
        return (words[-1],)
    opening = words[-1][0].upper() + words[-1][1:]      # "Al-Ahmed" opening a sentence
    return tuple(dict.fromkeys((words[-1], opening, article.group(1))))


def names_a_body(name: str, lex) -> bool:
    """True for organisations ("Salt Hills Movement", "Chatham House"), False for people."""
    body_words = load_rules().names.body_words
    return any(w.lower().strip(".,") in body_words or w.lower() in lex.places for w in name.split())



def _speaking_for(phrase: str, body: Speaker, role: str, rules: Rules) -> Speaker:
    """"A spokesperson" is the body quoted just before; "Spokesman Tom Ash", "the spokesman, Tom Ash" a person
    speaking for it (or, when the last speaker is one, the same spokesperson named now)."""
    _, name = _split_name(rules.names.courtesy_title.sub("", phrase.split(",")[-1].strip()), rules)
    if PERSON_NAME.fullmatch(name) and name.split()[0] not in rules.names.not_names and not names_a_body(name, rules.sources):
        of = body.description if body.person else f"{role} for {body.name}"
        return Speaker(name=name, kind=body.kind, description=of or body.name, person=True)
    return body


@lru_cache(maxsize=256)
def _names_pattern(names: tuple) -> re.Pattern:
    """One pattern for all known names (longest first), rebuilt only when a name is added."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % alts)


def resolve(phrase: str, state: State, rules: Rules) -> tuple[Speaker | None, str | None]:
    """Who a subject phrase names: a known person, a pronoun, a role noun, a place or a document."""
    lex = rules.sources
    names = rules.names
    phrase = rules.reading.lead.sub("", phrase.strip(" ,—–-")).strip()
    if not phrase:
        return None, None
    found = []
    for m in _names_pattern(tuple(state.people)).finditer(phrase):
        name = m.group()
        given = re.search(r"([A-Z][\w'’-]*)\s+$", phrase[:m.start()])
        if given and " " not in name and given.group(1) not in state.people[name].name.split() \
                and not names.courtesy_title.match(given.group(1) + " ") \
                and given.group(1).lower() not in rules.sources.roles and not names.demonym.match(given.group(1)):
            continue                      # "Mai Saleh" is not "Ali Abdullah Saleh"
        found.append((m.start(), -len(name), name))
    if found:
        sp = state.people[min(found)[2]]
        if sp.person and sp.kind == "expert" and lex.research_teams.search(phrase):   # "Kelley and his team": "they" next
            return state.bodies.setdefault((phrase.lower(), "expert"), Speaker(phrase, "expert", f"{sp.name}'s team")), None
        tail = re.search(r"(?:[A-Z][\w'’-]*\s+)?([A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2})\s*$",
                         names.courtesy_title.sub("", phrase.split(",")[0].strip()))
        if not sp.person and tail and tail.group(1) not in sp.name:
            # "MSA chief executive Dr Helena Marsk": a person speaking for a known body.
            name = names.courtesy_title.sub("", tail.group(1))
            if name not in state.people and not names_a_body(name, lex) and name.split()[0] not in names.not_names:
                return Speaker(name=name, kind=sp.kind, description=f"speaking for {sp.name}", person=True), None
        return sp, None
    again = respelled(phrase, state.people, state.recent)   # "Al-Mandhari" for "Al-Mandhar" named before (spellings.py)
    if again is not None:
        return again, None
    low = phrase.lower()
    first = low.split()[0] if low.split() else ""
    if first not in names.pronouns and len(low.split()) == 1 and names.pronoun_forms.fullmatch(first):
        first = "she" if first in names.she_pronouns else "he"      # "according to him": he
    if first in names.pronouns and len(low.split()) <= 2:
        if state.sentence - state.last_at > 3:
            return None, None
        if first in names.person_pronouns:
            return state.person_for(first), None
        return (state.last if state.last is not state.last_person else None), None
    again = names.roles_said_again.fullmatch(phrase)
    if again and (not re.search(r"[A-Z]", phrase[1:]) or re.fullmatch(r"(?i:the)\s+[A-Z][a-z-]+", phrase)) \
            and not names.plural_roles.search(phrase):     # "the spokesperson", "the Spokesperson"
        role = re.compile(r"(?i)\b%s\b" % re.escape(again.group(1)))
        sp = next((p for p in state.recent[:4] if role.search(p.description)), None)
        if sp is not None:
            return sp, None            # "the spokesman" is the spokesman named a little before
    words = re.findall(r"[\w'’-]+", low)
    if re.fullmatch(r"the\s+(?:[a-z-]+\s+)?[a-z-]+", low) and words[-1] in state.heads \
            and not (len(words) == 3 and (names.demonym.match(phrase.split()[1]) or words[1] in lex.places)):
        # "the service" is the fire service named before; "the Ethiopian government" is not the US one
        return state.heads[words[-1]], words[-1]       # "the service" → the fire service named before
    other = _ANOTHER_DOCUMENT.fullmatch(low)
    if other and state.last is not None and state.last.kind == "expert" and state.sentence - state.last_at <= 3:
        return Speaker(phrase, "expert", f"like the work of {state.last.name}", False), None   # "Another report suggests"
    if words and words[-1] in lex.document_nouns and rules.reading.document_owner.match(low) or (len(words) >= 2 and words[-2] in lex.document_nouns and words[-1] in rules.reading.document_verbs):
        return state.last, None
    kind, head = classify_role(phrase, rules)
    ruling = as_authorities(phrase, state.governing, rules) if kind in (None, "voice") else None
    if ruling is not None:
        return state.bodies.setdefault((ruling.name.lower(), "official"), ruling), head   # "Taliban officials in Khost"
    if kind is None and head and names.speak_for_a_body.search(phrase):
        body = state.last_body if state.last_body is not None and state.sentence - state.last_body_at <= 3 else \
            state.last if state.last is not None and state.sentence - state.last_at <= 2 and head in state.last.name.lower() else None
        if body is not None:
            return _speaking_for(phrase, body, head, rules), head
    if kind:
        definite = re.match(r"(?i)^the\s+", phrase) and not re.search(r"[A-Z]", phrase[4:])
        if definite and head and head.split()[-1] in state.heads:
            return state.heads[head.split()[-1]], head
        parts = [p.strip() for p in phrase.split(",")]
        person = next((names.courtesy_title.sub("", p) for p in parts if PERSON_NAME.fullmatch(names.courtesy_title.sub("", p))
                       and not names_a_body(p, lex) and p.split()[0] not in names.not_names), None)
        if person and len(parts) > 1:
            # "The agency's director, Halim Orsak": a named person with the role beside the name.
            role = ", ".join(p for p in parts if names.courtesy_title.sub("", p) != person)
            role = re.sub(r"^(?i:the|a|an)\s+", "", role)
            return Speaker(name=person, kind=kind, description=role, person=True), head
        name = re.sub(r"^(?i:the)\s+", "", phrase)
        name = re.sub(r"\s+", " ", name)
        name = name[:1].upper() + name[1:]
        single = head and head.split()[-1] in names.person_roles and not names.plural_roles.search(phrase)
        key = (name.lower().replace("’", "'"), kind)
        if key not in state.bodies:      # "Moscow's Defense Ministry" and "Moscow’s Defense Ministry" are one source
            state.bodies[key] = Speaker(name=name, kind=kind, description="", person=bool(single))
        return state.bodies[key], head
    bare = re.sub(r"(?i)^the\s+", "", phrase).strip()
    pm = lex.place_pattern.fullmatch(bare) or bare in state.states     # "Tavrenia" after "Tavrenia's navy"
    parts = [re.sub(r"(?i)^the\s+", "", p).strip() for p in re.split(r"\s*,\s*|\s+and\s+", bare)]
    if pm or (len(parts) > 1 and all(p and (lex.place_pattern.fullmatch(p) or p in state.states) for p in parts)):
        return Speaker(name=bare, kind="official", description="government"), "government"
    given = _by_first_name(bare, state)
    if given is not None:
        return given, None
    if PERSON_NAME.fullmatch(bare) and bare.split()[0] not in names.not_names and bare not in names.calendar:
        # A name introduced without a role: another voice, remembered for "he"/"she" when a person.
        return Speaker(name=bare, kind="voice", description="", person=not names_a_body(bare, lex)), None
    return None, None


def _by_first_name(word: str, state: State) -> Speaker | None:
    """One word that opens the name of exactly one official or expert named before: "Phay" after
    "Phay Siphan, a spokesman for ...". Where the family name comes first (Cambodian, Chinese,
    Hungarian names), a later mention gives the first word of the name."""
    if not re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+", word):
        return None
    found = {id(sp): sp for sp in state.people.values()
             if sp.person and sp.kind in ("official", "expert") and len(sp.name.split()) in (2, 3)
             and sp.name.split()[0] == word}
    return next(iter(found.values())) if len(found) == 1 else None

