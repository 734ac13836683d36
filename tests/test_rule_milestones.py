"""validate runs the milestone rule (``checks/rules/milestones.py``) with positions in the file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import ROOT, Invoke

EXAMPLE = ROOT / "examples" / "seguimiento"


def findings(cli: Invoke, plan: Path, *args: str) -> list[dict[str, Any]]:
    r = cli("validate", "--format", "json", "--plan", str(plan), *args)
    data: list[dict[str, Any]] = json.loads(r.stdout)
    return data


def copy(tmp_path: Path, old: str = "", new: str = "") -> Path:
    for name in ("campaigns.yaml", "audience.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    plan = tmp_path / "campaigns.yaml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


def test_late_ine_answer_is_placed_on_its_date(cli: Invoke) -> None:
    plan = EXAMPLE / "campaigns.yaml"
    late = [f for f in findings(cli, plan) if f["code"] == "ine-answer-late"]
    assert len(late) == 1
    line = plan.read_text(encoding="utf-8").splitlines()[late[0]["line"] - 1]
    assert line.strip() == "date: 2024-03-08" and late[0]["severity"] == "warning"
    assert late[0]["campaign"] == "trabajadores-independientes"
    # approved: nothing is pending any more, so the answer is not late
    approved = findings(cli, plan, "--assume-ine", "aprobada")
    assert not [f for f in approved if f["code"] == "ine-answer-late"]


def test_unknown_touchpoint_and_duplicate_id(cli: Invoke, tmp_path: Path) -> None:
    plan = copy(
        tmp_path,
        "      - id: respuesta-ine\n        name: Respuesta del INE a la excepción\n"
        "        date: 2024-02-28\n        kind: ine-answer\n        owner: Coordinación Jurídica\n"
        "        touchpoint: medios-masivos",
        "      - id: entrega-spots\n        name: Respuesta del INE a la excepción\n"
        "        date: 2024-02-28\n        kind: ine-answer\n        owner: Coordinación Jurídica\n"
        "        touchpoint: prensa",
    )
    found = {(f["code"], f["severity"]) for f in findings(cli, plan)}
    assert ("duplicate-id", "error") in found
    assert ("unknown-reference", "error") in found
    assert cli("validate", "--plan", str(plan)).exit_code == 1


def test_milestone_outside_the_plan_s_year(cli: Invoke, tmp_path: Path) -> None:
    plan = copy(tmp_path, "        date: 2024-07-31\n", "        date: 2025-01-15\n")
    out = [f for f in findings(cli, plan) if f["code"] == "outside-year"]
    assert [f["severity"] for f in out] == ["warning"]
    assert "15 ene 2025" in out[0]["message"]
