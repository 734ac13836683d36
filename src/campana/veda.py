"""The blackout report: what each blackout restricts, which rows it hits, what a denial costs.

Pure core: no typer, no rich. The dataclass names are shared with the HTML report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from campana.agenda import select_campaigns
from campana.dates import Span, days, fmt, period, span_days
from campana.ine import (
    BlackoutIndex,
    applies_to,
    crossing,
    days_lost_if_denied,
    is_federal,
    merge,
    on_air_spans,
    parse_assume_ine,
    restricted_names,
    restricts,
    row_status,
    state_name,
)
from campana.pairing import lines
from campana.view import ViewFilter
from campana.vocab import and_list

if TYPE_CHECKING:
    from campana.models import Blackout, Campaign, Execution, Plan


@dataclass(frozen=True, slots=True)
class VedaRow:
    """An execution row a blackout restricts."""

    campaign_id: str
    campaign_name: str
    touchpoint_id: str
    touchpoint_name: str
    start: dt.date
    end: dt.date
    #: days of the row inside this blackout
    days_inside: int
    #: the effective status (ine.IneStatus) under the report's scenario
    ine_exception: str
    #: days inside this blackout the row loses if its exception is denied (0 when approved)
    days_lost_if_denied: int
    #: the date and the reference (acuerdo u oficio) of the INE's answer, when recorded
    ine_answer_date: dt.date | None = None
    ine_reference: str | None = None


@dataclass(frozen=True, slots=True)
class Contested:
    """A line whose period the programme grid and the execution table give differently."""

    name: str
    grid: tuple[dt.date, dt.date]
    table: tuple[dt.date, dt.date]

    @property
    def which(self) -> str:
        """«fin», «inicio» or «periodo»: what the two sources disagree on."""
        if self.grid[0] == self.table[0]:
            return "fin"
        if self.grid[1] == self.table[1]:
            return "inicio"
        return "periodo"

    def said(self, span: tuple[dt.date, dt.date]) -> str:
        """What a source says: «el 31 may», or «22 ene – 31 may» for a whole period."""
        if self.which == "fin":
            return f"el {fmt(span[1], year=False)}"
        if self.which == "inicio":
            return f"el {fmt(span[0], year=False)}"
        return period(*span)


@dataclass(frozen=True, slots=True)
class VedaCampaign:
    """A campaign that runs during a blackout."""

    id: str
    name: str
    #: days of the campaign inside the blackout
    days_inside: int
    #: of those, days with no execution row on air if every pending exception is denied
    uncovered_days_if_denied: int
    #: the same figure with the grid's dates for the execution rows a component mirrors, when
    #: the two sources disagree and the figure rests on it (None otherwise)
    uncovered_days_by_grid: int | None = None
    #: the lines whose disagreement changes the figure
    contested: tuple[Contested, ...] = ()

    @property
    def note(self) -> str | None:
        """Why the figure is not settled: «depende del fin de «Brigadas…», que el documento no
        resuelve: la tabla de ejecución dice 30 jun y la programación 31 may; con el 31 may
        serían 2 días»."""
        if self.uncovered_days_by_grid is None:
            return None
        parts = [
            f"del {c.which} de «{c.name}», que el documento no resuelve: la tabla de ejecución "
            f"dice {c.said(c.table)} y la programación {c.said(c.grid)}"
            for c in self.contested
        ]
        grid = " y ".join(c.said(c.grid) for c in self.contested)
        return (
            f"depende {'; y '.join(parts)}; con {grid} serían {days(self.uncovered_days_by_grid)}"
        )


@dataclass(frozen=True, slots=True)
class VedaBlackout:
    id: str
    name: str
    start: dt.date
    end: dt.date
    restricts: list[str]
    restricts_names: list[str]
    rows: list[VedaRow]
    campaigns: list[VedaCampaign]
    #: rows running during the blackout that it does not restrict (``not-applicable``, as
    #: Brigadas): the views show them, the JSON of issue 8 does not
    unrestricted: tuple[VedaRow, ...] = ()
    #: the states a state blackout is declared for (its jurisdiction); () for a federal one
    states: tuple[str, ...] = ()

    @property
    def days(self) -> int:
        """The blackout's length in days, both ends included."""
        return span_days(self.start, self.end)

    @property
    def scope(self) -> str | None:
        """Where a state blackout applies, as every view words it («Ámbito estatal: Coahuila
        y Durango.»); None for a federal one, which applies everywhere."""
        if not self.states:
            return None
        return f"Ámbito estatal: {and_list(list(self.states))}."


