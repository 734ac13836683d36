"""The plan as an iCalendar file (RFC 5545) for the team's calendars.

One all-day event per campaign, per execution row (a touchpoint of a campaign), per component
of the programme grid, and per blackout. UIDs come from the ids, so importing a newer export
updates the events instead of duplicating them; SEQUENCE grows with the export time, so the
newer export wins in calendars that compare it. Nothing here reads the clock: ``now`` is an
input (the CLI passes it, tests pin it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from campana.dates import Span, add_days, fmt, fmt_long, period
from campana.errors import UsageError
from campana.ine import (
    BlackoutIndex,
    on_air_spans,
    parse_assume_ine,
    restricted_names,
    row_status,
    scenario_label,
    suspended_spans,
)
from campana.pairing import mirror_of
from campana.queries.common import resolve_campaigns
from campana.view import ViewFilter, select
from campana.vocab import MILESTONE_KINDS, ine_status

if TYPE_CHECKING:
    from campana.models import (
        Audience,
        Blackout,
        Campaign,
        Component,
        Execution,
        Milestone,
        Plan,
    )

FORMATS = ("ics",)

#: SEQUENCE counts minutes from here: later exports always carry a higher number.
SEQUENCE_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
#: RFC 5545 INTEGER is 32-bit signed: the last minute a SEQUENCE can count (in year 6083)
MAX_SEQUENCE = 2**31 - 1


@dataclass(frozen=True)
class Skipped:
    uid: str
    summary: str
    reason: str


@dataclass
class CalendarExport:
    """The calendar as bytes, and what went into it."""

    data: bytes
    events: int
    campaigns: list[str]
    skipped: list[Skipped] = field(default_factory=list)


def domain(plan: Plan) -> str:
    """The right-hand side of every UID: the plan's year, so two years never collide."""
    return f"{plan.plan.year}.campana"


def campaign_uid(plan: Plan, c: Campaign) -> str:
    return f"{c.id}@{domain(plan)}"


def execution_uid(plan: Plan, c: Campaign, r: Execution) -> str:
    return f"{c.id}.{r.touchpoint}@{domain(plan)}"


def component_uid(plan: Plan, c: Campaign, k: Component) -> str:
    return f"{c.id}.componente.{k.id}@{domain(plan)}"


def milestone_uid(plan: Plan, c: Campaign, m: Milestone) -> str:
    return f"{c.id}.hito.{m.id}@{domain(plan)}"


def blackout_uid(plan: Plan, b: Blackout) -> str:
    return f"{b.id}@veda.{domain(plan)}"


def _bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {i}" for i in items)


def _objectives(c: Campaign) -> list[str]:
    out = []
    for o in c.objectives:
        text = " ".join(o.text.split())
        if o.start and o.end:
            dot = "." if text.endswith(".") else ""
            text = f"{text.removesuffix('.')} ({period(o.start, o.end, full=True)}){dot}"
        out.append(text)
    return out


def _period(start: dt.date, end: dt.date) -> str:
    return period(start, end, prose=True, long=True)


def _ine(status: str | None) -> str:
    if status is None:
        return "no se solicitó excepción al INE"
    return f"excepción a la veda ante el INE: {ine_status(status)}"


def _row_ine(r: Execution, index: BlackoutIndex, assume_ine: str | None) -> str:
    """«Excepción a la veda ante el INE: no aplica (…)», told apart with ``campana.ine``."""
    status = row_status(r, index, assume_ine=assume_ine)
    text = f"Excepción a la veda ante el INE: {ine_status(status)}"
    if status == "not-applicable":
        return text + " (ninguna veda restringe este punto de contacto)."
    if status != row_status(r, index):
        return text + " (escenario)."
    return text + "."


def _sentence(text: str) -> str:
    """The first letter up, the rest as written: proper names keep their capitals."""
    return text[:1].upper() + text[1:]


