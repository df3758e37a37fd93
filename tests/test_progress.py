"""The progress file: where it lives, atomic saving, damaged and foreign files, migration, upload."""
from __future__ import annotations

import base64
import json
import os
import re
from datetime import datetime, timezone

import pytest

from lessons import views as W
from lessons.learner import progress as P
from lessons.views import progress_view

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder




def files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_progress_file_lives_in_the_folder_named_by_MLK_PROGRESS_DIR(progress_dir):
    assert P.progress_path() == progress_dir / "my-progress.json"


def test_without_the_variable_the_file_goes_beside_the_notebooks(tmp_path, monkeypatch):
    monkeypatch.delenv("MLK_PROGRESS_DIR")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path)
    assert P.progress_path() == tmp_path / "notebooks" / "progress" / "my-progress.json"
    monkeypatch.chdir(tmp_path / "notebooks")
    assert P.progress_path() == tmp_path / "notebooks" / "progress" / "my-progress.json"


def test_set_saves_at_once_and_a_new_session_reads_it_back(progress_dir):
    P.Progress().set("lesson-1", "answer", {"q1": "may"})
    again = P.Progress()
    assert again.get("lesson-1", "answer") == {"q1": "may"}
    assert again.get("lesson-1", "missing", "default") == "default"
    assert again.notice is None


def test_the_file_is_versioned_and_readable_by_a_person(progress_dir):
    P.Progress().set("reflections", "hello", "Ich lese Nachrichten — on my phone")
    text = (progress_dir / "my-progress.json").read_text(encoding="utf-8")
    record = json.loads(text)
    assert record["format"] == P.FORMAT and record["version"] == P.SCHEMA_VERSION
    assert record["lessons"] == {"reflections": {"hello": "Ich lese Nachrichten — on my phone"}}
    assert "\n  " in text and "—" in text  # indented, letters kept as they are


def test_values_json_cannot_hold_are_refused_before_anything_is_written(progress_dir):
    with pytest.raises(TypeError):
        P.Progress().set("lesson-1", "bad", object())
    assert files(progress_dir) == []


def test_completed_lessons_are_remembered(progress_dir):
    p = P.Progress()
    assert not p.completed("lesson-2")
    p.mark_completed("lesson-2")
    assert P.Progress().completed("lesson-2")


def test_a_failed_rename_leaves_the_old_file_intact_and_no_temporary_file(progress_dir, monkeypatch):
    p = P.Progress()
    p.set("lesson-1", "answer", "old")
    before = (progress_dir / "my-progress.json").read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        p.set("lesson-1", "answer", "new")
    assert (progress_dir / "my-progress.json").read_bytes() == before
    assert files(progress_dir) == ["my-progress.json"]


def test_a_failed_sync_leaves_the_old_file_intact_and_no_temporary_file(progress_dir, monkeypatch):
    P.Progress().set("lesson-1", "answer", "old")
    before = (progress_dir / "my-progress.json").read_bytes()
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError):
        P.atomic_write_text(progress_dir / "my-progress.json", "half")
    assert (progress_dir / "my-progress.json").read_bytes() == before
    assert files(progress_dir) == ["my-progress.json"]


def test_two_open_notebooks_do_not_undo_each_others_work(progress_dir):
    first, second = P.Progress(), P.Progress()
    first.set("lesson-1", "a", 1)
    second.set("lesson-2", "b", 2)
    first.set("lesson-1", "c", 3)
    final = P.Progress()
    assert final.get("lesson-1", "a") == 1 and final.get("lesson-2", "b") == 2
    assert final.get("lesson-1", "c") == 3


