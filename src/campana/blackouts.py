"""Where a period runs inside an electoral blackout that restricts its touchpoint: one function,
used by the schedule, the brief, the diff (and available to the checks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from campana.dates import overlap

if TYPE_CHECKING:
    from campana.models import Blackout


def blackout_overlaps(
    blackouts: Iterable[Blackout], touchpoint: str | None, start: dt.date, end: dt.date
) -> Iterator[tuple[Blackout, tuple[dt.date, dt.date]]]:
    """Each blackout restricting ``touchpoint`` that [start, end] crosses, with the crossing.

    Nothing for a period without a touchpoint, or for a period or blackout that ends before
    it starts.
    """
    if touchpoint is None:
        return
    for b in blackouts:
        if b.restricts_touchpoint(touchpoint):  # a set built once, not a scan of the list
            cross = overlap(start, end, b.start, b.end)
            if cross is not None:
                yield b, cross
