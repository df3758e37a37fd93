"""Build the lesson notebooks from their Markdown sources in ``data/lessons/``.

Every word of a lesson lives in ``data/lessons/NN-slug.md``: YAML front matter (id, title,
minutes, objectives, keywords) then Markdown. Fenced ```python blocks become code cells; the rest
becomes Markdown cells, split at ``---`` lines and at headings so that each idea is a
Markdown + code pair (as the ipywidgets documentation notebooks are laid out). Text inside
``<details>`` blocks (hints and solutions) is never split and its code stays Markdown.

Notebooks carry no outputs and stable cell ids (lesson id + index), so building twice gives
identical files and ``python -m tools.notebooks --check`` can prove none has drifted.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from lessons.data import data_path

LESSONS_DIR = data_path("lessons")
NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"
HEADER_TEMPLATE = LESSONS_DIR / "_header.md"
REQUIRED_FIELDS = ("id", "title", "minutes_class", "minutes_workshop", "objectives", "keywords")

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python"}

_FENCE = re.compile(r"^(`{3,})\s*([\w+-]*)\s*$")
_HEADING = re.compile(r"^#{1,6}\s")
_RULE = re.compile(r"^-{3,}\s*$")


class LessonSourceError(ValueError):
    """A lesson source that cannot be turned into a notebook, with the file and the reason."""


@dataclass(frozen=True)
class Lesson:
    """One lesson source: its front matter and its Markdown body."""

    path: Path
    meta: dict
    body: str

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    @property
    def notebook_name(self) -> str:
        return self.path.stem + ".ipynb"


def lesson_paths(lessons_dir: Path = LESSONS_DIR) -> list[Path]:
    """The lesson sources, in order: ``NN-slug.md`` files only."""
    return sorted(p for p in Path(lessons_dir).glob("[0-9][0-9]-*.md"))


def read_lesson(path: Path) -> Lesson:
    """Split a lesson source into front matter and body, and check the required fields."""
    import yaml

    text = Path(path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise LessonSourceError(f"{path.name}: the file must start with '---' and YAML front matter.")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise LessonSourceError(f"{path.name}: the front matter has no closing '---' line.")
    meta = yaml.safe_load(text[4:end]) or {}
    missing = [f for f in REQUIRED_FIELDS if not meta.get(f)]
    if missing:
        raise LessonSourceError(f"{path.name}: front matter lacks {', '.join(missing)}.")
    return Lesson(path=Path(path), meta=meta, body=text[end + 5:])


def split_cells(body: str) -> list[tuple[str, str]]:
    """``(cell_type, source)`` pairs: python fences become code, the rest Markdown.

    Markdown is split at ``---`` lines (which are dropped) and before headings, except inside
    ``<details>`` blocks and inside non-python fences.
    """
    cells: list[tuple[str, str]] = []
    buf: list[str] = []
    kind = "markdown"
    fence = None          # the backticks of the open fence, if any
    details = 0           # depth of open <details> blocks

    def flush():
        source = "\n".join(buf).strip("\n")
        if kind == "markdown":
            source = source.strip()
        if source.strip():
            cells.append((kind, source))
        buf.clear()

    for line in body.splitlines():
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1) == fence and not m.group(2):
                fence = None
                if kind == "code":
                    flush()
                    kind = "markdown"
                    continue
            buf.append(line)
            continue
        if m and m.group(2):
            fence = m.group(1)
            if m.group(2) == "python" and details == 0:
                flush()
                kind = "code"
                continue
            buf.append(line)
            continue
        details += line.count("<details") - line.count("</details>")
        details = max(details, 0)
        if details == 0 and _RULE.match(line):
            flush()
            continue
        if details == 0 and _HEADING.match(line) and "<details" not in line:
            flush()
        buf.append(line)
    if fence is not None:
        raise LessonSourceError("a ``` fence is never closed.")
    flush()
    return cells


def header_cell(lesson: Lesson) -> str:
    """The first Markdown cell: title, time and objectives, from the front matter."""
    template = HEADER_TEMPLATE.read_text(encoding="utf-8").strip()
    objectives = "\n".join(f"- {o}" for o in lesson.meta["objectives"])
    fields = {k: v for k, v in lesson.meta.items() if k != "objectives"}
    try:
        return template.format(objectives=objectives, **fields)
    except (KeyError, IndexError, ValueError) as e:
        raise LessonSourceError(f"{HEADER_TEMPLATE.name} uses a field the front matter lacks: {e}") from None


def build_notebook(lesson: Lesson):
    """The notebook for one lesson (an ``nbformat`` node), with stable cell ids and no outputs."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    try:
        pairs = [("markdown", header_cell(lesson))] + split_cells(lesson.body)
    except LessonSourceError as e:
        raise LessonSourceError(f"{lesson.path.name}: {e}") from None
    cells = []
    for index, (kind, source) in enumerate(pairs):
        cell_id = f"{lesson.id}-{index:03d}"
        if kind == "code":
            cell = new_code_cell(source)
        else:
            cell = new_markdown_cell(source)
        cell["id"] = cell_id
        cells.append(cell)
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": dict(KERNELSPEC),
        "language_info": dict(LANGUAGE_INFO),
        "lesson": {"id": lesson.id, "source": f"lessons/data/lessons/{lesson.path.name}"},
    })
    nbformat.validate(nb)
    return nb


def notebook_text(lesson: Lesson) -> str:
    """The notebook file's exact text (nbformat's own JSON layout, with a final newline)."""
    import nbformat

    return nbformat.writes(build_notebook(lesson)) + "\n"


def build_all(check: bool = False, lessons_dir: Path = LESSONS_DIR, out_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Write every lesson's notebook; return the notebooks that were (or, with ``check``, would be) changed.

    With ``check=True`` nothing is written: the list names the notebooks that are missing or out
    of date with their sources.
    """
    out_dir = Path(out_dir)
    changed = []
    for path in lesson_paths(lessons_dir):
        lesson = read_lesson(path)
        target = out_dir / lesson.notebook_name
        text = notebook_text(lesson)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        changed.append(target)
        if not check:
            out_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.notebooks", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if any notebook is missing or out of date")
    parser.add_argument("--out", type=Path, default=NOTEBOOKS_DIR, help="folder for the notebooks")
    args = parser.parse_args(argv)
    try:
        changed = build_all(check=args.check, out_dir=args.out)
    except LessonSourceError as e:
        print(f"Cannot build the notebooks: {e}", file=sys.stderr)
        return 2
    if args.check:
        if changed:
            names = ", ".join(p.name for p in changed)
            print(f"Out of date with their lesson sources: {names}.\n"
                  "Rebuild them with: python -m tools.notebooks", file=sys.stderr)
            return 1
        print("All notebooks match their lesson sources.")
        return 0
    print(f"Wrote {len(changed)} notebook(s)." if changed else "All notebooks were already up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
