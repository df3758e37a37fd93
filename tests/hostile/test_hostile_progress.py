"""Progress files that fight back, several notebooks saving at once, and the size cap.

The rule for every case: the lessons go on, the learner is told in plain words, and nothing
the learner wrote is lost or overwritten.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.learner import progress as P
from lessons.views import progress_view as PV
from tests.hostile.corpus import PROGRESS_ATTACKS, progress_bytes

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("multi_writer.py")


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- every attack file, on disk and uploaded ------------------------------------------------

@pytest.mark.parametrize("attack", sorted(PROGRESS_ATTACKS))
def test_an_attack_file_on_disk_never_stops_the_lessons_and_is_never_lost(progress_dir, attack):
    content = PROGRESS_ATTACKS[attack]
    (progress_dir / P.FILE_NAME).write_bytes(content)
    p = P.Progress()
    p.set("lesson-1", "answer", "mine")                   # saving works
    p.summary()
    PV.summary_html(p.summary(), p.notice)                 # the summary and download views work
    PV.download_html(p)
    again = P.Progress()
    assert again.get("lesson-1", "answer") == "mine"
    kept = [n for n in names(progress_dir) if n.startswith("my-progress.damaged-")]
    if kept:                                              # moved aside byte for byte, and said so
        assert (progress_dir / kept[0]).read_bytes() == content and kept[0] in p.notice
    else:                                                 # or read as it is
        assert p.notice is None


@pytest.mark.parametrize("attack", sorted(PROGRESS_ATTACKS))
def test_an_attack_file_uploaded_is_either_restored_or_refused_with_a_message(progress_dir, attack):
    p = P.Progress()
    p.set("lesson-1", "answer", "mine")
    try:
        message = P.restore_from_bytes(PROGRESS_ATTACKS[attack], p)
    except P.ProgressError as error:
        assert str(error)                                 # a message, and nothing changed
        assert P.Progress().get("lesson-1", "answer") == "mine"
        return
    assert message.startswith("Restored")
    p.set("lesson-2", "after", "still saving")            # saving goes on after the upload
    assert P.Progress().get("lesson-2", "after") == "still saving"


def test_a_huge_integer_is_a_damaged_file_moved_aside_not_an_error_in_every_cell(progress_dir):
    (progress_dir / P.FILE_NAME).write_bytes(PROGRESS_ATTACKS["huge-integer"])
    p = P.Progress()
    assert p.moved_to is not None and "damaged" in p.notice
    with pytest.raises(P.ProgressError, match="damaged"):
        P.restore_from_bytes(PROGRESS_ATTACKS["huge-integer"], p)


def test_an_uploaded_lone_surrogate_does_not_stop_saving(progress_dir):
    p = P.Progress()
    P.restore_from_bytes(PROGRESS_ATTACKS["lone-surrogate"], p)
    p.set("lesson-1", "answer", "after the upload")
    again = P.Progress()
    assert again.get("lesson-1", "answer") == "after the upload"
    assert again.get("reflections", "lesson-0-hello") == "a \ud800 b"     # kept, not lost


def test_deep_nesting_is_a_damaged_file_so_summary_download_and_upload_work(progress_dir):
    for attack in ("nested-600", "nested-900"):
        with pytest.raises(P.ProgressError):
            P.restore_from_bytes(PROGRESS_ATTACKS[attack])
        (progress_dir / P.FILE_NAME).write_bytes(PROGRESS_ATTACKS[attack])
        p = P.Progress()
        assert p.moved_to is not None
        PV.download_html(p)
        PV.summary_html(p.summary(), p.notice)


def test_a_value_too_deep_to_save_is_refused_before_anything_is_written(progress_dir):
    p = P.Progress()
    value: list = []
    for _ in range(40):
        value = [value]
    with pytest.raises(ValueError):
        p.set("lesson-1", "deep", value)
    assert not (progress_dir / P.FILE_NAME).exists()


# --- a folder that cannot be written, a full disk -------------------------------------------

def _refuse(code):
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return refuse


@pytest.mark.parametrize("content", [b"{ damaged", PROGRESS_ATTACKS["version-1-damaged"]])
def test_a_damaged_file_in_a_read_only_folder_leaves_the_lessons_working_and_the_file_untouched(
        progress_dir, monkeypatch, content):
    (progress_dir / P.FILE_NAME).write_bytes(content)
    with monkeypatch.context() as read_only:
        read_only.setattr(P.os, "link", _refuse(errno.EROFS))
        read_only.setattr(P.os, "rename", _refuse(errno.EROFS))
        p = P.Progress()                                  # loading does not raise
        assert "could not put it aside" in p.notice and "can only be read" in p.notice
        assert p.get("lesson-1", "x") is None
        with pytest.raises(OSError, match="could not be saved"):
            p.set("lesson-1", "x", "kept in memory")     # an OSError: the views show it
        assert p.get("lesson-1", "x") == "kept in memory"
        assert (progress_dir / P.FILE_NAME).read_bytes() == content
    # the folder can be written again
    p.set("lesson-1", "y", "later")
    again = P.Progress()
    assert again.get("lesson-1", "x") == "kept in memory" and again.get("lesson-1", "y") == "later"
    kept = [n for n in names(progress_dir) if n.startswith("my-progress.damaged-")]
    assert len(kept) == 1 and (progress_dir / kept[0]).read_bytes() == content


def test_an_old_version_file_on_a_full_disk_loads_and_leaves_no_empty_copies(progress_dir, monkeypatch):
    old = json.dumps({"format": P.FORMAT, "version": 1, "quiz_answers": {"lesson-2/q1": "may"}}).encode()
    (progress_dir / P.FILE_NAME).write_bytes(old)
    with monkeypatch.context() as full:
        full.setattr(P.os, "fsync", _refuse(errno.ENOSPC))
        for _ in range(5):
            p = P.Progress()
            assert p.get("lesson-2", "quiz") == {"q1": {"answer": "may", "correct": None}}
            with pytest.raises(OSError):
                p.set("lesson-2", "more", 1)
        assert names(progress_dir) == [P.FILE_NAME]       # no 0-byte copies piling up
        assert (progress_dir / P.FILE_NAME).read_bytes() == old
    p.set("lesson-2", "more", 1)
    assert P.Progress().get("lesson-2", "more") == 1
    copies = [n for n in names(progress_dir) if n.startswith("my-progress.version-1-")]
    assert len(copies) == 1 and (progress_dir / copies[0]).read_bytes() == old


# --- a link is never followed out of the folder ---------------------------------------------

def test_a_linked_progress_file_is_moved_aside_and_its_target_never_touched(progress_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    target_bytes = progress_bytes({"lesson-9": {"secret": True}})
    elsewhere.write_bytes(target_bytes)
    (progress_dir / P.FILE_NAME).symlink_to(elsewhere)
    p = P.Progress()
    assert p.notice and "link" in p.notice
    assert p.get("lesson-9", "secret") is None
    p.set("lesson-1", "answer", "mine")
    assert elsewhere.read_bytes() == target_bytes
    assert not (progress_dir / P.FILE_NAME).is_symlink()
    kept = [progress_dir / n for n in names(progress_dir) if n.startswith("my-progress.damaged-")]
    assert len(kept) == 1 and kept[0].is_symlink()


def test_the_shared_progress_of_the_notebooks_does_not_follow_a_link_either(progress_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    target_bytes = progress_bytes({"lesson-9": {"secret": True}})
    elsewhere.write_bytes(target_bytes)
    (progress_dir / P.FILE_NAME).symlink_to(elsewhere)
    p = P.current_progress()                              # what every view uses
    assert p.path.parent == progress_dir.resolve() and p.get("lesson-9", "secret") is None
    p.set("lesson-1", "answer", "mine")
    assert elsewhere.read_bytes() == target_bytes


def test_a_link_appearing_between_saves_is_not_written_through(progress_dir, tmp_path):
    p = P.Progress()
    p.set("lesson-1", "a", 1)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours")
    (progress_dir / P.FILE_NAME).unlink()
    (progress_dir / P.FILE_NAME).symlink_to(elsewhere)
    p.set("lesson-1", "b", 2)
    assert elsewhere.read_text() == "not yours"
    assert P.Progress().get("lesson-1", "a") == 1 and P.Progress().get("lesson-1", "b") == 2


# --- temporary files of killed saves are cleaned up -----------------------------------------

def test_temporary_files_left_by_killed_saves_are_removed_on_load(progress_dir):
    P.Progress().set("lesson-1", "a", 1)
    for i in range(100):
        (progress_dir / f".my-progress.k{i:03d}x.tmp").write_bytes(b"{half")
    (progress_dir / "notes.tmp").write_text("not ours")
    p = P.Progress()
    assert p.get("lesson-1", "a") == 1
    assert names(progress_dir) == [P.FILE_NAME, "notes.tmp"]


# --- a progress file has a size cap ---------------------------------------------------------

def test_a_progress_file_over_the_cap_is_moved_aside_not_read_or_rewritten(progress_dir):
    big = progress_bytes({"lesson-1": {"blob": "x" * (P.MAX_FILE_BYTES + 10)}})
    (progress_dir / P.FILE_NAME).write_bytes(big)
    p = P.Progress()
    assert p.moved_to is not None and "too big" in p.notice
    p.set("lesson-1", "a", 1)
    assert (progress_dir / P.FILE_NAME).stat().st_size < 10_000


def test_a_save_that_would_pass_the_cap_is_refused_with_a_message(progress_dir):
    p = P.Progress()
    p.set("lesson-1", "a", 1)
    with pytest.raises(OSError, match="could not be saved"):
        p.set("lesson-1", "blob", "x" * (P.MAX_FILE_BYTES + 10))
    assert P.Progress().get("lesson-1", "a") == 1


# --- several processes saving at once lose nothing ------------------------------------------

def run_writers(folder: Path, amounts: list[str], timeout: float) -> list[int]:
    env = dict(os.environ, MLK_PROGRESS_DIR=str(folder), PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    procs = [subprocess.Popen([sys.executable, str(WRITER), str(i), amount], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i, amount in enumerate(amounts)]
    counts = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, err[-2000:]
        counts.append(int(out.split()[-1]))
    return counts


def check_nothing_lost(folder: Path, counts: list[int]) -> None:
    record = json.loads((folder / P.FILE_NAME).read_bytes())
    for i, count in enumerate(counts):
        saved = record["lessons"].get(f"writer-{i}", {})
        missing = [n for n in range(count) if f"k{n}" not in saved]
        assert not missing, f"writer {i} lost {len(missing)} of {count} keys"
    assert not [n for n in names(folder) if "damaged" in n or n.endswith(".tmp")]


def test_three_processes_saving_different_keys_at_once_lose_nothing(progress_dir):
    counts = run_writers(progress_dir, ["150", "150", "150"], timeout=300)
    assert counts == [150, 150, 150]
    check_nothing_lost(progress_dir, counts)


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 4])
def test_processes_saving_different_keys_for_a_minute_lose_nothing(progress_dir, writers):
    counts = run_writers(progress_dir, ["60.0"] * writers, timeout=600)
    assert all(c > 0 for c in counts)
    check_nothing_lost(progress_dir, counts)
