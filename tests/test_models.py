"""The plan model's optional planning fields: owners, milestones, Spanish INE statuses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from campana.loading import validate_files
from campana.models import Execution, Milestone

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("pendiente", "pending"),
        ("aprobada", "approved"),
        ("negada", "denied"),
        ("denied", "denied"),
    ],
)
def test_ine_exception_accepts_the_spanish_labels(written: str, kept: str) -> None:
    row = Execution.model_validate(
        {
            "touchpoint": "digital",
            "tactics": ["Display"],
            "start": dt.date(2024, 3, 1),
            "end": dt.date(2024, 3, 2),
            "ine_exception": written,
        }
    )
    assert row.ine_exception == kept


def test_ine_exception_refuses_other_words() -> None:
    with pytest.raises(ValidationError):
        Execution.model_validate(
            {
                "touchpoint": "digital",
                "tactics": ["Display"],
                "start": dt.date(2024, 3, 1),
                "end": dt.date(2024, 3, 2),
                "ine_exception": "denegada",
            }
        )


def test_milestone_kind_is_one_of_the_known_kinds() -> None:
    ok = {"id": "respuesta-ine", "name": "Respuesta", "date": dt.date(2024, 3, 8)}
    assert Milestone.model_validate({**ok, "kind": "ine-answer"}).kind == "ine-answer"
    with pytest.raises(ValidationError):
        Milestone.model_validate({**ok, "kind": "deadline"})


def test_the_example_plan_has_owners_and_milestones_and_no_errors() -> None:
    v = validate_files([EXAMPLE])
    assert not [f for f in v.findings if f.severity == "error"]
    plan = v.plan
    assert plan is not None
    atencion = plan.campaign("atencion")
    assert atencion is not None and atencion.owner == "Coordinación de Campañas"
    assert {m.kind for m in atencion.milestones} >= {"ine-request", "ine-answer", "report"}
    independientes = plan.campaign("trabajadores-independientes")
    assert independientes is not None
    assert [r.ine_exception for r in independientes.execution][-1] == "pending"
