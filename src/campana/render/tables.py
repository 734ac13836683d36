"""Query results as tables and pictures for the terminal (the ``table`` format).

Each function takes a result of ``campana.queries`` and a width, and lays it out as lines of
(text, style) segments (see ``campana.render.grid``), which ``campana.render.pictures`` prints
with or without rich, or saves as SVG, HTML or text. Named after the result: ``schedule``,
``brief`` (``show``), ``campaign_list`` (``list``), ``audience``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campana.dates import days, fmt, period
from campana.pairing import with_table
from campana.render.common import (
    STATUS_STYLE,
    figure_text,
    ine_answer,
    keep_together,
    number,
    rest_day_text,
    schedule_title,
    share_text,
    stated,
    status_cell,
)
from campana.render.grid import DIM, Line, day_grid, fit, month_grid, nfc, wrap
from campana.vocab import BRIEF_SECTIONS, and_list, ine_status, severity

if TYPE_CHECKING:
    from campana.agenda import Agenda
    from campana.queries.audience import AudienceReport
    from campana.queries.brief import Brief, ComponentLine, SegmentFigure, Show
    from campana.queries.campaigns import CampaignLine, CampaignList
    from campana.queries.schedule import Row, Schedule
    from campana.veda import VedaReport, VedaRow


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
    #: the first column only: its lines below the other cells' (notes under a row) may run
    #: over the empty columns to the right, wrapped to the table's width instead of its own
    spill: bool = False


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
    cols: Sequence[Col],
    rows: Sequence[Sequence[Cell]],
    width: int,
    indent: int = 0,
    above: Sequence[Sequence[Line]] | None = None,
) -> list[Line]:
    """Aligned columns two spaces apart, narrowed to ``width``; no borders. ``above[i]``, when
    given, are whole lines printed before row ``i`` (a name too long for its column), outside
    the columns."""
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

    def wrapped(lines: list[CellLine], w: int, spill_from: int | None) -> list[CellLine]:
        """A wrapping cell's lines, each kept at its indent; from line ``spill_from`` on (the
        first column's, below the other cells), to the whole table's width."""
        out: list[CellLine] = []
        for t, st in lines:
            room = w if spill_from is None or len(out) < spill_from else width - indent
            pad = " " * (len(t) - len(t.lstrip(" ")))
            out += [(x, st) for x in wrap(t.lstrip(" "), room, pad)]
        return out

    def render(values: list[list[CellLine]], head: bool) -> list[Line]:
        blocks: list[list[CellLine]] = []
        others = max((len(values[i]) for i in keep[1:]), default=0)
        spill_from = others if keep and cols[keep[0]].spill and not head else None
        for n, i in enumerate(keep):
            w = widths[i]
            lines = values[i]
            if cols[i].wrap and not head:
                lines = wrapped(lines, w, spill_from if n == 0 else None)
            blocks.append(
                [
                    (
                        t
                        if n == 0 and spill_from is not None and k >= spill_from
                        else t.rjust(w)
                        if cols[i].right and len(t) <= w
                        else fit(t, w),
                        st,
                    )
                    for k, (t, st) in enumerate(lines)
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
    for n, row in enumerate(cells):
        if above is not None:
            lines += [list(x) for x in above[n]]
        lines += render(row, head=False)
    return lines


def _long_names_above(
    cols: Sequence[Col],
    rows: list[list[Cell]],
    width: int,
    indent: int = 0,
    *,
    every: bool = False,
) -> list[list[Line]]:
    """Take out of ``rows`` the first line of each first cell too long for its column, and
    return them as the lines ``table`` prints above those rows: a long name gets a line of its
    own instead of being broken. With ``every``, when one name needs its own line, all get
    one (the figures of every row then sit on the same line of it: the one below the name)."""
    others = natural_width(cols[1:], [row[1:] for row in rows]) + 2 + indent
    too_long = [len(_cell(row[0])[0][0]) + others > width for row in rows]
    if every and any(too_long):
        too_long = [True] * len(rows)
    above: list[list[Line]] = []
    for row, long in zip(rows, too_long, strict=True):
        first, *rest = _cell(row[0])
        if long:
            above.append([[(" " * indent, ""), first] if indent else [first]])
            row[0] = rest
        else:
            above.append([])
    return above


def heading(text: str) -> Line:
    return [(text, "bold underline")]


def schedule(s: Schedule, width: int) -> list[Line]:
    """The year grid, the month grid or, for one day, the list of what runs that day."""
    title = schedule_title(s)
    if s.start == s.end:
        return _day(s, width, title)
    if s.detailed:
        return day_grid(s, width, title)
    return month_grid(s, width, title)


def _row_label(r: Row) -> str:
    if r.kind == "touchpoint":
        return "  ▸ " + r.name
    if r.kind == "component":
        return "  " + r.name
    return r.name


def _day(s: Schedule, width: int, title: str) -> list[Line]:
    """What runs on one day: each row with its period, the day it is on, and, for the
    touchpoints a blackout restricts that day, their INE exception."""
    day = s.start
    lines: list[Line] = [[(title, "bold")]]
    if s.today != day:
        lines.append([(f"(hoy es {fmt(s.today)})", DIM)])
    for b in s.blackouts:
        names = list(s.restricts.get(b.name, ()))
        n = b.day_number(day)
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
        if r.table is not None:  # the table's period too, and its day when only it runs
            when = with_table(when, r.table, year=day.year)
        n, total, by_table = r.day_of(day)
        count = f"{n} de {total}" + (" (tabla)" if by_table else "")
        veda: Cell = ""
        if r.in_blackout(day):
            text = ine_status(r.ine_exception)
            veda = (text, "green" if r.ine_exception == "approved" else "yellow")
        rows.append(
            [
                (_row_label(r), "bold" if r.kind == "campaign" else ""),
                when,
                count,
                veda,
            ]
        )
    cols = [
        Col("Campaña / punto de contacto", shrink=2, min=16),
        Col("Periodo", shrink=3, wrap=True, min=15),
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


def campaign_list(cl: CampaignList, width: int) -> list[Line]:
    """The plan's title and owner, the reference day, then one line per campaign when the
    terminal is wide enough; otherwise each campaign's name (and id) on a line of its own and
    its figures on the next."""
    lines = cl.campaigns
    years = {c.start.year for c in lines} | {c.end.year for c in lines}
    year = next(iter(years)) if len(years) == 1 else None
    working = any(c.working_days is not None for c in lines)
    rest = [
        Col(f"Periodo {year}" if year else "Periodo"),
        Col("Días", right=True),
        *([Col("Hábiles", right=True)] if working else []),
        Col("Líneas", right=True),
        Col("Estado", shrink=1, wrap=True, min=13),
    ]

    def tail(c: CampaignLine) -> list[Cell]:
        return [
            period(c.start, c.end, year=year),
            str(c.days),
            *([str(c.working_days)] if working else []),
            str(c.lines),
            (status_cell(c.status), STATUS_STYLE[c.status.kind]),
        ]

    out: list[Line] = []
    if cl.title:
        head = cl.title + (f" · {cl.owner}" if cl.owner else "")
        out += [[(x, "bold")] for x in wrap(head, width)]
    out.append([(f"Estado al {fmt(cl.today)}", DIM)])
    out.append([])
    cols = [Col("Campaña", shrink=2, wrap=True, min=16), *rest, Col("Id")]
    rows: list[list[Cell]] = [[(c.name, "bold"), *tail(c), c.id] for c in lines]
    if natural_width(cols, rows) <= width:
        out += table(cols, rows, width)
    else:
        above = [[[(nfc(c.name), "bold"), (f"  (id: {c.id})", DIM)]] for c in lines]
        out += table(rest, [tail(c) for c in lines], width, indent=2, above=above)
    if cl.notes:
        out += [[], heading("Notas de la administración")]
        for note in cl.notes:
            out += [[(x, "")] for x in wrap(note.text, width - 4, "  ")]
            for d in note.details:
                dl = wrap(d, width - 6)
                out += [
                    [("    - " if k == 0 else "      ", DIM), (x, "")] for k, x in enumerate(dl)
                ]
    out.append([])
    out += [
        [(x, DIM)]
        for x in wrap(
            "Líneas: componentes de la programación y puntos de contacto de la tabla de "
            "ejecución; un componente y la fila de la tabla que lo ejecuta son una línea. La "
            "ficha de una campaña: campana show ID.",
            width,
        )
    ]
    return out


def _figure_line(f: SegmentFigure) -> list[Cell]:
    if f.count is None:
        return [f.id, ("sin cifra en audience.yaml", "yellow")]
    cell: list[CellLine] = [(f.name, "")]
    if f.stated_percent is not None:
        whole = f.stated_of_name or f.stated_of
        said = f"  el documento dice {f.stated_percent:g} % de {keep_together(whole or '')}"
        cell.append((said, DIM))
    return [cell, figure_text(f.count, f.bound)]


def audience(r: AudienceReport, width: int) -> list[Line]:
    cols = [
        Col("Segmento", shrink=1, wrap=True, min=20, spill=True),
        Col("Personas", right=True),
        Col("% del total", right=True),
    ]
    rows: list[list[Cell]] = []
    for s in r.segments:
        pad = "  " * s.depth
        name: CellLine = (pad + s.name, "bold" if s.depth == 0 else "")
        cell: list[CellLine] = []
        if s.adds_to:
            whole = "al total" if s.adds_to == r.total_id else f"a «{s.adds_to_name}»"
            cell.append((pad + f"  podría agregarse {whole}; no es parte de él", DIM))
        names = s.campaign_names or s.campaigns
        cell.append((pad + "  campañas: " + (", ".join(names) or "ninguna"), DIM))
        if s.stated_percent is not None:
            said = stated(s)
            if s.stated_of == r.total_id and s.stated_of_name:
                said = said.replace(f"de {s.stated_of_name}", "del total", 1)
            head, _, rest = said.partition(" (")
            said = head + (" (" + keep_together(rest) if rest else "")
            cell.append((pad + "  el documento dice " + said, DIM))
        rows.append([[name, *cell], figure_text(s.count, s.bound), share_text(s.share_of_total)])
    above = _long_names_above(cols, rows, width, every=True)
    out = table(cols, rows, width, above=above)
    out.append([])
    notes = []
    if r.total_name and r.total_count:
        notes.append(
            f"El total es «{r.total_name}» ({number(r.total_count)}); los porcentajes se calculan "
            "de las cifras. «—»: la cifra no es una parte del total."
        )
    elif r.total_id is None:
        notes.append(
            "audience.yaml no tiene desgloses: no hay un total del cual calcular porcentajes."
        )
    if any(s.bound == "up-to" for s in r.segments):
        notes.append("«hasta»: cifra máxima que da el documento; «≈»: cifra redondeada.")
    elif any(s.bound == "approx" for s in r.segments):
        notes.append("«≈»: cifra redondeada.")
    for n in notes:
        out += [[(x, DIM)] for x in wrap(n, width)]
    out += _audience_document(r, width)
    return out


def _audience_document(r: AudienceReport, width: int) -> list[Line]:
    """What audience.yaml holds beside the figures: notes, reasons, dates and sources."""
    out: list[Line] = []
    for s in r.segments:
        said: list[str] = []
        if s.note:
            said.append(s.note)
        if s.since:
            said.append(f"Desde el {fmt(s.since)}.")
        if s.source:
            said.append(f"Fuente: {s.source}.")
        if not said and not s.reasons:
            continue
        out += [[], [(nfc(s.name), "bold")]]
        for text in said:
            out += [[(x, "")] for x in wrap(text, width - 2, "  ")]
        if s.reasons:
            out.append([("  Por qué:", "")])
            for reason in s.reasons:
                lines = wrap(reason, width - 6)
                out += [
                    [("    - " if k == 0 else "      ", DIM), (x, "")] for k, x in enumerate(lines)
                ]
    if out:
        out = [[], heading("Lo que dice el documento"), *out[1:]]
    return out


def brief(b: Brief, width: int) -> list[Line]:
    year = b.start.year if b.start.year == b.end.year else None
    lines: list[Line] = [[(nfc(b.name), "bold")]]
    ident = f"id: {b.id}"
    if b.aka:
        ident += " · también: " + ", ".join(b.aka)
    lines += [[(x, DIM)] for x in wrap(ident, width)]
    length = days(b.days) if b.working_days is None else f"{days(b.days)}, {b.working_days} hábiles"
    lines.append([("Periodo: ", "bold"), (f"{period(b.start, b.end)} ({length})", "")])
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
        lines += [[], heading(BRIEF_SECTIONS["audience"])]
        cols = [
            Col("Segmento", shrink=2, wrap=True, min=16, spill=True),
            Col("Personas", right=True),
        ]
        lines += table(cols, [_figure_line(f) for f in b.audience], width, indent=2)
    if b.objectives:
        lines += [[], heading(BRIEF_SECTIONS["objectives"])]
        for n, o in enumerate(b.objectives, 1):
            for k, x in enumerate(wrap(o.text, width - 5)):
                lines.append([(f"  {n}. " if k == 0 else "     ", ""), (x, "")])
            when = (
                f"{period(o.start, o.end)} ({days(o.days)})"
                if o.start and o.end and o.days
                else "sin periodo propio (el de la campaña)"
            )
            lines.append([("     Periodo: ", DIM), (when, DIM)])
    if b.creative:
        lines += [[], heading(BRIEF_SECTIONS["creative"])]
        for n, piece in enumerate(b.creative, 1):
            lines.append([(f"  Pieza {n}", "bold")])
            for item in piece:
                text = wrap(f"«{item.text}»", width - 9 - len(item.kind_es))
                for k, x in enumerate(text):
                    tail = [(f"  {item.kind_es}", DIM)] if k == len(text) - 1 else []
                    # a wrapped line continues under the first letter, not under «
                    lines.append([("    " if k == 0 else "     ", ""), (x, ""), *tail])
    if b.channels:
        lines += [[], heading(BRIEF_SECTIONS["channels"])]
        for ch in b.channels:
            line: Line = [("  " + nfc(ch.name), ""), (f" ({ch.kind_es})", DIM)]
            if ch.contact:
                line.append((f": {ch.contact}", ""))
            lines.append(line)
    if b.components:
        lines += _brief_components(b, year, width)
    if b.touchpoints:
        lines += _brief_execution(b, year, width)
    if b.notes:
        lines += [[], heading(BRIEF_SECTIONS["notes"])]
        for note in b.notes:
            lines += [[(x, "")] for x in wrap(note, width - 2, "  ")]
    lines += [[], heading(f"{BRIEF_SECTIONS['findings']} ({len(b.findings)})")]
    if not b.findings:
        lines.append([("  Ninguno.", DIM)])
    for f in b.findings:
        sev = severity(f.severity)
        style = "red" if f.severity == "error" else "yellow"
        lines.append([(f"  {sev} ", style), (f"[{f.code}] {f.file}:{f.line}:{f.column}", DIM)])
        lines += [[(x, "")] for x in wrap(f.message, width - 4, "    ")]
    return lines


def _brief_components(b: Brief, year: int | None, width: int) -> list[Line]:
    """The brief's components: a table, or each component above its figures when narrow."""
    lines: list[Line] = []
    lines += [[], heading(BRIEF_SECTIONS["components"])]
    when_col = Col(f"Periodo {year}" if year else "Periodo", shrink=1, wrap=True, min=15)
    state_col = Col("Estado", shrink=3, wrap=True, min=13)
    cols = [
        Col("Componente", shrink=1, wrap=True, min=12),
        when_col,
        Col("Días", right=True),
        Col("Punto de contacto", shrink=2, wrap=True, min=17, optional=True),
        state_col,
    ]

    def component_figures(k: ComponentLine) -> list[Cell]:
        return [
            with_table(period(k.start, k.end, year=year), k.table, year=year),
            str(k.days),
            (status_cell(k.status), STATUS_STYLE[k.status.kind]),
        ]

    rows: list[list[Cell]] = [
        [k.name, *component_figures(k)[:2], k.touchpoint or "—", component_figures(k)[2]]
        for k in b.components
    ]
    if natural_width(cols, rows, indent=2) <= width:
        lines += table(cols, rows, width, indent=2)
    else:  # each component on a line of its own, its figures on the next
        above = [
            [
                [("  " + nfc(k.name), "italic")]
                + ([(f" → {nfc(k.touchpoint)}", DIM)] if k.touchpoint else [])
            ]
            for k in b.components
        ]
        lines += table(
            [when_col, Col("Días", right=True), state_col],
            [component_figures(k) for k in b.components],
            width,
            indent=4,
            above=above,
        )
        lines.append([("  → punto de contacto de la tabla de ejecución", DIM)])
    return lines


