"""Spanish for every part of help and usage errors that typer and click write in English.

typer 0.29 vendors click without gettext, so there is no catalogue to swap: help words go
through ``translate_core`` (typer's own ``_`` lookups), and usage errors are worded here from
the exception's own fields (the option, the parameter, the possibilities), with the message
text as the last resort. ``CATALOGUE`` lists every English message a user can trigger, so a
test can check that each one comes out Spanish.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

# A no-break space: click's help wrapper never breaks a line there, so "[por omisión: text]"
# stays whole at any width.
NBSP = "\u00a0"

_CORE = {
    "Options": "Opciones",
    "Arguments": "Argumentos",
    "Commands": "Comandos",
    "Aborted!": "Cancelado.",
    "Missing command.": "Falta el comando.",
    "No such command {name!r}.": "no existe el comando «{name}»",
    "default: {default}": f"por{NBSP}omisión:{NBSP}{{default}}",
    "env var: {var}": f"variable{NBSP}de{NBSP}entorno:{NBSP}{{var}}",
    "required": "obligatorio",
    "(dynamic)": "(dinámico)",
}

#: (English message as click or typer words it, Spanish template): messages without fields.
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"No such command '([^']*)'\.?(?: Did you mean (.*)\?)?", "no existe el comando «{0}»"),
    (r"No such command \"([^\"]*)\"\.?(?: Did you mean (.*)\?)?", "no existe el comando «{0}»"),
    (r"no existe el comando «([^»]*)»\.?(?: Did you mean (.*)\?)?", "no existe el comando «{0}»"),
    (r"No such option: (\S+).*", "no existe la opción {0}"),
    (r"Missing option '([^']*)'.*", "falta la opción «{0}»"),
    (r"Missing argument '([^']*)'.*", "falta el argumento «{0}»"),
    (r"Missing parameter: (.*)", "falta el parámetro «{0}»"),
    (r"Option '([^']*)' requires an argument\.", "la opción «{0}» necesita un valor"),
    (r"Option '([^']*)' requires (\d+) arguments\.", "la opción «{0}» necesita {1} valores"),
    (r"Option '([^']*)' does not take a value\.", "la opción «{0}» no lleva valor"),
    (r"Argument '([^']*)' takes (\d+) values\.", "el argumento «{0}» lleva {1} valores"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", "sobran argumentos: {0}"),
    (
        r"Invalid value for (.+?): '([^']*)' is not one of (.*)\.",
        "valor no válido para «{0}»: «{1}»; se admite: {2}",
    ),
    (r"Invalid value for (.+?): (.*)", "valor no válido para «{0}»: {1!i}"),
    (r"Invalid value: (.*)", "valor no válido: {0!i}"),
    (r"'([^']*)' is not a valid (?:integer|int)\.?", "«{0}» no es un número entero"),
    (r"'([^']*)' is not a valid float( range)?\.?", "«{0}» no es un número"),
    (r"'([^']*)' is not a valid boolean\.?", "«{0}» no es sí ni no"),
    (r"'([^']*)' is not a valid (\w+)\.?", "«{0}» no es un valor válido ({1})"),
    (r"'([^']*)' is not one of (.*)\.", "«{0}» no es un valor válido; se admite: {1}"),
    (r"(?:File|Directory|Path) '([^']*)' does not exist\.", "«{0}» no existe"),
    (r"(?:File|Directory|Path) '([^']*)' is a file\.", "«{0}» es un archivo, no una carpeta"),
    (r"(?:File|Directory|Path) '([^']*)' is a directory\.", "«{0}» es una carpeta"),
    (r"(?:File|Directory|Path) '([^']*)' is not readable\.", "no se puede leer «{0}»"),
    (r"(?:File|Directory|Path) '([^']*)' is not writable\.", "no se puede escribir «{0}»"),
    (r"Value (.*) is not a valid (\w+)\.", "«{0}» no es un valor válido ({1})"),
    (r"Value must be an iterable\.", "se esperaba una lista de valores"),
    (r"Could not open file '([^']*)': (.*)", "no se pudo abrir «{0}»: {1!e}"),
    (r"Missing command\.?", "falta el comando"),
    (r"Falta el comando\.?", "falta el comando"),
    (r"Invalid completion instruction\.", "instrucción de autocompletado no válida"),
    (r"Shell (\S*) not supported\.", "no hay autocompletado para el shell «{0}»"),
)

#: Every English message a user can trigger through click or typer, as they word it: the test
#: of the CLI checks that each one comes out Spanish.
CATALOGUE: tuple[str, ...] = (
    "No such command 'shedule'. Did you mean 'schedule'?",
    "No such option: --formt",
    "No such option: --formt Did you mean --format?",
    "Missing option '--month'.",
    "Missing argument 'ID'.",
    "Missing parameter: campaign_id",
    "Option '--month' requires an argument.",
    "Option '--from' requires 2 arguments.",
    "Option '--strict' does not take a value.",
    "Argument 'ID' takes 2 values.",
    "Got unexpected extra argument(s) (credito)",
    "Got unexpected extra arguments (a b)",
    "Invalid value for '--format': 'x' is not one of 'a', 'b'.",
    "Invalid value for '--year': 'abc' is not a valid integer.",
    "Invalid value: something",
    "Value 'x' is not a valid int.",
    "'abc' is not a valid float.",
    "'maybe' is not a valid boolean.",
    "File 'x.yaml' does not exist.",
    "Path 'data' is a directory.",
    "Directory 'x' is a file.",
    "File 'x.yaml' is not readable.",
    "File 'x.yaml' is not writable.",
    "'x' is not one of 'a', 'b'.",
    "Value must be an iterable.",
    "Could not open file 'x.yaml': No such file or directory",
    "Missing command.",
    "Invalid completion instruction.",
    "Shell source not supported.",
)

#: errno-style messages (strerror) that reach a user through an OSError
_STRERROR = {
    "No such file or directory": "no existe el archivo o la carpeta",
    "Permission denied": "permiso denegado",
    "Is a directory": "es una carpeta",
    "Not a directory": "una parte de la ruta no es una carpeta",
    "File exists": "el archivo ya existe",
    "No space left on device": "no queda espacio en el disco",
    "Read-only file system": "el sistema de archivos es de solo lectura",
    "File name too long": "el nombre del archivo es demasiado largo",
    "File too large": "el archivo es demasiado grande",
    "Too many levels of symbolic links": "demasiados enlaces simbólicos encadenados",
    "Disk quota exceeded": "se agotó la cuota de disco",
}


#: the Spanish names of the commands and options (``cli.base``'s tables), handed over by
#: ``base`` through ``use_names``: i18n never imports base (no import cycle)
_command_names: Callable[[Sequence[str]], list[str]] = list
_spanish_options: frozenset[str] = frozenset()


def use_names(commands: Callable[[Sequence[str]], list[str]], options: frozenset[str]) -> None:
    """Every name of the commands (English and Spanish), and the Spanish option names."""
    global _command_names, _spanish_options
    _command_names, _spanish_options = commands, options


def translate_core(message: str) -> str:
    return _CORE.get(message, message)


def strerror(exc: OSError) -> str:
    """An OSError's reason in Spanish (its own text when it is not a known one)."""
    text = exc.strerror or str(exc)
    return _STRERROR.get(text, text)


