"""The one way a command's rendered answer leaves campana: to stdout, or to ``-o ARCHIVO``.

Every command that outputs data renders its result to text (or bytes) and hands it to
:func:`emit`. With ``-o`` the format follows the file's extension (:data:`EXTENSIONS`, the
one table of them: a new format adds its line here), and a ``--format`` that disagrees with
it is refused; an extension the table does not know takes the format named explicitly
(``--format``, ``export FORMAT``). The file is written through ``campana.files`` (atomic,
never onto the plan) and «Guardado en …» goes to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from campana.errors import CampanaError

#: the extension of an ``-o`` file → the format written in it. ``text`` in a ``.txt`` file
#: is the terminal's view as plain text (no colour, the characters the terminal shows).
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".svg": "svg",
    ".html": "html",
    ".htm": "html",
    ".ics": "ics",
    ".xlsx": "xlsx",
    ".pptx": "pptx",
    ".pdf": "pdf",
}

#: formats that are plain text lines and go in a ``.txt`` file as well as ``text``
TEXT_LIKE = ("github",)


def to_file(output: Path | None) -> bool:
    """True when ``-o`` names a file (``-`` and no ``-o`` are stdout)."""
    return output is not None and str(output) != "-"


def extensions_for(formats: tuple[str, ...]) -> list[str]:
    """The extension of each of ``formats`` (the first the table gives it), in their order:
    what a message offers."""
    first: dict[str, str] = {}
    for ext, kind in EXTENSIONS.items():
        first.setdefault(kind, ext)
    return [first[kind] for kind in formats if kind in first]


def output_format(
    output: Path | None,
    given: str | None,
    formats: tuple[str, ...],
    *,
    plan: Path | None,
    files: tuple[str, ...] | None = None,
    default: str = "text",
    option: str = "-o",
    named: str = "--format",
) -> str:
    """The format a command writes: from ``-o``'s extension when it names a file, else
    ``--format`` (``given``, checked against ``formats``; ``named``: how the command calls
    its format, for an argument), else ``default``. ``files``: the
    formats a file can hold when they are more than ``--format`` offers (the terminal's
    view as a picture: .svg, .html).

    A file is checked first as :func:`check_output` does (not a folder, never the plan
    ``plan`` names or its audience file), before any work.

    An extension the table does not know (``out.file``, none) is accepted when the format
    was named explicitly (``--format``, or ``export FORMAT``): the file is written in it.

    Refused (exit 2, in Spanish): an extension the command cannot write, naming those it
    can; a ``--format`` that disagrees with the extension (one naming another format)."""
    from campana.cli.common import choice

    chosen = None if given is None else choice(given, named, formats)
    if not to_file(output):
        return chosen if chosen is not None else default
    assert output is not None
    check_output(output, plan, option)
    suffix = output.suffix.lower()
    kind = EXTENSIONS.get(suffix)
    if kind == "text" and chosen in TEXT_LIKE:
        kind = chosen
    if kind is None and chosen is not None:
        # an extension the table does not know («out.file», none at all) names no format:
        # the one the user named explicitly is written
        kind = chosen
    writable = files if files is not None else formats
    if kind is None or kind not in writable:
        unknown = kind is None and named == "--format"
        valid = ", ".join(extensions_for(writable))
        what = f"archivos «{suffix}»" if suffix else "archivos sin extensión"
        raise CampanaError(
            f"{option}: {_command()} no escribe {what}",
            hint=f"el formato sale de la extensión; se admite: {valid}"
            + ("; con otra extensión, indica el formato con --format" if unknown else ""),
        )
    if chosen is not None and chosen != kind:
        fix = (
            "quita --format (la extensión decide) o cambia la extensión del archivo"
            if named == "--format"
            else "usa la extensión del formato: " + ", ".join(extensions_for((chosen,)))
        )
        raise CampanaError(
            f"{named} {chosen} no coincide con la extensión de «{output.name}» ({kind})",
            hint=fix,
        )
    return kind


def _command() -> str:
    """The running command's name, for a message («schedule»)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    return f"campana {ctx.info_name}" if ctx is not None and ctx.info_name else "campana"


def check_output(output: Path | None, plan: Path | None, option: str = "-o") -> None:
    """Refuse, before any work, an output that is a folder or would land on the plan files."""
    if not to_file(output):
        return
    assert output is not None
    import os

    from campana.files import refuse_inputs
    from campana.paths import audience_beside, find_plan

    if os.path.isdir(output):
        raise CampanaError(
            f"{option}: «{output}» es una carpeta",
            hint="indica un archivo, por ejemplo programacion.txt",
        )
    from campana.cli.common import find_plan_for

    source = find_plan(plan)
    chosen = find_plan_for(plan)
    refuse_inputs(output, (source, audience_beside(source), chosen, audience_beside(chosen)))


def emit(
    data: str | bytes | Iterator[str],
    output: Path | None = None,
    *,
    exact: bool = False,
    what: str = "",
    option: str = "-o",
) -> None:
    """Write a command's rendered answer: to stdout without ``-o`` (or with ``-o -``), else
    to the file, whole or not at all, then «Guardado en ARCHIVO» on stderr (``what``: what
    the file holds, said beside its name).

    Human text (not ``exact``) passes through ``render.term.safe``: no control character of
    the plan reaches a terminal or a file, and colour stays only on a colour terminal.
    ``exact`` data (JSON, CSV, iCalendar, SVG...) is written as it is.

    Text given as an iterator of chunks (``render.findings.text_chunks``) is written to stdout
    chunk by chunk, each made safe alone (a chunk holds whole lines), and joined for a file."""
    if isinstance(data, Iterator):
        if to_file(output):
            data = "".join(data)
        else:
            try:
                for chunk in data:
                    emit(chunk, None, exact=exact)
            except BrokenPipeError:
                # the reader left (``| head``): the rest is not wanted, and the command still
                # ends with its own exit code, as when its answer was written in one piece
                import os

                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            return
    if isinstance(data, str) and not exact:
        from campana.render.term import color_enabled, safe

        data = safe(data, keep_color=not to_file(output) and color_enabled(sys.stdout))
    if not to_file(output):
        if isinstance(data, bytes):
            buffer = getattr(sys.stdout, "buffer", None)
            sys.stdout.flush()
            if buffer is not None:
                buffer.write(data)
                buffer.flush()
                return
            data = data.decode("utf-8")
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    assert output is not None
    from campana.cli.common import say
    from campana.cli.i18n import strerror
    from campana.files import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        raise CampanaError(
            f"{option}: no se pudo escribir «{output}»: {strerror(exc)}",
            hint="revisa que la carpeta exista y que puedas escribir en ella",
        ) from None
    say(f"Guardado en {output}" + (f" ({what})" if what else ""))
