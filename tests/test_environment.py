"""The pip side and the Binder side describe the same environment, and Binder can install the kit."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([\w.]+)", line)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_environment_yml_pins_exactly_what_requirements_txt_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    assert pins(pip_section) == pins((ROOT / "requirements.txt").read_text().splitlines())
    assert "python=3.11" in env["dependencies"]


def test_every_runtime_dependency_of_the_package_is_pinned_for_binder():
    pyproject = (ROOT / "pyproject.toml").read_text()
    deps = re.search(r"dependencies = \[(.*?)\]", pyproject, re.S).group(1)
    names = {re.match(r'\s*"([A-Za-z0-9_\-]+)', d).group(1).lower() for d in deps.split(",") if d.strip()}
    pinned = pins((ROOT / "requirements.txt").read_text().splitlines())
    assert names <= set(pinned), names - set(pinned)
    assert {"jupyterlab", "ipywidgets", "nltk", "matplotlib"} <= set(pinned)


def test_installed_versions_are_the_pinned_ones():
    from importlib.metadata import version

    for name, pinned in pins((ROOT / "requirements.txt").read_text().splitlines()).items():
        assert version(name) == pinned, name


def test_postbuild_is_an_executable_valid_shell_script_that_installs_the_package():
    post = ROOT / "postBuild"
    assert os.access(post, os.X_OK)
    assert "pip install" in post.read_text() and " ." in post.read_text()
    assert subprocess.run(["bash", "-n", str(post)]).returncode == 0


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
