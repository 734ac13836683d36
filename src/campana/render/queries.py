"""The query results (``campana.queries``) as tables, JSON, CSV and Markdown.

``picture_*`` functions lay a result out as lines of (text, style) segments for a given width
(see ``campana.render.grid``): ``grid.plain`` prints them without rich, ``grid.print_rich`` with
colour. JSON and CSV are stable (documented in the README), with ISO dates and no styling.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from campana.dates import MONTHS_ES, WEEKDAYS_ES, days, fmt, fmt_long, period, span_days
from campana.render.grid import DIM, Line, day_grid, fit, month_grid, nfc, wrap
from campana.vocab import and_list, ine_status, row_kind, severity

if TYPE_CHECKING:
    from campana.errors import Finding
    from campana.queries import (
        AudienceReport,
        Brief,
        CampaignLine,
        Row,
        Schedule,
        SegmentFigure,
        SegmentLine,
        Status,
    )

STATUS_STYLE = {"upcoming": "cyan", "running": "bold green", "finished": "dim"}


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def number(n: int) -> str:
    """76,434,882: thousands with commas, as the document writes them."""
    return f"{n:,}"


def percent(value: float) -> str:
    """29.3 %, with one decimal (two under 10 %)."""
    return f"{value:.2f} %" if value < 9.995 else f"{value:.1f} %"


def figure_text(count: int | None, bound: str) -> str:
    if count is None:
        return "sin cifra"
    if bound == "up-to":
        return f"hasta {number(count)}"
    if bound == "approx":
        return f"≈ {number(count)}"
    return number(count)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def _md_cell(value: Any) -> str:
    text = "" if value is None else nfc(str(value))
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], right: Sequence[int] = ()
) -> str:
    out = ["| " + " | ".join(header) + " |"]
    out.append("|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|")
    out += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def status_dict(s: Status) -> dict[str, Any]:
    return {"kind": s.kind, "text": s.text, "day": s.day, "total": s.total, "days": s.days}


# --- plain tables -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    head: str
    right: bool = False
    #: 0: keeps its natural width; otherwise narrowed (cut with «…», or wrapped when ``wrap``)
    #: down to ``min`` when the table is too wide, the highest ``shrink`` first
    shrink: int = 0
    wrap: bool = False
    min: int = 6
    #: dropped when every cell is empty, or when the table does not fit at all
    optional: bool = False


CellLine = tuple[str, str]
#: a text, a (text or lines, style) pair, or lines each a text or a (text, style) pair
Cell = str | tuple[str | list[str], str] | list[str] | list[CellLine]


def _cell(value: Cell) -> list[CellLine]:
    if isinstance(value, str):
        return [(nfc(value), "")]
    if isinstance(value, tuple):
        text, style = value
        return [(nfc(x), style) for x in (text if isinstance(text, list) else [text])]
    return [(nfc(x), "") if isinstance(x, str) else (nfc(x[0]), x[1]) for x in value]


def natural_width(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], indent: int = 0) -> int:
    """How wide ``table`` would be with no column narrowed."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [
        max([len(c.head), *(len(t) for row in cells for t, _ in row[i])])
        for i, c in enumerate(cols)
    ]
    return indent + sum(widths) + 2 * (len(cols) - 1)


