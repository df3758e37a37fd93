"""Verify offsets, cues, coverage and word counts; print per-category counts."""
import json, pathlib, re, collections
D = pathlib.Path(__file__).resolve().parent.parent
CATS = ["hedge", "official", "expert", "unverified"]
CUEWORDS = r"\b(may|might|could|possibl\w*|probabl\w*|likely|reportedly|allegedly|alleged|apparently|perhaps|appear\w*|seem\w*|suggest\w*|believed?|thought|expected|plausible|unclear|not clear|suspected|estimated?|unconfirmed|confirmed)\b"
tot = collections.Counter(); opt = collections.Counter(); nunits = 0
for txt in sorted(D.glob("*.txt")):
    slug = txt.stem
    t = txt.read_text(encoding="utf-8")
    units = [json.loads(l) for l in open(D / f"{slug}.gold.jsonl", encoding="utf-8")]
    boil = [json.loads(l) for l in open(D / f"{slug}.boilerplate.jsonl", encoding="utf-8")]
    cov = [False] * len(t); prev = 0
    for i, u in enumerate(units, 1):
        assert u["id"] == f"{slug}-{i:03d}"
        assert t[u["start"]:u["end"]] == u["text"], u["id"]
        assert u["start"] >= prev; prev = u["end"]
        for c in u["hedge_cues"]:
            assert c in u["text"], (u["id"], c)
        assert set(u["labels"]) <= set(CATS) and set(u["optional"]) <= set(CATS)
        if "hedge" in u["labels"]:
            assert u["hedge_cues"], u["id"]
        assert u["text"] == u["text"].strip()
        for k in range(u["start"], u["end"]): cov[k] = True
        for c in u["labels"]: tot[c] += 1
        for c in u["optional"]: opt[c] += 1
        m = re.findall(CUEWORDS, u["text"], re.I)
        if m and "hedge" not in u["labels"]:
            print("  review (cue-like word, no hedge):", u["id"], m)
    for b in boil:
        assert t[b["start"]:b["end"]] == b["text"]
        for k in range(b["start"], b["end"]): cov[k] = True
    unc = [k for k, ch in enumerate(t) if not ch.isspace() and not cov[k]]
    assert not unc, (slug, t[unc[0]:unc[0] + 40])
    lines = t.split("\n")
    assert lines[0] == units[0]["text"] and lines[1] == units[1]["text"] and lines[2] == ""
    words = len(t.split())
    assert 350 <= words <= 650, (slug, words)
    nunits += len(units)
    print(f"{slug}: {len(units)} units, {words} words, {len(boil)} credit(s)")
print(f"articles: {len(list(D.glob('*.txt')))}  units: {nunits}")
for c in CATS:
    print(f"{c}: {tot[c]} (optional marks: {opt[c]})")
