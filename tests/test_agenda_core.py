"""The agenda core: events in a window, their wording, owners, suspensions and the JSON shape."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campana.agenda import (
    EVENT_KEYS,
    AgendaError,
    agenda,
    agenda_json,
    agenda_window,
    relative_day,
)
from campana.checks.rules.milestones import MilestoneFinding, milestone_findings
from campana.errors import CampanaError
from campana.loading import validate_files
from campana.models import Plan
from conftest import PLAN, ROOT

EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"
D = dt.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))


@cache
def load(path: Path) -> Plan:
    plan = validate_files([path]).plan
    assert plan is not None
    return plan


def whole_year(path: Path, **kw: object) -> list[tuple[str, str, str | None, str]]:
    a = agenda(load(path), start=YEAR[0], end=YEAR[1], today=D(2024, 3, 15), **kw)  # type: ignore[arg-type]
    return [(e.date.isoformat(), e.kind, e.campaign, e.name) for e in a.events]


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "hoy"),
        (1, "mañana"),
        (-1, "ayer"),
        (3, "en 3 días"),
        (-2, "hace 2 días"),
        (400, "en 400 días"),
    ],
)
def test_relative_day(n: int, text: str) -> None:
    assert relative_day(n) == text


def test_whole_year_of_the_shipped_plan_has_every_event_once() -> None:
    events = whole_year(PLAN)
    kinds = Counter(kind for _, kind, _, _ in events)
    # 5 campaigns, 5 components (4 of them one line with the execution row they mirror) and 3
    # execution rows of their own, each with a start and an end (issue 17: a component and
    # its row were announced twice); Brigadas' end is announced on each source's date, as the
    # grid (31 may) and the table (30 jun) disagree
    assert kinds["start"] == 5 + 5 + 3
    assert kinds["end"] == 5 + 5 + 3 + 1
    assert kinds["blackout-start"] == kinds["blackout-end"] == 1
    # six restricted rows, all pending; four still run after the blackout
    assert kinds["suspend"] == 6 and kinds["resume"] == 4
    assert kinds["milestone"] == 0
    assert events == sorted(events, key=lambda e: e[0])


def test_brigadas_never_comes_off_air() -> None:
    plan = load(PLAN)
    a = agenda(plan, start=YEAR[0], end=YEAR[1], today=D(2024, 3, 15))
    assert all(e.touchpoint_id != "brigadas" for e in a.events if e.kind in ("suspend", "resume"))


def test_first_day_of_the_blackout_shipped_plan() -> None:
    a = agenda(load(PLAN), start=D(2024, 3, 1), end=D(2024, 3, 1), today=D(2024, 2, 28))
    assert [(e.kind, e.campaign, e.touchpoint_id) for e in a.events] == [
        ("blackout-start", None, None),
        ("suspend", "atencion", "medios-masivos"),
        ("suspend", "atencion", "digital"),
        ("suspend", "atencion", "comunicacion-social"),
        ("suspend", "trabajadores-independientes", "medios-masivos"),
        ("suspend", "trabajadores-independientes", "digital"),
        ("suspend", "trabajadores-independientes", "comunicacion-social"),
    ]
    blackout = a.events[0]
    assert blackout.campaign_name is None and blackout.name == "Veda electoral federal 2024"
    assert blackout.message == (
        "Empieza la veda; restringe Medios masivos, Digital y Comunicación Social"
    )
    suspend = a.events[1]
    assert suspend.days_from_today == 2 and suspend.relative == "en 2 días"
    assert suspend.campaign_name == "Infonavit, estés en donde estés"
    assert suspend.message == (
        "«Medios masivos» sale del aire por la veda: la excepción del INE está pendiente"
    )


def test_resume_is_the_day_after_the_blackout_only_for_rows_still_running() -> None:
    a = agenda(load(PLAN), start=D(2024, 6, 2), end=D(2024, 6, 3), today=D(2024, 6, 3))
    assert [(e.date.isoformat(), e.kind, e.campaign, e.touchpoint_id) for e in a.events] == [
        ("2024-06-02", "blackout-end", None, None),
        ("2024-06-03", "resume", "atencion", "medios-masivos"),
        ("2024-06-03", "resume", "atencion", "digital"),
        ("2024-06-03", "resume", "trabajadores-independientes", "medios-masivos"),
        ("2024-06-03", "resume", "trabajadores-independientes", "digital"),
    ]
    assert a.events[1].message == "«Medios masivos» vuelve al aire: terminó la veda"
    assert [e.relative for e in a.events] == ["ayer", "hoy", "hoy", "hoy", "hoy"]


def test_scenarios_change_the_suspensions_and_their_wording() -> None:
    plan = load(PLAN)
    approved = agenda(plan, start=YEAR[0], end=YEAR[1], today=D(2024, 3, 1), assume_ine="approved")
    assert not [e for e in approved.events if e.kind in ("suspend", "resume")]
    denied = agenda(
        plan, start=D(2024, 3, 1), end=D(2024, 3, 1), today=D(2024, 3, 1), assume_ine="denied"
    )
    suspends = [e for e in denied.events if e.kind == "suspend"]
    assert len(suspends) == 6
    assert suspends[0].message == (
        "«Medios masivos» sale del aire por la veda: el INE negó la excepción (escenario)"
    )
    assert denied.assume_ine == "denied"
    spanish = agenda(
        plan, start=D(2024, 3, 1), end=D(2024, 3, 1), today=D(2024, 3, 1), assume_ine="negada"
    )
    assert spanish == denied
    pending = agenda(
        plan, start=D(2024, 3, 1), end=D(2024, 3, 1), today=D(2024, 3, 1), assume_ine="pending"
    )
    assert "(escenario)" not in pending.events[1].message


def test_a_row_never_requested_says_so(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("        ine_exception: pendiente\n", "")
    (tmp_path / "campaigns.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "audience.yaml").write_text(
        (EXAMPLE.parent / "audience.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    plan = validate_files([tmp_path / "campaigns.yaml"]).plan
    assert plan is not None
    a = agenda(
        plan, start=D(2024, 3, 1), end=D(2024, 3, 1), today=D(2024, 3, 1), assume_ine="approved"
    )
    # approved applies to pending exceptions only: the row nobody requested stays off air
    assert [(e.kind, e.campaign, e.touchpoint_id, e.message) for e in a.events] == [
        ("blackout-start", None, None, a.events[0].message),
        (
            "suspend",
            "trabajadores-independientes",
            "comunicacion-social",
            "«Comunicación Social» sale del aire por la veda: no se solicitó la excepción del INE",
        ),
    ]


def test_example_plan_owners_and_milestones() -> None:
    plan = load(EXAMPLE)
    a = agenda(plan, start=D(2024, 2, 26), end=D(2024, 3, 10), today=D(2024, 2, 26))
    got = [(e.date.isoformat(), e.kind, e.campaign, e.name, e.owner) for e in a.events]
    assert got[:3] == [
        (
            "2024-02-28",
            "milestone",
            "atencion",
            "Respuesta del INE a la excepción",
            "Coordinación Jurídica",
        ),
        ("2024-02-29", "end", "logros-laborales", "Logros en materia laboral (digital)", None),
        ("2024-03-01", "blackout-start", None, "Veda electoral federal 2024", None),
    ]
    by_key = {(e.kind, e.campaign, e.touchpoint_id): e for e in a.events}
    # a row's own owner; else its campaign's
    assert by_key[("suspend", "atencion", "medios-masivos")].owner == "Coordinación de Medios"
    assert by_key[("suspend", "atencion", "digital")].owner == "Coordinación de Campañas"
    milestone = by_key[("milestone", "atencion", "medios-masivos")]
    assert milestone.message == (
        "Hito, respuesta del INE: «Respuesta del INE a la excepción» (Medios masivos)"
    )
    assert got[-1] == (
        "2024-03-08",
        "milestone",
        "trabajadores-independientes",
        "Respuesta del INE a la excepción",
        "Coordinación Jurídica",
    )
    kinds = Counter(e[1] for e in whole_year(EXAMPLE))
    assert kinds["milestone"] == 6


def test_campaign_filter_keeps_the_blackouts_that_touch_it() -> None:
    plan = load(PLAN)
    events = whole_year(PLAN, campaigns=["credito"])
    assert {c for _, _, c, _ in events} == {"credito"}
    events = whole_year(PLAN, campaigns=["atencion"])
    assert {c for _, _, c, _ in events} == {"atencion", None}
    with pytest.raises(AgendaError) as info:
        agenda(plan, start=YEAR[0], end=YEAR[1], today=YEAR[0], campaigns=["atencoin"])
    assert isinstance(info.value, CampanaError)
    assert "«atencoin»" in info.value.message and "atencion" in (info.value.hint or "")


def test_json_shape() -> None:
    a = agenda(load(EXAMPLE), start=D(2024, 2, 28), end=D(2024, 2, 28), today=D(2024, 2, 26))
    assert (
        agenda_json(a)
        == a.to_json()
        == {
            "from": "2024-02-28",
            "to": "2024-02-28",
            "today": "2024-02-26",
            "events": [
                {
                    "date": "2024-02-28",
                    "kind": "milestone",
                    "campaign": "atencion",
                    "name": "Respuesta del INE a la excepción",
                    "touchpoint_id": "medios-masivos",
                    "owner": "Coordinación Jurídica",
                    "days_from_today": 2,
                    "message": "Hito, respuesta del INE: «Respuesta del INE a la excepción» "
                    "(Medios masivos)",
                }
            ],
            "rest_days": [],
        }
    )
    assert tuple(a.to_json()["events"][0]) == EVENT_KEYS


def test_empty_window_and_today_outside_the_year() -> None:
    plan = load(PLAN)
    a = agenda(plan, start=D(2024, 8, 19), end=D(2024, 9, 1), today=D(2026, 11, 27))
    assert a.events == [] and a.to_json()["events"] == []
    assert a.today_outside_year
    assert not agenda(plan, start=YEAR[0], end=YEAR[0], today=D(2024, 12, 31)).today_outside_year
    with pytest.raises(AgendaError):
        agenda(plan, start=D(2024, 3, 2), end=D(2024, 3, 1), today=D(2024, 3, 1))


def test_by_day_groups_in_order() -> None:
    a = agenda(load(PLAN), start=D(2024, 5, 31), end=D(2024, 6, 3), today=D(2024, 6, 1))
    groups = a.by_day()
    assert [d.isoformat() for d, _ in groups] == ["2024-05-31", "2024-06-02", "2024-06-03"]
    assert sum(len(es) for _, es in groups) == len(a.events)


def test_window() -> None:
    today = D(2024, 3, 15)
    assert agenda_window(today) == (today, D(2024, 3, 28))
    assert agenda_window(today, days=1) == (today, today)
    assert agenda_window(today, start=D(2024, 3, 1), days=7) == (D(2024, 3, 1), D(2024, 3, 7))
    assert agenda_window(today, end=D(2024, 3, 20)) == (today, D(2024, 3, 20))
    for kw in ({"days": 0}, {"end": D(2024, 3, 1)}, {"days": 3, "end": D(2024, 3, 20)}):
        with pytest.raises(AgendaError):
            agenda_window(today, **kw)  # type: ignore[arg-type]


@given(
    st.dates(D(2023, 12, 1), D(2025, 1, 31)),
    st.integers(0, 60),
    st.sampled_from([None, "denied", "approved", "pending"]),
)
def test_any_window_is_the_slice_of_the_whole_year(
    start: dt.date, length: int, scenario: str | None
) -> None:
    plan = load(EXAMPLE)
    end = start + dt.timedelta(days=length)
    everything = agenda(
        plan, start=D(2023, 1, 1), end=D(2025, 12, 31), today=start, assume_ine=scenario
    )
    window = agenda(plan, start=start, end=end, today=start, assume_ine=scenario)
    assert window.events == [e for e in everything.events if start <= e.date <= end]
    keys = [(e.date, e.campaign is not None) for e in window.events]
    assert keys == sorted(keys)
    assert all(e.days_from_today == (e.date - start).days for e in window.events)


# --- milestone checks (pure; the validator wraps them as findings) -----------------------------


def example_with(tmp_path: Path, *edits: tuple[str, str]) -> Plan:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (tmp_path / "campaigns.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "audience.yaml").write_text(
        (EXAMPLE.parent / "audience.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    plan = validate_files([tmp_path / "campaigns.yaml"]).plan
    assert plan is not None
    return plan


def test_milestones_of_the_shipped_plan_and_the_example() -> None:
    assert milestone_findings(load(PLAN)) == []
    (late,) = milestone_findings(load(EXAMPLE))
    assert late == MilestoneFinding(
        path=("campaigns", 2, "milestones", 1, "date"),
        severity="warning",
        code="ine-answer-late",
        message=(
            "el hito «Respuesta del INE a la excepción» (8 mar 2024) llega cuando ya empezó la "
            "veda «Veda electoral federal 2024» (1 mar 2024) y la excepción de Medios masivos, "
            "Digital y Comunicación Social sigue pendiente"
        ),
        hint=late.hint,
        campaign="trabajadores-independientes",
        key=(
            "ine-answer-late",
            "trabajadores-independientes",
            "respuesta-ine",
            "veda-electoral-2024",
        ),
    )
    assert late.hint and "antes de la veda" in late.hint
    # with no exception left pending there is nothing to wait for
    assert milestone_findings(load(EXAMPLE), assume_ine="denied") == []
    assert milestone_findings(load(EXAMPLE), assume_ine="approved") == []
    assert len(milestone_findings(load(EXAMPLE), assume_ine="pending")) == 1


@pytest.mark.parametrize(
    ("date", "late"), [("2024-02-29", False), ("2024-03-01", True), ("2024-06-10", True)]
)
def test_ine_answer_on_the_first_blackout_day_is_late(
    tmp_path: Path, date: str, late: bool
) -> None:
    plan = example_with(tmp_path, ("        date: 2024-02-28\n", f"        date: {date}\n"))
    codes = [(f.code, f.campaign) for f in milestone_findings(plan)]
    assert (("ine-answer-late", "atencion") in codes) is late


def test_ine_answer_about_an_unrestricted_touchpoint_is_never_late(tmp_path: Path) -> None:
    plan = example_with(
        tmp_path,
        ("        date: 2024-02-28\n", "        date: 2024-04-28\n"),
        (
            "        touchpoint: medios-masivos\n      - id: reporte-cierre",
            "        touchpoint: brigadas\n      - id: reporte-cierre",
        ),
    )
    assert [f.campaign for f in milestone_findings(plan)] == ["trabajadores-independientes"]


def test_unknown_touchpoint_duplicate_id_and_outside_year(tmp_path: Path) -> None:
    plan = example_with(
        tmp_path,
        (
            "        touchpoint: medios-masivos\n      - id: respuesta-ine",
            "        touchpoint: fax\n      - id: respuesta-ine",
        ),
        ("      - id: entrega-spots\n", "      - id: solicitud-ine\n"),
        ("        date: 2024-07-31\n", "        date: 2025-01-15\n"),
    )
    got = [(f.path, f.severity, f.code, f.message) for f in milestone_findings(plan)]
    assert got == [
        (
            ("campaigns", 1, "milestones", 1, "id"),
            "error",
            "duplicate-id",
            "id de hito «solicitud-ine» repetido en «Infonavit, estés en donde estés» "
            "(ya lo usa el hito n.º 1)",
        ),
        (
            ("campaigns", 1, "milestones", 1, "touchpoint"),
            "error",
            "unknown-reference",
            "el punto de contacto «fax» del hito «Entrega de spots de radio y televisión» no "
            "existe",
        ),
        (
            ("campaigns", 1, "milestones", 3, "date"),
            "warning",
            "outside-year",
            "el hito «Reporte de cierre de campaña» (15 ene 2025) queda fuera del año del "
            "plan, 2024",
        ),
        (
            ("campaigns", 2, "milestones", 1, "date"),
            "warning",
            "ine-answer-late",
            milestone_findings(load(EXAMPLE))[0].message,
        ),
    ]


# --- suspend and resume on random execution tables --------------------------------------------

ROW = st.tuples(
    st.sampled_from(["medios-masivos", "digital", "brigadas"]),
    st.dates(D(2024, 1, 1), D(2024, 12, 31)),
    st.integers(0, 200),
    st.sampled_from([None, "pending", "approved", "denied"]),
)


@given(ROW, st.sampled_from([None, "pending", "approved", "denied"]))
def test_suspend_and_resume_of_any_row(
    row: tuple[str, dt.date, int, str | None], scenario: str | None
) -> None:
    from campana.models import Campaign, Execution

    tp, start, length, ine = row
    end = start + dt.timedelta(days=length)
    execution = Execution(touchpoint=tp, tactics=["t"], start=start, end=end, ine_exception=ine)
    campaign = Campaign(id="prueba", name="Prueba", start=start, end=end, execution=[execution])
    plan = load(PLAN).model_copy(update={"campaigns": [campaign]})
    a = agenda(plan, start=YEAR[0], end=YEAR[1], today=YEAR[0], assume_ine=scenario)
    got = [(e.kind, e.date) for e in a.events if e.kind in ("suspend", "resume")]
    veda = (D(2024, 3, 1), D(2024, 6, 2))
    crosses = tp != "brigadas" and start <= veda[1] and end >= veda[0]
    effective = scenario if ine == "pending" and scenario else ine
    expected: list[tuple[str, dt.date]] = []
    if crosses and effective != "approved":
        expected.append(("suspend", max(start, veda[0])))
        if end > veda[1]:
            expected.append(("resume", veda[1] + dt.timedelta(days=1)))
    assert got == expected
    reasons = {None: "no se solicitó", "pending": "pendiente", "denied": "negó"}
    for e in a.events:
        if e.kind == "suspend":
            assert reasons[effective] in e.message
            assert ("(escenario)" in e.message) == (ine == "pending" and effective != "pending")


def test_a_component_and_the_row_it_mirrors_end_once() -> None:
    """«Comunicación Social» of «Infonavit, estés en donde estés» is a component of the grid
    and a row of the execution table: the agenda announced its end twice (issue 17)."""
    events = whole_year(PLAN)
    ends = [e for e in events if e[1] == "end" and e[2] == "atencion"]
    social = [e for e in ends if e[3] == "Comunicación Social"]
    assert social == [("2024-05-31", "end", "atencion", "Comunicación Social")]
    a = agenda(load(PLAN), start=YEAR[0], end=YEAR[1], today=D(2024, 3, 15))
    brigadas = [
        (e.date.isoformat(), e.message)
        for e in a.events
        if e.kind == "end" and e.name == "Brigadas de promoción y servicio"
    ]
    assert brigadas == [
        (
            "2024-05-31",
            "Termina el componente «Brigadas de promoción y servicio» según la programación "
            "(la tabla de ejecución dice 30 jun)",
        ),
        (
            "2024-06-30",
            "Termina el componente «Brigadas de promoción y servicio» según la tabla de "
            "ejecución (la programación dice 31 may)",
        ),
    ]
