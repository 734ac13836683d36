"""The typer application and the ``command`` decorator every command module registers with.

Spanish help (formatter, usage lines, the help option) and the root options live here; the
commands import this module, and ``campana.cli.app`` imports the commands and runs them, so
the imports go one way: app → commands → base.
"""

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


#: the order ``campana --help`` lists the commands in
HELP_ORDER = (
    "validate",
    "schema",
    "schedule",
    "show",
    "list",
    "audience",
    "agenda",
    "veda",
    "ine",
    "move",
    "owner",
    "milestone",
    "add",
    "remove",
    "edit",
    "diff",
    "export",
    "roll-forward",
    "add-blackout",
    "init",
    "import",
)


class SpanishGroup(typer.core.TyperGroup):
    context_class = SpanishContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("subcommand_metavar", "COMANDO [ARGS]...")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> Any:
        return _spanish_help(super().get_help_option(ctx))

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The order of HELP_ORDER (checking first, then the queries, then the rest), not
        alphabetical and not the order the modules happen to be imported in."""
        rank = {name: i for i, name in enumerate(HELP_ORDER)}
        return sorted(self.commands, key=lambda name: rank.get(name, len(rank)))


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
    year: Annotated[
        int | None,
        typer.Option(
            "--año",
            "--year",
            metavar="AAAA",
            help=(
                "Con varios planes (planes/2024/, planes/2027/...), usa el de ese año: "
                "«campana --año 2027 agenda». Por omisión, el del año de --today."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    from campana.cli import common

    common.SELECTED_YEAR = year