def table(
    cols: Sequence[Col], rows: Sequence[Sequence[Cell]], width: int, indent: int = 0
) -> list[Line]:
    """Aligned columns two spaces apart, narrowed to ``width``; no borders."""
    cells = [[_cell(v) for v in row] for row in rows]
    keep = [
        i
        for i, c in enumerate(cols)
        if not (c.optional and all(not t.strip() for row in cells for t, _ in row[i]))
    ]
    gap = 2

    def natural(i: int) -> int:
        return max([len(cols[i].head), *(len(t) for row in cells for t, _ in row[i])])

    while True:
        widths = {i: natural(i) for i in keep}
        total = indent + sum(widths.values()) + gap * (len(keep) - 1)
        for i in sorted((i for i in keep if cols[i].shrink), key=lambda i: -cols[i].shrink):
            cut = min(total - width, widths[i] - cols[i].min)
            if cut > 0:
                widths[i] -= cut
                total -= cut
        optional = [i for i in keep if cols[i].optional]
        if total <= width or not optional:
            break
        keep.remove(optional[-1])

    def render(values: list[list[CellLine]], head: bool) -> list[Line]:
        blocks: list[list[CellLine]] = []
        for i in keep:
            w = widths[i]
            lines = values[i]
            if cols[i].wrap and not head:
                lines = [
                    (x, st)
                    for t, st in lines
                    for x in wrap(t.lstrip(" "), w, " " * (len(t) - len(t.lstrip(" "))))
                ]
            blocks.append(
                [
                    (t.rjust(w) if cols[i].right and len(t) <= w else fit(t, w), st)
                    for t, st in lines
                ]
            )
        out: list[Line] = []
        for k in range(max(len(b) for b in blocks)):
            line: Line = [(" " * indent, "")] if indent else []
            for n, i in enumerate(keep):
                block = blocks[n]
                text, style = block[k] if k < len(block) else (" " * widths[i], "")
                if n:
                    line.append((" " * gap, ""))
                line.append((text, style))
            out.append(line)
        return out

    lines = render([[(c.head, "bold")] for c in cols], head=True)
    for row in cells:
        lines += render(row, head=False)
    return lines


def heading(text: str) -> Line:
    return [(text, "bold underline")]


def keep_together(text: str) -> str:
    """Spaces that a wrapped cell must not break at («día 54 de 175»)."""
    return text.replace(" ", "\u00a0")


def _status_cell(s: Status) -> str:
    """«en curso, día 54 de 175», wrapped, if it must be, after the comma only."""
    return keep_together(s.text).replace(",\u00a0", ", ")


# --- schedule ---------------------------------------------------------------------------------


def schedule_title(s: Schedule) -> str:
    a, b = s.start, s.end
    if a == dt.date(a.year, 1, 1) and b == dt.date(a.year, 12, 31):
        return f"Programación de campañas {a.year}"
    if (
        a.day == 1
        and (a.year, a.month) == (b.year, b.month)
        and b.day == calendar.monthrange(b.year, b.month)[1]
    ):
        return f"Programación de {MONTHS_ES[a.month - 1]} {a.year}"
    if a == b:
        return f"Qué corre el {WEEKDAYS_ES[a.weekday()]} {fmt_long(a)}"
    return f"Programación del {fmt(a)} al {fmt(b)}"


def picture_schedule(s: Schedule, width: int) -> list[Line]:
    """The year grid, the month grid or, for one day, the list of what runs that day."""
    title = schedule_title(s)
    if s.start == s.end:
        return picture_day(s, width, title)
    if s.detailed:
        return day_grid(s, width, title)
    return month_grid(s, width, title)


def _row_label(r: Row) -> str:
    if r.kind == "touchpoint":
        return "  ▸ " + r.name
    if r.kind == "component":
        return "  " + r.name
    return r.name


def picture_day(s: Schedule, width: int, title: str) -> list[Line]:
    """What runs on one day: each row with its period, the day it is on, and, for the
    touchpoints a blackout restricts that day, their INE exception."""
    from campana.queries import status

    day = s.start
    lines: list[Line] = [[(title, "bold")]]
    if s.today != day:
        lines.append([(f"(hoy es {fmt(s.today)})", DIM)])
    for b in s.blackouts:
        names = list(s.restricts.get(b.name, ()))
        n = status(b.start, b.end, day).day
        text = f"{b.name}: día {n} de {b.days} ({period(b.start, b.end)})"
        if names:
            text += "; restringe " + and_list(names)
        lines += [[(x, "bold red")] for x in wrap(text + ".", width)]
    lines.append([])
    if s.empty:
        lines.append([("Ninguna campaña corre ese día.", "")])
        return lines
    rows: list[list[Cell]] = []
    for r in s.rows:
        when = period(r.start, r.end, year=day.year)
        if r.kind == "campaign" and not r.in_window:
            note = f"empieza el {fmt(r.start)}" if day < r.start else f"terminó el {fmt(r.end)}"
            rows.append([(_row_label(r), "bold dim"), (when, DIM), (note, DIM), ""])
            continue
        st = status(r.start, r.end, day)
        veda: Cell = ""
        if r.in_blackout(day):
            text = ine_status(r.ine_exception)
            veda = (text, "green" if r.ine_exception == "approved" else "yellow")
        rows.append(
            [
                (_row_label(r), "bold" if r.kind == "campaign" else ""),
                when,
                f"{st.day} de {st.total}",
                veda,
            ]
        )
    cols = [
        Col("Campaña / punto de contacto", shrink=2, min=16),
        Col("Periodo"),
        Col("Día", right=True),
        Col("Excepción INE", shrink=1, wrap=True, min=10, optional=True),
    ]
    lines += table(cols, rows, width)
    if any(r.in_blackout(day) for r in s.rows):
        lines.append([])
        lines += [
            [(x, DIM)]
            for x in wrap("Excepción INE: solo en lo que la veda restringe ese día.", width)
        ]
    return lines


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
            ]
            for r in s.data_rows
        ],
    )


