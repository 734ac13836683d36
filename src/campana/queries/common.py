"""What the answers share: where today stands in a period (``Status``), the windows a
question covers, the one campaign resolver (``resolve_campaign(s)``) and segment names."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from campana.dates import Span, fold, span_days
from campana.errors import CampanaError
from campana.vocab import period_status

if TYPE_CHECKING:
    from campana.models import Audience, Campaign, Plan

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


# --- segment names --------------------------------------------------------------------------


def _segment_name(audience: Audience | None, segment_id: str) -> str:
    seg = audience.segment(segment_id) if audience is not None else None
    return seg.name if seg is not None else segment_id
