"""Build the held-out test articles and gold annotations from src/*.spec.

Each spec lists the units of one article in document order. This script
assembles <slug>.txt, computes Python str offsets for every unit and writes
<slug>.gold.jsonl and <slug>.boilerplate.jsonl, then README.md counts.
"""
import json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
CATS = ["hedge", "official", "expert", "unverified"]


def parse_spec(path):
    blocks = []  # each: {"kind", "credit", "units": [...]}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        if raw.startswith("@"):
            kind, _, rest = raw[1:].partition(" ")
            blocks.append({"kind": kind, "credit": rest.strip() or None, "units": []})
        elif raw.startswith("> "):
            blocks[-1]["units"].append({"text": raw[2:], "labels": [], "hedge_cues": [],
                                        "source": None, "note": "", "optional": []})
        else:
            key, _, val = raw.partition(": ")
            u = blocks[-1]["units"][-1]
            val = val.strip()
            if key == "L":
                u["labels"] = val.split()
            elif key == "C":
                u["hedge_cues"] = [c.strip() for c in val.split("|") if c.strip()]
            elif key == "S":
                u["source"] = val or None
            elif key == "O":
                u["optional"] = val.split()
            elif key == "N":
                u["note"] = val
            else:
                raise ValueError(f"{path}: bad line {raw!r}")
    return blocks


def build(path):
    slug = path.stem
    blocks = parse_spec(path)
    assert blocks[0]["kind"] == "headline" and blocks[1]["kind"] == "dek"
    assert len(blocks[0]["units"]) == 1 and len(blocks[1]["units"]) == 1
    assert sum(b["kind"] == "caption" for b in blocks) == 1
    lines = []
    for b in blocks:
        s = " ".join(u["text"] for u in b["units"])
        if b["kind"] == "caption":
            s += " " + b["credit"]
        lines.append(s)
    text = lines[0] + "\n" + lines[1] + "\n\n" + "\n\n".join(lines[2:]) + "\n"
    gold, boiler, cur = [], [], 0
    for b in blocks:
        for u in b["units"]:
            start = text.find(u["text"], cur)
            assert start >= 0, (slug, u["text"])
            assert text[cur:start].strip() == "", (slug, text[cur:start])
            end = start + len(u["text"])
            cur = end
            for c in u["hedge_cues"]:
                assert c in u["text"], (slug, c, u["text"])
            assert ("hedge" in u["labels"]) == bool(u["hedge_cues"]), (slug, u["text"])
            for lab in u["labels"] + u["optional"]:
                assert lab in CATS, lab
            gold.append({"id": f"{slug}-{len(gold)+1:03d}", "text": u["text"],
                         "start": start, "end": end,
                         "labels": [c for c in CATS if c in u["labels"]],
                         "hedge_cues": u["hedge_cues"], "source": u["source"],
                         "note": u["note"],
                         "optional": [c for c in CATS if c in u["optional"]],
                         "part": b["kind"] if b["kind"] != "p" else "body"})
        if b["kind"] == "caption":
            start = text.find(b["credit"], cur)
            assert text[cur:start].strip() == ""
            end = start + len(b["credit"])
            cur = end
            boiler.append({"text": b["credit"], "start": start, "end": end,
                           "reason": "photo credit (not a unit)"})
    assert text[cur:].strip() == ""
    (HERE / f"{slug}.txt").write_text(text, encoding="utf-8")
    with open(HERE / f"{slug}.gold.jsonl", "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(HERE / f"{slug}.boilerplate.jsonl", "w", encoding="utf-8") as f:
        for g in boiler:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    return slug, text, gold


if __name__ == "__main__":
    for p in sorted((HERE / "src").glob("*.spec")):
        slug, text, gold = build(p)
        print(f"{slug}: {len(text.split())} words, {len(gold)} units")
