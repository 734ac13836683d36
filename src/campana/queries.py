"""Answers to the planners' everyday questions: what runs when, one campaign's brief, the
campaign list and the audience figures.

Pure functions over ``Plan``/``Audience`` that take ``today`` (and the filters) as input and
return dataclasses; ``campana.render`` turns those into tables, grids, JSON, CSV or Markdown.
Nothing here imports typer, rich or pydantic.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from campana import ine
from campana.dates import Span, days_not_in, fold, span_days, union_days
from campana.errors import CampanaError, Finding
from campana.view import ViewFilter, select
from campana.vocab import channel_kind, creative_kind, period_status

if TYPE_CHECKING:
    from campana.models import Audience, Campaign, Execution, Plan
    from campana.pairing import Line

RowKind = Literal["campaign", "component", "touchpoint", "blackout"]
StatusKind = Literal["upcoming", "running", "finished"]


# --- status relative to today ---------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    """Where ``today`` stands relative to a period."""

    kind: StatusKind
    #: inclusive length of the period in days
    total: int
    #: day N of ``total`` when running
    day: int | None = None
    #: days until the start (upcoming), until the end (running) or since the end (finished)
    days: int = 0

    @property
    def text(self) -> str:
        """Short Spanish status: «próxima», «en curso, día 45 de 175», «concluida»."""
        if self.kind == "running":
            return f"{period_status(self.kind)}, día {self.day} de {self.total}"
        return period_status(self.kind)

    @property
    def detail(self) -> str:
        """The longer Spanish explanation shown by ``show``."""
        if self.kind == "upcoming":
            return "empieza mañana" if self.days == 1 else f"empieza en {self.days} días"
        if self.kind == "running":
            if self.days == 0:
                return "termina hoy"
            return "termina mañana" if self.days == 1 else f"faltan {self.days} días"
        return "terminó ayer" if self.days == 1 else f"terminó hace {self.days} días"

    @property
    def label(self) -> str:
        """Status and detail in one line, after «Estado:»: «concluida; terminó hace 15 días»
        (no second colon)."""
        return f"{self.text}; {self.detail}"


def status(start: dt.date, end: dt.date, today: dt.date) -> Status:
    total = span_days(start, end)
    if today < start:
        return Status("upcoming", total, days=(start - today).days)
    if today > end:
        return Status("finished", total, days=(today - end).days)
    return Status("running", total, day=(today - start).days + 1, days=(end - today).days)


# --- windows ----------------------------------------------------------------------------------


def year_window(year: int) -> Span:
    return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))


def month_window(year: int, month: int) -> Span:
    return Span(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


#: a window of up to this many days is shown day by day, with the execution table's touchpoints
DETAIL_DAYS = 42


def window(
    year: int,
    *,
    day: dt.date | None = None,
    month: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Span:
    """The dates a schedule question covers: one day, a range (an open end runs to the start
    or the end of its year), one month of ``year``, or the whole of ``year``."""
    if day is not None:
        return Span(day, day)
    if start is not None or end is not None:
        first = start or dt.date((end or dt.date(year, 1, 1)).year, 1, 1)
        return Span(first, end or dt.date(first.year, 12, 31))
    if month is not None:
        return month_window(year, month)
    return year_window(year)


def detailed(start: dt.date, end: dt.date) -> bool:
    """Whether a window is short enough to show day by day, touchpoints included."""
    return span_days(start, end) <= DETAIL_DAYS


# --- campaigns by id or name ------------------------------------------------------------------


def _keys(c: Campaign) -> list[str]:
    return [fold(c.id), fold(c.name), *(fold(a) for a in c.aka)]


def _word_match(wanted: list[str], key: list[str]) -> bool:
    """Every word typed names a different word of ``key``, in any order: as its start
    («trab» for «trabajadores»), or the key's word as the start of a longer typed word of at
    least four letters («laborales» for «laboral»)."""
    free = list(key)
    for w in wanted:
        hit = next((k for k in free if k.startswith(w) or (len(k) >= 4 and w.startswith(k))), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def resolve_campaign(plan: Plan, text: str) -> Campaign:
    """The campaign a user means: by id, name or aka, ignoring case and accents; by a unique
    prefix of any of them; or word by word (words in any order, each a prefix: «logros
    laborales», «independientes trab»). Raises CampanaError with the candidates or a
    suggestion."""
    from campana.suggest import close, words

    wanted = fold(text)
    ids = ", ".join(c.id for c in plan.campaigns)
    if not wanted:
        raise CampanaError("falta el id de la campaña", hint=f"campañas del plan: {ids}")
    exact = [c for c in plan.campaigns if wanted in _keys(c)]
    if len(exact) == 1:
        return exact[0]
    found = exact or [c for c in plan.campaigns if any(k.startswith(wanted) for k in _keys(c))]
    if not found:
        typed = words(text)
        found = [
            c
            for c in plan.campaigns
            if typed and any(_word_match(typed, words(k)) for k in _keys(c))
        ]
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"«{c.name}» (id {c.id})" for c in found)
        raise CampanaError(
            f"«{text}» puede ser más de una campaña: {names}",
            hint="escribe más letras del nombre o el id completo",
        )
    by_key = {k: c for c in plan.campaigns for k in [c.id, c.name, *c.aka]}
    suggestions: list[str] = []
    for k in close(text, list(by_key)):
        if by_key[k].id not in suggestions:
            suggestions.append(by_key[k].id)
    hint = (
        "¿quisiste decir " + " o ".join(f"«{s}»" for s in suggestions) + "?"
        if suggestions
        else f"campañas del plan: {ids}"
    )
    raise CampanaError(f"no hay ninguna campaña «{text}» en el plan", hint=hint)


def resolve_campaigns(plan: Plan, texts: Iterable[str]) -> list[Campaign]:
    """``resolve_campaign`` for each text, each campaign once, in the order first named."""
    chosen: list[Campaign] = []
    for text in texts:
        found = resolve_campaign(plan, text)
        if found not in chosen:
            chosen.append(found)
    return chosen


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
    plan: Plan, touchpoint: str | None, start: dt.date, end: dt.date
) -> tuple[Span, ...]:
    return tuple(
        cross for _, cross in ine.blackout_overlaps(plan.blackouts, touchpoint, start, end)
    )


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
                    blackout=_blackout_spans(plan, e.touchpoint, e.start, e.end),
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
                blackout=_blackout_spans(plan, k.touchpoint, k.start, k.end),
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


# --- one campaign's brief ---------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentFigure:
    id: str
    name: str
    count: int | None
    bound: str = "exact"
    #: the document's own percentage and what it is a share of
    stated_percent: float | None = None
    stated_of: str | None = None
    #: the name of the segment ``stated_of`` names
    stated_of_name: str | None = None


@dataclass(frozen=True)
class ObjectiveLine:
    text: str
    start: dt.date | None
    end: dt.date | None
    period_text: str | None

    @property
    def days(self) -> int | None:
        """Its length in days, both ends included (None without a period of its own)."""
        return span_days(self.start, self.end) if self.start and self.end else None


@dataclass(frozen=True)
class CreativeLineItem:
    text: str
    kind: str

    @property
    def kind_es(self) -> str:
        return creative_kind(self.kind)


@dataclass(frozen=True)
class ChannelLine:
    name: str
    kind: str
    contact: str | None

    @property
    def kind_es(self) -> str:
        return channel_kind(self.kind)


@dataclass(frozen=True)
class TouchpointLine:
    touchpoint_id: str
    name: str
    tactics: tuple[str, ...]
    start: dt.date
    end: dt.date
    period_text: str | None
    ine_exception: str | None
    #: days inside a blackout that restricts this touchpoint (whatever the exception says)
    blackout_days: int
    status: Status
    #: ``campana.ine``'s status (under the scenario, if any): ``not-applicable`` when no
    #: blackout restricts the row, ``not-requested`` when one does and no exception is asked
    ine_status: str = "not-applicable"
    #: the date and the reference (acuerdo u oficio) of the INE's answer, when recorded
    ine_answer_date: dt.date | None = None
    ine_reference: str | None = None
    #: the name of the component that mirrors this row (``campana.pairing``), if any
    component: str | None = None

    @property
    def label(self) -> str:
        """The row's name, and the component of the programme that is the same line:
        «Medios masivos (componente «Radio y televisión»)», «Digital (componente)»."""
        if self.component is None:
            return self.name
        if self.component == self.name:
            return f"{self.name} (componente)"
        return f"{self.name} (componente «{self.component}»)"

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)


@dataclass(frozen=True)
class ComponentLine:
    id: str
    name: str
    start: dt.date
    end: dt.date
    touchpoint: str | None
    tactic: str | None
    status: Status
    #: the execution table's period of the row this component mirrors, when it differs
    table: Span | None = None
    #: whether the component mirrors an execution row (the same channel, once)
    paired: bool = False

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)


@dataclass(frozen=True)
class Brief:
    """Everything the plan says about one campaign, as of ``today``."""

    id: str
    name: str
    aka: tuple[str, ...]
    start: dt.date
    end: dt.date
    today: dt.date
    status: Status
    audience: tuple[SegmentFigure, ...]
    objectives: tuple[ObjectiveLine, ...]
    creative: tuple[tuple[CreativeLineItem, ...], ...]
    channels: tuple[ChannelLine, ...]
    components: tuple[ComponentLine, ...]
    touchpoints: tuple[TouchpointLine, ...]
    notes: tuple[str, ...]
    findings: tuple[Finding, ...]
    #: working days of the period, when asked for (``show --habiles``; ``with_working_days``)
    working_days: int | None = None

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)

    @property
    def has_brief(self) -> bool:
        """Whether the document gives this campaign an execution brief, not only a grid row."""
        return bool(self.objectives or self.creative or self.channels or self.touchpoints)


def _figure(audience: Audience | None, segment_id: str) -> SegmentFigure:
    seg = audience.segment(segment_id) if audience is not None else None
    if seg is None:
        return SegmentFigure(segment_id, segment_id, None)
    return SegmentFigure(
        seg.id,
        seg.name,
        seg.count,
        seg.bound,
        seg.share.percent if seg.share else None,
        seg.share.of if seg.share else None,
        _segment_name(audience, seg.share.of) if seg.share else None,
    )


def _segment_name(audience: Audience | None, segment_id: str) -> str:
    seg = audience.segment(segment_id) if audience is not None else None
    return seg.name if seg is not None else segment_id


def with_working_days(b: Brief, plan: Plan) -> Brief:
    """The brief with its period's working days (``campana.restdays``)."""
    from dataclasses import replace

    from campana.restdays import declared_election_days, working_days

    election = declared_election_days(plan.blackouts)
    return replace(b, working_days=working_days((b.start, b.end), election_days=election))


