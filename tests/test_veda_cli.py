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
    table = r.stdout.split("Campañas durante la veda")[0]  # after it, a note names Brigadas
    brigadas = [x for x in table.splitlines() if "Brigadas de promoción y servicio" in x]
    assert len(brigadas) == 1 and "no aplica" in brigadas[0] and "94 días" in brigadas[0]
    md = cli("veda", "--format", "markdown", "--today", "2024-03-15")
    assert "| Brigadas de promoción y servicio |" in md.stdout and "no aplica" in md.stdout
    rows = veda_json(cli)["blackouts"][0]["rows"]
    assert "brigadas" not in {x["touchpoint_id"] for x in rows}


@pytest.mark.parametrize("scenario", ["aprobada", "negada"])
def test_a_scenario_heads_its_columns_by_what_they_are(cli: Invoke, scenario: str) -> None:
    """Under a scenario nothing is left to deny: «Si se niega 0» under «aprobada» read as if a
    denial cost nothing (issue 17). The columns are the days off air in the scenario."""
    for columns in (80, 120):
        r = cli("veda", "--today", "2024-03-15", "--assume-ine", scenario, columns=columns)
        assert r.exit_code == 0
        assert "si se niega" not in r.stdout.lower()
        head = next(x for x in r.stdout.splitlines() if "Punto de contacto" in x)
        assert head.split()[-3:] == ["Excepción", "Fuera", "del", "aire"][-3:]
        assert "Sin nada al aire en el escenario" in r.stdout
        assert all(len(x) <= columns for x in r.stdout.splitlines())
    md = cli("veda", "--format", "markdown", "--today", "2024-03-15", "--assume-ine", scenario)
    # the Markdown's columns are the CSV's (render.columns): the long heading
    assert "| Excepción INE | Días fuera del aire en el escenario |" in md.stdout
    assert "si se niega" not in md.stdout
    assert "| Campaña | Días dentro | Sin nada al aire en el escenario |" in md.stdout
    # without a scenario, or with «pendiente», the columns are the what-if they were
    for args in ((), ("--assume-ine", "pendiente")):
        plain = cli("veda", "--today", "2024-03-15", *args, columns=120)
        assert "Si se niega" in plain.stdout and "Fuera del aire" not in plain.stdout


def test_the_report_heads_the_veda_table_by_the_scenario(cli: Invoke, tmp_path: Any) -> None:
    out = tmp_path / "r.html"
    r = cli("export", "html", "--today", "2024-03-15", "--assume-ine", "aprobada", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    veda = html.split('<section id="veda">')[1].split("</section>")[0]
    assert "Días fuera del aire en el escenario" in veda and "si se niega" not in veda


def test_a_figure_that_rests_on_the_unresolved_brigadas_end_says_so(cli: Invoke) -> None:
    """«0 días sin nada al aire» for atención holds only with the table's Brigadas end (30 jun);
    with the grid's (31 may) it is 2 days. The figure says so where it is shown (issue 17)."""
    note = (
        "depende del fin de «Brigadas de promoción y servicio», que el documento no resuelve: "
        "la tabla de ejecución dice el 30 jun y la programación el 31 may; con el 31 may "
        "serían 2 días"
    )
    per_campaign = {c["id"]: c for c in veda_json(cli)["blackouts"][0]["campaigns"]}
    atencion, trab = per_campaign["atencion"], per_campaign["trabajadores-independientes"]
    assert (atencion["uncovered_days_if_denied"], atencion["uncovered_days_by_grid"]) == (0, 2)
    assert atencion["note"] == note
    assert trab["uncovered_days_by_grid"] is None and trab["note"] is None
    for columns in (80, 120):
        out = cli("veda", "--today", "2024-03-15", columns=columns).stdout
        assert all(len(x) <= columns for x in out.splitlines())
        row = next(x for x in out.splitlines() if x.startswith("Infonavit, estés en donde estés"))
        assert row.rstrip().endswith("0 días*")
        said = " ".join(out.split("Campañas durante la veda")[1].split())
        assert f"* Infonavit, estés en donde estés: {note}." in said
    md = cli("veda", "--format", "markdown", "--today", "2024-03-15").stdout
    assert "| Infonavit, estés en donde estés | 94 | 0* |" in md
    assert f"\\* Infonavit, estés en donde estés: {note}." in md
    # under «aprobada» nothing is off air either way: no note
    approved = cli("veda", "--today", "2024-03-15", "--assume-ine", "aprobada").stdout
    assert "depende del fin" not in approved