def _figure(count: int, bound: str) -> str:
    """A segment's figure with its qualifier, as every view writes it: «hasta 1,234», «≈ 1,234»."""
    from campana.vocab import figure

    return figure(count, bound)


def _owner(owner: str | None) -> str:
    return f"\nResponsable: {owner}." if owner else ""


def _campaign_text(plan: Plan, c: Campaign, audience: Audience | None) -> str:
    parts = [f"Campaña «{c.name}» ({c.id}), {_period(c.start, c.end)}.{_owner(c.owner)}"]
    if c.aka:
        parts[0] += f"\nTambién se llama: {', '.join(c.aka)}."
    if c.objectives:
        parts.append("Objetivos:\n" + _bullets(_objectives(c)))
    if c.execution:
        rows = [
            f"{plan.touchpoint_name(r.touchpoint)} ({period(r.start, r.end, full=True)}): "
            + ", ".join(r.tactics)
            + (f"; {_ine(r.ine_exception)}" if r.ine_exception else "")
            for r in c.execution
        ]
        parts.append("Puntos de contacto:\n" + _bullets(rows))
    if c.components:
        comps = [f"{k.name} ({period(k.start, k.end, full=True)})" for k in c.components]
        parts.append("Componentes de la programación:\n" + _bullets(comps))
    if c.audience:
        names = []
        for seg in c.audience:
            found = audience.segment(seg) if audience else None
            names.append(f"{found.name} ({_figure(found.count, found.bound)})" if found else seg)
        parts.append("Audiencia:\n" + _bullets(names))
    if c.channels:
        chans = [ch.name + (f": {ch.contact}" if ch.contact else "") for ch in c.channels]
        parts.append("Canales: " + "; ".join(chans) + ".")
    if c.notes:
        parts.append("Notas:\n" + _bullets([" ".join(n.split()) for n in c.notes]))
    return "\n\n".join(parts)


def _row_text(
    plan: Plan,
    c: Campaign,
    r: Execution,
    index: BlackoutIndex,
    assume_ine: str | None = None,
    part: str = "",
) -> str:
    tp = plan.touchpoint_name(r.touchpoint)
    period = r.period_text or _period(r.start, r.end)
    parts = [
        f"Punto de contacto «{tp}» de la campaña «{c.name}», {period}.{part}"
        + _owner(r.owner or c.owner),
        "Tácticos:\n" + _bullets(r.tactics),
        _row_ine(r, index, assume_ine),
    ]
    if c.objectives:
        parts.append("Objetivos de la campaña:\n" + _bullets(_objectives(c)))
    return "\n\n".join(parts)


def _component_text(
    plan: Plan,
    c: Campaign,
    k: Component,
    row: Execution | None = None,
    index: BlackoutIndex | None = None,
    assume_ine: str | None = None,
) -> str:
    """A component's description; with the execution ``row`` it mirrors, that row's tactics,
    INE status and, when it differs, the table's period."""
    head = f"Componente «{k.name}» de la campaña «{c.name}», {_period(k.start, k.end)}."
    head += _owner(k.owner or (row.owner if row is not None else None) or c.owner)
    extra = []
    if k.touchpoint:
        extra.append(f"punto de contacto: {plan.touchpoint_name(k.touchpoint)}")
    if k.tactic:
        extra.append(f"táctico: {k.tactic}")
    if extra:
        head += f"\n{_sentence('; '.join(extra))}."
    parts = [head]
    if row is not None and index is not None:
        if (row.start, row.end) != (k.start, k.end):
            table = row.period_text or _period(row.start, row.end)
            parts.append(
                f"La tabla de ejecución da otro periodo a este punto de contacto: {table}."
            )
        parts.append("Tácticos:\n" + _bullets(row.tactics))
        parts.append(_row_ine(row, index, assume_ine))
    if c.objectives:
        parts.append("Objetivos de la campaña:\n" + _bullets(_objectives(c)))
    return "\n\n".join(parts)


