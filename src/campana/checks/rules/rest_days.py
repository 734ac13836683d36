"""A campaign, component or execution row that starts on a weekend or an official rest day
(LFT art. 74, and the election day of a declared federal blackout), or ends on a rest day.

Ending on a weekend is not reported: a media week runs to Sunday. A warning, not an error:
the date may be intended (a weekend fair), but it is worth a look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from operator import attrgetter
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
_START, _END = attrgetter("start"), attrgetter("end")


def check(ctx: PlanContext) -> Iterator[Finding]:
    from campana.restdays import declared_election_days, rest_days

    election = declared_election_days(ctx.plan.blackouts)
    ends: set[dt.date] = set()
    for cv in ctx.campaigns:
        c = cv.campaign
        ends.add(c.start)
        ends.add(c.end)
        for periods in (c.components, c.execution):
            ends.update(map(_START, periods))
            ends.update(map(_END, periods))
    # one day at a time: ``rest_days`` asks ``holidays`` only about a day that could be a rest
    # day (most plans have none), and loading ``holidays`` is a third of a second
    rest: dict[dt.date, str] = {}
    for day in sorted(ends):
        rest.update(rest_days(day, day, election_days=election))
    # what a finding says of each day a period may not start on (``starts``) or end on
    # (``stops``), written once per day; a period whose ends are in neither is skipped before
    # anything is made for it (most rows of a plan)
    starts: dict[dt.date, str] = {}
    stops: dict[dt.date, str] = {}
    for day in ends:
        if day in rest:
            starts[day] = stops[day] = f"{fmt(day)}, día de descanso obligatorio ({rest[day]})"
        elif day.weekday() in _WEEKEND:
            starts[day] = f"{fmt(day)}, {_WEEKEND[day.weekday()]}"
    if not starts:
        return

    def found(
        loc: Loc, label: str, start: dt.date, end: dt.date, campaign: str
    ) -> Iterator[Finding]:
        for key, verb, reason in (
            ("start", "empieza", starts.get(start)),
            ("end", "termina", stops.get(end)),
        ):
            if reason is not None:
                yield ctx.doc.finding(
                    (*loc, key),
                    "warning",
                    "non-working-day",
                    f"{label} {verb} el {reason}",
                    hint="si no es intencional, muévelo a un día hábil",
                    campaign=campaign,
                    identity=("non-working-day", label, key),
                )

    for cv in ctx.campaigns:
        c = cv.campaign
        if c.start in starts or c.end in stops:
            yield from found(cv.loc, f"la campaña «{c.name}»", c.start, c.end, c.id)
        for i, k in enumerate(c.components):
            if k.start in starts or k.end in stops:
                yield from found(
                    (*cv.loc, "components", i), component_label(k.name), k.start, k.end, c.id
                )
        for i in [i for i, r in enumerate(c.execution) if r.start in starts or r.end in stops]:
            r = c.execution[i]
            yield from found((*cv.loc, "execution", i), row_label(ctx, c, r), r.start, r.end, c.id)
