"""The typer application: Spanish help, one place that turns errors into messages and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

os.environ.setdefault("TYPER_USE_RICH", "0")  # plain, Spanish help; rich is for our own views

import typer
import typer.core
from typer import _click as click

from campana import __version__
from campana.cli import fastparams, i18n
from campana.errors import EXIT_USAGE, CampanaError, InternalError

i18n.install(typer.core)
fastparams.install(typer.core)  # plain options without pydantic: start-up time


def _unbreakable(text: str) -> str:
    """Spaces inside «…» and […] made no-break: the help wrapper never splits a quoted value
    or a bracket («15 de marzo de 2024», [por omisión: text]) over two lines."""
    import re

    return re.sub(
        r"«[^»\n]{1,40}»|\[[^\]\n]{1,40}\]", lambda m: m.group().replace(" ", i18n.NBSP), text
    )


class SpanishFormatter(click.formatting.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Uso: " if prefix is None else prefix)

    def write_text(self, text: str) -> None:
        super().write_text(_unbreakable(text))

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().write_dl([(a, _unbreakable(b)) for a, b in rows], *args, **kwargs)


class SpanishContext(click.Context):
    formatter_class = SpanishFormatter


def _spanish_help(option: Any) -> Any:
    if option is not None:
        option.help = "Muestra esta ayuda y sale."
    return option


def _usage_name(param: Any) -> Callable[[], str]:
    def name() -> str:
        text = str(param.display_name_raw)
        text = text if param.required else f"[{text}]"
        return text + ("..." if param.nargs != 1 else "")

    return name


class SpanishCommand(typer.core.TyperCommand):
    context_class = SpanishContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument):
                # typer would print the Python type ("<list[Path]>") beside the metavar
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
                # and a required argument as "{ID}"; usage lines say "ID", optional "[ID]"
                param._usage_display_name = _usage_name(param)  # type: ignore[method-assign]

    def get_help_option(self, ctx: click.Context) -> Any:
        return _spanish_help(super().get_help_option(ctx))


class SpanishGroup(typer.core.TyperGroup):
    context_class = SpanishContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("subcommand_metavar", "COMANDO [ARGS]...")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> Any:
        return _spanish_help(super().get_help_option(ctx))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # the order they are registered in, not alphabetical


app = typer.Typer(
    name="campana",
    cls=SpanishGroup,
    help=(
        "campana: el plan anual de campañas como YAML validado, y las preguntas de calendario "
        "que responde.\n\nCódigos de salida: 0 sin problemas; 1 hallazgos o diferencias; "
        "2 uso incorrecto o archivo ilegible."
    ),
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    options_metavar="[OPCIONES]",
    subcommand_metavar="COMANDO [ARGS]...",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


F = TypeVar("F", bound=Callable[..., Any])


def command(name: str, help_text: str) -> Callable[[F], F]:
    """Register a command with Spanish help (every command must have help)."""
    return app.command(
        name,
        cls=SpanishCommand,
        help=help_text,
        short_help=help_text.split("\n")[0],
        options_metavar="[OPCIONES]",
    )


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"campana {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Muestra la versión y sale.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    pass


# Commands register themselves on import; each keeps its heavy imports inside the function.
from campana.cli import validate_cmd  # noqa: E402, F401

for _optional in ("query_cmd", "agenda_cmd", "diff_cmd", "export_cmd"):
    try:
        __import__(f"campana.cli.{_optional}")
    except ModuleNotFoundError as _exc:  # a command module not written yet
        if _exc.name != f"campana.cli.{_optional}":
            raise


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


def cli() -> click.Command:
    """The click command behind the typer app, as ``run`` uses it."""
    return _spanish_completion(typer.main.get_command(app))


def run(argv: Sequence[str]) -> int:
    """Run the CLI; return the exit code. Every error a user can cause ends here, in Spanish."""
    argv = list(argv)
    _completion_env()
    command_obj = cli()
    try:
        result = command_obj.main(args=argv, prog_name="campana", standalone_mode=False)
    except CampanaError as exc:
        _err(format_error(exc))
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
            _err(f"  sugerencia: {hint}\n")
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
