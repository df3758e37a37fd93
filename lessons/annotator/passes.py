"""How the annotator reads a text: an explicit list of named passes over its sentences.

:func:`analyse` splits the text into sentences (NLTK Punkt, no downloads), finds the people a
text introduces, then runs :data:`PASSES` in order over one shared :class:`Reading`:

1. ``find_speakers``: who speaks in each sentence (an attribution verb with its subject,
   resolved through the article: "Giles said" is the expert introduced earlier, "the ministry"
   the last ministry named, "he" the last person quoted);
2. ``give_quotations_to_speakers``: every sentence of a quotation belongs to its speaker;
3. ``continue_after_colon``: "X tweeted:" hands its speaker to the next paragraph;
4. ``mark_sources``: official statements, expert commentary and other voices;
5. ``mark_hedges``: hedge cues from the rule files;
6. ``mark_unverified``: verification and dispute markers, and the claim they point at;
7. ``mark_competing_figures``: neighbouring casualty figures from different sides;
8. ``link_contested_claims``: a dispute that names what it disputes ("cast doubt on the official
   explanation", "scoffed at Iranian claims") is linked to that claim however far away, and so
   are rival explanations of the same event by other parties: the claim is marked contested,
   with ``challenged_by`` spans, and each challenge carries ``challenges``, the claim's spans.

Each pass is a small function of the :class:`Reading`; the rules live in
``lessons/data/rules/*.yaml`` so that teachers can read and extend them.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from ..text.sentences import Sentence, split_sentences
from .attribution import CREDIT, Attribution, attributions_in
from .cues import (SENTENCE_LEVEL_RULES, content_words, cue_matches, dedupe, explain, is_headline,
                   mark_both_sides, mark_claim_after, mark_claim_before, sentences_hit)
from .figures import FIGURE
from .model import Analysis, Annotation, SentenceAnalysis, Speaker
from .quotations import QUOTES, quote_spans
from .rules import Rules, load_rules
from .speakers import State, find_people

__all__ = ["PASSES", "Reading", "SENTENCE_LEVEL_RULES", "Analysis", "SentenceAnalysis", "Speaker",
           "analyse", "annotate"]

_DISPUTES = ("unverified.denial", "unverified.doubt", "unverified.rebuttal", "unverified.unsupported",
             "unverified.conflicting")


def _merged(a: tuple, b: tuple) -> tuple:
    """Two tuples of spans as one, in reading order, without repeats."""
    return tuple(sorted(set(a) | set(b)))


@dataclass
class Reading:
    """What the passes share while they read one text: its sentences, speakers and highlights so far."""

    text: str
    rules: Rules
    sentences: list[Sentence]
    state: State
    attributions: list = field(default_factory=list)   # per sentence: its main Attribution or None
    others: list = field(default_factory=list)         # per sentence: further speakers in it
    hands_over: list = field(default_factory=list)     # per sentence: ends with a colon
    framing: list = field(default_factory=list)        # "X tweeted:" with nothing of what X said
    annotations: list = field(default_factory=list)
    per_sentence: list = field(default_factory=list)

    @classmethod
    def start(cls, text: str, rules: Rules | None = None) -> "Reading":
        rules = rules or load_rules()
        sentences = split_sentences(text)
        n = len(sentences)
        return cls(text, rules, sentences, State(people=find_people(text, rules)),
                   attributions=[None] * n, others=[[] for _ in range(n)], hands_over=[False] * n,
                   framing=[False] * n, per_sentence=[[] for _ in range(n)])

    def add(self, i: int, ann: Annotation) -> None:
        """Record a highlight found in sentence ``i``; the same span marked again gathers its links."""
        if ann.challenged_by or ann.challenges:
            same = next((a for a in self.per_sentence[i]
                         if (a.category, a.start, a.end) == (ann.category, ann.start, ann.end)), None)
            if same is not None:
                self.replace(i, same, dataclasses.replace(
                    same, challenged_by=_merged(same.challenged_by, ann.challenged_by),
                    challenges=_merged(same.challenges, ann.challenges)))
                return
        self.annotations.append(ann)
        self.per_sentence[i].append(ann)

    def replace(self, i: int, old: Annotation, new: Annotation) -> None:
        """Put ``new`` in the place of ``old``, a highlight of sentence ``i``."""
        self.annotations[next(k for k, a in enumerate(self.annotations) if a is old)] = new
        self.per_sentence[i][next(k for k, a in enumerate(self.per_sentence[i]) if a is old)] = new

    @cached_property
    def credit(self) -> list[bool]:
        """Photo credits and image lines: not statements by anyone."""
        return [bool(CREDIT.search(s.text)) for s in self.sentences]

    @cached_property
    def quotes(self) -> list[tuple[int, int, int]]:
        return quote_spans(self.text, self.sentences)

    def touched(self, start: int, end: int) -> range:
        """The sentences a span touches (sentences are sorted and do not overlap)."""
        return range(bisect.bisect_right(self._ends, start), bisect.bisect_left(self._starts, end))

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    @cached_property
    def lowered(self) -> str:
        """The text lower-cased with its offsets kept exact (a few characters grow when lower-cased)."""
        lowered = self.text.lower()
        if len(lowered) != len(self.text):
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        return lowered

    def source_label(self, i: int) -> str | None:
        att = self.attributions[i]
        return att.speaker.label if att else None


def find_speakers(r: Reading) -> None:
    """Who speaks in each sentence; verbs inside a quotation are the quoted speaker's own words."""
    n = len(r.sentences)
    quoted_in: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for qs, qe, _ in r.quotes:
        for k in r.touched(qs, qe):
            quoted_in[k].append((qs, qe))
    for i, sent in enumerate(r.sentences):
        r.state.sentence = i
        r.state.window = r.text[sent.start:r.sentences[i + 1].end if i + 1 < n else sent.end]
        found = [] if r.credit[i] else attributions_in(sent, r.text, r.state, r.rules, tuple(quoted_in[i]))
        r.attributions[i] = found[0] if found else None
        r.others[i] = found[1:]
        if found and found[0].speaker.person and r.others[i]:
            r.state.remember(found[0].speaker)     # "he" next is the sentence's subject, not a person it mentions
        elif not found:
            r.state.mention(sent.text)             # "Carl Thayer is a professor ..." / "He says ..."
        r.hands_over[i] = sent.text.rstrip().endswith(":")
        r.framing[i] = r.hands_over[i] and not any(q in sent.text for q in QUOTES)


