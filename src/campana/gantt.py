"""What the Gantt chart shows, computed from the plan: rows, bars, blackout days and marks.

No drawing here (``campana.render.gantt`` turns this into SVG) and no typer, rich or pydantic.
The rows come from ``queries.schedule`` so the chart honours the same filters as ``schedule``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from campana import ine
from campana.dates import Span
from campana.ine import IneStatus
from campana.queries.schedule import schedule_view
from campana.view import ViewFilter
from campana.vocab import INE_STATUS, MILESTONE_KINDS

if TYPE_CHECKING:
    from campana.models import Execution, Plan

BarKind = Literal["campaign", "component", "touchpoint", "milestone"]
#: how a day a row is off air for a blackout is marked: its exception is still pending, or the
#: row is suspended (no exception requested, or denied, possibly under the scenario)
Risk = Literal["pending", "suspended"]


@dataclass(frozen=True)
class MarkedSpan:
    """Days a row is off air: inside a blackout that restricts its touchpoint, with no approved
    exception (``campana.ine.suspended_spans``)."""

    start: dt.date
    end: dt.date
    risk: Risk
    #: the ids of the blackouts these days fall in, space-separated
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
    #: the row's INE status under the scenario (``campana.ine.IneStatus``)
    ine_status: IneStatus = "not-applicable"
    #: whether the plan records an exception for the row at all
    ine_recorded: bool = False
    #: whether the row runs during a blackout, restricted or not (Brigadas: «no aplica»)
    during_blackout: bool = False
    marked: tuple[MarkedSpan, ...] = ()
    #: for milestones: the milestone id and its kind in Spanish
    milestone: str | None = None
    detail: str | None = None
    #: False for a campaign row that is only the heading of its parts in the window
    in_window: bool = True
    #: a component drawn with the execution row it mirrors (``campana.pairing``): the table's
    #: period when it is not the component's
    table: Span | None = None
    #: True for a component drawn with the execution row it mirrors
    paired: bool = False

    @property
    def table_note(self) -> str:
        """«tabla: 22 ene–30 jun 2024» when the execution table gives another period."""
        from campana.pairing import with_table

        return with_table("", self.table, sep="–").strip().strip("()")

    @property
    def depth(self) -> int:
        return 0 if self.kind == "campaign" else 1

    @property
    def in_blackout(self) -> bool:
        """Whether a blackout restricts the row at all."""
        return self.ine_status != "not-applicable"

    @property
    def ine_es(self) -> str:
        return INE_STATUS[self.ine_status]


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
    #: (n, of): the chart is part n of ``of`` (the report prints a tall chart a page at a time)
    part: tuple[int, int] | None = None
    #: the official rest days of a window shown day by day (``campana.restdays``), drawn as
    #: bands
    rest_days: tuple[tuple[dt.date, str], ...] = ()

    @property
    def heading(self) -> str:
        """The chart's title: the plan's name and year (once), and the part if any."""
        text = f"{self.title} — Programación"
        if str(self.year) not in self.title:
            text += f" {self.year}"
        if self.part is not None:
            text += f" (parte {self.part[0]} de {self.part[1]})"
        return text

    @property
    def today_inside(self) -> bool:
        return self.start <= self.today <= self.end

    @property
    def campaigns(self) -> tuple[GanttRow, ...]:
        return tuple(r for r in self.rows if r.kind == "campaign")

    @property
    def risks(self) -> set[Risk]:
        return {m.risk for r in self.rows for m in r.marked}


@dataclass(frozen=True, slots=True)
class _Part:
    """What ``campana.ine`` reads of an execution row (a component runs on its campaign's
    touchpoint row, with that row's exception, over its own dates)."""

    touchpoint: str
    start: dt.date
    end: dt.date
    ine_exception: str | None


def _ine_marks(
    index: ine.BlackoutIndex,
    touchpoint: str | None,
    start: dt.date,
    end: dt.date,
    exception: str | None,
    assume_ine: str | None,
) -> tuple[IneStatus, tuple[MarkedSpan, ...]]:
    """The row's status under the scenario and the days it is off air."""
    if touchpoint is None:
        return "not-applicable", ()
    row = cast("Execution", _Part(touchpoint, start, end, exception))
    status = ine.row_status(row, index, assume_ine=assume_ine)
    risk: Risk = "pending" if status == "pending" else "suspended"
    marks = []
    for a, z in ine.suspended_spans(row, index, assume_ine=assume_ine):
        ids = sorted({c.blackout.id for c in index.crossings(touchpoint, a, z)})
        marks.append(MarkedSpan(a, z, risk, " ".join(ids)))
    return status, tuple(marks)


def gantt_data(
    plan: Plan,
    today: dt.date,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    campaigns: Sequence[str] = (),
    touchpoint: str | None = None,
    assume_ine: str | None = None,
    view: ViewFilter | None = None,
) -> GanttData:
    """The chart's rows for the view's window (the plan's year by default).

    The ``view`` filters as in ``schedule_view``; without one, ``start``, ``end``,
    ``campaigns`` (ids, empty for all) and ``touchpoint`` make it. Milestones in the window
    follow their campaign's rows (with ``touchpoint``, only those of a shown touchpoint).
    Rows are marked where ``campana.ine.suspended_spans`` takes them off air: ``pending`` while
    the exception is pending, ``suspended`` otherwise; ``assume_ine`` (English or Spanish) reads
    every pending exception as denied, approved or pending.
    """
    assume_ine = ine.parse_assume_ine(assume_ine)
    index = ine.BlackoutIndex.of(plan)
    year = plan.plan.year
    if view is None:
        view = ViewFilter.of(
            campaigns=campaigns or None, touchpoint=touchpoint, start=start, end=end, year=year
        )
    view = view.in_year(year)
    assert view.window is not None
    start, end = view.window
    sched = schedule_view(plan, view, today)
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
            if not view.shows_day(m.date):
                continue
            if view.touchpoint is not None and m.touchpoint not in wanted:
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
                    detail=MILESTONE_KINDS.get(m.kind, m.kind),
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
        if owner is None and (r.kind == "touchpoint" or r.paired):
            owner = next((e.owner for e in c.execution if e.touchpoint == r.touchpoint_id), None)
        status, marked = _ine_marks(
            index.scoped(c.states), r.touchpoint_id, r.start, r.end, r.ine_exception, assume_ine
        )
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
                ine_status=status,
                ine_recorded=r.ine_exception is not None,
                during_blackout=ine.runs_during(plan.blackouts, r.start, r.end),
                marked=marked,
                table=r.table,
                paired=r.paired,
            )
        )
    close_campaign(current)
    blackouts = tuple(
        GanttBlackout(b.id, b.name, b.start, b.end, tuple(ine.restricted_names(plan, b)))
        for b in ine.during(plan.blackouts, start, end)
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
        rest_days=_rest_days(plan, start, end),
    )


def _rest_days(plan: Plan, start: dt.date, end: dt.date) -> tuple[tuple[dt.date, str], ...]:
    """The official rest days of the window (on a year's chart each is a thin column)."""
    from campana.restdays import declared_election_days, rest_days

    return tuple(
        rest_days(start, end, election_days=declared_election_days(plan.blackouts)).items()
    )
