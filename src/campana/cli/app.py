"""Runs the CLI: registers every command, and is the one place that turns errors into Spanish
messages and exit codes."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
import typer.core
from typer import _click as click

# Commands register themselves on import (help lists them in base.HELP_ORDER); each keeps its
# heavy imports inside the function.
from campana.cli import (  # noqa: F401
    agenda_cmd,
    diff_cmd,
    edit_cmd,
    export_cmd,
    i18n,
    import_cmd,
    nextyear_cmd,
    query_cmd,
    validate_cmd,
)
from campana.cli.base import (  # noqa: F401  (re-exported: the app and its decorator)
    app,
    as_typed,
    canonical,
    command,
)
from campana.errors import EXIT_USAGE, CampanaError, InternalError

EXIT_INTERNAL = 70

#: The one place errors become exit codes: the core raises the classes of campana.errors, and
#: the nearest class in an error's MRO decides (UsageError, RefusedOutput, InvalidInput,
#: UnreadableInput and yamlsrc.UnreadableFile are all CampanaError: exit 2).
EXIT_CODES: dict[type[CampanaError], int] = {
    InternalError: EXIT_INTERNAL,
    CampanaError: EXIT_USAGE,
}


def exit_code_of(exc: CampanaError) -> int:
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_USAGE


def format_error(exc: CampanaError) -> str:
    where = ""
    if exc.file:
        where = f"{exc.file}:{exc.line or 1}:{exc.column or 1}: "
    label = "error interno de campana" if isinstance(exc, InternalError) else "error"
    text = f"{where}{label}: {exc.message}\n"
    if exc.hint:
        text += f"  sugerencia: {exc.hint}\n"
    return text


#: a name listed in a hint («puntos de contacto: Medios masivos, Comunicación Social; …»):
#: kept on one line when folded (names start with a capital; prose between commas does not)
_LIST_ITEM = re.compile(r"(?<=: |, )[A-ZÁÉÍÓÚÑ][^,:;«»\n]{0,39}?(?=, |; |\.?$)")


def fit_hints(text: str) -> str:
    """The «  sugerencia: …» lines folded to the terminal's width, as the rest of the output
    is (a hint can list many names): the next lines under the hint's first word, a «name» and
    an item of a list never broken."""
    from campana.cli.common import wrapped

    lead = "  sugerencia: "
    out = []
    for line in text.split("\n"):
        if line.startswith(lead):
            held = _LIST_ITEM.sub(lambda m: m.group().replace(" ", "\u00a0"), line[len(lead) :])
            out.append(wrapped(held, first=lead, indent=" " * len(lead)))
        else:
            out.append(line)
    return "\n".join(out)


def _err(text: str) -> None:
    """A message to stderr, made safe for the terminal (a plan's names can reach it)."""
    from campana.render.term import safe

    sys.stderr.write(safe(text))


# --- shell completion: typer's options and protocol, in Spanish ----------------------------


def _completion_shell(value: Any) -> str:
    """The shell to complete for: named, detected from the process tree (as typer does), or
    $SHELL; a Spanish error when none is one typer completes."""
    from pathlib import Path

    from typer._completion_shared import Shells, _get_shell_name

    supported = [s.value for s in Shells]
    if isinstance(value, str) and value in supported:
        return value
    try:
        name = _get_shell_name()
    except Exception:  # detection is best effort
        name = None
    if name not in supported:
        name = Path(os.environ.get("SHELL", "")).name
    if name not in supported:
        raise CampanaError(
            "no se reconoce el shell para el autocompletado",
            hint=f"shells admitidos: {', '.join(supported)}; indícalo con SHELL=/bin/bash",
        )
    return str(name)


def _install_completion(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=_completion_shell(value))
    sys.stdout.write(
        f"Autocompletado de {shell} instalado en {path}.\nFunciona al abrir una terminal nueva.\n"
    )
    raise typer.Exit(0)


def _show_completion(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import get_completion_script

    sys.stdout.write(
        get_completion_script(
            prog_name="campana", complete_var="_CAMPANA_COMPLETE", shell=_completion_shell(value)
        ).rstrip("\n")
        + "\n"
    )
    raise typer.Exit(0)


def _spanish_completion(command_obj: click.Command) -> click.Command:
    """typer's --install-completion/--show-completion with Spanish help and messages."""
    for param in command_obj.params:
        if not isinstance(param, typer.core.TyperOption):
            continue
        if param.name == "install_completion":
            param.help = "Instala el autocompletado para el shell actual (bash, zsh, fish...)."
            param.callback = _install_completion
        elif param.name == "show_completion":
            param.help = "Muestra el script de autocompletado, para copiarlo o adaptarlo."
            param.callback = _show_completion
    return command_obj


def _completion_env(environ: Any = os.environ) -> None:
    """Accept click's spelling of the completion protocol (``_CAMPANA_COMPLETE=bash_source``,
    ``zsh_complete``...) as well as typer's (``source_bash``, ``complete_zsh``)."""
    value = environ.get("_CAMPANA_COMPLETE")
    if not value:
        return
    first, _, second = value.partition("_")
    if first not in ("source", "complete") and second in ("source", "complete"):
        environ["_CAMPANA_COMPLETE"] = f"{second}_{first}"


def cli(argv: Sequence[str] = ()) -> click.Command:
    """The click command behind the typer app, as ``run`` uses it.

    typer converts every command's parameters when it builds the group; when ``argv`` starts
    with a command's name (English or Spanish), only that command is built (start-up time:
    the others cannot run). Anything else (no command, a misspelt one, completion) gets the
    whole group."""
    first = canonical(argv[0]) if argv else None
    chosen = [info for info in app.registered_commands if info.name == first]
    if not chosen or os.environ.get("_CAMPANA_COMPLETE"):
        return _spanish_completion(typer.main.get_command(app))
    every = app.registered_commands
    app.registered_commands = chosen
    try:
        return _spanish_completion(typer.main.get_command(app))
    finally:
        app.registered_commands = every


def run(argv: Sequence[str]) -> int:
    """Run the CLI; return the exit code. Every error a user can cause ends here, in Spanish."""
    argv = list(argv)
    _completion_env()
    command_obj = cli(argv)
    try:
        result = command_obj.main(args=argv, prog_name="campana", standalone_mode=False)
    except CampanaError as exc:
        _err(fit_hints(as_typed(format_error(exc), argv)))
        return exit_code_of(exc)
    except click.exceptions.NoArgsIsHelpError as exc:  # bare «campana»: the help, once
        sys.stdout.write(exc.format_message().rstrip("\n") + "\n")
        return 0
    except click.exceptions.UsageError as exc:
        ctx = exc.ctx
        commands = list(getattr(command_obj, "commands", {}) or {})
        path = i18n.command_path(ctx, argv, commands)
        if ctx is not None:
            _err(ctx.get_usage() + "\n")
        message, hint = i18n.message(exc)
        _err(f"error: {message}\n")
        if hint:
            _err(fit_hints(f"  sugerencia: {hint}\n"))
        _err(f"  sugerencia: prueba «{path} --help» para ver la ayuda\n")
        return EXIT_USAGE
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        _err("Cancelado.\n")
        return 130
    except KeyboardInterrupt:
        _err("Cancelado.\n")
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except click.exceptions.ClickException as exc:
        _err(f"error: {i18n.usage_error(exc.format_message())}\n")
        return EXIT_USAGE
    except OSError as exc:  # a file the command could not write or read, named
        name = f"«{exc.filename}»: " if exc.filename else ""
        _err(f"error: {name}{i18n.strerror(exc)}\n")
        return EXIT_USAGE
    except Exception as exc:  # a bug: say so plainly, keep the traceback behind a variable
        if os.environ.get("CAMPANA_DEBUG"):
            raise
        _err(
            f"error interno de campana: {type(exc).__name__}: {exc}\n"
            "  sugerencia: vuelve a correrlo con CAMPANA_DEBUG=1 y reporta el resultado\n"
        )
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0