def brief(
    plan: Plan,
    audience: Audience | None,
    campaign: Campaign,
    today: dt.date,
    findings: Iterable[Finding] = (),
    *,
    assume_ine: str | None = None,
) -> Brief:
    from campana.ine import row_status
    from campana.pairing import lines

    c = campaign
    paired = {id(x.execution): x for x in lines(c) if x.paired}
    by_component = {x.component.id: x for x in paired.values() if x.component is not None}

    # a state blackout reaches national campaigns and those in its states only
    reaching = [b for b in plan.blackouts if ine.applies_to(b, c.states)]

    def blackout_days(touchpoint: str, start: dt.date, end: dt.date) -> int:
        return union_days(x for _, x in ine.blackout_overlaps(reaching, touchpoint, start, end))

    return Brief(
        id=c.id,
        name=c.name,
        aka=tuple(c.aka),
        start=c.start,
        end=c.end,
        today=today,
        status=status(c.start, c.end, today),
        audience=tuple(_figure(audience, s) for s in c.audience),
        objectives=tuple(
            ObjectiveLine(o.text, o.start, o.end, o.period_text) for o in c.objectives
        ),
        creative=tuple(
            tuple(CreativeLineItem(line.text, line.kind) for line in piece.lines)
            for piece in c.creative
        ),
        channels=tuple(ChannelLine(ch.name, ch.kind, ch.contact) for ch in c.channels),
        components=tuple(
            ComponentLine(
                k.id,
                k.name,
                k.start,
                k.end,
                plan.touchpoint_name(k.touchpoint) if k.touchpoint else None,
                k.tactic,
                status(k.start, k.end, today),
                by_component[k.id].table if k.id in by_component else None,
                k.id in by_component and by_component[k.id].component is k,
            )
            for k in c.components
        ),
        touchpoints=tuple(
            TouchpointLine(
                e.touchpoint,
                plan.touchpoint_name(e.touchpoint),
                tuple(e.tactics),
                e.start,
                e.end,
                e.period_text,
                e.ine_exception,
                blackout_days(e.touchpoint, e.start, e.end),
                status(e.start, e.end, today),
                row_status(e, reaching, assume_ine=assume_ine),
                e.ine_answer_date,
                e.ine_reference,
                component=_component_name(paired.get(id(e))),
            )
            for e in c.execution
        ),
        notes=tuple(c.notes),
        findings=tuple(f for f in findings if f.campaign == c.id),
    )


