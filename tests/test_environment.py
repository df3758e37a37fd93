"""The pip side and the Binder side describe the same environment, and Binder can install the kit."""
from __future__ import annotations

import os
import shutil
import re
import subprocess
from pathlib import Path

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
