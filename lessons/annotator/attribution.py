"""Attribution: which speakers a sentence reports, and the words that say so.

A speech verb ("said", "told") with its subject, "according to ...", a possessive statement
("the ministry's statement that ..."), a "Name:" line. Attribution follows the pattern-based
approach of quotation extraction in news (Pouliquen et al. 2007; Pareti 2012): a cue verb,
a quotation, and a source span.
"""
from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass
from functools import lru_cache

from ..text.sentences import Sentence
from . import prefilter
from .figures import figure_spans
from .headline_acts import headline_act
from .relative_speakers import clause_subject
from .runons import goes_on
from .model import Speaker
from .rules import Rules, load_rules
from .roles import classify_role
from .speakers import PERSON_NAME, State, resolve, surnames
from .statistics import continues_release
from .verb_context import finder_subject, place_participle, source_last

# The small words that shape a sentence (relative pronouns, helping verbs, words between a
# subject and its verb, photo credits ...) are in lessons/data/rules/reading.yaml, read
# through rules.reading.
LEFT_WINDOW = 300
"""How far before a speech verb its subject is looked for, so that the work per verb is bounded."""
NEAR = 80
"""The words right before a verb that can cancel it ("declined to") or be skipped ("also")."""
CHARS_PER_VERB = 60
"""A sentence is read for at most one speech verb per this many characters (and at least 3):
text built of nothing but verbs cannot make the work per character grow."""



@dataclass
class Attribution:
    speaker: Speaker
    cue: str
    rule: str            # attribution / according_to / quote / continuation
    verb: str = ""       # the attribution words as written: "said", "according to", "statement", ":"
    words: str = ""      # the speaker as the sentence names them ("the governor"; see named_as)
    at: int = -1         # where those words (or the attribution) start in the sentence; -1: not in it


@lru_cache(maxsize=8)
def _before_speaker_pattern(phrases: tuple) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


_LETTERS = re.compile(r"[A-Za-z]+")
_PRONOUN_AFTER_CLAUSE = re.compile(r",\s+(?:but|and|yet)\s+(?:he|she)\s")
"""A second clause whose subject is "he" or "she": the person the sentence opens with, as a rule."""


@lru_cache(maxsize=8)
def _all_verbs(speech: frozenset, finding: frozenset) -> frozenset:
    return speech | finding


@lru_cache(maxsize=8)
def _figure_words_pattern(words: frozenset) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w) for w in sorted(words)))


