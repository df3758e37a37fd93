"""Who did a study: "Harvard's Daniel Lieberman led the study. He says ..." is the researcher speaking.

A sentence whose subject did, led or carried out a study (``study_authors`` in
``lessons/data/rules/sources.yaml``) reports no finding yet, but it tells who the researchers are:
"they", "he" or the surname in the next sentences are them, and what they found or say is expert
commentary. A person described first ("Dr. Ana Ruiz is director of the ... Center and led the
research") is the researcher too. The sentence itself is left unmarked (it names the researchers, not what they found).
An official body that ran a survey stays official.
"""
from __future__ import annotations

import re

from .model import Speaker
from .rules import Rules
from .speakers import PERSON_NAME, State, classify_role, names_a_body, resolve, surnames

_POSSESSIVE_ORG = re.compile(r"^((?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)['’]s\s+")
""""Harvard's Daniel Lieberman": the body before a person's name."""
_HEAD_END = re.compile(r"\s+(?:from|at|of|in|with|for|who)\s+|,")
"""Where the head of a subject ends: "Researchers | from the University of ..."."""
_LEAD = re.compile(r"^\W*(?:(?:But|And|So|Now|Then|Also)\s+)?")
_DESCRIBED = re.compile(r"^(?:(?:Dr|Prof|Professor)\.?\s+)?(%s)\s+(?:is|was)\s+[^.;:“”\"]{3,200}?\s+and$" % PERSON_NAME.pattern)
"""A person described before "and led the study": "Dr. Ana Ruiz is director of the ... Center and"."""


def remember_study_authors(sentence: str, state: State, rules: Rules) -> None:
    """If the sentence's subject did a study, remember them as the expert "they"/"he" and the surname point to."""
    m = rules.sources.study_authors.search(sentence)
    if not m:
        return
    subject = _LEAD.sub("", sentence[:m.start()]).strip(" ,")
    if not subject or len(subject.split()) > 25:
        return
    described = _DESCRIBED.match(subject)
    if described:
        subject = described.group(1)
    org = _POSSESSIVE_ORG.match(subject)
    bare = subject[org.end():] if org else subject
    if m.groupdict().get("act"):
        # "Scientists at ... examined 400 glaciers": a research act names the researchers only when the subject
        # already says they are experts; "Tom Ash studied the law" says nothing of the kind.
        sp = _expert_group(subject, state, rules)
        if sp is not None:
            state.remember(sp)
        return
    if PERSON_NAME.fullmatch(bare) and not names_a_body(bare, rules.sources):
        sp = state.people.get(bare)
        if sp is None:
            where = f" ({org.group(1)})" if org else ""
            sp = Speaker(name=bare, kind="expert", description=f"led the study{where}", person=True)
            state.people[bare] = sp
            for surname in surnames(bare):
                state.people.setdefault(surname, sp)
    else:
        head = _HEAD_END.split(subject, maxsplit=1)[0]
        kind, _ = classify_role(head, rules)
        if kind == "expert":          # "Researchers from ... the University of Virginia ...": the researchers
            sp = Speaker(name=subject, kind="expert", description="", person=False)
        else:
            sp, _ = resolve(subject, state, rules)
        if sp is None or sp.kind != "expert":
            return                    # "The ministry carried out a survey": not the researchers of a study
    if sp.kind == "expert":
        state.remember(sp)


def _expert_group(subject: str, state: State, rules: Rules) -> Speaker | None:
    """The experts a subject names ("Researchers from the University of ...", "A team of scientists"), or None."""
    head = _HEAD_END.split(subject, maxsplit=1)[0]
    if classify_role(head, rules)[0] == "expert":
        return Speaker(name=subject, kind="expert", description="", person=False)
    sp, _ = resolve(subject, state, rules)
    return sp if sp is not None and sp.kind == "expert" else None
