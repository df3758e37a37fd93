"""The browser harness copes with what a slow, busy machine makes JupyterLab do: a "Select Kernel"
dialog when the notebook's kernel cannot be started at once is answered, and the lesson runs."""
from __future__ import annotations

import json

import pytest

import jupyter_harness as h
from lesson_checks import run_lesson

pytestmark = pytest.mark.browser


def test_a_select_kernel_dialog_is_answered_and_the_lesson_still_runs(lab_server, tab):
    # A notebook that names no kernel makes JupyterLab ask for one: the same
    # dialog it shows when its kernel list arrives after the notebook on a loaded machine.
    nb = json.loads((lab_server.root_dir / "00-start-here.ipynb").read_text(encoding="utf-8"))
    nb["metadata"].pop("kernelspec", None)
    nb["metadata"].pop("language_info", None)
    name = "zz-select-kernel.ipynb"
    (lab_server.root_dir / name).write_text(json.dumps(nb), encoding="utf-8")
    before = len(h.HANDLED_DIALOGS)
    try:
        sources, cells, _took = run_lesson(tab, lab_server, name)
    finally:
        (lab_server.root_dir / name).unlink()
    assert any("Select Kernel" in d or "kernel" in d.lower() for d in h.HANDLED_DIALOGS[before:]), h.HANDLED_DIALOGS
    assert not h.problems_in(cells, sources)
