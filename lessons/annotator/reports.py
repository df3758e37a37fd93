"""What a government's report lists: "Among the violations listed in the report is ..." is the report's owner speaking.

A sentence with no speaker of its own that gives what is "listed", "catalogued" or "documented" in
a report reports that report's content. The owner is named in the phrase ("listed in the State
Department's annual report") or is the official body that a sentence shortly before gave the report
to ("The State Department released its report ..."; then "listed in the report"). The participles are
``report_contents`` in ``sources.yaml``; the report nouns are its ``document_nouns``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .attribution import Attribution
from .reading import Reading
from .speakers import resolve

LOOK_BACK = 6
"""How many sentences back the report's owner may have been named."""


@lru_cache(maxsize=4)
def _content_of(participles: tuple, nouns: tuple) -> re.Pattern:
    """'listed in the report', 'catalogued in the U.S. State Department's annual Human Rights Report'."""
    verbs = "|".join(sorted(map(re.escape, participles), key=len, reverse=True))
    docs = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(
        r"(?i)\b(?:%s)\s+(?:in|by)\s+(?:(the|its|this|their)|((?:the\s+)?[\w.'’ -]{2,60}?)['’]s)\s+"
        r"(?:[\w-]+\s+){0,4}?(?:%s)s?\b" % (verbs, docs)
    )


def _owner_before(r: Reading, i: int, noun: str):
    """The official speaker of a sentence shortly before that names the same kind of document."""
    for j in range(i - 1, max(-1, i - 1 - LOOK_BACK), -1):
        att = r.attributions[j]
        if (
            att is not None
            and att.speaker.kind == "official"
            and re.search(r"(?i)\b%ss?\b" % re.escape(noun), r.sentences[j].text)
        ):
            return att.speaker
    return None


def give_report_contents_to_owners(r: Reading) -> None:
    """A sentence giving what an official report lists speaks for the report's owner."""
    lex = r.rules.sources
    pattern = _content_of(tuple(lex.report_contents), tuple(lex.document_nouns))
    for i, sent in enumerate(r.sentences):
        if r.attributions[i] is not None or r.others[i] or r.framing[i]:
            continue
        m = pattern.search(sent.text)
        if not m:
            continue
        noun = re.search(r"(\w+?)s?$", m.group()).group(1).lower()
        if m.group(2):
            speaker, _ = resolve(m.group(2), r.state, r.rules)
        else:
            speaker = _owner_before(r, i, noun)
        if speaker is not None and speaker.kind == "official":
            r.attributions[i] = Attribution(
                speaker, m.group(), "according_to", m.group(), at=m.start()
            )
