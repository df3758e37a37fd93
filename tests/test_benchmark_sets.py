"""The benchmark sets: every set rebuilds byte for byte from its specs, every key passes the checks,
and the annotator keeps at least the F1 that ``benchmarks/expectations.yaml`` expects of it on
every set and category. The checker rejects each kind of bad spec with a message naming the problem.
"""
from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

import pytest

from tools import benchsets as B

SETS = B.load_sets()
FLOORS = B.load_expectations()
scores = functools.lru_cache(maxsize=None)(B.scores)     # each set annotated once per run


def _present(bset: B.BenchSet) -> None:
    note = bset.missing_note()
    if note:
        pytest.skip(note)


# ================================================================ the sets as committed

@pytest.mark.parametrize("bset", SETS, ids=[s.name for s in SETS])
def test_set_rebuilds_byte_for_byte_and_every_key_passes_the_checks(bset):
    _present(bset)
    report = B.build_set(bset, write=False)
    assert report.problems == [], "\n".join(report.problems)
    assert report.units > 0


@pytest.mark.parametrize("bset", SETS, ids=[s.name for s in SETS])
def test_annotator_keeps_the_expected_f1_on_every_category_of_the_set(bset):
    _present(bset)
    floors = FLOORS.get(bset.name)
    assert floors, (f"{bset.name} has no minimum F1 in benchmarks/expectations.yaml; "
                    "`python -m tools.benchsets scores` suggests one per category")
    shortfalls = B.shortfalls(scores(bset), floors)
    assert shortfalls == [], f"{bset.name}: " + "; ".join(shortfalls)


def test_every_expectation_names_a_known_set_and_category():
    names = {s.name for s in SETS}
    assert set(FLOORS) <= names, f"floors for sets not in sets.yaml: {sorted(set(FLOORS) - names)}"
    for name, cats in FLOORS.items():
        assert set(cats) <= set(B.CATEGORIES), name


def test_every_folder_in_benchmarks_is_a_set_named_in_sets_yaml():
    listed = {s.path for s in SETS}
    folders = {f"benchmarks/{p.name}" for p in (B.ROOT / "benchmarks").iterdir() if p.is_dir()}
    assert folders <= listed, f"not in benchmarks/sets.yaml: {sorted(folders - listed)}"


def test_sets_yaml_gives_every_set_a_status_kind_and_description():
    assert {s.status for s in SETS} <= set(B.STATUSES)
    assert all(s.kind in B.KINDS and s.description for s in SETS)
    assert [s.name for s in SETS if s.status == "blind"], "at least one blind set"


def test_a_drop_below_a_floor_is_reported_with_set_category_and_numbers():
    class S:
        def __init__(self, f1):
            self.f1 = f1

    assert B.shortfalls({"hedge": S(0.95), "official": S(0.80)}, {"hedge": 0.92, "official": 0.87}) == \
        ["official F1 0.800 is below its expected minimum 0.87"]
    assert B.shortfalls({"hedge": S(None)}, {"hedge": 0.5}) == ["hedge F1 - is below its expected minimum 0.5"]
    assert B.shortfalls({"hedge": S(0.92)}, {"hedge": 0.92}) == []


def test_no_machine_path_anywhere_in_the_repository():
    tracked = subprocess.run(["git", "-C", str(B.ROOT), "grep", "-nIE", r"(^|[^\w.])/(work|home|Users)/"],
                             capture_output=True, text=True)
    if tracked.returncode not in (0, 1):
        pytest.skip("not a git checkout")
    assert tracked.stdout == ""


# ================================================================ the spec format

GOOD = """\
# a comment
U|official|-|the ministry|-|ministry statement|Ministry says floods killed 12
--
U|hedge|may;may|-|-|two hedges|The toll may rise, and it may rise fast.
---
U|-|-|-|unverified|background|It rained | a lot.
C|photo credit|Jo Bloggs / Reuters
"""