def subject_candidates(left: str) -> list[str]:
    """Possible subject phrases right before a verb, narrowest first.

    The nearest clause chunk ("but experts"), then with its appositives ("Keir Giles, an expert
    ..., a London think tank"), then with a role phrase before a name ("The Chief Minister of
    Tamil Nadu, Ms. Jayalalithaa").
    """
    reading, title = load_rules().reading, load_rules().names.courtesy_title
    left = re.sub(r"\([^()]*\)", " ", left)
    left = re.sub(r"[“\"]([A-Z0-9][\w.'’ -]{0,30}?)[”\"](?=\s+[a-z])", r"\1", left)   # a quoted name: 'the "38 North" website'
    left = re.split(r"[“”\"«»;:‘]|(?<=[,.!?])’", left)[-1]
    chunks = re.split(r",|\s[—–]\s|\s-\s", left)
    while chunks and not chunks[-1].strip():
        chunks.pop()
    if not chunks:
        return []
    subject = reading.subordinator.split(chunks[-1])[-1]
    # Inside the chunk, a relative clause: "soldiers that Russia says" → "Russia";
    # "a correspondent who was awarded ... by Putin" → "a correspondent".
    words = subject.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i] in reading.relative:   # lower case only: "WHO officials" is not a relative clause
            after = " ".join(words[i + 1:])
            # "who"/"which" right before the verb, or followed by a clause of its own ("who was awarded
            # ... by Putin"), describe the noun before them; followed by a noun phrase they open a clause
            # whose own subject speaks ("the bridge, which the government insists is safe"), and so may
            # "that"/"what" ("soldiers that Russia says were killed").
            keep_before = reading.verbish.search(after) or (
                not after.strip() and words[i].lower() not in reading.open_clause)
            subject = " ".join(words[:i]) if keep_before else after
            break
    out = [" ".join(subject.split()[-25:])] if not reading.auxiliary.search(subject) else []
    pronoun = re.search(r"\s(he|she|they)\s*$", subject)
    if pronoun and out:                   # "But in a VOA interview he said": the pronoun is the subject
        out.insert(0, pronoun.group(1))
    k = len(chunks) - 1
    while k > 0 and len(chunks[k - 1].split()) <= 20 and (
            re.match(r"(?i)^\s*(?:a|an|the)\s", chunks[k]) or
            (re.match(r"^\s*[A-Z]", chunks[k]) and not reading.verbish.search(chunks[k - 1]))):
        k -= 1
        subject = chunks[k] + ", " + subject
        out.append(" ".join(subject.split()[-40:]))
    # The sentence's opening name, past its age and relative clauses:
    # "Tomasz Wrobel, 34, whose partner Elena Sauer, 31, died in the collapse, said".
    opening = title.sub("", chunks[0].strip())
    if len(chunks) > 2 and PERSON_NAME.fullmatch(opening):
        out.append(opening)
    # An aside between subject and verb: "a senior official, speaking on condition of anonymity, said".
    for k in range(len(chunks) - 2, max(-1, len(chunks) - 4), -1):
        if chunks[k].strip() and len(chunks[k].split()) <= 12 and not reading.auxiliary.search(chunks[k]) \
                and not reading.aside_preposition.match(chunks[k]):
            out.append(chunks[k])
    return out


def subject_before(left: str) -> str:
    """The narrowest subject phrase right before a verb."""
    c = subject_candidates(left)
    return c[0] if c else ""


def _speech_verbs(sentence: str, rules: Rules):
    """Attribution verbs in the sentence, with their position ("gave a speech" counts too)."""
    lex = rules.sources
    # Speech events count in a sentence with one of their nouns; the quick search for the events
    # (see prefilter.py) costs less than the one for the nouns, and mostly finds none: it goes first.
    events = list(prefilter.finditer(lex.speech_events, sentence))
    if events and rules.reading.speech_event_nouns.search(sentence):
        for m in events:
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
        if lex.not_speech.match(sentence, s):
            continue                      # "a London think tank"
        if w in rules.reading.believed_to_be and rules.reading.believed_after.match(sentence[e:e + 12]):
            continue                      # "40 people believed to be rebel sympathizers": no statement
        if m.group()[:1].isupper() and sentence[:s].strip(" “\"‘'(") and not _title_case(sentence):
            continue                      # "an Order of Courage": a capitalised noun, not a verb
        if w in lex.figure_verbs and not _figure_words_pattern(lex.figure_words).search(sentence[e:e + 40].lower()):
            continue
        yield s, e
    for m in _AFTER_QUOTE.finditer(sentence):
        if m.group(1).lower() in rules.reading.verbs_after_quote:
            yield m.start(1), m.end(1)    # '"...," agreed President Putin'


_AFTER_QUOTE = re.compile(r"[,!?][”\"’]\s+([a-z]+)\b")
"""A word right after a quotation closed by a comma: where '"...," agreed the minister' speaks."""


def _verb_as_written(sentence: str, vs: int, ve: int, lex) -> str:
    """The attribution verb as the text writes it; a verb that needs its object keeps it ("cast doubt")."""
    if sentence[vs:ve].lower() in lex.figure_verbs:
        m = re.match(r"(?:\s+[\w'’-]+){0,3}?\s+(?:%s)\b" % "|".join(re.escape(w) for w in sorted(lex.figure_words)),
                     sentence[ve:ve + 60], re.IGNORECASE)
        if m:
            return sentence[vs:ve + m.end()]
    return sentence[vs:ve]


