"""``campana export``: the plan in other tools' formats (iCalendar), and the presentation
picture (svg: the Gantt chart; html: the one-file report)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.app import command
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


@command(
    "export",
    "Exporta el plan a otro formato: ics (iCalendar, para Google Calendar, Outlook...), svg "
    "(diagrama de Gantt para presentar) o html (informe completo en un solo archivo: el "
    "diagrama, cada campaña, la revisión, la audiencia y la veda).\n\n"
    "Un evento de día completo por campaña, por punto de contacto de cada campaña, por "
    "componente de la programación y por veda, con los tácticos y objetivos en la descripción "
    "y categorías por punto de contacto. Los UID salen de los ids: al importar un archivo más "
    "nuevo, el calendario actualiza los eventos en lugar de duplicarlos.\n\n"
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
    plan: PlanOpt = None,
    assume_ine: AssumeIneOpt = None,
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
    from campana.ics import FORMATS, build_calendar
    from campana.loading import display_name, open_plan
    from campana.paths import audience_beside, find_plan

    if fmt in ("svg", "html") and (assume_ine is not None or alarm_days is not None):
        option = "--assume-ine" if assume_ine is not None else "--alarm-days"
        raise CampanaError(
            f"{option} se aplica al formato ics",
            hint="para ver la veda bajo un escenario: campana veda --assume-ine negada",
        )
    if fmt in ("svg", "html"):
        return _picture(fmt, output, campaign, touchpoint, date_from, date_to, month, today, plan)
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


def _picture(
    fmt: str,
    output: Path | None,
    campaign: list[str] | None,
    touchpoint: str | None,
    date_from: str | None,
    date_to: str | None,
    month: str | None,
    today: str | None,
    plan: Path | None,
) -> int:
    """``export svg`` / ``export html`` (the drawing code is imported only here)."""
    import sys

    from campana import queries
    from campana.cli.common import parse_date_option
    from campana.cli.common import today as pinned_today
    from campana.dates import VALID_MONTH_FORMS, parse_month
    from campana.errors import CampanaError
    from campana.loading import display_name, open_plan

    loaded = open_plan(plan)
    year = loaded.plan.plan.year
    start = parse_date_option(date_from, "--from") if date_from else None
    end = parse_date_option(date_to, "--to") if date_to else None
    if month is not None:
        number = parse_month(month)
        if number is None:
            raise CampanaError(
                f"--month: «{month}» no es un mes", hint=f"se admite: {VALID_MONTH_FORMS}"
            )
        start, end = queries.month_window(year, number)
    if start is not None and end is not None and end < start:
        raise CampanaError("--to es anterior a --from", hint="intercambia las fechas")
    ids = [queries.resolve_campaign(loaded.plan, c).id for c in campaign or []]
    now = pinned_today(today)
    if fmt == "svg":
        from campana.render.gantt import gantt_svg

        text = gantt_svg(
            loaded.plan, now, start=start, end=end, campaigns=ids, touchpoint=touchpoint
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
        )
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CampanaError(
            f"-o: no se pudo escribir «{output}»: {exc.strerror or exc}",
            hint="revisa que la carpeta exista y tengas permiso de escritura",
        ) from None
    what = "diagrama de Gantt" if fmt == "svg" else "informe HTML"
    say(f"Se escribió {display_name(output)}: {what}.")
    return 0
