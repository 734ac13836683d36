"""The one-file HTML report: the Gantt chart, each campaign's brief, the findings, the audience
and the blackout report. Self-contained: styles and the SVG inline, no scripts, no fonts or
images from anywhere else."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from campana.dates import fmt, fmt_long, period, sentence
from campana.gantt import GanttData, GanttRow
from campana.ine import scenario_label
from campana.pairing import with_table
from campana.render.gantt import WIDTH, attr, esc, layout, svg_from_data
from campana.vocab import BRIEF_SECTIONS, INE_STATUS, figure

if TYPE_CHECKING:
    from campana.errors import Finding
    from campana.queries import AudienceReport, Show
    from campana.report import Report
    from campana.veda import VedaReport, VedaRow


# --- HTML pieces ------------------------------------------------------------------------------

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1a1a1a;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 32px 40px 64px; }
header.cover h1 { font-size: 30px; margin: 0 0 4px; }
header.cover p { margin: 0; color: #5f6368; }
h2 { font-size: 22px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid #1f3b57; }
h3 { font-size: 16px; margin: 20px 0 6px; }
nav.toc { margin: 24px 0; padding: 12px 20px; background: #f4f6f8; border-left: 4px solid #1f3b57; }
nav.toc h2 { border: 0; margin: 0 0 4px; font-size: 16px; padding: 0; }
nav.toc ol { margin: 0; padding-left: 20px; }
nav.toc a { color: #1f3b57; }
.chart svg { display: block; width: 100%; height: auto; border: 1px solid #d0d7de; }
section.chart { width: min(1400px, calc(100vw - 32px));
  margin-left: calc(50% - min(700px, 50vw - 16px)); }
.chart-print { display: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { font-weight: 600; color: #3c4043; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px;
  border-bottom: 1px solid #d0d7de; }
th { background: #eef2f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #5f6368; }
.ine { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 13px;
  border: 1px solid #8c959f; white-space: nowrap; }
.ine-pending { background: #fde7c2; border-color: #b26a00; }
.ine-approved { background: #dcefdc; border-color: #2e7d32; }
.ine-denied { background: #f6d5d2; border-color: #b3261e; font-weight: 600; }
.ine-not-requested { background: #f6d5d2; border-color: #b3261e; }
.ine-none { background: #f1f3f4; color: #5f6368; }
header.cover p.scenario, p.scenario { margin: 8px 0 0; padding: 6px 12px;
  border-left: 4px solid #8a3b00; background: #fdf0e6; color: #8a3b00; font-weight: 600; }
ul.findings { padding-left: 20px; }
ul.findings li { margin-bottom: 8px; }
.sev { font-weight: 600; }
.sev-error { color: #b3261e; }
.sev-warning { color: #8a5300; }
.bar { height: 14px; background: #4b77a3; min-width: 2px; }
.bar-cell { width: 34%; }
.creative { margin: 0 0 8px; padding: 8px 12px; border-left: 3px solid #a8c3de;
  background: #f8fafc; }
.creative p { margin: 2px 0; }
.kind { color: #5f6368; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
section.campaign, #hallazgos { break-before: page; }
@page { size: A4 landscape; margin: 12mm 16mm; }
@page chart { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc, .chart, table, .bar, .ine, th {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.chart { page: chart; break-after: page; width: auto; margin-left: 0; }
  .chart svg { border: 0; max-height: 188mm; }
  .chart-screen { display: none; }
  .chart-print { display: block; }
  .chart-page + .chart-page { break-before: page; }
  section.chart h2 { display: none; }
  tr, .creative, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _ine(status: str) -> str:
    """A row's INE status (``campana.ine.IneStatus``) as a labelled chip."""
    key = status if status in ("pending", "approved", "denied", "not-requested") else "none"
    return f'<span class="ine ine-{key}">{esc(INE_STATUS.get(status, status))}</span>'


def _answer(r: VedaRow) -> str:
    """The INE's answer (date and reference) under a row's status, when recorded."""
    from campana.render.common import ine_answer

    lines = ine_answer(r.ine_answer_date, r.ine_reference)
    return "".join(f'<br><small class="ine-answer">{esc(x)}</small>' for x in lines)


def _count(n: int | None, bound: str = "exact") -> str:
    return figure(n, bound, missing="—")


