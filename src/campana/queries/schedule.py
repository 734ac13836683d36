"""What runs when: the schedule's rows (``Row``, ``Schedule``), the touchpoint filter, and
what ``schedule`` adds to them (the INE scenario, rest days, milestones)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from campana import ine
from campana.dates import Span, fold, span_days
from campana.errors import CampanaError
from campana.queries.common import detailed
from campana.view import ViewFilter, select

if TYPE_CHECKING:
    from campana.models import Campaign, Execution, Plan

RowKind = Literal["campaign", "component", "touchpoint", "blackout"]


# --- the schedule -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One bar of the schedule: a campaign, one of its components or touchpoints, or a blackout."""

    kind: RowKind
    #: the campaign id (None for a blackout)
    campaign: str | None
    #: what the row is called on screen
    name: str
    start: dt.date
    end: dt.date
    #: the name of the touchpoint the row runs on (None for campaign and blackout rows, and
    #: for a component that names no touchpoint)
    touchpoint: str | None = None
    #: the touchpoint catalogue id the row runs on, if any
    touchpoint_id: str | None = None
    tactics: tuple[str, ...] = ()
    #: the INE exception of the touchpoint row (for a component: of the campaign's touchpoint
    #: row that runs it)
    ine_exception: str | None = None
    #: parts of the row inside a blackout that restricts its touchpoint
    blackout: tuple[Span, ...] = ()
    #: False for a campaign row shown only as the heading of its components in the window
    in_window: bool = True
    #: True when a scenario (--assume-ine) set ``ine_exception`` in place of "pending"
    assumed: bool = False
    #: a component shown with the execution row it mirrors (``campana.pairing``): the table's
    #: period when it is not the component's own (``start``/``end``)
    table: Span | None = None
    #: True for a component shown with the execution row it mirrors
    paired: bool = False

    @property
    def reach(self) -> Span:
        """The days the row covers in either source: its own period and the table's."""
        if self.table is None:
            return Span(self.start, self.end)
        return Span(min(self.start, self.table[0]), max(self.end, self.table[1]))

    @property
    def depth(self) -> int:
        return 1 if self.kind in ("component", "touchpoint") else 0

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def active(self, day: dt.date) -> bool:
        return self.span.contains(day)

    @property
    def restricted(self) -> tuple[Span, ...]:
        """The blackout spans where the row may not run: its exception is not approved."""
        return () if self.ine_exception == "approved" else self.blackout

    @property
    def ine_status(self) -> str | None:
        """The row's INE status (``campana.ine``'s five): ``not-applicable`` when no blackout
        restricts it, ``not-requested`` when one does and no exception is recorded; None for
        campaign and blackout rows."""
        if self.kind not in ("component", "touchpoint"):
            return None
        if not self.blackout:
            return "not-applicable"
        return self.ine_exception or "not-requested"

    def day_number(self, day: dt.date) -> int:
        """Which day of the row ``day`` is: 1 on its start."""
        return (day - self.start).days + 1

    def day_of(self, day: dt.date) -> tuple[int, int, bool]:
        """``day`` as «day N of TOTAL»: of the row's own period, or of the execution table's
        when only the table's runs that day (then the third item is True)."""
        if self.table is not None and not self.start <= day <= self.end:
            first, last = self.table
            return (day - first).days + 1, span_days(first, last), True
        return self.day_number(day), self.days, False

    def in_blackout(self, day: dt.date) -> bool:
        return any(a <= day <= b for a, b in self.blackout)

    def is_restricted(self, day: dt.date) -> bool:
        return any(a <= day <= b for a, b in self.restricted)


@dataclass(frozen=True)
class Schedule:
    """The rows running in a window [start, end], campaigns first with their parts beneath."""

    start: dt.date
    end: dt.date
    rows: tuple[Row, ...]
    blackouts: tuple[Row, ...]
    today: dt.date
    #: the plan's touchpoint catalogue names by id (for legends)
    restricts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the --assume-ine scenario the rows were read under (see ``under_scenario``)
    assume_ine: str | None = None
    #: (campaign id, date, name) of the milestones in the window (see ``with_milestones``)
    milestones: tuple[tuple[str, dt.date, str], ...] = ()
    #: the official rest days of a window shown day by day (see ``with_rest_days``)
    rest_days: dict[dt.date, str] = field(default_factory=dict)

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)

    @property
    def detailed(self) -> bool:
        return detailed(self.start, self.end)

    @property
    def today_inside(self) -> bool:
        return self.start <= self.today <= self.end

    @property
    def data_rows(self) -> tuple[Row, ...]:
        """What the window holds, for JSON and CSV: rows in the window, then the blackouts."""
        return (*(r for r in self.rows if r.in_window), *self.blackouts)

    @property
    def empty(self) -> bool:
        return not any(r.in_window for r in self.rows)


