"""The plan as an Excel workbook (xlsxwriter, imported only here): the programme grid, a sheet
per campaign (its brief and execution table), the audience with live formulas, the blackout
report and the findings. Dates are real Excel dates; every word is Spanish.

``campana import`` reads the campaign sheets' execution tables back (``campana.importing``):
their headers (``EXECUTION_HEADERS``) are shared with it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from campana.dates import MONTHS_ES, sentence
from campana.dates import period as period_text
from campana.errors import Finding
from campana.ine import scenario_label
from campana.programme import ASTERISK_NOTES, Unit, cell, columns, grid_rows
from campana.queries.audience import AudienceReport
from campana.queries.brief import Brief
from campana.render.columns import Table, findings_table, veda_campaign_table, veda_table
from campana.vocab import (
    BRIEF_SECTIONS,
    FIGURE_BOUNDS,
    INE_STATUS,
    ROW_KINDS,
    figure,
    number,
)

if TYPE_CHECKING:
    from campana.document import PlanDocument
    from campana.models import Audience, Plan

#: the execution table's columns, as ``campana import`` finds them again
EXECUTION_HEADERS = (
    "Punto de contacto",
    "Tácticos",
    "Inicio",
    "Fin",
    "Días",
    "Días en veda",
    "Excepción INE",
    "Responsable",
)
#: the components' columns, under the execution table's (same widths)
COMPONENT_HEADERS = (
    "Componente",
    "Táctico",
    "Inicio",
    "Fin",
    "Días",
    "Punto de contacto",
    "Estado",
    "Responsable",
)
#: the last column of a campaign sheet's tables: long text spans the columns up to it
LAST = len(EXECUTION_HEADERS) - 1

#: cell colours (the chart's palette)
COLOURS = {
    "campaign": "#1F3B57",
    "active": "#4B77A3",
    "pending": "#F2A93B",
    "suspended": "#C0392B",
    "weekend": "#E8EAED",
    "rest": "#D9D2E9",
    "blackout": "#FDF0E6",
    "header": "#EEF2F6",
}
LEGEND = (
    ("campaign", "Campaña al aire"),
    ("active", "Componente o punto de contacto al aire"),
    ("pending", "En veda: excepción del INE pendiente"),
    ("suspended", "En veda: fuera del aire (sin excepción o negada)"),
    ("blackout", "Periodo de veda (encabezado)"),
    ("weekend", "Fin de semana"),
    ("rest", "Día de descanso obligatorio"),
)

INVALID_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (31 characters, none of []:*?/\\)."""
    base = " ".join(name.translate(INVALID_SHEET_CHARS).split())[:31].strip("'") or "Hoja"
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate


class _Sheet:
    """A worksheet that remembers the widest text of each column (for the widths) and the
    wrapped text of each row (for the heights: neither Excel nor LibreOffice grows a row for a
    file's wrapped text by itself)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.widths: dict[int, float] = {}
        #: row -> [(first column, last column, text)] of wrapped cells
        self.wrapped: dict[int, list[tuple[int, int, str]]] = {}

    def _fit(self, col: int, value: object, wrap_at: int) -> None:
        if isinstance(value, dt.date):
            size = 13.0
        elif isinstance(value, int):
            size = len(number(value)) + 3.0
        elif isinstance(value, float):
            size = len(number(int(value))) + 6.0  # «,.1f»: the integer part, «.d» and room
        else:
            lines = str(value).split("\n") if value is not None else [""]
            size = min(max(len(x) for x in lines), wrap_at) + 2.0
        self.widths[col] = max(self.widths.get(col, 0.0), size)

    def put(self, row: int, col: int, value: object, style: Any = None, wrap_at: int = 60) -> None:
        if isinstance(value, dt.date):
            self.ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), style)
        elif value is None or value == "":
            self.ws.write_blank(row, col, None, style)
        else:
            self.ws.write(row, col, value, style)
        self._fit(col, value, wrap_at)
        if isinstance(value, str) and (len(value) > wrap_at or "\n" in value):
            self.wrapped.setdefault(row, []).append((col, col, value))

    def span(self, row: int, first: int, last: int, text: str, style: Any) -> None:
        """Long text over the columns [first, last], wrapped (a brief's objectives, notes)."""
        if last > first:
            self.ws.merge_range(row, first, row, last, text, style)
        else:
            self.ws.write(row, first, text, style)
        self.wrapped.setdefault(row, []).append((first, last, text))

    def finish(self, minimum: float = 6.0) -> None:
        import math

        for col, width in self.widths.items():
            self.ws.set_column(col, col, max(width, minimum))
        for row, cells in self.wrapped.items():
            lines = 1
            for first, last, text in cells:
                width = sum(max(self.widths.get(c, 8.43), minimum) for c in range(first, last + 1))
                room = max(width - 1.0, 4.0)
                needed = sum(max(1, math.ceil(len(part) / room)) for part in text.split("\n"))
                lines = max(lines, needed)
            if lines > 1:
                self.ws.set_row(row, 15 * lines + 2)


def plan_xlsx(doc: PlanDocument, *, unit: Unit = "week") -> bytes:
    """The workbook of ``campana.document.plan_document``'s result, as bytes. ``unit`` is the
    programme grid's column: a week or a day."""
    import xlsxwriter

    plan = doc.plan
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties({"title": plan.plan.title, "author": plan.plan.owner, "language": "es-MX"})
    st = _styles(wb)
    taken: set[str] = {"programación", "audiencia", "veda", "hallazgos"}
    _programme(wb, st, doc, unit)
    # the campaign sheets hold the plan as declared (campana import reads them back); the
    # scenario shows in the programme and the blackout sheets
    for b in doc.declared:
        _campaign(wb, st, plan, b, sheet_name(b.name, taken))
    if doc.audience is not None and doc.audience_model is not None:
        _audience(wb, st, plan, doc.audience, doc.audience_model)
    _veda(wb, st, doc)
    _findings(wb, st, doc.findings, plan.plan.title)
    wb.close()
    return out.getvalue()


def _styles(wb: Any) -> dict[str, Any]:
    base = {"font_name": "Calibri", "font_size": 11, "valign": "top"}
    date = {**base, "num_format": "[$-080A]d mmm yyyy", "align": "left"}

    def f(**kw: Any) -> Any:
        return wb.add_format({**base, **kw})

    st = {
        "title": f(bold=True, font_size=16),
        "subtitle": f(font_color="#5F6368"),
        "scenario": f(bold=True, font_color="#8A3B00"),
        "h2": f(bold=True, font_size=13, font_color="#1F3B57"),
        "th": f(bold=True, bg_color=COLOURS["header"], bottom=1, text_wrap=True),
        "label": f(bold=True),
        "label_wrap": f(bold=True, text_wrap=True),
        "text": f(),
        "wrap": f(text_wrap=True),
        "date": wb.add_format(date),
        "int": f(num_format="#,##0"),
        "pct": f(num_format="0.0 %"),
        "note": f(italic=True, font_color="#5F6368"),
        "note_wrap": f(italic=True, font_color="#5F6368", text_wrap=True),
        "name0": f(bold=True),
        "name1": f(indent=1),
        "muted": f(font_color="#5F6368"),
        "month": f(bold=True, align="center", bg_color=COLOURS["header"], border=1),
        "colhead": f(
            align="center",
            font_size=9,
            bg_color=COLOURS["header"],
            rotation=90,
            num_format="[$-080A]d mmm",
        ),
        "colhead_day": f(align="center", font_size=9, bg_color=COLOURS["header"], num_format="d"),
        "colhead_veda": f(
            align="center",
            font_size=9,
            bg_color=COLOURS["blackout"],
            font_color="#8A3B00",
            num_format="d",
        ),
        "colhead_veda_rot": f(
            align="center",
            font_size=9,
            bg_color=COLOURS["blackout"],
            font_color="#8A3B00",
            rotation=90,
            num_format="[$-080A]d mmm",
        ),
    }
    for key, colour in COLOURS.items():
        st["cell_" + key] = f(bg_color=colour, border=1, border_color="#FFFFFF")
    st["cell_"] = f(border=1, border_color="#F1F3F4")
    return st


def _programme(wb: Any, st: dict[str, Any], doc: PlanDocument, unit: Unit) -> None:
    ws = wb.add_worksheet("Programación")
    sh = _Sheet(ws)
    plan, data, assume_ine, rest = doc.plan, doc.chart, doc.assume_ine, doc.rest
    cols = columns(data.start, data.end, unit)
    rows = grid_rows(data)
    ws.write(0, 0, f"{plan.plan.title} — Programación", st["title"])
    per = "semana (la fecha es el lunes)" if unit == "week" else "día"
    ws.write(1, 0, f"{plan.plan.owner} · una columna por {per}", st["subtitle"])
    label = scenario_label(assume_ine)
    if label:
        ws.write(2, 0, label, st["scenario"])
    fixed = ("Campaña / fila", "Tipo", "Inicio", "Fin")
    first = len(fixed)
    month_row, head_row = 4, 5
    for j, text in enumerate(fixed):
        ws.write(month_row, j, "", st["th"])
        sh.put(head_row, j, text, st["th"])
    # month headers, merged over their columns
    j = 0
    while j < len(cols):
        m = cols[j].start.month
        k = j
        while k + 1 < len(cols) and cols[k + 1].start.month == m:
            k += 1
        name = MONTHS_ES[m - 1].capitalize()
        if k > j:
            ws.merge_range(month_row, first + j, month_row, first + k, name, st["month"])
        else:
            ws.write(month_row, first + j, name[:3], st["month"])
        j = k + 1
    veda_days = [(b.start, b.end) for b in data.blackouts]
    for j, col in enumerate(cols):
        in_veda = any(s <= col.end and col.start <= e for s, e in veda_days)
        if unit == "week":
            style = st["colhead_veda_rot" if in_veda else "colhead"]
        else:
            style = st["colhead_veda" if in_veda else "colhead_day"]
        ws.write_datetime(head_row, first + j, _dt(col.start), style)
        ws.set_column(first + j, first + j, 3.2 if unit == "week" else 2.8)
    ws.set_row(head_row, 42 if unit == "week" else 16)
    r = head_row + 1
    for row in rows:
        name_style = st["name0"] if row.kind == "campaign" else st["name1"]
        sh.put(r, 0, ("" if row.kind == "campaign" else "   ") + row.name, name_style, 48)
        sh.put(r, 1, ROW_KINDS.get(row.kind, row.kind), st["text"])
        sh.put(r, 2, row.start, st["date"])
        sh.put(r, 3, row.end, st["date"])
        for j, col in enumerate(cols):
            state = cell(row, col)
            if state == "active" and row.kind == "campaign":
                state_key = "campaign"
            elif state:
                state_key = state
            elif unit == "day" and col.start in rest:
                state_key = "rest"
            elif unit == "day" and col.weekend:
                state_key = "weekend"
            else:
                state_key = ""
            ws.write_blank(r, first + j, None, st["cell_" + state_key])
        r += 1
    # the legend below the grid
    r += 1
    ws.write(r, 0, "Leyenda", st["label"])
    r += 1
    for key, text in LEGEND:
        if key == "rest" and not rest:
            continue
        if key in ("weekend", "rest") and unit != "day":
            continue
        ws.write_blank(r, 1, None, st["cell_" + key])
        ws.write(r, 2, text, st["text"])
        r += 1
    if not rest and unit == "day":
        ws.write(r, 2, "Sin días de descanso: esta versión de campana no los conoce.", st["note"])
    sh.finish()
    ws.set_column(1, 1, 18)
    ws.freeze_panes(head_row + 1, first)
    ws.set_landscape()
    ws.set_paper(1)  # carta; fit to one page wide, as tall as needed
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(month_row, head_row)
    ws.repeat_columns(0, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer(f"&L{_escape_hf(plan.plan.title)}&RPágina &P de &N")


def _escape_hf(text: str) -> str:
    return text.replace("&", "&&")


def _dt(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time())


def _campaign(wb: Any, st: dict[str, Any], plan: Plan, b: Brief, name: str) -> None:
    """A campaign's sheet: its brief, then its tables (what ``campana import`` reads)."""
    ws = wb.add_worksheet(name)
    sh = _Sheet(ws)
    ws.write(0, 0, b.name, st["title"])
    r = _brief(sh, st, plan, b, 2)
    _campaign_tables(sh, st, plan, b, r)
    sh.finish()
    _print(ws, plan.plan.title)


def _brief(sh: _Sheet, st: dict[str, Any], plan: Plan, b: Brief, r: int) -> int:
    """The brief's facts, objectives, creative lines and channels from row ``r``: the next
    free row."""
    ws = sh.ws
    c = plan.campaign(b.id)
    facts: list[tuple[str, object, str]] = [
        ("Inicio", b.start, "date"),
        ("Fin", b.end, "date"),
        ("Periodo", f"{period_text(b.start, b.end)} ({b.days} días)", "text"),
        ("Estado", b.status.label, "text"),
    ]
    if b.aka:
        facts.append(("También llamada", ", ".join(b.aka), "text"))
    if c is not None and c.owner:
        facts.append(("Responsable", c.owner, "text"))
    if b.audience:
        facts.append(
            (
                BRIEF_SECTIONS["audience"],
                "\n".join(f"{s.name} ({_count(s.count, s.bound)})" for s in b.audience),
                "wrap",
            )
        )
    for label, value, _style in facts:
        sh.put(r, 0, label, st["label"])
        if isinstance(value, dt.date):
            sh.put(r, 1, value, st["date"])
        else:
            sh.span(r, 1, LAST, str(value), st["wrap"])
        r += 1
    if b.objectives:
        r += 1
        ws.write(r, 0, BRIEF_SECTIONS["objectives"], st["h2"])
        r += 1
        for i, o in enumerate(b.objectives, 1):
            when = f" ({period_text(o.start, o.end)})" if o.start and o.end else ""
            sh.put(r, 0, f"{i}.", st["label"])
            sh.span(r, 1, LAST, o.text + when, st["wrap"])
            r += 1
    if b.creative:
        r += 1
        ws.write(r, 0, BRIEF_SECTIONS["creative"], st["h2"])
        r += 1
        for i, piece in enumerate(b.creative, 1):
            sh.put(r, 0, f"Pieza {i}", st["label"])
            text = "\n".join(f"{x.text} ({x.kind_es})" for x in piece)
            sh.span(r, 1, LAST, text, st["wrap"])
            r += 1
    if b.channels:
        r += 1
        ws.write(r, 0, BRIEF_SECTIONS["channels"], st["h2"])
        r += 1
        for ch in b.channels:
            sh.put(r, 0, ch.name, st["label"], 30)
            sh.span(
                r, 1, LAST, f"{ch.kind_es}{': ' + ch.contact if ch.contact else ''}", st["text"]
            )
            r += 1
    return r


def _campaign_tables(sh: _Sheet, st: dict[str, Any], plan: Plan, b: Brief, r: int) -> None:
    """The components and execution tables (with the asterisk note), milestones and notes."""
    ws = sh.ws
    c = plan.campaign(b.id)
    if b.components:
        r += 1
        ws.write(r, 0, BRIEF_SECTIONS["components"], st["h2"])
        r += 1
        for j, h in enumerate(COMPONENT_HEADERS):
            sh.put(r, j, h, st["th"], 16)
        r += 1
        for k in b.components:
            owner = next((x.owner for x in (c.components if c else ()) if x.id == k.id), None)
            sh.put(r, 0, k.name, st["wrap"], 30)
            sh.put(r, 1, k.tactic or "—", st["wrap"], 40)
            sh.put(r, 2, k.start, st["date"])
            sh.put(r, 3, k.end, st["date"])
            sh.put(r, 4, k.days, st["int"])
            sh.put(r, 5, plan.touchpoint_name(k.touchpoint) if k.touchpoint else "—", st["text"])
            sh.put(r, 6, k.status.text, st["wrap"], 24)
            sh.put(r, LAST, owner or "—", st["wrap"], 30)
            r += 1
    if b.touchpoints:
        r += 1
        ws.write(r, 0, BRIEF_SECTIONS["execution"], st["h2"])
        r += 1
        for j, h in enumerate(EXECUTION_HEADERS):
            sh.put(r, j, h, st["th"], 16)
        r += 1
        owners = {e.touchpoint: e.owner for e in (c.execution if c else ())}
        starred: list[str] = []
        for t in b.touchpoints:
            sh.put(r, 0, t.name, st["wrap"], 30)
            sh.put(r, 1, "\n".join(t.tactics), st["wrap"], 40)
            sh.put(r, 2, t.start, st["date"])
            sh.put(r, 3, t.end, st["date"])
            sh.put(r, 4, t.days, st["int"])
            sh.put(r, 5, t.blackout_days, st["int"])
            status = INE_STATUS.get(t.ine_status, t.ine_status)
            if t.ine_exception is not None:
                status += "*"
                starred.append(t.ine_exception)
            sh.put(r, 6, status, st["text"])
            sh.put(r, 7, owners.get(t.touchpoint_id) or "—", st["wrap"], 30)
            r += 1
        for note in asterisk_notes(b, starred):
            sh.span(r, 0, LAST, note, st["note"])
            r += 1
    if c is not None and c.milestones:
        r += 1
        ws.write(r, 0, BRIEF_SECTIONS["milestones"], st["h2"])
        r += 1
        for j, h in enumerate(("Fecha", "Hito", "Responsable")):
            sh.put(r, j, h, st["th"])
        r += 1
        for m in sorted(c.milestones, key=lambda m: m.date):
            sh.put(r, 0, m.date, st["date"])
            sh.put(r, 1, m.name, st["text"])
            sh.put(r, 2, m.owner or "—", st["text"])
            r += 1
    if not b.has_brief:
        r += 1
        ws.write(
            r,
            0,
            "El documento solo incluye esta campaña en la programación; no trae objetivos, "
            "creatividades ni tabla de ejecución.",
            st["note"],
        )
        r += 1
    if any(not n.startswith("*") for n in b.notes):
        r += 1
        ws.write(r, 0, BRIEF_SECTIONS["notes"], st["h2"])
        r += 1
        for n in b.notes:
            if n.startswith("*"):  # the asterisk note: under the execution table
                continue
            sh.span(r, 0, LAST, n, st["wrap"])
            r += 1


def asterisk_notes(b: Brief, statuses: Sequence[str]) -> list[str]:
    """The note under an execution table whose rows carry an asterisk: the document's own (a
    campaign note that starts with «*»), else one per exception status of the starred rows."""
    if not statuses:
        return []
    own = [n if n.startswith("* ") else "* " + n[1:] for n in b.notes if n.startswith("*")]
    return own or ["* " + ASTERISK_NOTES.get(s, s) for s in dict.fromkeys(statuses)]


def _count(n: int | None, bound: str) -> str:
    return figure(n, bound, missing="—")


def _audience(
    wb: Any, st: dict[str, Any], plan: Plan, rep: AudienceReport, audience: Audience
) -> None:
    ws = wb.add_worksheet("Audiencia")
    sh = _Sheet(ws)
    ws.write(0, 0, "Audiencia", st["title"])
    heads = (
        "Segmento",
        "Personas",
        "Tipo de cifra",
        "% del total",
        "% que dice el documento",
        "Del segmento",
        "% calculado",
        "Campañas",
    )
    top = 2
    for j, h in enumerate(heads):
        sh.put(top, j, h, st["th"], 14)
    where = {s.id: top + 1 + i for i, s in enumerate(rep.segments)}
    for i, s in enumerate(rep.segments):
        r = top + 1 + i
        sh.put(r, 0, ("   " if s.depth else "") + s.name, st["wrap"], 44)
        sh.put(r, 1, s.count, st["int"])
        sh.put(r, 2, FIGURE_BOUNDS.get(s.bound, s.bound), st["text"])
        if s.share_of_total is not None and rep.total_id in where:
            ws.write_formula(
                r, 3, f"=B{r + 1}/B{where[rep.total_id] + 1}", st["pct"], s.share_of_total
            )
        else:
            sh.put(r, 3, "—", st["muted"])
        if s.stated_percent is not None:
            sh.put(r, 4, s.stated_percent / 100, st["pct"])
            sh.put(r, 5, s.stated_of_name or "", st["wrap"], 30)
            if s.stated_of in where and s.computed_percent is not None:
                ws.write_formula(
                    r,
                    6,
                    f"=B{r + 1}/B{where[s.stated_of] + 1}",
                    st["pct"],
                    s.computed_percent / 100,
                )
        sh.put(r, 7, "\n".join(s.campaign_names) or "—", st["wrap"], 34)
    r = top + 1 + len(rep.segments) + 1
    by_id = {s.id: s for s in rep.segments}
    for bd in audience.breakdowns:
        if bd.whole not in where or any(p not in where for p in bd.parts):
            continue
        cells = ",".join(f"B{where[p] + 1}" for p in bd.parts)
        total = sum(by_id[p].count for p in bd.parts)
        sh.put(r, 0, f"Suma de las partes de «{by_id[bd.whole].name}»", st["label_wrap"], 40)
        ws.write_formula(r, 1, f"=SUM({cells})", st["int"], total)
        ws.write(r, 2, "diferencia", st["muted"])
        ws.write_formula(
            r, 3, f"=B{where[bd.whole] + 1}-B{r + 1}", st["int"], by_id[bd.whole].count - total
        )
        r += 1
    if rep.total_name:
        ws.write(
            r + 1,
            0,
            f"El total es «{rep.total_name}»; los porcentajes son fórmulas sobre las cifras.",
            st["note"],
        )
    sh.finish()
    ws.freeze_panes(top + 1, 1)
    _print(ws, plan.plan.title)


def _veda(wb: Any, st: dict[str, Any], doc: PlanDocument) -> None:
    ws = wb.add_worksheet("Veda")
    sh = _Sheet(ws)
    plan, rep, assume_ine = doc.plan, doc.veda, doc.assume_ine
    # the columns of veda's CSV and Markdown (``render.columns``), less the blackout's name: it
    # heads each table here
    table = veda_table(rep)
    ws.write(0, 0, "Veda electoral", st["title"])
    r = 2
    label = scenario_label(assume_ine)
    if label:
        ws.write(r, 0, label, st["scenario"])
        r += 2
    if not rep.blackouts:
        ws.write(r, 0, "El plan no tiene vedas.", st["text"])
    for b in rep.blackouts:
        ws.write(r, 0, b.name, st["h2"])
        r += 1
        sh.put(r, 0, "Inicio", st["label"])
        sh.put(r, 1, b.start, st["date"])
        r += 1
        sh.put(r, 0, "Fin", st["label"])
        sh.put(r, 1, b.end, st["date"])
        r += 1
        ws.write(
            r,
            0,
            f"{sentence(period_text(b.start, b.end, prose=True, long=True))} "
            f"({doc.blackout_days.get(b.id, 0)} días). "
            f"Restringe: {', '.join(b.restricts_names)}." + (f" {b.scope}" if b.scope else ""),
            st["text"],
        )
        r += 2
        items = [p for p in table.items if p[0] is b]
        if not items:
            ws.write(r, 0, "Ningún punto de contacto del plan corre dentro de esta veda.")
            r += 2
            continue
        r = _table(sh, st, r, Table(table.columns[1:], items))
        if b.campaigns:
            r = _table(sh, st, r + 1, veda_campaign_table(rep, b))
            for vc in b.campaigns:
                if vc.note:  # the figure rests on a date the document does not settle
                    sh.span(r, 0, 6, f"{vc.name}: {vc.note}.", st["wrap"])
                    r += 1
            sh.span(r, 0, 6, rep.legend, st["note_wrap"])
            r += 1
        r += 1
    sh.finish()
    _print(ws, plan.plan.title)


#: how a column's kind is written: its cell style, and where its text wraps
_KIND_STYLE = {"date": "date", "number": "int", "percent": "pct", "text": "wrap", "status": "text"}


def _table(sh: _Sheet, st: dict[str, Any], r: int, table: Table[Any]) -> int:
    """A result's table (``render.columns``, the CSV's and Markdown's columns) from row ``r``:
    the headers, then a row per item, each value typed by its column's kind; the next row."""
    for j, h in enumerate(table.headers):
        sh.put(r, j, h, st["th"], 16)
    for values in table.values():
        r += 1
        for j, (column, value) in enumerate(zip(table.columns, values, strict=True)):
            text = column.kind == "text"
            sh.put(r, j, value, st[_KIND_STYLE[column.kind]], 60 if text else 24)
    return r + 1


def _print(ws: Any, title: str) -> None:
    """Landscape carta, one page wide, the plan's title and the page number in the footer."""
    ws.set_landscape()
    ws.set_paper(1)
    ws.fit_to_pages(1, 0)
    ws.set_footer(f"&L{_escape_hf(title)}&RPágina &P de &N")


def _findings(wb: Any, st: dict[str, Any], findings: Sequence[Finding], title: str) -> None:
    ws = wb.add_worksheet("Hallazgos")
    sh = _Sheet(ws)
    ws.write(0, 0, "Revisión del plan", st["title"])
    if not findings:
        ws.write(2, 0, "La revisión no encontró problemas: el plan es válido.", st["text"])
        sh.finish()
        return
    # the columns of validate's CSV (``render.columns``)
    table = findings_table(findings)
    last = _table(sh, st, 2, table)
    sh.finish()
    ws.freeze_panes(3, 0)
    ws.autofilter(2, 0, last - 1, len(table.columns) - 1)
    _print(ws, title)
