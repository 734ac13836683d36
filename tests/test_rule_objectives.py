"""The objectives rule: an objective's period is whole and agrees with its campaign's."""

from __future__ import annotations

from campana.loading import validate_text
from conftest import AUDIENCE, PLAN


def test_an_objective_with_a_start_and_no_end_is_an_error() -> None:
    text = PLAN.read_text(encoding="utf-8")
    old = (
        "        end: 2024-08-18\n"
        "        period_text: entre el 15 de febrero y el 18 de agosto 2024\n"
    )
    assert text.count(old) == 1
    v = validate_text(text.replace(old, ""), AUDIENCE.read_text(encoding="utf-8"))
    [err] = [f for f in v.all_findings if f.severity == "error"]
    assert err.code == "missing-field" and err.campaign == "trabajadores-independientes"
    assert err.message == (
        "el objetivo 1 de «Trabajadores independientes» tiene fecha de inicio pero le falta "
        "la de fin"
    )
    assert err.hint == "un periodo necesita las dos fechas, o ninguna"


def test_an_objective_that_starts_after_its_campaign_is_a_warning() -> None:
    v = validate_text(PLAN.read_text(encoding="utf-8"), AUDIENCE.read_text(encoding="utf-8"))
    [f] = [
        f
        for f in v.all_findings
        if f.code == "period-mismatch" and f.campaign == "trabajadores-independientes"
    ]
    assert f.severity == "warning"
    assert f.message == (
        "el objetivo marca el inicio de «Trabajadores independientes» el 15 feb 2024 y la "
        "programación el 15 ene 2024: 31 días de diferencia"
    )
