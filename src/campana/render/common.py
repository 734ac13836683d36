"""What the query renderers share: number and percent wording, ISO dates, status styles, the
schedule's title."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Any

from campana.dates import MONTHS_ES, WEEKDAYS_ES, fmt, fmt_long, period
from campana.vocab import figure, number

__all__ = ["number"]  # the one thousands separator (campana.vocab), for every renderer

if TYPE_CHECKING:
    from campana.queries.audience import SegmentLine
    from campana.queries.common import Status
    from campana.queries.schedule import Schedule

STATUS_STYLE = {"upcoming": "cyan", "running": "bold green", "finished": "dim"}


def ine_answer(date: dt.date | None, reference: str | None) -> list[str]:
    """The INE's answer as the views print it under the status, one line each: «respuesta:
    20 feb 2024» and the reference (acuerdo u oficio); nothing when neither is recorded."""
    lines = [f"respuesta: {fmt(date)}"] if date is not None else []
    return lines + ([reference] if reference else [])


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def percent(value: float) -> str:
    """29.3 %, with one decimal (two under 10 %)."""
    return f"{value:.2f} %" if value < 9.995 else f"{value:.1f} %"


def figure_text(count: int | None, bound: str) -> str:
    return figure(count, bound)


def status_dict(s: Status) -> dict[str, Any]:
    return {"kind": s.kind, "text": s.text, "day": s.day, "total": s.total, "days": s.days}


def schedule_title(s: Schedule) -> str:
    a, b = s.start, s.end
    if a == dt.date(a.year, 1, 1) and b == dt.date(a.year, 12, 31):
        return f"Programación de campañas {a.year}"
    if (
        a.day == 1
        and (a.year, a.month) == (b.year, b.month)
        and b.day == calendar.monthrange(b.year, b.month)[1]
    ):
        return f"Programación de {MONTHS_ES[a.month - 1]} {a.year}"
    if a == b:
        return f"¿Qué corre el {WEEKDAYS_ES[a.weekday()]} {fmt_long(a)}?"
    return f"Programación {period(a, b, prose=True)}"


def stated(s: SegmentLine) -> str:
    if s.stated_percent is None:
        return ""
    text = f"{s.stated_percent:g} % de {s.stated_of_name or s.stated_of}"
    if s.computed_percent is not None:
        text += f" (calculado: {s.computed_percent:.2f} %)"
    return text


def share_text(v: float | None) -> str:
    """A share of the total in percent, always with one decimal (one column, one precision);
    «—» where no share applies."""
    return f"{100 * v:.1f} %" if v is not None else "—"


def share_percent(v: float | None) -> float | None:
    return round(100 * v, 4) if v is not None else None


def keep_together(text: str) -> str:
    """Spaces that a wrapped cell must not break at («día 54 de 175»)."""
    return text.replace(" ", "\u00a0")


def status_cell(s: Status) -> str:
    """«en curso, día 54 de 175», wrapped, if it must be, after the comma only."""
    return keep_together(s.text).replace(",\u00a0", ", ")


def rest_day_text(name: str) -> str:
    """How the views name an official rest day: «Día de descanso obligatorio: Navidad»."""
    return f"Día de descanso obligatorio: {name}"
