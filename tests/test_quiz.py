"""Quizzes: every quiz file agrees with the answer key; answers are checked kindly; the view saves them."""
from __future__ import annotations

import pytest

import lessons as kit
from lessons.data import data_path
from lessons.learner import progress as P
from lessons.learner import quizzes as Q

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder

HAVE_KEY = data_path("key", "makiivka-nbc-2023.yaml").exists()
needs_key = pytest.mark.skipif(not HAVE_KEY, reason="the answer key is not written yet")




ALL_QUIZZES = Q.all_quiz_ids()


def test_the_example_quiz_is_there():
    assert "example" in ALL_QUIZZES


@needs_key
@pytest.mark.parametrize("quiz_id", ALL_QUIZZES)
def test_every_quiz_file_loads(quiz_id):
    quiz = Q.load_quiz(quiz_id)
    assert quiz.id == quiz_id and quiz.title and quiz.questions


@needs_key
@pytest.mark.parametrize("quiz_id", ALL_QUIZZES)
def test_quiz_category_answer_matches_the_expert_key(quiz_id):
    from lessons.scoring.key import load_key
    quiz = Q.load_quiz(quiz_id)
    units = {u.id: u for u in load_key(quiz.key)}   # each quiz names its key; the seed's by default
    for q in quiz.questions:
        if q.type == "category":
            unit = units[q.unit]
            assert q.answer - unit.optional == unit.labels - unit.optional, f"{quiz_id}/{q.id}"
            assert q.sentence == unit.text
            # ... and the checker agrees: the key's own labels are marked right.
            assert Q.check_answer(q, unit.labels or {Q.NONE}).correct, f"{quiz_id}/{q.id}"
    assert Q.key_problems(quiz) == []


@needs_key
@pytest.mark.parametrize("quiz_id", ALL_QUIZZES)
def test_every_choice_answer_is_one_of_its_options_and_is_marked_right(quiz_id):
    for q in Q.load_quiz(quiz_id).questions:
        if q.type == "choice":
            assert q.answer in q.options, f"{quiz_id}/{q.id}"
            assert Q.check_answer(q, q.answer).correct
            assert not any(Q.check_answer(q, o).correct for o in q.options if o != q.answer)


@needs_key
@pytest.mark.parametrize("quiz_id", ALL_QUIZZES)
def test_every_question_has_a_hint_and_an_explanation(quiz_id):
    for q in Q.load_quiz(quiz_id).questions:
        assert q.hint.strip() and q.explanation.strip(), f"{quiz_id}/{q.id}"


def test_the_example_quiz_has_a_choice_and_a_category_question():
    types = [q.type for q in Q.load_quiz("example").questions]
    assert types == ["choice", "category"]


def test_an_unknown_quiz_gets_a_kind_message_naming_the_quizzes():
    with pytest.raises(Q.QuizError) as info:
        Q.load_quiz("lesson-99")
    assert "There is no quiz called 'lesson-99'" in str(info.value) and "example" in str(info.value)
    with pytest.raises(Q.QuizError):
        Q.load_quiz("../key/makiivka-nbc-2023")


# --- checking answers --------------------------------------------------------------------------

CHOICE = Q.Question("q1", "choice", "Which word hedges?", "Perhaps…", "“May” is a hedge.", "may",
                    options=("death", "may", "much"), feedback={"much": "“Much” makes it bigger."})
CATEGORY = Q.Question("q2", "category", "Which categories?", "Look at the verb.", "Official and hedged.",
                      frozenset({"official", "hedge"}), unit="mk-x", sentence="S.",
                      optional=frozenset({"unverified"}), feedback={"expert": "Nobody here is an expert."})
NOTHING = Q.Question("q3", "category", "Which categories?", "h", "Plain narration.", frozenset(),
                     unit="mk-y", sentence="S.")


def test_the_right_choice_is_praised_with_the_explanation():
    fb = Q.check_answer(CHOICE, "may")
    assert fb.correct and "“May” is a hedge." in fb.message


def test_a_wrong_choice_gets_its_own_feedback():
    fb = Q.check_answer(CHOICE, "much")
    assert not fb.correct and "“Much” makes it bigger." in fb.message and "Hint" in fb.message


def test_a_wrong_choice_without_feedback_still_gets_a_kind_message():
    fb = Q.check_answer(CHOICE, "death")
    assert not fb.correct and "Not quite" in fb.message


def test_no_choice_asks_for_one():
    assert "Choose one" in Q.check_answer(CHOICE, None).message


def test_the_right_categories_are_correct():
    assert Q.check_answer(CATEGORY, {"official", "hedge"}).correct


@pytest.mark.parametrize("extra", [set(), {"unverified"}])
def test_optional_categories_count_either_way(extra):
    fb = Q.check_answer(CATEGORY, {"official", "hedge"} | extra)
    assert fb.correct and "optional" in fb.message


def test_a_missing_category_is_named():
    fb = Q.check_answer(CATEGORY, {"official"})
    assert not fb.correct and fb.missing == {"hedge"} and "Hedging language" in fb.message


def test_an_extra_category_gets_its_feedback():
    fb = Q.check_answer(CATEGORY, {"official", "hedge", "expert"})
    assert not fb.correct and fb.extra == {"expert"} and "Nobody here is an expert." in fb.message


def test_none_of_these_is_right_when_no_category_fits():
    assert Q.check_answer(NOTHING, {Q.NONE}).correct
    assert not Q.check_answer(NOTHING, {"hedge"}).correct


def test_none_of_these_with_a_category_asks_to_choose():
    fb = Q.check_answer(CATEGORY, {Q.NONE, "hedge"})
    assert not fb.correct and "one or the other" in fb.message


