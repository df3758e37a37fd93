"""Progress views: what the learner has done, a download link for it, and an upload to restore it."""
from __future__ import annotations

import base64
import html

from ..learner.progress import FILE_NAME, Progress, Summary, current_progress, dumps
from ..render.palette import ACCENT, ACCENT_DARK, ACCENT_TINT
from .base import View, ipw
from .messages import RESTART, note_html


def summary_html(summary: Summary, notice: str | None = None) -> str:
    """The summary as a small escaped HTML fragment."""
    e = html.escape
    parts = []
    if notice:
        parts.append(f'<p class="mlk-note-warn"><b>⚠ Note:</b> {e(notice)}</p>')
    if summary.empty:
        parts.append("<p>Nothing saved yet. Your quiz answers and what you write will appear here.</p>")
    else:
        parts.append(f"<p><b>So far:</b> {e(summary.sentence())}.</p>")
        if summary.completed:
            items = "".join(f"<li>✓ {e(c)}</li>" for c in summary.completed)
            parts.append(f"<p>Lessons completed:</p><ul>{items}</ul>")
        if summary.quizzes:
            items = "".join(
                f"<li>{e(q.quiz_id)}: {q.correct} correct of "
                f"{q.total if q.total is not None else q.answered} questions</li>"
                for q in summary.quizzes)
            parts.append(f"<p>Quizzes:</p><ul>{items}</ul>")
        if summary.reflections:
            items = "".join(f"<li>✎ {e(r)}</li>" for r in summary.reflections)
            parts.append(f"<p>Reflections written:</p><ul>{items}</ul>")
    parts.append(f'<p style="font-size:90%">Saved in: <code>{e(summary.path)}</code></p>')
    return "".join(parts)


# --- upload and download ------------------------------------------------------------------


def download_html(progress: Progress | None = None) -> str:
    """An anchor that downloads the progress file (as a ``data:`` address, so it works on Binder)."""
    progress = progress or current_progress()
    payload = base64.b64encode(dumps(progress.data()).encode("utf-8")).decode("ascii")
    href = html.escape(f"data:application/json;charset=utf-8;base64,{payload}", quote=True)
    return (f'<a download="{FILE_NAME}" href="{href}" '
            f'style="display:inline-block;padding:6px 12px;border:2px solid {ACCENT};'
            f'border-radius:4px;color:{ACCENT_DARK};background:{ACCENT_TINT};text-decoration:none;font-weight:600">'
            f'⬇ Download {FILE_NAME}</a>')


class ProgressSummaryView(View):
    """What the learner has done across lessons; updates itself when progress is saved."""

    def __init__(self, progress):
        W = ipw()
        self.progress = progress
        self.html = W.HTML()
        self.refresh_button = W.Button(description="Refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.widget = W.VBox([self.html, self.refresh_button])
        progress.on_change(lambda _p: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.html.value = summary_html(self.progress.summary(), self.progress.notice)


class ProgressDownloadView(View):
    """A link that downloads the progress file; it is rebuilt whenever progress is saved."""

    def __init__(self, progress):
        W = ipw()
        self.progress = progress
        self.link = W.HTML()
        self.refresh_button = W.Button(description="Update the link",
                                       tooltip="Include everything saved up to now")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.widget = W.VBox([
            W.HTML("<p>Press the link to save <code>my-progress.json</code> on your computer. "
                   "Keep it somewhere you will find it again.</p>"),
            W.HBox([self.link, self.refresh_button])])
        progress.on_change(lambda _p: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.link.value = download_html(self.progress)


class ProgressUploadView(View):
    """An upload button that checks a progress file and restores it (the old one is kept)."""

    def __init__(self, progress):
        W = ipw()
        self.progress = progress
        self.upload = W.FileUpload(accept=".json", multiple=False, description="Upload progress")
        self.message = W.HTML()
        self.upload.observe(self._on_upload, "value")
        self.widget = W.VBox([
            W.HTML("<p>Choose the <code>my-progress.json</code> file you downloaded before.</p>"),
            self.upload, self.message])

    def restore(self, name: str, content: bytes) -> bool:
        """Restore from an uploaded file's bytes; shows what happened. True when restored."""
        from ..learner.progress import ProgressError, restore_from_bytes
        try:
            message = restore_from_bytes(bytes(content), self.progress, name=name)
        except ProgressError as exc:
            self.message.value = note_html(
                "warn", f"“{name}” could not be used.",
                f"{exc} Nothing was changed: your current progress is still there.")
            return False
        except OSError as exc:
            self.message.value = note_html("warn", "Your progress could not be restored.",
                                           f"{exc.strerror or exc}. Nothing was lost. " + RESTART)
            return False
        self.message.value = note_html("ok", "Progress restored.", message)
        return True

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        first = files[0]
        self.restore(str(first.get("name", "upload")), bytes(first.get("content", b"")))
        self.upload.value = ()


def progress_summary():
    """A box listing what the learner has completed; it updates when progress is saved."""
    return ProgressSummaryView(current_progress())


def progress_download():
    """A download link for the progress file, kept up to date as the learner works."""
    return ProgressDownloadView(current_progress())


def progress_upload():
    """An upload button that restores a downloaded progress file (the old one is kept)."""
    return ProgressUploadView(current_progress())
