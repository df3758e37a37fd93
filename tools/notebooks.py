"""Build the lesson notebooks from their Markdown sources in ``data/lessons/``.

Every word of a lesson lives in ``data/lessons/NN-slug.md``: YAML front matter (id, title,
minutes, objectives, keywords) then Markdown. Fenced ```python blocks become code cells; the rest
becomes Markdown cells, split at ``---`` lines and at headings so that each idea is a
Markdown + code pair (as the ipywidgets documentation notebooks are laid out). Text inside
``<details>`` blocks (hints and solutions) is never split and its code stays Markdown.

Teacher notes live in the same file, apart from the learners' text: everything from a final
``## Teacher notes`` heading to the end of the file. They become the notebook's last cell, a
``<details>`` block titled "Teacher notes" (collapsed until opened, tagged ``teacher-notes``), and
the "Lesson by lesson" section of ``notebooks/teacher-guide.md`` (between its ``lesson-notes``
markers) is generated from them, so the guide and the lessons say the same thing.

Notebooks carry no outputs and stable cell ids (lesson id + index), so building twice gives
identical files and ``python -m tools.notebooks --check`` can prove none (nor the guide) has drifted.
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
GUIDE_NAME = "teacher-guide.md"
TEACHER_NOTES = "Teacher notes"
GUIDE_START = "<!-- lesson-notes:start"
GUIDE_END = "<!-- lesson-notes:end -->"
REQUIRED_FIELDS = ("id", "title", "minutes_class", "minutes_workshop", "objectives", "keywords")

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python"}

_FENCE = re.compile(r"^(`{3,})\s*([\w+-]*)\s*$")
_HEADING = re.compile(r"^#{1,6}\s")
_RULE = re.compile(r"^-{3,}\s*$")
_NOTES_HEADING = re.compile(r"^##[ \t]+Teacher notes[ \t]*$")


class LessonSourceError(ValueError):
    """A lesson source that cannot be turned into a notebook, with the file and the reason."""


@dataclass(frozen=True)
class Lesson:
    """One lesson source: its front matter and its Markdown body."""

    path: Path
    meta: dict
    body: str
    teacher_notes: str = ""

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
    body, notes = split_teacher_notes(text[end + 5:])
    return Lesson(path=Path(path), meta=meta, body=body, teacher_notes=notes)


def split_teacher_notes(body: str) -> tuple[str, str]:
    """``(learners' text, teacher notes)``: the notes run from a ``## Teacher notes`` heading
    (outside any fence) to the end of the file; ``""`` when a lesson has none."""
    lines = body.split("\n")
    fence = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1) == fence and not m.group(2):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if _NOTES_HEADING.match(line):
            return "\n".join(lines[:i]).rstrip("\n") + "\n", "\n".join(lines[i + 1:]).strip("\n")
    return body, ""


def teacher_notes_cell(lesson: Lesson) -> str:
    """The notebook's last cell: the teacher notes, collapsed under a "Teacher notes" summary."""
    time = (f"*Time:* about {lesson.meta['minutes_class']} minutes in a class, "
            f"about {lesson.meta['minutes_workshop']} in a workshop.")
    return (f"<details>\n<summary><b>{TEACHER_NOTES}</b> (for whoever leads the session; "
            f"learners can skip this)</summary>\n\n{time}\n\n{lesson.teacher_notes}\n\n</details>")


def guide_section(lessons: list[Lesson]) -> str:
    """The teacher guide's "Lesson by lesson" notes, between the markers, from the lesson files."""
    parts = [f"{GUIDE_START}: made by `python -m tools.notebooks` from the \"{TEACHER_NOTES}\" "
             "section at the end of each lesson file in lessons/data/lessons/; edit them there -->\n"]
    for lesson in lessons:
        if not lesson.teacher_notes:
            continue
        parts.append(f"### {lesson.path.stem[:2]} {lesson.meta['title']}\n\n"
                     f"*Time:* about {lesson.meta['minutes_class']} minutes in a class, "
                     f"about {lesson.meta['minutes_workshop']} in a workshop.\n\n"
                     f"{lesson.teacher_notes}\n")
    parts.append(GUIDE_END)
    return "\n".join(parts)


def guide_text(guide: str, lessons: list[Lesson]) -> str:
    """``guide`` with its lesson-notes section made from ``lessons``."""
    start, end = guide.find(GUIDE_START), guide.find(GUIDE_END)
    if start < 0 or end < start:
        raise LessonSourceError(f"{GUIDE_NAME} has lost its '{GUIDE_START} ...' and '{GUIDE_END}' "
                                "lines; put them back around the lesson-by-lesson notes.")
    return guide[:start] + guide_section(lessons) + guide[end + len(GUIDE_END):]


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
    if lesson.teacher_notes:
        pairs.append(("teacher-notes", teacher_notes_cell(lesson)))
    cells = []
    for index, (kind, source) in enumerate(pairs):
        cell_id = f"{lesson.id}-{index:03d}"
        if kind == "code":
            cell = new_code_cell(source)
        elif kind == "teacher-notes":
            cell = new_markdown_cell(source, metadata={"tags": ["teacher-notes"]})
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
    lessons = []
    for path in lesson_paths(lessons_dir):
        lesson = read_lesson(path)
        lessons.append(lesson)
        target = out_dir / lesson.notebook_name
        text = notebook_text(lesson)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        changed.append(target)
        if not check:
            out_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    guide = out_dir / GUIDE_NAME
    if guide.exists():
        before = guide.read_text(encoding="utf-8")
        after = guide_text(before, lessons)
        if after != before:
            changed.append(guide)
            if not check:
                guide.write_text(after, encoding="utf-8")
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
