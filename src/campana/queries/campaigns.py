"""The campaign list (what ``list`` answers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campana.dates import span_days
from campana.queries.common import Status, status

if TYPE_CHECKING:
    from campana.models import Plan


# --- the campaign list ------------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignLine:
    id: str
    name: str
    start: dt.date
    end: dt.date
    components: int
    touchpoints: int
    status: Status
    #: the area or person the plan names as responsible, if any
    owner: str | None = None
    #: the programme's lines (``campana.pairing.lines``): a component and the execution row it
    #: mirrors count once
    lines: int = 0
    #: working days of the period (Monday to Friday less the official rest days), when asked
    #: for (``list --habiles``); None otherwise
    working_days: int | None = None

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)


@dataclass(frozen=True)
class CampaignList:
    """The plan's campaigns as of ``today`` (what ``list`` answers)."""

    today: dt.date
    campaigns: tuple[CampaignLine, ...]
    #: the plan's title, owner and administration notes
    title: str = ""
    owner: str = ""
    notes: tuple[NoteLine, ...] = ()


@dataclass(frozen=True)
class NoteLine:
    text: str
    details: tuple[str, ...] = ()


def campaign_list(plan: Plan, today: dt.date, *, working: bool = False) -> CampaignList:
    """``working``: count each campaign's working days too (``campana.restdays``)."""
    lines = campaign_lines(plan, today)
    if working:
        from dataclasses import replace

        from campana.restdays import declared_election_days, working_days

        election = declared_election_days(plan.blackouts)
        lines = [
            replace(c, working_days=working_days((c.start, c.end), election_days=election))
            for c in lines
        ]
    return CampaignList(
        today,
        tuple(lines),
        plan.plan.title,
        plan.plan.owner,
        tuple(NoteLine(n.text, tuple(n.details)) for n in plan.plan.notes),
    )


def campaign_lines(plan: Plan, today: dt.date) -> list[CampaignLine]:
    from campana.pairing import lines

    return [
        CampaignLine(
            c.id,
            c.name,
            c.start,
            c.end,
            len(c.components),
            len(c.execution),
            status(c.start, c.end, today),
            c.owner,
            len(lines(c)),
        )
        for c in plan.campaigns
    ]
