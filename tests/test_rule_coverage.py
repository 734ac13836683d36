"""The coverage-gap rule: days of a campaign with no touchpoint on air."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke
from helpers import edit, validate_json


def test_coverage_gap_appears_when_a_touchpoint_is_shortened(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    # atencion is fully covered; end its last touchpoints early and a gap opens
    edit(
        plan,
        "        end: 2024-07-14\n        period_text: 23 de febrero a 14 de julio 2024\n",
        "        end: 2024-06-30\n        period_text: 23 de febrero a 30 de junio 2024\n",
        count=4,
    )
    edit(
        plan,
        "        end: 2024-07-14\n        touchpoint: medios-masivos",
        "        end: 2024-06-30\n        touchpoint: medios-masivos",
    )
    edit(
        plan,
        "        end: 2024-07-14\n        touchpoint: digital",
        "        end: 2024-06-30\n        touchpoint: digital",
    )
    code, findings = validate_json(cli, plan_dir)
    gaps = [f for f in findings if f["code"] == "coverage-gap" and f["campaign"] == "atencion"]
    assert [g["message"] for g in gaps] == [
        "«Infonavit, estés en donde estés» no tiene ningún punto de contacto activo del "
        "1 jul 2024 al 14 jul 2024 (14 días)"
    ]
    assert code == 0