def _brief_execution(b: Brief, year: int | None, width: int) -> list[Line]:
    """The brief's execution table: a table, or each touchpoint above its tactics when
    narrow."""
    lines: list[Line] = []
    lines += [[], heading(BRIEF_SECTIONS["execution"])]
    rows: list[list[Cell]] = []
    for t in b.touchpoints:
        ine: list[str] = [ine_status(t.ine_status)]
        ine += ine_answer(t.ine_answer_date, t.ine_reference)
        if t.blackout_days:
            ine.append(f"{days(t.blackout_days)} en veda")
        risky = bool(t.blackout_days) and t.ine_exception != "approved"
        rows.append(
            [
                (t.label, "bold"),
                ([f"· {x}" for x in t.tactics], ""),
                period(t.start, t.end, year=year),
                (ine, "yellow" if risky else ""),
            ]
        )
    cols = [
        Col("Punto de contacto", shrink=3, wrap=True, min=19),
        Col("Tácticos", shrink=2, wrap=True, min=18),
        Col(f"Periodo {year}" if year else "Periodo", shrink=1, wrap=True, min=10),
        Col("Excepción INE", shrink=1, wrap=True, min=10),
    ]
    if natural_width(cols, rows, indent=2) <= width:
        lines += table(cols, rows, width, indent=2)
    else:  # each touchpoint on a line of its own, its tactics one per line beneath
        above = [[[("  " + nfc(t.label), "bold")]] for t in b.touchpoints]
        lines += table(cols[1:], [r[1:] for r in rows], width, indent=4, above=above)
    return lines


