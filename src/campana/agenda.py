"""The planner's agenda: what starts, ends, comes off air, returns or is due in a window of days.

Pure core: no typer, no rich. ``today`` is always an argument, never read from the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from campana.dates import Span, days, fmt
from campana.errors import CampanaError
from campana.ine import (
    BlackoutIndex,
    apply_assumption,
    parse_assume_ine,
    restricted_names,
    restricted_status,
    suspended_spans,
)
from campana.view import Selection, UnknownCampaign, ViewFilter, select
from campana.vocab import INE_STATUS_REASONS, MILESTONE_KINDS, and_list

if TYPE_CHECKING:
    from campana.models import Campaign, Execution, Plan

EventKind = Literal[
    "start", "end", "blackout-start", "blackout-end", "suspend", "resume", "milestone"
]
EVENT_KINDS: tuple[EventKind, ...] = (
    "blackout-start",
    "start",
    "milestone",
    "suspend",
    "resume",
    "end",
    "blackout-end",
)
"""Every kind, in the order events of one day and one campaign are listed."""

#: The keys of an event in JSON, and the header of the CSV, in this order.
EVENT_KEYS = (
    "date",
    "kind",
    "campaign",
    "name",
    "touchpoint_id",
    "owner",
    "days_from_today",
    "message",
)

DEFAULT_DAYS = 14
"""Default window: today and the 13 days after it."""


class AgendaError(CampanaError):
    """A window or a campaign filter the agenda cannot use (exit 2)."""


def relative_day(n: int) -> str:
    """How far a day is from today, in Spanish: hoy, mañana, ayer, en 3 días, hace 2 días."""
    if n == 0:
        return "hoy"
    if n == 1:
        return "mañana"
    if n == -1:
        return "ayer"
    return f"en {days(n)}" if n > 0 else f"hace {days(-n)}"


@dataclass(frozen=True, slots=True)
class AgendaEvent:
    date: dt.date
    kind: EventKind
    #: campaign id; None for a blackout
    campaign: str | None
    campaign_name: str | None
    #: what the event is about: the campaign, component, touchpoint, blackout or milestone name
    name: str
    touchpoint_id: str | None
    #: the owner the plan names for the item, or else for its campaign
    owner: str | None
    days_from_today: int
    message: str

    @property
    def relative(self) -> str:
        return relative_day(self.days_from_today)

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "campaign": self.campaign,
            "name": self.name,
            "touchpoint_id": self.touchpoint_id,
            "owner": self.owner,
            "days_from_today": self.days_from_today,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Agenda:
    start: dt.date
    end: dt.date
    today: dt.date
    #: the plan's year
    year: int
    events: list[AgendaEvent] = field(default_factory=list)
    #: the scenario (denied, approved, pending) or None
    assume_ine: str | None = None

    @property
    def today_outside_year(self) -> bool:
        """True when today is not in the plan's year: the CLI warns once and suggests --today."""
        return self.today.year != self.year

    def by_day(self) -> list[tuple[dt.date, list[AgendaEvent]]]:
        """The events grouped by day, in order: one heading per day in the views."""
        groups: list[tuple[dt.date, list[AgendaEvent]]] = []
        for event in self.events:
            if groups and groups[-1][0] == event.date:
                groups[-1][1].append(event)
            else:
                groups.append((event.date, [event]))
        return groups

    def to_json(self) -> dict[str, Any]:
        return agenda_json(self)


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    """``{"from", "to", "today", "events": [...]}`` with ISO dates: the JSON and CSV shape."""
    return {
        "from": agenda.start.isoformat(),
        "to": agenda.end.isoformat(),
        "today": agenda.today.isoformat(),
        "events": [e.to_json() for e in agenda.events],
    }


