"""The rule-based annotator: hedges, official statements, expert commentary, unverified claims.

It works in four readable steps, each a small function:

1. split the text into sentences (``sentences.split_sentences``, NLTK Punkt, no downloads);
2. find who speaks in each sentence: an attribution verb ("said", "told", "according to")
   with its subject, resolved through the article ("Giles said" → the Chatham House expert
   introduced earlier; "the ministry" → the last ministry named; "he" → the last speaker);
   quotations and their continuations belong to their speaker;
3. find cue words from the rule files (hedges, verification and dispute markers);
4. turn all this into :class:`~lessons.annotator.model.Annotation` records with a reason each.

The rules live in ``lessons/data/rules/*.yaml`` so that teachers can read and extend them.
Attribution follows the pattern-based approach of quotation extraction in news
(Pouliquen et al. 2007; Pareti 2012): a cue verb, a quotation, and a source span.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache


from .model import Annotation
from .rules import Rules, load_rules
from ..text.sentences import Sentence, split_sentences

SENTENCE_LEVEL_RULES = frozenset({"unverified.neighbour", "unverified.competing_figures"})
"""Unverified rules that mark a whole sentence rather than the marker words in it."""

_OPEN_Q = "“«„"
_CLOSE_Q = "”»"
_QUOTES = _OPEN_Q + _CLOSE_Q + '"'
_NAME_WORD = r"(?:(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Brig|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Pres|Rev|St)\.|[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]{2,})"
_NAME = re.compile(r"(?<![\w.])%s(?:\s+(?:(?:de|van|von|al|bin|da|del|la|le)\s+)?%s){0,4}" % (_NAME_WORD, _NAME_WORD))
# Photo credits and image lines: not statements by anyone.
_CREDIT = re.compile(r"(?i)\b(?:image|photo|picture|video)\s+(?:courtesy|by|credit|from)\b|getty images|"
                     r"\bAP Photo\b|\bphoto:|\(CC BY|/ AFP\b|/ Reuters\b")
_PERSON_NAME = re.compile(r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*)){1,3}")
_FIGURE = re.compile(r"(?i)\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+"
                     r"(?:\w+\s+){0,3}(?:people\s+)?(?:dead|died|killed|deaths|injured|wounded|casualties|missing)\b")
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any"}
_RELATIVE = {"who", "which", "whose", "whom", "that", "what"}
_VERBISH = re.compile(r"(?i)\b(is|are|was|were|has|have|had|been|be|being|will|would|can|could|did|does|do)\b|\w{3,}ed\b")
_AUX = re.compile(r"(?i)\b(is|are|was|were|has|have|had|been|will|would|can|could|did|does|do)\b")
_POSSESSIVE = re.compile(r"['’]s\s+(?:own\s+|official\s+|latest\s+|new\s+)?(\w+)")
_LEAD_WORDS = re.compile(r"(?i)^(?:\s*(?:(?:but|and|while|as well as|also|however|meanwhile|yet|so|then|both|even)\b|—|–|-)\s*)+")
_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ean|ese|ish)|American|Mexican|German|Cuban|Kenyan|Moroccan|Afghan|Israeli|Pakistani|Yemeni|Iraqi|Saudi|Kuwaiti|Omani|Qatari|Bangladeshi|Somali|Emirati|Bahraini|Nepali|Thai|Swiss|French|Dutch|Greek|Czech|Kazakh|Uzbek|Tajik|Palestinian|Chinese)$")
_CALENDAR = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
             "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"}
_SKIP_NAMES = {"The", "A", "An", "In", "On", "At", "But", "And", "It", "This", "That", "He", "She",
               "They", "We", "I", "As", "While", "After", "Before", "When", "For", "With", "From",
               "Get", "If", "Now", "Given", "Unconfirmed", "Exploiting", "Mourners", "Workers"}


@dataclass(frozen=True)
class Speaker:
    """A source the text quotes or paraphrases: a name, what kind of source, and how it was introduced."""

    name: str
    kind: str            # official / expert / voice
    description: str     # e.g. "an expert on Russia and a consulting fellow at Chatham House"
    person: bool = False # a person ("he", "she" can refer to them), not a body

    @property
    def label(self) -> str:
        """The name with its description, as shown to learners."""
        if self.description and self.description.lower() not in self.name.lower():
            return f"{self.name} ({self.description})"
        return self.name


@dataclass(frozen=True)
class SentenceAnalysis:
    """One sentence with the categories it carries and who speaks in it."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    categories: frozenset
    source: Speaker | None
    annotations: tuple


@dataclass(frozen=True)
class Analysis:
    """Everything the annotator found in a text."""

    text: str
    annotations: tuple
    sentences: tuple
    speakers: tuple


@dataclass
class _Attribution:
    speaker: Speaker
    cue: str
    rule: str            # attribution / according_to / quote / continuation


@dataclass
class _State:
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

    def remember(self, sp: Speaker, head: str | None = None) -> None:
        self.last = sp
        self.last_at = self.sentence
        if head:
            self.heads[head.split()[-1]] = sp
        if sp.person:
            self.last_person = sp
            if sp in self.recent:
                self.recent.remove(sp)
            self.recent.insert(0, sp)
            if sp.name not in self.gender:
                self.gender[sp.name] = _pronoun_after(sp, self.window)
        if not any(sp is x for x in self.seen):
            self.seen.append(sp)

    def person_for(self, pronoun: str) -> Speaker | None:
        """The most recent person "he" or "she" can refer to (unknown gender fits both)."""
        return next((p for p in self.recent if self.gender.get(p.name) in (None, pronoun)), None)


