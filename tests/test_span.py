"""dates.Span: a closed date interval computed from its ends, never day by day."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from campana.dates import Span, merge_spans, overlap

D = dt.date
BASE = D(2024, 1, 1)
LAST = dt.date.max


def days_of(span: tuple[dt.date, dt.date]) -> set[dt.date]:
    start, end = span
    return {start + dt.timedelta(days=i) for i in range((end - start).days + 1)}


spans = st.builds(
    lambda a, n: Span(BASE + dt.timedelta(days=a), BASE + dt.timedelta(days=a + n)),
    st.integers(0, 60),
    st.integers(0, 20),
)


def test_a_span_is_a_pair_with_interval_answers() -> None:
    s = Span(D(2024, 3, 1), D(2024, 6, 2))
    start, end = s
    assert (start, end) == s == (D(2024, 3, 1), D(2024, 6, 2))
    assert s.days == 94
    assert s.contains(D(2024, 6, 2)) and not s.contains(D(2024, 6, 3))
    assert s.intersection((D(2024, 6, 1), D(2024, 7, 1))) == (D(2024, 6, 1), D(2024, 6, 2))
    assert s.clamp((D(2024, 7, 1), D(2024, 7, 31))) is None
    assert s.overlaps((D(2024, 6, 2), D(2024, 6, 2)))
    assert Span(D(2024, 2, 1), D(2024, 1, 1)).days == 0
    assert Span(D(2024, 2, 1), D(2024, 1, 1)).empty
    assert overlap(D(2024, 1, 1), D(2024, 1, 9), D(2024, 1, 5), D(2024, 2, 1)) == Span(
        D(2024, 1, 5), D(2024, 1, 9)
    )


def test_spans_at_the_end_of_the_calendar_need_no_day_after() -> None:
    whole = Span(D(9999, 1, 1), LAST)
    assert whole.days == 365
    assert whole.minus([(D(9999, 6, 1), LAST)]) == [(D(9999, 1, 1), D(9999, 5, 31))]
    assert whole.minus([whole]) == []
    assert merge_spans([(D(9999, 12, 1), LAST), (D(9999, 1, 1), D(9999, 12, 31))]) == [whole]
    assert Span(dt.date.min, LAST).days == (LAST - dt.date.min).days + 1


@given(spans, spans)
def test_intersection_is_the_shared_days(a: Span, b: Span) -> None:
    cross = a.intersection(b)
    assert (days_of(cross) if cross else set()) == days_of(a) & days_of(b)
    assert a.overlaps(b) == (cross is not None)


@given(spans, st.lists(spans, max_size=5))
def test_minus_leaves_exactly_the_uncovered_days(a: Span, others: list[Span]) -> None:
    left = a.minus(others)
    covered: set[dt.date] = set().union(*(days_of(o) for o in others))
    kept: set[dt.date] = set().union(*(days_of(g) for g in left))
    assert kept == days_of(a) - covered
    assert all(x.end < y.start - dt.timedelta(days=1) for x, y in itertools.pairwise(left))


@given(st.lists(spans, max_size=6))
def test_merge_keeps_the_days_and_separates_the_runs(parts: list[Span]) -> None:
    merged = merge_spans(parts)
    expected: set[dt.date] = set().union(*(days_of(p) for p in parts))
    assert set().union(*(days_of(m) for m in merged)) == expected
    assert all(x.end + dt.timedelta(days=1) < y.start for x, y in itertools.pairwise(merged))
