"""A box for the learner's own thoughts, saved as they type and restored later."""
from __future__ import annotations

import threading
import time

from .base import View, button, e, ipw, label_style, view_box


class _Debouncer:
    """Run ``fn(value)`` once typing pauses for ``delay`` seconds (at once when delay is 0)."""

    def __init__(self, fn, delay: float):
        self.fn, self.delay = fn, delay
        self._timer: threading.Timer | None = None
        self._pending = None
        self._has_pending = False
        self._lock = threading.Lock()

    def __call__(self, value) -> None:
        if self.delay <= 0:
            self.fn(value)
            return
        with self._lock:
            self._pending, self._has_pending = value, True
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.flush)
            self._timer.daemon = True
            self._timer.start()

    def flush(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if not self._has_pending:
                return
            value, self._pending, self._has_pending = self._pending, None, False
        self.fn(value)


class Reflection(View):
    """A labelled box for the learner's own thoughts, saved as they type and restored later."""

    LESSON = "reflections"

    def __init__(self, prompt_id: str, prompt_text: str | None, progress, save_delay: float = 1.0):
        W = ipw()
        self.prompt_id = prompt_id
        self.progress = progress
        prompt = prompt_text or "Write your thoughts here."
        saved = progress.get(self.LESSON, prompt_id, "") if progress is not None else ""
        self.prompt = W.HTML(f"<p class='mlk-ui-line'><b>✎ {e(prompt)}</b></p>")
        self.text = W.Textarea(value=saved if isinstance(saved, str) else "",
                               placeholder="Type your answer here…", description="Your answer",
                               tooltip=prompt, continuous_update=True, style=label_style(),
                               layout=W.Layout(width="100%", max_width="52em", height="7em"))
        self.save_button = button("Save", tooltip="Save what you wrote")
        self.status = W.HTML(self._status_text("Saved earlier. You can change it." if saved else ""))
        self._debounced = _Debouncer(self._save, save_delay)
        self.text.observe(lambda change: self._debounced(change["new"]), "value")
        self.save_button.on_click(lambda _b: self.save())
        self.widget = view_box([self.prompt, self.text, W.HBox([self.save_button, self.status])])

    @staticmethod
    def _status_text(text: str) -> str:
        return f"<span class='mlk-ui-aside' role='status'>{e(text)}</span>" if text else ""

    def _save(self, value: str) -> None:
        if self.progress is None:
            return
        if not (value or "").strip():
            self.status.value = self._status_text("The box is empty, so nothing was saved. Write your answer first.")
            return
        try:
            self.progress.set(self.LESSON, self.prompt_id, value)
        except OSError:
            self.status.value = self._status_text(
                "⚠ Could not save just now. Copy your text somewhere safe, just in case.")
            return
        self.status.value = self._status_text(f"✓ Saved at {time.strftime('%H:%M')}.")

    def save(self) -> None:
        """Save now (also used by the Save button)."""
        self._debounced.flush()
        self._save(self.text.value)

    def flush(self) -> None:
        """Save any typing still waiting for its pause."""
        self._debounced.flush()


def reflection(prompt_id: str, prompt_text: str | None = None) -> Reflection:
    """A box to write in; the text is saved to your progress as you type and comes back next time."""
    from ..learner.progress import current_progress
    return Reflection(prompt_id, prompt_text, current_progress())
