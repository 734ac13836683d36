"""Spanish dates: month names, parsing user input and document periods, formatting.

Dates typed by users follow a small strict grammar (no guessing): see parse_date and parse_when.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple, Protocol

from campana.errors import CampanaError
from campana.suggest import close
from campana.suggest import fold as fold  # re-exported: how names and months compare

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


MIN_YEAR, MAX_YEAR = 1900, 2200
"""The years a date option may name: anything else is a typo, not a plan."""

ACCEPTED_ABSOLUTE = (
    "se aceptan AAAA-MM-DD, 15/03/2024 o «15 de marzo de 2024» (el año puede faltar si el "
    "plan lo da); por ejemplo «15 de marzo de 2024»"
)
ACCEPTED_WHEN = (
    "se aceptan AAAA-MM-DD, 15/03/2024, «15 de marzo [de 2024]», hoy, mañana, ayer, un día de "
    "la semana (lunes, «próximo lunes»), +7, -3d, «en 7 días» o «hace 3 días»; "
    "por ejemplo «15 de marzo de 2024»"
)


class DateError(CampanaError, ValueError):
    """A text that is not a date (exit 2).

    ``message`` says what was understood, ``hint`` what is accepted, with one example. It is
    also a ValueError, so code written for the older ``parse_date`` keeps catching it.
    """

    def __init__(
        self, message: str, *, hint: str = ACCEPTED_ABSOLUTE, guess: str | None = None
    ) -> None:
        #: the date the text most likely meant, when there is one («¿quisiste decir …?»)
        self.guess = guess
        # with a guess, the guess alone: the list of every accepted form would bury it
        super().__init__(message, hint=f"¿quisiste decir {guess}?" if guess else hint)


def _shown(text: str) -> str:
    """The user's text as a message may quote it: printable, at most 40 characters."""
    clean = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text.strip())
    return clean if len(clean) <= 40 else clean[:39] + "…"


WEEKDAYS_FOLDED = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NUMBERS: dict[str, int] = {
    **{name: i for i, name in enumerate(WEEKDAYS_FOLDED)},
    **{name: i for i, name in enumerate(WEEKDAYS_EN)},
}
_WD = "|".join(WEEKDAY_NUMBERS)


class _Lazy:
    """A pattern compiled on its first use. The patterns that read the dates a user types in
    an option (``--today``, ``--on``...) cost about 4 ms to compile at import, paid by every
    command that imports this module, most of which read no such date (``validate``, a query
    without ``--today``)."""

    __slots__ = ("_compiled", "_pattern")

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        return self._get().match(text)

    def sub(self, repl: str, text: str) -> str:
        return self._get().sub(repl, text)


_ISO = _Lazy(r"^\d{4}-\d{2}-\d{2}$")
_DMY = _Lazy(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d+))?$")
_YMD = _Lazy(r"^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$")
_COMPACT = _Lazy(r"^(\d{4})(\d{2})(\d{2})$")
_WORDS_ES = _Lazy(
    rf"^(?:el )?(?:(?P<wd>{_WD}) )?(?:el )?(?P<d>\d{{1,2}})(?:o|ro|er|ero|°|st|nd|rd|th)? "
    r"(?:de )?"
    r"(?P<m>[a-z]+\.?)(?: (?:de |del )?(?P<y>\d+))?$"
)
_WORDS_EN = _Lazy(
    rf"^(?:(?P<wd>{_WD}) )?(?P<m>[a-z]+\.?) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: (?P<y>\d+))?$"
)
_NAME_SEPARATOR = _Lazy(r"(?<=[a-z.])[-/](?=\d)|(?<=[a-z])\.(?=\d)|(?<=\d)[-/.](?=[a-z])")
_NUMBER = _Lazy(r"^[+-]?\d+$")
_MONTH_YEAR = _Lazy(r"^(?:(?:el|en) )?([a-z]+\.?)(?: (?:de |del )?(\d+))?$")


def _normal(text: str) -> str:
    """Folded (lower case, no accents), commas as spaces, one space between words."""
    return " ".join(fold(text).replace(",", " ").split())


