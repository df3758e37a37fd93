"""One error type: every problem a learner can fix is a KitError, and views recognise it by type."""
from __future__ import annotations

import pytest

import lessons as kit
from lessons.errors import KitError
from lessons.learner.progress import ProgressError
from lessons.learner.quizzes import QuizError
from lessons.text.article import ArticleError
from lessons.views.messages import friendly_error


def test_the_kit_s_particular_errors_are_all_kit_errors():
    for kind in (ArticleError, ProgressError, QuizError):
        assert issubclass(kind, KitError)


def test_any_kit_error_is_shown_with_its_own_message_whatever_its_class_is_called():
    class SomethingNew(KitError):
        pass

    title, todo = friendly_error(SomethingNew("That quiz has no questions yet."))
    assert title == "That quiz has no questions yet."
    assert "Check what you typed" in todo


def test_an_unknown_category_is_a_kit_error_with_the_choices_listed():
    with pytest.raises(KitError, match="hedge, official, expert, unverified"):
        kit.highlighter(categories=["hedges and such"])


def test_the_command_line_reports_a_kit_error_in_one_line(tmp_path, capsys):
    from lessons.__main__ import main

    assert main(["annotate", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Sorry: There is no file called") and "Traceback" not in err
