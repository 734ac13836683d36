"""Why a file cannot be read at all: one constructor per refusal, each with its Spanish message.

Every refusal is an ``UnreadableFile`` carrying the finding to report (exit 2).
"""

from __future__ import annotations

from typing import Any

from campana.errors import Finding, UnreadableInput
from campana.yamlsrc import limits


class UnreadableFile(UnreadableInput):
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


def _refusal(
    name: str, message: str, hint: str, code: str, line: int = 1, col: int = 1
) -> UnreadableFile:
    return UnreadableFile(Finding(name, line, col, "error", code, message, hint=hint), hint=hint)


# --- the file itself ----------------------------------------------------------------------------


def file_missing(name: str) -> UnreadableFile:
    return _refusal(
        name,
        f"el archivo «{name}» no existe",
        "revisa la ruta, o indica el plan con --plan RUTA o la variable CAMPANA_PLAN",
        "file-missing",
    )


def file_is_folder(name: str) -> UnreadableFile:
    return _refusal(
        name,
        f"«{name}» es una carpeta, no un archivo YAML",
        f"indica el archivo dentro de ella, por ejemplo {name.rstrip('/')}/campaigns.yaml",
        "file-is-folder",
    )


def file_not_regular(name: str, kind: str) -> UnreadableFile:
    return _refusal(
        name,
        f"«{name}» no es un archivo normal sino {kind}",
        "indica el archivo YAML del plan; para leerlo de una tubería usa --plan - "
        "(por ejemplo: cat plan.yaml | campana validate -)",
        "file-not-regular",
    )


def file_loop(name: str) -> UnreadableFile:
    return _refusal(
        name,
        f"«{name}» es un enlace simbólico que forma un ciclo (apunta, directa o "
        "indirectamente, a sí mismo)",
        "corrige el enlace con «ln -sf DESTINO» o indica el archivo real",
        "file-loop",
    )


def file_name_too_long(name: str) -> UnreadableFile:
    return _refusal(
        name,
        "el nombre o la ruta del archivo es demasiado largo para el sistema",
        "acorta el nombre del archivo o de sus carpetas",
        "file-name-too-long",
    )


def file_unreadable(name: str, reason: str) -> UnreadableFile:
    return _refusal(
        name,
        f"no se puede leer «{name}»: {reason}",
        "revisa los permisos del archivo y de las carpetas que lo contienen",
        "file-unreadable",
    )


def file_too_large(name: str) -> UnreadableFile:
    return _refusal(
        name,
        f"el archivo pesa más de {limits.MAX_BYTES / 1048576:.0f} MiB",
        f"el límite es {limits.MAX_BYTES // 1048576} MiB: divide el plan o revisa que sea el "
        "archivo correcto",
        "file-too-large",
    )


# --- its encoding -------------------------------------------------------------------------------


def utf16(name: str) -> UnreadableFile:
    return _refusal(
        name,
        "el archivo está en UTF-16, no en UTF-8",
        "guárdalo como «UTF-8» (sin BOM) en tu editor",
        "encoding",
    )


def not_utf8(name: str, byte: int, line: int, col: int) -> UnreadableFile:
    return _refusal(
        name,
        f"el archivo no está en UTF-8 (byte 0x{byte:02X} en la línea {line})",
        "guárdalo como «UTF-8» en tu editor; probablemente está en Latin-1 o Windows-1252",
        "encoding",
        line,
        col,
    )


def nul_byte(name: str, line: int, col: int) -> UnreadableFile:
    return _refusal(
        name,
        "el archivo contiene bytes nulos: no es texto",
        "revisa que sea el archivo YAML del plan",
        "encoding",
        line,
        col,
    )


# --- its YAML -----------------------------------------------------------------------------------


def too_deep(name: str, line: int = 1, col: int = 1) -> UnreadableFile:
    return _refusal(
        name,
        "el documento está anidado a demasiada profundidad",
        f"un plan no necesita más de {limits.MAX_DEPTH} niveles",
        "yaml-depth",
        line,
        col,
    )


