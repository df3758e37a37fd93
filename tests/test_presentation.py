"""Presentation mode (a lesson as a Voila page): decided in one place, from what Voila tells the kernel."""
from __future__ import annotations

from lessons import presentation
from lessons.learner import progress as P

VOILA_VARS = ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "SERVER_SOFTWARE")


def _notebook(monkeypatch):
    for name in VOILA_VARS:
        monkeypatch.delenv(name, raising=False)


def test_a_notebook_kernel_is_not_a_page_and_keeps_the_one_progress_file(monkeypatch, progress_dir):
    _notebook(monkeypatch)
    assert not presentation.presenting()
    assert P.progress_path() == progress_dir / "my-progress.json"


def test_voila_kernels_are_pages_each_with_its_own_progress_file(monkeypatch, progress_dir):
    _notebook(monkeypatch)
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.setenv("VOILA_KERNEL_ID", "0b9c3a2e-1111-4e0f-9d7c-5a1f0e6c2b11")
    assert presentation.presenting()
    one = P.progress_path()
    monkeypatch.setenv("VOILA_KERNEL_ID", "7f00aa11-2222-4bcd-8e9f-000000000002")
    other = P.progress_path()
    assert one != other and one.parent == other.parent == progress_dir
    assert one.name == "page-0b9c3a2e-1111-4e0f-9d7c-5a1f0e6c2b11.json"


def test_a_session_id_cannot_leave_the_progress_folder(monkeypatch, progress_dir):
    _notebook(monkeypatch)
    monkeypatch.setenv("VOILA_KERNEL_ID", "../../etc/passwd")
    assert P.progress_path().parent == progress_dir
    assert "/" not in P.progress_path().name.removeprefix("page-")


def test_a_page_started_before_voila_names_its_kernel_still_gets_one_stable_session(monkeypatch, progress_dir):
    _notebook(monkeypatch)
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert presentation.presenting()
    assert P.progress_path() == P.progress_path() != progress_dir / "my-progress.json"


def test_the_page_style_hides_notebook_wording_and_shows_page_wording():
    css = presentation.page_style_html()
    assert ".mlk-notebook-only" in css and "display: none" in css
    assert ".mlk-page-only[hidden]" in css


def test_lessons_meant_for_a_page_say_shift_enter_only_in_notebook_wording_with_page_wording_beside_it():
    import re

    from lessons.data import data_path

    for path in sorted(data_path("lessons").glob("0[1-9]-*.md")):
        text = path.read_text(encoding="utf-8")
        outside = re.sub(r'<p class="mlk-notebook-only">.*?</p>', "", text, flags=re.S)
        assert "Shift+Enter" not in outside, path.name
        notebook_only = re.findall(r'<p class="mlk-notebook-only">.*?</p>\n<p class="mlk-page-only" hidden>(.*?)</p>',
                                   text, flags=re.S)
        assert notebook_only and len(notebook_only) == text.count("mlk-notebook-only"), path.name
        assert all(page.strip() and "Shift" not in page for page in notebook_only)
