"""References resolve: audience segments, the touchpoints and tactics of components and rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import TOUCHPOINTS_WHERE, unknown

if TYPE_CHECKING:
    from campana.checks.context import CampaignView, PlanContext
    from campana.errors import Finding

CODES = ("unknown-reference",)
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    for cv in ctx.campaigns:
        yield from _audience(ctx, cv)
        yield from _components(ctx, cv)
        yield from _rows(ctx, cv)


def _audience(ctx: PlanContext, cv: CampaignView) -> Iterator[Finding]:
    c, doc = cv.campaign, ctx.doc
    for ai, seg in enumerate(c.audience):
        loc = (*cv.loc, "audience", ai)
        if ctx.audience is None:
            if not ctx.audience_read:
                yield doc.finding(
                    loc,
                    "error",
                    "unknown-reference",
                    f"el segmento «{seg}» no se puede comprobar: no hay audience.yaml "
                    "junto al plan",
                    hint="pon audience.yaml en la misma carpeta que el plan",
                    campaign=c.id,
                    identity=("no-audience", c.id, seg),
                )
        elif seg not in ctx.segments:
            yield unknown(
                doc,
                loc,
                seg,
                ctx.segments,
                "el segmento de audiencia",
                "segmentos de audience.yaml",
                c.id,
            )


def _components(ctx: PlanContext, cv: CampaignView) -> Iterator[Finding]:
    c, doc = cv.campaign, ctx.doc
    for ki, k in enumerate(c.components):
        if k.start > k.end or k.touchpoint is None:
            continue
        kloc = (*cv.loc, "components", ki)
        if k.touchpoint not in ctx.touchpoints:
            yield unknown(
                doc,
                (*kloc, "touchpoint"),
                k.touchpoint,
                ctx.touchpoints,
                "el punto de contacto",
                TOUCHPOINTS_WHERE,
                c.id,
            )
            continue
        row = cv.rows.get(k.touchpoint)
        if row is not None and k.tactic is not None and k.tactic not in row.tactics:
            yield unknown(
                doc,
                (*kloc, "tactic"),
                k.tactic,
                row.tactics,
                "el táctico",
                f"tácticos de «{ctx.touchpoint_name(k.touchpoint)}»",
                c.id,
            )


def _rows(ctx: PlanContext, cv: CampaignView) -> Iterator[Finding]:
    c = cv.campaign
    for ri, r in enumerate(c.execution):
        if r.touchpoint not in ctx.touchpoints:
            yield unknown(
                ctx.doc,
                (*cv.loc, "execution", ri, "touchpoint"),
                r.touchpoint,
                ctx.touchpoints,
                "el punto de contacto",
                TOUCHPOINTS_WHERE,
                c.id,
            )
