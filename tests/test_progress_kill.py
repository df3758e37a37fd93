"""Learner work is never lost: kill -9 while saving, damaged files of every kind, old files, upload.

The kill test starts a real child Python process (``tools/progress_writer.py``) that saves a
large, growing value through :class:`lessons.learner.progress.Progress` as fast as it can, kills it with
SIGKILL at a random moment, checks the folder, and starts the next writer where the file left
off. After every kill the progress file must be absent (only before the first save ever finished)
or a complete JSON document that ``Progress`` loads without a "moved aside" notice, holding
exactly one version the writer produced, and never a version older than a save that had already
returned. Environment: ``MLK_KILLS`` (default 300) and ``MLK_KILL_SEED`` (to replay a run).
"""
from __future__ import annotations

import base64
import importlib.util
import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from lessons import views as W
from lessons.learner import progress as P


ROOT = Path(__file__).resolve().parent.parent
WRITER = ROOT / "tools" / "progress_writer.py"
TMP_NAME = re.compile(r"\.my-progress\..+\.tmp")

_spec = importlib.util.spec_from_file_location("progress_writer", WRITER)
writer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(writer)

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
              pytest.mark.usefixtures("progress_dir")]   # every test saves into its own folder




def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def temp_files(folder: Path) -> set[str]:
    return {n for n in names(folder) if TMP_NAME.fullmatch(n)}


# --- kill -9 while saving ------------------------------------------------------------------------