def alias_bomb(name: str, line: int, col: int) -> UnreadableFile:
    return _refusal(
        name,
        "los alias «*» del documento se expanden a demasiados nodos (¿una «bomba de alias»?)",
        "escribe los valores completos en lugar de encadenar alias",
        "yaml-alias-bomb",
        line,
        col,
    )


def tab_indent(name: str, line: int, col: int) -> UnreadableFile:
    return _refusal(
        name,
        "se usó un tabulador para sangrar; YAML solo admite espacios",
        "reemplaza los tabuladores por espacios (dos por nivel)",
        "yaml-tab",
        line,
        col,
    )


def tab_in_line(name: str, line: int, col: int) -> UnreadableFile:
    return _refusal(
        name,
        "error de sintaxis YAML: hay un tabulador en esta línea",
        "reemplaza los tabuladores por espacios",
        "yaml-tab",
        line,
        col,
    )


def syntax(name: str, message: str, hint: str, line: int, col: int) -> UnreadableFile:
    return _refusal(name, f"error de sintaxis YAML: {message}", hint, "yaml-syntax", line, col)


def unknown_syntax(name: str, line: int, col: int) -> UnreadableFile:
    return _refusal(
        name,
        "error de sintaxis YAML",
        "revisa la sangría, los «:» y las comillas de esta línea y la anterior",
        "yaml-syntax",
        line,
        col,
    )


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
        "alinea la clave con sus hermanas, usando solo espacios",
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


def _at_end(mark: Any, text: str) -> bool:
    """Whether only blanks follow ``mark``: the parser ran off the end of the file."""
    index = getattr(mark, "index", None)
    return isinstance(index, int) and not text[index:].strip()


def _open_bracket(lines: list[str]) -> tuple[int, int] | None:
    """The line and column (1-based) of the last «[» or «{» left open, skipping quoted text
    and comments: where a file cut short inside a flow collection went wrong."""
    stack: list[tuple[int, int]] = []
    quote = ""
    for n, line in enumerate(lines, 1):
        prev = " "
        for i, ch in enumerate(line):
            if quote:
                if ch == quote:
                    quote = ""
            elif ch == "#" and prev in " \t":
                break
            elif ch in "'\"" and (prev in " \t[{,:" or i == 0):
                quote = ch
            elif ch in "[{":
                stack.append((n, i + 1))
            elif ch in "]}" and stack:
                stack.pop()
            prev = ch
    return stack[-1] if stack else None


def syntax_error(exc: Exception, name: str, text: str) -> UnreadableFile:
    """The refusal for a parser's error, at its place (the opening bracket or quote when the
    parser ran off the end of the file looking for its closing one)."""
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    if problem_mark is not None and context_mark is not None and _at_end(problem_mark, text):
        mark = context_mark
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    problem = f"{getattr(exc, 'problem', '') or ''} {getattr(exc, 'context', '') or ''} {exc}"
    from campana.yamlsrc.positions import split_lines

    lines = split_lines(text)
    if mark is not None and _at_end(mark, text):
        # libyaml may put both marks at the end («while parsing a flow node»): point at the
        # bracket left open, else at the end of the last line, never past the file
        opened = _open_bracket(lines) if "flow" in problem else None
        if opened is not None:
            line, col = opened
        elif line > len(lines) or (line == len(lines) and not lines[-1].strip()):
            last = max((i for i, x in enumerate(lines) if x.strip()), default=0)
            line, col = last + 1, len(lines[last]) + 1 if lines else 1
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source[: max(col, len(source) - len(source.lstrip()))] or (
        "'\\t'" in problem and source[:col].strip() == ""
    ):
        tab = source.find("\t")
        return tab_indent(name, line, tab + 1 if tab >= 0 else col)
    for needle, message, hint in _PARSER_MESSAGES:
        if needle in problem:
            return syntax(name, message, hint, line, col)
    if "\t" in source:
        return tab_in_line(name, line, source.find("\t") + 1)
    return unknown_syntax(name, line, col)
