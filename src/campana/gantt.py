"""What the Gantt chart shows, computed from the plan: rows, bars, blackout days and marks.

No drawing here (``campana.render.gantt`` turns this into SVG) and no typer, rich or pydantic.
The rows come from ``queries.schedule`` so the chart honours the same filters as ``schedule``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from campana.dates import overlap
from campana.queries import schedule, year_window
from campana.vocab import ine_status

if TYPE_CHECKING:
    from campana.models import Plan

BarKind = Literal["campaign", "component", "touchpoint", "milestone"]
#: how a day inside a blackout is marked: the exception is pending, or there is none approved
Risk = Literal["pending", "blocked"]
Span = tuple[dt.date, dt.date]

MILESTONE_KIND_ES = {
    "ine-request": "solicitud al INE",
    "ine-answer": "respuesta del INE",
    "creative-delivery": "entrega de creatividades",
    "launch": "lanzamiento",
    "report": "reporte",
    "other": "otro",
}


@dataclass(frozen=True)
class MarkedSpan:
    """Days of a row inside a blackout that restricts its touchpoint, with no approved
    exception."""

    start: dt.date
    end: dt.date
    risk: Risk
    blackout: str


@dataclass(frozen=True)
class GanttRow:
    kind: BarKind
    campaign: str
    name: str
    start: dt.date
    end: dt.date
    touchpoint: str | None = None
    owner: str | None = None
    ine_exception: str | None = None
    #: whether the row runs inside a blackout that restricts its touchpoint at all
    in_blackout: bool = False
    marked: tuple[MarkedSpan, ...] = ()
    #: for milestones: the milestone id and its kind in Spanish
    milestone: str | None = None
    detail: str | None = None
    #: False for a campaign row that is only the heading of its parts in the window
    in_window: bool = True

    @property
    def depth(self) -> int:
        return 0 if self.kind == "campaign" else 1

    @property
    def ine_es(self) -> str:
        return ine_status(self.ine_exception)


@dataclass(frozen=True)
class GanttBlackout:
    id: str
    name: str
    start: dt.date
    end: dt.date
    restricts: tuple[str, ...]


@dataclass(frozen=True)
class GanttData:
    title: str
    owner: str
    year: int
    start: dt.date
    end: dt.date
    today: dt.date
    rows: tuple[GanttRow, ...]
    blackouts: tuple[GanttBlackout, ...]
    assume_ine: str | None = None

    @property
    def today_inside(self) -> bool:
        return self.start <= self.today <= self.end

    @property
    def campaigns(self) -> tuple[GanttRow, ...]:
        return tuple(r for r in self.rows if r.kind == "campaign")

    @property
    def risks(self) -> set[Risk]:
        return {m.risk for r in self.rows for m in r.marked}


def effective_ine(ine_exception: str | None, assume_ine: str | None) -> str | None:
    """The exception status under the scenario: ``assume_ine`` replaces every pending one."""
    if ine_exception == "pending" and assume_ine in ("approved", "denied"):
        return assume_ine
    return ine_exception


def _marked(
    plan: Plan, touchpoint: str | None, start: dt.date, end: dt.date, ine: str | None
) -> tuple[bool, tuple[MarkedSpan, ...]]:
    if touchpoint is None:
        return False, ()
    inside = False
    spans: list[MarkedSpan] = []
    for b in plan.blackouts:
        if touchpoint not in b.restricts:
            continue
        cross = overlap(start, end, b.start, b.end)
        if cross is None:
            continue
        inside = True
        if ine != "approved":
            risk: Risk = "pending" if ine == "pending" else "blocked"
            spans.append(MarkedSpan(cross[0], cross[1], risk, b.id))
    return inside, tuple(spans)


def gantt_data(
    plan: Plan,
    today: dt.date,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    campaigns: Sequence[str] = (),
    touchpoint: str | None = None,
    assume_ine: str | None = None,
) -> GanttData:
    """The chart's rows for the window [start, end] (the plan's year by default).

    ``campaigns`` (ids) and ``touchpoint`` filter as in ``schedule``. Milestones in the window
    follow their campaign's rows (with ``touchpoint``, only those of a shown touchpoint).
    ``assume_ine="denied"`` marks pending exceptions as denied, ``"approved"`` as approved.
    """
    year_start, year_end = year_window(plan.plan.year)
    start = start or year_start
    end = end or year_end
    sched = schedule(plan, start, end, today, campaigns=campaigns, touchpoint=touchpoint)
    by_id = {c.id: c for c in plan.campaigns}
    rows: list[GanttRow] = []
    shown_touchpoints: dict[str, set[str]] = {}
    current: str | None = None

    def close_campaign(cid: str | None) -> None:
        if cid is None:
            return
        c = by_id[cid]
        wanted = shown_touchpoints.get(cid, set())
        for m in sorted(c.milestones, key=lambda m: (m.date, m.id)):
            if not start <= m.date <= end:
                continue
            if touchpoint is not None and m.touchpoint not in wanted:
                continue
            rows.append(
                GanttRow(
                    "milestone",
                    cid,
                    m.name,
                    m.date,
                    m.date,
                    touchpoint=m.touchpoint,
                    owner=m.owner,
                    milestone=m.id,
                    detail=MILESTONE_KIND_ES.get(m.kind, m.kind),
                )
            )

    for r in sched.rows:
        assert r.campaign is not None
        c = by_id[r.campaign]
        if r.kind == "campaign":
            close_campaign(current)
            current = c.id
            rows.append(
                GanttRow(
                    "campaign", c.id, c.name, r.start, r.end, owner=c.owner, in_window=r.in_window
                )
            )
            continue
        owner = None
        if r.kind == "component":
            owner = next((k.owner for k in c.components if k.name == r.name), None)
        else:
            owner = next((e.owner for e in c.execution if e.touchpoint == r.touchpoint_id), None)
        ine = effective_ine(r.ine_exception, assume_ine)
        inside, marked = _marked(plan, r.touchpoint_id, r.start, r.end, ine)
        if r.touchpoint_id:
            shown_touchpoints.setdefault(c.id, set()).add(r.touchpoint_id)
        rows.append(
            GanttRow(
                "component" if r.kind == "component" else "touchpoint",
                c.id,
                r.name,
                r.start,
                r.end,
                touchpoint=r.touchpoint_id,
                owner=owner,
                ine_exception=ine,
                in_blackout=inside,
                marked=marked,
            )
        )
    close_campaign(current)
    blackouts = tuple(
        GanttBlackout(
            b.id, b.name, b.start, b.end, tuple(plan.touchpoint_name(t) for t in b.restricts)
        )
        for b in plan.blackouts
        if overlap(b.start, b.end, start, end) is not None
    )
    return GanttData(
        plan.plan.title,
        plan.plan.owner,
        plan.plan.year,
        start,
        end,
        today,
        tuple(rows),
        blackouts,
        assume_ine,
    )
