"""The audience_ids rule: segment ids are unique."""

from __future__ import annotations

from campana.loading import validate_text
from conftest import AUDIENCE, PLAN


def test_a_repeated_segment_id_is_an_error_pointing_at_the_first() -> None:
    audience = AUDIENCE.read_text(encoding="utf-8")
    v = validate_text(
        PLAN.read_text(encoding="utf-8"),
        audience.replace("  - id: con-aportaciones", "  - id: derechohabientes"),
    )
    [dup] = [f for f in v.all_findings if f.code == "duplicate-id"]
    assert dup.severity == "error"
    assert dup.message == "segmento «derechohabientes» repetido (ya está en la línea 8)"
    assert (dup.file, dup.line) == ("audience.yaml", 13)
    quiet = validate_text(PLAN.read_text(encoding="utf-8"), audience)
    assert not [f for f in quiet.all_findings if f.code == "duplicate-id"]
