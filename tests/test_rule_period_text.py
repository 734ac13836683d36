"""``parse_period_text`` builds dates from its own regex groups, and reads what dateutil read."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import campana.dates as dates
from campana.dates import MONTH_NAMES, MONTHS_EN, MONTHS_ES, parse_date, parse_period_text
from conftest import PLAN, Invoke
from helpers import edit, errors_of, validate_json


def reference(text: str) -> tuple[dt.date, dt.date]:
    """The implementation before the regex groups were used: dateutil reads each end."""
    matches = dates._DAY_MONTH.findall(text.replace("*", " "))
    if len(matches) != 2:
        raise ValueError(
            f"«{text}» no es un periodo «D de mes a D de mes AAAA» (se esperaban dos fechas)"
        )
    (d1, m1, y1), (d2, m2, y2) = matches
    year2 = int(y2) if y2 else None
    year1 = int(y1) if y1 else year2
    if year1 is None or year2 is None:
        raise ValueError(f"al periodo «{text}» le falta el año")
    return parse_date(f"{d1} de {m1} de {year1}"), parse_date(f"{d2} de {m2} de {year2}")


def outcome(parse: object, text: str) -> object:
    try:
        return parse(text)  # type: ignore[operator]
    except ValueError as exc:
        return ("ValueError", str(exc))


MONTH_WORDS = sorted(
    {*MONTH_NAMES, *MONTHS_ES, *MONTHS_EN, "setiembre", "sept", "martes", "de", "xyz", "mayo."}
)


@st.composite
def month_word(draw: st.DrawFn) -> str:
    word = draw(st.one_of(st.sampled_from(sorted(MONTH_NAMES)), st.sampled_from(MONTH_WORDS)))
    case = draw(st.sampled_from([str.lower, str.upper, str.capitalize]))
    suffix = draw(st.sampled_from(["", "", "."]))
    accent = draw(st.booleans())
    word = case(word) + suffix
    return word.replace("e", "é", 1) if accent else word


@st.composite
def day(draw: st.DrawFn) -> str:
    n = draw(st.one_of(st.integers(1, 28), st.integers(0, 39)))
    return f"{n:02d}" if draw(st.booleans()) and n < 10 else str(n)


@st.composite
def period_texts(draw: st.DrawFn) -> str:
    year = st.one_of(st.integers(1990, 2030), st.integers(0, 2200)).map(lambda y: f"{y:04d}")
    y1 = draw(st.one_of(st.just(""), year))
    y2 = draw(st.one_of(year, year, year, st.just("")))
    de = st.sampled_from(["de ", ""])
    of_year = st.sampled_from([" ", " de ", " del "])
    first = f"{draw(day())} {draw(de)}{draw(month_word())}" + (f"{draw(of_year)}{y1}" if y1 else "")
    second = f"{draw(day())} {draw(de)}{draw(month_word())}" + (
        f"{draw(of_year)}{y2}" if y2 else ""
    )
    prefix, joint = draw(
        st.sampled_from([("", " a "), ("entre el ", " y el "), ("del ", " al "), ("*", " – ")])
    )
    return f"{prefix}{first}{joint}{second}"


@settings(max_examples=500, deadline=None)
@given(period_texts())
def test_same_results_and_refusals_as_the_dateutil_reference(text: str) -> None:
    assert outcome(parse_period_text, text) == outcome(reference, text)


def test_printed_periods_of_the_plan_never_reach_dateutil(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = re.findall(r"period_text: (.+)", PLAN.read_text(encoding="utf-8"))
    assert len(texts) >= 8
    expected = {t: reference(t) for t in texts}

    def no_dateutil(*_args: object, **_kwargs: object) -> dt.date:
        raise AssertionError("parse_date called for a period the regex already split")

    monkeypatch.setattr(dates, "parse_date", no_dateutil)
    for text in texts:
        assert parse_period_text(text) == expected[text]
    assert parse_period_text("1 de sept a 3 de DIC 2024") == (
        dt.date(2024, 9, 1),
        dt.date(2024, 12, 3),
    )


def test_impossible_days_keep_their_spanish_reason() -> None:
    with pytest.raises(ValueError, match="febrero de 2024 tiene 29 días"):
        parse_period_text("31 de febrero a 1 de marzo 2024")
    with pytest.raises(ValueError, match="le falta el año"):
        parse_period_text("1 de marzo a 2 de abril")


def test_validating_the_shipped_plan_never_imports_dateutil() -> None:
    """The printed periods are read from the regex groups: the cold path skips dateutil."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from campana.loading import validate_files\n"
        f"v = validate_files([Path({str(PLAN)!r})])\n"
        "assert len(v.findings) == 14, len(v.findings)\n"
        "print(sorted(m for m in sys.modules if m.startswith('dateutil')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_period_text_must_match_the_dates(cli: Invoke, plan_dir: Path) -> None:
    edit(
        plan_dir / "campaigns.yaml",
        "period_text: 22 de enero a 30 de junio 2024",
        "period_text: 22 de enero a 30 de julio 2024",
    )
    code, findings = validate_json(cli, plan_dir)
    assert code == 1
    [err] = errors_of(findings)
    assert err["code"] == "period-text"
    assert "22 ene 2024 – 30 jul 2024" in str(err["message"])
