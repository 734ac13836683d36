"""A blackout as the user declares it (``campana add-blackout``): its id, name, dates, the
touchpoints it restricts and where it applies. ``campana.edit.ops.add_blackout`` adds it to the
plan through the edit path (a minimal edit, validated in memory, previewed, written safely).

Blackouts are legal dates: campana writes exactly what the user declared, never a computed one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NewBlackout:
    id: str
    name: str
    start: dt.date
    end: dt.date
    #: touchpoint ids or names (resolved against the plan's catalogue)
    restricts: tuple[str, ...]
    #: None: federal; else the states (any spelling ``ine.state_name`` reads)
    states: tuple[str, ...] | None = None
    election_day: dt.date | None = None
    description: str | None = None


def slug(text: str) -> str:
    """An id from a name: «Veda local Coahuila 2027» → veda-local-coahuila-2027."""
    from campana.dates import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "veda"
