"""Terminal facts and plain styling: colour only on a terminal, never with NO_COLOR."""

from __future__ import annotations

import os
import re
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
        file=SafeStream(stream),  # type: ignore[arg-type]
        no_color=bool(os.environ.get("NO_COLOR")),
        force_terminal=terminal if terminal else None,
        color_system="auto" if terminal else None,
        highlight=False,
        emoji=False,
        record=record,
        soft_wrap=False,
        **kwargs,
    )


# --- control characters from the plan ---------------------------------------------------------

# C0 (but tab and newline), DEL and C1: what a terminal acts on instead of printing
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# the only escape sequence campana writes itself: colour (SGR)
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return "^" + chr(code + 0x40)  # caret notation, as cat -v: ESC is ^[, BEL is ^G
    return "^?" if code == 0x7F else f"<U+{code:04X}>"


def safe(text: str, *, keep_color: bool = False) -> str:
    """``text`` made harmless for a terminal: every control character a plan may carry (an
    escape sequence that sets the title, moves the cursor, rings the bell) shown visibly
    instead. With ``keep_color``, campana's own colour codes (SGR) stay. The one function
    every human output passes through at the boundary (``cli.common.out``/``say``, the rich
    console); JSON keeps the exact values, escaped by json."""
    if keep_color:
        parts = _SGR.split(text)
        codes = _SGR.findall(text)
        cleaned = [_CONTROL.sub(_visible, p) for p in parts]
        return "".join(p + (codes[i] if i < len(codes) else "") for i, p in enumerate(cleaned))
    return _CONTROL.sub(_visible, text)


class SafeStream:
    """A text stream that passes everything written through ``safe`` (colour kept)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(safe(text, keep_color=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
