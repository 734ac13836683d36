"""The official YAML test suite (``<repo>/../shared/yaml-test-suite``): campana reads every
document ruamel.yaml's round-trip loader reads, with the same values, never crashes, and accepts
no more of the suite's invalid documents than libyaml alone did (13 of 94)."""

from __future__ import annotations

import datetime as dt
import math
import warnings
from pathlib import Path
from typing import Any

import pytest

from campana.yamlsrc import UnreadableFile, load
from conftest import ROOT, Invoke

#: invalid cases (with an ``error`` file) campana accepted before the pure-Python fallback
ACCEPTED_INVALID_ON_MAIN = 13


def _suite() -> Path | None:
    # beside the clone in CI; two levels up from a worktree under <work>/wt/
    for base in (ROOT.parent, ROOT.parent.parent):
        folder = base / "shared" / "yaml-test-suite"
        if folder.is_dir():
            return folder
    return None


SUITE = _suite()
pytestmark = pytest.mark.skipif(
    SUITE is None,
    reason="the YAML test suite is not beside the repository (../shared/yaml-test-suite)",
)


def _cases() -> list[Path]:
    if SUITE is None:
        return []
    found: list[Path] = []
    for folder in sorted(p for p in SUITE.iterdir() if p.is_dir()):
        if (folder / "in.yaml").is_file():
            found.append(folder)
        else:
            found += sorted(s for s in folder.iterdir() if (s / "in.yaml").is_file())
    return found


def _ruamel(path: Path) -> tuple[bool, Any]:
    from ruamel.yaml import YAML

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return True, YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except Exception:
        return False, None


def _norm(value: Any) -> Any:
    """ruamel's and campana's data in one form: keys as text (campana reads every key as its
    text; an empty key is ``""``), dates without their time zone object."""
    if isinstance(value, dict):
        return {("" if k is None else str(k)): _norm(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_norm(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else float(value)
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return str(value)


def test_the_suite_is_found_and_complete() -> None:
    cases = _cases()
    assert len(cases) >= 300
    assert sum((c / "error").exists() for c in cases) >= 90


def test_what_ruamel_reads_campana_reads_with_the_same_values() -> None:
    refused, differ, crashed = [], [], []
    accepted_invalid = []
    for case in _cases():
        path = case / "in.yaml"
        readable, value = _ruamel(path)
        try:
            doc = load(path, "in.yaml")
        except UnreadableFile:
            if readable:
                refused.append(case.name)
            continue
        except Exception as exc:  # a crash: the CLI would exit 70
            crashed.append(f"{case.name}: {exc!r}")
            continue
        if (case / "error").exists():
            accepted_invalid.append(case.name)
        if readable and not doc.findings and _norm(value) != _norm(doc.data):
            differ.append(case.name)
    assert not crashed
    assert not refused, f"refused although ruamel reads them: {refused}"
    assert not differ, f"read with other values than ruamel's: {differ}"
    assert len(accepted_invalid) <= ACCEPTED_INVALID_ON_MAIN, accepted_invalid


def test_validate_never_crashes_on_the_suite(cli: Invoke) -> None:
    bad = []
    for case in _cases():
        r = cli("validate", str(case / "in.yaml"))
        if r.exit_code not in (0, 1, 2) or "Traceback" in r.stdout + r.stderr:
            bad.append((case.name, r.exit_code, r.stderr[-200:]))
        elif r.exit_code == 2 and _ruamel(case / "in.yaml")[0]:
            bad.append((case.name, "unreadable", r.stdout[:200]))
    assert not bad
