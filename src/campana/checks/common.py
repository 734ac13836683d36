"""Finding builders several rules share: duplicates, unknown references, periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from campana.dates import Span, days, fmt

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.models import Campaign, Execution
    from campana.yamlsrc import Loc, YamlDoc

TOUCHPOINTS_WHERE = "puntos de contacto del plan"


def duplicates(
    doc: YamlDoc, items: Iterable[tuple[Loc, str]], what: str, campaign: str | None = None
) -> Iterator[Finding]:
    first: dict[str, Loc] = {}
    for loc, value in items:
        if value in first:
            line, _, _ = doc.position(first[value])
            yield doc.finding(
                loc,
                "error",
                "duplicate-id",
                f"{what} «{value}» repetido (ya está en la línea {line})",
                hint="cada id debe ser único: cambia uno de los dos",
                campaign=campaign,
                identity=("duplicate-id", what, value),
            )
        else:
            first[value] = loc


def unknown(
    doc: YamlDoc,
    loc: Loc,
    value: str,
    known: Iterable[str],
    what: str,
    where: str,
    campaign: str | None = None,
) -> Finding:
    import difflib

    options = sorted(known)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
    hint = (
        f"¿quisiste decir «{close[0]}»?"
        if close
        else (
            f"{where}: " + ", ".join(options) if options else f"no hay ninguno definido en {where}"
        )
    )
    return doc.finding(
        loc,
        "error",
        "unknown-reference",
        f"{what} «{value}» no existe",
        hint=hint,
        campaign=campaign,
        identity=("unknown-reference", what, value, campaign or ""),
    )


def mismatch(
    doc: YamlDoc,
    loc: Loc,
    side: str,
    subject: str,
    a: tuple[str, dt.date],
    b: tuple[str, dt.date],
    campaign: str,
    *,
    note: str = "",
) -> Finding:
    """Two places of the document give different dates for one side of one period."""
    (a_label, a_date), (b_label, b_date) = a, b
    diff = (a_date - b_date).days
    word = "inicio" if side == "start" else "fin"
    return doc.finding(
        (*loc, side),
        "warning",
        "period-mismatch",
        f"{a_label} marca el {word} de {subject} el {fmt(a_date)} y {b_label} el "
        f"{fmt(b_date)}: {days(abs(diff))} de diferencia{note}",
        hint="confirma la fecha correcta con el área responsable y corrige la otra",
        campaign=campaign,
        identity=("period-mismatch", subject, side, a_label, b_label),
    )


def overhang(
    doc: YamlDoc,
    loc: Loc,
    side: str,
    *,
    code: str,
    label: str,
    date: dt.date,
    bound: dt.date,
    than: str,
    hint: str,
    campaign: str,
) -> Finding:
    """A period sticks out, on one side, of the period that should hold it: ``side`` "start"
    when it starts (``date``) before ``bound``, "end" when it ends after it. ``than`` names the
    holder: «que su campaña «X»», «del periodo de su objetivo»."""
    if side == "start":
        text = f"empieza el {fmt(date)}, {days((bound - date).days)} antes {than}"
    else:
        text = f"termina el {fmt(date)}, {days((date - bound).days)} después {than}"
    return doc.finding(
        (*loc, side),
        "warning",
        code,
        f"{label} {text} ({fmt(bound)})",
        hint=hint,
        campaign=campaign,
        identity=(code, label, side),
    )


def gaps(start: dt.date, end: dt.date, spans: Iterable[tuple[dt.date, dt.date]]) -> list[Span]:
    """The runs of days from start to end that no span covers."""
    return Span(start, end).minus(spans)


def row_label(ctx: PlanContext, c: Campaign, r: Execution) -> str:
    """How findings name an execution row: «Digital» de «Crédito»."""
    return f"«{ctx.touchpoint_name(r.touchpoint)}» de «{c.name}»"


def objective_label(c: Campaign, index: int) -> str:
    return f"el objetivo {index + 1} de «{c.name}»"


def component_label(name: str) -> str:
    return f"el componente «{name}»"