def _pronoun_after(sp: Speaker, window: str) -> str | None:
    """'he' or 'she', from a title, a gendered role, or the first pronoun after the name."""
    words = f"{sp.description} ".lower()
    if re.search(r"\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|mrs|ms|madam|queen)\b", words):
        return "she"
    if re.search(r"\b(?:spokesman|chairman|congressman|businessman|mr|king)\b", words):
        return "he"
    surname = sp.name.split()[-1]
    at = window.find(surname)
    if at < 0:
        return None
    m = re.search(r"\b(he|him|his|she|her|hers)\b", window[at:], re.IGNORECASE)
    if not m:
        return None
    return "she" if m.group(1).lower() in ("she", "her", "hers") else "he"


# ---------------------------------------------------------------- speakers

def _classify_role(phrase: str, rules: Rules) -> tuple[str | None, str | None]:
    """Kind of source a role phrase names ('a consulting fellow at Chatham House' → expert).

    The head noun decides: the last role word before a preposition or relative pronoun;
    an ambiguous role ("director", "chief") takes its kind from the organisation named with it.
    """
    lex = rules.sources
    if lex.official_acronyms.search(phrase) and not lex.role_pattern.search(phrase):
        return "official", lex.official_acronyms.search(phrase).group().lower()
    chunk = re.split(r"(?i)\b(?:who|which|whose|that|in|on|at|of|for|from|with|to|by|based|and|,)\b", phrase)
    kind, head = None, None
    for i, part in enumerate(chunk):
        matches = list(lex.role_pattern.finditer(part))
        if not matches:
            continue
        word = _singular(matches[-1].group().lower(), lex)
        if re.search(r"(?i)\b(?:former|ex-|retired|one-time)\s*(?:[\w-]+\s+){0,3}$", part[:matches[-1].start()]) \
                and lex.roles.get(word) == "official":
            # A former official no longer speaks for a government; what they do now may count
            # ("a former police lieutenant who now teaches criminal justice at a university").
            now = " ".join(chunk[i + 1:]).lower()
            return ("expert" if lex.expert_places.search(now) else "voice"), word
        if word in lex.ambiguous_roles:
            rest = " ".join(chunk[i + 1:]).lower() + " " + part.lower()
            org_kind = _org_kind(rest, rules)
            if org_kind is None:
                kinds = [lex.roles.get(_singular(x.group().lower(), lex)) for x in lex.role_pattern.finditer(rest)
                         if _singular(x.group().lower(), lex) not in lex.ambiguous_roles]
                org_kind = next((k for k in kinds if k), None)
            if org_kind:
                return org_kind, word
            head = head or word
            continue
        return lex.roles.get(word), word
    if kind is None and lex.expert_places.search(phrase.lower()):
        return "expert", head         # "... at the University of X", "... of the Y Institute"
    return kind, head


def _org_kind(text: str, rules: Rules) -> str | None:
    """Kind of the organisation a (lower-case) phrase names, experts first."""
    for kind in ("expert", "official", "voice"):
        if rules.sources.org_patterns[kind].search(text):
            return kind
    return None


def _singular(word: str, lex) -> str:
    word = re.sub(r"\s+", " ", word)
    if word in lex.roles or word in lex.ambiguous_roles:
        return word
    for suffix in ("es", "s"):
        if word.endswith(suffix) and word[: -len(suffix)] in lex.roles:
            return word[: -len(suffix)]
        if word.endswith(suffix) and word[: -len(suffix)] in lex.ambiguous_roles:
            return word[: -len(suffix)]
    return word


def _split_name(candidate: str, rules: Rules) -> tuple[str, str]:
    """Split 'Ukrainian President Volodymyr Zelenskyy' into ('Ukrainian President', 'Volodymyr Zelenskyy')."""
    words = candidate.split()
    lex = rules.sources
    i = 0
    while i < len(words) - 1:
        w = words[i].lower().rstrip(".").replace("’s", "").replace("'s", "")
        two = (w + " " + words[i + 1].lower().rstrip(".")) if i + 1 < len(words) else w
        if (w in lex.roles or w in lex.ambiguous_roles or two in lex.roles or w in lex.places
                or _DEMONYM.match(words[i]) or w in {"mr", "mrs", "ms", "dr", "deputy", "vice", "former",
                                                     "acting", "chief", "senior", "prime", "foreign",
                                                     "defense", "defence", "interior", "lt", "gen", "brig",
                                                     "col", "maj", "capt", "sgt", "adm", "cmdr", "sen", "rep",
                                                     "gov", "pres", "rev", "prof", "cpl", "pvt"}):
            i += 1
            continue
        break
    return " ".join(words[:i]), " ".join(words[i:])


