"""The period-mismatch rule between a component (the grid) and the execution row it mirrors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import PLAN, Invoke
from helpers import edit, line_of, validate_json

NOTE = " (es la misma fecha del aviso anterior, que la compara con el periodo de la campaña)"


def test_cambaceo_start_reads_as_one_fact_seen_from_two_tables(cli: Invoke) -> None:
    findings = json.loads(cli("validate", "--plan", str(PLAN), "--format", "json").stdout)
    line = line_of(PLAN, "start: 2024-01-10")
    here = [f for f in findings if f["line"] == line]
    assert [f["code"] for f in here] == ["outside-campaign", "period-mismatch"]
    assert here[0]["column"] == here[1]["column"]
    assert here[1]["message"].endswith("12 días de diferencia" + NOTE)
    # the end of Cambaceo is inside its campaign: its mismatch stands alone
    others = [f for f in findings if f["code"] == "period-mismatch" and f["line"] != line]
    assert len(others) == 3 and not any(NOTE in f["message"] for f in others)


def test_an_end_outside_the_campaign_and_the_row_is_linked_too(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "end: 2024-05-31\n        touchpoint: brigadas\n        tactic: Cambaceo",
        "end: 2024-07-20\n        touchpoint: brigadas\n        tactic: Cambaceo",
    )
    _, findings = validate_json(cli, plan_dir)
    here = [f for f in findings if f["line"] == line_of(plan, "end: 2024-07-20")]
    assert [f["code"] for f in here] == ["outside-campaign", "period-mismatch"]
    assert "6 días después que su campaña" in str(here[0]["message"])
    assert str(here[1]["message"]).endswith("20 días de diferencia" + NOTE)
