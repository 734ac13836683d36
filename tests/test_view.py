"""One view filter: the same campaigns, touchpoint and window in every view."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from campana.agenda import agenda
from campana.dates import Span
from campana.errors import CampanaError
from campana.gantt import gantt_data
from campana.ics import build_calendar
from campana.loading import validate_files
from campana.models import Plan
from campana.queries import schedule, schedule_view
from campana.veda import veda_report
from campana.view import UnknownCampaign, ViewFilter, select
from conftest import PLAN, ROOT

D = dt.date
YEAR = Span(D(2024, 1, 1), D(2024, 12, 31))
NOW = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)


@cache
def plan() -> Plan:
    found = validate_files([PLAN]).plan
    assert found is not None
    return found


def test_the_default_filter_keeps_everything() -> None:
    view = ViewFilter()
    chosen = select(plan(), view)
    assert [c.id for c in chosen.campaigns] == [c.id for c in plan().campaigns]
    assert chosen.blackouts == tuple(plan().blackouts)
    assert view.shows(D(1900, 1, 1), D(1900, 1, 1)) and view.matches(["x"])
    assert not view.by_campaign


def test_campaigns_window_and_touchpoint() -> None:
    ids = [c.id for c in plan().campaigns]
    view = ViewFilter((ids[2], ids[0]), "digi", Span(D(2024, 7, 1), D(2024, 7, 31)))
    chosen = select(plan(), view)
    assert [c.id for c in chosen.campaigns] == [ids[0], ids[2]]  # plan order
    assert [c.id for c in chosen.named] == [ids[2], ids[0]]  # the order named
    assert chosen.blackouts == ()  # the shipped blackout ends on 2 jun
    assert view.matches(["Dígital"]) and not view.matches(["Radio", None])
    assert view.shows_day(D(2024, 7, 31)) and not view.shows_day(D(2024, 8, 1))
    assert view.shows(D(2024, 6, 1), D(2024, 7, 1)) and not view.shows(
        D(2024, 1, 1), D(2024, 6, 30)
    )
    assert select(plan(), ViewFilter(())).campaigns == ()
    with pytest.raises(UnknownCampaign) as info:
        select(plan(), ViewFilter(("nada",)))
    assert isinstance(info.value, CampanaError) and "«nada»" in info.value.message


def test_shorthands_make_the_same_filter() -> None:
    assert ViewFilter.of(campaigns=["a"], start=D(2024, 3, 1), end=D(2024, 3, 31)) == ViewFilter(
        ("a",), None, Span(D(2024, 3, 1), D(2024, 3, 31))
    )
    assert ViewFilter.of(start=D(2024, 3, 1), year=2024).window == Span(
        D(2024, 3, 1), D(2024, 12, 31)
    )
    assert ViewFilter.of(end=D(2024, 3, 1)).window is None
    assert ViewFilter().in_year(2024).window == YEAR


def test_every_view_shows_the_filters_campaigns() -> None:
    p = plan()
    one = p.campaigns[1].id
    view = ViewFilter((one,), window=YEAR)
    today = D(2024, 3, 1)
    sched = schedule_view(p, view, today)
    assert {r.campaign for r in sched.rows} == {one}
    assert sched == schedule(p, YEAR.start, YEAR.end, today, campaigns=[one])
    assert {r.campaign for r in gantt_data(p, today, view=view).rows} == {one}
    assert {
        e.campaign for e in agenda(p, start=YEAR.start, end=YEAR.end, today=today, view=view).events
    } <= {one, None}
    veda = veda_report(p, view=view)
    assert {r.campaign_id for b in veda.blackouts for r in b.rows} <= {one}
    assert {c.id for b in veda.blackouts for c in b.campaigns} <= {one}
    assert build_calendar(p, now=NOW, view=view).campaigns == [one]


def test_commands_build_the_filter_once_in_cli_common() -> None:
    """No command resolves --campaign or --touchpoint itself: cli.common.view_filter does."""
    cli = ROOT / "src" / "campana" / "cli"
    for name in ("query_cmd.py", "agenda_cmd.py", "export_cmd.py"):
        text = (cli / name).read_text(encoding="utf-8")
        assert "filters(" not in text and "campaigns(loaded" not in text, name
        assert "view_filter(" in text, name
