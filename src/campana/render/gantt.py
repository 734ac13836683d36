"""The Gantt chart as SVG: vector geometry from ``campana.gantt``, built as plain text.

Every string from the plan goes through ``_text``/``_attr`` (escaped, control characters
replaced). Text widths are estimated from DejaVu Sans metrics (the widest of the usual system
sans-serif fonts), so labels are wrapped before they could overlap; ``layout`` returns the
boxes it reserved for each text so tests can check them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from campana.dates import MONTH_ABBR_ES, MONTHS_ES, fmt, period
from campana.gantt import GanttData, GanttRow
from campana.ine import scenario_label

WIDTH = 1400.0
MARGIN = 24.0
LABEL_W = 360.0
CX0 = MARGIN + LABEL_W + 16.0
CX1 = WIDTH - MARGIN
FONT = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
    "'Liberation Sans', 'DejaVu Sans', sans-serif"
)

INK = "#1a1a1a"
SCENARIO = "#8a3b00"
MUTED = "#5f6368"
#: second lines (kind, INE status, owner): dark enough and large enough to read when printed
META = "#3c4043"
META_SIZE = 11.5
DATES_SIZE = 11.5
GRID = "#c9d1d9"
COLORS = {
    "campaign": "#1f3b57",
    "component": "#4b77a3",
    "touchpoint": "#a8c3de",
    "milestone": "#5b2a86",
    "today": "#c62828",
    "rest-day": "#c5d3e8",
}
#: windows up to this many days name their months in full («septiembre 2024», not «sep»)
FULL_MONTHS_DAYS = 125
BAR_H = {"campaign": 16.0, "component": 11.0, "touchpoint": 11.0}

KIND_ES = {
    "campaign": "Campaña",
    "component": "Componente de la programación",
    "touchpoint": "Punto de contacto (ejecución)",
    "milestone": "Hito",
}

# DejaVu Sans advance widths in em (accents are measured as their base letter).
_W = {
    **dict.fromkeys("ijl", 0.278),
    **dict.fromkeys(".,", 0.318),
    **dict.fromkeys(":;|/", 0.337),
    "'": 0.275,
    "!": 0.4,
    "¡": 0.4,
    " ": 0.318,
    "f": 0.352,
    "t": 0.392,
    "r": 0.411,
    "(": 0.39,
    ")": 0.39,
    "-": 0.361,
    "s": 0.521,
    "z": 0.525,
    "c": 0.55,
    "k": 0.579,
    **dict.fromkeys("vxy", 0.592),
    **dict.fromkeys("aeo", 0.615),
    **dict.fromkeys("bdghnpqu", 0.635),
    **dict.fromkeys("0123456789", 0.636),
    "m": 0.974,
    "w": 0.818,
    **dict.fromkeys("IJ", 0.295),
    "M": 0.863,
    "W": 0.989,
    **dict.fromkeys("LFTPY", 0.611),
    **dict.fromkeys("OQDG", 0.787),
    "—": 1.0,
    "–": 0.5,
    "·": 0.318,
}
_UPPER = 0.75
_OTHER = 0.7
_BOLD = 1.1
_SAFETY = 1.04


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An upper estimate of the rendered width of ``text`` at ``size`` px."""
    total = 0.0
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0] if ch.isalpha() else ch
        if base in _W:
            total += _W[base]
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            total += 1.05
        elif base.isupper():
            total += _UPPER
        else:
            total += _OTHER
    return total * size * (_BOLD if bold else 1.0) * _SAFETY


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Words into lines no wider than ``width``; a word too long alone is split, never cut."""
    lines: list[str] = []
    line = ""
    for word in clean(text).split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold=bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while text_width(word, size, bold=bold) > width:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold=bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """Text safe for XML 1.0: tabs and line breaks become spaces, other control characters a
    replacement character."""
    text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _CONTROL.sub("\ufffd", text)


def esc(text: str) -> str:
    """Text made safe inside an element (as ``xml.sax.saxutils.escape``, which imports
    urllib, http and email: 17 ms of every export)."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """Text made safe inside a double-quoted attribute."""
    return esc(text).replace('"', "&quot;")


def span_label(start: dt.date, end: dt.date, year: int) -> str:
    if start == end:
        return fmt(start, year=start.year != year)
    return period(start, end, year=year)


@dataclass(frozen=True)
class TextBox:
    """The box a text was given (top-left corner, width and height, in viewBox units)."""

    text: str
    x: float
    y: float
    w: float
    h: float
    role: str
    ref: str = ""

    def overlaps(self, other: TextBox) -> bool:
        return not (
            self.x + self.w <= other.x
            or other.x + other.w <= self.x
            or self.y + self.h <= other.y
            or other.y + other.h <= self.y
        )


@dataclass
class Layout:
    width: float
    height: float = 0.0
    texts: list[TextBox] = field(default_factory=list)
    layers: dict[str, list[str]] = field(
        default_factory=lambda: {k: [] for k in ("bg", "band", "grid", "bar", "mark", "text")}
    )
    legend: list[str] = field(default_factory=list)
    #: x of the today line (None when today is outside the window)
    today_x: float | None = None
    #: where the today line starts (below its label)
    today_top: float = 0.0
    #: the bottom of the rows, where the today line and the blackout bands end
    rows_bottom: float = 0.0
    #: prefixed to the ids the SVG defines, so several charts can share one HTML page
    prefix: str = ""
    #: the height each row of ``data.rows`` took, with the rule above a campaign
    row_heights: list[float] = field(default_factory=list)
    #: dates the today line would cross, drawn on a white backing (a last resort)
    backed: list[TextBox] = field(default_factory=list)

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        *,
        role: str,
        ref: str = "",
        bold: bool = False,
        anchor: str = "start",
        fill: str = INK,
        halo: bool = False,
    ) -> TextBox:
        w = text_width(text, size, bold=bold)
        left = x if anchor == "start" else (x - w / 2 if anchor == "middle" else x - w)
        box = TextBox(text, left, baseline - 0.8 * size, w, 1.05 * size, role, ref)
        self.texts.append(box)
        extra = ' font-weight="bold"' if bold else ""
        if anchor != "start":
            extra += f' text-anchor="{anchor}"'
        if halo:
            extra += (
                ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
            )
        self.layers["text"].append(
            f'<text x="{x:.1f}" y="{baseline:.1f}" font-size="{size:g}" fill="{fill}"{extra}>'
            f"{esc(text)}</text>"
        )
        return box


def _defs(prefix: str = "") -> str:
    return (
        "<defs>"
        f'<pattern id="{prefix}veda-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="#f1f1f1"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="#c4c4c4" stroke-width="2.5"/></pattern>'
        f'<pattern id="{prefix}risk-suspended" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#b3261e"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="1.6"/></pattern>'
        f'<pattern id="{prefix}risk-pending" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(-45)"><rect width="6" height="6" fill="#f2a93b"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#6b4100" stroke-width="1.6"/></pattern>'
        "</defs>"
    )


def _diamond(cx: float, cy: float, r: float) -> str:
    return (
        f"M{cx:.1f},{cy - r:.1f} L{cx + r:.1f},{cy:.1f} L{cx:.1f},{cy + r:.1f} "
        f"L{cx - r:.1f},{cy:.1f} Z"
    )


def _row_meta(row: GanttRow) -> str:
    parts: list[str] = []
    if row.kind == "milestone":
        parts.append(f"hito: {row.detail}" if row.detail else "hito")
    elif row.kind == "touchpoint":
        parts.append("punto de contacto")
    elif row.kind == "component":
        parts.append("componente")
    if row.table is not None:
        parts.append(row.table_note)
    if row.kind in ("component", "touchpoint") and (
        row.in_blackout or row.ine_recorded or row.during_blackout
    ):
        parts.append(f"excepción INE: {row.ine_es}")
    if row.owner:
        parts.append(f"responsable: {row.owner}")
    return " · ".join(parts)


@dataclass(frozen=True)
class _Axis:
    """The time axis of a chart: day to x, and a date clamped to the window."""

    start: dt.date
    end: dt.date
    #: width of one day
    scale: float

    @classmethod
    def of(cls, data: GanttData) -> _Axis:
        days = (data.end - data.start).days + 1
        return cls(data.start, data.end, (CX1 - CX0) / days)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def x(self, d: dt.date) -> float:
        return CX0 + (d - self.start).days * self.scale

    def clamp(self, d: dt.date) -> dt.date:
        return min(max(d, self.start), self.end + dt.timedelta(days=1))

    def after(self, d: dt.date) -> dt.date:
        """The day after ``d``, in the window (``d`` may be the last day there is)."""
        return self.clamp(self.clamp(d) + dt.timedelta(days=1))


def layout(data: GanttData, *, prefix: str = "") -> Layout:
    """Place every text, bar and mark of the chart (``prefix``: before the ids it defines)."""
    lay = Layout(WIDTH, prefix=prefix)
    ax = _Axis.of(data)
    y = _title(lay, data)
    band_tops, y = _blackout_headers(lay, data, ax, y)
    y = _today_label(lay, data, ax, y)
    months_top = y
    y = _months(lay, data, ax, y)
    used: set[str] = set()
    y = _rows(lay, data, ax, y, used)
    rows_bottom = _frame(lay, y, months_top)
    _bands(lay, data, ax, band_tops, used)
    _legend(lay, data, used, rows_bottom)
    return lay


def _title(lay: Layout, data: GanttData) -> float:
    """The heading, the owner and window, and the scenario if any; the y below them."""
    y = MARGIN
    for line in wrap(data.heading, WIDTH - 2 * MARGIN, 24, bold=True):
        y += 28
        lay.text(MARGIN, y, line, 24, role="title", bold=True)
    sub = f"{data.owner} · {period(data.start, data.end, prose=True)} · hoy: {fmt(data.today)}"
    for line in wrap(sub, WIDTH - 2 * MARGIN, 14):
        y += 20
        lay.text(MARGIN, y, line, 14, role="subtitle", fill=MUTED)
    scenario = scenario_label(data.assume_ine)
    if scenario is not None:  # a what-if, not the plan: said right under the title
        for line in wrap(scenario, WIDTH - 2 * MARGIN, 14, bold=True):
            y += 20
            lay.text(MARGIN, y, line, 14, role="scenario", bold=True, fill=SCENARIO)
    return y + 16


def _blackout_headers(
    lay: Layout, data: GanttData, ax: _Axis, y: float
) -> tuple[dict[str, float], float]:
    """Each blackout's name and period above the months; where each band starts, and the y."""
    band_tops: dict[str, float] = {}
    for b in data.blackouts:
        band_tops[b.id] = y
        left = max(CX0, ax.x(b.start)) + 6
        width = min(CX1, ax.x(ax.after(b.end))) - 6 - left
        if width < 220:
            width = CX1 - left
        if width < 220:
            left, width = CX1 - 220, 220
        y += 4
        for line in wrap(b.name, width, 12, bold=True):
            y += 15
            lay.text(left, y, line, 12, role="blackout", ref=b.id, bold=True, halo=True)
        what = f"{span_label(b.start, b.end, data.year)} · restringe: " + ", ".join(b.restricts)
        for line in wrap(what, width, 11):
            y += 14
            lay.text(left, y, line, 11, role="blackout", ref=b.id, fill="#3c4043", halo=True)
        y += 4
    return band_tops, y


