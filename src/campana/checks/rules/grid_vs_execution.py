"""A component of the programme grid and its touchpoint's execution row agree on the dates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import mismatch

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding

CODES = ("period-mismatch",)
SCOPE = "plan"


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
            for side, mine, theirs in (
                ("start", k.start, row.start),
                ("end", k.end, row.end),
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
                    )