def _campaign_section(s: Show) -> str:
    b = s.brief
    owners = {r.touchpoint_id: r.owner for r in s.rows}
    out = [f'<section class="campaign" id="campana-{attr(b.id)}">', f"<h2>{esc(b.name)}</h2>"]
    facts = [
        ("Periodo", f"{esc(period(b.start, b.end))} ({b.days} días)"),
        ("Estado", esc(b.status.label)),
    ]
    if b.aka:
        facts.append(("También llamada", esc(", ".join(b.aka))))
    if s.owner:
        facts.append(("Responsable", esc(s.owner)))
    if b.audience:
        facts.append(
            (
                BRIEF_SECTIONS["audience"],
                "<br>".join(f"{esc(s.name)} ({_count(s.count, s.bound)})" for s in b.audience),
            )
        )
    out.append(
        '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"
    )
    if b.objectives:
        out.append(f"<h3>{BRIEF_SECTIONS['objectives']}</h3><ol>")
        for o in b.objectives:
            when = (
                f' <span class="muted">({esc(period(o.start, o.end))})</span>'
                if o.start and o.end
                else ""
            )
            out.append(f"<li>{esc(o.text)}{when}</li>")
        out.append("</ol>")
    if b.creative:
        out.append(f"<h3>{BRIEF_SECTIONS['creative']}</h3>")
        for i, piece in enumerate(b.creative, 1):
            lines = "".join(
                f'<p><span class="kind">{esc(item.kind_es)}</span> {esc(item.text)}</p>'
                for item in piece
            )
            out.append(f'<div class="creative" aria-label="Pieza {i}">{lines}</div>')
    if b.channels:
        out.append(f"<h3>{BRIEF_SECTIONS['channels']}</h3><ul>")
        for ch in b.channels:
            contact = f": {esc(ch.contact)}" if ch.contact else ""
            out.append(f"<li>{esc(ch.name)} ({esc(ch.kind_es)}){contact}</li>")
        out.append("</ul>")
    if b.components:
        out.append(
            f"<h3>{BRIEF_SECTIONS['components']}</h3><table><thead><tr><th>Componente</th>"
            '<th>Periodo</th><th class="num">Días</th><th>Punto de contacto</th>'
            "<th>Estado</th></tr></thead><tbody>"
        )
        for k in b.components:
            out.append(
                f"<tr><td>{esc(k.name)}</td>"
                f"<td>{esc(with_table(period(k.start, k.end), k.table))}</td>"
                f'<td class="num">{k.days}</td><td>{esc(k.touchpoint or "—")}</td>'
                f"<td>{esc(k.status.text)}</td></tr>"
            )
        out.append("</tbody></table>")
    if b.touchpoints:
        out.append(
            f"<h3>{BRIEF_SECTIONS['execution']}</h3><table><thead><tr><th>Punto de contacto</th>"
            "<th>Tácticos</th>"
            '<th>Periodo</th><th class="num">Días en veda</th><th>Excepción INE</th>'
            "<th>Responsable</th></tr></thead><tbody>"
        )
        for t in b.touchpoints:
            tactics = "<br>".join(esc(x) for x in t.tactics)
            out.append(
                f"<tr><td>{esc(t.label)}</td><td>{tactics}</td>"
                f"<td>{esc(period(t.start, t.end))}</td>"
                f'<td class="num">{t.blackout_days or "—"}</td><td>{_ine(t.ine_status)}</td>'
                f"<td>{esc(owners.get(t.touchpoint_id) or '—')}</td></tr>"
            )
        out.append("</tbody></table>")
    if s.milestones:
        out.append(
            "<h3>Hitos</h3><table><thead><tr><th>Fecha</th><th>Hito</th><th>Responsable</th>"
            "</tr></thead><tbody>"
        )
        for m in s.milestones:
            out.append(
                f"<tr><td>{esc(fmt(m.date))}</td><td>{esc(m.name)}</td>"
                f"<td>{esc(m.owner or '—')}</td></tr>"
            )
        out.append("</tbody></table>")
    if not b.has_brief:
        out.append(
            '<p class="muted">El documento solo incluye esta campaña en la programación; no '
            "trae objetivos, creatividades ni tabla de ejecución.</p>"
        )
    if b.notes:
        out.append(
            f"<h3>{BRIEF_SECTIONS['notes']}</h3><ul>"
            + "".join(f"<li>{esc(n)}</li>" for n in b.notes)
        )
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _findings_section(findings: Sequence[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    out = ['<section id="hallazgos"><h2>Revisión del plan</h2>']
    if not findings:
        out.append("<p>La revisión no encontró problemas: el plan es válido.</p>")
    else:
        verdict = "El plan tiene errores" if errors else "El plan es válido, con avisos"
        out.append(
            f"<p>{verdict}: {errors} error{'es' if errors != 1 else ''} y {warnings} "
            f'aviso{"s" if warnings != 1 else ""}.</p><ul class="findings">'
        )
        for f in findings:
            sev = "Error" if f.severity == "error" else "Aviso"
            where = f"{f.file.rsplit('/', 1)[-1]}, línea {f.line}"
            msg = esc(f.message)
            msg = msg[:1].upper() + msg[1:]
            hint = f" <em>Qué hacer:</em> {esc(f.hint)}." if f.hint else ""
            out.append(
                f'<li><span class="sev sev-{f.severity}">{sev}</span> '
                f'<span class="muted">({esc(where)})</span>: {msg}.{hint}</li>'
            )
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _audience_section(rep: AudienceReport) -> str:
    top = max((s.count for s in rep.segments), default=0) or 1
    out = [
        '<section id="audiencia"><h2>Audiencia</h2><table><thead><tr><th>Segmento</th>'
        '<th class="num">Personas</th><th class="num">% del total</th>'
        '<th class="bar-cell">Tamaño relativo</th><th>Campañas</th></tr></thead><tbody>'
    ]
    for s in rep.segments:
        pad = ' style="padding-left: 28px"' if s.depth else ""
        share = f"{100 * s.share_of_total:.1f} %" if s.share_of_total is not None else "—"
        width = 100 * s.count / top
        out.append(
            f'<tr><td{pad}>{esc(s.name)}</td><td class="num">{_count(s.count, s.bound)}</td>'
            f'<td class="num">{share}</td><td class="bar-cell"><div class="bar" '
            f'style="width: {width:.1f}%" role="img" aria-label="{width:.0f} % del mayor">'
            f"</div></td><td>{esc(', '.join(s.campaign_names or s.campaigns) or '—')}</td>"
            "</tr>"
        )
    out.append("</tbody></table>")
    if rep.total_name:
        out.append(
            f'<p class="muted">El total es «{esc(rep.total_name)}»; las barras comparan cada '
            "segmento con el mayor.</p>"
        )
    out.append("</section>")
    return "\n".join(out)


def _veda_section(veda: VedaReport) -> str:
    out = ['<section id="veda"><h2>Veda electoral</h2>']
    scenario = scenario_label(veda.assume_ine)
    if scenario is not None:
        out.append(f'<p class="scenario">{esc(scenario)}.</p>')
    if not veda.blackouts:
        out.append("<p>El plan no tiene vedas.</p>")
    for b in veda.blackouts:
        when = sentence(period(b.start, b.end, prose=True, long=True))
        out.append(
            f"<h3>{esc(b.name)}</h3><p>{esc(when)} "
            f"({b.days} días). Restringe: "
            f"{esc(', '.join(b.restricts_names))}.{esc(' ' + b.scope if b.scope else '')}</p>"
        )
        if not b.rows:
            out.append("<p>Ningún punto de contacto del plan corre dentro de esta veda.</p>")
            continue
        out.append(
            "<table><thead><tr><th>Campaña</th><th>Punto de contacto</th><th>Periodo</th>"
            '<th class="num">Días en veda</th><th>Excepción INE</th>'
            f'<th class="num">{esc(veda.lost_label_long)}</th></tr></thead><tbody>'
        )
        for r in b.rows:
            out.append(
                f"<tr><td>{esc(r.campaign_name)}</td><td>{esc(r.touchpoint_name)}</td>"
                f"<td>{esc(period(r.start, r.end))}</td>"
                f'<td class="num">{r.days_inside}</td><td>{_ine(r.ine_exception)}{_answer(r)}</td>'
                f'<td class="num">{r.days_lost_if_denied}</td></tr>'
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return "\n".join(out)


#: the tallest chart (in viewBox units, at the chart's width) that prints on one A4 landscape
#: page as wide as the page allows: 277 x 188 mm inside the chart page's margins
PRINT_HEIGHT = WIDTH * 188 / 277


#: after the name of a campaign whose rows go on in the next part of a printed chart
CONTINUED = " (continuación)"


def chart_pages(data: GanttData) -> list[GanttData]:
    """The chart as printed: whole when it fits a landscape page at full width, else in parts
    that do, each with its header, blackouts and legend, so that its text prints as large as
    on a one-page chart. Parts are cut between campaigns, unless cutting inside a campaign saves
    a page (or it is taller than a page): then between its rows, the next part led by its name
    with «(continuación)».

    One layout of the whole chart gives each row's height; a part is its rows plus the whole
    chart's header and legend (a part's legend is never longer), so packing is linear."""
    if layout(data).height <= PRINT_HEIGHT:
        return [data]
    whole = layout(dataclasses.replace(data, part=(1, 2)))
    cost = {id(r): h for r, h in zip(data.rows, whole.row_heights, strict=True)}
    room = PRINT_HEIGHT - (whole.height - sum(whole.row_heights))
    groups: list[list[GanttRow]] = []
    for row in data.rows:
        if row.kind == "campaign" or not groups:
            groups.append([])
        groups[-1].append(row)

    def pack(cut_campaigns: bool) -> list[list[GanttRow]]:
        parts: list[list[GanttRow]] = []
        sums: list[float] = []
        for group in groups:
            size = sum(cost[id(r)] for r in group)
            if parts and sums[-1] + size <= room:
                parts[-1] += group
                sums[-1] += size
                continue
            if not cut_campaigns and size <= room:
                parts.append(list(group))
                sums.append(size)
                continue
            head = group[0]
            current, total = (parts.pop(), sums.pop()) if parts else ([], 0.0)
            for row in group:
                if not current or total + cost[id(row)] <= room:
                    current.append(row)
                    total += cost[id(row)]
                    continue
                lead = [row]
                if current[-1] is head:  # never a heading alone at the foot of a page
                    current.pop()
                    total -= cost[id(head)]
                    lead = [head, row]
                elif head.kind == "campaign":
                    again = dataclasses.replace(head, name=head.name + CONTINUED)
                    cost[id(again)] = cost[id(head)] + 20  # its name may take one more line
                    lead = [again, row]
                if current:
                    parts.append(current)
                    sums.append(total)
                current, total = lead, sum(cost[id(r)] for r in lead)
            parts.append(current)
            sums.append(total)
        return parts

    # cut between campaigns, unless cutting inside one saves a page
    parts = min(pack(False), pack(True), key=len)
    n = len(parts)
    if n == 1:
        return [data]
    return [dataclasses.replace(data, rows=tuple(p), part=(i, n)) for i, p in enumerate(parts, 1)]


def _chart(data: GanttData) -> str:
    """The chart section's pictures: one chart on screen; in print, the same chart or its
    parts a page each (``chart_pages``). Each SVG's ids are prefixed, so none is shared."""
    pages = chart_pages(data)
    whole = svg_from_data(data, standalone=False, prefix="g0-")
    if len(pages) == 1:
        return whole
    printed = "".join(
        f'<div class="chart-page">{svg_from_data(p, standalone=False, prefix=f"g{i}-")}</div>'
        for i, p in enumerate(pages, 1)
    )
    return f'<div class="chart-screen">{whole}</div><div class="chart-print">{printed}</div>'


def report_html(r: Report) -> str:
    """The whole report (``campana.report.build_report``) as one HTML document."""
    data = r.chart
    chart = _chart(data)
    briefs = [c.brief for c in r.campaigns]
    label = scenario_label(r.assume_ine)
    scenario = f'<p class="scenario">{esc(label)}.</p>' if label else ""
    window = f" · {esc(period(data.start, data.end, prose=True))}" if r.narrowed else ""
    toc = ['<li><a href="#programacion">Programación</a></li>']
    if briefs:
        toc.append("<li>Campañas<ol>")
        toc += [f'<li><a href="#campana-{attr(b.id)}">{esc(b.name)}</a></li>' for b in briefs]
        toc.append("</ol></li>")
    else:
        toc.append("<li>Campañas: ninguna en este periodo</li>")
    toc.append('<li><a href="#hallazgos">Revisión del plan</a></li>')
    if r.audience is not None:
        toc.append('<li><a href="#audiencia">Audiencia</a></li>')
    toc.append('<li><a href="#veda">Veda electoral</a></li>')
    parts = [
        "<!DOCTYPE html>",
        '<html lang="es-MX">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(r.title)} — {esc(r.owner)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body><main>",
        f'<header class="cover"><h1>{esc(r.title)}</h1><p>{esc(r.owner)} · plan '
        f"{r.year}{window} · informe al {esc(fmt_long(r.today))}</p>{scenario}</header>",
        '<nav class="toc" aria-label="Contenido"><h2>Contenido</h2><ol>',
        *toc,
        "</ol></nav>",
        f'<section class="chart" id="programacion"><h2>Programación</h2>{chart}</section>',
        *(_campaign_section(c) for c in r.campaigns),
        _findings_section(r.findings),
        _audience_section(r.audience) if r.audience is not None else "",
        _veda_section(r.veda),
        "</main></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
