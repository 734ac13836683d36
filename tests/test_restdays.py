"""Mexico's official rest days (LFT art. 74) and working days, with fixed dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campana.restdays import (
    ELECTION_DAY,
    declared_election_days,
    rest_days,
    weekend_or_rest,
    working_days,
)
from conftest import Invoke

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


def test_rest_days_are_kept_in_the_cache_folder_and_a_damaged_file_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from campana import restdays

    monkeypatch.setenv("CAMPANA_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CAMPANA_NO_CACHE", raising=False)
    restdays._statutory.cache_clear()
    first = rest_days(D(2030, 1, 1), D(2030, 12, 31))
    [memo] = tmp_path.glob("restdays-mx-*.json")
    assert '"2030-10-01"' in memo.read_text(encoding="utf-8")
    memo.write_text('{"2030": [["2030-13-01", "x"]]}', encoding="utf-8")
    restdays._statutory.cache_clear()
    assert rest_days(D(2030, 1, 1), D(2030, 12, 31)) == first
    restdays._statutory.cache_clear()


def test_list_habiles_counts_working_days(cli: Invoke) -> None:
    import json

    r = cli("list", "--habiles", "--today", "2024-03-15")
    assert r.exit_code == 0, r.stderr
    assert "Hábiles" in r.stdout
    # 15 Jan – 29 Feb 2024: 34 weekdays less 5 Feb (Día de la Constitución)
    assert "  15 ene – 29 feb    46       33" in r.stdout
    data = json.loads(cli("list", "--habiles", "-f", "json", "--today", "2024-03-15").stdout)
    assert data["campaigns"][0]["working_days"] == 33
    plain = cli("list", "--today", "2024-03-15")
    assert "Hábiles" not in plain.stdout
    assert "working_days" not in cli("list", "-f", "json", "--today", "2024-03-15").stdout


def test_agenda_shows_the_rest_days_of_its_window(cli: Invoke) -> None:
    import json

    r = cli("agenda", "--today", "2024-03-15")
    assert r.exit_code == 0, r.stderr
    assert (
        "lunes 18 mar 2024 · en 3 días\n  Día de descanso obligatorio: Natalicio de Benito Juárez"
        in (r.stdout)
    )
    assert "Nada en la agenda" not in r.stderr
    data = json.loads(cli("agenda", "--today", "2024-03-15", "-f", "json").stdout)
    assert data["rest_days"] == [{"date": "2024-03-18", "name": "Natalicio de Benito Juárez"}]
    md = cli("agenda", "--today", "2024-03-15", "-f", "markdown").stdout
    # the Markdown agenda is one table (render.columns): the rest day is a line of it
    assert "| 18 mar 2024 |  | Día de descanso obligatorio: Natalicio de Benito Juárez |  |" in md


def test_export_ics_descansos_adds_the_rest_days_as_all_day_events(cli: Invoke) -> None:
    from icalendar import Calendar

    r = cli("export", "ics", "--descansos", "--today", "2024-03-15", "-o", "-")
    assert r.exit_code == 0, r.stderr
    events = {str(e["UID"]): e for e in Calendar.from_ical(r.stdout).walk("VEVENT")}
    day = events["descanso-2024-10-01@2024.campana"]
    assert str(day["SUMMARY"]) == "Transmisión del Poder Ejecutivo Federal"
    assert day.decoded("DTSTART") == D(2024, 10, 1) and day.decoded("DTEND") == D(2024, 10, 2)
    assert sum(1 for uid in events if uid.startswith("descanso-")) == 8
    plain = cli("export", "ics", "--today", "2024-03-15", "-o", "-")
    assert "descanso-" not in plain.stdout
    svg = cli("export", "svg", "--descansos", "--today", "2024-03-15")
    assert svg.exit_code == 2 and "--descansos se aplica al formato ics" in svg.stderr


def test_svg_and_html_of_a_month_mark_its_rest_days(cli: Invoke, tmp_path: Path) -> None:
    svg = tmp_path / "marzo.svg"
    r = cli("export", "svg", "--month", "marzo", "--today", "2024-03-15", "-o", str(svg))
    assert r.exit_code == 0, r.stderr
    text = svg.read_text(encoding="utf-8")
    assert 'data-kind="rest-day" data-start="2024-03-18"' in text
    assert "<title>Natalicio de Benito Juárez: 18 mar 2024</title>" in text
    assert 'data-legend="rest-day"' in text
    html = tmp_path / "marzo.html"
    r = cli("export", "html", "--month", "marzo", "--today", "2024-03-15", "-o", str(html))
    assert r.exit_code == 0 and 'data-kind="rest-day"' in html.read_text(encoding="utf-8")
    # drawn above the blackout's hatching (18 March lies inside the 2024 blackout), so it shows
    assert text.index('data-kind="rest-day"') > text.index('data-kind="blackout"')
    # a whole year marks them too, each a thin column
    year = tmp_path / "year.svg"
    assert cli("export", "svg", "--today", "2024-03-15", "-o", str(year)).exit_code == 0
    year_text = year.read_text(encoding="utf-8")
    assert 'data-kind="rest-day" data-start="2024-10-01"' in year_text
    assert year_text.count('data-kind="rest-day"') == 8  # art. 74 fr. I-VIII in 2024


def test_show_habiles(cli: Invoke) -> None:
    import json

    r = cli("show", "credito", "--habiles", "--today", "2024-03-15")
    assert r.exit_code == 0, r.stderr
    # 17 Sep – 15 Dec 2024: 64 weekdays less 18 Nov (Revolución) and 1 Oct (Transmisión)
    assert "Periodo: 17 sep – 15 dic 2024 (90 días, 62 hábiles)" in r.stdout
    data = json.loads(cli("show", "credito", "--habiles", "-f", "json").stdout)
    assert data["working_days"] == 62
    assert "hábiles" not in cli("show", "credito", "--today", "2024-03-15").stdout


def test_the_sieve_lets_every_rest_day_through() -> None:
    """``could_be_rest_day`` keeps ``holidays`` out of short windows; it must never hide one."""
    from campana.restdays import could_be_rest_day

    every = rest_days(D(1990, 1, 1), D(2040, 12, 31))
    assert len(every) > 350
    assert all(could_be_rest_day(day) for day in every)
    # and a short window without a candidate answers without holidays' data
    assert rest_days(D(2024, 3, 19), D(2024, 4, 30)) == {}


def test_the_rest_day_memo_is_keyed_by_the_installed_holidays_version() -> None:
    """Read from the dist-info folder's name, it is the version importlib.metadata reports."""
    from importlib.metadata import version

    from campana.restdays import _holidays_version

    assert _holidays_version() == version("holidays")
