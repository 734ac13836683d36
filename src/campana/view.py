"""The one view filter: which campaigns, which touchpoints and which dates a view shows.

Every view (schedule, agenda, veda, the chart and report of ``export svg``/``html``, the
calendar of ``export ics``) takes a :class:`ViewFilter` and asks :func:`select` (or the
filter's own predicates) what to keep, instead of filtering on its own. The CLI builds the
filter once from ``--campaign``, ``--touchpoint`` and ``--on``/``--month``/``--from``/``--to``
(``cli.common.view_filter``). Pure core: no typer, rich or pydantic at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from campana import ine
from campana.dates import Span, fold
from campana.errors import CampanaError

if TYPE_CHECKING:
    from campana.models import Blackout, Campaign, Plan


@dataclass(frozen=True, slots=True)
class ViewFilter:
    """What a view is narrowed to. The default shows everything.

    ``campaigns`` are campaign ids in the order the user named them (None: every campaign;
    empty: none, as a report narrowed to a window where no campaign runs);
    ``touchpoint`` is the text of ``--touchpoint`` (a component or touchpoint whose name, id
    or tactic contains it, case and accents ignored); ``window`` the dates shown (None: no
    date filter, as the blackout report and the calendar).
    """

    campaigns: tuple[str, ...] | None = None
    touchpoint: str | None = None
    window: Span | None = None

    @classmethod
    def of(
        cls,
        *,
        campaigns: Iterable[str] | None = None,
        touchpoint: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        year: int | None = None,
    ) -> ViewFilter:
        """A filter from the keyword arguments the core functions accept as a shorthand.

        ``start`` and ``end`` make the window; one of them alone runs to the start or the end
        of ``year`` (no window without a year to lend).
        """
        window = None
        if start is not None and end is not None:
            window = Span(start, end)
        elif year is not None and (start is not None or end is not None):
            window = Span(start or dt.date(year, 1, 1), end or dt.date(year, 12, 31))
        return cls(None if campaigns is None else tuple(campaigns), touchpoint, window)

    def in_year(self, year: int) -> ViewFilter:
        """The filter with the whole of ``year`` as its window when it has none (the views
        that draw dates: schedule, chart, report)."""
        if self.window is not None:
            return self
        return replace(self, window=Span(dt.date(year, 1, 1), dt.date(year, 12, 31)))

    @property
    def by_campaign(self) -> bool:
        """Whether the user chose campaigns."""
        return self.campaigns is not None

    @property
    def wanted(self) -> str | None:
        """The touchpoint filter as it is compared (folded), or None without one."""
        return None if self.touchpoint is None else fold(self.touchpoint)

    def keeps_campaign(self, campaign_id: str) -> bool:
        return self.campaigns is None or campaign_id in self.campaigns

    def shows(self, start: dt.date, end: dt.date) -> bool:
        """Whether a period [start, end] has a day in the window (always, without one)."""
        return self.window is None or self.window.overlaps((start, end))

    def shows_day(self, day: dt.date) -> bool:
        """Whether a day falls in the window (always, without one)."""
        return self.window is None or self.window.contains(day)

    def matches(self, keys: Iterable[str | None]) -> bool:
        """Whether one of a row's names, ids or tactics contains the touchpoint filter
        (always, without one)."""
        wanted = self.wanted
        return wanted is None or any(wanted in fold(k) for k in keys if k)


@dataclass(frozen=True, slots=True)
class Selection:
    """A filter applied to a plan: the campaigns and blackouts a view starts from."""

    view: ViewFilter
    #: the chosen campaigns, in plan order
    campaigns: tuple[Campaign, ...]
    #: the chosen campaigns in the order the user named them (plan order when none was named)
    named: tuple[Campaign, ...]
    #: the blackouts with a day in the window (every blackout without one), in file order
    blackouts: tuple[Blackout, ...]

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.campaigns]

    def blackouts_of_campaigns(self) -> list[Blackout]:
        """The blackouts of the window; when campaigns were chosen, only those crossing one."""
        if not self.view.by_campaign:
            return list(self.blackouts)
        return [
            b
            for b in self.blackouts
            if any(ine.crossing(b, c.start, c.end) for c in self.campaigns)
        ]


class UnknownCampaign(CampanaError):
    """A campaign id of the filter that the plan does not have (exit 2)."""

    def __init__(self, plan: Plan, unknown: Sequence[str]) -> None:
        super().__init__(
            "no hay campaña " + ", ".join(f"«{u}»" for u in unknown),
            hint="las campañas son: " + ", ".join(c.id for c in plan.campaigns),
        )
        self.unknown = tuple(unknown)


def select(plan: Plan, view: ViewFilter) -> Selection:
    """The one application of a view filter to a plan.

    Raises :class:`UnknownCampaign` when the filter names an id the plan does not have (the
    CLI resolves names to ids first, so only a caller of the core sees it).
    """
    by_id = {c.id: c for c in plan.campaigns}
    unknown = sorted({i for i in view.campaigns or () if i not in by_id})
    if unknown:
        raise UnknownCampaign(plan, unknown)
    chosen = tuple(c for c in plan.campaigns if view.keeps_campaign(c.id))
    named = chosen
    if view.campaigns is not None:
        named = tuple(by_id[i] for i in dict.fromkeys(view.campaigns))
    blackouts = tuple(
        plan.blackouts
        if view.window is None
        else ine.during(plan.blackouts, view.window.start, view.window.end)
    )
    return Selection(view, chosen, named, blackouts)
