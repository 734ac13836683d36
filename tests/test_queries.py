"""The query core (campana.queries): pure functions over the shipped plan, today pinned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from campana import queries
from campana.cli.app import exit_code_of
from campana.errors import CampanaError
from campana.loading import LoadedPlan, open_plan
from campana.vocab import ine_status
from conftest import PLAN
from helpers import edit

D = dt.date
TODAY = D(2024, 3, 15)


@pytest.fixture(scope="module")
def loaded() -> LoadedPlan:
    return open_plan(PLAN)


# --- status -----------------------------------------------------------------------------------


def test_status_running_counts_day_n_of_m() -> None:
    s = queries.status(D(2024, 1, 22), D(2024, 7, 14), TODAY)
    assert (s.kind, s.day, s.total) == ("running", 54, 175)
    assert s.text == "en curso, día 54 de 175"
    assert s.detail == "faltan 121 días"


def test_status_first_and_last_day() -> None:
    first = queries.status(D(2024, 1, 22), D(2024, 7, 14), D(2024, 1, 22))
    last = queries.status(D(2024, 1, 22), D(2024, 7, 14), D(2024, 7, 14))
    assert first.text == "en curso, día 1 de 175"
    assert last.text == "en curso, día 175 de 175"
    assert last.detail == "termina hoy"


def test_status_upcoming_and_finished() -> None:
    before = queries.status(D(2024, 9, 17), D(2024, 12, 15), TODAY)
    assert before.kind == "upcoming"
    assert before.label == "próxima; empieza en 186 días"
    assert queries.status(D(2024, 3, 16), D(2024, 4, 1), TODAY).detail == "empieza mañana"
    after = queries.status(D(2024, 1, 15), D(2024, 2, 29), TODAY)
    assert after.kind == "finished"
    assert after.label == "concluida; terminó hace 15 días"
    assert queries.status(D(2024, 1, 1), D(2024, 3, 14), TODAY).detail == "terminó ayer"


# --- campaigns by id or name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("atencion", "atencion"),
        ("ATENCIÓN", "atencion"),
        ("CRÉDITO", "credito"),
        ("credito", "credito"),
        ("trab", "trabajadores-independientes"),
        ("  Trab ", "trabajadores-independientes"),
        ("resp", "responsabilidad-compartida"),
        ("infonavit, estes en donde estes", "atencion"),
        ("Campaña atención", "atencion"),
        ("logros en materia", "logros-laborales"),
    ],
)
def test_resolve_campaign_by_id_name_aka_or_prefix(
    loaded: LoadedPlan, text: str, expected: str
) -> None:
    assert queries.resolve_campaign(loaded.plan, text).id == expected


def test_resolve_ambiguous_prefix_names_the_candidates(loaded: LoadedPlan) -> None:
    # "c" starts "credito" and "Campaña atención" (an aka of atencion)
    with pytest.raises(CampanaError) as err:
        queries.resolve_campaign(loaded.plan, "c")
    assert "más de una campaña" in err.value.message
    assert "atencion" in err.value.message and "credito" in err.value.message
    assert exit_code_of(err.value) == 2


def test_resolve_typo_suggests_the_closest(loaded: LoadedPlan) -> None:
    with pytest.raises(CampanaError) as err:
        queries.resolve_campaign(loaded.plan, "atencoin")
    assert err.value.hint == "¿quisiste decir «atencion»?"


def test_resolve_unknown_lists_the_campaigns(loaded: LoadedPlan) -> None:
    with pytest.raises(CampanaError) as err:
        queries.resolve_campaign(loaded.plan, "zzz")
    assert "no hay ninguna campaña «zzz»" in err.value.message
    assert err.value.hint is not None
    for cid in ("logros-laborales", "atencion", "credito", "responsabilidad-compartida"):
        assert cid in err.value.hint


def test_resolve_empty_is_an_error(loaded: LoadedPlan) -> None:
    with pytest.raises(CampanaError, match="falta el id"):
        queries.resolve_campaign(loaded.plan, "  ")


# --- schedule ---------------------------------------------------------------------------------


def _kinds(s: queries.Schedule) -> list[tuple[str, str | None, str]]:
    return [(r.kind, r.campaign, r.name) for r in s.rows]


def test_year_schedule_is_the_grid_of_the_document(loaded: LoadedPlan) -> None:
    start, end = queries.year_window(2024)
    s = queries.schedule(loaded.plan, start, end, TODAY, touchpoints=False)
    assert _kinds(s) == [
        ("campaign", "logros-laborales", "Logros en materia laboral (digital)"),
        ("campaign", "atencion", "Infonavit, estés en donde estés"),
        ("component", "atencion", "Cambaceo"),
        ("component", "atencion", "Brigadas de promoción y servicio"),
        ("component", "atencion", "Radio y televisión"),
        ("component", "atencion", "Digital"),
        ("component", "atencion", "Comunicación Social"),
        ("campaign", "trabajadores-independientes", "Trabajadores independientes"),
        ("campaign", "credito", "Crédito"),
        ("campaign", "responsabilidad-compartida", "Responsabilidad Compartida"),
    ]
    assert [(b.name, b.start, b.end) for b in s.blackouts] == [
        ("Veda electoral federal 2024", D(2024, 3, 1), D(2024, 6, 2))
    ]
    assert s.today_inside


def test_month_schedule_has_touchpoints_and_only_what_runs_that_month(loaded: LoadedPlan) -> None:
    s = queries.schedule(loaded.plan, *queries.month_window(2024, 3), TODAY)
    campaigns = [r.campaign for r in s.rows if r.kind == "campaign"]
    assert campaigns == ["atencion", "trabajadores-independientes"]  # logros ended 29 feb
    # every execution row of «atencion» is mirrored by a component: one row each (issue 17)
    parts = [(r.kind, r.campaign, r.touchpoint_id, r.paired) for r in s.rows if r.depth]
    assert parts == [
        ("component", "atencion", "brigadas", False),  # Cambaceo: a tactic of Brigadas
        ("component", "atencion", "brigadas", True),
        ("component", "atencion", "medios-masivos", True),
        ("component", "atencion", "digital", True),
        ("component", "atencion", "comunicacion-social", True),
        ("touchpoint", "trabajadores-independientes", "medios-masivos", False),
        ("touchpoint", "trabajadores-independientes", "digital", False),
        ("touchpoint", "trabajadores-independientes", "comunicacion-social", False),
    ]
    brigadas = next(r for r in s.rows if r.name == "Brigadas de promoción y servicio")
    assert (brigadas.start, brigadas.end) == (D(2024, 1, 22), D(2024, 5, 31))  # the grid's
    assert brigadas.table == (D(2024, 1, 22), D(2024, 6, 30))  # and the table's
    assert brigadas.tactics == ("Infomóviles", "Cambaceo")


def test_a_component_before_its_campaign_keeps_the_campaign_as_a_heading(
    loaded: LoadedPlan,
) -> None:
    # Cambaceo starts on 10 January, its campaign on 22 January
    s = queries.schedule(loaded.plan, D(2024, 1, 12), D(2024, 1, 12), TODAY)
    assert _kinds(s) == [
        ("campaign", "atencion", "Infonavit, estés en donde estés"),
        ("component", "atencion", "Cambaceo"),
    ]
    assert not s.rows[0].in_window
    assert [(r.kind, r.name) for r in s.data_rows] == [("component", "Cambaceo")]


def test_window_outside_the_plan_is_empty(loaded: LoadedPlan) -> None:
    s = queries.schedule(loaded.plan, *queries.year_window(2025), TODAY)
    assert s.empty and s.rows == () and s.blackouts == ()
    assert not s.today_inside


def test_touchpoint_filter_matches_names_ids_and_tactics(loaded: LoadedPlan) -> None:
    s = queries.schedule(loaded.plan, *queries.year_window(2024), TODAY, touchpoint="RADIO")
    assert [(r.kind, r.campaign, r.name) for r in s.rows] == [
        ("campaign", "atencion", "Infonavit, estés en donde estés"),
        ("component", "atencion", "Radio y televisión"),  # its row: "Spoteo nacional radio"
        ("campaign", "trabajadores-independientes", "Trabajadores independientes"),
        ("touchpoint", "trabajadores-independientes", "Medios masivos"),
    ]


def test_touchpoint_filter_unknown_name_is_an_error(loaded: LoadedPlan) -> None:
    with pytest.raises(CampanaError) as err:
        queries.schedule(loaded.plan, *queries.year_window(2024), TODAY, touchpoint="fax")
    assert "«fax»" in err.value.message
    assert err.value.hint is not None and "Medios masivos" in err.value.hint


def test_campaign_filter(loaded: LoadedPlan) -> None:
    s = queries.schedule(
        loaded.plan, *queries.year_window(2024), TODAY, campaigns=["trabajadores-independientes"]
    )
    assert {r.campaign for r in s.rows} == {"trabajadores-independientes"}
    assert [r.kind for r in s.rows] == ["campaign", "touchpoint", "touchpoint", "touchpoint"]


def test_rows_in_the_blackout_are_restricted_unless_approved(loaded: LoadedPlan) -> None:
    s = queries.schedule(loaded.plan, *queries.year_window(2024), TODAY)
    by = {(r.campaign, r.kind, r.name): r for r in s.rows}
    radio = by[("atencion", "component", "Radio y televisión")]
    assert radio.restricted == ((D(2024, 3, 1), D(2024, 6, 2)),)
    social = by[("atencion", "component", "Comunicación Social")]
    assert social.restricted == ((D(2024, 3, 1), D(2024, 5, 31)),)
    brigadas = by[("atencion", "component", "Brigadas de promoción y servicio")]
    assert brigadas.restricted == () and brigadas.blackout == ()
    assert radio.is_restricted(D(2024, 3, 1)) and not radio.is_restricted(D(2024, 2, 29))


def test_approved_exception_is_in_the_blackout_but_not_restricted(plan_dir: Path) -> None:
    plan_file = plan_dir / "campaigns.yaml"
    text = plan_file.read_text(encoding="utf-8")
    edit(
        plan_file,
        "ine_exception: pending",
        "ine_exception: approved",
        count=text.count("ine_exception: pending"),
    )
    plan = open_plan(plan_file).plan
    s = queries.schedule(plan, *queries.year_window(2024), TODAY)
    media = next(r for r in s.rows if r.kind == "touchpoint" and r.touchpoint_id == "digital")
    assert media.blackout == ((D(2024, 3, 1), D(2024, 6, 2)),)
    assert media.restricted == ()
    assert media.in_blackout(D(2024, 3, 15)) and not media.is_restricted(D(2024, 3, 15))


# --- brief ------------------------------------------------------------------------------------


def test_brief_of_atencion(loaded: LoadedPlan) -> None:
    c = queries.resolve_campaign(loaded.plan, "atencion")
    b = queries.brief(loaded.plan, loaded.audience, c, TODAY, loaded.findings)
    assert (b.id, b.name, b.aka) == (
        "atencion",
        "Infonavit, estés en donde estés",
        ("Campaña atención",),
    )
    assert b.status.text == "en curso, día 54 de 175"
    assert [(f.id, f.count) for f in b.audience] == [
        ("derechohabientes", 76434882),
        ("con-credito-activo", 5488535),
    ]
    assert [(o.start, o.end) for o in b.objectives] == [
        (D(2024, 1, 22), D(2024, 7, 14)),
        (None, None),
    ]
    assert [(t.name, ine_status(t.ine_exception), t.blackout_days) for t in b.touchpoints] == [
        ("Medios masivos", "pendiente", 94),
        ("Digital", "pendiente", 94),
        ("Comunicación Social", "pendiente", 92),
        ("Brigadas de promoción y servicio", "no solicitada", 0),
    ]
    assert b.touchpoints[3].tactics == ("Infomóviles", "Cambaceo")
    assert [k.name for k in b.components][:2] == ["Cambaceo", "Brigadas de promoción y servicio"]
    assert [ch.kind_es for ch in b.channels] == ["portal", "teléfono", "web"]
    assert b.has_brief
    # what validate reports for this campaign, and only that
    assert len(b.findings) == 7
    assert {f.campaign for f in b.findings} == {"atencion"}
    assert sum(f.code == "blackout-pending" for f in b.findings) == 3


def test_brief_of_a_campaign_known_only_from_the_grid(loaded: LoadedPlan) -> None:
    c = queries.resolve_campaign(loaded.plan, "credito")
    b = queries.brief(loaded.plan, loaded.audience, c, TODAY, loaded.findings)
    assert not b.has_brief
    assert b.touchpoints == () and b.objectives == () and b.findings == ()
    assert b.status.label == "próxima; empieza en 186 días"


def test_brief_without_audience_file_keeps_the_ids(loaded: LoadedPlan) -> None:
    c = queries.resolve_campaign(loaded.plan, "atencion")
    b = queries.brief(loaded.plan, None, c, TODAY)
    assert [(f.id, f.count) for f in b.audience] == [
        ("derechohabientes", None),
        ("con-credito-activo", None),
    ]


# --- list -------------------------------------------------------------------------------------


def test_campaign_lines(loaded: LoadedPlan) -> None:
    lines = queries.campaign_lines(loaded.plan, TODAY)
    assert [(c.id, c.days, c.components, c.touchpoints, c.status.text) for c in lines] == [
        ("logros-laborales", 46, 0, 0, "concluida"),
        ("atencion", 175, 5, 4, "en curso, día 54 de 175"),
        ("trabajadores-independientes", 217, 0, 3, "en curso, día 61 de 217"),
        ("credito", 90, 0, 0, "próxima"),
        ("responsabilidad-compartida", 72, 0, 0, "próxima"),
    ]


# --- audience ---------------------------------------------------------------------------------


def test_audience_report_shares_and_campaigns(loaded: LoadedPlan) -> None:
    assert loaded.audience is not None
    r = queries.audience_report(loaded.audience, loaded.plan)
    assert (r.total_id, r.total_count) == ("derechohabientes", 76434882)
    by = {s.id: s for s in r.segments}
    assert [s.id for s in r.segments] == [
        "derechohabientes",
        "con-aportaciones",
        "sin-aportaciones",
        "con-credito-activo",
        "poblacion-mexicana",
        "independientes-elegibles",
    ]
    assert by["con-aportaciones"].part_of == "derechohabientes"
    assert by["con-aportaciones"].depth == 1
    assert by["derechohabientes"].share_of_total == 1
    assert by["con-aportaciones"].share_of_total == pytest.approx(22392293 / 76434882)
    assert by["sin-aportaciones"].share_of_total == pytest.approx(54042589 / 76434882)
    # the total is a share of the population: the population is not a share of the total
    assert by["poblacion-mexicana"].share_of_total is None
    assert by["derechohabientes"].computed_percent == pytest.approx(100 * 76434882 / 129000000)
    assert by["derechohabientes"].campaigns == ("atencion",)
    assert by["con-credito-activo"].campaigns == ("atencion",)
    assert by["independientes-elegibles"].campaigns == ("trabajadores-independientes",)
    assert by["sin-aportaciones"].campaigns == ()


def test_audience_shares_are_computed_from_the_counts(loaded: LoadedPlan) -> None:
    assert loaded.audience is not None
    segments = [
        s.model_copy(update={"count": 7643488}) if s.id == "con-credito-activo" else s
        for s in loaded.audience.segments
    ]
    audience = loaded.audience.model_copy(update={"segments": segments})
    by = {s.id: s for s in queries.audience_report(audience, loaded.plan).segments}
    assert by["con-credito-activo"].share_of_total == pytest.approx(0.1, abs=1e-6)
    assert by["con-credito-activo"].stated_percent == 7.18  # what the document says, unchanged
    assert by["con-credito-activo"].computed_percent == pytest.approx(10.0, abs=1e-4)


# --- one window, one threshold, one period formatter (issue 10) ---------------------------


def test_window_of_a_day_a_month_a_range_and_the_year() -> None:
    D = dt.date
    assert queries.window(2024, day=D(2024, 3, 15)) == (D(2024, 3, 15), D(2024, 3, 15))
    assert queries.window(2024, month=2) == (D(2024, 2, 1), D(2024, 2, 29))
    assert queries.window(2024, start=D(2024, 7, 1)) == (D(2024, 7, 1), D(2024, 12, 31))
    assert queries.window(2024, end=D(2025, 2, 15)) == (D(2025, 1, 1), D(2025, 2, 15))
    assert queries.window(2023) == (D(2023, 1, 1), D(2023, 12, 31))


def test_views_of_up_to_six_weeks_are_detailed() -> None:
    start = dt.date(2024, 3, 1)
    last = start + dt.timedelta(days=queries.DETAIL_DAYS - 1)
    assert queries.DETAIL_DAYS == 42
    assert queries.detailed(start, last)
    assert not queries.detailed(start, last + dt.timedelta(days=1))


def test_one_period_formatter() -> None:
    from campana.dates import period

    D = dt.date
    assert period(D(2024, 1, 22), D(2024, 7, 14)) == "22 ene – 14 jul 2024"
    assert period(D(2024, 1, 22), D(2024, 7, 14), year=2024) == "22 ene – 14 jul"
    assert period(D(2024, 1, 22), D(2024, 7, 14), year=2025) == "22 ene – 14 jul 2024"
    assert period(D(2024, 12, 1), D(2025, 1, 5), year=2024) == "1 dic 2024 – 5 ene 2025"
    assert period(D(2024, 3, 1), D(2024, 6, 2), full=True) == "1 mar 2024 – 2 jun 2024"
    assert period(D(2024, 3, 1), D(2024, 6, 2), year=2024, full=True, sep="–") == "1 mar–2 jun"
    assert period(None, D(2024, 6, 2)) == ""


def test_resolve_campaigns_keeps_each_once_in_order(loaded: LoadedPlan) -> None:
    chosen = queries.resolve_campaigns(loaded.plan, ["trab", "atencion", "Trabajadores"])
    assert [c.id for c in chosen] == ["trabajadores-independientes", "atencion"]


def test_a_june_window_keeps_the_line_the_table_still_runs(loaded: LoadedPlan) -> None:
    """Brigadas ends on 31 may in the grid and on 30 jun in the table: a June window shows
    the line, with both periods (issue 17)."""
    s = queries.schedule(loaded.plan, *queries.month_window(2024, 6), TODAY)
    (brigadas,) = [r for r in s.rows if r.name == "Brigadas de promoción y servicio"]
    assert brigadas.paired and brigadas.table == (D(2024, 1, 22), D(2024, 6, 30))