def test_a_good_spec_builds_the_text_with_every_offset_computed():
    b = B.parse_spec(GOOD, "floods")
    assert b.problems == []
    assert b.text == ("Ministry says floods killed 12\nThe toll may rise, and it may rise fast.\n\n"
                      "It rained | a lot. Jo Bloggs / Reuters\n")
    for u in b.units:
        assert b.text[u["start"]:u["end"]] == u["text"]
    assert [u["id"] for u in b.units] == ["floods-001", "floods-002", "floods-003"]
    assert b.units[2]["optional"] == ["unverified"] and b.units[2]["labels"] == []
    assert b.units[0]["source"] == "the ministry" and b.units[1]["source"] is None
    credit = b.boilerplate[0]
    assert b.text[credit["start"]:credit["end"]] == "Jo Bloggs / Reuters"
    files = b.files()
    assert B.check_files("floods", files["floods.txt"], files["floods.gold.jsonl"],
                         files["floods.boilerplate.jsonl"]) == []
    first = files["floods.gold.jsonl"].splitlines()[0]
    assert first.startswith('{"id": "floods-001", "text": ') and first.endswith('"optional": []}')


BAD_SPECS = {
    "unknown category": ("U|rumour|-|-|-|n|Text.", "unknown category 'rumour'"),
    "label also optional": ("U|official,unverified|-|x|unverified|n|Text.", "unverified is in both labels and optional"),
    "hedge without cue": ("U|hedge|-|-|-|n|It may rain.", "labelled hedge but no hedge cue"),
    "cue without hedge": ("U|-|may|-|-|n|It may rain.", "hedge cues are given but hedge is neither"),
    "cue not in text": ("U|hedge|might|-|-|n|It may rain.", "hedge cue 'might' is not in the unit's text"),
    "cue listed too often": ("U|hedge|may;may|-|-|n|It may rain.", "listed 2 times"),
    "no note": ("U|-|-|-|-| |Text.", "a unit needs a note"),
    "too few fields": ("U|-|-|-|Text.", "a unit needs 7 fields"),
    "empty text": ("U|-|-|-|-|n|", "the text field is empty"),
    "text with outer space": ("U|-|-|-|-|n| Text.", "starts or ends with a space"),
    "unknown record": ("Text without a record mark.", "not a record"),
    "metadata after units": ("U|-|-|-|-|n|Text.\n= title: late", "metadata 'title' comes after the first unit"),
    "metadata twice": ("= title: a\n= title: b\nU|-|-|-|-|n|Text.", "metadata 'title' is given twice"),
    "bad metadata": ("= Title a\nU|-|-|-|-|n|Text.", "a metadata line reads '= key: value'"),
    "break first": ("---\nU|-|-|-|-|n|Text.", "a break before the first unit"),
    "two breaks": ("U|-|-|-|-|n|A.\n---\n--\nU|-|-|-|-|n|B.", "a second break in a row"),
    "break last": ("U|-|-|-|-|n|A.\n---", "the spec ends with a break"),
    "no units": ("# nothing\n", "no units"),
    "byte-order mark": ("\ufeffU|-|-|-|-|n|Text.", "byte-order mark"),
    "credit without reason": ("U|-|-|-|-|n|A.\nC| |Jo / AP", "boilerplate needs a reason"),
}


@pytest.mark.parametrize("spec, message", BAD_SPECS.values(), ids=BAD_SPECS.keys())
def test_the_checker_rejects_a_bad_spec_naming_line_and_problem(spec, message):
    b = B.parse_spec(spec, "bad", "benchmarks/x/bad.spec")
    assert b.problems, "the bad spec was accepted"
    assert any(message in p for p in b.problems), b.problems
    assert all(p.startswith("benchmarks/x/bad.spec") for p in b.problems)


def test_a_problem_names_the_line_it_is_on():
    b = B.parse_spec("U|-|-|-|-|n|A.\n\nU|bogus|-|-|-|n|B.", "bad", "bad.spec")
    assert b.problems == ["bad.spec:3: unknown category 'bogus' in labels; use hedge, official, expert, unverified"]


