"""The plan's text and a tree of where every node stands in it (character offsets).

Built from the same parser events campana reads with (libyaml's C parser, ruamel.yaml's
pure-Python parser where libyaml refuses), so that a node's ``start``/``end`` are offsets into
the very text that was read. Nothing here changes text: ``campana.edit.splice`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from campana.errors import InvalidInput


@dataclass
class Node:
    """One YAML node: ``kind`` is ``scalar``, ``map``, ``seq`` or ``alias``.

    ``start``/``end`` are the parser's marks (character offsets); for a block collection the
    end mark is where the next token starts, so use ``content_end`` for where it really ends.
    ``style`` is a scalar's (None plain, ``'``, ``"``, ``|``, ``>``); ``flow`` a collection's.
    ``pairs`` (a mapping's key and value nodes) and ``items`` (a sequence's) hold the children.
    """

    kind: str
    start: int
    end: int
    value: str | None = None
    style: str | None = None
    flow: bool = False
    anchor: str | None = None
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    items: list[Node] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        """The value node of ``key`` in a mapping (the first of duplicates), or None."""
        for k, v in self.pairs:
            if k.kind == "scalar" and k.value == key:
                return v
        return None

    def key_node(self, key: str) -> Node | None:
        for k, _ in self.pairs:
            if k.kind == "scalar" and k.value == key:
                return k
        return None


def content_end(node: Node, text: str) -> int:
    """Where a node's own text ends: the last character of its last scalar (a block scalar's
    last non-blank character), not the next token as a block collection's end mark says."""
    if node.kind == "map" and not node.flow and node.pairs:
        key, value = node.pairs[-1]
        return max(content_end(key, text), content_end(value, text))
    if node.kind == "seq" and not node.flow and node.items:
        return content_end(node.items[-1], text)
    if node.kind == "scalar" and node.style in ("|", ">"):
        end = node.end
        while end > node.start and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    return node.end


def build(text: str) -> Node:
    """The node tree of ``text`` (one document). Raises InvalidInput when it cannot be parsed
    (the edit commands validate the plan first, so this is not the user's first news of it)."""
    from campana.yamlsrc.parsing import PureParser, _libyaml_differs, c_parser

    parser: Any = None if _libyaml_differs(text) else c_parser(text)
    try:
        try:
            return _compose(parser if parser is not None else PureParser(text))
        except Exception:
            if parser is None:
                raise
            parser.dispose()
            parser = PureParser(text)
            return _compose(parser)
    except Exception as exc:
        raise InvalidInput(
            f"el plan no se puede leer para editarlo: {exc}",
            hint="corre «campana validate» para ver el problema con su contexto",
        ) from None
    finally:
        if parser is not None:
            parser.dispose()


def _compose(parser: Any) -> Node:
    stack: list[Node] = []
    root: Node | None = None
    pending_key: list[Node | None] = []

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if parent.kind == "seq":
            parent.items.append(node)
        elif pending_key[-1] is None:
            pending_key[-1] = node
        else:
            key = pending_key[-1]
            assert key is not None
            parent.pairs.append((key, node))
            pending_key[-1] = None

    while True:
        event = parser.get_event()
        if event is None:
            break
        name = type(event).__name__
        start = event.start_mark.index if event.start_mark is not None else 0
        end = event.end_mark.index if event.end_mark is not None else start
        if name == "ScalarEvent":
            style = event.style or None
            attach(Node("scalar", start, end, value=event.value, style=style, anchor=event.anchor))
        elif name == "AliasEvent":
            attach(Node("alias", start, end, value=event.anchor))
        elif name in ("MappingStartEvent", "SequenceStartEvent"):
            kind = "map" if name == "MappingStartEvent" else "seq"
            node = Node(kind, start, end, flow=bool(event.flow_style), anchor=event.anchor)
            attach(node)
            stack.append(node)
            pending_key.append(None)
        elif name in ("MappingEndEvent", "SequenceEndEvent"):
            node = stack.pop()
            pending_key.pop()
            node.end = end
        elif name == "StreamEndEvent":
            break
    if root is None:
        raise ValueError("el documento está vacío")
    return root
