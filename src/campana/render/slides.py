"""The plan as a slide deck (python-pptx, imported only here), in the source document's order:
title, audience, the administration's notes, the programme grid as a native table, a slide per
brief (objectives and creative, then the execution table with its asterisk note), the blackout
with its what-if, and the findings.

Everything is native text and tables. python-pptx does not measure text, so sizes come from
text length: a column is never narrower than its longest word at the font chosen, and a table
taller than the slide goes on in the next one, titled «(continuación)».
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from campana.dates import MONTH_ABBR_ES, MONTHS_ES, fmt, sentence
from campana.dates import period as period_text
from campana.errors import Finding
from campana.gantt import GanttData, GanttRow
from campana.ine import scenario_label
from campana.programme import cell, columns, grid_rows
from campana.queries.audience import AudienceReport
from campana.queries.brief import Brief
from campana.render.xlsx import asterisk_notes
from campana.vocab import BRIEF_SECTIONS, INE_STATUS, SEVERITIES

if TYPE_CHECKING:
    from campana.document import PlanDocument
    from campana.models import Plan

#: slide size (16:9), inches
WIDTH, HEIGHT = 13.333, 7.5
MARGIN = 0.5
TITLE_H = 0.9
BODY_TOP = MARGIN + TITLE_H + 0.1
BODY_H = HEIGHT - BODY_TOP - 0.45
#: average glyph width as a share of the font size (Calibri-like sans), for sizing
GLYPH = 0.52
CONTINUED = " (continuación)"

BLUE = "1F3B57"
ROW_BLUE = "4B77A3"
PENDING = "F2A93B"
SUSPENDED = "C0392B"
HEAD = "EEF2F6"
GREY = "5F6368"


def text_width(text: str, size: float) -> float:
    """Estimated width in inches of ``text`` at ``size`` points."""
    return len(text) * GLYPH * size / 72


def lines_at(text: str, width: float, size: float) -> int:
    """Lines ``text`` takes in ``width`` inches at ``size`` points, wrapping between words."""
    total = 0
    for para in text.split("\n"):
        n, used = 1, 0.0
        for word in para.split():
            w = text_width(word + " ", size)
            if used and used + w > width:
                n += 1
                used = 0.0
            used += w
        total += n
    return total


@dataclass
class _Deck:
    prs: Any
    title: str

    def slide(self, heading: str) -> Any:
        from pptx.util import Inches, Pt

        s = self.prs.slides.add_slide(self.prs.slide_layouts[6])
        box = s.shapes.add_textbox(
            Inches(MARGIN), Inches(MARGIN), Inches(WIDTH - 2 * MARGIN), Inches(TITLE_H)
        )
        tf = box.text_frame
        tf.word_wrap = True
        size = 30.0
        # bold type runs wider than the average glyph (DejaVu Sans Bold, LibreOffice's
        # stand-in for Calibri, by a quarter)
        while size > 18 and lines_at(heading, WIDTH - 2 * MARGIN - 0.2, size * 1.25) > 1:
            size -= 2
        _run(tf.paragraphs[0], heading, size, bold=True, colour=BLUE)
        foot = s.shapes.add_textbox(
            Inches(MARGIN), Inches(HEIGHT - 0.4), Inches(WIDTH - 2 * MARGIN), Inches(0.3)
        )
        _run(foot.text_frame.paragraphs[0], self.title, 10, colour=GREY)
        foot.name = "Pie"
        _ = Pt
        return s


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return RGBColor(red, green, blue)  # type: ignore[no-untyped-call]


def _run(paragraph: Any, text: str, size: float, *, bold: bool = False, colour: str = "") -> Any:
    from pptx.util import Pt

    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    if colour:
        run.font.color.rgb = _rgb(colour)
    return run


def _bullets(
    s: Any,
    items: Sequence[tuple[int, str]],
    left: float,
    top: float,
    width: float,
    height: float,
    *,
    heading: str = "",
    max_size: float = 20,
) -> None:
    """A text box of (level, text) bullets, at the largest size (≤ max_size) that fits."""
    from pptx.util import Inches, Pt

    size = max_size
    while size > 10:
        need = sum(lines_at(t, width - 0.4 - 0.3 * lvl, size) for lvl, t in items) * size * 1.25
        need += (size * 1.6) if heading else 0
        if need / 72 <= height - 0.15 and all(
            text_width(w, size) < width - 0.5 for _, t in items for w in t.split()
        ):
            break
        size -= 1
    box = s.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    tf = box.text_frame
    tf.word_wrap = True
    first = True
    if heading:
        _run(tf.paragraphs[0], heading, size + 2, bold=True, colour=BLUE)
        first = False
    for lvl, text in items:
        p = tf.paragraphs[0] if first else tf.add_paragraph()
        first = False
        p.level = lvl
        _run(p, ("• " if lvl == 0 else "– ") + text, size - 2 * lvl)
        p.space_after = Pt(size * 0.3)


@dataclass
class _Table:
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    #: per row: a fill per column ("" for none), for the programme grid
    fills: Sequence[Sequence[str]] | None = None
    right: Sequence[int] = ()
    #: fixed column weights (the grid's months); else from the text
    weights: Sequence[float] | None = None


def _layout(t: _Table, width: float, max_size: float) -> tuple[float, list[float]]:
    """The font size and column widths (inches): columns weighted by their text, none narrower
    than its longest word, at the largest size that allows it."""
    n = len(t.headers)
    cells = [list(t.headers), *[list(r) for r in t.rows]]
    longest = [max(len(w) for r in cells for w in (r[j].split() or [""])) for j in range(n)]
    if t.weights is not None:
        weights = list(t.weights)
    else:
        weights = [
            max(longest[j], min(30, max(len(r[j]) for r in cells)) * 0.8) + 2 for j in range(n)
        ]
    size = max_size
    while True:
        widths = [width * w / sum(weights) for w in weights]
        if size <= 8 or all(
            text_width("m" * longest[j], size) * 0.9 + 0.2 <= widths[j] for j in range(n)
        ):
            return size, widths
        size -= 1


def _row_height(row: Sequence[str], widths: Sequence[float], size: float) -> float:
    return (
        max(lines_at(t, w - 0.2, size) for t, w in zip(row, widths, strict=True)) * size * 1.2 / 72
        + 0.09
    )


def _tables(
    deck: _Deck,
    heading: str,
    t: _Table,
    *,
    max_size: float = 16,
    note: str = "",
    top: float = BODY_TOP,
) -> None:
    """The table on as many slides as its rows need, the header on each."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    width = WIDTH - 2 * MARGIN
    note_h = (lines_at(note, width, 12) * 12 * 1.3 / 72 + 0.2) if note else 0.0
    room = HEIGHT - top - 0.5 - note_h

    def split(size: float, widths: Sequence[float]) -> list[list[int]]:
        head_h = _row_height(t.headers, widths, size)
        chunks: list[list[int]] = [[]]
        used = head_h
        for i, r in enumerate(t.rows):
            h = _row_height(r, widths, size)
            if chunks[-1] and used + h > room:
                chunks.append([])
                used = head_h
            chunks[-1].append(i)
            used += h
        # never a slide with a single row after a full one: move one over
        if len(chunks) > 1 and len(chunks[-1]) == 1 and len(chunks[-2]) > 2:
            chunks[-1].insert(0, chunks[-2].pop())
        return chunks

    size, widths = _layout(t, width, max_size)
    chunks = split(size, widths)
    smaller = size
    while len(chunks) > 1 and smaller > max(size - 4, 10):
        smaller -= 1  # a little smaller rather than a continuation slide
        w2 = _layout(t, width, smaller)[1]
        if len(split(smaller, w2)) == 1:
            size, widths, chunks = smaller, w2, split(smaller, w2)
            break
    head_h = _row_height(t.headers, widths, size)
    for k, chunk in enumerate(chunks):
        s = deck.slide(heading + (CONTINUED if k else ""))
        heights = [head_h] + [_row_height(t.rows[i], widths, size) for i in chunk]
        shape = s.shapes.add_table(
            len(chunk) + 1,
            len(t.headers),
            Inches(MARGIN),
            Inches(top),
            Inches(width),
            Inches(sum(heights)),
        )
        table = shape.table
        for j, w in enumerate(widths):
            table.columns[j].width = Inches(w)
        for r, h in enumerate(heights):
            table.rows[r].height = Inches(h)
        for r, values in enumerate([t.headers, *[t.rows[i] for i in chunk]]):
            for j, value in enumerate(values):
                c = table.cell(r, j)
                c.margin_left = c.margin_right = Inches(0.08)
                c.margin_top = c.margin_bottom = Inches(0.04)
                tf = c.text_frame
                tf.word_wrap = True
                lines = value.split("\n")
                for li, line in enumerate(lines):
                    p = tf.paragraphs[0] if li == 0 else tf.add_paragraph()
                    if j in t.right:
                        p.alignment = PP_ALIGN.RIGHT
                    p.font.size = Pt(size)
                    if line:  # an empty run would take LibreOffice's default size
                        run = p.add_run()
                        run.text = line
                        run.font.size = Pt(size)
                        run.font.bold = r == 0
                    # an empty cell's line is as tall as its end mark: the same size
                    p._p.get_or_add_endParaRPr().set("sz", str(int(size * 100)))
                fill = ""
                if r == 0:
                    fill = HEAD
                elif t.fills is not None:
                    fill = t.fills[chunk[r - 1]][j]
                c.fill.solid()
                c.fill.fore_color.rgb = _rgb(fill or "FFFFFF")
                dark = fill in (BLUE, ROW_BLUE, SUSPENDED)
                for p in tf.paragraphs:
                    for run in p.runs:
                        run.font.color.rgb = _rgb("FFFFFF" if dark else "1A1A1A")
        if note and k == len(chunks) - 1:
            box = s.shapes.add_textbox(
                Inches(MARGIN), Inches(top + sum(heights) + 0.15), Inches(width), Inches(note_h)
            )
            box.text_frame.word_wrap = True
            _run(box.text_frame.paragraphs[0], note, 12, colour=GREY).font.italic = True


