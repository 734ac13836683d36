"""Validate plan files against the models, keeping positions; hand query commands a plan.

``open_plan`` is what query commands use; ``validate_files`` is what ``campana validate`` uses.
The last step of a straight line: ``paths`` (where the plan is), ``reading`` (each file read
once), ``validation`` (the result types), ``cache`` (keyed by what was read), then this module.
None of those imports this one; the checks see only ``validation``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from campana.errors import Finding, InvalidInput
from campana.paths import (
    AUDIENCE_FILE,
    ENV_PLAN,
    PLAN_FILE,
    audience_beside,
    display_name,
    find_plan,
    shipped_plan,
)
from campana.reading import FileRead, parse, read_once
from campana.validation import LoadedPlan, Validation
from campana.yamlsrc import Loc, UnreadableFile, YamlDoc, gc_paused

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from campana.models import Audience


# what this module offered before the paths and the result types had modules of their own
__all__ = [
    "AUDIENCE_FILE",
    "ENV_PLAN",
    "PLAN_FILE",
    "LoadedPlan",
    "Validation",
    "display_name",
    "find_plan",
    "open_plan",
    "shipped_plan",
    "validate_files",
    "validate_text",
]

Kind = Literal["plan", "audience"]


@dataclass
class Source:
    kind: Kind
    doc: YamlDoc
    model: Any = None


# --- pydantic errors as findings ------------------------------------------------------------

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


def _loc_text(loc: Sequence[str | int]) -> str:
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
        where = _loc_text(loc)
        key = False
        hint: str | None = None
        code = "schema"
        if etype == "extra_forbidden":
            owner = _model_at(model, loc)
            known = list(owner.model_fields) if owner else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.5)
            message = f"clave desconocida «{loc[-1]}» en {_loc_text(loc[:-1])}"
            hint = (
                f"¿quisiste decir «{close[0]}»?"
                if close
                else "claves válidas aquí: " + ", ".join(known)
            )
            key, code = True, "unknown-key"
        elif etype == "missing":
            message = f"falta el campo obligatorio «{loc[-1]}» en {_loc_text(loc[:-1])}"
            hint = f"agrega «{loc[-1]}: ...» a este elemento"
            code = "missing-field"
        elif etype in ("date_type", "date_parsing", "date_from_datetime_parsing") and isinstance(
            value, str
        ):
            import re

            parts = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", value)
            real = _real_date(*(int(p) for p in parts.groups())) if parts else None
            if real is not None:  # the date exists; it is written without its zeros
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


def _check_root(doc: YamlDoc, kind: Kind) -> list[Finding]:
    if doc.root is None or doc.data is None:
        top = "plan:, touchpoints: y campaigns:" if kind == "plan" else "segments:"
        return [
            Finding(
                doc.name,
                1,
                1,
                "error",
                "empty-document",
                "el archivo está vacío",
                hint=f"un archivo de {'plan' if kind == 'plan' else 'audiencia'} empieza con {top}",
            )
        ]
    if not isinstance(doc.data, dict):
        what = "una lista" if isinstance(doc.data, list) else "un valor suelto"
        return [
            doc.finding(
                (),
                "error",
                "wrong-type",
                f"el documento es {what}; se esperaba un mapa de claves",
                hint=(
                    "el archivo debe empezar con claves como «plan:» o «segments:», sin «-» delante"
                ),
            )
        ]
    return []


#: Whole numbers from this size on are refused before the models see them: no count of people
#: is that large, and larger ones (10**400) overflow every float a check computes with them.
MAX_NUMBER = 10**15


def _huge_numbers(doc: YamlDoc) -> list[Finding]:
    """A finding for every whole number of MAX_NUMBER or more in the document."""
    if doc.largest_int is not None and doc.largest_int < MAX_NUMBER:
        return []  # the event builder counted them: none is (no need to walk the data)
    found: list[Finding] = []
    seen: set[int] = set()  # an alias shares its anchor's data: walk it once, at the anchor
    stack: list[tuple[Loc, Any]] = [((), doc.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict | list):
            if id(value) in seen:
                continue
            seen.add(id(value))
        if isinstance(value, dict):
            items = [((*loc, k), v) for k, v in value.items() if isinstance(k, str)]
            stack.extend(reversed(items))  # in the document's order
        elif isinstance(value, list):
            stack.extend(reversed([((*loc, i), v) for i, v in enumerate(value)]))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_NUMBER:
            digits = len(str(abs(value)))
            found.append(
                doc.finding(
                    loc,
                    "error",
                    "invalid-value",
                    f"{_loc_text(loc)}: el número tiene {digits} dígitos; es demasiado grande",
                    hint=f"revisa la cifra: campana admite números de hasta "
                    f"{len(str(MAX_NUMBER)) - 1} dígitos",
                )
            )
    return sorted(found, key=lambda f: f.sort_key)


def build_model(doc: YamlDoc, kind: Kind) -> tuple[Any, list[Finding]]:
    from pydantic import ValidationError

    from campana.models import Audience, Plan

    findings = _check_root(doc, kind) or _huge_numbers(doc)
    if findings:
        return None, findings
    model: type[BaseModel] = Plan if kind == "plan" else Audience
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, schema_findings(doc, model, exc)


def classify(doc: YamlDoc) -> Kind:
    data = doc.data
    if (
        isinstance(data, dict)
        and ("segments" in data or "breakdowns" in data)
        and "campaigns" not in data
    ):
        return "audience"
    if doc.path.name == AUDIENCE_FILE and not isinstance(data, dict):
        return "audience"
    return "plan"


def validate_files(
    paths: Sequence[Path], *, with_audience: bool = True, assume_ine: str | None = None
) -> Validation:
    """Load and check the given files (the plan, its audience, or both), every finding at once.

    When only a plan is given, the audience file beside it is read too, as the plan refers to it.
    ``assume_ine`` checks the plan under a scenario: every pending INE exception read as
    "denied", "approved" or "pending" (never cached: ``open_plan`` checks the plan as is).
    """
    with gc_paused():
        return _validate_files(paths, with_audience=with_audience, reads={}, assume_ine=assume_ine)


def _text_read(path: Path, name: str, content: str | bytes) -> FileRead:
    """A file's content given in memory, as if read from ``path``: bytes are decoded as a file
    is (a BOM warns, UTF-16 and bad UTF-8 are refused), text is taken as it is."""
    if isinstance(content, str):
        return FileRead(path, name, text=content)
    from campana.yamlsrc.reading import decode

    try:
        text, findings = decode(content, name)
    except UnreadableFile as exc:
        return FileRead(path, name, error=exc)
    return FileRead(path, name, text=text, findings=findings)


def validate_text(
    plan: str | bytes,
    audience: str | bytes | None = None,
    *,
    plan_path: Path | None = None,
    plan_name: str | None = None,
    audience_name: str | None = None,
    assume_ine: str | None = None,
) -> Validation:
    """Validate a plan (and its audience) held in memory, exactly as ``validate_files`` would
    validate the same content on disk: the one entry point for content that is not a file yet
    (an edit before it is written, a git revision). Nothing is read from disk: with no
    ``audience`` the plan is checked without one.

    ``plan_path`` is where the content would live (default ``campaigns.yaml``); the names are
    what findings call the files (default: the display name of the path and of the audience
    file beside it).
    """
    path = plan_path if plan_path is not None else Path(PLAN_FILE)
    beside = audience_beside(path)
    reads = {path: _text_read(path, plan_name or display_name(path), plan)}
    if audience is not None:
        reads[beside] = _text_read(beside, audience_name or display_name(beside), audience)
    with gc_paused():
        return _validate_files(
            [path], with_audience=audience is not None, reads=reads, assume_ine=assume_ine
        )


def _validate_files(
    paths: Sequence[Path],
    *,
    with_audience: bool,
    reads: dict[Path, FileRead],
    assume_ine: str | None = None,
) -> Validation:
    """``reads``: files already read (by the path given), parsed from that text, not read again."""
    from campana.checks import run_checks

    result = Validation()
    docs: list[Source] = []
    seen: set[Path] = set()

    def read(path: Path) -> YamlDoc | None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a link loop, a name too long: the read says so
            key = Path(os.path.abspath(path))
        if key in seen:
            return None
        seen.add(key)
        done = reads.get(path)
        name = done.name if done is not None else display_name(path)
        result.files.append(name)
        try:
            doc = parse(done if done is not None else read_once(path, name))
        except UnreadableFile as exc:
            result.unreadable.append(exc.finding)
            if exc.text is not None:
                result.texts[name] = exc.text
            return None
        result.texts[name] = doc.text
        result.findings.extend(doc.findings)
        return doc

    for path in paths:
        doc = read(path)
        if doc is not None:
            docs.append(Source(classify(doc), doc))
    plans = [s for s in docs if s.kind == "plan"]
    if with_audience and plans and not any(s.kind == "audience" for s in docs):
        beside = audience_beside(plans[0].doc.path)
        if beside in reads or os.path.exists(beside):
            doc = read(beside)
            if doc is not None:
                docs.append(Source("audience", doc))
    for source in docs:
        source.model, found = build_model(source.doc, source.kind)
        result.findings.extend(found)
        if source.kind == "plan" and result.plan_doc is None:
            result.plan, result.plan_doc = source.model, source.doc
        elif source.kind == "audience" and result.audience_doc is None:
            result.audience, result.audience_doc = source.model, source.doc
    result.findings.extend(run_checks(result, assume_ine=assume_ine))
    result.findings.sort(key=lambda f: f.sort_key)
    return result


def _listed(findings: list[Finding]) -> str:
    shown = "\n".join(f"  {f.file}:{f.line}:{f.column}: {f.message}" for f in findings[:5])
    more = f"\n  … y {len(findings) - 5} más" if len(findings) > 5 else ""
    return shown + more


def require_audience(loaded: LoadedPlan) -> Audience:
    """The audience of a loaded plan, or InvalidInput saying why there is none: no file beside
    the plan, or a file with errors (listed, with their places)."""
    if loaded.audience is not None:
        return loaded.audience
    v = loaded.validation
    doc = v.audience_doc
    if doc is None:
        plan_doc = v.plan_doc
        folder = display_name(plan_doc.path.parent) if plan_doc is not None else "."
        raise InvalidInput(
            f"no hay {AUDIENCE_FILE} junto al plan (en {folder})",
            hint=f"agrega el archivo de audiencia como {folder}/{AUDIENCE_FILE}",
        )
    errors = [f for f in v.findings if f.file == doc.name and f.severity == "error"]
    raise InvalidInput(
        f"{doc.name} tiene errores y no se puede usar:\n{_listed(errors)}",
        hint="corrige esos errores; «campana validate» los muestra con su contexto",
    )


def open_plan(path: Path | str | None = None, *, assume_ine: str | None = None) -> LoadedPlan:
    """The plan for a query command. Raises UnreadableFile or InvalidInput if it cannot be used.

    Each file is read once: the cache key is the hash of the text read, and a miss parses that
    same text (so a plan replaced meanwhile is never cached under the other version's key, and a
    plan from a pipe works). Served from the cache (``campana.cache``) when neither the files
    nor campana changed since the last load: then ``plan`` and ``audience`` are read-only
    records of the models, restored without pydantic, and the findings are those the files
    gave then.

    Under a scenario (``assume_ine``) the findings are those of the scenario:
    the files are checked again with it, and the cache, which holds the plan as written, is
    neither read nor written.
    """
    from campana import cache

    plan_path = find_plan(path)
    plan_read = read_once(plan_path, display_name(plan_path))
    if plan_read.error is not None:
        raise plan_read.error
    beside = audience_beside(plan_path)
    audience_read = read_once(beside, display_name(beside)) if os.path.exists(beside) else None
    slot = cache.slot(plan_read, audience_read) if assume_ine is None else None
    if slot is not None:
        hit = cache.lookup(slot)
        if hit is not None:
            return hit
    reads = {plan_path: plan_read}
    if audience_read is not None:
        reads[beside] = audience_read
    with gc_paused():
        validation = _validate_files(
            [plan_path], with_audience=True, reads=reads, assume_ine=assume_ine
        )
    if validation.unreadable:
        first = validation.unreadable[0]
        raise UnreadableFile(first, hint=first.hint)
    if validation.plan is None:
        errors = [f for f in validation.findings if f.severity == "error"]
        raise InvalidInput(
            f"el plan tiene errores de estructura y no se puede consultar:\n{_listed(errors)}",
            hint="corre «campana validate» para ver cada error con su contexto",
        )
    loaded = LoadedPlan(validation.plan, validation.audience, validation)
    if slot is not None:
        cache.store(slot, loaded)
    return loaded
