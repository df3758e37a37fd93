"""Helpers for the real-browser tests: an isolated Jupyter server, Chromium, and notebook driving.

Nothing here downloads anything. The server runs on 127.0.0.1 with a random port and token,
every Jupyter folder (settings, workspaces, data, config, runtime) in a temporary folder, a temp
copy of ``notebooks/`` as its root, autosave and the news/update check switched off.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
def _find_chromium() -> Path:
    """The browser: $CHROMIUM, else where Debian, Ubuntu or macOS put Chromium (or Chrome)."""
    for c in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
              "/Applications/Chromium.app/Contents/MacOS/Chromium",
              "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
              shutil.which("chromium"), shutil.which("chromium-browser")):
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return Path(c)
    return Path("/usr/bin/chromium")


CHROMIUM = _find_chromium()
CHROMIUM_MISSING = ("Chromium not found; `make test` says how to install it on this system "
                    "(or set CHROMIUM=/path/to/the/browser)")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]

LESSONS = sorted(p.name for p in NOTEBOOK_DIR.glob("0*.ipynb"))

# How long a slow, shared machine may need for JupyterLab to load a notebook and start its kernel.
# Waiting is not a speed test: nothing fails for being slow, only for never getting there.
READY_TIMEOUT = float(os.environ.get("MLK_BROWSER_READY_TIMEOUT", "300"))

# Settings written into the isolated JUPYTERLAB_SETTINGS_DIR (user settings beat defaults).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}
# The same as default setting overrides (<JUPYTER_CONFIG_DIR>/labconfig/default_setting_overrides.json,
# which jupyterlab_server layers under user settings; no file in the venv is touched).
OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class JupyterServer:
    """A running server: ``url(path)`` gives an address with the token."""

    kind: str                       # "lab" or "notebook"
    port: int
    token: str
    root_dir: Path
    home: Path
    proc: subprocess.Popen
    log_path: Path
    env: dict = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{sep}token={self.token}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)


def _write_settings(home: Path) -> dict:
    """Make the isolated Jupyter folders and settings; returns the environment variables."""
    dirs = {
        "JUPYTERLAB_SETTINGS_DIR": home / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": home / "lab-workspaces",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "MLK_PROGRESS_DIR": home / "progress",
        "IPYTHONDIR": home / "ipython",
        "MPLCONFIGDIR": home / "matplotlib",
    }
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    for name, values in SETTINGS.items():
        target = dirs["JUPYTERLAB_SETTINGS_DIR"] / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values, indent=2))
    overrides = dirs["JUPYTER_CONFIG_DIR"] / "labconfig" / "default_setting_overrides.json"
    overrides.parent.mkdir(parents=True, exist_ok=True)
    overrides.write_text(json.dumps(OVERRIDES, indent=2))
    return {k: str(v) for k, v in dirs.items()}


def start_server(kind: str, workdir: Path, timeout: float = READY_TIMEOUT) -> JupyterServer:
    """Start ``python -m jupyter lab|notebook`` on a free port with a random token, serving a temp
    copy of ``notebooks/``; wait until ``/api/status`` answers."""
    home = workdir / f"jupyter-{kind}"
    root = home / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, root, ignore=shutil.ignore_patterns(
        "progress", ".ipynb_checkpoints", "handouts"))
    env = dict(os.environ)
    env.update(_write_settings(home))
    env.pop("JUPYTER_TOKEN", None)
    env["PYTHONUNBUFFERED"] = "1"
    # No proxy can be reached without a network, and the server and browser talk directly.
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    port, token = free_port(), secrets.token_hex(24)
    cmd = [sys.executable, "-m", "jupyter", kind, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log_path = home / "server.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()
    server = JupyterServer(kind, port, token, root, home, proc, log_path, env)
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"jupyter {kind} exited with code {proc.returncode}:\n{server.log()[-4000:]}")
        try:
            with urllib.request.urlopen(server.url("api/status"), timeout=2) as r:
                if r.status == 200:
                    json.loads(r.read())
                    return server
        except (urllib.error.URLError, OSError, ValueError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"jupyter {kind} did not answer within {timeout:.0f} s:\n{server.log()[-4000:]}")
        time.sleep(0.25)


# --- page-level bookkeeping -----------------------------------------------------------------

@dataclass
class PageWatch:
    """What a page did: uncaught errors, console errors, dialogs, requests to other hosts."""

    page_errors: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    websockets: list = field(default_factory=list)

    @property
    def external_requests(self) -> list:
        return [u for u in self.requests if not _is_local(u)]

    def widget_console_errors(self) -> list:
        return [m for m in self.console_errors if re.search(r"widget|model class|jupyter-widgets", m, re.I)]


def _is_local(url: str) -> bool:
    if url.startswith(("data:", "blob:", "about:", "chrome-extension:", "devtools:")):
        return True
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url, re.I)
    return bool(m) and m.group(1) == "127.0.0.1"


def watch(page) -> PageWatch:
    w = PageWatch()
    page.on("pageerror", lambda exc: w.page_errors.append(f"{exc.name}: {exc.message}\n{exc.stack or ''}"))
    page.on("console", lambda msg: w.console_errors.append(msg.text) if msg.type == "error" else None)

    def on_dialog(dialog):
        w.dialogs.append(f"{dialog.type}: {dialog.message}")
        try:
            dialog.dismiss()
        except Exception:
            pass
    page.on("dialog", on_dialog)
    page.on("request", lambda req: w.requests.append(req.url))
    page.on("websocket", lambda ws: w.websockets.append(ws))
    return w


# --- notebook driving -----------------------------------------------------------------------

KERNEL_IDLE_JS = """() => {
    const ind = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator, .jp-Notebook-ExecutionIndicator');
    if (ind && ind.getAttribute('data-status') === 'idle') return true;
    const st = [...document.querySelectorAll('.jp-StatusBar-TextItem, .jp-KernelStatus')]
        .map(e => e.textContent || '');
    return st.some(t => /\\bIdle\\b/.test(t));
}"""


def wait_until(page, expression: str, arg=None, timeout: float = READY_TIMEOUT, what: str = "the page") -> None:
    """Wait for ``expression`` to hold, answering JupyterLab's own dialogs ("Select Kernel" when
    the kernel list arrived late, "Build Recommended") whenever they appear meanwhile."""
    deadline = time.monotonic() + timeout
    while True:
        clear_known_dialogs(page)
        try:
            page.wait_for_function(expression, arg=arg, timeout=2500, polling=250)
            return
        except Exception as e:          # Playwright's TimeoutError: look for a dialog, then wait on
            if "Timeout" not in type(e).__name__ and "timeout" not in str(e).lower():
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} was not ready after {timeout:.0f} s"
                                 f" (dialog: {dialog_text(page)!r})")


def wait_kernel_idle(page, timeout: float = READY_TIMEOUT) -> None:
    """Wait until the notebook's kernel is connected and idle (toolbar indicator or status bar)."""
    wait_until(page, KERNEL_IDLE_JS, timeout=timeout, what="the notebook's kernel")