def plan_pptx(doc: PlanDocument) -> bytes:
    """The deck of ``campana.document.plan_document``'s result, as bytes."""
    from pptx import Presentation
    from pptx.util import Inches

    plan, today, assume_ine = doc.plan, doc.today, doc.assume_ine
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
    info = plan.plan
    prs.core_properties.title = info.title
    prs.core_properties.author = info.owner
    prs.core_properties.language = "es-MX"
    deck = _Deck(prs, info.title)
    _title(deck, plan, today, assume_ine)
    if doc.audience is not None:
        _audience(deck, doc.audience)
    if info.notes:
        items: list[tuple[int, str]] = []
        for n in info.notes:
            items.append((0, n.text))
            items += [(1, d) for d in n.details]
        s = deck.slide(f"{info.title}: contexto")
        _bullets(s, items, MARGIN, BODY_TOP, WIDTH - 2 * MARGIN, BODY_H, max_size=20)
    _grid(deck, doc.chart)
    _Gantt(doc.chart).draw(deck)
    for b in doc.briefs:
        if b.has_brief:
            _campaign(deck, plan, b)
    _veda(deck, doc)
    _findings(deck, doc.findings)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _title(deck: _Deck, plan: Plan, today: dt.date, assume_ine: str | None) -> None:
    from pptx.util import Inches

    s = deck.prs.slides.add_slide(deck.prs.slide_layouts[6])
    info = plan.plan
    box = s.shapes.add_textbox(Inches(1), Inches(2.4), Inches(WIDTH - 2), Inches(1.4))
    box.text_frame.word_wrap = True
    size = 54.0
    while size > 28 and lines_at(info.title, WIDTH - 2.2, size) > 1:
        size -= 2
    _run(box.text_frame.paragraphs[0], info.title, size, bold=True, colour=BLUE)
    year, month = (int(x) for x in info.issued.split("-"))
    sub = s.shapes.add_textbox(Inches(1), Inches(3.9), Inches(WIDTH - 2), Inches(1.6))
    tf = sub.text_frame
    tf.word_wrap = True
    _run(tf.paragraphs[0], info.owner, 24)
    _run(tf.add_paragraph(), f"{MONTHS_ES[month - 1].capitalize()} {year}", 20, colour=GREY)
    label = scenario_label(assume_ine)
    if label:
        _run(tf.add_paragraph(), label, 18, bold=True, colour="8A3B00")


