"""The project's promises about itself: help for every command, schema in step, README and CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from campana import __version__
from campana.cli.app import app
from campana.schema import schema_json
from conftest import ROOT, Invoke


def _command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return list(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_spanish_help(cli: Invoke) -> None:
    names = _command_names()
    assert {"validate", "schema"} <= set(names)
    top = cli("--help")
    assert top.exit_code == 0
    assert top.stdout.startswith("Uso: campana [OPCIONES] COMANDO [ARGS]...")
    for name in names:
        r = cli(name, "--help")
        assert r.exit_code == 0, name
        assert r.stdout.startswith(f"Uso: campana {name}"), name
        assert "Muestra esta ayuda y sale." in r.stdout, name
        assert "Show this message" not in r.stdout and "Options:" not in r.stdout, name
        body = r.stdout.split("\n\n", 2)[1].strip()
        assert len(body) > 20, f"{name} has no help text"
        assert name in top.stdout


def test_help_fits_80_columns(cli: Invoke) -> None:
    for name in ["", *_command_names()]:
        args = [name, "--help"] if name else ["--help"]
        for line in cli(*args, columns=80).stdout.splitlines():
            assert len(line) <= 100, line  # click wraps at the width, long words excepted


def test_version(cli: Invoke) -> None:
    r = cli("--version")
    assert (r.exit_code, r.stdout, r.stderr) == (0, f"campana {__version__}\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "error: no existe el comando «nope»"),
        (["validate", "--bogus"], "error: no existe la opción --bogus"),
        (["validate", "--format"], "error: la opción «--format» necesita un valor"),
        (["schedule", "--year", "abc"], "error: valor no válido para «--year / -y»: «abc» no es"),
        (["show"], "error: falta el argumento «ID»"),
    ],
)
def test_usage_errors_are_spanish_and_exit_2(cli: Invoke, args: list[str], message: str) -> None:
    r = cli(*args)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert message in r.stderr
    assert "sugerencia: prueba «campana" in r.stderr
    assert "Usage" not in r.stderr and "Error:" not in r.stderr


@pytest.mark.parametrize(("which", "path"), [("plan", "campaigns"), ("audience", "audience")])
def test_committed_schema_is_the_generated_one(which: str, path: str) -> None:
    committed = (ROOT / "schema" / f"{path}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(which), (  # type: ignore[arg-type]
        f"schema/{path}.schema.json is stale: run `campana schema {which} > "
        f"schema/{path}.schema.json`"
    )


def test_data_files_name_their_schema() -> None:
    for data, schema in (("campaigns", "campaigns"), ("audience", "audience")):
        first = (ROOT / "data" / f"{data}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{schema}.schema.json"


def test_schema_command(cli: Invoke) -> None:
    r = cli("schema")
    assert r.exit_code == 0 and r.stdout == schema_json("plan")
    assert cli("schema", "audience").stdout == schema_json("audience")
    bad = cli("schema", "otro")
    assert bad.exit_code == 2 and "plan, audience" in bad.stderr


def test_readme_commands_and_ci_agree() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    run_line, test_line = block.group(1).strip().splitlines()
    assert run_line.startswith(
        "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/campana "
    )
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_line in ci.splitlines(), "the README's test command must be what CI runs"
    assert ".venv/bin/campana validate" in ci


def test_shipped_plan_is_found_from_any_folder(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from campana.loading import find_plan

    monkeypatch.delenv("CAMPANA_PLAN", raising=False)
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    found = find_plan()
    assert found.name == "campaigns.yaml" and found.is_file()
    monkeypatch.setenv("CAMPANA_PLAN", "/elsewhere/plan.yaml")
    assert str(find_plan()) == "/elsewhere/plan.yaml"
    assert str(find_plan("explicit.yaml")) == "explicit.yaml"


def test_plan_found_in_a_parent_folder(plan_dir: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from campana.loading import find_plan

    root = Path(str(plan_dir)).parent
    (root / "data").mkdir()
    (root / "data" / "campaigns.yaml").write_text("plan: {}\n", encoding="utf-8")
    nested = root / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.delenv("CAMPANA_PLAN", raising=False)
    monkeypatch.chdir(nested)
    assert find_plan() == (root / "data" / "campaigns.yaml").resolve()


def test_python_dash_m_campana() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "campana", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, f"campana {__version__}\n")


def test_usage_lines_name_arguments_plainly(cli: Invoke) -> None:
    assert cli("show", "--help").stdout.startswith("Uso: campana show [OPCIONES] ID\n")
    assert cli("validate", "--help").stdout.startswith(
        "Uso: campana validate [OPCIONES] [ARCHIVO]..."
    )


def test_an_impossible_spanish_date_says_why(cli: Invoke) -> None:
    r = cli("schedule", "--on", "31 de febrero de 2024")
    assert r.exit_code == 2 and r.stdout == ""
    assert "la fecha «31 de febrero de 2024» no existe: febrero de 2024 tiene 29 días" in r.stderr


# --- the core knows nothing of the command line ----------------------------------------------

SRC = Path(__file__).resolve().parent.parent / "src" / "campana"
UI_LIBRARIES = ("typer", "rich", "click")


def _imports(path: Path) -> set[str]:
    """The top-level packages a module imports, anywhere in it (inside functions too)."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_core_imports_neither_typer_nor_rich() -> None:
    core = [p for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] not in ("cli", "render")]
    assert len(core) >= 8, core
    bad = {
        str(p.relative_to(SRC)): sorted(_imports(p) & set(UI_LIBRARIES))
        for p in core
        if _imports(p) & set(UI_LIBRARIES)
    }
    assert not bad, f"core modules that import a UI library: {bad}"
    # the walk does see such imports where they are
    assert "typer" in _imports(SRC / "cli" / "app.py")
    assert "rich" in _imports(SRC / "render" / "pictures.py")