def test_a_real_article_needs_its_metadata_and_builds_with_it():
    body = "U|-|-|-|-|n|Headline."
    missing = B.parse_spec(body, "real", kind="real").problems
    assert any("needs metadata title, outlet, date, source, licence" in p for p in missing)
    meta = ("= title: Headline\n= outlet: Voice of America\n= date: 2014-01-06\n"
            "= source: https://www.voanews.com/a/x\n= licence: public domain\n")
    b = B.parse_spec(meta + body, "real", kind="real")
    assert b.problems == [] and b.metadata["outlet"] == "Voice of America"


# ================================================================ the files as on disk

def _files(spec: str = GOOD, slug: str = "floods"):
    f = B.parse_spec(spec, slug).files()
    return f[f"{slug}.txt"], f[f"{slug}.gold.jsonl"], f[f"{slug}.boilerplate.jsonl"]


def test_file_checks_catch_a_wrong_offset_an_uncovered_line_and_a_unit_across_a_line_break():
    text, gold, boiler = _files()
    shifted = gold.replace('"start": 0, "end": 30', '"start": 1, "end": 31', 1)
    assert any("not the record's text" in p for p in B.check_files("floods", text, shifted, boiler))
    longer = text.replace("fast.\n", "fast.\nA stray line.\n")
    assert any(":3: not covered by a unit or boilerplate: 'A stray line.'" in p
               for p in B.check_files("floods", longer, gold, boiler))
    first = json.loads(gold.splitlines()[0])
    first.update(text=text[0:34], end=34)          # "...killed 12\nThe"
    across = gold.replace(gold.splitlines()[0], json.dumps(first, ensure_ascii=False))
    problems = B.check_files("floods", text, across, boiler)
    assert any("runs across a line break" in p for p in problems)


def test_file_checks_catch_fields_out_of_order_and_labels_that_are_also_optional():
    text, gold, boiler = _files()
    reordered = gold.replace('"labels": [], "hedge_cues": [], "source": null, "note": "background", '
                             '"optional": ["unverified"]',
                             '"labels": ["unverified"], "hedge_cues": [], "source": null, "note": "background", '
                             '"optional": ["unverified"]')
    assert any("in both labels and optional" in p for p in B.check_files("floods", text, reordered, boiler))
    line = gold.splitlines()[0]
    swapped = line.replace('{"id": "floods-001", "text"', '{"text"').replace(', "start"', ', "id": "floods-001", "start"')
    assert any("fields must be id, text, start" in p
               for p in B.check_files("floods", text, gold.replace(line, swapped), boiler))


def _set_in(tmp_path: Path, name: str = "tiny", kind: str = "invented") -> B.BenchSet:
    return B.BenchSet(name=name, status="development", kind=kind, path=str(tmp_path / name), description="t")


def test_build_writes_the_three_files_and_check_then_finds_them_identical(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "floods.spec").write_text(GOOD, encoding="utf-8")
    (folder / "README.md").write_text("A tiny set.\n", encoding="utf-8")
    rep = B.build_set(_set_in(tmp_path), write=True)
    assert rep.problems == [] and rep.written == 3
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "floods.boilerplate.jsonl",
                                                       "floods.gold.jsonl", "floods.spec", "floods.txt"]
    assert B.build_set(_set_in(tmp_path), write=False).problems == []
    (folder / "floods.txt").write_text("edited by hand\n", encoding="utf-8")
    problems = B.build_set(_set_in(tmp_path), write=False).problems
    assert any("floods.txt: differs from what floods.spec builds" in p for p in problems)


