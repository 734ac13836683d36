"""``campana export``: the plan in other tools' formats (iCalendar), and the presentation
picture (svg: the Gantt chart; html: the one-file report)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.base import command
from campana.cli.common import (
    AssumeIneOpt,
    PlanOpt,
    TodayOpt,
    assumption,
    campaign_option,
    campaigns,
    choice,
    output_option,
    say,
)

#: formats other commands write (``export csv`` points there instead of guessing «ics»)
ELSEWHERE = {
    "csv": ("csv", "archivo.csv"),
    "json": ("json", "archivo.json"),
    "markdown": ("markdown", "archivo.md"),
    "md": ("markdown", "archivo.md"),
}


@command(
    "export",
    "Exporta el plan a otro formato (FORMATO: ics, svg o html).\n\n"
    "\b\n"
    "  ics   calendario iCalendar para Google Calendar, Outlook...\n"
    "  svg   diagrama de Gantt para presentar o imprimir.\n"
    "  html  informe en un archivo: diagrama, campañas, revisión, audiencia, veda.\n\n"
    "ics: un evento de día completo por campaña, por punto de contacto de cada campaña, por "
    "componente de la programación y por veda, con los tácticos y objetivos en la descripción "
    "y categorías por punto de contacto. Los UID salen de los ids: al importar un archivo más "
    "nuevo, el calendario actualiza los eventos en lugar de duplicarlos.\n\n"
    "svg y html: los mismos filtros y escenario que schedule. Los datos en CSV, JSON o "
    "Markdown salen de las consultas (campana schedule --format csv -o archivo.csv).\n\n"
    "Sin -o escribe en la salida estándar.",
)
def export(
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMATO", help="Formato de salida: ics, svg o html.", show_default=False
        ),
    ],
    output: Annotated[
        Path | None, output_option("Archivo a escribir («-»: salida estándar).")
    ] = None,
    campaign: Annotated[
        list[str] | None,
        campaign_option(
            "Solo esta campaña (id, nombre o inicio del id; se puede repetir). "
            "Las vedas siempre van."
        ),
    ] = None,
    touchpoint: Annotated[
        str | None,
        typer.Option(
            "--touchpoint",
            "-t",
            metavar="NOMBRE",
            help="svg y html: solo los componentes y puntos de contacto con ese nombre.",
            show_default=False,
        ),
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="FECHA", help="svg y html: desde esa fecha.", show_default=False
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="FECHA", help="svg y html: hasta esa fecha.", show_default=False
        ),
    ] = None,
    month: Annotated[
        str | None,
        typer.Option(
            "--month", "-m", metavar="MES", help="svg y html: solo ese mes.", show_default=False
        ),
    ] = None,
    today: TodayOpt = None,
    assume_ine: AssumeIneOpt = None,
    plan: PlanOpt = None,
    alarm_days: Annotated[
        int | None,
        typer.Option(
            "--alarm-days",
            metavar="N",
            help="ics: agrega a cada hito un aviso N días antes.",
            show_default=False,
        ),
    ] = None,
) -> int:
    import datetime as dt
    import os
    import sys

    from campana.cli.common import today as pinned_today
    from campana.errors import CampanaError
    from campana.files import refuse_inputs, write_atomic
    from campana.loading import display_name, open_plan
    from campana.paths import audience_beside, find_plan

    picture = _picture_format(fmt)
    if picture is not None:
        if alarm_days is not None:
            raise CampanaError(
                "--alarm-days se aplica al formato ics",
                hint="los hitos del diagrama no llevan avisos: campana export ics --alarm-days 3",
            )
        return _picture(
            picture,
            output,
            campaign,
            touchpoint,
            date_from,
            date_to,
            month,
            today,
            assume_ine,
            plan,
        )
    from campana.ics import FORMATS, build_calendar  # icalendar: only for the calendar

    choice(fmt, "el formato", (*FORMATS, "svg", "html"))
    scenario = assumption(assume_ine)
    if alarm_days is not None and not 0 <= alarm_days <= 366:
        raise CampanaError(
            f"--alarm-days: {alarm_days} no es un número de días entre 0 y 366",
            hint="por ejemplo «--alarm-days 3»",
        )
    if output is not None and str(output) != "-" and os.path.isdir(output):
        raise CampanaError(
            f"-o: «{output}» es una carpeta", hint="indica un archivo, por ejemplo campanas.ics"
        )
    if output is not None and str(output) != "-":
        source = find_plan(plan)
        refuse_inputs(output, (source, audience_beside(source)))
    loaded = open_plan(plan)
    if today is None:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    else:  # a pinned day: midnight UTC, so the file is the same on every run
        now = dt.datetime.combine(pinned_today(today, loaded.plan.plan.year), dt.time(0), dt.UTC)
    ids = [c.id for c in campaigns(loaded.plan, campaign)]
    if scenario is not None:
        from campana.ine import scenario_label

        say(str(scenario_label(scenario)))
    result = build_calendar(
        loaded.plan,
        now=now,
        campaigns=ids,
        audience=loaded.audience,
        assume_ine=scenario,
        alarm_days=alarm_days,
    )
    for s in result.skipped:
        say(f"aviso: se omitió «{s.summary}»: {s.reason} (corre «campana validate»)")
    if output is None or str(output) == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(result.data)
            buffer.flush()
        else:
            sys.stdout.write(result.data.decode("utf-8"))
        return 0
    try:
        write_atomic(output, result.data)
    except OSError as exc:
        raise CampanaError(
            f"-o: no se pudo escribir «{output}»: {exc.strerror or exc}",
            hint="revisa que la carpeta exista y tengas permiso de escritura",
        ) from None
    events = "1 evento" if result.events == 1 else f"{result.events} eventos"
    say(f"Se escribió {display_name(output)}: {events} de iCalendar.")
    return 0


def _picture_format(fmt: str) -> str | None:
    """``svg`` or ``html`` (any case); None for ics; a Spanish pointer for the formats the
    queries write (``export csv``), rather than a guess at «ics»."""
    from campana.errors import CampanaError

    folded = fmt.strip().lower()
    if folded in ("svg", "html"):
        return folded
    if folded in ELSEWHERE:
        kind, example = ELSEWHERE[folded]
        raise CampanaError(
            f"export no escribe {kind.upper() if kind != 'markdown' else 'Markdown'}: "
            "esos datos salen de las consultas",
            hint=(
                f"usa campana schedule --format {kind} -o {example} "
                "(también list, show y audience); export escribe ics, svg o html"
            ),
        )
    return None


def _picture(
    fmt: str,
    output: Path | None,
    campaign: list[str] | None,
    touchpoint: str | None,
    date_from: str | None,
    date_to: str | None,
    month: str | None,
    today: str | None,
    assume_ine: str | None,
    plan: Path | None,
) -> int:
    """``export svg`` / ``export html``: the filters and scenario of ``schedule``, the file
    written whole or not at all (the drawing code is imported only here)."""
    import os
    import sys

    from campana import queries
    from campana.cli.common import assumption, option_error, parse_date_option
    from campana.cli.common import today as pinned_today
    from campana.dates import VALID_MONTH_FORMS, parse_month
    from campana.dates import fmt as fmt_date
    from campana.errors import CampanaError
    from campana.files import refuse_inputs, write_atomic
    from campana.loading import display_name, open_plan
    from campana.paths import audience_beside, find_plan

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
    scenario = assumption(assume_ine)
    now = pinned_today(today)
    to_file = output is not None and str(output) != "-"
    if to_file and output is not None:
        if os.path.isdir(output):
            example = "programacion.svg" if fmt == "svg" else "informe.html"
            raise CampanaError(
                f"-o: «{output}» es una carpeta", hint=f"indica un archivo, por ejemplo {example}"
            )
        source = find_plan(plan)
        refuse_inputs(output, (source, audience_beside(source)))
    loaded = open_plan(plan)
    year = loaded.plan.plan.year
    start, end = queries.window(
        year,
        month=month_number,
        start=parse_date_option(date_from, "--from", year) if date_from else None,
        end=parse_date_option(date_to, "--to", year) if date_to else None,
    )
    if end < start:
        raise CampanaError(
            f"--to ({fmt_date(end)}) es anterior a --from ({fmt_date(start)})",
            hint="intercambia las fechas",
        )
    ids = [c.id for c in campaigns(loaded.plan, campaign)]
    if touchpoint is not None:
        with option_error("--touchpoint"):
            queries.check_touchpoint(loaded.plan, touchpoint)
    if fmt == "svg":
        from campana.render.gantt import gantt_svg

        text = gantt_svg(
            loaded.plan,
            now,
            start=start,
            end=end,
            campaigns=ids,
            touchpoint=touchpoint,
            assume_ine=scenario,
        )
    else:
        from campana.render.report import report_html

        text = report_html(
            loaded.plan,
            loaded.audience,
            now,
            findings=loaded.validation.findings,
            start=start,
            end=end,
            campaigns=ids,
            touchpoint=touchpoint,
            assume_ine=scenario,
        )
    if not to_file or output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise CampanaError(
            f"-o: no se pudo escribir «{output}»: {exc.strerror or exc}",
            hint="revisa que la carpeta exista y tengas permiso de escritura",
        ) from None
    say(f"Guardado en {display_name(output)}")
    return 0
