"""Command line for teachers: annotate a file, score the annotator, export a handout.

    python -m lessons annotate ARTICLE.txt [--json]
    python -m lessons evaluate [--benchmarks DIR]
    python -m lessons render ARTICLE.txt --output HANDOUT.html
    python -m lessons check-quizzes [FILE...]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .errors import KitError
from .text.files import read_text_exactly


def cmd_annotate(args) -> int:
    from .annotator import annotate

    text = read_text_exactly(args.path)
    anns = annotate(text)
    if args.json:
        json.dump([a.to_dict(text) for a in anns], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from .render.palette import load_categories

    cats = load_categories()
    if not anns:
        print("Nothing was highlighted in this text.")
    for a in anns:
        cat = cats.get(a.category)
        label = f"{cat.symbol} {cat.short}" if cat else a.category
        span = " ".join(text[a.start:a.end].split())
        if len(span) > 90:
            span = span[:87] + "..."
        print(f"{label:<13} {a.start:>6}-{a.end:<6} {span}")
        print(f"{'':<13} cue: {a.cue!r}  rule: {a.rule}" + (f"  source: {a.source}" if a.source else ""))
        print(f"{'':<13} {a.explanation}")
    return 0


def _benchmark_dir(arg: str | None) -> Path | None:
    if arg:
        return Path(arg)
    env = os.environ.get("MLK_BENCHMARKS")
    if env:
        return Path(env)
    guess = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
    return guess if guess.is_dir() else None


def cmd_evaluate(args) -> int:
    from .scoring.metrics import evaluate, format_table, pooled
    from .scoring.key import article_text, load_gold_jsonl, load_key

    print(format_table("Seed article (NBC News, Makiivka) against the kit's expert key", evaluate(load_key(), article_text())))
    repo = Path(__file__).resolve().parent.parent / "benchmarks"
    sets = [(repo / "heldout", "invented news reports, used during development"),
            (repo / "heldout-test", "invented news reports annotated independently, used during development"),
            (repo / "heldout-final", "invented news reports annotated independently, used during development"),
            (repo / "dev-contested", "invented reports of disputed events annotated independently, used during development"),
            (repo / "heldout-blind", "invented news reports annotated independently, never used to change a rule")]
    bench = _benchmark_dir(args.benchmarks)
    if bench:
        sets.append((bench / "news-dev", "external Global Voices posts annotated independently"))
    for folder, what in sets:
        gold = sorted(folder.glob("*.gold.jsonl")) if folder.is_dir() else []
        if not gold:
            continue
        results = []
        for g in gold:
            text = read_text_exactly(str(g).replace(".gold.jsonl", ".txt"))
            results.append(evaluate(load_gold_jsonl(g, text), text))
        print()
        print(format_table(f"{folder.name}: {len(gold)} {what} (pooled)", pooled(results)))
    if not bench:
        print("\n(The external news-dev benchmark was not found; pass --benchmarks DIR to score on it.)")
    return 0


def cmd_render(args) -> int:
    from .annotator import annotate
    from .text.article import load_article
    from .render.handout import write_handout

    article = load_article(Path(args.path))
    text = article.text
    out = write_handout(args.output, text, annotate(text), title=article.title or Path(args.path).stem)
    print(f"Handout written to {out}")
    return 0


def cmd_check_quizzes(args) -> int:
    from .learner.quizcheck import check_files

    report = check_files(args.files or None)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons", description="Media-literacy kit: annotate, evaluate, render.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("annotate", help="highlight hedges, official statements, expert commentary and unverified claims")
    p.add_argument("path", help="a UTF-8 text file")
    p.add_argument("--json", action="store_true", help="print a JSON array of annotations")
    p.set_defaults(func=cmd_annotate)
    p = sub.add_parser("evaluate", help="score the annotator and a word-list baseline against keys")
    p.add_argument("--benchmarks", help="folder holding news-dev/ (default: ../shared/benchmarks)")
    p.set_defaults(func=cmd_evaluate)
    p = sub.add_parser("render", help="export a printable highlighted handout")
    p.add_argument("path", help="an article: .txt, .md or .html")
    p.add_argument("--output", "-o", required=True, help="where to write the HTML handout")
    p.set_defaults(func=cmd_render)
    p = sub.add_parser("check-quizzes", help="check quiz files for answers that give themselves away, "
                                             "missing feedback and missing transfer questions")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="quiz files or folders of them (default: every quiz of the kit)")
    p.set_defaults(func=cmd_check_quizzes)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KitError as e:
        print(f"Sorry: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
