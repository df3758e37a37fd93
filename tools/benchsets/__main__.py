"""``python -m tools.benchsets build|check|list|scores [SET ...]``."""
from __future__ import annotations

import argparse
import sys

from .check import build_set
from .misses import misses
from .scores import load_expectations, scores, suggested_floor
from .sets import BenchSet, SetsError, load_sets


def _select(names: list[str]) -> list[BenchSet]:
    sets = load_sets()
    if not names:
        return sets
    by_name = {s.name: s for s in sets}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SetsError(f"no set called {', '.join(unknown)} in benchmarks/sets.yaml; "
                        f"the sets are {', '.join(by_name)}")
    return [by_name[n] for n in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.benchsets",
                                     description="Build and check the benchmark sets named in benchmarks/sets.yaml.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "write each set's .txt, .gold.jsonl and .boilerplate.jsonl from its specs"),
                       ("check", "check every set without writing anything"),
                       ("list", "list the sets with their status"),
                       ("scores", "print the annotator's F1 per set and category beside its expectation"),
                       ("misses", "list the annotator's missed and extra units on development sets")):
        p = sub.add_parser(name, help=text)
        p.add_argument("sets", nargs="*", metavar="SET", help="set names (default: all)")
    args = parser.parse_args(argv)
    try:
        chosen = _select(args.sets)
        if args.command == "list":
            for s in chosen:
                print(f"{s.name:<20} {s.status:<12} {s.kind:<9} {s.path}\n{'':<20} {s.description}")
            return 0
        if args.command == "scores":
            return _print_scores(chosen)
        if args.command == "misses":
            for s in chosen:
                note = s.missing_note()
                print(note) if note else print("\n".join(misses(s)))
            return 0
        bad = 0
        for s in chosen:
            rep = build_set(s, write=args.command == "build")
            for p in rep.problems:
                print(f"  {p}")
            print(rep.summary())
            bad += bool(rep.problems)
        return 1 if bad else 0
    except SetsError as exc:
        print(f"Sorry: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _print_scores(chosen: list[BenchSet]) -> int:
    floors = load_expectations()
    for s in chosen:
        note = s.missing_note()
        if note:
            print(note)
            continue
        for cat, sc in scores(s).items():
            floor = floors.get(s.name, {}).get(cat)
            f1 = "-" if sc.f1 is None else f"{sc.f1:.3f}"
            print(f"{s.name:<20} {cat:<11} F1 {f1:>5}  expected >= {floor if floor is not None else '-'}"
                  f"  (suggested floor {suggested_floor(sc.f1) if sc.f1 is not None else '-'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
