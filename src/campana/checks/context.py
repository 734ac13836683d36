"""What every rule reads: the models, the YamlDoc for positions, and lookups computed once."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from campana.ine import BlackoutIndex, applies_to, assumed_exception, parse_assume_ine

if TYPE_CHECKING:
    from collections.abc import Sequence

    from campana.models import Audience, Blackout, Campaign, Execution, Plan, Segment
    from campana.yamlsrc import Loc, YamlDoc


class CampaignView:
    """One campaign with its position and the lookups its rules share.

    Plain classes, not dataclasses, here: building a dataclass costs more at import than
    every check of the shipped plan.
    """

    __slots__ = ("campaign", "index", "rows")

    def __init__(self, index: int, campaign: Campaign) -> None:
        self.index = index
        self.campaign = campaign
        #: execution rows by touchpoint id (the last row wins; duplicates are reported apart)
        self.rows: dict[str, Execution] = {r.touchpoint: r for r in campaign.execution}

    @property
    def loc(self) -> Loc:
        return ("campaigns", self.index)

    @property
    def ok(self) -> bool:
        """Its period is well ordered, so comparing other dates with it means something."""
        return self.campaign.start <= self.campaign.end


class ActiveBlackout:
    """A well-ordered blackout and the touchpoints it restricts, as a set."""

    __slots__ = ("blackout", "restricts")

    def __init__(self, blackout: Blackout) -> None:
        self.blackout = blackout
        self.restricts = frozenset(blackout.restricts)


class PlanContext:
    """The plan being checked. Lookups are built on first use and shared by every rule."""

    def __init__(
        self,
        plan: Plan,
        doc: YamlDoc,
        audience: Audience | None = None,
        audience_read: bool = False,
        assume_ine: str | None = None,
    ) -> None:
        self.plan = plan
        #: the --assume-ine scenario ("denied", "approved", "pending"), or None: the plan as is
        self.assume_ine = assume_ine
        self.assumption = parse_assume_ine(assume_ine)
        self.doc = doc
        self.audience = audience
        #: whether an audience file was read at all (even if it did not validate)
        self.audience_read = audience_read
        self._scoped: dict[tuple[str, tuple[str, ...]], list[ActiveBlackout]] = {}

    @property
    def year(self) -> int:
        return self.plan.plan.year

    @cached_property
    def touchpoints(self) -> dict[str, str]:
        """Touchpoint id → name (the first one, if an id is repeated)."""
        names: dict[str, str] = {}
        for t in self.plan.touchpoints:
            names.setdefault(t.id, t.name)
        return names

    def touchpoint_name(self, touchpoint_id: str) -> str:
        return self.touchpoints.get(touchpoint_id, touchpoint_id)

    @cached_property
    def segments(self) -> dict[str, Segment]:
        """Audience segment id → segment (empty without an audience)."""
        if self.audience is None:
            return {}
        return {s.id: s for s in self.audience.segments}

    @cached_property
    def campaigns(self) -> list[CampaignView]:
        return [CampaignView(i, c) for i, c in enumerate(self.plan.campaigns)]

    @cached_property
    def blackouts(self) -> list[ActiveBlackout]:
        """Blackouts that can be compared with (start on or before end), in file order."""
        return [ActiveBlackout(b) for b in self.plan.blackouts if b.start <= b.end]

    def scenario_status(self, declared: str | None) -> str | None:
        """A row's ``ine_exception`` under the scenario: only a pending one changes."""
        return assumed_exception(declared, self.assumption)

    def blackouts_of(
        self, touchpoint: str, states: Sequence[str] | None = None
    ) -> list[ActiveBlackout]:
        """The active blackouts that restrict a touchpoint, in file order; with ``states``
        (a campaign's), only those that reach a campaign there (``ine.applies_to``)."""
        found = self.blackouts_by_touchpoint.get(touchpoint)
        if not found:
            return []
        if states is None:
            return found
        # asked once per row: kept by touchpoint and states, as campaigns share both
        key = (touchpoint, tuple(states))
        scoped = self._scoped.get(key)
        if scoped is None:
            scoped = self._scoped[key] = [ab for ab in found if applies_to(ab.blackout, states)]
        return scoped

    @cached_property
    def blackouts_by_touchpoint(self) -> dict[str, list[ActiveBlackout]]:
        """Each touchpoint an active blackout restricts → those blackouts, in file order."""
        active = {id(ab.blackout): ab for ab in self.blackouts}
        index = BlackoutIndex(ab.blackout for ab in self.blackouts)
        touchpoints = {tp for ab in self.blackouts for tp in ab.restricts}
        return {tp: [active[id(b)] for b in index.restricting(tp)] for tp in touchpoints}


class AudienceContext:
    """The audience file being checked, with its segments by id."""

    def __init__(self, audience: Audience, doc: YamlDoc, year: int | None = None) -> None:
        self.audience = audience
        self.doc = doc
        #: the year of the plan beside it (None: no plan loaded)
        self.year = year

    @cached_property
    def segments(self) -> dict[str, Segment]:
        return {s.id: s for s in self.audience.segments}
