"""The blackout rule: rows inside a blackout, by their INE exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import PLAN, Invoke
from helpers import edit, validate_json


def test_pending_ine_exceptions_read_as_open_items_not_contradictions(cli: Invoke) -> None:
    findings = json.loads(cli("validate", "--plan", str(PLAN), "--format", "json").stdout)
    pending = [f for f in findings if f["code"] == "blackout-pending"]
    assert len(pending) == 6
    for f in pending:
        assert f["severity"] == "warning"
        assert str(f["message"]).endswith(
            "; la excepción del INE está pendiente (asunto abierto, no una contradicción del "
            "documento)"
        )
    assert any(
        "coincide 94 días con «Veda electoral federal 2024»" in f["message"] for f in pending
    )
    assert not any("se cruza" in f["message"] for f in findings)
    others = [f for f in findings if f["code"] != "blackout-pending"]
    assert len(others) == 8 and not any("asunto abierto" in f["message"] for f in others)


@pytest.mark.parametrize(
    ("status", "severity", "code"),
    [
        ("denied", "error", "blackout-conflict"),
        (None, "error", "blackout-conflict"),
        ("approved", None, None),
        ("pending", "warning", "blackout-pending"),
    ],
)
def test_blackout_severity_follows_the_ine_exception(
    cli: Invoke, plan_dir: Path, status: str | None, severity: str | None, code: str | None
) -> None:
    plan = plan_dir / "campaigns.yaml"
    old = (
        "        period_text: 22 de enero a 31 de mayo 2024\n        ine_exception: pending\n"
        "    notes:\n      - >-\n        *La campaña fue sometida al INE para buscar excepción "
        "durante la veda electoral. Se\n        está en espera de aprobación.\n\n"
        "  - id: credito"
    )
    replacement = "" if status is None else f"        ine_exception: {status}\n"
    edit(plan, old, old.replace("        ine_exception: pending\n", replacement))
    exit_code, findings = validate_json(cli, plan_dir)
    about = [
        f
        for f in findings
        if f["code"] in ("blackout-pending", "blackout-conflict")
        and f["campaign"] == "trabajadores-independientes"
        and "«Comunicación Social»" in str(f["message"])
    ]
    if severity is None:
        assert about == []
        assert exit_code == 0
    else:
        [finding] = about
        assert finding["severity"] == severity and finding["code"] == code
        assert "92 días" in str(finding["message"])
        assert exit_code == (1 if severity == "error" else 0)
