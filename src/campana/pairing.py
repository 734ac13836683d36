"""A campaign's programme lines: each component of the grid, each row of the execution table,
and a component and the execution row it mirrors as ONE line.

The document lists «Infonavit, estés en donde estés» twice: five italic rows of the programme
grid (its components) and four rows of its execution table. A component that names a
touchpoint and no tactic of its own (Brigadas, Radio y televisión, Digital, Comunicación
Social) is the grid's row of the execution row of that touchpoint in the same campaign: the
same channel, once. A component that names a tactic (Cambaceo, a tactic of Brigadas) is a part
of that row, a line of its own. Every view reads the lines from here, so a channel is one row
of the schedule, one bar of the chart and one start and one end in the agenda and calendar.

When the two periods differ (Brigadas: 31 may in the grid, 30 jun in the table) the line keeps
both: the grid's period first, the table's as ``table``; the disagreement stays a finding of
``validate`` (``period-mismatch``).

Pure core: no typer, no rich.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campana.dates import Span

if TYPE_CHECKING:
    from campana.models import Campaign, Component, Execution


@dataclass(frozen=True)
class Line:
    """One line of a campaign's programme: a component, an execution row, or both."""

    component: Component | None
    execution: Execution | None

    @property
    def paired(self) -> bool:
        return self.component is not None and self.execution is not None

    @property
    def start(self) -> dt.date:
        """The grid's start when there is a component, else the table's."""
        if self.component is not None:
            return self.component.start
        assert self.execution is not None
        return self.execution.start

    @property
    def end(self) -> dt.date:
        if self.component is not None:
            return self.component.end
        assert self.execution is not None
        return self.execution.end

    @property
    def table(self) -> Span | None:
        """The execution table's period of a paired line, when it is not the grid's."""
        if self.component is None or self.execution is None:
            return None
        e = self.execution
        if (e.start, e.end) == (self.component.start, self.component.end):
            return None
        return Span(e.start, e.end)

    @property
    def touchpoint(self) -> str | None:
        if self.execution is not None:
            return self.execution.touchpoint
        assert self.component is not None
        return self.component.touchpoint

    @property
    def owner(self) -> str | None:
        """The component's owner, else the execution row's."""
        own = self.component.owner if self.component is not None else None
        return own or (self.execution.owner if self.execution is not None else None)


def mirrors(component: Component) -> bool:
    """Whether a component is the grid's row of an execution row: it names a touchpoint and
    no tactic of its own."""
    return component.touchpoint is not None and component.tactic is None


def mirror_of(c: Campaign) -> dict[str, Execution]:
    """The execution row each mirroring component of ``c`` stands for, by component id: the
    first row of the component's touchpoint not taken by an earlier component."""
    found: dict[str, Execution] = {}
    taken: set[int] = set()
    for k in c.components:
        if not mirrors(k) or k.id in found:
            continue
        for i, e in enumerate(c.execution):
            if i not in taken and e.touchpoint == k.touchpoint:
                found[k.id] = e
                taken.add(i)
                break
    return found


def lines(c: Campaign) -> tuple[Line, ...]:
    """The campaign's lines: its components in the grid's order, each with the execution row it
    mirrors, then the execution rows no component mirrors, in the table's order."""
    found = mirror_of(c)
    taken = {id(e) for e in found.values()}
    seen: set[str] = set()
    out: list[Line] = []
    for k in c.components:
        e = found.get(k.id) if k.id not in seen else None
        seen.add(k.id)
        out.append(Line(k, e))
    out.extend(Line(None, e) for e in c.execution if id(e) not in taken)
    return tuple(out)


def with_table(
    own: str, table: Span | None, *, year: int | None = None, full: bool = False, sep: str = " – "
) -> str:
    """A line's period and, when the execution table gives another, that one beside it:
    «22 ene–31 may (tabla: 22 ene–30 jun)» (``campana.dates.period``'s keywords)."""
    from campana.dates import period

    if table is None:
        return own
    return f"{own} (tabla: {period(*table, year=year, full=full, sep=sep)})"