CORRUPT = {
    "empty": b"",
    "truncated": b'{"format": "media-literacy-kit/progress", "version": 2, "less',
    "not-json": b"this is not json at all",
    "binary": bytes(range(256)),
    "foreign-list": b"[1, 2, 3]",
    "foreign-object": b'{"cells": [], "nbformat": 4}',
    "no-version": b'{"format": "media-literacy-kit/progress", "lessons": {}}',
    "version-as-text": b'{"format": "media-literacy-kit/progress", "version": "2", "lessons": {}}',
    "bad-lessons": b'{"format": "media-literacy-kit/progress", "version": 2, "lessons": [1]}',
    "lesson-not-a-dict": b'{"format": "media-literacy-kit/progress", "version": 2, "lessons": {"a": 3}}',
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_an_unusable_file_is_moved_aside_untouched_and_a_fresh_one_started(progress_dir, kind):
    content = CORRUPT[kind]
    (progress_dir / "my-progress.json").write_bytes(content)
    p = P.Progress()
    assert p.get("lesson-1", "anything") is None
    aside = [f for f in files(progress_dir) if f.startswith("my-progress.damaged-")]
    assert len(aside) == 1 and re.fullmatch(r"my-progress\.damaged-\d{8}-\d{6}\.json", aside[0])
    assert (progress_dir / aside[0]).read_bytes() == content
    assert not (progress_dir / "my-progress.json").exists()
    assert aside[0] in p.notice and "progress_upload" in p.notice and "Nothing was deleted" in p.notice
    p.set("lesson-1", "fresh", True)
    assert P.Progress().get("lesson-1", "fresh") is True


def test_a_file_from_a_newer_kit_is_kept_aside_and_explained(progress_dir):
    newer = {"format": P.FORMAT, "version": P.SCHEMA_VERSION + 1, "lessons": {"x": {}}}
    (progress_dir / "my-progress.json").write_text(json.dumps(newer))
    p = P.Progress()
    assert "newer version" in p.notice
    assert p.moved_to is not None and json.loads(p.moved_to.read_text()) == newer


def test_moving_aside_never_overwrites_an_earlier_damaged_file(progress_dir, monkeypatch):
    monkeypatch.setattr(P, "_timestamp", lambda: "20250101-120000")
    (progress_dir / "my-progress.json").write_bytes(b"first damage")
    P.Progress()
    (progress_dir / "my-progress.json").write_bytes(b"second damage")
    P.Progress()
    assert (progress_dir / "my-progress.damaged-20250101-120000.json").read_bytes() == b"first damage"
    assert (progress_dir / "my-progress.damaged-20250101-120000-2.json").read_bytes() == b"second damage"


VERSION_1 = {
    "format": P.FORMAT, "version": 1,
    "quiz_answers": {"lesson-2/q1": "may", "lesson-2/q2": ["hedge"], "lesson-3/q1": "Giles"},
    "reflections": {"lesson-0-hello": "On my phone."},
    "completed": ["lesson-0"],
}


def test_migrating_version_1_nests_quiz_answers_by_lesson():
    new = P.migrate_1_to_2(VERSION_1)
    assert new["version"] == 2
    assert new["lessons"]["lesson-2"]["quiz"] == {
        "q1": {"answer": "may", "correct": None}, "q2": {"answer": ["hedge"], "correct": None}}
    assert new["lessons"]["lesson-3"]["quiz"]["q1"]["answer"] == "Giles"
    assert new["lessons"]["reflections"] == {"lesson-0-hello": "On my phone."}
    assert new["lessons"]["lesson-0"]["completed"] is True


def test_an_old_version_file_loads_and_its_original_is_kept(progress_dir):
    original = json.dumps(VERSION_1).encode()
    (progress_dir / "my-progress.json").write_bytes(original)
    p = P.Progress()
    assert p.notice is None and p.migrated_from == 1
    assert p.get("lesson-2", "quiz")["q1"]["answer"] == "may"
    assert p.completed("lesson-0")
    kept = [f for f in files(progress_dir) if f.startswith("my-progress.version-1-")]
    assert len(kept) == 1 and (progress_dir / kept[0]).read_bytes() == original
    p.set("lesson-4", "x", 1)
    assert json.loads((progress_dir / "my-progress.json").read_text())["version"] == 2


def test_a_broken_old_version_file_is_treated_as_damaged(progress_dir):
    (progress_dir / "my-progress.json").write_text(json.dumps(
        {"format": P.FORMAT, "version": 1, "quiz_answers": {"no-slash": "x"}}))
    assert "damaged" in P.Progress().notice


def test_the_summary_lists_completed_lessons_quizzes_and_reflections(progress_dir):
    p = P.Progress()
    p.mark_completed("lesson-0")
    p.set("lesson-0", "quiz", {"q1": {"answer": "a", "correct": True}, "q2": {"answer": "b", "correct": False}})
    p.set("reflections", "lesson-0-hello", "Hello")
    p.set("reflections", "blank", "   ")
    s = p.summary()
    assert s.completed == ("lesson-0",)
    assert s.quizzes[0].quiz_id == "lesson-0" and (s.quizzes[0].answered, s.quizzes[0].correct) == (2, 1)
    assert s.reflections == ("lesson-0-hello",)
    assert s.sentence() == "1 lesson completed, 2 quiz answers, 1 reflection"
    page = progress_view.summary_html(s)
    assert "lesson-0-hello" in page and "1 correct of" in page


def test_summary_html_escapes_what_it_shows():
    s = P.Summary("<path>", ("<b>x</b>",), (), ("<script>",))
    page = progress_view.summary_html(s, notice="<img src=x>")
    assert "<script>" not in page and "<b>x</b>" not in page and "<img" not in page


def _payload_of(link_html: str) -> bytes:
    href = re.search(r'href="data:application/json;charset=utf-8;base64,([^"]+)"', link_html).group(1)
    return base64.b64decode(href)


def test_download_then_upload_brings_the_same_progress_back(progress_dir, tmp_path_factory):
    p = P.Progress()
    p.set("lesson-3", "quiz", {"q1": {"answer": "may", "correct": True}})
    p.set("reflections", "r1", "Words & <tags>")
    link = progress_view.download_html(p)
    assert 'download="my-progress.json"' in link
    downloaded = _payload_of(link)

    elsewhere = tmp_path_factory.mktemp("binder-next-week")
    fresh = P.Progress(elsewhere / "my-progress.json")
    fresh.set("lesson-0", "quiz", {"q1": {"answer": "x", "correct": False}})
    message = P.restore_from_bytes(downloaded, fresh, name="my-progress.json")
    assert "Restored" in message and "1 reflection" in message and "backup" in message
    assert fresh.get("lesson-3", "quiz") == {"q1": {"answer": "may", "correct": True}}
    assert fresh.get("reflections", "r1") == "Words & <tags>"
    assert P.Progress(elsewhere / "my-progress.json").get("lesson-0", "quiz") is None
    backups = [f for f in files(elsewhere) if f.startswith("my-progress.backup-")]
    assert len(backups) == 1
    assert json.loads((elsewhere / backups[0]).read_text())["lessons"]["lesson-0"]


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_an_invalid_upload_changes_nothing(progress_dir, kind):
    p = P.Progress()
    p.set("lesson-1", "keep", "me")
    before = (progress_dir / "my-progress.json").read_bytes()
    with pytest.raises(P.ProgressError):
        P.restore_from_bytes(CORRUPT[kind], p)
    assert (progress_dir / "my-progress.json").read_bytes() == before
    assert files(progress_dir) == ["my-progress.json"]
    assert p.get("lesson-1", "keep") == "me"


def test_an_enormous_upload_is_refused_before_reading(progress_dir):
    with pytest.raises(P.ProgressError) as info:
        P.restore_from_bytes(b" " * (P.MAX_UPLOAD_BYTES + 1))
    assert info.value.kind == "too-big"


# --- the notebook views ----------------------------------------------------------------------

def test_the_upload_widget_restores_a_file_and_says_what_came_back(progress_dir, tmp_path_factory):
    source = P.Progress(tmp_path_factory.mktemp("old") / "my-progress.json")
    source.set("reflections", "r1", "Hello")
    content = P.dumps(source.data()).encode()
    view = W.progress_upload()
    view.upload.value = ({"name": "my-progress.json", "type": "application/json", "size": len(content),
                          "content": memoryview(content),
                          "last_modified": datetime(2025, 1, 1, tzinfo=timezone.utc)},)
    assert "Progress restored" in view.message.value and "1 reflection" in view.message.value
    assert P.current_progress().get("reflections", "r1") == "Hello"
    assert view.upload.value == ()


def test_the_upload_widget_explains_a_bad_file_and_keeps_the_current_progress(progress_dir):
    P.current_progress().set("reflections", "r1", "Mine")
    view = W.progress_upload()
    assert view.restore("<notes>.json", b"not json") is False
    assert "could not be used" in view.message.value and "Nothing was changed" in view.message.value
    assert "<notes>" not in view.message.value
    assert P.current_progress().get("reflections", "r1") == "Mine"


def test_the_summary_and_download_views_follow_each_save(progress_dir):
    summary, download = W.progress_summary(), W.progress_download()
    assert "Nothing saved yet" in summary.html.value
    P.current_progress().set("reflections", "r1", "Hello")
    assert "1 reflection" in summary.html.value
    assert json.loads(_payload_of(download.link.value))["lessons"]["reflections"]["r1"] == "Hello"


def test_the_summary_view_shows_the_damaged_file_notice(progress_dir):
    (progress_dir / "my-progress.json").write_bytes(b"{oops")
    view = W.progress_summary()
    assert "could not be used" in view.html.value
