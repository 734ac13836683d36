"""``campana export``: the plan in other tools' formats (iCalendar), and the presentation
picture (svg: the Gantt chart; html: the one-file report)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.base import command
from campana.cli.common import (
    AssumeIneOpt,
    CampaignsOpt,
    FromOpt,
    MonthOpt,
    PlanOpt,
    TodayOpt,
    ToOpt,
    TouchpointOpt,
    assumption,
    choice,
    output_option,
    say,
    view_filter,
)

#: formats other commands write (``export csv`` points there instead of guessing «ics»)
ELSEWHERE = {
    "csv": ("csv", "archivo.csv"),
    "json": ("json", "archivo.json"),
    "markdown": ("markdown", "archivo.md"),
    "md": ("markdown", "archivo.md"),
}


RestDaysOpt = Annotated[
    bool,
    typer.Option(
        "--rest-days",
        help=(
            "ics: agrega los días de descanso obligatorio del año del plan (LFT art. 74, y la "
            "jornada electoral de una veda federal declarada) como eventos de día completo, "
            "categoría «Día de descanso»."
        ),
    ),
]


@command(
    "export",
    "Exporta el plan a otro formato (FORMATO: ics, svg, html, xlsx, pptx o pdf).\n\n"
    "\b\n"
    "  ics   calendario iCalendar para Google Calendar, Outlook...\n"
    "  svg   diagrama de Gantt para presentar o imprimir.\n"
    "  html  informe en un archivo: diagrama, campañas, revisión, audiencia, veda.\n"
    "  xlsx  libro de Excel: programación, una hoja por campaña, veda...\n"
    "  pptx  presentación: programación, una diapositiva por campaña, veda...\n"
    "  pdf   informe para imprimir en horizontal (carta o A4).\n\n"
    "xlsx, pptx y pdf llevan el plan entero (con --assume-ine, el escenario) y se escriben "
    "con -o ARCHIVO.\n\n"
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
            metavar="FORMATO",
            help="Formato de salida: ics, svg, html, xlsx, pptx o pdf.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None, output_option("Archivo a escribir («-»: salida estándar).")
    ] = None,
    campaign: CampaignsOpt = None,
    touchpoint: TouchpointOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    month: MonthOpt = None,
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
    by: Annotated[
        str | None,
        typer.Option(
            "--por",
            metavar="UNIDAD",
            help="xlsx: una columna de la programación por semana (así, si no se indica) o por "
            "día.",
            show_default=False,
        ),
    ] = None,
    paper: Annotated[
        str | None,
        typer.Option(
            "--papel",
            metavar="PAPEL",
            help="pdf: tamaño de papel, carta (así, si no se indica) o a4.",
            show_default=False,
        ),
    ] = None,
    rest_days: RestDaysOpt = False,
) -> int:

    from campana.errors import CampanaError

    folded = fmt.strip().lower()
    if folded not in OFFICE:
        for option, value in (("--por", by), ("--papel", paper)):
            if value is not None:
                raise CampanaError(
                    f"{option} se aplica a {'xlsx' if option == '--por' else 'pdf'}",
                    hint="campana export xlsx --por día -o plan.xlsx; "
                    "campana export pdf --papel a4 -o plan.pdf",
                )
    else:
        _ics_only(alarm_days, rest_days)
        return _office(
            folded,
            output,
            campaign,
            touchpoint,
            date_from,
            date_to,
            month,
            today,
            assume_ine,
            plan,
            by,
            paper,
        )
    picture = _picture_format(fmt)
    if picture is not None:
        _ics_only(alarm_days, rest_days)
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
    return _calendar(
        fmt,
        output,
        campaign,
        touchpoint,
        date_from,
        date_to,
        month,
        today,
        assume_ine,
        plan,
        alarm_days,
        rest_days,
    )


def _ics_only(alarm_days: int | None, rest_days: bool) -> None:
    """--alarm-days and --descansos are options of the calendar only: refused elsewhere."""
    from campana.errors import CampanaError

    if alarm_days is not None:
        raise CampanaError(
            "--alarm-days se aplica al formato ics",
            hint="los demás formatos no llevan avisos: campana export ics --alarm-days 3",
        )
    if rest_days:
        raise CampanaError(
            "--descansos se aplica al formato ics",
            hint="los días de descanso como eventos: campana export ics --descansos",
        )


def _calendar(
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
    alarm_days: int | None,
    rest_days: bool = False,
) -> int:
    """``export ics``: the whole plan (or its campaigns) as an iCalendar file."""
    import datetime as dt

    from campana.cli.common import open_checked, plan_in_use
    from campana.cli.common import today as pinned_today
    from campana.cli.emit import emit, output_format
    from campana.errors import CampanaError
    from campana.ics import FORMATS, build_calendar  # icalendar: only for the calendar

    choice(fmt, "el formato", (*FORMATS, "svg", "html", *OFFICE))
    output_format(output, "ics", ("ics",), plan=plan, named="el formato")
    given = {"--touchpoint": touchpoint, "--from": date_from, "--to": date_to, "--month": month}
    for option, value in given.items():
        if value is not None:  # the calendar holds the whole plan: say so, do not ignore it
            raise CampanaError(
                f"{option} se aplica a los formatos svg y html",
                hint="el calendario lleva el plan entero; filtra por campaña con --campaign",
            )
    scenario = assumption(assume_ine)
    if alarm_days is not None and not 0 <= alarm_days <= 366:
        raise CampanaError(
            f"--alarm-days: {alarm_days} no es un número de días entre 0 y 366",
            hint="por ejemplo «--alarm-days 3»",
        )
    loaded = open_checked(plan_in_use(plan, today))
    if today is None:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    else:  # a pinned day: midnight UTC, so the file is the same on every run
        now = dt.datetime.combine(pinned_today(today, loaded.plan.plan.year), dt.time(0), dt.UTC)
    view = view_filter(loaded.plan, campaign=campaign)
    if scenario is not None:
        from campana.ine import scenario_label

        say(str(scenario_label(scenario)))
    result = build_calendar(
        loaded.plan,
        now=now,
        view=view,
        audience=loaded.audience,
        assume_ine=scenario,
        alarm_days=alarm_days,
        rest_days=rest_days,
    )
    for s in result.skipped:
        say(f"aviso: se omitió «{s.summary}»: {s.reason} (corre «campana validate»)")
    events = "1 evento" if result.events == 1 else f"{result.events} eventos"
    emit(result.data, output, exact=True, what=f"{events} de iCalendar")
    return 0


#: the formats written as whole files for the office programs (their libraries imported only
#: when one is asked for)
OFFICE = ("xlsx", "pptx", "pdf")
UNITS = {"semana": "week", "dia": "day", "día": "day", "week": "week", "day": "day"}
PAPERS = ("carta", "a4")


def _office(
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
    by: str | None,
    paper: str | None,
) -> int:
    """``export xlsx|pptx|pdf``: the whole plan as a file for Excel, PowerPoint or a printer."""
    import sys

    from campana.cli.common import open_checked, plan_in_use
    from campana.cli.common import today as pinned_today
    from campana.cli.emit import emit, output_format, to_file
    from campana.errors import CampanaError

    given = {
        "--campaign": campaign,
        "--touchpoint": touchpoint,
        "--from": date_from,
        "--to": date_to,
        "--month": month,
    }
    for option, value in given.items():
        if value:
            raise CampanaError(
                f"{option} no se aplica a {fmt}: el archivo lleva el plan entero",
                hint="para una parte del plan usa campana export html o svg con esos filtros",
            )
    if by is not None and fmt != "xlsx":
        raise CampanaError("--por se aplica a xlsx", hint="campana export xlsx --por día")
    if paper is not None and fmt != "pdf":
        raise CampanaError("--papel se aplica a pdf", hint="campana export pdf --papel a4")
    unit = "week"
    if by is not None:
        unit = UNITS.get(by.strip().lower(), "")
        if not unit:
            raise CampanaError(
                f"--por: «{by}» no es semana ni día", hint="usa --por semana o --por día"
            )
    sheet = "carta"
    if paper is not None:
        sheet = choice(paper, "el papel", PAPERS)
    scenario = assumption(assume_ine)
    if not to_file(output) and sys.stdout.isatty():
        raise CampanaError(
            f"{fmt} es un archivo binario: no se escribe en la terminal",
            hint=f"indica el archivo: campana export {fmt} -o plan.{fmt}",
        )
    output_format(output, fmt, (fmt,), plan=plan, named="el formato")
    plan_in_use(plan)
    loaded = open_checked(plan, assume_ine=scenario)
    now = pinned_today(today, loaded.plan.plan.year)
    findings = loaded.validation.findings
    what = {"xlsx": "libro de Excel", "pptx": "presentación", "pdf": "informe PDF"}[fmt]
    from campana.document import plan_document

    doc = plan_document(loaded.plan, loaded.audience, now, findings=findings, assume_ine=scenario)
    if fmt == "xlsx":
        from campana.render.xlsx import plan_xlsx

        data = plan_xlsx(doc, unit="day" if unit == "day" else "week")
    elif fmt == "pptx":
        from campana.render.slides import plan_pptx

        data = plan_pptx(doc)
    else:
        from campana.render.pdf import report_pdf

        data = report_pdf(doc, paper="a4" if sheet == "a4" else "carta")
    emit(data, output, exact=True, what=what)
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
                "(también list, show y audience); export escribe ics, svg, html, xlsx, pptx o pdf"
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
    from campana.cli.common import (
        assumption,
        month_number,
        open_checked,
        plan_in_use,
        view_filter,
        window,
    )
    from campana.cli.common import today as pinned_today
    from campana.cli.emit import emit, output_format

    number = month_number(month, date_from=date_from, date_to=date_to)
    scenario = assumption(assume_ine)
    output_format(output, fmt, ("svg", "html"), plan=plan, named="el formato")
    # the report lists the findings: under a scenario, the scenario's (as show does)
    loaded = open_checked(plan_in_use(plan, today), assume_ine=scenario if fmt == "html" else None)
    year = loaded.plan.plan.year
    now = pinned_today(today, year)
    dates = window(year, now, month=number, date_from=date_from, date_to=date_to)
    view = view_filter(loaded.plan, campaign=campaign, touchpoint=touchpoint, window=dates)
    if fmt == "svg":
        from campana.gantt import gantt_data
        from campana.render.gantt import svg_from_data

        text = svg_from_data(gantt_data(loaded.plan, now, assume_ine=scenario, view=view))
    else:
        from campana.render.report import report_html
        from campana.report import build_report

        text = report_html(
            build_report(
                loaded.plan,
                loaded.audience,
                now,
                findings=loaded.validation.findings,
                assume_ine=scenario,
                view=view,
            )
        )
    emit(text, output, exact=True)
    return 0
