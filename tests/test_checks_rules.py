"""The checks package: rule modules found by the registry, lookups computed once."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from campana import checks
from campana.checks import registry
from campana.loading import validate_files
from campana.models import Plan
from conftest import PLAN, ROOT

CODE = re.compile(r"^[a-z]+(-[a-z]+)*$")


def test_every_rule_module_declares_codes_scope_and_check() -> None:
    rules = registry.rules()
    assert [r.name for r in rules] == sorted(r.name for r in rules)
    assert {r.scope for r in rules} == {"plan", "audience"}
    for rule in rules:
        assert rule.codes and all(CODE.match(c) for c in rule.codes), rule.name
        assert callable(rule.check)
    assert {"duplicate-id", "blackout-pending", "period-mismatch", "audience-sum"} <= (
        registry.codes()
    )


def test_every_rule_module_has_its_test_file() -> None:
    """One test file per rule: ``tests/test_rule_<module>.py`` for each module of
    ``campana/checks/rules/``, and none for a rule that is gone."""
    rules = ROOT / "src" / "campana" / "checks" / "rules"
    modules = {p.stem for p in rules.glob("*.py") if p.name != "__init__.py"}
    assert modules == {r.name for r in registry.rules()}
    tests = {p.stem.removeprefix("test_rule_") for p in (ROOT / "tests").glob("test_rule_*.py")}
    assert sorted(modules - tests) == [], "add tests/test_rule_<module>.py"
    assert sorted(tests - modules) == [], "a test_rule_ file names no rule module"


def test_adding_a_rule_is_adding_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zz_probe.py").write_text(
        "CODES = ('probe',)\n"
        "SCOPE = 'plan'\n\n"
        "def check(ctx):\n"
        "    yield ctx.doc.finding(('plan', 'year'), 'warning', 'probe', 'sonda')\n",
        encoding="utf-8",
    )
    from campana.checks import rules

    monkeypatch.setattr(rules, "__path__", [*rules.__path__, str(tmp_path)])
    registry.rules.cache_clear()
    try:
        found = validate_files([PLAN]).findings
    finally:
        monkeypatch.undo()
        registry.rules.cache_clear()
        sys.modules.pop("campana.checks.rules.zz_probe", None)
    probes = [f for f in found if f.code == "probe"]
    assert len(probes) == 1 and probes[0].message == "sonda"
    assert "probe" not in registry.codes()


def test_no_rule_scans_the_touchpoint_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """Names come from the context's dict, not from Plan.touchpoint_name's linear search."""
    before = [(f.code, f.message) for f in validate_files([PLAN]).findings]

    def scan(self: Plan, touchpoint_id: str) -> str:
        raise AssertionError("Plan.touchpoint_name called by a check")

    monkeypatch.setattr(Plan, "touchpoint_name", scan)
    assert [(f.code, f.message) for f in validate_files([PLAN]).findings] == before


class NoScan(list[str]):
    def __contains__(self, item: object) -> bool:
        raise AssertionError("a blackout's restricts searched as a list")


def test_blackout_restricts_are_looked_up_as_a_set() -> None:
    v = validate_files([PLAN])
    assert v.plan is not None
    expected = checks.run_checks(v)
    for b in v.plan.blackouts:
        object.__setattr__(b, "restricts", NoScan(b.restricts))
    assert checks.run_checks(v) == expected
    assert sum(f.code == "blackout-pending" for f in expected) == 6


def test_the_context_builds_each_lookup_once() -> None:
    v = validate_files([PLAN])
    assert v.plan is not None and v.plan_doc is not None
    ctx = checks.PlanContext(v.plan, v.plan_doc, v.audience, True)
    assert ctx.touchpoints is ctx.touchpoints
    assert ctx.campaigns is ctx.campaigns
    assert ctx.touchpoint_name("digital") == "Digital"
    assert ctx.touchpoint_name("nada") == "nada"
    [veda] = ctx.blackouts_of("digital")
    assert veda.blackout.id == "veda-electoral-2024"
    assert ctx.blackouts_of("brigadas") == []
    atencion = next(cv for cv in ctx.campaigns if cv.campaign.id == "atencion")
    assert set(atencion.rows) == {"medios-masivos", "digital", "comunicacion-social", "brigadas"}


def test_the_reference_lists_every_code_a_rule_reports() -> None:
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([a-z-]+)` \|", readme, flags=re.M))
    assert registry.codes() <= table, registry.codes() - table