def _blackout_spans(
    plan: Plan, c: Campaign, touchpoint: str | None, start: dt.date, end: dt.date
) -> tuple[Span, ...]:
    """Where the blackouts that reach campaign ``c`` (``ine.applies_to``: a state blackout
    reaches national campaigns and those in its states) restrict a period."""
    reaching = [b for b in plan.blackouts if ine.applies_to(b, c.states)]
    return tuple(cross for _, cross in ine.blackout_overlaps(reaching, touchpoint, start, end))


def _execution_for(c: Campaign, touchpoint: str | None) -> Execution | None:
    return next((e for e in c.execution if e.touchpoint == touchpoint), None)


def campaign_rows(plan: Plan, c: Campaign, *, touchpoints: bool = True) -> list[Row]:
    """The campaign's own row, then its lines (``campana.pairing.lines``): each component (the
    grid's italic rows), with the execution row it mirrors as the same row, and, optionally,
    the execution rows no component mirrors."""
    from campana.pairing import lines

    rows = [Row("campaign", c.id, c.name, c.start, c.end)]
    for line in lines(c):
        k, e = line.component, line.execution
        if k is None:
            if not touchpoints:
                continue
            assert e is not None
            name = plan.touchpoint_name(e.touchpoint)
            rows.append(
                Row(
                    "touchpoint",
                    c.id,
                    name,
                    e.start,
                    e.end,
                    touchpoint=name,
                    touchpoint_id=e.touchpoint,
                    tactics=tuple(e.tactics),
                    ine_exception=e.ine_exception,
                    blackout=_blackout_spans(plan, c, e.touchpoint, e.start, e.end),
                )
            )
            continue
        ex = e or _execution_for(c, k.touchpoint)
        tactics = (k.tactic,) if k.tactic else tuple(e.tactics) if e is not None else ()
        rows.append(
            Row(
                "component",
                c.id,
                k.name,
                k.start,
                k.end,
                touchpoint=plan.touchpoint_name(k.touchpoint) if k.touchpoint else None,
                touchpoint_id=k.touchpoint,
                tactics=tactics,
                ine_exception=ex.ine_exception if ex else None,
                blackout=_blackout_spans(plan, c, k.touchpoint, k.start, k.end),
                table=line.table,
                paired=e is not None,
            )
        )
    return rows


def touchpoint_names(plan: Plan) -> list[str]:
    """Every touchpoint and component name the plan knows, for hints."""
    names = [t.name for t in plan.touchpoints]
    for c in plan.campaigns:
        for k in c.components:
            if k.name not in names:
                names.append(k.name)
    return names


def _row_keys(plan: Plan, row: Row) -> list[str]:
    """What ``--touchpoint`` is compared with: the row's name, touchpoint and tactics."""
    keys = [row.name, row.touchpoint or "", *row.tactics]
    if row.touchpoint_id:
        keys += [row.touchpoint_id, plan.touchpoint_name(row.touchpoint_id)]
    return keys


def check_touchpoint(plan: Plan, touchpoint: str) -> str:
    """The folded touchpoint filter; CampanaError when no component or touchpoint matches."""
    wanted = fold(touchpoint)
    if not wanted:
        raise CampanaError(
            "falta el nombre del punto de contacto",
            hint="puntos de contacto: " + ", ".join(touchpoint_names(plan)),
        )
    every = [r for c in plan.campaigns for r in campaign_rows(plan, c)[1:]]
    view = ViewFilter(touchpoint=touchpoint)
    if not any(view.matches(_row_keys(plan, r)) for r in every):
        from campana.suggest import suggestion

        names = touchpoint_names(plan)
        close = suggestion(touchpoint, names)
        raise CampanaError(
            f"ningún punto de contacto ni componente se llama «{touchpoint}»",
            hint=(f"{close} " if close else "") + "puntos de contacto: " + ", ".join(names),
        )
    return wanted