def _count(n: int | None, bound: str = "exact") -> str:
    from campana.vocab import figure

    return figure(n, bound, missing="—")


def _audience(deck: _Deck, rep: AudienceReport) -> None:
    _tables(
        deck,
        "Audiencia",
        _Table(
            ("Segmento", "Personas", "% del total", "Campañas"),
            [
                (
                    ("    " if s.depth else "") + s.name,
                    _count(s.count, s.bound),
                    f"{100 * s.share_of_total:.1f} %" if s.share_of_total is not None else "—",
                    ", ".join(s.campaign_names) or "—",
                )
                for s in rep.segments
            ],
            right=(1, 2),
        ),
        note=f"El total es «{rep.total_name}»." if rep.total_name else "",
    )


def _grid(deck: _Deck, data: GanttData) -> None:
    """The programme as the source document draws it: a column per month, the start day in
    the first month and the end day in the last, the months between filled."""
    months = columns(data.start, data.end, "month")
    rows = grid_rows(data)
    texts: list[list[str]] = []
    fills: list[list[str]] = []
    for r in rows:
        line = [r.name if r.kind == "campaign" else "   " + r.name]
        fill = [""]
        for m in months:
            state = cell(r, m)
            text = ""
            if state:
                marks = []
                if m.start <= r.start <= m.end:
                    marks.append(str(r.start.day))
                if m.start <= r.end <= m.end:
                    marks.append(str(r.end.day))
                text = "–".join(marks)
            line.append(text)
            colour = {"pending": PENDING, "suspended": SUSPENDED, "": ""}.get(
                state, BLUE if r.kind == "campaign" else ROW_BLUE
            )
            fill.append(colour)
        texts.append(line)
        fills.append(fill)
    headers = ["", *(MONTH_ABBR_ES[m.start.month - 1].capitalize() for m in months)]
    name_weight = max(len(w) for r in rows for w in r.name.split()) if rows else 10
    name_weight = max(name_weight, min(32, max((len(r.name) for r in rows), default=10)))
    weights = [name_weight * 0.9, *[4.5] * len(months)]
    note = "Cifras: día de inicio y de fin. "
    if data.risks:
        note += "Naranja: en veda con la excepción del INE pendiente; rojo: fuera del aire. "
    if data.blackouts:
        note += "Veda: " + "; ".join(
            f"{b.name}, {period_text(b.start, b.end)}" for b in data.blackouts
        )
    _tables(
        deck,
        data.heading,
        _Table(headers, texts, fills, weights=weights),
        max_size=14,
        note=note.strip(),
    )


