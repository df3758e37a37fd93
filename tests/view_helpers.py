"""Plain data the view tests share: a tiny hand-made analysis with markup in its names."""
from __future__ import annotations

from lessons.annotator import Analysis, SentenceAnalysis, Speaker
from lessons.annotator.model import Annotation


def tiny_analysis(text: str | None = None) -> Analysis:
    """A hand-made analysis: two sentences, a hedge, an official statement and an expert."""
    text = text or "The toll may be higher, officials said. <b>Giles</b> & co said it was a setback."
    first_end = text.index(".") + 1
    minister = Speaker("officials", "official", "")
    giles = Speaker("<b>Giles</b>", "expert", "an expert & <i>fellow</i>")
    hedge = Annotation("hedge", text.index("may"), text.index("may") + 3, "may", "hedge.modal",
                       "“May” makes it less certain.")
    official = Annotation("official", 0, first_end, "officials said", "official.attribution",
                          "Officials said this.", "officials")
    expert = Annotation("expert", first_end + 1, len(text), "said", "expert.attribution",
                        "An expert <says> this.", "<b>Giles</b>")
    s1 = SentenceAnalysis(0, 0, first_end, text[:first_end], 0, frozenset({"hedge", "official"}),
                          minister, (hedge, official))
    s2 = SentenceAnalysis(1, first_end + 1, len(text), text[first_end + 1:], 0, frozenset({"expert"}),
                          giles, (expert,))
    return Analysis(text, (hedge, official, expert), (s1, s2), (minister, giles))
