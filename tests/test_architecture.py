"""The package's shape: modules import each other without cycles, learner state knows no views,
tooling stays outside, and no module grows past 500 lines.

Imports are read from the source (every ``import`` and ``from ... import`` statement, including
those inside functions), not by importing, so a cycle hidden in a function body counts too.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lessons"
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "data" not in p.relative_to(PACKAGE).parts[:-1]}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The kit's modules that ``name`` imports anywhere in its source."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            stem = ".".join(base + ([node.module] if node.module else []))
            # "from . import x" may name a submodule x or a name defined in the package.
            targets = [f"{stem}.{a.name}" if f"{stem}.{a.name}" in known else stem for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in known:        # "lessons.text.article.Article" -> the module
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {n: imports_of(n, p, set(mods)) for n, p in mods.items()}


def find_cycle(g: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as a path that returns to its start), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {n: WHITE for n in g}
    stack: list[str] = []

    def visit(n):
        colour[n] = GREY
        stack.append(n)
        for m in sorted(g[n]):
            if colour[m] == GREY:
                return stack[stack.index(m):] + [m]
            if colour[m] == WHITE and (c := visit(m)):
                return c
        stack.pop()
        colour[n] = BLACK
        return None

    for n in sorted(g):
        if colour[n] == WHITE and (c := visit(n)):
            return c
    return None


def reachable(g: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for m in g[todo.pop()]:
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return seen


def test_the_cycle_finder_finds_a_cycle_through_an_import_inside_a_function(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import x\n")
    (pkg / "b.py").write_text("def x():\n    from . import a\n")
    known = {"pkg", "pkg.a", "pkg.b"}
    g = {"pkg": set(), "pkg.a": {"pkg.b"},
         "pkg.b": imports_of("pkg.b", pkg / "b.py", known)}
    assert g["pkg.b"] == {"pkg.a"}
    assert find_cycle(g) == ["pkg.a", "pkg.b", "pkg.a"]


def test_no_module_of_the_package_imports_itself_back_through_others():
    assert find_cycle(graph()) is None


def test_learner_state_and_the_pipeline_below_the_views_import_no_view():
    g = graph()
    for start in g:
        if start.startswith(("lessons.learner", "lessons.text", "lessons.annotator", "lessons.scoring",
                             "lessons.render")):
            views = sorted(m for m in reachable(g, start) if m.startswith("lessons.views"))
            assert not views, f"{start} reaches {views}"


def test_developer_tooling_is_not_part_of_the_learners_package():
    for name, path in modules().items():
        assert "tools" not in imports_of(name, path, set(modules()) | {"tools"}), name
    assert not (PACKAGE / "bench.py").exists() and not (PACKAGE / "notebooks.py").exists()


def test_no_module_is_longer_than_500_lines():
    long = {n: len(p.read_text(encoding="utf-8").splitlines()) for n, p in modules().items()}
    assert {n: k for n, k in long.items() if k > MAX_LINES} == {}
