"""Checks every heldout gold file and prints per-category counts.

Run with /work/main/.venv/bin/python verify_gold.py
"""
import collections
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CATS = ("hedge", "official", "expert", "unverified")
FIELDS = ["id", "text", "start", "end", "labels", "hedge_cues", "source", "note", "optional"]


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main():
    errors = []
    total_units = 0
    label_counts = collections.Counter()
    optional_counts = collections.Counter()
    per_article = {}
    for txt in sorted(HERE.glob("*.txt")):
        slug = txt.stem
        text = txt.read_text(encoding="utf-8")
        gold = load(HERE / f"{slug}.gold.jsonl")
        bp = load(HERE / f"{slug}.boilerplate.jsonl")
        words = len(text.split())
        if not 350 <= words <= 600:
            errors.append(f"{slug}: {words} words")
        covered = [False] * len(text)
        prev_end = 0
        art_counts = collections.Counter()
        for n, rec in enumerate(gold, 1):
            where = f"{slug} {rec.get('id')}"
            if list(rec) != FIELDS:
                errors.append(f"{where}: fields {list(rec)}")
            if rec["id"] != f"{slug}-{n:03d}":
                errors.append(f"{where}: id out of sequence")
            if text[rec["start"]:rec["end"]] != rec["text"]:
                errors.append(f"{where}: offsets do not match text")
            if rec["start"] < prev_end:
                errors.append(f"{where}: overlaps or out of order")
            prev_end = rec["end"]
            if rec["text"] != rec["text"].strip() or "\n" in rec["text"]:
                errors.append(f"{where}: unit has surrounding whitespace or a newline")
            for lab in rec["labels"] + rec["optional"]:
                if lab not in CATS:
                    errors.append(f"{where}: bad category {lab}")
            if len(set(rec["labels"])) != len(rec["labels"]):
                errors.append(f"{where}: duplicate label")
            for cue in rec["hedge_cues"]:
                if cue not in rec["text"]:
                    errors.append(f"{where}: cue {cue!r} not in unit")
            if ("hedge" in rec["labels"]) != bool(rec["hedge_cues"]):
                errors.append(f"{where}: hedge label and hedge_cues disagree")
            if rec["source"] is not None and not isinstance(rec["source"], str):
                errors.append(f"{where}: bad source")
            for i in range(rec["start"], rec["end"]):
                covered[i] = True
            label_counts.update(rec["labels"])
            optional_counts.update(rec["optional"])
            art_counts.update(rec["labels"])
        for rec in bp:
            if text[rec["start"]:rec["end"]] != rec["text"]:
                errors.append(f"{slug} boilerplate: offsets do not match")
            for i in range(rec["start"], rec["end"]):
                if covered[i]:
                    errors.append(f"{slug} boilerplate overlaps a unit at {i}")
                    break
            for i in range(rec["start"], rec["end"]):
                covered[i] = True
        stray = "".join(ch for ch, c in zip(text, covered) if not c and not ch.isspace())
        if stray:
            errors.append(f"{slug}: text not covered by any unit or boilerplate: {stray[:80]!r}")
        # headline and dek are the first two lines and the first two units
        lines = text.split("\n")
        if gold[0]["text"] != lines[0] or gold[1]["text"] != lines[1]:
            errors.append(f"{slug}: first two units are not headline and dek")
        total_units += len(gold)
        per_article[slug] = (len(gold), words, dict(art_counts))

    for slug, (n, words, counts) in per_article.items():
        print(f"{slug:32s} words={words:3d} units={n:2d} " +
              " ".join(f"{c}={counts.get(c, 0)}" for c in CATS))
    print(f"\nTOTAL units: {total_units}")
    for c in CATS:
        print(f"  {c:11s} labelled={label_counts[c]:3d}  optional={optional_counts[c]:3d}")
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nAll checks passed: offsets exact, cues are substrings, full coverage.")


if __name__ == "__main__":
    main()