def give_quotations_to_speakers(r: Reading) -> None:
    """Quotations belong to the speaker named with them, in any sentence they touch."""
    sentences, attributions = r.sentences, r.attributions
    for qs, qe, para in r.quotes:
        touched = list(r.touched(qs, qe))
        if not touched or len(r.text[qs:qe].split()) < 5:
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
                attributions[i] = Attribution(owner.speaker, owner.cue, "quote", owner.verb)


def continue_after_colon(r: Reading) -> None:
    """A framing line ending in a colon ("X tweeted:") hands its speaker to the next paragraph."""
    sentences, attributions, n = r.sentences, r.attributions, len(r.sentences)
    para_end = [n] * n          # one past the last sentence of each sentence's paragraph
    for k in range(n - 2, -1, -1):
        para_end[k] = para_end[k + 1] if sentences[k + 1].paragraph == sentences[k].paragraph else k + 1
    for i in range(n):
        if not (r.hands_over[i] and attributions[i] and i + 1 < n):
            continue
        j0 = i + 1
        while j0 < n and any(r.credit[j0:para_end[j0]]):
            j0 = para_end[j0]          # skip photo credits between the colon and what follows
        if j0 >= n:
            continue
        for j in range(j0, n):
            if sentences[j].paragraph != sentences[j0].paragraph:
                break
            if attributions[j] is None:
                attributions[j] = Attribution(attributions[i].speaker, attributions[i].cue, "continuation",
                                                     attributions[i].verb)


def mark_sources(r: Reading) -> None:
    """Each sentence that reports a speaker carries that speaker's kind: official, expert or voice."""
    for i, sent in enumerate(r.sentences):
        if r.framing[i]:
            continue
        att = r.attributions[i]
        for a in ([att] if att else []) + r.others[i]:
            kind = a.speaker.kind
            r.add(i, Annotation(kind, sent.start, sent.end, a.cue, f"{kind}.{a.rule}",
                                explain(r.rules, f"{kind}.{a.rule}", source=a.speaker.name), a.speaker.label,
                                verb=a.verb or None))


