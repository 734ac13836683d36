"""Issue 21: far dates (0001-01-01, 9999-12-31, a start after its end) cost what a 2024 date
costs and never end in an internal error; a plan with errors is still answered, with one
notice first on stderr.

The span arithmetic of ``campana.dates`` is checked against counting the days one by one; every
query and export command runs on plans with dates at the ends of the calendar.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campana.dates import Span, days_not_in, merge_spans, union_days
from conftest import DATA, ROOT, Invoke
from helpers import edit

TODAY = "2024-02-26"
EXAMPLE = ROOT / "examples" / "seguimiento"
FIRST, LAST = dt.date.min, dt.date.max

#: every query and export command, as a user runs it (``{out}``: a file in the test's folder)
COMMANDS: list[tuple[str, ...]] = [
    ("schedule",),
    ("schedule", "--month", "marzo"),
    ("schedule", "--on", "2024-03-01"),
    ("show", "atencion"),
    ("show", "atencion", "--assume-ine", "negada"),
    ("list",),
    ("audience",),
    ("agenda",),
    ("agenda", "--assume-ine", "negada"),
    ("veda",),
    ("veda", "--assume-ine", "negada"),
    ("export", "ics", "-o", "{out}.ics"),
    ("export", "ics", "-o", "{out}.ics", "--assume-ine", "negada"),
    ("export", "svg", "-o", "{out}.svg"),
    ("export", "html", "-o", "{out}.html", "--assume-ine", "negada"),
    ("export", "xlsx", "-o", "{out}.xlsx", "--por", "día"),
    ("export", "pdf", "-o", "{out}.pdf"),
    ("export", "pptx", "-o", "{out}.pptx"),
]

#: what the old code took minutes (or seconds) over, and now must not: seconds per command, in
#: process (no start-up), generous for a loaded machine; a 2024 plan takes a tenth of it
BOUND = 3.0


# --- the span arithmetic --------------------------------------------------------------------


def _days(spans: list[tuple[dt.date, dt.date]]) -> set[dt.date]:
    return {a + dt.timedelta(days=i) for a, b in spans for i in range((b - a).days + 1)}


_near = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 3, 31))
_spans = st.lists(st.tuples(_near, _near), max_size=6)


@settings(deadline=None)
@given(_spans, _spans)
def test_span_arithmetic_counts_what_enumerating_the_days_counts(
    spans: list[tuple[dt.date, dt.date]], others: list[tuple[dt.date, dt.date]]
) -> None:
    assert union_days(spans) == len(_days(spans))
    assert days_not_in(spans, others) == len(_days(spans) - _days(others))
    real = [s for s in spans if s[0] <= s[1]]
    merged = merge_spans(real)
    assert _days(merged) == _days(spans)
    # disjoint, not touching, by date
    assert all(b[0] > a[1] + dt.timedelta(days=1) for a, b in pairwise(merged))
    for span in real:
        parts = Span(*span).minus(merge_spans(o for o in others if o[0] <= o[1]))
        assert _days(parts) == _days([span]) - _days(others)
        assert parts == merge_spans(parts)


_far = st.one_of(st.sampled_from([FIRST, LAST]), st.dates())


@settings(deadline=None)
@given(st.lists(st.tuples(_far, _far), max_size=6), st.lists(st.tuples(_far, _far), max_size=6))
def test_span_arithmetic_at_the_ends_of_the_calendar(
    spans: list[tuple[dt.date, dt.date]], others: list[tuple[dt.date, dt.date]]
) -> None:
    """Spans of thousands of years cost what spans of days cost: nothing walks the days, and
    nothing steps past 0001-01-01 or 9999-12-31."""
    started = time.perf_counter()
    total = union_days(spans)
    assert 0 <= total <= (LAST - FIRST).days + 1
    assert 0 <= days_not_in(spans, others) <= total
    merged = merge_spans(s for s in spans if s[0] <= s[1])
    assert sum(s.days for s in merged) == total
    holes = merge_spans(o for o in others if o[0] <= o[1])
    for span in spans:
        parts = Span(*span).minus(holes)
        assert all(span[0] <= a <= b <= span[1] for a, b in parts)
    assert time.perf_counter() - started < 0.5


def test_the_whole_calendar_is_one_span() -> None:
    assert union_days([(FIRST, LAST)]) == 3_652_059
    assert union_days([(FIRST, LAST), (LAST, LAST), (LAST, FIRST)]) == 3_652_059
    assert days_not_in([(FIRST, LAST)], [(FIRST, LAST)]) == 0
    assert (
        days_not_in([(FIRST, LAST)], [(dt.date(2024, 3, 1), LAST)])
        == (dt.date(2024, 2, 29) - FIRST).days + 1
    )


# --- every command on far dates -------------------------------------------------------------


def _all_far(text: str) -> str:
    text = re.sub(r"\bend: \d{4}-\d{2}-\d{2}", "end: 9999-12-31", text)
    return re.sub(r"\bstart: \d{4}-\d{2}-\d{2}", "start: 0001-01-01", text)


def _swapped_far(text: str) -> str:
    text = re.sub(r"\bend: \d{4}-\d{2}-\d{2}", "end: 0001-01-01", text)
    return re.sub(r"\bstart: \d{4}-\d{2}-\d{2}", "start: 9999-12-31", text)


def _issue_21(text: str) -> str:
    """The plan of the issue: Cambaceo's dates swapped, Brigadas' component to 9999-12-31."""
    cambaceo = "start: 2024-01-10\n        end: 2024-05-31\n        touchpoint: brigadas"
    brigadas = "start: 2024-01-22\n        end: 2024-05-31\n        touchpoint: brigadas"
    assert text.count(cambaceo) == 1 and text.count(brigadas) == 1
    text = text.replace(cambaceo, cambaceo.replace("2024-01-10", "X").replace("2024-05-31", "Y"))
    text = text.replace("start: X", "start: 2024-05-31").replace("end: Y", "end: 2024-01-10")
    return text.replace(brigadas, brigadas.replace("end: 2024-05-31", "end: 9999-12-31"))


def _blackout_forever(text: str) -> str:
    """The blackout over the whole calendar."""
    text = text.replace("start: 2024-03-01\n    end: 2024-06-02", "start: 0001-01-01\n    end: X")
    assert "end: X" in text
    return text.replace("end: X", "end: 9999-12-31")


def _milestones_far(text: str) -> str:
    """The example plan's milestones on the first and the last day there is."""
    dates = re.findall(r"\bdate: \d{4}-\d{2}-\d{2}", text)
    assert len(dates) >= 2
    text = re.sub(r"\bdate: \d{4}-\d{2}-\d{2}", "date: 9999-12-31", text, count=1)
    return re.sub(r"\bdate: 2\d{3}-\d{2}-\d{2}", "date: 0001-01-01", text, count=1)


