"""Shared fixtures: the lesson's article as received and as the kit reads it, and a private
progress folder so that tests of saving never write into the repository's notebooks."""
from __future__ import annotations

import pytest

from lessons.learner import progress as P
from lessons.text.article import SEED_ID, load_article
from lessons.data import data_path


@pytest.fixture(scope="session")
def seed_raw() -> str:
    """The kit's copy of the seed article exactly as received (raw.txt), as a string."""
    return data_path("articles", SEED_ID, "raw.txt").read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_article():
    """The seed article as the lessons use it: ``load_article()``."""
    return load_article()


@pytest.fixture(scope="session")
def seed():
    """The seed article, analysed by the real annotator (a test module may define its own)."""
    from lessons.annotator import analyse
    from lessons.scoring.key import article_text
    return analyse(article_text())


@pytest.fixture
def article_module():
    """The article reader (``lessons.text.article``), which turns pasted text and files into articles."""
    import lessons.text.article
    return lessons.text.article


@pytest.fixture
def progress_dir(tmp_path, monkeypatch):
    """An empty progress folder for this test (MLK_PROGRESS_DIR), with no progress object cached."""
    folder = tmp_path / "progress"
    folder.mkdir()
    monkeypatch.setenv("MLK_PROGRESS_DIR", str(folder))
    P._INSTANCES.clear()
    yield folder
    P._INSTANCES.clear()
