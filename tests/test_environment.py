"""The pip side and the Binder side describe the same environment, and Binder can install the kit."""
from __future__ import annotations

import json
import os
import shutil
import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def requirement_lines(name: str, seen=None) -> list[str]:
    """The lines of a requirements file with its ``-r`` includes read in place."""
    seen = set() if seen is None else seen
    if name in seen:
        return []
    seen.add(name)
    out = []
    for line in (ROOT / name).read_text().splitlines():
        bare = line.split("#", 1)[0].strip()
        if bare.startswith("-r "):
            out += requirement_lines(bare[3:].strip(), seen)
        else:
            out.append(line)
    return out


def pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([\w.]+)", line)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def binder_pip_list() -> list[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    return next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)


SERVER_PACKAGES = {"jupyterlab", "notebook", "jupyter-server", "jupyterhub", "jupyterlab-server", "nbclassic"}


def test_binder_installs_the_lesson_packages_voila_and_the_kit_but_keeps_the_images_jupyter_server():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = binder_pip_list()
    assert pins(listed) == pins(requirement_lines("requirements-present.txt"))
    assert "-e ." in [str(x).strip() for x in listed]
    assert not SERVER_PACKAGES & set(pins(listed)), "Binder uses its image's Jupyter server"
    assert not any(isinstance(d, str) and d.split("=")[0] in SERVER_PACKAGES for d in env["dependencies"])
    assert "python=3.11" in env["dependencies"]
    assert pins(requirement_lines("requirements.txt")).items() <= pins(listed).items()


def test_every_runtime_dependency_of_the_package_is_pinned_for_binder():
    pyproject = (ROOT / "pyproject.toml").read_text()
    deps = re.search(r"dependencies = \[(.*?)\]", pyproject, re.S).group(1)
    names = {re.match(r'\s*"([A-Za-z0-9_\-]+)', d).group(1).lower() for d in deps.split(",") if d.strip()}
    pinned = pins(requirement_lines("requirements.txt"))
    assert names <= set(pinned), names - set(pinned)
    assert {"ipywidgets", "ipykernel", "nltk", "matplotlib"} <= set(pinned)


def test_make_lab_installs_jupyterlab_and_the_lessons_but_no_test_tools():
    lab = pins(requirement_lines("requirements-lab.txt"))
    assert "jupyterlab" in lab and pins(requirement_lines("requirements.txt")).items() <= lab.items()
    assert not {"pytest", "playwright", "hypothesis", "axe-playwright-python", "nbclient"} & set(lab)
    dev = pins(requirement_lines("requirements-dev.txt"))
    assert lab.items() <= dev.items() and {"pytest", "playwright", "voila"} <= set(dev)


def test_installed_versions_are_the_pinned_ones():
    from importlib.metadata import version

    for name, pinned in pins(requirement_lines("requirements-dev.txt")).items():
        assert version(name) == pinned, name


def _lowest_python(spec: str | None) -> tuple[int, int]:
    found = re.findall(r">=\s*(\d+)\.(\d+)", spec or "")
    return max(((int(a), int(b)) for a, b in found), default=(3, 0))


def test_requires_python_is_the_oldest_python_every_pinned_package_accepts():
    from importlib.metadata import metadata

    needed = max(_lowest_python(metadata(name).get("Requires-Python"))
                 for name in pins(requirement_lines("requirements-lab.txt")))
    declared = re.search(r'requires-python = "([^"]+)"', (ROOT / "pyproject.toml").read_text()).group(1)
    assert declared == f">={needed[0]}.{needed[1]}"
    # make lab checks for the same version before it builds anything.
    script = (ROOT / "tools" / "venv.sh").read_text()
    assert f"MIN_MAJOR={needed[0]}" in script and f"MIN_MINOR={needed[1]}" in script


def test_binder_needs_no_postbuild_script():
    # postBuild ran `pip install -e .` without build isolation, which needs setuptools in the
    # image; the kit is installed from environment.yml's pip list instead.
    assert not (ROOT / "postBuild").exists()


def test_there_is_no_binder_folder_that_would_hide_the_root_environment_file():
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make lab" in readme
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(), re.M)