def find_people(text: str, rules: Rules) -> dict[str, Speaker]:
    """People and bodies introduced with a role, by full name and (for people) surname.

    Two patterns: a role right before the name ("Ukrainian President Volodymyr Zelenskyy",
    "war correspondent Semyon Pegov") and an appositive after it ("Keir Giles, an expert on
    Russia and a consulting fellow at Chatham House").
    """
    lex = rules.sources
    people: dict[str, Speaker] = {}
    for m in _NAME.finditer(text):
        cand = m.group()
        words = cand.split()
        while words and words[0] in _SKIP_NAMES:
            words = words[1:]
        if not words:
            continue
        title, name = _split_name(" ".join(words), rules)
        if not name or all(w.lower().strip(".") in lex.places or w.lower() in lex.roles or w in _CALENDAR
                           for w in name.split()):
            continue
        lead = re.search(r"((?<![\w'’-])(?:[A-Za-z][\w'’-]*\s+){0,3})$", text[max(0, m.start() - 50):m.start()])
        lead = re.sub(r"^.*\b(?:to|the|a|an|by|of|in|at|from|with|for|and|as|just|said|says|told)\s+", "",
                      lead.group(1) if lead else "")
        before = (lead + title).strip()
        if re.search(r"(?i)\b(?:former|ex-|retired)\b[\w\s-]{0,30}$", text[max(0, m.start() - 40):m.start()]):
            before = "former " + before
        after = ""
        tail = text[m.end():m.end() + 200]
        ap = re.match(r",[ \t]+((?:(?:a|an|the)\s+)?[^,.;:“”\"\n]{3,160}?)(?=,|\.\s|\.$|\s(?:told|said|says|wrote|tweeted|added|commented)\b|;|$)", tail)
        if ap and not re.match(r"(?i)(?:who|which|but|and|said|says|told|as|while|in|on|at)\b", ap.group(1)) and (
                re.match(r"(?i)(?:a|an|the)\s", ap.group(1)) or lex.role_pattern.search(" ".join(ap.group(1).split()[:4]))):
            after = ap.group(1)
            more = re.match(r",\s+((?:a|an|the)\s+[^,.;:]{3,80}?)(?=,|\.|\s(?:told|said)\b)", tail[ap.end():])
            if more:
                after += ", " + more.group(1)
        kind = desc = None
        who = re.match(r",[ \t]+who\s+(?:is|was|are|were)?\s*([^,.;:“”\"\n]{3,140})", tail)
        if not after and who:
            # "Nadia Fellner, who researches workplace safety at the Institute for ..."
            kind, _ = _classify_role(who.group(1), rules)
            kind = kind or _org_kind(who.group(1).lower(), rules)
            desc = who.group(1) if kind else None
        if after:
            kind, _ = _classify_role(after, rules)
            desc = after
        if kind is None and before:
            kind, _ = _classify_role(before, rules)
            desc = before
        if kind is None or (len(name.split()) == 1 and not after and not (
                title and (title.split()[-1].lower().strip(".") in _PERSON_ROLES or _TITLE.match(title + " ")))):
            continue                  # "Media Studies" is not a person called Studies
        desc = re.sub(r"^(?:a|an|the)\s+", "", re.sub(r"\s+", " ", desc)).strip(" ,")
        is_body = _is_body(name, lex)
        sp = Speaker(name=name, kind=kind, description=desc, person=not is_body)
        people.setdefault(name, sp)
        surname = name.split()[-1]
        if len(name.split()) > 1 and not is_body and surname not in people:
            people[surname] = people[name]
    for m in _ACRONYM.finditer(text):
        full, short = m.group(1), m.group(2)
        kind, _ = _classify_role(full, rules)
        if kind and short not in people:
            people[short] = Speaker(name=f"{full} ({short})", kind=kind, description="", person=False)
    return people


_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the)\s+)?){1,6}[A-Z][\w'’-]*)\s+\(([A-Z]{2,6})\)")
_TITLE = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+")
_PERSON_ROLES = {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "premier",
                 "chancellor", "king", "prime minister", "secretary", "commander", "general", "gen", "lt",
                 "colonel", "col", "admiral", "officer", "governor", "mayor", "senator", "lawmaker",
                 "legislator", "ambassador", "envoy", "diplomat", "prosecutor", "judge", "coroner",
                 "expert", "analyst", "professor", "prof", "academic", "researcher", "scholar", "economist",
                 "scientist", "fellow", "lecturer", "specialist", "historian", "dr", "director", "chief",
                 "head", "chairman", "chairwoman", "chair", "coordinator", "adviser", "advisor", "founder",
                 "manager", "representative", "leader", "journalist", "correspondent", "reporter",
                 "blogger", "activist", "resident", "witness", "eyewitness", "villager", "survivor",
                 "doctor", "medic", "lawyer", "teacher", "student", "soldier", "farmer", "writer", "editor"}
_BODY_WORDS = {"association", "studies", "affairs", "relations", "relief", "aid", "rescue", "crescent", "fund", "trust", "initiative", "project", "valley",
               "movement", "group", "party", "front", "army", "council", "ministry", "agency", "office",
               "committee", "commission", "monitor", "institute", "university", "union", "company",
               "corporation", "bank", "association", "alliance", "federation", "network", "news", "times",
               "post", "service", "services", "forces", "guard", "police", "court", "department",
               "organisation", "organization", "foundation", "centre", "center", "house", "watch",
               "international", "coalition", "brigade", "brigades", "battalion", "command", "authority",
               "government", "administration", "parliament", "assembly", "agency", "tv", "radio", "press"}


def _is_body(name: str, lex) -> bool:
    """True for organisations ("Salt Hills Movement", "Chatham House"), False for people."""
    return any(w.lower().strip(".,") in _BODY_WORDS or w.lower() in lex.places for w in name.split())


@lru_cache(maxsize=8)
def _before_speaker_pattern(phrases: tuple) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


_LETTERS = re.compile(r"[A-Za-z]+")
# Nouns every speech-event pattern ends in: a quick test before the full patterns run.
_EVENT_NOUNS = re.compile(r"(?i)speech|statement|address|briefing|announcement|declaration|remarks|warning|"
                          r"decree|communiqu|account|version|explanation")


@lru_cache(maxsize=8)
def _all_verbs(speech: frozenset, finding: frozenset) -> frozenset:
    return speech | finding


@lru_cache(maxsize=8)
def _figure_words_pattern(words: frozenset) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w) for w in sorted(words)))


