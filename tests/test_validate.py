"""`campana validate` on the shipped plan, and each schema and plan check on edited copies."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import AUDIENCE, PLAN, Invoke
from helpers import col_of, edit, line_of


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


def test_an_execution_row_before_its_objective_is_reported(cli: Invoke) -> None:
    """Trabajadores independientes: «Comunicación Social» starts 22 Jan, the objective 15 Feb."""
    findings = json.loads(cli("validate", "--plan", str(PLAN), "--format", "json").stdout)
    [early] = [f for f in findings if f["code"] == "outside-objective"]
    row = line_of(PLAN, "      - touchpoint: comunicacion-social", nth=2)
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    start = next(n for n in range(row, row + 6) if "start: 2024-01-22" in lines[n - 1])
    assert (early["line"], early["column"]) == (start, lines[start - 1].index("2024-01-22") + 1)
    assert early["severity"] == "warning"
    assert early["campaign"] == "trabajadores-independientes"
    assert early["message"] == (
        "«Comunicación Social» de «Trabajadores independientes» empieza el 22 ene 2024, "
        "24 días antes del periodo de su objetivo (15 feb 2024)"
    )


def test_a_row_outside_its_campaign_is_not_also_reported_outside_its_objective(
    cli: Invoke, plan_dir: Path
) -> None:
    """atencion's objective spans the campaign: a row ending after both is one finding."""
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "end: 2024-06-30\n        period_text: 22 de enero a 30 de junio 2024",
        "end: 2024-07-30\n        period_text: 22 de enero a 30 de julio 2024",
    )
    _, findings = _validate_json(cli, plan_dir)
    late = [f for f in findings if f["line"] == line_of(plan, "end: 2024-07-30")]
    assert [f["code"] for f in late] == ["outside-campaign"]


def test_a_row_after_its_objective_inside_its_campaign(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "        end: 2024-08-18\n        period_text: entre el 15 de febrero y el 18 de "
        "agosto 2024",
        "        end: 2024-05-20\n        period_text: entre el 15 de febrero y el 20 de mayo 2024",
    )
    _, findings = _validate_json(cli, plan_dir)
    late = [f["message"] for f in findings if f["code"] == "outside-objective"]
    assert (
        "«Comunicación Social» de «Trabajadores independientes» termina el 31 may 2024, "
        "11 días después del periodo de su objetivo (20 may 2024)" in late
    )
    assert sum("termina el 14 jul 2024, 55 días después" in m for m in late) == 2


def test_several_dated_objectives_span_from_the_first_start_to_the_last_end(
    cli: Invoke, plan_dir: Path
) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "      - text: Incentivar la aceptación de la alta ante el Infonavit a través del sistema "
        "del IMSS.\n",
        "      - text: Incentivar la aceptación de la alta ante el Infonavit a través del sistema "
        "del IMSS.\n        start: 2024-03-01\n        end: 2024-07-01\n",
    )
    _, findings = _validate_json(cli, plan_dir)
    assert [f["message"] for f in findings if f["code"] == "outside-objective"] == [
        "«Comunicación Social» de «Trabajadores independientes» empieza el 22 ene 2024, "
        "24 días antes del periodo de sus objetivos (15 feb 2024)"
    ]


NOTE = " (es la misma fecha del aviso anterior, que la compara con el periodo de la campaña)"


def test_cambaceo_start_reads_as_one_fact_seen_from_two_tables(cli: Invoke) -> None:
    findings = json.loads(cli("validate", "--plan", str(PLAN), "--format", "json").stdout)
    line = line_of(PLAN, "start: 2024-01-10")
    here = [f for f in findings if f["line"] == line]
    assert [f["code"] for f in here] == ["outside-campaign", "period-mismatch"]
    assert here[0]["column"] == here[1]["column"]
    assert here[1]["message"].endswith("12 días de diferencia" + NOTE)
    # the end of Cambaceo is inside its campaign: its mismatch stands alone
    others = [f for f in findings if f["code"] == "period-mismatch" and f["line"] != line]
    assert len(others) == 3 and not any(NOTE in f["message"] for f in others)


