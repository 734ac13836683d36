"""``campana schedule``, ``show``, ``list`` and ``audience``: the everyday questions.

Import-light on purpose: the core, the renderers and rich are imported inside the commands,
and rich only when stdout is a terminal (or a picture is saved).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from campana.cli.base import command
from campana.cli.common import (
    AssumeIneOpt,
    CampaignsOpt,
    FromOpt,
    MonthOpt,
    OutputOpt,
    PlanOpt,
    TodayOpt,
    ToOpt,
    TouchpointOpt,
    assumption,
    complete_campaign,
    format_option,
    month_number,
    open_checked,
    plan_in_use,
    say,
    today,
    view_filter,
    window,
)
from campana.errors import CampanaError

if TYPE_CHECKING:
    from campana.render.grid import Line
    from campana.validation import LoadedPlan

FORMATS = ("text", "json", "csv", "markdown")
#: what the terminal's view can be saved as (-o and --save): plain text, or its picture
PICTURES = ("svg", "html", "text")
#: what -o writes: a format by its extension
OUTPUTS = (*FORMATS, "svg", "html")

FormatOpt = Annotated[
    str | None,
    format_option(
        "text (por omisión; también table), json, csv o markdown (una tabla para pegar en un "
        "documento). Con -o, lo dice la extensión del archivo.",
        show_default=False,
    ),
]


def _show(build: Callable[[int], list[Line]], save: Path | None = None) -> None:
    """Print a picture: with rich on a terminal, as plain text (no rich import) otherwise; and
    save it as well when asked (``--save``)."""
    from campana.cli.emit import emit
    from campana.render.term import color_enabled, width

    con = None
    if color_enabled():
        from campana.render.term import console

        con = console()
        size = con.width
    else:
        size = width()
    lines = build(size)
    if save is not None:  # written first: a file that cannot be written shows nothing
        _picture(lines, save, size, "--save")
    if con is not None:
        from campana.render.grid import print_rich

        print_rich(lines, con)
    else:
        from campana.render.grid import plain

        emit(plain(lines))


def _picture(lines: list[Line], path: Path, size: int, option: str = "-o") -> None:
    """The terminal's view written to ``path``: .txt as plain text, .svg and .html as the
    picture the terminal shows (through a recording rich console)."""
    from campana.cli.emit import EXTENSIONS, emit

    kind = EXTENSIONS[path.suffix.lower()]
    if kind == "text":
        from campana.render.grid import plain

        emit(plain(lines), path, option=option)
    else:
        from campana.render.pictures import picture

        emit(picture(lines, kind, size, title="campana"), path, exact=True, option=option)


def outside_year(now: dt.date, year: int) -> str:
    """The notice for a today outside the plan's year, where every status reads the same."""
    from campana.dates import fmt as fmt_date

    return (
        f"aviso: hoy ({fmt_date(now)}) no cae en el año del plan ({year}); los estados y las "
        f"fechas relativas se calculan a ese día. Para ver el plan en otro día, fíjalo con "
        f'--today, por ejemplo «--today {year}-03-15» o «--today "15 de marzo"».'
    )


def answer(
    kind: str, name: str, result: Any, save: Path | None = None, output: Path | None = None
) -> None:
    """Write a query result in the chosen format, to stdout or to ``output`` (-o). Every
    renderer module names its function after the result (``schedule``, ``show``,
    ``campaign_list``, ``audience``, ``agenda``, ``veda``): tables and pictures in
    ``render.tables``, JSON and CSV in ``render.data``, ``render.markdown``.

    A result under an --assume-ine scenario (its ``assume_ine``) says so on its first line: on
    stderr for JSON and CSV, which stay data."""
    from campana.cli.emit import emit, to_file
    from campana.ine import scenario_label

    label = scenario_label(getattr(result, "assume_ine", None))
    if kind in ("json", "csv", "markdown"):
        if kind == "markdown":
            from campana.render import markdown

            text = (f"> {label}\n\n" if label else "") + getattr(markdown, name)(result)
        else:
            from campana.render import data

            if label:
                say(label)
            text = getattr(data, f"{name}_{kind}")(result)
        emit(text, output, exact=kind != "markdown")
        return
    from campana.render import tables

    def build(size: int) -> list[Line]:
        lines: list[Line] = getattr(tables, name)(result, size)
        return tables.scenario_lines(label, size) + lines

    if to_file(output):
        assert output is not None
        from campana.render.term import width

        size = width()
        _picture(build(size), output, size)
    else:
        _show(build, save)


