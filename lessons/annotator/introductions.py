"""Experts introduced by a sentence of their own: "One analyst with that view is Tom Ash."

A sentence that names an expert's role first and the person last (``expert_introductions`` in
``lessons/data/rules/sources.yaml``) introduces that person as an expert: "said Ash" and "he" in the
next sentences are the expert's words. When the role phrase holds a view ("One analyst with that
view", ``introduction_views``), the sentence gives the expert that view and is their commentary.
A role that names no expert ("One official ...", "One baker ...") introduces nobody here.
"""
from __future__ import annotations

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
    if kind != "expert":
        return None
    sp = state.people.get(name)
    if sp is None:
        sp = Speaker(name=name, kind="expert", description=" ".join(role.split())[:140], person=True)
        state.people[name] = sp
        for surname in surnames(name):
            state.people.setdefault(surname, sp)
    if sp.kind != "expert":
        return None
    state.remember(sp)
    return sp, bool(rules.sources.introduction_views.search(role))
