"""The quiz view: each question in its own box with Check, Hint and Show the answer, and a running score."""
from __future__ import annotations

from ..annotator.model import CATEGORIES
from ..render.palette import RULE_COLOUR
from .base import View, category_label, e, ipw, label_style, saved_mapping, saved_ticks, view_box
from .messages import note_html


class AnswerControls:
    """The answer boxes a question shows (a menu of options, or a tick box per category), shared
    by the quiz and the before and after checks: read the answer, set it, keep "None of these"
    and the categories from being ticked together. Needs ``question``, ``choice``,
    ``checkboxes`` and ``_updating``."""

    def answer(self):
        """The learner's current answer: option text, or the set of ticked categories."""
        if self.choice is not None:
            return self.choice.value
        return {c for c, box in self.checkboxes.items() if box.value}

    def set_answer(self, answer) -> None:
        if self.choice is not None:
            self.choice.value = answer if answer in self.question.options else None
        else:
            ticks = saved_ticks(answer) if not isinstance(answer, (set, frozenset)) else set(answer)
            for c, box in self.checkboxes.items():
                box.value = c in ticks

    def _on_tick(self, cid, change) -> None:
        from ..learner.quizzes import NONE
        if self._updating or not change["new"]:
            return
        self._updating = True
        try:
            if cid == NONE:
                for c in CATEGORIES:
                    self.checkboxes[c].value = False
            else:
                self.checkboxes[NONE].value = False
        finally:
            self._updating = False


class QuestionView(AnswerControls):
    """One question of a quiz: its controls, Check / Hint / Show the answer, and the feedback."""

    def __init__(self, quiz_view, question, number: int, total: int, saved=None, order=None):
        from ..learner.quizzes import NONE, NONE_LABEL
        W = ipw()
        self.quiz_view = quiz_view
        self.question = question
        self.correct: bool | None = None
        self.attempts = 0
        self._updating = False
        head = (f"<p class='mlk-ui-count'>Question {number} of {total}</p>"
                f"<p class='mlk-ui-prompt'>{e(question.prompt)}</p>")
        if question.sentence:
            head += f"<blockquote class='mlk-ui-quote'>{e(question.sentence)}</blockquote>"
        self.header = W.HTML(head)
        if question.type == "choice":
            self.choice = W.RadioButtons(options=list(order or question.options), value=None,
                                         description="Your answer", style=label_style(),
                                         layout=W.Layout(width="auto"))
            self.checkboxes = {}
            controls = self.choice
        else:
            self.choice = None
            self.checkboxes = {}
            for cid in order or CATEGORIES + (NONE,):
                box = W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto", margin="0 1.2em 0 0"),
                                 description=NONE_LABEL if cid == NONE else category_label(cid))
                box.observe(lambda change, cid=cid: self._on_tick(cid, change), "value")
                self.checkboxes[cid] = box
            controls = W.HBox(list(self.checkboxes.values()), layout=W.Layout(flex_flow="row wrap"))
        self.check_button = W.Button(description="Check", button_style="primary")
        self.hint_button = W.Button(description="Hint")
        self.answer_button = W.Button(description="Show the answer",
                                      layout=W.Layout(display="none"))
        self.feedback = W.HTML()
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.hint())
        self.answer_button.on_click(lambda _b: self.show_answer())
        self.widget = W.VBox(
            [self.header, controls, W.HBox([self.check_button, self.hint_button, self.answer_button]),
             self.feedback],
            layout=W.Layout(border=f"1px solid {RULE_COLOUR}", padding="0.3em 0.9em 0.5em", margin="0.4em 0"))
        if saved is not None:
            self.set_answer(saved.get("answer"))
            if saved.get("answer") not in (None, "", []):
                self.check(save=False)

    def check(self, save: bool = True):
        """Check the answer, show why, update the score and save it."""
        from ..learner.quizzes import answer_to_store, check_answer
        answer = self.answer()
        result = check_answer(self.question, answer)
        empty = answer in (None, "") or (isinstance(answer, set) and not answer)
        if not empty:
            self.attempts += 1
            self.correct = result.correct
        self.feedback.value = note_html("ok" if result.correct else "info",
                                        "Right!" if result.correct else ("Not yet." if not empty else "Hmm."),
                                        result.message)
        if not result.correct and self.attempts >= 1:
            self.answer_button.layout.display = None
        if save and not empty:
            self.quiz_view._save_answer(self.question, answer_to_store(self.question, answer), result.correct)
        self.quiz_view._update_score()
        return result

    def hint(self) -> None:
        self.feedback.value = note_html("info", "Hint", self.question.hint)

    def show_answer(self) -> None:
        from ..learner.quizzes import answer_text
        self.feedback.value = note_html("info", answer_text(self.question), self.question.explanation)


class QuizView(View):
    """A whole quiz on one page: each question in its own box, and a running score.

    Each question's options are shown in an order shuffled for this learner (see
    :func:`lessons.learner.quizzes.display_order`): stable for them, different for the next.
    """

    def __init__(self, quiz, progress=None, learner: str | None = None):
        from ..learner.quizzes import display_order, learner_id
        W = ipw()
        self.quiz = quiz
        self.progress = progress
        self.lesson = quiz.id
        self.learner = learner or learner_id(progress)
        saved = saved_mapping(progress.get(self.lesson, "quiz", {}) if progress is not None else {})
        self.score = W.HTML()
        self.message = W.HTML()
        intro = f"<p>{e(quiz.intro)}</p>" if quiz.intro else ""
        self.questions: list[QuestionView] = []
        total = len(quiz.questions)
        for n, q in enumerate(quiz.questions, 1):
            self.questions.append(QuestionView(self, q, n, total, saved_mapping(saved.get(q.id)) or None,
                                               order=display_order(q, self.learner, quiz.id)))
        self.widget = view_box([W.HTML(f"<h3 class='mlk-ui-title'>✎ {e(quiz.title)}</h3>{intro}")]
                               + [qv.widget for qv in self.questions] + [self.score, self.message])
        self._update_score()

    def question(self, question_id: str) -> QuestionView:
        for qv in self.questions:
            if qv.question.id == question_id:
                return qv
        raise KeyError(question_id)

    @property
    def correct_count(self) -> int:
        return sum(1 for qv in self.questions if qv.correct)

    def _update_score(self) -> None:
        if not hasattr(self, "questions") or len(self.questions) < len(self.quiz.questions):
            return
        n, total = self.correct_count, len(self.questions)
        done = " All done, well done!" if n == total else ""
        self.score.value = (f"<p role='status' class='mlk-ui-status'>Score: {n} of {total} "
                            f"correct.{done}</p>")

    def _save_answer(self, question, answer, correct: bool) -> None:
        if self.progress is None:
            return
        try:
            answers = saved_mapping(self.progress.get(self.lesson, "quiz", {}))
            answers[question.id] = {"answer": answer, "correct": bool(correct)}
            self.progress.set(self.lesson, "quiz", answers)
            if self.correct_count == len(self.questions) and not self.progress.completed(self.lesson):
                self.progress.mark_completed(self.lesson)
        except OSError as exc:
            self.message.value = note_html("warn", "Your answer could not be saved.", str(exc))


def quiz(quiz_id: str):
    """Show the quiz ``quiz_id``: every question with Check and Hint buttons and a running score."""
    from ..learner.progress import current_progress
    from ..learner.quizzes import load_quiz

    return QuizView(load_quiz(quiz_id), current_progress())
