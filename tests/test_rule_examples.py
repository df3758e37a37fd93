"""Every rule and word list checked against its own examples, one test per example sentence.

The examples live beside the rules in ``lessons/data/rules/*.yaml``: ``examples`` are sentences
a rule must fire on (the words it is about in [square brackets]) and ``not_examples`` sentences
it must not fire on. A cue rule fires when the annotator marks the bracketed cue with that
rule; what "fires" means for each word list is written in :data:`CHECKS` below.
"""
from __future__ import annotations

import pytest

from lessons.annotator import analyse
from lessons.annotator.figures import figure_spans
from lessons.annotator.rules import load_rules
from lessons.annotator.speakers import find_people

RULES = load_rules()
EXAMPLES = RULES.examples
CUE_RULES = {r.id for r in RULES.hedges + RULES.unverified}
SOURCES = ("official", "expert", "voice")


def _in_list(ex) -> None:
    """The bracketed words are one of the list's own words (an example shows the list at work)."""
    assert ex.marked.lower().strip(".") in ex.words, f"[{ex.marked}] is not a word of {ex.rule}"


def _sentence_with(analysis, words: str):
    return next(s for s in analysis.sentences if words in s.text)


def cue_rule(ex, analysis) -> None:
    hits = [a for a in analysis.annotations if a.rule == ex.rule]
    if ex.fires:
        assert [a.cue for a in hits if a.cue == ex.marked], \
            f"{ex.rule} should mark [{ex.marked}]; it marked {[a.cue for a in hits]}"
    else:
        assert not hits, f"{ex.rule} should not fire; it marked {[a.cue for a in hits]}"


def kind_of_speaker(kind: str):
    """A role word makes the sentence a statement of its kind (official, expert, voice)."""
    def check(ex, analysis) -> None:
        kinds = {a.category for a in analysis.annotations}
        if ex.fires:
            _in_list(ex)
            assert kind in kinds, f"the sentence should be marked {kind}; it was marked {sorted(kinds)}"
        else:
            assert kind not in kinds, f"the sentence should not be marked {kind}"
    return check


def a_panel_of_experts(ex, analysis) -> None:
    """A panel the text presents as made of experts speaks as an expert; the body's spokesperson does not."""
    kinds = {a.category for a in analysis.annotations}
    if ex.fires:
        assert ex.marked and ex.marked in ex.sentence, f"[{ex.marked}] should be words of the example"
        assert "expert" in kinds, f"the sentence should be marked expert; it was marked {sorted(kinds)}"
    else:
        assert "expert" not in kinds, f"the sentence should not be marked expert; it was marked {sorted(kinds)}"


def the_report_is_the_panels(ex, analysis) -> None:
    """"the report says" in the last sentence is the expert body's report named before, not the last speaker's."""
    if ex.fires:
        assert ex.marked and ex.marked in ex.sentence, f"[{ex.marked}] should be words of the example"
    last = analysis.sentences[-1]
    if ex.fires:
        assert "expert" in last.categories, f"the last sentence should be expert; it is {sorted(last.categories)}"
    else:
        assert "expert" not in last.categories, f"the last sentence should not be expert; it is {sorted(last.categories)}"


def a_witness_at_the_bedside(ex, analysis) -> None:
    """A doctor giving the dead and wounded reports what they saw: another voice, not an expert."""
    kinds = {a.category for a in analysis.annotations}
    if ex.fires:
        _in_list(ex)
        assert "voice" in kinds and "expert" not in kinds, f"a witness expected, not an expert; marked {sorted(kinds)}"
    else:
        assert "expert" in kinds, f"the sentence should stay expert commentary; marked {sorted(kinds)}"


def a_partisan(ex, analysis) -> None:
    """An expert's role after a party or camp word names a partisan: another voice, not an expert."""
    kinds = {a.category for a in analysis.annotations}
    if ex.fires:
        _in_list(ex)
        assert "voice" in kinds and "expert" not in kinds, f"a partisan voice expected; marked {sorted(kinds)}"
    else:
        assert "expert" in kinds, f"the sentence should stay expert commentary; marked {sorted(kinds)}"


