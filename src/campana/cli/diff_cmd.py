"""``campana diff``: what changed between two versions of the plan."""

from __future__ import annotations

from typing import Annotated

import typer

from campana.cli.app import command
from campana.cli.common import PlanOpt, choice, format_option, out


@command(
    "diff",
    "Compara dos versiones del plan y dice qué cambió, por campaña y punto de contacto.\n\n"
    "VIEJO y NUEVO son archivos del plan o revisiones de git (HEAD~1, main, un commit; "
    "REV:ruta si el plan estaba en otro lugar). Sin argumentos compara el plan de trabajo "
    "(ver --plan) con HEAD; con uno, esa revisión con el plan de trabajo. Una revisión se lee "
    "del repositorio donde está el plan, con su audience.yaml.\n\n"
    "Informa campañas, puntos de contacto y componentes agregados o quitados, fechas movidas "
    "(con los días de cada extremo), tácticos, objetivos, líneas creativas, excepciones del "
    "INE, cifras de audiencia y vedas; y qué hallazgos de validate aparecen o se resuelven y "
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
            help="Archivo o revisión de la versión nueva (por omisión, el plan de trabajo).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str, format_option("text, json o markdown (listo para pegar como comentario de revisión).")
    ] = "text",
    plan: PlanOpt = None,
) -> int:
    from campana.diff import compare, read_side
    from campana.errors import EXIT_FINDINGS, EXIT_OK
    from campana.loading import find_plan
    from campana.render import diff as render
    from campana.render.term import color_enabled, width

    kind = choice(fmt, "--format", ("text", "json", "markdown"))
    working = find_plan(plan)
    before = read_side(old if old is not None else "HEAD", working)
    after = read_side(new, working)
    result = compare(before, after)
    if kind == "json":
        out(render.as_json(result))
    elif kind == "markdown":
        out(render.markdown(result))
    else:
        out(render.text(result, color=color_enabled(), width=width()))
    return EXIT_FINDINGS if result.changed else EXIT_OK
