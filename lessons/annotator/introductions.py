"""Experts introduced by a sentence of their own: "One analyst with that view is Tom Ash."

A sentence that names an expert's role first and the person last (``expert_introductions`` in
``lessons/data/rules/sources.yaml``) introduces that person as an expert: "said Ash" and "he" in the
next sentences are the expert's words. When the role phrase holds a view ("One analyst with that
view", ``introduction_views``), the sentence gives the expert that view and is their commentary.
A role that names no expert ("One official ...", "One baker ...") introduces nobody here.

A person quoted first and introduced afterwards ("Mensah is a researcher at ...",
``later_introductions``) is an expert from their first words on.
"""
from __future__ import annotations

import dataclasses

from .model import Speaker
from .rules import Rules
from .speakers import State, classify_role, surnames


def introduce_expert(sentence: str, state: State, rules: Rules) -> tuple[Speaker, bool] | None:
    """The expert a sentence like "One analyst with that view is Tom Ash." introduces, registered and
    remembered, and whether the sentence gives them a view; ``None`` when it introduces no expert."""
    m = rules.sources.expert_introductions.match(sentence.strip())
    if not m:
        return None
    role, name = m.group("role"), m.group("name")
    kind, _ = classify_role(role, rules)
    group = _group_just_quoted(role, state, rules)
    if kind != "expert" and group is None:
        return None
    sp = state.people.get(name)
    if sp is None:
        described = f"one of the {group.name[:1].lower()}{group.name[1:]}" if group is not None else role
        sp = Speaker(name=name, kind="expert", description=" ".join(described.split())[:140], person=True)
        state.people[name] = sp
        for surname in surnames(name):
            state.people.setdefault(surname, sp)
    if sp.kind != "expert":
        return None
    state.remember(sp)
    return sp, bool(rules.sources.introduction_views.search(role))


def _group_just_quoted(role: str, state: State, rules: Rules) -> Speaker | None:
    """"One of them is ...": the expert group the sentence before quoted (``group_members``), or ``None``."""
    last = state.last
    if not rules.sources.group_members.fullmatch(role.strip()) or last is None:
        return None
    return last if last.kind == "expert" and not last.person and state.sentence - state.last_at <= 1 else None


def introduce_quoted_expert(sentence: str, state: State, rules: Rules) -> tuple[Speaker, Speaker] | None:
    """'Mensah is a researcher at the Lowland Institute.' after Mensah was quoted: the person, known so
    far as another voice, becomes an expert (``later_introductions``). Returns (as known before, as an
    expert) so that the words already given to them can be given to the expert; ``None`` otherwise."""
    m = rules.sources.later_introductions.match(sentence.strip())
    if not m:
        return None
    old = state.people.get(m.group("name"))
    if old is None or not old.person or old.kind in ("expert", "official"):
        return None
    role = m.group("role")
    kind, _ = classify_role(role, rules)
    if kind != "expert" and not (kind is None and rules.sources.expert_places.search(role.lower())):
        return None
    new = dataclasses.replace(old, kind="expert", description=" ".join(role.split())[:140])
    for key, sp in list(state.people.items()):
        if sp is old:
            state.people[key] = new
    state.remember(new)
    return old, new


def remember_interviewed(sentence: str, state: State, rules: Rules) -> Speaker | None:
    """"VOA's Carol Castiel spoke with Frederic Hof, a senior fellow at ...": the person spoken with, as
    the text knows them, is remembered as the one it goes on to quote (``interviewed_people``)."""
    for pattern in rules.sources.interviewed_people:
        m = pattern.search(sentence)
        sp = state.people.get(m.group("who")) if m else None
        if sp is not None and sp.person:
            state.remember(sp)
            return sp
    return None
