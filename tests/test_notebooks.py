"""Every lesson notebook runs from top to bottom in a real kernel without an error, and running
each cell twice in a row is harmless (learners press Shift+Enter more than once)."""
from __future__ import annotations

import copy
import html
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebooks

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
CELL_TIMEOUT = 60


def _requirements():
    for module in ("ipykernel", "nbclient", "nbformat"):
        pytest.importorskip(module, reason=f"{module} is not installed, so the notebooks cannot be run "
                                           "(install the dev requirements: make test)")


def _error_box_marker() -> str:
    """The HTML class of the kind error box that ``kit.setup()`` shows instead of a traceback.

    After ``kit.setup()`` an exception in a cell becomes this box rather than an error output,
    so the box is what a test must look for.
    """
    from lessons.views.messages import note_html

    return re.search(r'class="([^"]+)"', note_html("error", "x")).group(1)


def _problems(nb) -> list[str]:
    """Error outputs, kind error boxes, and tracebacks that reached a learner's screen any other way."""
    marker = _error_box_marker()
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            page = out.get("data", {}).get("text/html", "") if kind in ("display_data", "execute_result") else ""
            if kind == "error":
                found.append(f"{cell.source!r}: {out.get('ename')}: {out.get('evalue')}")
            elif marker in page:
                detail = html.unescape(re.sub(r"<[^>]+>", " ", page))
                found.append(f"{cell.source!r}: error box: {' '.join(detail.split())[-400:]}")
            elif kind == "stream" and "Traceback" in out.get("text", ""):
                found.append(f"{cell.source!r}: traceback on {out.get('name')}")
    return found


def _run(nb, tmp_path: Path):
    from nbclient import NotebookClient

    env_before = os.environ.get("MLK_PROGRESS_DIR")
    os.environ["MLK_PROGRESS_DIR"] = str(tmp_path / "progress")
    try:
        client = NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT, allow_errors=True,
                                resources={"metadata": {"path": str(ROOT / "notebooks")}})
        client.execute()
    finally:
        if env_before is None:
            os.environ.pop("MLK_PROGRESS_DIR", None)
        else:
            os.environ["MLK_PROGRESS_DIR"] = env_before
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_from_top_to_bottom_without_errors(path, tmp_path):
    _requirements()
    import nbformat

    nb = _run(nbformat.read(path, as_version=4), tmp_path)
    assert _problems(nb) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_running_every_cell_twice_in_a_row_is_harmless(path, tmp_path):
    _requirements()
    import nbformat

    nb = nbformat.read(path, as_version=4)
    doubled = []
    for cell in nb.cells:
        doubled.append(cell)
        if cell.cell_type == "code":
            again = copy.deepcopy(cell)
            again["id"] = f"{cell['id']}-again"
            doubled.append(again)
    nb.cells = doubled
    nb = _run(nb, tmp_path)
    assert _problems(nb) == []