def _blackout_text(plan: Plan, b: Blackout) -> str:
    parts = [f"«{b.name}», {_period(b.start, b.end)}."]
    if b.description:
        parts.append(" ".join(b.description.split()))
    if b.restricts:
        names = ", ".join(restricted_names(plan, b))
        parts.append(f"Restringe: {names}.")
    return "\n\n".join(parts)


def _component_parts(
    c: Campaign, k: Component, index: BlackoutIndex, assume_ine: str | None
) -> list[Span]:
    """A component's period minus the days its touchpoint's row is off air under the scenario
    (the row of the campaign that runs it); the whole period without a scenario."""
    row = next((r for r in c.execution if r.touchpoint == k.touchpoint), None)
    if assume_ine is None or row is None or k.end < k.start:
        return [Span.of(k)]
    off = suspended_spans(row, index, assume_ine=assume_ine, pending_off_air=False)
    return Span.of(k).minus(off)


def build_calendar(
    plan: Plan,
    *,
    now: dt.datetime,
    campaigns: Sequence[str] = (),
    audience: Audience | None = None,
    assume_ine: str | None = None,
    alarm_days: int | None = None,
    view: ViewFilter | None = None,
    rest_days: bool = False,
) -> CalendarExport:
    """The iCalendar file of the plan (or of the view's campaigns, plus the blackouts).

    Without a ``view``, ``campaigns`` names them as a user may (see
    ``queries.resolve_campaign``); the calendar has no window or touchpoint filter. Under
    a scenario (``assume_ine``), an execution row off air during a blackout is split into its
    parts before and after it (UIDs ``…#1``, ``…#2``). Milestones are one-day events;
    ``alarm_days`` adds a VALARM that many days before each."""
    stamp, sequence = _stamp(now)
    if view is None:
        named = [c.id for c in resolve_campaigns(plan, campaigns)] if campaigns else None
        view = ViewFilter.of(campaigns=named)
    selection = select(plan, ViewFilter(view.campaigns))
    chosen = selection.named
    assume_ine = parse_assume_ine(assume_ine)
    label = scenario_label(assume_ine)
    name = plan.plan.title
    if view.by_campaign:
        name += ": " + ", ".join(c.name for c in chosen)
    if label:
        name += f" ({label[0].lower()}{label[1:]})"
    out = _Writer(plan, name, stamp, sequence, alarm_days, [c.id for c in chosen])
    if rest_days:
        _rest_day_events(out, plan)
    for b in selection.blackouts:
        out.event(
            blackout_uid(plan, b),
            b.name,
            b.start,
            b.end,
            _blackout_text(plan, b),
            ["Veda electoral"],
        )
    index = BlackoutIndex.of(plan)
    for c in chosen:
        cuid = campaign_uid(plan, c)
        text = _campaign_text(plan, c, audience)
        out.event(cuid, f"Campaña: {c.name}", c.start, c.end, text, ["Campaña"])
        mirrored = mirror_of(c)  # a component and the row it mirrors: one event
        shown = {id(r) for r in mirrored.values()}
        scoped = index.scoped(c.states)  # a state blackout reaches its campaigns only
        for r in c.execution:
            if id(r) not in shown:
                _row_events(out, plan, c, r, scoped, assume_ine)
        for k in c.components:
            _component_events(out, plan, c, k, scoped, assume_ine, mirrored.get(k.id))
        for m in c.milestones:
            _milestone_event(out, plan, c, m, alarm_days)
    return out.done()


def _rest_day_events(out: _Writer, plan: Plan) -> None:
    """The official rest days of the plan's year as all-day events (``--descansos``)."""
    from campana.restdays import declared_election_days, rest_days

    year = plan.plan.year
    found = rest_days(
        dt.date(year, 1, 1),
        dt.date(year, 12, 31),
        election_days=declared_election_days(plan.blackouts),
    )
    for day, name in found.items():
        out.event(
            f"descanso-{day.isoformat()}@{domain(plan)}",
            name,
            day,
            day,
            "Día de descanso obligatorio (Ley Federal del Trabajo, art. 74).",
            ["Día de descanso"],
        )