def _today_x(data: GanttData, ax: _Axis) -> float:
    return ax.x(data.today) + ax.scale / 2


def _today_label(lay: Layout, data: GanttData, ax: _Axis, y: float) -> float:
    """«hoy · fecha» and its pointer, when today is in the window; the y below them."""
    if not data.today_inside:
        return y
    today_x = lay.today_x = _today_x(data, ax)
    label = f"hoy · {fmt(data.today, year=False)}"
    w = text_width(label, 12, bold=True)
    cx = min(max(today_x, CX0 + w / 2), CX1 - w / 2)
    y += 17
    lay.text(
        cx,
        y,
        label,
        12,
        role="today",
        bold=True,
        anchor="middle",
        fill=COLORS["today"],
        halo=True,
    )
    y += 4
    # a small pointer under the label; the line itself starts at the axis, below the
    # month names and week ticks, so it never runs through them
    lay.layers["mark"].append(
        f'<path d="M{today_x - 5:.1f},{y - 1:.1f} L{today_x + 5:.1f},{y - 1:.1f} '
        f'L{today_x:.1f},{y + 5:.1f} Z" fill="{COLORS["today"]}"/>'
    )
    return y


def _months(lay: Layout, data: GanttData, ax: _Axis, months_top: float) -> float:
    """Month names, their shading and rules, and the week ticks; the y of the axis line."""
    y = months_top + 18
    month = dt.date(data.start.year, data.start.month, 1)
    index = 0
    full_names = ax.days <= FULL_MONTHS_DAYS  # a short window: every month by its whole name
    while month <= data.end:
        nxt = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        a, b_ = ax.x(ax.clamp(month)), ax.x(ax.clamp(nxt))
        name = MONTH_ABBR_ES[month.month - 1]
        if month.month == 1 or (index == 0 and month.year != data.year):
            name = f"{name} {month.year}"
        names = [f"{MONTHS_ES[month.month - 1]} {month.year}", name] if full_names else [name]
        fits = [n for n in names if b_ - a >= text_width(n, 13, bold=True) + 6]
        if fits:  # a month cut short by the window may show its short name, or none
            lay.text(
                (a + b_) / 2, y, fits[0], 13, role="month", bold=True, anchor="middle", halo=True
            )
        if index % 2 == 1:
            lay.layers["bg"].append(
                f'<rect x="{a:.1f}" y="{months_top:.1f}" width="{b_ - a:.1f}" '
                f'height="@ROWS_BOTTOM@" fill="#f4f6f8"/>'
            )
        if month > data.start:
            lay.layers["grid"].append(
                f'<line x1="{a:.1f}" y1="{months_top:.1f}" x2="{a:.1f}" y2="@ROWS_END@" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
        month, index = nxt, index + 1
    y += 6
    ticks_y = y
    day = data.start + dt.timedelta(days=(7 - data.start.weekday()) % 7)
    show_days = 7 * ax.scale >= 24
    while day <= data.end:
        tx = ax.x(day)
        lay.layers["grid"].append(
            f'<line x1="{tx:.1f}" y1="{ticks_y:.1f}" x2="{tx:.1f}" y2="{ticks_y + 6:.1f}" '
            f'stroke="#8c959f" stroke-width="1"/>'
        )
        if show_days:
            lay.text(tx + 2, ticks_y + 16, str(day.day), 10, role="week", fill=MUTED)
        day += dt.timedelta(days=7)
    y = ticks_y + (20 if show_days else 8)
    lay.today_top = y
    lay.layers["grid"].append(
        f'<line x1="{MARGIN:.1f}" y1="{y:.1f}" x2="{CX1:.1f}" y2="{y:.1f}" stroke="#8c959f"/>'
    )
    return y


def _rows(lay: Layout, data: GanttData, ax: _Axis, y: float, used: set[str]) -> float:
    """Each row's name, second line and bar; the y below the last row."""
    first = True
    for row in data.rows:
        before = y
        indent = 0.0 if row.depth == 0 else 18.0
        if row.kind == "campaign":
            if not first:
                y += 6
                lay.layers["grid"].append(
                    f'<line x1="{MARGIN:.1f}" y1="{y:.1f}" x2="{CX1:.1f}" y2="{y:.1f}" '
                    f'stroke="{GRID}" stroke-width="1.5"/>'
                )
            y += 6
            first = False
        size = 14.0 if row.kind == "campaign" else 12.5
        bold = row.kind == "campaign"
        name_lines = wrap(row.name, LABEL_W - indent, size, bold=bold)
        meta = _row_meta(row)
        meta_lines = wrap(meta, LABEL_W - indent, META_SIZE) if meta else []
        height = max(26.0, len(name_lines) * (size + 4) + len(meta_lines) * (META_SIZE + 2) + 8)
        top = y
        ty = top + 4
        for line in name_lines:
            ty += size + 2
            lay.text(MARGIN + indent, ty, line, size, role="name", ref=row.campaign, bold=bold)
            ty += 2
        for line in meta_lines:
            ty += META_SIZE + 2
            lay.text(MARGIN + indent, ty, line, META_SIZE, role="meta", ref=row.campaign, fill=META)
        mid = top + height / 2
        if row.kind != "campaign" or row.in_window:
            used.add(row.kind)
            _draw_bar(lay, data, row, ax.x, ax.clamp, ax.after, mid, ax.scale, used)
        y = top + height
        lay.row_heights.append(y - before)
        if row.kind != "campaign":
            lay.layers["grid"].append(
                f'<line x1="{MARGIN + indent:.1f}" y1="{y:.1f}" x2="{CX1:.1f}" y2="{y:.1f}" '
                f'stroke="#e6eaee" stroke-width="1"/>'
            )
    if not data.rows:
        y += 30
        lay.text(MARGIN, y, "Nada programado en este periodo.", 14, role="empty", fill=MUTED)
        y += 12
    return y


def _frame(lay: Layout, y: float, months_top: float) -> float:
    """The rules around the rows, and the heights left open until the rows were placed; the
    bottom of the rows."""
    rows_bottom = lay.rows_bottom = y + 6
    y = rows_bottom
    lay.layers["grid"].append(
        f'<line x1="{MARGIN:.1f}" y1="{y:.1f}" x2="{CX1:.1f}" y2="{y:.1f}" stroke="#8c959f"/>'
    )
    lay.layers["grid"].append(
        f'<line x1="{CX0:.1f}" y1="{months_top:.1f}" x2="{CX0:.1f}" y2="{y:.1f}" '
        f'stroke="#8c959f"/><line x1="{CX1:.1f}" y1="{months_top:.1f}" x2="{CX1:.1f}" '
        f'y2="{y:.1f}" stroke="#8c959f"/>'
    )
    for i, part in enumerate(lay.layers["bg"]):
        lay.layers["bg"][i] = part.replace("@ROWS_BOTTOM@", f"{rows_bottom - months_top:.1f}")
    for i, part in enumerate(lay.layers["grid"]):
        lay.layers["grid"][i] = part.replace("@ROWS_END@", f"{rows_bottom:.1f}")
    return rows_bottom


def _bands(
    lay: Layout, data: GanttData, ax: _Axis, band_tops: dict[str, float], used: set[str]
) -> None:
    """The hatched blackout bands and the today line, down to the bottom of the rows."""
    rows_bottom = lay.rows_bottom
    for b in data.blackouts:
        a, b_ = ax.x(ax.clamp(b.start)), ax.x(ax.after(b.end))
        top = band_tops[b.id]
        lay.layers["band"].append(
            f'<rect data-kind="blackout" data-id="{attr(b.id)}" data-start="{b.start}" '
            f'data-end="{b.end}" x="{a:.1f}" y="{top:.1f}" width="{b_ - a:.1f}" '
            f'height="{rows_bottom - top:.1f}" fill="url(#{lay.prefix}veda-hatch)" '
            f'stroke="#9e9e9e" stroke-width="1"><title>{esc(b.name)}: '
            f"{span_label(b.start, b.end, data.year)}</title></rect>"
        )
        used.add("blackout")
    # above the blackouts' hatching (a rest day inside a blackout stays visible), below the bars
    for day, name in data.rest_days:
        a, b_ = ax.x(ax.clamp(day)), ax.x(ax.clamp(day + dt.timedelta(days=1)))
        lay.layers["band"].append(
            f'<rect data-kind="rest-day" data-start="{day}" data-end="{day}" x="{a:.1f}" '
            f'y="{lay.today_top:.1f}" width="{max(b_ - a, 1.0):.1f}" '
            f'height="{rows_bottom - lay.today_top:.1f}" fill="{COLORS["rest-day"]}" '
            'fill-opacity="0.85">'
            f"<title>{esc(name)}: {fmt(day)}</title></rect>"
        )
        used.add("rest-day")
    if data.today_inside:
        today_x = _today_x(data, ax)
        lay.layers["mark"].append(
            f'<line data-kind="today" data-start="{data.today}" data-end="{data.today}" '
            f'x1="{today_x:.1f}" y1="{lay.today_top:.1f}" x2="{today_x:.1f}" '
            f'y2="{rows_bottom:.1f}" '
            f'stroke="{COLORS["today"]}" stroke-width="2"/>'
        )
        used.add("today")


def _legend(lay: Layout, data: GanttData, used: set[str], y: float) -> None:
    """The legend of what the chart used and the note on dates; sets the chart's height."""
    y += 26
    lay.text(MARGIN, y, "Leyenda", 13, role="legend", bold=True)
    lx = MARGIN + text_width("Leyenda", 13, bold=True) + 20
    entries = _legend_entries(used, data)
    for key, label in entries:
        w = 26 + text_width(label, 12) + 22
        if lx + w - 22 > WIDTH - MARGIN:  # the gap after the last entry of a line may go
            lx = MARGIN + text_width("Leyenda", 13, bold=True) + 20
            y += 22
        lay.legend.append(key)
        lay.layers["text"].append(_swatch(key, lx, y - 10, lay.prefix))
        lay.text(lx + 26, y, label, 12, role="legend", ref=key)
        lx += w
    y += 14
    note = "Las fechas de cada barra son de inicio y fin, ambos días incluidos."
    y += 16
    lay.text(MARGIN, y, note, META_SIZE, role="note", fill=META)
    lay.height = y + MARGIN


def _legend_entries(used: set[str], data: GanttData) -> list[tuple[str, str]]:
    labels = {
        "campaign": "Campaña",
        "component": "Componente",
        "touchpoint": "Punto de contacto",
        "milestone": "Hito",
        "table": "Periodo de la tabla de ejecución, si no es el del componente",
        "blackout": "Veda electoral",
        "rest-day": "Día de descanso obligatorio",
        "pending": "Días en veda: excepción del INE pendiente",
        "suspended": "Días suspendidos por la veda: sin excepción del INE aprobada",
        "today": "Hoy",
    }
    if data.assume_ine == "denied":
        labels["suspended"] += " (escenario: pendientes negadas)"
    order = list(labels)
    return [(k, labels[k]) for k in order if k in used]


def _swatch(key: str, x: float, y: float, prefix: str = "") -> str:
    data = f'data-legend="{key}"'
    if key == "milestone":
        return f'<path {data} d="{_diamond(x + 11, y + 5, 7)}" fill="{COLORS["milestone"]}"/>'
    if key == "today":
        return (
            f'<line {data} x1="{x + 11:.1f}" y1="{y - 3:.1f}" x2="{x + 11:.1f}" '
            f'y2="{y + 13:.1f}" stroke="{COLORS["today"]}" stroke-width="2"/>'
        )
    fill = {
        "blackout": f"url(#{prefix}veda-hatch)",
        "pending": f"url(#{prefix}risk-pending)",
        "suspended": f"url(#{prefix}risk-suspended)",
    }.get(key, COLORS.get(key, "#999"))
    if key == "table":
        return (
            f'<rect {data} x="{x:.1f}" y="{y:.1f}" width="22" height="11" rx="2" fill="none" '
            f'stroke="{COLORS["component"]}" stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
    stroke = ' stroke="#4b77a3"' if key == "touchpoint" else ""
    stroke = ' stroke="#9e9e9e"' if key == "blackout" else stroke
    return f'<rect {data} x="{x:.1f}" y="{y:.1f}" width="22" height="11" fill="{fill}"{stroke}/>'


def _draw_bar(
    lay: Layout,
    data: GanttData,
    row: GanttRow,
    x: Callable[[dt.date], float],
    clamp: Callable[[dt.date], dt.date],
    after: Callable[[dt.date], dt.date],
    mid: float,
    scale: float,
    used: set[str],
) -> None:
    ids = f'data-id="{attr(row.campaign)}"'
    if row.touchpoint:
        ids += f' data-touchpoint="{attr(row.touchpoint)}"'
    dates = f'data-start="{row.start}" data-end="{row.end}"'
    label = span_label(row.start, row.end, data.year)
    if row.kind == "milestone":
        cx = x(row.start) + scale / 2
        ms = f' data-milestone="{attr(row.milestone or "")}"'
        lay.layers["mark"].append(
            f'<path data-kind="milestone" {ids}{ms} {dates} d="{_diamond(cx, mid, 8)}" '
            f'fill="{COLORS["milestone"]}" stroke="#ffffff" stroke-width="1.5">'
            f"<title>{esc(row.name)}: {label}</title></path>"
        )
        a, b = cx - 8, cx + 8
    else:
        a, b = x(clamp(row.start)), x(after(row.end))
        h = BAR_H[row.kind]
        if row.table is not None:  # the execution table's period, outlined behind the bar
            ta, tb = x(clamp(row.table[0])), x(after(row.table[1]))
            used.add("table")
            lay.layers["bar"].append(
                f'<rect data-kind="table" {ids} data-start="{row.table[0]}" '
                f'data-end="{row.table[1]}" x="{ta:.1f}" y="{mid - h / 2 - 2:.1f}" '
                f'width="{max(tb - ta, 1.5):.1f}" height="{h + 4:g}" rx="2" fill="none" '
                f'stroke="{COLORS["component"]}" stroke-width="1.2" stroke-dasharray="4 3">'
                f"<title>{esc(row.table_note)}</title></rect>"
            )
            label += f" (tabla: {span_label(*row.table, data.year)})"
        stroke = ' stroke="#4b77a3" stroke-width="1"' if row.kind == "touchpoint" else ""
        lay.layers["bar"].append(
            f'<rect data-kind="{row.kind}" {ids} {dates} x="{a:.1f}" y="{mid - h / 2:.1f}" '
            f'width="{max(b - a, 1.5):.1f}" height="{h:g}" rx="2" '
            f'fill="{COLORS[row.kind]}"{stroke}><title>{esc(row.name)}: {label}</title></rect>'
        )
        for m in row.marked:
            ma, mb = x(clamp(m.start)), x(after(m.end))
            used.add(m.risk)
            lay.layers["bar"].append(
                f'<rect data-mark="{m.risk}" {ids} data-blackout="{attr(m.blackout)}" '
                f'data-start="{m.start}" data-end="{m.end}" x="{ma:.1f}" y="{mid - h / 2 - 2:.1f}" '
                f'width="{mb - ma:.1f}" height="{h + 4:g}" fill="url(#{lay.prefix}risk-{m.risk})" '
                f'stroke="#5a1a14" stroke-width="0.8"/>'
            )
    if row.table is not None:  # the dates go beside both
        a = min(a, x(clamp(row.table[0])))
        b = max(b, x(after(row.table[1])))
    _place_dates(lay, row.campaign, label, a, b, mid)


def _clear_of_today(lay: Layout, left: float, right: float) -> bool:
    """Whether a text between ``left`` and ``right`` keeps clear of the today line."""
    return lay.today_x is None or not (left - 3 <= lay.today_x <= right + 3)


def _chip_centre(lay: Layout, a: float, b: float, w: float, *, room: float) -> float | None:
    """Where a dates chip of text width ``w`` sits on the bar a..b, leaving at least ``room``
    of the bar visible beside it: in the bar's visible middle, or beside the today line when
    the line would cross the middle; None when it does not fit."""
    lo, hi = max(a, CX0), min(b, CX1)
    half = w / 2 + 5
    if hi - lo < 2 * half + room:
        return None
    centre = (lo + hi) / 2
    if _clear_of_today(lay, centre - half, centre + half):
        return centre
    assert lay.today_x is not None
    t = lay.today_x
    options = [
        c for c in (t - 12 - half, t + 12 + half) if lo + 4 <= c - half and c + half <= hi - 4
    ]
    return min(options, key=lambda c: abs(c - centre)) if options else None


#: how far past the today line the dates may move from their bar's end
_PAST_TODAY = 120.0


def _place_dates(lay: Layout, ref: str, label: str, a: float, b: float, mid: float) -> None:
    """The bar's dates, never where the today line would run through them: right of the bar,
    else left of it, else just past the today line, else on a white chip on the bar (one that
    leaves the bar showing, if it can); as a last resort, on a white backing that hides the
    line for their width."""
    w = text_width(label, DATES_SIZE)
    baseline = mid + 4
    t = lay.today_x

    def right_at(x0: float) -> None:
        lay.text(x0, baseline, label, DATES_SIZE, role="dates", ref=ref, halo=True)

    def left_at(x1: float) -> None:
        lay.text(x1, baseline, label, DATES_SIZE, role="dates", ref=ref, anchor="end", halo=True)

    def chip_at(centre: float) -> TextBox:
        lay.layers["text"].append(
            f'<rect x="{centre - w / 2 - 5:.1f}" y="{mid - 8:.1f}" width="{w + 10:.1f}" '
            'height="16" rx="3" fill="#ffffff" stroke="#8c959f" stroke-width="0.8"/>'
        )
        return lay.text(
            centre, baseline, label, DATES_SIZE, role="dates", ref=ref, anchor="middle", halo=True
        )

    right = b + 6 + w <= CX1
    left = a - 6 - w >= CX0
    if right and _clear_of_today(lay, b + 6, b + 6 + w):
        return right_at(b + 6)
    if left and _clear_of_today(lay, a - 6 - w, a - 6):
        return left_at(a - 6)
    if t is not None and b <= t and t + 8 + w <= CX1 and t + 8 - b <= _PAST_TODAY:
        return right_at(t + 8)
    if t is not None and t <= a and t - 8 - w >= CX0 and a - (t - 8) <= _PAST_TODAY:
        return left_at(t - 8)
    for room in (40.0, 8.0):
        centre = _chip_centre(lay, a, b, w, room=room)
        if centre is not None:
            chip_at(centre)
            return None
    if right or left:  # the line is hidden behind the dates, for their width
        x0 = b + 6 if right else a - 6 - w
        lay.layers["text"].append(
            f'<rect x="{x0 - 2:.1f}" y="{mid - 7:.1f}" width="{w + 4:.1f}" height="14" '
            'fill="#ffffff"/>'
        )
        right_at(x0)
        box = lay.texts[-1]
    else:  # the chip above the line
        box = chip_at((max(a, CX0) + min(b, CX1)) / 2)
    if not _clear_of_today(lay, box.x, box.x + box.w):
        lay.backed.append(box)
    return None


def svg_from_data(data: GanttData, *, standalone: bool = True, prefix: str = "") -> str:
    """The chart as an SVG document (``standalone=False``: an ``<svg>`` element to inline in
    HTML; ``prefix`` goes before every id it defines, so one page can hold several charts)."""
    lay = layout(data, prefix=prefix)
    n = len(data.campaigns)
    desc = (
        f"Diagrama de Gantt de {n} campaña{'s' if n != 1 else ''} del plan «{data.title}» "
        f"({data.owner}), {period(data.start, data.end, prose=True)}."
    )
    for b in data.blackouts:
        desc += f" {b.name}: {span_label(b.start, b.end, data.year)}."
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    # printed on its own: a landscape page (inline in the report, the report's CSS decides)
    page = "<style>@page { size: landscape; margin: 10mm; }</style>\n" if standalone else ""
    body = "\n".join(
        part for key in ("bg", "band", "grid", "bar", "mark", "text") for part in lay.layers[key]
    )
    return (
        f'{head}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lay.width:g} '
        f'{lay.height:.0f}" preserveAspectRatio="xMidYMin meet" role="img" '
        f'aria-labelledby="{prefix}gantt-title {prefix}gantt-desc" font-family="{attr(FONT)}" '
        'class="campana-gantt">\n'
        f'<title id="{prefix}gantt-title">{esc(data.heading)}</title>\n'
        f'<desc id="{prefix}gantt-desc">{esc(desc)}</desc>\n'
        f"{page}{_defs(prefix)}\n"
        f'<rect x="0" y="0" width="{lay.width:g}" height="{lay.height:.0f}" fill="#ffffff"/>\n'
        f"{body}\n</svg>\n"
    )
