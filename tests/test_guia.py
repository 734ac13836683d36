"""docs/guia.md, the planners' guide: every ```console example runs, and prints what it shows."""

from __future__ import annotations

import re
import shlex

import pytest

from campana.cli.base import ALIASES, OPTION_ALIASES, canonical
from conftest import ROOT, Invoke

GUIDE = ROOT / "docs" / "guia.md"


def examples() -> list[tuple[str, list[str]]]:
    """(command, shown output lines) for every ``$ campana …`` line of a console block; an
    output ending in «…» is shown in part."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S):
        current: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = []
                found.append((line[2:], current))
            elif current is not None:
                current.append(line)
    return found


def test_the_guide_has_examples_and_the_readme_links_it() -> None:
    assert len(examples()) >= 5
    assert all(cmd.startswith("campana ") for cmd, _ in examples())
    assert "(docs/guia.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command,shown", examples(), ids=[c for c, _ in examples()])
def test_every_example_prints_what_the_guide_shows(
    cli: Invoke, command: str, shown: list[str]
) -> None:
    args = shlex.split(command)[1:]
    # every view whose meaning depends on today is pinned in the guide (--hoy: --today)
    if canonical(args[0]) in ("schedule", "show", "list", "agenda"):
        assert "--today" in args or "--hoy" in args
    r = cli(*args, columns=80)
    assert r.exit_code == 0, r.stderr
    got = r.stdout.rstrip("\n").split("\n")
    if shown and shown[-1] == "…":
        assert got[: len(shown) - 1] == shown[:-1]
    else:
        assert got == shown


def test_the_guide_shows_the_spanish_names() -> None:
    """The planners' guide writes every command and option by its Spanish name (issue 17),
    and lists each pair once."""
    text = GUIDE.read_text(encoding="utf-8")
    for command, _ in examples():
        name, *args = shlex.split(command)[1:]
        assert not ALIASES.get(name), f"{command}: {name} has a Spanish name"
        for arg in args:
            assert not [a for a in OPTION_ALIASES.get(arg, ()) if a], f"{command}: {arg}"
    for english, spanish in ALIASES.items():
        if spanish:
            assert f"| `{spanish[0]}` | `{english}` |" in text
    for english, spanish in OPTION_ALIASES.items():
        if spanish:
            assert f"`{spanish[0]}`" in text, english