def the_researchers_speak_next(ex, analysis) -> None:
    """Who did the study is remembered: "they"/"she" in the next sentence are the researchers, an expert."""
    first, last = analysis.sentences[0], analysis.sentences[-1]
    assert not any(a.category == "expert" for a in first.annotations), "the first sentence names the researchers only"
    assert not ex.fires or ex.marked in first.text, f"[{ex.marked}] should be in the first sentence"
    kinds = {a.category for a in last.annotations}
    if ex.fires:
        assert "expert" in kinds, f"the next sentence should be the researchers' view; marked {sorted(kinds)}"
    else:
        assert "expert" not in kinds, f"the next sentence should not be an expert's; marked {sorted(kinds)}"


def the_team_speaks_next(ex, analysis) -> None:
    """An expert "and her team" are a group: "they" in the last sentence are the researchers, an expert."""
    assert not ex.fires or ex.marked in analysis.sentences[-2].text, f"[{ex.marked}] should name the team"
    kinds = {a.category for a in analysis.sentences[-1].annotations}
    if ex.fires:
        assert "expert" in kinds, f"the last sentence should be the team's view; marked {sorted(kinds)}"
    else:
        assert "expert" not in kinds, f"the last sentence should not be an expert's; marked {sorted(kinds)}"


def a_finding_owned_after(ex, analysis) -> None:
    """"These are the findings of a study by ...": the sentence and the finding before it are the researchers'."""
    first, last = analysis.sentences[0], analysis.sentences[-1]
    if ex.fires:
        assert ex.marked and ex.marked in last.text, f"[{ex.marked}] should be words of the last sentence"
        assert "expert" in last.categories and "expert" in first.categories, \
            f"both sentences should be expert; marked {sorted(first.categories)}, {sorted(last.categories)}"
    else:
        assert "expert" not in first.categories, f"the first sentence should not be expert; it is {sorted(first.categories)}"


def a_researcher_in_own_words(ex, analysis) -> None:
    """A sentence with no speaker named that speaks of "our study" is a researcher's own words."""
    last = analysis.sentences[-1]
    if ex.fires:
        assert ex.marked and ex.marked in last.text, f"[{ex.marked}] should be words of the last sentence"
        assert "expert" in last.categories, f"the last sentence should be expert; it is {sorted(last.categories)}"
    else:
        assert "expert" not in last.categories, f"the last sentence should not be expert; it is {sorted(last.categories)}"


def an_introduced_expert(ex, analysis) -> None:
    """"One analyst with that view is Tom Ash.": the person named last is an expert, whose words come next;
    a role that is no expert's introduces nobody."""
    first, last = analysis.sentences[0], analysis.sentences[-1]
    if ex.fires:
        assert ex.marked in first.text, f"[{ex.marked}] should be in the introducing sentence"
        assert "expert" in last.categories, f"the next sentence should be the expert's; marked {sorted(last.categories)}"
        holds_view = "view" in ex.marked
        assert ("expert" in first.categories) == holds_view, \
            "the introduction is the expert's commentary exactly when it gives them a view"
    else:
        assert not any("expert" in s.categories for s in analysis.sentences), "no expert should be introduced"


def one_of_the_group(ex, analysis) -> None:
    """"Cyber pros think so. One of them is Ana Ruiz, ...": she is one of the experts just quoted, and her words
    next are an expert's; one of a group of residents or officials is no expert."""
    last = analysis.sentences[-1]
    if ex.fires:
        _in_list(ex)
        assert "expert" in last.categories, f"the last sentence should be an expert's; marked {sorted(last.categories)}"
    else:
        assert "expert" not in last.categories, f"the last sentence should not be an expert's; marked {sorted(last.categories)}"


def quoted_first_then_introduced(ex, analysis) -> None:
    """"Mensah is a researcher at ..." after Mensah was quoted makes his earlier words an expert's."""
    first = analysis.sentences[0]
    if ex.fires:
        assert ex.marked in analysis.sentences[-1].text, f"[{ex.marked}] should be in the introducing sentence"
        assert "expert" in first.categories, f"the quoted words should be an expert's; marked {sorted(first.categories)}"
    else:
        assert "expert" not in first.categories, "a person introduced by no expert's role stays another voice"


