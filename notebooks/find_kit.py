"""Make a lesson use the kit that came with it: the ``lessons`` folder beside this ``notebooks`` folder.

Every lesson's first cell runs ``import find_kit`` before ``import lessons as kit``. It puts the
folder that holds this ``notebooks/`` folder first on Python's search path, so a lesson always
uses the code and word lists that came with it (cloned, downloaded, or pulled onto a JupyterHub
with nbgitpuller), never an older copy installed somewhere else. Nothing needs installing but the
packages in ``requirements.txt``.

When there is no ``lessons`` folder beside the notebooks (a lesson copied out on its own) and no
installed kit either, it says in plain words what to do, instead of a traceback.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

MISSING = ("This lesson cannot find the kit. A lesson needs the whole kit around it: the "
           "'notebooks' folder it is in, and next to that folder, the 'lessons' folder. Download "
           "(or pull) the whole kit again and open the lesson from its 'notebooks' folder, or ask "
           "your teacher.")


def kit_folder() -> Path | None:
    """The folder holding ``lessons/__init__.py``: beside this file's folder, or beside the
    working directory (a lesson opened from elsewhere with this file next to it)."""
    for folder in (HERE.parent, Path.cwd().parent, Path.cwd()):
        if (folder / "lessons" / "__init__.py").is_file():
            return folder.resolve()
    return None


def _use(folder: Path) -> None:
    path = str(folder)
    while path in sys.path:
        sys.path.remove(path)
    sys.path.insert(0, path)
    loaded = sys.modules.get("lessons")
    origin = getattr(loaded, "__file__", None) or ""
    if loaded is not None and not Path(origin).resolve().is_relative_to(folder / "lessons"):
        # Another copy was imported earlier in this kernel: forget it, so the next import is ours.
        for name in [n for n in sys.modules if n == "lessons" or n.startswith("lessons.")]:
            del sys.modules[name]


def _explain() -> None:
    """Say what to do, once, and turn the ``import lessons`` error that follows into that message."""
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is None:
        print(MISSING, file=sys.stderr)
        return
    box = ('<div role="alert" style="border-left:4px solid #b45309;background:#fff7ed;color:#1f2937;'
           'padding:0.6em 1em;margin:0.3em 0"><strong>The kit is missing.</strong> '
           f"{html.escape(MISSING)}</div>")
    display(HTML(box))

    def about_the_missing_kit(shell, etype, value, tb, tb_offset=None):
        name = str(getattr(value, "name", None) or "")
        if (isinstance(value, ImportError) and (name == "lessons" or name.startswith("lessons."))) \
                or (isinstance(value, NameError) and name in ("kit", "lk")):
            display(HTML(box))      # the cells after the first one use the kit too
            return None
        return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)

    shell.set_custom_exc((ImportError, NameError), about_the_missing_kit)


_found = kit_folder()
if _found is not None:
    _use(_found)
else:
    try:
        import lessons  # noqa: F401  (an installed kit, when there is no folder beside the notebooks)
    except ImportError:
        _explain()
