"""Every benchmark set is reported with its status, blind sets first, the baseline beside the annotator."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.scoring.sets import (SETS_FILE, BenchmarkSet, SetsFileError, SetsFileMissing, format_report,
                                  format_summary, in_report_order, read_sets, score_set, score_sets, summary_rows)

ROOT = Path(__file__).resolve().parent.parent

TEXT = "The ministry said the toll may rise.\n\nNothing else happened.\n"
UNITS = [
    {"id": "t-1", "text": "The ministry said the toll may rise.", "start": 0, "end": 36,
     "labels": ["official", "hedge"], "hedge_cues": ["may"], "source": "the ministry", "note": "", "optional": []},
    {"id": "t-2", "text": "Nothing else happened.", "start": 38, "end": 60, "labels": [], "hedge_cues": [],
     "source": None, "note": "", "optional": []},
]


def make_set(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "tiny.txt").write_text(TEXT, encoding="utf-8")
    (folder / "tiny.gold.jsonl").write_text("".join(json.dumps(u) + "\n" for u in UNITS), encoding="utf-8")
    return folder


def sets_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sets.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def two_sets(tmp_path):
    make_set(tmp_path / "dev")
    make_set(tmp_path / "blind")
    return sets_file(tmp_path, f"""
sets:
  tiny-dev:
    status: development
    kind: invented
    path: {tmp_path / 'dev'}
    description: a tiny development set
  far-away:
    status: external
    kind: real
    path: ../shared/benchmarks/no-such-set-here
    description: an external set that is not here
  tiny-blind:
    status: blind
    kind: invented
    path: {tmp_path / 'blind'}
    description: a tiny blind set
