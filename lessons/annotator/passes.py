"""How the annotator reads a text: an explicit list of named passes over its sentences.

:func:`analyse` splits the text into sentences (NLTK Punkt, no downloads), finds the people a
text introduces, then runs :data:`PASSES` in order over one shared :class:`Reading`:

0. ``find_affiliated_experts``: a person introduced only by a research or advisory body after the
   name ("Tom Ash, at Lowland Consulting, told VOA") is an expert (see voices.py);
1. ``find_speakers``: who speaks in each sentence (an attribution verb with its subject,
   resolved through the article: "Giles said" is the expert introduced earlier, "the ministry"
   the last ministry named, "he" the last person quoted); ``find_official_acts``: "The FCC outlawed ..." (acts.py);
2. ``give_quotations_to_speakers``: every sentence of a quotation belongs to its speaker;
3. ``continue_after_colon``: "X tweeted:" hands its speaker to the next paragraph;
   ``give_actualities_to_speakers``: a broadcast script's clip ("/// Ruiz act ///") is its speaker's;
   ``give_labelled_clips_to_speakers``: a transcript's 'JAMES STOCK: "..."' is James Stock's (see labels.py);
   ``continue_official_figures``: a sentence that only adds casualty figures or statistics (statistics.py) right
   after an official's account continues it ("The army said 40 rebels died. Five soldiers also died.");
   ``give_experts_their_quotations``: '' ... '' quotations, and a quotation paragraph after one line of
   narration, are their speakers' (voices.py), and so are findings owned a sentence later and "our study" (researchers.py);
   ``give_report_contents_to_owners``: what an official report "lists" is its owner's (see reports.py);
4. ``mark_sources``: official statements, expert commentary and other voices;
5. ``mark_hedges``: hedge cues from the rule files;
6. ``mark_unverified``: verification and dispute markers, and the claim they point at;
7. ``mark_competing_figures``: casualty figures from different sides, and the other side's
   answer ("But the rebels say they are still in the city");
8. ``mark_rival_in_one``: two parties' rival claims in one sentence ("Police say the man was
   armed, but a witness says he wasn't");
9. ``fill_claim_runs``: a sentence of one party's run with a disputed or unchecked sentence of
   that party on each side belongs to the same claim (see denials.py);
10. ``mark_denier_runs``: after "The army denied the report", the army's next sentences that give
   its own account against the claim ("There was zero chance of civilian casualties", see denials.py);
11. ``link_contested_claims``: a dispute that names what it disputes ("cast doubt on the official
   explanation", "scoffed at Iranian claims") is linked to that claim however far away, and so
   are rival explanations of the same event by other parties: the claim is marked contested,
   with ``challenged_by`` spans, and each challenge carries ``challenges``, the claim's spans.

Each pass is a small function of the :class:`Reading`; the rules live in
``lessons/data/rules/*.yaml`` so that teachers can read and extend them.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable

from .bedside import reports_as_witness
from .sides import speaks_for_a_side
from .studies import remember_study_authors
from .academics import remember_academic
from .panel_reports import remember_report_owner
from .panels import owns_document
from .introductions import introduce_expert, introduce_quoted_expert, remember_interviewed
from .reactions import expert_reaction
from .voices import find_affiliated_experts, give_experts_their_quotations
from .labels import give_labelled_clips_to_speakers
from .reports import give_report_contents_to_owners
from .attribution import Attribution, attributions_in, continue_official_figures
from .cues import (SENTENCE_LEVEL_RULES, WINDOW, content_words, cue_matches, dedupe, explain, is_headline,
                   mark_accounts_after, mark_both_sides, mark_claim_after, mark_claim_before, same_party, sentences_hit)
from .acts import find_official_acts
from .contested import contested_claim, disputed_clause, link_contested_claims
from .denials import fill_claim_runs, mark_denier_runs, mark_flat_denial, rival_claim_before
from .figures import COUNT_FORMS, digit_numbers, find_figures, is_additional, named_places, outcome, victims
from .model import Analysis, Annotation, Attributed, SentenceAnalysis, Speaker
from .phrasing import speaker_phrase
from .reading import Reading
from .quotations import QUOTES

__all__ = ["PASSES", "Reading", "SENTENCE_LEVEL_RULES", "Analysis", "SentenceAnalysis", "Speaker",
           "contested_claim", "disputed_clause", "analyse", "annotate"]

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
        # "A new report by the Lowland Institute says ...": "the report" later is the institute's report,
        # not a report of whoever was named last.
        for f in found:
            for noun in set(re.findall(r"[a-z]+", f.cue.lower())) & r.rules.sources.document_nouns:
                if owns_document(sent.text, noun):     # not "spoke ... about the new report": someone else's
                    r.state.heads[noun] = f.speaker
        if found and r.others[i]:
            r.state.remember(found[0].speaker)     # "he"/"it" next is the sentence's subject, not a speaker it mentions
        elif not found:
            r.state.mention(sent.text)             # "Carl Thayer is a professor ..." / "He says ..."
        if not any(f.speaker.kind in ("official", "expert") for f in found):
            remember_study_authors(sent.text, r.state, r.rules)   # "Ana Ruiz led the study." / "They found ..."
            remember_academic(sent.text, r.state, r.rules)        # "Sara Lin teaches history at ..." / "She says ..."
            remember_report_owner(sent.text, r.state, r.rules)   # "the new report from the ... Panel on ..."
            introduced = None if found else introduce_expert(sent.text, r.state, r.rules)
            if introduced and introduced[1]:                       # "One analyst with that view is Tom Ash."
                r.attributions[i] = Attribution(introduced[0], sent.text.split(" is ")[0].strip(), "attribution", "is")
            if r.attributions[i] is None:
                r.attributions[i] = expert_reaction(sent.text, r.state, r.rules)   # "has some experts worried"
        if not found:
            remember_interviewed(sent.text, r.state, r.rules)   # "VOA's X spoke with Frederic Hof, a senior fellow ..."
        later = None if found else introduce_quoted_expert(sent.text, r.state, r.rules)
        if later:                                   # "Mensah is a researcher at ...": his words so far are an expert's
            for att in [a for k in range(i) for a in [r.attributions[k], *r.others[k]] if a]:
                if att.speaker is later[0]:
                    att.speaker = later[1]
        if r.attributions[i] is None and r.state.last_at == i and r.state.last is not None and r.state.last.person:
            r.introduced[i] = r.state.last         # "Richard Rahn is an economist with the Cato Institute."
        r.hands_over[i] = sent.text.rstrip().endswith(":")
        r.framing[i] = r.hands_over[i] and not any(q in sent.text for q in QUOTES)
        if i == 0 and is_headline(r.sentences, 0, r.text):
            # A headline is no antecedent: "they" in the caption or the lead is someone the body names
            # ("Analysts Weigh In ..." / "Fighters pose after they said ...").
            r.state.last = r.state.last_body = None


def give_quotations_to_speakers(r: Reading) -> None:
    """Quotations belong to the speaker named with them, in any sentence they touch."""
    sentences, attributions = r.sentences, r.attributions
    for qs, qe, para in r.quotes:
        touched = list(r.touched(qs, qe))
        whole_sentence = touched and sentences[touched[0]].start == qs \
            and re.match(r"\W*[A-Z]", r.text[qs:qe]) and re.search(r"[.!?][\"”’']?\s*$", r.text[qs:qe])
        if not touched or (len(r.text[qs:qe].split()) < 5 and not whole_sentence):
            continue                     # a quoted phrase or scare quotes, not a quotation ('"We will not go."' is one)
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
        if owner is None and starts_paragraph and touched[0] > 0 and touched[0] - 1 in r.introduced \
                and all(sentences[k].start >= qs for k in touched):
            # A paragraph that is nothing but a quotation, after a paragraph ending with a person's
            # introduction: "Richard Rahn is an economist with the Cato Institute." / "If countries had ..."
            owner = Attribution(r.introduced[touched[0] - 1], r.introduced[touched[0] - 1].name, "quote", "")
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


ACTUALITY_SENTENCES = 5
"""A clip with no cue after it ends with its paragraph or after this many sentences, whichever is first."""


def give_actualities_to_speakers(r: Reading) -> None:
    """A broadcast script's recorded clip ("/// Ruiz act /// There is no trust ...") is the words of the
    speaker its cue names, quoted just before: up to the next cue or the end of the paragraph."""
    sentences, attributions, n = r.sentences, r.attributions, len(r.sentences)
    for i, sent in enumerate(sentences):
        cue = r.rules.reading.actuality.search(sent.text)
        if not cue:
            continue
        named = {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]+", cue.group())}
        owner = next((attributions[k] for k in range(i - 1, max(-1, i - 5), -1) if attributions[k]
                      and named & {w.lower() for w in attributions[k].speaker.name.split()}), None)
        if owner is None:
            continue
        start = i if sent.text[cue.end():].strip() else i + 1     # the clip in the cue's sentence, or after it
        for j in range(start, min(n, start + ACTUALITY_SENTENCES)):
            if sentences[j].paragraph != sentences[start].paragraph or (j > i and "///" in sentences[j].text):
                break
            if attributions[j] is None:
                attributions[j] = Attribution(owner.speaker, owner.cue, "continuation", owner.verb)


def mark_sources(r: Reading) -> None:
    """Each sentence that reports a speaker carries that speaker's kind: official, expert or voice."""
    for i, sent in enumerate(r.sentences):
        if r.framing[i]:
            continue
        att = r.attributions[i]
        for a in ([att] if att else []) + r.others[i]:
            kind = "voice" if reports_as_witness(a.speaker, sent.text, r.rules) \
                or speaks_for_a_side(a.speaker, r.rules) else a.speaker.kind
            r.add(i, Annotation(kind, sent.start, sent.end, a.cue, f"{kind}.{a.rule}",
                                explain(r.rules, f"{kind}.{a.rule}", source=speaker_phrase(a.speaker, r.rules)), a.speaker.label,
                                verb=a.verb or None))


