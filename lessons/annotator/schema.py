"""The schema of the rule files in ``lessons/data/rules``: every field each file may have, with its type.

:func:`read_rule_file` parses one file and checks it against :data:`SCHEMAS`. A field the schema
does not know, a missing one or one of the wrong type raises :class:`RulesError` naming the file,
the rule and the field, with the nearest known field when the name looks misspelt:
``hedges.yaml, rule 'hedge.modal.may': unknown field 'not_befor' (did you mean 'not_before'?)``.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..errors import KitError


class RulesError(KitError):
    """A rule file that cannot be used as it is, with the file, the rule and the field named."""


_EXAMPLE_MARK = re.compile(r"\[([^\[\]]+)\]")


def split_example(sentence: str) -> tuple[str, str | None]:
    """``"The toll [may] rise."`` → ``("The toll may rise.", "may")``; no brackets → ``(sentence, None)``."""
    m = _EXAMPLE_MARK.search(sentence)
    if not m:
        return sentence, None
    return sentence[:m.start()] + m.group(1) + sentence[m.end():], m.group(1)


def _kind(value) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if value is None:
        return "nothing"
    return repr(str(value)) if isinstance(value, str) else f"'{value}'"


def _text(where: str, key: str, value) -> None:
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"{where}: field '{key}' should be some text, not {_kind(value)}")


def _flag(where: str, key: str, value) -> None:
    if not isinstance(value, bool):
        raise RulesError(f"{where}: field '{key}' should be true or false, not {_kind(value)}")


def _words(where: str, key: str, value) -> None:
    if not isinstance(value, list) or not value:
        raise RulesError(f"{where}: field '{key}' should be a list of words in [square brackets], not {_kind(value)}")
    for w in value:
        if not isinstance(w, str) or not w.strip():
            raise RulesError(f"{where}: field '{key}' holds {_kind(w)}, which is not a word "
                             "(put words such as yes, no, on or off in quotation marks)")


def _word_groups(where: str, key: str, value) -> None:
    if not isinstance(value, dict) or not value:
        raise RulesError(f"{where}: field '{key}' should be named lists of words ({{dead: [died, killed], ...}}), not {_kind(value)}")
    for name, words in value.items():
        _words(where, f"{key} → {name}", words)


def _numbers(where: str, key: str, value) -> None:
    if not isinstance(value, dict) or not value:
        raise RulesError(f"{where}: field '{key}' should be words with their numbers ({{two: 2, ...}}), not {_kind(value)}")
    for word, number in value.items():
        if not isinstance(word, str) or not word.strip() or isinstance(number, bool) or not isinstance(number, int):
            raise RulesError(f"{where}: field '{key}': {word!r}: {number!r} should be a word and a whole number")


def _regex(where: str, key: str, value) -> None:
    _text(where, key, value)
    try:
        re.compile(value)
    except re.error as exc:
        raise RulesError(f"{where}: field '{key}': {value!r} is not a valid pattern ({exc})") from None


def _patterns(where: str, key: str, value) -> None:
    _words(where, key, value)
    for p in value:
        _regex(where, key, p)


def _examples(where: str, key: str, value) -> None:
    if not isinstance(value, list) or not value:
        raise RulesError(f"{where}: field '{key}' should be a list of sentences, not {_kind(value)}")
    for sentence in value:
        if not isinstance(sentence, str) or not sentence.strip():
            raise RulesError(f"{where}: field '{key}' holds {_kind(sentence)}, which is not a sentence")
        marks = _EXAMPLE_MARK.findall(sentence)
        if key == "examples" and len(marks) != 1:
            raise RulesError(f"{where}: the example {sentence!r} should mark the words it is about "
                             f"in one pair of [square brackets]")
        if len(marks) > 1:
            raise RulesError(f"{where}: the sentence {sentence!r} has more than one pair of [square brackets]")


def _fields(schema: dict, required: tuple = ()):
    """A checker for a set of fields: ``schema`` maps each allowed field to its checker."""
    def check(where: str, key: str | None, value) -> None:
        if not isinstance(value, dict):
            what = f"field '{key}'" if key else "it"
            raise RulesError(f"{where}: {what} should be a set of fields (name: value), not {_kind(value)}")
        inner = (f"{where}, '{key}'" if where.endswith(".yaml") else f"{where} → '{key}'") if key else where
        for field in value:
            if field not in schema:
                close = difflib.get_close_matches(str(field), list(schema), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else \
                    f" (the fields it may have: {', '.join(schema)})"
                raise RulesError(f"{inner}: unknown field '{field}'{hint}")
        for field in required:
            if field not in value:
                raise RulesError(f"{inner}: missing field '{field}'")
        for field, v in value.items():
            schema[field](inner, field, v)
    return check


def _rule_list(rule_schema):
    """A checker for a list of rules; each is named by its id in messages."""
    def check(where: str, key: str | None, value) -> None:
        if not isinstance(value, list):
            what = f"field '{key}'" if key else "the file"
            raise RulesError(f"{where}: {what} should be a list of rules (each starting '- id:'), not {_kind(value)}")
        file = where.split(",")[0]
        for n, rule in enumerate(value, 1):
            name = rule.get("id") if isinstance(rule, dict) else None
            rule_schema(f"{file}, rule '{name}'" if isinstance(name, str) else f"{file}, rule {n}", None, rule)
    return check


_SENTENCES = {"examples": _examples, "not_examples": _examples}


def _listed(items, field: str = "words"):
    """A plain list, or the same list as a group with a doc and examples (``{words: [...], examples: [...]}``)."""
    group = _fields({"doc": _text, field: items, **_SENTENCES}, required=(field,))

    def check(where: str, key: str | None, value) -> None:
        (group if isinstance(value, dict) else items)(where, key, value)
    return check
_CUE_RULE = _fields({"id": _text, "phrases": _patterns, "explanation": _text, "doc": _text,
                     "not_before": _regex, "not_after": _regex, "skip_capitalised": _flag,
                     "subject_not_speaker": _flag, "evidence_subjects": _words, "marks_neighbour": _flag, "narrator_only": _flag,
                     "answers_rival": _flag, "marks_accounts_after": _flag, **_SENTENCES},
                    required=("id", "phrases", "explanation"))
_GROUP = _fields({"doc": _text, "words": _words, **_SENTENCES}, required=("words",))
_PATTERN_GROUP = _fields({"doc": _text, "patterns": _patterns, **_SENTENCES}, required=("patterns",))
_ROLE = _fields({"doc": _text, "words": _words, **_SENTENCES}, required=("words",))
KINDS = ("official", "expert", "voice")
_EXPLANATION_KEYS = tuple(f"{k}.{r}" for k in KINDS for r in ("attribution", "quote", "continuation", "according_to", "answer")) \
    + ("unverified.neighbour", "unverified.competing_figures", "unverified.contested", "unverified.challenge",
       "unverified.rival_account", "unverified.rival_in_one", "unverified.denied_later",
       "unverified.claim_run", "unverified.claim_run_in_dispute", "unverified.denier_run")

_READING_GROUPS = ("topic_stop_words", "speaker_words", "generic_speakers", "answer_openers", "rival_openers",
                   "traded_words", "no_cause", "pointing_back", "government_words",
                   "noun_determiners", "condition_modals", "condition_words", "armed_owner_links",
                   "before_a_month", "document_owners", "joined_subjects", "elliptic_answers", "counter_claims",
                   "pointed_claims", "new_topic_openers", "pledge_verbs", "agreed_subjects", "feelings",
                   "complaint_words", "all_well_words", "denier_plans", "named_claims", "checked_claims")
_READING_SHAPES = ("rival_negations", "contrast_words", "toll_figures", "counted_numbers", "figure_numbers", "party_claims",
                   "group_views", "believed_to_be", "speaker_phrases")
_GROUP_VIEW_FIELDS = ("openers", "describing", "groups", "about", "is", "views", "did", "actions")

SCHEMAS = {
    "hedges.yaml": _rule_list(_CUE_RULE),
    "unverified.yaml": _fields({"verification": _rule_list(_CUE_RULE), "dispute": _rule_list(_CUE_RULE),
                                "explanation_nouns": _words, "cause_words": _words,
                                "rival_markers": _words, "count_words": _words},
                               required=("verification", "dispute", "explanation_nouns",
                                         "cause_words", "rival_markers", "count_words")),
    "sources.yaml": _fields({
        "speech_verbs": _fields({"doc": _text, "words": _words, "figure_verbs": _words, "figure_words": _words,
                                 "source_verbs": _words, **_SENTENCES}, required=("words", "figure_verbs", "figure_words")),
        "phrases_before_speaker": _listed(_words), "speech_events": _listed(_patterns, "patterns"),
        "finding_verbs": _listed(_words), "statement_nouns": _listed(_words), "document_nouns": _listed(_words),
        "roles": _fields({k: _ROLE for k in KINDS}, required=KINDS),
        "official_acronyms": _words, "ambiguous_roles": _listed(_words), "medical_roles": _listed(_words),
        "organisations": _fields({k: _words for k in KINDS}, required=KINDS),
        "expert_places": _listed(_words), "places": _words, "not_speech": _words, "armed_groups": _words,
        "expert_phrases": _listed(_words), "party_owners": _listed(_words),
        "negated_views": _listed(_words), "events_before_speaker": _listed(_patterns, "patterns"),
        "state_bodies": _listed(_words), "clinical_roles": _listed(_words), "partisan_modifiers": _listed(_words),
        "study_authors": _listed(_patterns, "patterns"), "expert_work_verbs": _listed(_words),
        "speaker_labels": _listed(_patterns, "patterns"),
        "de_facto_bodies": _listed(_words), "state_forces": _listed(_words), "headline_acts": _listed(_words), "official_acts": _listed(_words), "clause_openers": _listed(_words), "account_run_ons": _listed(_words),
        "text_states": _listed(_words),
        "report_contents": _listed(_words),
        "official_statistics": _fields({"doc": _text, "words": _words, "releases": _words, **_SENTENCES},
                                       required=("words", "releases")),
        "governing_groups": _fields({"doc": _text, "words": _words, "before": _words, **_SENTENCES},
                                    required=("words", "before")),
        "national_roles": _fields({"doc": _text, "words": _words, "qualifiers": _words, "not_nations": _words,
                                   **_SENTENCES}, required=("words", "qualifiers", "not_nations")),
        "expert_introductions": _listed(_patterns, "patterns"), "introduction_views": _words,
        "group_members": _listed(_words),
        "expert_reactions": _listed(_patterns, "patterns"), "views_held": _listed(_patterns, "patterns"),
        "later_introductions": _listed(_patterns, "patterns"), "interviewed_people": _listed(_patterns, "patterns"),
        "research_teams": _listed(_patterns, "patterns"),
        "findings_owners": _listed(_patterns, "patterns"), "own_research": _listed(_patterns, "patterns"),
        "report_owners": _listed(_patterns, "patterns"),
        "expert_panels": _fields({"doc": _text, "patterns": _patterns, "outsiders": _words, **_SENTENCES},
                                 required=("patterns", "outsiders")),
    }, required=("speech_verbs", "phrases_before_speaker", "speech_events", "finding_verbs", "statement_nouns",
                 "document_nouns", "roles", "official_acronyms", "ambiguous_roles", "organisations",
                 "expert_places", "places")),
    "explanations.yaml": _fields({k: _text for k in _EXPLANATION_KEYS}, required=_EXPLANATION_KEYS),
    "names.yaml": _fields({
        "abbreviated_titles": _GROUP, "name_particles": _GROUP, "courtesy_titles": _GROUP, "title_words": _GROUP,
        "not_names": _GROUP, "calendar_words": _GROUP,
        "demonyms": _fields({"doc": _text, "suffixes": _words, "words": _words, **_SENTENCES},
                            required=("suffixes", "words")),
        "name_connectors": _GROUP, "person_roles": _GROUP, "portfolio_roles": _GROUP, "capitalised_titles": _GROUP, "plural_roles": _GROUP, "body_words": _GROUP, "company_words": _GROUP,
        "roles_said_again": _GROUP, "speak_for_a_body": _GROUP,
        "pronouns": _fields({"doc": _text, "person": _words, "any": _words}, required=("person", "any")),
        "subject_pronouns": _GROUP,
        "gender": _fields({"doc": _text, "she_titles": _words, "he_titles": _words, "she_pronouns": _words,
                           "he_pronouns": _words},
                          required=("she_titles", "he_titles", "she_pronouns", "he_pronouns")),
        "former": _fields({"doc": _text, "words": _words, "before_name": _words}, required=("words", "before_name")),
    }, required=("abbreviated_titles", "name_particles", "courtesy_titles", "title_words", "not_names",
                 "calendar_words", "demonyms", "name_connectors", "person_roles", "portfolio_roles", "capitalised_titles", "plural_roles", "body_words", "company_words",
                 "roles_said_again", "speak_for_a_body",
                 "pronouns", "subject_pronouns", "gender", "former")),
    "reading.yaml": _fields({
        "lead_words": _GROUP,
        "relative_pronouns": _fields({"doc": _text, "describe_noun": _words, "open_clause": _words},
                                     required=("describe_noun", "open_clause")),
        "auxiliaries": _fields({"doc": _text, "words": _words, "also_verbs": _words}, required=("words", "also_verbs")),
        "subordinators": _GROUP, "aside_prepositions": _GROUP, "between_subject_and_verb": _PATTERN_GROUP,
        "no_statement_before_verb": _GROUP, "role_phrase_breaks": _GROUP, "words_before_a_title": _GROUP,
        "not_an_appositive": _GROUP,
        "appositive_ends": _fields({"doc": _text, "words": _words, "second": _words, **_SENTENCES},
                                   required=("words", "second")),
        "possessive_modifiers": _GROUP, "speech_event_nouns": _GROUP, "document_verbs": _GROUP,
        "inverted_subject_ends": _GROUP, "verbs_after_quote": _GROUP, "official_figures": _PATTERN_GROUP, "claim_words": _GROUP,
        "every_claim_words": _fields({"doc": _text, "words": _words, "patterns": _patterns, **_SENTENCES},
                                     required=("words", "patterns")),
        "evidence_claims": _PATTERN_GROUP, "credits": _PATTERN_GROUP, "actuality_cues": _PATTERN_GROUP,
        "casualty_figures": _fields({"doc": _text, "numbers": _words, "words": _words, "verbs_before": _words, "place_nouns": _words,
                                     "people": _words, "outcomes": _word_groups, **_SENTENCES},
                                    required=("numbers", "words")),
        "chart_figures": _fields({
            "doc": _text, "number_words": _numbers, "vague": _words, "qualifiers": _words,
            "casualty_patterns": _patterns, "not_people_patterns": _patterns, "months": _words,
            "month_abbreviations": _words, "toll_to": _words, "comparative_degrees": _words, "comparatives": _words,
            "vague_verb_patterns": _patterns, "vague_outcomes": _words, "not_given_by": _words,
            "year_before": _words, **_SENTENCES},
            required=("number_words", "vague", "qualifiers", "casualty_patterns", "not_people_patterns", "months",
                      "month_abbreviations", "toll_to", "comparative_degrees", "comparatives",
                      "vague_verb_patterns", "vague_outcomes")),
        **{k: _GROUP for k in _READING_GROUPS},
        "rival_negations": _fields({"doc": _text, "words": _words, "weighing": _words, **_SENTENCES},
                                   required=("words", "weighing")),
        "contrast_words": _fields({"doc": _text, "words": _words, "claim_nouns": _words, "relatives": _words,
                                                    **_SENTENCES},
                                  required=("words", "claim_nouns", "relatives")),
        "toll_figures": _fields({"doc": _text, "before": _words, "nouns": _words, "links": _words, "numbers": _words,
                                 **_SENTENCES}, required=("before", "nouns", "links", "numbers")),
        "counted_numbers": _fields({"doc": _text, "number_words": _numbers, "rough": _words},
                                   required=("number_words", "rough")),
        "figure_numbers": _PATTERN_GROUP,
        "party_claims": _fields({"doc": _text, "nouns": _words, "by_nouns": _words, "by_words": _words, **_SENTENCES},
                                required=("nouns", "by_nouns", "by_words")),
        "group_views": _fields({"doc": _text, **{k: _words for k in _GROUP_VIEW_FIELDS}, **_SENTENCES},
                               required=_GROUP_VIEW_FIELDS),
        "believed_to_be": _fields({"doc": _text, "words": _words, "after": _words, **_SENTENCES},
                                  required=("words", "after")),
        "speaker_phrases": _fields({"doc": _text, "determiners": _words, "common_words": _words, "ends": _words},
                                   required=("determiners", "common_words", "ends")),
    }, required=_READING_GROUPS + _READING_SHAPES + ("lead_words", "relative_pronouns", "auxiliaries", "subordinators", "aside_prepositions",
                 "between_subject_and_verb", "no_statement_before_verb", "role_phrase_breaks",
                 "words_before_a_title", "not_an_appositive", "appositive_ends", "possessive_modifiers",
                 "speech_event_nouns", "document_verbs", "inverted_subject_ends", "official_figures",
                 "claim_words", "every_claim_words", "evidence_claims", "credits", "casualty_figures",
                 "chart_figures")),
    # The reporter's own evaluative words: an extra layer read by annotator/framing.py, never scored.
    "framing.yaml": _fields({"about": _text,
                             "cues": _rule_list(_fields({"words": _words, "why": _text, "example": _text},
                                                        required=("words", "why", "example")))},
                            required=("about", "cues")),
}
"""Every rule file and what it may hold: the loader checks each file against its schema."""


def read_rule_file(folder: Path, name: str):
    """One rule file, parsed and checked against its schema."""
    import yaml

    path = Path(folder) / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"{name}: the rule file is missing from {path.parent.name}/") from None
    except UnicodeDecodeError:
        raise RulesError(f"{name}: not saved as UTF-8 text; save it again as UTF-8") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" near line {mark.line + 1}" if mark is not None else ""
        raise RulesError(f"{name}: not valid YAML{at} ({getattr(exc, 'problem', None) or exc})") from None
    SCHEMAS[name](name, None, data)
    return data