def prompt_states(page) -> list[str]:
    """Every code cell's input prompt text ("[ ]:", "[*]:", "[3]:"), read from the DOM
    (``textContent``, so cells scrolled out of view count too)."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]"
        ".map(e => (e.textContent || '').trim())")


def dialog_text(page) -> str:
    """The text of an open JupyterLab dialog ('' when none)."""
    dialogs = page.locator(".jp-Dialog")
    if not dialogs.count():
        return ""
    try:
        return " ".join(dialogs.first.inner_text(timeout=2000).split())
    except Exception:
        return "(a dialog whose text could not be read)"


HANDLED_DIALOGS: list[str] = []


def clear_known_dialogs(page) -> None:
    """Answer the JupyterLab dialogs that can pop up on their own and do not concern the kit
    ("Build Recommended" after the environment changed, a kernel choice); fail on any other."""
    for _ in range(3):
        text = dialog_text(page)
        if not text:
            return
        dialog = page.locator(".jp-Dialog").first
        if re.search(r"Select Kernel", text, re.I):
            # JupyterLab asks when the kernel list arrived after the notebook (a slow start):
            # choose the notebook's own kernel, if the list offers it, then accept.
            choice = dialog.locator("select")
            if choice.count():
                try:
                    choice.first.select_option(label="Python 3 (ipykernel)", timeout=2000)
                except Exception:
                    pass
            dialog.locator("button.jp-mod-accept").first.click()
        elif re.search(r"Build (Recommended|Complete)|rebuild", text, re.I):
            dialog.locator("button.jp-mod-reject, button.jp-mod-accept").first.click()
        else:
            raise AssertionError(f"JupyterLab shows a dialog instead of the notebook: {text!r}")
        HANDLED_DIALOGS.append(text)
        print(f"note: answered a JupyterLab dialog: {text[:200]!r}")
        try:   # a loaded machine may take seconds to close it: do not read the same dialog again
            dialog.wait_for(state="detached", timeout=15_000)
        except Exception:
            pass
    text = dialog_text(page)
    if text:
        raise AssertionError(f"JupyterLab keeps showing a dialog: {text!r}")


def _open_kernel_ids(watch: PageWatch) -> set[str]:
    ids = set()
    for ws in watch.websockets:
        m = re.search(r"/api/kernels/([0-9a-f-]+)/channels", ws.url)
        if m and not ws.is_closed():
            ids.add(m.group(1))
    return ids


def wait_one_kernel(page, server: "JupyterServer", name: str, watch: PageWatch, timeout: float = 90) -> None:
    """Wait until the notebook's kernel has settled: the server has one session for it, with a
    kernel, and the page's only open kernel connection is to that kernel. JupyterLab sometimes
    starts two kernels for a notebook it opens and shuts one down a moment later; cells queued
    on the one shut down are dropped, so Run All must wait for the switch to be over."""
    deadline = time.monotonic() + timeout
    seen = None
    while True:
        if dialog_text(page):
            clear_known_dialogs(page)
        try:
            sessions = [s for s in api(server, "GET", "api/sessions") or []
                        if s.get("path") == name and s.get("kernel")]
        except (urllib.error.URLError, OSError, ValueError):
            sessions = []
        kernels = {s["kernel"]["id"] for s in sessions}
        seen = (kernels, _open_kernel_ids(watch))
        if len(sessions) == 1 and seen[1] == kernels:
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"{name}: the kernel did not settle within {timeout:.0f} s "
                                 f"(server sessions' kernels, page's open kernel connections): {seen}")
        page.wait_for_timeout(200)
    wait_kernel_idle(page, max(1.0, deadline - time.monotonic()))


def open_menu_item(page, menu: str, item: str) -> None:
    """Open a top menu (Lumino menu bar) and click the enabled item whose label is exactly ``item``
    (another item, e.g. "Run All Cells" vs "Restart Kernel and Run All Cells…", may contain it)."""
    page.locator(".lm-MenuBar").first.wait_for(state="visible")
    label = page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(menu)}$"))
    page.locator(".lm-MenuBar-item", has=label).first.click(timeout=10_000)
    entry = page.locator(".lm-Menu-item:not(.lm-mod-disabled)", has=page.locator(
        ".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}$")))
    entry.first.wait_for(state="visible", timeout=5000)
    entry.first.click()


_PROMPTS_JS = ("[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]"
               ".map(e => (e.textContent || '').trim())")


def wait_notebook_ready(page, code_cells: int, timeout: float = READY_TIMEOUT) -> None:
    """Wait for the notebook's code cells to be in the page and its kernel to be idle, answering
    a "Select Kernel" dialog if JupyterLab shows one meanwhile."""
    wait_until(page, f"n => {_PROMPTS_JS}.length >= n", arg=code_cells, timeout=timeout,
               what="the notebook's cells")
    wait_kernel_idle(page, timeout)
    # Make it the current widget, so the Run menu acts on it. A "Select Kernel" dialog can still
    # open after the kernel looked idle and would take the click: answer it and click again.
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first
    deadline = time.monotonic() + timeout
    while True:
        clear_known_dialogs(page)
        try:
            notebook.click(position={"x": 5, "y": 5}, timeout=5000)
            break
        except Exception as e:          # Playwright's TimeoutError: a dialog in the way, most likely
            if "Timeout" not in type(e).__name__ and "timeout" not in str(e).lower():
                raise
            if time.monotonic() > deadline:
                raise AssertionError(f"the notebook could not be clicked after {timeout:.0f} s"
                                     f" (dialog: {dialog_text(page)!r})") from e
    wait_kernel_idle(page, timeout)    # a kernel chosen in the dialog starts now


def run_all_cells(page, *, menu: str = "Run", item: str = "Run All Cells", attempts: int = 4,
                  timeout: float = READY_TIMEOUT) -> float:
    """Run → Run All Cells; retry when no cell starts running (a lost click). Waits until every
    code cell has an execution count and no ``[*]`` is left; returns the seconds it took."""
    start = time.monotonic()
    before = prompt_states(page)
    for attempt in range(attempts):
        clear_known_dialogs(page)
        try:
            open_menu_item(page, menu, item)
        except Exception:
            if dialog_text(page) and attempt < attempts - 1:
                continue            # answered (or reported) at the top of the loop
            clear_known_dialogs(page)
            page.keyboard.press("Escape")
            if attempt == attempts - 1:
                raise
            continue
        try:
            page.wait_for_function(
                f"before => {{ const now = {_PROMPTS_JS};"
                " return now.some(s => s.includes('*')) ||"
                " (now.length === before.length && now.some((s, i) => s !== before[i])); }",
                arg=before, timeout=8000, polling=100)
            break
        except Exception:
            page.keyboard.press("Escape")
            if attempt == attempts - 1:
                raise AssertionError(f"'{menu} → {item}' did not start any cell after {attempts} tries")
    remaining = max(1.0, timeout - (time.monotonic() - start))
    try:   # queued cells all show [*] at once, so no [*] left means the run is over
        wait_until(page, f"() => {{ const s = {_PROMPTS_JS}; return s.length > 0 && !s.some(t => t.includes('*')); }}",
                   timeout=remaining, what="Run All")
    except AssertionError:
        raise AssertionError(f"cells still running after {timeout:.0f} s: {prompt_states(page)}")
    # A run that stopped early (a cell failed) leaves "[ ]" prompts: problems_in() reports them
    # together with the error that stopped it.
    return time.monotonic() - start


# --- server REST helpers --------------------------------------------------------------------

def api(server: JupyterServer, method: str, path: str, timeout: float = 10):
    req = urllib.request.Request(f"{server.base}/{path.lstrip('/')}", method=method,
                                 headers={"Authorization": f"token {server.token}"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        body = r.read()
    return json.loads(body) if body else None


def shutdown_sessions(server: JupyterServer) -> None:
    """Stop every kernel session, so the next test starts from a fresh kernel."""
    try:
        for s in api(server, "GET", "api/sessions") or []:
            try:
                api(server, "DELETE", f"api/sessions/{s['id']}")
            except (urllib.error.URLError, OSError):
                pass
    except (urllib.error.URLError, OSError, ValueError):
        pass


def lesson_url(server: JupyterServer, name: str) -> str:
    """The address that opens a notebook: JupyterLab's /lab/tree/... (with a reset workspace, so
    earlier tests' tabs are not restored) or Notebook 7's /notebooks/..."""
    if server.kind == "lab":
        return server.url(f"lab/tree/{name}") + "&reset"
    return server.url(f"notebooks/{name}")


# --- reading a notebook file ----------------------------------------------------------------

def code_cells(name: str, folder: Path | None = None) -> list[str]:
    """The code cells' sources of a notebook (by default the repository's copy)."""
    nb = json.loads(((folder or NOTEBOOK_DIR) / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb["cells"] if c["cell_type"] == "code"]


WIDGET_CALL = re.compile(r"\bkit\.(highlighter|sentence_explorer|learner_annotator|bring_your_own|reflection|"
                         r"handout_button|quiz|progress_summary|progress_download|progress_upload|"
                         r"lateral_stop|source_cards|coverage_table|trace_claim|sourced_claim)\s*\(")
PLOT_CALL = re.compile(r"\bkit\.plot_\w+\s*\(")


# --- what the page shows --------------------------------------------------------------------

CELL_SUMMARY_JS = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return [];
  return [...panel.querySelectorAll('.jp-CodeCell')].map((cell, i) => {
    const out = cell.querySelector('.jp-OutputArea');
    const q = sel => out ? [...out.querySelectorAll(sel)] : [];
    const text = out ? (out.textContent || '') : '';
    return {
      index: i,
      prompt: ((cell.querySelector('.jp-InputPrompt') || {}).textContent || '').trim(),
      widgets: q('.jupyter-widgets').length,
      pngs: q('img').filter(im => (im.getAttribute('src') || '').startsWith('data:image/png')).map(im => ({
          alt: im.getAttribute('alt') || '', width: im.naturalWidth, complete: im.complete})),
      errors: q('.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]').map(e => e.textContent.slice(0, 2000)),
      stderr: q('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').map(e => e.textContent.slice(0, 2000)),
      errorBoxes: q('.mlk-note-error').map(e => e.textContent.slice(0, 2000)),
      widgetFailures: ['Error displaying widget', 'Failed to load model class'].filter(t => text.includes(t)),
      text: text.slice(0, 300),
    };
  });
}
"""