def test_the_package_needs_no_nltk_data(tmp_path):
    code = ("import nltk; nltk.data.path[:] = []; from lessons import annotate; "
            "print(len(annotate('Officials said the toll may rise. NBC News could not verify it.')))")
    env = dict(os.environ, NLTK_DATA=str(tmp_path))
    out = subprocess.run([os.sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 0


def test_make_lab_opens_lesson_zero_and_works_as_root_too():
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    out = subprocess.run(["make", "--no-print-directory", "-n", "lab"], cwd=ROOT, capture_output=True,
                         text=True, env=env)   # also when the suite itself runs under `make test`
    assert out.returncode == 0, out.stderr
    command = out.stdout.strip().splitlines()[-1]
    assert "jupyter lab" in command and command.endswith("notebooks/00-start-here.ipynb")
    assert ("--allow-root" in command) == (os.getuid() == 0)


# --- make lab with a Python that is too old, and a .venv that does not work -------------------

FAKE_OLD_PYTHON = """#!/bin/sh
# Stands in for an old Python: answers the version questions tools/venv.sh asks like Python 3.9.
case "$*" in
  *"print("*) echo 3.9 ;;
  *) exit 1 ;;
esac
"""


def _make_copy(tmp_path: Path) -> Path:
    work = tmp_path / "kit"
    work.mkdir()
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, work / name)
    for req in ROOT.glob("requirements*.txt"):
        shutil.copy(req, work / req.name)
    shutil.copytree(ROOT / "tools", work / "tools")
    old = tmp_path / "python3.9"
    old.write_text(FAKE_OLD_PYTHON)
    old.chmod(0o755)
    return work


def _make(work: Path, target: str, python: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return subprocess.run(["make", "--no-print-directory", target, f"PYTHON={python}"], cwd=work,
                          capture_output=True, text=True, env=env, timeout=120)


def test_make_lab_with_a_too_old_python_says_in_one_sentence_what_to_install_and_stops(tmp_path):
    work = _make_copy(tmp_path)
    out = _make(work, "lab", tmp_path / "python3.9")
    assert out.returncode != 0
    ours = [line for line in out.stderr.splitlines() if not line.startswith("make: ")]
    assert len(ours) == 1, out.stderr
    sentence = ours[0]
    assert "needs Python 3.11 or newer" in sentence and "is Python 3.9" in sentence
    assert "install" in sentence and "PYTHON=python3." in sentence and "make lab" in sentence
    assert sentence.count(". ") == 0 and sentence.endswith(".")   # one sentence
    assert not (work / ".venv").exists(), "nothing is half-made"
    assert "jupyter" not in out.stdout


def test_a_venv_that_does_not_work_is_removed_not_kept(tmp_path):
    work = _make_copy(tmp_path)
    broken = work / ".venv" / "bin"
    broken.mkdir(parents=True)
    (broken / "python").write_text("#!/bin/sh\nexit 1\n")   # e.g. its Python was removed
    (broken / "python").chmod(0o755)
    (work / ".venv" / ".installed-lab").touch()
    out = _make(work, "lab", tmp_path / "python3.9")
    assert "Rebuilding .venv/" in out.stderr
    assert not (work / ".venv").exists()      # then the too-old Python stopped it, as above
    assert "needs Python 3.11 or newer" in out.stderr


def test_the_browser_hint_fits_the_operating_system():
    script = (ROOT / "tools" / "ensure-chromium.sh").read_text()
    assert "Darwin" in script and "brew install" in script and "apt-get install" in script


# --- Binder and a JupyterHub, simulated: a fresh environment without setuptools ------------------

NETWORK_TROUBLE = re.compile(r"NewConnectionError|Failed to establish|Temporary failure in name resolution|"
                             r"No matching distribution found|Could not find a version", re.I)
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache",
                                     ".hypothesis", "test-artifacts", "progress", "handouts", "build")


def _run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)


def _pip(python: Path, *args, cwd: Path):
    out = _run([python, "-m", "pip", "install", "--disable-pip-version-check", *args], cwd=cwd, timeout=1200)
    if out.returncode != 0:
        if NETWORK_TROUBLE.search(out.stdout + out.stderr):
            pytest.skip(f"the package index cannot be reached: {out.stderr.strip()[-300:]}")
        raise AssertionError(f"pip install {' '.join(args)} failed:\n{(out.stdout + out.stderr)[-3000:]}")


def _kernel_env(tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["MLK_PROGRESS_DIR"] = str(tmp / "progress")
    env["MPLCONFIGDIR"] = str(tmp / "matplotlib")
    return env


def _run_notebook(path: Path, python: Path, tmp: Path):
    """Run a notebook in a kernel of ``python`` (not the test runner's), from the notebook's folder."""
    import nbformat
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    specs = tmp / "kernels"
    (specs / "fresh").mkdir(parents=True, exist_ok=True)
    (specs / "fresh" / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "fresh environment", "language": "python"}))
    km = KernelManager(kernel_name="fresh", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(specs)]))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, km=km, timeout=180, startup_timeout=180, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=_kernel_env(tmp), cwd=str(path.parent))
    return nb


