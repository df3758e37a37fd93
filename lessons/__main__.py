"""Command line for teachers: annotate a file, score the annotator, export a handout.

    python -m lessons annotate ARTICLE.txt [--json]
    python -m lessons evaluate [--benchmarks DIR] [--sets SETS.yaml]
    python -m lessons render ARTICLE.txt --output HANDOUT.html
    python -m lessons render makiivka-nbc-2023 --output HANDOUT.html
    python -m lessons class-report FOLDER [--csv OUT.csv] [--plot OUT.png]
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
    """Where external sets (``../shared/benchmarks/...`` in sets.yaml) are read: --benchmarks, then $MLK_BENCHMARKS."""
    if arg:
        return Path(arg)
    env = os.environ.get("MLK_BENCHMARKS")
    return Path(env) if env else None


def cmd_evaluate(args) -> int:
    from .scoring.sets import SETS_FILE, SetsFileMissing, format_report, score_seed, score_sets

    try:
        scores = score_sets(args.sets or SETS_FILE, _benchmark_dir(args.benchmarks))
    except SetsFileMissing as e:
        print(format_report([score_seed()]))
        print(f"\n({e}: only the seed article was scored.)")
        return 0
    print(format_report(scores))
    return 0


def cmd_render(args) -> int:
    from .render.handout import write_article_handout
    from .text.article import available_articles, load_article

    source = args.path
    # One of the kit's own articles by its id (e.g. makiivka-nbc-2023), unless a file has that name.
    article = (load_article(source) if source in available_articles() and not Path(source).exists()
               else load_article(Path(source)))
    out = write_article_handout(args.output, article, title=article.title or Path(source).stem)
    print(f"Handout written to {out}")
    return 0


def cmd_class_report(args) -> int:
    from .learner.class_report import class_report, summary_lines, write_csv, write_plot

    outputs = [Path(p) for p in (args.csv, args.plot) if p]
    rows = class_report(args.folder, skip=outputs)
    for line in summary_lines(rows):
        print(line)
    if not rows:
        print("The folder has no files in it. Put the progress files learners downloaded there.")
        return 1
    written = []
    for path, write in ((args.csv, write_csv), (args.plot, write_plot)):
        if not path:
            continue
        try:
            written.append(write(path, rows))
        except OSError as exc:
            raise KitError(f"The report could not be written to '{path}' ({exc.strerror or exc}). "
                           "Check that the folder exists and that you may write there.") from None
    for path in written:
        print(f"Written: {path}")
    return 0 if any(r.ok for r in rows) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons", description="Media-literacy kit: annotate, evaluate, render, class-report.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("annotate", help="highlight hedges, official statements, expert commentary and unverified claims")
    p.add_argument("path", help="a UTF-8 text file")
    p.add_argument("--json", action="store_true", help="print a JSON array of annotations")
    p.set_defaults(func=cmd_annotate)
    p = sub.add_parser("evaluate", help="score the annotator and a word-list baseline on every benchmark set")
    p.add_argument("--benchmarks", help="folder holding the external sets (default: ../shared/benchmarks)")
    p.add_argument("--sets", help="the list of sets to score (default: benchmarks/sets.yaml)")
    p.set_defaults(func=cmd_evaluate)
    p = sub.add_parser("render", help="export a printable highlighted handout")
    p.add_argument("path", help="an article: .txt, .md or .html, an article.yaml, or the id of one of "
                                "the kit's articles (makiivka-nbc-2023)")
    p.add_argument("--output", "-o", required=True, help="where to write the HTML handout")
    p.set_defaults(func=cmd_render)
    p = sub.add_parser("class-report", help="one row per learner from a folder of downloaded progress files")
    p.add_argument("folder", help="a folder of progress files (any names; damaged ones are named, not fatal)")
    p.add_argument("--csv", metavar="OUT.csv", help="write the table as CSV (safe to open in a spreadsheet)")
    p.add_argument("--plot", metavar="OUT.png", help="draw the class as a PNG chart")
    p.set_defaults(func=cmd_class_report)
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
