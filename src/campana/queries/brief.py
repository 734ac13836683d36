"""One campaign: its brief (``Brief``) and what ``show`` adds to it (owners, milestones, the
INE what-if)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campana import ine
from campana.dates import Span, days_not_in, span_days, union_days
from campana.errors import Finding
from campana.queries.common import Status, _segment_name, status
from campana.vocab import channel_kind, creative_kind

if TYPE_CHECKING:
    from campana.models import Audience, Campaign, Execution, Plan
    from campana.pairing import Line


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


# --- show: the brief, owners, milestones and the INE what-if (issue 8) ----------------------


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
