"""Options are shown in an order shuffled per learner: the same for one learner every time (after a
rerun, a restart or a restore), different between learners, "None of these" always last."""
from __future__ import annotations

import pytest

from lessons.learner import progress as P
from lessons.learner import quizzes as Q

pytestmark = pytest.mark.usefixtures("progress_dir")


def _choice_questions():
    return [(quiz_id, q) for quiz_id in Q.all_quiz_ids() for q in Q.load_quiz(quiz_id).questions
            if q.type == "choice"]


def test_the_order_is_a_shuffle_of_the_options_and_the_same_for_the_same_learner():
    for quiz_id, q in _choice_questions():
        order = Q.display_order(q, "learner-a", quiz_id)
        assert sorted(order) == sorted(q.options)
        assert order == Q.display_order(q, "learner-a", quiz_id)


def test_different_learners_see_different_orders():
    questions = _choice_questions()
    differ = sum(Q.display_order(q, "learner-a", i) != Q.display_order(q, "learner-b", i)
                 for i, q in questions)
    assert differ >= len(questions) // 2, f"{differ} of {len(questions)}"
    # ... and the right answer is not always in one place for a learner.
    positions = {Q.display_order(q, "learner-a", i).index(q.answer) for i, q in questions}
    assert len(positions) >= 3


def test_none_of_these_stays_last_in_a_category_question():
    quiz = Q.load_quiz("lesson-3")
    q = next(q for q in quiz.questions if q.type == "category")
    orders = {Q.display_order(q, f"learner-{n}", quiz.id) for n in range(30)}
    assert all(o[-1] == Q.NONE and sorted(o[:-1]) == sorted(Q.CATEGORIES) for o in orders)
    assert len(orders) > 5


def test_the_learner_id_is_random_kept_in_the_progress_file_and_comes_back_after_a_restore(tmp_path):
    progress = P.current_progress()
    first = Q.learner_id(progress)
    assert len(first) >= 16 and first == Q.learner_id(progress)
    assert progress.get(Q.LEARNER, "id") == first
    # A second learner (another progress file) gets another id.
    other = P.Progress(tmp_path / "other" / "my-progress.json")
    assert Q.learner_id(other) != first
    # The learner downloads the file, starts afresh elsewhere and uploads it: the id comes back.
    downloaded = P.dumps(progress.data()).encode("utf-8")
    fresh = P.Progress(tmp_path / "fresh" / "my-progress.json")
    P.restore_from_bytes(downloaded, fresh)
    assert Q.learner_id(fresh) == first


def test_the_quiz_view_shows_the_learners_order_again_after_a_restart_and_a_restore(tmp_path):
    import lessons as kit
    view = kit.quiz("lesson-2")
    shown = [list(qv.choice.options) if qv.choice is not None else list(qv.checkboxes)
             for qv in view.questions]
    again = kit.quiz("lesson-2")    # the cell run again
    assert shown == [list(qv.choice.options) if qv.choice is not None else list(qv.checkboxes)
                     for qv in again.questions]
    # A restart: a new Progress object on the same file.
    P._INSTANCES.clear()
    restarted = kit.quiz("lesson-2")
    assert shown == [list(qv.choice.options) if qv.choice is not None else list(qv.checkboxes)
                     for qv in restarted.questions]
    # Restored into a fresh progress file elsewhere.
    fresh = P.Progress(tmp_path / "fresh" / "my-progress.json")
    P.restore_from_bytes(P.dumps(P.current_progress().data()).encode("utf-8"), fresh)
    from lessons.views.quiz import QuizView
    restored = QuizView(Q.load_quiz("lesson-2"), fresh)
    assert shown == [list(qv.choice.options) if qv.choice is not None else list(qv.checkboxes)
                     for qv in restored.questions]
    # Another learner sees another order somewhere in the quiz.
    stranger = QuizView(Q.load_quiz("lesson-2"), P.Progress(tmp_path / "b" / "my-progress.json"))
    assert shown != [list(qv.choice.options) if qv.choice is not None else list(qv.checkboxes)
                     for qv in stranger.questions]
    assert all(list(qv.checkboxes)[-1] == Q.NONE for qv in view.questions if qv.choice is None)


def test_a_saved_answer_comes_back_whatever_the_order():
    import lessons as kit
    view = kit.quiz("lesson-0")
    qv = view.questions[0]
    qv.choice.value = qv.question.answer
    qv.check()
    P._INSTANCES.clear()
    again = kit.quiz("lesson-0").questions[0]
    assert again.choice.value == qv.question.answer and again.correct is True


def test_the_learner_id_lasts_the_session_when_the_file_cannot_be_written(monkeypatch):
    progress = P.current_progress()

    def refuse(*_a, **_k):
        raise OSError("disk full")
    monkeypatch.setattr(progress, "set", refuse)
    first = Q.learner_id(progress)
    assert first == Q.learner_id(progress)