def agenda_window(
    today: dt.date,
    *,
    days: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Span:
    """The window an agenda covers: from ``start`` (today) for ``days`` days (14), or to ``end``."""
    first = start or today
    if end is not None and days is not None:
        raise AgendaError("usa --days o --to, no los dos", hint="por ejemplo «--days 7»")
    if days is not None and days < 1:
        raise AgendaError(
            f"--days debe ser al menos 1 (se recibió {days})", hint="por ejemplo «--days 7»"
        )
    last = end if end is not None else first + dt.timedelta(days=(days or DEFAULT_DAYS) - 1)
    if last < first:
        raise AgendaError(
            f"la ventana termina ({fmt(last)}) antes de empezar ({fmt(first)})",
            hint="revisa --from y --to; por ejemplo «--from hoy --to +7»",
        )
    return Span(first, last)


def select_campaigns(plan: Plan, view: ViewFilter) -> Selection:
    """The view applied to the plan (``view.select``); an unknown campaign id is an
    AgendaError."""
    try:
        return select(plan, view)
    except UnknownCampaign as exc:
        raise AgendaError(exc.message, hint=exc.hint) from None


def agenda(
    plan: Plan,
    *,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    campaigns: Sequence[str] | None = None,
    assume_ine: str | None = None,
    view: ViewFilter | None = None,
) -> Agenda:
    """Every event of the plan between ``start`` and ``end`` (inclusive), by date then campaign.

    ``campaigns`` (ids) is the shorthand of a ``view`` with those campaigns (the view's window is
    start..end; the agenda has no touchpoint filter).

    Events: start and end of every campaign, component and execution row; start and end of every
    blackout (only those overlapping a selected campaign when campaigns are chosen); every
    milestone; for every restricted row whose effective status is not approved, ``suspend`` on
    its first blackout day and ``resume`` on the day after the blackout if the row still runs.
    """
    if end < start:
        raise AgendaError(f"la ventana termina ({fmt(end)}) antes de empezar ({fmt(start)})")
    assume_ine = parse_assume_ine(assume_ine)
    # the window picks events by their day: a blackout is an event on its first and last day
    shown = ViewFilter(
        view.campaigns if view else ViewFilter.of(campaigns=campaigns).campaigns,
        window=Span(start, end),
    )
    chosen = select_campaigns(plan, replace(shown, window=None))
    index = BlackoutIndex.of(plan)
    raw: list[tuple[dt.date, int, int, AgendaEvent]] = []

    def add(rank: int, event: AgendaEvent) -> None:
        if shown.shows_day(event.date):
            raw.append((event.date, rank, EVENT_KINDS.index(event.kind), event))

    for b in chosen.blackouts_of_campaigns():
        names = and_list(restricted_names(plan, b))
        ends: tuple[tuple[dt.date, EventKind, str], ...] = (
            (b.start, "blackout-start", f"Empieza la veda; restringe {names}"),
            (b.end, "blackout-end", "Termina la veda"),
        )
        for when, kind, msg in ends:
            days_away = (when - today).days
            add(-1, AgendaEvent(when, kind, None, None, b.name, None, None, days_away, msg))

    ranks = {c.id: i for i, c in enumerate(plan.campaigns)}
    for c in chosen.campaigns:
        rank = ranks[c.id]
        for event in _campaign_events(plan, c, index, assume_ine, today):
            add(rank, event)

    raw.sort(key=lambda item: item[:3])
    events = [e for *_, e in raw]
    return Agenda(start, end, today, plan.plan.year, events, assume_ine)


_Maker = Callable[[dt.date, EventKind, str, str | None, str | None, str], AgendaEvent]


def _campaign_events(
    plan: Plan, c: Campaign, index: BlackoutIndex, assume_ine: str | None, today: dt.date
) -> Iterable[AgendaEvent]:
    def draft(
        when: dt.date, kind: EventKind, name: str, tp: str | None, owner: str | None, msg: str
    ) -> AgendaEvent:
        owner = owner or c.owner
        return AgendaEvent(when, kind, c.id, c.name, name, tp, owner, (when - today).days, msg)

    yield draft(c.start, "start", c.name, None, None, f"Empieza la campaña «{c.name}»")
    yield draft(c.end, "end", c.name, None, None, f"Termina la campaña «{c.name}»")
    for k in c.components:
        yield draft(
            k.start, "start", k.name, k.touchpoint, k.owner, f"Empieza el componente «{k.name}»"
        )
        yield draft(
            k.end, "end", k.name, k.touchpoint, k.owner, f"Termina el componente «{k.name}»"
        )
    for r in c.execution:
        tp = plan.touchpoint_name(r.touchpoint)
        yield draft(
            r.start, "start", tp, r.touchpoint, r.owner, f"Empieza el punto de contacto «{tp}»"
        )
        yield draft(r.end, "end", tp, r.touchpoint, r.owner, f"Termina el punto de contacto «{tp}»")
        yield from _suspensions(r, tp, index, assume_ine, draft)
    for m in c.milestones:
        about = f" ({plan.touchpoint_name(m.touchpoint)})" if m.touchpoint else ""
        yield draft(
            m.date,
            "milestone",
            m.name,
            m.touchpoint,
            m.owner,
            f"Hito, {MILESTONE_KINDS[m.kind]}: «{m.name}»{about}",
        )


def _suspensions(
    r: Execution, tp: str, index: BlackoutIndex, assume_ine: str | None, draft: _Maker
) -> Iterable[AgendaEvent]:
    spans = suspended_spans(r, index, assume_ine=assume_ine)
    if not spans:
        return
    declared = restricted_status(r)
    status = apply_assumption(declared, assume_ine)
    why = INE_STATUS_REASONS[status] + (" (escenario)" if status != declared else "")
    for s, e in spans:
        yield draft(
            s, "suspend", tp, r.touchpoint, r.owner, f"«{tp}» sale del aire por la veda: {why}"
        )
        if e < r.end:
            back = e + dt.timedelta(days=1)
            yield draft(
                back, "resume", tp, r.touchpoint, r.owner, f"«{tp}» vuelve al aire: terminó la veda"
            )
