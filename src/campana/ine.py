"""The electoral blackouts: which touchpoints they restrict, where they cross a period, and the
INE status of an execution row under them and under the what-if scenario.

This is the one module that answers blackout questions; nothing else compares a blackout's dates
or its ``restricts`` list. The predicate :func:`restricts` and the index :class:`BlackoutIndex`
are the only places that decide whether a blackout applies to a touchpoint: a blackout scoped
to a jurisdiction (federal, or some states) is added there, and every caller follows. A plan
may hold several blackouts a year; every function here takes them all.

A blackout ("veda") restricts some touchpoints for some days. An execution row is *restricted*
when a blackout that restricts its touchpoint overlaps its period; only then does its INE
exception matter. The status of a row is one of:

- ``not-applicable``: no blackout restricts it (Brigadas in the shipped plan);
- ``not-requested``: restricted, and the plan records no exception (no ``ine_exception``);
- ``pending``, ``approved``, ``denied``: restricted, with that exception status.

A scenario (``assume_ine``) treats every *pending* exception as ``denied``, ``approved`` or
``pending`` without touching the plan. Nothing here imports typer, rich or pydantic at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias, cast

from campana.dates import Span, fold, merge_spans, overlap, span_days
from campana.errors import CampanaError
from campana.vocab import INE_STATUS, INE_SYNONYMS

if TYPE_CHECKING:
    from campana.models import Blackout, Execution, Plan

IneStatus = Literal["not-applicable", "not-requested", "pending", "approved", "denied"]
Assumption = Literal["denied", "approved", "pending"]

STATUSES: tuple[IneStatus, ...] = (
    "not-applicable",
    "not-requested",
    "pending",
    "approved",
    "denied",
)

#: The one place where the statuses get their Spanish words (labels in views, JSON stays English).
#: Statuses under which a restricted row must be off air during the blackout.
OFF_AIR: frozenset[str] = frozenset({"not-requested", "pending", "denied"})

#: what --assume-ine accepts: the English statuses, the Spanish words the files accept
#: (``vocab.INE_SYNONYMS``) and, typed at a prompt, their masculine forms
_ASSUMPTIONS: dict[str, Assumption] = {
    **{s: s for s in ("denied", "approved", "pending")},
    **cast("dict[str, Assumption]", INE_SYNONYMS),  # its values are the three statuses
    "negado": "denied",
    "aprobado": "approved",
}


#: the 32 federal entities of Mexico, as a blackout's ``jurisdiction`` and a campaign's
#: ``states`` name them
STATES: tuple[str, ...] = (
    "Aguascalientes",
    "Baja California",
    "Baja California Sur",
    "Campeche",
    "Chiapas",
    "Chihuahua",
    "Ciudad de México",
    "Coahuila",
    "Colima",
    "Durango",
    "Estado de México",
    "Guanajuato",
    "Guerrero",
    "Hidalgo",
    "Jalisco",
    "Michoacán",
    "Morelos",
    "Nayarit",
    "Nuevo León",
    "Oaxaca",
    "Puebla",
    "Querétaro",
    "Quintana Roo",
    "San Luis Potosí",
    "Sinaloa",
    "Sonora",
    "Tabasco",
    "Tamaulipas",
    "Tlaxcala",
    "Veracruz",
    "Yucatán",
    "Zacatecas",
)


def state_name(text: str) -> str | None:
    """The entity ``text`` names (accents and case optional; «CDMX», «México» and the long
    official forms understood), or None."""
    table = _state_table()
    return table.get(fold(text).strip())


def _state_table() -> dict[str, str]:
    table = {fold(name): name for name in STATES}
    table.update(
        {
            "cdmx": "Ciudad de México",
            "distrito federal": "Ciudad de México",
            "mexico": "Estado de México",
            "edomex": "Estado de México",
            "coahuila de zaragoza": "Coahuila",
            "michoacan de ocampo": "Michoacán",
            "veracruz de ignacio de la llave": "Veracruz",
        }
    )
    return table


def is_federal(blackout: Blackout) -> bool:
    """A blackout without a ``jurisdiction``, or with ``federal``, applies everywhere."""
    scope = blackout.jurisdiction
    return scope is None or scope == "federal"


def applies_to(blackout: Blackout, states: Sequence[str] | None) -> bool:
    """Whether ``blackout`` reaches a campaign that runs in ``states`` (None: national). A
    federal blackout reaches every campaign; a state one, a national campaign and a campaign
    that declares one of its states."""
    if is_federal(blackout) or states is None:
        return True
    scope = {state_name(s) or s for s in blackout.jurisdiction or ()}
    return any((state_name(s) or s) in scope for s in states)


class IneError(CampanaError):
    """A scenario that is not one of denied, approved, pending (exit 2)."""


def parse_assume_ine(text: str | None) -> Assumption | None:
    """The scenario a user typed: English or Spanish, accents and case optional; None stays None.

    >>> parse_assume_ine("Negada")
    'denied'
    """
    if text is None:
        return None
    found = _ASSUMPTIONS.get(fold(text))
    if found is None:
        shown = "".join(c for c in text.strip() if c.isprintable())[:40]
        raise IneError(
            f"«{shown}» no es un escenario de la excepción del INE",
            hint="usa negada, aprobada o pendiente (denied, approved, pending)",
        )
    return found


def scenario_label(assume_ine: str | None) -> str | None:
    """The Spanish first line every view shows under a scenario; None without one."""
    if assume_ine is None:
        return None
    label = INE_STATUS[assume_ine]
    return f"Escenario: toda excepción del INE pendiente se considera {label}"


@dataclass(frozen=True, slots=True)
class Crossing:
    """The days of a blackout inside a row's period."""

    blackout: Blackout
    start: dt.date
    end: dt.date

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)


