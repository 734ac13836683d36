"""The shape of the package: no import cycles (imports inside functions count), and a core that
knows nothing of the command line (no typer, no rich outside ``cli/`` and ``render/``)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "campana"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every module ``path`` imports anywhere in it (top level, functions, TYPE_CHECKING)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            # ``from campana.cli import validate_cmd`` imports the submodule (a parent package
            # runs for every import of its modules, so it is not an edge of its own)
            subs = {f"{module}.{a.name}" for a in node.names} & known
            found.update(subs)
            if len(subs) < len(node.names):
                found.add(module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {
        name: {m for m in _imports(path, name, known) if m in known and m != name}
        for name, path in modules.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_walker_sees_imports_inside_functions_and_cycles() -> None:
    graph = _graph()
    # loading imports the checks inside a function: the walker must see it
    assert "campana.checks" in graph["campana.loading"] or any(
        m.startswith("campana.checks.") for m in graph["campana.loading"]
    )
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_package_has_no_import_cycle() -> None:
    # the CLI too: the app imports the commands, which import the decorator from cli.base
    assert _cycles(_graph()) == []


def test_the_core_has_no_import_cycle() -> None:
    graph = _graph()
    core = {
        name: {m for m in deps if not m.startswith(("campana.cli", "campana.render"))}
        for name, deps in graph.items()
        if not name.startswith(("campana.cli", "campana.render"))
    }
    assert _cycles(core) == []


def test_the_core_imports_neither_typer_nor_rich() -> None:
    offenders = []
    for name, path in _modules().items():
        if name.startswith(("campana.cli", "campana.render")):
            continue
        for module in _imports(path, name, set()):
            if module.split(".")[0] in ("typer", "rich", "click"):
                offenders.append(f"{name} imports {module}")
    assert offenders == []


# --- renderers compute nothing (issue 17) -----------------------------------------------------

#: the core modules that compute answers; a renderer formats their results
COMPUTING = (
    "campana.agenda",
    "campana.cache",
    "campana.checks",
    "campana.diff",
    "campana.gantt",
    "campana.ine",
    "campana.loading",
    "campana.queries",
    "campana.report",
    "campana.validation",
    "campana.veda",
)

#: the renderers that draw on a time axis: a date's distance from the axis start is a position
DRAWING = {
    "campana.render.gantt",
    "campana.render.grid",
    "campana.render.pdf",
    "campana.render.slides",
}

#: the wording helpers that live beside the computation (text in, text out)
WORDING = {
    ("campana.ine", "scenario_label"),
    ("campana.agenda", "relative_day"),
    ("campana.diff", "shorten"),
}


def _runtime_imports(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    """The imports a module runs: everywhere but under ``if TYPE_CHECKING:``."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom) and id(n) not in skipped
    ]


def _computing(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in COMPUTING)


def _render_offences(name: str, path: Path) -> list[str]:
    """What in a renderer computes: a function of a computing module imported at run time
    (classes, constants and ``WORDING`` are fine; types under TYPE_CHECKING too), or a call
    of ``span_days`` (a day count is the result's to hold)."""
    import importlib

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in _runtime_imports(tree):
        if isinstance(node, ast.Import):
            found += [f"{name} imports {a.name}" for a in node.names if _computing(a.name)]
            continue
        module = node.module or ""
        if not _computing(module):  # ``from campana import loading``: a computing module
            found += [
                f"{name} imports {module}.{a.name}"
                for a in node.names
                if _computing(f"{module}.{a.name}")
            ]
            continue
        source = importlib.import_module(module)
        for alias in node.names:
            value = getattr(source, alias.name, None)
            if isinstance(value, type) or alias.name.isupper() or (module, alias.name) in WORDING:
                continue
            found.append(f"{name} imports {module}.{alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called == "span_days":
                found.append(f"{name} calls span_days (line {node.lineno})")
        if (
            name not in DRAWING
            and isinstance(node, ast.Attribute)
            and node.attr == "days"
            and isinstance(node.value, ast.BinOp)
            and isinstance(node.value.op, ast.Sub)
        ):
            found.append(f"{name} counts days between dates (line {node.lineno})")
    return found


def test_renderers_compute_nothing() -> None:
    """A renderer (``render/``) formats what a result object holds: it imports from the
    computing core only classes and constants at run time, never a function that computes
    (the schedule, a brief, the veda report, an INE status, the chart's data...), and counts
    no days itself."""
    offences = [
        offence
        for name, path in _modules().items()
        if name.startswith("campana.render")
        for offence in _render_offences(name, path)
    ]
    assert offences == []


def test_the_renderer_check_sees_an_offence(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from typing import TYPE_CHECKING\n"
        "from campana.queries import Row, brief\n"
        "from campana.ine import scenario_label\n"
        "from campana.dates import span_days\n"
        "if TYPE_CHECKING:\n"
        "    from campana.veda import veda_report\n"
        "def f(a, b):\n"
        "    from campana import loading\n"
        "    import campana.gantt\n"
        "    return span_days(a, b) + (b - a).days\n",
        encoding="utf-8",
    )
    assert _render_offences("bad", bad) == [
        "bad imports campana.queries.brief",
        "bad imports campana.loading",
        "bad imports campana.gantt",
        "bad calls span_days (line 10)",
        "bad counts days between dates (line 10)",
    ]
