"""`campana validate` on the shipped plan, and each schema check on edited copies (each plan
check has its own tests/test_rule_<name>.py)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import AUDIENCE, PLAN, Invoke
from helpers import col_of, edit, errors_of, line_of, validate_json


def test_shipped_plan_is_valid_with_its_contradictions_as_warnings(cli: Invoke) -> None:
    r = cli("validate", "--plan", str(PLAN))
    assert r.exit_code == 0
    assert r.stderr == ""
    assert "0 errores, 14 avisos en 2 archivos: el plan es válido, con avisos." in r.stdout
    codes = Counter(
        line.rsplit("[", 1)[1].rstrip("]") for line in r.stdout.splitlines() if ": aviso: " in line
    )
    assert codes == {
        "blackout-pending": 6,
        "period-mismatch": 4,
        "coverage-gap": 2,
        "outside-campaign": 1,
        "outside-objective": 1,
    }


def test_shipped_findings_point_at_the_exact_value(cli: Invoke) -> None:
    r = cli("validate", "--plan", str(PLAN), "--format", "json")
    findings = json.loads(r.stdout)
    cambaceo = next(f for f in findings if f["code"] == "outside-campaign")
    assert (cambaceo["line"], cambaceo["column"]) == (
        line_of(PLAN, "start: 2024-01-10"),
        col_of(PLAN, "2024-01-10"),
    )
    assert "12 días antes" in cambaceo["message"]
    # the grid/execution disagreement names both dates and the difference
    brigadas = [
        f
        for f in findings
        if f["code"] == "period-mismatch"
        and "«Brigadas de promoción y servicio» el" in f["message"]
    ]
    assert len(brigadas) == 1
    assert "31 may 2024" in brigadas[0]["message"]
    assert "30 jun 2024" in brigadas[0]["message"]
    assert "30 días de diferencia" in brigadas[0]["message"]
    objective = next(
        f
        for f in findings
        if f["code"] == "period-mismatch" and f["campaign"] == "trabajadores-independientes"
    )
    assert "15 feb 2024" in objective["message"] and "15 ene 2024" in objective["message"]
    assert "31 días de diferencia" in objective["message"]
    gaps = [f["message"] for f in findings if f["code"] == "coverage-gap"]
    assert any("15 ene 2024 al 21 ene 2024 (7 días)" in m for m in gaps)
    assert any("15 jul 2024 al 18 ago 2024 (35 días)" in m for m in gaps)


def test_the_reference_tells_contradictions_from_pending_exceptions() -> None:
    readme = (PLAN.parents[1] / "docs" / "reference.md").read_text(encoding="utf-8")
    assert "13 real contradictions" not in readme
    assert "**Contradictions of the source document (8 warnings, 7 facts).**" in readme
    assert "**Pending INE exceptions (6 warnings): open items, not contradictions.**" in readme


def test_text_format_shows_line_caret_and_hint(cli: Invoke) -> None:
    r = cli("validate", "--plan", str(PLAN))
    line = line_of(PLAN, "start: 2024-01-10")
    col = col_of(PLAN, "2024-01-10")
    lines = r.stdout.splitlines()
    i = next(
        n
        for n, text in enumerate(lines)
        if text.startswith(f"data/campaigns.yaml:{line}:{col}: aviso: el componente «Cambaceo»")
        or text.startswith(f"{PLAN}:{line}:{col}: aviso: el componente «Cambaceo»")
    )
    assert lines[i + 1].strip().startswith(f"{line} |")
    assert "start: 2024-01-10" in lines[i + 1]
    caret = lines[i + 2]
    assert caret.index("^") == lines[i + 1].index("2024-01-10")
    assert caret.count("^") == len("2024-01-10")
    assert "sugerencia:" in lines[i + 3]


def test_findings_are_sorted_by_file_and_line(cli: Invoke) -> None:
    findings = json.loads(cli("validate", "--plan", str(PLAN), "--format", "json").stdout)
    keys = [(f["file"], f["line"], f["column"]) for f in findings]
    assert keys == sorted(keys)


def test_strict_makes_warnings_fail(cli: Invoke) -> None:
    assert cli("validate", "--plan", str(PLAN), "--strict").exit_code == 1


def test_github_format(cli: Invoke) -> None:
    r = cli("validate", "--plan", str(PLAN), "--format", "github")
    lines = r.stdout.splitlines()
    assert len(lines) == 14
    assert all(line.startswith("::warning file=") for line in lines)
    assert ",line=" in lines[0] and ",col=" in lines[0] and "::" in lines[0][3:]
    assert "14 avisos" in r.stderr


def test_explicit_files_and_unknown_format(cli: Invoke) -> None:
    r = cli("validate", str(PLAN), str(AUDIENCE), "--format", "json")
    assert r.exit_code == 0
    assert {f["file"] for f in json.loads(r.stdout)} <= {str(PLAN), "data/campaigns.yaml"}
    bad = cli("validate", "--format", "xml")
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert "«xml» no es un valor válido" in bad.stderr
    assert "text, json, github" in bad.stderr


# --- schema findings ----------------------------------------------------------------------


def test_wrong_type_points_at_the_value(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "  year: 2024", '  year: "2024"')
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "wrong-type"
    assert (err["line"], err["column"]) == (line_of(plan, 'year: "2024"'), col_of(plan, '"2024"'))
    assert "se esperaba un número entero" in str(err["message"])


def test_unknown_key_suggests_the_closest(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "        ine_exception: pending\n      - touchpoint: digital\n        tactics:\n"
        "          - Display\n",
        "        ine_excepcion: pending\n      - touchpoint: digital\n        tactics:\n"
        "          - Display\n",
    )
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "unknown-key"
    assert "«ine_excepcion»" in str(err["message"])
    assert err["hint"] == "¿quisiste decir «ine_exception»?"
    assert (err["line"], err["column"]) == (
        line_of(plan, "ine_excepcion"),
        col_of(plan, "ine_excepcion"),
    )


def test_missing_required_field(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "    name: Crédito\n", "")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "missing-field"
    assert "«name»" in str(err["message"]) and "campaigns[3]" in str(err["message"])
    assert err["line"] == line_of(plan, "id: credito")


@pytest.mark.parametrize(
    ("bad", "explanation"),
    [
        ("2024-02-30", "febrero de 2024 tiene 29 días"),
        ("2023-02-29", "febrero de 2023 tiene 28 días"),
    ],
)
def test_impossible_dates(cli: Invoke, plan_dir: Path, bad: str, explanation: str) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "    end: 2024-12-15", f"    end: {bad}")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "invalid-date"
    assert explanation in str(err["message"])
    assert (err["line"], err["column"]) == (line_of(plan, f"end: {bad}"), col_of(plan, bad))


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("'2024-12-15'", "«2024-12-15» está entre comillas, así que es texto", "quita las"),
        ("2024-12-5", "«2024-12-5» no tiene el formato AAAA-MM-DD", "escríbela como 2024-12-05"),
    ],
)
def test_a_date_written_as_text_says_why(
    cli: Invoke, plan_dir: Path, written: str, message: str, hint: str
) -> None:
    """A quoted ISO date is text: the message says so, not that its format is wrong."""
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "    end: 2024-12-15", f"    end: {written}")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "invalid-date"
    assert message in str(err["message"]) and hint in str(err["hint"])


def test_every_finding_in_one_run(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "    end: 2024-12-15", "    end: 2024-02-30")
    edit(plan, "  year: 2024", "  year: dos mil")
    edit(plan, "  - id: responsabilidad-compartida", "  - id: Responsabilidad")
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    assert Counter(str(f["code"]) for f in errors_of(findings)) == {
        "invalid-date": 1,
        "wrong-type": 1,
        "invalid-value": 1,
    }
