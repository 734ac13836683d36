"""An objective's period is whole, and agrees with its campaign's period in the grid."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import mismatch, objective_label

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.yamlsrc import Loc

CODES = ("missing-field", "period-mismatch")
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    doc = ctx.doc
    for cv in ctx.campaigns:
        c = cv.campaign
        for oi, o in enumerate(c.objectives):
            oloc: Loc = (*cv.loc, "objectives", oi)
            if (o.start is None) != (o.end is None):
                missing, present = ("fin", "inicio") if o.end is None else ("inicio", "fin")
                yield doc.finding(
                    oloc,
                    "error",
                    "missing-field",
                    f"{objective_label(c, oi)} tiene fecha de {present} pero le falta la de "
                    f"{missing}",
                    hint="un periodo necesita las dos fechas, o ninguna",
                    campaign=c.id,
                    identity=("objective-half-period", c.id, str(oi)),
                )
                continue
            if o.start is None or o.end is None or not cv.ok:
                continue
            for side, mine, grid in (("start", o.start, c.start), ("end", o.end, c.end)):
                if mine != grid:
                    yield mismatch(
                        doc,
                        oloc,
                        side,
                        f"«{c.name}»",
                        ("el objetivo", mine),
                        ("la programación", grid),
                        c.id,
                    )
