"""The README and the reference show real output: every ``$ campana …`` example with its
output below it prints exactly that at 80 columns (the output of a command that fails is its
stderr). Examples that depend on the repository's history (``diff``) are left out; an example
that shows part of an output (a note in parentheses after the command) shows lines the command
prints, in its order."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import ROOT, Invoke

#: Every document whose ``$ campana`` examples this file runs (docs/guia.md, docs/formats.md
#: and docs/spanish.md have their own tests: test_guia.py, test_import.py,
#: test_spanish_names.py).
DOCS = (ROOT / "README.md", ROOT / "docs" / "reference.md")
PARTIAL = re.compile(r"\s+\(.*\)\s*$")


def examples(doc: Path) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    lines = doc.read_text(encoding="utf-8").splitlines()
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
        if shown and " diff" not in command:
            found.append((command, shown))
    return found


ALL = [(doc.relative_to(ROOT).as_posix(), c, s) for doc in DOCS for c, s in examples(doc)]


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_the_docs_have_examples_with_output(doc: Path) -> None:
    assert len([c for c, _ in examples(doc) if not PARTIAL.search(c)]) >= 4


@pytest.mark.parametrize("doc,command,shown", ALL, ids=[f"{d}: {c}" for d, c, _ in ALL])
def test_every_example_prints_what_it_shows(
    cli: Invoke, doc: str, command: str, shown: list[str]
) -> None:
    partial = PARTIAL.search(command)
    if partial:
        command = command[: partial.start()]
    r = cli(*shlex.split(command)[1:], columns=80)
    got = (r.stdout if r.exit_code == 0 else r.stderr).rstrip("\n").split("\n")
    if not partial:
        assert got == shown
        return
    # part of the output (stdout, then stderr: `validate` prints its findings on stdout and
    # exits 1): each line shown is printed, in the order shown
    rest = iter((r.stdout + r.stderr).split("\n"))
    assert all(line in rest for line in shown), (shown, got)
