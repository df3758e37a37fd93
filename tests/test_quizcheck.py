"""The quiz checker (``python -m lessons check-quizzes``): it passes the kit's own bank, finds each
problem it names in crafted bad files, speaks plainly and never shows a traceback."""
from __future__ import annotations

import textwrap

import pytest

from lessons.__main__ import main
from lessons.learner import quizcheck as C
from lessons.learner import quizzes as Q


def _write(folder, name, body):
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD_CHOICE = """\
  - id: {qid}
    type: choice
    prompt: Which word is a hedge?
    options: [{options}]
    answer: {answer}
    hint: a hint
    explanation: why
    feedback:
{feedback}
"""


def _choice(qid, options, answer, feedback=None):
    feedback = feedback if feedback is not None else {o: f"Feedback on {o}." for o in options if o != answer}
    fb = "".join(f"      {k}: {v}\n" for k, v in feedback.items()) or "      {}\n"
    return GOOD_CHOICE.format(qid=qid, options=", ".join(options), answer=answer, feedback=fb)


def _quiz(quiz_id, *questions, key=None):
    head = f"id: {quiz_id}\ntitle: A quiz\n" + (f"key: {key}\n" if key else "") + "questions:\n"
    return head + "".join(questions)


# --- the kit's own bank --------------------------------------------------------------------------

def test_the_kits_quiz_bank_passes_the_checker(capsys):
    assert main(["check-quizzes"]) == 0
    out = capsys.readouterr().out
    assert "No problems found." in out


def test_across_the_bank_the_right_answer_is_longest_in_at_most_a_third_of_choice_questions():
    longest = total = 0
    for quiz_id in Q.all_quiz_ids():
        for q in Q.load_quiz(quiz_id).questions:
            if q.type == "choice":
                total += 1
                longest += all(len(q.answer) >= len(o) for o in q.options)
    assert total >= 22
    assert longest <= total / 3, f"{longest} of {total}"
    report = C.check_files()
    assert (report.longest, report.choice_questions) == (longest, total)


def test_every_wrong_option_in_the_bank_has_its_own_feedback():
    for quiz_id in Q.all_quiz_ids():
        for q in Q.load_quiz(quiz_id).questions:
            if q.type == "choice":
                wrong = [o for o in q.options if o != q.answer]
                messages = [q.feedback.get(o) for o in wrong]
                assert all(messages), f"{quiz_id}/{q.id}"
                assert len(set(messages)) == len(messages), f"{quiz_id}/{q.id}"


def test_every_lesson_quiz_in_the_bank_has_a_transfer_question():
    lessons = [i for i in Q.all_quiz_ids() if i.startswith("lesson-")]
    assert len(lessons) >= 8
    for quiz_id in lessons:
        assert any(q.transfer for q in Q.load_quiz(quiz_id).questions), quiz_id


# --- crafted bad files ---------------------------------------------------------------------------