def mark_hedges(r: Reading) -> None:
    """Hedge cues, tried only on the sentences one pass over the whole text found a cue word in."""
    for i in sorted(sentences_hit(r.rules.hedge_any, r.lowered, r.sentences)):
        for rule in r.rules.hedges:
            for s0, e0, cue in cue_matches(rule, r.sentences[i], r.text, r.state, r.rules):
                r.add(i, Annotation("hedge", s0, e0, cue, rule.id, rule.explanation.format(cue=cue), r.source_label(i)))


def mark_unverified(r: Reading) -> None:
    """Verification and dispute markers, and the claim right before them that they point at."""
    for i in sorted(sentences_hit(r.rules.unverified_any, r.lowered, r.sentences)):
        sent = r.sentences[i]
        for rule in r.rules.unverified:
            if rule.narrator_only and r.attributions[i]:
                continue                  # "if confirmed" in a quoted expert's words is a condition
            disputes = rule.id.startswith(_DISPUTES)
            for s0, e0, cue in cue_matches(rule, sent, r.text, r.state, r.rules):
                # A verification marker points back from the reporter's own voice ("NBC News was
                # unable to verify claims"); a dispute answers a claim just made by someone else.
                points = disputes or (r.rules.pointing_words.search(sent.text) and not r.attributions[i])
                claims: list[tuple[int, Annotation]] = []
                within = r.attributions[i] and re.search(
                    r"(?i)[,;]\s+(?:though|although|but|while|whereas)\b|,\s+(?:a|an)\s+(?:claim|allegation|accusation|charge)\b",
                    r.text[sent.start:s0])
                if within:
                    pass                  # "Witnesses said ..., though police denied this": the claim is here
                elif rule.marks_neighbour and i > 0 and points and not is_headline(r.sentences, i - 1, r.text):
                    mark_claim_before(i, r.sentences, r.attributions, r.rules, cue,
                                      lambda j, ann: claims.append((j, ann)))
                if rule.id == "unverified.accusation" and re.search(
                        r"(?i)\btrad(?:e|es|ed|ing)\b|\beach other\b|\bspar(?:s|red|ring)?\b", sent.text):
                    mark_both_sides(i, r.sentences, r.attributions, r.rules, cue,
                                    lambda j, ann: claims.append((j, ann)))
                    disputes = True       # each side's account is challenged by the other's
                if disputes and rule.marks_neighbour and not within:
                    # The other side's answer right after a denial: "He called the documents fake.
                    # But Colombian authorities say the documents show ..."
                    mark_claim_after(i, r.sentences, r.attributions, r.rules, cue,
                                     lambda j, ann: claims.append((j, ann)))
                # A dispute and the claim it answers are linked both ways.
                links = tuple((r.sentences[j].start, r.sentences[j].end) for j, _ in claims) if disputes else ()
                r.add(i, Annotation("unverified", s0, e0, cue, rule.id, rule.explanation.format(cue=cue),
                                    r.source_label(i), challenges=tuple(sorted(set(links)))))
                for j, ann in claims:
                    r.add(j, dataclasses.replace(ann, challenged_by=((sent.start, sent.end),)) if disputes else ann)


_TOLL = re.compile(r"(?i)\b(?:death\s+)?(?:toll|tally|number\s+of\s+(?:dead|deaths|victims|casualties))\s+"
                   r"(?:at|to|of|was|is|stood\s+at|rose\s+to|reached)\s+(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\b")


def _figure(text: str):
    """A casualty figure in ``text``, quotation marks aside ('18 "innocent" people died'), or a toll
    put at a number ("put the toll at 40")."""
    text = re.sub(r"[\"“”‘’]", "", text)
    return FIGURE.search(text) or _TOLL.search(text)


def _count(figure: str) -> str:
    """The number a figure gives, digits or a word ("2 more people died" and "two people died" agree)."""
    found = re.search(r"(?i)\b(\d[\d,]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b", figure)
    first = found.group(1).lower().replace(",", "") if found else figure
    return str(_NUMBER_WORDS.get(first, first))


_NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}




_RIVAL_IN_ONE = re.compile(r"(?i)[,;]\s+(?:while|whereas|but|although|though)\b")
_NUMBER = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b")


