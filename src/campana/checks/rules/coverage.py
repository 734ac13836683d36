"""Every day of a campaign has some touchpoint or component running."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import gaps
from campana.dates import days, fmt, span_days

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding

CODES = ("coverage-gap",)
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    for cv in ctx.campaigns:
        c = cv.campaign
        spans: list[tuple[dt.date, dt.date]] = [
            (r.start, r.end) for r in c.execution if r.start <= r.end
        ]
        spans += [(k.start, k.end) for k in c.components if k.start <= k.end]
        if not spans or not cv.ok:
            continue
        for g_start, g_end in gaps(c.start, c.end, spans):
            side = "start" if g_start == c.start else "end" if g_end == c.end else "id"
            yield ctx.doc.finding(
                (*cv.loc, side),
                "warning",
                "coverage-gap",
                f"«{c.name}» no tiene ningún punto de contacto activo del {fmt(g_start)} al "
                f"{fmt(g_end)} ({days(span_days(g_start, g_end))})",
                hint="programa un punto de contacto esos días o ajusta el periodo de la campaña",
                campaign=c.id,
                identity=("coverage-gap", c.id, g_start.isoformat(), g_end.isoformat()),
            )
