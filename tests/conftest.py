"""Shared test helpers: run the real CLI entry point with stdout and stderr apart."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from campana.cli.app import run

# Hypothesis checks behaviour here, not speed: its default 200 ms deadline per example is a
# timed test that a loaded CI machine trips on a first call's import cost (performance is
# measured by benchmarks/, against a peer, in one run). Examples per test are unchanged.
settings.register_profile("campana", deadline=None)
settings.load_profile("campana")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PLAN = DATA / "campaigns.yaml"
AUDIENCE = DATA / "audience.yaml"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


Invoke = Callable[..., Result]


def invoke(*args: str, columns: int = 80, env: dict[str, str | None] | None = None) -> Result:
    """Run ``campana ARGS`` through ``run()`` (the real error handling) in a CliRunner isolation.

    The terminal width is fixed (COLUMNS), colour is off (not a terminal), the user's
    CAMPANA_PLAN and cache are ignored unless ``env`` sets them.
    """
    runner = CliRunner()
    full_env: dict[str, str | None] = {
        "COLUMNS": str(columns),
        "LINES": "50",
        "NO_COLOR": None,
        "FORCE_COLOR": None,
        "CAMPANA_PLAN": None,
        "CAMPANA_NO_CACHE": "1",
    }
    full_env.update(env or {})
    with runner.isolation(env=full_env) as (out, err, _):
        code = run(list(args))
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        stdout = out.getvalue().decode("utf-8")
        stderr = err.getvalue().decode("utf-8")
    return Result(code, stdout, stderr)


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read or write the user's real plan cache."""
    monkeypatch.setenv("CAMPANA_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def cli() -> Invoke:
    return invoke


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    """A writable copy of the shipped plan and audience files."""
    folder = tmp_path / "plan"
    folder.mkdir()
    shutil.copy(PLAN, folder / "campaigns.yaml")
    shutil.copy(AUDIENCE, folder / "audience.yaml")
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, with the cache switched on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CAMPANA_CACHE_DIR", str(folder))
    monkeypatch.delenv("CAMPANA_NO_CACHE", raising=False)
    yield folder


def cache_entries(folder: Path) -> list[Path]:
    """The entries a cache folder holds."""
    return sorted(folder.glob("*.pickle")) if folder.exists() else []