def mark_competing_figures(r: Reading) -> None:
    """Figures from different sides: in neighbouring sentences ("The group said 31 died." / "The
    ministry said four.") or set against each other in one ("China says 15 died, while the WHO
    puts the toll at 14")."""
    sentences, attributions = r.sentences, r.attributions
    for i in range(len(sentences) - 1):
        a, b = attributions[i], attributions[i + 1]
        if a and b and a.speaker.name != b.speaker.name \
                and sentences[i + 1].paragraph - sentences[i].paragraph <= 1 \
                and not is_headline(sentences, i, r.text) \
                and _figure(sentences[i].text) and _figure(sentences[i + 1].text) \
                and _count(_figure(sentences[i].text).group()) != _count(_figure(sentences[i + 1].text).group()):
            for j in (i, i + 1):
                r.add(j, Annotation("unverified", sentences[j].start, sentences[j].end,
                                    _figure(sentences[j].text).group(), "unverified.competing_figures",
                                    explain(r.rules, "unverified.competing_figures"), attributions[j].speaker.label))
    for i, sent in enumerate(sentences):
        a = attributions[i]
        rival = _RIVAL_IN_ONE.search(sent.text)
        if a and rival and any(o.speaker.name != a.speaker.name for o in r.others[i]) \
                and _NUMBER.search(sent.text[:rival.start()]) and _NUMBER.search(sent.text[rival.end():]):
            r.add(i, Annotation("unverified", sent.start, sent.end, rival.group().strip(" ,;"),
                                "unverified.competing_figures", explain(r.rules, "unverified.competing_figures"),
                                a.speaker.label))


_NO_CAUSE = re.compile(r"(?i)\b(?:too early to|premature to|not|no|without|unknown)\s+(?:[\w-]+\s+){0,2}$")
"""Before a cause word, words that say no cause is given ("too early to assign blame")."""


def disputed_clause(sentence: str, start: int, end: int) -> str:
    """The clause a dispute cue (``sentence[start:end]``) stands in: what it disputes.

    >>> disputed_clause("Pegov, a war correspondent, cast doubt on the official explanation.", 28, 38)
    ' cast doubt on the official explanation.'
    """
    left = max((sentence.rfind(c, 0, start) for c in ',;:“”"—–()'), default=-1)
    rights = [k for k in (sentence.find(c, end) for c in ',;:“”"—–()') if k >= 0]
    return sentence[left + 1:min(rights) if rights else len(sentence)]


def contested_claim(texts: list[str], speakers: list, kinds: list, group: range, disputed: str,
                    rules: Rules) -> tuple[list[int], list[int]]:
    """The sentences a dispute points at, and the rival explanations of the same event.

    ``texts``, ``speakers`` (names or None) and ``kinds`` describe the article's sentences;
    ``group`` is the challenger's run of sentences and ``disputed`` the clauses their dispute
    words stand in. A dispute of an explanation ("the official explanation", "the story of
    'mobiles'") points at the other party's sentences that give a cause ("blamed", "the main
    reason"); a dispute that names whose claims it answers ("Iranian claims", "Colombia's
    accusations") at that party's last run of sentences before it; other disputes are left to the
    neighbouring sentences (``mark_unverified``), where word overlap alone would link too much.
    Claims made before the dispute come first; only when there are none does it look after it. Returns
    ``(claims, rivals)``; rivals are found only for an explanation: another party's sentences that
    put forward a different possibility on the same event ("the damage suggested that ...").
    """
    challenger = speakers[group[0]]
    named = rules.explanation_nouns.search(disputed)
    if named and re.search(r"(?i)\b(?:this|that|these|those|such)\s+(?:\w+\s+)?$", disputed[:named.start()]):
        return [], []                 # "That account drew skepticism": the claim just before it
    party = _PARTY_CLAIM.search(disputed)
    if party and not (named and rules.cause_words.search(" ".join(texts[:group[0]]))):
        # "rejected Colombia's accusations", "scoffed at Iranian claims": that party's last run of claims.
        who = {w.lower()[:4] for w in re.findall(r"[A-Z][a-z]+", party.group(1) or party.group(2) or "")}
        who -= {w.lower()[:4] for w in re.findall(r"[A-Z][a-z]+", challenger or "")}

        def theirs(j: int) -> bool:
            return j not in group and speakers[j] is not None and speakers[j] != challenger \
                and bool(who & {w.lower()[:4] for w in re.findall(r"[A-Z][a-z]+", speakers[j])})

        before = [j for j in range(group[0]) if theirs(j)]
        run = before[-1:] 
        while before and run and run[0] - 1 in before:
            run.insert(0, run[0] - 1)
        return run, []
    if not named:
        return [], []
    kind = "official" if re.search(r"(?i)\b(?:official|government|authorities)\b", disputed) else None

    def points_at(j: int) -> bool:
        if j in group or speakers[j] is None or speakers[j] == challenger or (kind and kinds[j] != kind):
            return False
        return any(not _NO_CAUSE.search(texts[j][max(0, m.start() - 30):m.start()])
                   for m in rules.cause_words.finditer(texts[j]))

    claims = [j for j in range(group[0]) if points_at(j)] or \
        [j for j in range(group[-1] + 1, len(texts)) if points_at(j)]
    if not claims:
        return [], []
    claimants = {speakers[j] for j in claims}
    topic = set().union(*(content_words(texts[j]) for j in claims))
    rivals = [k for k in range(len(texts))
              if k not in group and k not in claims and speakers[k] not in claimants | {None, challenger}
              and kinds[k] in ("official", "expert") and rules.rival_markers.search(texts[k])
              and not rules.count_words.search(texts[k]) and content_words(texts[k]) & topic]
    return claims, rivals


