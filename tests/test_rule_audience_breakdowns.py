"""The audience-sum rule: a breakdown's parts add up to its whole."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke
from helpers import edit, errors_of, validate_json


def test_audience_parts_must_add_up(cli: Invoke, plan_dir: Path) -> None:
    aud = plan_dir / "audience.yaml"
    edit(aud, "count: 54042589", "count: 54042588")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "audience-sum"
    assert err["file"].endswith("audience.yaml")
    assert "suman 76,434,881" in str(err["message"]) and "diferencia de -1" in str(err["message"])
