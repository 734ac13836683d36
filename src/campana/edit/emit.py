"""New YAML text for the values an edit writes: scalars in the style of the one they replace,
and block or flow collections laid out as their siblings are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

#: characters that cannot start a plain scalar
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
_FLOW_CHARS = ",[]{}"


@dataclass(frozen=True)
class Layout:
    """How the document indents: a nested mapping's keys ``map_indent`` columns right of its
    parent key; a sequence's dashes ``seq_offset`` columns right of its key (0 when the dash
    sits under the key); an item's content ``item_indent`` columns right of its dash."""

    map_indent: int = 2
    seq_offset: int = 2
    item_indent: int = 2


def _implicit(value: str) -> bool:
    """Whether a plain scalar with this text would read as something other than text (a
    number, a date, true, null...)."""
    from ruamel.yaml.resolver import Resolver

    table = Resolver.yaml_implicit_resolvers
    for _tag, regexp in [*table.get(value[0], []), *table.get(None, [])]:
        if regexp.match(value):
            return True
    return False


def plain_ok(value: str, *, flow: bool) -> bool:
    """Whether ``value`` can be written as a plain scalar and read back as the same text."""
    if not value or value != value.strip() or value[0] in _INDICATORS:
        return False
    if ": " in value or " #" in value or value.endswith(":") or "\t" in value:
        return False
    if flow and any(c in value for c in _FLOW_CHARS):
        return False
    if not value.isprintable():
        return False
    return not _implicit(value)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def double_quoted(value: str) -> str:
    """A YAML double-quoted scalar: what is not printable escaped (YAML reads no raw control
    character, and folds raw line breaks)."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable() and ch not in "\ufeff":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def scalar(value: Any, *, style: str | None = None, flow: bool = False) -> str:
    """One scalar as YAML text on one line, in ``style`` (None plain, ``'``, ``"``) where
    that style can hold it, else the nearest one that can."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        text = value.isoformat()
        return text if style is None else (f"'{text}'" if style == "'" else f'"{text}"')
    text = str(value)
    if style == '"':
        return double_quoted(text)
    if style == "'" and text.isprintable() and text == text.strip(" "):
        return "'" + text.replace("'", "''") + "'"
    if plain_ok(text, flow=flow):
        return text
    if "\n" not in text and "'" not in text and "\\" not in text and text.isprintable():
        return "'" + text + "'" if style == "'" else double_quoted(text)
    return double_quoted(text)


def folded(value: str, indent: int, newline: str, width: int = 92) -> str | None:
    """``value`` as a folded block scalar (``>-``) whose lines start at column ``indent``, or
    None when folding could not keep the text exactly (line breaks, runs of spaces)."""
    import textwrap

    if not value or "\n" in value or "  " in value or value != value.strip():
        return None
    if not value.isprintable():
        return None
    lines = textwrap.wrap(
        value,
        width=max(20, width - indent),
        break_long_words=False,
        break_on_hyphens=False,
    )
    pad = " " * indent
    return ">-" + "".join(newline + pad + line for line in lines)


def flow(value: Any) -> str:
    """A value in flow style: ``{text: a, kind: b}``, ``[a, b]``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, flow=True)


def is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def block_mapping(
    value: dict[str, Any], column: int, layout: Layout, flow_keys: Collection[str] = ()
) -> list[str]:
    """A mapping in block style, each line starting at ``column`` (no line breaks added); a
    list of scalars under a key of ``flow_keys`` in flow style (``restricts: [a, b]``)."""
    pad = " " * column
    lines: list[str] = []
    for key, item in value.items():
        if is_scalar(item):
            lines.append(f"{pad}{key}: {scalar(item)}")
        elif isinstance(item, list) and (not item or all(is_scalar(i) for i in item)):
            if not item or key in flow_keys:
                lines.append(f"{pad}{key}: {flow(item)}")
            else:
                lines.append(f"{pad}{key}:")
                lines.extend(block_sequence(item, column + layout.seq_offset, layout, flow_keys))
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            lines.extend(block_sequence(item, column + layout.seq_offset, layout, flow_keys))
        else:
            lines.append(f"{pad}{key}:")
            lines.extend(block_mapping(item, column + layout.map_indent, layout, flow_keys))
    return lines


def block_sequence(
    value: list[Any], dash: int, layout: Layout, flow_keys: Collection[str] = ()
) -> list[str]:
    """A sequence in block style, its dashes at column ``dash``."""
    pad = " " * dash
    after = " " * max(1, layout.item_indent - 1)
    lines: list[str] = []
    for item in value:
        if isinstance(item, dict) and item:
            inner = block_mapping(item, dash + layout.item_indent, layout, flow_keys)
            inner[0] = pad + "-" + after + inner[0].lstrip(" ")
            lines.extend(inner)
        elif isinstance(item, list) and item:
            inner = block_sequence(item, dash + layout.item_indent, layout, flow_keys)
            inner[0] = pad + "-" + after + inner[0].lstrip(" ")
            lines.extend(inner)
        else:
            lines.append(f"{pad}-{after}{flow(item) if not is_scalar(item) else scalar(item)}")
    return lines
