"""The blackout report: what each blackout restricts, which rows it hits, what a denial costs.

Pure core: no typer, no rich. The dataclass names are shared with the HTML report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from campana.agenda import select_campaigns
from campana.dates import span_days
from campana.ine import (
    BlackoutIndex,
    crossing,
    days_lost_if_denied,
    merge,
    on_air_spans,
    parse_assume_ine,
    restricted_names,
    restricts,
    row_status,
)
from campana.view import ViewFilter

if TYPE_CHECKING:
    from campana.models import Blackout, Campaign, Plan


@dataclass(frozen=True, slots=True)
class VedaRow:
    """An execution row a blackout restricts."""

    campaign_id: str
    campaign_name: str
    touchpoint_id: str
    touchpoint_name: str
    start: dt.date
    end: dt.date
    #: days of the row inside this blackout
    days_inside: int
    #: the effective status (ine.IneStatus) under the report's scenario
    ine_exception: str
    #: days inside this blackout the row loses if its exception is denied (0 when approved)
    days_lost_if_denied: int
    #: the date and the reference (acuerdo u oficio) of the INE's answer, when recorded
    ine_answer_date: dt.date | None = None
    ine_reference: str | None = None


@dataclass(frozen=True, slots=True)
class VedaCampaign:
    """A campaign that runs during a blackout."""

    id: str
    name: str
    #: days of the campaign inside the blackout
    days_inside: int
    #: of those, days with no execution row on air if every pending exception is denied
    uncovered_days_if_denied: int


@dataclass(frozen=True, slots=True)
class VedaBlackout:
    id: str
    name: str
    start: dt.date
    end: dt.date
    restricts: list[str]
    restricts_names: list[str]
    rows: list[VedaRow]
    campaigns: list[VedaCampaign]
    #: rows running during the blackout that it does not restrict (``not-applicable``, as
    #: Brigadas): the views show them, the JSON of issue 8 does not
    unrestricted: tuple[VedaRow, ...] = ()

    @property
    def days(self) -> int:
        """The blackout's length in days, both ends included."""
        return span_days(self.start, self.end)


@dataclass(frozen=True, slots=True)
class VedaReport:
    blackouts: list[VedaBlackout]
    #: the scenario (denied, approved, pending) or None
    assume_ine: str | None

    def to_json(self) -> dict[str, Any]:
        """``{"blackouts": [{"id", "name", "start", "end", "restricts", "rows", "campaigns"}]}``."""
        return {
            "blackouts": [
                {
                    "id": b.id,
                    "name": b.name,
                    "start": b.start.isoformat(),
                    "end": b.end.isoformat(),
                    "restricts": list(b.restricts),
                    "rows": [
                        {
                            "campaign": r.campaign_id,
                            "touchpoint_id": r.touchpoint_id,
                            "name": r.touchpoint_name,
                            "start": r.start.isoformat(),
                            "end": r.end.isoformat(),
                            "days_inside": r.days_inside,
                            "ine_exception": r.ine_exception,
                            "days_lost_if_denied": r.days_lost_if_denied,
                            "ine_answer_date": (
                                r.ine_answer_date.isoformat() if r.ine_answer_date else None
                            ),
                            "ine_reference": r.ine_reference,
                        }
                        for r in b.rows
                    ],
                    "campaigns": [
                        {
                            "id": c.id,
                            "name": c.name,
                            "days_inside": c.days_inside,
                            "uncovered_days_if_denied": c.uncovered_days_if_denied,
                        }
                        for c in b.campaigns
                    ],
                }
                for b in self.blackouts
            ]
        }


def veda_report(
    plan: Plan,
    *,
    assume_ine: str | None = None,
    campaigns: Sequence[str] | None = None,
    view: ViewFilter | None = None,
) -> VedaReport:
    """Every blackout of the plan, with the rows it restricts and the campaigns it covers.

    ``days_lost_if_denied`` and ``uncovered_days_if_denied`` read every exception still pending
    under the scenario as denied: with ``assume_ine="approved"`` pending rows stay on air, so they
    lose nothing. A row never requested, or denied, is off air in every case.
    """
    assume_ine = parse_assume_ine(assume_ine)
    # every blackout of the plan, with the rows of the view's campaigns (``campaigns``: their
    # ids, a shorthand for the view); the report has no window or touchpoint filter
    view = ViewFilter(view.campaigns if view else ViewFilter.of(campaigns=campaigns).campaigns)
    chosen = list(select_campaigns(plan, view).campaigns)
    index = BlackoutIndex.of(plan)
    # the hypothesis "every pending exception is denied", on top of the scenario
    if_denied = "approved" if assume_ine == "approved" else "denied"
    report = [_blackout(plan, b, chosen, index, assume_ine, if_denied) for b in plan.blackouts]
    return VedaReport(report, assume_ine)


def _blackout(
    plan: Plan,
    b: Blackout,
    chosen: list[Campaign],
    index: BlackoutIndex,
    assume_ine: str | None,
    if_denied: str,
) -> VedaBlackout:
    only_this = BlackoutIndex([b])
    rows: list[VedaRow] = []
    free: list[VedaRow] = []
    campaigns: list[VedaCampaign] = []
    for c in chosen:
        for r in c.execution:
            cross = crossing(b, r.start, r.end)
            if cross is None:
                continue
            if not restricts(b, r.touchpoint):
                free.append(
                    VedaRow(
                        c.id,
                        c.name,
                        r.touchpoint,
                        plan.touchpoint_name(r.touchpoint),
                        r.start,
                        r.end,
                        cross.days,
                        "not-applicable",
                        0,
                    )
                )
                continue
            rows.append(
                VedaRow(
                    campaign_id=c.id,
                    campaign_name=c.name,
                    touchpoint_id=r.touchpoint,
                    touchpoint_name=plan.touchpoint_name(r.touchpoint),
                    start=r.start,
                    end=r.end,
                    days_inside=cross.days,
                    ine_exception=row_status(r, only_this, assume_ine=assume_ine),
                    days_lost_if_denied=days_lost_if_denied(r, only_this, assume_ine=assume_ine),
                    ine_answer_date=r.ine_answer_date,
                    ine_reference=r.ine_reference,
                )
            )
        inside = crossing(b, c.start, c.end)
        if inside is None:
            continue
        on_air = [s for r in c.execution for s in on_air_spans(r, index, assume_ine=if_denied)]
        uncovered = sum(g.days for g in inside.minus(merge(on_air)))
        campaigns.append(VedaCampaign(c.id, c.name, inside.days, uncovered))
    return VedaBlackout(
        id=b.id,
        name=b.name,
        start=b.start,
        end=b.end,
        restricts=list(b.restricts),
        restricts_names=restricted_names(plan, b),
        rows=rows,
        campaigns=campaigns,
        unrestricted=tuple(free),
    )