def schedule_markdown(s: Schedule) -> str:
    names = {r.campaign: r.name for r in s.rows if r.kind == "campaign"}
    rows = []
    for r in s.data_rows:
        campaign = names.get(r.campaign, "") if r.campaign else ""
        part = r.name if r.kind in ("component", "touchpoint") else ""
        if r.kind == "blackout":
            campaign = r.name
        ine = ine_status(r.ine_exception) if r.kind == "touchpoint" else ""
        rows.append(
            [
                campaign if r.kind != "component" and r.kind != "touchpoint" else "",
                part,
                row_kind(r.kind),
                fmt(r.start),
                fmt(r.end),
                r.days,
                ine,
            ]
        )
    return f"### {schedule_title(s)}\n\n" + _md_table(
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


# --- list -------------------------------------------------------------------------------------


def picture_list(lines: Sequence[CampaignLine], width: int) -> list[Line]:
    """One line per campaign when the terminal is wide enough; otherwise the id on the first
    line of each campaign and its name, indented, beneath."""
    years = {c.start.year for c in lines} | {c.end.year for c in lines}
    year = next(iter(years)) if len(years) == 1 else None
    rest = [
        Col(f"Periodo {year}" if year else "Periodo"),
        Col("Días", right=True),
        Col("Comp.", right=True),
        Col("Puntos", right=True),
        Col("Estado", shrink=1, wrap=True, min=13),
    ]

    def tail(c: CampaignLine) -> list[Cell]:
        return [
            period(c.start, c.end, year=year),
            str(c.days),
            str(c.components),
            str(c.touchpoints),
            (_status_cell(c.status), STATUS_STYLE[c.status.kind]),
        ]

    cols = [Col("Id"), Col("Campaña", shrink=2, wrap=True, min=16), *rest]
    rows: list[list[Cell]] = [[(c.id, "bold"), c.name, *tail(c)] for c in lines]
    if natural_width(cols, rows) > width:
        id_width = max((len(c.id) for c in lines), default=8)
        cols = [Col("Campaña", shrink=2, wrap=True, min=max(16, id_width)), *rest]
        rows = [[[(c.id, "bold"), ("  " + c.name, "")], *tail(c)] for c in lines]
    out = table(cols, rows, width)
    out.append([])
    out += [
        [(x, DIM)]
        for x in wrap(
            "Comp.: componentes de la programación; Puntos: puntos de contacto de la tabla de "
            "ejecución. La ficha de una campaña: campana show ID.",
            width,
        )
    ]
    return out


def list_dict(lines: Sequence[CampaignLine], today: dt.date) -> dict[str, Any]:
    return {
        "today": iso(today),
        "campaigns": [
            {
                "id": c.id,
                "name": c.name,
                "start": iso(c.start),
                "end": iso(c.end),
                "days": c.days,
                "components": c.components,
                "touchpoints": c.touchpoints,
                "status": status_dict(c.status),
            }
            for c in lines
        ],
    }


LIST_CSV = ("id", "name", "start", "end", "days", "components", "touchpoints", "status", "day")


def list_csv(lines: Sequence[CampaignLine]) -> str:
    return _csv(
        LIST_CSV,
        [
            [
                c.id,
                c.name,
                iso(c.start),
                iso(c.end),
                c.days,
                c.components,
                c.touchpoints,
                c.status.kind,
                c.status.day,
            ]
            for c in lines
        ],
    )


def list_markdown(lines: Sequence[CampaignLine]) -> str:
    return _md_table(
        ["Campaña", "Id", "Periodo", "Días", "Componentes", "Puntos de contacto", "Estado"],
        [
            [
                c.name,
                f"`{c.id}`",
                period(c.start, c.end),
                c.days,
                c.components,
                c.touchpoints,
                c.status.text,
            ]
            for c in lines
        ],
        right=(3, 4, 5),
    )


# --- audience ---------------------------------------------------------------------------------


def _stated(s: SegmentLine) -> str:
    if s.stated_percent is None:
        return ""
    text = f"{s.stated_percent:g} % de {s.stated_of}"
    if s.computed_percent is not None:
        text += f" (calculado: {s.computed_percent:.2f} %)"
    return text


def picture_audience(r: AudienceReport, width: int) -> list[Line]:
    cols = [
        Col("Segmento", shrink=1, wrap=True, min=20),
        Col("Personas", right=True),
        Col("% del total", right=True),
    ]
    rows: list[list[Cell]] = []
    for s in r.segments:
        pad = "  " * s.depth
        cell: list[CellLine] = [(pad + s.name, "bold" if s.depth == 0 else "")]
        cell.append((pad + "  campañas: " + (", ".join(s.campaigns) or "ninguna"), DIM))
        if s.stated_percent is not None:
            cell.append((pad + "  el documento dice " + _stated(s), DIM))
        rows.append(
            [
                cell,
                figure_text(s.count, s.bound),
                percent(100 * s.share_of_total) if s.share_of_total is not None else "—",
            ]
        )
    out = table(cols, rows, width)
    out.append([])
    notes = []
    if r.total_name and r.total_count:
        notes.append(
            f"El total es «{r.total_name}» ({r.total_id}, {number(r.total_count)}); los "
            "porcentajes se calculan de las cifras."
        )
    elif r.total_id is None:
        notes.append(
            "audience.yaml no tiene desgloses (breakdowns): no hay un total del cual calcular "
            "porcentajes."
        )
    if any(s.bound == "up-to" for s in r.segments):
        notes.append("«hasta»: cifra máxima que da el documento; «≈»: cifra redondeada.")
    elif any(s.bound == "approx" for s in r.segments):
        notes.append("«≈»: cifra redondeada.")
    for n in notes:
        out += [[(x, DIM)] for x in wrap(n, width)]
    return out


def _share_pct(v: float | None) -> float | None:
    return round(100 * v, 4) if v is not None else None


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
                "percent_of_total": _share_pct(s.share_of_total),
                "stated_percent": s.stated_percent,
                "stated_of": s.stated_of,
                "computed_percent": round(s.computed_percent, 4)
                if s.computed_percent is not None
                else None,
                "campaigns": list(s.campaigns),
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


def audience_markdown(r: AudienceReport) -> str:
    total = f"% de {r.total_id}" if r.total_id else "% del total"
    return _md_table(
        ["Segmento", "Personas", total, "Dice el documento", "Campañas"],
        [
            [
                ("— " if s.depth else "") + s.name,
                figure_text(s.count, s.bound),
                percent(100 * s.share_of_total) if s.share_of_total is not None else "—",
                _stated(s),
                ", ".join(s.campaigns),
            ]
            for s in r.segments
        ],
        right=(1, 2),
    )


# --- show -------------------------------------------------------------------------------------


def _figure_line(f: SegmentFigure) -> list[Cell]:
    if f.count is None:
        return [f.id, ("sin cifra en audience.yaml", "yellow"), ""]
    stated = f"{f.stated_percent:g} % de {f.stated_of}" if f.stated_percent is not None else ""
    return [f.name, figure_text(f.count, f.bound), (stated, DIM)]


def picture_show(b: Brief, width: int) -> list[Line]:
    year = b.start.year if b.start.year == b.end.year else None
    lines: list[Line] = [[(nfc(b.name), "bold")]]
    ident = f"id: {b.id}"
    if b.aka:
        ident += " · también: " + ", ".join(b.aka)
    lines += [[(x, DIM)] for x in wrap(ident, width)]
    lines.append([("Periodo: ", "bold"), (f"{period(b.start, b.end)} ({days(b.days)})", "")])
    lines.append(
        [
            ("Estado:  ", "bold"),
            (b.status.label, STATUS_STYLE[b.status.kind]),
            (f" (al {fmt(b.today)})", DIM),
        ]
    )
    if not b.has_brief:
        lines.append([])
        lines += [
            [(x, "yellow")]
            for x in wrap(
                "Esta campaña solo aparece en la programación: todavía no tiene ficha de ejecución "
                "(audiencia, objetivos, líneas creativas, canales ni puntos de contacto).",
                width,
            )
        ]

    if b.audience:
        lines += [[], heading("Audiencia")]
        lines += table(
            [
                Col("Segmento", shrink=2, wrap=True, min=16),
                Col("Personas", right=True),
                Col("Dice el documento", shrink=1, wrap=True, min=10, optional=True),
            ],
            [_figure_line(f) for f in b.audience],
            width,
            indent=2,
        )
    if b.objectives:
        lines += [[], heading("Objetivos")]
        for n, o in enumerate(b.objectives, 1):
            for k, x in enumerate(wrap(o.text, width - 5)):
                lines.append([(f"  {n}. " if k == 0 else "     ", ""), (x, "")])
            when = (
                f"{period(o.start, o.end)} ({days(span_days(o.start, o.end))})"
                if o.start and o.end
                else "sin periodo propio (el de la campaña)"
            )
            lines.append([("     Periodo: ", DIM), (when, DIM)])
    if b.creative:
        lines += [[], heading("Líneas creativas")]
        for n, piece in enumerate(b.creative, 1):
            lines.append([(f"  Pieza {n}", "bold")])
            for item in piece:
                text = wrap(f"«{item.text}»", width - 8 - len(item.kind_es))
                for k, x in enumerate(text):
                    tail = [(f"  {item.kind_es}", DIM)] if k == len(text) - 1 else []
                    lines.append([("    ", ""), (x, ""), *tail])
    if b.channels:
        lines += [[], heading("Canales de contacto")]
        for ch in b.channels:
            line: Line = [("  " + nfc(ch.name), ""), (f" ({ch.kind_es})", DIM)]
            if ch.contact:
                line.append((f": {ch.contact}", ""))
            lines.append(line)
    if b.components:
        lines += [[], heading("Componentes (programación)")]
        lines += table(
            [
                Col("Componente", shrink=1, wrap=True, min=12),
                Col(f"Periodo {year}" if year else "Periodo"),
                Col("Días", right=True),
                Col("Punto de contacto", shrink=2, wrap=True, min=17, optional=True),
                Col("Estado", shrink=3, wrap=True, min=13),
            ],
            [
                [
                    k.name,
                    period(k.start, k.end, year=year),
                    str(k.days),
                    k.touchpoint or "—",
                    (_status_cell(k.status), STATUS_STYLE[k.status.kind]),
                ]
                for k in b.components
            ],
            width,
            indent=2,
        )
    if b.touchpoints:
        lines += [[], heading("Ejecución")]
        rows: list[list[Cell]] = []
        for t in b.touchpoints:
            ine: list[str] = [ine_status(t.ine_exception)]
            if t.blackout_days:
                ine.append(f"{days(t.blackout_days)} en veda")
            risky = bool(t.blackout_days) and t.ine_exception != "approved"
            rows.append(
                [
                    (t.name, "bold"),
                    (list(t.tactics), ""),
                    period(t.start, t.end, year=year),
                    (ine, "yellow" if risky else ""),
                ]
            )
        lines += table(
            [
                Col("Punto de contacto", shrink=3, wrap=True, min=19),
                Col("Tácticos", shrink=2, wrap=True, min=18),
                Col(f"Periodo {year}" if year else "Periodo", shrink=1, wrap=True, min=10),
                Col("Excepción INE", shrink=1, wrap=True, min=10),
            ],
            rows,
            width,
            indent=2,
        )
    if b.notes:
        lines += [[], heading("Notas")]
        for note in b.notes:
            lines += [[(x, "")] for x in wrap(note, width - 2, "  ")]
    lines += [[], heading(f"Hallazgos de validate ({len(b.findings)})")]
    if not b.findings:
        lines.append([("  Ninguno.", DIM)])
    for f in b.findings:
        sev = severity(f.severity)
        style = "red" if f.severity == "error" else "yellow"
        lines.append([(f"  {sev} ", style), (f"[{f.code}] {f.file}:{f.line}:{f.column}", DIM)])
        lines += [[(x, "")] for x in wrap(f.message, width - 4, "    ")]
    return lines


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "severity": f.severity,
        "code": f.code,
        "message": f.message,
        "hint": f.hint,
    }