def _make_date(
    shown: str, year_text: str | None, month: int, day: int, default_year: int | None
) -> dt.date:
    if year_text is None:
        if default_year is None:
            example = f"{shown}/2024" if shown[-1:].isdigit() else f"{shown} de 2024"
            raise DateError(f"a la fecha «{shown}» le falta el año; por ejemplo «{example}»")
        year = default_year
    else:
        if len(year_text) != 4:
            raise DateError(
                f"en la fecha «{shown}» el año «{year_text}» debe tener cuatro cifras (2024)"
            )
        year = int(year_text)
    _check_year(year, shown)
    if not 1 <= month <= 12:
        raise DateError(f"la fecha «{shown}» no existe: el mes {month} no está entre 1 y 12")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(
            impossible_date_message(f"{year:04d}-{month:02d}-{day:02d}", shown=shown)
        ) from None


def _check_year(year: int, shown: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"la fecha «{shown}» cae en el año {year}, fuera de {MIN_YEAR}–{MAX_YEAR}")


def parse_date(text: str, *, default_year: int | None = None) -> dt.date:
    """Parse an absolute date: ISO, a Spanish or English one, or day-first numbers.

    Accepted: 2024-02-23, 2024/2/23, 20240223, 23/02/2024, 23-2-2024, 23.02.2024, 23/02,
    "23 de febrero de 2024", "viernes 23 de febrero del 2024", "23 feb 2024", "February 23,
    2024". A date without a year takes ``default_year`` (an error when it is None). Years are
    written with four digits, between 1900 and 2200. Nothing is guessed: a lone number, a month
    without a day or a year without a month is refused.

    Raises DateError (a CampanaError and a ValueError) with a Spanish message.
    """
    return _absolute(text, default_year)


def _absolute(text: str, default_year: int | None) -> dt.date:
    shown = _shown(text)
    raw = text.strip()
    if _ISO.match(raw):
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            raise DateError(impossible_date_message(raw)) from None
        _check_year(value.year, shown)
        return value
    norm = _normal(text)
    if m := _YMD.match(norm) or _COMPACT.match(norm):
        groups = [g for g in m.groups() if g not in ("/", ".", "-")]
        return _make_date(shown, groups[0], int(groups[1]), int(groups[2]), default_year)
    if m := _DMY.match(norm):
        first, second = int(m.group(1)), int(m.group(3))
        try:
            return _make_date(shown, m.group(4), second, first, default_year)
        except DateError as exc:
            guess = _month_first(first, second, m.group(4), default_year)
            if guess is None:
                raise
            raise DateError(exc.message, guess=guess) from None
    # "15-mar-2024", "15/mar/2024": separators between a name and numbers read as spaces
    words = _NAME_SEPARATOR.sub(" ", norm)
    guess = None
    for pattern in (_WORDS_ES, _WORDS_EN):
        m = pattern.match(words)
        month = parse_month(m.group("m")) if m and not m.group("m").isdigit() else None
        if m and month is None and guess is None:
            guess = _misspelt_month(m.group("m"), int(m.group("d")), m.group("y"), default_year)
        if m and month is not None:
            value = _make_date(shown, m.group("y"), month, int(m.group("d")), default_year)
            wd = m.group("wd")
            if wd is not None and WEEKDAY_NUMBERS[wd] != value.weekday():
                said = WEEKDAYS_ES[WEEKDAY_NUMBERS[wd]]
                raise DateError(
                    f"la fecha «{shown}» no cuadra: el {fmt_long(value)} es "
                    f"{WEEKDAYS_ES[value.weekday()]}, no {said}"
                )
            return value
    raise DateError(_not_a_date(shown, norm), guess=guess)


def _month_first(first: int, second: int, year_text: str | None, year: int | None) -> str | None:
    """«3/15/2024» written month first (as in the United States): the ISO date it means, when
    read day first it cannot be one and month first it is."""
    if year_text is not None:
        year = int(year_text) if len(year_text) == 4 else None
    if year is None or not (1 <= first <= 12 < second):
        return None
    try:
        return dt.date(year, first, second).isoformat()
    except ValueError:
        return None


def _misspelt_month(word: str, day: int, year_text: str | None, year: int | None) -> str | None:
    """«15 de marso»: the date with the month closest to ``word`` («15 de marzo»; «1 de
    junio» o «1 de julio» for «1 de juio»), when there is one and that day exists."""
    check_year = int(year_text) if year_text and len(year_text) == 4 else year or 2024
    months: list[int] = []
    for name in close(word.rstrip("."), (*MONTHS_ES, *MONTHS_EN), n=4, cutoff=0.7):
        month = MONTH_NAMES[name]
        try:
            dt.date(check_year, month, day)
        except ValueError:
            continue
        if month not in months:
            months.append(month)
    tail = f" de {year_text}" if year_text else ""
    return " o ".join(f"«{day} de {MONTHS_ES[m - 1]}{tail}»" for m in months[:2]) or None


