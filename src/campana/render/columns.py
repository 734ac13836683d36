"""One column definition per tabular result: CSV, Markdown (and any later table format) read
the same list, so their headers and values agree by construction.

A :class:`Column` is a Spanish header, the getter of a typed value (a date is a ``date``, a
figure an ``int``) and a kind; each format only writes values of a kind its way
(:func:`csv_cell`, :func:`markdown_cell`): ISO dates and plain numbers in CSV, the
document's dates and thousands separators in Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from campana.dates import fmt
from campana.render.common import number, rest_day_text, stated
from campana.vocab import figure_bound, ine_status, row_kind, severity

if TYPE_CHECKING:
    from campana.agenda import Agenda, AgendaEvent
    from campana.errors import Finding
    from campana.queries import (
        AudienceReport,
        CampaignLine,
        CampaignList,
        Row,
        Schedule,
        SegmentLine,
        Show,
        TouchpointLine,
    )
    from campana.veda import VedaBlackout, VedaCampaign, VedaReport, VedaRow

T = TypeVar("T")

#: what a value is: how each format writes it (and, in a spreadsheet, how it is typed); a
#: percent is held as a fraction (0.293) and written as one (29.3 %)
Kind = Literal["text", "date", "number", "percent", "status"]


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    value: Callable[[T], Any]
    kind: Kind = "text"

    @property
    def right(self) -> bool:
        """Figures are aligned to the right."""
        return self.kind in ("number", "percent")


@dataclass(frozen=True)
class Table(Generic[T]):
    """A result's table: its columns and the items, one per line."""

    columns: tuple[Column[T], ...]
    items: Sequence[T]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def values(self) -> list[list[Any]]:
        """The typed values, line by line."""
        return [[c.value(item) for c in self.columns] for item in self.items]


def csv_cell(kind: Kind, value: Any) -> str:
    """A value as the CSV writes it: ISO dates, plain numbers (a percent with one decimal,
    without the sign), empty for no value."""
    if value is None:
        return ""
    if kind == "date":
        assert isinstance(value, dt.date)
        return value.isoformat()
    if kind == "percent":
        return f"{100 * value:.1f}"
    return str(value)


def markdown_cell(kind: Kind, value: Any) -> str:
    """A value as a person reads it: «1 mar 2024», «76,434,882», «29.3 %»; «—» for a figure
    that has none."""
    if value is None:
        return "—" if kind in ("number", "percent") else ""
    if kind == "date":
        return fmt(value)
    if kind == "number":
        return number(value)
    if kind == "percent":
        return f"{100 * value:.1f} %"
    return str(value)


# --- schedule ---------------------------------------------------------------------------------


def schedule_table(s: Schedule) -> Table[Row]:
    """Every row of the schedule: campaigns with their components and touchpoints, then the
    blackouts."""
    names = {r.campaign: r.name for r in s.rows if r.kind == "campaign"}

    def campaign(r: Row) -> str:
        return names.get(r.campaign, "") if r.campaign else ""

    columns: tuple[Column[Row], ...] = (
        Column("Tipo", lambda r: row_kind(r.kind)),
        Column("Campaña", campaign),
        Column("Nombre", lambda r: r.name),
        Column("Punto de contacto", lambda r: r.touchpoint or ""),
        Column("Inicio", lambda r: r.start, "date"),
        Column("Fin", lambda r: r.end, "date"),
        Column("Días", lambda r: r.days, "number"),
        Column("Tácticos", lambda r: "; ".join(r.tactics)),
        Column(
            "Excepción INE", lambda r: ine_status(r.ine_status) if r.ine_status else "", "status"
        ),
        # a component shown with the execution row it mirrors (``campana.pairing``): one line,
        # and the table's period when it is not the component's own
        Column(
            "Con fila de la tabla",
            lambda r: "sí" if r.paired else "no" if r.kind == "component" else "",
        ),
        Column("Inicio en la tabla", lambda r: r.table[0] if r.table else None, "date"),
        Column("Fin en la tabla", lambda r: r.table[1] if r.table else None, "date"),
    )
    return Table(columns, s.data_rows)


# --- list and audience ------------------------------------------------------------------------


def campaign_list_table(cl: CampaignList) -> Table[CampaignLine]:
    """A line per campaign; «Días hábiles» when they were asked (``--habiles``). «Líneas»: a
    component and the execution row it mirrors count once (``campana.pairing``)."""
    working = any(c.working_days is not None for c in cl.campaigns)
    columns: tuple[Column[CampaignLine], ...] = (
        Column("Campaña", lambda c: c.name),
        Column("Id", lambda c: c.id),
        Column("Inicio", lambda c: c.start, "date"),
        Column("Fin", lambda c: c.end, "date"),
        Column("Días", lambda c: c.days, "number"),
        *((Column("Días hábiles", lambda c: c.working_days, "number"),) if working else ()),
        Column("Componentes", lambda c: c.components, "number"),
        Column("Puntos de contacto", lambda c: c.touchpoints, "number"),
        Column("Líneas", lambda c: c.lines, "number"),
        Column(f"Estado al {fmt(cl.today)}", lambda c: c.status.text, "status"),
    )
    return Table(columns, cl.campaigns)


def _document_says(s: SegmentLine) -> str:
    added = f"podría agregarse a {s.adds_to_name}; no es parte de ellas" if s.adds_to else ""
    return "; ".join(x for x in (stated(s), added) if x)


