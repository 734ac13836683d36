"""``campana agenda`` and the relative dates of every date option, as a user runs them: today
pinned, stdout and stderr apart, 80 columns; on the shipped plan and the example plan."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ROOT, Invoke

EXAMPLE = str(ROOT / "examples" / "seguimiento" / "campaigns.yaml")


def assert_fits(text: str, width: int = 80) -> None:
    too_wide = [line for line in text.splitlines() if len(line) > width]
    assert not too_wide, f"lines wider than {width}: {too_wide}"


def on_json(cli: Invoke, *args: str) -> dict[str, object]:
    r = cli("schedule", "--format", "json", *args)
    assert r.exit_code == 0, r.stderr
    data: dict[str, object] = json.loads(r.stdout)
    return data


# --- relative dates in every date option ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoy", "2024-03-15"),
        ("ayer", "2024-03-14"),
        ("mañana", "2024-03-16"),
        ("lunes", "2024-03-18"),
        ("viernes", "2024-03-15"),
        ("próximo viernes", "2024-03-22"),
        ("next monday", "2024-03-18"),
        ("+7", "2024-03-22"),
        ("-3d", "2024-03-12"),
        ("en 7 días", "2024-03-22"),
        ("hace 3 días", "2024-03-12"),
        ("15 de abril", "2024-04-15"),
    ],
)
def test_on_accepts_relative_dates(cli: Invoke, text: str, expected: str) -> None:
    data = on_json(cli, "--on", text, "--today", "2024-03-15")
    assert (data["from"], data["to"]) == (expected, expected)


def test_from_and_to_are_relative_to_the_pinned_today(cli: Invoke) -> None:
    data = on_json(cli, "--from", "hoy", "--to", "+6", "--today", "2024-03-15")
    assert (data["from"], data["to"]) == ("2024-03-15", "2024-03-21")


def test_today_without_a_year_takes_the_plan_s_year(cli: Invoke) -> None:
    data = on_json(cli, "--on", "mañana", "--today", "15 de marzo")
    assert data["from"] == "2024-03-16"


def test_relative_today_counts_from_the_clock(cli: Invoke) -> None:
    clock = dt.date.today()
    data = on_json(cli, "--on", "hoy", "--today", "mañana")
    assert data["from"] == (clock + dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize("option", ["--on", "--from", "--to", "--today"])
def test_a_bad_date_names_its_option_and_what_is_accepted(cli: Invoke, option: str) -> None:
    r = cli("schedule", option, "99", *(() if option == "--today" else ("--today", "hoy")))
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"error: {option}: «99» no es una fecha")
    assert "sugerencia: se aceptan AAAA-MM-DD" in r.stderr
    assert "hace 3 días" in r.stderr and "por ejemplo «15 de marzo de 2024»" in r.stderr