def mark_hedges(r: Reading) -> None:
    """Hedge cues, tried only on the sentences one pass over the whole text found a cue word in."""
    for i in sorted(sentences_hit(r.rules.hedge_any, r.lowered, r.sentences)):
        for rule in r.rules.hedges:
            for s0, e0, cue in cue_matches(rule, r.sentences[i], r.text, r.state, r.rules):
                r.add(i, Annotation("hedge", s0, e0, cue, rule.id, rule.explanation.format(cue=cue), r.source_label(i)))


def mark_unverified(r: Reading) -> None:
    """Verification and dispute markers, and the claim right before them that they point at.

    A verification marker points back at the claim just reported whoever says it ("AFP was unable
    to verify the tanker's position", "The UN mission could not verify details of the attack"),
    and a dispute answers it; a speaker's own words before it are not a claim it points at."""
    for i in sorted(sentences_hit(r.rules.unverified_any, r.lowered, r.sentences)):
        sent = r.sentences[i]
        # Worked out once per sentence, so a sentence packed with markers costs no more per character.
        traded = r.rules.reading.traded.search(sent.text)
        for rule in r.rules.unverified:
            if rule.narrator_only and r.attributions[i]:
                continue                  # "if confirmed" in a quoted expert's words is a condition
            if rule.answers_rival:
                mark_flat_denial(r, i, rule)  # "His lawyer said he never owned a gun": see denials.py
                continue
            disputes = rule.id in r.dispute_ids
            for s0, e0, cue in cue_matches(rule, sent, r.text, r.state, r.rules):
                claims: list[tuple[int, Annotation]] = []
                within = r.attributions[i] and r.rules.reading.contrast_within.search(
                    r.text[max(sent.start, s0 - WINDOW):s0])
                if within and not disputes and rule.marks_neighbour and i > 0 \
                        and not _POINTS_AT_ITS_OWN.match(r.text, e0, sent.end):
                    # "TV channels showed rebels in parts of Brega, but it could not be confirmed how
                    # much of the town they hold": the check also points back at the claim on the same
                    # thing just before ("The rebels are claiming advances in Brega"); "..., but police
                    # would not confirm this" points at its own sentence's claim only.
                    mark_claim_before(i, r.sentences, r.attributions, r.rules, cue,
                                      lambda j, ann: claims.append((j, ann)) if _same_thing(r, i, j) else None)
                elif within:
                    # "Witnesses said ..., though police denied this": the claim is here. After "attacks on
                    # Georgian cities -- which Russia denies carrying out", the same party's next sentence on
                    # the same thing ("They say Russian planes bombed two air bases") goes on with that claim.
                    j = i + 1
                    if disputes and j < len(r.sentences) and r.attributions[j] \
                            and r.rules.reading.claim_clause.search(r.text[max(sent.start, s0 - WINDOW):s0]) \
                            and r.sentences[j].paragraph == sent.paragraph \
                            and same_party(r.attributions[j].speaker, r.attributions[i].speaker, r.rules) \
                            and _same_thing(r, i, j):
                        s = r.sentences[j]
                        claims.append((j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                                                     explain(r.rules, "unverified.neighbour", cue=cue), r.source_label(j))))
                elif rule.marks_neighbour and i > 0:
                    mark_claim_before(i, r.sentences, r.attributions, r.rules, cue,
                                      lambda j, ann: claims.append((j, ann)))
                    if disputes and not claims:
                        # "The army said rebels killed 12 villagers. [...] The rebels denied killing
                        # anyone.": the other party's claim on the same thing a few sentences before.
                        denied = cue + r.text[e0:min(sent.end, e0 + 80)]
                        for j in rival_claim_before(i, denied, r.sentences, r.attributions, r.rules):
                            s = r.sentences[j]
                            claims.append((j, Annotation("unverified", s.start, s.end, cue, "unverified.neighbour",
                                                         explain(r.rules, "unverified.neighbour", cue=cue),
                                                         r.source_label(j))))
                if rule.marks_accounts_after and not within:
                    mark_accounts_after(i, r.sentences, r.attributions, r.rules, cue,
                                        lambda j, ann: claims.append((j, ann)))
                if rule.id == "unverified.accusation" and traded:
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


