"""``campana agenda`` and the relative dates of every date option, as a user runs them: today
pinned, stdout and stderr apart, 80 columns; on the shipped plan and the example plan."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest

from campana.agenda import EVENT_KEYS
from conftest import PLAN, ROOT, Invoke, Result

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
    before = dt.date.today()
    data = on_json(cli, "--on", "hoy", "--today", "mañana")
    after = dt.date.today()  # the run may straddle midnight
    assert data["from"] in {(d + dt.timedelta(days=1)).isoformat() for d in (before, after)}


@pytest.mark.parametrize("option", ["--on", "--from", "--to", "--today"])
def test_a_bad_date_names_its_option_and_what_is_accepted(cli: Invoke, option: str) -> None:
    r = cli("schedule", option, "99", *(() if option == "--today" else ("--today", "hoy")))
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"error: {option}: «99» no es una fecha")
    assert "sugerencia: se aceptan AAAA-MM-DD" in r.stderr
    flat = " ".join(r.stderr.split())  # the long hint folds at the terminal's width
    assert "hace 3 días" in flat and "por ejemplo «15 de marzo de 2024»" in flat


# --- campana agenda ---------------------------------------------------------------------------


def agenda(cli: Invoke, *args: str, plan: str = EXAMPLE) -> Result:
    return cli("agenda", "--plan", plan, *args)


def agenda_json(cli: Invoke, *args: str, plan: str = EXAMPLE) -> dict[str, Any]:
    r = agenda(cli, "--format", "json", *args, plan=plan)
    assert r.exit_code == 0, r.stderr
    data: dict[str, Any] = json.loads(r.stdout)
    return data


def test_default_window_is_today_and_the_13_days_after(cli: Invoke) -> None:
    data = agenda_json(cli, "--today", "2024-02-26")
    assert (data["from"], data["to"], data["today"]) == ("2024-02-26", "2024-03-10", "2024-02-26")
    assert all("2024-02-26" <= e["date"] <= "2024-03-10" for e in data["events"])
    assert list(data["events"][0]) == list(EVENT_KEYS)


def test_days_and_relative_window(cli: Invoke) -> None:
    data = agenda_json(cli, "--today", "2024-02-26", "--days", "3")
    assert (data["from"], data["to"]) == ("2024-02-26", "2024-02-28")
    data = agenda_json(cli, "--today", "2024-02-26", "--from", "viernes", "--to", "+7")
    assert (data["from"], data["to"]) == ("2024-03-01", "2024-03-04")


def test_table_groups_by_day_with_relative_wording_campaign_and_owner(cli: Invoke) -> None:
    r = agenda(cli, "--today", "2024-02-28", "--days", "3", "--campaign", "atencion")
    assert r.exit_code == 0 and r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[0] == "Agenda del 28 feb 2024 al 1 mar 2024 (hoy es 28 feb 2024)"
    assert "miércoles 28 feb 2024 · hoy" in lines
    assert "viernes 1 mar 2024 · en 2 días" in lines
    milestone = lines.index("miércoles 28 feb 2024 · hoy") + 1
    assert lines[milestone].startswith("  ◆ Hito, respuesta del INE:")
    assert lines[milestone + 1].startswith("    Campaña: Infonavit, estés en donde estés")
    assert "responsable: Coordinación" in lines[milestone + 1]
    assert "↓ «Medios masivos» sale del aire por la veda" in r.stdout
    assert_fits(r.stdout)


def test_suspend_and_resume_on_the_shipped_plan(cli: Invoke) -> None:
    data = agenda_json(cli, "--today", "2024-02-26", "--from", "2024-03-01", "--to", "2024-06-03")
    kinds = {(e["kind"], e["campaign"], e["touchpoint_id"], e["date"]) for e in data["events"]}
    assert ("suspend", "trabajadores-independientes", "digital", "2024-03-01") in kinds
    assert ("resume", "trabajadores-independientes", "digital", "2024-06-03") in kinds
    # Brigadas is not restricted: it never comes off air
    assert not [e for e in data["events"] if e["kind"] == "suspend" and "brigadas" in e["name"]]
    assert [e["date"] for e in data["events"]] == sorted(e["date"] for e in data["events"])


def test_csv_has_a_line_per_event_in_spanish(cli: Invoke) -> None:
    # issue 20: the CSV is for Excel (BOM, Spanish header); the JSON keeps EVENT_KEYS
    r = agenda(cli, "--today", "2024-02-26", "--format", "csv")
    assert r.exit_code == 0
    rows = list(csv.reader(io.StringIO(r.stdout.removeprefix("\ufeff"))))
    assert rows[0] == ["Fecha", "Campaña", "Qué pasa", "Responsable"]
    data = agenda_json(cli, "--today", "2024-02-26")
    assert len(rows) - 1 == len(data["events"])
    assert [row[0] for row in rows[1:]] == [e["date"] for e in data["events"]]
    assert [row[2] for row in rows[1:]] == [e["message"] for e in data["events"]]


def test_markdown_has_the_columns_of_the_csv(cli: Invoke) -> None:
    r = agenda(cli, "--today", "2024-02-28", "--days", "3", "--format", "markdown")
    assert r.exit_code == 0
    assert "Hoy es 28 feb 2024." in r.stdout
    assert "| Fecha | Campaña | Qué pasa | Responsable |" in r.stdout
    assert "\n| 28 feb 2024 | " in r.stdout


def test_nothing_in_the_window(cli: Invoke) -> None:
    r = agenda(cli, "--today", "2024-04-10", "--days", "5", "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["events"] == []
    assert r.stderr == "Nada en la agenda del 10 abr 2024 al 14 abr 2024.\n"
    table = agenda(cli, "--today", "2024-04-10", "--days", "5")
    assert table.exit_code == 0 and "Nada en la agenda" in table.stderr


def test_today_outside_the_plan_s_year_is_said_once_with_how_to_pin_a_day(cli: Invoke) -> None:
    r = agenda(cli, "--today", "2025-01-10")
    assert r.exit_code == 0
    assert r.stderr.count("no cae en el año del plan (2024)") == 1
    assert "--today" in r.stderr
    inside = agenda(cli, "--today", "2024-05-10")
    assert "año del plan" not in inside.stderr


def test_scenario_line_first_on_stdout_or_stderr(cli: Invoke) -> None:
    r = agenda(cli, "--today", "2024-02-26", "--assume-ine", "negada")
    assert r.stdout.splitlines()[0] == (
        "Escenario: toda excepción del INE pendiente se considera negada"
    )
    j = agenda(cli, "--today", "2024-02-26", "--assume-ine", "denied", "--format", "json")
    assert j.stderr.splitlines()[0].startswith("Escenario:")
    assert json.loads(j.stdout)["events"]
    suspended = [e for e in json.loads(j.stdout)["events"] if e["kind"] == "suspend"]
    assert suspended and all("negó" in e["message"] for e in suspended)


def test_approved_scenario_lists_no_suspension_of_pending_rows(cli: Invoke) -> None:
    data = agenda_json(cli, "--today", "2024-02-26", "--assume-ine", "aprobada")
    assert not [e for e in data["events"] if e["kind"] in ("suspend", "resume")]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--days", "0"), "--days debe ser al menos 1"),
        (("--days", "3", "--to", "+7"), "usa --days o --to"),
        (("--from", "+5", "--to", "hoy"), "la ventana termina"),
        (("--from", "hoyy"), "error: --from: «hoyy» no es una fecha"),
        (("--campaign", "nada"), "error: --campaign:"),
        (("--assume-ine", "quizá"), "error: --assume-ine:"),
    ],
)
def test_bad_agenda_options_are_usage_errors(
    cli: Invoke, args: tuple[str, ...], needle: str
) -> None:
    r = agenda(cli, "--today", "2024-02-26", *args)
    assert r.exit_code == 2 and r.stdout == ""
    assert needle in r.stderr


@pytest.mark.parametrize("plan", [EXAMPLE, str(PLAN)])
def test_fits_80_columns_on_both_plans(cli: Invoke, plan: str) -> None:
    r = agenda(cli, "--today", "2024-02-20", "--days", "30", plan=plan)
    assert r.exit_code == 0 and r.stdout
    assert_fits(r.stdout)


# --- owners in list ---------------------------------------------------------------------------


def test_list_json_carries_the_owner(cli: Invoke) -> None:
    r = cli("list", "--format", "json", "--plan", EXAMPLE, "--today", "2024-03-15")
    owners = {c["id"]: c["owner"] for c in json.loads(r.stdout)["campaigns"]}
    assert owners["atencion"] == "Coordinación de Campañas"
    shipped = cli("list", "--format", "json", "--today", "2024-03-15")
    assert {c["owner"] for c in json.loads(shipped.stdout)["campaigns"]} == {None}


# --- milestones on the grids ------------------------------------------------------------------


def test_grids_mark_milestones_with_a_legend(cli: Invoke) -> None:
    args = ("schedule", "--plan", EXAMPLE, "--today", "2024-03-15")
    month = cli(*args, "--month", "febrero", "-c", "atencion")
    lines = month.stdout.splitlines()
    head = next(x for x in lines if x.startswith("febrero 2024"))
    row = next(x for x in lines if x.startswith("Infonavit, estés en donde estés"))
    first = head.index(" 1 ") + 1  # the column of 1 feb
    # milestones on 12, 16 and 28 feb
    assert [i - first + 1 for i, ch in enumerate(row) if ch == "◆"] == [12, 16, 28]
    assert "◆ hito" in month.stdout
    year = cli(*args)
    assert "◆ hito" in year.stdout
    plain = cli("schedule", "--today", "2024-03-15")
    assert "◆" not in plain.stdout  # the shipped plan has no milestones


def test_scenario_line_comes_before_the_notes_on_stderr(cli: Invoke) -> None:
    r = agenda(cli, "--today", "2025-01-10", "--format", "json", "--assume-ine", "negada")
    lines = r.stderr.splitlines()
    assert lines[0].startswith("Escenario:")
    # the notice is folded to the terminal's width (issue 17): its lines, then the note
    assert "no cae en el año del plan" in lines[1] and lines[-1].startswith("Nada en la agenda")
    assert all(line.startswith("  ") for line in lines[2:-1])


def test_the_campaign_is_not_named_twice_for_one_event(cli: Invoke) -> None:
    """«Termina la campaña «Logros…»» needs no «Campaña: Logros…» beneath it; a row's event
    (which names the touchpoint) still says its campaign."""
    out = cli("agenda", "--today", "2024-02-26").stdout
    assert "Termina la campaña «Logros en materia laboral (digital)»" in out
    assert "Campaña: Logros en materia laboral (digital)" not in out
    assert "Campaña: Trabajadores independientes" in out
