"""``campana schedule``, ``show``, ``list`` and ``audience``: the everyday questions.

Import-light on purpose: the core, the renderers and rich are imported inside the commands,
and rich only when stdout is a terminal (or a picture is saved).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from campana.cli.app import command
from campana.cli.common import PlanOpt, TodayOpt, choice, out, say, today
from campana.errors import CampanaError

if TYPE_CHECKING:
    from campana.render.grid import Line

FORMATS = ("table", "json", "csv", "markdown")
SAVE_EXTENSIONS = (".svg", ".html", ".txt")

FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMATO",
        help="table (por omisión), json, csv o markdown (una tabla para pegar en un documento).",
        show_default=False,
    ),
]


def _picture(build: Callable[[int], list[Line]], save: Path | None = None) -> None:
    """Print a picture: with rich on a terminal, as plain text (no rich import) otherwise."""
    from campana.render.grid import plain
    from campana.render.term import color_enabled, width

    if color_enabled():
        from campana.render.grid import print_rich
        from campana.render.term import console

        con = console()
        lines = build(con.width)
        if save is not None:
            _save(lines, save, con.width)
        print_rich(lines, con)
    else:
        size = width()
        lines = build(size)
        if save is not None:
            _save(lines, save, size)
        out(plain(lines))
    if save is not None:
        say(f"Guardado en {save}")


def _dumps(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _emit(
    kind: str,
    *,
    as_json: Callable[[], str],
    as_csv: Callable[[], str],
    as_markdown: Callable[[], str],
    picture: Callable[[int], list[Line]] | None,
    save: Path | None = None,
) -> None:
    """Write a query result in the chosen format: one renderer per format, the same result."""
    if kind == "json":
        out(as_json())
    elif kind == "csv":
        out(as_csv())
    elif kind == "markdown":
        out(as_markdown())
    elif picture is not None:
        _picture(picture, save)


def _check_save(save: Path | None, kind: str, plan: str | Path | None = None) -> None:
    if save is None:
        return
    from campana.files import refuse_inputs
    from campana.paths import audience_beside, find_plan

    source = find_plan(plan)
    refuse_inputs(save, (source, audience_beside(source)))
    if save.suffix.lower() not in SAVE_EXTENSIONS:
        raise CampanaError(
            f"--save: no sé guardar archivos «{save.suffix or save.name}»",
            hint="usa una de estas extensiones: " + ", ".join(SAVE_EXTENSIONS),
        )
    if kind != "table":
        raise CampanaError(
            "--save guarda la vista de tabla (svg, html o txt)",
            hint=f"para {kind}, redirige la salida: campana schedule --format {kind} > archivo",
        )


def _save(lines: list[Line], path: Path, size: int) -> None:
    import io

    from campana.files import write_atomic
    from campana.render.grid import plain, print_rich

    try:
        if path.suffix.lower() == ".txt":
            write_atomic(path, plain(lines))
        else:
            from rich.console import Console

            con = Console(
                file=io.StringIO(),
                record=True,
                width=size,
                force_terminal=True,
                color_system="truecolor",
                highlight=False,
                emoji=False,
                soft_wrap=False,
            )
            print_rich(lines, con)
            if path.suffix.lower() == ".svg":
                write_atomic(path, con.export_svg(title="campana schedule"))
            else:
                write_atomic(path, con.export_html())
    except OSError as exc:
        raise CampanaError(
            f"--save: no se pudo escribir «{path}»: {exc.strerror or exc}",
            hint="revisa que la carpeta exista y que puedas escribir en ella",
        ) from None


def _date(value: str, option: str, year: int) -> dt.date:
    """A date option; without a year it is in ``year`` (the plan's, or --year)."""
    from campana.dates import parse_date

    try:
        return parse_date(value, default_year=year)
    except ValueError as exc:
        raise CampanaError(
            f"{option}: {exc}", hint="escribe la fecha como 2024-03-15 o «15 de marzo de 2024»"
        ) from None


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
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            "-m",
            metavar="MES",
            help="Un mes día por día: marzo, March, mar, sept, 3...",
            show_default=False,
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="FECHA", help="Lo que corre ese día.", show_default=False),
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option("--from", metavar="FECHA", help="Desde esa fecha.", show_default=False),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", metavar="FECHA", help="Hasta esa fecha.", show_default=False),
    ] = None,
    campaign: Annotated[
        list[str] | None,
        typer.Option(
            "--campaign",
            "-c",
            metavar="ID",
            help="Solo esa campaña (id, nombre o inicio del id; se puede repetir).",
            show_default=False,
        ),
    ] = None,
    touchpoint: Annotated[
        str | None,
        typer.Option(
            "--touchpoint",
            "-t",
            metavar="NOMBRE",
            help="Solo los componentes y puntos de contacto cuyo nombre, id o táctico lo "
            "contienen (digital, radio, brigadas...).",
            show_default=False,
        ),
    ] = None,
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
    fmt: FormatOpt = "table",
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            metavar="ARCHIVO",
            help="Guarda también la vista en ARCHIVO: .svg, .html o .txt.",
            show_default=False,
        ),
    ] = None,
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana import queries
    from campana.dates import VALID_MONTH_FORMS, parse_month
    from campana.dates import fmt as fmt_date
    from campana.loading import open_plan

    kind = choice(fmt, "--format", FORMATS)
    _check_save(save, kind, plan)
    now = today(today_)
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
    month_number = None
    if month is not None:
        month_number = parse_month(month)
        if month_number is None:
            raise CampanaError(
                f"--month: «{month}» no es un mes", hint=f"se admite: {VALID_MONTH_FORMS}"
            )
    if year is not None and not 1900 <= year <= 2200:
        raise CampanaError(f"--year: {year} no es un año del plan", hint="escribe un año como 2024")

    loaded = open_plan(plan)
    the_year = year if year is not None else loaded.plan.plan.year
    if on is not None:
        start = end = _date(on, "--on", the_year)
    elif date_from is not None or date_to is not None:
        given_from = _date(date_from, "--from", the_year) if date_from else None
        given_to = _date(date_to, "--to", the_year) if date_to else None
        start = given_from or dt.date((given_to or dt.date(the_year, 1, 1)).year, 1, 1)
        end = given_to or dt.date(start.year, 12, 31)
        if end < start:
            raise CampanaError(
                f"--to ({fmt_date(end)}) es anterior a --from ({fmt_date(start)})",
                hint="intercambia las fechas",
            )
    elif month_number is not None:
        start, end = queries.month_window(the_year, month_number)
    else:
        start, end = queries.year_window(the_year)

    ids = [queries.resolve_campaign(loaded.plan, c).id for c in campaign or []]
    long_view = start != end and (end - start).days + 1 > 42
    result = queries.schedule(
        loaded.plan,
        start,
        end,
        now,
        campaigns=ids,
        touchpoint=touchpoint,
        touchpoints=not long_view or bool(ids) or touchpoint is not None,
    )
    if result.empty:
        say(
            f"Nada programado el {fmt_date(start)}."
            if start == end
            else f"Nada programado del {fmt_date(start)} al {fmt_date(end)}."
        )
    from campana.render import queries as render

    _emit(
        kind,
        as_json=lambda: render.schedule_json(result),
        as_csv=lambda: render.schedule_csv(result),
        as_markdown=lambda: render.schedule_markdown(result),
        picture=(lambda w: render.picture_schedule(result, w))
        if not result.empty or result.blackouts or save is not None
        else None,
        save=save,
    )
    return 0


