"""``--assume-ine``: the INE what-if on every command that takes it, without touching the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Invoke

SCENARIO = "Escenario: toda excepción del INE pendiente se considera negada"


def codes(cli: Invoke, *args: str) -> list[tuple[str, str, str]]:
    r = cli("validate", "--format", "json", *args)
    data = json.loads(r.stdout)
    return [(f["code"], f["severity"], f["message"]) for f in data]


def test_validate_denied_turns_pending_rows_into_blackout_conflicts(cli: Invoke) -> None:
    before = codes(cli)
    after = codes(cli, "--assume-ine", "negada")
    assert sum(c == "blackout-pending" for c, _, _ in before) == 6
    assert not [c for c, _, _ in before if c == "blackout-conflict"]
    conflicts = [m for c, s, m in after if c == "blackout-conflict" and s == "error"]
    assert len(conflicts) == 6
    assert all("se considera negada (escenario)" in m for m in conflicts)
    assert not [c for c, _, _ in after if c == "blackout-pending"]


def test_validate_denied_recomputes_coverage_with_the_suspension(cli: Invoke) -> None:
    gap = "no tiene ningún punto de contacto activo del 1 mar 2024 al 2 jun 2024 (94 días)"
    before = [m for c, _, m in codes(cli) if c == "coverage-gap"]
    after = [m for c, _, m in codes(cli, "--assume-ine", "denied") if c == "coverage-gap"]
    assert not [m for m in before if gap in m]
    # Trabajadores independientes loses every touchpoint; Atención keeps Brigadas
    assert [m for m in after if gap in m] == [f"«Trabajadores independientes» {gap}"]


def test_validate_approved_has_no_blackout_finding(cli: Invoke) -> None:
    found = codes(cli, "--assume-ine", "aprobada")
    assert not [c for c, _, _ in found if c.startswith("blackout-")]


def test_validate_exit_code_and_first_line(cli: Invoke) -> None:
    assert cli("validate").exit_code == 0
    r = cli("validate", "--assume-ine", "negada")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0] == SCENARIO
    j = cli("validate", "--assume-ine", "negada", "--format", "json")
    assert j.stderr.splitlines()[0] == SCENARIO
    json.loads(j.stdout)


def test_the_file_is_not_touched(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    text = plan.read_bytes()
    for command in (("validate",), ("agenda", "--today", "2024-02-26"), ("veda",)):
        cli(*command, "--plan", str(plan), "--assume-ine", "negada")
    assert plan.read_bytes() == text


@pytest.mark.parametrize("command", [("validate",), ("agenda",), ("veda",)])
def test_a_bad_scenario_is_a_usage_error(cli: Invoke, command: tuple[str, ...]) -> None:
    r = cli(*command, "--assume-ine", "quizá")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("error: --assume-ine: «quizá» no es un escenario")
    assert "negada, aprobada o pendiente" in r.stderr


# --- schedule ---------------------------------------------------------------------------------


def test_schedule_denied_shows_blackout_days_as_suspended(cli: Invoke) -> None:
    args = ("schedule", "--today", "2024-03-15", "--month", "marzo", "-c", "trab")
    plain = cli(*args)
    r = cli(*args, "--assume-ine", "negada")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == SCENARIO and lines[1:] != plain.stdout.splitlines()
    digital = next(x for x in lines if x.startswith("  ▸ Digital"))
    assert "╌" in digital and "▒" not in digital
    assert "▒" in next(x for x in plain.stdout.splitlines() if x.startswith("  ▸ Digital"))
    assert "╌ fuera del aire (escenario: negada)" in r.stdout
    assert "en veda sin excepción aprobada" not in r.stdout
    assert all(len(x) <= 80 for x in lines)


def test_schedule_json_under_a_scenario(cli: Invoke) -> None:
    r = cli("schedule", "--format", "json", "--on", "2024-03-15", "--assume-ine", "approved")
    assert r.stderr.splitlines()[0].startswith("Escenario:")
    rows = json.loads(r.stdout)["rows"]
    medios = [x for x in rows if x.get("touchpoint_id") == "medios-masivos"]
    assert medios and {x["ine_exception"] for x in medios} == {"approved"}


# --- show -------------------------------------------------------------------------------------

EXAMPLE = str(Path(__file__).resolve().parents[1] / "examples" / "seguimiento" / "campaigns.yaml")


def show_json(cli: Invoke, *args: str) -> dict[str, Any]:
    r = cli("show", *args, "--format", "json", "--today", "2024-03-01")
    assert r.exit_code == 0, r.stderr
    data: dict[str, Any] = json.loads(r.stdout)
    return data


def test_show_denied_gives_days_lost_per_row_and_campaign(cli: Invoke) -> None:
    trab = show_json(cli, "trab", "--assume-ine", "negada")
    assert trab["assume_ine"] == "denied" and trab["days_lost"] == 94
    assert {r["touchpoint_id"]: r["days_lost"] for r in trab["execution_ine"]} == {
        "medios-masivos": 94,
        "digital": 94,
        "comunicacion-social": 92,
    }
    atencion = show_json(cli, "atencion", "--assume-ine", "negada")
    assert atencion["days_lost"] == 0  # Brigadas stays on air
    plain = show_json(cli, "trab")
    assert plain["days_lost"] == 0 and plain["assume_ine"] is None


def test_show_table_first_line_and_no_aplica(cli: Invoke) -> None:
    r = cli("show", "atencion", "--today", "2024-03-01", "--assume-ine", "negada")
    lines = r.stdout.splitlines()
    assert lines[0] == SCENARIO
    brigadas = next(x for x in lines if "Brigadas de promoción y servicio" in x and "aplica" in x)
    assert "no aplica" in brigadas
    assert "la campaña pasa 0 días más sin ningún punto" in r.stdout
    assert all(len(x) <= 80 for x in lines)


def test_show_owners_and_milestones_on_the_example(cli: Invoke) -> None:
    data = show_json(cli, "atencion", "--plan", EXAMPLE)
    assert data["owner"] == "Coordinación de Campañas"
    assert data["component_owners"]["Cambaceo"] == "Delegaciones regionales"
    answer = next(m for m in data["milestones"] if m["id"] == "respuesta-ine")
    assert (answer["date"], answer["kind"], answer["owner"]) == (
        "2024-02-28",
        "ine-answer",
        "Coordinación Jurídica",
    )
    r = cli("show", "atencion", "--plan", EXAMPLE, "--today", "2024-03-01")
    assert "Hitos" in r.stdout and "respuesta del INE" in r.stdout
    assert "Campaña: Coordinación de Campañas" in r.stdout
    assert all(len(x) <= 80 for x in r.stdout.splitlines())


def test_schedule_tells_no_aplica_from_no_solicitada(cli: Invoke) -> None:
    r = cli("schedule", "--format", "json", "--on", "2024-03-15", "-c", "atencion")
    rows = {x["touchpoint_id"]: x for x in json.loads(r.stdout)["rows"] if x["touchpoint_id"]}
    assert rows["brigadas"]["ine_status"] == "not-applicable"
    assert rows["brigadas"]["ine_exception"] is None
    assert rows["medios-masivos"]["ine_status"] == "pending"
    md = cli("schedule", "--format", "markdown", "--on", "2024-03-15", "-c", "atencion")
    brigadas = next(x for x in md.stdout.splitlines() if "| Brigadas de promoción" in x)
    assert "no aplica" in brigadas and "no solicitada" not in md.stdout
    csv_out = cli("schedule", "--format", "csv", "--on", "2024-03-15", "-c", "atencion")
    assert "no aplica" in csv_out.stdout and "not-applicable" not in csv_out.stdout


def test_show_under_a_scenario_reads_it_everywhere(cli: Invoke) -> None:
    """The brief's execution table and its findings follow --assume-ine too, not only the
    «Responsables y veda» table: denied rows read «negada» and are blackout-conflict errors."""
    r = cli("show", "trab", "--assume-ine", "negada", "--today", "2024-03-15")
    assert r.exit_code == 0
    execution = r.stdout.split("\nEjecución\n")[1].split("\nNotas\n")[0]
    assert "negada" in execution and "pendiente" not in execution
    findings = r.stdout.split("Hallazgos de la validación")[1].split("Responsables y veda")[0]
    assert findings.count("error [blackout-conflict]") == 3
    assert "blackout-pending" not in findings
    plain = cli("show", "trab", "--today", "2024-03-15").stdout  # the cache keeps the plan
    assert "blackout-conflict" not in plain and plain.count("[blackout-pending]") == 3


def test_the_report_under_a_scenario_lists_the_scenario_s_findings(cli: Invoke) -> None:
    """Like show: the HTML report's findings follow --assume-ine, not the plan as written."""
    denied = cli("export", "html", "--today", "2024-03-15", "--assume-ine", "negada").stdout
    assert denied.count("se considera negada (escenario)") == 6
    assert "pendiente (asunto abierto" not in denied
    plain = cli("export", "html", "--today", "2024-03-15").stdout
    assert plain.count("pendiente (asunto abierto") == 6
