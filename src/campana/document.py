"""The whole plan as one result for the file exports (``export xlsx|pptx|pdf``): the chart's
rows, every campaign's brief, the audience, the blackout report, the findings and the rest
days, computed once here; ``render.xlsx``, ``render.slides`` and ``render.pdf`` only write them.

Pure core: no typer, no rich, no office library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campana.dates import span_days
from campana.errors import Finding
from campana.gantt import GanttData, gantt_data
from campana.ine import parse_assume_ine
from campana.programme import rest_days
from campana.queries.audience import AudienceReport, audience_report
from campana.queries.brief import Brief, brief
from campana.veda import VedaReport, veda_report

if TYPE_CHECKING:
    from campana.models import Audience, Plan


@dataclass(frozen=True)
class PlanDocument:
    plan: Plan
    audience_model: Audience | None
    today: dt.date
    #: the scenario (denied, approved, pending) or None
    assume_ine: str | None
    chart: GanttData
    #: each campaign's brief under the scenario
    briefs: tuple[Brief, ...]
    #: each campaign's brief as the plan declares it (what ``campana import`` reads back)
    declared: tuple[Brief, ...]
    audience: AudienceReport | None
    veda: VedaReport
    findings: tuple[Finding, ...]
    #: the plan year's official rest days and their names (none without campana.restdays)
    rest: dict[dt.date, str]
    #: days of each blackout, by id
    blackout_days: dict[str, int]


def plan_document(
    plan: Plan,
    audience: Audience | None,
    today: dt.date,
    *,
    findings: Sequence[Finding] = (),
    assume_ine: str | None = None,
) -> PlanDocument:
    assume_ine = parse_assume_ine(assume_ine)
    briefs = tuple(
        brief(plan, audience, c, today, findings, assume_ine=assume_ine) for c in plan.campaigns
    )
    declared = (
        briefs
        if assume_ine is None
        else tuple(brief(plan, audience, c, today, findings) for c in plan.campaigns)
    )
    return PlanDocument(
        plan=plan,
        audience_model=audience,
        today=today,
        assume_ine=assume_ine,
        chart=gantt_data(plan, today, assume_ine=assume_ine),
        briefs=briefs,
        declared=declared,
        audience=audience_report(audience, plan) if audience is not None else None,
        veda=veda_report(plan, assume_ine=assume_ine),
        findings=tuple(findings),
        rest=rest_days(plan),
        blackout_days={b.id: span_days(b.start, b.end) for b in plan.blackouts},
    )
