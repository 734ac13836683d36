"""The audience figures (what ``audience`` answers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campana.queries.common import _segment_name

if TYPE_CHECKING:
    from campana.models import Audience, Plan


# --- the audience -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentLine:
    id: str
    name: str
    count: int
    bound: str
    #: the whole of the breakdown this segment is a part of, if any
    part_of: str | None
    #: count / total, computed (None for a segment the total is itself a share of)
    share_of_total: float | None
    stated_percent: float | None
    stated_of: str | None
    #: the stated share recomputed from the counts, in percent
    computed_percent: float | None
    campaigns: tuple[str, ...]
    note: str | None = None
    reasons: tuple[str, ...] = ()
    since: dt.date | None = None
    source: str | None = None
    #: the names of ``stated_of`` and of ``campaigns``
    stated_of_name: str | None = None
    campaign_names: tuple[str, ...] = ()
    #: the segment this one would be added to (a potential addition, not a part), and its name
    adds_to: str | None = None
    adds_to_name: str | None = None

    @property
    def depth(self) -> int:
        return 1 if self.part_of else 0


@dataclass(frozen=True)
class AudienceReport:
    total_id: str | None
    total_name: str | None
    total_count: int | None
    segments: tuple[SegmentLine, ...]


def audience_report(audience: Audience, plan: Plan | None = None) -> AudienceReport:
    """The segments with their figures, their share of the total (the whole of the first
    breakdown) computed from the counts, and the campaigns that address each."""
    by_id = {s.id: s for s in audience.segments}
    total = by_id.get(audience.breakdowns[0].whole) if audience.breakdowns else None
    part_of: dict[str, str] = {}
    for b in audience.breakdowns:
        for p in b.parts:
            part_of.setdefault(p, b.whole)
    # segments the total is a share of contain it: their "share of the total" means nothing
    supersets = {total.share.of} if total is not None and total.share is not None else set()

    def line(s_id: str) -> SegmentLine:
        s = by_id[s_id]
        share = None
        if total is not None and total.count and s.id not in supersets and s.adds_to is None:
            share = s.count / total.count
        computed = None
        if s.share is not None:
            whole = by_id.get(s.share.of)
            if whole is not None and whole.count:
                computed = 100 * s.count / whole.count
        addressed = [c for c in (plan.campaigns if plan is not None else []) if s.id in c.audience]
        campaigns = tuple(c.id for c in addressed)
        whole_id = part_of.get(s.id)
        return SegmentLine(
            s.id,
            s.name,
            s.count,
            s.bound,
            whole_id if whole_id in by_id else None,
            share,
            s.share.percent if s.share else None,
            s.share.of if s.share else None,
            computed,
            campaigns,
            s.note,
            tuple(s.reasons),
            s.since,
            s.source,
            _segment_name(audience, s.share.of) if s.share else None,
            tuple(c.name for c in addressed),
            s.adds_to,
            _segment_name(audience, s.adds_to) if s.adds_to else None,
        )

    ordered: list[str] = []

    def place(s_id: str) -> None:
        if s_id in ordered or s_id not in by_id:
            return
        ordered.append(s_id)
        for b in audience.breakdowns:
            if b.whole == s_id:
                for p in b.parts:
                    place(p)

    for s in audience.segments:
        if s.id not in part_of or part_of[s.id] not in by_id:
            place(s.id)
    for s in audience.segments:  # parts of a cycle or of a missing whole
        place(s.id)
    return AudienceReport(
        total.id if total else None,
        total.name if total else None,
        total.count if total else None,
        tuple(line(s) for s in ordered),
    )
