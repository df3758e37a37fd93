"""Panels of experts: "a panel of independent experts", "the agency's vaccine advisory committee".

A panel, committee or group that the text presents as made of experts or scientists, or as an
advisory body (``expert_panels`` in ``lessons/data/rules/sources.yaml``), speaks as an expert,
whatever body convenes it: a UN panel of experts, a health agency's advisory group, "a group of
United Nations scientists", a named "Panel on ..." such as a climate panel. Its chair and members
are experts too. Someone who speaks *for* the body that convenes the panel (a spokesperson, an
official, its director-general) stays an official: the words before the panel decide.
"""

from __future__ import annotations

import re

from .rules import Rules


def names_expert_panel(phrase: str, rules: Rules) -> bool:
    """Does the role phrase name a panel of experts, or one of its members ("the chair of the advisory group")?"""
    lex = rules.sources
    m = lex.expert_panels.search(phrase)
    if not m:
        return False
    return not lex.panel_outsiders.search(
        phrase[: m.start()]
    )  # "a spokesman for the advisory panel": the body's voice


def owns_document(sentence: str, noun: str) -> bool:
    """Is the report a sentence names its speaker's own ("said in its report"), not one they talk about
    ("spoke at a press conference about the new report", "commented on the report")?"""
    return not re.search(
        r"(?i)\b(?:about|on|of|to|over)\s+(?:the\s+|a\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?%s\b"
        % re.escape(noun),
        sentence,
    )