@dataclass(frozen=True, slots=True)
class VedaReport:
    blackouts: list[VedaBlackout]
    #: the scenario (denied, approved, pending) or None
    assume_ine: str | None

    @property
    def scenario_decides(self) -> bool:
        """Under ``--assume-ine aprobada`` or ``negada`` nothing is left to deny: the columns
        are the days off air in the scenario, not «if it is denied»."""
        return self.assume_ine in ("approved", "denied")

    @property
    def lost_label(self) -> str:
        """The heading of a row's lost days: «Si se niega», or «Fuera del aire» in a scenario."""
        return "Fuera del aire" if self.scenario_decides else "Si se niega"

    @property
    def lost_label_long(self) -> str:
        """``lost_label`` where a heading has room: «Días perdidos si se niega»."""
        if self.scenario_decides:
            return "Días fuera del aire en el escenario"
        return "Días perdidos si se niega"

    @property
    def uncovered_label(self) -> str:
        """The heading of a campaign's days with nothing on air."""
        if self.scenario_decides:
            return "Sin nada al aire en el escenario"
        return "Sin nada al aire si se niega"

    @property
    def uncovered_label_long(self) -> str:
        """``uncovered_label`` where a heading has room: «Días sin nada al aire si se niega»."""
        return "Días " + self.uncovered_label[0].lower() + self.uncovered_label[1:]

    @property
    def legend(self) -> str:
        """What the columns mean, under the table."""
        inside = "Dentro: días del punto de contacto dentro de la veda. "
        free = "«no aplica»: la veda no lo restringe y sigue al aire. "
        if self.scenario_decides:
            return (
                inside + "Fuera del aire: días que el punto de contacto pasa fuera del aire en "
                "el escenario (sin excepción aprobada, sale del aire); " + free + "Sin nada al "
                "aire: días de la campaña sin ningún punto de contacto al aire en el escenario."
            )
        return (
            inside + "Si se niega: días que pierde si el INE niega la excepción (sin excepción "
            "aprobada, sale del aire); " + free + "Sin nada al aire: días de la campaña sin "
            "ningún punto de contacto al aire si se niega toda excepción pendiente."
        )

    def to_json(self) -> dict[str, Any]:
        """``{"blackouts": [{"id", "name", "start", "end", "restricts", "jurisdiction", "rows",
        "campaigns"}]}``."""
        return {
            "blackouts": [
                {
                    "id": b.id,
                    "name": b.name,
                    "start": b.start.isoformat(),
                    "end": b.end.isoformat(),
                    "restricts": list(b.restricts),
                    "jurisdiction": list(b.states) if b.states else "federal",
                    "rows": [
                        {
                            "campaign": r.campaign_id,
                            "touchpoint_id": r.touchpoint_id,
                            "name": r.touchpoint_name,
                            "start": r.start.isoformat(),
                            "end": r.end.isoformat(),
                            "days_inside": r.days_inside,
                            "ine_exception": r.ine_exception,
                            "days_lost_if_denied": r.days_lost_if_denied,
                            "ine_answer_date": (
                                r.ine_answer_date.isoformat() if r.ine_answer_date else None
                            ),
                            "ine_reference": r.ine_reference,
                        }
                        for r in b.rows
                    ],
                    "campaigns": [
                        {
                            "id": c.id,
                            "name": c.name,
                            "days_inside": c.days_inside,
                            "uncovered_days_if_denied": c.uncovered_days_if_denied,
                            "uncovered_days_by_grid": c.uncovered_days_by_grid,
                            "note": c.note,
                        }
                        for c in b.campaigns
                    ],
                }
                for b in self.blackouts
            ]
        }