_POINTS_AT_ITS_OWN = re.compile(r"\s+(?:this|that|it|these|those|them|the\s+(?:report|claim|account))\b", re.IGNORECASE)
"""After a verification marker, a word pointing at the claim already made in its own sentence."""


def _same_thing(r: Reading, i: int, j: int) -> bool:
    """Sentence ``i`` speaks of something sentence ``j`` claims: a topic word in common, the words
    for ``j``'s speaker aside ("rebels" said by the rebels is no topic)."""
    who = content_words(r.attributions[j].speaker.label, r.rules) if r.attributions[j] else set()
    shared = content_words(r.sentences[i].text, r.rules) & content_words(r.sentences[j].text, r.rules)
    return len(shared - who - r.rules.reading.speaker_stems) >= 1


def _figure(text: str, rules):
    """The casualty figure the competing-figures test compares, quotation marks aside ('18
    "innocent" people died'): a number then a word about the dead ("31 people killed"), else a
    verb about the dead before a number of people ("killed 50 militants", "lost only three
    fighters"), else a toll put at a number ("put the toll at 40"). The figures come from the one
    detector."""
    found = find_figures(re.sub(r"[\"“”‘’]", "", text), rules, COUNT_FORMS)   # only the forms compared
    return next((f for form in ("dead_count", "killed_count", "toll_at") for f in found if f.form == form), None)


