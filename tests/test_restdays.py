"""Mexico's official rest days (LFT art. 74) and working days, with fixed dates."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from campana.restdays import (
    ELECTION_DAY,
    declared_election_days,
    rest_days,
    weekend_or_rest,
    working_days,
)

D = dt.date


def test_transfer_of_power_is_a_rest_day_in_2024_and_2030() -> None:
    assert D(2024, 10, 1) in rest_days(D(2024, 1, 1), D(2024, 12, 31))
    assert D(2030, 10, 1) in rest_days(D(2030, 1, 1), D(2030, 12, 31))
    assert D(2025, 10, 1) not in rest_days(D(2025, 1, 1), D(2025, 12, 31))


def test_the_2024_calendar_is_art_74_and_nothing_invented() -> None:
    """Eight days, Monday-moved ones on their Monday, no substitute day for a weekend one."""
    assert rest_days(D(2024, 1, 1), D(2024, 12, 31)) == {
        D(2024, 1, 1): "Año Nuevo",
        D(2024, 2, 5): "Día de la Constitución",
        D(2024, 3, 18): "Natalicio de Benito Juárez",
        D(2024, 5, 1): "Día del Trabajo",
        D(2024, 9, 16): "Día de la Independencia",
        D(2024, 10, 1): "Transmisión del Poder Ejecutivo Federal",
        D(2024, 11, 18): "Día de la Revolución",
        D(2024, 12, 25): "Navidad",
    }
    # 2022-01-01 and 2022-12-25 fell on a Saturday and a Sunday: no Monday substitute
    days = rest_days(D(2022, 1, 1), D(2022, 12, 31))
    assert D(2022, 1, 3) not in days and D(2022, 12, 26) not in days
    assert len(days) == 7


def test_declared_election_day_of_a_federal_blackout_is_a_rest_day() -> None:
    federal = SimpleNamespace(election_day=D(2024, 6, 2), jurisdiction=None)
    local = SimpleNamespace(election_day=D(2024, 7, 7), jurisdiction=["Coahuila"])
    days = declared_election_days([federal, local])  # type: ignore[list-item]
    assert days == [D(2024, 6, 2)]
    found = rest_days(D(2024, 6, 1), D(2024, 6, 30), election_days=days)
    assert found == {D(2024, 6, 2): ELECTION_DAY}
    assert rest_days(D(2024, 6, 1), D(2024, 6, 30)) == {}


def test_working_days() -> None:
    # September 2024: 21 weekdays, less the 16th
    assert working_days((D(2024, 9, 1), D(2024, 9, 30))) == 20
    assert working_days((D(2024, 9, 30), D(2024, 9, 1))) == 0
    assert working_days((D(2024, 6, 3), D(2024, 6, 3)), election_days=[D(2024, 6, 3)]) == 0
    assert weekend_or_rest(D(2024, 9, 14), {}) == "sábado"
    assert weekend_or_rest(D(2024, 9, 16), rest_days(D(2024, 9, 1), D(2024, 9, 30))) == (
        "Día de la Independencia"
    )
    assert weekend_or_rest(D(2024, 9, 17), {}) is None


@given(st.dates(D(2020, 1, 1), D(2032, 12, 31)), st.integers(0, 800))
def test_working_days_counts_day_by_day(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    rest = rest_days(start, end)
    slow = sum(
        1
        for i in range(length + 1)
        if (day := start + dt.timedelta(days=i)).weekday() < 5 and day not in rest
    )
    assert working_days((start, end)) == slow