def veda_report(
    plan: Plan,
    *,
    assume_ine: str | None = None,
    campaigns: Sequence[str] | None = None,
    view: ViewFilter | None = None,
) -> VedaReport:
    """Every blackout of the plan, with the rows it restricts and the campaigns it covers.

    ``days_lost_if_denied`` and ``uncovered_days_if_denied`` read every exception still pending
    under the scenario as denied: with ``assume_ine="approved"`` pending rows stay on air, so they
    lose nothing. A row never requested, or denied, is off air in every case.
    """
    assume_ine = parse_assume_ine(assume_ine)
    # every blackout of the plan, with the rows of the view's campaigns (``campaigns``: their
    # ids, a shorthand for the view); the report has no window or touchpoint filter
    view = ViewFilter(view.campaigns if view else ViewFilter.of(campaigns=campaigns).campaigns)
    chosen = list(select_campaigns(plan, view).campaigns)
    index = BlackoutIndex.of(plan)
    # the hypothesis "every pending exception is denied", on top of the scenario
    if_denied = "approved" if assume_ine == "approved" else "denied"
    report = [_blackout(plan, b, chosen, index, assume_ine, if_denied) for b in plan.blackouts]
    return VedaReport(report, assume_ine)


@dataclass(frozen=True, slots=True)
class _AtDates:
    """What ``campana.ine`` reads of an execution row, at other dates (the grid's): a plain
    stand-in, so a report read from the cache imports no pydantic."""

    touchpoint: str
    start: dt.date
    end: dt.date
    ine_exception: str | None


def _uncovered(
    rows: Sequence[Execution], index: BlackoutIndex, if_denied: str, inside: Span
) -> int:
    """Days of ``inside`` with none of ``rows`` on air under ``if_denied``."""
    on_air = [s for r in rows for s in on_air_spans(r, index, assume_ine=if_denied)]
    return sum(g.days for g in inside.minus(merge(on_air)))


def _blackout(
    plan: Plan,
    b: Blackout,
    chosen: list[Campaign],
    index: BlackoutIndex,
    assume_ine: str | None,
    if_denied: str,
) -> VedaBlackout:
    only_this = BlackoutIndex([b])
    rows: list[VedaRow] = []
    free: list[VedaRow] = []
    campaigns: list[VedaCampaign] = []
    for c in chosen:
        if not applies_to(b, c.states):  # a state blackout, a campaign elsewhere
            continue
        for r in c.execution:
            cross = crossing(b, r.start, r.end)
            if cross is None:
                continue
            if not restricts(b, r.touchpoint):
                free.append(
                    VedaRow(
                        c.id,
                        c.name,
                        r.touchpoint,
                        plan.touchpoint_name(r.touchpoint),
                        r.start,
                        r.end,
                        cross.days,
                        "not-applicable",
                        0,
                    )
                )
                continue
            rows.append(
                VedaRow(
                    campaign_id=c.id,
                    campaign_name=c.name,
                    touchpoint_id=r.touchpoint,
                    touchpoint_name=plan.touchpoint_name(r.touchpoint),
                    start=r.start,
                    end=r.end,
                    days_inside=cross.days,
                    ine_exception=row_status(r, only_this, assume_ine=assume_ine),
                    days_lost_if_denied=days_lost_if_denied(r, only_this, assume_ine=assume_ine),
                    ine_answer_date=r.ine_answer_date,
                    ine_reference=r.ine_reference,
                )
            )
        inside = crossing(b, c.start, c.end)
        if inside is None:
            continue
        scoped = index.scoped(c.states)  # a state blackout reaches its campaigns only
        uncovered = _uncovered(c.execution, scoped, if_denied, inside)
        # the rows a component mirrors, at the grid's dates where the table gives others
        contested: list[Contested] = []
        by_grid: list[Execution] = []
        for line in lines(c):
            if line.execution is None:
                continue
            if line.table is None or line.component is None:
                by_grid.append(line.execution)
                continue
            k = line.component
            contested.append(Contested(k.name, (k.start, k.end), line.table))
            e = line.execution
            grid = _AtDates(e.touchpoint, k.start, k.end, e.ine_exception)
            by_grid.append(cast("Execution", grid))
        other = _uncovered(by_grid, scoped, if_denied, inside) if contested else uncovered
        campaigns.append(
            VedaCampaign(
                c.id,
                c.name,
                inside.days,
                uncovered,
                other if other != uncovered else None,
                tuple(contested) if other != uncovered else (),
            )
        )
    return VedaBlackout(
        id=b.id,
        name=b.name,
        start=b.start,
        end=b.end,
        restricts=list(b.restricts),
        restricts_names=restricted_names(plan, b),
        rows=rows,
        campaigns=campaigns,
        unrestricted=tuple(free),
        states=() if is_federal(b) else tuple(state_name(x) or x for x in b.jurisdiction or ()),
    )