def a_quotation_after_an_interview(ex, analysis) -> None:
    """The quotation paragraph after "spoke with Ana Ruiz, a senior fellow ..." is hers, of the kind the text gives her."""
    last = analysis.sentences[-1]
    if ex.fires:
        assert ex.marked in analysis.sentences[0].text, f"[{ex.marked}] should be in the first sentence"
        assert "expert" in last.categories, f"the quotation should be the expert's; marked {sorted(last.categories)}"
    else:
        assert "expert" not in last.categories, "a quotation of someone who is no expert is no expert commentary"


def reports_a_speaker(ex, analysis) -> None:
    """A speech verb makes the sentence a statement, and the verb is part of the cue."""
    cues = [a.cue for a in analysis.annotations if a.category in SOURCES]
    if ex.fires:
        _in_list(ex)
        assert any(ex.marked in c for c in cues), f"no statement reported with [{ex.marked}]: {cues}"
    else:
        assert not cues, f"the sentence should report no statement; it found {cues}"


def reports_a_speech_event(ex, analysis) -> None:
    """Words naming an act of speech ("issued the denial") make the sentence a statement by its subject."""
    cues = [a.cue for a in analysis.annotations if a.category in SOURCES]
    if ex.fires:
        assert any(ex.marked in c for c in cues), f"no statement reported with [{ex.marked}]: {cues}"
    else:
        assert not cues, f"the sentence should report no statement; it found {cues}"


def not_the_state(ex, analysis) -> None:
    """A role tied to a party speaks for the party, another voice, not for the state."""
    kinds = {a.category for a in analysis.annotations}
    if ex.fires:
        _in_list(ex)
        assert "voice" in kinds and "official" not in kinds, f"a party's voice expected; marked {sorted(kinds)}"
    else:
        assert "official" in kinds, f"an official statement expected; marked {sorted(kinds)}"


def reports_no_speaker(ex, analysis) -> None:
    """The words (a refusal, a photo credit) make a sentence that is no statement by anyone."""
    cues = [a.cue for a in _sentence_with(analysis, ex.marked or "").annotations if a.category in SOURCES]
    if ex.fires:
        if ex.words:
            _in_list(ex)
        assert not cues, f"[{ex.marked}] should make this no statement; it found {cues}"
    else:
        assert cues, "without those words the sentence should report a statement"


def outside_names(ex, analysis) -> None:
    """Someone is found, and the bracketed word is not part of any name."""
    names = list(find_people(ex.sentence, RULES)) + [s.name for s in analysis.speakers]
    word = ex.marked.strip(".")
    if ex.fires:
        assert ex.marked.lower().strip(".") in ex.words or RULES.names.demonym.match(ex.marked), \
            f"[{ex.marked}] is not a word of {ex.rule}"
        assert names, "nobody was found in the example"
        assert not [n for n in names if word in n.split()], f"[{ex.marked}] was taken as part of a name: {names}"
    else:
        assert [n for n in names if word in n.split()], f"[{ex.marked}] should be part of a name: {names}"


def a_person_named(ex, analysis) -> None:
    """A role held by one person makes a single name after it a person ("Mayor Ruiz")."""
    people = find_people(ex.sentence, RULES)
    assert (ex.marked in people and people[ex.marked].person) == ex.fires, f"people found: {people}"


def a_body(ex, analysis) -> None:
    """A body word makes a name an organisation, not a person."""
    found = {s.name: s for s in analysis.speakers}
    found.update(find_people(ex.sentence, RULES))
    assert ex.marked in found, f"[{ex.marked}] was not found as a speaker: {list(found)}"
    if ex.fires:
        assert any(w.lower() in ex.words for w in ex.marked.split())
    assert found[ex.marked].person is not ex.fires


def a_description(ex, analysis) -> None:
    """A description between a name and one of these verbs says who the person is, abbreviations and all."""
    described = [sp for sp in find_people(ex.sentence, RULES).values() if sp.person and sp.description]
    if ex.fires:
        _in_list(ex)
        assert described, "the person named should be found with the description after the name"
        assert any(sp.kind in ("official", "expert") for sp in described), f"people found: {described}"
    else:
        assert not described, f"no description expected; found {described}"