#: (the plan it starts from: the shipped one or the example with milestones, the edit)
VARIANTS: dict[str, tuple[Path, Callable[[str], str]]] = {
    "all-far": (DATA, _all_far),
    "swapped-far": (DATA, _swapped_far),
    "issue-21": (DATA, _issue_21),
    "blackout-forever": (DATA, _blackout_forever),
    "milestones-far": (EXAMPLE, _milestones_far),
    "example-all-far": (EXAMPLE, _all_far),
}


def _clean(r: object) -> str:
    text = f"{r.stdout}\n{r.stderr}"  # type: ignore[attr-defined]
    assert "error interno" not in text and "Traceback" not in text, text[-2000:]
    return text


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_far_dates_through_every_command(
    cli: Invoke, plan_dir: Path, tmp_path: Path, variant: str
) -> None:
    source, change = VARIANTS[variant]
    for name in ("campaigns.yaml", "audience.yaml"):
        shutil.copy(source / name, plan_dir / name)
    plan = plan_dir / "campaigns.yaml"
    before = plan.read_text(encoding="utf-8")
    plan.write_text(change(before), encoding="utf-8")
    assert plan.read_text(encoding="utf-8") != before
    r = cli("validate", str(plan))
    _clean(r)
    assert r.exit_code in (0, 1)
    for args in COMMANDS:
        full = [a.replace("{out}", str(tmp_path / "out")) for a in args]
        started = time.perf_counter()
        r = cli(*full, "--plan", str(plan), "--today", TODAY)
        took = time.perf_counter() - started
        _clean(r)
        # a plan validate reads is answered: 0 (or 2 for an audience a command cannot use)
        assert r.exit_code in (0, 1, 2), (args, r.stderr)
        assert r.exit_code == 0, (args, r.stderr)
        assert took < BOUND, (args, took)
    r = cli("diff", str(source / "campaigns.yaml"), str(plan))
    _clean(r)
    assert r.exit_code in (0, 1)


