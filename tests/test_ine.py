"""INE status of execution rows, the assume-ine scenario, suspensions and on-air spans."""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campana.errors import CampanaError
from campana.ine import (
    INE_STATUS,
    STATUSES,
    BlackoutIndex,
    IneError,
    days_inside,
    days_lost_if_denied,
    declared_status,
    is_off_air,
    merge,
    on_air_spans,
    parse_assume_ine,
    row_status,
    scenario_label,
    suspended_spans,
)
from campana.loading import validate_files
from campana.models import Blackout, Execution, Plan
from conftest import PLAN, ROOT

EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"


def suspended_days(row: Execution, blackouts: object, **kwargs: object) -> int:
    """How many days the row is off air under the scenario (the sum of its suspended spans)."""
    spans = suspended_spans(row, blackouts, **kwargs)  # type: ignore[arg-type]
    return sum((e - s).days + 1 for s, e in spans)


D = dt.date
VEDA = (D(2024, 3, 1), D(2024, 6, 2))


@cache
def load(path: Path) -> Plan:
    plan = validate_files([path]).plan
    assert plan is not None
    return plan


def rows(plan: Plan, campaign: str) -> dict[str, Execution]:
    found = plan.campaign(campaign)
    assert found is not None
    return {r.touchpoint: r for r in found.execution}


def row(touchpoint: str, start: dt.date, end: dt.date, ine: str | None = None) -> Execution:
    return Execution(touchpoint=touchpoint, tactics=["t"], start=start, end=end, ine_exception=ine)


BLACKOUTS = [
    Blackout(id="veda", name="Veda", start=VEDA[0], end=VEDA[1], restricts=["digital", "radio"])
]


def test_every_status_has_one_spanish_label() -> None:
    assert set(INE_STATUS) - {None} == set(STATUSES)  # None: no value in the file
    assert INE_STATUS["not-applicable"] == "no aplica"
    assert INE_STATUS["not-requested"] == "no solicitada"


@pytest.mark.parametrize("path", [PLAN, EXAMPLE])
def test_shipped_and_example_statuses(path: Path) -> None:
    plan = load(path)
    atencion = rows(plan, "atencion")
    assert declared_status(atencion["brigadas"], plan) == "not-applicable"
    for tp in ("medios-masivos", "digital", "comunicacion-social"):
        assert declared_status(atencion[tp], plan) == "pending"
        assert row_status(atencion[tp], plan, assume_ine="denied") == "denied"
        assert row_status(atencion[tp], plan, assume_ine="approved") == "approved"
        assert row_status(atencion[tp], plan, assume_ine="pending") == "pending"
    # the scenario never reaches a row the blackout does not restrict
    assert row_status(atencion["brigadas"], plan, assume_ine="denied") == "not-applicable"
    # the example writes «pendiente»: the model reads it as pending
    ti = rows(plan, "trabajadores-independientes")
    assert declared_status(ti["comunicacion-social"], plan) == "pending"


def test_restricted_without_exception_is_not_requested() -> None:
    r = row("digital", D(2024, 2, 1), D(2024, 3, 10))
    assert declared_status(r, BLACKOUTS) == "not-requested"
    # not restricted: another touchpoint, or outside the blackout
    assert declared_status(row("tv", D(2024, 2, 1), D(2024, 3, 10)), BLACKOUTS) == "not-applicable"
    outside = row("digital", D(2024, 7, 1), D(2024, 7, 10), "denied")
    assert declared_status(outside, BLACKOUTS) == "not-applicable"
    # a not-requested row is off air during the blackout, under every scenario
    for scenario in (None, "approved", "denied", "pending"):
        assert suspended_spans(r, BLACKOUTS, assume_ine=scenario) == [(VEDA[0], D(2024, 3, 10))]


