"""Messages learners read: styled note boxes, and kind words instead of a traceback."""
from __future__ import annotations

import re
import traceback

from ..errors import KitError
from .base import e, ipython_shell

_SYMBOLS = {"info": "ℹ", "ok": "✓", "warn": "⚠", "error": "⚠"}
"""Each kind of message box's symbol; its colours are the stylesheet's (``mlk-note-<kind>``)."""


def note_html(kind: str, title: str, body: str = "", *, body_html: str = "",
              details: str | None = None, details_title: str = "Technical details") -> str:
    """A small message box: a symbol and bold title, plain-text ``body`` (escaped here), optional
    ready-made ``body_html``, and ``details`` hidden in a closed ``<details>``."""
    look = kind if kind in _SYMBOLS else "info"
    classes = f"mlk-note mlk-note-{e(kind)}" + ("" if look == kind else " mlk-note-info")
    parts = [f'<div class="{classes}" role="{"alert" if kind == "error" else "status"}">'
             f'<b><span aria-hidden="true">{_SYMBOLS[look]}</span> {e(title)}</b>']
    if body:
        parts.append(f"<div>{e(body)}</div>")
    if body_html:
        parts.append(f"<div>{body_html}</div>")
    if details:
        parts.append(f'<details class="mlk-note-details"><summary>{e(details_title)}</summary>'
                     f'<pre class="mlk-note-pre">{e(details)}</pre></details>')
    parts.append("</div>")
    return "".join(parts)


# --- friendly errors ------------------------------------------------------------------------

RESTART = ("Run the cell again. If that does not help, choose Kernel → Restart Kernel in the menu, "
            "then run the cells from the top.")


def shown_alone(fragment: str) -> str:
    """A message box shown as an output of its own, not in a view: it brings the stylesheet along."""
    from ..render.stylesheet import style_html
    return style_html() + fragment


def friendly_error(exc: BaseException) -> tuple[str, str]:
    """A short, kind (title, what to try) for an error a learner met in a cell."""
    message = str(exc).strip()
    if isinstance(exc, KitError):
        return message or "That did not work.", "Check what you typed, then run the cell again."
    if isinstance(exc, NameError):
        missing = getattr(exc, "name", None) or (re.findall(r"'([^']+)'", message) or ["?"])[0]
        if missing == "kit":
            return ("The kit is not loaded yet.",
                    "Run the first code cell of this notebook (import lessons as kit), then this one again.")
        return (f"The computer does not know the name “{missing}”.",
                "Check the spelling, and run the cells above this one first (Run → Run All Above "
                "Selected Cell).")
    if isinstance(exc, (ModuleNotFoundError, ImportError)):
        return ("A part of the kit could not be loaded.",
                "Choose Kernel → Restart Kernel, then run the cells from the top. On Binder, "
                "reload the page.")
    if isinstance(exc, FileNotFoundError):
        return (f"A file could not be found: {exc.filename or message}.",
                "Check the file name and that the file is in the same folder as the notebook.")
    if isinstance(exc, MemoryError):
        return ("The computer ran out of memory.", "Choose Kernel → Restart Kernel and try a shorter text.")
    if isinstance(exc, (TypeError, AttributeError, KeyError, IndexError, ValueError)):
        return ("Something in this cell did not work.",
                "If you changed the cell, check the quotation marks and brackets, or undo your change "
                "with Ctrl+Z (Cmd+Z on a Mac). " + RESTART)
    return "Something went wrong in this cell.", RESTART


def friendly_error_html(exc: BaseException, detail: str | None = None) -> str:
    """The styled box a learner sees instead of a traceback; the traceback hides in ``<details>``."""
    title, todo = friendly_error(exc)
    if detail is None:
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return note_html("error", title, f"What to try: {todo}", details=detail,
                     details_title="Technical details (for your teacher)")


def _friendly_handler(shell, etype, value, tb, tb_offset=None):
    """IPython custom exception handler: show the kind box instead of a traceback.

    IPython still marks the cell as failed (so "Run All" stops there); the one line returned is
    only used where IPython prints a traceback itself (e.g. ``%tb``).
    """
    detail = "".join(traceback.format_exception(etype, value, tb))
    try:
        from IPython.display import HTML, display
        display(HTML(shown_alone(friendly_error_html(value, detail))))
    except Exception:
        pass
    title, _todo = friendly_error(value)
    return [f"{title} The box above says what to try."]


def setup() -> None:
    """Run in the first cell of every notebook: kind error messages instead of tracebacks.

    Harmless outside IPython and safe to call twice. If the progress file had to be set aside
    because it was damaged, the learner is told here.
    """
    shell = ipython_shell()
    if shell is None:
        return None
    shell.set_custom_exc((Exception,), _friendly_handler)
    from .. import presentation
    if presentation.presenting():   # a page without code: swap "press Shift+Enter" for page wording
        from IPython.display import HTML, display
        display(HTML(presentation.page_style_html()))
    try:
        from ..learner.progress import current_progress
        progress = current_progress()
        if progress.notice and not getattr(progress, "_notice_shown", False):
            from IPython.display import HTML, display
            display(HTML(shown_alone(note_html("warn", "About your saved work", progress.notice))))
            progress._notice_shown = True
    except Exception:
        pass
    return None
