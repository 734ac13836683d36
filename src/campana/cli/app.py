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


class SpanishFormatter(click.formatting.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Uso: " if prefix is None else prefix)


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
    add_completion=False,
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


def run(argv: Sequence[str]) -> int:
    """Run the CLI; return the exit code. Every error a user can cause ends here, in Spanish."""
    command_obj = typer.main.get_command(app)
    try:
        result = command_obj.main(args=list(argv), prog_name="campana", standalone_mode=False)
    except CampanaError as exc:
        sys.stderr.write(format_error(exc))
        return exit_code_of(exc)
    except click.exceptions.UsageError as exc:
        ctx = exc.ctx
        if ctx is not None:
            sys.stderr.write(ctx.get_usage() + "\n")
        path = ctx.command_path if ctx is not None else "campana"
        sys.stderr.write(f"error: {i18n.usage_error(exc.format_message())}\n")
        sys.stderr.write(f"  sugerencia: prueba «{path} --help» para ver la ayuda\n")
        return EXIT_USAGE
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        sys.stderr.write("Cancelado.\n")
        return 130
    except KeyboardInterrupt:
        sys.stderr.write("Cancelado.\n")
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except click.exceptions.ClickException as exc:
        sys.stderr.write(f"error: {i18n.usage_error(exc.format_message())}\n")
        return EXIT_USAGE
    except Exception as exc:  # a bug: say so plainly, keep the traceback behind a variable
        if os.environ.get("CAMPANA_DEBUG"):
            raise
        sys.stderr.write(
            f"error interno de campana: {type(exc).__name__}: {exc}\n"
            "  sugerencia: vuelve a correrlo con CAMPANA_DEBUG=1 y reporta el resultado\n"
        )
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0
