"""``campana.pairing``: a component and the execution row it mirrors are one line; nothing is
lost or shown twice, whatever the components and rows a campaign has."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from campana.models import Campaign, Component, Execution
from campana.pairing import lines, mirror_of, with_table

D = dt.date(2024, 3, 1)
TOUCHPOINTS = ["medios-masivos", "digital", "brigadas"]


@st.composite
def campaigns(draw: st.DrawFn) -> Campaign:
    n = draw(st.integers(0, 4))
    components = [
        Component(
            id=f"k{i}",
            name=f"Componente {i}",
            start=D,
            end=D + dt.timedelta(days=draw(st.integers(0, 3))),
            touchpoint=draw(st.none() | st.sampled_from(TOUCHPOINTS)),
            tactic=draw(st.none() | st.just("Cambaceo")),
        )
        for i in range(n)
    ]
    rows = [
        Execution(
            touchpoint=tp,
            tactics=["x"],
            start=D,
            end=D + dt.timedelta(days=draw(st.integers(0, 3))),
        )
        for tp in draw(st.lists(st.sampled_from(TOUCHPOINTS), max_size=4))
    ]
    return Campaign(id="c", name="C", start=D, end=D, components=components, execution=rows)


@given(campaigns())
def test_every_component_and_row_is_on_exactly_one_line(c: Campaign) -> None:
    found = lines(c)
    assert [x.component for x in found if x.component is not None] == c.components
    shown = [x.execution for x in found if x.execution is not None]
    assert sorted(map(id, shown)) == sorted(map(id, c.execution))
    for x in found:
        if x.paired:
            assert x.component is not None and x.execution is not None
            assert x.component.tactic is None
            assert x.component.touchpoint == x.execution.touchpoint
            both = (x.execution.start, x.execution.end) == (x.component.start, x.component.end)
            assert (x.table is None) == both
    assert len(mirror_of(c)) == sum(x.paired for x in found)


def test_the_two_periods_are_written_once() -> None:
    table = (dt.date(2024, 1, 22), dt.date(2024, 6, 30))
    assert with_table("22 ene–31 may", table, year=2024, sep="–") == (
        "22 ene–31 may (tabla: 22 ene–30 jun)"
    )
    assert with_table("22 ene–31 may", None) == "22 ene–31 may"
