"""``campana roll-forward`` (next year's plan from this one) and ``campana init`` (a blank
starting plan)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from campana.cli.base import command
from campana.cli.common import PlanOpt, TodayOpt, plan_in_use, say
from campana.cli.edit_cmd import _SHARED, DryRunOpt, FormatOpt, YesOpt, run_edit

if TYPE_CHECKING:
    from campana.edit import EditSession
    from campana.edit.ops import Applied

YearOpt = Annotated[
    int,
    typer.Option(
        "--year",
        metavar="AAAA",
        help="Año del plan nuevo: 2027.",
        show_default=False,
    ),
]


ShiftOpt = Annotated[
    str,
    typer.Option(
        "--shift",
        metavar="REGLA",
        help=(
            "Cómo se mueven las fechas: dia-semana (el mismo día de la semana, el más cercano: "
            "viernes 1 mar 2024 → viernes 28 feb 2025), fecha (mismo día y mes; el 29 de "
            "febrero pasa al 28) o semana-iso (misma semana ISO y día)."
        ),
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
    shift: ShiftOpt = "dia-semana",
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
        typer.Option("--dry-run", help="Solo imprime lo que hay que revisar; no escribe nada."),
    ] = False,
    plan: PlanOpt = None,
    today_text: TodayOpt = None,
) -> int:
    from campana.cli.common import today
    from campana.errors import CampanaError, RefusedOutput
    from campana.files import refuse_inputs, write_atomic
    from campana.paths import audience_beside, display_name, layout_plan
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
    text, audience_text = _read_plan(source)
    now = today(today_text)
    result = roll(
        text,
        year,
        policy=policy,
        issued=f"{now.year:04d}-{now.month:02d}",
        audience_text=audience_text,
        path=source,
        name=display_name(source),
        target=target,
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
    from campana.cli.emit import emit
    from campana.render.nextyear import roll_forward_text
    from campana.render.term import width

    emit(
        roll_forward_text(
            result,
            display_name(target),
            display_name(target_audience) if result.audience_text is not None else None,
            width=min(width(), 100),
            written=not dry_run,
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
            "--owner",
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
        from campana.cli.emit import emit

        emit(plan_text)
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


def _listed(values: list[str] | None) -> list[str]:
    """A repeatable option whose values may also be comma-separated."""
    return [part.strip() for v in values or () for part in v.split(",") if part.strip()]


@command(
    "add-blackout",
    "Declara una veda en el plan: nombre, fechas, jornada electoral, jurisdicción (federal o "
    "una lista de estados) y los puntos de contacto que restringe.\n\n"
    "Las vedas son fechas legales: escribe las oficiales (INE o instituto local); campana no "
    "las calcula. Una veda estatal alcanza a las campañas sin lista de estados (nacionales) y "
    "a las que declaran uno de sus estados.\n\n"
    "Ejemplo (fechas de ejemplo, no oficiales):\n\n"
    "\b\n"
    '  campana agrega-veda --nombre "Veda local (ejemplo)" --inicio 2027-04-03 \\\n'
    "    --fin 2027-06-06 --jornada 2027-06-06 --jurisdicción Coahuila \\\n"
    "    --restringe medios-masivos" + _SHARED,
)
def add_blackout(
    name: Annotated[
        str,
        typer.Option("--name", metavar="TEXTO", help="Nombre de la veda."),
    ],
    start_text: Annotated[
        str, typer.Option("--start", metavar="FECHA", help="Primer día de la veda.")
    ],
    end_text: Annotated[str, typer.Option("--end", metavar="FECHA", help="Último día de la veda.")],
    restricts: Annotated[
        list[str],
        typer.Option(
            "--restricts",
            metavar="PUNTO",
            help="Punto de contacto que restringe (id o nombre); repítela o sepáralos con comas.",
        ),
    ],
    jurisdiction: Annotated[
        list[str] | None,
        typer.Option(
            "--jurisdiction",
            metavar="ÁMBITO",
            help="federal (por omisión) o un estado; repítela o sepáralos con comas.",
            show_default=False,
        ),
    ] = None,
    election_text: Annotated[
        str | None,
        typer.Option(
            "--election-day",
            metavar="FECHA",
            help="Día de la jornada electoral (si la veda es federal, es día de descanso).",
            show_default=False,
        ),
    ] = None,
    blackout_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="Id de la veda (por omisión, del nombre).",
            show_default=False,
        ),
    ] = None,
    description: Annotated[
        str | None,
        typer.Option(
            "--description",
            metavar="TEXTO",
            help="Descripción de la veda.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = "text",
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    plan: PlanOpt = None,
) -> int:
    from campana.edit import ops

    def edit(session: EditSession) -> Applied:
        from campana.cli.common import parse_date_option
        from campana.declare import NewBlackout, slug

        year = session.plan.plan.year
        scopes = _listed(jurisdiction)
        new = NewBlackout(
            id=blackout_id or slug(name),
            name=name,
            start=parse_date_option(start_text, "--start", year),
            end=parse_date_option(end_text, "--end", year),
            restricts=tuple(_listed(restricts)),
            states=ops.jurisdiction(scopes),
            election_day=(
                parse_date_option(election_text, "--election-day", year) if election_text else None
            ),
            description=description,
        )
        return ops.add_blackout(session, new)

    return run_edit(plan, fmt, dry_run, yes, edit)


def _read_plan(source: Path) -> tuple[str, str | None]:
    """The plan's text and its audience's (None without one; an unreadable one is an
    error)."""
    from campana.paths import audience_beside, display_name
    from campana.reading import read_once

    read = read_once(source, display_name(source))
    if read.error is not None:
        raise read.error
    beside = audience_beside(source)
    audience: str | None = None
    if beside.is_file():
        audience_read = read_once(beside, display_name(beside))
        if audience_read.error is not None:
            raise audience_read.error
        audience = audience_read.text
    return read.text or "", audience
