"""Every day of a campaign has some touchpoint or component running."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import gaps
from campana.dates import Span, days, period, span_days
from campana.ine import crossing, exception_off_air

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.models import Execution

CODES = ("coverage-gap",)
SCOPE = "plan"


def _declared(rows: dict[str, Execution], touchpoint: str | None) -> str | None:
    """A component's exception: its campaign's execution row for the touchpoint (none: never
    requested)."""
    row = rows.get(touchpoint) if touchpoint is not None else None
    return row.ine_exception if row is not None else None


def _on_air(
    ctx: PlanContext,
    start: dt.date,
    end: dt.date,
    touchpoint: str | None,
    declared: str | None,
    states: list[str] | None,
) -> list[Span]:
    """The period, minus its blackout days when the scenario (--assume-ine) takes it off air.

    Without a scenario the plan is checked as written: every period counts whole.
    """
    if ctx.assume_ine is None or touchpoint is None:
        return [Span(start, end)]
    if not exception_off_air(ctx.scenario_status(declared)):
        return [Span(start, end)]
    off = sorted(
        cross
        for ab in ctx.blackouts_of(touchpoint, states)
        if (cross := crossing(ab.blackout, start, end)) is not None
    )
    return gaps(start, end, off) if off else [Span(start, end)]


def check(ctx: PlanContext) -> Iterator[Finding]:
    for cv in ctx.campaigns:
        if not cv.ok:
            continue
        c = cv.campaign
        spans: list[tuple[dt.date, dt.date]]
        if ctx.assume_ine is None:  # the plan as written: every period counts whole
            spans = [(r.start, r.end) for r in c.execution if r.start <= r.end]
            spans += [(k.start, k.end) for k in c.components if k.start <= k.end]
        else:
            spans = [
                s
                for r in c.execution
                if r.start <= r.end
                for s in _on_air(ctx, r.start, r.end, r.touchpoint, r.ine_exception, c.states)
            ]
            spans += [
                s
                for k in c.components
                if k.start <= k.end
                for s in _on_air(
                    ctx, k.start, k.end, k.touchpoint, _declared(cv.rows, k.touchpoint), c.states
                )
            ]
        if not spans:
            continue
        for g_start, g_end in gaps(c.start, c.end, spans):
            side = "start" if g_start == c.start else "end" if g_end == c.end else "id"
            yield ctx.doc.finding(
                (*cv.loc, side),
                "warning",
                "coverage-gap",
                f"«{c.name}» no tiene ningún punto de contacto activo "
                f"{period(g_start, g_end, prose=True)} ({days(span_days(g_start, g_end))})",
                hint="programa un punto de contacto esos días o ajusta el periodo de la campaña",
                campaign=c.id,
                identity=("coverage-gap", c.id, g_start.isoformat(), g_end.isoformat()),
            )
