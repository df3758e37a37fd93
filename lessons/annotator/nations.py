"""Do the words before a role name a state: "the Georgian leader", "U.S. and Saudi mediators", "world leaders"?

Used by :mod:`.roles` (national roles) and :mod:`.forces` ("Russian forces" are a state's, "Tigray forces" not).
"""
from __future__ import annotations

import re

from .rules import Rules


def names_a_nation(words: str, rules: Rules) -> bool:
    """Do the words right before a role name a state or states, and nothing else ("the Georgian",
    "U.S. and Saudi", "world"), so that the role speaks for them?

    Every word must be a nationality or a country written with a capital, or one of the words for
    several states (national_roles in sources.yaml), apart from articles and "and": "Venezuelan
    opposition leader" speaks for a party, and a faith or a people without a state ("Christian",
    "Kurdish") is no nation.
    """
    lex = rules.sources
    tokens = re.findall(r"[\w.'’-]+", words)
    named = False
    k = 0
    while k < len(tokens):
        token = tokens[k]
        token = re.sub(r"(?i)-(?:led|backed|based|brokered)$", "", token)   # "the U.S.-led coalition", "US-Led"
        bare = re.sub(r"['’]s$", "", token.rstrip(".'’")) if not re.fullmatch(r"(?:[A-Z]\.)+", token) else token
        two = " ".join(tokens[k:k + 2]).lower()
        if token.lower() in _JOINERS:
            k += 1
            continue
        if token[:1].isupper() and two in lex.places:
            named, k = True, k + 2        # "South Korean" is "South Korea"'s; "Saudi Arabia"
            continue
        if bare.lower() in lex.not_nations:
            return False
        if lex.national_qualifiers.fullmatch(bare) or (token[:1].isupper() and (
                rules.names.demonym.match(bare) or bare.lower() in lex.places or token.lower() in lex.places)):
            named = True
            k += 1
            continue
        if token[:1].isupper() and k + 1 < len(tokens) and rules.names.demonym.match(tokens[k + 1]):
            k += 1                        # "South African", "North Korean": the second word decides
            continue
        return False
    return named


_JOINERS = frozenset({"the", "a", "an", "and", "both"})
"""Words that may stand between the nationalities before a role ("the U.S. and Saudi mediators")."""
