"""The unknown-reference rule: touchpoints, segments and tactics the plan names exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Invoke
from helpers import edit, errors_of, validate_json


@pytest.mark.parametrize(
    ("old", "new", "what", "suggestion"),
    [
        (
            "        touchpoint: brigadas\n        tactic: Cambaceo",
            "        touchpoint: brigada\n        tactic: Cambaceo",
            "el punto de contacto «brigada»",
            "brigadas",
        ),
        (
            "audience: [independientes-elegibles]",
            "audience: [independientes-elegible]",
            "el segmento de audiencia «independientes-elegible»",
            "independientes-elegibles",
        ),
        (
            "restricts: [medios-masivos, digital, comunicacion-social]",
            "restricts: [medios-masivos, digitales, comunicacion-social]",
            "el punto de contacto «digitales»",
            "digital",
        ),
        (
            "        tactic: Cambaceo",
            "        tactic: Cambaseo",
            "el táctico «Cambaseo»",
            "Cambaceo",
        ),
    ],
)
def test_unknown_references(
    cli: Invoke, plan_dir: Path, old: str, new: str, what: str, suggestion: str
) -> None:
    edit(plan_dir / "campaigns.yaml", old, new)
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    refs = [f for f in errors_of(findings) if f["code"] == "unknown-reference"]
    assert len(refs) == 1
    assert f"{what} no existe" in str(refs[0]["message"])
    assert refs[0]["hint"] == f"¿quisiste decir «{suggestion}»?"
