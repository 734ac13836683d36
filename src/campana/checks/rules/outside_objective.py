"""Execution rows run within the period their campaign's objectives state.

The objectives of "Trabajadores independientes" speak of 15 February to 18 August, while its
execution table starts "Comunicación Social" on 22 January: the document contradicts itself.
With several dated objectives, a row is compared with the span from the earliest start to the
latest end. A row date outside its campaign is left to ``outside-campaign``, so that one date
is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import overhang, row_label

if TYPE_CHECKING:
    import datetime as dt

    from campana.checks.context import CampaignView, PlanContext
    from campana.errors import Finding

CODES = ("outside-objective",)
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    for cv in ctx.campaigns:
        periods = _objective_periods(cv)
        if not periods:
            continue
        first, last = min(s for s, _ in periods), max(e for _, e in periods)
        c = cv.campaign
        whose = "su objetivo" if len(periods) == 1 else "sus objetivos"
        for ri, r in enumerate(c.execution):
            if r.start > r.end:
                continue
            early = r.start < first and not (cv.ok and r.start < c.start)
            late = r.end > last and not (cv.ok and r.end > c.end)
            if not (early or late):
                continue
            label = row_label(ctx, c, r)
            loc = (*cv.loc, "execution", ri)
            sides = (("start", r.start, first, early), ("end", r.end, last, late))
            for side, date, bound, out in sides:
                if out:
                    yield overhang(
                        ctx.doc,
                        loc,
                        side,
                        code="outside-objective",
                        label=label,
                        date=date,
                        bound=bound,
                        than=f"del periodo de {whose}",
                        hint="confirma con el área responsable qué fecha vale y corrige la otra",
                        campaign=c.id,
                    )


def _objective_periods(cv: CampaignView) -> list[tuple[dt.date, dt.date]]:
    """The periods of the campaign's objectives that have a well-ordered one."""
    return [
        (o.start, o.end)
        for o in cv.campaign.objectives
        if o.start is not None and o.end is not None and o.start <= o.end
    ]