def test_ticking_nothing_asks_for_a_tick():
    fb = Q.check_answer(CATEGORY, set())
    assert not fb.correct and "Tick at least one box" in fb.message


def test_answer_text_names_the_answer_and_what_is_optional():
    assert Q.answer_text(CATEGORY).startswith("The answer is “~ Hedging language” and “▲ Official statement”")
    assert "optional" in Q.answer_text(CATEGORY)
    assert Q.answer_text(NOTHING) == "The answer is “None of these”."


# --- the file format --------------------------------------------------------------------------

UNITS = {"mk-1": type("U", (), {"text": "A sentence.", "labels": frozenset({"hedge"}),
                                "optional": frozenset()})()}


def _quiz(**question):
    base = {"id": "q", "type": "choice", "prompt": "P?", "options": ["a", "b"], "answer": "a",
            "hint": "h", "explanation": "e"}
    base.update(question)
    return {"id": "t", "title": "T", "questions": [base]}


@pytest.mark.parametrize("question, words", [
    ({"answer": "c"}, "not one of the options"),
    ({"options": ["a"]}, "at least two"),
    ({"options": ["a", "a"], "answer": "a"}, "two options are the same"),
    ({"hint": ""}, "'hint'"),
    ({"explanation": None}, "'explanation'"),
    ({"type": "essay"}, "'type'"),
    ({"feedback": {"z": "no"}}, "not options"),
    ({"type": "category", "unit": "mk-1", "answer": ["hedges"]}, "unknown categories"),
    ({"type": "category", "unit": "mk-404", "answer": ["hedge"]}, "no unit 'mk-404'"),
    ({"type": "category", "answer": ["hedge"]}, "needs the 'unit'"),
    ({"type": "category", "unit": "mk-1", "answer": "hedge"}, "must be a list"),
])
def test_a_broken_quiz_file_is_refused_with_the_reason(question, words):
    with pytest.raises(Q.QuizError) as info:
        Q.parse_quiz(_quiz(**question), "t", UNITS)
    assert words in str(info.value)


def test_a_quiz_whose_id_differs_from_its_file_name_is_refused():
    with pytest.raises(Q.QuizError, match="must match the file name"):
        Q.parse_quiz(_quiz(), "other", UNITS)


def test_key_problems_finds_an_answer_that_disagrees_with_the_key():
    quiz = Q.parse_quiz(_quiz(type="category", unit="mk-1", answer=["official"]), "t", UNITS)
    assert Q.key_problems(quiz, UNITS) and "the key says ['hedge']" in Q.key_problems(quiz, UNITS)[0]


# --- the notebook view -------------------------------------------------------------------------

@needs_key
def test_checking_a_right_answer_shows_why_and_counts_it():
    view = kit.quiz("example")
    first = view.questions[0]
    assert "Score: 0 of 2" in view.score.value
    first.choice.value = "may"
    first.check_button.click()
    assert "Right!" in first.feedback.value and "hedge" in first.feedback.value
    assert "Score: 1 of 2" in view.score.value


@needs_key
def test_a_wrong_answer_offers_the_hint_and_the_answer():
    qv = kit.quiz("example").questions[0]
    qv.choice.value = "much"
    qv.check_button.click()
    assert "Not yet" in qv.feedback.value and qv.answer_button.layout.display != "none"
    qv.hint_button.click()
    assert "perhaps" in qv.feedback.value
    qv.answer_button.click()
    assert "The answer is “may”" in qv.feedback.value


@needs_key
def test_ticking_none_of_these_unticks_the_categories_and_back():
    qv = kit.quiz("example").questions[1]
    qv.checkboxes["hedge"].value = True
    qv.checkboxes[Q.NONE].value = True
    assert not qv.checkboxes["hedge"].value
    qv.checkboxes["official"].value = True
    assert not qv.checkboxes[Q.NONE].value


@needs_key
def test_answers_are_saved_and_come_back_when_the_notebook_is_reopened():
    view = kit.quiz("example")
    view.questions[0].choice.value = "may"
    view.questions[0].check_button.click()
    for cat in ("hedge", "unverified"):
        view.questions[1].checkboxes[cat].value = True
    view.questions[1].check_button.click()
    saved = P.current_progress().get("example", "quiz")
    assert saved == {"hedge-word": {"answer": "may", "correct": True},
                     "unconfirmed-reports": {"answer": ["hedge", "unverified"], "correct": True}}
    assert P.current_progress().completed("example")

    P._INSTANCES.clear()  # a new kernel
    again = kit.quiz("example")
    assert again.questions[0].choice.value == "may"
    assert again.questions[1].checkboxes["unverified"].value
    assert "Score: 2 of 2" in again.score.value


@needs_key
def test_the_quiz_escapes_its_text(monkeypatch):
    quiz = Q.Quiz("x", "<b>Title</b>", (Q.Question("q", "choice", "<script>1</script>", "<h>", "<e>",
                                                    "a", options=("a", "b")),), intro="<i>intro</i>")
    from lessons.views.quiz import QuizView
    view = QuizView(quiz, None)
    html = view.widget.children[0].value + view.questions[0].header.value
    assert "<script>" not in html and "<b>Title" not in html and "<i>intro" not in html
    view.questions[0].hint_button.click()
    assert "<h>" not in view.questions[0].feedback.value


@needs_key
def test_kit_quiz_works_whichever_way_the_module_was_first_imported():
    import lessons as kit
    assert callable(kit.quiz)
    assert kit.quiz("example").questions
