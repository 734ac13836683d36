"""pydantic's validation errors as Spanish findings that point at the YAML.

``schema_findings`` is the one place that words a schema error (an unknown key, a missing
field, a wrong type, a value outside a fixed list, a date that does not exist) for a person:
what is wrong, where, and how to fix it. ``campana.loading`` calls it; nothing here reads
files. pydantic is imported only when there is an error to word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from campana.errors import Finding
    from campana.yamlsrc import Loc, YamlDoc


_TYPE_NAMES = {
    "string_type": "un texto",
    "int_type": "un número entero",
    "int_parsing": "un número entero",
    "float_type": "un número",
    "bool_type": "verdadero o falso (true/false)",
    "date_type": "una fecha AAAA-MM-DD",
    "list_type": "una lista (elementos con «-»)",
    "model_type": "un mapa de claves (clave: valor)",
    "dict_type": "un mapa de claves (clave: valor)",
    "model_attributes_type": "un mapa de claves (clave: valor)",
}


def _literal_message(where: str, value: Any, expected: str) -> tuple[str, str | None]:
    """A value outside a fixed list, in Spanish: «denegada» no es un valor válido; se admite
    uno de: pending, approved, denied, pendiente, aprobada o negada; with the close one."""
    import re

    allowed = re.findall(r"'([^']*)'", expected) or [
        a.strip() for a in re.split(r",| or ", expected) if a.strip()
    ]
    shown = f"«{value}»" if isinstance(value, str) else _describe(value)
    listed = ", ".join(allowed[:-1]) + f" o {allowed[-1]}" if len(allowed) > 1 else "".join(allowed)
    message = f"{where}: {shown} no es un valor válido; se admite uno de: {listed}"
    hint = None
    if isinstance(value, str) and allowed:
        from campana.suggest import suggestion

        hint = suggestion(value, allowed)
    return message, hint


def _describe(value: Any) -> str:
    import datetime as dt

    if value is None:
        return "un valor vacío"
    if isinstance(value, bool):
        return f"el booleano {str(value).lower()}"
    if isinstance(value, int | float):
        return f"el número {value}"
    if isinstance(value, dt.date):
        return f"la fecha {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"el texto «{shown}»"
    if isinstance(value, list):
        return "una lista"
    if isinstance(value, dict):
        return "un mapa"
    return "otro tipo de valor"


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that owns the last element of ``loc``."""
    import types
    import typing

    from pydantic import BaseModel

    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        annotation: Any = info.annotation
        while True:
            origin = typing.get_origin(annotation)
            if origin in (list, typing.Union, types.UnionType):
                args = [a for a in typing.get_args(annotation) if a is not type(None)]
                annotation = args[0] if args else None
                continue
            if origin is typing.Annotated:
                annotation = typing.get_args(annotation)[0]
                continue
            break
        current = annotation
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def loc_text(loc: Sequence[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(raíz)"


def _real_date(year: int, month: int, day: int) -> Any:
    import datetime as dt

    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def schema_findings(doc: YamlDoc, model: type[BaseModel], exc: ValidationError) -> list[Finding]:
    """Turn pydantic's errors into Spanish findings that point at the YAML."""
    import difflib

    from campana.dates import impossible_date_message

    findings: list[Finding] = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        etype = err["type"]
        value = err.get("input")
        where = loc_text(loc)
        key = False
        hint: str | None = None
        code = "schema"
        if etype == "extra_forbidden":
            owner = _model_at(model, loc)
            known = list(owner.model_fields) if owner else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.5)
            message = f"clave desconocida «{loc[-1]}» en {loc_text(loc[:-1])}"
            hint = (
                f"¿quisiste decir «{close[0]}»?"
                if close
                else "claves válidas aquí: " + ", ".join(known)
            )
            key, code = True, "unknown-key"
        elif etype == "missing":
            message = f"falta el campo obligatorio «{loc[-1]}» en {loc_text(loc[:-1])}"
            hint = f"agrega «{loc[-1]}: ...» a este elemento"
            code = "missing-field"
        elif etype in ("date_type", "date_parsing", "date_from_datetime_parsing") and isinstance(
            value, str
        ):
            import re

            parts = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", value)
            real = _real_date(*(int(p) for p in parts.groups())) if parts else None
            if real is not None and value == real.isoformat():
                # written as a date should be, so read as text: quoted (or tagged !!str)
                message = f"{where}: «{value}» está entre comillas, así que es texto y no una fecha"
                hint = f"quita las comillas: {real.isoformat()}"
                code = "invalid-date"
            elif real is not None:  # the date exists; it is written without its zeros
                message = (
                    f"{where}: la fecha «{value}» no tiene el formato AAAA-MM-DD "
                    "(mes y día con dos cifras)"
                )
                hint = f"escríbela como {real.isoformat()}"
                code = "invalid-date"
            elif parts:
                message = f"{where}: {impossible_date_message(value)}"
                hint = "corrige el día o el mes"
                code = "invalid-date"
            else:
                message = f"{where}: se esperaba una fecha AAAA-MM-DD y hay {_describe(value)}"
                hint = "escribe la fecha como 2024-02-23"
                code = "wrong-type"
        elif etype in _TYPE_NAMES:
            message = f"{where}: se esperaba {_TYPE_NAMES[etype]} y hay {_describe(value)}"
            code = "wrong-type"
            if isinstance(value, str) and etype in ("int_type", "int_parsing", "float_type"):
                digits = value.replace(",", "").replace(" ", "")
                if digits.isdigit():
                    hint = f"escribe {digits}, sin comas ni espacios"
            elif etype == "string_type" and value is None:
                hint = "escribe el texto, o quita la clave si es opcional"
            elif etype == "string_type" and isinstance(value, int | float | bool):
                hint = "ponlo entre comillas para que sea texto"
        elif etype == "literal_error":
            message, hint = _literal_message(where, value, err.get("ctx", {}).get("expected", ""))
            code = "invalid-value"
        elif etype == "string_pattern_mismatch":
            message = f"{where}: {_describe(value)} no tiene el formato esperado"
            code = "invalid-value"
            if (loc and loc[-1] in ("id", "touchpoint", "whole", "of")) or (
                len(loc) > 1 and loc[-2] in ("audience", "restricts", "parts")
            ):
                hint = "los ids van en minúsculas, sin acentos ni espacios, unidos por guiones"
            elif loc and loc[-1] == "issued":
                hint = "escribe el mes de emisión como AAAA-MM, por ejemplo 2024-02"
        elif etype in ("too_short", "string_too_short"):
            message = f"{where}: no puede estar vacío"
            code = "invalid-value"
        elif etype in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            limit = next(iter(err.get("ctx", {}).values()), "")
            word = "al menos" if etype.startswith("greater") else "a lo más"
            message = f"{where}: {_describe(value)} está fuera de rango; debe ser {word} {limit}"
            code = "invalid-value"
        else:
            message = f"{where}: valor no válido ({_describe(value)})"
            code = "invalid-value"
        findings.append(doc.finding(loc, "error", code, message, hint=hint, key=key))
    return findings