def test_an_end_outside_the_campaign_and_the_row_is_linked_too(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "end: 2024-05-31\n        touchpoint: brigadas\n        tactic: Cambaceo",
        "end: 2024-07-20\n        touchpoint: brigadas\n        tactic: Cambaceo",
    )
    _, findings = _validate_json(cli, plan_dir)
    here = [f for f in findings if f["line"] == line_of(plan, "end: 2024-07-20")]
    assert [f["code"] for f in here] == ["outside-campaign", "period-mismatch"]
    assert "6 días después que su campaña" in str(here[0]["message"])
    assert str(here[1]["message"]).endswith("20 días de diferencia" + NOTE)


def test_pending_ine_exceptions_read_as_open_items_not_contradictions(cli: Invoke) -> None:
    findings = json.loads(cli("validate", "--plan", str(PLAN), "--format", "json").stdout)
    pending = [f for f in findings if f["code"] == "blackout-pending"]
    assert len(pending) == 6
    for f in pending:
        assert f["severity"] == "warning"
        assert str(f["message"]).endswith(
            "; la excepción del INE está pendiente (asunto abierto, no una contradicción del "
            "documento)"
        )
    assert any(
        "coincide 94 días con «Veda electoral federal 2024»" in f["message"] for f in pending
    )
    assert not any("se cruza" in f["message"] for f in findings)
    others = [f for f in findings if f["code"] != "blackout-pending"]
    assert len(others) == 8 and not any("asunto abierto" in f["message"] for f in others)


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


def _validate_json(cli: Invoke, folder: Path) -> tuple[int, list[dict[str, object]]]:
    r = cli("validate", "--plan", str(folder / "campaigns.yaml"), "--format", "json")
    assert "Traceback" not in r.stderr
    return r.exit_code, json.loads(r.stdout) if r.stdout.strip() else []


def _errors(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in findings if f["severity"] == "error"]


# --- schema findings ----------------------------------------------------------------------


def test_wrong_type_points_at_the_value(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "  year: 2024", '  year: "2024"')
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
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
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
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
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
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
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
    assert err["code"] == "invalid-date"
    assert explanation in str(err["message"])
    assert (err["line"], err["column"]) == (line_of(plan, f"end: {bad}"), col_of(plan, bad))


def test_duplicate_campaign_id(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "  - id: credito", "  - id: atencion")
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
    assert err["code"] == "duplicate-id"
    assert f"línea {line_of(plan, '- id: atencion')}" in str(err["message"])
    assert err["line"] == line_of(plan, "- id: atencion", nth=2)


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
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    refs = [f for f in _errors(findings) if f["code"] == "unknown-reference"]
    assert len(refs) == 1
    assert f"{what} no existe" in str(refs[0]["message"])
    assert refs[0]["hint"] == f"¿quisiste decir «{suggestion}»?"


def test_every_finding_in_one_run(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "    end: 2024-12-15", "    end: 2024-02-30")
    edit(plan, "  year: 2024", "  year: dos mil")
    edit(plan, "  - id: responsabilidad-compartida", "  - id: Responsabilidad")
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    assert Counter(str(f["code"]) for f in _errors(findings)) == {
        "invalid-date": 1,
        "wrong-type": 1,
        "invalid-value": 1,
    }


# --- plan findings ------------------------------------------------------------------------


def test_end_before_start_is_an_error(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "    end: 2024-12-15", "    end: 2024-09-01")
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
    assert err["code"] == "end-before-start"
    assert "«Crédito» termina (1 sep 2024) antes de empezar (17 sep 2024)" in str(err["message"])
    assert err["line"] == line_of(plan, "end: 2024-09-01")


def test_outside_the_year(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "    start: 2024-09-17\n    end: 2024-12-15",
        "    start: 2023-09-17\n    end: 2023-12-15",
    )
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
    assert err["code"] == "outside-year" and "fuera del año del plan, 2024" in str(err["message"])


def test_spilling_over_the_year_is_a_warning(cli: Invoke, plan_dir: Path) -> None:
    edit(plan_dir / "campaigns.yaml", "    end: 2024-12-31", "    end: 2025-01-31")
    code, findings = _validate_json(cli, plan_dir)
    assert code == 0
    spill = [f for f in findings if f["code"] == "outside-year"]
    assert len(spill) == 1 and spill[0]["severity"] == "warning"


