"""A segment's ``adds_to`` names a segment that exists, and not the segment itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import unknown

if TYPE_CHECKING:
    from campana.checks.context import AudienceContext
    from campana.errors import Finding

CODES = ("unknown-reference",)
SCOPE = "audience"


def check(ctx: AudienceContext) -> Iterator[Finding]:
    by_id, doc = ctx.segments, ctx.doc
    for si, s in enumerate(ctx.audience.segments):
        if s.adds_to is None:
            continue
        if s.adds_to not in by_id or s.adds_to == s.id:
            choices = {k: v for k, v in by_id.items() if k != s.id}
            yield unknown(
                doc,
                ("segments", si, "adds_to"),
                s.adds_to,
                choices,
                "el segmento",
                "segmentos definidos",
            )