class Writer:
    """One life of the writer process."""

    def __init__(self, folder: Path, first: int):
        env = dict(os.environ, MLK_PROGRESS_DIR=str(folder), PYTHONDONTWRITEBYTECODE="1")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        self.first = first
        self.proc = subprocess.Popen([sys.executable, str(WRITER), str(first)], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready, _, _ = select.select([self.proc.stdout], [], [], 30)
        line = self.proc.stdout.readline() if ready else b""
        if line != b"ready\n":
            self.proc.kill()
            self.proc.wait()
            pytest.fail(f"the writer did not start: {line!r} {self.proc.stderr.read().decode()}")

    def kill(self) -> list[int]:
        """SIGKILL the writer; the versions whose save had returned, in order."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        out, err = self.proc.stdout.read(), self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        assert self.proc.returncode == -signal.SIGKILL, (self.proc.returncode, err.decode())
        assert err == b"", err.decode()          # it was killed while working, not crashed
        acks = [int(x) for x in out.split()]
        assert acks == list(range(self.first, self.first + len(acks)))
        return acks


def check_folder_after_kill(folder: Path, before: int | None, acks: list[int]) -> int | None:
    """The checks made after every kill; returns the version on disk (None: no file yet)."""
    path = folder / P.FILE_NAME
    stray = [n for n in names(folder) if n != P.FILE_NAME and not TMP_NAME.fullmatch(n)]
    assert stray == [], f"unexpected files after a kill: {stray}"
    if not path.exists():
        assert before is None and not acks, "a finished save was lost: the file is gone"
        n = None
    else:
        raw = path.read_bytes()
        assert raw.strip(), "the progress file is empty after a kill"
        record = json.loads(raw.decode("utf-8"))        # complete, valid JSON, or this raises
        assert record["format"] == P.FORMAT and record["version"] == P.SCHEMA_VERSION
        assert set(record["lessons"]) == {writer.LESSON}
        value = record["lessons"][writer.LESSON][writer.KEY]
        n = value["n"]
        assert value == writer.payload(n), f"version {n} on disk is not what the writer wrote"
        # Never older than a save that had returned; at most the one save in flight.
        last_done = acks[-1] if acks else before
        allowed = {last_done, (last_done or 0) + 1} - {None}
        assert n in allowed, f"on disk: version {n}; finished saves up to {last_done}"
    progress = P.Progress(path)
    assert progress.notice is None and progress.moved_to is None, progress.notice
    assert progress.migrated_from is None
    got = progress.get(writer.LESSON, writer.KEY)
    assert got == (None if n is None else writer.payload(n))
    return n


@pytest.mark.slow
def test_killing_the_saving_process_at_random_moments_never_loses_or_breaks_the_file(tmp_path):
    kills_wanted = int(os.environ.get("MLK_KILLS", "300"))
    seed = int(os.environ.get("MLK_KILL_SEED", str(time.time_ns() % 2**32)))
    rng = random.Random(seed)
    folders = 6                   # fresh folders, so that kills also land before the first save
    started = time.perf_counter()
    kills = temp_left = after_rename = saves = absent = 0
    worst_kill_to_check = 0.0
    stray_policy = set()
    for f in range(folders):
        folder = tmp_path / f"run-{f}"
        before: int | None = None
        share = kills_wanted // folders + (1 if f < kills_wanted % folders else 0)
        for life in range(share):
            temps_before = temp_files(folder)    # left by earlier kills
            w = Writer(folder, (before or 0) + 1)
            # The first life in a folder is killed around its very first save; later ones
            # after up to 25 ms (several saves of 20 to 60 KB, each fsynced).
            time.sleep(rng.uniform(0, 0.004) if life == 0 else rng.uniform(0, 0.025))
            t = time.perf_counter()
            acks = w.kill()
            kills += 1
            saves += len(acks)
            if temp_files(folder) - temps_before:
                temp_left += 1           # the kill landed between creating the temp file and the rename
            n = check_folder_after_kill(folder, before, acks)
            worst_kill_to_check = max(worst_kill_to_check, time.perf_counter() - t)
            if n is None:
                absent += 1
            elif acks and n == acks[-1] + 1 or not acks and n != before:
                after_rename += 1        # renamed into place, killed before it could say so
            before = n
        # Stray temp files from the kills: the next load must not mind them, and a save must work.
        leftovers = temp_files(folder)
        progress = P.Progress(folder / P.FILE_NAME)
        assert progress.notice is None
        progress.set("lesson-0", "completed", True)
        again = P.Progress(folder / P.FILE_NAME)
        assert again.notice is None and again.completed("lesson-0")
        assert again.get(writer.LESSON, writer.KEY) == (None if before is None else writer.payload(before))
        remaining = temp_files(folder)
        stray_policy.add("ignored (left in the folder)" if leftovers and leftovers <= remaining else
                         "cleaned up" if leftovers else "none left")
        assert not [n for n in names(folder) if "damaged" in n], "a kill made a file look damaged"
    elapsed = time.perf_counter() - started
    print(f"\n[kill test] seed {seed}: {kills} SIGKILLs in {elapsed:.1f} s "
          f"({1000 * elapsed / kills:.0f} ms per spawn-kill-check); {saves} saves had finished; "
          f"{temp_left} kills landed mid-save (a temp file was left); {after_rename} landed after "
          f"the rename but before the writer reported it; {absent} before any file existed; "
          f"stray temp files: {', '.join(sorted(stray_policy))}; worst kill-to-checked "
          f"{worst_kill_to_check * 1000:.0f} ms")
    assert kills >= kills_wanted
    assert saves > kills, "the writer hardly saved anything between kills"
    assert temp_left > 0, "no kill ever landed inside a save: the test proved nothing"


def test_stray_temp_files_of_every_shape_do_not_disturb_loading_or_saving(progress_dir):
    P.Progress().set("reflections", "r1", "Mine")
    good = (progress_dir / P.FILE_NAME).read_bytes()
    strays = {".my-progress.a1b2c3.tmp": b"", ".my-progress.d4e5f6.tmp": good[: len(good) // 2],
              ".my-progress.g7h8i9.tmp": good.replace(b"Mine", b"Not mine")}
    for name, content in strays.items():
        (progress_dir / name).write_bytes(content)
    p = P.Progress()
    assert p.notice is None and p.get("reflections", "r1") == "Mine"
    p.set("reflections", "r2", "More")
    assert P.Progress().get("reflections", "r2") == "More"
    for name, content in strays.items():     # ignored (left exactly as they were) or cleaned up
        path = progress_dir / name
        assert not path.exists() or path.read_bytes() == content
    assert not [n for n in names(progress_dir) if "damaged" in n]


# --- damaged files of every kind -------------------------------------------------------------

def _good_record() -> bytes:
    record = P.empty_progress()
    record["saved"] = "2025-01-05T14:03:11+00:00"
    record["lessons"] = {"lesson-0": {"completed": True,
                                      "quiz": {"q1": {"answer": "Shift+Enter", "correct": True}}},
                         P.REFLECTIONS: {"lesson-0-hello": "I read the news on my phone."}}
    return P.dumps(record).encode()


def _v2(**fields) -> bytes:
    record = {"format": P.FORMAT, "version": 2, "saved": None, "lessons": {}}
    record.update(fields)
    return json.dumps(record).encode()


DAMAGED = {
    # name: (file content, the words the notice must use)
    "truncated JSON": (_good_record()[:123], "damaged or incomplete"),
    "cut off at the last brace": (_good_record().rstrip()[:-1], "damaged or incomplete"),
    "empty": (b"", "it was empty"),
    "only spaces and newlines": (b"  \n\t\n", "it was empty"),
    "only NUL bytes (a crash on some file systems)": (b"\x00" * 4096, "damaged or incomplete"),
    "binary": (bytes(range(256)) * 8, "damaged or incomplete"),
    "a PNG picture": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "damaged or incomplete"),
    "not UTF-8": ('{"format": "media-literacy-kit/progress", "é": 1}'.encode("latin-1"),
                  "damaged or incomplete"),
    "JSON of another program": (json.dumps({"cells": [], "metadata": {}, "nbformat": 4,
                                            "nbformat_minor": 5}).encode(), "not a progress file"),
    "JSON of another program with our keys": (json.dumps({"version": 2, "lessons": {}}).encode(),
                                              "not a progress file"),
    "a future schema version": (_v2(version=99, lessons={"lesson-9": {"hologram": True}}),
                                "newer version of the kit"),
    "a list instead of an object": (json.dumps([{"format": P.FORMAT, "version": 2}]).encode(),
                                    "not a progress file"),
    "a bare string": (b'"my progress"', "not a progress file"),
    "null": (b"null", "not a progress file"),
    "version as text": (_v2(version="2"), "parts of it were damaged"),
    "version true": (_v2(version=True), "parts of it were damaged"),
    "version zero": (_v2(version=0), "parts of it were damaged"),
    "lessons as a list": (_v2(lessons=[{"lesson-0": {}}]), "parts of it were damaged"),
    "a lesson as a string": (_v2(lessons={"lesson-0": "done"}), "parts of it were damaged"),
    "version 1 with answers as a list": (json.dumps({"format": P.FORMAT, "version": 1,
                                                     "quiz_answers": ["lesson-0/q1"]}).encode(),
                                         "parts of it were damaged"),
    "version 1 with an answer name without a slash": (
        json.dumps({"format": P.FORMAT, "version": 1, "quiz_answers": {"q1": "x"}}).encode(),
        "parts of it were damaged"),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "damaged or incomplete"),
}


@pytest.mark.parametrize("kind", list(DAMAGED))
def test_a_damaged_file_is_kept_aside_byte_for_byte_explained_and_the_learner_can_go_on(
        progress_dir, kind):
    content, words = DAMAGED[kind]
    progress_dir.mkdir(parents=True, exist_ok=True)
    path = progress_dir / P.FILE_NAME
    path.write_bytes(content)

    progress = P.Progress()
    notice = progress.notice
    assert notice is not None and progress.moved_to is not None
    kept = progress.moved_to
    assert kept.parent == progress_dir and kept.name.startswith("my-progress.damaged-")
    assert kept.read_bytes() == content                      # kept aside untouched
    # A clear message: what happened, why, where the old file is, and that nothing was deleted.
    assert "could not be used because" in notice and words in notice
    assert kept.name in notice and "Nothing was deleted" in notice
    assert "\n" not in notice and "Traceback" not in notice
    if kind == "a future schema version":
        assert "newer version of the kit" in notice and "safe" in notice
    else:
        assert "progress_upload" in notice
    # The learner starts afresh and can go on: a save works and loads without a notice.
    assert progress.data()["lessons"] == {}
    progress.set("reflections", "after", "Still here")
    again = P.Progress()
    assert again.notice is None and again.get("reflections", "after") == "Still here"
    assert kept.read_bytes() == content                      # the saving did not touch it
    assert names(progress_dir) == sorted([P.FILE_NAME, kept.name])


def test_the_learner_sees_the_notice_in_the_summary(progress_dir):
    progress_dir.mkdir(parents=True, exist_ok=True)
    (progress_dir / P.FILE_NAME).write_bytes(b'{"format": "media-literacy-kit/progress", "vers')
    view = W.progress_summary()
    assert "could not be used because it was damaged or incomplete" in view.html.value
    assert "my-progress.damaged-" in view.html.value


def test_two_damaged_files_in_a_row_are_both_kept(progress_dir, monkeypatch):
    monkeypatch.setattr(P, "_timestamp", lambda: "20250105-140311")   # the same second
    progress_dir.mkdir(parents=True, exist_ok=True)
    kept = []
    for content in (b"first {", b"second ["):
        (progress_dir / P.FILE_NAME).write_bytes(content)
        kept.append(P.Progress().moved_to)
    assert kept[0] != kept[1]
    assert [k.read_bytes() for k in kept] == [b"first {", b"second ["]


WRONG_TYPES_DEEPER = {
    # The top level is fine, so the file loads; the values under a lesson have the wrong type.
    "quiz answers as a string": ({"lesson-0": {"quiz": "Shift+Enter"}}, ()),
    "quiz answers as a list": ({"lesson-0": {"quiz": ["Shift+Enter"]}}, ()),
    "one quiz answer as a string": ({"lesson-0": {"quiz": {"q1": "Shift+Enter"}}}, ()),
    "a category answer as a number": ({"lesson-3": {"quiz": {"q3": {"answer": 5}}}}, ()),
    "annotator ticks as a list": ({"annotator": {"choices": ["mk-01"]}}, ()),
    "annotator ticks of a sentence as a number": ({"annotator": {"choices": {"mk-01": 5}}}, ()),
    "a reflection as a number": ({P.REFLECTIONS: {"lesson-0-hello": 42}}, ()),
    "completed as text": ({"lesson-0": {"completed": "yes"}}, ()),
    "saved time as a list": ({}, ()),
}


@pytest.mark.parametrize("kind", [pytest.param(k, marks=m) for k, (_, m) in WRONG_TYPES_DEEPER.items()])
def test_wrong_types_inside_a_lesson_do_not_stop_the_lessons(progress_dir, kind):
    """A file whose values under a lesson have the wrong type (hand-edited, or from a buggy
    build) must not break the quiz, annotator, reflection or summary views the learner opens,
    and the learner must be able to answer again."""
    import lessons as kit

    progress_dir.mkdir(parents=True, exist_ok=True)
    lessons_part = WRONG_TYPES_DEEPER[kind][0]
    content = _v2(lessons=lessons_part, saved=["not", "a", "time"])
    (progress_dir / P.FILE_NAME).write_bytes(content)
    progress = P.current_progress()
    assert progress.summary().sentence()
    W.progress_summary()
    W.progress_download()
    for quiz_id in ("lesson-0", "lesson-3"):
        view = kit.quiz(quiz_id)
        first = view.questions[0]
        first.choice.value = first.question.answer
        first.check()
        assert progress.get(quiz_id, "quiz")[first.question.id]["correct"] is True
    annotator = kit.learner_annotator()
    annotator.checkboxes["mk-01"]["official"].value = True
    assert progress.get("annotator", "choices")["mk-01"] == ["official"]
    r = kit.reflection("lesson-0-hello", "Hello?")
    r.text.value = "Still here"
    r.save()
    assert P.Progress().get(P.REFLECTIONS, "lesson-0-hello") == "Still here"


# --- older schema ----------------------------------------------------------------------------

VERSION_1 = {
    "format": P.FORMAT, "version": 1, "saved": "2024-11-02T10:00:00+00:00",
    "quiz_answers": {"lesson-0/q1": "Click it, then press Shift+Enter",
                     "lesson-3/q3": ["hedge", "official"]},
    "reflections": {"lesson-0-hello": "Мой ответ — مرحبا 🙂"},
    "completed": ["lesson-0"],
}


def test_a_file_of_the_older_schema_loads_and_its_original_is_kept(progress_dir):
    progress_dir.mkdir(parents=True, exist_ok=True)
    original = json.dumps(VERSION_1, ensure_ascii=False, indent=1).encode()
    (progress_dir / P.FILE_NAME).write_bytes(original)
    progress = P.Progress()
    assert progress.notice is None and progress.migrated_from == 1
    assert progress.completed("lesson-0")
    assert progress.get("lesson-0", "quiz") == {
        "q1": {"answer": "Click it, then press Shift+Enter", "correct": None}}
    assert progress.get("lesson-3", "quiz") == {"q3": {"answer": ["hedge", "official"], "correct": None}}
    assert progress.get(P.REFLECTIONS, "lesson-0-hello") == "Мой ответ — مرحبا 🙂"
    copies = [n for n in names(progress_dir) if n.startswith("my-progress.version-1-")]
    assert len(copies) == 1 and (progress_dir / copies[0]).read_bytes() == original
    progress.set("lesson-1", "completed", True)       # the next save writes the new schema
    record = json.loads((progress_dir / P.FILE_NAME).read_text(encoding="utf-8"))
    assert record["version"] == P.SCHEMA_VERSION and record["lessons"]["lesson-0"]["completed"] is True


# --- upload round trip -----------------------------------------------------------------------

def _upload_value(name: str, content: bytes) -> tuple:
    """What ipywidgets 8's FileUpload puts in ``value`` for one chosen file."""
    return ({"name": name, "type": "application/json", "size": len(content),
             "content": memoryview(content),
             "last_modified": datetime(2025, 1, 5, 14, 3, tzinfo=timezone.utc)},)


def _download_bytes(view) -> bytes:
    match = re.search(r'href="data:application/json;charset=utf-8;base64,([^"]+)"', view.link.value)
    return base64.b64decode(match.group(1))


def _work_a_learner_does():
    """Answer quizzes, tick sentences and write a reflection through the real notebook views."""
    import lessons as kit

    q0 = kit.quiz("lesson-0")
    for qv in q0.questions:                      # all right: the lesson is marked completed
        qv.choice.value = qv.question.answer
        qv.check()
    q3 = kit.quiz("lesson-3")
    q3.question("q1").choice.value = q3.question("q1").question.answer
    q3.question("q1").check()
    q3.question("q2").choice.value = "probably"  # a wrong answer is kept too
    q3.question("q2").check()
    for cid in ("official", "hedge"):
        q3.question("q3").checkboxes[cid].value = True
    q3.question("q3").check()
    q3.question("q4").checkboxes["expert"].value = True
    q3.question("q4").check()

    annotator = kit.learner_annotator()
    ticks = {"mk-01": ["official"], "mk-02": ["hedge", "official"], "mk-05": ["none"]}
    for uid, cats in ticks.items():
        for cid in cats:
            annotator.checkboxes[uid][cid].value = True

    text = "I usually read the news on my phone.\nМой ответ — مرحبا 🙂 <b>not bold</b> & more"
    r = kit.reflection("lesson-0-hello", "How do you read the news?")
    r.text.value = text
    r.save()
    r2 = kit.reflection("lesson-4-doubt")
    r2.text.value = "Who checked the numbers?"
    r2.save()
    return ticks, text


def test_upload_restores_every_kind_of_answer_into_a_fresh_progress_folder(tmp_path, monkeypatch):
    import lessons as kit

    first = tmp_path / "monday"
    monkeypatch.setenv("MLK_PROGRESS_DIR", str(first))
    P._INSTANCES.clear()
    ticks, text = _work_a_learner_does()
    saved = P.current_progress().data()
    assert saved["lessons"]["lesson-0"]["completed"] is True
    downloaded = _download_bytes(kit.progress_download())
    assert json.loads(downloaded) == saved

    # Next week, on a fresh Binder: an empty progress folder, then the upload button.
    fresh = tmp_path / "next-week"
    monkeypatch.setenv("MLK_PROGRESS_DIR", str(fresh))
    P._INSTANCES.clear()
    upload = kit.progress_upload()
    upload.upload.value = _upload_value("my-progress.json", downloaded)
    assert "Progress restored" in upload.message.value
    from lessons.learner.quizzes import load_quiz
    answered = len(load_quiz("lesson-0").questions) + 4     # every lesson-0 question, four of lesson-3
    assert f"1 lesson completed, {answered} quiz answers, 2 reflections" in upload.message.value
    assert upload.upload.value == ()             # ready for another file
    assert P.current_progress().data()["lessons"] == saved["lessons"]
    assert json.loads((fresh / P.FILE_NAME).read_text(encoding="utf-8"))["lessons"] == saved["lessons"]

    # Each kind comes back in the views the learner opens.
    q0 = kit.quiz("lesson-0")
    assert all(qv.choice.value == qv.question.answer and qv.correct for qv in q0.questions)
    assert P.current_progress().completed("lesson-0")
    q3 = kit.quiz("lesson-3")
    assert q3.question("q1").choice.value == q3.question("q1").question.answer
    assert q3.question("q1").correct is True
    assert q3.question("q2").choice.value == "probably" and q3.question("q2").correct is False
    assert q3.question("q3").answer() == {"official", "hedge"} and q3.question("q3").correct is True
    assert q3.question("q4").answer() == {"expert"} and q3.question("q4").correct is False
    assert q3.question("suggested").answer() is None    # the one left unanswered
    annotator = kit.learner_annotator()
    assert {k: sorted(v) for k, v in annotator.choices().items()} == {k: sorted(v) for k, v in ticks.items()}
    assert kit.reflection("lesson-0-hello").text.value == text
    assert kit.reflection("lesson-4-doubt").text.value == "Who checked the numbers?"
    assert kit.reflection("lesson-5-unwritten").text.value == ""


def test_the_pure_restore_function_restores_each_kind_and_keeps_what_was_there(tmp_path):
    source = P.Progress(tmp_path / "old" / P.FILE_NAME)
    source.set("lesson-3", "quiz", {"q1": {"answer": "no doubt", "correct": True},
                                    "q3": {"answer": ["hedge", "official"], "correct": True}})
    source.set("annotator", "choices", {"mk-01": ["official"], "mk-07": ["none"]})
    source.set(P.REFLECTIONS, "lesson-0-hello", "Line one\r\nLine two — ✓")
    source.mark_completed("lesson-3")
    content = P.dumps(source.data()).encode()

    target = P.Progress(tmp_path / "new" / P.FILE_NAME)      # a fresh folder: nothing to back up
    message = P.restore_from_bytes(content, target, name="my-progress (3).json")
    assert message.startswith("Restored your progress from “my-progress (3).json”")
    assert "backup" not in message
    again = P.Progress(tmp_path / "new" / P.FILE_NAME)
    assert again.get("lesson-3", "quiz") == source.get("lesson-3", "quiz")
    assert again.get("annotator", "choices") == {"mk-01": ["official"], "mk-07": ["none"]}
    assert again.get(P.REFLECTIONS, "lesson-0-hello") == "Line one\r\nLine two — ✓"
    assert again.completed("lesson-3")

    # Restoring over existing work keeps that work as a backup, byte for byte.
    before = (tmp_path / "new" / P.FILE_NAME).read_bytes()
    message = P.restore_from_bytes(json.dumps(VERSION_1).encode(), again)   # an old-schema file
    backup = re.search(r"kept as “([^”]+)”", message).group(1)
    assert (tmp_path / "new" / backup).read_bytes() == before
    assert again.get(P.REFLECTIONS, "lesson-0-hello") == "Мой ответ — مرحبا 🙂"
    assert P.Progress(tmp_path / "new" / P.FILE_NAME).completed("lesson-0")