def the_person_named_before(ex, analysis) -> None:
    """A role said again with "the" is the person named with that role before, not a new body."""
    role = (ex.marked or "spokesman").lower()
    sources = [a.source or "" for a in analysis.sentences[-1].annotations if a.category in SOURCES]
    named = [x for x in sources if x[:1].isupper() and not x.lower().startswith(role)]
    if ex.fires:
        _in_list(ex)
        assert named, f"the {role} should be the person named before: {sources}"
    else:
        assert not named, f"nobody was named before: {sources}"


def the_body_quoted_before(ex, analysis) -> None:
    """A spokesperson named without a body speaks for the official body quoted just before."""
    last = analysis.sentences[-1]
    if ex.fires:
        _in_list(ex)
    assert ("official" in {a.category for a in last.annotations}) == ex.fires, \
        f"the last sentence was marked {sorted({a.category for a in last.annotations})}"


def official_figure(ex, analysis) -> None:
    cues = [a.cue for a in analysis.annotations if a.category == "official"]
    if ex.fires:
        assert any(c and c in ex.marked for c in cues), f"[{ex.marked}] should be an official statement: {cues}"
    else:
        assert not cues, f"no official statement expected; found {cues}"


def claim_before_a_marker(ex, analysis) -> None:
    """A claim word makes a sentence a claim that the verification marker after it points at."""
    first = analysis.sentences[0]
    marked = [a for a in first.annotations if a.rule == "unverified.neighbour"]
    if ex.fires:
        _in_list(ex)
        assert ex.marked in first.text and marked, "the claim before the marker should be marked unverified"
    else:
        assert not marked, "a sentence without a claim should not be marked"


def competing_figures(ex, analysis) -> None:
    hits = [a.cue for a in analysis.annotations if a.rule == "unverified.competing_figures"]
    if ex.fires:
        assert ex.marked in hits, f"[{ex.marked}] should be one of the competing figures: {hits}"
    else:
        assert not hits, f"no competing figures expected; found {hits}"


def a_chart_figure(ex, analysis) -> None:
    """The charts' figure finder finds exactly the bracketed words as a casualty figure."""
    found = [words for _, _, words, _, _ in figure_spans(ex.sentence)]
    if ex.fires:
        assert ex.marked in found, f"[{ex.marked}] should be found as a figure: {found}"
    else:
        assert not found, f"no casualty figure expected; found {found}"


def marked_with(rule: str):
    """The words make the annotator mark the example with ``rule``; without them it does not."""
    def check(ex, analysis) -> None:
        rules = [a.rule for a in analysis.annotations]
        if ex.fires:
            if ex.words:
                _in_list(ex)
            assert rule in rules, f"the example should be marked {rule}; it was marked {sorted(set(rules))}"
        else:
            assert rule not in rules, f"the example should not be marked {rule}"
    return check


def last_sentence_marked_with(rule: str):
    """The words make the annotator mark the example's last sentence with ``rule``; without them it does not."""
    def check(ex, analysis) -> None:
        last = analysis.sentences[-1]
        rules = [a.rule for a in last.annotations]
        if ex.fires:
            _in_list(ex)
            assert ex.marked in last.text, f"[{ex.marked}] should be in the last sentence"
            assert rule in rules, f"the last sentence should be marked {rule}; it was marked {sorted(set(rules))}"
        else:
            assert rule not in rules, f"the last sentence should not be marked {rule}"
    return check


def the_run_goes_on_after_the_check(ex, analysis) -> None:
    """A reporter's check of a party's claims (the bracketed word in it) also marks the party's
    sentence right after the check, the last one; without the word it does not."""
    last = analysis.sentences[-1]
    marked = any(a.rule == "unverified.neighbour" for a in last.annotations)
    if ex.fires:
        _in_list(ex)
        assert marked, "the party's sentence after the check should be marked unverified.neighbour"
    else:
        assert not marked, "the party's sentence after the check should not be marked"


