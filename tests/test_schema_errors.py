"""The pydantic error wording lives in schema_errors; loading only loads."""

from __future__ import annotations

from campana.loading import validate_text
from campana.schema_errors import loc_text
from conftest import ROOT

GOOD = (ROOT / "data" / "campaigns.yaml").read_text(encoding="utf-8")


def test_schema_errors_are_worded_for_people() -> None:
    bad = GOOD.replace("  year: 2024", "  year: 2024\n  yeer: 2024", 1)
    assert bad != GOOD
    v = validate_text(bad)
    [f] = [f for f in v.findings if f.code == "unknown-key"]
    assert f.message == "clave desconocida «yeer» en plan"
    assert f.hint == "¿quisiste decir «year»?"
    assert loc_text(("campaigns", 0, "execution", 2, "start")) == "campaigns[0].execution[2].start"
    assert loc_text(()) == "(raíz)"


def test_loading_holds_no_error_wording() -> None:
    text = (ROOT / "src" / "campana" / "loading.py").read_text(encoding="utf-8")
    for name in ("_TYPE_NAMES", "_literal_message", "_describe", "def schema_findings"):
        assert name not in text