def test_build_writes_nothing_when_a_spec_is_bad_or_the_folder_holds_more_than_data(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "README.md").write_text("A tiny set.\n", encoding="utf-8")
    (folder / "good.spec").write_text(GOOD, encoding="utf-8")
    (folder / "bad.spec").write_text("U|rumour|-|-|-|n|Text.\n", encoding="utf-8")
    (folder / "build.py").write_text("print('old script')\n", encoding="utf-8")
    rep = B.build_set(_set_in(tmp_path), write=True)
    assert any("bad.spec:1: unknown category 'rumour'" in p for p in rep.problems)
    assert any("build.py: a file that is not data of this set" in p for p in rep.problems)
    assert rep.written == 0 and not (folder / "good.txt").exists()


def test_a_set_whose_folder_does_not_exist_yet_is_reported_missing(tmp_path):
    rep = B.build_set(_set_in(tmp_path, "not-yet"), write=False)
    assert rep.problems == [] and "missing" in rep.summary() and "does not exist yet" in rep.summary()


def test_an_external_set_without_shared_is_skipped_with_a_note(tmp_path):
    ext = B.BenchSet(name="far", status="external", kind="real", path="../shared/no-such-set-here",
                     description="d")
    assert "skipped" in B.build_set(ext, write=False).summary()


def test_load_sets_explains_a_bad_entry(tmp_path):
    bad = tmp_path / "sets.yaml"
    bad.write_text("sets:\n  x:\n    status: secret\n    kind: invented\n    path: benchmarks/x\n"
                   "    description: d\n", encoding="utf-8")
    with pytest.raises(B.SetsError, match="set 'x': status 'secret' is not one of development, blind, external"):
        B.load_sets(bad)
    bad.write_text("sets:\n  x:\n    status: development\n    kind: invented\n    path: /abs/x\n"
                   "    description: d\n", encoding="utf-8")
    with pytest.raises(B.SetsError, match="relative to the repository root"):
        B.load_sets(bad)


def test_the_command_line_names_an_unknown_set_without_a_traceback(capsys):
    assert B.main(["check", "no-such-set"]) == 2
    err = capsys.readouterr().err
    assert "no set called no-such-set" in err and "heldout-blind" in err and "Traceback" not in err


def test_load_sets_lists_every_set_with_its_status():
    by_name = {s.name: s.status for s in B.load_sets()}
    assert by_name["heldout-blind"] == "blind" and by_name["real-blind"] == "blind"
    assert by_name["heldout"] == "development" and by_name["real-dev"] == "development"
    assert by_name["news-dev"] == "external"


def _readme_f1_rows() -> dict[str, list[str]]:
    """The README's accuracy table: set name -> its four F1 cells as printed (hedge, official, expert, unverified).

    Rows are ``| set | status | what it is | texts | sentences | F1 (baseline F1) x 4 |``; only the
    annotator's F1 (before the brackets) is taken.
    """
    rows = {}
    names = {s.name for s in SETS}
    for line in (B.ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 9:
            continue
        first = cells[0].strip("*` ")
        if first in names:
            rows[first] = [c.strip("*").split()[0] for c in cells[5:]]
    return rows


@pytest.mark.parametrize("bset", SETS, ids=[s.name for s in SETS])
def test_the_readme_accuracy_table_shows_todays_f1_for_the_set(bset):
    row = _readme_f1_rows().get(bset.name)
    if row is None:
        pytest.skip(f"{bset.name} has no row in the README's accuracy table")
    _present(bset)
    today = scores(bset)
    shown = dict(zip(B.CATEGORIES, row))
    expected = {c: f"{today[c].f1:.2f}" for c in B.CATEGORIES if c in today and today[c].f1 is not None}
    assert {c: shown[c] for c in expected} == expected, f"update the README row of {bset.name}"


def test_the_readme_accuracy_table_is_found():
    assert {"heldout", "heldout-blind", "dev-contested"} <= set(_readme_f1_rows())


def test_misses_of_a_blind_set_are_refused_and_those_of_a_development_set_listed(capsys):
    assert B.main(["misses", "real-blind"]) == 2
    assert "blind" in capsys.readouterr().err
    assert B.main(["misses", "heldout"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.split()[0] in ("FN", "FP") and line.split()[1] in B.CATEGORIES for line in lines)
