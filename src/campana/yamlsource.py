"""Read a YAML file safely into plain Python data, keeping where every key and value stands.

The C composer of ruamel.yaml (ruamel.yaml.clib) builds the node tree with marks; this module
turns it into dicts, lists and scalars itself, so that it can refuse tags instead of running them,
report duplicate keys, bound alias expansion and still answer ``position(path)`` later, only for
the places a finding needs.
"""

from __future__ import annotations

import datetime as dt
import math
import re
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
        """The node at ``loc`` (the key node with ``key=True``), or the deepest one that exists."""
        node = self.root
        if node is None:
            return None
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
        raise _unreadable(
            name,
            f"el archivo no está en UTF-8 (byte 0x{raw[exc.start]:02X} en la línea {line})",
            "guárdalo como «UTF-8» en tu editor; probablemente está en Latin-1 o Windows-1252",
            "encoding",
            line,
            col,
        ) from None
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


def compose(text: str, name: str) -> Any:
    """The node tree of a one-document YAML text (C composer when available)."""
    try:
        from ruamel.yaml.cyaml import CSafeLoader

        loader: Any = CSafeLoader(text)
    except ImportError:  # pragma: no cover - pure-Python fallback without ruamel.yaml.clib
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
        tag: str = node.tag or ""
        raw: str = node.value
        if not tag.startswith(_STD):
            self._foreign(node)
            return raw
        kind = tag[len(_STD) :]
        if kind == "str":
            return raw
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
        self._foreign(node)
        return raw


def load(path: Path, name: str | None = None) -> YamlDoc:
    """Read and parse one YAML file. Raises UnreadableFile (exit 2) when that is impossible."""
    display = name or str(path)
    text, findings = read_text(path, display)
    root = compose(text, display)
    doc = YamlDoc(path=path, name=display, text=text, data=None, root=root, findings=findings)
    if root is not None:
        builder = _Builder(doc, budget=10 * len(text) + 10_000)
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
