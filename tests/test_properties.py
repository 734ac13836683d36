"""Open-ended inputs: dates, month names, and random mutations of the plan's YAML."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campana.dates import (
    MONTH_ABBR_ES,
    MONTHS_EN,
    MONTHS_ES,
    fmt,
    fmt_long,
    parse_date,
    parse_month,
    parse_period_text,
)
from campana.errors import CampanaError
from campana.loading import validate_files
from conftest import AUDIENCE, PLAN

ACCENTED = {"setiembre": "setiembre"}


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_spanish_and_iso_dates_round_trip(d: dt.date) -> None:
    assert parse_date(d.isoformat()) == d
    assert parse_date(fmt_long(d)) == d
    assert parse_date(fmt(d)) == d
    assert parse_date(fmt_long(d).upper()) == d


@given(st.text(max_size=30))
def test_parse_date_either_parses_or_says_why_in_spanish(text: str) -> None:
    try:
        parse_date(text)
    except ValueError as exc:
        message = str(exc)
        assert message
        assert any(w in message for w in ("fecha", "año", "no existe")), message


@given(st.integers(1, 12), st.sampled_from(["es", "en", "abbr", "num"]), st.booleans())
def test_month_forms(month: int, form: str, upper: bool) -> None:
    name = {
        "es": MONTHS_ES[month - 1],
        "en": MONTHS_EN[month - 1],
        "abbr": MONTH_ABBR_ES[month - 1],
        "num": str(month),
    }[form]
    assert parse_month(name.upper() if upper else name) == month


def test_month_accents_and_september_forms() -> None:
    assert parse_month("Márzo") == 3
    assert parse_month("sept") == parse_month("sep") == parse_month("Septiembre") == 9
    assert parse_month("ago") == 8 and parse_month("ENE") == 1
    assert parse_month("13") is None and parse_month("0") is None and parse_month("") is None


@given(st.text(max_size=12))
def test_month_names_never_crash(text: str) -> None:
    result = parse_month(text)
    assert result is None or 1 <= result <= 12


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.integers(0, 400),
)
def test_period_text_round_trip(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    first = f"{start.day} de {MONTHS_ES[start.month - 1]}" + (
        f" de {start.year}" if start.year != end.year else ""
    )
    text = f"{first} a {end.day} de {MONTHS_ES[end.month - 1]} {end.year}"
    assert parse_period_text(text) == (start, end)


MUTATIONS = ("delete", "duplicate", "swap", "tab", "digit", "truncate", "colon", "indent", "quote")


def _mutate(text: str, seed: int, kind: str) -> str:
    rng = random.Random(seed)
    lines = text.splitlines(keepends=True)
    i = rng.randrange(len(lines))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "tab":
        lines[i] = "\t" + lines[i].lstrip(" ")
    elif kind == "digit":
        digits = [k for k, c in enumerate(text) if c.isdigit()]
        k = rng.choice(digits)
        return text[:k] + str(rng.randrange(10)) + text[k + 1 :]
    elif kind == "truncate":
        return text[: rng.randrange(len(text))]
    elif kind == "colon":
        lines[i] = lines[i].replace(":", "", 1)
    elif kind == "indent":
        lines[i] = " " + lines[i]
    elif kind == "quote":
        lines[i] = lines[i].replace(" ", ' "', 1)
    return "".join(lines)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, 10**9), st.sampled_from(MUTATIONS), st.sampled_from(["plan", "audience"]))
def test_random_yaml_mutations_never_crash(
    tmp_path: Path, seed: int, kind: str, which: str
) -> None:
    folder = tmp_path / f"m{seed}-{kind}-{which}"
    folder.mkdir()
    plan_text = PLAN.read_text(encoding="utf-8")
    audience_text = AUDIENCE.read_text(encoding="utf-8")
    if which == "plan":
        plan_text = _mutate(plan_text, seed, kind)
    else:
        audience_text = _mutate(audience_text, seed, kind)
    (folder / "campaigns.yaml").write_text(plan_text, encoding="utf-8")
    (folder / "audience.yaml").write_text(audience_text, encoding="utf-8")
    result = validate_files([folder / "campaigns.yaml"])
    for f in result.all_findings:
        assert f.line >= 1 and f.column >= 1
        assert f.severity in ("error", "warning")
        assert f.message and f.code
    if result.plan is None and not result.unreadable:
        assert any(f.severity == "error" for f in result.findings)


def test_an_unusable_plan_is_a_campana_error_not_a_crash(tmp_path: Path) -> None:
    from campana.loading import open_plan

    (tmp_path / "campaigns.yaml").write_text("campaigns: 3\n", encoding="utf-8")
    with pytest.raises(CampanaError):
        open_plan(tmp_path / "campaigns.yaml")
