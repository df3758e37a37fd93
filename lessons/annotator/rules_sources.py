"""The word lists of ``sources.yaml`` and ``names.yaml`` (who speaks, and how names are told apart), compiled.

:mod:`.rules` reads and checks the files; this module turns these two into :class:`SourceLexicon`
and :class:`NameWords`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .alternation import alternation
from .prefilter import compile_scanned


@dataclass(frozen=True)
class SourceLexicon:
    """Words that identify speakers and speech: verbs, role nouns by kind, places, documents."""

    speech_verbs: frozenset
    figure_verbs: frozenset
    figure_words: frozenset
    before_speaker: tuple
    document_nouns: frozenset
    roles: dict          # phrase (lower case) -> kind, longest phrases first
    ambiguous_roles: frozenset
    medical_roles: frozenset     # experts unless a state body is named with them
    organisations: dict  # word -> kind
    places: frozenset
    role_pattern: re.Pattern
    place_pattern: re.Pattern
    org_patterns: dict   # kind -> pattern of organisation words
    official_acronyms: re.Pattern
    expert_places: re.Pattern     # organisation words that alone make someone an expert
    speech_events: re.Pattern
    finding_verbs: frozenset
    statement_nouns: frozenset
    not_speech: re.Pattern = re.compile(r"(?!x)x")   # nouns that start with a speech verb ("think tank")
    armed_groups: re.Pattern = re.compile(r"(?!x)x")  # "rebel", "militia": never officials
    expert_phrases: re.Pattern = re.compile(r"(?!x)x")  # "the authors of the study": experts
    party_owners: re.Pattern = re.compile(r"(?!x)x")    # "officials for the two parties": not the state
    negated_views: frozenset = frozenset()              # "analysts do not believe ...": still a view
    events_before_speaker: re.Pattern = re.compile(r"(?!x)x")   # "heard testimony ... from": the speaker next
    state_bodies: re.Pattern = re.compile(r"(?!x)x")   # "the National Institute of ...": the state, before research words
    clinical_roles: re.Pattern = re.compile(r"(?!x)x")  # "a doctor at the hospital": a witness when giving the wounded
    partisan_modifiers: frozenset = frozenset()        # "Republican strategist": a partisan, not an expert
    study_authors: re.Pattern = re.compile(r"(?!x)x")   # "... led the study": the researchers, for "he"/"they" next
    expert_work_verbs: frozenset = frozenset()          # "Sara Lin teaches ... at Lowland University": an expert
    speaker_labels: re.Pattern = re.compile(r"(?!x)x")  # 'JAMES STOCK: "..."': a transcript's speaker label
    source_verbs: frozenset = frozenset()     # "indicated": a statement only with an official or expert subject
    de_facto_bodies: frozenset = frozenset()  # "the Taliban-run ministry": an armed group's state body is official
    state_forces: frozenset = frozenset()     # "Government forces", "Coalition forces": the state's (see forces.py)
    headline_acts: re.Pattern = re.compile(r"(?!x)x")   # "US Regulator Bans ...": a headline's official act
    official_acts: re.Pattern = re.compile(r"(?!x)x")   # "The FCC on Thursday outlawed ...": a body sentence's (acts.py)
    clause_openers: frozenset = frozenset()   # "where it said": the sentence's subject speaks (relative_speakers.py)
    account_run_ons: re.Pattern = re.compile(r"(?!x)x")   # "It also cannot ...": the body's account goes on (runons.py)
    text_state_words: frozenset = frozenset()  # "Tavrenia's navy": Tavrenia is a state in that text
    governing_words: frozenset = frozenset()   # "the Taliban government": the group in power in that text
    governing_before: frozenset = frozenset()  # "the ruling Taliban"
    report_contents: frozenset = frozenset()   # "listed in the report": the report's owner speaking
    statistic_units: frozenset = frozenset()   # "percent", "million": a sentence of statistics
    statistic_releases: frozenset = frozenset()   # "figures", "data": an official release of statistics
    national_roles: frozenset = frozenset()   # "leader", "mediators": a state's when a nation is named with them
    national_qualifiers: re.Pattern = re.compile(r"(?!x)x")   # "world", "Western" leaders: states together
    not_nations: frozenset = frozenset()      # "Christian", "Kurdish": look like nationalities, name no state
    expert_introductions: re.Pattern = re.compile(r"(?!x)x")   # "One analyst with that view is Tom Ash."
    introduction_views: re.Pattern = re.compile(r"(?!x)x")     # "with that view": the introduction holds a view
    group_members: re.Pattern = re.compile(r"(?!x)x")          # "One of them is Ana Ruiz": one of the group just quoted
    expert_reactions: tuple = ()       # patterns with a group "who": "has some experts worried", "than economists predicted"
    views_held: tuple = ()             # patterns with a group "who": "In Ash's view, ..."
    later_introductions: re.Pattern = re.compile(r"(?!x)x")   # "Mensah is a researcher at ...", after his quote
    interviewed_people: tuple = ()     # patterns with a group "who": "spoke with Frederic Hof, a senior fellow ..."
    research_teams: re.Pattern = re.compile(r"(?!x)x")   # "Colin Kelley and his team": a group, "they" next
    findings_owners: re.Pattern = re.compile(r"(?!x)x")  # "These are the findings of a study by ...": the finding before
    own_research: re.Pattern = re.compile(r"(?!x)x")     # "we found in our study": a researcher's own words
    expert_panels: re.Pattern = re.compile(r"(?!x)x")    # "a panel of independent experts": an expert body
    report_owners: re.Pattern = re.compile(r"(?!x)x")    # "the new report from the ... Panel on ...": whose report
    panel_outsiders: re.Pattern = re.compile(r"(?!x)x")  # "a spokesman for" the panel: the body's voice


@dataclass(frozen=True)
class NameWords:
    """From ``names.yaml``: how names, titles and bodies are told apart."""

    name: re.Pattern             # a run of capitalised words (and abbreviated titles) that may be a name
    courtesy_title: re.Pattern   # "Dr ", "Mr. " at the start of a phrase
    title_words: frozenset
    not_names: frozenset
    calendar: frozenset
    demonym: re.Pattern
    acronym: re.Pattern          # "Bureau of Meteorology (BOM)": a body's full name and its initials
    person_roles: frozenset
    portfolio_roles: frozenset   # "Minister" in "Finance Minister Ana Ruiz": the word before it is the portfolio
    capitalised_title: re.Pattern  # "Speaker" (as written): an official's title, not "a speaker"
    plural_roles: re.Pattern
    body_words: frozenset
    company_words: re.Pattern    # "Motors" after "General": a company's name, not a title
    roles_said_again: re.Pattern  # "the spokesman": the person last named with that role
    speak_for_a_body: re.Pattern  # "a spokesperson": for the body quoted just before
    pronouns: frozenset          # pronouns that can stand for a speaker named before
    person_pronouns: frozenset   # ... for a person only
    subject_pronouns: frozenset
    she_title: re.Pattern
    he_title: re.Pattern
    pronoun_forms: re.Pattern
    she_pronouns: frozenset
    former: re.Pattern           # "former", "ex-" ... before a role, up to three words away
    former_before_name: re.Pattern


def _phrase_parts(phrases) -> list[str]:
    """The phrases as patterns, longest first; a space matches any run of whitespace, and an
    optional space (" ?", as in "cease ?fire") matches none as well (not one or more, lazily)."""
    return sorted((re.sub(r" \?", r"\\s*", p).replace(" ", r"\s+") for p in phrases), key=len, reverse=True)


def _phrase_regex(phrases) -> re.Pattern:
    """Whole-word alternation of the phrases, grouped by first letter (:func:`.alternation.alternation`)."""
    return re.compile(r"(?<![\w'’-])%s(?![\w-])" % alternation(_phrase_parts(phrases), ignorecase=True),
                      re.IGNORECASE)


def _scanned_phrase_regex(phrases) -> re.Pattern:
    """:func:`_phrase_regex`, whose matches :func:`.prefilter.finditer` finds quickly (the lead, then
    each phrase with the end the whole pattern puts after them all)."""
    return compile_scanned([r"(?:%s)(?![\w-])" % p for p in _phrase_parts(phrases)], _phrase_regex(phrases).pattern,
                           r"(?<![\w'’-])", re.IGNORECASE)


def _words_regex(words) -> re.Pattern:
    parts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])%s(?:s|es)?(?![\w-])" % alternation(parts, ignorecase=True), re.IGNORECASE)


def _alt(words, escape: bool = True) -> str:
    """The words as a regular-expression alternation, in the order the file gives them."""
    return "|".join(re.escape(w) if escape else w for w in words)


def source_lexicon(src: dict) -> SourceLexicon:
    """The speaker word lists of ``sources.yaml`` (groups already read as their lists)."""
    roles: dict[str, str] = {}
    for kind in ("voice", "expert", "official"):
        for w in src["roles"][kind]["words"]:
            roles.setdefault(w.lower(), kind)
    for w in src.get("medical_roles") or ():
        roles.setdefault(w.lower(), "expert")         # doctors and health specialists
    orgs = {w.lower(): kind for kind, words in src["organisations"].items() for w in words}
    return SourceLexicon(
        speech_verbs=frozenset(w.lower() for w in src["speech_verbs"]["words"]),
        figure_verbs=frozenset(w.lower() for w in src["speech_verbs"]["figure_verbs"]),
        figure_words=frozenset(w.lower() for w in src["speech_verbs"]["figure_words"]),
        source_verbs=frozenset(w.lower() for w in src["speech_verbs"].get("source_verbs") or ()),
        before_speaker=tuple(p.lower() for p in src["phrases_before_speaker"]),
        document_nouns=frozenset(w.lower() for w in src["document_nouns"]),
        roles=roles,
        ambiguous_roles=frozenset(w.lower() for w in src["ambiguous_roles"]),
        medical_roles=frozenset(w.lower() for w in src.get("medical_roles") or ()),
        organisations=orgs,
        places=frozenset(w.lower() for w in src["places"]),
        role_pattern=_words_regex(list(roles) + list(src["ambiguous_roles"])),
        expert_places=re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, src["expert_places"]))),
        official_acronyms=re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(map(re.escape, src["official_acronyms"]))),
        org_patterns={kind: re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w) for w in words))
                      for kind, words in src["organisations"].items()},
        place_pattern=_words_regex(src["places"]),
        speech_events=compile_scanned(src["speech_events"], alternation(src["speech_events"], ignorecase=True), "",
                                      re.IGNORECASE),   # by first letter; see prefilter.py
        finding_verbs=frozenset(w.lower() for w in src["finding_verbs"]),
        statement_nouns=frozenset(w.lower() for w in src["statement_nouns"]),
        not_speech=_phrase_regex(src.get("not_speech") or ["(?!x)x"]),
        armed_groups=_scanned_phrase_regex(src.get("armed_groups") or ["(?!x)x"]),   # read in whole texts
        expert_phrases=_phrase_regex(src.get("expert_phrases") or ["(?!x)x"]),
        party_owners=_phrase_regex(src.get("party_owners") or ["(?!x)x"]),
        negated_views=frozenset(w.lower() for w in src.get("negated_views") or ()),
        events_before_speaker=re.compile("|".join(src.get("events_before_speaker") or ["(?!x)x"]), re.IGNORECASE),
        state_bodies=_phrase_regex(src.get("state_bodies") or ["(?!x)x"]),
        clinical_roles=_phrase_regex(src.get("clinical_roles") or ["(?!x)x"]),
        partisan_modifiers=frozenset(w.lower() for w in src.get("partisan_modifiers") or ()),
        study_authors=re.compile("|".join(src.get("study_authors") or ["(?!x)x"])),
        expert_work_verbs=frozenset(w.lower() for w in src.get("expert_work_verbs") or ()),
        speaker_labels=re.compile("|".join(src.get("speaker_labels") or ["(?!x)x"])),
        de_facto_bodies=frozenset(w.lower() for w in src.get("de_facto_bodies") or ()),
        state_forces=frozenset(w.lower() for w in src.get("state_forces") or ()),
        headline_acts=_phrase_regex(src.get("headline_acts") or ["(?!x)x"]),
        official_acts=_phrase_regex(src.get("official_acts") or ["(?!x)x"]),
        clause_openers=frozenset(w.lower() for w in src.get("clause_openers") or ()),
        account_run_ons=re.compile(r"(?i)\s*(?:%s)\b" % "|".join(re.escape(w) for w in src.get("account_run_ons") or ["(?!x)x"])),
        text_state_words=frozenset(w.lower() for w in src.get("text_states") or ()),
        report_contents=frozenset(w.lower() for w in src.get("report_contents") or ()),
        statistic_units=frozenset(w.lower() for w in (src.get("official_statistics") or {}).get("words", ())),
        statistic_releases=frozenset(w.lower() for w in (src.get("official_statistics") or {}).get("releases", ())),
        governing_words=frozenset(w.lower() for w in (src.get("governing_groups") or {}).get("words", ())),
        governing_before=frozenset(w.lower() for w in (src.get("governing_groups") or {}).get("before", ())),
        national_roles=frozenset(w.lower() for w in (src.get("national_roles") or {}).get("words", ())),
        national_qualifiers=_phrase_regex((src.get("national_roles") or {}).get("qualifiers") or ["(?!x)x"]),
        not_nations=frozenset(w.lower() for w in (src.get("national_roles") or {}).get("not_nations", ())),
        expert_introductions=re.compile("|".join(src.get("expert_introductions") or ["(?!x)x"])),
        introduction_views=_phrase_regex(src.get("introduction_views") or ["(?!x)x"]),
        group_members=_phrase_regex(src.get("group_members") or ["(?!x)x"]),
        expert_reactions=tuple(re.compile(p, re.IGNORECASE) for p in src.get("expert_reactions") or ()),
        views_held=tuple(re.compile(p) for p in src.get("views_held") or ()),
        research_teams=re.compile("|".join(src.get("research_teams") or ["(?!x)x"])),
        findings_owners=re.compile("|".join(src.get("findings_owners") or ["(?!x)x"])),
        own_research=re.compile("|".join(src.get("own_research") or ["(?!x)x"])),
        expert_panels=re.compile("|".join((src.get("expert_panels") or {}).get("patterns") or ["(?!x)x"])),
        report_owners=re.compile("|".join(src.get("report_owners") or ["(?!x)x"])),
        panel_outsiders=_phrase_regex((src.get("expert_panels") or {}).get("outsiders") or ["(?!x)x"]),
        later_introductions=re.compile("|".join(src.get("later_introductions") or ["(?!x)x"])),
        interviewed_people=tuple(re.compile(p) for p in src.get("interviewed_people") or ()),
    )


def name_words(d: dict) -> NameWords:
    """How names, titles and bodies are told apart, from ``names.yaml``."""
    titles = _alt(d["abbreviated_titles"]["words"])
    word = (r"(?:(?:%s)\.|(?:Mc|Mac|O['’]|D['’])?[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]{2,})" % titles)
    particles = _alt(d["name_particles"]["words"])
    demonyms = d["demonyms"]
    gender = d["gender"]
    return NameWords(
        name=re.compile(r"(?<![\w.])%s(?:[ \t]+(?:(?:%s)(?:[ \t]+|-)){0,2}%s){0,6}" % (word, particles, word)),   # never over a line break; "al-Sarraj", "von der Leyen"
        courtesy_title=re.compile(r"^(?:%s)\.?\s+" % _alt(d["courtesy_titles"]["words"])),
        title_words=frozenset(w.lower() for w in d["title_words"]["words"]),
        not_names=frozenset(d["not_names"]["words"]),
        calendar=frozenset(d["calendar_words"]["words"]),
        demonym=re.compile(r"^(?:[A-Z][a-z]+(?:%s)|%s)$" % (_alt(demonyms["suffixes"]), _alt(demonyms["words"]))),
        acronym=re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:%s)\s+)?){1,6}[A-Z][\w'’-]*)\s+\(([A-Z]{2,6})\)"
                           % _alt(d["name_connectors"]["words"])),
        person_roles=frozenset(w.lower() for w in d["person_roles"]["words"]),
        portfolio_roles=frozenset(w.lower() for w in d["portfolio_roles"]["words"]),
        capitalised_title=re.compile(r"(?<![\w'’-])(?:%s)(?![\w'’-])" % _alt(d["capitalised_titles"]["words"])),
        plural_roles=re.compile(r"(?i)\b(?:%s)\b" % _alt(d["plural_roles"]["words"])),
        body_words=frozenset(w.lower() for w in d["body_words"]["words"] + d["company_words"]["words"]),
        company_words=re.compile(r"[ \t]+(?:%s)\b" % _alt(w.capitalize() for w in d["company_words"]["words"])),
        roles_said_again=re.compile(r"(?i)the\s+(?:[a-z-]+\s+){0,2}?(%s)" % _alt(d["roles_said_again"]["words"])),
        speak_for_a_body=re.compile(r"(?i)\b(?:%s)\b" % _alt(d["speak_for_a_body"]["words"])),
        pronouns=frozenset(w.lower() for w in d["pronouns"]["person"] + d["pronouns"]["any"]),
        person_pronouns=frozenset(w.lower() for w in d["pronouns"]["person"]),
        subject_pronouns=frozenset(w.lower() for w in d["subject_pronouns"]["words"]),
        she_title=re.compile(r"\b(?:%s)\b" % _alt(w.lower() for w in gender["she_titles"])),
        he_title=re.compile(r"\b(?:%s)\b" % _alt(w.lower() for w in gender["he_titles"])),
        pronoun_forms=re.compile(r"\b(%s)\b" % _alt(gender["he_pronouns"] + gender["she_pronouns"]), re.IGNORECASE),
        she_pronouns=frozenset(w.lower() for w in gender["she_pronouns"]),
        former=re.compile(r"(?i)\b(?:%s)\s*(?:[\w.-]+\s+){0,3}$" % _alt(d["former"]["words"])),
        former_before_name=re.compile(r"(?i)\b(?:%s)\b[\w\s-]{0,30}$" % _alt(d["former"]["before_name"])),
    )
