import json, glob, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__))
CATS = ["hedge", "official", "expert", "unverified"]
tot_req = collections.Counter(); tot_opt = collections.Counter(); nunits = 0
for txt in sorted(glob.glob(os.path.join(HERE, "*.txt"))):
    slug = os.path.basename(txt)[:-4]
    t = open(txt, encoding="utf-8").read()
    gold = [json.loads(l) for l in open(os.path.join(HERE, slug + ".gold.jsonl"), encoding="utf-8")]
    bp = [json.loads(l) for l in open(os.path.join(HERE, slug + ".boilerplate.jsonl"), encoding="utf-8")]
    prev = 0
    for i, g in enumerate(gold, 1):
        assert g["id"] == f"{slug}-{i:03d}", g["id"]
        assert t[g["start"]:g["end"]] == g["text"], g["id"]
        assert g["start"] >= prev; prev = g["end"]
        assert set(g["labels"]) <= set(CATS) and set(g["optional"]) <= set(CATS)
        assert not set(g["labels"]) & set(g["optional"])
        for c in g["hedge_cues"]:
            assert c in g["text"], (g["id"], c)
        assert bool(g["hedge_cues"]) == ("hedge" in g["labels"] or ("hedge" in g["optional"])), g["id"]
    for b in bp:
        assert t[b["start"]:b["end"]] == b["text"]
        for g in gold:
            assert b["end"] <= g["start"] or b["start"] >= g["end"]
    # everything not covered by units/boilerplate must be whitespace
    cov = [0]*len(t)
    for x in gold + bp:
        for k in range(x["start"], x["end"]): cov[k] = 1
    rest = "".join(ch for ch, c in zip(t, cov) if not c)
    assert rest.strip() == "", repr(rest)
    lines = t.split("\n")
    words = len(t.split())
    c_req = collections.Counter(l for g in gold for l in g["labels"])
    c_opt = collections.Counter(l for g in gold for l in g["optional"])
    tot_req.update(c_req); tot_opt.update(c_opt); nunits += len(gold)
    print(f"{slug}: {words} words, {len(gold)} units, " + ", ".join(f"{c} {c_req[c]}(+{c_opt[c]} opt)" for c in CATS))
print(f"TOTAL: {nunits} units, " + ", ".join(f"{c} {tot_req[c]}(+{tot_opt[c]} opt)" for c in CATS))
print("none:", sum(1 for f in glob.glob(os.path.join(HERE,'*.gold.jsonl')) for l in open(f) if not json.loads(l)['labels']))