def test_suspension_depends_on_the_effective_status() -> None:
    r = row("digital", D(2024, 2, 23), D(2024, 7, 14), "pending")
    assert suspended_days(r, BLACKOUTS) == 94
    assert suspended_days(r, BLACKOUTS, assume_ine="denied") == 94
    assert suspended_days(r, BLACKOUTS, assume_ine="approved") == 0
    assert suspended_days(r, BLACKOUTS, pending_off_air=False) == 0
    assert suspended_days(r, BLACKOUTS, assume_ine="denied", pending_off_air=False) == 94
    assert (
        suspended_days(row("digital", D(2024, 2, 23), D(2024, 7, 14), "approved"), BLACKOUTS) == 0
    )
    assert on_air_spans(r, BLACKOUTS) == [
        (D(2024, 2, 23), D(2024, 2, 29)),
        (D(2024, 6, 3), D(2024, 7, 14)),
    ]
    assert on_air_spans(r, BLACKOUTS, assume_ine="approved") == [(r.start, r.end)]


def test_row_ending_inside_the_blackout_has_no_part_after_it() -> None:
    r = row("radio", D(2024, 1, 22), D(2024, 5, 31), "denied")
    assert on_air_spans(r, BLACKOUTS) == [(D(2024, 1, 22), D(2024, 2, 29))]
    assert days_inside(r, BLACKOUTS) == 92
    assert days_lost_if_denied(r, BLACKOUTS) == 92
    inside = row("radio", D(2024, 4, 1), D(2024, 4, 30), "pending")
    assert on_air_spans(inside, BLACKOUTS) == []
    assert days_lost_if_denied(inside, BLACKOUTS, assume_ine="approved") == 0


def test_overlapping_blackouts_count_each_day_once() -> None:
    two = [
        *BLACKOUTS,
        Blackout(
            id="local",
            name="Local",
            start=D(2024, 5, 20),
            end=D(2024, 6, 10),
            restricts=["digital"],
        ),
    ]
    r = row("digital", D(2024, 1, 1), D(2024, 12, 31), "pending")
    assert suspended_spans(r, two) == [(D(2024, 3, 1), D(2024, 6, 10))]
    assert days_inside(r, two) == 102
    assert on_air_spans(r, two) == [
        (D(2024, 1, 1), D(2024, 2, 29)),
        (D(2024, 6, 11), D(2024, 12, 31)),
    ]


def test_days_lost_if_denied_on_the_shipped_plan() -> None:
    plan = load(PLAN)
    atencion = rows(plan, "atencion")
    assert days_lost_if_denied(atencion["medios-masivos"], plan) == 94
    assert days_lost_if_denied(atencion["comunicacion-social"], plan) == 92
    assert days_lost_if_denied(atencion["brigadas"], plan) == 0


def test_index_is_built_once_and_accepts_plan_list_or_index() -> None:
    plan = load(PLAN)
    index = BlackoutIndex.of(plan)
    assert BlackoutIndex.of(index) is index
    assert [b.id for b in index.restricting("digital")] == ["veda-electoral-2024"]
    assert index.restricting("brigadas") == ()
    r = rows(plan, "atencion")["digital"]
    assert suspended_spans(r, index) == suspended_spans(r, list(plan.blackouts))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("denied", "denied"),
        ("negada", "denied"),
        ("NEGADA", "denied"),
        ("approved", "approved"),
        ("aprobada", "approved"),
        ("pendiente", "pending"),
        ("pending", "pending"),
        (None, None),
    ],
)
def test_parse_assume_ine(text: str | None, expected: str | None) -> None:
    assert parse_assume_ine(text) == expected


@pytest.mark.parametrize("text", ["", "sí", "no", "aprobar", "\x1bdenied"])
def test_parse_assume_ine_refuses_anything_else(text: str) -> None:
    with pytest.raises(IneError) as info:
        parse_assume_ine(text)
    assert isinstance(info.value, CampanaError)
    assert "\x1b" not in info.value.message
    assert "negada, aprobada o pendiente" in (info.value.hint or "")


def test_scenario_label() -> None:
    assert scenario_label(None) is None
    assert scenario_label("denied") == (
        "Escenario: toda excepción del INE pendiente se considera negada"
    )


def test_off_air_statuses() -> None:
    assert [s for s in STATUSES if is_off_air(s)] == ["not-requested", "pending", "denied"]
    assert [s for s in STATUSES if is_off_air(s, pending_off_air=False)] == [
        "not-requested",
        "denied",
    ]


SPANS = st.lists(
    st.tuples(st.dates(D(2024, 1, 1), D(2024, 12, 31)), st.integers(0, 40)).map(
        lambda p: (p[0], p[0] + dt.timedelta(days=p[1]))
    ),
    max_size=8,
)


