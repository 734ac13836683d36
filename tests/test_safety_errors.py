"""Errors: the core raises classes without exit codes; only the CLI maps them, in one place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from campana import errors
from campana.cli import app
from conftest import Invoke

SRC = Path(__file__).resolve().parents[1] / "src" / "campana"
#: core modules whose messages must name no command-line option (the CLI adds the option)
OPTION_FREE = ("cache", "errors", "files", "loading", "paths", "reading", "validation")


def test_errors_carry_no_exit_code() -> None:
    exc = errors.UsageError("x")
    assert not hasattr(exc, "exit_code")
    with pytest.raises(TypeError):
        errors.CampanaError("x", exit_code=3)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("cls", "code"),
    [
        (errors.CampanaError, 2),
        (errors.UsageError, 2),
        (errors.RefusedOutput, 2),
        (errors.InvalidInput, 2),
        (errors.UnreadableInput, 2),
        (errors.InternalError, 70),
    ],
)
def test_the_cli_maps_each_class_to_its_exit_code(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, cls: type[errors.CampanaError], code: int
) -> None:
    assert app.exit_code_of(cls("x")) == code

    def fail(*args: object, **kwargs: object) -> None:
        raise cls("algo falló", hint="haz otra cosa")

    monkeypatch.setattr("campana.loading.open_plan", fail)
    r = cli("list", "--today", "2024-03-01")
    assert r.exit_code == code
    assert "algo falló" in r.stderr and "sugerencia: haz otra cosa" in r.stderr
    assert ("error interno" in r.stderr) == (code == 70)


def test_an_unreadable_file_from_the_reader_is_exit_2(cli: Invoke, tmp_path: Path) -> None:
    r = cli("list", "--plan", str(tmp_path / "no-existe.yaml"))
    assert r.exit_code == 2 and "no existe" in r.stderr


@pytest.mark.parametrize("module", OPTION_FREE)
def test_core_messages_name_no_option(module: str) -> None:
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    texts = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    named = [t for t in texts if any(w.startswith("--") and w[2:3].isalpha() for w in t.split())]
    assert named == []
