"""Teacher notes: one section of each lesson file, shown folded at the end of its notebook and
generated into the teacher guide, so the two always say the same thing."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from tools import notebooks as nbb

LESSONS = nbb.lesson_paths()
GUIDE = nbb.NOTEBOOKS_DIR / nbb.GUIDE_NAME


def ids():
    return [p.stem for p in LESSONS]


@pytest.mark.parametrize("path", LESSONS, ids=ids())
def test_every_lesson_has_teacher_notes_apart_from_the_learners_text(path):
    lesson = nbb.read_lesson(path)
    assert lesson.teacher_notes.strip(), f"{path.name} has no '## Teacher notes' section"
    assert "Teacher notes" not in lesson.body
    assert lesson.teacher_notes not in lesson.body
    assert re.findall(r"^## (.+)$", lesson.body, flags=re.M)[-1] == "Key takeaways"


@pytest.mark.parametrize("path", LESSONS, ids=ids())
def test_the_notebook_ends_with_the_notes_folded_and_tagged(path):
    lesson = nbb.read_lesson(path)
    nb = json.loads((nbb.NOTEBOOKS_DIR / lesson.notebook_name).read_text(encoding="utf-8"))
    last = nb["cells"][-1]
    source = "".join(last["source"])
    assert last["cell_type"] == "markdown" and last["metadata"]["tags"] == ["teacher-notes"]
    assert source.startswith("<details>\n<summary><b>Teacher notes</b>")      # no "open": folded
    assert source.rstrip().endswith("</details>")
    assert lesson.teacher_notes in source
    assert (f"about {lesson.meta['minutes_class']} minutes in a class, "
            f"about {lesson.meta['minutes_workshop']} in a workshop") in source
    others = "".join("".join(c["source"]) for c in nb["cells"][:-1])
    assert "Teacher notes" not in others


def test_the_guide_gives_the_same_notes_as_the_lessons():
    guide = GUIDE.read_text(encoding="utf-8")
    lessons = [nbb.read_lesson(p) for p in LESSONS]
    assert nbb.guide_section(lessons) in guide
    for lesson in lessons:
        at = guide.index(f"### {lesson.path.stem[:2]} {lesson.meta['title']}\n")
        assert guide.index(lesson.teacher_notes) > at


def test_a_guide_edited_by_hand_is_reported_and_rebuilt(tmp_path, capsys):
    nbb.build_all(out_dir=tmp_path)
    guide = tmp_path / nbb.GUIDE_NAME
    shutil.copy(GUIDE, guide)
    assert nbb.build_all(check=True, out_dir=tmp_path) == []
    edited = guide.read_text(encoding="utf-8").replace("*Teaches:*", "*Covers:*", 1)
    guide.write_text(edited, encoding="utf-8")
    assert nbb.build_all(check=True, out_dir=tmp_path) == [guide]
    assert nbb.main(["--check", "--out", str(tmp_path)]) == 1
    assert nbb.GUIDE_NAME in capsys.readouterr().err
    assert nbb.main(["--out", str(tmp_path)]) == 0
    assert guide.read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")


def test_a_guide_without_its_markers_is_refused_with_a_reason(tmp_path):
    guide = tmp_path / nbb.GUIDE_NAME
    guide.write_text("# Teacher guide\n\nNo markers here.\n", encoding="utf-8")
    with pytest.raises(nbb.LessonSourceError, match="lesson-notes"):
        nbb.build_all(out_dir=tmp_path)
    assert guide.read_text(encoding="utf-8") == "# Teacher guide\n\nNo markers here.\n"


def test_a_teacher_notes_heading_inside_a_code_fence_is_text():
    body = "## A\n```text\n## Teacher notes\n```\n## Key takeaways\n- x\n\n## Teacher notes\n\nReal notes.\n"
    learners, notes = nbb.split_teacher_notes(body)
    assert notes == "Real notes."
    assert "```text\n## Teacher notes\n```" in learners and learners.rstrip().endswith("- x")
    assert nbb.split_teacher_notes("## A\ntext\n") == ("## A\ntext\n", "")


def test_the_guide_shows_how_to_make_the_class_report():
    guide = GUIDE.read_text(encoding="utf-8")
    assert "## Collecting work: the class report" in guide
    assert re.search(r"python -m lessons class-report \S+ --csv \S+\.csv --plot \S+\.png", guide)
    assert "formula" in guide and "A file that cannot be read" in guide
