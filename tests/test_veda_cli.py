"""``campana veda`` as a user runs it: the shipped plan and the example plan, 80 columns."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from conftest import PLAN, ROOT, Invoke

EXAMPLE = str(ROOT / "examples" / "seguimiento" / "campaigns.yaml")


def veda_json(cli: Invoke, *args: str) -> dict[str, Any]:
    r = cli("veda", "--format", "json", "--today", "2024-03-15", *args)
    assert r.exit_code == 0, r.stderr
    data: dict[str, Any] = json.loads(r.stdout)
    return data


def test_shipped_plan_trabajadores_loses_everything_atencion_keeps_brigadas(cli: Invoke) -> None:
    (b,) = veda_json(cli)["blackouts"]
    assert (b["id"], b["start"], b["end"]) == ("veda-electoral-2024", "2024-03-01", "2024-06-02")
    assert b["restricts"] == ["medios-masivos", "digital", "comunicacion-social"]
    per_campaign = {c["id"]: c for c in b["campaigns"]}
    trab = per_campaign["trabajadores-independientes"]
    assert trab["uncovered_days_if_denied"] == trab["days_inside"] == 94
    assert per_campaign["atencion"]["uncovered_days_if_denied"] == 0
    # Brigadas is not restricted: it is no row of the report
    assert all("brigadas" not in r["touchpoint_id"] for r in b["rows"])
    assert {r["ine_exception"] for r in b["rows"]} == {"pending"}


def test_table_reads_at_80_columns(cli: Invoke) -> None:
    r = cli("veda", "--today", "2024-03-15")
    assert r.exit_code == 0 and r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[0] == "Veda electoral federal 2024: 1 mar – 2 jun 2024 (94 días)"
    assert lines[1] == "Restringe Medios masivos, Digital y Comunicación Social."
    assert "  Trabajadores independientes" in lines
    row = next(x for x in lines if x.strip().startswith("Digital"))
    assert "94 días" in row and "pendiente" in row and "−94 días" in row
    campaigns = next(x for x in lines if x.startswith("Trabajadores independientes"))
    assert campaigns.split()[-4:] == ["94", "días", "94", "días"]
    assert all(len(x) <= 80 for x in lines)


def test_approved_scenario_loses_nothing_and_says_so_first(cli: Invoke) -> None:
    r = cli("veda", "--today", "2024-03-15", "--assume-ine", "aprobada")
    assert r.stdout.splitlines()[0] == (
        "Escenario: toda excepción del INE pendiente se considera aprobada"
    )
    assert "aprobada" in r.stdout and "−94 días" not in r.stdout
    j = cli("veda", "--format", "json", "--assume-ine", "approved", "--today", "2024-03-15")
    assert j.stderr.startswith("Escenario:")
    rows = json.loads(j.stdout)["blackouts"][0]["rows"]
    assert {r["ine_exception"] for r in rows} == {"approved"}
    assert {r["days_lost_if_denied"] for r in rows} == {0}


def test_campaign_filter(cli: Invoke) -> None:
    (b,) = veda_json(cli, "--campaign", "trab")["blackouts"]
    assert {r["campaign"] for r in b["rows"]} == {"trabajadores-independientes"}
    assert [c["id"] for c in b["campaigns"]] == ["trabajadores-independientes"]


def test_csv_one_line_per_restricted_row(cli: Invoke) -> None:
    r = cli("veda", "--format", "csv", "--today", "2024-03-15")
    rows = list(csv.DictReader(io.StringIO(r.stdout.removeprefix("\ufeff"))))
    data = veda_json(cli)["blackouts"][0]
    restricted = [x for x in rows if x["Excepción INE"] != "no aplica"]
    assert len(restricted) == len(data["rows"])
    # the blackout by name (issue 20: people read names in a spreadsheet)
    assert rows[0]["Veda"] == "Veda electoral federal 2024"


@pytest.mark.parametrize("plan", [EXAMPLE, str(PLAN)])
def test_markdown_on_both_plans(cli: Invoke, plan: str) -> None:
    r = cli("veda", "--format", "markdown", "--plan", plan, "--today", "2024-03-15")
    assert r.exit_code == 0
    assert r.stdout.startswith("## Veda electoral federal 2024: 1 mar – 2 jun 2024 (94 días)")
    assert "| Campaña | Días dentro | Sin nada al aire si se niega |" in r.stdout


def test_brigadas_reads_no_aplica_in_the_views_not_in_the_json(cli: Invoke) -> None:
    r = cli("veda", "--today", "2024-03-15", columns=120)
    brigadas = [x for x in r.stdout.splitlines() if "Brigadas de promoción y servicio" in x]
    assert len(brigadas) == 1 and "no aplica" in brigadas[0] and "94 días" in brigadas[0]
    md = cli("veda", "--format", "markdown", "--today", "2024-03-15")
    assert "| Brigadas de promoción y servicio |" in md.stdout and "no aplica" in md.stdout
    rows = veda_json(cli)["blackouts"][0]["rows"]
    assert "brigadas" not in {x["touchpoint_id"] for x in rows}