def _not_a_date(shown: str, norm: str) -> str:
    """What the text looked like, in Spanish, for a message that says why it is not a date."""
    if not norm:
        return "la fecha está vacía"
    if _NUMBER.match(norm):
        if norm.startswith("-"):
            return (
                f"«{shown}» no es una fecha: es solo un número; para contar días hacia atrás "
                f"escribe «{norm}d» o «hace {days(int(norm[1:]))}»"
            )
        if len(norm.lstrip("+")) == 4:
            return f"«{shown}» no es una fecha: es solo un año, falta el día y el mes"
        return f"«{shown}» no es una fecha: es solo un número (¿día, mes o año?)"
    m = _MONTH_YEAR.match(norm)
    if m and parse_month(m.group(1)) is not None and not m.group(1).isdigit():
        return f"«{shown}» no es una fecha: es un mes, falta el día"
    return f"«{shown}» no es una fecha"


_UNIT_DAYS = {
    "d": 1,
    "dia": 1,
    "dias": 1,
    "day": 1,
    "days": 1,
    "s": 7,
    "sem": 7,
    "semana": 7,
    "semanas": 7,
    "w": 7,
    "week": 7,
    "weeks": 7,
}
_UNIT = "|".join(sorted(_UNIT_DAYS, key=len, reverse=True))
_WORD_UNIT = "dia|dias|day|days|semana|semanas|week|weeks"
_NAMED_DAYS = {
    "hoy": 0,
    "today": 0,
    "manana": 1,
    "tomorrow": 1,
    "pasado manana": 2,
    "ayer": -1,
    "yesterday": -1,
    "anteayer": -2,
    "antier": -2,
}
_SIGNED = _Lazy(rf"^([+-]) ?(\d{{1,6}})(?: ?({_UNIT}))?$")
_AHEAD = _Lazy(rf"^(?:en|dentro de|in) (\d{{1,6}}) ({_WORD_UNIT})$")
_AGO = _Lazy(rf"^(?:hace (\d{{1,6}}) ({_WORD_UNIT})|(\d{{1,6}}) ({_WORD_UNIT}) ago)$")
_WEEKDAY = _Lazy(rf"^(?:el |este |this |on )?({_WD})$")
_NEXT_WEEKDAY = _Lazy(
    rf"^(?:(?:el )?(?:proximo|siguiente) ({_WD})|({_WD}) (?:proximo|que viene)|next ({_WD}))$"
)


def parse_when(text: str, *, today: dt.date, year: int) -> dt.date:
    """Parse any date a user types in an option: relative to ``today`` or absolute.

    Relative forms: ``hoy``/``today``, ``mañana``/``tomorrow``, ``ayer``/``yesterday``,
    ``pasado mañana``, ``anteayer``; a weekday (``lunes``, ``monday``, accents optional) is the
    next one on or after today (0 to 6 days ahead); ``próximo lunes``/``next monday`` is the
    next one strictly after today (1 to 7 days ahead); ``+7``, ``+7d``, ``-3d``, ``+2s``
    (weeks), ``en 7 días``, ``in 7 days``, ``hace 3 días``, ``3 days ago``. A bare ``-3`` is
    refused: it reads as an option or a typo, ``-3d`` says what it means.

    Absolute forms are those of :func:`parse_date`; a date without a year takes ``year`` (the
    plan's year), whatever today is. To parse ``--today`` itself, pass the system's date as
    ``today``: ``--today mañana`` is then tomorrow by the clock, ``--today "15 de marzo"`` is in
    the plan's year.

    Raises DateError with a Spanish message (what was understood) and hint (what is accepted).
    """
    norm = _normal(text)
    try:
        offset = _relative_offset(norm, today)
        if offset is None:
            return _absolute(text, year)
        try:
            value = today + dt.timedelta(days=offset)
        except OverflowError:
            value = dt.date.max
        _check_year(value.year, _shown(text))
        return value
    except DateError as exc:
        raise DateError(exc.message, hint=ACCEPTED_WHEN, guess=exc.guess) from None


