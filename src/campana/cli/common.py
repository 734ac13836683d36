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
    from campana.dates import Span
    from campana.models import Campaign, Plan
    from campana.validation import LoadedPlan
    from campana.view import ViewFilter

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


#: the filters of the views (schedule, agenda, veda, export svg/html): one declaration each
TouchpointOpt = Annotated[
    str | None,
    typer.Option(
        "--touchpoint",
        "-t",
        metavar="NOMBRE",
        help=(
            "Solo los componentes y puntos de contacto cuyo nombre, id o táctico lo "
            "contienen (digital, radio, brigadas...)."
        ),
        show_default=False,
    ),
]

MonthOpt = Annotated[
    str | None,
    typer.Option(
        "--month",
        "-m",
        metavar="MES",
        help="Solo ese mes, día por día: marzo, March, mar, sept, 3...",
        show_default=False,
    ),
]

FromOpt = Annotated[
    str | None,
    typer.Option("--from", metavar="FECHA", help="Desde esa fecha.", show_default=False),
]

ToOpt = Annotated[
    str | None,
    typer.Option("--to", metavar="FECHA", help="Hasta esa fecha.", show_default=False),
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


def complete_campaign(incomplete: str) -> list[str]:
    """Shell completion of a campaign: the ids of the plan in use that start with what is
    typed (nothing when the plan cannot be read: completion never complains)."""
    try:
        from campana.loading import open_plan

        ids = [c.id for c in open_plan(None).plan.campaigns]
    except Exception:
        return []
    return [i for i in ids if i.startswith(incomplete)]


def campaign_option(help_text: str) -> Any:
    """``--campaign/-c``, repeatable: campaigns by id, name, other name or unique prefix."""
    return typer.Option(
        "--campaign",
        "-c",
        metavar="CAMPAÑA",
        help=help_text,
        show_default=False,
        autocompletion=complete_campaign,
    )


CampaignsOpt = Annotated[
    list[str] | None,
    campaign_option(
        "Solo esa campaña (id o nombre, o sus primeras letras palabra por palabra; se puede "
        "repetir)."
    ),
]


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
    from campana.queries.common import resolve_campaigns

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


def month_number(
    month: str | None,
    *,
    on: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> int | None:
    """Check how --on, --month, --from and --to combine, before any file is read, and read
    --month (with a suggestion for a near miss): its number, or None without it."""
    if on is not None and (month is not None or date_from is not None or date_to is not None):
        raise CampanaError(
            "--on no se combina con --month, --from ni --to",
            hint="usa --on para un día, --month para un mes o --from/--to para un rango",
        )
    if month is not None and (date_from is not None or date_to is not None):
        raise CampanaError(
            "--month no se combina con --from ni --to",
            hint="usa --month para un mes completo o --from/--to para un rango",
        )
    if month is None:
        return None
    from campana.dates import MONTHS_ES, VALID_MONTH_FORMS, parse_month

    number = parse_month(month)
    if number is None:
        from campana.suggest import suggestion

        close = suggestion(month, MONTHS_ES)
        raise CampanaError(
            f"--month: «{month}» no es un mes",
            hint=(f"{close} " if close else "") + f"se admite: {VALID_MONTH_FORMS}",
        )
    return number


def window(
    year: int,
    now: dt.date,
    *,
    on: str | None = None,
    month: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Span:
    """The dates a view covers (``queries.window``) from its options: relative dates count
    from ``now``, dates without a year are in ``year``; a range that ends before it starts
    is refused."""
    from campana import queries
    from campana.dates import fmt

    span = queries.window(
        year,
        day=date_option(on, "--on", year, now),
        month=month,
        start=date_option(date_from, "--from", year, now),
        end=date_option(date_to, "--to", year, now),
    )
    if span.empty:
        raise CampanaError(
            f"--to ({fmt(span.end)}) es anterior a --from ({fmt(span.start)})",
            hint="intercambia las fechas",
        )
    return span


def view_filter(
    plan: Plan,
    *,
    campaign: Sequence[str] | None = None,
    touchpoint: str | None = None,
    window: Span | None = None,
) -> ViewFilter:
    """The one filter of the views (``campana.view.ViewFilter``), built once from --campaign
    and --touchpoint (checked against the plan, see :func:`filters`) and the view's dates
    (:func:`window`). Every view command passes it to the core as it is."""
    from campana.view import ViewFilter

    ids = filters(plan, campaign, touchpoint)
    return ViewFilter(tuple(ids) if campaign else None, touchpoint, window)


def filters(plan: Plan, campaign: Sequence[str] | None, touchpoint: str | None) -> list[str]:
    """The campaign ids of --campaign (every campaign without it), and --touchpoint checked
    against the plan: the filters every view applies the same way."""
    ids = [c.id for c in campaigns(plan, campaign)]
    if touchpoint is not None:
        from campana import queries

        with option_error("--touchpoint"):
            queries.check_touchpoint(plan, touchpoint)
    return ids


def date_option(value: str | None, option: str, year: int, now: dt.date) -> dt.date | None:
    """An optional date option (None when not given; given empty, refused), relative dates
    counting from ``now``."""
    return None if value is None else parse_date_option(value, option, year, today=now)


def wrapped(text: str, width: int | None = None, *, first: str = "", indent: str = "  ") -> str:
    """A long message folded to the terminal's width (``width``), its first line led by
    ``first`` and the next ones by ``indent``; never inside a word or a «quoted example»."""
    import re
    import textwrap

    from campana.render.term import width as terminal_width

    keep = re.sub(r"«[^»\n]{1,60}»", lambda m: m.group().replace(" ", "\u00a0"), text)
    lines = textwrap.wrap(
        keep,
        width=max(40, width or terminal_width()),
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(lines).replace("\u00a0", " ")


def say(text: str, *, wrap: bool = False) -> None:
    """Messages to stderr (made safe for the terminal, as every human output); ``wrap``: a
    long one folded to the terminal's width."""
    from campana.render.term import color_enabled, safe

    if wrap:
        text = wrapped(text)
    text = safe(text, keep_color=color_enabled(sys.stderr))
    sys.stderr.write(text if text.endswith("\n") else text + "\n")
    sys.stderr.flush()


#: the human format's one name, and the other names it answers to
HUMAN = "text"
HUMAN_ALIASES = ("table", "texto", "tabla")


def choice(value: str, option: str, allowed: tuple[str, ...]) -> str:
    """Check a --format-like value, with a Spanish error listing what is allowed. The human
    format is ``text`` everywhere; ``table`` (and the Spanish ``texto``, ``tabla``) mean the
    same, whichever of the two a command lists."""
    folded = value.strip().lower()
    human = next((h for h in (HUMAN, *HUMAN_ALIASES) if h in allowed), None)
    if human is not None and folded in (HUMAN, *HUMAN_ALIASES):
        return human
    if folded not in allowed:
        from campana.suggest import suggestion

        names = list(allowed) + (list(HUMAN_ALIASES) if human else [])
        close = suggestion(folded, names)
        if close and human and any(a in close for a in HUMAN_ALIASES):
            close = f"¿quisiste decir «{human}»?"
        hint = f"{close} " if close else ""
        raise CampanaError(
            f"{option}: «{value}» no es un valor válido",
            hint=f"{hint}valores válidos: {', '.join(allowed)}",
        )
    return folded


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="ARCHIVO",
        help=(
            "Escribe la salida en ARCHIVO en lugar de la pantalla (nunca sobre el plan); el "
            "formato sale de la extensión: .txt, .csv, .json, .md, .svg, .html."
        ),
        show_default=False,
    ),
]


#: the plan year chosen with the root option --año/--year (``campana --año 2027 agenda``):
#: which plan of the layout of several years answers (None: the one of --today)
SELECTED_YEAR: int | None = None


def find_plan_for(plan: Path | None, today_text: str | None = None) -> Path:
    """The plan a command reads: ``--plan``, or discovery (``paths.find_plan``) with the
    year chosen by --año and today's date (--today, read with the clock's year when it has
    none, or the clock)."""
    from campana.paths import find_plan

    clock = dt.date.today()
    now = clock
    if plan is None and today_text is not None:
        with contextlib.suppress(CampanaError):
            now = parse_date_option(today_text, "--today", clock.year, today=clock)
    found = find_plan(plan, today=now, year=SELECTED_YEAR)
    if SELECTED_YEAR is not None and plan is None and not found.exists():
        from campana.paths import display_name, plan_years

        years = ", ".join(str(y) for y in plan_years(found.parents[2]))
        raise CampanaError(
            f"--año: no hay plan de {SELECTED_YEAR} («{display_name(found)}» no existe)",
            hint=f"planes de esta carpeta: {years}; para empezarlo: campana roll-forward "
            f"--año {SELECTED_YEAR}",
        )
    return found


def shipped_fallback(plan: Path | None) -> bool:
    """True when no plan was given (no --plan, no CAMPANA_PLAN, no data/campaigns.yaml here
    or above) and campana falls back to the example plan it ships with."""
    import os

    from campana.paths import ENV_PLAN, PLAN_FILE, plan_years

    if plan or os.environ.get(ENV_PLAN):
        return False
    here = Path.cwd().resolve()
    return not any(
        (folder / "data" / PLAN_FILE).is_file() or plan_years(folder)
        for folder in (here, *here.parents)
    )


def plan_in_use(plan: Path | None, today_text: str | None = None) -> Path:
    """The plan a command reads (``find_plan_for``); on stderr, a note when it is the shipped
    example (outside a project folder a user would otherwise not know which plan answered)."""
    path = find_plan_for(plan, today_text)
    if shipped_fallback(plan):
        say(
            "nota: se usa el plan de ejemplo incluido con campana (no hay data/campaigns.yaml "
            "en esta carpeta ni en las superiores); indica el tuyo con --plan o CAMPANA_PLAN"
        )
    return path


def errors_notice(errors: int) -> str:
    """The notice a query or export gives on a plan that ``validate`` finds errors in."""
    if errors == 1:
        what, them = "1 error", "verlo"
    else:
        what, them = f"{errors} errores", "verlos"
    return (
        f"aviso: el plan tiene {what}; las respuestas pueden no ser fiables. "
        f"Corre «campana validate» para {them}."
    )


def open_checked(plan: Path | None, *, assume_ine: str | None = None) -> LoadedPlan:
    """The plan a query or export command answers from (``loading.open_plan``: a plan whose
    models cannot be built is refused, exit 2). On a plan that ``validate`` finds errors in,
    the command still answers, and this says so once, as the first line on stderr.

    The errors counted are those of the plan as written, the ones ``campana validate`` shows:
    under a scenario (``assume_ine``) the loaded findings are the scenario's, so the plan's
    own come from a second load without it (the cache's entry, as a rule).
    """
    from campana.errors import count
    from campana.loading import open_plan

    loaded = open_plan(plan, assume_ine=assume_ine)
    written = loaded if assume_ine is None else open_plan(plan)
    errors, _warnings = count(written.findings)
    if errors:
        say(errors_notice(errors))
    return loaded