def _component_name(line: Line | None) -> str | None:
    return line.component.name if line is not None and line.component is not None else None


# --- the campaign list ------------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignLine:
    id: str
    name: str
    start: dt.date
    end: dt.date
    components: int
    touchpoints: int
    status: Status
    #: the area or person the plan names as responsible, if any
    owner: str | None = None
    #: the programme's lines (``campana.pairing.lines``): a component and the execution row it
    #: mirrors count once
    lines: int = 0
    #: working days of the period (Monday to Friday less the official rest days), when asked
    #: for (``list --habiles``); None otherwise
    working_days: int | None = None

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)


@dataclass(frozen=True)
class CampaignList:
    """The plan's campaigns as of ``today`` (what ``list`` answers)."""

    today: dt.date
    campaigns: tuple[CampaignLine, ...]
    #: the plan's title, owner and administration notes
    title: str = ""
    owner: str = ""
    notes: tuple[NoteLine, ...] = ()


@dataclass(frozen=True)
class NoteLine:
    text: str
    details: tuple[str, ...] = ()


def campaign_list(plan: Plan, today: dt.date, *, working: bool = False) -> CampaignList:
    """``working``: count each campaign's working days too (``campana.restdays``)."""
    lines = campaign_lines(plan, today)
    if working:
        from dataclasses import replace

        from campana.restdays import declared_election_days, working_days

        election = declared_election_days(plan.blackouts)
        lines = [
            replace(c, working_days=working_days((c.start, c.end), election_days=election))
            for c in lines
        ]
    return CampaignList(
        today,
        tuple(lines),
        plan.plan.title,
        plan.plan.owner,
        tuple(NoteLine(n.text, tuple(n.details)) for n in plan.plan.notes),
    )


