"""Plan checks: what the schema cannot see. Each finding points at the YAML.

Severity follows what a planner would say: data that cannot be right is an error; a conflict
the team knows about and is waiting on (a pending INE exception, two tables of the source
document that disagree) is a warning, so the shipped plan validates and its doubts stay visible.

The rules live in ``campana.checks.rules``, one module each; ``registry`` finds and runs them
over a ``PlanContext`` (or ``AudienceContext``) that computes the shared lookups once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks import registry
from campana.checks.context import AudienceContext, PlanContext

if TYPE_CHECKING:
    from campana.errors import Finding
    from campana.models import Audience, Plan
    from campana.validation import Validation
    from campana.yamlsrc import YamlDoc

__all__ = ["AudienceContext", "PlanContext", "audience_checks", "plan_checks", "run_checks"]


def run_checks(v: Validation, *, assume_ine: str | None = None) -> list[Finding]:
    """The findings of every rule on a validation's plan and audience (those that loaded);
    ``assume_ine`` reads every pending INE exception as that status (a scenario)."""
    findings: list[Finding] = []
    if v.plan is not None and v.plan_doc is not None:
        findings.extend(
            plan_checks(v.plan, v.plan_doc, v.audience, v.audience_doc is not None, assume_ine)
        )
    if v.audience is not None and v.audience_doc is not None:
        year = v.plan.plan.year if v.plan is not None else None
        findings.extend(audience_checks(v.audience, v.audience_doc, year))
    return findings


def plan_checks(
    plan: Plan,
    doc: YamlDoc,
    audience: Audience | None,
    audience_read: bool,
    assume_ine: str | None = None,
) -> Iterator[Finding]:
    return registry.run("plan", PlanContext(plan, doc, audience, audience_read, assume_ine))


def audience_checks(audience: Audience, doc: YamlDoc, year: int | None = None) -> Iterator[Finding]:
    """``year``: the plan's, when a plan loaded beside the audience (dated figures are
    compared with it)."""
    return registry.run("audience", AudienceContext(audience, doc, year))
