"""What the one-file report holds, computed: the chart's data, each campaign's brief with its
owners and milestones, the findings, the audience and the blackout report, under the filters
and the scenario. ``render.report`` only writes it as HTML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from campana.errors import Finding
    from campana.gantt import GanttData
    from campana.models import Audience, Plan
    from campana.queries import AudienceReport, Show
    from campana.veda import VedaReport
    from campana.view import ViewFilter


@dataclass(frozen=True)
class Report:
    title: str
    owner: str
    year: int
    today: dt.date
    #: the chart's rows, bars and marks (``campana.gantt``)
    chart: GanttData
    #: True when the window is not the plan's year, or one touchpoint is chosen: the cover
    #: says the period and only the campaigns the chart shows are listed
    narrowed: bool
    #: each campaign listed: its brief (statuses under the scenario), owners and milestones
    campaigns: tuple[Show, ...]
    findings: tuple[Finding, ...]
    audience: AudienceReport | None
    veda: VedaReport
    assume_ine: str | None


def build_report(
    plan: Plan,
    audience: Audience | None,
    today: dt.date,
    *,
    findings: Sequence[Finding] = (),
    veda: VedaReport | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    campaigns: Sequence[str] = (),
    touchpoint: str | None = None,
    assume_ine: str | None = None,
    view: ViewFilter | None = None,
) -> Report:
    """The report's content. The ``view`` (or the filter ``start``, ``end``, ``campaigns``
    and ``touchpoint`` make, as in ``gantt_data``) applies to the chart, the campaigns listed
    and the blackout report: with a window other than the plan's year, or a touchpoint, only
    the campaigns the chart shows. ``veda``: ``campana.veda.veda_report``'s result (computed
    here when None). ``assume_ine`` (English or Spanish) is the scenario of every part."""
    import dataclasses

    from campana.gantt import gantt_data
    from campana.ine import parse_assume_ine
    from campana.queries import audience_report, brief, show, year_window
    from campana.veda import veda_report
    from campana.view import ViewFilter, select

    assume_ine = parse_assume_ine(assume_ine)
    if view is None:
        view = ViewFilter.of(
            campaigns=campaigns or None,
            touchpoint=touchpoint,
            start=start,
            end=end,
            year=plan.plan.year,
        )
    data = gantt_data(plan, today, assume_ine=assume_ine, view=view)
    shown = list(select(plan, view).campaigns)
    # a window other than the plan's year, or one touchpoint: only the campaigns it shows
    narrowed = (data.start, data.end) != year_window(plan.plan.year) or view.touchpoint is not None
    if narrowed:
        charted = {r.campaign for r in data.campaigns}
        shown = [c for c in shown if c.id in charted]
    if veda is None:
        if narrowed:
            view = dataclasses.replace(view, campaigns=tuple(c.id for c in shown))
        veda = veda_report(plan, assume_ine=assume_ine, view=view)
    parts = tuple(
        show(plan, brief(plan, audience, c, today, findings, assume_ine=assume_ine), c, assume_ine)
        for c in shown
    )
    return Report(
        title=plan.plan.title,
        owner=plan.plan.owner,
        year=plan.plan.year,
        today=today,
        chart=data,
        narrowed=narrowed,
        campaigns=parts,
        findings=tuple(findings),
        audience=audience_report(audience, plan) if audience is not None else None,
        veda=veda,
        assume_ine=assume_ine,
    )
