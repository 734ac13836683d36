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
from campana.schema_errors import loc_text, schema_findings
from campana.validation import LoadedPlan, Validation
from campana.yamlsrc import Loc, UnreadableFile, YamlDoc, gc_paused

if TYPE_CHECKING:
    from pydantic import BaseModel

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
                    f"{loc_text(loc)}: el número tiene {digits} dígitos; es demasiado grande",
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
