"""Fixtures for the real-browser tests: one JupyterLab server and one Chromium for the session.

The browser tests skip (with the reason) when no Chromium is found (see jupyter_harness._find_chromium) or
Playwright is not installed. Nothing is downloaded: no browser, no package, no web page.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import jupyter_harness as h  # noqa: E402


def _skip_reason() -> str | None:
    if not h.chromium_available():
        return h.CHROMIUM_MISSING
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -r requirements-dev.txt)"
    return None


SKIP_REASON = _skip_reason()
_STARTED = time.time()


def pytest_collection_modifyitems(config, items):
    """Skip every ``browser`` test, with the reason, when the browser cannot be had."""
    if SKIP_REASON is None:
        return
    marker = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(marker)


@pytest.fixture(scope="session")
def browser_workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="session")
def lab_server(browser_workdir):
    """A real JupyterLab on 127.0.0.1 (random port and token) serving a temp copy of notebooks/."""
    if SKIP_REASON:
        pytest.skip(SKIP_REASON)
    server = h.start_server("lab", browser_workdir)
    before = h.notebook_hashes(server.root_dir)
    try:
        # The isolation settings took effect: no autosave, no news or update checks.
        assert h.effective_setting(server, "@jupyterlab/docmanager-extension:plugin", "autosave") is False
        assert h.effective_setting(server, "@jupyterlab/apputils-extension:notification", "fetchNews") == "false"
        assert h.effective_setting(server, "@jupyterlab/apputils-extension:notification", "checkForUpdates") is False
        yield server
    finally:
        server.stop()
    changed = [n for n, digest in h.notebook_hashes(server.root_dir).items() if before.get(n) != digest]
    assert not changed, f"the browser tests wrote into these notebooks (autosave?): {changed}"


@pytest.fixture(scope="session")
def notebook7_server(browser_workdir):
    """Jupyter Notebook 7 (``python -m jupyter notebook``), isolated the same way."""
    if SKIP_REASON:
        pytest.skip(SKIP_REASON)
    server = h.start_server("notebook", browser_workdir)
    before = h.notebook_hashes(server.root_dir)
    try:
        yield server
    finally:
        server.stop()
    changed = [n for n, digest in h.notebook_hashes(server.root_dir).items() if before.get(n) != digest]
    assert not changed, f"the browser tests wrote into these notebooks (autosave?): {changed}"


@pytest.fixture(scope="session")
def browser():
    if SKIP_REASON:
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(h.CHROMIUM), headless=True, args=h.CHROMIUM_ARGS)
        yield b
        b.close()


class Tab:
    """A fresh browser context and page with everything it does recorded (``watch``)."""

    def __init__(self, browser, viewport=(1280, 900), touch: bool = False):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           service_workers="block", has_touch=touch)
        # Nothing may leave this machine: requests to other hosts are recorded, then refused.
        self.context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])", re.I),
                           lambda route: route.abort("blockedbyclient"))
        self.context.set_default_timeout(90_000)   # a busy machine is slow; a hang still fails
        self.page = self.context.new_page()
        self.watch = h.watch(self.page)

    def close(self):
        try:
            self.context.close()
        except Exception:
            pass


@pytest.fixture
def touch_tab(browser, request):
    """A new context the size of a school Chromebook's screen (800 px wide) with a touch screen."""
    t = Tab(browser, viewport=(800, 700), touch=True)
    yield t
    t.close()
    for name in ("lab_server", "notebook7_server"):
        if name in request.fixturenames:
            h.shutdown_sessions(request.getfixturevalue(name))


@pytest.fixture
def tab(browser, request):
    """A new browser context (fresh profile) and page; kernels are shut down afterwards."""
    t = Tab(browser)
    yield t
    t.close()
    for name in ("lab_server", "notebook7_server"):
        if name in request.fixturenames:
            h.shutdown_sessions(request.getfixturevalue(name))


@pytest.fixture
def new_tab(browser):
    """Open more tabs within one test (each a fresh browser profile); all are closed afterwards."""
    made = []

    def make() -> Tab:
        made.append(Tab(browser))
        return made[-1]
    yield make
    for t in made:
        t.close()


def pytest_terminal_summary(terminalreporter):
    """Say where the screenshots and the accessibility report are (or why there are none)."""
    if SKIP_REASON:
        if any(r for r in terminalreporter.stats.get("skipped", []) if "browser" in r.nodeid):
            terminalreporter.write_line(f"browser tests skipped: {SKIP_REASON}")
        return
    shots = sorted(h.SCREENSHOTS.glob("*.png")) if h.SCREENSHOTS.is_dir() else []
    recent = [p for p in shots if p.stat().st_mtime >= _STARTED - 1]
    if recent:
        terminalreporter.write_sep("-", "browser test artifacts")
        for p in recent:
            terminalreporter.write_line(f"screenshot: {p}")
        for p in sorted(h.ARTIFACTS.glob("a11y-*.json")):
            terminalreporter.write_line(f"accessibility report: {p}")
