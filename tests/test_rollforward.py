"""Next year's plan from this one (campana roll-forward) and the blank starting plan (init)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campana.loading import validate_text
from campana.rollforward import RollForwardError, roll_forward, shift_date
from conftest import AUDIENCE, PLAN, Invoke

D = dt.date


def test_weekday_policy_keeps_the_weekday_nearest() -> None:
    new, leap = shift_date(D(2024, 3, 1), 1, "dia-semana")
    assert new == D(2025, 2, 28) and new.weekday() == D(2024, 3, 1).weekday() == 4
    assert not leap


def test_29_february_under_each_policy() -> None:
    assert shift_date(D(2024, 2, 29), 1, "fecha") == (D(2025, 2, 28), True)
    new, leap = shift_date(D(2024, 2, 29), 1, "dia-semana")
    assert leap and new.weekday() == 3 and abs((new - D(2025, 2, 28)).days) <= 3
    assert shift_date(D(2024, 2, 29), 4, "fecha") == (D(2028, 2, 29), False)


def test_iso_week_policy() -> None:
    assert shift_date(D(2024, 3, 1), 1, "semana-iso")[0].isocalendar()[1:] == (9, 5)
    # 2020 has an ISO week 53, 2021 none
    new, flagged = shift_date(D(2020, 12, 31), 1, "semana-iso")
    assert flagged and new.isocalendar()[1:] == (52, 4)


@given(
    st.dates(D(1990, 1, 1), D(2100, 12, 31)),
    st.integers(1, 50),
    st.sampled_from(["fecha", "dia-semana", "semana-iso"]),
)
def test_shift_lands_near_the_same_day_of_the_new_year(
    day: dt.date, years: int, policy: str
) -> None:
    new, _ = shift_date(day, years, policy)  # type: ignore[arg-type]
    try:
        same = day.replace(year=day.year + years)
    except ValueError:
        same = D(day.year + years, 2, 28)
    assert abs((new - same).days) <= 7
    if policy != "fecha":
        assert new.weekday() == day.weekday()
    else:
        assert new == same


def _rolled(year: int = 2025, policy: str = "dia-semana") -> object:
    return roll_forward(
        PLAN.read_text(encoding="utf-8"),
        year,
        policy=policy,  # type: ignore[arg-type]
        issued="2026-12",
        audience_text=AUDIENCE.read_text(encoding="utf-8"),
    )


def test_rolled_plan_validates_and_keeps_comments() -> None:
    r = _rolled(2027)
    text = r.text  # type: ignore[attr-defined]
    checked = validate_text(text, AUDIENCE.read_text(encoding="utf-8"))
    assert checked.plan is not None
    assert not [f for f in checked.all_findings if f.severity == "error"]
    assert checked.plan.plan.year == 2027 and checked.plan.plan.title == "Campañas 2027"
    assert checked.plan.plan.issued == "2026-12"
    assert checked.plan.blackouts == []
    assert "\n        period_text:" not in text
    # comments and layout kept: the header and the campaign comment are still there
    assert text.startswith("# yaml-language-server")
    assert '# "Programación de campañas 2024": ten rows.' in text
    assert "2024-" not in text
    # owners and tactics kept, every campaign in 2027
    for c in checked.plan.campaigns:
        assert c.start.year == c.end.year == 2027


def test_rolled_plan_reports_what_to_review() -> None:
    r = _rolled(2025, "fecha")
    assert [(m.old, m.new) for m in r.leap] == [(D(2024, 2, 29), D(2025, 2, 28))]  # type: ignore[attr-defined]
    assert r.dropped_blackouts == [  # type: ignore[attr-defined]
        ("Veda electoral federal 2024", D(2024, 3, 1), D(2024, 6, 2))
    ]
    assert r.period_texts_dropped == 9  # type: ignore[attr-defined]
    assert len(r.audience_figures) == 6  # type: ignore[attr-defined]


def test_approved_exception_is_reset_and_spills_are_reported() -> None:
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace(
        "ine_exception: pending", "ine_exception: aprobada\n        ine_filed: 2024-01-10", 1
    )
    text = text.replace(
        "start: 2024-01-15\n    end: 2024-02-29", "start: 2024-01-02\n    end: 2024-02-29"
    )
    r = roll_forward(text, 2025, issued="2026-12", audience_text=AUDIENCE.read_text("utf-8"))
    assert r.ine_reset == ["fila «Medios masivos» de «Infonavit, estés en donde estés»"]
    assert "ine_exception: pendiente" in r.text and "aprobada" not in r.text
    assert r.ine_tracking_dropped == 1 and "ine_filed" not in r.text
    # Tuesday 2 January 2024 → the nearest Tuesday to 2 January 2025 is 31 December 2024
    assert [(m.old, m.new) for m in r.spills] == [(D(2024, 1, 2), D(2024, 12, 31))]


def test_a_blackout_already_in_the_new_year_is_kept_and_rows_inside_it_listed() -> None:
    text = PLAN.read_text(encoding="utf-8").replace(
        "restricts: [medios-masivos, digital, comunicacion-social]",
        "restricts: [medios-masivos, digital, comunicacion-social]\n"
        "  - id: veda-ejemplo\n    name: Veda de ejemplo\n    start: 2025-03-03\n"
        "    end: 2025-03-10\n    restricts: [digital]",
    )
    r = roll_forward(text, 2025, issued="2026-12", audience_text=AUDIENCE.read_text("utf-8"))
    assert r.kept_blackouts == [("Veda de ejemplo", D(2025, 3, 3), D(2025, 3, 10))]
    assert "veda-electoral-2024" not in r.text and "veda-ejemplo" in r.text
    assert {row for row, _, _ in r.in_blackouts} == {
        "fila «Digital» de «Infonavit, estés en donde estés»",
        "fila «Digital» de «Trabajadores independientes»",
    }


def test_a_source_with_errors_or_an_earlier_year_is_refused() -> None:
    with pytest.raises(RollForwardError, match="no es posterior"):
        roll_forward(PLAN.read_text(encoding="utf-8"), 2024, issued="2026-12")
    bad = PLAN.read_text(encoding="utf-8").replace("end: 2024-02-29", "end: 2023-02-28", 1)
    with pytest.raises(RollForwardError, match="error"):
        roll_forward(bad, 2025, issued="2026-12", audience_text=AUDIENCE.read_text("utf-8"))


def _project(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(PLAN, data / "campaigns.yaml")
    shutil.copy(AUDIENCE, data / "audience.yaml")
    return data / "campaigns.yaml"


def test_cli_writes_the_documented_layout_and_never_the_source(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = _project(tmp_path)
    before = source.read_bytes()
    r = cli("roll-forward", "--plan", str(source), "--año", "2027", "--today", "2026-12-04")
    assert r.exit_code == 0, r.stderr
    target = tmp_path / "planes" / "2027" / "campaigns.yaml"
    assert target.is_file() and (target.parent / "audience.yaml").is_file()
    assert source.read_bytes() == before
    assert r.stdout.startswith("Plan 2027 escrito a partir del plan 2024")
    assert "Veda electoral federal 2024 (1 mar – 2 jun 2024)" in r.stdout
    assert "29 feb 2024 → 25 feb 2027" in r.stdout
    assert "Guardado en" in r.stderr and "Guardado" not in r.stdout
    assert all(len(line) <= 80 for line in r.stdout.splitlines())
    assert cli("validate", "--plan", str(target)).exit_code == 0
    # a second run does not overwrite the plan of 2027
    again = cli("roll-forward", "--plan", str(source), "--year", "2027")
    assert again.exit_code == 2 and "ya existe" in again.stderr and again.stdout == ""


def test_cli_refuses_to_write_onto_the_source(cli: Invoke, tmp_path: Path) -> None:
    source = _project(tmp_path)
    before = source.read_bytes()
    r = cli("roll-forward", "--plan", str(source), "--año", "2025", "-o", str(source))
    assert r.exit_code == 2 and "no escribe sobre él" in r.stderr
    assert "Traceback" not in r.stderr and source.read_bytes() == before
    bad = cli("roll-forward", "--plan", str(source), "--año", "2025", "--desplazar", "mes")
    assert bad.exit_code == 2 and "dia-semana" in bad.stderr


def test_init_writes_a_blank_plan_that_validates(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "nuevo" / "campaigns.yaml"
    r = cli("init", "--año", "2027", "-o", str(target), "--today", "2026-12-04")
    assert r.exit_code == 0, r.stderr
    text = target.read_text(encoding="utf-8")
    assert "ejemplo" in text.lower() and "year: 2027" in text
    v = cli("validate", "--plan", str(target))
    assert v.exit_code == 0, v.stdout + v.stderr
    again = cli("init", "--año", "2027", "-o", str(target))
    assert again.exit_code == 2 and "ya existe" in again.stderr


def test_the_schema_comment_still_points_at_the_schema(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = _project(tmp_path)
    assert source.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../schema/campaigns.schema.json\n"
    )
    assert cli("roll-forward", "--plan", str(source), "--año", "2027").exit_code == 0
    new = (tmp_path / "planes" / "2027" / "campaigns.yaml").read_text("utf-8")
    assert new.startswith("# yaml-language-server: $schema=../../schema/campaigns.schema.json\n")


def test_edits_go_through_the_edit_paths_editor_crlf_quotes_and_comments_kept() -> None:
    """The rolled text is made with ``campana.edit.editor.Editor``: a CRLF plan stays CRLF
    (the note on the blackouts too), a quoted title is updated in its quotes, and a dropped
    blackout takes its own comments while a kept one keeps its."""
    audience = AUDIENCE.read_text("utf-8")
    crlf = PLAN.read_text(encoding="utf-8").replace("\n", "\r\n")
    r = roll_forward(crlf, 2025, issued="2026-12", audience_text=audience)
    assert r.text.count("\n") == r.text.count("\r\n")
    assert "# campana no inventa fechas legales.\r\nblackouts: []\r\n" in r.text
    quoted = PLAN.read_text(encoding="utf-8").replace(
        "title: Campañas 2024", "title: 'Campañas 2024'"
    )
    r = roll_forward(quoted, 2025, issued="2026-12", audience_text=audience)
    assert "  title: 'Campañas 2025'\n" in r.text and r.title_updated
    kept = PLAN.read_text(encoding="utf-8").replace(
        "restricts: [medios-masivos, digital, comunicacion-social]",
        "restricts: [medios-masivos, digital, comunicacion-social]\n"
        "  # la veda de ejemplo\n  - id: veda-ejemplo\n    name: Veda de ejemplo\n"
        "    start: 2025-03-03\n    end: 2025-03-10\n    restricts: [digital]",
    )
    r = roll_forward(kept, 2025, issued="2026-12", audience_text=audience)
    assert "blackouts:\n  # la veda de ejemplo\n  - id: veda-ejemplo\n" in r.text
    assert "INE calendar of" not in r.text  # the 2024 blackout's own comment went with it