#: the Gantt slide: row name sizes (points), row heights and the legend's height (inches)
GANTT_NAME = {"campaign": 11.0, "other": 10.0}
GANTT_ROW = {"campaign": 0.30, "other": 0.26}
GANTT_MONTHS_H = 0.3
GANTT_LEGEND_LINE = 0.25
GANTT_LEGEND_SIZE = 10.0
GANTT_INDENT = 0.18
GANTT_BAR_H = {"campaign": 0.16, "component": 0.12, "touchpoint": 0.12, "milestone": 0.18}
GANTT_COLOURS = {
    "campaign": BLUE,
    "component": ROW_BLUE,
    "touchpoint": "A8C3DE",
    "milestone": "5B2A86",
    "today": "C62828",
    "blackout": "E9E9E9",
    "rest-day": "C5D3E8",
    "pending": PENDING,
    "suspended": SUSPENDED,
}


def _gantt_chunks(rows: Sequence[GanttRow], room: float) -> list[list[int]]:
    """Rows split by the height each slide has; a campaign heading never ends a slide."""
    chunks: list[list[int]] = [[]]
    used = 0.0
    for i, r in enumerate(rows):
        h = GANTT_ROW["campaign" if r.kind == "campaign" else "other"]
        if chunks[-1] and used + h > room + 1e-9:
            chunks.append([])
            used = 0.0
            prev = chunks[-2]
            if len(prev) > 1 and rows[prev[-1]].kind == "campaign":
                chunks[-1].append(prev.pop())
                used += GANTT_ROW["campaign"]
        chunks[-1].append(i)
        used += h
    return chunks


def _gantt_used(data: GanttData) -> set[str]:
    """The legend's entries: what the chart draws."""
    used: set[str] = set()
    for r in data.rows:
        if r.kind != "campaign" or r.in_window:
            used.add(r.kind)
        used.update(m.risk for m in r.marked)
        if r.table is not None:
            used.add("table")
    for key, present in (
        ("blackout", data.blackouts),
        ("rest-day", data.rest_days),
        ("today", data.today_inside),
    ):
        if present:
            used.add(key)
    return used


def _kind(r: GanttRow) -> str:
    return "campaign" if r.kind == "campaign" else "other"