@command(
    "show",
    "Muestra la ficha completa de una campaña: periodo, estado, audiencia, objetivos, líneas "
    "creativas, canales, componentes, ejecución y los hallazgos de validate.\n\n"
    "ID admite el id, el nombre o el inicio del id, sin importar mayúsculas ni acentos "
    "(campana show trab).",
)
def show(
    campaign_id: Annotated[
        str, typer.Argument(metavar="ID", help="Id, nombre o inicio del id de la campaña.")
    ],
    fmt: FormatOpt = "table",
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana import queries
    from campana.loading import open_plan

    kind = choice(fmt, "--format", FORMATS)
    now = today(today_)
    loaded = open_plan(plan)
    campaign = queries.resolve_campaign(loaded.plan, campaign_id)
    result = queries.brief(loaded.plan, loaded.audience, campaign, now, loaded.findings)
    from campana.render import queries as render

    _emit(
        kind,
        as_json=lambda: _dumps(render.brief_dict(result)),
        as_csv=lambda: render.brief_csv(result),
        as_markdown=lambda: render.brief_markdown(result),
        picture=lambda w: render.picture_show(result, w),
    )
    return 0


@command(
    "list",
    "Lista las campañas: periodo, días, componentes, puntos de contacto y estado respecto a hoy.",
)
def list_campaigns(
    fmt: FormatOpt = "table",
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana import queries
    from campana.loading import open_plan

    kind = choice(fmt, "--format", FORMATS)
    now = today(today_)
    loaded = open_plan(plan)
    lines = queries.campaign_lines(loaded.plan, now)
    from campana.render import queries as render

    _emit(
        kind,
        as_json=lambda: _dumps(render.list_dict(lines, now)),
        as_csv=lambda: render.list_csv(lines),
        as_markdown=lambda: render.list_markdown(lines),
        picture=lambda w: render.picture_list(lines, w),
    )
    return 0


@command(
    "audience",
    "Muestra la audiencia: cada segmento con su cifra, su porcentaje del total (calculado de "
    "las cifras) y las campañas que se dirigen a él.",
)
def audience(
    fmt: FormatOpt = "table",
    plan: PlanOpt = None,
    today_: TodayOpt = None,
) -> int:
    from campana import queries
    from campana.loading import open_plan, require_audience

    kind = choice(fmt, "--format", FORMATS)
    today(today_)  # checked like in every command, even if the figures do not depend on it
    loaded = open_plan(plan)
    report = queries.audience_report(require_audience(loaded), loaded.plan)
    from campana.render import queries as render

    _emit(
        kind,
        as_json=lambda: _dumps(render.audience_dict(report)),
        as_csv=lambda: render.audience_csv(report),
        as_markdown=lambda: render.audience_markdown(report),
        picture=lambda w: render.picture_audience(report, w),
    )
    return 0
