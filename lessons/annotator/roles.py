"""What kind of source a role phrase names: official, expert or another voice.

"a consulting fellow at Chatham House" is an expert, "the Interior Ministry" official, "a rebel
commander" another voice. The words are in ``lessons/data/rules/sources.yaml`` and ``names.yaml``;
:mod:`.speakers` uses :func:`classify_role` for the people a text introduces and for the subject
phrases it resolves.
"""
from __future__ import annotations

import re

from .forces import nonstate_forces
from .nations import names_a_nation
from .panels import names_expert_panel
from .rules import Rules


def classify_role(phrase: str, rules: Rules) -> tuple[str | None, str | None]:
    """Kind of source a role phrase names ('a consulting fellow at Chatham House' → expert).

    The head noun decides: the last role word before a preposition or relative pronoun;
    an ambiguous role ("director", "chief") takes its kind from the organisation named with it.
    """
    lex = rules.sources
    title = rules.names.capitalised_title.search(phrase)
    before_name = title and re.match(r"\s+[A-Z]", phrase[title.end():])
    if title and not any(m.span() != title.span() for m in lex.role_pattern.finditer(phrase)) and (
            before_name or (not lex.role_pattern.search(phrase) and re.fullmatch(r"\W*(?:[Tt]he\s+)?", phrase[:title.start()]))):
        # "Speaker Ruiz", "the Speaker", "Democratic Representative Jim Cooper"; not "Keynote Speaker",
        # nor a title that is also a plain role word when no name follows ("Representative of the union")
        return "official", title.group().lower()
    forces = nonstate_forces(phrase, rules) if lex.role_pattern.search(phrase) else None
    if forces:
        return "voice", forces.group().lower()   # "Tigray forces spokesman", "... of the Ambazonia Defense Forces"
    if lex.expert_phrases.search(phrase):
        return "expert", "author"          # "one of the authors of the study"
    if names_expert_panel(phrase, rules):
        return "expert", "panel"           # "a panel of independent experts", "the vaccine advisory committee"
    now = re.search(r"\bnow\s+(?:(?:a|an|the)\s+)?([^;]{3,120})", phrase)
    if now and re.search(r"(?i)\b(?:former|formerly|served|retired|ex)\b", phrase[:now.start()]) \
            and (classify_role(now.group(1), rules)[0] == "expert" or lex.expert_places.search(now.group(1).lower())):
        return "expert", "expert"          # "who served as ambassador ... and is now a senior fellow at ..."
    whole = next((w for w in (" ".join(m.group().lower().split()) for m in lex.role_pattern.finditer(phrase))
                  if (" of " in w or " for " in w) and w in lex.roles and not lex.armed_groups.search(phrase)), None)
    if whole:
        return lex.roles[whole], whole     # "Secretary of State", "Centers for Disease Control": one role
    if lex.official_acronyms.search(phrase) and not lex.role_pattern.search(phrase):
        return "official", lex.official_acronyms.search(phrase).group().lower()
    chunk = rules.reading.role_phrase_break.split(phrase)
    kind, head = None, None
    for i, part in enumerate(chunk):
        matches = [m for m in lex.role_pattern.finditer(part)
                   if not (m.group()[:1].isupper() and rules.names.company_words.match(part, m.end()))]
        if not matches:                   # "General Motors": a company's name, not a general
            continue
        word = _singular(matches[-1].group().lower(), lex)
        armed = lex.armed_groups.search(part)
        at = phrase.find(part) + len(part) if part else -1
        owner = re.match(r"(?i)\s*(?:%s)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(%s|%s)"
                         % (rules.reading.armed_owner, lex.armed_groups.pattern, lex.party_owners.pattern),
                         phrase[at:]) if at > 0 else None
        if armed and not owner and word in lex.de_facto_bodies:
            return "official", word        # "the Taliban-run interior ministry": the authorities in control
        if armed or owner:
            # "a rebel commander", "an official with the rebel movement", "officials for the two parties": not the state
            return "voice", (armed.group() if armed else owner.group(1)).lower()
        if re.match(r"(?i)(?:a|an|the)\s", part.strip()) and part.rstrip().endswith(matches[-1].group()) \
                and i + 1 < len(chunk) and re.match(r"\s*and\s+(?!(?:a|an|the)\s)[\w\s-]*?\b(?:%s)"
                                                    % lex.role_pattern.pattern, phrase[at:]):
            continue                      # "a senior military and national security analyst": the noun decides
        if rules.names.former.search(part[:matches[-1].start()]) \
                and lex.roles.get(word) == "official":
            # A former official no longer speaks for a government; what they do now may count
            # ("a former police lieutenant who now teaches criminal justice at a university").
            now = " ".join(chunk[i + 1:]).lower()
            analyst = any(lex.roles.get(_singular(x.group().lower(), lex)) == "expert" for x in lex.role_pattern.finditer(now))
            return ("expert" if lex.expert_places.search(now) or analyst else "voice"), word
        if word in lex.medical_roles:
            # A doctor or health specialist comments as an expert unless a state body is named with them.
            state = org_kind(" ".join(phrase.lower().split()), rules) == "official" or lex.official_acronyms.search(phrase)
            return ("official" if state else "expert"), word     # "an army doctor", "a CDC epidemiologist"
        if word in lex.ambiguous_roles:
            rest = " ".join(chunk[i + 1:]).lower() + " " + part.lower()
            owner = org_kind(rest, rules) or org_kind(" ".join(phrase.lower().split()), rules) \
                or ("official" if lex.official_acronyms.search(phrase) else None)    # "ECOWAS political director"
            if owner is None and word in lex.national_roles and names_a_nation(part[:matches[-1].start()], rules):
                owner = "official"         # "the Georgian leader", "U.S. and Saudi mediators", "world leaders"
            if owner is None:
                kinds = [lex.roles.get(_singular(x.group().lower(), lex)) for x in lex.role_pattern.finditer(rest)
                         if _singular(x.group().lower(), lex) not in lex.ambiguous_roles]
                owner = next((k for k in kinds if k), None)
            if owner:
                return owner, word
            head = head or word
            continue
        if word in ("president", "vice president") and i + 1 < len(chunk):
            org = org_kind(" ".join(chunk[i + 1:]).lower(), rules)
            if org in ("expert", "voice"):
                return org, word          # "president of the Lowland Institute", "president of the company"
        if lex.roles.get(word) == "expert" and lex.state_bodies.search(" ".join(phrase.lower().split())):
            return "official", word       # "The U.S. National Institute of Health says": a state body, not a think tank
        return lex.roles.get(word), word
    if kind is None and lex.expert_places.search(phrase.lower()):
        return "expert", head         # "... at the University of X", "... of the Y Institute"
    return kind, head


def org_kind(text: str, rules: Rules) -> str | None:
    """Kind of the organisation a (lower-case) phrase names: a state-run body first, then experts; a name of several words
    outweighs one word ("white house" is official, though "house" alone is an expert's Chatham House)."""
    if rules.sources.state_bodies.search(text):
        return "official"          # "the National Institute of ...", "the state-run ...": the state, before research words
    found = {kind: [m.group() for m in rules.sources.org_patterns[kind].finditer(text)]
             for kind in ("expert", "official", "voice")}
    longest = max((len(w), kind) for kind, words in found.items() for w in words if " " in w) if any(
        " " in w for words in found.values() for w in words) else None
    if longest and not any(len(w) >= longest[0] for kind, words in found.items() if kind != longest[1] for w in words):
        return longest[1]
    return next((kind for kind in ("expert", "official", "voice") if found[kind]), None)


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
