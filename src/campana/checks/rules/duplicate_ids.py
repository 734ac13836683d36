"""Ids that must be unique: touchpoints, campaigns, blackouts, components, execution rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import duplicates

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding

CODES = ("duplicate-id",)
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan, doc = ctx.plan, ctx.doc
    yield from duplicates(
        doc,
        ((("touchpoints", i, "id"), t.id) for i, t in enumerate(plan.touchpoints)),
        "punto de contacto",
    )
    yield from duplicates(
        doc, ((("campaigns", i, "id"), c.id) for i, c in enumerate(plan.campaigns)), "campaña"
    )
    yield from duplicates(
        doc, ((("blackouts", i, "id"), b.id) for i, b in enumerate(plan.blackouts)), "veda"
    )
    for cv in ctx.campaigns:
        c = cv.campaign
        # places are made only for a list that repeats an id (``cv.rows`` holds one row per
        # touchpoint): most campaigns repeat none
        if len({k.id for k in c.components}) < len(c.components):
            yield from duplicates(
                doc,
                (((*cv.loc, "components", i, "id"), k.id) for i, k in enumerate(c.components)),
                "componente",
                c.id,
            )
        if len(cv.rows) < len(c.execution):
            yield from duplicates(
                doc,
                (
                    ((*cv.loc, "execution", i, "touchpoint"), r.touchpoint)
                    for i, r in enumerate(c.execution)
                ),
                "punto de contacto en la tabla de ejecución",
                c.id,
            )