def cell_summaries(page) -> list[dict]:
    return page.evaluate(CELL_SUMMARY_JS)


def problems_in(cells: list[dict], sources: list[str]) -> list[str]:
    """Everything a learner should never see after Run All: errors, tracebacks, kind error boxes
    (``kit.setup()`` turns exceptions into those), widgets that failed or never rendered."""
    found = []
    for cell, src in zip(cells, sources):
        where = f"cell {cell['index'] + 1} ({src.strip().splitlines()[-1] if src.strip() else ''!r})"
        if not re.fullmatch(r"\[\d+\]:?", cell["prompt"]):
            found.append(f"{where}: did not run (prompt {cell['prompt']!r}): Run All stopped before it")
        for e in cell["errors"]:
            found.append(f"{where}: error output: {e[:500]}")
        for e in cell["stderr"]:
            if "Traceback" in e:
                found.append(f"{where}: traceback on stderr: {e[:500]}")
        for e in cell["errorBoxes"]:
            found.append(f"{where}: the kit's error box: {' '.join(e.split())[:500]}")
        for e in cell["widgetFailures"]:
            found.append(f"{where}: {e!r} in the output")
        if WIDGET_CALL.search(src) and not cell["widgets"]:
            found.append(f"{where}: creates a widget but no widget view was rendered "
                         f"(output text: {cell['text'][:200]!r})")
        if PLOT_CALL.search(src) and not any(p["complete"] and p["width"] > 0 for p in cell["pngs"]):
            found.append(f"{where}: makes a plot but no PNG <img> is shown")
    if len(cells) != len(sources):
        found.append(f"the page shows {len(cells)} code cells, the notebook file has {len(sources)}")
    return found


