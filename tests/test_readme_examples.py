"""The README shows real output: every ``$ campana …`` example with its output below it prints
exactly that at 80 columns (the output of a command that fails is its stderr). Examples that
depend on the repository's history (``diff``) or show part of an output (a note in
parentheses after the command) are left out."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT, Invoke


def examples() -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ campana "):
            i += 1
            continue
        command, shown = lines[i][2:], []
        i += 1
        while i < len(lines) and not lines[i].startswith(("$ ", "```")):
            shown.append(lines[i])
            i += 1
        if shown and " diff" not in command and not re.search(r"\(.*\)\s*$", command):
            found.append((command, shown))
    return found


def test_the_readme_has_examples_with_output() -> None:
    assert len(examples()) >= 4


@pytest.mark.parametrize("command,shown", examples(), ids=[c for c, _ in examples()])
def test_every_readme_example_prints_what_it_shows(
    cli: Invoke, command: str, shown: list[str]
) -> None:
    r = cli(*shlex.split(command)[1:], columns=80)
    got = (r.stdout if r.exit_code == 0 else r.stderr).rstrip("\n").split("\n")
    assert got == shown
