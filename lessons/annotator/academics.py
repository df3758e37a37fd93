"""People introduced by their work at a research body: "Sara Lin teaches history at Lowland University."

A sentence that opens with a person's name and a verb of academic work (``expert_work_verbs`` in
``lessons/data/rules/sources.yaml``: "teaches", "directs", "is with") followed by a research body
("... at Lowland University", "... the Center for Asian Studies") introduces an expert: "she says"
and the surname in the next sentences are that expert's words. A state body after the verb introduces an
official the same way ("Jeong Eun-kyung is with South Korea's disease control center. She says ...");
a person who heads a company or a bakery is left to the other rules.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Speaker
from .rules import Rules
from .speakers import PERSON_NAME, State, classify_role, names_a_body, surnames


@lru_cache(maxsize=4)
def _opening(verbs: tuple) -> re.Pattern:
    alts = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
    return re.compile(r"^\W*(?:(?:Dr|Prof|Professor)\.?\s+)?(%s)\s+(?:%s)\s+([^.;:“”\"\n]{3,160})"
                      % (PERSON_NAME.pattern, alts))


def remember_academic(sentence: str, state: State, rules: Rules) -> None:
    """Register and remember the expert a sentence like "Sara Lin directs the ... at Lowland University" introduces."""
    verbs = rules.sources.expert_work_verbs
    if not verbs:
        return
    m = _opening(tuple(sorted(verbs))).match(sentence)
    if not m:
        return
    name, rest = m.group(1), m.group(2)
    if names_a_body(name, rules.sources):
        return
    kind, _ = classify_role(rest, rules)
    body = re.split(r"\b(?:at|of)\s+", rest)[-1]        # the body named last: "the economics department at X University"
    if kind == "official" and rules.sources.expert_places.search(body.lower()) \
            and not rules.sources.state_bodies.search(body):
        kind = None                   # a university's department is academic, not the state's
    if kind is None and rules.sources.expert_places.search(rest.lower()):
        kind = "expert"
    if kind not in ("expert", "official"):
        return                        # "Sara Lin heads a bakery": not introduced as a source
    sp = state.people.get(name)
    if sp is None:
        sp = Speaker(name=name, kind=kind, description=" ".join(sentence[m.start(2) - 1:].split())[:140].strip(),
                     person=True)
        state.people[name] = sp
        for surname in surnames(name):
            state.people.setdefault(surname, sp)
    if sp.kind == kind:
        state.remember(sp)