def test_a_component_to_the_last_day_there_is_is_left_out_of_the_calendar(
    cli: Invoke, plan_dir: Path
) -> None:
    """The issue's plan exports its calendar: the event iCalendar cannot hold (an all-day event
    ends the day after its last) is left out, said on stderr; the rest is written."""
    plan = plan_dir / "campaigns.yaml"
    plan.write_text(_issue_21(plan.read_text(encoding="utf-8")), encoding="utf-8")
    r = cli("export", "ics", "--plan", str(plan), "--today", TODAY)
    _clean(r)
    assert r.exit_code == 0 and r.stdout.startswith("BEGIN:VCALENDAR")
    lines = r.stderr.splitlines()
    assert lines[0].startswith("aviso: el plan tiene 1 error;")
    brigadas = next(x for x in lines if "Brigadas de promoción y servicio: Infonavit" in x)
    assert brigadas.startswith("aviso: se omitió «Componente Brigadas")
    assert "31 dic 9999, el último día que existe" in brigadas
    assert "SUMMARY:Componente Brigadas de promoción y servicio: Infonavit" not in r.stdout
    assert "SUMMARY:Componente Digital: Infonavit" in r.stdout


def test_the_issue_plan_shows_its_days_without_walking_them(cli: Invoke, plan_dir: Path) -> None:
    """What ``show`` answers for a component to 9999-12-31: its real length, in a second."""
    plan = plan_dir / "campaigns.yaml"
    plan.write_text(_issue_21(plan.read_text(encoding="utf-8")), encoding="utf-8")
    started = time.perf_counter()
    r = cli("show", "atencion", "--plan", str(plan), "--today", TODAY, columns=120)
    assert time.perf_counter() - started < BOUND
    _clean(r)
    assert r.exit_code == 0
    assert "22 ene 2024 – 31 dic 9999" in r.stdout
    days = (dt.date.max - dt.date(2024, 1, 22)).days + 1
    assert str(days) in r.stdout


def test_a_chart_clamps_a_far_bar_to_its_window(cli: Invoke, plan_dir: Path) -> None:
    """The bar of a component to 9999-12-31 ends at the chart's right edge, as one to the last
    day of the year does."""
    plan = plan_dir / "campaigns.yaml"
    text = plan.read_text(encoding="utf-8")
    brigadas = "end: 2024-05-31\n        touchpoint: brigadas\n      - id: radio"
    assert text.count(brigadas) == 1
    bars = {}
    for end in ("2024-12-31", "9999-12-31"):
        plan.write_text(text.replace(brigadas, brigadas.replace("2024-05-31", end)), "utf-8")
        r = cli("export", "svg", "--plan", str(plan), "--today", TODAY)
        _clean(r)
        assert r.exit_code == 0
        bar = re.search(
            r'<rect data-kind="component" data-id="atencion" data-touchpoint="brigadas" '
            rf'data-start="2024-01-22" data-end="{end}" x="([\d.]+)" y="[\d.]+" '
            r'width="([\d.]+)"',
            r.stdout,
        )
        assert bar is not None, r.stdout
        bars[end] = bar.groups()
    assert bars["2024-12-31"] == bars["9999-12-31"]


# --- a plan with errors: answered, with one notice first ------------------------------------

NOTICE_ONE = (
    "aviso: el plan tiene 1 error; las respuestas pueden no ser fiables. "
    "Corre «campana validate» para verlo."
)
NOTICE_TWO = (
    "aviso: el plan tiene 2 errores; las respuestas pueden no ser fiables. "
    "Corre «campana validate» para verlos."
)


def _one_error(plan: Path) -> None:
    """Cambaceo ends before it starts: one error (end-before-start)."""
    edit(plan, "start: 2024-01-10", "start: 2024-06-10")


def _two_errors(plan: Path) -> None:
    _one_error(plan)
    edit(plan, "start: 2024-09-17", "start: 2024-12-20")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a).replace("{out}", "F"))