# --- agenda and veda (issue 8) ----------------------------------------------------------------

#: the mark and style of each kind of agenda event
AGENDA_MARKS: dict[str, tuple[str, str]] = {
    "start": ("▶", "green"),
    "end": ("■", "blue"),
    "blackout-start": ("░", "bold red"),
    "blackout-end": ("░", "red"),
    "suspend": ("↓", "bold yellow"),
    "resume": ("↑", "yellow"),
    "milestone": ("◆", "magenta"),
}


def scenario_lines(label: str | None, width: int) -> list[Line]:
    """The first line of a view under a scenario (``ine.scenario_label``; none without one)."""
    if label is None:
        return []
    return [[(x, "bold yellow")] for x in wrap(label, width)]


def day_heading(d: dt.date, relative: str) -> str:
    """«lunes 26 feb 2024 · hoy»."""
    from campana.dates import WEEKDAYS_ES

    return f"{WEEKDAYS_ES[d.weekday()]} {fmt(d)} · {relative}"


def agenda(a: Agenda, width: int) -> list[Line]:
    """The agenda grouped by day: a heading per day, then each event (a mark and what happens)
    with the campaign and the owner beneath, dimmed."""
    out: list[Line] = [
        [(x, "bold")]
        for x in wrap(f"Agenda {period(a.start, a.end, prose=True)} (hoy es {fmt(a.today)})", width)
    ]
    if not a.events and not a.rest_days:
        return out
    for day, events in a.by_day():
        out.append([])
        out.append(heading(day_heading(day, a.relative(day))))
        if day in a.rest_days:
            out += [
                [("  ", ""), (x, DIM)] for x in wrap(rest_day_text(a.rest_days[day]), width - 2)
            ]
        for e in events:
            mark, style = AGENDA_MARKS.get(e.kind, ("•", ""))
            text = wrap(e.message, width - 4)
            out.append([("  ", ""), (mark, style), (" ", ""), (text[0], "")])
            out += [[("    " + x, "")] for x in text[1:]]
            # the campaign (or the blackout) beneath, unless the message already names it
            named = e.campaign_name or e.name
            about = "" if f"«{named}»" in e.message else named
            if about and e.campaign_name:
                about = f"Campaña: {about}"
            if e.owner:
                about = f"{about} · responsable: {e.owner}" if about else f"Responsable: {e.owner}"
            out += [[("    " + x, DIM)] for x in wrap(about, width - 4)] if about else []
    out.append([])
    out += [
        [(x, DIM)]
        for x in wrap(
            "▶ empieza · ■ termina · ░ veda · ↓ sale del aire · ↑ vuelve al aire · ◆ hito.",
            width,
        )
    ]
    return out


