"""Issue 17, «Spanish and 80 columns»: messages folded to the terminal, the audience and a
campaign's brief clean at 80 columns, one thousands separator in every format, and a
suggestion for a date written the US way or with a misspelt month."""

from __future__ import annotations

import pytest

from conftest import Invoke


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("command", [("list",), ("schedule",), ("agenda",), ("show", "atencion")])
def test_the_out_of_year_notice_wraps_to_the_terminal(
    cli: Invoke, command: tuple[str, ...], width: int
) -> None:
    r = cli(*command, "--today", "2025-01-10", columns=width)
    assert r.exit_code == 0, r.stderr
    notice = r.stderr[r.stderr.index("aviso: hoy") :].split("\n\n")[0].rstrip("\n").split("\n")
    notice = [line for line in notice if line.startswith(("aviso: hoy", "  "))]
    assert len(notice) > 1
    assert all(len(line) <= width for line in notice), notice
    said = " ".join(line.strip() for line in notice)
    assert "no cae en el año del plan (2024)" in said
    assert '«--today "15 de marzo"»' in said  # an example is never split over two lines
