"""Lines of (text, style) segments on the terminal, and saved as a picture: SVG, HTML or text.

The plain path writes text with no rich import; rich is imported only for colour on a terminal
or to capture a picture (``save``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from campana.files import write_atomic
from campana.render.grid import Line, plain, print_rich

#: the file types ``save`` writes
SAVE_EXTENSIONS = (".svg", ".html", ".txt")


def save(lines: Sequence[Line], path: Path, width: int, title: str) -> None:
    """Write ``lines`` to ``path`` as the terminal shows them: SVG or HTML (in colour, through
    a recording rich console ``width`` columns wide) or plain text. Raises OSError."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        write_atomic(path, plain(lines))
        return
    from rich.console import Console

    con = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    print_rich(lines, con)
    if suffix == ".svg":
        write_atomic(path, con.export_svg(title=title))
    else:
        write_atomic(path, con.export_html())
