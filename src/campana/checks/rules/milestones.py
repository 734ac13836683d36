"""Campaign milestones: ids, touchpoints, dates in the plan's year, and an INE answer that comes
after a blackout already started. The checks themselves are ``campana.milestones``; this rule
places them in the file and honours the --assume-ine scenario."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding

CODES = ("duplicate-id", "unknown-reference", "outside-year", "ine-answer-late")
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    if not any(c.milestones for c in ctx.plan.campaigns):
        return
    from campana.milestones import milestone_findings

    for m in milestone_findings(ctx.plan, assume_ine=ctx.assume_ine):
        yield ctx.doc.finding(
            m.path,
            m.severity,
            m.code,
            m.message,
            hint=m.hint,
            campaign=m.campaign,
            identity=m.key,
        )
