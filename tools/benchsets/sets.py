"""The list of sets, ``benchmarks/sets.yaml``, as the tool uses it: each set's name, status, kind, place
and description (read by the kit's one reader, :mod:`lessons.scoring.sets`)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lessons.annotator.model import CATEGORIES
from lessons.scoring.sets import FILE_STATUSES, FORMATS, KINDS, SetsFileError, _shown, read_sets

ROOT = Path(__file__).resolve().parent.parent.parent
"""The repository."""

SETS_FILE = ROOT / "benchmarks" / "sets.yaml"
EXPECTATIONS_FILE = ROOT / "benchmarks" / "expectations.yaml"

STATUSES = FILE_STATUSES

__all__ = ["CATEGORIES", "EXPECTATIONS_FILE", "FORMATS", "KINDS", "ROOT", "SETS_FILE", "STATUSES", "BenchSet",
           "SetsError", "load_sets"]


class SetsError(Exception):
    """``benchmarks/sets.yaml`` cannot be read; the message says where and why."""


@dataclass(frozen=True)
class BenchSet:
    """One entry of ``benchmarks/sets.yaml``."""

    name: str
    status: str
    kind: str
    path: str
    description: str
    format: str = "units"

    @property
    def folder(self) -> Path:
        """Where the set lives (a folder, or a file for the CoNLL sample)."""
        return (ROOT / self.path).resolve()

    @property
    def external(self) -> bool:
        return self.status == "external"

    def missing_note(self) -> str | None:
        """Why the set cannot be read here, or None when it is present."""
        if self.folder.exists():
            return None
        if self.external:
            return f"{self.name}: skipped, {self.path} is not here (external data is read in place from ../shared)"
        return f"{self.name}: missing, {self.path} does not exist yet"


def load_sets(path: str | os.PathLike = SETS_FILE) -> list[BenchSet]:
    """Every set named in ``benchmarks/sets.yaml``, in file order, with its status.

    Read by the kit's one reader of the file (:func:`lessons.scoring.sets.read_sets`), strictly.
    Raises :class:`SetsError` naming the file and the entry when something is wrong.
    """
    try:
        found = read_sets(path, strict=True)
    except SetsFileError as exc:
        raise SetsError(str(exc)) from None
    return [BenchSet(name=s.name, status=s.status, kind=s.kind, path=s.path, description=s.description,
                     format=s.format) for s in found]


def _rel(path: Path) -> str:
    """A path as it should be shown: relative to the repository when inside it."""
    return _shown(path, strict=True)
