"""The blackout report core: affected rows, days lost and uncovered days, and its JSON shape."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campana.agenda import AgendaError
from campana.loading import validate_files
from campana.models import Blackout, Plan
from campana.veda import Contested, VedaBlackout, VedaCampaign, VedaRow, veda_report
from conftest import PLAN, ROOT

EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"
D = dt.date
PLANS = [PLAN, EXAMPLE]


@cache
def load(path: Path) -> Plan:
    plan = validate_files([path]).plan
    assert plan is not None
    return plan


def only_blackout(path: Path, **kw: object) -> VedaBlackout:
    report = veda_report(load(path), **kw)  # type: ignore[arg-type]
    assert len(report.blackouts) == 1
    return report.blackouts[0]


@pytest.mark.parametrize("path", PLANS)
def test_the_blackout_and_what_it_restricts(path: Path) -> None:
    b = only_blackout(path)
    assert (b.id, b.name, b.start, b.end) == (
        "veda-electoral-2024",
        "Veda electoral federal 2024",
        D(2024, 3, 1),
        D(2024, 6, 2),
    )
    assert b.restricts == ["medios-masivos", "digital", "comunicacion-social"]
    assert b.restricts_names == ["Medios masivos", "Digital", "Comunicación Social"]


@pytest.mark.parametrize("path", PLANS)
def test_affected_rows(path: Path) -> None:
    b = only_blackout(path)
    assert [(r.campaign_id, r.touchpoint_id, r.days_inside, r.ine_exception) for r in b.rows] == [
        ("atencion", "medios-masivos", 94, "pending"),
        ("atencion", "digital", 94, "pending"),
        ("atencion", "comunicacion-social", 92, "pending"),
        ("trabajadores-independientes", "medios-masivos", 94, "pending"),
        ("trabajadores-independientes", "digital", 94, "pending"),
        ("trabajadores-independientes", "comunicacion-social", 92, "pending"),
    ]
    assert all(r.days_lost_if_denied == r.days_inside for r in b.rows)
    # Brigadas is not restricted: it is not an affected row
    assert "brigadas" not in {r.touchpoint_id for r in b.rows}
    first = b.rows[0]
    assert first == VedaRow(
        campaign_id="atencion",
        campaign_name="Infonavit, estés en donde estés",
        touchpoint_id="medios-masivos",
        touchpoint_name="Medios masivos",
        start=D(2024, 2, 23),
        end=D(2024, 7, 14),
        days_inside=94,
        ine_exception="pending",
        days_lost_if_denied=94,
    )


@pytest.mark.parametrize("path", PLANS)
@pytest.mark.parametrize("scenario", [None, "pending", "denied"])
def test_independientes_loses_everything_atencion_keeps_brigadas(
    path: Path, scenario: str | None
) -> None:
    b = only_blackout(path, assume_ine=scenario)
    # atención's 0 rests on the table's Brigadas end (30 jun); by the grid's (31 may), 1 and 2
    # jun have nothing on air: the report keeps both (issue 17)
    brigadas = Contested(
        "Brigadas de promoción y servicio",
        (dt.date(2024, 1, 22), dt.date(2024, 5, 31)),
        (dt.date(2024, 1, 22), dt.date(2024, 6, 30)),
    )
    assert b.campaigns == [
        VedaCampaign("atencion", "Infonavit, estés en donde estés", 94, 0, 2, (brigadas,)),
        VedaCampaign("trabajadores-independientes", "Trabajadores independientes", 94, 94),
    ]


def test_under_approved_nothing_is_lost() -> None:
    report = veda_report(load(PLAN), assume_ine="approved")
    assert report.assume_ine == "approved"
    b = report.blackouts[0]
    assert {r.ine_exception for r in b.rows} == {"approved"}
    assert {r.days_lost_if_denied for r in b.rows} == {0}
    assert [c.uncovered_days_if_denied for c in b.campaigns] == [0, 0]


def test_under_denied_the_status_says_denied() -> None:
    b = only_blackout(PLAN, assume_ine="denied")
    assert {r.ine_exception for r in b.rows} == {"denied"}
    report = veda_report(load(PLAN), assume_ine="negada")
    assert report.assume_ine == "denied" and report.blackouts == [b]


def test_a_row_never_requested_is_lost_even_if_pending_ones_are_approved(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("        ine_exception: pendiente\n", "")
    (tmp_path / "campaigns.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "audience.yaml").write_text(
        (EXAMPLE.parent / "audience.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    plan = validate_files([tmp_path / "campaigns.yaml"]).plan
    assert plan is not None
    b = veda_report(plan, assume_ine="approved").blackouts[0]
    row = b.rows[-1]
    assert (row.touchpoint_id, row.ine_exception, row.days_lost_if_denied) == (
        "comunicacion-social",
        "not-requested",
        92,
    )
    # medios masivos and digital (approved) cover the whole blackout
    assert b.campaigns[1].uncovered_days_if_denied == 0


def test_campaign_filter() -> None:
    b = veda_report(load(PLAN), campaigns=["atencion"]).blackouts[0]
    assert {r.campaign_id for r in b.rows} == {"atencion"}
    assert [c.id for c in b.campaigns] == ["atencion"]
    b = veda_report(load(PLAN), campaigns=["credito"]).blackouts[0]
    assert b.rows == [] and b.campaigns == []
    with pytest.raises(AgendaError):
        veda_report(load(PLAN), campaigns=["nada"])


def test_json_shape() -> None:
    data = veda_report(load(PLAN)).to_json()
    assert list(data) == ["blackouts"]
    (b,) = data["blackouts"]
    assert list(b) == [
        "id",
        "name",
        "start",
        "end",
        "restricts",
        "jurisdiction",
        "rows",
        "campaigns",
    ]
    assert b["jurisdiction"] == "federal"
    assert (b["start"], b["end"]) == ("2024-03-01", "2024-06-02")
    assert b["rows"][2] == {
        "campaign": "atencion",
        "touchpoint_id": "comunicacion-social",
        "name": "Comunicación Social",
        "start": "2024-01-22",
        "end": "2024-05-31",
        "days_inside": 92,
        "ine_exception": "pending",
        "days_lost_if_denied": 92,
        "ine_answer_date": None,
        "ine_reference": None,
    }
    assert b["campaigns"][1] == {
        "id": "trabajadores-independientes",
        "name": "Trabajadores independientes",
        "days_inside": 94,
        "uncovered_days_if_denied": 94,
        # added by issue 17: the figure by the grid's dates where the sources disagree
        "uncovered_days_by_grid": None,
        "note": None,
    }


def test_campaign_partly_inside_and_uncovered_gaps(tmp_path: Path) -> None:
    # Independientes: move digital to the blackout's second half and approve it
    text = PLAN.read_text(encoding="utf-8")
    old = (
        "      - touchpoint: digital\n"
        "        tactics:\n"
        "          - Vídeo display\n"
        "          - Vídeo en redes sociales\n"
        "          - Publicaciones promovidas\n"
        "        start: 2024-02-23\n"
        "        end: 2024-07-14\n"
        "        period_text: 23 de febrero a 14 de julio 2024\n"
        "        ine_exception: pending\n"
    )
    assert text.count(old) == 1
    new = old.replace("start: 2024-02-23", "start: 2024-05-01").replace(
        "ine_exception: pending", "ine_exception: aprobada"
    )
    (tmp_path / "campaigns.yaml").write_text(text.replace(old, new), encoding="utf-8")
    (tmp_path / "audience.yaml").write_text(
        (PLAN.parent / "audience.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    plan = validate_files([tmp_path / "campaigns.yaml"]).plan
    assert plan is not None
    b = veda_report(plan).blackouts[0]
    ti = b.campaigns[1]
    # 2024-03-01..04-30 (61 days) uncovered; digital covers 05-01..06-02
    assert (ti.days_inside, ti.uncovered_days_if_denied) == (94, 61)
    digital = next(r for r in b.rows if (r.campaign_id, r.touchpoint_id) == (ti.id, "digital"))
    assert (digital.days_inside, digital.ine_exception, digital.days_lost_if_denied) == (
        33,
        "approved",
        0,
    )


# --- an oracle, day by day, on random execution tables ----------------------------------------

Row = tuple[str, dt.date, int, str | None]
ROWS = st.lists(
    st.tuples(
        st.sampled_from(["medios-masivos", "digital", "comunicacion-social", "brigadas"]),
        st.dates(D(2024, 1, 1), D(2024, 12, 31)),
        st.integers(0, 150),
        st.sampled_from([None, "pending", "approved", "denied"]),
    ),
    max_size=6,
)


def _plan_with_rows(rows: list[Row]) -> Plan:
    from campana.models import Campaign, Execution

    plan = load(PLAN)
    execution = [
        Execution(
            touchpoint=tp,
            tactics=["t"],
            start=start,
            end=start + dt.timedelta(days=length),
            ine_exception=ine,
        )
        for tp, start, length, ine in rows
    ]
    campaign = Campaign(
        id="prueba", name="Prueba", start=D(2024, 2, 1), end=D(2024, 4, 30), execution=execution
    )
    return plan.model_copy(update={"campaigns": [campaign]})


@given(ROWS, st.sampled_from([None, "pending", "approved", "denied"]))
def test_uncovered_days_match_a_day_by_day_count(rows: list[Row], scenario: str | None) -> None:
    plan = _plan_with_rows(rows)
    (b,) = veda_report(plan, assume_ine=scenario).blackouts
    (c,) = b.campaigns
    veda = plan.blackouts[0]
    restricted = set(veda.restricts)

    def on_air(row: Row, day: dt.date) -> bool:
        tp, start, length, ine = row
        if not start <= day <= start + dt.timedelta(days=length):
            return False
        if tp not in restricted:
            return True
        effective = ine if ine != "pending" else (scenario if scenario == "approved" else "denied")
        return bool(effective == "approved")

    days = [veda.start + dt.timedelta(days=i) for i in range(61)]  # 03-01 .. 04-30
    assert c.days_inside == len(days)
    assert c.uncovered_days_if_denied == sum(1 for d in days if not any(on_air(r, d) for r in rows))
    for r, vr in zip(
        [r for r in rows if r[0] in restricted and _crosses(r, veda)], b.rows, strict=True
    ):
        assert vr.touchpoint_id == r[0]
        inside = sum(1 for i in range(94) if _in(r, veda.start + dt.timedelta(days=i)))
        assert vr.days_inside == inside
        approved = r[3] == "approved" or (r[3] == "pending" and scenario == "approved")
        assert vr.days_lost_if_denied == (0 if approved else inside)


def _in(row: Row, day: dt.date) -> bool:
    return row[1] <= day <= row[1] + dt.timedelta(days=row[2])


def _crosses(row: Row, veda: Blackout) -> bool:
    return any(_in(row, veda.start + dt.timedelta(days=i)) for i in range(94))