def audience_table(r: AudienceReport) -> Table[SegmentLine]:
    names = {s.id: s.name for s in r.segments}
    columns: tuple[Column[SegmentLine], ...] = (
        Column("Segmento", lambda s: s.name),
        Column("Parte de", lambda s: names.get(s.part_of, s.part_of) if s.part_of else ""),
        Column("Personas", lambda s: s.count, "number"),
        Column("Cifra", lambda s: figure_bound(s.bound)),
        Column("% del total", lambda s: s.share_of_total, "percent"),
        Column("Dice el documento", _document_says),
        Column("Campañas", lambda s: ", ".join(s.campaign_names or s.campaigns)),
    )
    return Table(columns, r.segments)


# --- show: the execution table ----------------------------------------------------------------


def show_table(s: Show) -> Table[TouchpointLine]:
    """The campaign's execution table: a line per touchpoint, with its owner, INE status and
    days inside the blackout (under a scenario, also the days it loses)."""
    plans = {r.touchpoint_id: r for r in s.rows}

    def owner(t: TouchpointLine) -> str:
        row = plans.get(t.touchpoint_id)
        return row.owner or "" if row is not None else ""

    columns: list[Column[TouchpointLine]] = [
        Column("Punto de contacto", lambda t: t.label),
        Column("Tácticos", lambda t: "; ".join(t.tactics)),
        Column("Inicio", lambda t: t.start, "date"),
        Column("Fin", lambda t: t.end, "date"),
        Column("Días", lambda t: t.days, "number"),
        Column("Responsable", owner),
        Column("Excepción INE", lambda t: ine_status(t.ine_status), "status"),
        Column("Días en veda", lambda t: t.blackout_days, "number"),
    ]
    if s.assume_ine:
        columns.append(
            Column(
                "Días perdidos en el escenario",
                lambda t: plans[t.touchpoint_id].days_lost if t.touchpoint_id in plans else None,
                "number",
            )
        )
    return Table(tuple(columns), s.brief.touchpoints)


# --- agenda and veda --------------------------------------------------------------------------


#: a line of the agenda: a day and its event, or an official rest day (the event None)
AgendaItem = tuple["dt.date", "AgendaEvent | None"]


def agenda_table(a: Agenda) -> Table[AgendaItem]:
    """The agenda's events day by day; an official rest day of the window is a line of its
    own, before that day's events."""
    items: list[AgendaItem] = []
    for day, events in a.by_day():
        if day in a.rest_days:
            items.append((day, None))
        items += [(day, e) for e in events]

    def what(item: AgendaItem) -> str:
        day, e = item
        return rest_day_text(a.rest_days[day]) if e is None else e.message

    columns: tuple[Column[AgendaItem], ...] = (
        Column("Fecha", lambda i: i[0], "date"),
        Column("Campaña", lambda i: "" if i[1] is None else i[1].campaign_name or i[1].name),
        Column("Qué pasa", what),
        Column("Responsable", lambda i: "" if i[1] is None else i[1].owner or ""),
    )
    return Table(columns, items)


def veda_table(r: VedaReport) -> Table[tuple[VedaBlackout, VedaRow]]:
    """Every touchpoint a blackout reaches, with that blackout."""
    items = [(b, x) for b in r.blackouts for x in (*b.rows, *b.unrestricted)]
    columns: tuple[Column[tuple[VedaBlackout, VedaRow]], ...] = (
        Column("Veda", lambda p: p[0].name),
        Column("Campaña", lambda p: p[1].campaign_name),
        Column("Punto de contacto", lambda p: p[1].touchpoint_name),
        Column("Inicio", lambda p: p[1].start, "date"),
        Column("Fin", lambda p: p[1].end, "date"),
        Column("Días dentro", lambda p: p[1].days_inside, "number"),
        Column("Excepción INE", lambda p: ine_status(p[1].ine_exception), "status"),
        Column(r.lost_label_long, lambda p: p[1].days_lost_if_denied, "number"),
    )
    return Table(columns, items)


def veda_campaign_table(r: VedaReport, b: VedaBlackout) -> Table[VedaCampaign]:
    """The campaigns that run during blackout ``b``: their days inside it and the days with
    nothing on air (headed by the scenario). A figure that is not settled has a ``note``: the
    views write it beneath."""
    columns: tuple[Column[VedaCampaign], ...] = (
        Column("Campaña", lambda c: c.name),
        Column("Días dentro", lambda c: c.days_inside, "number"),
        Column(r.uncovered_label_long, lambda c: c.uncovered_days_if_denied, "number"),
    )
    return Table(columns, b.campaigns)


# --- findings ---------------------------------------------------------------------------------


def findings_table(findings: Sequence[Finding]) -> Table[Finding]:
    """validate's findings, a line each: where, how grave, what and how to fix it."""
    columns: tuple[Column[Finding], ...] = (
        Column("Gravedad", lambda f: severity(f.severity), "status"),
        Column("Mensaje", lambda f: f.message),
        Column("Sugerencia", lambda f: f.hint or ""),
        Column("Código", lambda f: f.code),
        Column("Archivo", lambda f: f.file),
        Column("Línea", lambda f: f.line, "number"),
        Column("Columna", lambda f: f.column, "number"),
    )
    return Table(columns, findings)
