"""The audience-share rule: stated percentages agree with the counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Invoke
from helpers import edit, errors_of, validate_json


@pytest.mark.parametrize(
    ("percent", "ok"), [("7.18", True), ("7.2", True), ("7.19", False), ("7", True), ("8", False)]
)
def test_stated_percentages_are_checked_within_rounding(
    cli: Invoke, plan_dir: Path, percent: str, ok: bool
) -> None:
    edit(plan_dir / "audience.yaml", "percent: 7.18", f"percent: {percent}")
    code, findings = validate_json(cli, plan_dir)
    shares = [f for f in findings if f["code"] == "audience-share"]
    assert (shares == []) is ok
    assert code == (0 if ok else 1)
    if not ok:
        assert "7.18 %" in str(shares[0]["message"])


def test_population_share_uses_the_rounding_of_an_approximate_count(
    cli: Invoke, plan_dir: Path
) -> None:
    # 76,434,882 / 129 million (rounded) is 59.25 %: "59" is right, "60" is not
    edit(plan_dir / "audience.yaml", "percent: 59}", "percent: 60}")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    assert [f["code"] for f in errors_of(findings)] == ["audience-share"]