def campaign_lines(plan: Plan, today: dt.date) -> list[CampaignLine]:
    from campana.pairing import lines

    return [
        CampaignLine(
            c.id,
            c.name,
            c.start,
            c.end,
            len(c.components),
            len(c.execution),
            status(c.start, c.end, today),
            c.owner,
            len(lines(c)),
        )
        for c in plan.campaigns
    ]


# --- the audience -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentLine:
    id: str
    name: str
    count: int
    bound: str
    #: the whole of the breakdown this segment is a part of, if any
    part_of: str | None
    #: count / total, computed (None for a segment the total is itself a share of)
    share_of_total: float | None
    stated_percent: float | None
    stated_of: str | None
    #: the stated share recomputed from the counts, in percent
    computed_percent: float | None
    campaigns: tuple[str, ...]
    note: str | None = None
    reasons: tuple[str, ...] = ()
    since: dt.date | None = None
    source: str | None = None
    #: the names of ``stated_of`` and of ``campaigns``
    stated_of_name: str | None = None
    campaign_names: tuple[str, ...] = ()
    #: the segment this one would be added to (a potential addition, not a part), and its name
    adds_to: str | None = None
    adds_to_name: str | None = None

    @property
    def depth(self) -> int:
        return 1 if self.part_of else 0


@dataclass(frozen=True)
class AudienceReport:
    total_id: str | None
    total_name: str | None
    total_count: int | None
    segments: tuple[SegmentLine, ...]


