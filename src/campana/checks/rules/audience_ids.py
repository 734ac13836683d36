"""Audience segment ids are unique."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import duplicates

if TYPE_CHECKING:
    from campana.checks.context import AudienceContext
    from campana.errors import Finding

CODES = ("duplicate-id",)
SCOPE = "audience"


def check(ctx: AudienceContext) -> Iterator[Finding]:
    yield from duplicates(
        ctx.doc,
        ((("segments", i, "id"), s.id) for i, s in enumerate(ctx.audience.segments)),
        "segmento",
    )
