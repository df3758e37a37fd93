"""Reflections: saved as the learner types, restored, shown as text."""
from __future__ import annotations

import time

import pytest

from lessons.learner import progress as P
import lessons as kit
from lessons import views as W

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder


# --- reflection ---------------------------------------------------------------------------------

def test_saving_an_empty_reflection_says_nothing_was_saved_and_keeps_nothing_blank():
    progress = P.current_progress()
    r = W.Reflection("lesson-0-empty", "Where do you get your news?", progress, save_delay=0)
    r.text.value = "   "
    r.save()
    assert "Saved" not in r.status.value and "empty" in r.status.value
    assert progress.get("reflections", "lesson-0-empty", None) is None
    r.text.value = "The radio."
    assert "Saved" in r.status.value

def test_a_reflection_is_saved_as_the_learner_types_and_restored():
    r = W.Reflection("lesson-0-hello", "Where do you get your news?", P.current_progress(), save_delay=0)
    r.text.value = "On my phone, <mostly>."
    assert P.current_progress().get("reflections", "lesson-0-hello") == "On my phone, <mostly>."
    assert "Saved" in r.status.value
    P._INSTANCES.clear()
    again = kit.reflection("lesson-0-hello", "Where do you get your news?")
    assert again.text.value == "On my phone, <mostly>."


def test_typing_is_saved_once_the_learner_pauses():
    r = W.Reflection("r", "Prompt", P.current_progress(), save_delay=0.05)
    for word in ("I", "I think", "I think so"):
        r.text.value = word
    assert P.current_progress().get("reflections", "r") is None
    deadline = time.time() + 60         # a guard against a hang, not a speed test
    while P.current_progress().get("reflections", "r") is None and time.time() < deadline:
        time.sleep(0.02)
    assert P.current_progress().get("reflections", "r") == "I think so"


def test_the_save_button_saves_at_once():
    r = W.Reflection("r", "Prompt", P.current_progress(), save_delay=60)
    r.text.value = "Written"
    r.save_button.click()
    assert P.current_progress().get("reflections", "r") == "Written"


def test_the_prompt_is_shown_as_text_not_markup():
    r = kit.reflection("x", "<script>alert(1)</script> Why?")
    assert "<script>" not in r.prompt.value and "&lt;script&gt;" in r.prompt.value
    assert r.text.description == "Your answer"
