"""The before and after check: a short report the lessons never show, and six questions on it.

``kit.check("before")`` starts lesson 0 and ``kit.check("after")`` ends the course. The learner
reads the report (shown as text, escaped), answers each question once (the first answer counts;
the explanation appears at once, as in the quizzes), and the result is saved in the progress file
under ``checks`` (see :mod:`lessons.learner.checks`). Opening the check again shows the saved
answers and result.
"""
from __future__ import annotations

from ..render.palette import RULE_COLOUR
from .base import View, category_label, e, ipw, label_style, view_box
from .messages import note_html
from .quiz import AnswerControls

_PART_CLASS = {"headline": "mlk-check-headline", "dek": "mlk-check-dek"}


def article_html(article) -> str:
    """The check's report as readable, escaped HTML: headline, standfirst and paragraphs."""
    parts = []
    for block in article.blocks:
        if block.kind == "credit":
            continue
        parts.append(f"<p class='{_PART_CLASS.get(block.kind, 'mlk-check-para')}'>{e(block.text)}</p>")
    where = article.metadata.outlet or ""
    source = f"<p class='mlk-check-source'>{e(where)}</p>" if where else ""
    return f"<div class='mlk-check-article' lang='en'>{''.join(parts)}{source}</div>"


class CheckQuestion(AnswerControls):
    """One question of a check: its controls and an Answer button; the first answer is kept."""

    def __init__(self, view, question, number: int, total: int, order, saved=None):
        from ..learner.quizzes import NONE, NONE_LABEL
        W = ipw()
        self.view = view
        self.question = question
        self._updating = False
        head = (f"<p class='mlk-ui-count'>Question {number} of {total}</p>"
                f"<p class='mlk-ui-prompt'>{e(question.prompt)}</p>")
        if question.sentence:
            head += f"<blockquote class='mlk-ui-quote'>{e(question.sentence)}</blockquote>"
        self.header = W.HTML(head)
        self.checkboxes = {}
        if question.type == "choice":
            self.choice = W.RadioButtons(options=list(order), value=None, description="Your answer",
                                         style=label_style(), layout=W.Layout(width="auto"))
            controls = self.choice
        else:
            self.choice = None
            for cid in order:
                box = W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto", margin="0 1.2em 0 0"),
                                 description=NONE_LABEL if cid == NONE else category_label(cid))
                box.observe(lambda change, cid=cid: self._on_tick(cid, change), "value")
                self.checkboxes[cid] = box
            controls = W.HBox(list(self.checkboxes.values()), layout=W.Layout(flex_flow="row wrap"))
        self.button = W.Button(description="Answer", button_style="primary",
                               tooltip="Your first answer is the one that counts")
        self.button.on_click(lambda _b: self.submit())
        self.feedback = W.HTML()
        self.widget = W.VBox([self.header, controls, self.button, self.feedback],
                             layout=W.Layout(border=f"1px solid {RULE_COLOUR}", padding="0.3em 0.9em 0.5em",
                                             margin="0.4em 0"))
        self.saved = saved
        if saved is not None:
            self.set_answer(saved.get("answer"))
            self._show(saved.get("correct") is True)

    def _lock(self) -> None:
        self.button.disabled = True
        if self.choice is not None:
            self.choice.disabled = True
        for box in self.checkboxes.values():
            box.disabled = True

    def _show(self, correct: bool) -> None:
        from ..learner.quizzes import answer_text
        self._lock()
        q = self.question
        if correct:
            self.feedback.value = note_html("ok", "Right.", q.explanation)
        else:
            self.feedback.value = note_html("info", f"Not this time. {answer_text(q)}", q.explanation)

    def submit(self):
        """Keep the learner's first answer, show whether it was right and why, and save it."""
        from ..learner.checks import grade, is_empty
        from ..learner.quizzes import NONE_LABEL
        answer = self.answer()
        if is_empty(answer):
            self.feedback.value = note_html(
                "info", "Choose an answer first." if self.choice is not None else
                f"Tick at least one box first (or “{NONE_LABEL}”).")
            return None
        graded = grade(self.question, answer)
        self.saved = graded
        self._show(graded["correct"])
        self.view._record(self.question, answer)
        return graded


class CheckView(View):
    """The before or after check: the report, its questions, and the saved result."""

    def __init__(self, which: str, progress=None, learner: str | None = None):
        from ..learner.checks import load_check, saved_answers
        from ..learner.quizzes import display_order, learner_id
        from ..text.article import load_check_article
        W = ipw()
        self.which = which
        self.quiz = load_check(which)
        self.progress = progress
        self.article = load_check_article(self.quiz.key)
        learner = learner or learner_id(progress)
        saved = saved_answers(progress, which)
        self.result_box = W.HTML()
        self.message = W.HTML()
        intro = f"<p>{e(self.quiz.intro)}</p>" if self.quiz.intro else ""
        total = len(self.quiz.questions)
        self.questions = [CheckQuestion(self, q, n, total, display_order(q, learner, self.quiz.id),
                                        saved.get(q.id))
                          for n, q in enumerate(self.quiz.questions, 1)]
        self.widget = view_box(
            [W.HTML(f"<h3 class='mlk-ui-title'>✎ {e(self.quiz.title)}</h3>{intro}"
                    "<p><b>Read the report first.</b> Then answer each question once: your first "
                    "answer is the one that counts.</p>"),
             W.HTML(article_html(self.article))]
            + [qv.widget for qv in self.questions] + [self.result_box, self.message])
        self._show_result()

    @property
    def result(self):
        from ..learner.checks import saved_result
        return saved_result(self.progress, self.which)

    def question(self, question_id: str) -> CheckQuestion:
        for qv in self.questions:
            if qv.question.id == question_id:
                return qv
        raise KeyError(question_id)

    def _record(self, question, answer) -> None:
        from ..learner.checks import record_answer
        if self.progress is None:
            return
        try:
            record_answer(self.progress, self.which, self.quiz, question, answer)
        except (OSError, ValueError) as exc:
            self.message.value = note_html("warn", "Your answer could not be saved.", str(exc))
        self._show_result()

    def _show_result(self) -> None:
        from ..learner.checks import compare_sentence, results_of
        result = self.result
        if result is None:
            done = sum(1 for qv in self.questions if qv.saved is not None)
            self.result_box.value = (f"<p role='status' class='mlk-ui-status'>{done} of "
                                     f"{len(self.questions)} answered.</p>")
            return
        body = "It is saved in your progress file."
        if self.progress is not None:
            comparison = compare_sentence(results_of(self.progress.data()))
            if comparison:
                body = f"{comparison} {body}"
        self.result_box.value = note_html("ok", f"Check done: {result.score} of {result.total} right.", body)


def check(which: str = "before") -> CheckView:
    """The before check (``"before"``, start of the course) or the after check (``"after"``, end)."""
    from ..learner.checks import check_quiz_id
    from ..learner.progress import current_progress
    check_quiz_id(which)
    return CheckView(which, current_progress())
