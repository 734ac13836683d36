"""`campana export svg`: the Gantt chart's structure, geometry, marks, legend and escaping."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campana.gantt import gantt_data
from campana.loading import validate_files
from campana.models import Plan
from campana.pairing import mirror_of
from campana.render.gantt import (
    CX0,
    CX1,
    LABEL_W,
    MARGIN,
    Layout,
    TextBox,
    layout,
    svg_from_data,
    wrap,
)
from conftest import PLAN, ROOT, Invoke

EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"
TODAY = dt.date(2024, 4, 15)
NS = "{http://www.w3.org/2000/svg}"


def load(path: Path) -> Plan:
    v = validate_files([path])
    assert v.plan is not None
    return v.plan


def parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def chart(plan: Plan, **kw: object) -> ET.Element:
    return parse(svg_from_data(gantt_data(plan, kw.pop("today", TODAY), **kw)))  # type: ignore[arg-type]


def marks(root: ET.Element, kind: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("data-kind") == kind]


def texts(root: ET.Element) -> str:
    return " ".join((t.text or "") for t in root.iter(f"{NS}text"))


@pytest.fixture(params=[PLAN, EXAMPLE], ids=["shipped", "example"])
def plan(request: pytest.FixtureRequest) -> Plan:
    return load(request.param)


def test_the_document_is_accessible_and_scales(plan: Plan) -> None:
    root = chart(plan)
    assert root.tag == f"{NS}svg"
    assert root.get("width") is None and root.get("height") is None
    x, y, w, h = (float(v) for v in root.get("viewBox", "").split())
    assert (x, y) == (0, 0) and w > h > 0
    title = root.find(f"{NS}title")
    assert title is not None and "Campañas 2024" in (title.text or "")
    desc = root.find(f"{NS}desc")
    assert desc is not None and "Veda electoral federal 2024" in (desc.text or "")
    assert "sans-serif" in root.get("font-family", "")
    # the title line: plan, owner, year (once: the plan's name already says 2024)
    shown = texts(root)
    assert "Campañas 2024 — Programación" in shown
    assert "Programación 2024" not in shown
    assert (title.text or "").endswith("Campañas 2024 — Programación")
    assert plan.plan.owner in shown


def test_every_campaign_component_and_touchpoint_is_a_bar_with_its_dates(plan: Plan) -> None:
    root = chart(plan)
    campaigns = {e.get("data-id"): e for e in marks(root, "campaign")}
    assert set(campaigns) == {c.id for c in plan.campaigns}
    for c in plan.campaigns:
        bar = campaigns[c.id]
        assert (bar.get("data-start"), bar.get("data-end")) == (str(c.start), str(c.end))
        rows = {
            (e.get("data-touchpoint"), e.get("data-start"), e.get("data-end"))
            for e in marks(root, "touchpoint")
            if e.get("data-id") == c.id
        }
        # an execution row a component mirrors is drawn as that component's bar (issue 17)
        mirrored = mirror_of(c).values()
        assert rows == {
            (e.touchpoint, str(e.start), str(e.end))
            for e in c.execution
            if not any(e is m for m in mirrored)
        }
        parts = [e for e in marks(root, "component") if e.get("data-id") == c.id]
        assert [(e.get("data-start"), e.get("data-end")) for e in parts] == [
            (str(k.start), str(k.end)) for k in c.components
        ]


def test_a_component_and_the_row_it_mirrors_are_one_chart_row() -> None:
    """«Infonavit, estés en donde estés» had 10 chart rows where the deck has its 5 italic
    rows: its components and its execution rows drew the same channels twice (issue 17)."""
    plan = validate_files([PLAN]).plan
    assert plan is not None
    rows = [r for r in gantt_data(plan, TODAY).rows if r.campaign == "atencion"]
    lines = [r for r in rows if r.kind in ("component", "touchpoint")]
    assert [r.name for r in lines] == [
        "Cambaceo",
        "Brigadas de promoción y servicio",
        "Radio y televisión",
        "Digital",
        "Comunicación Social",
    ]
    assert [r.paired for r in lines] == [False, True, True, True, True]
    # both facts kept: the grid's period on the bar, the table's in its second line
    brigadas = lines[1]
    assert (brigadas.start, brigadas.end) == (dt.date(2024, 1, 22), dt.date(2024, 5, 31))
    assert brigadas.table == (dt.date(2024, 1, 22), dt.date(2024, 6, 30))
    shown = " ".join(b.text for b in layout(gantt_data(plan, TODAY)).texts if b.role == "meta")
    assert "tabla: 22 ene–30 jun 2024" in shown
    # the row carries the execution row's INE exception and its owner's lookups
    assert lines[2].ine_status == "pending" and lines[2].touchpoint == "medios-masivos"


def test_x_is_proportional_to_the_dates(plan: Plan) -> None:
    root = chart(plan)
    start, end = dt.date(plan.plan.year, 1, 1), dt.date(plan.plan.year, 12, 31)
    per_day = (CX1 - CX0) / ((end - start).days + 1)
    bars = [e for k in ("campaign", "component", "touchpoint", "blackout") for e in marks(root, k)]
    assert len(bars) > 10
    for e in bars:
        a = dt.date.fromisoformat(e.get("data-start", ""))
        b = dt.date.fromisoformat(e.get("data-end", ""))
        assert float(e.get("x", "")) == pytest.approx(CX0 + (a - start).days * per_day, abs=0.1)
        width = float(e.get("width", ""))
        assert width == pytest.approx(((b - a).days + 1) * per_day, abs=0.2)


def test_names_are_complete_and_the_texts_never_overlap(plan: Plan) -> None:
    data = gantt_data(plan, TODAY)
    lay = layout(data)
    shown = " ".join(b.text for b in lay.texts if b.role == "name")
    for c in plan.campaigns:
        assert c.name in shown
        for k in c.components:
            assert k.name in shown
    for m in (m for c in plan.campaigns for m in c.milestones):
        assert m.name in shown
    boxes = lay.texts
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.x + a.w <= lay.width, a
        assert a.y >= 0 and a.y + a.h <= lay.height, a
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (a, b)
    for b in boxes:
        if b.role in ("name", "meta"):
            assert b.x + b.w <= MARGIN + LABEL_W + 0.01, b


def test_a_long_name_wraps_in_full_and_the_rows_make_room() -> None:
    plan = load(PLAN)
    long = (
        "Campaña de prueba con un nombre larguísimo " * 5 + "Supercalifragilisticoespialidoso" * 3
    )
    first = plan.campaigns[0].model_copy(update={"name": long.strip()})
    plan = plan.model_copy(update={"campaigns": [first, *plan.campaigns[1:]]})
    lay = layout(gantt_data(plan, TODAY))
    lines = [b for b in lay.texts if b.role == "name" and b.ref == first.id]
    assert len(lines) > 3
    assert "".join(b.text.replace(" ", "") for b in lines) == long.replace(" ", "")
    for i, a in enumerate(lay.texts):
        for b in lay.texts[i + 1 :]:
            assert not a.overlaps(b), (a, b)


def test_wrap_never_cuts() -> None:
    assert wrap("", 100, 12) == [""]
    assert wrap("uno dos", 1000, 12) == ["uno dos"]
    lines = wrap("x" * 80, 100, 12)
    assert len(lines) > 1 and "".join(lines) == "x" * 80


def test_the_blackout_is_a_band_across_every_row_with_its_name_and_dates(plan: Plan) -> None:
    root = chart(plan)
    (band,) = marks(root, "blackout")
    assert band.get("data-id") == "veda-electoral-2024"
    assert (band.get("data-start"), band.get("data-end")) == ("2024-03-01", "2024-06-02")
    assert band.get("fill") == "url(#veda-hatch)"
    top, bottom = float(band.get("y", "")), float(band.get("y", "")) + float(band.get("height", ""))
    for e in marks(root, "campaign") + marks(root, "touchpoint"):
        assert top < float(e.get("y", "")) < bottom
    shown = texts(root)
    assert "Veda electoral federal 2024" in shown and "1 mar – 2 jun" in shown


def test_days_inside_the_blackout_without_an_approved_exception_are_marked() -> None:
    plan = load(PLAN)
    root = chart(plan)
    pending = [e for e in root.iter() if e.get("data-mark") == "pending"]
    # the shipped plan: six pending rows (and the components run on them), no other risk
    assert {e.get("data-mark") for e in root.iter() if e.get("data-mark")} == {"pending"}
    assert {(e.get("data-id"), e.get("data-touchpoint")) for e in pending} >= {
        ("atencion", "medios-masivos"),
        ("trabajadores-independientes", "comunicacion-social"),
    }
    for e in pending:
        assert "2024-03-01" <= e.get("data-start", "") <= e.get("data-end", "") <= "2024-06-02"
    # brigadas is not restricted by the veda: never marked
    assert not [e for e in pending if e.get("data-touchpoint") == "brigadas"]

    denied = chart(plan, assume_ine="denied")
    kinds = [e.get("data-mark") for e in denied.iter() if e.get("data-mark")]
    assert kinds and set(kinds) == {"suspended"} and len(kinds) == len(pending)
    approved = chart(plan, assume_ine="approved")
    assert not [e for e in approved.iter() if e.get("data-mark")]


def test_an_approved_exception_is_not_marked_and_none_requested_is_suspended() -> None:
    plan = load(PLAN)
    c = plan.campaign("trabajadores-independientes")
    assert c is not None
    rows = [
        c.execution[0].model_copy(update={"ine_exception": "approved"}),
        c.execution[1].model_copy(update={"ine_exception": None}),
        *c.execution[2:],
    ]
    changed = c.model_copy(update={"execution": rows})
    plan = plan.model_copy(
        update={"campaigns": [changed if x.id == c.id else x for x in plan.campaigns]}
    )
    root = chart(plan, campaigns=[c.id])
    by_tp = {
        e.get("data-touchpoint"): e.get("data-mark") for e in root.iter() if e.get("data-mark")
    }
    assert "medios-masivos" not in by_tp
    assert by_tp["digital"] == "suspended"
    assert by_tp["comunicacion-social"] == "pending"
    legend = {e.get("data-legend") for e in root.iter() if e.get("data-legend")}
    assert {"suspended", "pending"} <= legend


def test_the_legend_names_every_mark_used_and_only_those(plan: Plan) -> None:
    for today in (TODAY, dt.date(2025, 1, 10)):
        root = chart(plan, today=today)
        used = {e.get("data-kind") for e in root.iter() if e.get("data-kind")}
        used |= {e.get("data-mark") for e in root.iter() if e.get("data-mark")}
        legend = {e.get("data-legend") for e in root.iter() if e.get("data-legend")}
        assert used == legend
        assert ("today" in used) == (today == TODAY)
    if any(c.milestones for c in plan.campaigns):
        assert marks(chart(plan), "milestone")


def test_milestones_are_diamonds_on_their_dates() -> None:
    plan = load(EXAMPLE)
    root = chart(plan)
    found = {(e.get("data-id"), e.get("data-milestone")): e for e in marks(root, "milestone")}
    expected = {(c.id, m.id): m for c in plan.campaigns for m in c.milestones}
    assert set(found) == set(expected)
    per_day = (CX1 - CX0) / 366
    for key, m in expected.items():
        e = found[key]
        assert e.get("data-start") == e.get("data-end") == str(m.date)
        d = e.get("d", "")
        assert d.startswith("M") and d.count("L") == 3
        cx = float(d[1:].split(",")[0])
        assert cx == pytest.approx(
            CX0 + ((m.date - dt.date(2024, 1, 1)).days + 0.5) * per_day, abs=0.1
        )


def test_the_today_line_crosses_every_row_only_inside_the_window(plan: Plan) -> None:
    root = chart(plan)
    (line,) = marks(root, "today")
    assert line.get("data-start") == "2024-04-15"
    band = marks(root, "blackout")[0]
    bottom = float(band.get("y", "")) + float(band.get("height", ""))
    assert float(line.get("y2", "")) == pytest.approx(bottom)
    assert "hoy · 15 abr" in texts(root)
    assert not marks(chart(plan, today=dt.date(2023, 12, 31)), "today")


def test_filters_campaign_touchpoint_and_window() -> None:
    plan = load(EXAMPLE)
    only = chart(plan, campaigns=["credito"])
    assert {e.get("data-id") for e in root_bars(only)} == {"credito"}
    digital = chart(plan, touchpoint="digital")
    rows = marks(digital, "touchpoint") + marks(digital, "component")
    assert rows and {e.get("data-touchpoint") for e in rows} == {"digital"}
    march = chart(plan, start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))
    for e in root_bars(march):
        x, w = float(e.get("x", "")), float(e.get("width", ""))
        assert x >= CX0 - 0.1 and x + w <= CX1 + 0.1
        assert e.get("data-start", "") <= "2024-03-31" and e.get("data-end", "") >= "2024-03-01"
    labels = [t.text for t in march.iter(f"{NS}text")]
    assert "marzo 2024" in labels  # a short window names its month in full
    assert {"4", "11", "18", "25"} <= set(labels)  # the Mondays, labelled in a short window
    assert not marks(march, "today") and "hoy · 15 abr" not in labels


def root_bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("data-kind") in ("campaign", "component", "touchpoint")]


def test_text_from_the_plan_is_escaped() -> None:
    plan = load(PLAN)
    evil = 'Logros <b>"laborales"</b> & más\x01\x1b fin'
    first = plan.campaigns[0].model_copy(update={"name": evil, "id": "logros-laborales"})
    plan = plan.model_copy(update={"campaigns": [first, *plan.campaigns[1:]]})
    text = svg_from_data(gantt_data(plan, TODAY))
    root = parse(text)  # well-formed XML despite the control characters
    assert "<b>" not in text
    assert 'Logros <b>"laborales"</b> & más\ufffd\ufffd fin' in texts(root)
    assert not list(root.iter(f"{NS}b"))


def test_export_svg_writes_a_file_or_stdout(cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "plan.svg"
    r = cli("export", "svg", "--plan", str(PLAN), "--today", "2024-04-15", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "plan.svg" in r.stderr
    root = parse(out.read_text(encoding="utf-8"))
    assert len(marks(root, "campaign")) == 5
    r = cli("export", "svg", "--plan", str(PLAN), "--today", "2024-04-15", "-c", "atencion")
    assert r.exit_code == 0, r.stderr
    assert {e.get("data-id") for e in marks(parse(r.stdout), "campaign")} == {"atencion"}
    r = cli("export", "svg", "--plan", str(PLAN), "--month", "marzo", "--today", "2024-04-15")
    assert r.exit_code == 0 and "<svg" in r.stdout
    r = cli("export", "svg", "--plan", str(PLAN), "--month", "brumario")
    assert r.exit_code != 0 and "brumario" in r.stderr


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["validate"], []),
        (["schedule"], []),
        (["show", "atencion"], []),
        (["list"], []),
        (["audience"], []),
        (["export", "svg", "-o", "-"], ["campana.gantt", "campana.render.gantt"]),
        (["export", "ics", "--today", "2024-03-01"], []),
        (["export", "csv"], []),
        (
            ["export", "html", "-o", "-"],
            ["campana.gantt", "campana.render.gantt", "campana.render.report"],
        ),
    ],
)
def test_the_drawing_code_is_imported_only_by_the_picture_exports(
    args: list[str], loaded: list[str]
) -> None:
    argv = ["campana", *args, "--plan", str(PLAN)]
    probe = (
        "import sys\n"
        "from campana.cli import main\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m in "
        "('campana.render.gantt', 'campana.render.report', 'campana.gantt')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CAMPANA_PLAN"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert done.stdout.strip().splitlines()[-1] == repr(loaded), done.stdout[-300:] + done.stderr


def test_an_empty_window_says_so() -> None:
    root = chart(load(PLAN), start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31))
    assert not marks(root, "campaign")
    assert "Nada programado en este periodo." in texts(root)


SHIPPED = load(PLAN)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(st.text(min_size=1, max_size=120), min_size=1, max_size=3))
def test_any_names_give_well_formed_svg_with_room_for_every_text(names: list[str]) -> None:
    from campana.render.gantt import clean

    campaigns = [
        c.model_copy(update={"name": n}) for c, n in zip(SHIPPED.campaigns, names, strict=False)
    ]
    plan = SHIPPED.model_copy(update={"campaigns": campaigns})
    data = gantt_data(plan, TODAY)
    root = parse(svg_from_data(data))
    shown = "".join(t.text or "" for t in root.iter(f"{NS}text")).replace(" ", "")
    for n in names:
        assert "".join(clean(n).split()) in shown
    lay = layout(data)
    for i, a in enumerate(lay.texts):
        assert a.x >= 0 and a.x + a.w <= lay.width
        for b in lay.texts[i + 1 :]:
            assert not a.overlaps(b), (a, b)


@pytest.mark.parametrize("assume", [None, "denied", "negada", "approved", "pending"])
def test_the_marked_days_are_what_campana_ine_suspends(plan: Plan, assume: str | None) -> None:
    from campana import ine

    root = chart(plan, assume_ine=assume)
    got: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for e in root.iter():
        if e.get("data-mark") and e.get("data-kind") is None:
            key = (e.get("data-id", ""), e.get("data-touchpoint", ""))
            got.setdefault(key, []).append(
                (e.get("data-start", ""), e.get("data-end", ""), e.get("data-mark", ""))
            )
    # the execution rows' marks (touchpoint bars) against the core, row by row
    bars = {(e.get("data-id"), e.get("data-touchpoint")) for e in marks(root, "touchpoint")}
    expected: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for c in plan.campaigns:
        for row in c.execution:
            if (c.id, row.touchpoint) not in bars:
                continue
            status = ine.row_status(row, plan, assume_ine=assume)
            kind = "pending" if status == "pending" else "suspended"
            for a, z in ine.suspended_spans(row, plan, assume_ine=assume):
                expected.setdefault((c.id, row.touchpoint), []).append(
                    (a.isoformat(), z.isoformat(), kind)
                )
    # the shipped and example plans have pending rows inside the veda: only "approved" clears them
    assert bool(expected) == (assume != "approved")
    for key, spans in expected.items():
        assert set(spans) <= set(got[key]), key
    if assume == "approved":
        assert not got
    if assume in ("denied", "negada"):
        assert {m for spans in got.values() for *_, m in spans} == {"suspended"}


def test_a_scenario_is_said_under_the_title_and_in_the_legend() -> None:
    plan = load(PLAN)
    lay = layout(gantt_data(plan, TODAY, assume_ine="negada"))
    roles = [t.role for t in lay.texts]
    scenario = [t.text for t in lay.texts if t.role == "scenario"]
    assert scenario == ["Escenario: toda excepción del INE pendiente se considera negada"]
    # right under the title and subtitle, above the chart
    assert roles.index("scenario") == roles.index("subtitle") + 1
    legend = " ".join(t.text for t in lay.texts if t.role == "legend")
    assert "Días suspendidos por la veda" in legend and "escenario: pendientes negadas" in legend
    plain = layout(gantt_data(plan, TODAY))
    assert "scenario" not in [t.role for t in plain.texts]


def test_rows_no_blackout_restricts_say_no_aplica_and_are_never_marked() -> None:
    plan = load(PLAN)
    data = gantt_data(plan, TODAY, assume_ine="denied")
    brigadas = [r for r in data.rows if r.touchpoint == "brigadas"]
    assert brigadas and all(r.ine_status == "not-applicable" and not r.marked for r in brigadas)
    restricted = [r for r in data.rows if r.touchpoint == "digital" and r.kind == "touchpoint"]
    assert restricted and all(r.ine_status == "denied" and r.ine_es == "negada" for r in restricted)
    import campana.gantt as gantt

    assert not hasattr(gantt, "effective_ine")  # one scenario logic: campana.ine


def test_second_lines_are_large_and_dark_enough_to_print(plan: Plan) -> None:
    root = chart(plan)
    small = {
        (t.get("font-size"), t.get("fill"), t.text)
        for t in root.iter(f"{NS}text")
        if float(t.get("font-size", "0")) < 11.5 and t.text and not t.text.isdigit()
    }
    # only the blackout's second line (11) and the week numbers may be smaller
    assert {(size, fill) for size, fill, _ in small} <= {("11", "#3c4043")}, small
    meta = [t for t in root.iter(f"{NS}text") if "responsable" in (t.text or "")]
    assert all(t.get("fill") == "#3c4043" for t in meta)
    brigadas = [r for r in gantt_data(plan, TODAY).rows if r.touchpoint == "brigadas"]
    assert brigadas and all(r.during_blackout and not r.in_blackout for r in brigadas)
    assert "componente · excepción INE: no aplica" in texts(root)  # Cambaceo


def _crossed_by_today(lay: Layout) -> list[TextBox]:
    assert lay.today_x is not None
    t = lay.today_x
    return [
        b
        for b in lay.texts
        if b.x - 1 <= t <= b.x + b.w + 1 and lay.today_top < b.y + b.h and b.y < lay.rows_bottom
    ]


@pytest.mark.parametrize(
    "window",
    [
        None,
        (dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        (dt.date(2024, 2, 1), dt.date(2024, 4, 30)),
    ],
    ids=["year", "march", "three-months"],
)
def test_the_today_line_runs_through_no_text(
    plan: Plan, window: tuple[dt.date, dt.date] | None
) -> None:
    """Dates beside or on a bar move out of the line's way; the month names and week ticks sit
    above where it starts (15 mar: it used to cut «15 ene – 29 feb», the «hoy» label, «mar» and,
    in March alone, every dates chip)."""
    start, end = window or (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    day = start
    while day <= end:
        lay = layout(gantt_data(plan, day, start=start, end=end))
        assert lay.today_x is not None
        assert _crossed_by_today(lay) == [], day
        assert lay.backed == [], day
        label = next(b for b in lay.texts if b.role == "today")
        months = [b for b in lay.texts if b.role in ("month", "week")]
        assert label.y + label.h <= lay.today_top and all(
            b.y + b.h <= lay.today_top for b in months
        )
        day += dt.timedelta(days=3 if window else 5)


def test_months_are_named_alike_across_the_window() -> None:
    """A four-month window named June and July in full but «ago» and «sep» short."""
    plan = load(PLAN)

    def months(start: dt.date, end: dt.date) -> list[str]:
        lay = layout(gantt_data(plan, TODAY, start=start, end=end))
        return [b.text for b in lay.texts if b.role == "month"]

    assert months(dt.date(2024, 6, 1), dt.date(2024, 9, 30)) == [
        "junio 2024",
        "julio 2024",
        "agosto 2024",
        "septiembre 2024",
    ]
    year = months(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert year[:3] == ["ene 2024", "feb", "mar"] and len(year) == 12
    # a month the window cuts short keeps a name that fits, short if it must
    assert months(dt.date(2024, 6, 27), dt.date(2024, 9, 30))[0] in ("jun", "junio 2024")


def test_a_legend_entry_goes_to_a_new_line_only_when_it_does_not_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gap after an entry counted against the line's end, so a line's last entry could
    wrap with room to spare."""
    import campana.render.gantt as render
    from campana.render.gantt import WIDTH, text_width

    data = gantt_data(load(PLAN), TODAY)
    start = MARGIN + text_width("Leyenda", 13, bold=True) + 20
    room = WIDTH - MARGIN - start
    tail = 26 + text_width("Hoy", 12)
    # a first label that leaves room for «Hoy» but not for «Hoy» and a gap after it
    n = 1
    while 26 + text_width("a" * (n + 1), 12) + 22 + tail <= room:
        n += 1
    first = "a" * n
    assert (
        26 + text_width(first, 12) + 22 + tail
        <= room
        < (26 + text_width(first, 12) + 22 + tail + 22)
    )
    monkeypatch.setattr(
        render, "_legend_entries", lambda used, d: [("campaign", first), ("today", "Hoy")]
    )
    lay = layout(data)
    a, b = (x for x in lay.texts if x.role == "legend" and x.ref)
    assert a.y == b.y and b.x + b.w <= WIDTH - MARGIN
