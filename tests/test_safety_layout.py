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