""")


def test_sets_are_read_in_file_order_and_reported_blind_first(two_sets):
    sets = read_sets(two_sets)
    assert [s.name for s in sets] == ["tiny-dev", "far-away", "tiny-blind"]
    assert [s.status for s in in_report_order(sets)] == ["blind", "development", "external"]
    assert sets[0].description == "a tiny development set"


def test_every_set_is_reported_with_its_status_and_the_baseline_beside_it(two_sets):
    scores = score_sets(two_sets)
    assert [s.name for s in scores] == ["tiny-blind", "seed", "tiny-dev", "far-away"]
    rows = summary_rows(scores)
    assert [r[:2] for r in rows] == [["tiny-blind", "blind"], ["seed", "development"], ["tiny-dev", "development"]]
    assert rows[0][2:4] == ["1", "2"]
    hedge, official = rows[0][4], rows[0][5]
    assert hedge == "1.00 (1.00)" and official.startswith("1.00 (")       # annotator F1, then the baseline's
    summary = format_summary(scores)
    assert "far-away (external): skipped, not found (../shared/benchmarks/no-such-set-here; external sets are " \
           "read in place from ../shared)" in summary
    report = format_report(scores)
    assert "tiny-blind (blind): a tiny blind set; 1 text, 2 units" in report
    assert report.index("tiny-blind (blind)") < report.index("tiny-dev (development)")
    baseline_rows = [line for line in report.splitlines() if re.match(r"^(?:hedge cues|\w+)\s+baseline\s", line)]
    assert len(baseline_rows) == 5 * 3                                   # five rows a set, three sets scored


def test_blind_sets_of_real_reports_are_also_reported_together_first(tmp_path):
    for name in ("real-a", "real-b", "made-up"):
        make_set(tmp_path / name)
    path = sets_file(tmp_path, "sets:\n" + "".join(
        f"  {name}:\n    status: blind\n    kind: {kind}\n    path: {tmp_path / name}\n    description: {name}\n"
        for name, kind in (("real-a", "real"), ("made-up", "invented"), ("real-b", "real"))))
    scores = score_sets(path)
    assert [s.name for s in scores][:4] == ["blind-real-pooled", "real-a", "real-b", "made-up"]
    together, a, b = scores[0], scores[1], scores[2]
    assert together.status == "blind" and "real-a, real-b" in together.description
    assert (together.texts, together.units) == (a.texts + b.texts, a.units + b.units)    # the invented set is not in it
    for cat in ("hedge", "official"):
        one, both = a.results["annotator"]["units"][cat], together.results["annotator"]["units"][cat]
        assert both.true_pos == 2 * one.true_pos and both.false_neg == 2 * one.false_neg
    assert not together.per_text          # nothing to read item by item


def test_one_blind_set_of_real_reports_is_not_pooled(two_sets):
    assert "blind-real-pooled" not in [s.name for s in score_sets(two_sets)]


def test_an_external_set_is_read_from_the_folder_given_instead_of_shared(tmp_path):
    make_set(tmp_path / "elsewhere" / "news")
    bset = BenchmarkSet("news", "external", "../shared/benchmarks/news", "posts")
    assert bset.location(tmp_path / "elsewhere") == tmp_path / "elsewhere" / "news"
    score = score_set(bset, tmp_path / "elsewhere")
    assert score.skipped is None and score.texts == 1 and score.units == 2


def test_a_conll_sample_is_scored_for_hedges_only(tmp_path):
    sample = tmp_path / "sample.jsonl"
    sample.write_text('{"id": "a", "text": "The fort may be Roman.", "uncertain": true}\n'
                      '{"id": "b", "text": "The river is long.", "uncertain": false}\n', encoding="utf-8")
    score = score_set(BenchmarkSet("conll", "external", str(sample), "sentences", format="conll2010"))
    assert score.categories == ("hedge",) and score.units == 2
    row = summary_rows([score])[0]
    assert row[4] == "1.00 (1.00)" and row[5:] == ["-", "-", "-"]
    report = format_report([score])
    assert "scored for hedge only" in report and "official" not in report.split("\n", 1)[1].split("conll (")[1]


def test_a_mistake_in_the_sets_file_names_the_set_and_the_field(tmp_path):
    bad = sets_file(tmp_path, "sets:\n  odd:\n    status: secret\n    path: x\n    description: y\n")
    with pytest.raises(SetsFileError, match=r"^sets\.yaml, set 'odd': status 'secret' is not one of blind, development, external$"):
        read_sets(bad)
    bad = sets_file(tmp_path, "sets:\n  odd:\n    status: blind\n    path: x\n")
    with pytest.raises(SetsFileError, match=r"set 'odd': missing description$"):
        read_sets(bad)
    with pytest.raises(SetsFileMissing):
        read_sets(tmp_path / "nothing.yaml")


def test_evaluate_on_the_command_line_lists_sets_with_status(two_sets):
    out = subprocess.run([sys.executable, "-m", "lessons", "evaluate", "--sets", str(two_sets)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[3].split()[:2] == ["tiny-blind", "blind"]
    assert "far-away (external): skipped" in out.stdout


def test_evaluate_without_a_sets_file_still_scores_the_seed_and_says_why(tmp_path):
    out = subprocess.run([sys.executable, "-m", "lessons", "evaluate", "--sets", str(tmp_path / "none.yaml")],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert "seed (development)" in out.stdout and "none.yaml is missing" in out.stdout


def test_the_kit_and_the_benchmark_tool_read_the_same_sets_from_the_sets_file():
    from tools import benchsets

    assert SETS_FILE.is_file(), "benchmarks/sets.yaml is missing"
    ours = [(s.name, s.status, s.path, s.format) for s in read_sets()]
    assert ours == [(s.name, s.status, s.path, s.format) for s in benchsets.load_sets()]
    assert {status for _, status, _, _ in ours} == {"blind", "development", "external"}


def test_published_news_is_reported_before_invented_reports_of_the_same_status():
    from lessons.scoring.sets import BenchmarkSet
    sets = [BenchmarkSet("made-up", "blind", "a", "x", kind="invented"), BenchmarkSet("dev", "development", "b", "y", kind="real"),
            BenchmarkSet("wire", "blind", "c", "z", kind="real")]
    assert [s.name for s in in_report_order(sets)] == ["wire", "made-up", "dev"]