def brief_dict(b: Brief) -> dict[str, Any]:
    return {
        "id": b.id,
        "name": b.name,
        "aka": list(b.aka),
        "start": iso(b.start),
        "end": iso(b.end),
        "days": b.days,
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
                "blackout_days": t.blackout_days,
            }
            for t in b.touchpoints
        ],
        "notes": list(b.notes),
        "findings": [_finding_dict(f) for f in b.findings],
    }


SHOW_CSV = ("kind", "name", "start", "end", "days", "tactics", "ine_exception")


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
    return _csv(SHOW_CSV, rows)


def brief_markdown(b: Brief) -> str:
    out = [f"## {_md_cell(b.name)}", ""]
    out.append(f"- **Id:** `{b.id}`")
    if b.aka:
        out.append(f"- **También:** {', '.join(b.aka)}")
    out.append(f"- **Periodo:** {period(b.start, b.end)} ({days(b.days)})")
    out.append(f"- **Estado al {fmt(b.today)}:** {b.status.label}")
    if not b.has_brief:
        out += ["", "_Solo aparece en la programación: todavía no tiene ficha de ejecución._"]
    if b.audience:
        out += ["", "### Audiencia", ""]
        out.append(
            _md_table(
                ["Segmento", "Personas"],
                [[f.name, figure_text(f.count, f.bound)] for f in b.audience],
                right=(1,),
            ).rstrip()
        )
    if b.objectives:
        out += ["", "### Objetivos", ""]
        for n, o in enumerate(b.objectives, 1):
            when = f" _({period(o.start, o.end)})_" if o.start and o.end else ""
            out.append(f"{n}. {nfc(o.text)}{when}")
    if b.creative:
        out += ["", "### Líneas creativas", ""]
        for n, piece in enumerate(b.creative, 1):
            out.append(f"- Pieza {n}: " + "; ".join(f"«{i.text}» ({i.kind_es})" for i in piece))
    if b.channels:
        out += ["", "### Canales de contacto", ""]
        out += [
            f"- {c.name} ({c.kind_es})" + (f": {c.contact}" if c.contact else "")
            for c in b.channels
        ]
    if b.components:
        out += ["", "### Componentes", ""]
        out.append(
            _md_table(
                ["Componente", "Periodo", "Días", "Punto de contacto"],
                [
                    [k.name, period(k.start, k.end), k.days, k.touchpoint or ""]
                    for k in b.components
                ],
                right=(2,),
            ).rstrip()
        )
    if b.touchpoints:
        out += ["", "### Ejecución", ""]
        out.append(
            _md_table(
                ["Punto de contacto", "Tácticos", "Periodo", "Excepción INE"],
                [
                    [
                        t.name,
                        "; ".join(t.tactics),
                        period(t.start, t.end),
                        ine_status(t.ine_exception),
                    ]
                    for t in b.touchpoints
                ],
            ).rstrip()
        )
    if b.findings:
        out += ["", "### Hallazgos", ""]
        out += [
            f"- {severity(f.severity)}: {f.message} (`{f.code}`, {f.file}:{f.line})"
            for f in b.findings
        ]
    return "\n".join(out) + "\n"
