"""Views reported without a speech verb of their holder's.

"The slowdown has some experts worried about ...", "Growth was better than economists predicted.":
the sentence reports what a group of experts thinks or expected (``expert_reactions`` in
``lessons/data/rules/sources.yaml``); a group that is no expert's ("some officials") is left to
the other rules. "In Ash's view, ...", "in the opinion of most analysts" (``views_held``) give the
view to its holder, an official or an expert the text knows; anyone else is left to the other rules.
"""
from __future__ import annotations

from .attribution import Attribution
from .rules import Rules
from .speakers import State, resolve


def _outside_quotes(m, sentence: str) -> bool:
    """The words matched are the text's, not a quoted speaker's: an even number of quotation marks before them."""
    before = sentence[:m.start()]
    return before.count('"') % 2 == 0 and before.count("“") <= before.count("”")


def _first(patterns, sentence: str):
    return next((m for m in (p.search(sentence) for p in patterns) if m and _outside_quotes(m, sentence)), None)


def expert_reaction(sentence: str, state: State, rules: Rules) -> Attribution | None:
    """The expert group whose reaction or forecast the sentence reports, or the official or expert whose
    view it gives ("In Ash's view"), as an attribution; ``None`` when there is none."""
    for patterns, kinds in ((rules.sources.expert_reactions, ("expert",)),
                            (rules.sources.views_held, ("expert", "official"))):
        m = _first(patterns, sentence)
        if not m:
            continue
        sp, head = resolve(m.group("who"), state, rules)
        if sp is None or sp.kind not in kinds:
            continue
        state.remember(sp, head)
        return Attribution(sp, m.group().strip(" ,"), "attribution", m.group().strip(" ,").split()[-1],
                           m.group("who"), m.start("who"))
    return None
