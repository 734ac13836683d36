"""Minimal, text-level edits of a YAML document: new text spliced in at exact offsets.

An ``Editor`` holds the text as read and its node tree; each primitive records a splice
(start, end, new text) against that original text and the same change on the plain data
(``expected``), so that the caller can check that the edited text reads back as exactly the
intended data. Nothing else of the text moves: comments, blank lines, quotes, flow or block
style, folded strings, key order, CRLF and the header stay as they were.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from campana.edit import emit
from campana.edit.tree import Node, build, content_end
from campana.errors import InternalError

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Splice:
    start: int
    end: int
    text: str
    order: int


class EditConflict(InternalError):
    """Two edits touch the same text, or a layout the editor cannot change safely."""


class Editor:
    """Edits of one YAML text. Build with the text as read (without its BOM)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = build(text)
        self.newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
        self.splices: list[Splice] = []
        self.ops: list[tuple[str, Path, Any]] = []
        self._layout: emit.Layout | None = None
        self._list_styles: dict[str, bool] | None = None

    # --- finding things -------------------------------------------------------------------

    def node(self, path: Path) -> Node:
        node = self.root
        for part in path:
            found: Node | None
            if isinstance(part, int):
                found = node.items[part] if node.kind == "seq" and part < len(node.items) else None
            else:
                found = node.get(part) if node.kind == "map" else None
            if found is None:
                raise EditConflict(f"no se encontró {_shown(path)} en el texto del plan")
            node = found
        if node.kind == "alias" or node.anchor is not None:
            raise EditConflict(
                f"{_shown(path)} usa un ancla o alias de YAML: edítalo a mano",
            )
        return node

    def has(self, path: Path) -> bool:
        try:
            self.node(path)
        except EditConflict:
            return False
        return True

    def line_start(self, index: int) -> int:
        return max(self.text.rfind("\n", 0, index), self.text.rfind("\r", 0, index)) + 1

    def after_line(self, index: int) -> int:
        """The index just after the line break that ends the line holding ``index``."""
        text = self.text
        n = text.find("\n", index)
        r = text.find("\r", index)
        if r != -1 and (n == -1 or r < n):
            return r + 2 if text.startswith("\r\n", r) else r + 1
        return len(text) if n == -1 else n + 1

    def column(self, index: int) -> int:
        return index - self.line_start(index)

    def _line(self, start: int) -> str:
        end = self.after_line(start)
        return self.text[start:end].rstrip("\r\n")

    def layout(self) -> emit.Layout:
        """The document's indentation, read from its first nested block collections."""
        if self._layout is None:
            found: dict[str, int] = {}
            self._scan_layout(self.root, found)
            self._layout = emit.Layout(
                map_indent=found.get("map", 2),
                seq_offset=found.get("seq", 2),
                item_indent=found.get("item", 2),
            )
        return self._layout

    def flow_keys(self, value: Any) -> set[str]:
        """The keys of ``value`` (and of the mappings in it) whose lists of scalars go in flow
        style: as the document writes a list under that key (``restricts: [a, b]``); a key the
        document never has follows the other lists of its own mapping when they agree, else
        flow when the document writes any list of scalars in flow style."""
        if self._list_styles is None:
            self._list_styles = {}
            self._scan_lists(self.root, self._list_styles)
        styles = self._list_styles
        found: set[str] = set()

        def visit(item: Any) -> None:
            if isinstance(item, list):
                for x in item:
                    visit(x)
            elif isinstance(item, dict):
                lists = [k for k, v in item.items() if isinstance(v, list) and v]
                known = {styles[k] for k in lists if k in styles}
                # a key the document never has: as the other lists of its mapping, or, when
                # none is known, as the document writes any list of scalars in flow style
                fallback = known == {True} if known else any(styles.values())
                for k in lists:
                    if styles.get(k, fallback):
                        found.add(k)
                for v in item.values():
                    visit(v)

        visit(value)
        return found

    def _scan_lists(self, node: Node, found: dict[str, bool]) -> None:
        for key, value in node.pairs:
            scalars = value.kind == "seq" and all(i.kind == "scalar" for i in value.items)
            if scalars and value.items and key.value is not None:
                found.setdefault(key.value, value.flow)
            self._scan_lists(value, found)
        for item in node.items:
            self._scan_lists(item, found)

    def _scan_layout(self, node: Node, found: dict[str, int]) -> None:
        if len(found) == 3:
            return
        if node.kind == "map" and not node.flow:
            for key, value in node.pairs:
                if value.kind == "map" and not value.flow and value.pairs:
                    found.setdefault(
                        "map", self.column(value.pairs[0][0].start) - self.column(key.start)
                    )
                elif value.kind == "seq" and not value.flow and value.items:
                    dash = self._dash(value.items[0])
                    if dash is not None:
                        found.setdefault("seq", self.column(dash) - self.column(key.start))
                        found.setdefault("item", value.items[0].start - dash)
                self._scan_layout(value, found)
        elif node.kind == "seq" and not node.flow:
            for item in node.items:
                self._scan_layout(item, found)

    def _dash(self, item: Node) -> int | None:
        """Where the «-» of a block sequence item stands (on the item's own line)."""
        i = item.start - 1
        while i >= 0 and self.text[i] == " ":
            i -= 1
        if i >= 0 and self.text[i] == "-" and item.start - i >= 2:
            return i
        return None

    # --- recording ------------------------------------------------------------------------

    def _splice(self, start: int, end: int, text: str) -> None:
        for other in self.splices:
            if start < other.end and other.start < end:
                raise EditConflict("dos cambios tocan el mismo texto del plan")
        self.splices.append(Splice(start, end, text, len(self.splices)))

    def _eol_at_end(self, index: int, text: str) -> str:
        """Text inserted at ``index``: after a last line without a line break, one first."""
        if index == len(self.text) and self.text and not self.text.endswith(("\n", "\r")):
            return self.newline + text.removesuffix(self.newline)
        return text

    # --- primitives -----------------------------------------------------------------------

    def set(self, path: Path, value: Any) -> None:
        """Set the scalar at ``path`` to ``value``, in its quoting style where it can be."""
        node = self.node(path)
        if node.kind != "scalar":
            raise EditConflict(f"{_shown(path)} no es un valor simple")
        in_flow = self._in_flow(path)
        if node.style in ("|", ">"):
            pad = self._block_indent(node)
            new = emit.folded(str(value), pad, self.newline) if isinstance(value, str) else None
            if new is None:
                new = emit.scalar(value, style='"', flow=in_flow)
            self._splice(node.start, content_end(node, self.text), new)
        else:
            new = emit.scalar(value, style=node.style, flow=in_flow)
            start = node.start
            if node.start == node.end and node.value == "" and node.style is None:
                before = self.text[start - 1] if start else ""
                new = (" " + new) if before == ":" else new
            self._splice(start, node.end, new)
        self.ops.append(("set", path, value))

    def _block_indent(self, node: Node) -> int:
        first = self.after_line(node.start)
        line = self._line(first)
        return len(line) - len(line.lstrip(" "))

    def _in_flow(self, path: Path) -> bool:
        node = self.root
        for part in path[:-1]:
            node = node.items[part] if isinstance(part, int) else node.get(part)  # type: ignore[assignment]
            if node.flow:
                return True
        return False

    def insert_key(self, path: Path, key: str, value: Any, *, after: Sequence[str] = ()) -> None:
        """Add ``key: value`` to the mapping at ``path``: after the last of the keys in
        ``after`` that it has (the model's order), else first."""
        node = self.node(path)
        if node.kind != "map":
            raise EditConflict(f"{_shown(path)} no es un mapa")
        if node.get(key) is not None:
            raise EditConflict(f"{_shown(path)} ya tiene la clave {key}")
        previous = None
        for k, v in node.pairs:
            if k.value in after:
                previous = (k, v)
        if node.flow:
            text = f"{key}: {emit.flow(value)}"
            if previous is not None:
                at = content_end(previous[1], self.text)
                self._splice(at, at, ", " + text)
            elif node.pairs:
                at = node.pairs[0][0].start
                self._splice(at, at, text + ", ")
            else:
                at = node.start + 1
                self._splice(at, at, text)
        else:
            if not node.pairs:
                raise EditConflict(f"{_shown(path)} es un mapa vacío")
            column = self.column(node.pairs[0][0].start)
            lines = self._key_lines(key, value, column)
            block = self.newline.join(lines) + self.newline
            if previous is not None:
                at = self._end_of_entry(previous[1], column)
                self._splice(at, at, self._eol_at_end(at, block))
            else:
                first = node.pairs[0][0].start
                if self.line_start(first) != first - column:
                    # the first key shares its line with a «-»: the new key goes right after it
                    at = self._end_of_entry(node.pairs[0][1], column)
                    self._splice(at, at, self._eol_at_end(at, block))
                    self.ops.append(("insert", path, (key, value)))
                    return
                at = self.line_start(first)
                self._splice(at, at, block)
        self.ops.append(("insert", path, (key, value)))

    def _key_lines(self, key: str, value: Any, column: int) -> list[str]:
        return emit.block_mapping({key: value}, column, self.layout(), self.flow_keys({key: value}))

    def _end_of_entry(self, value: Node, column: int) -> int:
        """After the last line of a mapping entry or sequence item (its own comments, indented
        deeper than ``column``, included)."""
        at = self.after_line(content_end(value, self.text))
        while at < len(self.text):
            line = self._line(at)
            stripped = line.lstrip(" ")
            if stripped.startswith("#") and len(line) - len(stripped) > column:
                at = self.after_line(at)
                continue
            break
        return at

    def append(self, path: Path, value: Any, *, index: int | None = None) -> None:
        """Add ``value`` to the sequence at ``path`` (at ``index``, default last), in the
        style and indentation of its items."""
        node = self.node(path)
        if node.kind != "seq":
            raise EditConflict(f"{_shown(path)} no es una lista")
        count = len(node.items)
        index = count if index is None else index
        empty = node.flow and not node.items
        if empty and isinstance(value, dict) and value and self._fill_empty(path, value):
            return
        if node.flow:
            text = emit.flow(value)
            if not node.items:
                self._splice(node.start + 1, node.start + 1, text)
            elif index >= count:
                at = content_end(node.items[-1], self.text)
                self._splice(at, at, ", " + text)
            else:
                at = node.items[index].start
                self._splice(at, at, text + ", ")
            self.ops.append(("append", path, (index, value)))
            return
        dash = self._dash(node.items[0])
        if dash is None:
            raise EditConflict(f"{_shown(path)}: la lista no tiene el «-» en la línea de su valor")
        column = self.column(dash)
        layout = self.layout()
        layout = emit.Layout(layout.map_indent, layout.seq_offset, node.items[0].start - dash)
        flow_items = [i for i in node.items if i.kind in ("map", "seq") and i.flow]
        if isinstance(value, dict | list) and flow_items and len(flow_items) == len(node.items):
            lines = [" " * column + "-" + " " * (layout.item_indent - 1) + emit.flow(value)]
        else:
            lines = emit.block_sequence([value], column, layout, self.flow_keys(value))
        spaced = count >= 2 and self._blank_before(node.items[-1])
        block = self.newline.join(lines) + self.newline
        if index >= count:
            at = self._end_of_entry(node.items[-1], column)
            block = (self.newline if spaced else "") + block
            self._splice(at, at, self._eol_at_end(at, block))
        else:
            at = self._leading_comments(node.items[index], column)
            self._splice(at, at, block + (self.newline if spaced else ""))
        self.ops.append(("append", path, (index, value)))

    def _fill_empty(self, path: Path, value: dict[str, Any]) -> bool:
        """A mapping added to an empty ``key: []`` of a block mapping: the list becomes a block
        list under the key (a comment after ``[]`` stays on the key's line). False when the
        list is not written that way (then it is filled in flow style)."""
        if not path or not isinstance(path[-1], str):
            return False
        holder = self.node(path[:-1])
        key = holder.key_node(path[-1])
        node = self.node(path)
        if key is None or holder.flow or self.text[self.line_start(key.start) : key.start].strip():
            return False
        rest = self.text[node.end : self.after_line(node.end)].strip()
        if self.text[key.end : node.start].strip() != ":" or (rest and not rest.startswith("#")):
            return False
        colon = self.text.index(":", key.end)
        layout = self.layout()
        dash = self.column(key.start) + layout.seq_offset
        lines = emit.block_sequence([value], dash, layout, self.flow_keys(value))
        at = self.after_line(node.end)
        self._splice(colon + 1, node.end, "")
        self._splice(at, at, self._eol_at_end(at, self.newline.join(lines) + self.newline))
        self.ops.append(("append", path, (0, value)))
        return True

    def _blank_before(self, item: Node) -> bool:
        start = self.line_start(item.start)
        if start == 0:
            return False
        previous = self.line_start(start - 1)
        return self.text[previous:start].strip() == ""

    def _leading_comments(self, item: Node, column: int) -> int:
        """The start of the comment lines right above an item at its dash's column (deeper
        ones belong to the item before), or of the item's own line without any."""
        at = self.line_start(item.start)
        while at > 0:
            previous = self.line_start(at - 1)
            line = self._line(previous)
            stripped = line.lstrip(" ")
            if stripped.startswith("#") and len(line) - len(stripped) == column:
                at = previous
                continue
            break
        return at

    def remove(self, path: Path) -> None:
        """Remove the sequence item at ``path`` (its own comments with it; a comment that
        belongs to the next item stays)."""
        parent_path, index = path[:-1], path[-1]
        node = self.node(parent_path)
        if node.kind != "seq" or not isinstance(index, int) or index >= len(node.items):
            raise EditConflict(f"{_shown(path)} no es un elemento de una lista")
        item = node.items[index]
        count = len(node.items)
        if node.flow:
            if count == 1:
                self._splice(item.start, content_end(item, self.text), "")
            elif index < count - 1:
                self._splice(item.start, node.items[index + 1].start, "")
            else:
                before = content_end(node.items[index - 1], self.text)
                self._splice(before, content_end(item, self.text), "")
            self.ops.append(("remove", path, None))
            return
        dash = self._dash(item)
        if dash is None:
            raise EditConflict(f"{_shown(path)}: la lista no tiene el «-» en la línea de su valor")
        column = self.column(dash)
        start = self._leading_comments(item, column)
        end = self._end_of_entry(item, column)
        if count == 1:
            holder = self.node(parent_path[:-1]) if parent_path else None
            key = holder.key_node(str(parent_path[-1])) if holder is not None else None
            if key is None or holder is None or holder.flow:
                raise EditConflict(f"{_shown(path)}: no se puede dejar la lista vacía")
            colon = self.text.index(":", key.end)
            self._splice(colon + 1, end, " []" + self.newline)
            self.ops.append(("remove", path, None))
            return
        if count >= 2 and self._blank_before(node.items[1]):
            if index > 0 and self._blank_before(item):
                start = self.line_start(start - 1)
            elif index == 0 and end < len(self.text) and self._line(end).strip() == "":
                end = self.after_line(end)
        self._splice(start, end, "")
        self.ops.append(("remove", path, None))

    def remove_key(self, path: Path, key: str) -> None:
        """Remove ``key`` and its value from the mapping at ``path``."""
        node = self.node(path)
        if node.kind != "map":
            raise EditConflict(f"{_shown(path)} no es un mapa")
        position = next((i for i, (k, _) in enumerate(node.pairs) if k.value == key), None)
        if position is None:
            return
        k, v = node.pairs[position]
        if len(node.pairs) == 1:
            raise EditConflict(f"{_shown(path)}: no se puede dejar el mapa vacío")
        if node.flow:
            if position < len(node.pairs) - 1:
                self._splice(k.start, node.pairs[position + 1][0].start, "")
            else:
                before = content_end(node.pairs[position - 1][1], self.text)
                self._splice(before, content_end(v, self.text), "")
        else:
            column = self.column(k.start)
            start = self.line_start(k.start)
            if start != k.start - column:
                raise EditConflict(f"{_shown(path)}: la clave {key} comparte su línea con «-»")
            self._splice(start, self._end_of_entry(v, column), "")
        self.ops.append(("remove-key", path, key))

    def empty(self, path: Path) -> None:
        """Remove every item of the sequence at ``path``, leaving ``key: []`` (a block list's
        comments between its key and the end of its last item go with it)."""
        node = self.node(path)
        if node.kind != "seq":
            raise EditConflict(f"{_shown(path)} no es una lista")
        if not node.items:
            return
        if node.flow:
            self._splice(node.start, content_end(node, self.text), "[]")
            self.ops.append(("empty", path, None))
            return
        holder = self.node(path[:-1]) if path else None
        key = holder.key_node(str(path[-1])) if holder is not None else None
        dash = self._dash(node.items[-1])
        if key is None or holder is None or holder.flow or dash is None:
            raise EditConflict(f"{_shown(path)}: no se puede dejar la lista vacía")
        colon = self.text.index(":", key.end)
        end = self._end_of_entry(node.items[-1], self.column(dash))
        self._splice(colon + 1, end, " []" + self.newline)
        self.ops.append(("empty", path, None))

    def comment_above(self, path: Path, key: str, lines: Sequence[str]) -> None:
        """Comment ``lines`` (without their «# ») right above ``key`` of the block mapping at
        ``path``, at the key's indentation. The data does not change."""
        node = self.node(path)
        found = node.key_node(key) if node.kind == "map" and not node.flow else None
        if found is None or self.text[self.line_start(found.start) : found.start].strip():
            raise EditConflict(f"{_shown(path)}: no se puede comentar la clave {key}")
        pad = " " * self.column(found.start)
        at = self.line_start(found.start)
        self._splice(at, at, "".join(f"{pad}# {line}{self.newline}" for line in lines))

    def replace_comment(self, start: int, end: int, new: str) -> None:
        """Replace ``text[start:end]``, a part of one comment line (after its «#»), with
        ``new``. The data does not change."""
        line = self.line_start(start)
        hash_at = self.text.find("#", line, start + 1)
        inside = self.text[line:hash_at].strip() == "" if hash_at != -1 else False
        if not inside or "\n" in self.text[start:end] + new or "\r" in self.text[start:end] + new:
            raise EditConflict("solo se reemplaza texto dentro de una línea de comentario")
        self._splice(start, end, new)

    # --- the result -----------------------------------------------------------------------

    def result(self) -> str:
        """The text with every splice applied (the original text when there is none)."""
        out = self.text
        for s in sorted(self.splices, key=lambda s: (s.start, s.order), reverse=True):
            out = out[: s.start] + s.text + out[s.end :]
        return out

    def expected(self, data: Any) -> Any:
        """``data`` (the plain data of the original text) with the same changes applied."""
        new = copy.deepcopy(data)
        # paths name the original text's items: changes inside items first, then removals
        # from the last item up, then additions
        rank = {"set": 0, "insert": 0, "remove-key": 0, "empty": 0, "remove": 1, "append": 2}
        ops = sorted(
            self.ops,
            key=lambda o: (rank[o[0]], -(o[1][-1] if o[0] == "remove" else 0)),  # type: ignore[operator]
        )
        for op, path, arg in ops:
            holder = new
            for part in path[:-1] if op in ("set", "remove") else path:
                holder = holder[part]
            if op == "set":
                holder[path[-1]] = arg
            elif op == "insert":
                holder[arg[0]] = arg[1]
            elif op == "append":
                holder.insert(arg[0], arg[1])
            elif op == "remove":
                del holder[path[-1]]
            elif op == "remove-key":
                holder.pop(arg, None)
            elif op == "empty":
                holder.clear()
        return new


def _shown(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(raíz)"
