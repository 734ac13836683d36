"""Small helpers for editing a copy of the plan in tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Invoke


def edit(path: Path, old: str, new: str, *, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in the file; ``old`` must appear exactly ``count`` times."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} appears {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing ``needle``."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} not found {nth} times in {path}")


def col_of(path: Path, needle: str, nth: int = 1) -> int:
    """1-based column where ``needle`` starts on its line."""
    line = path.read_text(encoding="utf-8").splitlines()[line_of(path, needle, nth) - 1]
    return line.index(needle) + 1


def validate_json(cli: Invoke, folder: Path) -> tuple[int, list[dict[str, object]]]:
    """``validate --format json`` on the plan in ``folder``: the exit code and the findings."""
    r = cli("validate", "--plan", str(folder / "campaigns.yaml"), "--format", "json")
    assert "Traceback" not in r.stderr
    return r.exit_code, json.loads(r.stdout) if r.stdout.strip() else []


def errors_of(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    """The findings of severity error."""
    return [f for f in findings if f["severity"] == "error"]
