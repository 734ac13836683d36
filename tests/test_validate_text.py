"""validate_text: content in memory is validated exactly as the same content on disk."""

from __future__ import annotations

from pathlib import Path

from campana.loading import validate_files, validate_text

DATA = Path(__file__).resolve().parent.parent / "data"


def _shape(findings: list) -> list[tuple]:
    return [(f.line, f.column, f.severity, f.code, f.message) for f in findings]


def test_same_findings_as_the_files_on_disk() -> None:
    plan = DATA / "campaigns.yaml"
    on_disk = validate_files([plan])
    in_memory = validate_text(
        plan.read_bytes(), (DATA / "audience.yaml").read_bytes(), plan_path=plan
    )
    assert on_disk.findings, "the shipped plan has findings to compare"
    assert _shape(in_memory.all_findings) == _shape(on_disk.all_findings)
    assert in_memory.plan == on_disk.plan


def test_an_edit_that_breaks_the_plan_is_found_without_writing(tmp_path: Path) -> None:
    text = (DATA / "campaigns.yaml").read_text(encoding="utf-8")
    broken = text.replace("end: 2024-07-14", "end: 2024-07-44", 1)
    result = validate_text(broken, plan_path=tmp_path / "campaigns.yaml", plan_name="plan.yaml")
    errors = [f for f in result.findings if f.severity == "error"]
    assert [f.code for f in errors] == ["invalid-date"]
    assert errors[0].file == "plan.yaml"
    assert not (tmp_path / "campaigns.yaml").exists()


def test_bytes_are_decoded_as_a_file_is() -> None:
    text = (DATA / "campaigns.yaml").read_bytes()
    with_bom = validate_text(b"\xef\xbb\xbf" + text)
    assert "bom" in [f.code for f in with_bom.all_findings]
    unreadable = validate_text(b"plan: \xff\n")
    assert [f.code for f in unreadable.unreadable] == ["encoding"]
