"""The filters of the views are declared and read once (issue 10): schedule, agenda, veda and
export svg/html take the same options, with the same help, and the same errors."""

from __future__ import annotations

import pytest

from campana.cli.app import cli as click_command
from conftest import Invoke

VIEWS = ("schedule", "export")


def _help_of(command: str, option: str) -> str:
    group = click_command()
    cmd = group.commands[command]  # type: ignore[attr-defined]
    (param,) = [p for p in cmd.params if option in getattr(p, "opts", ())]
    return str(param.help)


@pytest.mark.parametrize("option", ["--campaign", "--touchpoint", "--from", "--to", "--month"])
def test_one_help_per_filter(option: str) -> None:
    helps = {_help_of(c, option) for c in VIEWS}
    assert len(helps) == 1, helps


def test_campaign_means_the_same_in_agenda_and_veda() -> None:
    helps = {_help_of(c, "--campaign") for c in ("schedule", "agenda", "veda", "export")}
    assert len(helps) == 1, helps


@pytest.mark.parametrize("command", [("schedule",), ("export", "svg")])
def test_a_near_miss_month_gets_a_suggestion(cli: Invoke, command: tuple[str, ...]) -> None:
    r = cli(*command, "--month", "marso", "--today", "2024-03-15")
    assert r.exit_code == 2 and r.stdout == ""
    assert "--month: «marso» no es un mes" in r.stderr
    assert "marzo" in r.stderr.split("sugerencia", 1)[1]


@pytest.mark.parametrize("command", [("schedule",), ("export", "svg")])
def test_month_and_a_range_do_not_combine(cli: Invoke, command: tuple[str, ...]) -> None:
    r = cli(*command, "--month", "marzo", "--from", "2024-03-01")
    assert r.exit_code == 2 and "--month no se combina con --from ni --to" in r.stderr


def test_export_reads_relative_dates_from_the_pinned_today(cli: Invoke) -> None:
    """«--from hoy --to +30» count from the --today given, in the picture as in schedule."""
    r = cli("export", "svg", "--today", "2024-03-15", "--from", "hoy", "--to", "+30")
    assert r.exit_code == 0, r.stderr
    assert "del 15 mar 2024 al 14 abr 2024" in r.stdout


def test_export_takes_a_date_without_year_in_today(cli: Invoke) -> None:
    r = cli("export", "svg", "--today", "15 de marzo")
    assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize("option", [("--month", "marzo"), ("--touchpoint", "digital")])
def test_the_calendar_refuses_a_view_filter_it_would_ignore(
    cli: Invoke, option: tuple[str, str]
) -> None:
    r = cli("export", "ics", *option, "--today", "2024-03-15")
    assert r.exit_code == 2 and r.stdout == ""
    assert f"{option[0]} se aplica a los formatos svg y html" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("schedule", "--from", ""),
        ("schedule", "--to", ""),
        ("schedule", "--on", ""),
        ("schedule", "--today", ""),
        ("agenda", "--from", ""),
        ("agenda", "--to", ""),
        ("export", "svg", "--from", ""),
    ],
)
def test_an_empty_date_is_a_usage_error(cli: Invoke, args: tuple[str, ...]) -> None:
    """Issue 12: «--from ""» gave the whole year as if the option were not there."""
    r = cli(*args)
    assert r.exit_code == 2 and r.stdout == ""
    assert f"error: {args[-2]}: la fecha está vacía" in r.stderr
