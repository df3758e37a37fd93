"""Setup and messages: kind error boxes instead of tracebacks, and notices about saved work."""
from __future__ import annotations

import re

import pytest

from lessons import views as W
from lessons.views import messages

pytestmark = pytest.mark.usefixtures("progress_dir")   # every test saves into its own folder


# --- setup and friendly errors ------------------------------------------------------------------

def test_setup_is_harmless_outside_ipython_and_returns_nothing():
    assert W.setup() is None
    assert W.setup() is None


class FakeShell:
    execution_count = 1

    def __init__(self):
        self.handlers = []

    def set_custom_exc(self, exc_tuple, handler):
        self.handlers.append((exc_tuple, handler))


def test_setup_installs_the_friendly_handler_and_can_run_twice(monkeypatch):
    shell = FakeShell()
    monkeypatch.setattr(messages, "ipython_shell", lambda: shell)
    W.setup()
    W.setup()
    assert len(shell.handlers) == 2 and shell.handlers[-1][0] == (Exception,)
    shown = []
    import IPython.display
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    try:
        undefined_name  # noqa: F821
    except NameError as exc:
        stb = shell.handlers[-1][1](shell, NameError, exc, exc.__traceback__)
    assert stb == ["The computer does not know the name “undefined_name”. The box above says what to try."]
    box = shown[0].data
    assert "Run All Above" in box and "<details" in box and "Traceback" in box


def test_setup_tells_the_learner_when_their_progress_file_was_set_aside(monkeypatch, progress_dir):
    progress_dir.mkdir(parents=True, exist_ok=True)
    (progress_dir / "my-progress.json").write_bytes(b"{broken")
    shell = FakeShell()
    monkeypatch.setattr(messages, "ipython_shell", lambda: shell)
    shown = []
    import IPython.display
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    W.setup()
    W.setup()
    assert len(shown) == 1 and "About your saved work" in shown[0].data


@pytest.mark.parametrize("exc, words", [
    (NameError("name 'kit' is not defined", name="kit"), "The kit is not loaded yet."),
    (ModuleNotFoundError("No module named 'lessons'"), "Kernel → Restart Kernel"),
    (FileNotFoundError(2, "No such file", "my-article.txt"), "my-article.txt"),
    (TypeError("bad"), "quotation marks and brackets"),
    (RuntimeError("odd"), "Kernel → Restart Kernel"),
])
def test_every_error_gets_a_short_kind_message_with_something_to_try(exc, words):
    title, todo = W.friendly_error(exc)
    assert words in title + " " + todo
    assert len(title) < 120


def test_the_error_box_escapes_the_detail_and_folds_it_away():
    page = W.friendly_error_html(ValueError("<img src=x onerror=alert(1)>"), detail="<script>x</script>")
    assert "<script>" not in page and "<img" not in page
    assert re.search(r"<details[^>]*><summary>Technical details", page)
