"""Spanish for the parts of help and usage errors that typer and click write in English."""

from __future__ import annotations

import re
from typing import Any

_CORE = {
    "Options": "Opciones",
    "Arguments": "Argumentos",
    "Commands": "Comandos",
    "Aborted!": "Cancelado.",
    "Missing command.": "Falta el comando.",
    "No such command {name!r}.": "no existe el comando «{name}»",
    "default: {default}": "por omisión: {default}",
    "env var: {var}": "variable de entorno: {var}",
    "required": "obligatorio",
    "(dynamic)": "(dinámico)",
}

_ERRORS: tuple[tuple[str, str], ...] = (
    (
        r"No such option: (\S+)(?:\s+Did you mean (\S+)\?)?(?:\s+\(Possible options: (.*)\))?",
        "no existe la opción {0}",
    ),
    (r"No such command '([^']*)'\.", "no existe el comando «{0}»"),
    (r"No such command \"([^\"]*)\"\.", "no existe el comando «{0}»"),
    (r"Missing option '([^']*)'.*", "falta la opción «{0}»"),
    (r"Missing argument '([^']*)'.*", "falta el argumento «{0}»"),
    (r"Missing parameter: (.*)", "falta el parámetro «{0}»"),
    (r"Option '([^']*)' requires an argument\.", "la opción «{0}» necesita un valor"),
    (r"Option '([^']*)' requires (\d+) arguments\.", "la opción «{0}» necesita {1} valores"),
    (r"Got unexpected extra arguments? \((.*)\)", "sobran argumentos: {0}"),
    (
        r"Invalid value for (.+?): '([^']*)' is not one of (.*)\.",
        "valor no válido para «{0}»: «{1}»; se admite: {2}",
    ),
    (r"Invalid value for (.+?): (.*)", "valor no válido para «{0}»: {1}"),
    (r"Missing command\.", "falta el comando"),
)


def translate_core(message: str) -> str:
    return _CORE.get(message, message)


def usage_error(message: str) -> str:
    """A click usage error message in Spanish (the original when it is not known)."""
    text = message.strip()
    for pattern, template in _ERRORS:
        m = re.fullmatch(pattern, text, re.DOTALL)
        if m:
            groups = [g or "" for g in m.groups()]
            out = template.format(*groups)
            if pattern.startswith("No such option") and groups[1]:
                out += f"; ¿quisiste decir {groups[1]}?"
            return out.replace("'", "")
    return text


def install(typer_core: Any) -> None:
    """Route typer's gettext lookups through the Spanish table."""
    typer_core._ = translate_core
