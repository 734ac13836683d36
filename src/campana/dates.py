"""Spanish dates: month names, parsing user input and document periods, formatting.

python-dateutil does the parsing of free-form dates (imported only when one is parsed).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Any

MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
MONTHS_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBR_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
WEEKDAY_LETTERS_ES = ("L", "M", "X", "J", "V", "S", "D")


def fold(text: str) -> str:
    """Lower case without accents: how ids, names and months are compared."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for i, (es, en, abbr) in enumerate(zip(MONTHS_ES, MONTHS_EN, MONTH_ABBR_ES, strict=True), 1):
        for name in (es, en, abbr, en[:3]):
            table[name] = i
    table["sept"] = 9
    table["setiembre"] = 9
    table["set"] = 9
    table["sept."] = 9
    return table


MONTH_NAMES: dict[str, int] = _month_table()

VALID_MONTH_FORMS = (
    "nombre en español o inglés (marzo, march), abreviatura de tres letras (mar, ago, sept) "
    "o número del 1 al 12"
)


def parse_month(text: str) -> int | None:
    """A month number from a Spanish or English name, abbreviation or number; None if unknown."""
    key = fold(text).rstrip(".")
    if key.isdigit():
        n = int(key)
        return n if 1 <= n <= 12 else None
    return MONTH_NAMES.get(key)


@functools.cache  # one class and instance per process, not one per date parsed
def _parserinfo() -> Any:
    from dateutil import parser

    class SpanishParserInfo(parser.parserinfo):
        # dateutil reads these class attributes as tables
        JUMP = [*parser.parserinfo.JUMP, "de", "del", "el"]  # noqa: RUF012
        MONTHS = [  # noqa: RUF012
            (es, es[:3], en, en[:3], *(("sept", "setiembre") if i == 8 else ()))
            for i, (es, en) in enumerate(zip(MONTHS_ES, MONTHS_EN, strict=True))
        ]
        # full names only: "mar" is March here, never Tuesday
        WEEKDAYS = [  # noqa: RUF012
            ("lunes", "monday"),
            ("martes", "tuesday"),
            ("miercoles", "wednesday"),
            ("jueves", "thursday"),
            ("viernes", "friday"),
            ("sabado", "saturday"),
            ("domingo", "sunday"),
        ]

    return SpanishParserInfo(dayfirst=True)


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str, *, default_year: int | None = None) -> dt.date:
    """Parse an ISO date or a Spanish one ("23 de febrero de 2024", "23 feb 2024").

    Raises ValueError with a Spanish message when the text is not a date.
    """
    raw = text.strip()
    if _ISO.match(raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(impossible_date_message(raw)) from None
    from dateutil import parser

    default = dt.datetime(default_year or dt.date.min.year, 1, 1)
    try:
        value = parser.parse(fold(raw), parserinfo=_parserinfo(), default=default)
    except (ValueError, OverflowError, parser.ParserError):
        raise ValueError(_why_not_a_date(text, default_year)) from None
    if value.year == dt.date.min.year and default_year is None:
        raise ValueError(f"a la fecha «{text}» le falta el año; por ejemplo «{text} de 2024»")
    return value.date()


def _why_not_a_date(text: str, default_year: int | None) -> str:
    """A Spanish reason: a day the month does not have ("31 de febrero"), or not a date at all."""
    m = re.fullmatch(
        r"\s*(\d{1,2})\s+(?:de\s+)?([^\d\s]+)(?:\s+(?:de(?:l)?\s+)?(\d{4}))?\s*", fold(text)
    )
    month = parse_month(m.group(2)) if m else None
    if m and month is not None:
        year = int(m.group(3)) if m.group(3) else default_year
        if year is not None:
            iso = f"{year:04d}-{month:02d}-{int(m.group(1)):02d}"
            return impossible_date_message(iso, shown=text.strip())
    return f"«{text}» no es una fecha; usa AAAA-MM-DD (2024-02-23) o «23 de febrero de 2024»"


def impossible_date_message(raw: str, shown: str | None = None) -> str:
    """Why an ISO-looking date does not exist (2024-02-30, 2023-02-29, 2024-13-01)."""
    try:
        year, month, _day = (int(p) for p in raw.split("-"))
    except ValueError:
        return f"«{raw}» no es una fecha AAAA-MM-DD"
    if not 1 <= month <= 12:
        return f"la fecha «{raw}» no existe: el mes {month} no está entre 1 y 12"
    import calendar

    last = calendar.monthrange(year, month)[1]
    return (
        f"la fecha «{shown or raw}» no existe: {MONTHS_ES[month - 1]} de {year} tiene {last} días"
    )


_DAY_MONTH = re.compile(
    r"(\d{1,2})\s+(?:de\s+)?([a-záéíóúñ.]+)(?:\s+(?:de(?:l)?\s+)?(\d{4}))?", re.IGNORECASE
)


def parse_period_text(text: str) -> tuple[dt.date, dt.date]:
    """Dates of a period as the document prints it.

    "23 de febrero a 14 de julio 2024", "entre el 22 de enero y el 14 de julio 2024": the
    year, when written once at the end, applies to both ends.
    """
    matches = _DAY_MONTH.findall(text.replace("*", " "))
    if len(matches) != 2:
        raise ValueError(
            f"«{text}» no es un periodo «D de mes a D de mes AAAA» (se esperaban dos fechas)"
        )
    (d1, m1, y1), (d2, m2, y2) = matches
    year2 = int(y2) if y2 else None
    year1 = int(y1) if y1 else year2
    if year1 is None or year2 is None:
        raise ValueError(f"al periodo «{text}» le falta el año")
    start = parse_date(f"{d1} de {m1} de {year1}")
    end = parse_date(f"{d2} de {m2} de {year2}")
    return start, end


def fmt(d: dt.date, *, year: bool = True) -> str:
    """23 feb 2024."""
    text = f"{d.day} {MONTH_ABBR_ES[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def fmt_long(d: dt.date) -> str:
    """23 de febrero de 2024."""
    return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"


def days(n: int) -> str:
    return "1 día" if abs(n) == 1 else f"{n} días"


def signed_days(n: int) -> str:
    return f"{n:+d} " + ("día" if abs(n) == 1 else "días")


def span_days(start: dt.date, end: dt.date) -> int:
    """Inclusive length of a period in days."""
    return (end - start).days + 1


def overlap(
    a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date
) -> tuple[dt.date, dt.date] | None:
    start, end = max(a_start, b_start), min(a_end, b_end)
    return (start, end) if start <= end else None


def add_days(d: dt.date, n: int) -> dt.date | None:
    """``d`` plus ``n`` days, or None past the dates Python can hold (after 9999-12-31, before
    0001-01-01): a plan may end on the last day there is, and the day after it does not exist."""
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return None