@dataclass
class _Gantt:
    """The Gantt chart drawn with native shapes, from the same ``GanttData`` as the SVG: a row
    per GanttData row (its name on the left), a bar per row in its dates (a diamond for a
    milestone), the blackouts as light bands, the off-air days marked on the bars, a today line
    and a legend. Rows that do not fit go on in «(continuación)» slides, the months repeated.
    Every bar is named «Barra KIND ROW CAMPAIGN[/TOUCHPOINT] START/END» (ROW: its place in
    ``GanttData.rows``) and its alt text is the row's name and period."""

    data: GanttData
    top: float = BODY_TOP
    x0: float = 0.0
    scale: float = 0.0
    name_w: float = 0.0
    font: float = 1.0
    stretch: float = 1.0

    @property
    def rows_top(self) -> float:
        return self.top + GANTT_MONTHS_H

    @property
    def room(self) -> float:
        return HEIGHT - 0.5 - _legend_height(self.data, _gantt_used(self.data)) - self.rows_top

    def row_h(self, r: GanttRow) -> float:
        return GANTT_ROW[_kind(r)] * self.stretch

    def size(self, r: GanttRow) -> float:
        return GANTT_NAME[_kind(r)] * self.font

    def place(self) -> None:
        """Row heights, name size and the name column: rows that fit one slide with room to
        spare are drawn taller with larger names; the column holds the longest name (smaller
        type before a cut name)."""
        rows, width = self.data.rows, WIDTH - 2 * MARGIN
        natural = sum(GANTT_ROW[_kind(r)] for r in rows)
        self.stretch = max(1.0, min(1.5, self.room / natural)) if natural else 1.0
        self.font = min(self.stretch, 1.2)
        while True:
            self.name_w = 0.3 + max(
                (
                    text_width(r.name, self.size(r)) * (1.1 if r.kind == "campaign" else 1.0)
                    + (GANTT_INDENT if r.depth else 0.0)
                    for r in rows
                ),
                default=1.0,
            )
            if self.name_w <= width * 0.45 or self.font <= 0.7:
                break
            self.font -= 0.05
        self.x0 = MARGIN + self.name_w
        days = (self.data.end - self.data.start).days + 1
        self.scale = (WIDTH - MARGIN - self.x0) / days

    def x(self, d: dt.date) -> float:
        data = self.data
        d = min(max(d, data.start), data.end + dt.timedelta(days=1))
        return self.x0 + (d - data.start).days * self.scale

    def after(self, d: dt.date) -> float:
        return self.x(min(d, self.data.end) + dt.timedelta(days=1))

    def draw(self, deck: _Deck) -> None:
        self.place()
        rows = self.data.rows
        chunks = _gantt_chunks(rows, self.room / self.stretch) if rows else [[]]
        used = _gantt_used(self.data)
        for k, chunk in enumerate(chunks):
            s = deck.slide(self.data.heading + " (Gantt)" + (CONTINUED if k else ""))
            bottom = self.rows_top + sum(self.row_h(rows[i]) for i in chunk)
            self.frame(s, bottom)
            y = self.rows_top
            for n, i in enumerate(chunk):
                r = rows[i]
                if r.kind == "campaign" and n:
                    _line(s, MARGIN, y, WIDTH - MARGIN, y, "C9D1D9", 0.75)
                self.row(s, r, y, i)
                y += self.row_h(r)
            if not chunk:
                _label(
                    s, MARGIN, self.rows_top + 0.1, 6, 0.3, "Nada programado en este periodo.", 12
                )
            if self.data.today_inside:
                tx = self.x(self.data.today) + self.scale / 2
                today = _line(s, tx, self.rows_top - 0.05, tx, bottom, GANTT_COLOURS["today"], 2)
                today.name = f"Hoy {self.data.today}"
            _gantt_legend(s, self.data, used, bottom + 0.15)

    def frame(self, s: Any, bottom: float) -> None:
        """The bands behind everything (blackouts, then rest days), the months and the rules."""
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Pt

        data, top, rows_top, x1 = self.data, self.top, self.rows_top, WIDTH - MARGIN
        height = bottom - rows_top
        for b in data.blackouts:
            a = self.x(b.start)
            band = _rect(
                s, a, rows_top, self.after(b.end) - a, height, "blackout",
                f"Veda {b.id} {b.start}/{b.end}",
            )  # fmt: skip
            band.line.color.rgb = _rgb("9E9E9E")
            band.line.width = Pt(0.75)
            _alt(band, f"{b.name}: {period_text(b.start, b.end)}")
        # above the blackouts' bands, so that a rest day inside a blackout still shows
        for day, name in data.rest_days:
            band = _rect(s, self.x(day), rows_top, self.scale, height, "rest-day", "Descanso")
            _alt(band, f"{name}: {fmt(day)}")
        months = columns(data.start, data.end, "month")
        names = MONTHS_ES if len(months) <= 4 else MONTH_ABBR_ES
        for m in months:
            a = self.x(m.start)
            _line(s, a, top, a, bottom, "C9D1D9", 0.75)
            _label(
                s, a, top, self.after(m.end) - a, GANTT_MONTHS_H,
                names[m.start.month - 1].capitalize(), 10, bold=True, colour=GREY,
                align=PP_ALIGN.CENTER,
            )  # fmt: skip
        _line(s, x1, top, x1, bottom, "C9D1D9", 0.75)
        _line(s, MARGIN, rows_top, x1, rows_top, "8C959F", 1)
        _line(s, MARGIN, bottom, x1, bottom, "8C959F", 1)

    def row(self, s: Any, r: GanttRow, y: float, i: int) -> None:
        """The row's name and its bar (with the table's period and the off-air marks); ``i``
        is the row's place in ``GanttData.rows``, in the shapes' names."""
        from pptx.enum.dml import MSO_LINE_DASH_STYLE
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Pt

        h = self.row_h(r)
        indent = GANTT_INDENT if r.depth else 0.0
        name = _label(
            s, MARGIN + indent, y, self.name_w - indent - 0.05, h, r.name, self.size(r),
            bold=r.kind == "campaign", colour="1A1A1A",
        )  # fmt: skip
        ref = f"{i} " + "/".join(p for p in (r.campaign, r.touchpoint, r.milestone) if p)
        name.name = f"Nombre {ref}"
        mid = y + h / 2
        what = f"{r.name}: {period_text(r.start, r.end)}"
        if r.kind == "milestone":
            bh = GANTT_BAR_H["milestone"]
            cx = self.x(r.start) + self.scale / 2
            bar = _rect(
                s, cx - bh / 2, mid - bh / 2, bh, bh, "milestone",
                f"Barra milestone {ref} {r.start}/{r.end}", shape=MSO_SHAPE.DIAMOND,
            )  # fmt: skip
            _alt(bar, what)
            return
        if r.kind == "campaign" and not r.in_window:
            return
        bh = GANTT_BAR_H[r.kind]
        if r.table is not None:
            a = self.x(r.table[0])
            outline = _rect(
                s, a, mid - bh / 2 - 0.03, self.after(r.table[1]) - a, bh + 0.06, "",
                f"Tabla {ref} {r.table[0]}/{r.table[1]}",
            )  # fmt: skip
            outline.line.color.rgb = _rgb(ROW_BLUE)
            outline.line.width = Pt(0.75)
            outline.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            _alt(outline, r.table_note)
        a = self.x(r.start)
        bar = _rect(
            s, a, mid - bh / 2, self.after(r.end) - a, bh, r.kind,
            f"Barra {r.kind} {ref} {r.start}/{r.end}",
        )  # fmt: skip
        if r.kind == "touchpoint":
            bar.line.color.rgb = _rgb(ROW_BLUE)
            bar.line.width = Pt(0.75)
        _alt(bar, what)
        for mk in r.marked:
            a = self.x(mk.start)
            mark = _rect(
                s, a, mid - bh / 2 - 0.02, self.after(mk.end) - a, bh + 0.04, mk.risk,
                f"Marca {mk.risk} {ref} {mk.start}/{mk.end}",
            )  # fmt: skip
            _alt(mark, f"{r.name}: {period_text(mk.start, mk.end)}, {r.ine_es}")


