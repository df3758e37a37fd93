"""The list of sets, ``benchmarks/sets.yaml``: each set's name, status, kind, place and description."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
"""The repository."""

SETS_FILE = ROOT / "benchmarks" / "sets.yaml"
EXPECTATIONS_FILE = ROOT / "benchmarks" / "expectations.yaml"

CATEGORIES = ("hedge", "official", "expert", "unverified")
STATUSES = ("development", "blind", "external")
KINDS = ("invented", "real")
FORMATS = ("units", "conll2010")


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

    Raises :class:`SetsError` naming the file and the entry when something is wrong.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SetsError(f"{_rel(path)}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise SetsError(f"{_rel(path)}: not valid YAML ({exc})") from None
    entries = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise SetsError(f"{_rel(path)}: needs a 'sets' mapping of set name -> fields")
    out = []
    for name, fields in entries.items():
        where = f"{_rel(path)}, set {name!r}"
        if not isinstance(fields, dict):
            raise SetsError(f"{where}: needs status, kind, path and description")
        missing = [k for k in ("status", "kind", "path", "description") if not fields.get(k)]
        if missing:
            raise SetsError(f"{where}: missing {', '.join(missing)}")
        unknown = sorted(set(fields) - {"status", "kind", "path", "description", "format"})
        if unknown:
            raise SetsError(f"{where}: unknown field(s) {', '.join(unknown)}")
        for key, allowed in (("status", STATUSES), ("kind", KINDS), ("format", FORMATS)):
            value = fields.get(key, "units")
            if value not in allowed:
                raise SetsError(f"{where}: {key} {value!r} is not one of {', '.join(allowed)}")
        p = str(fields["path"])
        if os.path.isabs(p) or "\\" in p:
            raise SetsError(f"{where}: path must be relative to the repository root, got {p!r}")
        if fields["status"] == "external" and not p.startswith("../shared/"):
            raise SetsError(f"{where}: an external set is read in place from ../shared/, got {p!r}")
        if fields["status"] != "external" and not p.startswith("benchmarks/"):
            raise SetsError(f"{where}: the kit's own sets live under benchmarks/, got {p!r}")
        out.append(BenchSet(name=str(name), status=fields["status"], kind=fields["kind"], path=p,
                            description=" ".join(str(fields["description"]).split()),
                            format=fields.get("format", "units")))
    return out


def _rel(path: Path) -> str:
    """A path as it should be shown: relative to the repository when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return os.path.relpath(path, ROOT)
