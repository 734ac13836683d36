"""The audience_adds_to rule: a segment's adds_to names another segment that exists."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke
from helpers import edit


def test_adds_to_must_name_another_segment(cli: Invoke, plan_dir: Path) -> None:
    edit(plan_dir / "audience.yaml", "adds_to: derechohabientes", "adds_to: derechohabiente")
    r = cli("validate", str(plan_dir / "campaigns.yaml"), str(plan_dir / "audience.yaml"))
    assert r.exit_code == 1
    assert "el segmento «derechohabiente» no existe" in r.stdout
