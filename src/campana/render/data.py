"""Query results as JSON and CSV: stable (documented in docs/reference.md), ISO dates, no styling.

``<result>_json`` and ``<result>_csv`` for each result: ``schedule``, ``brief`` (``show``),
``campaign_list`` (``list``), ``audience``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from campana.dates import span_days
from campana.render.common import iso, share_percent, status_dict
from campana.render.findings import as_dicts

if TYPE_CHECKING:
    from campana.agenda import Agenda
    from campana.queries.audience import AudienceReport
    from campana.queries.brief import Brief, Show
    from campana.queries.campaigns import CampaignList
    from campana.queries.schedule import Row, Schedule
    from campana.veda import VedaReport


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def schedule_dict(s: Schedule) -> dict[str, Any]:
    return {
        "from": iso(s.start),
        "to": iso(s.end),
        "today": iso(s.today),
        "rows": [row_dict(r) for r in s.data_rows],
    }


def row_dict(r: Row) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "campaign": r.campaign,
        "touchpoint": r.touchpoint,
        "name": r.name,
        "start": iso(r.start),
        "end": iso(r.end),
        "days": r.days,
        "touchpoint_id": r.touchpoint_id,
        "tactics": list(r.tactics),
        "ine_exception": r.ine_exception,
        "ine_status": r.ine_status,
        "paired": r.paired,
        "table_start": iso(r.table[0]) if r.table else None,
        "table_end": iso(r.table[1]) if r.table else None,
    }


SCHEDULE_CSV = (
    "kind",
    "campaign",
    "touchpoint",
    "name",
    "start",
    "end",
    "days",
    "touchpoint_id",
    "tactics",
    "ine_exception",
    "ine_status",
    "paired",
    "table_start",
    "table_end",
)


def schedule_json(s: Schedule) -> str:
    return _dump(schedule_dict(s))


def schedule_csv(s: Schedule) -> str:
    return _csv(
        SCHEDULE_CSV,
        [
            [
                r.kind,
                r.campaign,
                r.touchpoint,
                r.name,
                iso(r.start),
                iso(r.end),
                r.days,
                r.touchpoint_id,
                "; ".join(r.tactics),
                r.ine_exception,
                r.ine_status,
                "true" if r.paired else "false",
                iso(r.table[0]) if r.table else None,
                iso(r.table[1]) if r.table else None,
            ]
            for r in s.data_rows
        ],
    )


def campaign_list_dict(cl: CampaignList) -> dict[str, Any]:
    return {
        "today": iso(cl.today),
        "plan": {
            "title": cl.title,
            "owner": cl.owner,
            "notes": [{"text": n.text, "details": list(n.details)} for n in cl.notes],
        },
        "campaigns": [
            {
                "id": c.id,
                "name": c.name,
                "start": iso(c.start),
                "end": iso(c.end),
                "days": c.days,
                "components": c.components,
                "touchpoints": c.touchpoints,
                "lines": c.lines,
                "status": status_dict(c.status),
                "owner": c.owner,
                **({} if c.working_days is None else {"working_days": c.working_days}),
            }
            for c in cl.campaigns
        ],
    }


CAMPAIGN_LIST_CSV = (
    "id",
    "name",
    "start",
    "end",
    "days",
    "components",
    "touchpoints",
    "lines",
    "status",
    "day",
)


def campaign_list_csv(cl: CampaignList) -> str:
    lines = cl.campaigns
    return _csv(
        CAMPAIGN_LIST_CSV,
        [
            [
                c.id,
                c.name,
                iso(c.start),
                iso(c.end),
                c.days,
                c.components,
                c.touchpoints,
                c.lines,
                c.status.kind,
                c.status.day,
            ]
            for c in lines
        ],
    )


def audience_dict(r: AudienceReport) -> dict[str, Any]:
    return {
        "total": {"id": r.total_id, "name": r.total_name, "count": r.total_count},
        "segments": [
            {
                "id": s.id,
                "name": s.name,
                "count": s.count,
                "bound": s.bound,
                "part_of": s.part_of,
                "percent_of_total": share_percent(s.share_of_total),
                "stated_percent": s.stated_percent,
                "stated_of": s.stated_of,
                "computed_percent": round(s.computed_percent, 4)
                if s.computed_percent is not None
                else None,
                "campaigns": list(s.campaigns),
                "adds_to": s.adds_to,
                "note": s.note,
                "reasons": list(s.reasons),
                "since": iso(s.since),
                "source": s.source,
            }
            for s in r.segments
        ],
    }


AUDIENCE_CSV = (
    "id",
    "name",
    "count",
    "bound",
    "part_of",
    "percent_of_total",
    "stated_percent",
    "stated_of",
    "computed_percent",
    "campaigns",
)


def audience_csv(r: AudienceReport) -> str:
    rows = []
    for d in audience_dict(r)["segments"]:
        rows.append([d[k] if k != "campaigns" else "; ".join(d[k]) for k in AUDIENCE_CSV])
    return _csv(AUDIENCE_CSV, rows)


def brief_dict(b: Brief) -> dict[str, Any]:
    return {
        "id": b.id,
        "name": b.name,
        "aka": list(b.aka),
        "start": iso(b.start),
        "end": iso(b.end),
        "days": b.days,
        **({} if b.working_days is None else {"working_days": b.working_days}),
        "today": iso(b.today),
        "status": status_dict(b.status),
        "has_brief": b.has_brief,
        "audience": [
            {
                "id": f.id,
                "name": f.name,
                "count": f.count,
                "bound": f.bound,
                "stated_percent": f.stated_percent,
                "stated_of": f.stated_of,
            }
            for f in b.audience
        ],
        "objectives": [
            {"text": o.text, "start": iso(o.start), "end": iso(o.end), "period_text": o.period_text}
            for o in b.objectives
        ],
        "creative": [[{"text": i.text, "kind": i.kind} for i in piece] for piece in b.creative],
        "channels": [{"name": c.name, "kind": c.kind, "contact": c.contact} for c in b.channels],
        "components": [
            {
                "id": k.id,
                "name": k.name,
                "start": iso(k.start),
                "end": iso(k.end),
                "days": k.days,
                "touchpoint": k.touchpoint,
                "tactic": k.tactic,
                "paired": k.paired,
                "table_start": iso(k.table[0]) if k.table else None,
                "table_end": iso(k.table[1]) if k.table else None,
            }
            for k in b.components
        ],
        "touchpoints": [
            {
                "id": t.touchpoint_id,
                "name": t.name,
                "tactics": list(t.tactics),
                "start": iso(t.start),
                "end": iso(t.end),
                "days": t.days,
                "period_text": t.period_text,
                "ine_exception": t.ine_exception,
                "ine_status": t.ine_status,
                "ine_answer_date": iso(t.ine_answer_date),
                "ine_reference": t.ine_reference,
                "blackout_days": t.blackout_days,
                "component": t.component,
            }
            for t in b.touchpoints
        ],
        "notes": list(b.notes),
        # validate's JSON, without the campaign every one of them is about
        "findings": [{k: v for k, v in d.items() if k != "campaign"} for d in as_dicts(b.findings)],
    }


BRIEF_CSV = ("kind", "name", "start", "end", "days", "tactics", "ine_exception")


def brief_csv(b: Brief) -> str:
    rows: list[list[Any]] = [["campaign", b.name, iso(b.start), iso(b.end), b.days, "", ""]]
    for o in b.objectives:
        rows.append(
            [
                "objective",
                o.text,
                iso(o.start),
                iso(o.end),
                span_days(o.start, o.end) if o.start and o.end else "",
                "",
                "",
            ]
        )
    for k in b.components:
        rows.append(["component", k.name, iso(k.start), iso(k.end), k.days, k.tactic or "", ""])
    for t in b.touchpoints:
        rows.append(
            [
                "touchpoint",
                t.name,
                iso(t.start),
                iso(t.end),
                t.days,
                "; ".join(t.tactics),
                t.ine_exception,
            ]
        )
    return _csv(BRIEF_CSV, rows)


def campaign_list_json(cl: CampaignList) -> str:
    return _dump(campaign_list_dict(cl))


def audience_json(r: AudienceReport) -> str:
    return _dump(audience_dict(r))


# --- agenda and veda (issue 8) ----------------------------------------------------------------


def agenda_json(a: Agenda) -> str:
    """``Agenda.to_json()``: ``{"from", "to", "today", "events": [...]}``."""
    return _dump(a.to_json())


def agenda_csv(a: Agenda) -> str:
    """One line per event; the header is the keys of an event in JSON."""
    from campana.agenda import EVENT_KEYS

    events = a.to_json()["events"]
    return _csv(EVENT_KEYS, [[e[k] for k in EVENT_KEYS] for e in events])


def veda_json(r: VedaReport) -> str:
    """``VedaReport.to_json()``."""
    return _dump(r.to_json())


#: the CSV of the veda report: one line per restricted row, with its blackout
VEDA_CSV_HEADER = (
    "blackout",
    "campaign",
    "touchpoint_id",
    "name",
    "start",
    "end",
    "days_inside",
    "ine_exception",
    "days_lost_if_denied",
)


def veda_csv(r: VedaReport) -> str:
    """The rows of every blackout (the per-campaign totals are in the JSON and the table)."""
    rows = [
        [b["id"], *(x[k] for k in VEDA_CSV_HEADER[1:])]
        for b in r.to_json()["blackouts"]
        for x in b["rows"]
    ]
    return _csv(VEDA_CSV_HEADER, rows)


def show_dict(s: Show) -> dict[str, Any]:
    """The brief's JSON, plus ``owner``, ``owners``, ``execution_ine``, ``milestones`` and, under
    a scenario, ``assume_ine`` and ``days_lost``."""
    data = brief_dict(s.brief)
    data["owner"] = s.owner
    data["component_owners"] = {name: owner for name, owner in s.component_owners}
    data["execution_ine"] = [
        {
            "touchpoint_id": r.touchpoint_id,
            "owner": r.owner,
            "ine_status": r.ine_status,
            "days_lost": r.days_lost,
        }
        for r in s.rows
    ]
    data["milestones"] = [
        {
            "id": m.id,
            "name": m.name,
            "date": iso(m.date),
            "kind": m.kind,
            "owner": m.owner,
            "touchpoint": m.touchpoint,
        }
        for m in s.milestones
    ]
    data["assume_ine"] = s.assume_ine
    data["days_lost"] = s.days_lost
    return data


def show_json(s: Show) -> str:
    return _dump(show_dict(s))


def show_csv(s: Show) -> str:
    return brief_csv(s.brief)
