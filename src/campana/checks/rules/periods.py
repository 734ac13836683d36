"""Every period ends after it starts and falls in the plan's year: campaigns, objectives,
components and execution rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import component_label, objective_label, row_label
from campana.dates import fmt, overlap, period

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.yamlsrc import Loc, YamlDoc

CODES = ("end-before-start", "outside-year")
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    doc, year = ctx.doc, ctx.year
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def fine(start: dt.date, end: dt.date) -> bool:
        return first <= start <= end <= last

    for cv in ctx.campaigns:
        c, cloc = cv.campaign, cv.loc
        yield from _period(doc, cloc, f"la campaña «{c.name}»", c.start, c.end, year, c.id)
        for oi, o in enumerate(c.objectives):
            if o.start is not None and o.end is not None and not fine(o.start, o.end):
                oloc: Loc = (*cloc, "objectives", oi)
                label = objective_label(c, oi)
                yield from _period(doc, oloc, label, o.start, o.end, year, c.id)
        for ki, k in enumerate(c.components):
            if fine(k.start, k.end):
                continue
            kloc: Loc = (*cloc, "components", ki)
            yield from _period(doc, kloc, component_label(k.name), k.start, k.end, year, c.id)
        for ri, r in enumerate(c.execution):
            if fine(r.start, r.end):
                continue
            rloc: Loc = (*cloc, "execution", ri)
            yield from _period(doc, rloc, row_label(ctx, c, r), r.start, r.end, year, c.id)


def _period(
    doc: YamlDoc,
    loc: Loc,
    label: str,
    start: dt.date,
    end: dt.date,
    year: int,
    campaign: str | None,
) -> Iterator[Finding]:
    if end < start:
        yield doc.finding(
            (*loc, "end"),
            "error",
            "end-before-start",
            f"{label} termina ({fmt(end)}) antes de empezar ({fmt(start)})",
            hint="revisa si se intercambiaron el inicio y el fin, o el año de alguno",
            campaign=campaign,
            identity=("end-before-start", label),
        )
        return
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if overlap(start, end, first, last) is None:
        yield doc.finding(
            (*loc, "start"),
            "error",
            "outside-year",
            f"{label} ({period(start, end, full=True)}) queda fuera del año del plan, {year}",
            hint=f"revisa el año de las fechas; el plan es de {year}",
            campaign=campaign,
            identity=("outside-year", label),
        )
    elif start < first or end > last:
        side = "start" if start < first else "end"
        yield doc.finding(
            (*loc, side),
            "warning",
            "outside-year",
            f"{label} ({period(start, end, full=True)}) sale del año del plan, {year}",
            hint="si es intencional, el resto de la campaña va en el plan del otro año",
            campaign=campaign,
            identity=("outside-year", label),
        )