def restricts(blackout: Blackout, touchpoint: str | None) -> bool:
    """Whether ``blackout`` restricts ``touchpoint`` (never a period without a touchpoint)."""
    return touchpoint is not None and blackout.restricts_touchpoint(touchpoint)


def crossing(blackout: Blackout, start: dt.date, end: dt.date) -> Span | None:
    """The days of ``blackout`` inside start..end, restricted or not; None when they miss."""
    return overlap(start, end, blackout.start, blackout.end)


def runs_during(blackouts: Iterable[Blackout], start: dt.date, end: dt.date) -> bool:
    """Whether start..end crosses any of the blackouts, whatever they restrict."""
    return any(crossing(b, start, end) is not None for b in blackouts)


def during(blackouts: Iterable[Blackout], start: dt.date, end: dt.date) -> list[Blackout]:
    """The blackouts that cross start..end (a view's window), in file order."""
    return [b for b in blackouts if crossing(b, start, end) is not None]


def restricted_names(plan: Plan, blackout: Blackout) -> list[str]:
    """The names of the touchpoints ``blackout`` restricts, in the order the plan lists them."""
    return [plan.touchpoint_name(t) for t in blackout.restricts]


def blackout_overlaps(
    blackouts: Iterable[Blackout], touchpoint: str | None, start: dt.date, end: dt.date
) -> Iterator[tuple[Blackout, Span]]:
    """Each blackout restricting ``touchpoint`` that [start, end] crosses, with the crossing.

    Nothing for a period without a touchpoint, or for a period or blackout that ends before
    it starts. In file order (:meth:`BlackoutIndex.crossings` sorts by date).
    """
    for b in blackouts:
        if restricts(b, touchpoint):  # a set built once, not a scan of the list
            cross = crossing(b, start, end)
            if cross is not None:
                yield b, cross


class BlackoutIndex:
    """The blackouts by the touchpoint they restrict: build once, ask per row."""

    __slots__ = ("_by_touchpoint", "blackouts")

    def __init__(self, blackouts: Iterable[Blackout]) -> None:
        self.blackouts: tuple[Blackout, ...] = tuple(blackouts)
        self._by_touchpoint: dict[str, list[Blackout]] = {}
        for b in self.blackouts:
            for touchpoint in set(b.restricts):
                self._by_touchpoint.setdefault(touchpoint, []).append(b)

    def scoped(self, states: Sequence[str] | None) -> BlackoutIndex:
        """The index of the blackouts that reach a campaign in ``states`` (``applies_to``);
        this very index when all of them do."""
        kept = [b for b in self.blackouts if applies_to(b, states)]
        return self if len(kept) == len(self.blackouts) else BlackoutIndex(kept)

    @classmethod
    def of(cls, source: Blackouts) -> BlackoutIndex:
        if isinstance(source, BlackoutIndex):
            return source
        if isinstance(source, Sequence):
            return cls(source)
        return cls(source.blackouts)

    def restricting(self, touchpoint: str | None) -> Sequence[Blackout]:
        """The blackouts that restrict ``touchpoint``, in file order."""
        if touchpoint is None:
            return ()
        return self._by_touchpoint.get(touchpoint, ())

    def crossings(self, touchpoint: str | None, start: dt.date, end: dt.date) -> list[Crossing]:
        """The blackouts restricting ``touchpoint`` that overlap start..end, by date."""
        found = []
        for b in self.restricting(touchpoint):
            cross = crossing(b, start, end)
            if cross is not None:
                found.append(Crossing(b, *cross))
        found.sort(key=lambda c: (c.start, c.end, c.blackout.id))
        return found


#: What the functions below accept as "the blackouts": a plan, a list of them, or an index.
Blackouts: TypeAlias = "Plan | Sequence[Blackout] | BlackoutIndex"


