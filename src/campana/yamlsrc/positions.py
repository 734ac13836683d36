"""Where things stand in the text: lines as editors count them, and the packed "shadow".

Positions are kept as a light shadow of the data (one int per scalar: line, column and span
packed), not as a node tree: a node with its two marks costs ten times the memory.
A shadow entry is an int for a scalar or a key, ``{None: position, key: (key position,
shadow)}`` for a mapping and ``[position, shadow...]`` for a sequence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

Loc = tuple[str | int, ...]

MASK27 = (1 << 27) - 1

#: the line breaks editors and git count (libyaml and ruamel also count NEL, LS and PS)
_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The text's lines as an editor shows them: only CR, LF and CRLF end a line."""
    lines = _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_col(text: str, index: int) -> tuple[int, int]:
    """0-based (line, column) of the character at ``index``, lines as ``split_lines`` counts."""
    before = text[:index]
    breaks = _BREAK.findall(before)
    last = max(before.rfind("\n"), before.rfind("\r"))
    return len(breaks), index - last - 1


class LineIndex:
    """0-based (line, column) of a character index, for many lookups in one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect_right(self.starts, index) - 1
        return line, index - self.starts[line]


def pack(line: int, column: int, span: int = 1) -> int:
    """0-based line and column and a span as one int: the shadow of a scalar or key."""
    return (line << 54) | (min(column, MASK27) << 27) | max(1, min(span, MASK27))


def pack_marks(start: Any, end: Any, scalar: bool) -> int:
    span = 1
    if scalar and end.line == start.line:
        span = end.column - start.column
    return pack(start.line, start.column, span)


def unpack(packed: int) -> tuple[int, int, int]:
    """1-based (line, column, span)."""
    return (packed >> 54) + 1, ((packed >> 27) & MASK27) + 1, packed & MASK27


def own(shadow: Any) -> int:
    """The packed position of a shadow entry itself."""
    packed: int = (
        shadow[None]
        if isinstance(shadow, dict)
        else (shadow[0] if isinstance(shadow, list) else shadow)
    )
    return packed


def shadow_at(shadow: Any, loc: Loc, key: bool) -> Any:
    """The shadow entry at ``loc`` (the key's with ``key=True``), or the deepest that exists
    (the first of duplicate keys wins)."""
    node = shadow
    last = len(loc) - 1
    for i, part in enumerate(loc):
        if isinstance(node, dict):
            entry = node.get(part if part.__class__ is str else str(part))
            if entry is None:
                return node
            node = entry[0] if key and i == last else entry[1]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node) - 1:
            node = node[part + 1]
        else:
            return node
    return node