@pytest.mark.parametrize(
    ("status", "severity", "code"),
    [
        ("denied", "error", "blackout-conflict"),
        (None, "error", "blackout-conflict"),
        ("approved", None, None),
        ("pending", "warning", "blackout-pending"),
    ],
)
def test_blackout_severity_follows_the_ine_exception(
    cli: Invoke, plan_dir: Path, status: str | None, severity: str | None, code: str | None
) -> None:
    plan = plan_dir / "campaigns.yaml"
    old = (
        "        period_text: 22 de enero a 31 de mayo 2024\n        ine_exception: pending\n"
        "    notes:\n      - >-\n        *La campaña fue sometida al INE para buscar excepción "
        "durante la veda electoral. Se\n        está en espera de aprobación.\n\n"
        "  - id: credito"
    )
    replacement = "" if status is None else f"        ine_exception: {status}\n"
    edit(plan, old, old.replace("        ine_exception: pending\n", replacement))
    exit_code, findings = _validate_json(cli, plan_dir)
    about = [
        f
        for f in findings
        if f["code"] in ("blackout-pending", "blackout-conflict")
        and f["campaign"] == "trabajadores-independientes"
        and "«Comunicación Social»" in str(f["message"])
    ]
    if severity is None:
        assert about == []
        assert exit_code == 0
    else:
        [finding] = about
        assert finding["severity"] == severity and finding["code"] == code
        assert "92 días" in str(finding["message"])
        assert exit_code == (1 if severity == "error" else 0)


def test_period_text_must_match_the_dates(cli: Invoke, plan_dir: Path) -> None:
    edit(
        plan_dir / "campaigns.yaml",
        "period_text: 22 de enero a 30 de junio 2024",
        "period_text: 22 de enero a 30 de julio 2024",
    )
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
    assert err["code"] == "period-text"
    assert "22 ene 2024 – 30 jul 2024" in str(err["message"])


def test_coverage_gap_appears_when_a_touchpoint_is_shortened(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    # atencion is fully covered; end its last touchpoints early and a gap opens
    edit(
        plan,
        "        end: 2024-07-14\n        period_text: 23 de febrero a 14 de julio 2024\n",
        "        end: 2024-06-30\n        period_text: 23 de febrero a 30 de junio 2024\n",
        count=4,
    )
    edit(
        plan,
        "        end: 2024-07-14\n        touchpoint: medios-masivos",
        "        end: 2024-06-30\n        touchpoint: medios-masivos",
    )
    edit(
        plan,
        "        end: 2024-07-14\n        touchpoint: digital",
        "        end: 2024-06-30\n        touchpoint: digital",
    )
    code, findings = _validate_json(cli, plan_dir)
    gaps = [f for f in findings if f["code"] == "coverage-gap" and f["campaign"] == "atencion"]
    assert [g["message"] for g in gaps] == [
        "«Infonavit, estés en donde estés» no tiene ningún punto de contacto activo del "
        "1 jul 2024 al 14 jul 2024 (14 días)"
    ]
    assert code == 0


def test_audience_parts_must_add_up(cli: Invoke, plan_dir: Path) -> None:
    aud = plan_dir / "audience.yaml"
    edit(aud, "count: 54042589", "count: 54042588")
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    [err] = _errors(findings)
    assert err["code"] == "audience-sum"
    assert err["file"].endswith("audience.yaml")
    assert "suman 76,434,881" in str(err["message"]) and "diferencia de -1" in str(err["message"])


@pytest.mark.parametrize(
    ("percent", "ok"), [("7.18", True), ("7.2", True), ("7.19", False), ("7", True), ("8", False)]
)
def test_stated_percentages_are_checked_within_rounding(
    cli: Invoke, plan_dir: Path, percent: str, ok: bool
) -> None:
    edit(plan_dir / "audience.yaml", "percent: 7.18", f"percent: {percent}")
    code, findings = _validate_json(cli, plan_dir)
    shares = [f for f in findings if f["code"] == "audience-share"]
    assert (shares == []) is ok
    assert code == (0 if ok else 1)
    if not ok:
        assert "7.18 %" in str(shares[0]["message"])


def test_population_share_uses_the_rounding_of_an_approximate_count(
    cli: Invoke, plan_dir: Path
) -> None:
    # 76,434,882 / 129 million (rounded) is 59.25 %: "59" is right, "60" is not
    edit(plan_dir / "audience.yaml", "percent: 59}", "percent: 60}")
    code, findings = _validate_json(cli, plan_dir)
    assert code == 1
    assert [f["code"] for f in _errors(findings)] == ["audience-share"]
