"""A headline that states an act of an official body: "US Regulator Bans AI-Generated Voices in Robocalls",
"UN Sending Home Peacekeepers ...", "Somali Military Kills Senior Al-Shabab Figures".

Such a headline reports what the body did as the body announced it: an official statement told as a
fact, like a headline that states an official claim ("Russia blames ..."). The act verbs are in
``headline_acts`` (sources.yaml); the words before the verb must name an official body or a country
("China Cancels 23 Loans"), never an armed group ("Rebels Seize Town": a voice).
"""
from __future__ import annotations

import re

from .speakers import resolve

_AT_MOST_WORDS = 4          # "Somali Military", "US Regulator", "Zambian president": a short subject


def headline_act(s: str, state, rules):
    """The official body a headline ``s`` (the first line, with no full stop) says acted, or None:
    ``(subject, speaker, verb)``, the subject as written and the act verb."""
    if s.rstrip().endswith((".", "!", "?", '"', "”")):
        return None
    m = rules.sources.headline_acts.search(s)
    if not m or not m.start():
        return None
    subject = s[:m.start()].strip()
    if not subject or len(subject.split()) > _AT_MOST_WORDS or not subject[:1].isupper() \
            or re.search(r"[,:;“”\"()]", subject):
        return None
    sp, head = resolve(subject, state, rules)
    if sp is None or sp.kind != "official":
        return None
    state.remember(sp, head)
    return subject, sp, m.group().strip()
