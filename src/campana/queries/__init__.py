"""Answers to the planners' everyday questions, one module per question: ``common`` (where
today stands in a period, the windows, the one campaign resolver), ``schedule`` (what runs
when), ``brief`` (one campaign: ``brief`` and ``show``), ``campaigns`` (the campaign list) and
``audience`` (the audience figures).

Pure functions over ``Plan``/``Audience`` that take ``today`` (and the filters) as input and
return dataclasses; ``campana.render`` turns those into tables, grids, JSON, CSV or Markdown.
Nothing here imports typer, rich or pydantic. Every public name is re-exported here, so
``from campana.queries import Schedule`` works as well as the submodule that owns it.

The submodules are imported on first use of one of their names (PEP 562): a command imports
only the questions it asks (``schedule`` needs neither ``brief`` nor ``audience``, whose
frozen dataclasses cost about 15 ms to make). ``schedule`` and ``brief`` name both a function
and its submodule; as before, the package attribute is the function.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: each public name and the submodule that owns it
_OWNER = {
    "AudienceReport": "audience",
    "SegmentLine": "audience",
    "audience_report": "audience",
    "Brief": "brief",
    "ChannelLine": "brief",
    "ComponentLine": "brief",
    "CreativeLineItem": "brief",
    "MilestoneLine": "brief",
    "ObjectiveLine": "brief",
    "RowPlan": "brief",
    "SegmentFigure": "brief",
    "Show": "brief",
    "TouchpointLine": "brief",
    "brief": "brief",
    "show": "brief",
    "with_working_days": "brief",
    "CampaignLine": "campaigns",
    "CampaignList": "campaigns",
    "NoteLine": "campaigns",
    "campaign_lines": "campaigns",
    "campaign_list": "campaigns",
    "DETAIL_DAYS": "common",
    "Status": "common",
    "StatusKind": "common",
    "detailed": "common",
    "month_window": "common",
    "resolve_campaign": "common",
    "resolve_campaigns": "common",
    "status": "common",
    "window": "common",
    "year_window": "common",
    "Row": "schedule",
    "RowKind": "schedule",
    "Schedule": "schedule",
    "campaign_rows": "schedule",
    "check_touchpoint": "schedule",
    "schedule": "schedule",
    "schedule_view": "schedule",
    "touchpoint_names": "schedule",
    "under_scenario": "schedule",
    "with_milestones": "schedule",
    "with_rest_days": "schedule",
}


def __getattr__(name: str) -> Any:
    owner = _OWNER.get(name)
    if owner is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # __import__ rather than importlib.import_module: -X importtime reports it
    value = getattr(__import__(f"{__name__}.{owner}", fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_OWNER})


class _Package(types.ModuleType):
    """Keeps a public name bound to what the submodule exports: importing the submodules
    ``schedule`` and ``brief`` would otherwise rebind the package's attribute of that name
    to the module, hiding the function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in _OWNER:
            return  # the submodule stays in sys.modules; the name resolves to the function
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

#: the public names: those the submodules own
__all__ = list(_OWNER)
