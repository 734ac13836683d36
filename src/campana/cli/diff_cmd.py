"""``campana diff``: what changed between two versions of the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.base import command
from campana.cli.common import (
    PlanOpt,
    format_option,
    output_option,
    plan_in_use,
    say,
    shipped_fallback,
)


@command(
    "diff",
    "Compara dos versiones del plan y dice qué cambió, por campaña y punto de contacto.\n\n"
    "VIEJO y NUEVO son archivos del plan o revisiones de git (HEAD~1, main, un commit; "
    "REV:ruta si el plan estaba en otro lugar). Sin argumentos compara el plan en el disco "
    "(ver --plan) con el de HEAD; con uno, esa revisión con el plan en el disco. Una "
    "revisión se lee del repositorio donde está el plan, con su audience.yaml.\n\n"
    "Informa campañas, puntos de contacto y componentes agregados o quitados, fechas movidas "
    "(con los días de cada extremo), tácticos, objetivos, líneas creativas, excepciones del "
    "INE, cifras de audiencia y vedas; y qué hallazgos de la validación aparecen o se resuelven y "
    "qué cruces con la veda electoral son nuevos. Reordenar el YAML o cambiar comentarios no "
    "es un cambio.\n\n"
    "Salida: 0 sin diferencias; 1 con diferencias; 2 si una versión no se puede leer.",
)
def diff(
    old: Annotated[
        str | None,
        typer.Argument(
            metavar="VIEJO",
            help="Archivo o revisión de git de la versión anterior (por omisión, HEAD).",
            show_default=False,
        ),
    ] = None,
    new: Annotated[
        str | None,
        typer.Argument(
            metavar="NUEVO",
            help="Archivo o revisión de la versión nueva (por omisión, el plan en el disco).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        format_option(
            "text (por omisión; también table), json o markdown (listo para pegar como "
            "comentario de revisión). Con -o, lo dice la extensión del archivo.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option(
            "Escribe la comparación en ARCHIVO en lugar de la pantalla; el formato sale de la "
            "extensión: .txt, .json, .md."
        ),
    ] = None,
    plan: PlanOpt = None,
) -> int:
    from campana.cli.emit import emit, output_format, to_file
    from campana.diff import compare, read_side
    from campana.errors import EXIT_FINDINGS, EXIT_OK, CampanaError
    from campana.paths import find_plan
    from campana.render import diff as render
    from campana.render.term import color_enabled, width

    kind = output_format(output, fmt, ("text", "json", "markdown"), plan=plan)
    revisions = [s for s in (old or "HEAD", new) if s is not None and not Path(s).exists()]
    if revisions and shipped_fallback(plan):
        raise CampanaError(
            f"«{revisions[0]}» no es un archivo, y aquí no hay revisiones de git: no hay un "
            "plan de proyecto en un repositorio, y el plan de ejemplo de campana no tiene "
            "historial",
            hint="corre el comando en la carpeta del proyecto (la que tiene data/campaigns.yaml) "
            "o indica el plan con --plan; para comparar dos archivos: campana diff VIEJO NUEVO",
        )
    # the plan in use matters only where a side is read from it (no file given) or from its
    # repository (a revision): two files compare without it, and without the note about it
    files = old is not None and new is not None and not revisions
    working = find_plan(plan) if files else plan_in_use(plan)
    before = read_side(old if old is not None else "HEAD", working)
    after = read_side(new, working)
    result = compare(before, after)
    if kind == "json":
        text = render.as_json(result)
    elif kind == "markdown":
        text = render.markdown(result)
    else:
        color = not to_file(output) and color_enabled()
        text = render.text(result, color=color, width=width())
    emit(text, output, exact=kind == "json")
    if result.no_audience is not None:
        say(
            f"aviso: «{result.no_audience}» no tiene audience.yaml a su lado: la audiencia no "
            "se comparó (copia el audience.yaml que le corresponde junto al plan para compararla)",
            wrap=True,
        )
    return EXIT_FINDINGS if result.changed else EXIT_OK