def veda(r: VedaReport, width: int) -> list[Line]:
    """Each blackout: its dates and what it restricts, the rows it hits, and per campaign the
    days with nothing on air if every pending exception is denied."""
    out: list[Line] = []
    for n, b in enumerate(r.blackouts):
        if n:
            out.append([])
        out += [
            [(x, "bold")]
            for x in wrap(f"{b.name}: {period(b.start, b.end)} ({days(b.days)})", width)
        ]
        scope = f" {b.scope}" if b.scope else ""
        restricts = f"Restringe {and_list(b.restricts_names)}.{scope}"
        out += [[(x, "")] for x in wrap(restricts, width)]
        out.append([])
        out.append(heading("Puntos de contacto en la veda"))
        if b.rows:
            year = b.start.year if b.start.year == b.end.year else None
            cols = [
                Col("Punto de contacto", shrink=2, wrap=True, min=10),
                Col("Periodo", shrink=1, wrap=True, min=8),
                Col("Dentro", right=True),
                Col("Excepción"),
                Col(r.lost_label, right=True),
            ]
            by_campaign: dict[str, list[VedaRow]] = {}
            for x in b.rows:
                by_campaign.setdefault(x.campaign_name, []).append(x)
            for x in b.unrestricted:  # «no aplica», beside the campaign's restricted rows
                if any(y.campaign_id == x.campaign_id for y in b.rows):
                    by_campaign[x.campaign_name].append(x)

            for name, group in by_campaign.items():
                out += [[("  " + x, "bold")] for x in wrap(name, width - 2)]
                rows: list[list[Cell]] = [
                    [
                        x.touchpoint_name,
                        period(x.start, x.end, year=year),
                        days(x.days_inside),
                        (
                            [
                                ine_status(x.ine_exception),
                                *ine_answer(x.ine_answer_date, x.ine_reference),
                            ],
                            _INE_STYLE.get(x.ine_exception, ""),
                        ),
                        f"−{days(x.days_lost_if_denied)}" if x.days_lost_if_denied else "0",
                    ]
                    for x in group
                ]
                above = _long_names_above(cols, rows, width, indent=4)
                out += table(cols, rows, width, indent=4, above=above)
        else:
            out.append([("Ninguno.", DIM)])
        out.append([])
        out.append(heading("Campañas durante la veda"))
        if b.campaigns:
            cols = [
                Col("Campaña", shrink=1, wrap=True, min=16),
                Col("Días dentro", right=True),
                Col(r.uncovered_label, right=True),
            ]
            pad = " " if any(c.note for c in b.campaigns) else ""  # the figures stay aligned
            rows = [
                [
                    c.name,
                    days(c.days_inside),
                    days(c.uncovered_days_if_denied) + ("*" if c.note else pad),
                ]
                for c in b.campaigns
            ]
            out += table(cols, rows, width)
            for c in b.campaigns:  # a figure that rests on dates the document leaves open
                if c.note:
                    said = re.sub(r"«[^»]*»", lambda m: keep_together(m[0]), c.note)
                    text = f"* {keep_together(c.name)}: {said}."  # names are never broken
                    out += [[(x, "yellow")] for x in wrap(text, width, "  ")]
        else:
            out.append([("Ninguna.", DIM)])
    out.append([])
    out += [[(x, DIM)] for x in wrap(r.legend, width)]
    return out


