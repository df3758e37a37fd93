"""The before and after checks: an unseen report with six questions, the first answer to each
counts, the result is saved in the progress file under ``checks`` and shown in the summary."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

import lessons as kit
from lessons.data import data_path
from lessons.errors import KitError
from lessons.learner import checks as K
from lessons.learner import progress as P
from lessons.learner import quizzes as Q
from lessons.text import article as A

pytestmark = pytest.mark.usefixtures("progress_dir")


def _answer(view, right: bool = True, skip=()):
    for qv in view.questions:
        if qv.question.id in skip:
            continue
        q = qv.question
        if q.type == "choice":
            qv.choice.value = q.answer if right else next(o for o in q.options if o != q.answer)
        else:
            ticks = q.answer if right else ({Q.NONE} if q.answer else {"official"})
            for c in ticks or {Q.NONE}:
                qv.checkboxes[c].value = True
        qv.submit()


def test_the_check_articles_are_kept_out_of_what_learners_can_pick():
    assert set(A.check_articles()) == {"kellsmoor-flood", "dunmere-outbreak"}
    assert not set(A.check_articles()) & set(A.available_articles())
    assert A.SEED_ID in A.available_articles()
    with pytest.raises(A.ArticleError, match="kept for the before and after checks"):
        kit.load_article("dunmere-outbreak")
    # ... but the check itself can load them.
    assert A.load_check_article("dunmere-outbreak").blocks


@pytest.mark.parametrize("which, article", [("before", "kellsmoor-flood"), ("after", "dunmere-outbreak")])
def test_the_check_shows_its_unseen_report_and_six_questions(which, article):
    view = kit.check(which)
    assert view.quiz.id == f"check-{which}" and len(view.questions) == 6
    shown = view.widget.children[1].value
    report = A.load_check_article(article)
    for block in report.blocks:
        if block.kind != "credit":
            import html
            assert html.escape(block.text) in shown


def test_a_finished_check_is_saved_under_checks_with_score_total_answers_and_when(progress_dir):
    view = kit.check("before")
    _answer(view, right=True, skip={"b6"})
    assert view.result is None
    assert "5 of 6 answered" in view.result_box.value
    qv = view.question("b6")
    qv.choice.value = next(o for o in qv.question.options if o != qv.question.answer)
    qv.submit()
    record = json.loads((progress_dir / "my-progress.json").read_text(encoding="utf-8"))
    saved = record["lessons"]["checks"]["before"]
    assert (saved["score"], saved["total"]) == (5, 6)
    assert saved["answers"]["b6"]["correct"] is False and saved["answers"]["b1"]["correct"] is True
    assert sorted(saved["answers"]["b1"]["answer"]) == ["expert", "hedge"]
    assert datetime.fromisoformat(saved["when"]).tzinfo is not None
    assert "Check done: 5 of 6 right." in view.result_box.value


def test_the_first_answer_counts_and_a_finished_check_is_not_replaced():
    view = kit.check("after")
    qv = view.question("a4")
    wrong = next(o for o in qv.question.options if o != qv.question.answer)
    qv.choice.value = wrong
    qv.submit()
    assert qv.choice.disabled and qv.button.disabled
    # Even if the answer is changed and sent again, the first one stays.
    progress = P.current_progress()
    K.record_answer(progress, "after", view.quiz, qv.question, qv.question.answer)
    assert K.saved_answers(progress, "after")["a4"] == {"answer": wrong, "correct": False}
    _answer(view, right=True, skip={"a4"})
    first = K.saved_result(progress, "after")
    assert (first.score, first.total) == (5, 6)
    again = K.record_answer(progress, "after", view.quiz, view.quiz.questions[0], {"official"})
    assert again == first and K.saved_result(progress, "after") == first


def test_reopening_the_check_shows_the_saved_answers_locked_and_the_result():
    _answer(kit.check("before"), right=True)
    P._INSTANCES.clear()          # as after a restart
    view = kit.check("before")
    assert all(qv.button.disabled for qv in view.questions)
    assert view.question("b3").choice.value == view.question("b3").question.answer
    assert "Check done: 6 of 6 right." in view.result_box.value


def test_the_summary_shows_before_and_after_and_compares_them():
    _answer(kit.check("before"), right=False)
    summary = kit.progress_summary()
    assert "Check at the start: 0 of 6 right" in summary.html.value
    assert "Nothing saved yet" not in summary.html.value
    assert "The check at the end of the course is still to do." in summary.html.value
    _answer(kit.check("after"), right=True)
    summary.refresh()
    text = summary.html.value
    assert "Check at the end: 6 of 6 right" in text
    assert "Before the course: 0 of 6 right. After the course: 6 of 6 right. That is 6 more right at the end." in text
    assert text.index("Before and after checks") < text.index("Saved in")


def test_the_result_survives_a_download_and_upload(tmp_path):
    _answer(kit.check("before"), right=True)
    downloaded = P.dumps(P.current_progress().data()).encode("utf-8")
    fresh = P.Progress(tmp_path / "elsewhere" / "my-progress.json")
    P.restore_from_bytes(downloaded, fresh)
    assert K.saved_result(fresh, "before").score == 6


def test_an_empty_answer_asks_for_one_and_saves_nothing():
    view = kit.check("before")
    qv = view.question("b3")
    assert qv.submit() is None
    assert "Choose an answer first." in qv.feedback.value
    assert not qv.button.disabled
    cat = view.question("b1")
    cat.submit()
    assert "Tick at least one box first" in cat.feedback.value
    assert K.saved_answers(P.current_progress(), "before") == {}


def test_a_save_that_fails_says_so_and_keeps_the_answer_on_screen(monkeypatch):
    view = kit.check("before")
    progress = view.progress

    def refuse(*_a, **_k):
        raise OSError("No space left on device")
    monkeypatch.setattr(progress, "set", refuse)
    qv = view.question("b3")
    qv.choice.value = qv.question.answer
    qv.submit()
    assert "could not be saved" in view.message.value and "No space left" in view.message.value
    assert "Right." in qv.feedback.value


def test_an_unknown_check_gets_a_kind_message():
    with pytest.raises(KitError, match='kit.check\\("before"\\)'):
        kit.check("during")


def test_damaged_check_values_in_the_progress_file_are_ignored_not_fatal():
    progress = P.current_progress()
    progress.set(K.CHECKS, "before", {"score": "six", "total": True, "answers": ["x"]})
    progress.set(K.CHECKS, "after", "finished")
    assert K.results_of(progress.data()) == {}
    view = kit.check("before")
    assert view.result is None and "0 of 6 answered" in view.result_box.value
    assert "Before and after" not in kit.progress_summary().html.value


def test_the_report_and_question_text_are_escaped(monkeypatch):
    from importlib import import_module
    V = import_module("lessons.views.check")
    hostile = A.article_from_text("Headline <b>bold</b>\n<script>alert(1)</script> & more\n")
    html = V.article_html(hostile)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    quiz = Q.parse_quiz({"id": "check-before", "title": "<i>T</i>", "key": "kellsmoor-flood",
                         "questions": [{"id": "b1", "type": "choice", "prompt": "<img src=x onerror=alert(1)>",
                                        "options": ["<u>a</u>", "b"], "answer": "<u>a</u>",
                                        "hint": "h", "explanation": "<script>x</script>"}]}, "check-before")
    monkeypatch.setattr("lessons.learner.checks.load_check", lambda which: quiz)
    view = kit.check("before")
    header = view.widget.children[0].value + view.questions[0].header.value
    assert "<img" not in header and "&lt;img src=x" in header and "<i>T" not in header
    qv = view.questions[0]
    qv.choice.value = "<u>a</u>"
    qv.submit()
    assert "<script>" not in qv.feedback.value


def test_lesson_0_starts_with_the_before_check_and_the_last_lesson_ends_with_the_after_check():
    lessons = sorted(data_path("lessons").glob("0*.md"))
    first, last = lessons[0].read_text(encoding="utf-8"), lessons[-1].read_text(encoding="utf-8")
    code = [line for line in first.splitlines() if line.startswith("kit.")]
    assert code[:2] == ["kit.setup()", 'kit.check("before")']
    assert 'kit.check("after")' in last
    assert last.index('kit.check("after")') > last.index('kit.quiz(')


def test_the_dates_in_the_summary_are_days(monkeypatch):
    now = datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)
    quiz = K.load_check("before")
    progress = P.current_progress()
    for q in quiz.questions:
        K.record_answer(progress, "before", quiz, q, q.answer if q.type == "choice" else q.answer or {Q.NONE}, now=now)
    from importlib import import_module
    checks_html = import_module("lessons.views.progress_view").checks_html
    assert "(4 March 2025)" in checks_html(K.results_of(progress.data()))
