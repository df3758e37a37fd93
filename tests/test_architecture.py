"""The package's shape: modules import each other without cycles, learner state knows no views,
tooling stays outside, and no module grows past 500 lines.

Imports are read from the source (every ``import`` and ``from ... import`` statement, including
those inside functions), not by importing, so a cycle hidden in a function body counts too.
"""
from __future__ import annotations

import ast
import re
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


# --- one figure detector, one speaker finder ------------------------------------------------------

FIGURE_DETECTOR = "lessons.annotator.figures"
CASUALTY_WORDS = ("kill", "dead", "death", "died", "casualt", "wounded", "injur", "toll", "victim")
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
FIGURE_SECTIONS = ("casualty_figures", "chart_figures", "toll_figures", "counted_numbers", "figure_numbers")


def casualty_patterns_in(path: Path) -> list[str]:
    """Regular expressions written in ``path`` (a string literal given to ``re.compile``,
    ``re.search`` ...) that mention a word about the dead: a figure detector of its own."""
    return [f"line {line}: {' '.join(texts)[:60]}" for line, texts in regex_literals(path)
            if any(w in t.lower() for t in texts for w in CASUALTY_WORDS)]


def figure_sections_read_in(path: Path) -> list[str]:
    """The figure sections of reading.yaml that ``path`` names in a string literal, other than in
    the list the rules loader passes on to the detector (``FIGURE_SECTIONS = (...)``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    passed_on = {id(n) for a in ast.walk(tree) if isinstance(a, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "FIGURE_SECTIONS" for t in a.targets)
                 for n in ast.walk(a.value)}
    return sorted({n.value for n in ast.walk(tree)
                   if isinstance(n, ast.Constant) and n.value in FIGURE_SECTIONS and id(n) not in passed_on})


def test_the_check_for_a_second_figure_detector_finds_one(tmp_path):
    second = tmp_path / "second.py"
    second.write_text('import re\nTOLL = re.compile(r"(\\d+) (?:people )?killed")\n'
                      'FIGURE_SECTIONS = ("toll_figures",)\n'
                      'def f(rules):\n    return rules["casualty_figures"]\n', encoding="utf-8")
    assert casualty_patterns_in(second) and figure_sections_read_in(second) == ["casualty_figures"]
    speaker = tmp_path / "speaker.py"
    speaker.write_text('import re\nWHO = re.compile(r"(\\w+) said")\n', encoding="utf-8")
    assert attribution_patterns_in(speaker)


def test_only_the_figure_detector_has_patterns_for_casualty_figures():
    """annotator/figures.py is the one place that finds numbers of dead: no other module writes a
    pattern about killing or deaths, or reads the figure sections of reading.yaml (the rules
    schema, which checks their shape, aside; the rules loader only passes them on)."""
    own = {}
    for name, path in modules().items():
        if name == FIGURE_DETECTOR:
            continue
        patterns = casualty_patterns_in(path)
        sections = [] if name == "lessons.annotator.schema" else figure_sections_read_in(path)
        if patterns or sections:
            own[name] = patterns + sections
    assert not own, own
    assert figure_sections_read_in(modules()[FIGURE_DETECTOR]) == sorted(FIGURE_SECTIONS)


def test_views_take_speakers_from_the_annotator_and_write_no_attribution_pattern():
    """The charts and every view ask the annotator's analysis who speaks: no view writes a
    pattern with a reporting verb ("said", "according to") of its own."""
    own = {name: attribution_patterns_in(path) for name, path in modules().items() if name.startswith("lessons.views")}
    assert not {name: lines for name, lines in own.items() if lines}, own


def regex_literals(path: Path):
    """(line, the string literals of the pattern) for every ``re.compile(...)``, ``re.search(...)`` ... in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_CALLS \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args:
            yield node.lineno, [n.value for n in ast.walk(node.args[0]) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def attribution_patterns_in(path: Path) -> list[int]:
    """Lines of ``path`` with a regular expression naming a reporting verb: a speaker finder of its own."""
    verbs = ("said", "says", "according to", "claimed", "reported")
    return [line for line, texts in regex_literals(path) if any(v in t.lower() for t in texts for v in verbs)]


# --------------------------------------------------------------------------- one stylesheet

INLINE_STYLE = re.compile(r"""\bstyle\s*=\s*["']""")
ALLOWED_INLINE_STYLES = {
    # module: (how many, why)
    "views/charts.py": (1, "the chart image is scaled to the output's width where it is made"),
}
"""Inline ``style=`` attributes allowed in views and render modules; any other look is a class of
``lessons/render/stylesheet.py``."""


def html_strings(path: Path) -> list[str]:
    """Every string constant in a module, the literal parts of f-strings included."""
    return [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_the_scan_finds_an_inline_style_in_an_f_string_and_not_a_keyword(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("x = 1\nW(style=label_style(), button_style='primary')\n"
                      "h = f\"<p style='margin:0'>{x}</p>\"\n")
    assert sum(len(INLINE_STYLE.findall(s)) for s in html_strings(module)) == 1


def test_views_and_render_modules_use_stylesheet_classes_not_inline_styles():
    found = {}
    for path in sorted([*(PACKAGE / "views").glob("*.py"), *(PACKAGE / "render").glob("*.py")]):
        count = sum(len(INLINE_STYLE.findall(s)) for s in html_strings(path))
        name = path.relative_to(PACKAGE).as_posix()
        if count > ALLOWED_INLINE_STYLES.get(name, (0, ""))[0]:
            found[name] = count
    assert found == {}, "inline styles: give them a class in lessons/render/stylesheet.py"


def test_every_view_class_used_is_in_the_stylesheet_and_every_one_there_is_used():
    from lessons.render.stylesheet import VIEW_CLASSES

    defined = set(VIEW_CLASSES)
    used = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "stylesheet.py":
            continue
        for s in html_strings(path):
            used |= set(re.findall(r"\bmlk-ui-[a-z0-9-]+\b", s))
    assert {c for c in used if c not in defined} == set()
    assert {c for c in defined if c.startswith("mlk-ui-")} - used == set()