def test_a_plan_with_an_error_is_answered_with_a_notice_first(
    cli: Invoke, plan_dir: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    plan = plan_dir / "campaigns.yaml"
    full = [a.replace("{out}", str(tmp_path / "out")) for a in args]
    clean = cli(*full, "--plan", str(plan), "--today", TODAY)
    assert clean.exit_code == 0
    assert "aviso: el plan tiene" not in clean.stderr
    _one_error(plan)
    r = cli("validate", str(plan), "--format", "json")
    assert r.exit_code == 1 and r.stdout.count('"severity": "error"') == 1
    r = cli(*full, "--plan", str(plan), "--today", TODAY)
    _clean(r)
    assert r.exit_code == 0
    assert r.stderr.splitlines()[0] == NOTICE_ONE
    assert r.stderr.count("aviso: el plan tiene") == 1
    assert "aviso: el plan tiene" not in r.stdout  # data stays data
    assert r.stdout or "-o" in full


def test_the_notice_counts_the_errors(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    _two_errors(plan)
    r = cli("validate", str(plan))
    assert r.exit_code == 1 and "2 errores" in r.stdout
    for args in (("schedule",), ("list", "--format", "json"), ("veda", "--format", "csv")):
        r = cli(*args, "--plan", str(plan), "--today", TODAY)
        assert r.exit_code == 0
        assert r.stderr.splitlines()[0] == NOTICE_TWO


def test_the_notice_counts_the_plan_as_written_not_a_scenario(cli: Invoke, plan_dir: Path) -> None:
    """Under «--assume-ine negada» pending exceptions become errors of the scenario; the notice
    counts what validate shows for the plan, and a clean plan has none."""
    plan = plan_dir / "campaigns.yaml"
    args = ("show", "atencion", "--assume-ine", "negada", "--format", "json")
    r = cli(*args, "--plan", str(plan), "--today", TODAY)
    assert r.exit_code == 0 and '"severity": "error"' in r.stdout  # the scenario's findings
    assert r.stderr.splitlines() == [
        "Escenario: toda excepción del INE pendiente se considera negada"
    ]
    _one_error(plan)
    r = cli(*args, "--plan", str(plan), "--today", TODAY)
    assert r.exit_code == 0
    assert r.stderr.splitlines()[:2] == [
        NOTICE_ONE,
        "Escenario: toda excepción del INE pendiente se considera negada",
    ]


def test_the_notice_from_the_cache_is_the_same(
    cli: Invoke, plan_dir: Path, cache_dir: Path
) -> None:
    plan = plan_dir / "campaigns.yaml"
    _one_error(plan)
    first = cli("schedule", "--plan", str(plan), "--today", TODAY, env={"CAMPANA_NO_CACHE": None})
    second = cli("schedule", "--plan", str(plan), "--today", TODAY, env={"CAMPANA_NO_CACHE": None})
    assert first == second
    assert first.stderr.splitlines()[0] == NOTICE_ONE


def test_a_plan_whose_models_cannot_be_built_is_still_refused(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "year: 2024", "year: dos mil")
    for args in (("schedule",), ("export", "svg")):
        r = cli(*args, "--plan", str(plan), "--today", TODAY)
        _clean(r)
        assert r.exit_code == 2
        assert "no se puede consultar" in r.stderr
        assert "aviso: el plan tiene" not in r.stderr


# --- far dates, at random -------------------------------------------------------------------

_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.sampled_from(["0001-01-01", "9999-12-31", "swap"])),
        min_size=1,
        max_size=4,
    )
)
def test_far_dates_at_random_never_crash(
    cli: Invoke, tmp_path: Path, edits: list[tuple[int, str]]
) -> None:
    """Any date of the plan moved to an end of the calendar, or two dates swapped: every
    command whose answer walks the dates (show, the report, the agenda, the calendar) answers
    in time, never with an internal error."""
    from conftest import AUDIENCE, PLAN

    text = PLAN.read_text(encoding="utf-8")
    for where, what in edits:
        found = list(_DATE.finditer(text))
        k = where % len(found)
        if what == "swap":
            a, b = found[k], found[(k + 1) % len(found)]
            a, b = sorted((a, b), key=lambda m: m.start())
            text = text[: a.start()] + b[0] + text[a.end() : b.start()] + a[0] + text[b.end() :]
        else:
            text = text[: found[k].start()] + what + text[found[k].end() :]
    folder = tmp_path / f"p{abs(hash(tuple(edits)))}"
    folder.mkdir()
    (folder / "campaigns.yaml").write_text(text, encoding="utf-8")
    (folder / "audience.yaml").write_text(AUDIENCE.read_text(encoding="utf-8"), encoding="utf-8")
    plan = str(folder / "campaigns.yaml")
    for args in (
        ("show", "atencion"),
        ("export", "html", "--assume-ine", "negada"),
        ("agenda", "--from", "2024-01-01", "--to", "2024-12-31"),
        ("export", "ics", "--assume-ine", "negada"),
    ):
        started = time.perf_counter()
        r = cli(*args, "--plan", plan, "--today", TODAY)
        assert time.perf_counter() - started < BOUND, args
        _clean(r)
        assert r.exit_code in (0, 1, 2)


def test_agenda_days_past_the_last_day_there_is_is_a_usage_error(cli: Invoke) -> None:
    r = cli("agenda", "--days", "99999999", "--today", TODAY)
    _clean(r)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(
        "error: --days: 99999999 días desde el 26 feb 2024 pasan del 31 dic 9999"
    )
    r = cli("agenda", "--days", "30", "--today", "2200-12-31", "--format", "json")
    assert r.exit_code == 0 and '"to": "2201-01-29"' in r.stdout


def test_the_docs_show_the_notice_as_it_is() -> None:
    docs = (ROOT / "docs" / "fardates.md").read_text(encoding="utf-8")
    assert f"```\n{NOTICE_ONE}\n```" in docs