_PARTY_CLAIM = re.compile(
    r"\b((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)(?:['’]s)?\s+(?:own\s+)?(?:claims?|accusations?|allegations?|charges|"
    r"account|version|figures?|statements?|assertions?|denials?)\b|"
    r"\b(?:claims?|accusations?|allegations?|charges)\s+(?:by|from|made\s+by)\s+(?:the\s+)?((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)")
"""A dispute that names whose claim it answers: "Colombia's accusations", "Iranian claims", "claims by the army"."""


def _runs_of_disputes(r: Reading) -> list[tuple[range, list[int]]]:
    """Each challenger's run of sentences around its dispute words, with the sentences holding them."""
    disputes = sorted({i for i, anns in enumerate(r.per_sentence)
                       if any(a.category == "unverified" and a.rule.startswith(_DISPUTES) for a in anns)})
    runs: list[tuple[range, list[int]]] = []
    for i in disputes:
        if runs and i in runs[-1][0]:
            runs[-1][1].append(i)
            continue
        who = r.attributions[i].speaker.name if r.attributions[i] else None
        lo = hi = i
        if who is not None:
            def same(k):
                return r.attributions[k] and r.attributions[k].speaker.name == who
            while lo > 0 and same(lo - 1) and r.sentences[lo].paragraph - r.sentences[lo - 1].paragraph <= 1:
                lo -= 1
            while hi + 1 < len(r.sentences) and same(hi + 1) \
                    and r.sentences[hi + 1].paragraph - r.sentences[hi].paragraph <= 1:
                hi += 1
        runs.append((range(lo, hi + 1), [i]))
    return runs


def _paragraph_number(r: Reading, i: int) -> int:
    """The paragraph a reader counts: a headline is not a paragraph."""
    return r.sentences[i].paragraph + (0 if is_headline(r.sentences, 0, r.text) else 1)