def collapse_left_sidebar(page) -> None:
    """Close JupyterLab's file browser so the lesson gets the width (no-op in Notebook 7)."""
    tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if tab.count():
        tab.first.click()


def full_screenshot(page, path: Path, max_height: int = 16000) -> Path:
    """A screenshot of the whole notebook: the viewport is made as tall as the notebook's
    scrolling content (JupyterLab scrolls inside the panel, not the page)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 1280, "height": 900}
    extra = page.evaluate("""() => {
        const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
        return s ? Math.max(0, s.scrollHeight - s.clientHeight) : 0; }""")
    tall = min(max_height, size["height"] + extra + 40)
    page.set_viewport_size({"width": size["width"], "height": tall})
    try:
        page.wait_for_timeout(700)
        page.evaluate("""() => { const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
                                 if (s) s.scrollTop = 0; }""")
        page.wait_for_timeout(300)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


# --- isolation checks -----------------------------------------------------------------------

def notebook_hashes(folder: Path) -> dict[str, str]:
    import hashlib
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.ipynb"))}


def effective_setting(server: JupyterServer, plugin: str, key: str):
    """A setting as the server hands it to the page (user settings over defaults)."""
    data = api(server, "GET", f"lab/api/settings/{plugin}")
    return (data.get("settings") or {}).get(key)


# --- Voila: the lessons as pages without code ----------------------------------------------------

def start_voila(workdir: Path, timeout: float = READY_TIMEOUT) -> JupyterServer:
    """Start Voila (``python -m voila``, tree mode) on a free port with a random token, serving a
    temp copy of ``notebooks/``, its kernels saving progress into ``<home>/progress``."""
    home = workdir / "voila"
    root = home / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, root, ignore=shutil.ignore_patterns(
        "progress", ".ipynb_checkpoints", "handouts", "__pycache__"))
    env = dict(os.environ)
    env.update(_write_settings(home))
    env["PYTHONUNBUFFERED"] = "1"
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    port, token = free_port(), secrets.token_hex(24)
    cmd = [sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
           f"--Voila.token={token}", str(root)]
    log_path = home / "voila.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()
    server = JupyterServer("voila", port, token, root, home, proc, log_path, env)
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited with code {proc.returncode}:\n{server.log()[-4000:]}")
        try:
            with urllib.request.urlopen(server.url("voila/tree"), timeout=5) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"voila did not answer within {timeout:.0f} s:\n{server.log()[-4000:]}")
        time.sleep(0.5)


def wait_voila_page(page, timeout: float = READY_TIMEOUT) -> None:
    """Wait until Voila has run every cell and shows the page (its spinner gone, cells shown)."""
    page.wait_for_function(
        """() => { const c = document.querySelector('#rendered_cells');
                   return c && getComputedStyle(c).display !== 'none'
                          && !document.querySelector('#loading:not([style*="none"])'); }""",
        timeout=timeout * 1000, polling=500)