def test_a_good_teacher_file_passes(tmp_path, capsys):
    path = _write(tmp_path, "lesson-9.yaml", _quiz(
        "lesson-9",
        _choice("a", ["maybe", "surely not", "never at all"], "maybe"),
        _choice("b", ["said loudly", "may", "shouted it out"], "may"),
        _choice("c", ["nope", "yes it is", "perhaps so"], "perhaps so").replace("type: choice", "type: choice\n    transfer: true"),
    ))
    assert main(["check-quizzes", str(path)]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_the_right_answer_longest_too_often_is_reported_per_file_and_over_all_files(tmp_path, capsys):
    path = _write(tmp_path, "long.yaml", _quiz(
        "long",
        _choice("a", ["x", "the long right answer"], "the long right answer"),
        _choice("b", ["the long right answer", "y"], "the long right answer"),
        _choice("c", ["a much longer wrong answer", "z"], "z"),
    ))
    assert main(["check-quizzes", str(path)]) == 1
    out = capsys.readouterr().out
    assert "long.yaml: the right answer is the longest option in 2 of 3 choice questions (“a”, “b”)" in out
    report = C.check_files([path, path])
    assert any(p.file == "all 2 files" and "4 of 6" in p.message for p in report.problems)


def test_a_wrong_option_without_its_own_feedback_is_reported(tmp_path):
    path = _write(tmp_path, "fb.yaml", _quiz(
        "fb",
        _choice("a", ["right one", "wrong one", "other wrong"], "right one", {"wrong one": "Because ..."}),
        _choice("b", ["right two", "wrong two", "other two"], "right two",
                {"wrong two": "Same words.", "other two": "Same words."}),
    ))
    messages = [str(p) for p in C.check_file(path).problems]
    assert "fb.yaml, question “a”: the wrong option “other wrong” has no feedback of its own." in messages[0]
    assert any("question “b”" in m and "share the same feedback" in m for m in messages)


def test_a_category_question_needs_feedback_for_each_wrong_tick(tmp_path):
    path = _write(tmp_path, "cat.yaml", _quiz("cat", """\
  - id: c1
    type: category
    unit: mk-13
    prompt: Which?
    answer: [hedge, official, unverified]
    hint: h
    explanation: e
    feedback:
      hedge: look at may
"""))
    messages = [str(p) for p in C.check_file(path).problems]
    assert any("question “c1”: a wrong tick has no feedback of its own: “expert”, “None of these”" in m
               for m in messages), messages


def test_a_lesson_quiz_without_a_transfer_question_is_reported(tmp_path):
    path = _write(tmp_path, "lesson-8.yaml", _quiz(
        "lesson-8", _choice("a", ["right", "wrong answer"], "right")))
    assert [str(p) for p in C.check_file(path).problems] == [
        "lesson-8.yaml: this lesson quiz has no transfer question. Add one on a sentence the lesson "
        "never shows, marked 'transfer: true'."]
    # A quiz that is not a lesson's needs none.
    other = _write(tmp_path, "extra.yaml", _quiz("extra", _choice("a", ["right", "wrong answer"], "right")))
    assert C.check_file(other).problems == []


def test_the_right_answer_always_in_the_same_place_is_reported(tmp_path):
    path = _write(tmp_path, "place.yaml", _quiz(
        "place",
        _choice("a", ["wrong answer", "ok"], "ok"),
        _choice("b", ["wrong answer", "ok"], "ok"),
        _choice("c", ["wrong answer", "ok"], "ok"),
    ))
    assert any("always option 2" in str(p) for p in C.check_file(path).problems)


def test_an_unquoted_yes_or_no_option_is_explained(tmp_path):
    path = _write(tmp_path, "yesno.yaml", _quiz("yesno", _choice("a", ["yes", "no"], "'yes'")))
    assert any("YAML reads them as switches" in str(p) for p in C.check_file(path).problems)


def test_an_answer_missing_from_its_options_is_reported(tmp_path):
    path = _write(tmp_path, "missing.yaml", _quiz(
        "missing", _choice("a", ["one", "two"], "three")))
    assert [str(p) for p in C.check_file(path).problems] == [
        "missing.yaml, question “a”: the answer “three” is not one of its options. Copy the right "
        "option's words exactly into 'answer'."]


def test_an_unknown_sentence_id_is_reported(tmp_path):
    path = _write(tmp_path, "unit.yaml", _quiz("unit", """\
  - id: c1
    type: category
    unit: mk-999
    prompt: Which?
    answer: []
    hint: h
    explanation: e
    feedback: {hedge: a, official: b, expert: c, unverified: d}
"""))
    assert any("question “c1”: the sentence id “mk-999” is not in the answer key “makiivka-nbc-2023”" in str(p)
               for p in C.check_file(path).problems)


def test_an_unknown_answer_key_is_reported(tmp_path):
    path = _write(tmp_path, "key.yaml", _quiz("key", _choice("a", ["right", "wrong answer"], "right"),
                                               key="no-such-key"))
    assert any("the answer key “no-such-key” was not found" in str(p) for p in C.check_file(path).problems)


@pytest.mark.parametrize("content, words", [
    (b"id: [unclosed\n", "the YAML cannot be read near line"),
    (b"- just\n- a list\n", "must be a YAML mapping"),
    (b"\xff\xfe\x00binary", "not UTF-8 text"),
    (b"", "must be a YAML mapping"),
    (b"id: x\ntitle: t\nquestions: 7\n", "'questions' must be a list"),
    (b"id: x\ntitle: t\nquestions: [7, {id: q, type: essay}]\n", "each question must be a mapping"),
    (b"id: x\nquestions:\n  - {id: q, type: choice, options: [[1, 2], {a: b}], answer: 1}\n",
     "needs a list of at least two options"),
    (b"id: x\nquestions:\n" + b"  - {id: q, type: choice, options: [a, b], answer: a, feedback: {b: y}, transfer: maybe}\n",
     "'transfer' must be true or false"),
    (b"a: &a [" + b"[" * 200 + b"]" * 200 + b"]\nb: [*a, *a, *a]\n", "'questions' must be a list"),
    (b"[" * 5000 + b"]" * 5000, "cannot be read"),
])
def test_a_malformed_file_gets_a_plain_message_and_never_a_traceback(tmp_path, capsys, content, words):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    assert main(["check-quizzes", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert words in captured.out, captured.out
    assert "bad.yaml" in captured.out


def test_a_file_the_kit_cannot_load_is_reported_with_the_kits_reason(tmp_path):
    path = _write(tmp_path, "nohint.yaml", _quiz("nohint", _choice("a", ["right", "wrong answer"], "right")
                                                  .replace("    hint: a hint\n", "")))
    assert [str(p) for p in C.check_file(path).problems] == [
        "nohint.yaml: the kit cannot load it: quiz 'nohint', question 'a': 'hint' must be some text"]


def test_missing_files_and_folders_are_named(tmp_path, capsys):
    assert main(["check-quizzes", str(tmp_path / "gone.yaml")]) == 1
    assert "gone.yaml: the file was not found." in capsys.readouterr().out
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "lesson-1.yaml", _quiz("lesson-1", _choice("a", ["right", "wrong answer"], "right")))
    assert main(["check-quizzes", str(tmp_path / "sub")]) == 1
    assert "lesson-1.yaml: this lesson quiz has no transfer question" in capsys.readouterr().out
