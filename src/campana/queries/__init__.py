"""Answers to the planners' everyday questions, one module per question: ``common`` (where
today stands in a period, the windows, the one campaign resolver), ``schedule`` (what runs
when), ``brief`` (one campaign: ``brief`` and ``show``), ``campaigns`` (the campaign list) and
``audience`` (the audience figures).

Pure functions over ``Plan``/``Audience`` that take ``today`` (and the filters) as input and
return dataclasses; ``campana.render`` turns those into tables, grids, JSON, CSV or Markdown.
Nothing here imports typer, rich or pydantic. Every public name is re-exported here, so
``from campana.queries import Schedule`` works as well as the submodule that owns it.
"""

from __future__ import annotations

from campana.queries.audience import (
    AudienceReport as AudienceReport,
)
from campana.queries.audience import (
    SegmentLine as SegmentLine,
)
from campana.queries.audience import (
    audience_report as audience_report,
)
from campana.queries.brief import (
    Brief as Brief,
)
from campana.queries.brief import (
    ChannelLine as ChannelLine,
)
from campana.queries.brief import (
    ComponentLine as ComponentLine,
)
from campana.queries.brief import (
    CreativeLineItem as CreativeLineItem,
)
from campana.queries.brief import (
    MilestoneLine as MilestoneLine,
)
from campana.queries.brief import (
    ObjectiveLine as ObjectiveLine,
)
from campana.queries.brief import (
    RowPlan as RowPlan,
)
from campana.queries.brief import (
    SegmentFigure as SegmentFigure,
)
from campana.queries.brief import (
    Show as Show,
)
from campana.queries.brief import (
    TouchpointLine as TouchpointLine,
)
from campana.queries.brief import (
    brief as brief,
)
from campana.queries.brief import (
    show as show,
)
from campana.queries.brief import (
    with_working_days as with_working_days,
)
from campana.queries.campaigns import (
    CampaignLine as CampaignLine,
)
from campana.queries.campaigns import (
    CampaignList as CampaignList,
)
from campana.queries.campaigns import (
    NoteLine as NoteLine,
)
from campana.queries.campaigns import (
    campaign_lines as campaign_lines,
)
from campana.queries.campaigns import (
    campaign_list as campaign_list,
)
from campana.queries.common import (
    DETAIL_DAYS as DETAIL_DAYS,
)
from campana.queries.common import (
    Status as Status,
)
from campana.queries.common import (
    StatusKind as StatusKind,
)
from campana.queries.common import (
    detailed as detailed,
)
from campana.queries.common import (
    month_window as month_window,
)
from campana.queries.common import (
    resolve_campaign as resolve_campaign,
)
from campana.queries.common import (
    resolve_campaigns as resolve_campaigns,
)
from campana.queries.common import (
    status as status,
)
from campana.queries.common import (
    window as window,
)
from campana.queries.common import (
    year_window as year_window,
)
from campana.queries.schedule import (
    Row as Row,
)
from campana.queries.schedule import (
    RowKind as RowKind,
)
from campana.queries.schedule import (
    Schedule as Schedule,
)
from campana.queries.schedule import (
    campaign_rows as campaign_rows,
)
from campana.queries.schedule import (
    check_touchpoint as check_touchpoint,
)
from campana.queries.schedule import (
    schedule as schedule,
)
from campana.queries.schedule import (
    schedule_view as schedule_view,
)
from campana.queries.schedule import (
    touchpoint_names as touchpoint_names,
)
from campana.queries.schedule import (
    under_scenario as under_scenario,
)
from campana.queries.schedule import (
    with_milestones as with_milestones,
)
from campana.queries.schedule import (
    with_rest_days as with_rest_days,
)

__all__ = [
    "DETAIL_DAYS",
    "AudienceReport",
    "Brief",
    "CampaignLine",
    "CampaignList",
    "ChannelLine",
    "ComponentLine",
    "CreativeLineItem",
    "MilestoneLine",
    "NoteLine",
    "ObjectiveLine",
    "Row",
    "RowKind",
    "RowPlan",
    "Schedule",
    "SegmentFigure",
    "SegmentLine",
    "Show",
    "Status",
    "StatusKind",
    "TouchpointLine",
    "audience_report",
    "brief",
    "campaign_lines",
    "campaign_list",
    "campaign_rows",
    "check_touchpoint",
    "detailed",
    "month_window",
    "resolve_campaign",
    "resolve_campaigns",
    "schedule",
    "schedule_view",
    "show",
    "status",
    "touchpoint_names",
    "under_scenario",
    "window",
    "with_milestones",
    "with_rest_days",
    "with_working_days",
    "year_window",
]