def _no_theme_shadow(shape: Any) -> None:
    from pptx.oxml.xmlchemy import OxmlElement

    sp_pr = shape._element.spPr
    if sp_pr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}effectLst") is None:
        sp_pr.append(OxmlElement("a:effectLst"))
    for ref in shape._element.xpath("./p:style/a:effectRef"):
        ref.set("idx", "0")  # LibreOffice draws the theme's shadow otherwise


def _rect(
    s: Any, left: float, top: float, w: float, h: float, key: str, name: str, shape: Any = None
) -> Any:
    """A filled shape (a rectangle unless ``shape``) in ``GANTT_COLOURS[key]``, no outline;
    ``key`` "" for no fill."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    sh = s.shapes.add_shape(
        shape or MSO_SHAPE.RECTANGLE, Inches(left), Inches(top), Inches(max(w, 0.02)), Inches(h)
    )
    if key:
        sh.fill.solid()
        sh.fill.fore_color.rgb = _rgb(GANTT_COLOURS[key])
        sh.line.fill.background()
    else:
        sh.fill.background()
    _no_theme_shadow(sh)
    sh.name = name
    return sh


def _line(s: Any, xa: float, ya: float, xb: float, yb: float, colour: str, pt: float) -> Any:
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Inches, Pt

    c = s.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT, Inches(xa), Inches(ya), Inches(xb), Inches(yb)
    )
    c.line.color.rgb = _rgb(colour)
    c.line.width = Pt(pt)
    _no_theme_shadow(c)
    return c


def _label(
    s: Any, left: float, top: float, w: float, h: float, text: str, size: float, **kw: Any
) -> Any:
    """A one-line text box, left-aligned unless ``align``, centred vertically."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches

    box = s.shapes.add_textbox(Inches(left), Inches(top), Inches(w), Inches(h))
    tf = box.text_frame
    tf.word_wrap = True  # the box is as wide as its text needs
    tf.margin_left = tf.margin_right = Inches(0.02)
    tf.margin_top = tf.margin_bottom = 0
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    tf.paragraphs[0].alignment = kw.pop("align", PP_ALIGN.LEFT)
    _run(tf.paragraphs[0], text, size, **kw)
    return box


