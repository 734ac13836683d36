"""The duplicate-id rule of the plan."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke
from helpers import edit, errors_of, line_of, validate_json


def test_duplicate_campaign_id(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "  - id: credito", "  - id: atencion")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "duplicate-id"
    assert f"línea {line_of(plan, '- id: atencion')}" in str(err["message"])
    assert err["line"] == line_of(plan, "- id: atencion", nth=2)
