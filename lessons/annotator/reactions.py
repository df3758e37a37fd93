"""Experts named by their reaction or forecast, with no speech verb of theirs.

"The slowdown has some experts worried about ...", "Growth was better than economists predicted.":
the sentence reports what a group of experts thinks or expected (``expert_reactions`` in
``lessons/data/rules/sources.yaml``). The group the pattern names ("who") is the source; a group
that is no expert's ("some officials", "the ministry") is left to the other rules.
"""
from __future__ import annotations

from .attribution import Attribution
from .rules import Rules
from .speakers import State, resolve


def expert_reaction(sentence: str, state: State, rules: Rules) -> Attribution | None:
    """The expert group whose reaction or forecast the sentence reports, as an attribution, or ``None``."""
    m = next((m for m in (p.search(sentence) for p in rules.sources.expert_reactions) if m), None)
    if not m:
        return None
    sp, head = resolve(m.group("who"), state, rules)
    if sp is None or sp.kind != "expert":
        return None
    state.remember(sp, head)
    return Attribution(sp, m.group().strip(), "attribution", m.group().split()[-1], m.group("who"), m.start("who"))