def query(
    name: str,
    kind: str,
    now: dt.date | str | None,
    plan: Path | None,
    compute: Callable[[LoadedPlan, dt.date], Any],
    save: Path | None = None,
    output: Path | None = None,
    assume_ine: str | None = None,
    dated: bool = True,
) -> int:
    """The skeleton of every query command: load the plan, compute the result, render it (to
    ``output`` with -o: checked first, never onto the plan). ``now`` is a date, or the raw
    --today (None: the clock), read with the plan's year. ``compute`` may return None when
    there is nothing to draw. ``assume_ine`` is for a result that carries the plan's findings
    (``show``): they are then those of the scenario. ``dated``: the answer depends on today
    (then a today outside the plan's year is pointed out)."""
    import gc

    path = plan_in_use(plan, now if isinstance(now, str) else None)
    loaded = open_checked(path, assume_ine=assume_ine)  # findings under the scenario, if any
    # the plan lives until this process ends: the cyclic collector never needs to walk it
    # again (on a 4,000-campaign plan one full collection was a fifth of a warm schedule)
    gc.freeze()
    year = loaded.plan.plan.year
    if not isinstance(now, dt.date):
        now = today(now, year)
    result = compute(loaded, now)
    if result is not None:
        answer(kind, name, result, save, output)
    if dated and now.year != year:
        # said after the answer, so that the errors notice and a scenario's line come first
        say(outside_year(now, year), wrap=True)
    return 0


def _check_save(save: Path | None, kind: str, plan: Path | None = None) -> None:
    """``--save``: the view shown, saved as well (.txt, .svg or .html), checked before any
    work like -o."""
    if save is None:
        return
    from campana.cli.emit import EXTENSIONS, check_output, extensions_for

    check_output(save, plan, "--save")
    if EXTENSIONS.get(save.suffix.lower()) not in PICTURES:
        raise CampanaError(
            f"--save: no sé guardar archivos «{save.suffix or save.name}»",
            hint="usa una de estas extensiones: " + ", ".join(extensions_for(PICTURES)),
        )
    if kind != "text":
        raise CampanaError(
            "--save guarda la vista de tabla (svg, html o txt)",
            hint=f"para {kind}, escribe el archivo con -o: campana schedule -o archivo.{kind}"
            if kind != "markdown"
            else "para markdown, escribe el archivo con -o: campana schedule -o archivo.md",
        )


@command(
    "schedule",
    "Muestra la programación: el año mes por mes, un mes día por día, o lo que corre un día.\n\n"
    "Sin opciones, la programación del año del plan: cada campaña con sus componentes debajo, "
    "la veda electoral y hoy. Con --month, un mes día por día; con --on, lo que corre ese día; "
    "con --from/--to, un rango (día por día hasta seis semanas). Las vistas de hasta seis "
    "semanas muestran también los puntos de contacto de la tabla de ejecución (▸); las más "
    "largas, solo con --campaign o --touchpoint.\n\n"
    "Las fechas sin año son del año del plan (o de --year).\n\n"
    "Ejemplos:\n\n"
    "  campana schedule --month marzo\n\n"
    '  campana schedule --on "23 de febrero de 2024"\n\n'
    "  campana schedule --campaign atencion --format json\n\n"
    "  campana schedule --save programacion.svg",
)
def schedule(
    month: MonthOpt = None,
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="FECHA", help="Lo que corre ese día.", show_default=False),
    ] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    campaign: CampaignsOpt = None,
    touchpoint: TouchpointOpt = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            metavar="AÑO",
            help="Año a mostrar, y el de las fechas sin año. Por omisión, el del plan.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            metavar="ARCHIVO",
            help=(
                "Muestra la vista y la guarda también en ARCHIVO (.svg, .html, .txt): una "
                "captura de la terminal. Para presentar, usa «campana export svg»."
            ),
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
    plan: PlanOpt = None,
    today_: TodayOpt = None,
    assume_ine: AssumeIneOpt = None,
) -> int:
    from campana import queries
    from campana.cli.emit import output_format, to_file
    from campana.dates import period

    kind = output_format(output, fmt, FORMATS, plan=plan, files=OUTPUTS)
    scenario = assumption(assume_ine)
    _check_save(save, kind, plan)
    number = month_number(month, on=on, date_from=date_from, date_to=date_to)
    if year is not None and not 1900 <= year <= 2200:
        raise CampanaError(f"--year: {year} no es un año del plan", hint="escribe un año como 2024")

    def compute(loaded: LoadedPlan, now: dt.date) -> queries.Schedule | None:
        the_year = year if year is not None else loaded.plan.plan.year
        dates = window(the_year, now, on=on, month=number, date_from=date_from, date_to=date_to)
        view = view_filter(loaded.plan, campaign=campaign, touchpoint=touchpoint, window=dates)
        start, end = dates
        result = queries.schedule_view(
            loaded.plan,
            view,
            now,
            # a spreadsheet holds every row: the execution rows too, whatever the window
            touchpoints=kind == "csv"
            or queries.detailed(start, end)
            or view.by_campaign
            or touchpoint is not None,
        )
        result = queries.with_milestones(queries.under_scenario(result, scenario), loaded.plan)
        result = queries.with_rest_days(result, loaded.plan)
        if result.empty:
            say(f"Nada programado {period(start, end, prose=True)}.")
            if (
                kind == "text"
                and save is None
                and not to_file(output)
                and (start != end or not result.blackouts)
            ):
                return None  # nothing to draw: the message says so (a day lists its blackout)
        return result

    return query("schedule", kind, today_, plan, compute, save, output)


