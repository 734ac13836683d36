"""Query results as Markdown, to paste into a document: one function per result, named after
it (``schedule``, ``brief``, ``campaign_list``, ``audience``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from campana.dates import days, fmt, period, span_days
from campana.pairing import with_table
from campana.render.common import figure_text, schedule_title, share_text, stated
from campana.render.grid import nfc
from campana.vocab import BRIEF_SECTIONS, and_list, ine_status, row_kind, severity

if TYPE_CHECKING:
    from campana.agenda import Agenda
    from campana.queries.audience import AudienceReport
    from campana.queries.brief import Brief, Show
    from campana.queries.campaigns import CampaignList
    from campana.queries.schedule import Schedule
    from campana.veda import VedaReport


def _escape(value: Any) -> str:
    text = "" if value is None else nfc(str(value))
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], right: Sequence[int] = ()) -> str:
    out = ["| " + " | ".join(header) + " |"]
    out.append("|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|")
    out += ["| " + " | ".join(_escape(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def schedule(s: Schedule) -> str:
    names = {r.campaign: r.name for r in s.rows if r.kind == "campaign"}
    rows = []
    for r in s.data_rows:
        campaign = names.get(r.campaign, "") if r.campaign else ""
        part = r.name if r.kind in ("component", "touchpoint") else ""
        if r.kind == "blackout":
            campaign = r.name
        ine = ine_status(r.ine_status) if r.ine_status is not None else ""
        rows.append(
            [
                campaign if r.kind != "component" and r.kind != "touchpoint" else "",
                part,
                row_kind(r.kind),
                fmt(r.start)
                + (f" (tabla: {fmt(r.table[0])})" if r.table and r.table[0] != r.start else ""),
                fmt(r.end)
                + (f" (tabla: {fmt(r.table[1])})" if r.table and r.table[1] != r.end else ""),
                r.days,
                ine,
            ]
        )
    return f"### {schedule_title(s)}\n\n" + _table(
        [
            "Campaña",
            "Componente o punto de contacto",
            "Tipo",
            "Inicio",
            "Fin",
            "Días",
            "Excepción INE",
        ],
        rows,
        right=(5,),
    )


def campaign_list(cl: CampaignList) -> str:
    lines = cl.campaigns
    head = f"**{_escape(cl.title)}** · {_escape(cl.owner)} · estado al {fmt(cl.today)}\n\n"
    working = any(c.working_days is not None for c in lines)
    extra = ["Días hábiles"] if working else []
    return head + _table(
        ["Campaña", "Id", "Periodo", "Días", *extra, "Líneas", "Estado"],
        [
            [
                c.name,
                f"`{c.id}`",
                period(c.start, c.end),
                c.days,
                *([c.working_days] if working else []),
                c.lines,
                c.status.text,
            ]
            for c in lines
        ],
        right=(3, 4, 5) if working else (3, 4),
    )


def audience(r: AudienceReport) -> str:
    total = "% del total"
    return _table(
        ["Segmento", "Personas", total, "Dice el documento", "Campañas"],
        [
            [
                ("— " if s.depth else "") + s.name,
                figure_text(s.count, s.bound),
                share_text(s.share_of_total),
                "; ".join(
                    x
                    for x in (
                        stated(s),
                        f"podría agregarse a {s.adds_to_name}; no es parte de ellas"
                        if s.adds_to
                        else "",
                    )
                    if x
                ),
                ", ".join(s.campaign_names or s.campaigns),
            ]
            for s in r.segments
        ],
        right=(1, 2),
    )


def brief(b: Brief) -> str:
    out = [f"## {_escape(b.name)}", ""]
    out.append(f"- **Id:** `{b.id}`")
    if b.aka:
        out.append(f"- **También:** {', '.join(b.aka)}")
    length = days(b.days) if b.working_days is None else f"{days(b.days)}, {b.working_days} hábiles"
    out.append(f"- **Periodo:** {period(b.start, b.end)} ({length})")
    out.append(f"- **Estado al {fmt(b.today)}:** {b.status.label}")
    if not b.has_brief:
        out += ["", "_Solo aparece en la programación: todavía no tiene ficha de ejecución._"]
    if b.audience:
        out += ["", "### " + BRIEF_SECTIONS["audience"], ""]
        out.append(
            _table(
                ["Segmento", "Personas"],
                [[f.name, figure_text(f.count, f.bound)] for f in b.audience],
                right=(1,),
            ).rstrip()
        )
    if b.objectives:
        out += ["", "### " + BRIEF_SECTIONS["objectives"], ""]
        for n, o in enumerate(b.objectives, 1):
            when = f" _({period(o.start, o.end)})_" if o.start and o.end else ""
            out.append(f"{n}. {nfc(o.text)}{when}")
    if b.creative:
        out += ["", "### " + BRIEF_SECTIONS["creative"], ""]
        for n, piece in enumerate(b.creative, 1):
            out.append(f"- Pieza {n}: " + "; ".join(f"«{i.text}» ({i.kind_es})" for i in piece))
    if b.channels:
        out += ["", "### " + BRIEF_SECTIONS["channels"], ""]
        out += [
            f"- {c.name} ({c.kind_es})" + (f": {c.contact}" if c.contact else "")
            for c in b.channels
        ]
    if b.components:
        out += ["", "### " + BRIEF_SECTIONS["components"], ""]
        out.append(
            _table(
                ["Componente", "Periodo", "Días", "Punto de contacto"],
                [
                    [
                        k.name,
                        with_table(period(k.start, k.end), k.table),
                        k.days,
                        k.touchpoint or "",
                    ]
                    for k in b.components
                ],
                right=(2,),
            ).rstrip()
        )
    if b.touchpoints:
        out += ["", "### " + BRIEF_SECTIONS["execution"], ""]
        out.append(
            _table(
                ["Punto de contacto", "Tácticos", "Periodo", "Excepción INE"],
                [
                    [
                        t.label,
                        "; ".join(t.tactics),
                        period(t.start, t.end),
                        ine_status(t.ine_status),
                    ]
                    for t in b.touchpoints
                ],
            ).rstrip()
        )
    if b.findings:
        out += ["", "### " + BRIEF_SECTIONS["findings"], ""]
        out += [
            f"- {severity(f.severity)}: {f.message} (`{f.code}`, {f.file}:{f.line})"
            for f in b.findings
        ]
    return "\n".join(out) + "\n"


# --- agenda and veda (issue 8) ----------------------------------------------------------------


def agenda(a: Agenda) -> str:
    """A heading per day, then a table of its events."""
    from campana.render.tables import day_heading, rest_day_text

    out = f"## Agenda {period(a.start, a.end, prose=True)}\n\nHoy es {fmt(a.today)}.\n"
    for day, events in a.by_day():
        out += f"\n### {day_heading(day, a.today)}\n\n"
        if day in a.rest_days:
            out += f"{_escape(rest_day_text(a.rest_days[day]))}.\n\n"
        if events:
            out += _table(
                ["Campaña", "Qué pasa", "Responsable"],
                [[e.campaign_name or e.name, e.message, e.owner or ""] for e in events],
            )
    if not a.events:
        out += "\nNada en la agenda.\n"
    return out


#: marks a figure that rests on dates the document leaves open (escaped: not emphasis)
STAR = "\\*"


def veda(r: VedaReport) -> str:
    """Per blackout: its dates and restrictions, the rows it hits, the campaigns it covers."""
    out = ""
    for n, b in enumerate(r.blackouts):
        if n:
            out += "\n"
        out += f"## {b.name}: {period(b.start, b.end)} ({days(span_days(b.start, b.end))})\n\n"
        out += f"Restringe {and_list(b.restricts_names)}.\n\n"
        out += _table(
            ["Campaña", "Punto de contacto", "Periodo", "Días dentro", "Excepción", r.lost_label],
            [
                [
                    x.campaign_name,
                    x.touchpoint_name,
                    period(x.start, x.end),
                    x.days_inside,
                    ine_status(x.ine_exception),
                    x.days_lost_if_denied,
                ]
                for x in (*b.rows, *b.unrestricted)
            ],
            right=(3, 5),
        )
        out += "\n"
        out += _table(
            ["Campaña", "Días dentro", r.uncovered_label],
            [
                [c.name, c.days_inside, str(c.uncovered_days_if_denied) + ("*" if c.note else "")]
                for c in b.campaigns
            ],
            right=(1, 2),
        )
        notes = [f"{STAR} {_escape(c.name)}: {_escape(c.note)}." for c in b.campaigns if c.note]
        if notes:
            out += "\n" + "\n".join(notes) + "\n"
    if r.blackouts:
        out += f"\n{_escape(r.legend)}\n"
    return out


def show(s: Show) -> str:
    """The brief, then owners and INE status per touchpoint, and the milestones."""
    from campana.vocab import MILESTONE_KINDS

    out = brief(s.brief)
    if s.owner:
        out += f"\nResponsable: {_escape(s.owner)}\n"
    header = ["Punto de contacto", "Responsable", "Excepción INE"]
    if s.assume_ine:
        header.append("Días perdidos")
    rows = [
        [r.name, r.owner or "", ine_status(r.ine_status)] + ([r.days_lost] if s.assume_ine else [])
        for r in s.rows
    ]
    if rows:
        out += "\n### " + BRIEF_SECTIONS["owners"] + "\n\n" + _table(header, rows)
    if s.assume_ine:
        out += (
            f"\nBajo el escenario, la campaña pasa {days(s.days_lost)} más sin ningún punto de "
            "contacto al aire.\n"
        )
    if s.milestones:
        out += (
            "\n### "
            + BRIEF_SECTIONS["milestones"]
            + "\n\n"
            + _table(
                ["Fecha", "Hito", "Tipo", "Responsable"],
                [
                    [fmt(m.date), m.name, MILESTONE_KINDS.get(m.kind, m.kind), m.owner or ""]
                    for m in s.milestones
                ],
            )
        )
    return out