def _alt(shape: Any, text: str) -> None:
    """The shape's alt text (what a screen reader says, and what the tests read)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _legend_entries(data: GanttData, used: set[str]) -> list[tuple[str, str, float, float, float]]:
    """The legend's entries as (key, label, x, line, label width): only what the chart uses,
    wrapped to the slide's width."""
    labels = {
        "campaign": "Campaña",
        "component": "Componente",
        "touchpoint": "Punto de contacto",
        "milestone": "Hito",
        "table": "Periodo de la tabla de ejecución",
        "blackout": "Veda electoral",
        "rest-day": "Día de descanso obligatorio",
        "pending": "En veda: excepción del INE pendiente",
        "suspended": "Suspendido por la veda",
        "today": f"Hoy ({fmt(data.today)})",
    }
    if data.assume_ine == "denied":
        labels["suspended"] += " (escenario: pendientes negadas)"
    out = []
    lx, line = MARGIN, 0.0
    for key, text in labels.items():
        if key not in used:
            continue
        tw = text_width(text, GANTT_LEGEND_SIZE) * 1.2 + 0.1  # a font wider than Calibri
        w = 0.28 + tw + 0.25
        if lx + w > WIDTH - MARGIN:
            lx, line = MARGIN, line + 1
        out.append((key, text, lx, line, tw))
        lx += w
    return out


def _legend_height(data: GanttData, used: set[str]) -> float:
    """What the legend takes below the rows, with the blackouts' note."""
    lines = max((e[3] for e in _legend_entries(data, used)), default=0.0) + 1
    return 0.15 + lines * GANTT_LEGEND_LINE + (GANTT_LEGEND_LINE if data.blackouts else 0.0)


def _gantt_legend(s: Any, data: GanttData, used: set[str], y: float) -> None:
    """The swatches of what the chart uses, and the blackouts' names and dates."""
    from pptx.enum.dml import MSO_LINE_DASH_STYLE
    from pptx.enum.shapes import MSO_SHAPE

    size = GANTT_LEGEND_SIZE
    last = y
    for key, text, lx, line, tw in _legend_entries(data, used):
        ly = last = y + line * GANTT_LEGEND_LINE
        if key == "today":
            _line(s, lx + 0.1, ly + 0.02, lx + 0.1, ly + 0.2, GANTT_COLOURS["today"], 2)
        elif key == "milestone":
            _rect(s, lx + 0.04, ly + 0.03, 0.16, 0.16, key, "Leyenda milestone", MSO_SHAPE.DIAMOND)
        else:
            box = _rect(
                s, lx, ly + 0.05, 0.22, 0.12, "" if key == "table" else key, f"Leyenda {key}"
            )
            if key == "table":
                box.line.color.rgb = _rgb(ROW_BLUE)
                box.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            elif key in ("blackout", "touchpoint"):
                box.line.color.rgb = _rgb("9E9E9E" if key == "blackout" else ROW_BLUE)
        _label(s, lx + 0.28, ly, tw, 0.22, text, size, colour=GREY)
    if data.blackouts:
        note = "Veda: " + "; ".join(
            f"{b.name}, {period_text(b.start, b.end)}" for b in data.blackouts
        )
        _label(
            s, MARGIN, last + GANTT_LEGEND_LINE, WIDTH - 2 * MARGIN, 0.22, note, size, colour=GREY
        )


