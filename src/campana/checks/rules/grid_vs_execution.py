"""A component of the programme grid and its touchpoint's execution row agree on the dates.

When the component's date is also outside its campaign, the ``outside-campaign`` finding at
the same position is about the same date (the grid's Cambaceo starts on 10 January, the
campaign and the execution row on 22 January): this finding says so, and the two read as one
fact seen from two tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import mismatch

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding

CODES = ("period-mismatch",)
SCOPE = "plan"

#: appended to the message when outside-campaign reports the same date at the same position
SAME_DATE_NOTE = (
    " (es la misma fecha del aviso anterior, que la compara con el periodo de la campaña)"
)


def check(ctx: PlanContext) -> Iterator[Finding]:
    for cv in ctx.campaigns:
        c = cv.campaign
        for ki, k in enumerate(c.components):
            if k.start > k.end or k.touchpoint is None or k.touchpoint not in ctx.touchpoints:
                continue
            row = cv.rows.get(k.touchpoint)
            if row is None or row.start > row.end:
                continue
            row_name = f"la tabla de ejecución («{ctx.touchpoint_name(row.touchpoint)}»)"
            for side, mine, theirs, outside in (
                ("start", k.start, row.start, k.start < c.start),
                ("end", k.end, row.end, k.end > c.end),
            ):
                if mine != theirs:
                    yield mismatch(
                        ctx.doc,
                        (*cv.loc, "components", ki),
                        side,
                        f"«{k.name}»",
                        ("la programación", mine),
                        (row_name, theirs),
                        c.id,
                        note=SAME_DATE_NOTE if cv.ok and outside else "",
                    )
