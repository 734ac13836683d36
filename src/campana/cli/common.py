"""Options shared by the commands, and the few things every command does the same way."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from campana.errors import CampanaError

if TYPE_CHECKING:
    from campana.models import Campaign, Plan

PlanOpt = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        "-p",
        metavar="RUTA",
        help=(
            "Archivo del plan (campaigns.yaml). Por omisión: la variable CAMPANA_PLAN, luego "
            "data/campaigns.yaml en esta carpeta o una superior, luego el plan incluido."
        ),
        show_default=False,
    ),
]

TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="FECHA",
        help=(
            "Fija la fecha de hoy: 2024-03-15, «15 de marzo» (del año del plan), mañana, "
            "lunes, +7... Por omisión, la del sistema."
        ),
        show_default=False,
    ),
]


AssumeIneOpt = Annotated[
    str | None,
    typer.Option(
        "--assume-ine",
        metavar="ESTADO",
        help=(
            "Escenario: trata toda excepción del INE pendiente como negada, aprobada o "
            "pendiente (denied, approved, pending), sin tocar el plan."
        ),
        show_default=False,
    ),
]


def assumption(value: str | None) -> str | None:
    """The --assume-ine scenario ("denied", "approved", "pending") or None without one."""
    if value is None:
        return None
    from campana.ine import parse_assume_ine

    with option_error("--assume-ine"):
        return parse_assume_ine(value)


def format_option(help_text: str, *, show_default: bool = True) -> Any:
    """``--format/-f FORMATO``: the same option in every command, with what it offers."""
    return typer.Option(
        "--format", "-f", metavar="FORMATO", help=help_text, show_default=show_default
    )


def campaign_option(help_text: str) -> Any:
    """``--campaign/-c``, repeatable: campaigns by id, name, other name or unique prefix."""
    return typer.Option("--campaign", "-c", metavar="CAMPAÑA", help=help_text, show_default=False)


def output_option(help_text: str) -> Any:
    """``-o/--output ARCHIVO`` for the commands that write a file."""
    return typer.Option("--output", "-o", metavar="ARCHIVO", help=help_text, show_default=False)


@contextlib.contextmanager
def option_error(option: str, more_hint: str = "") -> Iterator[None]:
    """Name the option in a core error about its value (the core names no option)."""
    try:
        yield
    except CampanaError as exc:
        hint = exc.hint or ""
        if more_hint and more_hint not in hint:
            hint = f"{hint} {more_hint}".strip()
        raise CampanaError(f"{option}: {exc.message}", hint=hint or None) from None


def campaigns(plan: Plan, values: Sequence[str] | None) -> list[Campaign]:
    """The campaigns named with --campaign, resolved the one way every command resolves them."""
    from campana.queries import resolve_campaigns

    ids = ", ".join(c.id for c in plan.campaigns)
    with option_error("--campaign", f"campañas: {ids}"):
        chosen = resolve_campaigns(plan, values or ())
    return chosen


def today(value: str | None, year: int | None = None) -> dt.date:
    """The date the user pinned with --today, or the system's. Only the CLI reads the clock.

    Relative forms (``mañana``, ``lunes``, ``+7``) count from the system's date; a date without
    a year is in ``year`` (the plan's), and is refused when ``year`` is None.
    """
    clock = dt.date.today()
    if value is None:
        return clock
    return parse_date_option(value, "--today", year, today=clock)


def parse_date_option(
    value: str, option: str, year: int | None = None, *, today: dt.date | None = None
) -> dt.date:
    """A date option through the one date parser, with the option's name in the error.

    With ``today``, relative forms (hoy, mañana, lunes, +7, «hace 3 días») count from it; a
    date without a year is in ``year`` (refused when ``year`` is None).
    """
    from campana.dates import parse_date, parse_when

    with option_error(option):
        if today is None:
            return parse_date(value, default_year=year)
        # without a year to lend, an absolute date without one is refused (the parser's
        # absolute half takes None as "no default year")
        return parse_when(value, today=today, year=year)  # type: ignore[arg-type]


def out(text: str) -> None:
    """Data to stdout."""
    sys.stdout.write(text)
    sys.stdout.flush()


def say(text: str) -> None:
    """Messages to stderr."""
    sys.stderr.write(text if text.endswith("\n") else text + "\n")
    sys.stderr.flush()


def choice(value: str, option: str, allowed: tuple[str, ...]) -> str:
    """Check a --format-like value, with a Spanish error listing what is allowed."""
    folded = value.strip().lower()
    if folded not in allowed:
        import difflib

        close = difflib.get_close_matches(folded, allowed, n=1)
        hint = f"¿quisiste decir «{close[0]}»? " if close else ""
        raise CampanaError(
            f"{option}: «{value}» no es un valor válido",
            hint=f"{hint}valores válidos: {', '.join(allowed)}",
        )
    return folded
