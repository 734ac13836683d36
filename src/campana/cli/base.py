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


#: The Spanish names of the commands: English name → its Spanish names, the first shown in
#: ``campana --help`` («programa (schedule)»), every one accepted, completed and suggested. A
#: command whose name is Spanish already (agenda, veda) has an empty entry. Every command has
#: an entry (a test checks it): a new command gets its pair by adding one line here.
ALIASES: dict[str, tuple[str, ...]] = {
    "validate": ("valida",),
    "schema": ("esquema",),
    "schedule": ("programa",),
    "show": ("muestra",),
    "list": ("lista",),
    "audience": ("audiencia",),
    "agenda": (),
    "veda": (),
    "diff": ("compara",),
    "export": ("exporta",),
    "ine": (),
    "move": ("mueve",),
    "owner": ("responsable",),
    "milestone": ("hito",),
    "add": ("agrega",),
    "remove": ("quita",),
    "edit": ("edita", "editar"),
    "import": ("importa",),
    "roll-forward": ("nuevo-año", "nuevo-ano"),
    "add-blackout": ("agrega-veda",),
    "init": ("inicia",),
}

#: The Spanish names of the options, for every command: English long option → its Spanish
#: names. The first is shown in the help beside the English one; the others (spellings
#: without accents) are accepted and completed but not listed. Every long option has an entry
#: (a test checks it; empty when the word is Spanish already): a new option gets its Spanish
#: name by adding one line here.
OPTION_ALIASES: dict[str, tuple[str, ...]] = {
    "--plan": (),
    "--today": ("--hoy",),
    "--format": ("--formato",),
    "--output": ("--salida",),
    "--campaign": ("--campaña", "--campana"),
    "--touchpoint": ("--punto",),
    "--month": ("--mes",),
    "--from": ("--desde",),
    "--to": ("--hasta",),
    "--on": ("--día", "--dia"),
    "--year": ("--año", "--ano"),
    "--days": ("--días", "--dias"),
    "--assume-ine": ("--asume-ine",),
    "--save": ("--guarda",),
    "--strict": ("--estricto",),
    "--alarm-days": ("--aviso-días", "--aviso-dias"),
    "--help": ("--ayuda",),
    "--version": (),
    "--blackout": ("--veda",),
    "--by": ("--desplaza",),
    "--carry": ("--arrastra",),
    "--component": ("--componente",),
    "--date": ("--fecha",),
    "--description": ("--descripción", "--descripcion"),
    "--dry-run": ("--simula", "--simular"),
    "--editor": (),
    "--start": ("--inicio",),
    "--end": ("--fin",),
    "--kind": ("--tipo",),
    "--name": ("--nombre",),
    "--owner": ("--responsable", "--área", "--area"),
    "--reference": ("--referencia",),
    "--remove": ("--quita",),
    "--tactic": ("--táctico", "--tactico"),
    "--yes": ("--sí", "--si"),
    "--papel": (),
    "--por": (),
    "--shift": ("--desplazar",),
    "--working-days": ("--hábiles", "--habiles"),
    "--rest-days": ("--descansos",),
    "--election-day": ("--jornada",),
    "--restricts": ("--restringe",),
    "--jurisdiction": ("--jurisdicción", "--jurisdiccion"),
    "--id": (),
}


def canonical(name: str) -> str:
    """The command a typed name means: ``programa`` → ``schedule``; any other name as it is."""
    for english, spanish in ALIASES.items():
        if name in spanish:
            return english
    return name


def command_names(names: Sequence[str]) -> list[str]:
    """Every name the commands ``names`` answer to: each, then its Spanish names."""
    return [alias for name in names for alias in (name, *ALIASES.get(name, ()))]


def as_typed(text: str, argv: Sequence[str]) -> str:
    """A message about an option named the way the user typed it: «--día: …» when the command
    line said ``--día``, though the code names the option ``--on``."""
    import re

    typed = {arg.split("=", 1)[0] for arg in argv if arg.startswith("--")}
    for english, spanish in OPTION_ALIASES.items():
        said = next((name for name in spanish if name in typed), None)
        if said is not None and english not in typed:
            text = re.sub(rf"(?<![\w-]){re.escape(english)}(?![\w-])", said, text)
    return text


i18n.use_names(command_names, frozenset(s for names in OPTION_ALIASES.values() for s in names))


def _spanish_option_names(param: Any) -> None:
    """Give an option its Spanish names (``OPTION_ALIASES``): accepted as the English one,
    the first one shown in the help."""
    shown: list[str] = []
    hidden: list[str] = []
    for opt in param.opts:
        spanish = [a for a in OPTION_ALIASES.get(opt, ()) if a not in param.opts]
        shown.extend(spanish[:1])
        hidden.extend(spanish[1:])
    if not shown and not hidden:
        return
    visible = [*param.opts, *shown]
    param.opts = [*visible, *hidden]
    record = param.get_help_record

    def help_record(ctx: Any) -> Any:
        every = param.opts
        param.opts = visible
        try:
            return record(ctx)
        finally:
            param.opts = every

    param.get_help_record = help_record


class SpanishCommand(typer.core.TyperCommand):
    context_class = SpanishContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperOption):
                _spanish_option_names(param)
            if isinstance(param, typer.core.TyperArgument):
                # typer would print the Python type ("<list[Path]>") beside the metavar
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
                # and a required argument as "{ID}"; usage lines say "ID", optional "[ID]"
                param._usage_display_name = _usage_name(param)  # type: ignore[method-assign]

    def get_help_option(self, ctx: click.Context) -> Any:
        option = _spanish_help(super().get_help_option(ctx))
        if option is not None and "--ayuda" not in option.opts:
            _spanish_option_names(option)
        return option


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
        for param in self.params:
            if isinstance(param, typer.core.TyperOption):
                _spanish_option_names(param)

    def get_help_option(self, ctx: click.Context) -> Any:
        option = _spanish_help(super().get_help_option(ctx))
        if option is not None and "--ayuda" not in option.opts:
            _spanish_option_names(option)
        return option

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A command by its English or Spanish name (``programa`` is ``schedule``)."""
        return self.commands.get(canonical(cmd_name))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command once, by its Spanish name with the English one beside it
        («programa (schedule)»); either can be typed."""
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.commands.get(name)
            if cmd is None or cmd.hidden:
                continue
            spanish = ALIASES.get(name, ())
            rows.append((f"{spanish[0]} ({name})" if spanish else name, cmd))
        if rows:
            limit = formatter.width - 6 - max(len(shown) for shown, _ in rows)
            with formatter.section(i18n.translate_core("Commands")):
                formatter.write_dl([(shown, cmd.get_short_help_str(limit)) for shown, cmd in rows])

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        """typer's completions, and the Spanish names of the commands that start so."""
        from typer._click.shell_completion import CompletionItem

        results = super().shell_complete(ctx, incomplete)
        for name, cmd in self.commands.items():
            for alias in ALIASES.get(name, ()):
                if alias.startswith(incomplete) and not cmd.hidden:
                    results.append(CompletionItem(alias, help=cmd.get_short_help_str()))
        return results

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
