"""Query results as Markdown, to paste into a document: one function per result, named after
it (``schedule``, ``show``, ``campaign_list``, ``audience``, ``agenda``, ``veda``). A result's
table has the columns of ``render.columns``, as its CSV."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from campana.dates import days, fmt, period
from campana.pairing import with_table
from campana.render import columns
from campana.render.common import figure_text, schedule_title
from campana.render.grid import nfc
from campana.vocab import BRIEF_SECTIONS, and_list

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


def _table_of(table: columns.Table[Any]) -> str:
    """A result's table (``render.columns``): its headers, its values as people read them,
    figures aligned to the right."""
    kinds = [c.kind for c in table.columns]
    return _table(
        table.headers,
        [
            [columns.markdown_cell(k, v) for k, v in zip(kinds, values, strict=True)]
            for values in table.values()
        ],
        right=[i for i, c in enumerate(table.columns) if c.right],
    )


def schedule(s: Schedule) -> str:
    return f"### {schedule_title(s)}\n\n" + _table_of(columns.schedule_table(s))


def campaign_list(cl: CampaignList) -> str:
    head = f"**{_escape(cl.title)}** · {_escape(cl.owner)} · estado al {fmt(cl.today)}\n\n"
    return head + _table_of(columns.campaign_list_table(cl))


def audience(r: AudienceReport) -> str:
    return _table_of(columns.audience_table(r))


def brief(b: Brief, execution: str = "") -> str:
    """The brief's sections; ``execution``: the execution table, rendered by the caller
    (``show`` knows its owners and the scenario)."""
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
    if execution:
        out += ["", "### " + BRIEF_SECTIONS["execution"], "", execution.rstrip()]
    if b.findings:
        out += ["", "### " + BRIEF_SECTIONS["findings"], ""]
        out.append(_table_of(columns.findings_table(b.findings)).rstrip())
    return "\n".join(out) + "\n"


# --- agenda and veda (issue 8) ----------------------------------------------------------------


def agenda(a: Agenda) -> str:
    """The window, then a table of its events, day by day."""
    out = f"## Agenda {period(a.start, a.end, prose=True)}\n\nHoy es {fmt(a.today)}.\n\n"
    if not a.events and not a.rest_days:
        return out + "Nada en la agenda.\n"
    return out + _table_of(columns.agenda_table(a))


#: marks a figure that rests on dates the document leaves open (escaped: not emphasis)
STAR = "\\*"


def veda(r: VedaReport) -> str:
    """Per blackout: its dates and restrictions, the rows it hits, the campaigns it covers."""
    table = columns.veda_table(r)
    out = ""
    for n, b in enumerate(r.blackouts):
        if n:
            out += "\n"
        out += f"## {b.name}: {period(b.start, b.end)} ({days(b.days)})\n\n"
        scope = f" {b.scope}" if b.scope else ""
        out += f"Restringe {and_list(b.restricts_names)}.{scope}\n\n"
        out += _table_of(columns.Table(table.columns, [p for p in table.items if p[0] is b]))
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
    """The brief with its execution table (owners, INE status, the scenario's days lost),
    then the milestones."""
    from campana.vocab import MILESTONE_KINDS

    table = columns.show_table(s)
    out = brief(s.brief, _table_of(table) if table.items else "")
    if s.owner:
        out += f"\nResponsable: {_escape(s.owner)}\n"
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
