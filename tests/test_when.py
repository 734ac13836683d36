"""parse_when: the one date parser behind every date option, relative forms included."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campana.dates import (
    MONTHS_ES,
    WEEKDAYS_EN,
    WEEKDAYS_ES,
    DateError,
    fmt,
    fmt_long,
    parse_date,
    parse_when,
)
from campana.errors import CampanaError

TODAY = dt.date(2024, 3, 15)  # a Friday
TODAYS = st.dates(dt.date(1950, 1, 1), dt.date(2150, 12, 31))


def when(text: str, today: dt.date = TODAY, year: int = 2024) -> dt.date:
    return parse_when(text, today=today, year=year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoy", "2024-03-15"),
        ("HOY", "2024-03-15"),
        ("today", "2024-03-15"),
        ("mañana", "2024-03-16"),
        ("manana", "2024-03-16"),
        ("tomorrow", "2024-03-16"),
        ("pasado mañana", "2024-03-17"),
        ("ayer", "2024-03-14"),
        ("yesterday", "2024-03-14"),
        ("anteayer", "2024-03-13"),
        ("viernes", "2024-03-15"),
        ("sábado", "2024-03-16"),
        ("sabado", "2024-03-16"),
        ("lunes", "2024-03-18"),
        ("el lunes", "2024-03-18"),
        ("miércoles", "2024-03-20"),
        ("monday", "2024-03-18"),
        ("friday", "2024-03-15"),
        ("próximo viernes", "2024-03-22"),
        ("proximo lunes", "2024-03-18"),
        ("el próximo lunes", "2024-03-18"),
        ("next monday", "2024-03-18"),
        ("next friday", "2024-03-22"),
        ("+7", "2024-03-22"),
        ("+7d", "2024-03-22"),
        ("+ 7 días", "2024-03-22"),
        ("+2s", "2024-03-29"),
        ("-3d", "2024-03-12"),
        ("en 7 días", "2024-03-22"),
        ("en 1 dia", "2024-03-16"),
        ("dentro de 2 semanas", "2024-03-29"),
        ("in 7 days", "2024-03-22"),
        ("hace 3 días", "2024-03-12"),
        ("3 days ago", "2024-03-12"),
        ("2024-02-23", "2024-02-23"),
        ("15 de marzo de 2024", "2024-03-15"),
        ("15/03/2024", "2024-03-15"),
        ("15-3-2024", "2024-03-15"),
        ("15.03.2024", "2024-03-15"),
        ("2024/3/15", "2024-03-15"),
        ("20240315", "2024-03-15"),
        ("15 mar 2024", "2024-03-15"),
        ("March 15, 2024", "2024-03-15"),
        ("viernes 15 de marzo del 2024", "2024-03-15"),
        ("1º de marzo", "2024-03-01"),
        ("1ero de marzo", "2024-03-01"),
        ("15th March 2024", "2024-03-15"),
        ("15-mar-2024", "2024-03-15"),
        ("15/Mar/2024", "2024-03-15"),
        ("15.mar.2024", "2024-03-15"),
        ("sábado, 16 de marzo de 2024", "2024-03-16"),
    ],
)
def test_accepted_forms(text: str, expected: str) -> None:
    assert when(text).isoformat() == expected


def test_a_date_without_year_takes_the_plan_year_not_today_year() -> None:
    assert when("23 de febrero", today=dt.date(2026, 11, 27), year=2024) == dt.date(2024, 2, 23)
    assert when("23/02", today=dt.date(2026, 11, 27), year=2024) == dt.date(2024, 2, 23)
    # relative forms count from today, whatever the plan's year
    assert when("mañana", today=dt.date(2026, 11, 27), year=2024) == dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "understood"),
    [
        ("-1", "es solo un número"),
        ("99", "es solo un número"),
        ("", "vacía"),
        ("   ", "vacía"),
        ("1 de enero de 1", "cuatro cifras"),
        ("1 de enero de 99", "cuatro cifras"),
        ("0001-01-01", "fuera de 1900–2200"),
        ("2201-01-01", "fuera de 1900–2200"),
        ("1 de enero de 1899", "fuera de 1900–2200"),
        ("2024", "es solo un año"),
        ("marzo", "es un mes, falta el día"),
        ("mar 2024", "es un mes, falta el día"),
        ("3/15/2024", "el mes 15 no está entre 1 y 12"),
        ("31 de febrero de 2024", "febrero de 2024 tiene 29 días"),
        ("2024-02-30", "no existe"),
        ("lunes 15 de marzo de 2024", "es viernes, no lunes"),
        ("+9999999", "no es una fecha"),
        ("+999999", "fuera de 1900–2200"),
        ("15 de marzo de 2024 10:00", "no es una fecha"),
        ("pronto", "no es una fecha"),
        ("martes próximo pasado", "no es una fecha"),
    ],
)
def test_garbage_is_refused_saying_what_was_understood(text: str, understood: str) -> None:
    with pytest.raises(DateError) as info:
        when(text)
    assert isinstance(info.value, CampanaError) and isinstance(info.value, ValueError)
    assert understood in info.value.message
    hint = info.value.hint or ""
    if text == "3/15/2024":  # month first: the date it means, alone (issue 17)
        assert hint == "¿quisiste decir 2024-03-15?"
        return
    assert "se aceptan" in hint and "hoy" in hint and "por ejemplo «15 de marzo de 2024»" in hint


def test_negative_bare_number_points_to_the_day_forms() -> None:
    with pytest.raises(DateError, match="«-3d» o «hace 3 días»"):
        when("-3")


def test_control_characters_are_not_echoed() -> None:
    with pytest.raises(DateError) as info:
        when("\x1b]0;PWNED\x07")
    assert "\x1b" not in info.value.message and "\x07" not in info.value.message


def test_parse_date_stays_absolute() -> None:
    with pytest.raises(DateError) as info:
        parse_date("ayer")
    assert "hoy" not in (info.value.hint or "")
    with pytest.raises(DateError, match="le falta el año"):
        parse_date("23 de febrero")
    assert parse_date("23 de febrero", default_year=2024) == dt.date(2024, 2, 23)


# --- properties ----------------------------------------------------------------------------


@given(TODAYS, st.integers(0, 3000), st.sampled_from(["+{n}", "+{n}d", "+{n} días", "en {n} días"]))
def test_forward_forms_land_n_days_ahead(today: dt.date, n: int, form: str) -> None:
    assert parse_when(form.format(n=n), today=today, year=2024) == today + dt.timedelta(days=n)


@given(TODAYS, st.integers(0, 3000), st.sampled_from(["-{n}d", "-{n} dias", "hace {n} días"]))
def test_backward_forms_land_n_days_behind(today: dt.date, n: int, form: str) -> None:
    assert parse_when(form.format(n=n), today=today, year=2024) == today - dt.timedelta(days=n)


@given(TODAYS, st.integers(0, 6), st.sampled_from(["es", "es-folded", "en", "el", "upper"]))
def test_weekday_is_the_next_one_on_or_after_today(today: dt.date, wd: int, form: str) -> None:
    name = {
        "es": WEEKDAYS_ES[wd],
        "es-folded": WEEKDAYS_ES[wd].replace("é", "e").replace("á", "a"),
        "en": WEEKDAYS_EN[wd],
        "el": f"el {WEEKDAYS_ES[wd]}",
        "upper": WEEKDAYS_ES[wd].upper(),
    }[form]
    got = parse_when(name, today=today, year=2024)
    assert got.weekday() == wd
    assert 0 <= (got - today).days <= 6


@given(TODAYS, st.integers(0, 6), st.sampled_from(["próximo {es}", "proximo {es}", "next {en}"]))
def test_next_weekday_is_strictly_after_today(today: dt.date, wd: int, form: str) -> None:
    got = parse_when(form.format(es=WEEKDAYS_ES[wd], en=WEEKDAYS_EN[wd]), today=today, year=2024)
    assert got.weekday() == wd
    assert 1 <= (got - today).days <= 7


@given(TODAYS, st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)))
def test_absolute_dates_round_trip(today: dt.date, d: dt.date) -> None:
    for text in (
        d.isoformat(),
        fmt_long(d),
        fmt(d),
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
    ):
        assert parse_when(text, today=today, year=2024) == d
    assert parse_when(f"{d.day} de {MONTHS_ES[d.month - 1]}", today=today, year=d.year) == d


@given(TODAYS, st.text(max_size=30))
def test_random_text_parses_or_raises_only_the_core_error(today: dt.date, text: str) -> None:
    try:
        got = parse_when(text, today=today, year=2024)
    except DateError as exc:
        assert exc.message and exc.hint
    else:
        assert 1900 <= got.year <= 2200


@given(st.from_regex(r"\A[+-]?[0-9]{1,3}\Z"))
def test_a_bare_number_without_plus_is_never_a_date(text: str) -> None:
    if text.startswith("+"):
        assert parse_when(text, today=TODAY, year=2024) == TODAY + dt.timedelta(int(text))
    else:
        with pytest.raises(DateError):
            parse_when(text, today=TODAY, year=2024)
