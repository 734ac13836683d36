"""Terminal facts and plain styling: colour only on a terminal, never with NO_COLOR."""

from __future__ import annotations

import os
import shutil
import sys
from typing import IO, Any

_ANSI = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}


def color_enabled(stream: IO[str] | None = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def style(text: str, spec: str, enabled: bool) -> str:
    if not enabled or not spec:
        return text
    codes = ";".join(_ANSI[s] for s in spec.split() if s in _ANSI)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes else text


def width() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def console(*, stderr: bool = False, record: bool = False, **kwargs: Any) -> Any:
    """A rich Console that follows the rules: no colour nor box art when not a terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    terminal = color_enabled(stream) or bool(os.environ.get("FORCE_COLOR"))
    return Console(
        file=stream,
        no_color=bool(os.environ.get("NO_COLOR")),
        force_terminal=terminal if terminal else None,
        color_system="auto" if terminal else None,
        highlight=False,
        emoji=False,
        record=record,
        soft_wrap=False,
        **kwargs,
    )
