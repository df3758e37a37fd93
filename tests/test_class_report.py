"""The class report: a folder of downloaded progress files, of any names, versions and state, becomes
one CSV row per learner and a plot of the class; damaged files are named, never a traceback."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.errors import KitError
from lessons.learner import class_report as C
from lessons.learner.progress import FORMAT, MAX_UPLOAD_BYTES
from lessons.scoring.agreement import compare_with_key
from lessons.scoring.key import load_key

ROOT = Path(__file__).resolve().parent.parent


def v2(lessons: dict, saved="2025-03-01T10:00:00+00:00") -> str:
    return json.dumps({"format": FORMAT, "version": 2, "saved": saved, "lessons": lessons})


AMIRA = {
    "lesson-0": {"completed": True, "quiz": {"q1": {"answer": "a", "correct": True},
                                             "q2": {"answer": "b", "correct": False}}},
    "lesson-1": {"completed": True, "quiz": {"q1": {"answer": "c", "correct": True}}},
    "annotator": {"choices": {"mk-01": ["official"], "mk-02": ["official", "hedge"], "mk-03": ["none"]}},
    "checks": {"before": {"score": 2, "total": 6, "answers": {}, "when": "2025-03-01"},
               "after": {"score": 5, "total": 6, "answers": {}, "when": "2025-03-08"}},
    "reflections": {"lesson-0-hello": 'I read "news", mostly,\non my phone.',
                    "lesson-6-machine": "=HYPERLINK(\"http://evil.example\",\"x\")"},
}


@pytest.fixture
def folder(tmp_path):
    """A teacher's download folder: two good files of two versions, a subfolder, and every kind of damage."""
    f = tmp_path / "class 3B"
    (f / "period 2").mkdir(parents=True)
    (f / "amira-k.json").write_text(v2(AMIRA), encoding="utf-8")
    (f / "period 2" / "my-progress (1).json").write_text(json.dumps(
        {"format": FORMAT, "version": 1, "quiz_answers": {"lesson-0/q1": "Shift+Enter"},
         "reflections": {"lesson-0-hello": "+1 for the phone lesson"}, "completed": ["lesson-0"]}), encoding="utf-8")
    (f / "ben.json").write_text(v2(AMIRA)[:70], encoding="utf-8")                 # cut off mid-download
    (f / "chris.json").write_bytes(b"\xff\xfe\x00\x81binary")
    (f / "dana.json").write_bytes(b"")
    (f / "eli.json").write_text(json.dumps({"format": FORMAT, "version": 99, "lessons": {}}), encoding="utf-8")
    (f / "notes.txt").write_text("bring pens", encoding="utf-8")
    (f / "other-app.json").write_text('{"name": "not ours"}', encoding="utf-8")
    (f / "huge.json").write_bytes(b" " * (MAX_UPLOAD_BYTES + 10))
    (f / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (f / ".hidden").mkdir()
    (f / ".hidden" / "x.json").write_text(v2({}), encoding="utf-8")
    return f


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def by_name(rows):
    return {r.name: r for r in rows}


def test_every_file_gets_a_row_and_damaged_ones_say_why(folder):
    rows = by_name(C.class_report(folder))
    assert sorted(rows) == sorted(["amira-k.json", "period 2/my-progress (1).json", "ben.json", "chris.json",
                                   "dana.json", "eli.json", "notes.txt", "other-app.json", "huge.json"])
    assert rows["amira-k.json"].ok and rows["period 2/my-progress (1).json"].ok
    problems = {name: r.problem for name, r in rows.items() if not r.ok}
    assert "incomplete or damaged" in problems["ben.json"]
    assert "not text" in problems["chris.json"]
    assert "empty" in problems["dana.json"]
    assert "newer version" in problems["eli.json"]
    assert "not a progress file" in problems["other-app.json"]
    assert "too big" in problems["huge.json"]
    assert "damaged" in problems["notes.txt"]
    # Nothing was changed or moved: the damaged files are still there, byte for byte.
    assert (folder / "ben.json").read_text(encoding="utf-8") == v2(AMIRA)[:70]


def test_a_row_holds_lessons_quizzes_agreement_checks_and_reflections(folder):
    amira = by_name(C.class_report(folder))["amira-k.json"]
    assert set(amira.completed) == {"lesson-0", "lesson-1"}
    assert amira.quizzes["lesson-0"] == (1, C._quiz_total("lesson-0"))
    assert amira.quizzes["lesson-1"][0] == 1
    expected = compare_with_key({"mk-01": ["official"], "mk-02": ["official", "hedge"], "mk-03": ["none"]},
                                load_key())
    assert amira.kappas == expected.kappa and amira.marked == 3
    defined = [k for k in expected.kappa.values() if k is not None]
    assert amira.kappa == pytest.approx(sum(defined) / len(defined))
    assert amira.checks == {"before": (2, 6), "after": (5, 6)}
    assert amira.reflections["lesson-0-hello"].startswith('I read "news"')


def test_an_old_file_is_read_through_the_progress_files_own_migration(folder):
    old = by_name(C.class_report(folder))["period 2/my-progress (1).json"]
    assert old.version == 1 and old.completed == ("lesson-0",)
    assert old.quizzes["lesson-0"][0] == 0 and old.unchecked == {"lesson-0": 1}
    assert old.checks == {} and old.kappa is None


def test_missing_or_malformed_checks_leave_empty_cells(tmp_path):
    (tmp_path / "a.json").write_text(v2({"checks": {"before": {"score": "five", "total": 6},
                                                     "after": {"score": 3, "total": 0}}}), encoding="utf-8")
    (tmp_path / "b.json").write_text(v2({"checks": {"before": "five of six", "after": None}}), encoding="utf-8")
    (tmp_path / "c.json").write_text(v2({"annotator": {"choices": {"mk-01": "official", "mk-02": [3]}}}),
                                     encoding="utf-8")
    rows = C.class_report(tmp_path)
    assert all(r.ok and r.checks == {} for r in rows)
    table = read_csv(C.write_csv(tmp_path / "out" / "r.csv", rows))
    assert [(t["check before"], t["check after"], t["before %"]) for t in table] == [("", "", "")] * 3


def test_the_csv_has_one_row_per_file_and_escapes_everything(folder, tmp_path):
    rows = C.class_report(folder)
    out = C.write_csv(tmp_path / "report.csv", rows)
    table = read_csv(out)
    assert len(table) == len(rows)
    amira = next(t for t in table if t["learner"] == "amira-k.json")
    assert amira["lessons completed"] == "2" and amira["which lessons"] == "lesson-0 lesson-1"
    assert amira["quiz lesson-0"] == f"1/{C._quiz_total('lesson-0')}"
    assert amira["check before"] == "2/6" and amira["check after"] == "5/6"
    assert amira["before %"] == "33" and amira["after %"] == "83"
    assert amira["sentences marked"] == "3"
    # Quotes, commas and a newline inside a reflection survive the round trip.
    assert 'lesson-0-hello: I read "news", mostly,\non my phone.' in amira["reflections"]
    ben = next(t for t in table if t["learner"] == "ben.json")
    assert ben["status"].startswith("could not be read:") and ben["lessons completed"] == ""
    old = next(t for t in table if t["learner"].endswith("my-progress (1).json"))
    assert "older file" in old["status"] and "(1 not checked)" in old["quiz lesson-0"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_a_spreadsheet_would_run_as_a_formula_is_neutralised(start):
    assert C.safe_cell(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"
    assert C.safe_cell("plain") == "plain" and C.safe_cell(-0.25) == -0.25 and C.safe_cell(None) == ""


def test_learner_text_in_any_cell_cannot_become_a_formula(tmp_path):
    (tmp_path / "=cmd|' calc'!A0.json").write_text(v2({
        "@SUM(1+1)": {"completed": True},
        "reflections": {"-2+3": "=1+1"}}), encoding="utf-8")
    (tmp_path / "+x.json").write_text("garbage", encoding="utf-8")
    out = C.write_csv(tmp_path / "r.csv", C.class_report(tmp_path, skip=[tmp_path / "r.csv"]))
    for row in csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    text = out.read_text(encoding="utf-8-sig")
    assert "'=cmd|' calc'!A0.json" in text and "'+x.json" in text and "'@SUM(1+1)" in text
    assert "'-2+3: =1+1" in text


def test_the_plot_is_a_png_of_every_readable_learner(folder, tmp_path):
    out = C.write_plot(tmp_path / "class.png", C.class_report(folder))
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    fig = C.plot_class(C.class_report(folder))
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["amira-k.json", "period 2/my-progress (1).json"]


def test_names_cannot_switch_the_plot_into_maths_or_the_terminal_into_colour():
    assert C._label("$x^2$ \x1b[31mred") == r"\$x^2\$ [31mred"
    row = C.LearnerRow("\x1b[2Jwipe.json", problem="it is \x1b[31mred")
    assert all("\x1b" not in line for line in C.summary_lines([row]))


def test_no_readable_file_means_no_plot_but_a_kind_message(tmp_path):
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    with pytest.raises(KitError, match="nothing to plot"):
        C.plot_class(C.class_report(tmp_path))


def test_a_folder_that_is_not_there_is_a_kind_message(tmp_path):
    with pytest.raises(KitError, match="no folder called"):
        C.class_report(tmp_path / "missing")
    (tmp_path / "f.json").write_text("{}", encoding="utf-8")
    with pytest.raises(KitError, match="is a file, not a folder"):
        C.class_report(tmp_path / "f.json")


# --- the command line ---------------------------------------------------------------------------

def run(*args):
    return subprocess.run([sys.executable, "-m", "lessons", "class-report", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1", MPLBACKEND="Agg"))


def test_the_command_writes_csv_and_plot_and_names_damaged_files(folder):
    csv_out, png_out = folder / "report.csv", folder / "report.png"       # inside the folder it reads
    result = run(folder, "--csv", csv_out, "--plot", png_out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr and result.stderr == ""
    assert result.stdout.startswith("Read 2 progress files; 7 could not be read.")
    for name in ("ben.json", "chris.json", "dana.json", "eli.json", "huge.json"):
        assert f"  {name}: " in result.stdout.split("could not be read (")[1]
    assert "amira-k.json: 2 lessons completed" in result.stdout
    assert png_out.read_bytes().startswith(b"\x89PNG")
    first = csv_out.read_bytes()
    # Run again: the report files in the folder are not read as learners' files.
    again = run(folder, "--csv", csv_out, "--plot", png_out)
    assert again.stdout.splitlines()[0] == result.stdout.splitlines()[0]
    assert csv_out.read_bytes() == first


def test_the_command_explains_what_it_cannot_do(tmp_path):
    missing = run(tmp_path / "nowhere")
    assert missing.returncode == 2 and "Sorry: There is no folder called" in missing.stderr
    assert "Traceback" not in missing.stderr
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "a.json").write_text(v2(AMIRA), encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    unwritable = run(tmp_path / "class", "--csv", blocker / "out.csv")
    assert unwritable.returncode == 2 and "could not be written" in unwritable.stderr
    assert "Traceback" not in unwritable.stderr
    empty = run(tmp_path / "empty-folder-does-not-exist-yet")
    assert empty.returncode == 2
    (tmp_path / "empty").mkdir()
    nothing = run(tmp_path / "empty")
    assert nothing.returncode == 1 and "no files" in nothing.stdout
