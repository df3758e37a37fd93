"""Whose report "the report" is: "the new report from the Intergovernmental Panel on ..." names its owner.

A report, study or assessment "from", "by" or "of" a named body (``report_owners`` in
``lessons/data/rules/sources.yaml``) is that body's; when the body is an expert one (a panel of
scientists, a research institute), "the report says" in the next sentences is its finding, expert
commentary, not the words of whoever was quoted last. Kept apart from :mod:`.panels`, which
:mod:`.roles` reads, because it resolves the owner through :mod:`.speakers`.
"""

from __future__ import annotations

from .rules import Rules
from .speakers import State, resolve


def remember_report_owner(sentence: str, state: State, rules: Rules) -> None:
    """ "the new report from the Intergovernmental Panel on ...": "the report" later is that expert body's.

    Only an expert body is remembered: "the report says" then reports its findings as expert
    commentary, not the words of whoever was quoted last.
    """
    for m in rules.sources.report_owners.finditer(sentence):
        sp, _ = resolve(m.group("who"), state, rules)
        if sp is not None and sp.kind == "expert":
            state.heads[m.group("noun").lower()] = sp
