"""The periods rule: a period ends after it starts, inside the plan's year."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke
from helpers import edit, errors_of, line_of, validate_json


def test_end_before_start_is_an_error(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "    end: 2024-12-15", "    end: 2024-09-01")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "end-before-start"
    assert "«Crédito» termina (1 sep 2024) antes de empezar (17 sep 2024)" in str(err["message"])
    assert err["line"] == line_of(plan, "end: 2024-09-01")


def test_outside_the_year(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "    start: 2024-09-17\n    end: 2024-12-15",
        "    start: 2023-09-17\n    end: 2023-12-15",
    )
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "outside-year" and "fuera del año del plan, 2024" in str(err["message"])


def test_spilling_over_the_year_is_a_warning(cli: Invoke, plan_dir: Path) -> None:
    edit(plan_dir / "campaigns.yaml", "    end: 2024-12-31", "    end: 2025-01-31")
    code, findings = validate_json(cli, plan_dir)
    assert code == 0
    spill = [f for f in findings if f["code"] == "outside-year"]
    assert len(spill) == 1 and spill[0]["severity"] == "warning"
