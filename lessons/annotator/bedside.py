"""Doctors at the bedside: a doctor who gives the dead and wounded they treat reports what they saw.

The guidelines make a doctor who comments an expert, and keep "doctors say", doctors reporting what
they see, among the other voices. A doctor, nurse or medic whose sentence speaks of the dead or
wounded ("A doctor at the main hospital said 12 people were killed", "Most of the wounded were
children, the surgeon said") is a witness there, not an independent expert: the roles are the
``clinical_roles`` of ``lessons/data/rules/sources.yaml`` and the words about the dead are the
casualty words of ``reading.yaml`` (:func:`.figures.is_casualty_word`).
"""
from __future__ import annotations

import re

from .figures import is_casualty_word
from .model import Speaker
from .rules import Rules

_WORD = re.compile(r"[A-Za-z]+")


def reports_as_witness(speaker: Speaker, sentence: str, rules: Rules) -> bool:
    """Is this expert a doctor or medic giving the dead and wounded in this sentence?"""
    if speaker.kind != "expert":
        return False
    who = f"{speaker.name} {speaker.description}"
    if not rules.sources.clinical_roles.search(who):
        return False
    return any(is_casualty_word(w.lower(), rules) for w in _WORD.findall(sentence))