def _unquote(text: str) -> str:
    return text.replace("'", "")


def usage_error(message: str) -> str:
    """A click usage error message in Spanish (the original when it is not known)."""
    text = message.strip()
    for pattern, template in _ERRORS:
        m = re.fullmatch(pattern, text, re.DOTALL)
        if m:
            groups = [g or "" for g in m.groups()]
            if "!i}" in template:  # the inner message is click's too: translate it as well
                template = template.replace("!i}", "}")
                groups[-1] = usage_error(groups[-1])
            if "!e}" in template:  # an operating system's reason
                template = template.replace("!e}", "}")
                groups[-1] = _STRERROR.get(groups[-1], groups[-1])
            return _unquote(template.format(*groups))
    return text


def _hint_of(param: Any, *, all_names: bool = False) -> str:
    """How a message names a parameter: its long option (all its names with ``all_names``, as
    click does: «--year / -y»), or an argument's metavar."""
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        if all_names:  # as declared: the Spanish names are said in the help
            return " / ".join(o for o in param.opts if o not in _spanish_options)
        return str(next((o for o in param.opts if o.startswith("--")), param.opts[0]))
    return str(getattr(param, "metavar", None) or getattr(param, "name", "") or "")


def message(exc: Any) -> tuple[str, str | None]:
    """A click exception as (Spanish message, Spanish hint or None), from its own fields."""
    from typer._click import exceptions as ce

    from campana.suggest import suggestion

    if isinstance(exc, ce.NoSuchOption):
        name = exc.option_name
        options = _options_of(exc.ctx)
        every = _options_of(exc.ctx, every=True)
        hint = suggestion(name, every, quote=False, same=_same_option(exc.ctx))
        if options:
            listed = ", ".join(options)
            hint = f"{hint} opciones de este comando: {listed}" if hint else None
            hint = hint or f"opciones de este comando: {listed}"
        return f"no existe la opción {name}", hint
    if isinstance(exc, ce.MissingParameter) and exc.param is not None:
        what = "la opción" if exc.param.param_type_name == "option" else "el argumento"
        return f"falta {what} «{_hint_of(exc.param)}»", None
    if isinstance(exc, ce.BadParameter) and exc.param is not None and exc.message:
        inner = usage_error(exc.message) if exc.message[:1].isupper() else exc.message
        return f"valor no válido para «{_hint_of(exc.param, all_names=True)}»: {inner}", None
    text = usage_error(exc.format_message())
    hint = None
    if isinstance(exc, ce.BadOptionUsage) and text.endswith("no lleva valor"):
        hint = f"es un interruptor: escribe solo {exc.option_name}, sin valor"
    if text.startswith("sobran argumentos") and exc.ctx is not None:
        takes = [p for p in exc.ctx.command.params if p.param_type_name == "argument"]
        hint = (
            "un nombre con espacios va entre comillas, por ejemplo «logros laborales»"
            if takes
            else f"«{exc.ctx.command_path}» no lleva argumentos, solo opciones"
        )
    m = re.fullmatch(r".*No such command '([^']*)'.*|.*«([^»]*)».*", exc.format_message(), re.S)
    if text.startswith("no existe el comando") and m and exc.ctx is not None:
        names = _command_names(list(getattr(exc.ctx.command, "commands", {}) or {}))
        hint = suggestion(m.group(1) or m.group(2) or "", names)
    return text, hint


def _options_of(ctx: Any, *, every: bool = False) -> list[str]:
    """A command's long options: the first name of each (as a list shows them), or ``every``
    name, Spanish ones included (what a typo may be close to)."""
    if ctx is None:
        return []
    names: list[str] = []
    for param in ctx.command.get_params(ctx):
        longs = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
        names.extend(longs if every else longs[:1])
    return names


def _same_option(ctx: Any) -> dict[str, str]:
    """Each long name of an option → the option's first (English) long name."""
    same: dict[str, str] = {}
    for param in ctx.command.get_params(ctx) if ctx is not None else ():
        longs = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
        same.update({name: longs[0] for name in longs})
    return same


def command_path(ctx: Any, argv: Sequence[str], commands: Sequence[str]) -> str:
    """The command a usage error is about: its context's, or the first command named in argv
    (click raises some parser errors without a context)."""
    if ctx is not None:
        return str(ctx.command_path)
    names = _command_names(commands)
    for arg in argv:
        if arg in names:
            return f"campana {arg}"
    return "campana"


def install(typer_core: Any) -> None:
    """Route typer's gettext lookups through the Spanish table."""
    typer_core._ = translate_core