def parse_shift(text: str) -> int | None:
    """Days a signed amount says (``+7d``, ``-2 semanas``, ``+1s``, ``+3``), or None when
    the text is not one."""
    m = _SIGNED.match(_normal(text))
    if m is None:
        return None
    sign, number, unit = m.groups()
    n = int(number) * _UNIT_DAYS[unit or "d"]
    return n if sign == "+" else -n


def _relative_offset(norm: str, today: dt.date) -> int | None:
    """Days from today that a relative form names; None when the text is not relative."""
    if norm in _NAMED_DAYS:
        return _NAMED_DAYS[norm]
    if m := _SIGNED.match(norm):
        sign, number, unit = m.groups()
        if sign == "-" and unit is None:
            return None  # refused by the absolute parser, which says why
        n = int(number) * _UNIT_DAYS[unit or "d"]
        return n if sign == "+" else -n
    if m := _AHEAD.match(norm):
        return int(m.group(1)) * _UNIT_DAYS[m.group(2)]
    if m := _AGO.match(norm):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return -int(number) * _UNIT_DAYS[unit]
    if m := _WEEKDAY.match(norm):
        return (WEEKDAY_NUMBERS[m.group(1)] - today.weekday()) % 7
    if m := _NEXT_WEEKDAY.match(norm):
        name = next(g for g in m.groups() if g)
        return (WEEKDAY_NUMBERS[name] - today.weekday() - 1) % 7 + 1
    return None


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
    return _period_end(d1, m1, year1), _period_end(d2, m2, year2)


def _period_months() -> dict[str, int]:
    """The month words dateutil reads with ``_parserinfo``, from the same month table."""
    table: dict[str, int] = {}
    for i, (es, en) in enumerate(zip(MONTHS_ES, MONTHS_EN, strict=True), 1):
        for name in (es, es[:3], en, en[:3]):
            table[name] = i
    table["sept"] = table["setiembre"] = 9
    return table


_PERIOD_MONTHS = _period_months()


def _period_end(day: str, month: str, year: int) -> dt.date:
    """One end of a printed period, from the regex groups of ``_DAY_MONTH``.

    A month word dateutil would read and a day and year that exist give the date directly;
    anything else (a stray word, 31 de febrero, a three-digit year) goes through ``parse_date``
    so that it is accepted or refused, and worded, exactly as before.
    """
    number = _PERIOD_MONTHS.get(month.lower()) or _PERIOD_MONTHS.get(fold(month))
    if number is not None and MIN_YEAR <= year <= MAX_YEAR:
        try:
            return dt.date(year, number, int(day))
        except ValueError:
            pass
    return parse_date(f"{day} de {month} de {year}")


def fmt(d: dt.date, *, year: bool = True) -> str:
    """23 feb 2024."""
    text = f"{d.day} {MONTH_ABBR_ES[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def fmt_long(d: dt.date) -> str:
    """23 de febrero de 2024."""
    return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"


def period(
    start: dt.date | None,
    end: dt.date | None,
    *,
    year: int | None = None,
    full: bool = False,
    sep: str = " – ",
    prose: bool = False,
    long: bool = False,
) -> str:
    """A period as campana writes it everywhere, in one of its styles.

    - a range (the default), for tables and labels: «22 ene – 14 jul 2024». The start's year
      only when it differs from the end's; no year at all when both dates are in ``year`` (a
      view of that year); ``full`` writes both dates whole (a legend, a message); ``sep`` is
      the dash between them («22 ene–14 jul» in a narrow column);
    - ``prose``, inside a sentence: «del 22 ene 2024 al 14 jul 2024», or «el 22 ene 2024» for
      one day; with ``long`` the months are spelt out: «del 22 de enero de 2024 al 14 de julio
      de 2024». Prose always writes whole dates.

    An empty text when either end is missing.
    """
    if start is None or end is None:
        return ""
    if prose:
        one = fmt_long if long else fmt
        return f"el {one(start)}" if start == end else f"del {one(start)} al {one(end)}"
    if start.year == end.year == year:
        return f"{fmt(start, year=False)}{sep}{fmt(end, year=False)}"
    return f"{fmt(start, year=full or start.year != end.year)}{sep}{fmt(end)}"


