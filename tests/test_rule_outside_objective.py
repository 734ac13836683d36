"""The outside-objective rule: execution rows within their objective's period."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import PLAN, Invoke
from helpers import edit, line_of, validate_json


def test_an_execution_row_before_its_objective_is_reported(cli: Invoke) -> None:
    """Trabajadores independientes: «Comunicación Social» starts 22 Jan, the objective 15 Feb."""
    findings = json.loads(cli("validate", "--plan", str(PLAN), "--format", "json").stdout)
    [early] = [f for f in findings if f["code"] == "outside-objective"]
    row = line_of(PLAN, "      - touchpoint: comunicacion-social", nth=2)
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    start = next(n for n in range(row, row + 6) if "start: 2024-01-22" in lines[n - 1])
    assert (early["line"], early["column"]) == (start, lines[start - 1].index("2024-01-22") + 1)
    assert early["severity"] == "warning"
    assert early["campaign"] == "trabajadores-independientes"
    assert early["message"] == (
        "«Comunicación Social» de «Trabajadores independientes» empieza el 22 ene 2024, "
        "24 días antes del periodo de su objetivo (15 feb 2024)"
    )


def test_a_row_after_its_objective_inside_its_campaign(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "        end: 2024-08-18\n        period_text: entre el 15 de febrero y el 18 de "
        "agosto 2024",
        "        end: 2024-05-20\n        period_text: entre el 15 de febrero y el 20 de mayo 2024",
    )
    _, findings = validate_json(cli, plan_dir)
    late = [f["message"] for f in findings if f["code"] == "outside-objective"]
    assert (
        "«Comunicación Social» de «Trabajadores independientes» termina el 31 may 2024, "
        "11 días después del periodo de su objetivo (20 may 2024)" in late
    )
    assert sum("termina el 14 jul 2024, 55 días después" in m for m in late) == 2


def test_several_dated_objectives_span_from_the_first_start_to_the_last_end(
    cli: Invoke, plan_dir: Path
) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "      - text: Incentivar la aceptación de la alta ante el Infonavit a través del sistema "
        "del IMSS.\n",
        "      - text: Incentivar la aceptación de la alta ante el Infonavit a través del sistema "
        "del IMSS.\n        start: 2024-03-01\n        end: 2024-07-01\n",
    )
    _, findings = validate_json(cli, plan_dir)
    assert [f["message"] for f in findings if f["code"] == "outside-objective"] == [
        "«Comunicación Social» de «Trabajadores independientes» empieza el 22 ene 2024, "
        "24 días antes del periodo de sus objetivos (15 feb 2024)"
    ]
