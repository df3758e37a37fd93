"""An official body's account that goes on in the next sentence with "It also ..." / "They still ...":
"Zimbabwe's government says it is having trouble keeping track of the death toll. It also cannot meet
the demand for medicine, food and other essentials."

The pronoun is the body that spoke just before, and the helping verb after it ("cannot", "has", "will")
says what the body reports of itself, not an event ("It also rained"). The openers are ``account_run_ons``
in sources.yaml; :func:`.attribution.continue_official_figures` calls this for the sentence right after
an official's account, in the same paragraph, with no speaker of its own.
"""
from __future__ import annotations

import re

_NEGATED_AUXILIARY = re.compile(r"(?i)(?:cannot|can['’]t|won['’]t|isn['’]t|aren['’]t|hasn['’]t|haven['’]t|doesn['’]t)\b")


def goes_on(text: str, speaker, rules) -> bool:
    """Does ``text`` go on with ``speaker``'s account ("It also cannot meet the demand ...")?"""
    m = rules.sources.account_run_ons.match(text)
    if not m or (m.group().strip().lower().startswith("it") and speaker.person):
        return False                      # "it" is a body, not the person who spoke
    rest = text[m.end():].lstrip()
    return bool(rules.reading.auxiliary.match(rest) or _NEGATED_AUXILIARY.match(rest))
