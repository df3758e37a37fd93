"""Build and check the benchmark sets: ``python -m tools.benchsets build|check|list [SET ...]``.

Every set the kit is measured on is named in ``benchmarks/sets.yaml`` with its status
(``development``, ``blind`` or ``external``), its kind (``invented`` or ``real``), its folder
and a one-line description. A set of the kit's own holds data only:
``benchmarks/<set>/<slug>.spec`` (written by hand), the three files built from it
(``<slug>.txt``, ``<slug>.gold.jsonl``, ``<slug>.boilerplate.jsonl``) and a ``README.md``.

The spec format (one record a line, UTF-8)::

    = key: value                                   metadata, before the first unit
    # comment                                      ignored (so are blank lines)
    U|labels|hedge_cues|source|optional|note|text  one unit; labels/optional: comma lists,
                                                   hedge_cues: ';' list, '-' = empty;
                                                   text is the last field and may contain '|'
    C|reason|text                                  boilerplate: not a unit (credits, sign-offs)
    --                                             line break (after a headline)
    ---                                            paragraph break (blank line)

Records in one paragraph are joined with one space; the text ends with one newline. The tool
computes every offset, so nobody counts characters by hand.

One definition of "optional": a category in a unit's ``optional`` is one careful annotators could
reasonably differ on, and a scorer counts it neither as a hit nor as a miss. ``labels`` and
``optional`` never share a category.

``build`` writes the three files of every spec of the named sets (all of them by default) and
writes nothing for a set whose specs have a problem. ``check`` writes nothing: it rebuilds in
memory, compares byte for byte with the files on disk, checks the files themselves, and prints
the counts per set. External sets (read in place from ``../shared``) are only read and checked;
when ``../shared`` is absent they are skipped with a note. Problems name the file, the line and
what is wrong; the exit status is 1 when there is any.
"""
from __future__ import annotations

from .check import SetReport, build_set, check_external, check_files
from .scores import keyed_texts, load_expectations, scores, shortfalls, suggested_floor
from .sets import (CATEGORIES, EXPECTATIONS_FILE, FORMATS, KINDS, ROOT, SETS_FILE, STATUSES, BenchSet,
                   SetsError, load_sets)
from .spec import BOILERPLATE_FIELDS, GOLD_FIELDS, REAL_METADATA, Built, parse_spec

__all__ = ["BOILERPLATE_FIELDS", "CATEGORIES", "EXPECTATIONS_FILE", "FORMATS", "GOLD_FIELDS", "KINDS",
           "REAL_METADATA", "ROOT", "SETS_FILE", "STATUSES", "BenchSet", "Built", "SetReport", "SetsError",
           "build_set", "check_external", "check_files", "keyed_texts", "load_expectations", "load_sets",
           "main", "parse_spec", "scores", "shortfalls", "suggested_floor"]


def main(argv=None) -> int:
    """The command line (see ``python -m tools.benchsets --help``)."""
    from .__main__ import main as _main

    return _main(argv)
