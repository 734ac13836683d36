"""Query results as JSON and CSV: stable (documented in docs/reference.md and docs/output.md),
ISO dates, no styling.

``<result>_json`` and ``<result>_csv`` for each result: ``schedule``, ``show``,
``campaign_list`` (``list``), ``audience``, ``agenda``, ``veda``. The CSV is for Excel: UTF-8
with a BOM, the Spanish headers and values of ``render.columns`` (the same columns as the
Markdown), ISO dates.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from campana.render import columns
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


#: the byte order mark: Excel reads a CSV that starts with it as UTF-8 (without it, as the
#: system's legacy code page: «Campaña» becomes «CampaÃ±a»)
BOM = "\ufeff"


def _csv(table: columns.Table[Any]) -> str:
    """A result's table as CSV for Excel: BOM, the Spanish header, one line per item."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.headers)
    kinds = [c.kind for c in table.columns]
    for values in table.values():
        writer.writerow([columns.csv_cell(k, v) for k, v in zip(kinds, values, strict=True)])
    return BOM + buf.getvalue()


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


def schedule_json(s: Schedule) -> str:
    return _dump(schedule_dict(s))


def schedule_csv(s: Schedule) -> str:
    return _csv(columns.schedule_table(s))


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


def campaign_list_csv(cl: CampaignList) -> str:
    return _csv(columns.campaign_list_table(cl))


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


def audience_csv(r: AudienceReport) -> str:
    return _csv(columns.audience_table(r))


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


def campaign_list_json(cl: CampaignList) -> str:
    return _dump(campaign_list_dict(cl))


def audience_json(r: AudienceReport) -> str:
    return _dump(audience_dict(r))


# --- agenda and veda (issue 8) ----------------------------------------------------------------


def agenda_json(a: Agenda) -> str:
    """``Agenda.to_json()``: ``{"from", "to", "today", "events": [...]}``."""
    return _dump(a.to_json())


def agenda_csv(a: Agenda) -> str:
    """One line per event."""
    return _csv(columns.agenda_table(a))


def veda_json(r: VedaReport) -> str:
    """``VedaReport.to_json()``."""
    return _dump(r.to_json())


def veda_csv(r: VedaReport) -> str:
    """The rows of every blackout (the per-campaign totals are in the JSON and the table)."""
    return _csv(columns.veda_table(r))


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
    """The campaign's execution table (the brief's other parts are in the JSON and the
    Markdown)."""
    return _csv(columns.show_table(s))
