"""Mexico's official rest days (Ley Federal del Trabajo, art. 74) and working days.

The fixed and Monday-moved days, and the 1 October of a federal transfer of power every six
years, come from the ``holidays`` package (its Mexican calendar follows art. 74: it has
2024-10-01 and invents no substitute days). Art. 74 fr. IX adds the day of federal and local
ordinary elections: campana never computes one, it takes the election days the user declared
on the plan's federal blackouts (``election_days``).

Names are Spanish. ``holidays`` is imported inside the functions that use it (start-up time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from campana.models import Blackout

Span: TypeAlias = tuple[dt.date, dt.date]

#: art. 74 fr. IX, the name a declared election day takes
ELECTION_DAY = "Jornada electoral"


@lru_cache(maxsize=16)
def _statutory(first_year: int, last_year: int) -> tuple[tuple[dt.date, str], ...]:
    years = range(first_year, last_year + 1)
    stored = _stored()
    missing = [y for y in years if str(y) not in stored]
    if missing:
        stored.update(_computed(missing))
        _store(stored)
    found = [(dt.date.fromisoformat(day), name) for y in years for day, name in stored[str(y)]]
    return tuple(sorted(found))


def _computed(years: list[int]) -> dict[str, list[list[str]]]:
    """The rest days of ``years`` from ``holidays`` (its import loads every country: a third
    of a second, paid once per machine thanks to the file ``_stored`` reads)."""
    import holidays

    found = holidays.country_holidays("MX", years=years, language="es", observed=False)
    out: dict[str, list[list[str]]] = {str(y): [] for y in years}
    for day, name in sorted(found.items()):
        out[str(day.year)].append([day.isoformat(), name])
    return out


def _holidays_version() -> str | None:
    """The installed ``holidays`` version, read from its ``.dist-info`` folder's name beside the
    package: ``importlib.metadata`` (which ``holidays.version`` itself uses) costs ~14 ms and
    imports ``email``, ``zipfile`` and ``csv`` on every run. Falls back to it for another
    layout; None when ``holidays`` is not installed."""
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        found = sorted(Path(location).parent.glob("holidays-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("holidays-") : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:
        return None


def _memo_file() -> Path | None:
    from campana.cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    stamp = _holidays_version()
    if stamp is None:
        return None
    return folder / f"restdays-mx-{stamp}.json"


def _stored() -> dict[str, list[list[str]]]:
    """The rest days computed before (by year), from the cache folder; {} when there are none
    or the file is not what campana wrote."""
    import json

    path = _memo_file()
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not all(
        isinstance(v, list)
        and all(
            isinstance(d, list) and len(d) == 2 and all(isinstance(x, str) for x in d) for d in v
        )
        for v in data.values()
    ):
        return {}
    try:
        for days in data.values():
            for day, _ in days:
                dt.date.fromisoformat(day)
    except ValueError:
        return {}
    return data


def _store(data: dict[str, list[list[str]]]) -> None:
    """Keep what was computed for the next run (best effort: no cache, no file)."""
    import json

    from campana.files import write_atomic

    path = _memo_file()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, ensure_ascii=False, sort_keys=True))
    except OSError:
        pass


def rest_days(
    start: dt.date, end: dt.date, *, election_days: Iterable[dt.date] = ()
) -> dict[dt.date, str]:
    """The official rest days from ``start`` to ``end`` (both included), in date order, each
    with its Spanish name: art. 74 fr. I–VIII from ``holidays``, and the declared
    ``election_days`` (fr. IX). Nothing when ``end`` is before ``start``."""
    if end < start:
        return {}
    days: dict[dt.date, str] = {}
    if not _may_hold_one(start, end):  # the common short window: no need of ``holidays``
        pass
    else:
        for day, name in _statutory(start.year, end.year):
            if start <= day <= end:
                days[day] = name
    for day in election_days:
        if start <= day <= end:
            days[day] = f"{days[day]}; {ELECTION_DAY}" if day in days else ELECTION_DAY
    return dict(sorted(days.items()))


#: fixed days that art. 74 names or named (1 December: transfer of power until 2018; 5 February,
#: 21 March and 20 November before they moved to a Monday in 2006)
_FIXED = {(1, 1), (2, 5), (3, 21), (5, 1), (9, 16), (10, 1), (11, 20), (12, 1), (12, 25)}


def could_be_rest_day(day: dt.date) -> bool:
    """Whether ``day`` could be an art. 74 rest day at all: one of its fixed dates (now or
    before), or a Monday of February, March or November (the days moved to a Monday). A sieve
    before asking ``holidays``, never an answer: most windows and dates hold none of these."""
    return (day.month, day.day) in _FIXED or (day.weekday() == 0 and day.month in (2, 3, 11))


def _may_hold_one(start: dt.date, end: dt.date) -> bool:
    if (end - start).days > 62:
        return True
    return any(
        could_be_rest_day(start + dt.timedelta(days=i)) for i in range((end - start).days + 1)
    )


def declared_election_days(blackouts: Iterable[Blackout]) -> list[dt.date]:
    """The election days declared on federal blackouts (art. 74 fr. IX): a blackout without a
    ``jurisdiction`` or with ``federal`` is federal; its ``election_day`` is what the user
    wrote, never computed."""
    days: list[dt.date] = []
    for b in blackouts:
        day = getattr(b, "election_day", None)
        scope = getattr(b, "jurisdiction", None)
        if day is not None and (scope is None or scope == "federal"):
            days.append(day)
    return days


def is_working_day(day: dt.date, rest: dict[dt.date, str]) -> bool:
    """Monday to Friday and not a rest day of ``rest`` (from ``rest_days``)."""
    return day.weekday() < 5 and day not in rest


def working_days(span: Span, *, election_days: Iterable[dt.date] = ()) -> int:
    """How many working days ``span`` (start, end, both included) has: Monday to Friday,
    less the official rest days. 0 for a span that ends before it starts."""
    start, end = span
    if end < start:
        return 0
    rest = rest_days(start, end, election_days=election_days)
    total = (end - start).days + 1
    weeks, extra = divmod(total, 7)
    weekdays = weeks * 5 + sum(
        1 for i in range(extra) if (start + dt.timedelta(days=weeks * 7 + i)).weekday() < 5
    )
    return weekdays - sum(1 for day in rest if day.weekday() < 5)


def weekend_or_rest(day: dt.date, rest: dict[dt.date, str]) -> str | None:
    """Why ``day`` is not a working day, in Spanish (None when it is one): the rest day's
    name, «sábado» or «domingo»."""
    if day in rest:
        return rest[day]
    if day.weekday() == 5:
        return "sábado"
    if day.weekday() == 6:
        return "domingo"
    return None
