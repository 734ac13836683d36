"""The ``campana`` command. Kept import-light: see ``campana.cli.app`` for the commands."""

from __future__ import annotations

import sys


def main() -> None:
    from campana.cli.app import run

    sys.exit(run(sys.argv[1:]))
