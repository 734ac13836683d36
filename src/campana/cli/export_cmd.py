"""``campana export``: the plan in other tools' formats (iCalendar for now)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.app import command
from campana.cli.common import (
    PlanOpt,
    TodayOpt,
    campaign_option,
    campaigns,
    choice,
    output_option,
    say,
)


@command(
    "export",
    "Exporta el plan a otro formato: ics (iCalendar, para Google Calendar, Outlook...).\n\n"
    "Un evento de día completo por campaña, por punto de contacto de cada campaña, por "
    "componente de la programación y por veda, con los tácticos y objetivos en la descripción "
    "y categorías por punto de contacto. Los UID salen de los ids: al importar un archivo más "
    "nuevo, el calendario actualiza los eventos en lugar de duplicarlos.\n\n"
    "Sin -o escribe en la salida estándar.",
)
def export(
    fmt: Annotated[
        str,
        typer.Argument(metavar="FORMATO", help="Formato de salida: ics.", show_default=False),
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
    today: TodayOpt = None,
    plan: PlanOpt = None,
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

    choice(fmt, "el formato", FORMATS)
    if today is None:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    else:  # a pinned day: midnight UTC, so the file is the same on every run
        now = dt.datetime.combine(pinned_today(today), dt.time(0), dt.UTC)
    if output is not None and str(output) != "-" and os.path.isdir(output):
        raise CampanaError(
            f"-o: «{output}» es una carpeta", hint="indica un archivo, por ejemplo campanas.ics"
        )
    if output is not None and str(output) != "-":
        source = find_plan(plan)
        refuse_inputs(output, (source, audience_beside(source)))
    loaded = open_plan(plan)
    ids = [c.id for c in campaigns(loaded.plan, campaign)]
    result = build_calendar(loaded.plan, now=now, campaigns=ids, audience=loaded.audience)
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
