"""A campaign, component or execution row that starts on a weekend or an official rest day
(LFT art. 74, and the election day of a declared federal blackout), or ends on a rest day.

Ending on a weekend is not reported: a media week runs to Sunday. A warning, not an error:
the date may be intended (a weekend fair), but it is worth a look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import component_label, row_label
from campana.dates import fmt

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.yamlsrc import Loc

CODES = ("non-working-day",)
SCOPE = "plan"

_WEEKEND = {5: "sábado", 6: "domingo"}


def check(ctx: PlanContext) -> Iterator[Finding]:
    from campana.restdays import declared_election_days, rest_days

    election = declared_election_days(ctx.plan.blackouts)
    ends = [
        d
        for cv in ctx.campaigns
        for d in (
            cv.campaign.start,
            cv.campaign.end,
            *(x for k in cv.campaign.components for x in (k.start, k.end)),
            *(x for r in cv.campaign.execution for x in (r.start, r.end)),
        )
    ]
    # one day at a time: ``rest_days`` asks ``holidays`` only about a day that could be a rest
    # day (most plans have none), and loading ``holidays`` is a third of a second
    rest: dict[dt.date, str] = {}
    for day in sorted(set(ends)):
        rest.update(rest_days(day, day, election_days=election))

    def why(day: dt.date, *, start: bool) -> str | None:
        if day in rest:
            return f"día de descanso obligatorio ({rest[day]})"
        return _WEEKEND.get(day.weekday()) if start else None

    for cv in ctx.campaigns:
        c = cv.campaign
        items: list[tuple[Loc, str, dt.date, dt.date]] = [
            (cv.loc, f"la campaña «{c.name}»", c.start, c.end)
        ]
        items += [
            ((*cv.loc, "components", i), component_label(k.name), k.start, k.end)
            for i, k in enumerate(c.components)
        ]
        items += [
            ((*cv.loc, "execution", i), row_label(ctx, c, r), r.start, r.end)
            for i, r in enumerate(c.execution)
        ]
        for loc, label, start, end in items:
            for key, day in (("start", start), ("end", end)):
                reason = why(day, start=key == "start")
                if reason is None:
                    continue
                verb = "empieza" if key == "start" else "termina"
                yield ctx.doc.finding(
                    (*loc, key),
                    "warning",
                    "non-working-day",
                    f"{label} {verb} el {fmt(day)}, {reason}",
                    hint="si no es intencional, muévelo a un día hábil",
                    campaign=c.id,
                    identity=("non-working-day", label, key),
                )
