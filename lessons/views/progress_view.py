"""Progress views: what the learner has done, a download link for it, and an upload to restore it."""
from __future__ import annotations

import base64
import html

from ..learner.progress import FILE_NAME, Progress, Summary, current_progress, dumps
from .base import View, ipw, view_box
from .messages import RESTART, note_html


def summary_html(summary: Summary, notice: str | None = None, checks: dict | None = None) -> str:
    """The summary as a small escaped HTML fragment; ``checks`` (``learner.checks.results_of``)
    adds the before and after check results."""
    e = html.escape
    parts = []
    if notice:
        parts.append(f'<p class="mlk-note-warn"><b>⚠ Note:</b> {e(notice)}</p>')
    if summary.empty and checks:
        pass   # the checks below are something saved
    elif summary.empty:
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
    if checks:
        parts.append(checks_html(checks))
    parts.append(f'<p class="mlk-ui-small">Saved in: <code>{e(summary.path)}</code></p>')
    return "".join(parts)


def checks_html(results: dict) -> str:
    """The before and after check results (``learner.checks.results_of``) as a small escaped
    HTML fragment for the progress summary."""
    from ..learner.checks import WHICH, compare_sentence, day_of
    if not results:
        return ""
    e = html.escape
    items = []
    for which in WHICH:
        r = results.get(which)
        if r is None:
            continue
        label = "Check at the start" if which == "before" else "Check at the end"
        day = day_of(r.when)
        items.append(f"<li>{e(label)}: {r.score} of {r.total} right" + (f" ({e(day)})" if day else "") + "</li>")
    return (f"<p>Before and after checks:</p><ul>{''.join(items)}</ul>"
            f"<p>{e(compare_sentence(results))}</p>")


# --- upload and download ------------------------------------------------------------------


def download_html(progress: Progress | None = None) -> str:
    """An anchor that downloads the progress file (as a ``data:`` address, so it works on Binder)."""
    progress = progress or current_progress()
    payload = base64.b64encode(dumps(progress.data()).encode("utf-8")).decode("ascii")
    href = html.escape(f"data:application/json;charset=utf-8;base64,{payload}", quote=True)
    return f'<a download="{FILE_NAME}" href="{href}" class="mlk-ui-download">⬇ Download {FILE_NAME}</a>'


class ProgressSummaryView(View):
    """What the learner has done across lessons; updates itself when progress is saved."""

    def __init__(self, progress):
        W = ipw()
        self.progress = progress
        self.html = W.HTML()
        self.refresh_button = W.Button(description="Refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.widget = view_box([self.html, self.refresh_button])
        progress.on_change(lambda _p: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        from ..learner.checks import results_of
        self.html.value = summary_html(self.progress.summary(), self.progress.notice,
                                       results_of(self.progress.data()))


class ProgressDownloadView(View):
    """A link that downloads the progress file; it is rebuilt whenever progress is saved."""

    def __init__(self, progress):
        W = ipw()
        self.progress = progress
        self.link = W.HTML()
        self.refresh_button = W.Button(description="Update the link",
                                       tooltip="Include everything saved up to now")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.widget = view_box([
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
        self.widget = view_box([
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