def audience_report(audience: Audience, plan: Plan | None = None) -> AudienceReport:
    """The segments with their figures, their share of the total (the whole of the first
    breakdown) computed from the counts, and the campaigns that address each."""
    by_id = {s.id: s for s in audience.segments}
    total = by_id.get(audience.breakdowns[0].whole) if audience.breakdowns else None
    part_of: dict[str, str] = {}
    for b in audience.breakdowns:
        for p in b.parts:
            part_of.setdefault(p, b.whole)
    # segments the total is a share of contain it: their "share of the total" means nothing
    supersets = {total.share.of} if total is not None and total.share is not None else set()

    def line(s_id: str) -> SegmentLine:
        s = by_id[s_id]
        share = None
        if total is not None and total.count and s.id not in supersets and s.adds_to is None:
            share = s.count / total.count
        computed = None
        if s.share is not None:
            whole = by_id.get(s.share.of)
            if whole is not None and whole.count:
                computed = 100 * s.count / whole.count
        addressed = [c for c in (plan.campaigns if plan is not None else []) if s.id in c.audience]
        campaigns = tuple(c.id for c in addressed)
        whole_id = part_of.get(s.id)
        return SegmentLine(
            s.id,
            s.name,
            s.count,
            s.bound,
            whole_id if whole_id in by_id else None,
            share,
            s.share.percent if s.share else None,
            s.share.of if s.share else None,
            computed,
            campaigns,
            s.note,
            tuple(s.reasons),
            s.since,
            s.source,
            _segment_name(audience, s.share.of) if s.share else None,
            tuple(c.name for c in addressed),
            s.adds_to,
            _segment_name(audience, s.adds_to) if s.adds_to else None,
        )

    ordered: list[str] = []

    def place(s_id: str) -> None:
        if s_id in ordered or s_id not in by_id:
            return
        ordered.append(s_id)
        for b in audience.breakdowns:
            if b.whole == s_id:
                for p in b.parts:
                    place(p)

    for s in audience.segments:
        if s.id not in part_of or part_of[s.id] not in by_id:
            place(s.id)
    for s in audience.segments:  # parts of a cycle or of a missing whole
        place(s.id)
    return AudienceReport(
        total.id if total else None,
        total.name if total else None,
        total.count if total else None,
        tuple(line(s) for s in ordered),
    )


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


@dataclass(frozen=True)
class RowPlan:
    """An execution row as ``show`` adds it to the brief: owner, INE status, days lost."""

    touchpoint_id: str
    name: str
    owner: str | None
    #: ine.IneStatus under the scenario: not-applicable (Brigadas) is not not-requested
    ine_status: str
    #: days off air under the scenario that the plan as written keeps on air
    days_lost: int


@dataclass(frozen=True)
class MilestoneLine:
    id: str
    name: str
    date: dt.date
    kind: str
    owner: str | None
    touchpoint: str | None


@dataclass(frozen=True)
class Show:
    """``campana show``: the brief, plus owners, milestones and the INE what-if."""

    brief: Brief
    owner: str | None
    component_owners: tuple[tuple[str, str], ...]
    rows: tuple[RowPlan, ...]
    milestones: tuple[MilestoneLine, ...]
    assume_ine: str | None
    #: days of the campaign with some touchpoint on air as planned and none under the scenario
    days_lost: int


def show(plan: Plan, brief: Brief, c: Campaign, assume_ine: str | None = None) -> Show:
    """The brief with what issue 8 adds. As planned, a pending row stays on air; under the
    scenario ``denied`` it is off air for the blackout days (``ine.on_air_spans``)."""
    from campana.ine import BlackoutIndex, merge, on_air_spans, row_status

    index = BlackoutIndex.of(plan).scoped(c.states)  # a state blackout: its campaigns only

    def on_air(scenario: str | None) -> list[Span]:
        spans = [
            s
            for r in c.execution
            for s in on_air_spans(r, index, assume_ine=scenario, pending_off_air=False)
        ]
        return merge(spans)

    def lost(r: Execution) -> int:
        planned = on_air_spans(r, index, pending_off_air=False)
        now = on_air_spans(r, index, assume_ine=assume_ine, pending_off_air=False)
        return days_not_in(planned, now)

    rows = tuple(
        RowPlan(
            r.touchpoint,
            plan.touchpoint_name(r.touchpoint),
            r.owner or c.owner,
            row_status(r, index, assume_ine=assume_ine),
            lost(r),
        )
        for r in c.execution
    )
    return Show(
        brief=brief,
        owner=c.owner,
        component_owners=tuple((k.name, k.owner) for k in c.components if k.owner),
        rows=rows,
        milestones=tuple(
            MilestoneLine(
                m.id,
                m.name,
                m.date,
                m.kind,
                m.owner,
                plan.touchpoint_name(m.touchpoint) if m.touchpoint else None,
            )
            for m in sorted(c.milestones, key=lambda m: m.date)
        ),
        assume_ine=assume_ine,
        days_lost=days_not_in(on_air(None), on_air(assume_ine)),
    )


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
