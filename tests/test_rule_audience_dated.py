"""Audience figures carry their cut-off date (as_of); a figure older than the plan's year is a
warning (audience-dated)."""

from __future__ import annotations

from pathlib import Path

from campana.loading import validate_text
from conftest import AUDIENCE, PLAN, Invoke


def _dated(as_of: str) -> str:
    return AUDIENCE.read_text(encoding="utf-8").replace(
        "    count: 5488535\n", f"    count: 5488535\n    as_of: {as_of}\n"
    )


def test_a_figure_older_than_the_plan_year_is_a_warning() -> None:
    v = validate_text(PLAN.read_text(encoding="utf-8"), _dated("2023-06-30"))
    [found] = [f for f in v.all_findings if f.code == "audience-dated"]
    assert found.severity == "warning" and found.file == "audience.yaml"
    assert "«Personas con un crédito activo» es del 30 jun 2023" in found.message
    assert "2024" in found.message
    line = _dated("2023-06-30").splitlines()[found.line - 1]
    assert line.strip() == "as_of: 2023-06-30"


def test_a_figure_of_the_plan_year_or_without_date_is_quiet() -> None:
    for text in (_dated("2024-01-01"), AUDIENCE.read_text(encoding="utf-8")):
        v = validate_text(PLAN.read_text(encoding="utf-8"), text)
        assert not [f for f in v.all_findings if f.code == "audience-dated"]


def test_rolled_forward_audience_warns_in_validate(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "campaigns.yaml").write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "audience.yaml").write_text(_dated("2023-06-30"), encoding="utf-8")
    r = cli("validate", "--plan", str(tmp_path / "campaigns.yaml"))
    assert r.exit_code == 0
    assert "[audience-dated]" in r.stdout
