"""Verify offsets, cues, coverage and print per-category counts."""
import json, os, re
from collections import Counter
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATS = ["hedge", "official", "expert", "unverified"]
HEDGE_CUES = re.compile(r"\b(may|might|could|possibly|probably|likely|reportedly|allegedly|apparently|perhaps|appear|appears|appeared|seem|seems|seemed|suggest|suggests|suggested|believed?|believes|thought|expected|plausible|possible|possibility|unclear|not clear|were reported|was reported|suspected|estimated|unconfirmed|not (been )?confirmed)\b", re.I)
tot, opt, nunits = Counter(), Counter(), 0
slugs = sorted(f[:-4] for f in os.listdir(OUT) if f.endswith(".txt"))
for slug in slugs:
    text = open(os.path.join(OUT, slug + ".txt"), encoding="utf-8").read()
    lines = text.split("\n")
    units = [json.loads(l) for l in open(os.path.join(OUT, slug + ".gold.jsonl"), encoding="utf-8")]
    boil = [json.loads(l) for l in open(os.path.join(OUT, slug + ".boilerplate.jsonl"), encoding="utf-8")]
    spans = []
    for k, u in enumerate(units, 1):
        assert u["id"] == f"{slug}-{k:03d}", u["id"]
        assert text[u["start"]:u["end"]] == u["text"], u["id"]
        assert set(u["labels"]) <= set(CATS) and set(u["optional"]) <= set(CATS), u["id"]
        for c in u["hedge_cues"]:
            assert c in u["text"], (u["id"], c)
        assert bool(u["hedge_cues"]) == ("hedge" in u["labels"]), u["id"]
        for c in u["labels"]: tot[c] += 1
        for c in u["optional"]: opt[c] += 1
        spans.append((u["start"], u["end"], "u"))
        # warn about possible hedge cue words in non-hedge units
        m = HEDGE_CUES.findall(u["text"])
        if m and "hedge" not in u["labels"]:
            print("  note: cue-like word in non-hedge unit", u["id"], [x if isinstance(x,str) else x[0] for x in m])
    for b in boil:
        assert text[b["start"]:b["end"]] == b["text"]
        spans.append((b["start"], b["end"], "b"))
    spans.sort()
    pos = 0
    for s, e, _ in spans:
        assert s >= pos, ("overlap", slug, s)
        gap = text[pos:s]
        assert gap.strip() == "", ("uncovered text", slug, repr(gap))
        pos = e
    assert text[pos:].strip() == "", ("uncovered tail", slug)
    assert units[0]["text"] == lines[0] and units[1]["text"] == lines[1], slug
    words = len(text.split())
    nunits += len(units)
    print(f"{slug}: {len(units)} units, {len(boil)} boilerplate, {words} words, " + ", ".join(f"{c}={sum(c in u['labels'] for u in units)}" for c in CATS))
print(f"TOTAL units={nunits}")
for c in CATS:
    print(f"{c}: {tot[c]} (optional-marked {opt[c]})")
