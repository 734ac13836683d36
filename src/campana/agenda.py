"""The planner's agenda: what starts, ends, comes off air, returns or is due in a window of days.

Pure core: no typer, no rich. ``today`` is always an argument, never read from the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from campana.dates import Span, add_days, days, fmt
from campana.errors import CampanaError
from campana.ine import (
    BlackoutIndex,
    apply_assumption,
    parse_assume_ine,
    restricted_names,
    restricted_status,
    suspended_spans,
)
from campana.pairing import Line, lines
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
    #: the official rest days of the window (``campana.restdays``), by date, with their names
    rest_days: dict[dt.date, str] = field(default_factory=dict)

    @property
    def today_outside_year(self) -> bool:
        """True when today is not in the plan's year: the CLI warns once and suggests --today."""
        return self.today.year != self.year

    def relative(self, day: dt.date) -> str:
        """``day`` said from today: «hoy», «mañana», «en 3 días», «hace 2 días»."""
        return relative_day((day - self.today).days)

    def by_day(self) -> list[tuple[dt.date, list[AgendaEvent]]]:
        """The events grouped by day, in order: one heading per day in the views; a rest day
        of the window without events is a day with none."""
        groups: dict[dt.date, list[AgendaEvent]] = {day: [] for day in self.rest_days}
        for event in self.events:
            groups.setdefault(event.date, []).append(event)
        return sorted(groups.items(), key=lambda item: item[0])

    def to_json(self) -> dict[str, Any]:
        return agenda_json(self)


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    """``{"from", "to", "today", "events": [...]}`` with ISO dates: the JSON and CSV shape."""
    return {
        "from": agenda.start.isoformat(),
        "to": agenda.end.isoformat(),
        "today": agenda.today.isoformat(),
        "events": [e.to_json() for e in agenda.events],
        "rest_days": [
            {"date": day.isoformat(), "name": name} for day, name in agenda.rest_days.items()
        ],
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
    if end is not None:
        last = end
    else:
        count = days or DEFAULT_DAYS
        past = add_days(first, count - 1)
        if past is None:
            raise AgendaError(
                f"--days: {count} días desde el {fmt(first)} pasan del {fmt(dt.date.max)}, el "
                "último día que existe",
                hint="usa menos días, por ejemplo «--days 30», o una fecha con --to",
            )
        last = past
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
        for event in _campaign_events(plan, c, index.scoped(c.states), assume_ine, today):
            add(rank, event)

    raw.sort(key=lambda item: item[:3])
    events = [e for *_, e in raw]
    from campana.restdays import declared_election_days, rest_days

    rest = rest_days(start, end, election_days=declared_election_days(plan.blackouts))
    return Agenda(start, end, today, plan.plan.year, events, assume_ine, rest)


def with_following(current: Agenda, following: Agenda) -> Agenda:
    """The agenda of a window that crosses the plan's year end, with the events of the next
    year's plan (``following``) after this plan's on each day."""
    events = sorted([*current.events, *following.events], key=lambda e: e.date)  # stable
    rest = dict(sorted({**current.rest_days, **following.rest_days}.items()))
    return Agenda(
        current.start, current.end, current.today, current.year, events, current.assume_ine, rest
    )


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
    for line in lines(c):
        yield from _line_events(plan, line, index, assume_ine, draft)
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


def _line_events(
    plan: Plan, line: Line, index: BlackoutIndex, assume_ine: str | None, draft: _Maker
) -> Iterable[AgendaEvent]:
    """A line's start and end, once for a component and the execution row it mirrors (each
    source's date when they differ, saying what the other says), and its suspensions."""
    k, r = line.component, line.execution
    tp = plan.touchpoint_name(r.touchpoint) if r is not None else None
    tp_id: str | None
    if k is None:
        assert r is not None and tp is not None
        name, tp_id, quoted = tp, r.touchpoint, f"«{tp}»"
        what = f"el punto de contacto {quoted}"
    else:
        name, tp_id, quoted = k.name, k.touchpoint, f"«{k.name}»"
        if tp is not None and tp != k.name:
            quoted += f" ({tp})"
        what = f"el componente {quoted}"
    ends: list[tuple[dt.date, EventKind, str]] = []
    pairs: tuple[tuple[EventKind, str, dt.date, dt.date | None], ...] = (
        ("start", "Empieza", line.start, r.start if r is not None else None),
        ("end", "Termina", line.end, r.end if r is not None else None),
    )
    for kind, verb, own, table in pairs:
        if k is None or table is None or table == own:
            ends.append((own, kind, f"{verb} {what}"))
            continue
        grid_says, table_says = fmt(own, year=False), fmt(table, year=False)
        ends.append(
            (
                own,
                kind,
                f"{verb} {what} según la programación (la tabla de ejecución dice {table_says})",
            )
        )
        ends.append(
            (
                table,
                kind,
                f"{verb} {what} según la tabla de ejecución (la programación dice {grid_says})",
            )
        )
    for when, kind, msg in ends:
        yield draft(when, kind, name, tp_id, line.owner, msg)
    if r is not None:
        # the suspensions are the execution row's: named by its touchpoint, as the veda is
        assert tp is not None
        yield from _suspensions(r, tp, f"«{tp}»", index, assume_ine, draft, r.owner)


def _suspensions(
    r: Execution,
    name: str,
    quoted: str,
    index: BlackoutIndex,
    assume_ine: str | None,
    draft: _Maker,
    owner: str | None,
) -> Iterable[AgendaEvent]:
    spans = suspended_spans(r, index, assume_ine=assume_ine)
    if not spans:
        return
    declared = restricted_status(r)
    status = apply_assumption(declared, assume_ine)
    why = INE_STATUS_REASONS[status] + (" (escenario)" if status != declared else "")
    for s, e in spans:
        yield draft(
            s, "suspend", name, r.touchpoint, owner, f"{quoted} sale del aire por la veda: {why}"
        )
        if e < r.end:
            back = e + dt.timedelta(days=1)
            yield draft(
                back,
                "resume",
                name,
                r.touchpoint,
                owner,
                f"{quoted} vuelve al aire: terminó la veda",
            )
