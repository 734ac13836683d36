"""``campana roll-forward`` (next year's plan from this one) and ``campana init`` (a blank
starting plan)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.base import command
from campana.cli.common import PlanOpt, TodayOpt, out, plan_in_use, say

YearOpt = Annotated[
    int,
    typer.Option(
        "--año",
        "--year",
        metavar="AAAA",
        help="Año del plan nuevo: 2027.",
        show_default=False,
    ),
]


@command(
    "roll-forward",
    "Escribe el plan del año siguiente a partir de este, sin tocar el plan de origen.\n\n"
    "Mueve cada fecha (campañas, objetivos, componentes, filas de ejecución, hitos) al año "
    "indicado según --desplazar; actualiza year, el título y issued (el mes de --today); quita "
    "los period_text (son el texto del documento anterior); reinicia las excepciones del INE a "
    "pendiente. Las vedas son fechas legales y no se mueven: las del año anterior se quitan "
    "y las del año nuevo las declaras tú con sus fechas oficiales. Copia audience.yaml tal "
    "cual. El texto del plan se edita en su lugar: los comentarios y el formato se conservan.\n\n"
    "Por omisión escribe planes/AAAA/campaigns.yaml (y audience.yaml) junto a la carpeta del "
    "plan; nunca sobre un archivo que ya existe. Imprime lo que hay que revisar.\n\n"
    "Salida: 0 escrito; 2 si el plan de origen tiene errores o la salida ya existe.",
)
def roll_forward(
    year: YearOpt,
    shift: Annotated[
        str,
        typer.Option(
            "--desplazar",
            metavar="REGLA",
            help=(
                "Cómo se mueven las fechas: dia-semana (el mismo día de la semana, el más "
                "cercano: viernes 1 mar 2024 → viernes 28 feb 2025), fecha (mismo día y mes; "
                "el 29 de febrero pasa al 28) o semana-iso (misma semana ISO y día)."
            ),
        ),
    ] = "dia-semana",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="ARCHIVO",
            help=(
                "Dónde escribir el plan nuevo (audience.yaml va a su lado). Por omisión, "
                "planes/AAAA/campaigns.yaml."
            ),
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--simular",
            "--dry-run",
            help="Solo imprime lo que hay que revisar; no escribe nada.",
        ),
    ] = False,
    plan: PlanOpt = None,
    today_text: TodayOpt = None,
) -> int:
    from campana.cli.common import today
    from campana.errors import CampanaError, RefusedOutput
    from campana.files import refuse_inputs, write_atomic
    from campana.paths import audience_beside, display_name, layout_plan
    from campana.reading import read_once
    from campana.rollforward import has_errors, parse_policy
    from campana.rollforward import roll_forward as roll

    policy = parse_policy(shift)
    if not 1900 <= year <= 2200:
        raise CampanaError(f"--año: {year} no es un año válido", hint="por ejemplo --año 2027")
    source = plan_in_use(plan)
    target = output if output is not None else layout_plan(source, year)
    target_audience = audience_beside(target)
    try:
        refuse_inputs(target, (source, audience_beside(source)))
        refuse_inputs(target_audience, (source, audience_beside(source)))
    except RefusedOutput as exc:
        raise RefusedOutput(
            exc.message, hint=f"elige otra ruta con -o, por ejemplo planes/{year}/campaigns.yaml"
        ) from None
    for path in (target, target_audience):
        if path.exists() and not dry_run:
            raise CampanaError(
                f"«{display_name(path)}» ya existe: campana no escribe sobre un plan",
                hint="elige otro archivo con -o, o mueve el que existe",
            )
    read = read_once(source, display_name(source))
    if read.error is not None:
        raise read.error
    beside = audience_beside(source)
    audience_text: str | None = None
    if beside.is_file():
        audience_read = read_once(beside, display_name(beside))
        if audience_read.error is not None:
            raise audience_read.error
        audience_text = audience_read.text
    now = today(today_text)
    result = roll(
        read.text or "",
        year,
        policy=policy,
        issued=f"{now.year:04d}-{now.month:02d}",
        audience_text=audience_text,
        path=source,
        name=display_name(source),
    )
    errors = has_errors(result)
    if errors:
        first = errors[0]
        raise CampanaError(
            f"el plan de {year} no validaría: {first.message}",
            hint="es un defecto de campana o un caso que no sabe mover; no se escribió nada",
        )
    from campana.cli.i18n import strerror

    try:
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, result.text)
        if result.audience_text is not None and not dry_run:
            write_atomic(target_audience, result.audience_text)
    except OSError as exc:
        raise CampanaError(
            f"no se pudo escribir «{display_name(target)}»: {strerror(exc)}",
            hint="revisa que puedas escribir en esa carpeta",
        ) from None
    from campana.render.nextyear import roll_forward_text
    from campana.render.term import width

    out(
        roll_forward_text(
            result,
            display_name(target),
            display_name(target_audience) if result.audience_text is not None else None,
            width=min(width(), 100),
        )
    )
    if dry_run:
        say("simulación: no se escribió nada")
    else:
        say(f"Guardado en {display_name(target)}")
    return 0


@command(
    "init",
    "Escribe un plan en blanco, comentado, para empezar (campaigns.yaml y audience.yaml).\n\n"
    "Por omisión en data/ de esta carpeta; valida sin errores. Nunca escribe sobre un archivo "
    "que ya existe.",
)
def init(
    year: Annotated[
        int | None,
        typer.Option(
            "--año",
            "--year",
            metavar="AAAA",
            help="Año del plan. Por omisión, el de --today.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="ARCHIVO",
            help="Dónde escribir el plan (audience.yaml va a su lado; «-»: el plan a la "
            "pantalla). Por omisión, data/campaigns.yaml.",
            show_default=False,
        ),
    ] = None,
    team: Annotated[
        str,
        typer.Option(
            "--area",
            metavar="TEXTO",
            help="Área responsable del plan. Por omisión, «Coordinación de Comunicación».",
            show_default=False,
        ),
    ] = "Coordinación de Comunicación",
    today_text: TodayOpt = None,
) -> int:
    from campana.cli.common import today
    from campana.cli.i18n import strerror
    from campana.errors import CampanaError
    from campana.files import write_atomic
    from campana.paths import AUDIENCE_FILE, PLAN_FILE, audience_beside, display_name
    from campana.starter import starter_texts

    now = today(today_text)
    chosen = year if year is not None else now.year
    if not 1900 <= chosen <= 2200:
        raise CampanaError(f"--año: {chosen} no es un año válido", hint="por ejemplo --año 2027")
    plan_text, audience_text = starter_texts(chosen, team, f"{now.year:04d}-{now.month:02d}")
    if output is not None and str(output) == "-":
        out(plan_text)
        return 0
    target = output if output is not None else Path("data") / PLAN_FILE
    audience = audience_beside(target) if output is not None else Path("data") / AUDIENCE_FILE
    for path in (target, audience):
        if path.exists():
            raise CampanaError(
                f"«{display_name(path)}» ya existe: campana no escribe sobre un plan",
                hint="elige otro archivo con -o, o empieza en otra carpeta",
            )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, plan_text)
        write_atomic(audience, audience_text)
    except OSError as exc:
        raise CampanaError(
            f"no se pudo escribir «{display_name(target)}»: {strerror(exc)}",
            hint="revisa que puedas escribir en esa carpeta",
        ) from None
    say(f"Guardado en {display_name(target)} y {display_name(audience)}")
    say(f"siguiente paso: edita el plan y revisa con «campana validate --plan {target}»")
    return 0
