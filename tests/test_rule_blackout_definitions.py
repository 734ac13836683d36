"""The blackout_definitions rule: a blackout's own period, what it restricts, its states."""

from __future__ import annotations

from campana.loading import validate_text
from conftest import AUDIENCE, PLAN


def test_a_blackout_that_ends_before_it_starts_is_an_error() -> None:
    text = PLAN.read_text(encoding="utf-8")
    old = "    start: 2024-03-01\n    end: 2024-06-02\n"
    assert text.count(old) == 1
    v = validate_text(
        text.replace(old, "    start: 2024-03-01\n    end: 2024-02-01\n"),
        AUDIENCE.read_text(encoding="utf-8"),
    )
    [err] = [f for f in v.all_findings if f.severity == "error"]
    assert err.code == "end-before-start"
    assert err.message == (
        "la veda «Veda electoral federal 2024» termina (1 feb 2024) antes de empezar (1 mar 2024)"
    )
    assert err.hint == "revisa si se intercambiaron el inicio y el fin"
