"""The kit's data files: lesson text, cue lists and rules that teachers can edit."""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """Path of a file under ``lessons/data``."""
    return DATA_DIR.joinpath(*parts)
