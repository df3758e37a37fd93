"""The lessons as content: sources, generated notebooks, quizzes and the helpers the lessons call.

The seed article's answer key is the fixture against which quiz answers and the certainty ladder
are checked, so a change to the key that breaks a lesson fails here first.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from lessons import lessonkit as lk
from tools import notebooks as nbb
from lessons.data import data_path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LESSONS = nbb.lesson_paths()
QUIZ_CALL = re.compile(r"""kit\.quiz\(\s*["']([^"']+)["']""")
REFLECTION_CALL = re.compile(r"""kit\.reflection\(\s*["']([^"']+)["']""")
# Lesson ids are storage keys in learners' progress files: they stay the same when a lesson is
# renumbered (lateral reading, inserted at 05, made "your turn" 06, but its id is still lesson-5).
LESSON_IDS = {
    "00-start-here": "lesson-0",
    "01-anatomy": "lesson-1",
    "02-who-is-speaking": "lesson-2",
    "03-hedging": "lesson-3",
    "04-verified-unverified-contested": "lesson-4",
    "05-lateral-reading": "lesson-lateral",
    "06-your-turn": "lesson-5",
    "07-bring-your-own": "lesson-6",
}
OUTSIDE_OUTLETS = ("wiscnews", "RFE/RL", "oskarmaria", "forces.net", "Associated Press", "Reuters")


def lesson_ids():
    return [p.stem for p in LESSONS]


def code_of(lesson) -> list[str]:
    return [src for kind, src in nbb.split_cells(lesson.body) if kind == "code"]


@pytest.fixture(scope="module")
def key_units():
    from lessons.scoring.key import load_key
    return {u.id: u for u in load_key()}


# --- lesson sources -------------------------------------------------------------------------

def test_there_is_a_lesson_for_each_step_of_the_course():
    slugs = [p.stem for p in LESSONS]
    assert slugs == list(LESSON_IDS)


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_every_lesson_has_front_matter_and_objectives(path):
    lesson = nbb.read_lesson(path)
    for field in nbb.REQUIRED_FIELDS:
        assert lesson.meta.get(field), f"{path.name} lacks {field}"
    assert lesson.id == LESSON_IDS[path.stem]
    assert isinstance(lesson.meta["objectives"], list) and len(lesson.meta["objectives"]) >= 2
    assert all(isinstance(o, str) and o.strip() for o in lesson.meta["objectives"])
    assert 0 < lesson.meta["minutes_class"] <= 45, "a lesson must fit in one 45-minute period"


GUIDE = Path(__file__).resolve().parents[1] / "notebooks" / "teacher-guide.md"


def _guide_section(title: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(title)
    end = text.find("\n#", start + len(title))
    return text[start:end if end > 0 else None]


def test_the_ninety_minute_workshop_plan_adds_up_and_leaves_ten_minutes_for_binder():
    rows = re.findall(r"^\| (\d):(\d\d) \| [^|]*\((\d+)\) \|", _guide_section("### A 90-minute workshop"), flags=re.M)
    assert rows, "the guide has a 90-minute workshop timetable"
    starts = [int(h) * 60 + int(m) for h, m, _ in rows]
    minutes = [int(n) for _, _, n in rows]
    assert starts[0] == 0 and minutes[0] == 10, "the plan opens with ten minutes for Binder to start"
    assert all(a + n == b for a, n, b in zip(starts, minutes, starts[1:])), "each row starts when the one before ends"
    assert starts[-1] + minutes[-1] == 90


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_each_lessons_header_gives_the_times_the_teacher_guide_gives(path):
    meta = nbb.read_lesson(path).meta
    row = re.search(r"^\| `%s` \|.*\| (\d+) min[^|]*\| (\d+) min[^|]*\|$" % re.escape(path.stem),
                    _guide_section("## The lessons at a glance"), flags=re.M)
    assert row, f"the guide's table has a row for {path.stem}"
    assert (meta["minutes_class"], meta["minutes_workshop"]) == (int(row.group(1)), int(row.group(2)))


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_every_lesson_ends_with_key_takeaways(path):
    headings = re.findall(r"^## (.+)$", nbb.read_lesson(path).body, flags=re.M)
    assert headings[-1] == "Key takeaways"


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_every_lesson_has_a_quiz_and_a_reflection(path):
    lesson = nbb.read_lesson(path)
    code = "\n".join(code_of(lesson))
    assert QUIZ_CALL.findall(code) == [lesson.id], "one quiz, named after the lesson"
    assert REFLECTION_CALL.search(code)


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_every_lesson_starts_by_setting_up_the_kit(path):
    first = code_of(nbb.read_lesson(path))[0]
    assert first.startswith("import find_kit, lessons as kit")   # the kit beside the notebooks
    assert first.rstrip().endswith("kit.setup()")


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_hints_and_solutions_are_hidden_in_details_blocks(path):
    body = nbb.read_lesson(path).body
    assert body.count("<details>") == body.count("</details>")
    for title in re.findall(r"<summary>(.*?)</summary>", body):
        assert title.strip()
    assert re.search(r"<summary>(Hint|Solution|What the key decided|Try it)", body)


def test_reflection_ids_are_unique_across_lessons_and_start_with_their_lessons_id():
    ids = []
    for path in LESSONS:
        lesson = nbb.read_lesson(path)
        found = REFLECTION_CALL.findall("\n".join(code_of(lesson)))
        assert all(re.fullmatch(rf"{re.escape(lesson.id)}-[a-z0-9-]+", i) for i in found), (path.name, found)
        ids += found
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_outside_information_is_said_to_come_from_outside_the_article(path):
    body = nbb.read_lesson(path).body
    if any(outlet in body for outlet in OUTSIDE_OUTLETS):
        assert re.search(r"outside (the|this) (NBC )?article", body, flags=re.I)


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_code_cells_type_no_article_facts(path):
    """Facts from the report reach the notebook through package calls, not typed-in strings."""
    for src in code_of(nbb.read_lesson(path)):
        for number in ("89", "more than 60", "Sevryukov", "Makiivka"):
            assert number not in src, f"{path.name}: {src!r}"


# --- the builder ----------------------------------------------------------------------------

def test_python_fences_become_code_and_the_rest_markdown():
    cells = nbb.split_cells("## One\nText.\n```python\nkit.setup()\n```\n---\nMore.\n## Two\n")
    assert cells == [("markdown", "## One\nText."), ("code", "kit.setup()"),
                     ("markdown", "More."), ("markdown", "## Two")]


def test_code_inside_a_solution_stays_hidden_markdown():
    body = "## A\n<details><summary>Solution</summary>\n\n## not a split\n```python\nx = 1\n```\n---\n</details>\n"
    cells = nbb.split_cells(body)
    assert len(cells) == 1 and cells[0][0] == "markdown"
    assert "x = 1" in cells[0][1] and "---" in cells[0][1]


def test_other_fences_are_shown_as_text():
    cells = nbb.split_cells("```text\n# not a heading\n```\n")
    assert cells == [("markdown", "```text\n# not a heading\n```")]


def test_an_unclosed_fence_is_reported():
    with pytest.raises(nbb.LessonSourceError):
        nbb.split_cells("```python\nx\n")


def test_rebuilding_gives_identical_files(tmp_path):
    nbb.build_all(out_dir=tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.glob("*.ipynb")}
    assert nbb.build_all(out_dir=tmp_path) == []
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.ipynb")} == first
    assert len(first) == len(LESSONS)


def test_check_names_a_notebook_that_drifted_from_its_source(tmp_path, capsys):
    nbb.build_all(out_dir=tmp_path)
    target = tmp_path / "03-hedging.ipynb"
    target.write_text(target.read_text(encoding="utf-8").replace("hedge", "hedgehog"), encoding="utf-8")
    assert nbb.build_all(check=True, out_dir=tmp_path) == [target]
    assert nbb.main(["--check", "--out", str(tmp_path)]) == 1
    assert "03-hedging.ipynb" in capsys.readouterr().err
    assert nbb.main(["--out", str(tmp_path)]) == 0
    assert nbb.main(["--check", "--out", str(tmp_path)]) == 0


# --- the generated notebooks ----------------------------------------------------------------

def test_notebooks_are_in_sync_with_their_sources():
    stale = nbb.build_all(check=True)
    assert stale == [], f"rebuild with: python -m tools.notebooks ({[p.name for p in stale]})"


def _notebook(path: Path) -> dict:
    return json.loads((NOTEBOOKS / (path.stem + ".ipynb")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_notebooks_have_no_outputs_and_no_execution_counts(path):
    for cell in _notebook(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_notebooks_name_the_python3_kernel(path):
    nb = _notebook(path)
    assert nb["nbformat"] == 4
    assert nb["metadata"]["kernelspec"] == {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                            "language": "python"}
    assert nb["metadata"]["language_info"]["name"] == "python"


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_cell_ids_come_from_the_lesson_id_and_are_unique(path):
    nb = _notebook(path)
    ids = [c["id"] for c in nb["cells"]]
    lesson_id = nb["metadata"]["lesson"]["id"]
    assert ids == [f"{lesson_id}-{i:03d}" for i in range(len(ids))]


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_every_code_cell_is_at_most_two_lines(path):
    for cell in _notebook(path)["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            assert len(source.splitlines()) <= 2, source


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_each_idea_pairs_text_with_code(path):
    """Every code cell follows a Markdown cell that says what it does."""
    cells = _notebook(path)["cells"]
    for before, cell in zip(cells, cells[1:]):
        if cell["cell_type"] == "code":
            assert before["cell_type"] == "markdown", "".join(cell["source"])


def test_every_quiz_a_notebook_calls_exists():
    called = set()
    for nb in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                called |= set(QUIZ_CALL.findall("".join(cell["source"])))
    assert called
    for quiz_id in called:
        assert data_path("quizzes", f"{quiz_id}.yaml").is_file(), quiz_id


# --- the quizzes ----------------------------------------------------------------------------

QUIZZES = sorted(data_path("quizzes").glob("lesson-*.yaml"))


@pytest.mark.parametrize("path", QUIZZES, ids=[p.stem for p in QUIZZES])
def test_quiz_items_are_complete_and_consistent_with_the_key(path, key_units):
    quiz = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert quiz["id"] == path.stem and quiz["title"]
    questions = quiz["questions"]
    assert 3 <= len(questions) <= 5
    assert len({q["id"] for q in questions}) == len(questions)
    for q in questions:
        for field in ("prompt", "hint", "explanation"):
            assert isinstance(q[field], str) and q[field].strip(), (q["id"], field)
        if q["type"] == "choice":
            assert all(isinstance(o, str) for o in q["options"]), q["id"]
            assert q["answer"] in q["options"], q["id"]
            for option, message in (q.get("feedback") or {}).items():
                assert option in q["options"] and option != q["answer"], (q["id"], option)
                assert isinstance(message, str) and message.strip()
        else:
            assert q["type"] == "category"
            unit = key_units[q["unit"]]
            assert set(q["answer"]) == set(unit.labels), (q["id"], unit.id)


def test_every_lesson_has_its_quiz_file():
    for path in LESSONS:
        assert data_path("quizzes", f"{nbb.read_lesson(path).id}.yaml").is_file()


# --- the helpers the lessons call -----------------------------------------------------------

def test_show_parts_shows_every_part_of_the_seed_article(seed_article):
    shown = lk.show_parts(article=seed_article)
    assert seed_article.headline in shown.text and seed_article.dek in shown.text
    assert "| Giles said." in shown.text and "Attribution: Giles said." in shown.html
    for item in seed_article.boilerplate:
        assert lk.reading._t(item) in shown.text


def test_each_photo_shows_its_alt_text_caption_and_credit(seed_article):
    photos = lk.show_parts("captions", article=seed_article).text.splitlines()[1:]
    assert len(photos) == len(seed_article.captions)
    first = photos[0]
    assert "Alt text: " in first and "more than 60" in first
    assert "Credit: Arden Arkman / AFP - Getty Images" in first


def test_the_byline_part_says_what_is_not_known(seed_article):
    text = lk.show_parts("byline", article=seed_article).text
    assert "NBC News" in text and "no byline" in text and "2023-01-04" in text


def test_show_parts_explains_an_unknown_part_instead_of_failing(seed_article):
    assert "Try one of" in lk.show_parts("sidebar", article=seed_article).text


def test_article_text_is_escaped_in_html():
    from types import SimpleNamespace
    art = SimpleNamespace(headline="<script>x</script>", dek="", paragraphs=["A & B may <b>go</b>."],
                          captions=[], boilerplate=[])
    assert "<script>" not in lk.show_parts(article=art).html
    assert "<b>" not in lk.find("may", article=art).html


def test_caption_and_body_numbers_are_set_side_by_side(seed_article):
    text = lk.compare_caption_and_body(article=seed_article).text
    captions, body = text.split("In the headline, dek and body:")
    assert "[more than 60]" in captions
    assert "[89]" in body


def test_find_marks_every_may_in_the_report(seed_article, key_units):
    expected = sum(cue.lower() == "may" for u in key_units.values() for cue in u.hedge_cues)
    assert lk.find("may", article=seed_article).text.count("[may]") == expected


def test_find_answers_kindly_when_nothing_matches(seed_article):
    assert "Check the spelling" in lk.find("hedgehog", article=seed_article).text
    assert "Type a word" in lk.find("  ", article=seed_article).text


def test_every_hedge_cue_and_booster_of_the_key_is_on_the_certainty_ladder(key_units):
    words = [w for rung in lk.load_ladder() for w in rung.words]
    for unit in key_units.values():
        for cue in list(unit.hedge_cues) + list(unit.boosters):
            cue = cue if isinstance(cue, str) else cue["text"]
            assert any(lk.reading._phrase_pattern(w).search(cue) for w in words), cue


def test_the_ladder_puts_boosters_above_likely_above_maybe():
    rungs = [r.label for r in lk.load_ladder()]
    words = {w: rungs.index(r.label) for r in lk.load_ladder() for w in r.words}
    assert words["no doubt"] < words["probably"] < words["realistic possibility"] < words["may"] < words["unconfirmed"]


def test_a_longer_ladder_phrase_is_not_counted_twice(seed_article):
    text = lk.certainty_ladder(article=seed_article).text
    assert "realistic possibility (1×)" in text and "possibility (1×)" in text


def test_the_ladder_counts_a_hedge_word_only_where_it_is_used_as_a_hedge(seed_article):
    # Lesson 3: "officials suggested" and "He suggested" report speech; only "the damage suggested" hedges.
    text = lk.certainty_ladder(article=seed_article).text
    assert "suggested (1×)" in text and "suggested (3×)" not in text
    assert "may (4×)" in text and "no doubt (1×)" in text       # boosters still counted as written


def test_the_hedge_lesson_6_says_the_kit_misses_is_really_missed():
    from lessons import annotate
    quiz = yaml.safe_load(data_path("quizzes", "lesson-6.yaml").read_text(encoding="utf-8"))
    prompt = next(q["prompt"] for q in quiz["questions"] if "miss the hedge" in q["prompt"])
    sentence = re.search(r'"([^"]+)"', prompt).group(1)
    lesson = next(p for p in LESSONS if p.stem.endswith("bring-your-own")).read_text(encoding="utf-8")
    assert f'"{sentence}."' in lesson
    assert annotate(sentence + ".") == [], "the kit marks it: choose another example in lesson 6 and its quiz"


def test_kappa_of_the_lesson_example():
    observed, chance, k = lk.agreement_sums([True, True, False, False, True] + [False] * 5,
                                            [True, False, False, False, True] + [False] * 5)
    assert observed == pytest.approx(0.9) and chance == pytest.approx(0.62)
    assert k == pytest.approx(0.28 / 0.38)


def test_the_zero_kappa_example_in_lesson_5_is_zero():
    text = lk.agreement("Y Y N N", "Y N Y N").text
    assert "= 0.00" in text and "no better than luck" in text


def test_agreement_explains_bad_input_kindly():
    assert "same number" in lk.agreement("Y Y", "Y").text
    assert "Use only Y" in lk.agreement("Y maybe", "Y N").text
    assert "luck alone would agree every time" in lk.agreement("N N N", "N N N").text


@given(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=40))
def test_the_sums_shown_give_the_kappa_the_annotator_uses(pairs):
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    observed, chance, k = lk.agreement_sums(a, b)
    assert 0 <= observed <= 1 and 0 <= chance <= 1
    assert k is not None and k <= 1 + 1e-9
    if chance < 1:
        assert k == pytest.approx((observed - chance) / (1 - chance))
    assert lk.agreement_sums(a, a)[2] == pytest.approx(1)


# --- the teacher guide ----------------------------------------------------------------------

GUIDE = NOTEBOOKS / "teacher-guide.md"


def test_teacher_guide_gives_every_quiz_answer():
    guide = GUIDE.read_text(encoding="utf-8")
    for path in QUIZZES:
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            if q["type"] == "choice":
                assert q["answer"] in guide, (path.stem, q["id"])
            else:
                row = next(line for line in guide.splitlines() if f"({q['unit']})" in line)
                given = row.rstrip(" |").split("|")[-1].split("(")[0]
                assert {c.strip() for c in given.split(",")} == set(q["answer"]), (path.stem, q["id"])


def test_teacher_guide_covers_every_notebook_and_every_way_to_run_it():
    guide = GUIDE.read_text(encoding="utf-8")
    for path in LESSONS:
        assert f"`{path.stem[:2]}" in guide
    assert "hub/user-redirect/git-pull?repo=REPO_URL&urlpath=lab/tree/REPO_NAME/notebooks/00-start-here.ipynb&branch=main" in guide
    assert "make lab" in guide and "mybinder.org" in guide


def test_a_lesson_saved_with_windows_line_endings_builds_the_same(tmp_path):
    source = LESSONS[0]
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    assert nbb.notebook_text(nbb.read_lesson(copy)) == nbb.notebook_text(nbb.read_lesson(source))


def test_a_lesson_without_front_matter_is_refused_with_its_name(tmp_path):
    bad = tmp_path / "07-bad.md"
    bad.write_text("# No front matter\n", encoding="utf-8")
    with pytest.raises(nbb.LessonSourceError, match="07-bad.md"):
        nbb.read_lesson(bad)


def test_every_character_the_kit_shows_is_in_a_plain_font():
    """No emoji that needs an emoji font (a school Chromebook without one shows an empty box):
    every non-ASCII character of the lessons, quizzes, data and messages is in DejaVu Sans."""
    from pathlib import Path

    from matplotlib import ft2font
    from matplotlib.font_manager import FontProperties, findfont

    font = ft2font.FT2Font(findfont(FontProperties(family="DejaVu Sans"), fallback_to_default=False))
    package = Path(nbb.__file__).resolve().parents[1] / "lessons"
    files = [*package.rglob("*.py"), *package.rglob("*.md"), *package.rglob("*.yaml")]
    assert len(files) > 20
    missing = {(c, f.name) for f in files for c in set(f.read_text(encoding="utf-8"))
               if ord(c) > 127 and not font.get_char_index(ord(c))}
    assert not missing, sorted(missing)


def test_lesson_4_says_why_the_unverified_highlighter_marks_claims_with_no_flag_word():
    """The annotator marks a contested claim (the ministry's phone explanation) where its challenger
    speaks paragraphs later. Lesson 4 shows that highlighter right after saying the report flags
    claims "in words": it must also say that the claims those words point at are marked, naming
    a speaker whose claim is marked."""
    from lessons.annotator import analyse
    from lessons.text.article import load_article
    from lessons.render.html import cue_elsewhere
    text = load_article().text
    analysis = analyse(text)
    contested = [a for a in analysis.annotations
                 if a.category == "unverified" and a.cue and cue_elsewhere(a.text_in(text), a.cue)]
    body = nbb.read_lesson(data_path("lessons", "04-verified-unverified-contested.md")).body
    section = body[body.index("## The report flags claims in words"):body.index('## "Unable to verify"')]
    assert 'kit.highlighter(categories=["unverified"])' in section
    if contested:
        assert "also marks the claims" in section
        assert "ministry" in section and any("Ministry" in (a.source or "") for a in contested)


def _floor_minutes(lesson) -> float:
    """The least time a class needs, by the guide's own rates ("How these times were estimated"):
    the text at 150 words a minute, half the hidden hints, 30 seconds a code cell, 4 minutes a
    reflection, the quiz at 150 words a minute plus 30 seconds a question, 10 minutes a check and
    5 of discussion; widgets get nothing beyond their cell, so this is a floor, not an estimate."""
    body = re.sub(r"```python\n.*?```", "", lesson.body, flags=re.S)
    hidden = " ".join(re.findall(r"<details>.*?</details>", body, flags=re.S))
    text = re.sub(r"<details>.*?</details>|<p class=\"mlk-page-only\".*?</p>", "", body, flags=re.S)
    code = "\n".join(code_of(lesson))
    words = len(re.findall(r"\w+", text)) + len(re.findall(r"\w+", hidden)) / 2
    minutes = words / 150 + 0.5 * len(code_of(lesson)) + 4 * code.count("reflection(") + 10 * code.count("kit.check(") + 5
    for quiz_id in re.findall(r'quiz\("([^"]+)"\)', code):
        quiz = yaml.safe_load(data_path("quizzes", f"{quiz_id}.yaml").read_text(encoding="utf-8"))
        questions = quiz.get("questions") if isinstance(quiz, dict) else quiz
        words = sum(len(re.findall(r"\w+", json.dumps(q, ensure_ascii=False))) for q in questions)
        minutes += words / 150 + 0.5 * len(questions)
    return minutes


@pytest.mark.parametrize("path", LESSONS, ids=lesson_ids())
def test_each_lessons_header_is_no_shorter_than_its_reading_and_writing_take(path):
    """A header that promises less time than the text, the cells, the reflections and the quiz take
    at the guide's rates is not honest with a teacher planning a 45-minute period."""
    lesson = nbb.read_lesson(path)
    assert _floor_minutes(lesson) <= lesson.meta["minutes_class"], round(_floor_minutes(lesson))


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def test_the_counts_quoted_in_lesson_prose_match_what_the_cells_show():
    """Lesson 3's solution counts the sentences with "may" and lesson 1's the sources quoted in
    quotation marks; both are computed here from the article, so a change to it or to the kit's
    reading shows up."""
    from lessons.text.article import load_article
    article = load_article()
    hedging = nbb.read_lesson(data_path("lessons", "03-hedging.md")).body
    said = re.search(r'"may" appears in (\w+) sentences', hedging)
    assert said, "lesson 3's solution counts the sentences with 'may'"
    from lessons.annotator import analyse
    sentences = [s for s in analyse(article.text).sentences if re.search(r"\bmay\b", s.text, re.IGNORECASE)]
    assert _NUMBER_WORDS[said.group(1)] == len(sentences)
    anatomy = nbb.read_lesson(data_path("lessons", "01-anatomy.md")).body
    five = re.search(r"<summary>Solution</summary>\s*(\w+): (.*?)\n", anatomy.split("how many different sources are quoted")[1])
    assert five and _NUMBER_WORDS[five.group(1).lower()] == len(five.group(2).split(";"))
