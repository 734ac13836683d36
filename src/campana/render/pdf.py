"""The report as a printable PDF (fpdf2, imported only here): landscape carta or A4, the plan's
title and the page number in every footer, the programme chart drawn natively, each campaign's
brief, the findings, the audience and the blackout report with its what-if.

fpdf2's core fonts (Helvetica) need no font file, so ``pip install campana`` is enough: they
cover Windows-1252 («», —, …, ¿, ñ, €); any other character is written as its nearest
Windows-1252 form (``pdf_text``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from campana.dates import MONTHS_ES, fmt, fmt_long, sentence
from campana.dates import period as period_text
from campana.errors import Finding
from campana.gantt import GanttData
from campana.ine import scenario_label
from campana.programme import columns, grid_rows
from campana.queries.audience import AudienceReport
from campana.queries.brief import Brief
from campana.render.xlsx import asterisk_notes
from campana.veda import VedaReport
from campana.vocab import BRIEF_SECTIONS, INE_STATUS, SEVERITIES, number

if TYPE_CHECKING:
    from campana.document import PlanDocument
    from campana.models import Plan

Paper = Literal["carta", "a4"]
FORMATS = {"carta": "letter", "a4": "A4"}

#: characters outside Windows-1252 that plans and campana's own text use
REPLACEMENTS = {
    "\u202f": " ",
    "\u2009": " ",
    "\u2248": "aprox. ",
    "\u2192": "->",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2212": "-",
    "\u2011": "-",
}

BLUE = (31, 59, 87)
ROW_BLUE = (75, 119, 163)
PENDING = (242, 169, 59)
SUSPENDED = (192, 57, 43)
VEDA = (253, 240, 230)
GREY = (95, 99, 104)
HEAD = (238, 242, 246)
LINE = (208, 215, 222)


def pdf_text(text: str) -> str:
    """``text`` in Windows-1252 (the core fonts' encoding): known characters replaced, others
    by their base letter, else «?»."""
    out = []
    for ch in text:
        ch = REPLACEMENTS.get(ch, ch)
        try:
            ch.encode("cp1252")
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch).encode("cp1252", "ignore").decode("cp1252")
            ch = base or "?"
        out.append(ch)
    return "".join(out)


def _document(title: str, paper: Paper) -> Any:
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self) -> None:
            self.set_y(-10)
            self.set_font("helvetica", size=8)
            self.set_text_color(*GREY)
            self.cell(0, 5, pdf_text(title), align="L")
            self.set_x(self.l_margin)
            self.cell(0, 5, f"Página {self.page_no()} de {{nb}}", align="R")
            self.set_text_color(0, 0, 0)

    pdf = Report(orientation="L", unit="mm", format=FORMATS[paper])
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_title(pdf_text(title))
    pdf.set_lang("es-MX")
    pdf.set_creator("campana")
    return pdf


def report_pdf(doc: PlanDocument, *, paper: Paper = "carta") -> bytes:
    """The report of ``campana.document.plan_document``'s result, as PDF bytes."""
    plan, today, assume_ine = doc.plan, doc.today, doc.assume_ine
    info = plan.plan
    pdf = _document(info.title, paper)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 22)
    pdf.cell(0, 11, pdf_text(info.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.set_text_color(*GREY)
    pdf.cell(
        0,
        6,
        pdf_text(f"{info.owner} · plan {info.year} · informe al {fmt_long(today)}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)
    label = scenario_label(assume_ine)
    if label:
        _scenario(pdf, label)
    if info.notes:
        _heading(pdf, "Notas del plan", 30)
        pdf.set_font("helvetica", size=10)
        for n in info.notes:
            _bullet(pdf, n.text, 0)
            for d in n.details:
                _bullet(pdf, d, 1)
    _chart(pdf, doc.chart)
    for b in doc.briefs:
        _campaign(pdf, plan, b)
    _findings(pdf, doc.findings)
    if doc.audience is not None:
        _audience(pdf, doc.audience)
    _veda(pdf, doc.veda, doc.blackout_days)
    return bytes(pdf.output())


# --- pieces -----------------------------------------------------------------------------------


def _room(pdf: Any) -> float:
    """Height left on the page above the footer."""
    return float(pdf.h - pdf.b_margin - pdf.get_y())


def _need(pdf: Any, height: float) -> None:
    """A new page unless ``height`` fits on this one (a heading is never left alone at the foot
    of a page, nor a table with a single row)."""
    if _room(pdf) < height:
        pdf.add_page()


def _heading(pdf: Any, text: str, keep: float, size: int = 15) -> None:
    _need(pdf, keep + 12)
    pdf.ln(4 if size < 15 else 6)
    pdf.set_font("helvetica", "B", size)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(0, size * 0.5, pdf_text(text), align="L", new_x="LMARGIN", new_y="NEXT")
    if size >= 15:
        pdf.set_draw_color(*BLUE)
        pdf.set_line_width(0.5)
        pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
        pdf.ln(3)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", size=10)


def _scenario(pdf: Any, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("helvetica", "B", 10)
    pdf.set_fill_color(*VEDA)
    pdf.set_text_color(138, 59, 0)
    pdf.multi_cell(0, 6, pdf_text(text + "."), fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", size=10)


def _bullet(pdf: Any, text: str, depth: int) -> None:
    pdf.set_x(pdf.l_margin + 4 + 6 * depth)
    pdf.cell(4, 5, "•" if depth == 0 else "–")
    pdf.multi_cell(0, 5, pdf_text(text), align="L", new_x="LMARGIN", new_y="NEXT")


def _text(pdf: Any, text: str, *, muted: bool = False, size: int = 10) -> None:
    pdf.set_font("helvetica", "I" if muted else "", size)
    if muted:
        pdf.set_text_color(*GREY)
    pdf.multi_cell(0, size * 0.5, pdf_text(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", size=10)


def _table(
    pdf: Any,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
) -> None:
    """A table whose header repeats on every page it spans, started on a new page unless its
    header and two rows (or all of it) fit here."""
    from fpdf.fonts import FontFace

    pdf.set_font("helvetica", size=9)
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    total = sum(widths)
    mm = [usable * w / total for w in widths]

    def lines(text: str, width: float) -> int:
        n = 0
        for part in text.split("\n"):
            n += max(1, int(pdf.get_string_width(part) / max(width - 2, 1)) + 1)
        return n

    def height(row: Sequence[str]) -> float:
        return max(lines(pdf_text(t), w) for t, w in zip(row, mm, strict=True)) * 4.6 + 2

    first = height(headers) + sum(height(r) for r in rows[:2])
    _need(pdf, first + 2)
    align = ["RIGHT" if i in right else "LEFT" for i in range(len(headers))]
    with pdf.table(
        col_widths=mm,
        width=usable,
        line_height=4.6,
        headings_style=FontFace(emphasis="BOLD", fill_color=HEAD),
        repeat_headings=1,
        text_align=align,
        borders_layout="HORIZONTAL_LINES",
        padding=1,
        v_align="TOP",
        cell_fill_color=(248, 250, 252),
        cell_fill_mode="ROWS",
    ) as table:
        head = table.row()
        for h in headers:
            head.cell(pdf_text(h))
        for r in rows:
            line = table.row()
            for t in r:
                line.cell(pdf_text(t))
    pdf.ln(2)
    pdf.set_font("helvetica", size=10)


def _chart(pdf: Any, data: GanttData) -> None:
    """The programme as bars over the year: a row per campaign, component and execution row,
    a column per month, blackouts shaded, days off air in orange (pending) or red; the header
    repeats on every page the rows take."""
    rows = grid_rows(data)
    label_w = 78.0
    left = pdf.l_margin + label_w
    width = pdf.w - pdf.r_margin - left
    days = (data.end - data.start).days + 1
    row_h = 5.2
    head_h = 7.0

    def x_of(d: dt.date) -> float:
        return float(left + width * (d - data.start).days / days)

    def header() -> None:
        y = pdf.get_y()
        pdf.set_font("helvetica", "B", 8)
        for col in columns(data.start, data.end, "month"):
            x0, x1 = x_of(col.start), x_of(col.end + dt.timedelta(days=1))
            pdf.set_fill_color(*HEAD)
            pdf.rect(x0, y, x1 - x0, head_h, style="F")
            pdf.set_xy(x0, y)
            name = MONTHS_ES[col.start.month - 1].capitalize()
            pdf.cell(x1 - x0, head_h, pdf_text(name if x1 - x0 > 18 else name[:3]), align="C")
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_w, head_h, "Campaña / fila")
        pdf.set_y(y + head_h)

    def legend() -> None:
        pdf.ln(2)
        pdf.set_font("helvetica", size=8)
        items = [(BLUE, "Campaña"), (ROW_BLUE, "Componente o punto de contacto")]
        if "pending" in data.risks:
            items.append((PENDING, "En veda: excepción pendiente"))
        if "suspended" in data.risks:
            items.append((SUSPENDED, "En veda: fuera del aire"))
        if data.blackouts:
            items.append((VEDA, "Veda: " + ", ".join(b.name for b in data.blackouts)))
        x = pdf.l_margin
        y = pdf.get_y()
        for colour, text in items:
            pdf.set_fill_color(*colour)
            pdf.rect(x, y + 1, 6, 3, style="F")
            pdf.set_xy(x + 7, y)
            w = pdf.get_string_width(pdf_text(text)) + 8
            pdf.cell(w, 5, pdf_text(text))
            x += 7 + w
        pdf.ln(6)

    whole = 12 + head_h + row_h * len(rows) + 10
    usable = pdf.h - pdf.t_margin - pdf.b_margin
    if _room(pdf) < whole <= usable:  # the whole chart on the next page rather than cut
        pdf.add_page()
    _heading(pdf, data.heading, head_h + 3 * row_h)
    header()
    for row in rows:
        if _room(pdf) < row_h + 1:
            pdf.add_page()
            header()
        y = pdf.get_y()
        for b in data.blackouts:  # the blackouts, under the bars
            bs, be = max(b.start, data.start), min(b.end, data.end)
            if bs <= be:
                pdf.set_fill_color(*VEDA)
                w = x_of(be + dt.timedelta(days=1)) - x_of(bs)
                pdf.rect(x_of(bs), y, w, row_h, style="F")
        campaign = row.kind == "campaign"
        pdf.set_font("helvetica", "B" if campaign else "", 8)
        pdf.set_xy(pdf.l_margin + (0 if campaign else 3), y)
        name = pdf_text(row.name)
        room = label_w - (2 if campaign else 5)
        while pdf.get_string_width(name) > room and len(name) > 4:
            name = name[:-2] + "…"
        pdf.cell(room, row_h, name)
        s, e = max(row.start, data.start), min(row.end, data.end)
        if s <= e:
            pdf.set_fill_color(*(BLUE if campaign else ROW_BLUE))
            x0, x1 = x_of(s), x_of(e + dt.timedelta(days=1))
            pdf.rect(x0, y + 1, max(x1 - x0, 0.6), row_h - 2, style="F")
            for m in row.marked:
                ms, me = max(m.start, data.start), min(m.end, data.end)
                if ms > me:
                    continue
                pdf.set_fill_color(*(PENDING if m.risk == "pending" else SUSPENDED))
                a, z = x_of(ms), x_of(me + dt.timedelta(days=1))
                pdf.rect(a, y + 1, max(z - a, 0.6), row_h - 2, style="F")
        pdf.set_draw_color(*LINE)
        pdf.set_line_width(0.1)
        pdf.line(pdf.l_margin, y + row_h, pdf.w - pdf.r_margin, y + row_h)
        if data.today_inside:
            pdf.set_draw_color(179, 38, 30)
            pdf.set_line_width(0.3)
            x = x_of(data.today) + 0.5 * width / days
            pdf.line(x, y, x, y + row_h)
        pdf.set_y(y + row_h)
    legend()


def _campaign(pdf: Any, plan: Plan, b: Brief) -> None:
    c = plan.campaign(b.id)
    _heading(pdf, b.name, 30)
    facts = [
        ("Periodo", f"{period_text(b.start, b.end)} ({b.days} días)"),
        ("Estado", b.status.label),
    ]
    if b.aka:
        facts.append(("También llamada", ", ".join(b.aka)))
    if c is not None and c.owner:
        facts.append(("Responsable", c.owner))
    for s in b.audience:
        facts.append((BRIEF_SECTIONS["audience"], f"{s.name} ({_count(s.count, s.bound)})"))
    for label, value in facts:
        pdf.set_font("helvetica", "B", 10)
        pdf.cell(40, 5, pdf_text(label))
        pdf.set_font("helvetica", size=10)
        pdf.multi_cell(0, 5, pdf_text(value), align="L", new_x="LMARGIN", new_y="NEXT")
    if b.objectives:
        _heading(pdf, BRIEF_SECTIONS["objectives"], 10, 12)
        for o in b.objectives:
            when = f" ({period_text(o.start, o.end)})" if o.start and o.end else ""
            _bullet(pdf, o.text + when, 0)
    if b.creative:
        _heading(pdf, BRIEF_SECTIONS["creative"], 10, 12)
        for i, piece in enumerate(b.creative, 1):
            text = " / ".join(x.text for x in piece)
            _bullet(pdf, f"Pieza {i}: {text}", 0)
    if b.channels:
        _heading(pdf, BRIEF_SECTIONS["channels"], 10, 12)
        for ch in b.channels:
            _bullet(pdf, f"{ch.name} ({ch.kind_es}){': ' + ch.contact if ch.contact else ''}", 0)
    if b.components:
        _heading(pdf, BRIEF_SECTIONS["components"], 15, 12)
        _table(
            pdf,
            ("Componente", "Periodo", "Días", "Punto de contacto", "Estado"),
            [
                (
                    k.name,
                    period_text(k.start, k.end),
                    str(k.days),
                    plan.touchpoint_name(k.touchpoint) if k.touchpoint else "—",
                    k.status.text,
                )
                for k in b.components
            ],
            (30, 22, 7, 24, 24),
            right=(2,),
        )
    if b.touchpoints:
        _heading(pdf, BRIEF_SECTIONS["execution"], 15, 12)
        owners = {e.touchpoint: e.owner for e in (c.execution if c else ())}
        starred = [t.ine_exception for t in b.touchpoints if t.ine_exception is not None]
        _table(
            pdf,
            ("Punto de contacto", "Tácticos", "Periodo", "Días en veda", "Excepción INE", "Resp."),
            [
                (
                    t.name,
                    "\n".join(t.tactics),
                    period_text(t.start, t.end) + ("*" if t.ine_exception else ""),
                    str(t.blackout_days or "—"),
                    INE_STATUS.get(t.ine_status, t.ine_status),
                    owners.get(t.touchpoint_id) or "—",
                )
                for t in b.touchpoints
            ],
            (24, 34, 24, 10, 14, 18),
            right=(3,),
        )
        for note in asterisk_notes(b, starred):
            _text(pdf, note, muted=True, size=9)
    if c is not None and c.milestones:
        _heading(pdf, BRIEF_SECTIONS["milestones"], 15, 12)
        _table(
            pdf,
            ("Fecha", "Hito", "Responsable"),
            [
                (fmt(m.date), m.name, m.owner or "—")
                for m in sorted(c.milestones, key=lambda m: m.date)
            ],
            (14, 50, 30),
        )
    if not b.has_brief:
        _text(
            pdf,
            "El documento solo incluye esta campaña en la programación; no trae objetivos, "
            "creatividades ni tabla de ejecución.",
            muted=True,
        )
    notes = [n for n in b.notes if not n.startswith("*")]
    if notes:
        _heading(pdf, BRIEF_SECTIONS["notes"], 10, 12)
        for n in notes:
            _bullet(pdf, n, 0)


def _count(n: int | None, bound: str = "exact") -> str:
    if n is None:
        return "—"
    text = number(n)  # the one separator; «aprox.»: the PDF's core font has no «≈»
    return {"up-to": f"hasta {text}", "approx": f"aprox. {text}"}.get(bound, text)


def _findings(pdf: Any, findings: Sequence[Finding]) -> None:
    _heading(pdf, "Revisión del plan", 20)
    if not findings:
        _text(pdf, "La revisión no encontró problemas: el plan es válido.")
        return
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    verdict = "El plan tiene errores" if errors else "El plan es válido, con avisos"
    _text(
        pdf,
        f"{verdict}: {errors} error{'es' if errors != 1 else ''} y {warnings} "
        f"aviso{'s' if warnings != 1 else ''}.",
    )
    _table(
        pdf,
        ("Tipo", "Dónde", "Hallazgo", "Qué hacer"),
        [
            (
                SEVERITIES.get(f.severity, f.severity).capitalize(),
                f"{f.file.rsplit('/', 1)[-1]}, línea {f.line}",
                f.message[:1].upper() + f.message[1:],
                f.hint or "—",
            )
            for f in findings
        ],
        (8, 18, 50, 40),
    )


def _audience(pdf: Any, rep: AudienceReport) -> None:
    _heading(pdf, "Audiencia", 25)
    _table(
        pdf,
        ("Segmento", "Personas", "% del total", "Campañas"),
        [
            (
                ("   " if s.depth else "") + s.name,
                _count(s.count, s.bound),
                f"{100 * s.share_of_total:.1f} %" if s.share_of_total is not None else "—",
                ", ".join(s.campaign_names) or "—",
            )
            for s in rep.segments
        ],
        (50, 14, 10, 40),
        right=(1, 2),
    )
    if rep.total_name:
        _text(pdf, f"El total es «{rep.total_name}».", muted=True, size=9)


def _veda(pdf: Any, veda: VedaReport, days: dict[str, int]) -> None:
    _heading(pdf, "Veda electoral", 25)
    label = scenario_label(veda.assume_ine)
    if label:
        _scenario(pdf, label)
    if not veda.blackouts:
        _text(pdf, "El plan no tiene vedas.")
    for b in veda.blackouts:
        _heading(pdf, b.name, 20, 12)
        _text(
            pdf,
            f"{sentence(period_text(b.start, b.end, prose=True, long=True))} "
            f"({days.get(b.id, 0)} días). "
            f"Restringe: {', '.join(b.restricts_names)}." + (f" {b.scope}" if b.scope else ""),
        )
        if not b.rows:
            _text(pdf, "Ningún punto de contacto del plan corre dentro de esta veda.")
            continue
        _table(
            pdf,
            (
                "Campaña",
                "Punto de contacto",
                "Periodo",
                "Días en veda",
                "Excepción INE",
                veda.lost_label_long,
            ),
            [
                (
                    r.campaign_name,
                    r.touchpoint_name,
                    period_text(r.start, r.end),
                    str(r.days_inside),
                    INE_STATUS.get(r.ine_exception, r.ine_exception),
                    str(r.days_lost_if_denied),
                )
                # with the rows it does not restrict («no aplica»), as veda and its CSV list them
                for r in (*b.rows, *b.unrestricted)
            ],
            (28, 24, 22, 10, 12, 14),
            right=(3, 5),
        )
        if b.campaigns:
            _table(
                pdf,
                ("Campaña", "Días dentro de la veda", veda.uncovered_label_long),
                [
                    (
                        vc.name,
                        str(vc.days_inside),
                        str(vc.uncovered_days_if_denied) + ("*" if vc.note else ""),
                    )
                    for vc in b.campaigns
                ],
                (40, 15, 20),
                right=(1, 2),
            )
            for vc in b.campaigns:
                if vc.note:  # the figure rests on a date the document does not settle
                    _text(pdf, f"* {vc.name}: {vc.note}.", size=9)
            _text(pdf, veda.legend, muted=True, size=9)
