"""Lines of (text, style) segments as a picture of the terminal: SVG or HTML.

rich is imported only here, to capture a picture (``picture``); the plain path
(``render.grid.plain``) needs no rich.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from campana.render.grid import Line, print_rich


def picture(lines: Sequence[Line], kind: str, width: int, title: str) -> str:
    """``lines`` as the terminal shows them, ``kind`` ``svg`` or ``html``: in colour, through
    a recording rich console ``width`` columns wide."""
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
    if kind == "svg":
        return con.export_svg(title=title)
    return con.export_html()
