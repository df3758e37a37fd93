"""The lesson 6 handout button prints the report in front of the learner, not the lesson's article."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lessons import views as W

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_tmp(tmp_path, monkeypatch, progress_dir):
    monkeypatch.chdir(tmp_path)
    from lessons.views import bring_your_own as byo
    monkeypatch.setattr(byo, "_LATEST", [])
    return tmp_path


def test_the_lesson_6_button_prints_the_learners_own_report_not_the_seed(in_tmp):
    from lessons import views as W
    button = W.handout_button(yours=True)
    assert button.make() is None                                   # nothing analysed yet
    assert "no report of yours" in button.message.value and not (in_tmp / "handouts").exists()

    mine = W.BringYourOwn()
    mine.analyse_text("Storm closes harbour\nThe storm may have sunk three boats, the coastguard said.")
    path = button.make()
    page = path.read_text(encoding="utf-8")
    assert "Storm closes harbour" in page and "sunk three boats" in page
    assert "Makiivka" not in page and "NBC News" not in page
    assert re.search(r"<dt>Outlet</dt><dd>not known", page)

    mine.analyse_text("Bridge reopens\nThe council said the bridge was safe.")
    page = button.make().read_text(encoding="utf-8")                # the report in front of the learner now
    assert "Bridge reopens" in page and "Storm closes harbour" not in page


def test_a_button_given_one_box_follows_that_box(in_tmp):
    from lessons import views as W
    first, second = W.BringYourOwn(), W.BringYourOwn()
    button = W.handout_button(first)
    first.analyse_text("Mine\nOfficials said it may rain.")
    second.analyse_text("Theirs\nExperts said it will be dry.")
    page = button.make().read_text(encoding="utf-8")
    assert "Officials said it may rain." in page and "Theirs" not in page


def test_the_default_button_still_prints_the_lessons_article_with_its_outlet(in_tmp):
    from lessons import views as W
    page = W.handout_button().make().read_text(encoding="utf-8")
    assert "NBC News" in page and "4 January 2023" in page and 'data-kind="image_title"' in page


def test_lesson_6_uses_the_button_for_the_learners_own_report():
    source = (ROOT / "lessons" / "data" / "lessons").glob("*-bring-your-own.md")
    (lesson,) = list(source)
    assert "kit.handout_button(yours=True)" in lesson.read_text(encoding="utf-8")


def test_the_handout_is_written_and_offered_with_a_relative_download_link(seed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    h = W.HandoutButton(seed, title="Russia blames <phones>")
    h.button.click()
    assert h.path is not None and h.path.exists() and h.path.parent == tmp_path / "handouts"
    page = h.path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Makiivka" in page
    href = re.search(r'href="([^"]+)"', h.link_html).group(1)
    assert href == f"handouts/{h.path.name}" and not href.startswith(("/", "http"))
    assert f'download="{h.path.name}"' in h.link_html
    assert "ready" in h.message.value


def test_a_handout_that_cannot_be_written_is_explained(seed, tmp_path, monkeypatch):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder should be")
    h = W.HandoutButton(seed, folder=blocker / "handouts")
    assert h.make() is None and "could not be written" in h.message.value


def test_handout_button_uses_the_seed_by_default(article_module, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    h = W.handout_button()
    assert "Makiivka" in h.analysis.text
