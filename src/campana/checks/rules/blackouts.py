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

    from campana.checks.context import ActiveBlackout, PlanContext
    from campana.dates import Span
    from campana.errors import Finding
    from campana.models import Blackout
    from campana.yamlsrc import Loc

CODES = ("blackout-pending", "blackout-conflict")
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    # the first and last day of the blackouts restricting each touchpoint: a row outside them
    # (most rows, restricted or not) is skipped before anything else
    hull = {
        tp: (min(ab.blackout.start for ab in found), max(ab.blackout.end for ab in found))
        for tp, found in ctx.blackouts_by_touchpoint.items()
    }
    if not hull:
        return
    for cv in ctx.campaigns:
        c = cv.campaign
        for ri, r in enumerate(c.execution):
            days = hull.get(r.touchpoint)
            if days is None or r.end < days[0] or r.start > days[1]:
                continue
            if r.start <= r.end and (found := ctx.blackouts_of(r.touchpoint, c.states)):
                status = ctx.scenario_status(r.ine_exception)
                if status == "approved":
                    continue
                crosses = _crossing(found, r.start, r.end)
                if not crosses:  # most restricted rows run outside every blackout
                    continue
                yield from _findings(
                    ctx,
                    (
                        *cv.loc,
                        "execution",
                        ri,
                        "ine_exception" if r.ine_exception else "touchpoint",
                    ),
                    row_label(ctx, c, r),
                    (r.start, r.end),
                    crosses,
                    status,
                    c.id,
                    assumed=status != r.ine_exception,
                )
        for ki, k in enumerate(c.components):
            if k.start <= k.end and k.touchpoint is not None and k.touchpoint not in cv.rows:
                crosses = _crossing(ctx.blackouts_of(k.touchpoint, c.states), k.start, k.end)
                if crosses:
                    yield from _findings(
                        ctx,
                        (*cv.loc, "components", ki, "touchpoint"),
                        component_label(k.name),
                        (k.start, k.end),
                        crosses,
                        None,
                        c.id,
                    )


def _crossing(
    found: Sequence[ActiveBlackout], start: dt.date, end: dt.date
) -> list[tuple[Blackout, Span]]:
    """Each of ``found`` that start..end crosses, with the crossing, in file order."""
    return [
        (ab.blackout, cross)
        for ab in found
        if (cross := crossing(ab.blackout, start, end)) is not None
    ]


def _findings(
    ctx: PlanContext,
    loc: Loc,
    label: str,
    span: tuple[dt.date, dt.date],
    crosses: list[tuple[Blackout, Span]],
    status: str | None,
    campaign: str,
    *,
    assumed: bool = False,
) -> Iterator[Finding]:
    start, end = span
    for b, cross in crosses:
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