@command(
    "show",
    "Muestra la ficha completa de una campaña: periodo, estado, audiencia, objetivos, líneas "
    "creativas, canales, componentes, ejecución y los hallazgos de la validación.\n\n"
    "ID admite el id o el nombre, sin importar mayúsculas ni acentos, o sus primeras letras "
    'palabra por palabra y en cualquier orden (campana show trab, campana show "logros '
    'laborales"). Un nombre con espacios va entre comillas.',
)
def show(
    campaign_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Id o nombre de la campaña (o sus primeras letras).",
            autocompletion=complete_campaign,
        ),
    ],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plan: PlanOpt = None,
    today_: TodayOpt = None,
    assume_ine: AssumeIneOpt = None,
    working: Annotated[
        bool,
        typer.Option(
            "--working-days",
            help=(
                "Agrega los días hábiles del periodo: de lunes a viernes, menos los días de "
                "descanso obligatorio (LFT art. 74) y la jornada electoral de una veda federal "
                "declarada."
            ),
        ),
    ] = False,
) -> int:
    from campana import queries
    from campana.cli.emit import output_format

    kind = output_format(output, fmt, FORMATS, plan=plan, files=OUTPUTS)
    scenario = assumption(assume_ine)

    def compute(loaded: LoadedPlan, now: dt.date) -> queries.Show:
        campaign = queries.resolve_campaign(loaded.plan, campaign_id)
        brief = queries.brief(
            loaded.plan, loaded.audience, campaign, now, loaded.findings, assume_ine=scenario
        )
        if working:
            brief = queries.with_working_days(brief, loaded.plan)
        return queries.show(loaded.plan, brief, campaign, scenario)

    return query("show", kind, today_, plan, compute, output=output, assume_ine=scenario)


@command(
    "list",
    "Lista las campañas: periodo, días, componentes, puntos de contacto y estado respecto a hoy.",
)
def list_campaigns(
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    working: Annotated[
        bool,
        typer.Option(
            "--working-days",
            help=(
                "Agrega los días hábiles de cada campaña: de lunes a viernes, menos los días "
                "de descanso obligatorio (LFT art. 74) y la jornada electoral de una veda "
                "federal declarada."
            ),
        ),
    ] = False,
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana import queries

    def compute(loaded: LoadedPlan, now: dt.date) -> queries.CampaignList:
        return queries.campaign_list(loaded.plan, now, working=working)

    from campana.cli.emit import output_format

    kind = output_format(output, fmt, FORMATS, plan=plan, files=OUTPUTS)
    return query("campaign_list", kind, today_, plan, compute, output=output)


@command(
    "audience",
    "Muestra la audiencia: cada segmento con su cifra, su porcentaje del total (calculado de "
    "las cifras) y las campañas que se dirigen a él.",
)
def audience(
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana import queries
    from campana.loading import require_audience

    def compute(loaded: LoadedPlan, now: dt.date) -> queries.AudienceReport:
        return queries.audience_report(require_audience(loaded), loaded.plan)

    # today is checked as in every command, even if the figures do not depend on it
    from campana.cli.emit import output_format

    kind = output_format(output, fmt, FORMATS, plan=plan, files=OUTPUTS)
    return query("audience", kind, today_, plan, compute, output=output, dated=False)
