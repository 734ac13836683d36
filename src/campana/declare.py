"""Declare a blackout in the plan (``campana add-blackout``): one item added to ``blackouts``
by a minimal edit of the plan's text (comments and layout kept), validated in memory first.

Blackouts are legal dates: campana writes exactly what the user declared, never a computed one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from campana.errors import CampanaError

if TYPE_CHECKING:
    from campana.validation import Validation

_PLAIN = re.compile(r"^[A-Za-zÁÉÍÓÚÜÑáéíóúüñ0-9][\wÁÉÍÓÚÜÑáéíóúüñ .,()/-]*$")


@dataclass(frozen=True)
class NewBlackout:
    id: str
    name: str
    start: dt.date
    end: dt.date
    restricts: tuple[str, ...]
    #: None: federal; else the states (canonical names)
    states: tuple[str, ...] | None = None
    election_day: dt.date | None = None
    description: str | None = None


class DeclareError(CampanaError):
    """The blackout cannot be added as asked (exit 2)."""


def slug(text: str) -> str:
    """An id from a name: «Veda local Coahuila 2027» → veda-local-coahuila-2027."""
    from campana.dates import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "veda"


def _scalar(text: str) -> str:
    """A YAML scalar for ``text``: plain when it reads back as the same text, else quoted."""
    if _PLAIN.match(text) and ": " not in text and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _item(b: NewBlackout, indent: str) -> str:
    pad = indent + "  "
    lines = [
        f"{indent}- id: {b.id}",
        f"{pad}name: {_scalar(b.name)}",
        f"{pad}start: {b.start.isoformat()}",
        f"{pad}end: {b.end.isoformat()}",
    ]
    if b.description:
        lines.append(f"{pad}description: {_scalar(b.description)}")
    lines.append(f"{pad}restricts: [{', '.join(b.restricts)}]")
    if b.states is not None:
        lines.append(f"{pad}jurisdiction: [{', '.join(_scalar(s) for s in b.states)}]")
    if b.election_day is not None:
        lines.append(f"{pad}election_day: {b.election_day.isoformat()}")
    return "\n".join(lines) + "\n"


def add_blackout(text: str, b: NewBlackout, *, name: str = "campaigns.yaml") -> str:
    """The plan's ``text`` with ``b`` added at the end of ``blackouts`` (the key created before
    ``campaigns`` when there is none)."""
    from campana.rollforward import _Editor
    from campana.yamlsrc.parsing import parse_text

    doc = parse_text(text, Path(name), name)
    data = doc.data if isinstance(doc.data, dict) else {}
    editor = _Editor(doc)
    items = data.get("blackouts")
    if "blackouts" not in data:
        if "campaigns" in data:
            line, _, _ = doc.position(("campaigns",), key=True)
            editor.edits.append(
                (editor.line_start(line), editor.line_start(line), "blackouts:\n" + _item(b, "  "))
            )
        else:
            end = "" if text.endswith("\n") or not text else "\n"
            editor.edits.append((len(text), len(text), f"{end}blackouts:\n" + _item(b, "  ")))
        return editor.result()
    if not isinstance(items, list):
        raise DeclareError(
            "blackouts no es una lista en el plan", hint="corrige el plan con campana validate"
        )
    line, column, _ = doc.position(("blackouts",), key=True)
    if not items:
        key_text = doc.line_text(line)
        if not re.fullmatch(r"\s*blackouts:\s*\[\s*\]\s*(#.*)?", key_text):
            raise DeclareError(
                f"{name}:{line}: campana no sabe agregar a esta lista de vedas",
                hint="escribe «blackouts: []» en una línea propia y vuelve a intentarlo",
            )
        indent = " " * (column - 1)
        editor.replace_lines(line, line, f"{indent}blackouts:\n" + _item(b, indent + "  "))
        return editor.result()
    last_line, last_column, _ = doc.position(("blackouts", len(items) - 1))
    block = editor.block_lines(last_line, last_column, dash=True)
    if block is None:
        raise DeclareError(
            f"{name}:{last_line}: las vedas del plan no están en estilo de bloque",
            hint="escribe cada veda como «- id: ...» en su propia línea",
        )
    dash_line = doc.line_text(last_line)
    indent = dash_line[: len(dash_line) - len(dash_line.lstrip())]
    after = block[1]
    at = editor.starts[after] if after < len(editor.starts) else len(text)
    lead = "" if text[:at].endswith("\n") else "\n"
    editor.edits.append((at, at, lead + _item(b, indent)))
    return editor.result()


def checked_addition(
    text: str,
    audience: str | None,
    b: NewBlackout,
    *,
    path: Path,
    name: str,
) -> tuple[str, Validation]:
    """The new text and its validation; DeclareError when the blackout would add errors (an
    unknown touchpoint or state, an end before the start, an id that exists)."""
    from campana.loading import validate_text

    before = validate_text(text, audience, plan_path=path, plan_name=name)
    if before.plan is not None and any(x.id == b.id for x in before.plan.blackouts):
        raise DeclareError(
            f"ya hay una veda con el id «{b.id}»", hint="indica otro con --id o con otro nombre"
        )
    new = add_blackout(text, b, name=name)
    after = validate_text(new, audience, plan_path=path, plan_name=name)
    old = {f.identity() for f in before.all_findings if f.severity == "error"}
    added = [f for f in after.all_findings if f.severity == "error" and f.identity() not in old]
    if added:
        raise DeclareError(
            f"la veda no se agregó: {added[0].message}",
            hint=added[0].hint or "revisa los datos de la veda",
        )
    return new, after
