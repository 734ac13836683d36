"""`campana --help` and `campana --version` answer without importing the heavy libraries."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("pydantic", "ruamel.yaml", "rich", "dateutil.parser", "icalendar")

PROBE = """
import sys
sys.argv = ["campana", *{args!r}]
from campana.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stderr.write("EXIT %s\\n" % code)
sys.stderr.write("LOADED " + " ".join(sorted(m for m in {heavy!r} if m in sys.modules)) + "\\n")
"""


def _probe(*args: str) -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CAMPANA_PLAN", "NO_COLOR")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args), heavy=HEAVY)],
        env={**env, "COLUMNS": "80"},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout, done.stderr


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-V"], ["-h"], []])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    stdout, stderr = _probe(*args)
    lines = stderr.splitlines()
    assert "LOADED " in lines, f"heavy modules imported: {lines[-1]}"
    if args and args[0] in ("--version", "-V"):
        assert stdout == f"campana {_version()}\n"
        assert "EXIT 0" in lines
    else:
        assert "Uso: campana [OPCIONES] COMANDO [ARGS]..." in stdout + stderr
        assert "validate" in stdout + stderr


def test_the_probe_sees_heavy_imports() -> None:
    """The same probe on a command that validates does see pydantic and ruamel."""
    _, stderr = _probe("validate", "--format", "json")
    loaded = stderr.splitlines()[-1].split()[1:]
    assert "pydantic" in loaded and "ruamel.yaml" in loaded


def _version() -> str:
    from campana import __version__

    return __version__
