"""The README's accuracy table is generated from what the kit measures, never typed by hand."""
from __future__ import annotations

import re

import pytest

from lessons.scoring.sets import SetScore, score_sets
from tools import readme_scores as R


@pytest.fixture(scope="module")
def todays_scores():
    return score_sets()                 # every set of benchmarks/sets.yaml, annotated once for this module


@pytest.fixture(scope="module")
def readme() -> str:
    return R.README.read_text(encoding="utf-8")


def test_the_readme_accuracy_table_is_the_one_generated_from_todays_scores(readme, todays_scores):
    assert R.stale_rows(readme, todays_scores) == []
    assert R.regenerate(readme, todays_scores) == readme


def test_every_set_measured_here_has_its_row_with_status_and_baseline(readme, todays_scores):
    _, table, _ = R.split_readme(readme)
    for s in todays_scores:
        if s.results is None:
            continue
        row = next(line for line in table.splitlines() if line.startswith(f"| `{s.name}`") or line.startswith(f"| **`{s.name}`**"))
        assert f"| {s.status} |" in row and row.count("(") >= 1


def test_blind_sets_come_first_in_the_table(readme):
    _, table, _ = R.split_readme(readme)
    statuses = [line.split("|")[2].strip() for line in table.strip().splitlines()[2:]]
    assert statuses and statuses[0] == "blind"
    assert statuses == sorted(statuses, key=("blind", "development", "external").index)


def test_a_number_typed_by_hand_into_the_table_is_caught(readme, todays_scores):
    before, table, after = R.split_readme(readme)
    blind_row = next(line for line in table.splitlines() if "| blind |" in line)
    f1 = re.search(r"\| \**(\d\.\d\d) \(", blind_row)
    other = "0.99" if f1.group(1) != "0.99" else "0.98"
    typed = blind_row[:f1.start(1)] + other + blind_row[f1.end(1):]
    spoilt = before + table.replace(blind_row, typed) + after
    stale = R.stale_rows(spoilt, todays_scores)
    assert len(stale) == 1 and typed in stale[0]
    assert R.regenerate(spoilt, todays_scores) == readme


def test_an_external_set_that_cannot_be_read_here_keeps_its_row():
    kept = "| `far-news` | external | posts read in place | 4 | 135 | 1.00 (0.80) | - | - | - |"
    current = f"\n\n{R.HEADER}\n{R.RULE}\n{kept}\n\n"
    skipped = SetScore("far-news", "external", "posts read in place", skipped="not found")
    assert R.generate_table([skipped], current) == current
    gone = SetScore("old-dev", "development", "a set no longer here", skipped="not found")
    assert "old-dev" not in R.generate_table([gone], current.replace("far-news", "old-dev"))


def test_a_readme_without_the_markers_is_named():
    with pytest.raises(R.ReadmeError, match="marker lines"):
        R.split_readme("# A README without a table\n")


def test_the_command_checks_without_writing(todays_scores, readme, monkeypatch, tmp_path, capsys):
    copy = tmp_path / "README.md"
    copy.write_text(readme, encoding="utf-8")
    monkeypatch.setattr(R, "README", copy)
    monkeypatch.setattr(R, "score_sets", lambda: todays_scores)
    assert R.main(["--check"]) == 0
    spoilt = copy.read_text(encoding="utf-8").replace("| blind |", "| development |", 1)
    copy.write_text(spoilt, encoding="utf-8")
    assert R.main(["--check"]) == 1 and copy.read_text(encoding="utf-8") == spoilt
    assert R.main([]) == 0 and copy.read_text(encoding="utf-8") == readme != spoilt
    assert "regenerated" in capsys.readouterr().out
