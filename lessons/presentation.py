"""Presentation mode: a lesson shown as a web page without code (Voila), e.g. on a projector.

This module is the one place that decides it. Voila starts a fresh kernel for every page it
shows and tells that kernel so in its environment (``VOILA_KERNEL_ID``, ``VOILA_BASE_URL``,
``SERVER_SOFTWARE=voila/...``). Two things follow:

- wording: lesson Markdown marks notebook-only sentences (``class="mlk-notebook-only"``, such as
  "press Shift+Enter") and their page wording (``class="mlk-page-only" hidden``); on a page,
  ``kit.setup()`` shows :func:`page_style_html`, which swaps them;
- progress: every page (browser tab) is its own session with its own progress file, so learners
  sharing one Voila server never overwrite each other's answers.
"""
from __future__ import annotations

import os
import re
import secrets

_SESSION: str | None = None


def presenting() -> bool:
    """True in a kernel that Voila started (the lesson is a page without code)."""
    env = os.environ
    return bool(env.get("VOILA_KERNEL_ID") or env.get("VOILA_BASE_URL") is not None
                or env.get("SERVER_SOFTWARE", "").startswith("voila/"))


def session_id() -> str:
    """This page's session: Voila's kernel id (one kernel per page), else one id per kernel."""
    global _SESSION
    kernel = re.sub(r"[^A-Za-z0-9-]", "", os.environ.get("VOILA_KERNEL_ID", ""))[:64]
    if kernel:
        return kernel
    if _SESSION is None:
        _SESSION = f"{os.getpid()}-{secrets.token_hex(6)}"
    return _SESSION


def progress_file_name(default: str) -> str:
    """The progress file's name: ``default`` in a notebook, one file per session on a page."""
    if presenting():
        return f"page-{session_id()}.json"
    return default


PAGE_STYLE = """<style>
.mlk-notebook-only { display: none !important; }
.mlk-page-only[hidden] { display: block !important; }
</style>"""


def page_style_html() -> str:
    """The style that swaps notebook wording for page wording (shown by ``kit.setup()`` on a page)."""
    return PAGE_STYLE
