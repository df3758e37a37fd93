"""Quotation marks: where each quotation in a text starts and ends."""
from __future__ import annotations

import re

from ..text.sentences import Sentence

_OPEN_Q = "“«„"
_CLOSE_Q = "”»"
QUOTES = _OPEN_Q + _CLOSE_Q + '"'
_MARK = re.compile("[%s‘’]" % QUOTES)     # every mark the loop below looks at, found without a loop per character


def quote_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int, int]]:
    """Quotations as (start, end, paragraph), pairing opening and closing marks in each paragraph."""
    spans = []
    by_para: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    for para in sorted(by_para):
        ps = by_para[para]
        lo, hi = ps[0].start, ps[-1].end
        open_at = None
        single = False                    # the open quotation uses British single marks ‘ … ’
        for found in _MARK.finditer(text, lo, hi):
            i, ch = found.start(), found.group()
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else " "
            if ch in "‘’":
                # Single marks are quotations only outside a double-quoted one, and ’ closes only
                # an open ‘ when no letter follows it ("don’t" and "soldiers’ phones" do not close).
                if open_at is None and ch == "‘" and (prev.isspace() or prev in "([—–-") and not nxt.isspace():
                    open_at, single = i, True
                elif open_at is not None and single and ch == "’" and not nxt.isalnum():
                    spans.append((open_at, i + 1, para))
                    open_at = None
                continue
            is_open = ch in _OPEN_Q or (ch == '"' and (prev.isspace() or prev in "([—–-") and not nxt.isspace())
            if open_at is None and is_open:
                open_at, single = i, False
            elif open_at is not None and not single and not is_open:
                spans.append((open_at, i + 1, para))
                open_at = None
        if open_at is not None:                      # quote runs to the paragraph's end
            spans.append((open_at, hi, para))
    return spans

