"""Build <slug>.txt, <slug>.gold.jsonl and <slug>.boilerplate.jsonl from src/<slug>.spec.

Spec lines:
  U|labels|hedge_cues|source|optional|note|text   one unit (fields: comma list, ';' list, '-' = empty)
  C|reason|text                                   credit (not a unit), appended to the current line
  --                                              single line break (after headline)
  ---                                             paragraph break (blank line)
Units in the same paragraph are joined with one space. Offsets are computed here, never by hand.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent
CATS = ["hedge", "official", "expert", "unverified"]


def lst(field, sep):
    field = field.strip()
    return [] if field in ("", "-") else [x.strip() for x in field.split(sep) if x.strip()]


def build(spec_path):
    slug = spec_path.stem
    text = ""
    line_open = False  # something already on the current line/paragraph
    units, boiler = [], []
    for raw in spec_path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.strip() == "--":
            text += "\n"
            line_open = False
            continue
        if raw.strip() == "---":
            text += "\n\n"
            line_open = False
            continue
        kind = raw[:2]
        if kind == "U|":
            _, labels, cues, source, optional, note, utext = raw.split("|", 6)
            if line_open:
                text += " "
            start = len(text)
            text += utext
            labels_l = lst(labels, ",")
            for c in labels_l + lst(optional, ","):
                assert c in CATS, (slug, c)
            units.append({
                "id": f"{slug}-{len(units) + 1:03d}",
                "text": utext,
                "start": start,
                "end": len(text),
                "labels": labels_l,
                "hedge_cues": lst(cues, ";"),
                "source": None if source.strip() in ("", "-") else source.strip(),
                "note": note.strip(),
                "optional": lst(optional, ","),
            })
            line_open = True
        elif kind == "C|":
            _, reason, ctext = raw.split("|", 2)
            if line_open:
                text += " "
            start = len(text)
            text += ctext
            boiler.append({"text": ctext, "start": start, "end": len(text), "reason": reason.strip()})
            line_open = True
        else:
            sys.exit(f"bad line in {spec_path}: {raw!r}")
    text += "\n"
    (OUT / f"{slug}.txt").write_text(text, encoding="utf-8")
    with open(OUT / f"{slug}.gold.jsonl", "w", encoding="utf-8") as f:
        for u in units:
            f.write(json.dumps(u, ensure_ascii=False) + "\n")
    with open(OUT / f"{slug}.boilerplate.jsonl", "w", encoding="utf-8") as f:
        for b in boiler:
            f.write(json.dumps(b, ensure_ascii=False) + "\n")
    return slug, len(units)


if __name__ == "__main__":
    for p in sorted(HERE.glob("*.spec")):
        print(*build(p))