_HEADLINE_PASSIVE = re.compile(r"(?i)(?<=ed)\s+(?:in|by|over)\s")
"""A headline's verb in "-ed" before "in", "by", "over" ...: a passive ("Army Accused by Rebels"), whose subject is spoken of."""


def _title_case(sentence: str) -> bool:
    """A headline in title case ("Russia Says Phones Gave Away Base"): its verbs are capitalised."""
    words = [w for w in _LETTERS.findall(sentence) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 > len(words)


def attributions_in(sent: Sentence, text: str, state: State, rules: Rules,
                  quoted: tuple = ()) -> list[Attribution]:
    """Every speaker a sentence reports, in order, with the words that say so.

    Verbs inside a quotation (``quoted``: spans of the text) are the quoted speaker's own words,
    not attributions: in '"Nobody from the council has told me anything," he said' only "he said" counts.
    """
    s = sent.text
    low = s.lower()
    out: list[Attribution] = []
    if _PRONOUN_AFTER_CLAUSE.search(s):
        state.mention(s)          # "Professor Ana Ruiz was not part of the study, but she said ...": she is Ruiz
    phrases = rules.sources.before_speaker       # searched for only in a sentence that holds one
    before = _before_speaker_pattern(phrases).finditer(low) if any(p in low for p in phrases) else ()
    for m in sorted([*before, *rules.sources.events_before_speaker.finditer(low)], key=lambda m: m.start()):
        tail = re.split(r"[,;:“”\"]|(?<![A-Z])\.(?![A-Za-z])|\s(?:who|as saying)\b",    # "U.S." holds
                        s[m.end():m.end() + LEFT_WINDOW])[0]       # "quoted officials who said": the officials
        sp, head = resolve(tail, state, rules)
        if sp:
            state.remember(sp, head)
            out.append(Attribution(sp, s[m.start():m.end() + len(tail)].strip(), "according_to",
                                   s[m.start():m.end()], named_as(re.sub(r"(?i)^the\s+", "", tail.strip()), sp, rules),
                                   m.start()))
        out.extend(_joined_sources(tail, sp, state, rules, s[m.start():m.end()], m.start()))
    for m in rules.reading.possessive.finditer(s):
        if m.group(1).lower() not in rules.sources.statement_nouns:
            continue
        owner = re.search(r"((?:[A-Z][\w-]*\s+){0,3}[\w-]+)$", s[max(0, m.start() - LEFT_WINDOW):m.start()])
        if not owner:
            continue
        sp, head = resolve(owner.group(1), state, rules)
        if sp and sp.kind in ("official", "expert") and re.match(r"\s*(?:that|of\s+\d|at\s+\d|:|(?:show|shows|showed)\b)", s[m.end():]):
            state.remember(sp, head)
            out.append(Attribution(sp, owner.group(1) + m.group(0), "attribution", m.group(1),
                                   named_as(owner.group(1), sp, rules), max(0, m.start() - LEFT_WINDOW) + owner.start(1)))
    m = rules.reading.official_figures.search(s)
    if m:
        out.append(Attribution(Speaker("officials", "official", "", False), m.group(0), "attribution",
                               next(g for g in m.groups() if g), "officials", m.start()))
    view = rules.reading.group_view.match(s)   # "Analysts are divided": group_views in reading.yaml
    if view:
        sp, head = resolve(view.group(1), state, rules)
        if sp and sp.kind == "expert":
            state.remember(sp, head)
            out.append(Attribution(sp, view.group(0).strip(), "attribution", view.group(2),
                                   named_as(view.group(1), sp, rules), view.start(1)))
    colon = re.match(r"([A-Z][\w'’. -]{1,40}):\s+\S", s)
    headline = state.sentence == 0 and not s.rstrip().endswith((".", "!", "?", '"', "”"))
    if colon and (headline or not rules.sources.place_pattern.fullmatch(colon.group(1))):
        # "US: Captured Files Tie ..." in a headline is the government speaking; "KYIV: ..." in a body is a dateline
        sp, head = resolve(colon.group(1), state, rules)
        if sp and sp.kind in ("official", "expert"):
            state.remember(sp, head)
            out.append(Attribution(sp, colon.group(1) + ":", "attribution", ":", named_as(colon.group(1), sp, rules), 0))
    for vs, ve in islice(_speech_verbs(s, rules), max(3, len(s) // CHARS_PER_VERB)):
        if any(qs < sent.start + vs < qe for qs, qe in quoted):
            continue
        vs_word = s[vs:ve].lower()
        left = s[max(0, vs - LEFT_WINDOW):vs]
        if rules.reading.no_statement_before_verb.search(left[-NEAR:]) and vs_word not in rules.sources.negated_views:
            continue                      # "did not respond", "declined to say": no statement
        if vs_word in rules.sources.figure_verbs and rules.reading.condition_modal.search(left):
            continue                      # "they would raise the toll to 71": a condition, not a statement
        if rules.reading.noun_determiner.search(left) or rules.reading.condition.search(left):
            continue                      # "the disputed oil rig", "their demands"; "if tests confirm": no statement
        if not s.rstrip().endswith((".", "!", "?")) and _title_case(s) \
                and (_HEADLINE_PASSIVE.match(s, ve) or (not s[ve:].strip() and not source_last(s, vs, vs_word))):
            continue                      # "African Countries Criticized in Rights Watch Report": criticised, and a report
        left = left.rstrip()
        if not s[ve:].strip() and source_last(s, vs, vs_word) and _title_case(s):
            left = left[left.rfind(",") + 1:]     # "..., Position Secure, Analysts Say": the group after the comma
        left = left[:-NEAR] + rules.reading.between_subject_and_verb.sub("", left[-NEAR:])
        if vs_word in rules.sources.negated_views:
            left = _NEGATION_END.sub("", left)      # "analysts do not believe": the subject is "analysts"
        if place_participle(s, ve, vs_word):
            continue                      # "toxins found in air pollution": a thing found somewhere, no finding
        if vs_word in rules.sources.finding_verbs and finder_subject(left) is not None:
            left = finder_subject(left)   # "..., despite a study by independent scientists that found ..."
        sp = head = None
        subj = ""
        found = [] if _inverted_name(s, vs, ve, rules) else \
            [(c, *resolve(c, state, rules)) for c in subject_candidates(left)]
        found = [f for f in found if f[1] and not _dateline_place(f[0], left)
                 and not _locative_place(f[0], left[:left.rstrip().rfind(f[0].strip())], rules)]
        if not found and vs_word.endswith("ing") and left.endswith(","):
            found = _participle_subject(left, state, rules)   # "Washington has imposed sanctions, blaming ..."
        opener = clause_subject(s, left, state, rules)
        if opener is not None:
            found = [opener]              # "The military led journalists to a tunnel where it said ...": the military
        if vs_word in rules.sources.finding_verbs:
            # "researchers found", not "police found"; a finding verb that is also a speech verb
            # ("estimated", "concluded") is an official's statement too ("Government economists estimated")
            kinds = ("expert", "official") if vs_word in rules.sources.speech_verbs else ("expert",)
            found = [f for f in found if f[1].kind in kinds]
        if vs_word in rules.sources.source_verbs:
            found = [f for f in found if f[1].kind in ("official", "expert")]   # "the files indicate": no one speaks
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
            for f in found:               # "An observer mission from the Council of X, ... said": later
                role = f[2] or classify_role(f[0], rules)[1]    # "the mission" is the same speaker
                if role and f[1].kind == sp.kind:
                    state.heads[role.split()[-1]] = sp
            _register(sp, state)
        if sp is None:
            # Inverted order after a quotation: '..., said Giles.' / 'said the ministry'
            right = rules.reading.inverted_subject_end.split(s[ve:ve + LEFT_WINDOW])[0]
            before = s[:vs].rstrip()
            if (before.endswith(("”", '"', ",", "’")) or not before) and not re.search(r"\b[a-z]+ing\b", right):
                # not '"One young man, Joel, fears French forces helping ...": a clause, not a speaker
                sp, head = resolve(right, state, rules)
                if sp and (vs_word not in rules.sources.finding_verbs or sp.kind == "expert") \
                        and (vs_word not in rules.sources.source_verbs or sp.kind in ("official", "expert")):
                    # '"..." found Okafor in the car park': only an expert's finding is a statement
                    _register(sp, state)             # '"...," says Ana Ruiz.' / 'Ruiz is an economist ...'
                    state.remember(sp, head)
                    out.append(Attribution(sp, (s[vs:ve] + right).strip(), "attribution",
                                           _verb_as_written(s, vs, ve, rules.sources), named_as(right, sp, rules), vs))
            continue
        state.remember(sp, head)
        verb = _verb_as_written(s, vs, ve, rules.sources)
        out.append(Attribution(sp, (subj.strip() + " " + s[vs:ve]).strip(), "attribution", verb,
                               named_as(_joined_subject(left, subj, rules), sp, rules), vs))
        # "Witnesses and officials said", "officials and experts said": each kind of source speaks.
        parts = re.split(r"\s+and\s+|,\s*", subj.strip())
        if state.sentence == 0 and _title_case(s) and "," in left[-60:]:
            # A headline's list of sides: "Chad's Army, Rebels Claim Victory".
            first = subject_candidates(left.rsplit(",", 1)[0])
            parts = (re.split(r"\s+and\s+|,\s*", first[0]) if first else []) + parts
        head_of_list = left[:left.rfind(subj.strip())].rstrip() if len(parts) > 1 and subj.strip() in left else ""
        while head_of_list.endswith(",") and len(parts) < 5:   # "development experts, activists and watchdogs"
            item = re.split(r"[,;:“”\"(]", head_of_list[:-1])[-1]
            if not item.strip() or len(item.split()) > 4:
                break
            parts.insert(0, item)
            head_of_list = head_of_list[:-1 - len(item)].rstrip()
        if len(parts) > 1 and len(" ".join(parts).split()) <= 12:
            for part in parts:
                if _locative_place(part, subj[:subj.find(part)], rules):
                    continue              # "Researchers at a university in St. Louis, Missouri": where, not who
                other, _ = resolve(part, State(people=state.people), rules)
                if other is not None and other.kind != sp.kind and other.kind in ("official", "expert"):
                    out.append(Attribution(other, (part.strip() + " " + s[vs:ve]).strip(), "attribution", verb,
                                           named_as(part, other, rules), vs))
    headline = _HEADLINE_SOURCE.search(s) if state.sentence == 0 and not s.rstrip().endswith((".", "!", "?")) else None
    if headline:
        sp, head = resolve(headline.group(1), state, rules)     # "Pakistan Says Militants Killed - Analysts"
        if sp is not None and sp.kind in ("official", "expert"):
            state.remember(sp, head)
            out.append(Attribution(sp, headline.group(0).strip(" -–—:"), "attribution", headline.group(0).strip()[:1],
                                   named_as(headline.group(1), sp, rules), headline.start(1)))
    act = headline_act(s, state, rules) if state.sentence == 0 and not out else None
    if act is not None:           # "US Regulator Bans AI-Generated Voices ...": an official act told as a fact
        subject, sp, verb = act
        out.append(Attribution(sp, f"{subject} {verb}", "attribution", verb, named_as(subject, sp, rules), 0))
    return distinct(out)


def _register(sp: Speaker, state: State) -> None:
    """A person named as a speaker is known from now on, by full name and surname ("Giles" later)."""
    if sp.person and sp.name not in state.people and PERSON_NAME.fullmatch(sp.name):
        state.people[sp.name] = sp
        if len(sp.name.split()) > 1:
            for surname in surnames(sp.name):
                state.people.setdefault(surname, sp)     # "Giles"; "Huang" for "Huang Chun-ming"
        if len(sp.name.split()) == 3 and sp.kind in ("official", "expert"):
            state.people.setdefault(sp.name.split()[1], sp)   # "Alfredo Rangel Suarez" ... "Mr. Rangel"


_LOCATIVE_END = re.compile(r"\b(?:in|at|from|near|outside)\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s*$")
"""A place named after "in", "at", "from" ...: the state or country after its comma says where ("in St. Louis, Missouri")."""


def _locative_place(phrase: str, before: str, rules: Rules) -> bool:
    """A state or country after a place named with "in", "at", "from" says where, not who speaks:
    "Researchers at a university in St. Louis, Missouri say"."""
    return bool(_LOCATIVE_END.search(before)) and bool(rules.sources.place_pattern.fullmatch(phrase.strip(" ,")))


def _dateline_place(phrase: str, left: str) -> bool:
    """The state or country of a dateline is where the report was filed, not a speaker:
    "CARROW FALLS, Ohio — Two people who witnessed ... say"."""
    m = _DATELINE.match(left)
    return bool(m) and m.group(1).strip() == phrase.strip(" ,—–-")


_DATELINE = re.compile(r"\W*[A-Z][A-Z.'’ -]+,\s*([^,()—–-]+?)\s*(?:\([^)]*\)\s*)?[—–-]")
"""A dateline opening a sentence: "CARROW FALLS, Ohio —", "LA PAZ, Bolivia (AP) —"; its group is the state or country."""


def continue_official_figures(r) -> None:
    """A sentence that only adds casualty figures to an official's account just before it, in the
    same paragraph and with no speaker of its own, continues that account ("The army said 40 rebels
    were killed. Five soldiers also died."); so does one of statistics after an official release of
    them (:func:`.statistics.continues_release`). One sentence on only, and never a quotation."""
    sentences, attributions, credit = r.sentences, r.attributions, r.credit
    for i in range(1, len(sentences)):
        prev, sent = attributions[i - 1], sentences[i]
        if attributions[i] is not None or r.others[i] or r.framing[i] or credit[i] or prev is None \
                or prev.speaker.kind != "official" or prev.rule == "continuation" \
                or sent.paragraph != sentences[i - 1].paragraph or any(q in sent.text for q in "“”\""):
            continue
        reading = r.rules.reading
        if reading.condition.search(sent.text.split(",")[0]) or any(
                reading.condition_modal.search(sent.text[max(0, w.start() - 40):w.start()])
                for w in islice(re.finditer(r"(?<=\s)\w", sent.text), 60)):
            continue                  # "If tests confirm it, they would raise the toll to 71": not yet a count
        if figure_spans(sent.text) or continues_release(r, i) or goes_on(sent.text, prev.speaker, r.rules):
            # casualties, statistics (statistics.py), or "It also cannot meet the demand ..." (runons.py)
            attributions[i] = Attribution(prev.speaker, prev.cue, "continuation", prev.verb)


def _participle_subject(left: str, state: State, rules: Rules) -> list[tuple]:
    """The subject of the clause a participle after a comma hangs on ("..., and Washington has
    imposed sanctions on the generals, blaming them"): the shortest opening of that clause, before
    its verb, that names an official or an expert."""
    clause = re.split(r"[;:“”\"]", left.rstrip(" ,"))[-1]
    clause = re.split(r",\s+(?:and|but)\s+", clause)[-1]       # a clause of its own, not "police and officers"
    clause = rules.reading.subordinator.split(clause)[-1].strip()
    verb = rules.reading.verbish.search(clause)
    words = clause[:verb.start() if verb else len(clause)].split()
    for k in range(1, min(len(words), 8) + 1):
        phrase = " ".join(words[:k])
        sp, head = resolve(phrase, state, rules)
        if sp is not None and sp.kind in ("official", "expert"):
            return [(phrase, sp, head)]
    return []


def _joined_sources(phrase: str, sp: Speaker | None, state: State, rules: Rules, verb: str, at: int) -> list[Attribution]:
    """Each kind of source in a short joined phrase after "according to": "figures from the
    government and rescue groups" reports the government as well as the groups."""
    parts = re.split(r"\s+and\s+", phrase.strip())
    if len(parts) < 2 or len(phrase.split()) > 12:
        return []
    out = []
    for part in parts:
        other, _ = resolve(part, State(people=state.people), rules)
        if other is not None and other.kind in ("official", "expert") and (sp is None or other.kind != sp.kind):
            out.append(Attribution(other, f"{verb} {phrase.strip()}", "according_to", verb, named_as(part, other, rules), at))
    return out


def named_as(words: str, sp: Speaker, rules: Rules) -> str:
    """The speaker as the sentence names them: the subject's words, tidied ("police", "the
    governor"), or the speaker's name when the words only point back at them ("It", "he")."""
    words = re.sub(r"\s+", " ", rules.reading.lead.sub("", words.strip(" ,;:—–-“”\"'"))).strip(" ,;:—–-")
    first = words.split()[0].lower() if words else ""
    if not words or (first in rules.names.pronouns and len(words.split()) <= 2):
        return sp.name
    if rules.reading.joined_subject.search(words):
        return words                      # both speakers of a joined subject
    name = re.search(r"(?i)(?:\bthe\s+)?\b%s\b" % r"\s+".join(map(re.escape, sp.name.split())), words)
    if name:
        return name.group()               # "the governor", "police": the name as written
    return re.split(r",|\s[—–-]\s", words)[0].strip()   # the name before its description


def _joined_subject(left: str, subj: str, rules: Rules) -> str:
    """The subject with the one it is joined to: "some voices in Russia — as well as officials in
    Kyiv" when the speaker found is "as well as officials in Kyiv" (joined_subjects in reading.yaml)."""
    words = subj.strip(" ,—–-")
    at = left.rfind(words)
    if not words or at < 0 or not rules.reading.joined_subject.match(words):
        return subj
    before = re.split(r"[,;:“”\"(]", left[:at])[-1]
    return before + words if before.strip(" —–-") else subj


_NEGATION_END = re.compile(r"(?i)\s*\b(?:do|does|did)(?:\s+not|n['’]t)?(?:\s+\w+ly)?\s*$")


def _inverted_name(s: str, vs: int, ve: int, rules: Rules) -> bool:
    """', says Nancy Mitchell, historian ...': after a clause and a comma, a verb followed by a full name
    (and then a comma or the end) has that name as its speaker, whatever the clause before names."""
    if not s[:vs].rstrip().endswith(","):
        return False
    if re.match(r"\s+(?:[A-Z][\w-]*\s+)?(?:Experts|Analysts|Economists|Scientists|Researchers)\W*$", s[ve:]):
        return True                       # "Kestria Faces Tough Choices, Say Experts": the group after the verb
    m = re.match(r"\s+([^,.;:“”\"]+?)\s*(?:,|\.|$)", s[ve:ve + LEFT_WINDOW])
    name = load_rules().names.courtesy_title.sub("", m.group(1)) if m else ""
    return bool(PERSON_NAME.fullmatch(name)) and name.split()[0] not in rules.names.not_names


_HEADLINE_SOURCE = re.compile(r"(?:\s[-–—]|:)\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*$")
"""A headline's source after a dash or a colon: "... Fuel Extremism – Analysts", "... Years Away: Experts"."""


def distinct(atts: list[Attribution]) -> list[Attribution]:
    """One attribution per speaker, first mention first."""
    seen, out = set(), []
    for a in atts:
        if a.speaker.name not in seen:
            seen.add(a.speaker.name)
            out.append(a)
    return out