def _places_in(text: str, rules) -> set[str]:
    """The places a sentence puts its events in ("In Syria, ...", "in neighboring Khost province"), lower-cased."""
    return {m.group().lower() for p in re.finditer(r"\b[Ii]n\s+(?:the\s+)?", text)
            if (m := rules.sources.place_pattern.match(text, p.end()))} | named_places(text, rules)


def _count(figure) -> str:
    """The number a figure gives, digits or a word ("2 more people died" and "two people died" agree)."""
    return str(figure.value) if figure.value is not None else figure.number.lower().replace(",", "")


def mark_rival_accounts(r: Reading) -> None:
    """"The government says it pushed the rebels back. But the rebels say they are still in the city.":
    the other side's answer, opening with "But", on the same thing, makes both sentences contested,
    also past one sentence of the reporter's background between them. A complaint answered in the
    same paragraph by another party saying it went well ("Election monitors complained of incomplete
    voting lists. But officials said the election proceeded well.") is one too, with no negation."""
    sentences, attributions = r.sentences, r.attributions
    for j in range(1, len(sentences)):
        if _answers_a_complaint(r, j):
            continue
        i = j - 1
        if j > 1 and not attributions[i] and attributions[j - 2] \
                and not r.rules.reading.claim_words.search(sentences[i].text):
            i = j - 2                     # past one sentence of the reporter's background
        a, b = attributions[i], attributions[j]
        if not (a and b) or sentences[j].paragraph - sentences[i].paragraph > 1 \
                or not r.rules.reading.rival_opener.match(sentences[j].text) \
                or not r.rules.reading.rival_negation.search(sentences[j].text) \
                or a.speaker.kind == "expert" or b.speaker.kind == "expert" or same_party(a.speaker, b.speaker, r.rules):
            continue
        who = content_words(a.speaker.label, r.rules) | content_words(b.speaker.label, r.rules)
        if not (content_words(sentences[i].text, r.rules) & content_words(sentences[j].text, r.rules)) - who \
                - r.rules.reading.speaker_stems:
            continue
        _mark_rival_pair(r, i, j, a.verb or a.cue, a.speaker.label)


