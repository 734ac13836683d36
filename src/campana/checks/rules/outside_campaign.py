"""Components and execution rows run within their campaign's period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import component_label, overhang, row_label

if TYPE_CHECKING:
    import datetime as dt

    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.models import Campaign
    from campana.yamlsrc import Loc, YamlDoc

CODES = ("outside-campaign",)
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    for cv in ctx.campaigns:
        if not cv.ok:
            continue
        c = cv.campaign
        for ki, k in enumerate(c.components):
            if k.start <= k.end and (k.start < c.start or k.end > c.end):
                loc: Loc = (*cv.loc, "components", ki)
                yield from _within(ctx.doc, loc, component_label(k.name), k.start, k.end, c)
        for ri, r in enumerate(c.execution):
            if r.start <= r.end and (r.start < c.start or r.end > c.end):
                loc = (*cv.loc, "execution", ri)
                yield from _within(ctx.doc, loc, row_label(ctx, c, r), r.start, r.end, c)


def _within(
    doc: YamlDoc, loc: Loc, label: str, start: dt.date, end: dt.date, c: Campaign
) -> Iterator[Finding]:
    than = f"que su campaña «{c.name}»"
    hint = "ajusta la fecha, o amplía el periodo de la campaña"
    sides = (("start", start, c.start, start < c.start), ("end", end, c.end, end > c.end))
    for side, date, bound, out in sides:
        if out:
            yield overhang(
                doc,
                loc,
                side,
                code="outside-campaign",
                label=label,
                date=date,
                bound=bound,
                than=than,
                hint=hint,
                campaign=c.id,
            )