def _outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts += [data.get("text/plain", ""), data.get("text/html", "")]
    return "\n".join(parts)


def _assert_ran_cleanly(nb, name: str):
    from test_notebooks import _problems

    assert _problems(nb) == [], name
    assert "cannot find the kit" not in _outputs_text(nb), f"{name}: the kit was not found"
    not_run = [c.source for c in nb.cells if c.cell_type == "code" and not c.get("execution_count")]
    assert not not_run, f"{name}: cells that did not run: {not_run[:2]}"


@pytest.mark.slow
def test_a_hub_with_only_the_runtime_packages_and_binder_from_environment_yml_both_run_the_lessons(tmp_path):
    """What repo2docker does with environment.yml, and what a JupyterHub with nbgitpuller has.

    1. A fresh Python environment without setuptools (Binder's image need not have it).
    2. Hub: only the packages environment.yml pins (no kit installed); every lesson runs from the
       repository's ``notebooks/`` folder, finding the kit beside it.
    3. Binder: the rest of environment.yml's pip list (``-e .``), then postBuild if there is one;
       the kit imports from anywhere and lesson 0 runs.
    """
    pytest.importorskip("nbclient")
    from lessons import load_article

    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=COPY_IGNORE)
    env_dir = tmp_path / "env"
    made = _run([os.sys.executable, "-m", "venv", env_dir], timeout=300)
    assert made.returncode == 0, made.stderr
    python = env_dir / "bin" / "python"
    _run([python, "-m", "pip", "uninstall", "--yes", "setuptools"], timeout=300)
    assert _run([python, "-c", "import setuptools"]).returncode != 0, "setuptools is still there"

    listed = [str(x).strip() for x in binder_pip_list()]
    packages = [x for x in listed if not x.startswith("-")]
    _pip(python, *packages, cwd=repo)
    not_installed = _run([python, "-c", "import lessons"], cwd=tmp_path, env=_kernel_env(tmp_path))
    assert not_installed.returncode != 0, "the kit must not be installed for the hub part"
    lessons_run = sorted((repo / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert lessons_run
    for path in lessons_run:
        _assert_ran_cleanly(_run_notebook(path, python, tmp_path), f"hub: {path.name}")

    # A lesson copied out on its own, with no kit beside it or installed: a plain message, no traceback.
    alone = tmp_path / "Downloads"
    alone.mkdir()
    for name in ("find_kit.py", "01-anatomy.ipynb"):
        shutil.copy(repo / "notebooks" / name, alone / name)
    nb = _run_notebook(alone / "01-anatomy.ipynb", python, tmp_path)
    first = nb.cells[[c.cell_type for c in nb.cells].index("code")]
    shown = _outputs_text(nb)
    assert "cannot find the kit" in shown and "Download" in shown
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert "Traceback" not in shown and "ModuleNotFoundError" not in shown
    assert "cannot find the kit" in _outputs_text(type(nb)(cells=[first]))

    options = [x for x in listed if x.startswith("-")]
    requirements = tmp_path / "binder-pip.txt"          # conda hands pip a file the same way
    requirements.write_text("\n".join(listed) + "\n")
    assert options, "environment.yml installs the kit"
    _pip(python, "-r", requirements, cwd=repo)
    if (repo / "postBuild").exists():
        post = _run(["bash", repo / "postBuild"], cwd=repo, timeout=600,
                    env=dict(_kernel_env(tmp_path), PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}"))
        assert post.returncode == 0, post.stdout + post.stderr
    where = _run([python, "-c", "import lessons; print(lessons.__file__)"], cwd=tmp_path, env=_kernel_env(tmp_path))
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).resolve().is_relative_to(repo.resolve())

    nb = _run_notebook(repo / "notebooks" / "00-start-here.ipynb", python, tmp_path)
    _assert_ran_cleanly(nb, "binder: 00-start-here")
    assert load_article().headline in _outputs_text(nb)



def test_the_presentation_links_are_documented_and_make_present_serves_the_lessons_with_voila():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make present" in readme and "urlpath=voila/render/notebooks/01-anatomy.ipynb" in readme
    assert (ROOT / "notebooks" / "01-anatomy.ipynb").exists()
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    out = subprocess.run(["make", "--no-print-directory", "-n", "present"], cwd=ROOT, capture_output=True,
                         text=True, env=env)
    command = out.stdout.strip().splitlines()[-1]
    assert "voila" in command and "--token" in command and command.endswith(" notebooks")
    assert "127.0.0.1" in command


def test_the_readme_states_the_measured_first_make_lab_time_not_a_guess():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "about 30 seconds" not in readme
    assert re.search(r"first `make lab` took \*\*\d+( to \d+)? seconds\*\*", readme)
