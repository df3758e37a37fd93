"""Progress views: what the learner has done, a download link for it, and an upload to restore it."""
from __future__ import annotations

from ..learner.progress import current_progress
from .base import View, ipw
from .messages import RESTART, note_html


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
        from ..learner.checks import results_of, summary_with_checks_html
        self.html.value = summary_with_checks_html(self.progress.summary(), self.progress.notice,
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
        self.widget = W.VBox([
            W.HTML("<p>Press the link to save <code>my-progress.json</code> on your computer. "
                   "Keep it somewhere you will find it again.</p>"),
            W.HBox([self.link, self.refresh_button])])
        progress.on_change(lambda _p: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        from ..learner.progress import download_html
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
