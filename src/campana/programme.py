"""The programme grid as cells: a column per week, day or month of the plan's year, and what
each row of the Gantt data (campaign, component, execution row) does in each column.

The spreadsheet, the slides and the PDF draw the same cells. Pure core: no typer, no rich, no
drawing library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from campana.dates import overlap
from campana.gantt import GanttData, GanttRow

if TYPE_CHECKING:
    from campana.models import Plan

Unit = Literal["week", "day", "month"]
#: what a cell shows: the row is on air, off air while its INE exception is pending, off air
#: (no exception, or denied), or nothing
CellState = Literal["active", "pending", "suspended", ""]

#: the asterisk note of an execution table, per status of the rows that carry an asterisk
ASTERISK_NOTES = {
    "pending": "La campaña fue sometida al INE para buscar excepción durante la veda "
    "electoral. Se está en espera de aprobación.",
    "approved": "El INE aprobó la excepción de la campaña durante la veda electoral.",
    "denied": "El INE negó la excepción de la campaña durante la veda electoral: estos "
    "puntos de contacto salen del aire durante la veda.",
}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the grid: the days [start, end] it covers."""

    start: dt.date
    end: dt.date

    @property
    def weekend(self) -> bool:
        """Whether every day of the column is a Saturday or Sunday."""
        return all(
            (self.start + dt.timedelta(days=i)).weekday() >= 5
            for i in range((self.end - self.start).days + 1)
        )


def columns(start: dt.date, end: dt.date, unit: Unit) -> list[Column]:
    """The columns covering [start, end]: days; weeks from Monday to Sunday (the first and last
    cut at the window); or calendar months."""
    out: list[Column] = []
    day = start
    while day <= end:
        if unit == "day":
            last = day
        elif unit == "week":
            last = day + dt.timedelta(days=6 - day.weekday())
        else:
            following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
            last = following - dt.timedelta(days=1)
        last = min(last, end)
        out.append(Column(day, last))
        day = last + dt.timedelta(days=1)
    return out


def cell(row: GanttRow, col: Column) -> CellState:
    """What ``row`` does in ``col``: off air for a blackout on any of its days there (pending
    before suspended), else on air on any day, else nothing."""
    if overlap(row.start, row.end, col.start, col.end) is None:
        return ""
    risks = {m.risk for m in row.marked if overlap(m.start, m.end, col.start, col.end)}
    if "suspended" in risks:
        # a week partly off air and partly on air is still shown as at risk: the planner
        # must see it; on air days show in the day view
        return "suspended"
    if "pending" in risks:
        return "pending"
    return "active"


def grid_rows(data: GanttData) -> list[GanttRow]:
    """The rows the grid shows: campaigns, components and execution rows (milestones are
    dates, not spans: the brief sheets list them)."""
    return [r for r in data.rows if r.kind != "milestone"]


def rest_days(plan: Plan) -> dict[dt.date, str]:
    """The plan year's official rest days and their names, when this campana knows them
    (``campana.restdays``, with the election days the blackouts declare), else none."""
    import importlib

    try:
        restdays = importlib.import_module("campana.restdays")
    except ImportError:
        return {}
    start, end = dt.date(plan.plan.year, 1, 1), dt.date(plan.plan.year, 12, 31)
    declared = getattr(restdays, "declared_election_days", None)
    elections = list(declared(plan.blackouts)) if declared is not None else []
    found: Mapping[dt.date, str] = restdays.rest_days(start, end, election_days=elections)
    return dict(found)
