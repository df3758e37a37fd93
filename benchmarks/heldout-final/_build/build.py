"""Build gold/boilerplate JSONL from hand-written .spec files, computing offsets."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CATS = ["hedge", "official", "expert", "unverified"]
slugs = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith(".spec"))
for slug in slugs:
    text = open(os.path.join(OUT, slug + ".txt"), encoding="utf-8").read()
    units, boiler = [], []
    cursor = 0
    for ln, line in enumerate(open(os.path.join(HERE, slug + ".spec"), encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        f = [x.strip() for x in line.split("|")]
        if f[0].startswith("@BOILER"):
            s = f[0][len("@BOILER"):].strip()
            i = text.find(s, cursor)
            assert i >= 0, (slug, ln, s)
            boiler.append({"text": s, "start": i, "end": i + len(s), "reason": f[1]})
            cursor = i + len(s)
            continue
        assert len(f) == 6, (slug, ln, len(f), line)
        s, labels, cues, source, note, optional = f
        i = text.find(s, cursor)
        assert i >= 0, (slug, ln, s)
        split = lambda v, sep: [x.strip() for x in v.split(sep) if x.strip()]
        units.append({"text": s, "start": i, "end": i + len(s),
                      "labels": split(labels, ","), "hedge_cues": split(cues, ";"),
                      "source": source or None, "note": note,
                      "optional": split(optional, ",")})
        cursor = i + len(s)
    for n, u in enumerate(units, 1):
        u["id"] = f"{slug}-{n:03d}"
    keys = ["id", "text", "start", "end", "labels", "hedge_cues", "source", "note", "optional"]
    with open(os.path.join(OUT, slug + ".gold.jsonl"), "w", encoding="utf-8") as fh:
        for u in units:
            fh.write(json.dumps({k: u[k] for k in keys}, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, slug + ".boilerplate.jsonl"), "w", encoding="utf-8") as fh:
        for b in boiler:
            fh.write(json.dumps(b, ensure_ascii=False) + "\n")
print("built", len(slugs))
