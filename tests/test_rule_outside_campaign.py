"""The outside-campaign rule: components and execution rows within their campaign."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke
from helpers import edit, line_of, validate_json


def test_a_row_outside_its_campaign_is_not_also_reported_outside_its_objective(
    cli: Invoke, plan_dir: Path
) -> None:
    """atencion's objective spans the campaign: a row ending after both is one finding."""
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "end: 2024-06-30\n        period_text: 22 de enero a 30 de junio 2024",
        "end: 2024-07-30\n        period_text: 22 de enero a 30 de julio 2024",
    )
    _, findings = validate_json(cli, plan_dir)
    late = [f for f in findings if f["line"] == line_of(plan, "end: 2024-07-30")]
    assert [f["code"] for f in late] == ["outside-campaign"]
