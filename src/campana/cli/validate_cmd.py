"""``campana validate`` and ``campana schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from campana.cli.base import command
from campana.cli.common import (
    AssumeIneOpt,
    PlanOpt,
    assumption,
    choice,
    format_option,
    output_option,
    plan_in_use,
    say,
)


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
    fmt: Annotated[
        str | None,
        format_option(
            "text (por omisión; también table), json o github (anotaciones de Actions). Con "
            "-o, lo dice la extensión del archivo (.txt: text o github).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option(
            "Escribe el reporte en ARCHIVO en lugar de la pantalla (nunca sobre un archivo "
            "que valida); el formato sale de la extensión: .txt, .json."
        ),
    ] = None,
    plan: PlanOpt = None,
    assume_ine: AssumeIneOpt = None,
) -> int:
    import itertools
    from collections.abc import Iterator

    from campana.cli.emit import emit, output_format, to_file
    from campana.errors import EXIT_USAGE, exit_code_for
    from campana.loading import validate_files
    from campana.render import findings as render
    from campana.render.term import color_enabled

    kind = output_format(output, fmt, ("text", "json", "github"), plan=plan)
    scenario = assumption(assume_ine)
    paths = list(files) if files else [plan_in_use(plan)]
    if output is not None and to_file(output):  # never over one of the files it checks
        from campana.files import refuse_inputs

        refuse_inputs(output, paths)
    result = validate_files(paths, assume_ine=scenario)
    label = ""
    if scenario is not None:
        from campana.ine import scenario_label

        label = str(scenario_label(scenario))
    findings = result.all_findings
    text: str | Iterator[str]
    if kind == "json":
        text = render.as_json(findings)
    elif kind == "github":
        text = render.github(findings)
    else:
        color = not to_file(output) and color_enabled()
        # a finding at a time: thousands of findings never sit in memory as one text
        text = render.text_chunks(findings, result.files, result.line_text, color=color)
        if label:  # a scenario says so on the first line of the report
            text = itertools.chain([f"{label}\n\n"], text)
    if label and kind != "text":
        say(label)  # JSON and annotations stay data
    emit(text, output, exact=kind == "json")
    if kind == "github":
        say(render.summary(findings, result.files))
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
        str,
        typer.Argument(
            metavar="plan|audience", help="De qué archivo: plan o audience (o audiencia)."
        ),
    ] = "plan",
    output: Annotated[
        Path | None,
        output_option("Escribe el esquema en ARCHIVO (.json) en lugar de la pantalla."),
    ] = None,
) -> int:
    from campana.cli.emit import emit, output_format
    from campana.schema import schema_json

    which = "audience" if which.strip().lower() == "audiencia" else which
    what = choice(which, "el argumento", ("plan", "audience"))
    output_format(output, None, ("json",), plan=None, default="json")
    emit(schema_json(what), output, exact=True)  # type: ignore[arg-type]
    return 0
