"""Experts as recent wire copy brings them in.

- ``find_affiliated_experts``: "Javas Bigambo, at Nairobi-based Interthoughts Consulting, told VOA":
  a person set off by commas with "at", "with", "of" or "from" and an organisation whose words
  name a research or advisory body (``organisations.expert`` in sources.yaml) is an expert, and
  "Bigambo noted", "He said" later are that expert.
"""

from __future__ import annotations

import re

from .model import Speaker
from .reading import Reading
from .roles import org_kind
from .speakers import PERSON_NAME, names_a_body, surnames

_AFFILIATION = re.compile(
    r"(?P<name>%s),[ \t]+(?:at|with|of|from)[ \t]+(?:the[ \t]+)?(?P<org>[^,.;:“”\"\n]{3,100}),"
    % PERSON_NAME.pattern
)
"""A name, then ", at <organisation>,": the organisation is the person's only introduction."""


def find_affiliated_experts(r: Reading) -> None:
    """People introduced only by an expert organisation after their name become known experts."""
    people, names = r.state.people, r.rules.names
    for m in _AFFILIATION.finditer(r.text):
        words = m.group("name").split()
        while words and words[0] in names.not_names:
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or name in people or names_a_body(name, r.rules.sources):
            continue
        if org_kind(m.group("org").lower(), r.rules) != "expert":
            continue  # "Tom Ash, of the Lowland Bakers' Union,": not a research body
        sp = Speaker(
            name=name,
            kind="expert",
            description="at " + " ".join(m.group("org").split()),
            person=True,
        )
        people[name] = sp
        for surname in surnames(name):
            people.setdefault(surname, sp)