def crossings(row: Execution, blackouts: Blackouts) -> list[Crossing]:
    """Every blackout that restricts the row's touchpoint during its period, by date."""
    return BlackoutIndex.of(blackouts).crossings(row.touchpoint, row.start, row.end)


def declared_status(row: Execution, blackouts: Blackouts) -> IneStatus:
    """The row's status as the plan records it, with no scenario.

    A row no blackout restricts is ``not-applicable`` even if it names an exception.
    """
    if not crossings(row, blackouts):
        return "not-applicable"
    return restricted_status(row)


def restricted_status(row: Execution) -> IneStatus:
    """The status of a row known to be restricted: its exception, or ``not-requested``."""
    return "not-requested" if row.ine_exception is None else _as_status(row.ine_exception)


def assumed_exception(declared: str | None, assumption: Assumption | None) -> str | None:
    """A row's recorded ``ine_exception`` under a parsed scenario: only a pending one changes.

    The cheap form for loops that already hold the parsed scenario (the checks).
    """
    if declared == "pending" and assumption is not None:
        return assumption
    return declared


def exception_off_air(exception: str | None) -> bool:
    """Whether a restricted period whose exception is ``exception`` (None: never requested)
    is off air during the blackout once a scenario has decided it: pending stays on air, as
    planned (see :func:`is_off_air`)."""
    status = "not-requested" if exception is None else _as_status(exception)
    return is_off_air(status, pending_off_air=False)


def apply_assumption(status: IneStatus, assume_ine: str | None) -> IneStatus:
    """A status under a scenario: only ``pending`` changes.

    ``assume_ine`` may be English or Spanish (see :func:`parse_assume_ine`); anything else
    raises IneError.
    """
    assumed = parse_assume_ine(assume_ine)
    if status == "pending" and assumed is not None:
        return assumed
    return status


def row_status(row: Execution, blackouts: Blackouts, *, assume_ine: str | None = None) -> IneStatus:
    """The row's effective status: as declared, with pending exceptions read as the scenario."""
    return apply_assumption(declared_status(row, blackouts), assume_ine)


def _as_status(value: str) -> IneStatus:
    for status in STATUSES:
        if status == value:
            return status
    raise ValueError(value)  # the model only lets these through


def merge(spans: Iterable[tuple[dt.date, dt.date]]) -> list[Span]:
    """Overlapping or touching spans joined, by date (``dates.merge_spans``)."""
    return merge_spans(spans)


def is_off_air(status: IneStatus, *, pending_off_air: bool = True) -> bool:
    """Whether a restricted row with this effective status is off air during the blackout.

    The Constitution (art. 41, base III, apartado C) suspends government propaganda during the
    campaigns unless the INE grants an exception: a restricted row is off air unless its
    exception is approved. That includes ``not-requested`` (nobody asked, so the suspension
    applies regardless) and ``pending`` (not granted yet). Views that show the plan *as
    planned*, where a pending row stays on air until the INE answers, pass
    ``pending_off_air=False``.
    """
    if status == "pending":
        return pending_off_air
    return status in OFF_AIR


def suspended_spans(
    row: Execution,
    blackouts: Blackouts,
    *,
    assume_ine: str | None = None,
    pending_off_air: bool = True,
) -> list[Span]:
    """The periods the row is off air: blackout days inside it, unless its status allows them.

    Empty for a ``not-applicable`` or ``approved`` row. See :func:`is_off_air` for which
    statuses suspend (``not-requested`` does).
    """
    found = crossings(row, blackouts)
    if not found:
        return []
    status = apply_assumption(restricted_status(row), assume_ine)
    if not is_off_air(status, pending_off_air=pending_off_air):
        return []
    return merge(c.span for c in found)


def on_air_spans(
    row: Execution,
    blackouts: Blackouts,
    *,
    assume_ine: str | None = None,
    pending_off_air: bool = True,
) -> list[Span]:
    """The row's period minus its suspensions: the parts a calendar event splits into."""
    if row.end < row.start:
        return []
    off = suspended_spans(row, blackouts, assume_ine=assume_ine, pending_off_air=pending_off_air)
    return Span.of(row).minus(off)


def days_inside(row: Execution, blackouts: Blackouts) -> int:
    """Days of the row inside blackouts that restrict it (overlapping blackouts counted once)."""
    return sum(s.days for s in merge(c.span for c in crossings(row, blackouts)))


def days_lost_if_denied(
    row: Execution, blackouts: Blackouts, *, assume_ine: str | None = None
) -> int:
    """Days the row loses if its exception is denied: 0 when approved or not restricted.

    Under ``assume_ine="approved"`` a pending row counts as approved, so it loses nothing.
    """
    if row_status(row, blackouts, assume_ine=assume_ine) in ("not-applicable", "approved"):
        return 0
    return days_inside(row, blackouts)