def _campaign(deck: _Deck, plan: Plan, b: Brief) -> None:
    c = plan.campaign(b.id)
    s = deck.slide(b.name)
    half = (WIDTH - 2 * MARGIN - 0.4) / 2
    left: list[tuple[int, str]] = [
        (0, f"{period_text(b.start, b.end)} ({b.days} días)"),
    ]
    for o in b.objectives:
        left.append((0, o.text))
    _bullets(s, left, MARGIN, BODY_TOP, half, BODY_H, heading=BRIEF_SECTIONS["objectives"])
    right: list[tuple[int, str]] = []
    for i, piece in enumerate(b.creative, 1):
        right.append((0, f"Pieza {i}"))
        right += [(1, x.text) for x in piece]
    for ch in b.channels:
        right.append((0, f"{ch.name}{': ' + ch.contact if ch.contact else ''}"))
    if right:
        _bullets(
            s,
            right,
            MARGIN + half + 0.4,
            BODY_TOP,
            half,
            BODY_H,
            heading=BRIEF_SECTIONS["creative"],
        )
    if b.touchpoints:
        starred = [t.ine_exception for t in b.touchpoints if t.ine_exception is not None]
        owners = {e.touchpoint: e.owner for e in (c.execution if c else ())}
        show_owner = any(owners.values())
        rows = []
        for t in b.touchpoints:
            row = [
                t.name,
                "\n".join(t.tactics),
                period_text(t.start, t.end) + ("*" if t.ine_exception else ""),
                INE_STATUS.get(t.ine_status, t.ine_status),
            ]
            if show_owner:
                row.append(owners.get(t.touchpoint_id) or "—")
            rows.append(row)
        headers = ["Punto de contacto", "Tácticos", "Periodo", "Excepción INE"]
        if show_owner:
            headers.append("Responsable")
        _tables(
            deck,
            f"{b.name}: ejecución de la campaña",
            _Table(headers, rows),
            note="\n".join(asterisk_notes(b, starred)),
        )


def _veda(deck: _Deck, doc: PlanDocument) -> None:
    rep, assume_ine = doc.veda, doc.assume_ine
    for b in rep.blackouts:
        when = "en el escenario" if rep.scenario_decides else "si se niega"
        what_if = [
            f"{vc.name}: {vc.uncovered_days_if_denied} de {vc.days_inside} días sin nada al aire "
            f"{when}" + (f" ({vc.note})" if vc.note else "")
            for vc in b.campaigns
        ]
        head = (
            f"{sentence(period_text(b.start, b.end, prose=True, long=True))} "
            f"({doc.blackout_days.get(b.id, 0)} días). "
            f"Restringe: {', '.join(b.restricts_names)}." + (f" {b.scope}" if b.scope else "")
        )
        label = scenario_label(assume_ine)
        note = "\n".join([*([label] if label else []), head, *what_if])
        if not b.rows:
            s = deck.slide(b.name)
            _bullets(
                s,
                [(0, head), (0, "Ningún punto de contacto del plan corre dentro de esta veda.")],
                MARGIN,
                BODY_TOP,
                WIDTH - 2 * MARGIN,
                BODY_H,
            )
            continue
        _tables(
            deck,
            b.name,
            _Table(
                (
                    "Campaña",
                    "Punto de contacto",
                    "Periodo",
                    "Días en veda",
                    "Excepción INE",
                    rep.lost_label_long,
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
                    # with the rows it does not restrict («no aplica»), as veda lists them
                    for r in (*b.rows, *b.unrestricted)
                ],
                right=(3, 5),
            ),
            note=note,
        )


def _findings(deck: _Deck, findings: Sequence[Finding]) -> None:
    if not findings:
        s = deck.slide("Revisión del plan")
        _bullets(
            s,
            [(0, "La revisión no encontró problemas: el plan es válido.")],
            MARGIN,
            BODY_TOP,
            WIDTH - 2 * MARGIN,
            BODY_H,
        )
        return
    _tables(
        deck,
        "Revisión del plan",
        _Table(
            ("Tipo", "Hallazgo", "Qué hacer"),
            [
                (
                    SEVERITIES.get(f.severity, f.severity).capitalize(),
                    f.message[:1].upper() + f.message[1:],
                    f.hint or "—",
                )
                for f in findings
            ],
            weights=(8, 60, 40),
        ),
        max_size=14,
    )