def test_the_renderers_import_no_cli() -> None:
    for p in (SRC / "render").glob("*.py"):
        assert "typer" not in _imports(p), p
        text = p.read_text(encoding="utf-8")
        assert "campana.cli" not in text, p


def test_renderers_are_named_after_the_results() -> None:
    """`campana.cli.query_cmd.answer` finds each renderer by the result's name."""
    from campana.render import data, markdown, tables

    for name in ("schedule", "show", "campaign_list", "audience", "agenda", "veda"):
        assert callable(getattr(tables, name)), name
        assert callable(getattr(markdown, name)), name
        assert callable(getattr(data, f"{name}_json")), name
        assert callable(getattr(data, f"{name}_csv")), name


def test_help_lists_the_commands_in_the_documented_order() -> None:
    """Registration follows the (sorted) imports; the help's order is written once."""
    from campana.cli.app import cli
    from campana.cli.base import HELP_ORDER

    group = cli()
    assert set(group.commands) == set(HELP_ORDER)  # type: ignore[attr-defined]
    assert group.list_commands(None) == list(HELP_ORDER)  # type: ignore[attr-defined,arg-type]


def test_the_layout_section_names_every_module() -> None:
    """«How the code is laid out» (docs/development.md) keeps one line per module: a new module
    must be added."""
    text = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    section = text.split("\n## How the code is laid out\n", 1)[1].split("\n## ", 1)[0]
    src = ROOT / "src" / "campana"
    missing = []
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src).as_posix()
        if path.name in ("__init__.py", "__main__.py") and rel != "cli/__init__.py":
            continue
        if rel.startswith("checks/rules/"):
            rel = "checks/rules/*.py"
        if f"`{rel}`" not in section and f"`{rel}` (" not in section:
            missing.append(rel)
    assert not missing, f"add to docs/development.md «How the code is laid out»: {missing}"


def test_readme_is_short() -> None:
    """The README is what campana is, the two commands and the everyday examples; the
    reference lives in docs/ (issue 17)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 250, f"README.md has {len(lines)} lines: move reference text to docs/"


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _prose(path: Path) -> str:
    """The file's text without code blocks and inline code (no links live there)."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def _anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(doc: Path) -> None:
    """Every relative link (and image) of the README and docs/*.md points at a file that
    exists, and a `#fragment` into a Markdown file at one of its headings."""
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", _prose(doc)):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, fragment = target.partition("#")
        file = (doc.parent / path).resolve() if path else doc
        has_fragment = file.suffix == ".md" and bool(fragment)
        if not file.exists() or (has_fragment and fragment not in _anchors(file)):
            broken.append(target)
    assert not broken, f"{doc.name}: links to nothing: {broken}"


def test_the_readme_links_every_doc() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [d.name for d in DOCS[1:] if f"](docs/{d.name})" not in readme]
    assert not missing, f"add to README «Documentation»: {missing}"