def schedule(
    plan: Plan,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    *,
    campaigns: Sequence[str] = (),
    touchpoint: str | None = None,
    touchpoints: bool = True,
) -> Schedule:
    """What runs between ``start`` and ``end`` (inclusive): :func:`schedule_view` with the
    filter these arguments make (``campaigns`` ids, empty for all; ``touchpoint`` text)."""
    view = ViewFilter.of(campaigns=campaigns or None, touchpoint=touchpoint, start=start, end=end)
    return schedule_view(plan, view, today, touchpoints=touchpoints)


def schedule_view(
    plan: Plan, view: ViewFilter, today: dt.date, *, touchpoints: bool = True
) -> Schedule:
    """What runs in the view's window (the plan's year without one).

    The view keeps its campaigns; with a touchpoint, the components and touchpoints whose
    name, id or tactics contain it (case and accents ignored), with their campaign as heading;
    ``touchpoints`` adds the execution rows beneath the components. Blackouts that overlap the
    window are always returned.
    """
    view = view.in_year(plan.plan.year)
    assert view.window is not None
    start, end = view.window
    if view.touchpoint is not None:
        check_touchpoint(plan, view.touchpoint)
    by_touchpoint = view.touchpoint is not None
    chosen = select(plan, view)
    rows: list[Row] = []
    for c in chosen.campaigns:
        own, *parts = campaign_rows(plan, c, touchpoints=touchpoints or by_touchpoint)
        parts = [r for r in parts if view.shows(*r.reach)]
        if by_touchpoint:
            parts = [r for r in parts if view.matches(_row_keys(plan, r))]
            if not parts:
                continue
        own_inside = view.shows(own.start, own.end)
        if not own_inside and not parts:
            continue
        if not own_inside:
            own = Row(own.kind, own.campaign, own.name, own.start, own.end, in_window=False)
        elif not touchpoints and not by_touchpoint and not parts:
            # the execution rows are hidden and no component shows them: the campaign row
            # carries their restricted days
            hidden = [r for r in campaign_rows(plan, c)[1:] if r.kind == "touchpoint"]
            spans = tuple(sorted({sp for r in hidden for sp in r.restricted}))
            if spans:
                own = Row(own.kind, own.campaign, own.name, own.start, own.end, blackout=spans)
        rows.append(own)
        rows.extend(parts)
    blackouts = tuple(Row("blackout", None, b.name, b.start, b.end) for b in chosen.blackouts)
    restricts = {b.name: tuple(ine.restricted_names(plan, b)) for b in plan.blackouts}
    return Schedule(start, end, tuple(rows), blackouts, today, restricts)


# --- the INE what-if (issue 8) ----------------------------------------------------------------


def under_scenario(s: Schedule, assume_ine: str | None) -> Schedule:
    """The schedule with every pending exception of a row inside a blackout read as the
    scenario's status ("denied", "approved", "pending"); the plan is not touched."""
    if assume_ine is None:
        return s

    def assume(r: Row) -> Row:
        if r.ine_exception == "pending" and r.blackout:
            return replace(r, ine_exception=assume_ine, assumed=True)
        return r

    return replace(s, rows=tuple(assume(r) for r in s.rows), assume_ine=assume_ine)


def with_rest_days(s: Schedule, plan: Plan) -> Schedule:
    """The schedule with the official rest days of its window (``campana.restdays``), when
    the window is shown day by day (the month grid marks them)."""
    if not s.detailed:
        return s
    from dataclasses import replace

    from campana.restdays import declared_election_days, rest_days

    found = rest_days(s.start, s.end, election_days=declared_election_days(plan.blackouts))
    return replace(s, rest_days=found) if found else s


def with_milestones(s: Schedule, plan: Plan) -> Schedule:
    """The schedule with the milestones of its campaigns that fall in its window (the grids
    mark them on the campaign's row)."""

    shown = {r.campaign for r in s.rows if r.kind == "campaign"}
    found = tuple(
        (c.id, m.date, m.name)
        for c in plan.campaigns
        if c.id in shown
        for m in c.milestones
        if s.start <= m.date <= s.end
    )
    return replace(s, milestones=found) if found else s
