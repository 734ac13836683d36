"""A blackout's own period, the touchpoints it restricts and the states it names (its
``jurisdiction``, and a campaign's ``states``) must make sense."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import TOUCHPOINTS_WHERE, unknown
from campana.dates import fmt

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.yamlsrc import Loc

CODES = ("end-before-start", "unknown-reference")
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    doc, known = ctx.doc, ctx.touchpoints
    for bi, b in enumerate(ctx.plan.blackouts):
        loc: Loc = ("blackouts", bi)
        if b.end < b.start:
            yield doc.finding(
                (*loc, "end"),
                "error",
                "end-before-start",
                f"la veda «{b.name}» termina ({fmt(b.end)}) antes de empezar ({fmt(b.start)})",
                hint="revisa si se intercambiaron el inicio y el fin",
                identity=("end-before-start", "veda", b.id),
            )
        for ri, ref in enumerate(b.restricts):
            if ref not in known:
                yield unknown(
                    doc,
                    (*loc, "restricts", ri),
                    ref,
                    known,
                    "el punto de contacto",
                    TOUCHPOINTS_WHERE,
                )
        if isinstance(b.jurisdiction, list):
            yield from _states(ctx, (*loc, "jurisdiction"), b.jurisdiction, None)
    for cv in ctx.campaigns:
        if cv.campaign.states is not None:
            yield from _states(ctx, (*cv.loc, "states"), cv.campaign.states, cv.campaign.id)


def _states(
    ctx: PlanContext, loc: Loc, names: list[str], campaign: str | None
) -> Iterator[Finding]:
    from campana.ine import STATES, state_name

    for i, name in enumerate(names):
        if state_name(name) is None:
            yield unknown(
                ctx.doc,
                (*loc, i),
                name,
                STATES,
                "la entidad federativa",
                "entidades de México",
                campaign,
            )
