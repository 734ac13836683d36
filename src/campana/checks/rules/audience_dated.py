"""A figure whose cut-off date (``as_of``) is older than the plan's year: a figure to update
(a plan rolled forward carries last year's audience)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.dates import fmt

if TYPE_CHECKING:
    from campana.checks.context import AudienceContext
    from campana.errors import Finding

CODES = ("audience-dated",)
SCOPE = "audience"


def check(ctx: AudienceContext) -> Iterator[Finding]:
    if ctx.year is None:
        return
    for si, s in enumerate(ctx.audience.segments):
        if s.as_of is not None and s.as_of.year < ctx.year:
            yield ctx.doc.finding(
                ("segments", si, "as_of"),
                "warning",
                "audience-dated",
                f"la cifra de «{s.name}» es del {fmt(s.as_of)}, anterior al año del plan, "
                f"{ctx.year}",
                hint="actualiza count con una cifra reciente y su fecha de corte en as_of",
                identity=("audience-dated", s.id),
            )