@lru_cache(maxsize=256)
def _names_pattern(names: tuple) -> re.Pattern:
    """One pattern for all known names (longest first), rebuilt only when a name is added."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % alts)


def _resolve(phrase: str, state: _State, rules: Rules) -> tuple[Speaker | None, str | None]:
    """Who a subject phrase names: a known person, a pronoun, a role noun, a place or a document."""
    lex = rules.sources
    phrase = _LEAD_WORDS.sub("", phrase.strip(" ,—–-")).strip()
    if not phrase:
        return None, None
    found = []
    for m in _names_pattern(tuple(state.people)).finditer(phrase):
        name = m.group()
        given = re.search(r"([A-Z][\w'’-]*)\s+$", phrase[:m.start()])
        if given and " " not in name and given.group(1) not in state.people[name].name.split() \
                and not _TITLE.match(given.group(1) + " ") \
                and given.group(1).lower() not in rules.sources.roles and not _DEMONYM.match(given.group(1)):
            continue                      # "Mai Saleh" is not "Ali Abdullah Saleh"
        found.append((m.start(), -len(name), name))
    if found:
        sp = state.people[min(found)[2]]
        tail = re.search(r"(?:[A-Z][\w'’-]*\s+)?([A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2})\s*$",
                         _TITLE.sub("", phrase.split(",")[0].strip()))
        if not sp.person and tail and tail.group(1) not in sp.name:
            # "MSA chief executive Dr Helena Marsk": a person speaking for a known body.
            name = _TITLE.sub("", tail.group(1))
            if name not in state.people and not _is_body(name, lex) and name.split()[0] not in _SKIP_NAMES:
                return Speaker(name=name, kind=sp.kind, description=f"speaking for {sp.name}", person=True), None
        return sp, None
    low = phrase.lower()
    first = low.split()[0] if low.split() else ""
    if first in _PRONOUNS and len(low.split()) <= 2:
        if state.sentence - state.last_at > 3:
            return None, None
        if first in ("he", "she"):
            return state.person_for(first), None
        return (state.last if state.last is not state.last_person else None), None
    words = re.findall(r"[\w'’-]+", low)
    if re.fullmatch(r"the\s+(?:[a-z-]+\s+)?[a-z-]+", low) and words[-1] in state.heads:
        return state.heads[words[-1]], words[-1]       # "the service" → the fire service named before
    if words and words[-1] in lex.document_nouns or (len(words) >= 2 and words[-2] in lex.document_nouns and words[-1] in ("said", "read")):
        return state.last, None
    kind, head = _classify_role(phrase, rules)
    if kind:
        definite = re.match(r"(?i)^the\s+", phrase) and not re.search(r"[A-Z]", phrase[4:])
        if definite and head and head.split()[-1] in state.heads:
            return state.heads[head.split()[-1]], head
        parts = [p.strip() for p in phrase.split(",")]
        person = next((_TITLE.sub("", p) for p in parts if _PERSON_NAME.fullmatch(_TITLE.sub("", p))
                       and not _is_body(p, lex) and p.split()[0] not in _SKIP_NAMES), None)
        if person and len(parts) > 1:
            # "The agency's director, Halim Orsak": a named person with the role beside the name.
            role = ", ".join(p for p in parts if _TITLE.sub("", p) != person)
            role = re.sub(r"^(?i:the|a|an)\s+", "", role)
            return Speaker(name=person, kind=kind, description=role, person=True), head
        name = re.sub(r"^(?i:the)\s+", "", phrase)
        name = re.sub(r"\s+", " ", name)
        name = name[:1].upper() + name[1:]
        single = head and head.split()[-1] in _PERSON_ROLES and not re.search(r"(?i)\b(?:officials|spokespeople|experts|analysts)\b", phrase)
        key = (name.lower().replace("’", "'"), kind)
        if key not in state.bodies:      # "Moscow's Defense Ministry" and "Moscow’s Defense Ministry" are one source
            state.bodies[key] = Speaker(name=name, kind=kind, description="", person=bool(single))
        return state.bodies[key], head
    bare = re.sub(r"(?i)^the\s+", "", phrase).strip()
    pm = lex.place_pattern.fullmatch(bare)
    if pm:
        return Speaker(name=bare, kind="official", description="government"), "government"
    if _PERSON_NAME.fullmatch(bare) and bare.split()[0] not in _SKIP_NAMES and bare not in _CALENDAR:
        # A name introduced without a role: another voice, remembered for "he"/"she" when a person.
        return Speaker(name=bare, kind="voice", description="", person=not _is_body(bare, lex)), None
    return None, None


def _subject_candidates(left: str) -> list[str]:
    """Possible subject phrases right before a verb, narrowest first.

    The nearest clause chunk ("but experts"), then with its appositives ("Keir Giles, an expert
    ..., a London think tank"), then with a role phrase before a name ("The Chief Minister of
    Tamil Nadu, Ms. Jayalalithaa").
    """
    left = re.sub(r"\([^()]*\)", " ", left)
    left = re.split(r"[“”\"«»;:‘]|(?<=[,.!?])’", left)[-1]
    chunks = re.split(r",|\s[—–]\s|\s-\s", left)
    while chunks and not chunks[-1].strip():
        chunks.pop()
    if not chunks:
        return []
    subject = re.split(r"(?i)\b(?:since|because|after|before|when|while|although|though|until|where|if|whereas)\s", chunks[-1])[-1]
    # Inside the chunk, a relative clause: "soldiers that Russia says" → "Russia";
    # "a correspondent who was awarded ... by Putin" → "a correspondent".
    words = subject.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _RELATIVE:          # lower case only: "WHO officials" is not a relative clause
            after = " ".join(words[i + 1:])
            # "who"/"which" describe the noun before them; "that"/"what" may open a clause whose
            # own subject speaks ("soldiers that Russia says were killed").
            keep_before = words[i].lower() not in ("that", "what") or _VERBISH.search(after)
            subject = " ".join(words[:i]) if keep_before else after
            break
    out = [" ".join(subject.split()[-25:])] if not _AUX.search(subject) else []
    k = len(chunks) - 1
    while k > 0 and len(chunks[k - 1].split()) <= 20 and (
            re.match(r"(?i)^\s*(?:a|an|the)\s", chunks[k]) or
            (re.match(r"^\s*[A-Z]", chunks[k]) and not _VERBISH.search(chunks[k - 1]))):
        k -= 1
        subject = chunks[k] + ", " + subject
        out.append(" ".join(subject.split()[-40:]))
    # The sentence's opening name, past its age and relative clauses:
    # "Tomasz Wrobel, 34, whose partner Elena Sauer, 31, died in the collapse, said".
    opening = _TITLE.sub("", chunks[0].strip())
    if len(chunks) > 2 and _PERSON_NAME.fullmatch(opening):
        out.append(opening)
    # An aside between subject and verb: "a senior official, speaking on condition of anonymity, said".
    for k in range(len(chunks) - 2, max(-1, len(chunks) - 4), -1):
        if chunks[k].strip() and len(chunks[k].split()) <= 12 and not _AUX.search(chunks[k]) \
                and not re.match(r"(?i)\s*(?:in|at|on|during|after|before|for|from|with|by|under|to)\s", chunks[k]):
            out.append(chunks[k])
    return out


def _subject_before(left: str) -> str:
    """The narrowest subject phrase right before a verb."""
    c = _subject_candidates(left)
    return c[0] if c else ""


def _speech_verbs(sentence: str, rules: Rules):
    """Attribution verbs in the sentence, with their position ("gave a speech" counts too)."""
    lex = rules.sources
    if _EVENT_NOUNS.search(sentence):
        for m in lex.speech_events.finditer(sentence):
            yield m.start(), m.end()
    verbs = _all_verbs(lex.speech_verbs, lex.finding_verbs)
    for m in _LETTERS.finditer(sentence):
        w = m.group().lower()
        if w not in verbs:
            continue
        s, e = m.span()
        if (s and (sentence[s - 1].isalnum() or sentence[s - 1] in "_'’.-")) or \
                (e < len(sentence) and (sentence[e].isalnum() or sentence[e] in "_'’-")):
            continue                      # part of a longer word ("un-said", "said's")
        if re.search(r"(?i)\bto\s+$", sentence[max(0, s - 4):s]):
            continue                      # "expected to say": a plan, not a statement
        if w in lex.figure_verbs and not _figure_words_pattern(lex.figure_words).search(sentence[e:e + 40].lower()):
            continue
        yield s, e


def _attributions(sent: Sentence, text: str, state: _State, rules: Rules,
                  quoted: tuple = ()) -> list[_Attribution]:
    """Every speaker a sentence reports, in order, with the words that say so.

    Verbs inside a quotation (``quoted``: spans of the text) are the quoted speaker's own words,
    not attributions: in '"Nobody from the council has told me anything," he said' only "he said" counts.
    """
    s = sent.text
    low = s.lower()
    out: list[_Attribution] = []
    for m in _before_speaker_pattern(rules.sources.before_speaker).finditer(low):
        tail = re.split(r"[,.;:“”\"]", s[m.end():])[0]
        sp, head = _resolve(tail, state, rules)
        if sp:
            state.remember(sp, head)
            out.append(_Attribution(sp, s[m.start():m.end() + len(tail)].strip(), "according_to"))
    for m in _POSSESSIVE.finditer(s):
        if m.group(1).lower() not in rules.sources.statement_nouns:
            continue
        owner = re.search(r"((?:[A-Z][\w-]*\s+){0,3}[\w-]+)$", s[:m.start()])
        if not owner:
            continue
        sp, head = _resolve(owner.group(1), state, rules)
        if sp and sp.kind in ("official", "expert") and re.match(r"\s*(?:that|of\s+\d|at\s+\d|:)", s[m.end():]):
            state.remember(sp, head)
            out.append(_Attribution(sp, owner.group(1) + m.group(0), "attribution"))
    m = re.search(r"(?i)\bofficial\s+(?:death\s+)?(?:toll|figures?|count|estimate)s?\s+(?:of|at|to|stood at)\s+\d", s)
    if m:
        out.append(_Attribution(Speaker("officials", "official", "", False), m.group(0), "attribution"))
    colon = re.match(r"([A-Z][\w'’. -]{1,40}):\s+\S", s)
    if colon and not rules.sources.place_pattern.fullmatch(colon.group(1)):
        sp, head = _resolve(colon.group(1), state, rules)
        if sp and sp.kind in ("official", "expert"):
            state.remember(sp, head)
            out.append(_Attribution(sp, colon.group(1) + ":", "attribution"))
    for vs, ve in _speech_verbs(s, rules):
        if any(qs < sent.start + vs < qe for qs, qe in quoted):
            continue
        vs_word = s[vs:ve].lower()
        left = s[:vs]
        if re.search(r"(?i)(?:\bnot|n't|\bnever|\bdeclined to|\brefused to|\bfailed to)\s+$", left):
            continue                      # "did not respond", "declined to say": no statement
        left = re.sub(r"(?i)(?:\b(?:also|later|previously|has|have|had|was|were|is|are|will|would|"
                      r"repeatedly|again|then|further|recently|earlier|already|publicly|not|never|"
                      r"reportedly|separately|on\s+\w+day|late\s+\w+day|\w+ly)\s*)+$", "", left.rstrip())
        sp = head = None
        subj = ""
        found = [(c, *_resolve(c, state, rules)) for c in _subject_candidates(left)]
        found = [f for f in found if f[1]]
        if vs_word in rules.sources.finding_verbs:
            found = [f for f in found if f[1].kind == "expert"]   # "researchers found", not "police found"
        if found:
            # A named person with a known role beats a bare role ("Semyon Pegov, a war correspondent"),
            # which beats a name we know nothing about.
            def rank(f):
                sp_, head_ = f[1], f[2]
                registered = any(sp_ is v for v in state.people.values())
                if registered:
                    return (0 if sp_.person else 0.5) if sp_.description else 2
                return 1 if head_ else 3      # a bare name with no role at all comes last

            def where(f):                     # ties between known people: the one named first is the head
                if rank(f) >= 1:
                    return 0
                at = left.find(f[1].name.split()[-1])
                return at if at >= 0 else len(left)
            subj, sp, head = min(found, key=lambda f: (rank(f), where(f)))
            if sp.person and sp.name not in state.people and _PERSON_NAME.fullmatch(sp.name):
                state.people[sp.name] = sp
                if len(sp.name.split()) > 1:
                    state.people.setdefault(sp.name.split()[-1], sp)
        if sp is None:
            # Inverted order after a quotation: '..., said Giles.' / 'said the ministry'
            right = re.split(r"[,.;:“”\"]|\b(?:in|on|at|that|who)\b", s[ve:])[0]
            before = s[:vs].rstrip()
            if before.endswith(("”", '"', ",", "’")) or not before:
                sp, head = _resolve(right, state, rules)
                if sp:
                    state.remember(sp, head)
                    out.append(_Attribution(sp, (s[vs:ve] + right).strip(), "attribution"))
            continue
        state.remember(sp, head)
        out.append(_Attribution(sp, (subj.strip() + " " + s[vs:ve]).strip(), "attribution"))
    return _distinct(out)


def _distinct(atts: list[_Attribution]) -> list[_Attribution]:
    """One attribution per speaker, first mention first."""
    seen, out = set(), []
    for a in atts:
        if a.speaker.name not in seen:
            seen.add(a.speaker.name)
            out.append(a)
    return out


# ---------------------------------------------------------------- quotations

def _quote_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int, int]]:
    """Quotations as (start, end, paragraph), pairing opening and closing marks in each paragraph."""
    spans = []
    by_para: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    for para in sorted(by_para):
        ps = by_para[para]
        lo, hi = ps[0].start, ps[-1].end
        open_at = None
        single = False                    # the open quotation uses British single marks ‘ … ’
        for i in range(lo, hi):
            ch = text[i]
            if ch not in _QUOTES and ch not in "‘’":
                continue
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else " "
            if ch in "‘’":
                # Single marks are quotations only outside a double-quoted one, and ’ closes only
                # an open ‘ when no letter follows it ("don’t" and "soldiers’ phones" do not close).
                if open_at is None and ch == "‘" and (prev.isspace() or prev in "([—–-") and not nxt.isspace():
                    open_at, single = i, True
                elif open_at is not None and single and ch == "’" and not nxt.isalnum():
                    spans.append((open_at, i + 1, para))
                    open_at = None
                continue
            is_open = ch in _OPEN_Q or (ch == '"' and (prev.isspace() or prev in "([—–-") and not nxt.isspace())
            if open_at is None and is_open:
                open_at, single = i, False
            elif open_at is not None and not single and not is_open:
                spans.append((open_at, i + 1, para))
                open_at = None
        if open_at is not None:                      # quote runs to the paragraph's end
            spans.append((open_at, hi, para))
    return spans


# ---------------------------------------------------------------- cues

def _cue_matches(rule, sent: Sentence, text: str, state: _State, rules: Rules):
    s = sent.text
    for m in rule.pattern.finditer(s):
        before, after = s[:m.start()], s[m.end():]
        if rule.not_before and rule.not_before.search(before):
            continue
        if rule.not_after and rule.not_after.search(after):
            continue
        if rule.skip_capitalised and m.group()[:1].isupper() and before.strip(" “\"‘'(") != "":
            continue
        if rule.subject_not_speaker:
            subj = _subject_before(before)
            if subj and (subj.strip().lower() in ("he", "she", "they", "i", "we") or
                         _resolve(subj, _State(people=state.people), rules)[0]):
                continue          # a person "suggested": that is reporting what they said
        yield m.start() + sent.start, m.end() + sent.start, m.group()


# ---------------------------------------------------------------- the whole pass

def _explain(rules: Rules, key: str, **kw) -> str:
    return rules.explanations[key].format(**kw)


def analyse(text: str) -> Analysis:
    """Annotate ``text`` and return the sentences, speakers and annotations found."""
    if not isinstance(text, str):
        raise TypeError("annotate() needs text (a str)")
    rules = load_rules()
    sentences = split_sentences(text)
    state = _State(people=find_people(text, rules))
    n = len(sentences)
    attributions: list[_Attribution | None] = [None] * n
    others: list[list[_Attribution]] = [[] for _ in range(n)]   # further speakers in the sentence
    framing = [False] * n       # "X tweeted:" with nothing of what X said
    hands_over = [False] * n    # ends with a colon: what follows is X's
    credit = [bool(_CREDIT.search(s.text)) for s in sentences]
    quotes = _quote_spans(text, sentences)
    # Sentences are sorted and do not overlap, so the sentences a span touches are found by bisection.
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    quoted_in: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for qs, qe, _ in quotes:
        for k in range(bisect.bisect_right(ends, qs), bisect.bisect_left(starts, qe)):
            quoted_in[k].append((qs, qe))
    for i, sent in enumerate(sentences):
        state.sentence = i
        state.window = text[sent.start:sentences[i + 1].end if i + 1 < n else sent.end]
        quoted = tuple(quoted_in[i])
        found = [] if credit[i] else _attributions(sent, text, state, rules, quoted)
        attributions[i] = found[0] if found else None
        others[i] = found[1:]
        hands_over[i] = sent.text.rstrip().endswith(":")
        framing[i] = hands_over[i] and not any(q in sent.text for q in _QUOTES)

    # Quotations belong to the speaker named with them, in any sentence they touch.
    for qs, qe, para in quotes:
        touched = list(range(bisect.bisect_right(ends, qs), bisect.bisect_left(starts, qe)))
        if not touched:
            continue
        if len(text[qs:qe].split()) < 5:
            continue                     # a quoted phrase or scare quotes, not a quotation
        owner = next((attributions[i] for i in reversed(touched) if attributions[i]), None)
        starts_paragraph = sentences[touched[0]].start == qs and (
            touched[0] == 0 or sentences[touched[0] - 1].paragraph != para)
        if owner is None:
            # Same paragraph: the speaker named earlier in it. A paragraph that opens with a
            # quotation continues the previous paragraph's speaker (a news-writing convention).
            lowest = para - 1 if starts_paragraph else para
            for i in range(touched[0] - 1, -1, -1):
                if sentences[i].paragraph < lowest:
                    break
                if sentences[i].paragraph <= para and attributions[i]:
                    owner = attributions[i]
                    break
        if owner is None:
            continue
        for i in touched:
            if attributions[i] is None:
                attributions[i] = _Attribution(owner.speaker, owner.cue, "quote")

    # A framing line ending in a colon ("X tweeted:") hands its speaker to the next paragraph.
    para_end = [n] * n          # one past the last sentence of each sentence's paragraph
    for k in range(n - 2, -1, -1):
        para_end[k] = para_end[k + 1] if sentences[k + 1].paragraph == sentences[k].paragraph else k + 1
    for i, sent in enumerate(sentences):
        if hands_over[i] and attributions[i] and i + 1 < n:
            j0 = i + 1
            while j0 < n and any(credit[j0:para_end[j0]]):
                j0 = para_end[j0]
            if j0 >= n:
                continue
            nxt_para = sentences[j0].paragraph
            for j in range(j0, n):
                if sentences[j].paragraph != nxt_para:
                    break
                if attributions[j] is None:
                    attributions[j] = _Attribution(attributions[i].speaker, attributions[i].cue, "continuation")

    # One pass over the whole text finds the sentences worth trying the cue rules on.
    lowered = text.lower()
    if len(lowered) != len(text):          # a few characters grow when lower-cased: keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hedge_hits = _sentences_hit(rules.hedge_any, lowered, sentences)
    unverified_hits = _sentences_hit(rules.unverified_any, lowered, sentences)
    annotations: list[Annotation] = []
    per_sentence: list[list[Annotation]] = [[] for _ in range(n)]

    def add(i: int, ann: Annotation) -> None:
        annotations.append(ann)
        per_sentence[i].append(ann)

    for i, sent in enumerate(sentences):
        att = attributions[i]
        for a in ([att] if att else []) + others[i]:
            if framing[i]:
                break
            kind = a.speaker.kind
            add(i, Annotation(kind, sent.start, sent.end, a.cue, f"{kind}.{a.rule}",
                              _explain(rules, f"{kind}.{a.rule}", source=a.speaker.name),
                              a.speaker.label))
        for rule in (rules.hedges if i in hedge_hits else ()):
            for s0, e0, cue in _cue_matches(rule, sent, text, state, rules):
                add(i, Annotation("hedge", s0, e0, cue, rule.id, rule.explanation.format(cue=cue),
                                  att.speaker.label if att else None))

    # Unverified: the marker's own sentence, and the claim right before it that it points at.
    for i, sent in enumerate(sentences):
        for rule in (rules.unverified if i in unverified_hits else ()):
            for s0, e0, cue in _cue_matches(rule, sent, text, state, rules):
                att = attributions[i]
                add(i, Annotation("unverified", s0, e0, cue, rule.id, rule.explanation.format(cue=cue),
                                  att.speaker.label if att else None))
                dispute = rule.id.startswith(("unverified.denial", "unverified.doubt", "unverified.rebuttal",
                                              "unverified.unsupported", "unverified.conflicting"))
                # A verification marker points back from the reporter's own voice ("NBC News was
                # unable to verify claims"); a dispute answers a claim just made by someone else.
                points = dispute or (rules.pointing_words.search(sent.text) and not attributions[i])
                if rule.marks_neighbour and i > 0 and points and not _is_headline(sentences, i - 1, text):
                    _mark_claim_before(i, sentences, attributions, rules, cue, add)

    for i, sent in enumerate(sentences):
        # Neighbouring figures from different sides: "The group said 31 died." / "The ministry said four."
        if i + 1 < n and attributions[i] and attributions[i + 1] \
                and attributions[i].speaker.name != attributions[i + 1].speaker.name \
                and sentences[i + 1].paragraph - sent.paragraph <= 1 \
                and _FIGURE.search(sent.text) and _FIGURE.search(sentences[i + 1].text):
            for j in (i, i + 1):
                add(j, Annotation("unverified", sentences[j].start, sentences[j].end,
                                  _FIGURE.search(sentences[j].text).group(), "unverified.competing_figures",
                                  _explain(rules, "unverified.competing_figures"), attributions[j].speaker.label))

    annotations = _dedupe(annotations)
    keep = set(id(a) for a in annotations)
    out_sentences = []
    for i, sent in enumerate(sentences):
        anns = tuple(a for a in per_sentence[i] if id(a) in keep)
        cats = frozenset(a.category for a in anns)
        att = attributions[i]
        out_sentences.append(SentenceAnalysis(i, sent.start, sent.end, sent.text, sent.paragraph, cats,
                                              att.speaker if att else None, anns))
    annotations.sort(key=lambda a: (a.start, -a.end, a.category))
    return Analysis(text, tuple(annotations), tuple(out_sentences), tuple(state.seen))


def _sentences_hit(pattern: re.Pattern, text: str, sentences) -> set[int]:
    """Indices of the sentences that any match of ``pattern`` in ``text`` touches."""
    starts = [s.start for s in sentences]
    hit: set[int] = set()
    for m in pattern.finditer(text):
        k = max(0, bisect.bisect_right(starts, m.start()) - 1)
        while k < len(sentences) and sentences[k].start < m.end():
            if sentences[k].end > m.start():
                hit.add(k)
            k += 1
    return hit


def _is_headline(sentences, j: int, text: str) -> bool:
    """The first line of a text without a full stop: a headline, not a claim a dek can answer."""
    s = sentences[j]
    return s.paragraph == sentences[0].paragraph and j == 0 and not s.text.rstrip().endswith((".", "!", "?", '"', "”"))


def _mark_claim_before(i, sentences, attributions, rules, cue, add) -> None:
    """Mark the reported claim just before a verification or dispute marker, and the same party's run."""
    j = i - 1
    if sentences[j].paragraph < sentences[i].paragraph - 1:
        return
    if attributions[i] and attributions[j] and attributions[i].speaker == attributions[j].speaker:
        return                            # a speaker does not dispute their own words
    claim = attributions[j] or (re.search(r"(?i)\b(reports?|reported|claims?|claimed|said|says)\b", sentences[j].text) and "report")
    if not claim:
        return
    speaker = attributions[j].speaker if attributions[j] else None
    if re.search(r"(?i)\b(?:either|neither|both|conflicting|competing)\b", sentences[i].text):
        # "unable to verify either account": every claim in the last two paragraphs before it.
        first_para = sentences[i].paragraph - 2
        while j >= 0 and sentences[j].paragraph >= first_para:
            if attributions[j]:
                s = sentences[j]
                add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                                  _explain(rules, "unverified.neighbour", cue=cue), attributions[j].speaker.label))
            j -= 1
        return
    while j >= 0:
        s = sentences[j]
        add(j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                          _explain(rules, "unverified.neighbour", cue=cue),
                          speaker.label if speaker else None))
        j -= 1
        if j < 0 or speaker is None or not attributions[j] or attributions[j].speaker != speaker:
            break


def _dedupe(annotations: list[Annotation]) -> list[Annotation]:
    """Drop exact repeats and shorter cues inside a longer cue of the same category."""
    seen, out = set(), []
    reach: dict[str, int] = {}      # per category: the furthest end of a kept cue (they start at or before a)
    for a in sorted(annotations, key=lambda a: (a.category, a.start, -(a.end - a.start))):
        if (a.category, a.start, a.end) in seen:
            continue
        cue = a.category in ("hedge", "unverified") and a.rule not in SENTENCE_LEVEL_RULES
        if cue and a.end <= reach.get(a.category, -1):
            continue                # inside a longer cue kept before (an identical span was caught above)
        seen.add((a.category, a.start, a.end))
        out.append(a)
        if cue:
            reach[a.category] = max(reach.get(a.category, -1), a.end)
    return out


def annotate(text: str) -> list[Annotation]:
    """All annotations of ``text``, in reading order, with offsets into ``text`` exactly as given."""
    return list(analyse(text).annotations)