def _answers_a_complaint(r: Reading, j: int) -> bool:
    """Sentence ``j`` ("But officials said the election proceeded well") answers a complaint in the
    sentence before it, in its paragraph, by another party ("Election monitors complained of ...");
    both are marked. The complainer may be the subject of the fault-finding verb itself."""
    a, b, i = r.attributions[j - 1], r.attributions[j], j - 1
    fault = b and r.rules.reading.rival_opener.match(r.sentences[j].text) and r.rules.reading.complaint.search(r.sentences[i].text)
    if not (b and fault and b.speaker.kind != "expert" and r.sentences[i].paragraph == r.sentences[j].paragraph
            and r.rules.reading.rival_opener.match(r.sentences[j].text) and r.rules.reading.all_well.search(r.sentences[j].text)) \
            or a and (a.speaker.kind == "expert" or same_party(a.speaker, b.speaker, r.rules)):
        return False
    _mark_rival_pair(r, i, j, a.verb or a.cue if a else fault.group(), r.source_label(i))
    return True


def _mark_rival_pair(r: Reading, i: int, j: int, cue: str, label) -> None:
    """Mark sentence ``i``'s account and sentence ``j``'s answer to it as rival accounts, linked both ways."""
    b = r.attributions[j]
    for k, word, who in ((i, cue, label), (j, b.verb or b.cue, b.speaker.label)):
        s = r.sentences[k]
        other = r.sentences[j if k == i else i]
        r.add(k, Annotation("unverified", s.start, s.end, word, "unverified.rival_account",
                            explain(r.rules, "unverified.rival_account"), who,
                            challenged_by=((other.start, other.end),) if k == i else (),
                            challenges=((other.start, other.end),) if k == j else ()))


def mark_competing_figures(r: Reading) -> None:
    """Figures from different sides: in neighbouring sentences ("The group said 31 died." / "The
    ministry said four.") or set against each other in one ("China says 15 died, while the WHO
    puts the toll at 14")."""
    sentences, attributions = r.sentences, r.attributions
    reading = r.rules.reading
    for i in range(len(sentences) - 1):
        a, b = attributions[i], attributions[i + 1]
        if not (a and b and a.speaker.name != b.speaker.name
                and sentences[i + 1].paragraph - sentences[i].paragraph <= 1
                and not is_headline(sentences, i, r.text)):
            continue
        pair = _figure(sentences[i].text, r.rules), _figure(sentences[i + 1].text, r.rules)
        if pair[0] and pair[1] and "killed_count" in (pair[0].form, pair[1].form) and a.speaker.kind == b.speaker.kind \
                and not reading.rival_negation.search(sentences[i + 1].text) \
                and not (victims(pair[0], r.rules) == victims(pair[1], r.rules) != "peopl"
                         and victims(pair[0], r.rules) and not same_party(a.speaker, b.speaker, r.rules)):
            continue                      # "killed 11 civilians" / "killing six militants": one side, two groups
        places = _places_in(sentences[i].text, r.rules), _places_in(sentences[i + 1].text, r.rules)
        if all(places) and not places[0] & places[1]:
            continue                      # "Officials in Turkey said 6,957 ..." / "In Syria, 2,470 ...": two places' counts
        kinds = (outcome(pair[0], r.rules), outcome(pair[1], r.rules)) if pair[0] and pair[1] else ("", "")
        if all(kinds) and kinds[0] != kinds[1]:
            continue                      # "348 killed" / "500 injured": two different counts, no rivals
        if pair[0] and pair[1] and _count(pair[0]) != _count(pair[1]) and not any(map(is_additional, pair)):
            for j, fig in zip((i, i + 1), pair):
                r.add(j, Annotation("unverified", sentences[j].start, sentences[j].end,
                                    fig.words, "unverified.competing_figures",
                                    explain(r.rules, "unverified.competing_figures"), attributions[j].speaker.label))
    mark_rival_accounts(r)
    for i, sent in enumerate(sentences):
        a = attributions[i]
        rival = reading.rival_in_one.search(sent.text)
        if a and rival and any(o.speaker.name != a.speaker.name for o in r.others[i]) \
                and digit_numbers(sent.text[:rival.start()], r.rules) \
                and digit_numbers(sent.text[rival.end():], r.rules):
            r.add(i, Annotation("unverified", sent.start, sent.end, rival.group().strip(" ,;"),
                                "unverified.competing_figures", explain(r.rules, "unverified.competing_figures"),
                                a.speaker.label))


