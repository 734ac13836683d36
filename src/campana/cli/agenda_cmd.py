"""``campana agenda`` and ``campana veda``: the planner's days ahead and the blackout report.

Both run on the query skeleton of ``query_cmd`` (so they share its formats and rendering), and
keep the core and the renderers imported inside the commands.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from campana.cli.base import command
from campana.cli.common import (
    AssumeIneOpt,
    CampaignsOpt,
    FromOpt,
    OutputOpt,
    PlanOpt,
    TodayOpt,
    ToOpt,
    assumption,
    date_option,
    option_error,
    say,
    view_filter,
)
from campana.cli.query_cmd import FORMATS, OUTPUTS, FormatOpt, query

if TYPE_CHECKING:
    from campana.agenda import Agenda
    from campana.validation import LoadedPlan
    from campana.veda import VedaReport


@command(
    "agenda",
    "Muestra lo que pasa en los próximos días: inicios y fines de campañas, componentes y "
    "puntos de contacto, la veda, los hitos, y qué sale del aire o vuelve por la veda.\n\n"
    "Por omisión, hoy y los 13 días siguientes, agrupados por día. Las fechas admiten formas "
    "relativas: hoy, mañana, lunes, «próximo lunes», +7, «en 7 días», «hace 3 días».\n\n"
    "Ejemplos:\n\n"
    "  campana agenda\n\n"
    "  campana agenda --days 7 --campaign atencion\n\n"
    "  campana agenda --from lunes --to +30 --assume-ine negada\n\n"
    "  campana agenda --today 2024-02-26 --format json",
)
def agenda(
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            "-d",
            metavar="N",
            help="Cuántos días mostrar desde --from (por omisión 14: hoy y 13 más).",
            show_default=False,
        ),
    ] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    campaign: CampaignsOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    assume_ine: AssumeIneOpt = None,
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana.cli.emit import output_format

    kind = output_format(output, fmt, FORMATS, plan=plan, files=OUTPUTS)
    scenario = assumption(assume_ine)

    def compute(loaded: LoadedPlan, now: dt.date) -> Agenda:
        from campana.agenda import agenda as build
        from campana.agenda import agenda_window
        from campana.dates import period

        year = loaded.plan.plan.year
        start = date_option(date_from, "--from", year, now)
        end = date_option(date_to, "--to", year, now)
        first, last = agenda_window(now, days=days, start=start, end=end)
        view = view_filter(loaded.plan, campaign=campaign)
        with option_error("--campaign"):
            result = build(
                loaded.plan, start=first, end=last, today=now, view=view, assume_ine=scenario
            )
        if plan is None and last.year > year:
            ids = list(view.campaigns) if view.campaigns is not None else None
            result = _with_next_year(result, year, first, last, now, ids, scenario, today_)
        if not result.events and not result.rest_days:
            notes.append(f"Nada en la agenda {period(first, last, prose=True)}.")
        return result

    def _with_next_year(
        result: Agenda,
        year: int,
        first: dt.date,
        last: dt.date,
        now: dt.date,
        ids: list[str] | None,
        scenario: str | None,
        today_text: str | None,
    ) -> Agenda:
        """A window past the plan's year end: the next year's plan of the layout of several
        years (planes/AAAA/), when there is one, adds its events."""
        from campana.agenda import agenda as build
        from campana.agenda import with_following
        from campana.cli.common import find_plan_for
        from campana.loading import open_plan
        from campana.paths import display_name, layout_plan

        following = layout_plan(find_plan_for(None, today_text), year + 1)
        if not following.is_file():
            return result
        other = open_plan(following)
        chosen = [i for i in ids if other.plan.campaign(i) is not None] if ids else None
        if ids and not chosen:
            return result
        start = max(first, dt.date(year + 1, 1, 1))
        more = build(
            other.plan, start=start, end=last, today=now, campaigns=chosen, assume_ine=scenario
        )
        notes.append(f"Incluye los eventos del plan {year + 1} ({display_name(following)}).")
        return with_following(result, more)

    # said after the answer, so that the errors notice and a scenario's line come first
    notes: list[str] = []
    code = query("agenda", kind, today_, plan, compute, output=output)
    for note in notes:
        say(note)
    return code


@command(
    "veda",
    "Reporta cada veda: sus fechas, qué restringe, cada punto de contacto que alcanza (días "
    "dentro, estado de la excepción del INE y días que pierde si se niega) y, por campaña, los "
    "días sin ningún punto de contacto al aire si se niega toda excepción pendiente.\n\n"
    "Ejemplos:\n\n"
    "  campana veda\n\n"
    "  campana veda --campaign trab --format json\n\n"
    "  campana veda --assume-ine aprobada",
)
def veda(
    campaign: CampaignsOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    assume_ine: AssumeIneOpt = None,
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana.cli.emit import output_format

    kind = output_format(output, fmt, FORMATS, plan=plan, files=OUTPUTS)
    scenario = assumption(assume_ine)

    def compute(loaded: LoadedPlan, now: dt.date) -> VedaReport:
        from campana.veda import veda_report

        view = view_filter(loaded.plan, campaign=campaign)
        result = veda_report(loaded.plan, assume_ine=scenario, view=view)
        if not result.blackouts:
            say("El plan no tiene vedas.")
        return result

    # today is checked as in every command, even if the report does not depend on it
    return query("veda", kind, today_, plan, compute, output=output, dated=False)
