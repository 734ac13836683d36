"""The schedule as a picture: the year grid (one column per month) and the month grid (one
column per day), laid out for a given width.

A picture is a list of lines, each a list of (text, style) segments. ``plain`` joins the texts
(what a pipe or a file gets: no ANSI codes, no rich import); ``to_rich`` turns the same lines
into rich ``Text`` with the styles (what a terminal gets). Both show the same characters.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from campana.dates import MONTH_ABBR_ES, MONTHS_ES, WEEKDAY_LETTERS_ES, Span, fmt, period
from campana.pairing import with_table
from campana.vocab import and_list

if TYPE_CHECKING:
    from campana.queries.schedule import Row, Schedule

Seg = tuple[str, str]
Line = list[Seg]

BAR = "█"
RESTRICTED = "▒"
#: days a component's execution row runs and the component (the grid) does not
TABLE_ONLY = "╌"
#: a restricted row's blackout days under the scenario «denied»: off air
SUSPENDED = "╌"
#: a campaign milestone's day, on the campaign's row
MILESTONE = "◆"
MILESTONE_STYLE = "bold magenta"
BLACKOUT = "░"
TODAY = "│"
TODAY_HEAD = "▼"
GUIDE = "·"
WEEKEND = "·"
TOUCHPOINT_MARK = "▸ "
#: a row's first and last day in the day grid (one mark when it lasts one day)
START_MARK = "["
END_MARK = "]"
ONE_DAY_MARK = "◆"
ELLIPSIS = "…"
#: a space that ``wrap`` does not break at; printed as a plain space
NBSP = "\u00a0"

COLOR = {"campaign": "blue", "component": "cyan", "touchpoint": "green", "blackout": "red"}
RESTRICTED_COLOR = "yellow"
TODAY_STYLE = "bold magenta"
WEEKEND_BG = "on grey23"
BLACKOUT_BG = "on #3a1414"
HEAD_STYLE = "bold"
DIM = "dim"

LABEL_MAX = 40


# --- text helpers -----------------------------------------------------------------------------


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with «…» when it is longer, padded when shorter."""
    text = nfc(text).replace(NBSP, " ")
    if width <= 0:
        return ""
    if len(text) > width:
        return text[: width - 1].rstrip() + ELLIPSIS if width > 1 else ELLIPSIS
    return text.ljust(width)


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    import textwrap

    lines = textwrap.wrap(
        nfc(text),
        max(10, width),
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [indent]
    return [line.replace(NBSP, " ") for line in lines]


def plain(lines: Iterable[Line]) -> str:
    """The picture as plain text: what a pipe or a .txt file gets."""
    return "".join("".join(t for t, _ in line).rstrip() + "\n" for line in lines)


def to_rich(line: Line) -> Any:
    from rich.text import Text

    text = Text(no_wrap=True, overflow="crop")
    line = list(line)
    while line and not line[-1][1] and not line[-1][0].strip():
        line.pop()
    if line and not line[-1][1]:
        line[-1] = (line[-1][0].rstrip(), "")
    for chunk, style in line:
        if style and " on " not in f" {style}":
            # spaces around a foreground style carry no colour: keep them plain, as some SVG
            # viewers drop the leading spaces of a styled run
            body = chunk.strip(" ")
            lead = len(chunk) - len(chunk.lstrip(" "))
            if body:
                text.append(chunk[:lead])
                text.append(body, style=style)
                text.append(chunk[lead + len(body) :])
                continue
        text.append(chunk, style=style or None)
    return text


def print_rich(lines: Iterable[Line], console: Any) -> None:
    for line in lines:
        console.print(to_rich(line), no_wrap=True, overflow="crop", crop=True)


class _Cells:
    """A row of fixed-width character cells with a style each, merged into segments."""

    def __init__(self, n: int) -> None:
        self.chars = [" "] * n
        self.styles = [""] * n

    def put(self, pos: int, text: str, style: str) -> None:
        for i, ch in enumerate(text):
            if 0 <= pos + i < len(self.chars):
                self.chars[pos + i] = ch
                self.styles[pos + i] = style

    def segments(self) -> Line:
        out: Line = []
        for ch, st in zip(self.chars, self.styles, strict=True):
            if out and out[-1][1] == st:
                out[-1] = (out[-1][0] + ch, st)
            else:
                out.append((ch, st))
        return out


# --- layout -----------------------------------------------------------------------------------


def _label(row: Row) -> str:
    if row.kind == "touchpoint":
        return "  " + TOUCHPOINT_MARK + nfc(row.name)
    if row.kind == "component":
        return "  " + nfc(row.name)
    return nfc(row.name)


def _label_style(row: Row) -> str:
    if row.kind == "blackout":
        return "bold red"
    if row.kind == "campaign":
        return "bold" if row.in_window else "bold dim"
    if row.kind == "component":
        return "italic"
    return ""


def _label_segments(label: str, width: int, row: Row) -> Line:
    """The label padded to ``width``, its indentation apart from its style."""
    text = fit(label, width)
    name = text.lstrip(" ")
    pad = len(text) - len(name)
    return [(" " * pad, ""), (name, _label_style(row))] if pad else [(text, _label_style(row))]


def _row_lines(label: str, label_w: int, row: Row, bar: Line) -> list[Line]:
    """A row of the grid: its label beside its bar, or, when the label is longer than its
    column, the whole label on a line of its own above the bar (a name is never cut)."""
    if len(label) <= label_w:
        return [[*_label_segments(label, label_w, row), (" ", ""), *bar]]
    name = label.lstrip(" ")
    pad = " " * (len(label) - len(name))
    return [
        [(pad, ""), (name, _label_style(row))],
        [(" " * label_w, ""), (" ", ""), *bar],
    ]


#: spaces between the last day of the grid and the period column
PERIOD_GAP = "   "


def _layout(
    width: int, units: int, label_need: int, period_need: int, *, unit_pref: int, unit_max: int
) -> tuple[int, int, int]:
    """(label width, unit width, period width or 0) for ``units`` columns in ``width``.

    The period column is shown only when the labels keep at least 30 characters (or their
    whole length) beside it; a narrow terminal shortens the labels before the columns.
    """
    label_need = min(label_need, LABEL_MAX)
    label_keep = min(label_need, 30)
    if period_need:
        p = period_need + len(PERIOD_GAP)
        unit = max(unit_pref, min(unit_max, (width - 1 - p - label_need) // units))
        label = min(label_need, width - 1 - p - unit * units)
        if label >= label_keep:
            return label, unit, period_need
    unit = max(unit_pref, min(unit_max, (width - 1 - label_need) // units))
    label = min(label_need, width - 1 - unit * units)
    while label < min(12, label_need) and unit > 1:
        unit -= 1
        label = min(label_need, width - 1 - unit * units)
    return max(label, 4), unit, 0


def _layout_beside(
    width: int,
    units: int,
    label_need: int,
    periods: list[str],
    notes: list[str],
    *,
    unit_pref: int,
    unit_max: int,
) -> tuple[int, int, int]:
    """``_layout`` with a period column wide enough for the table's periods («(tabla: …)») too
    when that costs the grid nothing; else as wide as the periods (the notes then take two
    lines)."""
    own = max((len(p) for p in periods), default=0)
    narrow = _layout(width, units, label_need, own, unit_pref=unit_pref, unit_max=unit_max)
    most = max((len(p) for p in [*periods, *notes]), default=0)
    if most == own:
        return narrow
    wide = _layout(width, units, label_need, most, unit_pref=unit_pref, unit_max=unit_max)
    return wide if wide[2] and wide[:2] == narrow[:2] else narrow


def _short_period(row: Row, years: set[int]) -> str:
    only = next(iter(years)) if len(years) == 1 else None
    return period(row.start, row.end, year=only, full=True, sep="–")


def _table_note(row: Row, years: set[int]) -> str:
    """«(tabla: 22 ene–30 jun)» for a component whose execution row gives another period."""
    only = next(iter(years)) if len(years) == 1 else None
    return with_table("", row.table, year=only, full=True, sep="–").strip()


def _note_lines(note: str, label_w: int, n: int, period_w: int) -> list[Line]:
    """The table's period of a row, below it: in the period column (on two lines when it is
    wider than the column), or under the name when there is no period column (both periods
    always show)."""
    if not period_w:
        return [[(fit("    " + note, label_w), DIM)]]
    # «(tabla: 22 ene–30 jun)», or «tabla:» above «22 ene–30 jun» in a column as narrow as
    # the periods
    parts = [note] if len(note) <= period_w else note.strip("()").split(" ", 1)
    lead = " " * (label_w + 1 + n)
    return [[(lead, ""), (PERIOD_GAP, ""), (x.ljust(period_w), DIM)] for x in parts]


def _bar_char(row: Row, restricted: bool) -> tuple[str, str]:
    if row.kind == "blackout":
        return BLACKOUT, COLOR["blackout"]
    if restricted and row.assumed and row.ine_exception == "denied":
        return SUSPENDED, COLOR["blackout"]
    if restricted:
        return RESTRICTED, RESTRICTED_COLOR
    return BAR, COLOR[row.kind]


def _digit_style(color: str) -> str:
    return f"bold {'white' if color in ('blue', 'red') else 'black'} on {color}"


def _legend(
    s: Schedule,
    rows: Sequence[Row],
    width: int,
    today_shown: bool,
    *,
    days: bool,
    today_line: bool = True,
    ends: bool = False,
    table_only: bool = False,
) -> list[Line]:
    items: list[tuple[str, str, str]] = []
    kinds = {r.kind for r in rows}
    if kinds & {"campaign", "component", "touchpoint"}:
        items.append((BAR, COLOR["campaign"], "periodo activo"))
    if not days and rows:
        items.append(("15", HEAD_STYLE, "día de inicio o de fin"))
    if ends:
        items.append((START_MARK + END_MARK, HEAD_STYLE, "día de inicio y día de fin"))
    if days:
        off = "sábado, domingo y día de descanso" if s.rest_days else "sábado y domingo"
        items.append((WEEKEND, DIM, off))
    if "touchpoint" in kinds:
        items.append((TOUCHPOINT_MARK.strip(), "bold", "punto de contacto (tabla de ejecución)"))
    if table_only:
        items.append((TABLE_ONLY, COLOR["component"], "solo según la tabla de ejecución"))
    window = (s.start, s.end)
    shown = [r for r in rows if any(Span(*sp).overlaps(window) for sp in r.restricted)]
    if [r for r in shown if not (r.assumed and r.ine_exception == "denied")]:
        items.append((RESTRICTED, RESTRICTED_COLOR, "en veda sin excepción aprobada"))
    if [r for r in shown if r.assumed and r.ine_exception == "denied"]:
        items.append((SUSPENDED, COLOR["blackout"], "fuera del aire (escenario: negada)"))
    if any(r.kind == "campaign" and r.campaign == m[0] for m in s.milestones for r in rows):
        items.append((MILESTONE, MILESTONE_STYLE, "hito"))
    if s.blackouts:
        items.append((BLACKOUT, COLOR["blackout"], "veda electoral"))
    if today_shown:
        mark = TODAY if today_line else TODAY_HEAD
        items.append((mark, TODAY_STYLE, f"hoy ({fmt(s.today)})"))
    lines: list[Line] = []
    current: Line = []
    used = 0
    for mark, style, text in items:
        size = len(mark) + 1 + len(text) + 2
        if current and used + size > width:
            lines.append(current)
            current, used = [], 0
        current += [(mark, style), (f" {text}  ", DIM)]
        used += size
    if current:
        lines.append(current)
    if days and s.rest_days:
        listed = "; ".join(f"{fmt(d, year=False)}, {name}" for d, name in s.rest_days.items())
        lines.extend([[(chunk, DIM)] for chunk in wrap(f"Días de descanso: {listed}.", width)])
    for b in s.blackouts:
        names = list(s.restricts.get(b.name, ()))
        what = and_list(names)
        text = f"{b.name}: {period(b.start, b.end, full=True)}"
        if what:
            text += f"; restringe {what}"
        lines.extend([[(chunk, DIM)] for chunk in wrap(text + ".", width)])
    return lines


# --- the year grid: one column group per month -------------------------------------------------


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    out = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month_days(y: int, m: int) -> int:
    import calendar

    return calendar.monthrange(y, m)[1]


def month_grid(s: Schedule, width: int, title: str) -> list[Line]:
    """One row per campaign, component (indented) and touchpoint, one column group per month:
    a bar over the active span, the start day in the start month and the end day in the end
    month, the blackout as its own band, today as a vertical mark."""
    months = _months(s.start, s.end)
    rows: list[Row] = [*s.blackouts, *s.rows]
    years = {y for y, _ in months}
    labels = [_label(r) for r in rows]
    periods = [_short_period(r, years) for r in rows]
    notes = [_table_note(r, years) for r in rows]
    heads = [f"hoy {fmt(s.today)}"] if s.today_inside else []
    label_w, unit, period_w = _layout_beside(
        width,
        len(months),
        max((len(x) for x in [*labels, *heads]), default=10),
        periods,
        notes,
        unit_pref=4,
        unit_max=28,
    )
    n = unit * len(months)

    # which days each character cell covers
    cells: list[tuple[dt.date, dt.date]] = []
    month_at: list[int] = []
    for mi, (y, m) in enumerate(months):
        # the window's first and last months are drawn from and to its first and last days
        first = s.start.day if (y, m) == (s.start.year, s.start.month) else 1
        last = s.end.day if (y, m) == (s.end.year, s.end.month) else _month_days(y, m)
        days = last - first + 1
        for i in range(unit):
            lo, hi = i * days // unit + first, (i + 1) * days // unit + first - 1
            cells.append((dt.date(y, m, max(first, lo)), dt.date(y, m, max(first, hi, lo))))
            month_at.append(mi)
    today_cell = (
        next((i for i, (a, b) in enumerate(cells) if a <= s.today <= b), None)
        if s.today_inside
        else None
    )

    lines: list[Line] = [[(title, "bold")]]
    head = _Cells(n)
    multi_year = len(years) > 1
    for mi, (y, m) in enumerate(months):
        name = MONTH_ABBR_ES[m - 1].upper()
        if multi_year and unit >= 6:
            name += f" {y % 100:02d}"
        head.put(mi * unit, name[:unit], HEAD_STYLE)
    year_text = str(months[0][0]) if not multi_year else f"{months[0][0]}–{months[-1][0]}"
    lines.append([(fit(year_text, label_w), HEAD_STYLE), (" ", ""), *head.segments()])
    if today_cell is not None:
        mark = _Cells(n)
        mark.put(today_cell, TODAY_HEAD, TODAY_STYLE)
        lines.append(
            [(fit(f"hoy {fmt(s.today)}", label_w), TODAY_STYLE), (" ", ""), *mark.segments()]
        )

    in_blackout = [any(b.span.overlaps(cell) for b in s.blackouts) for cell in cells]
    today_drawn = table_only = False
    for row, label, when, note in zip(rows, labels, periods, notes, strict=True):
        line = _Cells(n)
        for i, (a, b) in enumerate(cells):
            first_of_month = i == 0 or month_at[i] != month_at[i - 1]
            if row.span.overlaps((a, b)):
                restricted = any(ra <= b and a <= rb for ra, rb in row.restricted)
                ch, style = _bar_char(row, restricted)
                line.put(i, ch, style)
            elif row.table is not None and row.table.overlaps((a, b)):
                line.put(i, TABLE_ONLY, COLOR[row.kind])  # the execution table's days only
                table_only = True
            elif today_cell == i:
                line.put(i, TODAY, TODAY_STYLE)
                today_drawn = True
            else:
                bg = BLACKOUT_BG if in_blackout[i] and row.kind != "blackout" else ""
                line.put(i, GUIDE if first_of_month else " ", f"{DIM} {bg}".strip())
        for campaign, day, _ in s.milestones if row.kind == "campaign" else ():
            at = next((i for i, (a, b) in enumerate(cells) if a <= day <= b), None)
            if campaign == row.campaign and at is not None:
                line.put(at, MILESTONE, MILESTONE_STYLE)
        _put_days(line, row, cells, month_at, unit)  # the dates win over a milestone mark
        bar = line.segments()
        if period_w:
            bar += [(PERIOD_GAP, ""), (when.ljust(period_w), DIM)]
        lines += _row_lines(label, label_w, row, bar)
        if note:
            lines += _note_lines(note, label_w, n, period_w)
    lines.append([])
    lines.extend(
        _legend(
            s,
            rows,
            width,
            today_cell is not None,
            days=False,
            today_line=today_drawn,
            table_only=table_only,
        )
    )
    return lines


def _put_days(
    line: _Cells,
    row: Row,
    cells: Sequence[tuple[dt.date, dt.date]],
    month_at: list[int],
    unit: int,
) -> None:
    """Write the start day in the start month and the end day in the end month, on the bar."""

    def cell_of(day: dt.date) -> int | None:
        return next((i for i, (a, b) in enumerate(cells) if a <= day <= b), None)

    color = _bar_char(row, False)[1]
    style = _digit_style(color)
    cs, ce = cell_of(row.start), cell_of(row.end)
    s_txt, e_txt = str(row.start.day), str(row.end.day)
    if cs is not None and ce is not None and month_at[cs] == month_at[ce]:
        lo = month_at[cs] * unit
        both = f"{s_txt}-{e_txt}"
        if ce - len(e_txt) + 1 < cs + len(s_txt) + 1:
            if len(both) <= unit:
                line.put(max(lo, min(cs, lo + unit - len(both))), both, style)
            else:
                line.put(max(lo, min(cs, lo + unit - len(s_txt))), s_txt[:unit], style)
            return
    if cs is not None:
        lo = month_at[cs] * unit
        line.put(max(lo, min(cs, lo + unit - len(s_txt))), s_txt[:unit], style)
    if ce is not None:
        lo = month_at[ce] * unit
        line.put(max(lo, ce - len(e_txt) + 1), e_txt[:unit], style)


# --- the month grid: one column per day ---------------------------------------------------------


def day_grid(s: Schedule, width: int, title: str) -> list[Line]:
    """One column per day of the window: weekends shaded, blackout days marked, today marked."""
    days = [s.start + dt.timedelta(days=i) for i in range(s.days)]
    rows: list[Row] = [*s.blackouts, *s.rows]
    years = {d.year for d in days}
    labels = [_label(r) for r in rows]
    periods = [_short_period(r, years) for r in rows]
    notes = [_table_note(r, years) for r in rows]
    single_month = len({(d.year, d.month) for d in days}) == 1
    month_label = f"{MONTHS_ES[days[0].month - 1]} {days[0].year}" if single_month else ""
    heads = [month_label, *([f"hoy {fmt(s.today)}"] if s.today_inside else [])]
    label_w, unit, period_w = _layout_beside(
        width,
        len(days),
        max((len(x) for x in [*labels, *heads]), default=10),
        periods,
        notes,
        unit_pref=1,
        unit_max=3,
    )
    n = unit * len(days)
    # weekends and official rest days are drawn alike: days off
    weekend = [d.weekday() >= 5 or d in s.rest_days for d in days]
    blackout_day = [any(b.active(d) for b in s.blackouts) for d in days]

    lines: list[Line] = [[(title, "bold")]]
    if not single_month:
        months = _Cells(n)
        for i, d in enumerate(days):
            if i == 0 or d.day == 1:
                months.put(i * unit, MONTH_ABBR_ES[d.month - 1].upper(), HEAD_STYLE)
        lines.append([(" " * label_w, ""), (" ", ""), *months.segments()])
    numbers = _Cells(n)
    letters = _Cells(n)
    last_end = -1
    for i, d in enumerate(days):
        pos = i * unit
        style = f"{HEAD_STYLE} {WEEKEND_BG}" if weekend[i] else HEAD_STYLE
        if blackout_day[i]:
            style = f"bold red {WEEKEND_BG}" if weekend[i] else "bold red"
        if unit >= 3:
            numbers.put(pos, str(d.day).rjust(unit), style)
        elif i == 0 or d.day == 1 or d.weekday() == 0:
            text = str(d.day)
            at = min(pos, n - len(text))  # the last day's number stays inside the grid
            if at > last_end:
                numbers.put(at, text, style)
                last_end = at + len(text)
        letters.put(pos, WEEKDAY_LETTERS_ES[d.weekday()].rjust(unit), style)
    lines.append([(fit(month_label, label_w), HEAD_STYLE), (" ", ""), *numbers.segments()])
    lines.append([(" " * label_w, ""), (" ", ""), *letters.segments()])
    today_i = (s.today - s.start).days if s.today_inside else None
    if today_i is not None:
        mark = _Cells(n)
        mark.put(today_i * unit + unit - 1, TODAY_HEAD, TODAY_STYLE)
        lines.append(
            [(fit(f"hoy {fmt(s.today)}", label_w), TODAY_STYLE), (" ", ""), *mark.segments()]
        )

    today_drawn = ends = table_only = False
    for row, label, when, note in zip(rows, labels, periods, notes, strict=True):
        line = _Cells(n)
        for i, d in enumerate(days):
            pos = i * unit
            bg = (
                WEEKEND_BG
                if weekend[i]
                else (BLACKOUT_BG if blackout_day[i] and row.kind != "blackout" else "")
            )
            if row.active(d):
                ch, color = _bar_char(row, row.is_restricted(d))
                style = f"{color} {DIM}" if weekend[i] else color
                line.put(pos, ch * unit, style)
                if row.kind != "blackout" and d in (row.start, row.end):
                    end = (
                        ONE_DAY_MARK
                        if row.start == row.end
                        else (START_MARK if d == row.start else END_MARK)
                    )
                    line.put(pos + (unit - 1 if d == row.start else 0), end, f"bold {color}")
                    ends = True
            elif row.table is not None and row.table.contains(d):
                line.put(pos, TABLE_ONLY * unit, COLOR[row.kind])  # the table's days only
                table_only = True
            elif today_i == i:
                line.put(pos, " " * (unit - 1) + TODAY, f"{TODAY_STYLE} {bg}".strip())
                today_drawn = True
            elif weekend[i]:
                line.put(pos, " " * (unit - 1) + WEEKEND, f"{DIM} {bg}".strip())
            else:
                line.put(pos, " " * unit, bg)
        for campaign, day, _ in s.milestones if row.kind == "campaign" else ():
            if campaign == row.campaign and s.start <= day <= s.end:
                line.put((day - s.start).days * unit + unit - 1, MILESTONE, MILESTONE_STYLE)
        bar = line.segments()
        if period_w:
            bar += [(PERIOD_GAP, ""), (when.ljust(period_w), DIM)]
        lines += _row_lines(label, label_w, row, bar)
        if note:
            lines += _note_lines(note, label_w, n, period_w)
    lines.append([])
    lines.extend(
        _legend(
            s,
            rows,
            width,
            today_i is not None,
            days=True,
            today_line=today_drawn,
            ends=ends,
            table_only=table_only,
        )
    )
    return lines