def sentence(text: str) -> str:
    """``text`` with its first letter in capitals (a period in prose opening a sentence)."""
    return text[:1].upper() + text[1:]


def days(n: int) -> str:
    return "1 día" if abs(n) == 1 else f"{n} días"


def signed_days(n: int) -> str:
    return f"{n:+d} " + ("día" if abs(n) == 1 else "días")


class Span(NamedTuple):
    """A closed interval of dates: ``start`` and ``end`` both included.

    A tuple, so ``start, end = span`` and comparisons with plain pairs keep working. Everything
    here is computed from the two ends, never by walking the days, so spans up to 9999-12-31
    cost the same as a week. A span whose end comes before its start is *empty* (0 days);
    the model lets a plan say so and the checks report it.
    """

    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, dated: Dated) -> Span:
        """The span of anything with ``start`` and ``end`` (a row, a campaign, a blackout)."""
        return cls(dated.start, dated.end)

    @property
    def days(self) -> int:
        """Inclusive length in days; 0 for an empty span."""
        return max((self.end - self.start).days + 1, 0)

    @property
    def empty(self) -> bool:
        return self.end < self.start

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the span."""
        return self.start <= day <= self.end

    def overlaps(self, other: tuple[dt.date, dt.date]) -> bool:
        """Whether the two spans share at least one day."""
        return max(self.start, other[0]) <= min(self.end, other[1])

    def intersection(self, other: tuple[dt.date, dt.date]) -> Span | None:
        """The days both spans share, or None."""
        start, end = max(self.start, other[0]), min(self.end, other[1])
        return Span(start, end) if start <= end else None

    def clamp(self, window: tuple[dt.date, dt.date]) -> Span | None:
        """The part of the span inside ``window`` (a view's dates), or None outside it."""
        return self.intersection(window)

    def minus(self, others: Iterable[tuple[dt.date, dt.date]]) -> list[Span]:
        """The runs of days of the span that none of ``others`` covers, by date.

        Safe at the ends of the calendar: a span covered up to 9999-12-31 has no gap after it.
        """
        out: list[Span] = []
        cursor = self.start
        for s, e in sorted(others):
            if e < cursor:
                continue
            if s > self.end:
                break
            if s > cursor:
                out.append(Span(cursor, s - dt.timedelta(days=1)))
            after = add_days(e, 1)
            if after is None:
                return out
            cursor = max(cursor, after)
            if cursor > self.end:
                return out
        if cursor <= self.end:
            out.append(Span(cursor, self.end))
        return out


class Dated(Protocol):
    """Anything with a start and an end date."""

    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


def merge_spans(spans: Iterable[tuple[dt.date, dt.date]]) -> list[Span]:
    """Overlapping or touching spans joined, by date."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and (after := add_days(merged[-1].end, 1)) is not None and start > after:
            merged.append(Span(start, end))
        elif merged:
            if end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, end)
        else:
            merged.append(Span(start, end))
    return merged


def span_days(start: dt.date, end: dt.date) -> int:
    """Inclusive length of a period in days."""
    return (end - start).days + 1


def overlap(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> Span | None:
    """The days [a_start, a_end] and [b_start, b_end] share, or None."""
    start, end = max(a_start, b_start), min(a_end, b_end)
    return Span(start, end) if start <= end else None


def add_days(d: dt.date, n: int) -> dt.date | None:
    """``d`` plus ``n`` days, or None past the dates Python can hold (after 9999-12-31, before
    0001-01-01): a plan may end on the last day there is, and the day after it does not exist."""
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return None


# --- counting days of several spans ------------------------------------------------------------


def union_days(spans: Iterable[tuple[dt.date, dt.date]]) -> int:
    """How many days the spans cover together (a day in two spans counted once), from their
    ends: a span of thousands of years costs what a week does."""
    return sum(s.days for s in merge_spans(s for s in spans if s[0] <= s[1]))


def days_not_in(
    spans: Iterable[tuple[dt.date, dt.date]], others: Iterable[tuple[dt.date, dt.date]]
) -> int:
    """How many days ``spans`` cover that ``others`` do not."""
    holes = merge_spans(s for s in others if s[0] <= s[1])
    return sum(
        part.days
        for span in merge_spans(s for s in spans if s[0] <= s[1])
        for part in span.minus(holes)
    )
