"""Shared fixtures: the lesson's article as received and as the kit reads it."""
from __future__ import annotations

import pytest

from lessons.article import SEED_ID, load_article
from lessons.data import data_path


@pytest.fixture(scope="session")
def seed_raw() -> str:
    """The kit's copy of the seed article exactly as received (raw.txt), as a string."""
    return data_path("articles", SEED_ID, "raw.txt").read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_article():
    """The seed article as the lessons use it: ``load_article()``."""
    return load_article()