def mark_rival_in_one(r: Reading) -> None:
    """"Police say the man was armed, but a witness says he wasn't": two parties' rival claims in one
    sentence, the second after a contrast word with a rival word ("not", "only", "still") on the
    same topic, or said again by its verb alone ("he wasn't"). The guidelines count it unverified."""
    reading = r.rules.reading
    for i, sent in enumerate(r.sentences):
        a, text = r.attributions[i], sent.text
        turn = reading.rival_in_one.search(text) if a and r.others[i] else None
        if not turn or not 0 <= a.at < turn.start() or a.speaker.kind == "expert":
            continue
        second = next((o for o in r.others[i] if o.at > turn.start() and o.speaker.kind != "expert"
                       and not same_party(a.speaker, o.speaker, r.rules)), None)
        if second is None:
            continue
        answer = text[second.at:]
        who = content_words(a.speaker.label, r.rules) | content_words(second.speaker.label, r.rules)
        shared = (content_words(text[a.at:turn.start()], r.rules) & content_words(answer, r.rules)) - who \
            - reading.speaker_stems
        if reading.rival_negation.search(answer) and (shared or reading.elliptic_end.search(answer)):
            r.add(i, Annotation("unverified", sent.start, sent.end, turn.group().strip(" ,;"),
                                "unverified.rival_in_one", explain(r.rules, "unverified.rival_in_one"),
                                a.speaker.label))


PASSES: tuple[Callable[[Reading], None], ...] = (
    find_affiliated_experts,
    find_speakers, find_official_acts,
    give_quotations_to_speakers,
    continue_after_colon,
    give_actualities_to_speakers,
    give_labelled_clips_to_speakers,
    continue_official_figures,
    give_experts_their_quotations,
    give_report_contents_to_owners,
    mark_sources,
    mark_hedges,
    mark_unverified,
    mark_competing_figures,
    mark_rival_in_one,
    fill_claim_runs,
    mark_denier_runs,
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
        reported = tuple(Attributed(a.speaker, a.words or a.speaker.name, a.verb, a.at)
                         for a in ([att] if att else []) + list(r.others[i]))
        out_sentences.append(SentenceAnalysis(i, sent.start, sent.end, sent.text, sent.paragraph,
                                              frozenset(a.category for a in anns),
                                              att.speaker if att else None, anns, reported))
    annotations.sort(key=lambda a: (a.start, -a.end, a.category))
    return Analysis(r.text, tuple(annotations), tuple(out_sentences), tuple(r.state.seen))


def analyse(text: str) -> Analysis:
    """Annotate ``text`` and return the sentences, speakers and annotations found."""
    if not isinstance(text, str):
        raise TypeError("annotate() needs text (a str)")
    from ..text.article import check_length
    reading = Reading.start(check_length(text))
    for step in PASSES:
        step(reading)
    return finish(reading)


def annotate(text: str) -> list[Annotation]:
    """All annotations of ``text``, in reading order, with offsets into ``text`` exactly as given."""
    return list(analyse(text).annotations)
