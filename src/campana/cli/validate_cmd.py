"""``campana validate`` and ``campana schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.app import command
from campana.cli.common import AssumeIneOpt, PlanOpt, assumption, choice, format_option, out, say


@command(
    "validate",
    "Valida el plan y su audiencia; reporta cada hallazgo con archivo:línea:columna.\n\n"
    "Sin archivos, valida el plan que encuentra (ver --plan) y el audience.yaml a su lado.\n"
    "Salida: 0 sin errores (los avisos no fallan salvo con --strict); 1 con errores; "
    "2 si un archivo no se puede leer.",
)
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="ARCHIVO", help="Archivos YAML a validar.", show_default=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Los avisos también hacen fallar (salida 1).")
    ] = False,
    fmt: Annotated[str, format_option("text, json o github (anotaciones de Actions).")] = "text",
    plan: PlanOpt = None,
    assume_ine: AssumeIneOpt = None,
) -> int:
    from campana.errors import EXIT_USAGE, exit_code_for
    from campana.loading import find_plan, validate_files
    from campana.render import findings as render
    from campana.render.term import color_enabled

    kind = choice(fmt, "--format", ("text", "json", "github"))
    scenario = assumption(assume_ine)
    paths = list(files) if files else [find_plan(plan)]
    result = validate_files(paths, assume_ine=scenario)
    if scenario is not None:
        from campana.ine import scenario_label

        label = f"{scenario_label(scenario)}\n"
        if kind == "text":
            out(label)
        else:
            say(label)
    findings = result.all_findings
    if kind == "json":
        out(render.as_json(findings))
    elif kind == "github":
        out(render.github(findings))
        say(render.summary(findings, result.files))
    else:
        out(render.text(findings, result.files, result.line_text, color=color_enabled()))
    if result.unreadable:
        return EXIT_USAGE
    return exit_code_for(findings, strict=strict)


@command(
    "schema",
    "Imprime el JSON Schema del plan (o de la audiencia), generado de los modelos.\n\n"
    "Sirve a los editores (yaml-language-server) y a check-jsonschema; los archivos en "
    "schema/ son su salida.",
)
def schema(
    which: Annotated[
        str, typer.Argument(metavar="[plan|audience]", help="De qué archivo: plan o audience.")
    ] = "plan",
) -> int:
    from campana.schema import schema_json

    out(schema_json(choice(which, "el argumento", ("plan", "audience"))))  # type: ignore[arg-type]
    return 0
