"""Plain data and its positional shadow from parser events (libyaml's or ruamel's pure parser).

The builder refuses tags instead of running them, reports duplicate keys and merge keys, bounds
alias expansion and nesting depth (keys and skipped values included, so that a deep key makes
the parser stop before it does quadratic work), and keeps positions as a packed shadow.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from campana.errors import Finding
from campana.yamlsrc import limits, refusals
from campana.yamlsrc.document import YamlDoc
from campana.yamlsrc.positions import MASK27, own, pack_marks, unpack

STD = "tag:yaml.org,2002:"
_TAG_TOKEN = re.compile(r"![^\s,\[\]{}]*")
_MAP, _SEQ, _STR, _MERGE = STD + "map", STD + "seq", STD + "str", STD + "merge"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SKIP = object()  # the pending key of a mapping entry whose value is read but not kept


class ParseFailed(Exception):
    """The parser (or the one-document rule) refused the stream; ``error`` says why."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class ComposeError(Exception):
    """What the composer says about a stream the parser accepts: read by ``syntax_error``."""

    def __init__(self, problem: str, mark: Any, context: str = "") -> None:
        super().__init__(f"{context} {problem}".strip())
        self.problem = problem
        self.problem_mark = mark
        self.context = context
        self.context_mark = None


class _Frame:
    """A mapping or sequence being read."""

    __slots__ = (
        "anchor",
        "depth",
        "height",
        "is_map",
        "items",
        "key",
        "kpos",
        "muted",
        "pos",
        "seen",
        "shadow",
        "size",
        "tag",
    )

    def __init__(
        self, is_map: bool, tag: str | None, pos: int, anchor: str | None, depth: int, muted: bool
    ) -> None:
        self.is_map = is_map
        self.tag = tag  # the explicit tag, if any (always refused)
        self.pos = pos
        self.anchor = anchor
        self.depth = depth
        # a refused key, or the value of a refused key: read (for its anchors), never reported
        self.muted = muted
        self.items: Any = {} if is_map else []
        self.shadow: Any = {None: pos} if is_map else [pos]
        self.seen: dict[str, int] = {}
        self.key: Any = None  # None: expecting a key; str: its value comes next; _SKIP
        self.kpos = 0
        self.size = 1  # nodes built, alias expansions included (the alias budget)
        self.height = 0  # deepest level below this node, alias expansions included


class _Anchor:
    __slots__ = ("data", "height", "raw", "shadow", "size")

    def __init__(self, data: Any, shadow: Any, size: int, height: int, raw: str | None) -> None:
        self.data, self.shadow, self.size, self.height, self.raw = data, shadow, size, height, raw