def _stamp(now: dt.datetime) -> tuple[dt.datetime, int]:
    """DTSTAMP and SEQUENCE of every event: ``now`` in UTC, and the minutes since 2000."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    sequence = max(0, int((stamp - SEQUENCE_EPOCH).total_seconds() // 60))
    if sequence > MAX_SEQUENCE:
        last = (SEQUENCE_EPOCH + dt.timedelta(minutes=MAX_SEQUENCE)).date()
        raise UsageError(
            f"no se puede exportar con fecha {fmt(stamp.date())}: iCalendar numera las versiones "
            f"de cada evento en minutos desde el año 2000, y después del {fmt(last)} ese número "
            "ya no cabe",
            hint=f"exporta con una fecha de hoy anterior al {fmt(last)}",
        )
    return stamp, sequence


class _Writer:
    """The calendar being written: one all-day event at a time, each UID once."""

    def __init__(
        self,
        plan: Plan,
        name: str,
        stamp: dt.datetime,
        sequence: int,
        alarm_days: int | None,
        campaigns: list[str],
    ) -> None:
        from icalendar import Calendar

        from campana import __version__

        self.cal: Any = Calendar()
        self.cal.add("prodid", f"-//campana//campana {__version__}//ES")
        self.cal.add("version", "2.0")
        self.cal.add("calscale", "GREGORIAN")
        self.cal.add("method", "PUBLISH")
        self.cal.add("x-wr-calname", name)
        self.cal.add("x-wr-caldesc", f"{plan.plan.title} — {plan.plan.owner}")
        self.stamp = stamp
        self.sequence = sequence
        self.alarm_days = alarm_days
        self.seen: set[str] = set()
        self.result = CalendarExport(b"", 0, campaigns)

    def done(self) -> CalendarExport:
        self.result.data = self.cal.to_ical()
        return self.result

    def _unique(self, uid: str) -> str:
        """The UID, or ``id~2@…`` when it is taken: a repeated id (a validate error) must not
        merge two events."""
        n = 2
        base = uid
        while uid in self.seen:
            local, _, host = base.partition("@")
            uid = f"{local}~{n}@{host}"
            n += 1
        self.seen.add(uid)
        return uid

    def event(
        self,
        uid: str,
        summary: str,
        start: dt.date,
        end: dt.date,
        description: str,
        categories: list[str],
        related: str | None = None,
        alarm: str | None = None,
    ) -> None:
        from icalendar import Event

        uid = self._unique(uid)
        if end < start:
            self.result.skipped.append(
                Skipped(uid, summary, f"termina ({fmt(end)}) antes de empezar ({fmt(start)})")
            )
            return
        after = add_days(end, 1)  # all-day: DTEND is exclusive, the day after the last
        if after is None:
            self.result.skipped.append(
                Skipped(
                    uid,
                    summary,
                    f"termina el {fmt(end)}, el último día que existe: iCalendar guarda el fin "
                    "de un evento de día completo como el día siguiente, y ese día no se puede "
                    "representar",
                )
            )
            return
        e: Any = Event()
        e.add("uid", uid)
        e.add("dtstamp", self.stamp)
        e.add("last-modified", self.stamp)
        e.add("sequence", self.sequence)
        e.add("summary", summary)
        e.add("dtstart", start)
        e.add("dtend", after)
        e.add("description", description)
        e.add("categories", categories)
        e.add("transp", "TRANSPARENT")
        if related:
            e.add("related-to", related)
        if alarm is not None and self.alarm_days is not None:
            e.add_component(_alarm(alarm, self.alarm_days))
        self.cal.add_component(e)
        self.result.events += 1


def _alarm(text: str, days_before: int) -> Any:
    from icalendar import Alarm

    a: Any = Alarm()
    a.add("action", "DISPLAY")
    a.add("description", text)
    a.add("trigger", -dt.timedelta(days=days_before))
    return a


def _part_label(n: int, end: dt.date, whole_end: dt.date) -> str:
    """Which side of the blackout a split part is on."""
    return "antes de la veda" if end < whole_end and n == 1 else "después de la veda"


def _row_events(
    out: _Writer,
    plan: Plan,
    c: Campaign,
    r: Execution,
    index: BlackoutIndex,
    assume_ine: str | None,
) -> None:
    """An execution row: one event, or under a scenario its parts around the blackout."""
    tp = plan.touchpoint_name(r.touchpoint)
    uid = execution_uid(plan, c, r)
    cuid = campaign_uid(plan, c)
    spans = (
        on_air_spans(r, index, assume_ine=assume_ine, pending_off_air=False)
        if assume_ine is not None
        else [(r.start, r.end)]
    )
    if spans == [(r.start, r.end)]:
        text = _row_text(plan, c, r, index)
        out.event(uid, f"{tp}: {c.name}", r.start, r.end, text, [tp], cuid)
        return
    label = scenario_label(assume_ine)
    local, _, host = uid.partition("@")
    for n, (s, e) in enumerate(spans, 1):
        where = _part_label(n, e, r.end)
        note = (
            f"\n{label}: este punto de contacto sale del aire por la veda; esta es "
            f"la parte {where}, {_period(s, e)}."
        )
        out.event(
            f"{local}#{n}@{host}",
            f"{tp}: {c.name} ({where})",
            s,
            e,
            _row_text(plan, c, r, index, assume_ine, note),
            [tp],
            cuid,
        )


def _component_events(
    out: _Writer,
    plan: Plan,
    c: Campaign,
    k: Component,
    index: BlackoutIndex,
    assume_ine: str | None,
    row: Execution | None = None,
) -> None:
    """A component: one event, or under a scenario its parts around the blackout; with the
    execution ``row`` it mirrors, that row's facts too (``campana.pairing``)."""
    category = plan.touchpoint_name(k.touchpoint) if k.touchpoint else "Componente"
    uid = component_uid(plan, c, k)
    cuid = campaign_uid(plan, c)
    parts = _component_parts(c, k, index, assume_ine)
    if parts == [(k.start, k.end)]:
        text = _component_text(plan, c, k, row, index, assume_ine)
        out.event(uid, f"Componente {k.name}: {c.name}", k.start, k.end, text, [category], cuid)
        return
    label = scenario_label(assume_ine)
    local, _, host = uid.partition("@")
    for n, (s, e) in enumerate(parts, 1):
        where = _part_label(n, e, k.end)
        out.event(
            f"{local}#{n}@{host}",
            f"Componente {k.name}: {c.name} ({where})",
            s,
            e,
            f"{label}: este componente sale del aire por la veda; esta es la parte "
            f"{where}, {_period(s, e)}.\n\n" + _component_text(plan, c, k, row, index, assume_ine),
            [category],
            cuid,
        )


def _milestone_event(
    out: _Writer, plan: Plan, c: Campaign, m: Milestone, alarm_days: int | None
) -> None:
    """A milestone: a one-day event, with its alarm when ``alarm_days`` is given."""
    about = f"\nPunto de contacto: {plan.touchpoint_name(m.touchpoint)}." if m.touchpoint else ""
    text = (
        f"Hito de la campaña «{c.name}», {fmt_long(m.date)}: "
        f"{MILESTONE_KINDS.get(m.kind, m.kind)}.{about}{_owner(m.owner or c.owner)}"
    )
    alarm = f"Hito en {alarm_days} días: {m.name} ({c.name})" if alarm_days is not None else None
    out.event(
        milestone_uid(plan, c, m),
        f"Hito: {m.name} ({c.name})",
        m.date,
        m.date,
        text,
        ["Hito"],
        campaign_uid(plan, c),
        alarm=alarm,
    )