def keeps_off(rule: str):
    """The words stop ``rule`` firing (the month "May" is no hedge); without them it fires."""
    def check(ex, analysis) -> None:
        rules = [a.rule for a in analysis.annotations]
        if ex.fires:
            _in_list(ex)
            assert rule not in rules, f"[{ex.marked}] should keep {rule} from firing"
        else:
            assert rule in rules, f"without those words the example should be marked {rule}"
    return check


def a_group_view(ex, analysis) -> None:
    """Experts as a group holding a view are expert commentary, with the group in the cue."""
    cues = [a.cue for a in analysis.annotations if a.category == "expert"]
    if ex.fires:
        assert any(ex.marked in c for c in cues), f"[{ex.marked}] should start an expert's view: {cues}"
    else:
        assert not cues, f"no expert commentary expected; found {cues}"


def no_cause_given(ex, analysis) -> None:
    """Words that say no cause is given leave a disputed explanation unlinked to that sentence."""
    linked = [a for a in analysis.annotations if a.rule == "unverified.contested"]
    if ex.fires:
        _in_list(ex)
        assert not linked, "a sentence that gives no cause is no explanation to contest"
    else:
        assert linked, "the cause given should be linked as the contested explanation"


CHECKS = {
    ("sources.yaml", "speech_verbs"): reports_a_speaker,
    ("sources.yaml", "finding_verbs"): reports_a_speaker,
    ("sources.yaml", "speech_events"): reports_a_speech_event,
    ("sources.yaml", "party_owners"): not_the_state,
    ("sources.yaml", "negated_views"): reports_a_speaker,
    ("sources.yaml", "events_before_speaker"): reports_a_speech_event,
    **{("sources.yaml", f"roles.{k}"): kind_of_speaker(k) for k in SOURCES},
    ("sources.yaml", "medical_roles"): kind_of_speaker("expert"),
    ("sources.yaml", "ambiguous_roles"): kind_of_speaker("expert"),
    ("sources.yaml", "state_bodies"): kind_of_speaker("official"),
    ("sources.yaml", "clinical_roles"): a_witness_at_the_bedside,
    ("sources.yaml", "partisan_modifiers"): a_partisan,
    ("sources.yaml", "study_authors"): the_researchers_speak_next,
    ("sources.yaml", "expert_work_verbs"): the_researchers_speak_next,
    ("sources.yaml", "speaker_labels"): marked_with("expert.continuation"),
    ("sources.yaml", "national_roles"): kind_of_speaker("official"),
    ("sources.yaml", "de_facto_bodies"): kind_of_speaker("official"),
    ("sources.yaml", "state_forces"): kind_of_speaker("official"),
    ("sources.yaml", "headline_acts"): kind_of_speaker("official"),
    ("sources.yaml", "official_acts"): kind_of_speaker("official"),
    ("sources.yaml", "clause_openers"): kind_of_speaker("official"),
    ("sources.yaml", "account_run_ons"): last_sentence_marked_with("official.continuation"),
    ("sources.yaml", "text_states"): kind_of_speaker("official"),
    ("sources.yaml", "report_contents"): kind_of_speaker("official"),
    ("sources.yaml", "official_statistics"): kind_of_speaker("official"),
    ("sources.yaml", "governing_groups"): kind_of_speaker("official"),
    ("sources.yaml", "expert_introductions"): an_introduced_expert,
    ("sources.yaml", "group_members"): one_of_the_group,
    ("sources.yaml", "expert_phrases"): kind_of_speaker("expert"),
    ("sources.yaml", "expert_reactions"): a_group_view,
    ("sources.yaml", "views_held"): a_group_view,
    ("sources.yaml", "later_introductions"): quoted_first_then_introduced,
    ("sources.yaml", "interviewed_people"): a_quotation_after_an_interview,
    ("sources.yaml", "research_teams"): the_team_speaks_next,
    ("sources.yaml", "findings_owners"): a_finding_owned_after,
    ("sources.yaml", "own_research"): a_researcher_in_own_words,
    ("sources.yaml", "expert_panels"): a_panel_of_experts,
    ("sources.yaml", "report_owners"): the_report_is_the_panels,
    ("names.yaml", "abbreviated_titles"): outside_names,
    ("names.yaml", "title_words"): outside_names,
    ("names.yaml", "not_names"): outside_names,
    ("names.yaml", "calendar_words"): outside_names,
    ("names.yaml", "demonyms"): outside_names,
    ("names.yaml", "person_roles"): a_person_named,
    ("names.yaml", "portfolio_roles"): outside_names,
    ("names.yaml", "capitalised_titles"): kind_of_speaker("official"),
    ("names.yaml", "body_words"): a_body,
    ("names.yaml", "company_words"): not_the_state,
    ("names.yaml", "roles_said_again"): the_person_named_before,
    ("names.yaml", "speak_for_a_body"): the_body_quoted_before,
    ("reading.yaml", "no_statement_before_verb"): reports_no_speaker,
    ("reading.yaml", "credits"): reports_no_speaker,
    ("reading.yaml", "verbs_after_quote"): reports_a_speaker,
    ("reading.yaml", "actuality_cues"): marked_with("expert.continuation"),
    ("reading.yaml", "official_figures"): official_figure,
    ("reading.yaml", "appositive_ends"): a_description,
    ("reading.yaml", "claim_words"): claim_before_a_marker,
    ("reading.yaml", "casualty_figures"): competing_figures,
    ("reading.yaml", "chart_figures"): a_chart_figure,
    ("reading.yaml", "rival_openers"): marked_with("unverified.rival_account"),
    ("reading.yaml", "rival_negations"): marked_with("unverified.rival_account"),
    ("reading.yaml", "elliptic_answers"): marked_with("unverified.rival_in_one"),
    ("reading.yaml", "counter_claims"): last_sentence_marked_with("unverified.denier_run"),
    ("reading.yaml", "traded_words"): marked_with("unverified.neighbour"),
    ("reading.yaml", "pointed_claims"): marked_with("unverified.neighbour"),
    ("reading.yaml", "contrast_words"): competing_figures,
    ("reading.yaml", "toll_figures"): competing_figures,
    ("reading.yaml", "no_cause"): no_cause_given,
    ("reading.yaml", "group_views"): a_group_view,
    ("reading.yaml", "noun_determiners"): reports_no_speaker,
    ("reading.yaml", "condition_modals"): reports_no_speaker,
    ("reading.yaml", "condition_words"): reports_no_speaker,
    ("reading.yaml", "believed_to_be"): reports_no_speaker,
    ("reading.yaml", "before_a_month"): keeps_off("hedge.modal.may"),
    ("reading.yaml", "new_topic_openers"): keeps_off("unverified.neighbour"),
    ("reading.yaml", "pledge_verbs"): keeps_off("unverified.neighbour"),
    ("reading.yaml", "agreed_subjects"): keeps_off("unverified.neighbour"),
    ("reading.yaml", "feelings"): keeps_off("unverified.neighbour"),
    ("reading.yaml", "complaint_words"): marked_with("unverified.rival_account"),
    ("reading.yaml", "all_well_words"): marked_with("unverified.rival_account"),
    ("reading.yaml", "denier_plans"): keeps_off("unverified.denier_run"),
    ("reading.yaml", "named_claims"): keeps_off("unverified.neighbour"),
    ("reading.yaml", "checked_claims"): the_run_goes_on_after_the_check,
}
"""What each word list's examples show, by (file, group)."""


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e.test_id for e in EXAMPLES])
def test_every_rule_fires_on_its_examples_and_not_on_its_not_examples(ex):
    analysis = analyse(ex.sentence)
    if ex.rule in CUE_RULES:
        cue_rule(ex, analysis)
    else:
        assert (ex.file, ex.rule) in CHECKS, f"{ex.file}, {ex.rule}: examples given but no check says what they show"
        CHECKS[(ex.file, ex.rule)](ex, analysis)


def test_every_cue_rule_has_examples_and_not_examples():
    have = {(e.rule, e.fires) for e in EXAMPLES}
    missing = sorted(f"{r}: {what}" for r in CUE_RULES for fires, what in ((True, "examples"), (False, "not_examples"))
                     if (r, fires) not in have)
    assert not missing, "cue rules without examples: " + "; ".join(missing)


def test_example_ids_are_distinct_so_each_sentence_is_its_own_test():
    ids = [e.test_id for e in EXAMPLES]
    assert len(ids) == len(set(ids))
