"""Read a YAML file safely into plain Python data, keeping where every key and value stands.

The C parser of ruamel.yaml (ruamel.yaml.clib) yields events with marks; this module turns them
into dicts, lists and scalars itself, so that it can refuse tags instead of running them, report
duplicate keys, bound alias expansion and still answer ``position(path)`` later, only for the
places a finding needs. Positions are kept as a light "shadow" of the data (one int per scalar:
line, column and span packed), not as a node tree: a node with its two marks costs ten times
the memory, and building nodes costs more time than the events themselves.

Without the C extension the pure-Python composer builds a node tree and ``_Builder`` walks it
(the same data, findings and positions; ``load(..., via_nodes=True)`` forces that path).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campana.errors import CampanaError, Finding

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 100

Loc = tuple[str | int, ...]

_STD = "tag:yaml.org,2002:"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class UnreadableFile(CampanaError):
    """A file that cannot be read or parsed at all; carries the finding to report (exit 2)."""

    def __init__(self, finding: Finding, hint: str | None = None) -> None:
        super().__init__(
            finding.message,
            hint=hint or finding.hint,
            file=finding.file,
            line=finding.line,
            column=finding.column,
        )
        self.finding = finding
        #: the file's text when it could be decoded, to show the offending line
        self.text: str | None = None


@dataclass
class YamlDoc:
    """A parsed YAML file: its data, its text and the node tree that knows positions."""

    path: Path
    name: str
    text: str
    data: Any
    root: Any
    findings: list[Finding] = field(default_factory=list)
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def node_at(self, loc: Loc, *, key: bool = False) -> Any:
        """The node at ``loc`` (the key node with ``key=True``), or the deepest one that exists.

        With the event loader a "node" is a shadow entry: an int (packed position) for a scalar
        or a key, ``{None: position, key: (key position, shadow)}`` for a mapping and
        ``[position, shadow...]`` for a sequence.
        """
        node = self.root
        if node is None:
            return None
        if isinstance(node, int | dict | list):
            return _shadow_at(node, loc, key)
        for i, part in enumerate(loc):
            last = i == len(loc) - 1
            value = node.value
            if isinstance(value, list) and value and isinstance(value[0], tuple):
                for k, v in value:
                    if str(k.value) == str(part):
                        node = k if key and last else v
                        break
                else:
                    return node
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                node = value[part]
            else:
                return node
        return node

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int, int]:
        """1-based (line, column, span) of the value at ``loc`` (of its key with ``key=True``)."""
        node = self.node_at(loc, key=key)
        if node is None:
            return 1, 1, 1
        if isinstance(node, int | dict | list):
            return _unpack(node if isinstance(node, int) else _own(node))
        start, end = node.start_mark, node.end_mark
        span = 1
        if isinstance(node.value, str) and end.line == start.line:
            span = max(1, end.column - start.column)
        return start.line + 1, start.column + 1, span

    def finding(
        self,
        loc: Loc,
        severity: str,
        code: str,
        message: str,
        *,
        hint: str | None = None,
        key: bool = False,
        campaign: str | None = None,
        identity: tuple[str, ...] = (),
    ) -> Finding:
        line, column, span = self.position(loc, key=key)
        return Finding(
            file=self.name,
            line=line,
            column=column,
            severity=severity,  # type: ignore[arg-type]
            code=code,
            message=message,
            hint=hint,
            campaign=campaign,
            span=span,
            key=identity,
        )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a plan is read, validated and checked.

    Loading allocates objects by the million (dicts, lists, models) without a reference cycle
    among them; each full collection would walk all of them again, and there are more full
    collections the larger the plan, so the time would grow faster than the plan. Reference
    counting still frees everything as usual; the collector resumes afterwards.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unreadable(
    name: str, message: str, hint: str, code: str, line: int = 1, col: int = 1
) -> UnreadableFile:
    return UnreadableFile(Finding(name, line, col, "error", code, message, hint=hint), hint=hint)


def read_text(path: Path, name: str) -> tuple[str, list[Finding]]:
    """The file's text as UTF-8, or UnreadableFile with a Spanish reason."""
    if not path.exists():
        raise _unreadable(
            name,
            f"el archivo «{name}» no existe",
            "revisa la ruta, o indica el plan con --plan RUTA o la variable CAMPANA_PLAN",
            "file-missing",
        )
    if path.is_dir():
        raise _unreadable(
            name,
            f"«{name}» es una carpeta, no un archivo YAML",
            f"indica el archivo dentro de ella, por ejemplo {name.rstrip('/')}/campaigns.yaml",
            "file-is-folder",
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _unreadable(
                name,
                f"el archivo pesa {size / 1048576:.0f} MiB; "
                f"el límite es {MAX_BYTES // 1048576} MiB",
                "divide el plan o revisa que sea el archivo correcto",
                "file-too-large",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise _unreadable(
            name,
            f"no se puede leer «{name}»: {exc.strerror or exc}",
            "revisa los permisos del archivo",
            "file-unreadable",
        ) from None
    findings: list[Finding] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _unreadable(
            name,
            "el archivo está en UTF-16, no en UTF-8",
            "guárdalo como «UTF-8» (sin BOM) en tu editor",
            "encoding",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        findings.append(
            Finding(
                name,
                1,
                1,
                "warning",
                "bom",
                "el archivo empieza con una marca BOM de UTF-8",
                hint="guárdalo como «UTF-8» sin BOM; campana la ignora",
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        error = _unreadable(
            name,
            f"el archivo no está en UTF-8 (byte 0x{raw[exc.start]:02X} en la línea {line})",
            "guárdalo como «UTF-8» en tu editor; probablemente está en Latin-1 o Windows-1252",
            "encoding",
            line,
            col,
        )
        error.text = raw.decode("utf-8", "replace")  # to show the offending line
        raise error from None
    if "\x00" in text:
        raise _unreadable(
            name,
            "el archivo contiene bytes nulos: no es texto",
            "revisa que sea el archivo YAML del plan",
            "encoding",
        )
    return text, findings


_PARSER_MESSAGES = (
    (
        "mapping values are not allowed",
        "aquí no puede ir «:»",
        "pon el texto entre comillas si contiene «: », o revisa la sangría de la línea",
    ),
    (
        "could not find expected ':'",
        "falta «:» después de una clave",
        "escribe «clave: valor», o cierra las comillas abiertas",
    ),
    (
        "did not find expected key",
        "la sangría no coincide con la de las claves de arriba",
        "alinea la clave con sus hermanas, usando sólo espacios",
    ),
    (
        "did not find expected '-' indicator",
        "la sangría no coincide con la de la lista",
        "alinea el «-» con los demás elementos de la lista",
    ),
    (
        "found undefined alias",
        "alias sin ancla: no hay un «&nombre» antes de este «*nombre»",
        "define el ancla antes de usarla, o escribe el valor completo",
    ),
    (
        "found unexpected end of stream",
        "el archivo termina con comillas o corchetes sin cerrar",
        "cierra las comillas, «[» o «{» que abriste",
    ),
    (
        "found unknown escape character",
        "secuencia de escape desconocida dentro de comillas dobles",
        "usa comillas simples o duplica la barra invertida",
    ),
    (
        "expected <block end>",
        "la sangría no coincide con la del bloque",
        "revisa que los elementos del mismo nivel tengan la misma sangría",
    ),
    (
        "expected a single document",
        "el archivo contiene más de un documento YAML («---»)",
        "deja un solo documento por archivo",
    ),
    ("found duplicate anchor", "ancla «&» repetida", "usa un nombre distinto para cada ancla"),
    (
        "found character that cannot start any token",
        "carácter que no puede empezar un valor YAML",
        "pon el valor entre comillas",
    ),
    ("while scanning a quoted scalar", "comillas sin cerrar", "cierra las comillas"),
    ("while parsing a flow", "lista o mapa entre corchetes sin cerrar", "cierra «]» o «}»"),
)


def _syntax_error(exc: Exception, name: str, text: str) -> UnreadableFile:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    problem = f"{getattr(exc, 'problem', '') or ''} {getattr(exc, 'context', '') or ''} {exc}"
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source[: max(col, len(source) - len(source.lstrip()))] or (
        "'\\t'" in problem and source[:col].strip() == ""
    ):
        tab = source.find("\t")
        return _unreadable(
            name,
            "se usó un tabulador para sangrar; YAML sólo admite espacios",
            "reemplaza los tabuladores por espacios (dos por nivel)",
            "yaml-tab",
            line,
            tab + 1 if tab >= 0 else col,
        )
    for needle, message, hint in _PARSER_MESSAGES:
        if needle in problem:
            return _unreadable(
                name, f"error de sintaxis YAML: {message}", hint, "yaml-syntax", line, col
            )
    if "\t" in source:
        return _unreadable(
            name,
            "error de sintaxis YAML: hay un tabulador en esta línea",
            "reemplaza los tabuladores por espacios",
            "yaml-tab",
            line,
            source.find("\t") + 1,
        )
    return _unreadable(
        name,
        "error de sintaxis YAML",
        "revisa la sangría, los «:» y las comillas de esta línea y la anterior",
        "yaml-syntax",
        line,
        col,
    )


def compose(text: str, name: str, *, pure: bool = False) -> Any:
    """The node tree of a one-document YAML text (C composer when available)."""
    try:
        if pure:
            raise ImportError
        from ruamel.yaml.cyaml import CSafeLoader

        loader: Any = CSafeLoader(text)
    except ImportError:  # pure-Python composer, without ruamel.yaml.clib or when asked
        from ruamel.yaml import YAML

        yaml = YAML(typ="safe", pure=True)
        try:
            return yaml.compose(text)
        except Exception as exc:
            raise _syntax_error(exc, name, text) from None
    try:
        return loader.get_single_node()
    except RecursionError:
        raise _unreadable(
            name,
            "el documento está anidado a demasiada profundidad",
            f"un plan no necesita más de {MAX_DEPTH} niveles",
            "yaml-depth",
        ) from None
    except Exception as exc:
        raise _syntax_error(exc, name, text) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()


class _Builder:
    """Plain data from nodes: refuses foreign tags, flags duplicate keys, bounds aliases."""

    def __init__(self, doc: YamlDoc, budget: int) -> None:
        self.doc = doc
        self.budget = budget
        self.visited = 0

    def _here(self, node: Any, severity: str, code: str, message: str, hint: str) -> None:
        m = node.start_mark
        self.doc.findings.append(
            Finding(self.doc.name, m.line + 1, m.column + 1, severity, code, message, hint=hint)  # type: ignore[arg-type]
        )

    def build(self, node: Any, depth: int = 0) -> Any:
        self.visited += 1
        if self.visited > self.budget:
            raise _unreadable(
                self.doc.name,
                "los alias «*» del documento se expanden a demasiados nodos "
                "(¿una «bomba de alias»?)",
                "escribe los valores completos en lugar de encadenar alias",
                "yaml-alias-bomb",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        if depth > MAX_DEPTH:
            raise _unreadable(
                self.doc.name,
                "el documento está anidado a demasiada profundidad",
                f"un plan no necesita más de {MAX_DEPTH} niveles",
                "yaml-depth",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        tag: str = node.tag or ""
        value = node.value
        if (
            isinstance(value, list) and value and isinstance(value[0], tuple)
        ) or tag == _STD + "map":
            return self._mapping(node, depth)
        if isinstance(value, list):
            if tag != _STD + "seq":
                self._foreign(node)
            return [self.build(item, depth + 1) for item in value]
        return self._scalar(node)

    def _foreign(self, node: Any) -> None:
        tag = node.tag.replace(_STD, "!!")
        self._here(
            node,
            "error",
            "yaml-tag",
            f"etiqueta YAML no permitida «{tag}»: campana no ejecuta ni construye objetos",
            "quita la etiqueta y escribe el valor como texto, número o fecha",
        )

    def _mapping(self, node: Any, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for knode, vnode in node.value:
            if knode.tag == _STD + "merge":
                self._here(
                    knode,
                    "error",
                    "yaml-tag",
                    "la clave de fusión «<<» no se admite en un plan",
                    "escribe las claves completas en cada elemento",
                )
                continue
            if isinstance(knode.value, list):
                self._here(
                    knode,
                    "error",
                    "yaml-key",
                    "una clave debe ser texto, no una lista ni un mapa",
                    "escribe la clave como texto simple",
                )
                continue
            key = str(knode.value)
            if key in seen:
                self._here(
                    knode,
                    "error",
                    "duplicate-key",
                    f"clave duplicada «{key}» (ya aparece en la línea {seen[key]})",
                    "deja una sola; YAML no admite claves repetidas en el mismo mapa",
                )
                continue
            seen[key] = knode.start_mark.line + 1
            result[key] = self.build(vnode, depth + 1)
        return result

    def _scalar(self, node: Any) -> Any:
        value, foreign = _convert(node.tag or "", node.value)
        if foreign:
            self._foreign(node)
        return value


def load(path: Path, name: str | None = None, *, via_nodes: bool = False) -> YamlDoc:
    """Read and parse one YAML file. Raises UnreadableFile (exit 2) when that is impossible."""
    display = name or str(path)
    text, findings = read_text(path, display)
    doc = YamlDoc(path=path, name=display, text=text, data=None, root=None, findings=findings)
    try:
        return _parse(doc, via_nodes=via_nodes)
    except UnreadableFile as exc:
        exc.text = text  # the reporter shows the offending line without reading the file again
        raise


def _parse(doc: YamlDoc, *, via_nodes: bool) -> YamlDoc:
    text, display = doc.text, doc.name
    budget = 10 * len(text) + 10_000
    parser = None if via_nodes else _c_parser(text)
    if parser is not None:
        try:
            _EventBuilder(doc, budget).run(parser)
        finally:
            parser.dispose()
        return doc
    root = compose(text, display)
    doc.root = root
    if root is not None:
        builder = _Builder(doc, budget=budget)
        try:
            doc.data = builder.build(root)
        except RecursionError:
            raise _unreadable(
                display,
                "el documento está anidado a demasiada profundidad",
                f"un plan no necesita más de {MAX_DEPTH} niveles",
                "yaml-depth",
            ) from None
    return doc


# --- the event loader -------------------------------------------------------------------------

_MASK27 = (1 << 27) - 1
_SKIP = object()  # the pending key of a mapping entry whose value is read but not kept


def _pack(start: Any, end: Any, scalar: bool) -> int:
    """(line, column, span) of a node's marks as one int: the shadow of a scalar or key."""
    span = 1
    if scalar and end.line == start.line:
        span = max(1, min(end.column - start.column, _MASK27))
    line: int = start.line
    column: int = min(start.column, _MASK27)
    return (line << 54) | (column << 27) | span


def _unpack(packed: int) -> tuple[int, int, int]:
    return (packed >> 54) + 1, ((packed >> 27) & _MASK27) + 1, packed & _MASK27


def _own(shadow: Any) -> int:
    """The packed position of a shadow entry itself."""
    packed: int = (
        shadow[None]
        if isinstance(shadow, dict)
        else (shadow[0] if isinstance(shadow, list) else shadow)
    )
    return packed


def _shadow_at(shadow: Any, loc: Loc, key: bool) -> Any:
    """``node_at`` on the shadow: the same walk as on nodes (first of duplicate keys wins)."""
    node = shadow
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict):
            entry = node.get(str(part))
            if entry is None:
                return node
            node = entry[0] if key and last else entry[1]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node) - 1:
            node = node[part + 1]
        else:
            return node
    return node


def _c_parser(text: str) -> Any:
    """The C event parser of ruamel.yaml.clib, or None without the extension."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - pure-Python install
        return None
    return CParser(text)


class _ComposeError(Exception):
    """What the composer says about a stream the parser accepts: read by ``_syntax_error``."""

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
        self, is_map: bool, tag: str, pos: int, anchor: str | None, depth: int, muted: bool
    ) -> None:
        self.is_map = is_map
        self.tag = tag
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


class _EventBuilder:
    """Plain data and its shadow from parser events, with the rules of ``_Builder``.

    Refuses foreign tags, flags duplicate keys (the first one wins) and merge keys, bounds
    alias expansion and depth. Aliases share the anchor's data (it is never mutated).
    """

    def __init__(self, doc: YamlDoc, budget: int) -> None:
        self.doc = doc
        self.budget = budget
        self.visited = 0
        self.anchors: dict[str, _Anchor] = {}
        self.defined: set[str] = set()  # anchors of this document, from where they start
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
        line, column, _ = _unpack(packed)
        self.doc.findings.append(
            Finding(self.doc.name, line, column, severity, code, message, hint=hint)  # type: ignore[arg-type]
        )

    def _foreign(self, tag: str, packed: int) -> None:
        self._finding(
            packed,
            "error",
            "yaml-tag",
            f"etiqueta YAML no permitida «{tag.replace(_STD, '!!')}»: campana no ejecuta ni "
            "construye objetos",
            "quita la etiqueta y escribe el valor como texto, número o fecha",
        )

    def _resolve(self, value: str, implicit: Any) -> str:
        """The tag ruamel's Resolver gives a plain scalar (YAML 1.2 core schema)."""
        if implicit[0]:
            for tag, match in self.implicit.get(value[0] if value else "", self.anywhere):
                if match(value):
                    return tag
        return _STD + "str"

    def _check(self, packed: int, depth: int) -> None:
        """The alias budget and the depth limit, for a value at ``depth`` that was just counted."""
        if self.visited > self.budget:
            line, column, _ = _unpack(packed)
            raise _unreadable(
                self.doc.name,
                "los alias «*» del documento se expanden a demasiados nodos "
                "(¿una «bomba de alias»?)",
                "escribe los valores completos en lugar de encadenar alias",
                "yaml-alias-bomb",
                line,
                column,
            )
        if depth > MAX_DEPTH:
            line, column, _ = _unpack(packed)
            raise _unreadable(
                self.doc.name,
                "el documento está anidado a demasiada profundidad",
                f"un plan no necesita más de {MAX_DEPTH} niveles",
                "yaml-depth",
                line,
                column,
            )

    def run(self, parser: Any) -> None:
        try:
            self._run(parser)
        except UnreadableFile:
            raise
        except RecursionError:
            raise _unreadable(
                self.doc.name,
                "el documento está anidado a demasiada profundidad",
                f"un plan no necesita más de {MAX_DEPTH} niveles",
                "yaml-depth",
            ) from None
        except Exception as exc:
            raise _syntax_error(exc, self.doc.name, self.doc.text) from None

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
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                self._scalar(stack, event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                self._start(stack, event, kind is MappingStartEvent)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self._end(stack)
            elif kind is AliasEvent:
                self._alias(stack, event)
            elif kind is DocumentStartEvent:
                if documents:
                    raise _ComposeError(
                        "but found another document",
                        event.start_mark,
                        "expected a single document in the stream",
                    )
                documents += 1
            elif kind is DocumentEndEvent:
                self.anchors, self.defined = {}, set()
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

    def _define(self, event: Any) -> None:
        if event.anchor is None:
            return
        if event.anchor in self.defined:
            raise _ComposeError("second occurrence", event.start_mark, "found duplicate anchor")
        self.defined.add(event.anchor)

    def _scalar(self, stack: list[_Frame], event: Any) -> None:
        self._define(event)
        raw: str = event.value
        tag: str | None = event.tag
        if tag is None or tag == "!":
            tag = self._resolve(raw, event.implicit)
        start, end = event.start_mark, event.end_mark
        line: int = start.line
        column: int = min(start.column, _MASK27)
        span = max(1, min(end.column - column, _MASK27)) if end.line == line else 1
        packed = (line << 54) | (column << 27) | span
        parent, is_key, muted, depth = self._parent(stack)
        if is_key:
            value: Any = raw
        elif tag == _STD + "str":
            value = raw
            if not muted:
                self.visited += 1
                self._check(packed, depth)
        else:
            self._count(packed, depth, muted, is_key, 1)
            value, foreign = _convert(tag, raw)
            if foreign and not muted:
                self._foreign(tag, packed)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(value, packed, 1, 0, raw)
        self._attach(parent, is_key, value, packed, packed, 1, 0, raw=raw, key_tag=tag)

    def _start(self, stack: list[_Frame], event: Any, is_map: bool) -> None:
        self._define(event)
        tag: str | None = event.tag
        if tag is None or tag == "!":
            tag = _STD + ("map" if is_map else "seq")
        packed = _pack(event.start_mark, event.end_mark, False)
        _, is_key, muted, depth = self._parent(stack)
        self._count(packed, depth, muted, is_key, 1)
        stack.append(_Frame(is_map, tag, packed, event.anchor, depth, muted or is_key))

    def _end(self, stack: list[_Frame]) -> None:
        frame = stack.pop()
        data, shadow = frame.items, frame.shadow
        if frame.is_map and not data and frame.tag != _STD + "map":
            # an empty mapping with another tag reads as an empty sequence (as _Builder does)
            if frame.tag != _STD + "seq" and not frame.muted:
                self._foreign(frame.tag, frame.pos)
            data, shadow = [], [frame.pos]
        elif not frame.is_map and frame.tag != _STD + "seq" and not frame.muted:
            self._foreign(frame.tag, frame.pos)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = _Anchor(data, shadow, frame.size, frame.height, None)
        parent, is_key, _, _ = self._parent(stack)
        self._attach(parent, is_key, data, shadow, frame.pos, frame.size, frame.height)

    def _alias(self, stack: list[_Frame], event: Any) -> None:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise _ComposeError(f"found undefined alias {event.anchor!r}", event.start_mark)
        packed = _pack(event.start_mark, event.end_mark, False)
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
                key_tag=_STD + "str",
            )
        else:
            self._attach(
                parent,
                is_key,
                anchor.data,
                anchor.shadow,
                _own(anchor.shadow),
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
        elif tag == _STD + "merge":
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
            parent.seen[raw] = _unpack(kpos)[0]
            parent.key, parent.kpos = raw, kpos


def _convert(tag: str, raw: str) -> tuple[Any, bool]:
    """The value of a scalar with a resolved tag, and whether the tag is one campana refuses."""
    if not tag.startswith(_STD):
        return raw, True
    kind = tag[len(_STD) :]
    if kind == "str":
        return raw, False
    if kind == "null":
        return None, False
    if kind == "bool":
        return raw.lower() in ("true", "yes", "on", "y"), False
    if kind == "int":
        text = raw.replace("_", "")
        for base in (10, 0):
            try:
                return int(text, base), False
            except ValueError:
                continue
        return raw, False
    if kind == "float":
        low = raw.lower().replace("_", "")
        if low in (".inf", "+.inf"):
            return math.inf, False
        if low == "-.inf":
            return -math.inf, False
        if low == ".nan":
            return math.nan, False
        try:
            return float(low), False
        except ValueError:
            return raw, False
    if kind == "timestamp":
        if _ISO_DATE.match(raw):
            try:
                return dt.date.fromisoformat(raw), False
            except ValueError:
                return raw, False  # an impossible date: the model check explains it
        return raw, False  # a date with a time, or an unusual form: the model asks for AAAA-MM-DD
    return raw, True
