"""``campana import``: dates, INE exceptions and owners changed in a spreadsheet, back into the
plan through the edit engine (the reading in ``campana.importing``, imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.base import command
from campana.cli.common import PlanOpt, say


@command(
    "import",
    "Trae al plan los cambios de una hoja de cálculo (xlsx, ods o csv).\n\n"
    "Lee el libro que escribe «campana export xlsx» (la hoja Programación y la tabla de "
    "ejecución de cada campaña) o una tabla con columnas con nombre: Campaña, Punto de "
    "contacto o Componente, Inicio, Fin, Excepción INE, Responsable. Lo que difiere del plan "
    "se muestra y se escribe en el YAML con cambios mínimos (comentarios y formato intactos), "
    "después de validarlo; si agregaría errores, no se escribe nada.\n\n"
    "Las hojas Audiencia, Veda y Hallazgos son informes: no se leen. Agregar o quitar filas se "
    "hace en el YAML.",
)
def import_(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="ARCHIVO", help="Hoja de cálculo: .xlsx, .ods o .csv.", show_default=False
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Muestra los cambios sin escribir el plan."),
    ] = False,
    plan: PlanOpt = None,
) -> int:
    import sys

    from campana.cli.common import plan_in_use, shipped_fallback
    from campana.errors import CampanaError
    from campana.importing import apply_changes, changes_from

    path = plan_in_use(plan)
    if shipped_fallback(plan) and not dry_run:
        raise CampanaError(
            "no hay un plan tuyo que cambiar: se usa el plan de ejemplo incluido con campana",
            hint="indica tu plan con --plan data/campaigns.yaml, o usa --dry-run para ver los "
            "cambios",
        )
    from campana.edit import EditSession

    session = EditSession(path)
    changes = changes_from(source, session.plan)
    if not changes:
        say(f"«{source.name}» no cambia nada del plan.")
        return 0
    lines = apply_changes(session, changes)
    outcome = session.outcome()
    from campana.render.edit import change_lines
    from campana.render.term import safe, width

    out = sys.stdout
    shown = [f"Cambios de «{source.name}» ({len(lines)}):", *change_lines(lines, width())]
    out.write(safe("\n".join(shown) + "\n"))
    out.flush()
    for f in outcome.new_warnings:
        say(f"aviso nuevo: {f.message} ({f.file}, línea {f.line})", wrap=True)
    if dry_run:
        say("simulación: no se escribió nada.")
        return 0
    session.write(outcome)
    say(f"Guardado en {path}")
    return 0
