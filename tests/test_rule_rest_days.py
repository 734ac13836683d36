"""The non-working-day rule: periods that start or end on a weekend or an official rest day."""

from __future__ import annotations


def test_a_start_on_a_rest_day_or_weekend_is_a_warning_an_end_on_sunday_is_not() -> None:
    from campana.loading import validate_text
    from conftest import AUDIENCE, PLAN

    text = PLAN.read_text(encoding="utf-8")
    quiet = validate_text(text, AUDIENCE.read_text(encoding="utf-8"))
    # the shipped plan ends flights on Sundays (14 Jul, 18 Aug 2024): not reported
    assert not [f for f in quiet.all_findings if f.code == "non-working-day"]
    moved = (
        text.replace("start: 2024-09-17", "start: 2024-09-16")
        .replace("end: 2024-12-31", "end: 2024-12-25")
        .replace("start: 2024-10-21", "start: 2024-10-19")
    )
    v = validate_text(moved, AUDIENCE.read_text(encoding="utf-8"))
    found = sorted(f.message for f in v.all_findings if f.code == "non-working-day")
    assert found == [
        "la campaña «Crédito» empieza el 16 sep 2024, día de descanso obligatorio "
        "(Día de la Independencia)",
        "la campaña «Responsabilidad Compartida» empieza el 19 oct 2024, sábado",
        "la campaña «Responsabilidad Compartida» termina el 25 dic 2024, día de descanso "
        "obligatorio (Navidad)",
    ]
    assert all(f.severity == "warning" for f in v.all_findings if f.code == "non-working-day")


def test_the_declared_federal_election_day_is_a_rest_day_for_the_check() -> None:
    from campana.loading import validate_text
    from conftest import AUDIENCE, PLAN

    text = (
        PLAN.read_text(encoding="utf-8")
        .replace("    end: 2024-06-02\n", "    end: 2024-06-02\n    election_day: 2024-06-02\n", 1)
        .replace("start: 2024-09-17", "start: 2024-06-02")
        .replace("end: 2024-12-15", "end: 2024-12-13")
    )
    v = validate_text(text, AUDIENCE.read_text(encoding="utf-8"))
    found = [f.message for f in v.all_findings if f.code == "non-working-day"]
    assert found == [
        "la campaña «Crédito» empieza el 2 jun 2024, día de descanso obligatorio "
        "(Jornada electoral)"
    ]