_INE_STYLE = {"approved": "green", "denied": "red", "pending": "yellow", "not-requested": "red"}


def show(s: Show, width: int) -> list[Line]:
    """``campana show``: the brief, then owners, the INE status and days lost per touchpoint,
    and the milestones."""
    from campana.vocab import MILESTONE_KINDS

    lines = brief(s.brief, width)
    owners = s.owner or s.component_owners or any(r.owner for r in s.rows)
    if not (owners or s.milestones or s.assume_ine):
        return lines
    lines += [[], heading(BRIEF_SECTIONS["owners"])]
    if s.owner:
        lines += [[(x, "")] for x in wrap(f"Campaña: {s.owner}", width - 2, "  ")]
    lines += [
        [(x, "")]
        for name, owner in s.component_owners
        for x in wrap(f"{name}: {owner}", width - 2, "  ")
    ]
    lost = bool(s.assume_ine)
    cols = [
        Col("Punto de contacto", shrink=2, wrap=True, min=14),
        Col("Responsable", shrink=3, wrap=True, min=12, optional=True),
        Col("Excepción INE", shrink=1, wrap=True, min=10),
    ]
    if lost:
        cols.append(Col("Días perdidos", right=True))
    rows: list[list[Cell]] = []
    for r in s.rows:
        row: list[Cell] = [
            (r.name, "bold"),
            r.owner or "",
            (ine_status(r.ine_status), _INE_STYLE.get(r.ine_status, "")),
        ]
        if lost:
            row.append(str(r.days_lost))
        rows.append(row)
    if rows:
        lines.append([])
        lines += table(cols, rows, width, indent=2)
    if lost:
        lines.append([])
        lines += [
            [(x, "bold")]
            for x in wrap(
                f"Bajo el escenario, la campaña pasa {days(s.days_lost)} más sin ningún punto "
                "de contacto al aire.",
                width - 2,
                "  ",
            )
        ]
    if s.milestones:
        lines += [[], heading(BRIEF_SECTIONS["milestones"])]
        lines += table(
            [
                Col("Fecha"),
                Col("Hito", shrink=2, wrap=True, min=14),
                Col("Tipo", shrink=1, wrap=True, min=13),
                Col("Responsable", shrink=3, wrap=True, min=12, optional=True),
            ],
            [
                [fmt(m.date), m.name, MILESTONE_KINDS.get(m.kind, m.kind), m.owner or ""]
                for m in s.milestones
            ],
            width,
            indent=2,
        )
    return lines