def link_contested_claims(r: Reading) -> None:
    """A claim disputed far away is contested: link it to its challengers and them back to it."""
    texts = [s.text for s in r.sentences]
    speakers = [a.speaker.name if a else None for a in r.attributions]
    kinds = [a.speaker.kind if a else None for a in r.attributions]
    challengers: dict[int, set[int]] = {}          # claim sentence -> challenging sentences
    cues: dict[int, str] = {}                      # claim sentence -> the first dispute words against it
    for group, marked in _runs_of_disputes(r):
        disputed = " ".join(disputed_clause(texts[i], a.start - r.sentences[i].start, a.end - r.sentences[i].start)
                            for i in marked for a in r.per_sentence[i]
                            if a.category == "unverified" and a.rule.startswith(_DISPUTES))
        claims, rivals = contested_claim(texts, speakers, kinds, group, disputed, r.rules)
        for j in claims:
            challengers.setdefault(j, set()).update(marked, rivals)
            cues.setdefault(j, next(a.cue for a in r.per_sentence[marked[0]]
                                    if a.category == "unverified" and a.rule.startswith(_DISPUTES)))
    if not challengers:
        return
    span = {i: (r.sentences[i].start, r.sentences[i].end) for i in range(len(r.sentences))}
    challenged: dict[int, set[int]] = {}           # challenging sentence -> claims
    for j, by in challengers.items():
        for i in by:
            challenged.setdefault(i, set()).add(j)
    for j, by in sorted(challengers.items()):
        who: dict[str, list[int]] = {}
        for i in sorted(by):
            who.setdefault(speakers[i] or "the article itself", []).append(_paragraph_number(r, i))
        names = "; ".join(f"{name} ({_paragraphs(ps)})" for name, ps in who.items())
        links = tuple(span[i] for i in sorted(by))
        s = r.sentences[j]
        old = next((a for a in r.per_sentence[j] if a.category == "unverified" and (a.start, a.end) == span[j]), None)
        new = Annotation("unverified", s.start, s.end, old.cue if old else cues[j],
                         "unverified.contested", explain(r.rules, "unverified.contested", challengers=names),
                         r.source_label(j), challenged_by=links)
        if old:
            r.replace(j, old, dataclasses.replace(new, cue=old.cue, challenged_by=_merged(old.challenged_by, links)))
        else:
            r.add(j, new)
    for i, claims in challenged.items():
        links = tuple(span[j] for j in sorted(claims))
        claimed: dict[str, list[int]] = {}
        for j in sorted(claims):
            claimed.setdefault(speakers[j] or "the article", []).append(_paragraph_number(r, j))
        what = "; ".join(f"{name} ({_paragraphs(ps)})" for name, ps in claimed.items())
        for a in list(r.per_sentence[i]):
            disputes = a.category == "unverified" and a.rule.startswith(_DISPUTES)
            rival = a.category in ("official", "expert") and not any(
                b.category == "unverified" and b.rule.startswith(_DISPUTES) for b in r.per_sentence[i])
            if disputes or rival:
                why = explain(r.rules, "unverified.challenge", claims=what)
                r.replace(i, a, dataclasses.replace(a, challenges=_merged(a.challenges, links),
                                                    explanation=f"{a.explanation} {why}"))


def _paragraphs(numbers: list[int]) -> str:
    """Where in the article, as a reader counts: "paragraph 14", "the headline and paragraphs 2 and 3".

    >>> _paragraphs([0, 3, 2, 3])
    'the headline and paragraphs 2 and 3'
    """
    nums = sorted(set(numbers))
    parts = ["the headline"] if nums and nums[0] == 0 else []
    ps = [str(p) for p in nums if p > 0]
    if ps:
        parts.append(f"paragraph {ps[0]}" if len(ps) == 1 else f"paragraphs {', '.join(ps[:-1])} and {ps[-1]}")
    return " and ".join(parts)


PASSES: tuple[Callable[[Reading], None], ...] = (
    find_speakers,
    give_quotations_to_speakers,
    continue_after_colon,
    mark_sources,
    mark_hedges,
    mark_unverified,
    mark_competing_figures,
    link_contested_claims,
)
"""The passes :func:`analyse` runs, in order."""


def finish(r: Reading) -> Analysis:
    """Drop repeated highlights and gather the result, sentence by sentence."""
    annotations = dedupe(r.annotations)
    keep = set(id(a) for a in annotations)
    out_sentences = []
    for i, sent in enumerate(r.sentences):
        anns = tuple(a for a in r.per_sentence[i] if id(a) in keep)
        att = r.attributions[i]
        out_sentences.append(SentenceAnalysis(i, sent.start, sent.end, sent.text, sent.paragraph,
                                              frozenset(a.category for a in anns),
                                              att.speaker if att else None, anns))
    annotations.sort(key=lambda a: (a.start, -a.end, a.category))
    return Analysis(r.text, tuple(annotations), tuple(out_sentences), tuple(r.state.seen))


def analyse(text: str) -> Analysis:
    """Annotate ``text`` and return the sentences, speakers and annotations found."""
    if not isinstance(text, str):
        raise TypeError("annotate() needs text (a str)")
    reading = Reading.start(text)
    for step in PASSES:
        step(reading)
    return finish(reading)


def annotate(text: str) -> list[Annotation]:
    """All annotations of ``text``, in reading order, with offsets into ``text`` exactly as given."""
    return list(analyse(text).annotations)