class EventBuilder:
    """Plain data and its shadow from parser events.

    Refuses every tag (a ``yaml-tag`` finding; the node reads as if untagged, nothing is
    constructed), flags duplicate keys (the first one wins) and merge keys, bounds alias
    expansion and depth. Aliases share the anchor's data (it is never mutated). Anchors may be
    redefined (YAML 1.2): an alias refers to the latest definition before it.
    """

    def __init__(self, doc: YamlDoc, budget: int) -> None:
        self.doc = doc
        self.budget = budget
        self.visited = 0
        self.largest_int = 0  # the largest magnitude of a whole number built
        self.plain: dict[str, Any] = {}  # plain scalar text → its value (see _value)
        self.keys: dict[str, str] = {}  # key text → the one string kept for it
        self.anchors: dict[str, _Anchor] = {}
        from ruamel.yaml.resolver import Resolver

        # ruamel's Resolver table (YAML 1.2 core schema), keyed by a plain scalar's first
        # character, with each lazily compiled pattern's match method looked up once
        table = Resolver.yaml_implicit_resolvers
        anywhere = [(str(tag), regexp.match) for tag, regexp in table.get(None, [])]
        self.implicit: dict[str, list[tuple[str, Any]]] = {
            first: [*((str(tag), regexp.match) for tag, regexp in entries), *anywhere]
            for first, entries in table.items()
            if first is not None
        }
        self.anywhere = anywhere

    def _finding(self, packed: int, severity: str, code: str, message: str, hint: str) -> None:
        line, column, _ = unpack(packed)
        self.doc.findings.append(
            Finding(self.doc.name, line, column, severity, code, message, hint=hint)  # type: ignore[arg-type]
        )

    def _foreign(self, tag: str, packed: int) -> None:
        # the tag as written, so that both parsers name it alike (they expand odd ones apart)
        line, column, _ = unpack(packed)
        written = _TAG_TOKEN.search(self.doc.line_text(line), column - 1)
        shown = written.group() if written else tag.replace(STD, "!!")
        self._finding(
            packed,
            "error",
            "yaml-tag",
            f"etiqueta YAML no permitida «{shown}»: campana no ejecuta ni construye objetos",
            "quita la etiqueta y escribe el valor como texto, número o fecha",
        )

    def _resolve(self, value: str, implicit: Any) -> str:
        """The tag ruamel's Resolver gives a plain scalar (YAML 1.2 core schema)."""
        if implicit[0]:
            for tag, match in self.implicit.get(value[0] if value else "", self.anywhere):
                if match(value):
                    return tag
        return _STR

    def _check(self, packed: int, depth: int) -> None:
        """The alias budget and the depth limit, for a value at ``depth`` that was just counted."""
        if self.visited > self.budget:
            line, column, _ = unpack(packed)
            raise refusals.alias_bomb(self.doc.name, line, column)
        if depth > limits.MAX_DEPTH:
            line, column, _ = unpack(packed)
            raise refusals.too_deep(self.doc.name, line, column)

    def run(self, parser: Any) -> None:
        """Build from ``parser``'s events; UnreadableFile for a bound, ParseFailed for a parser
        error (the caller decides whether another parser gets a chance)."""
        try:
            self._run(parser)
            self.doc.largest_int = self.largest_int
        except refusals.UnreadableFile:
            raise
        except RecursionError:
            raise refusals.too_deep(self.doc.name) from None
        except Exception as exc:
            raise ParseFailed(exc) from None

    def _run(self, parser: Any) -> None:
        from ruamel.yaml.events import (
            AliasEvent,
            DocumentEndEvent,
            DocumentStartEvent,
            MappingEndEvent,
            MappingStartEvent,
            ScalarEvent,
            SequenceEndEvent,
            SequenceStartEvent,
            StreamEndEvent,
        )

        stack: list[_Frame] = []
        documents = 0
        # looked up once, not per event
        get_event, scalar, start, end = parser.get_event, self._scalar, self._start, self._end
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                scalar(stack, event)
            elif kind is MappingStartEvent:
                start(stack, event, True)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                end(stack)
            elif kind is SequenceStartEvent:
                start(stack, event, False)
            elif kind is AliasEvent:
                self._alias(stack, event)
            elif kind is DocumentStartEvent:
                if documents:
                    raise ComposeError(
                        "but found another document",
                        event.start_mark,
                        "expected a single document in the stream",
                    )
                documents += 1
            elif kind is DocumentEndEvent:
                self.anchors = {}
            elif kind is StreamEndEvent:
                return

    # The parent decides what a finished node is: a key, a kept value, or a skipped one.
    def _parent(self, stack: list[_Frame]) -> tuple[_Frame | None, bool, bool, int]:
        """(parent, is_key, muted, depth) for the node that starts now."""
        if not stack:
            return None, False, False, 0
        top = stack[-1]
        is_key = top.is_map and top.key is None
        muted = top.muted or (top.is_map and top.key is _SKIP)
        return top, is_key, muted, top.depth + 1

    def _count(self, packed: int, depth: int, muted: bool, is_key: bool, size: int) -> None:
        if muted or is_key:
            return
        self.visited += size
        self._check(packed, depth)

    def _scalar(self, stack: list[_Frame], event: Any) -> None:
        raw: str = event.value
        explicit: str | None = event.tag
        start, end = event.start_mark, event.end_mark
        line: int = start.line
        column: int = start.column
        if column > MASK27:
            column = MASK27
        if end.line == line:
            span = end.column - column
            if span < 1:
                span = 1
            elif span > MASK27:
                span = MASK27
        else:
            span = 1
        packed = (line << 54) | (column << 27) | span
        if explicit is None and event.anchor is None and stack:
            # The common case, inline: an untagged scalar without an anchor, in a collection
            # that is kept, as a new key, a kept value or a sequence item. Does what the
            # general path below does for it, without its calls.
            top = stack[-1]
            if not top.muted:
                if top.is_map:
                    key = top.key
                    if key is None:  # a key: flagged unless new and not a merge key («<<»)
                        tag = self._resolve(raw, event.implicit) if raw[:1] == "<" else _STR
                        if tag == _MERGE or raw in top.seen:
                            self._key(top, raw, tag, packed)
                        else:
                            # one string object per key text (a plan repeats a few keys
                            # tens of thousands of times: the data and the shadow share it)
                            raw = self.keys.setdefault(raw, raw)
                            top.seen[raw] = line + 1
                            top.key, top.kpos = raw, packed
                        return
                    if key is not _SKIP:
                        value: Any = self._value(raw, event.implicit, packed, top.depth + 1)
                        top.items[key] = value
                        top.shadow[key] = (top.kpos, packed)
                        top.key = None
                        top.size += 1
                        if top.height < 1:
                            top.height = 1
                        return
                else:
                    value = self._value(raw, event.implicit, packed, top.depth + 1)
                    top.items.append(value)
                    top.shadow.append(packed)
                    top.size += 1
                    if top.height < 1:
                        top.height = 1
                    return
        parent, is_key, muted, depth = self._parent(stack)
        if explicit is not None:
            # never constructed: a quoted or tagged scalar reads as its text
            tag = _STR
            if not muted:
                self._foreign(explicit, packed)
        else:
            tag = self._resolve(raw, event.implicit)
        if is_key:
            value = raw
        elif tag == _STR:
            value = raw
            if not muted:
                self.visited += 1
                self._check(packed, depth)
        else:
            self._count(packed, depth, muted, is_key, 1)
            value = _convert(tag, raw)
            if type(value) is int and abs(value) > self.largest_int:
                self.largest_int = abs(value)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(value, packed, 1, 0, raw)
        self._attach(parent, is_key, value, packed, packed, 1, 0, raw=raw, key_tag=tag)

    def _value(self, raw: str, implicit: Any, packed: int, depth: int) -> Any:
        """A kept untagged scalar value (the fast path of ``_scalar``): counted, resolved, built.

        A plain scalar's value depends on its text alone: each text is resolved once
        (``self.plain``), its value shared where it repeats (dates, ids, names; all immutable;
        not floats, so that two NaNs stay two objects).
        """
        self.visited += 1
        if self.visited > self.budget or depth > limits.MAX_DEPTH:
            self._check(packed, depth)
        if not implicit[0]:
            return raw  # quoted
        plain = self.plain
        if raw in plain:
            return plain[raw]
        tag = _STR
        for t, match in self.implicit.get(raw[:1], self.anywhere):
            if match(raw):
                tag = t
                break
        if tag == _STR:
            plain[raw] = raw
            return raw
        value = _convert(tag, raw)
        if type(value) is int and abs(value) > self.largest_int:
            self.largest_int = abs(value)
        if type(value) is not float:
            plain[raw] = value
        return value

    def _start(self, stack: list[_Frame], event: Any, is_map: bool) -> None:
        start = event.start_mark
        column: int = start.column
        if column > MASK27:
            column = MASK27
        packed = (start.line << 54) | (column << 27) | 1  # pack_marks(start, end, False)
        if stack:  # _parent, inline
            top = stack[-1]
            is_key = top.is_map and top.key is None
            muted = top.muted or (top.is_map and top.key is _SKIP)
            depth = top.depth + 1
        else:
            is_key = muted = False
            depth = 0
        if depth > limits.MAX_DEPTH:  # keys and skipped values too: before the parser's work
            line, column, _ = unpack(packed)
            raise refusals.too_deep(self.doc.name, line, column)
        if not (muted or is_key):  # _count, inline
            self.visited += 1
            if self.visited > self.budget:
                self._check(packed, depth)
        stack.append(_Frame(is_map, event.tag, packed, event.anchor, depth, muted or is_key))

    def _end(self, stack: list[_Frame]) -> None:
        frame = stack.pop()
        data, shadow = frame.items, frame.shadow
        if frame.tag is not None and not frame.muted:
            self._foreign(frame.tag, frame.pos)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = _Anchor(data, shadow, frame.size, frame.height, None)
        parent, is_key, _, _ = self._parent(stack)
        self._attach(parent, is_key, data, shadow, frame.pos, frame.size, frame.height)

    def _alias(self, stack: list[_Frame], event: Any) -> None:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise ComposeError(f"found undefined alias {event.anchor!r}", event.start_mark)
        packed = pack_marks(event.start_mark, event.end_mark, False)
        parent, is_key, muted, depth = self._parent(stack)
        if not (muted or is_key):
            self.visited += anchor.size
            self._check(packed, depth + anchor.height)
        if is_key and anchor.raw is not None:
            self._attach(
                parent,
                True,
                anchor.raw,
                anchor.shadow,
                anchor.shadow,
                1,
                0,
                raw=anchor.raw,
                key_tag=_STR,
            )
        else:
            self._attach(
                parent,
                is_key,
                anchor.data,
                anchor.shadow,
                own(anchor.shadow),
                anchor.size,
                anchor.height,
            )

    def _attach(
        self,
        parent: _Frame | None,
        is_key: bool,
        value: Any,
        shadow: Any,
        pos: int,
        size: int,
        height: int,
        *,
        raw: str | None = None,
        key_tag: str | None = None,
    ) -> None:
        """Hand a finished node to its parent as a sequence item, a mapping key or its value.

        ``size`` and ``height`` are the node's, alias expansions included: a parent adds those
        of the values it keeps, for the budget and depth of later aliases to it.
        """
        if parent is None:
            self.doc.data, self.doc.root = value, shadow
            return
        if not parent.is_map:
            parent.items.append(value)
            parent.shadow.append(shadow)
        elif not is_key:
            if parent.key is not _SKIP:
                parent.items[parent.key] = value
                parent.shadow[parent.key] = (parent.kpos, shadow)
            else:
                size = height = 0
            parent.key = None
        else:
            self._key(parent, raw, key_tag, pos)
            return
        if size:
            parent.size += size
            parent.height = max(parent.height, height + 1)

    def _key(self, parent: _Frame, raw: str | None, tag: str | None, kpos: int) -> None:
        """A mapping key: kept, or refused with a finding (its value is then read, not kept)."""
        parent.key = _SKIP
        report = not parent.muted
        if raw is None:
            if report:
                self._finding(
                    kpos,
                    "error",
                    "yaml-key",
                    "una clave debe ser texto, no una lista ni un mapa",
                    "escribe la clave como texto simple",
                )
        elif tag == _MERGE:
            if report:
                self._finding(
                    kpos,
                    "error",
                    "yaml-tag",
                    "la clave de fusión «<<» no se admite en un plan",
                    "escribe las claves completas en cada elemento",
                )
        elif raw in parent.seen:
            if report:
                self._finding(
                    kpos,
                    "error",
                    "duplicate-key",
                    f"clave duplicada «{raw}» (ya aparece en la línea {parent.seen[raw]})",
                    "deja una sola; YAML no admite claves repetidas en el mismo mapa",
                )
        else:
            parent.seen[raw] = unpack(kpos)[0]
            parent.key, parent.kpos = raw, kpos


def _convert(tag: str, raw: str) -> Any:
    """The value of an untagged plain scalar with the tag the core schema resolved for it."""
    kind = tag[len(STD) :]
    if kind == "null":
        return None
    if kind == "bool":
        return raw.lower() in ("true", "yes", "on", "y")
    if kind == "int":
        text = raw.replace("_", "")
        for base in (10, 0):
            try:
                return int(text, base)
            except ValueError:
                continue
        return raw
    if kind == "float":
        low = raw.lower().replace("_", "")
        if low in (".inf", "+.inf"):
            return math.inf
        if low == "-.inf":
            return -math.inf
        if low == ".nan":
            return math.nan
        try:
            return float(low)
        except ValueError:
            return raw
    if kind == "timestamp":
        if _ISO_DATE.match(raw):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                return raw  # an impossible date: the model check explains it
        return raw  # a date with a time, or an unusual form: the model asks for AAAA-MM-DD
    return raw