@given(SPANS)
def test_merge_keeps_exactly_the_same_days(spans: list[tuple[dt.date, dt.date]]) -> None:
    def days(items: list[tuple[dt.date, dt.date]]) -> set[dt.date]:
        return {s + dt.timedelta(days=i) for s, e in items for i in range((e - s).days + 1)}

    merged = merge(spans)
    assert days(merged) == days(spans)
    for (_, e1), (s2, _) in itertools.pairwise(merged):
        assert (s2 - e1).days > 1


@given(
    st.dates(D(2024, 1, 1), D(2024, 12, 31)),
    st.integers(0, 200),
    st.sampled_from([None, "pending", "approved", "denied"]),
    st.sampled_from([None, "approved", "denied", "pending"]),
)
def test_on_air_and_suspended_partition_the_row(
    start: dt.date, length: int, ine: str | None, scenario: str | None
) -> None:
    r = row("digital", start, start + dt.timedelta(days=length), ine)
    on = sum((e - s).days + 1 for s, e in on_air_spans(r, BLACKOUTS, assume_ine=scenario))
    off = suspended_days(r, BLACKOUTS, assume_ine=scenario)
    assert on + off == length + 1
    assert off in (0, days_inside(r, BLACKOUTS))


def test_scenarios_may_be_spanish_anywhere() -> None:
    plan = load(PLAN)
    r = rows(plan, "atencion")["digital"]
    assert row_status(r, plan, assume_ine="negada") == "denied"
    assert suspended_days(r, plan, assume_ine="aprobada") == 0
    with pytest.raises(IneError):
        row_status(r, plan, assume_ine="quizá")


def test_one_module_answers_blackout_questions() -> None:
    """Which touchpoints a blackout restricts and where it crosses a period, asked of ine."""
    from campana import ine

    two = [
        *BLACKOUTS,
        Blackout(
            id="local", name="Local", start=D(2024, 7, 1), end=D(2024, 7, 10), restricts=["tv"]
        ),
    ]
    veda, local = two
    assert ine.restricts(veda, "radio") and not ine.restricts(veda, "tv")
    assert not ine.restricts(veda, None)
    assert ine.crossing(veda, D(2024, 5, 30), D(2024, 6, 20)) == (D(2024, 5, 30), VEDA[1])
    assert ine.crossing(veda, D(2024, 6, 3), D(2024, 6, 20)) is None
    assert ine.during(two, D(2024, 6, 1), D(2024, 7, 1)) == [veda, local]
    assert ine.during(two, D(2024, 6, 3), D(2024, 6, 30)) == []
    assert ine.runs_during(two, D(2024, 7, 10), D(2024, 8, 1))
    assert not ine.runs_during(two, D(2024, 7, 11), D(2024, 8, 1))
    assert list(ine.blackout_overlaps(two, "tv", D(2024, 1, 1), D(2024, 12, 31))) == [
        (local, (D(2024, 7, 1), D(2024, 7, 10)))
    ]
    assert list(ine.blackout_overlaps(two, None, D(2024, 1, 1), D(2024, 12, 31))) == []
    assert ine.assumed_exception("pending", "denied") == "denied"
    assert ine.assumed_exception("approved", "denied") == "approved"
    assert ine.assumed_exception(None, None) is None
    assert [ine.exception_off_air(e) for e in (None, "pending", "approved", "denied")] == [
        True,
        False,
        False,
        True,
    ]


def test_no_module_but_ine_decides_what_a_blackout_restricts() -> None:
    """Nothing else tests a touchpoint against ``restricts`` or crosses a blackout's dates:
    a blackout scoped to a jurisdiction is then added in ine alone."""
    import re

    src = ROOT / "src" / "campana"
    owners = {"ine.py", "models.py", "cache.py"}
    crossing_dates = re.compile(r"overlap\([^)]*\b(?:b|blackout|ab\.blackout)\.start")
    offenders = []
    for path in sorted(src.rglob("*.py")):
        if path.name in owners:
            continue
        text = path.read_text(encoding="utf-8")
        if "restricts_touchpoint(" in text or crossing_dates.search(text):
            offenders.append(str(path.relative_to(src)))
    assert offenders == []
    assert not (src / "blackouts.py").exists()
