"""Research told in the researchers' own words, and findings whose owners are named a sentence later.

- ``give_findings_to_owners``: a sentence that names whose finding was just told ("These are the
  findings of a computer-based study by a team of marine biologists", "That is the opinion of
  researchers at the Lowland Institute"; ``findings_owners`` in ``lessons/data/rules/sources.yaml``)
  is those researchers' words, and so is the sentence right before it when that sentence names no
  speaker: a finding told first and attributed next. An owner who is no researcher (a ministry, a
  party) is left to the other rules.
- ``give_own_research_to_researchers``: a sentence that names no speaker but speaks of its own
  study in the first person ("One of the things that we found in our study was ...", "the most
  surprising finding for us"; ``own_research``) is a researcher's recorded voice, which a
  broadcast transcript often leaves unnamed.
"""

from __future__ import annotations

import re

from .attribution import Attribution
from .model import Speaker
from .reading import Reading
from .roles import classify_role

_OWNER_END = re.compile(r"[.;:!?“”\"]|\s+(?:who|which|that)\s")
"""Where the owner's name ends: "... marine biologists." / "... researchers who ..."."""
_BY = re.compile(r"\s+by\s+")
_RESEARCH_WORK = re.compile(
    r"(?i)\b(?:study|studies|research|experiment|experiments)\b"
)


def _owner_speaker(owner: str, r: Reading) -> Speaker | None:
    """The researchers a phrase like "a study by a team of marine biologists" names, or ``None``."""
    parts = _BY.split(owner)
    for phrase in (parts[-1], owner) if len(parts) > 1 else (owner,):
        kind, _ = classify_role(phrase, r.rules)
        if kind == "expert":
            return Speaker(phrase, "expert", "", False)
        if kind == "official":
            return None  # "the findings of the health ministry": an official body's, not research
    if _RESEARCH_WORK.search(parts[0]) and not r.rules.sources.state_bodies.search(
        owner
    ):
        return Speaker(owner, "expert", "", False)  # "the findings of a new study"
    return None


def _speaks_nobody(r: Reading, i: int) -> bool:
    return (
        r.attributions[i] is None
        and not r.others[i]
        and not r.framing[i]
        and not r.credit[i]
    )


def give_findings_to_owners(r: Reading) -> None:
    """ "These are the findings of ... researchers": this sentence and the unattributed one before it are theirs."""
    pattern = r.rules.sources.findings_owners
    for i, sent in enumerate(r.sentences):
        m = pattern.search(sent.text)
        if not m:
            continue
        cue, known = m.group().strip(), r.attributions[i]
        if known is not None:
            sp = (
                known.speaker if known.speaker.kind == "expert" else None
            )  # "That is the opinion of researchers at ..."
        elif _speaks_nobody(r, i):
            owner = " ".join(_OWNER_END.split(sent.text[m.end() :])[0].split()).strip(
                " ,"
            )
            sp = _owner_speaker(owner, r) if owner else None
            if sp is not None:
                r.attributions[i] = Attribution(sp, cue, "attribution", cue)
        else:
            sp = None
        if sp is None:
            continue
        j = i - 1
        if (
            j >= 0
            and _speaks_nobody(r, j)
            and sent.paragraph - r.sentences[j].paragraph <= 1
        ):
            r.attributions[j] = Attribution(sp, cue, "continuation", cue)


def give_own_research_to_researchers(r: Reading) -> None:
    """A sentence naming no speaker that speaks of "our study" or "findings for us" is a researcher's own words."""
    pattern = r.rules.sources.own_research
    speaker = Speaker("a researcher", "expert", "speaking of their own study", False)
    for i, sent in enumerate(r.sentences):
        m = pattern.search(sent.text)
        if m and _speaks_nobody(r, i):
            r.attributions[i] = Attribution(speaker, m.group().strip(), "quote", "")


def give_research_to_researchers(r: Reading) -> None:
    """Both of the above, in order."""
    give_findings_to_owners(r)
    give_own_research_to_researchers(r)
