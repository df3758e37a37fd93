"""Verify the held-out test set: exact offsets, cue substrings, full coverage.

Usage: /work/main/.venv/bin/python verify.py
"""
import json, pathlib, sys
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
CATS = ["hedge", "official", "expert", "unverified"]
FIELDS = {"id", "text", "start", "end", "labels", "hedge_cues", "source", "note", "optional"}


def load(p):
    return [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


def main():
    total, opt, units, errors = Counter(), Counter(), 0, []
    rows = []
    for txt in sorted(HERE.glob("*.txt")):
        slug = txt.stem
        text = txt.read_text(encoding="utf-8")
        gold = load(HERE / f"{slug}.gold.jsonl")
        boiler = load(HERE / f"{slug}.boilerplate.jsonl")
        covered = [False] * len(text)
        per = Counter()
        prev_end = 0
        lines = text.split("\n")
        if gold[0]["text"] != lines[0] or gold[1]["text"] != lines[1]:
            errors.append(f"{slug}: headline/dek are not lines 1 and 2")
        for i, g in enumerate(gold, 1):
            if not FIELDS <= set(g):
                errors.append(f"{g.get('id')}: missing fields {FIELDS - set(g)}")
            if g["id"] != f"{slug}-{i:03d}":
                errors.append(f"{g['id']}: bad id")
            if text[g["start"]:g["end"]] != g["text"]:
                errors.append(f"{g['id']}: offset mismatch")
            if g["start"] < prev_end:
                errors.append(f"{g['id']}: overlaps or out of order")
            prev_end = g["end"]
            for c in g["hedge_cues"]:
                if c not in g["text"]:
                    errors.append(f"{g['id']}: cue {c!r} not in text")
            if ("hedge" in g["labels"]) != bool(g["hedge_cues"]):
                errors.append(f"{g['id']}: hedge label/cue mismatch")
            for lab in g["labels"] + g["optional"]:
                if lab not in CATS:
                    errors.append(f"{g['id']}: unknown category {lab}")
            for k in range(g["start"], g["end"]):
                covered[k] = True
            per.update(g["labels"])
            total.update(g["labels"])
            opt.update(g["optional"])
        for b in boiler:
            if text[b["start"]:b["end"]] != b["text"]:
                errors.append(f"{slug}: boilerplate offset mismatch")
            for k in range(b["start"], b["end"]):
                covered[k] = True
        stray = "".join(ch for ch, c in zip(text, covered) if not c and not ch.isspace())
        if stray:
            errors.append(f"{slug}: text not covered by units/boilerplate: {stray!r}")
        words = len(text.split())
        if not 350 <= words <= 600:
            errors.append(f"{slug}: {words} words")
        units += len(gold)
        rows.append((slug, words, len(gold), per))
    for slug, words, n, per in rows:
        print(f"{slug:28s} words={words:3d} units={n:2d} " +
              " ".join(f"{c}={per[c]}" for c in CATS))
    print(f"TOTAL units={units} " + " ".join(f"{c}={total[c]}" for c in CATS))
    print("optional (either answer accepted): " + " ".join(f"{c}={opt[c]}" for c in CATS))
    if errors:
        print("ERRORS:\n" + "\n".join(errors))
        sys.exit(1)
    print("OK: all offsets exact, all cues are substrings, all text covered")


if __name__ == "__main__":
    main()
