"""Restricted touchpoints that run inside a blackout need an INE exception.

A pending exception is an open item (a warning); one denied or never requested is an error;
an approved one is fine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from campana.checks.common import component_label, row_label
from campana.dates import days, period
from campana.ine import crossing

if TYPE_CHECKING:
    import datetime as dt

    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.yamlsrc import Loc

CODES = ("blackout-pending", "blackout-conflict")
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    for cv in ctx.campaigns:
        c = cv.campaign
        for ri, r in enumerate(c.execution):
            if r.start <= r.end and ctx.blackouts_of(r.touchpoint, c.states):
                status = ctx.scenario_status(r.ine_exception)
                if status == "approved":
                    continue
                yield from _crossings(
                    ctx,
                    (
                        *cv.loc,
                        "execution",
                        ri,
                        "ine_exception" if r.ine_exception else "touchpoint",
                    ),
                    row_label(ctx, c, r),
                    r.touchpoint,
                    (r.start, r.end),
                    status,
                    c.id,
                    assumed=status != r.ine_exception,
                    states=c.states,
                )
        for ki, k in enumerate(c.components):
            if k.start <= k.end and k.touchpoint is not None and k.touchpoint not in cv.rows:
                yield from _crossings(
                    ctx,
                    (*cv.loc, "components", ki, "touchpoint"),
                    component_label(k.name),
                    k.touchpoint,
                    (k.start, k.end),
                    None,
                    c.id,
                    states=c.states,
                )


def _crossings(
    ctx: PlanContext,
    loc: Loc,
    label: str,
    touchpoint: str,
    span: tuple[dt.date, dt.date],
    status: str | None,
    campaign: str,
    *,
    assumed: bool = False,
    states: Sequence[str] | None = None,
) -> Iterator[Finding]:
    if status == "approved":
        return
    start, end = span
    for ab in ctx.blackouts_of(touchpoint, states):
        b = ab.blackout
        cross = crossing(b, start, end)
        if cross is None:
            continue
        base = (
            f"{label} corre {period(start, end, prose=True)} y coincide {days(cross.days)} "
            f"con «{b.name}» ({period(b.start, b.end, full=True)})"
        )
        if status == "pending":
            yield ctx.doc.finding(
                loc,
                "warning",
                "blackout-pending",
                f"{base}; la excepción del INE está pendiente (asunto abierto, no una "
                "contradicción del documento)",
                hint=(
                    "si el INE la niega, suspende este punto de contacto "
                    f"{period(*cross, prose=True)}; registra la respuesta con «campana ine "
                    "aprobada CAMPAÑA PUNTO» (o negada)"
                ),
                campaign=campaign,
                identity=("blackout", campaign, label, b.id),
            )
        else:
            state = "fue negada" if status == "denied" else "no se solicitó"
            if assumed:
                state = "se considera negada (escenario)"
            yield ctx.doc.finding(
                loc,
                "error",
                "blackout-conflict",
                f"{base}; la excepción del INE {state}",
                hint=(
                    f"suspende este punto de contacto {period(*cross, prose=True)}, "
                    "o solicita la excepción al INE y regístrala con «campana ine pendiente "
                    "CAMPAÑA PUNTO»"
                ),
                campaign=campaign,
                identity=("blackout", campaign, label, b.id),
            )
