"""schedule, show, list and audience as a user runs them: stdout and stderr apart, today pinned,
at 80 columns and wide, piped (plain text) and as a terminal (rich)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campana.dates import MONTH_ABBR_ES, MONTHS_EN, MONTHS_ES, VALID_MONTH_FORMS
from conftest import PLAN, ROOT, Invoke
from helpers import edit

TODAY = "2024-03-15"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SLOW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def line_with(text: str, needle: str) -> str:
    found = [line for line in text.splitlines() if needle in line]
    assert found, f"no line with {needle!r} in:\n{text}"
    return found[0]


def assert_fits(text: str, width: int) -> None:
    too_wide = [line for line in text.splitlines() if len(line) > width]
    assert not too_wide, f"lines wider than {width}: {too_wide}"


def schedule_json(cli: Invoke, *args: str) -> dict[str, object]:
    r = cli("schedule", "--format", "json", "--today", TODAY, *args)
    assert r.exit_code == 0, r.stderr
    data: dict[str, object] = json.loads(r.stdout)
    return data


def rows_of(data: dict[str, object]) -> list[dict[str, object]]:
    rows = data["rows"]
    assert isinstance(rows, list)
    return rows


# --- schedule: the year grid ------------------------------------------------------------------


def test_year_grid_at_80_columns(cli: Invoke) -> None:
    r = cli("schedule", "--today", TODAY)
    assert r.exit_code == 0 and r.stderr == ""
    out = r.stdout
    assert "\x1b[" not in out
    assert_fits(out, 80)
    assert out.splitlines()[0] == "Programación de campañas 2024"
    head = line_with(out, "ENE")
    months = [m.upper() for m in MONTH_ABBR_ES]
    positions = [head.index(m) for m in months]
    assert positions == sorted(positions)
    # one row per campaign, components indented beneath the campaign they belong to
    # a name longer than the label column has a line of its own above its bar: never cut
    # Brigadas is one row, the grid's period on its bar and the table's beneath (issue 17)
    body = out.splitlines()[3:17]
    labels = [line[: positions[0]].rstrip() if set(line) & set("·█░") else line for line in body]
    assert "…" not in out
    assert labels == [
        "Veda electoral federal 2024",
        "Logros en materia laboral (digital)",
        "",
        "Infonavit, estés en donde estés",
        "  Cambaceo",
        "  Brigadas de promoción y servicio",
        "",
        "    (tabla: 22 ene–30 jun)",
        "  Radio y televisión",
        "  Digital",
        "  Comunicación Social",
        "Trabajadores independientes",
        "Crédito",
        "Responsabilidad Compartida",
    ]
    unit = positions[1] - positions[0]

    def month_at(line: str, needle: str, start: int = 0) -> str:
        col = line.index(needle, start)
        return months[(col - positions[0]) // unit]

    credito = line_with(out, "Crédito")
    assert month_at(credito, "17") == "SEP" and month_at(credito, "15", positions[0]) == "DIC"
    logros = out.splitlines()[out.splitlines().index("Logros en materia laboral (digital)") + 1]
    assert month_at(logros, "15", positions[0]) == "ENE" and month_at(logros, "29") == "FEB"
    veda = line_with(out, "Veda electoral federal 2024 ")
    assert month_at(veda, "1░") == "MAR" and month_at(veda, "░2") in ("MAY", "JUN")
    assert months[(veda.index("░2") + 1 - positions[0]) // unit] == "JUN"
    # the bar covers the active span and nothing else
    resp = line_with(out, "Responsabilidad")
    bar = [i for i, ch in enumerate(resp) if ch == "█" or ch.isdigit()]
    assert months[(bar[0] - positions[0]) // unit] == "OCT"
    assert months[(bar[-1] - positions[0]) // unit] == "DIC"
    # today: a marker under the header, in March
    marker = line_with(out, "hoy 15 mar 2024")
    assert months[(marker.index("▼") - positions[0]) // unit] == "MAR"
    assert "│ hoy (15 mar 2024)" in out and "│" in line_with(out, "Crédito")
    assert "Veda electoral federal 2024: 1 mar 2024 – 2 jun 2024; restringe Medios masivos," in out


def test_year_grid_marks_restricted_touchpoints_in_the_blackout(cli: Invoke) -> None:
    out = cli("schedule", "--today", TODAY).stdout
    radio = line_with(out, "Radio y televisión")
    assert "▒" in radio and "█" in radio  # in the blackout, and after it
    assert "▒" not in line_with(out, "Cambaceo")  # brigadas are not restricted
    assert "▒ en veda sin excepción aprobada" in out


def test_year_grid_uses_a_wide_terminal(cli: Invoke) -> None:
    out = cli("schedule", "--today", TODAY, columns=160).stdout
    assert_fits(out, 160)
    assert max(len(line) for line in out.splitlines()) > 120
    assert "…" not in out  # every name fits
    row = line_with(out, "  Brigadas de promoción y servicio")
    assert row.rstrip().endswith("22 ene–31 may")


def test_no_today_marker_outside_the_plan_year(cli: Invoke) -> None:
    r = cli("schedule", "--today", "2025-02-01")
    assert r.exit_code == 0
    assert "▼" not in r.stdout and "hoy" not in r.stdout and "│" not in r.stdout


def test_year_option_with_nothing_planned(cli: Invoke) -> None:
    r = cli("schedule", "--year", "2025", "--today", TODAY)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert r.stderr == "Nada programado del 1 ene 2025 al 31 dic 2025.\n"
    data = schedule_json(cli, "--year", "2025")
    assert (data["from"], data["to"], data["rows"]) == ("2025-01-01", "2025-12-31", [])


# --- schedule --month -------------------------------------------------------------------------


def test_month_grid_of_march(cli: Invoke) -> None:
    r = cli("schedule", "--month", "marzo", "--today", TODAY)
    assert r.exit_code == 0 and r.stderr == ""
    out = r.stdout
    assert_fits(out, 80)
    assert out.splitlines()[0] == "Programación de marzo 2024"
    letters = line_with(out, "VSDLMXJ")
    first = letters.index("V")
    assert letters[first:].rstrip() == ("VSDLMXJ" * 5)[:31]  # 1 March 2024 was a Friday
    cells = slice(first, first + 31)
    # today: the 15th column
    assert line_with(out, "hoy 15 mar 2024").index("▼") == first + 14
    # the blackout covers the whole month; restricted touchpoints show it on every day
    assert line_with(out, "Veda electoral federal 2024")[cells] == "░" * 31
    assert line_with(out, "  Radio y televisión")[cells] == "▒" * 31
    # a component and the execution row it mirrors are one row (issue 17)
    brigadas = out.splitlines().index("  Brigadas de promoción y servicio")
    assert out.splitlines()[brigadas + 1][cells] == "█" * 31
    assert out.splitlines()[brigadas + 2 : brigadas + 4] == [
        " " * (first + 34) + "tabla:",
        " " * (first + 34) + "22 ene–30 jun",
    ]
    # every row runs on the 15th: no «│» is drawn, so the legend names the «▼» instead
    assert "▼ hoy (15 mar 2024)" in out and "│" not in out
    assert line_with(out, "Trabajadores independientes")[cells] == "█" * 31
    # what does not run in March is not there
    assert "Logros" not in out and "Crédito" not in out and "Responsabilidad" not in out
    # the execution rows no component mirrors: those of «Trabajadores independientes»
    touchpoint_rows = [line for line in out.splitlines() if line.startswith("  ▸ ")]
    assert len(touchpoint_rows) == 3
    # 18 March 2024 is an official rest day (LFT art. 74): drawn and named as a day off
    assert "· sábado, domingo y día de descanso" in out
    assert "Días de descanso: 18 mar, Natalicio de Benito Juárez." in out


def test_month_grid_shows_the_days_a_bar_starts_and_the_weekends(cli: Invoke) -> None:
    out = cli("schedule", "--month", "febrero", "--today", TODAY).stdout
    letters = line_with(out, "JVSDLMX")
    first = letters.index("J")  # 1 February 2024 was a Thursday
    radio = line_with(out, "  Radio y televisión")[first : first + 29]
    assert radio[:22].replace("·", " ").strip() == ""  # nothing before the 23rd...
    assert radio[2:4] == "··"  # ...but the weekend of the 3rd and 4th
    assert radio[22:] == "[" + "█" * 6  # 23 (its start, marked) to 29 February
    assert "[] día de inicio y día de fin" in out
    assert "Logros en materia laboral (digital)" in out
    assert "Veda" not in line_with(out, "█ periodo activo")
    assert "▒" not in out  # the blackout starts in March


def test_month_grid_wide_shows_every_day_number(cli: Invoke) -> None:
    out = cli("schedule", "--month", "3", "--today", TODAY, columns=160).stdout
    assert_fits(out, 160)
    numbers = out.splitlines()[1]
    assert numbers.startswith("marzo 2024")
    assert re.search(r"\b1\s+2\s+3\s+4\s+5\b.*\b30\s+31$", numbers.rstrip())
    brigadas = out.splitlines().index(line_with(out, "  Brigadas de promoción"))
    assert "22 ene–31 may" in out.splitlines()[brigadas]
    assert "(tabla: 22 ene–30 jun)" in out.splitlines()[brigadas + 1]


@pytest.mark.parametrize(
    "form", ["marzo", "MARZO", "Marzo", "march", "MAR", "mar", "3", "03", "Márzo", "mar."]
)
def test_month_forms(cli: Invoke, form: str) -> None:
    data = schedule_json(cli, "--month", form)
    assert (data["from"], data["to"]) == ("2024-03-01", "2024-03-31")


@pytest.mark.parametrize(
    ("form", "month"),
    [
        ("sept", 9),
        ("sep", 9),
        ("ago", 8),
        ("aug", 8),
        ("dic", 12),
        ("ene", 1),
        ("jan", 1),
        ("12", 12),
    ],
)
def test_month_abbreviations(cli: Invoke, form: str, month: int) -> None:
    data = schedule_json(cli, "--month", form)
    assert data["from"] == dt.date(2024, month, 1).isoformat()


@pytest.mark.parametrize("form", ["13", "0", "marzoo", "primavera", "", "-1", "3.5"])
def test_bad_month_is_a_spanish_usage_error(cli: Invoke, form: str) -> None:
    r = cli("schedule", f"--month={form}", "--today", TODAY)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert f"error: --month: «{form}» no es un mes" in r.stderr
    assert VALID_MONTH_FORMS in " ".join(r.stderr.split())  # the hint folds at 80 columns
    assert "Traceback" not in r.stderr


ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}


@st.composite
def month_form(draw: st.DrawFn) -> tuple[str, int]:
    month = draw(st.integers(1, 12))
    names = [
        MONTHS_ES[month - 1],
        MONTHS_EN[month - 1],
        MONTH_ABBR_ES[month - 1],
        MONTHS_EN[month - 1][:3],
        str(month),
        f"{month:02d}",
    ]
    if month == 9:
        names += ["sept", "setiembre"]
    name = draw(st.sampled_from(names))
    cased = "".join(
        draw(st.sampled_from([c.lower(), c.upper()])) if c.isalpha() else c for c in name
    )
    accented = "".join(
        ACCENTS[c.lower()] if c.lower() in ACCENTS and draw(st.booleans()) else c for c in cased
    )
    return accented + draw(st.sampled_from(["", "."])), month


@SLOW
@given(month_form())
def test_every_accepted_month_form_maps_to_its_month(cli: Invoke, form: tuple[str, int]) -> None:
    text, month = form
    data = schedule_json(cli, f"--month={text}")
    assert data["from"] == dt.date(2024, month, 1).isoformat()


@SLOW
@given(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
)
def test_any_month_text_maps_to_a_month_or_is_a_spanish_error(cli: Invoke, text: str) -> None:
    r = cli("schedule", f"--month={text}", "--format", "json", "--today", TODAY)
    assert r.exit_code in (0, 2), r.stderr
    assert "Traceback" not in r.stderr and "error interno" not in r.stderr
    if r.exit_code == 0:
        start = dt.date.fromisoformat(json.loads(r.stdout)["from"])
        assert start.day == 1 and start.year == 2024
    else:
        assert r.stdout == ""
        assert "no es un mes" in r.stderr and VALID_MONTH_FORMS in " ".join(r.stderr.split())


# --- schedule --on, --from/--to, filters --------------------------------------------------------


def test_on_a_day_lists_what_runs(cli: Invoke) -> None:
    r = cli("schedule", "--on", "15 de marzo de 2024", "--today", TODAY)
    assert r.exit_code == 0 and r.stderr == ""
    out = r.stdout
    assert_fits(out, 80)
    assert out.splitlines()[0] == "¿Qué corre el viernes 15 de marzo de 2024?"
    assert "Veda electoral federal 2024: día 15 de 94" in out
    assert re.search(r"^Infonavit, estés en donde estés\s+22 ene – 14 jul\s+54 de 175$", out, re.M)
    assert re.search(r"^  ▸ Medios masivos\s+23 feb – 14 jul\s+22 de 143\s+pendiente$", out, re.M)
    # one row for the component and the execution row it mirrors, both periods shown (issue 17)
    assert re.search(
        r"^  Brigadas de promoción y servicio\s+22 ene – 31 may\s+54 de 131$", out, re.M
    )
    assert re.search(r"^\s+\(tabla: 22 ene –$", out, re.M)
    assert "▸ Brigadas" not in out
    assert "Logros" not in out and "Crédito" not in out
    # on a day only the table's period covers, the row is there, counted by the table
    june = cli("schedule", "--on", "2024-06-15", "--today", TODAY, columns=120).stdout
    assert re.search(
        r"^  Brigadas de promoción y servicio\s+22 ene – 31 may \(tabla: 22 ene – 30 jun\)"
        r"\s+146 de 161 \(tabla\)$",
        june,
        re.M,
    )


def test_on_a_day_before_its_campaign_starts(cli: Invoke) -> None:
    out = cli("schedule", "--on", "2024-01-12", "--today", TODAY).stdout
    assert "(hoy es 15 mar 2024)" in out
    assert re.search(
        r"^Infonavit, estés en donde estés\s+22 ene – 14 jul\s+empieza el 22 ene 2024$", out, re.M
    )
    assert re.search(r"^  Cambaceo\s+10 ene – 31 may\s+3 de 143$", out, re.M)
    data = schedule_json(cli, "--on", "2024-01-12")
    assert [(r["kind"], r["name"], r["touchpoint"]) for r in rows_of(data)] == [
        ("component", "Cambaceo", "Brigadas de promoción y servicio")
    ]


def _active_on(day: dt.date) -> set[tuple[str, str | None, str | None]]:
    from campana.loading import open_plan

    plan = open_plan(PLAN).plan
    found: set[tuple[str, str | None, str | None]] = set()
    for c in plan.campaigns:
        if c.start <= day <= c.end:
            found.add(("campaign", c.id, None))
        mirrored: list[object] = []
        for k in c.components:
            # a component with a touchpoint and no tactic is the grid's row of that
            # touchpoint's execution row: one row, there on the days of either (issue 17)
            row = next(
                (e for e in c.execution if e.touchpoint == k.touchpoint and e not in mirrored),
                None,
            )
            if k.tactic is not None or k.touchpoint is None:
                row = None
            if row is not None:
                mirrored.append(row)
            if k.start <= day <= k.end or (row is not None and row.start <= day <= row.end):
                found.add(("component", c.id, k.name))
        for e in c.execution:
            if e.start <= day <= e.end and e not in mirrored:
                found.add(("touchpoint", c.id, plan.touchpoint_name(e.touchpoint)))
    for b in plan.blackouts:
        if b.start <= day <= b.end:
            found.add(("blackout", None, None))
    return found


@SLOW
@given(st.dates(dt.date(2023, 12, 1), dt.date(2025, 1, 31)), st.booleans())
def test_on_any_date_returns_exactly_what_runs_that_day(
    cli: Invoke, day: dt.date, spanish: bool
) -> None:
    text = f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}" if spanish else day.isoformat()
    data = schedule_json(cli, "--on", text)
    assert (data["from"], data["to"]) == (day.isoformat(), day.isoformat())
    got = {
        (r["kind"], r["campaign"], r["name"] if r["kind"] in ("component", "touchpoint") else None)
        for r in rows_of(data)
    }
    assert got == _active_on(day)


# "ayer" used to be refused here; since issue 8 it is a date (the day before --today)
@pytest.mark.parametrize("value", ["2024-02-30", "anteayerr", "32 de marzo de 2024", "2024-13-01"])
def test_bad_on_date_is_a_spanish_usage_error(cli: Invoke, value: str) -> None:
    r = cli("schedule", "--on", value, "--today", TODAY)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("error: --on: ")
    # the core's hint: what is accepted, with one example
    assert "sugerencia: se aceptan AAAA-MM-DD" in r.stderr
    assert "por ejemplo «15 de marzo de 2024»" in " ".join(r.stderr.split())  # folded hint


def test_on_without_year_is_in_the_plan_year(cli: Invoke) -> None:
    data = schedule_json(cli, "--on", "23 de febrero")
    assert data["from"] == "2024-02-23"


def test_from_to_range(cli: Invoke) -> None:
    data = schedule_json(cli, "--from", "2024-07-15", "--to", "18 de agosto de 2024")
    assert (data["from"], data["to"]) == ("2024-07-15", "2024-08-18")
    assert [(r["kind"], r["campaign"]) for r in rows_of(data)] == [
        ("campaign", "trabajadores-independientes")
    ]
    r = cli("schedule", "--from", "2024-07-15", "--to", "2024-08-18", "--today", TODAY)
    assert r.stdout.splitlines()[0] == "Programación del 15 jul 2024 al 18 ago 2024"
    assert_fits(r.stdout, 80)


def test_from_after_to_is_an_error(cli: Invoke) -> None:
    r = cli("schedule", "--from", "2024-05-01", "--to", "2024-03-01", "--today", TODAY)
    assert r.exit_code == 2 and r.stdout == ""
    assert "--to (1 mar 2024) es anterior a --from (1 may 2024)" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--on", "2024-03-01", "--month", "3"),
        ("--on", "2024-03-01", "--from", "2024-01-01"),
        ("--month", "3", "--to", "2024-05-01"),
    ],
)
def test_window_options_that_do_not_combine(cli: Invoke, args: tuple[str, ...]) -> None:
    r = cli("schedule", *args, "--today", TODAY)
    assert r.exit_code == 2 and r.stdout == ""
    assert "no se combina" in r.stderr


def test_campaign_filter_by_prefix(cli: Invoke) -> None:
    data = schedule_json(cli, "--campaign", "trab")
    assert [(r["kind"], r["touchpoint"]) for r in rows_of(data)] == [
        ("campaign", None),
        ("touchpoint", "Medios masivos"),
        ("touchpoint", "Digital"),
        ("touchpoint", "Comunicación Social"),
        ("blackout", None),
    ]
    assert {r["campaign"] for r in rows_of(data)} == {"trabajadores-independientes", None}


def test_unknown_campaign_filter(cli: Invoke) -> None:
    r = cli("schedule", "--campaign", "atencoin", "--today", TODAY)
    assert r.exit_code == 2 and r.stdout == ""
    assert "¿quisiste decir «atencion»?" in r.stderr


def test_touchpoint_filter(cli: Invoke) -> None:
    data = schedule_json(cli, "--touchpoint", "digital", "--month", "abril")
    assert [(r["kind"], r["campaign"], r["touchpoint"]) for r in rows_of(data)] == [
        ("campaign", "atencion", None),
        ("component", "atencion", "Digital"),  # and the execution row it mirrors (issue 17)
        ("campaign", "trabajadores-independientes", None),
        ("touchpoint", "trabajadores-independientes", "Digital"),
        ("blackout", None, None),
    ]
    r = cli("schedule", "--touchpoint", "fax", "--today", TODAY)
    assert r.exit_code == 2 and "ningún punto de contacto" in r.stderr


# --- schedule: formats ------------------------------------------------------------------------


def test_schedule_json_shape(cli: Invoke) -> None:
    data = schedule_json(cli)
    assert (data["from"], data["to"], data["today"]) == ("2024-01-01", "2024-12-31", TODAY)
    rows = rows_of(data)
    first = rows[0]
    assert first == {
        "kind": "campaign",
        "campaign": "logros-laborales",
        "touchpoint": None,
        "name": "Logros en materia laboral (digital)",
        "start": "2024-01-15",
        "end": "2024-02-29",
        "days": 46,
        "touchpoint_id": None,
        "tactics": [],
        "ine_exception": None,
        "ine_status": None,  # added by issue 8: the five statuses of campana.ine
        # added by issue 17: a component shown with the execution row it mirrors, and that
        # row's period when it differs
        "paired": False,
        "table_start": None,
        "table_end": None,
    }
    cambaceo = next(r for r in rows if r["name"] == "Cambaceo")
    # `touchpoint` is the name of the touchpoint `touchpoint_id` names, not the component's
    assert (cambaceo["touchpoint"], cambaceo["touchpoint_id"]) == (
        "Brigadas de promoción y servicio",
        "brigadas",
    )
    assert (cambaceo["kind"], cambaceo["campaign"], cambaceo["start"], cambaceo["end"]) == (
        "component",
        "atencion",
        "2024-01-10",
        "2024-05-31",
    )
    assert rows[-1]["kind"] == "blackout" and rows[-1]["campaign"] is None
    assert [r["kind"] for r in rows].count("campaign") == 5
    assert "touchpoint" not in [r["kind"] for r in rows]  # the year view is the document's grid


def test_schedule_csv_matches_json(cli: Invoke) -> None:
    # issue 20: CSV for Excel: a BOM, Spanish headers and values, ISO dates
    r = cli("schedule", "--format", "csv", "--month", "marzo", "--today", TODAY)
    assert r.exit_code == 0
    assert r.stdout.startswith("\ufeff")
    table = list(csv.DictReader(io.StringIO(r.stdout.removeprefix("\ufeff"))))
    rows = rows_of(schedule_json(cli, "--month", "marzo"))
    assert r.stdout.splitlines()[0] == (
        "\ufeffTipo,Campaña,Nombre,Punto de contacto,Inicio,Fin,Días,Tácticos,Excepción INE,"
        "Con fila de la tabla,Inicio en la tabla,Fin en la tabla"  # issue 17: one line
    )
    kinds = {"campaign": "campaña", "component": "componente", "touchpoint": "punto de contacto"}
    kinds["blackout"] = "veda"
    assert [(t["Tipo"], t["Nombre"], t["Inicio"], t["Fin"]) for t in table] == [
        (kinds[j["kind"]], j["name"], j["start"], j["end"]) for j in rows
    ]
    # «Radio y televisión» is the grid's row of «Medios masivos»: one row, the row's tactics
    media = next(t for t in table if t["Nombre"] == "Radio y televisión")
    assert media["Tácticos"].startswith("Spoteo nacional televisión; Menciones nacionales")
    assert media["Excepción INE"] == "pendiente"
    assert media["Campaña"] == "Infonavit, estés en donde estés"
    assert (media["Con fila de la tabla"], media["Inicio en la tabla"]) == ("sí", "")
    brigadas = next(t for t in table if t["Nombre"] == "Brigadas de promoción y servicio")
    assert (brigadas["Fin"], brigadas["Fin en la tabla"]) == ("2024-05-31", "2024-06-30")


def test_schedule_markdown(cli: Invoke) -> None:
    r = cli("schedule", "--format", "markdown", "--today", TODAY)
    lines = r.stdout.splitlines()
    assert lines[0] == "### Programación de campañas 2024"
    # the columns of the CSV (render.columns), values as people read them
    assert lines[2].startswith("| Tipo | Campaña | Nombre | Punto de contacto | Inicio |")
    assert (
        "| campaña | Crédito | Crédito |  | 17 sep 2024 | 15 dic 2024 | 90 |  |  |  |  |  |"
        in lines
    )
    # issue 17: a component's INE status is shown as in the CSV (it was blank)
    assert (
        "| componente | Infonavit, estés en donde estés | Cambaceo | Brigadas de promoción y "
        "servicio | 10 ene 2024 | 31 may 2024 | 143 | Cambaceo | no aplica | no |  |  |" in lines
    )
    # a component and the execution row it mirrors are one line, with the table's dates
    assert (
        "| Brigadas de promoción y servicio | 22 ene 2024 | 31 may 2024 | 131 | Infomóviles; "
        "Cambaceo | no aplica | sí | 22 ene 2024 | 30 jun 2024 |" in r.stdout
    )
    assert all(line.startswith("|") for line in lines[2:])


@pytest.mark.parametrize(
    "args", [(), ("--month", "marzo"), ("--from", "2024-03-01", "--to", "2024-03-20")]
)
def test_schedule_markdown_and_csv_agree_on_the_ine_exception(
    cli: Invoke, args: tuple[str, ...]
) -> None:
    """«Excepción INE» was blank in Markdown for the components the CSV calls pending (issue
    17): both read the row's one status."""
    from campana.vocab import INE_STATUS

    text = cli("schedule", "--format", "csv", "--today", TODAY, *args).stdout
    csv_rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    md = cli("schedule", "--format", "markdown", "--today", TODAY, *args).stdout.splitlines()
    header = [c.strip() for c in md[2].strip("|").split("|")]
    column = header.index("Excepción INE")
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in md[4:]]
    # the year's CSV adds the execution rows the grid leaves out (issue 20): every Markdown
    # line is a CSV line, with the same status
    by_name = {(r["Tipo"], r["Campaña"], r["Nombre"]): r["Excepción INE"] for r in csv_rows}
    assert len(cells) <= len(csv_rows)
    said = [by_name[(c[0], c[1], c[2])] for c in cells]
    assert [c[column] for c in cells] == said
    assert "pendiente" in said and set(said) <= {"", *INE_STATUS.values()}


@pytest.mark.parametrize(
    "command",
    [
        ("schedule",),
        ("schedule", "--month", "marzo"),
        ("show", "atencion"),
        ("list",),
        ("audience",),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_machine_formats_have_no_colour_even_when_forced(
    cli: Invoke, command: tuple[str, ...], fmt: str
) -> None:
    r = cli(*command, "--format", fmt, "--today", TODAY, env={"FORCE_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout


# --- the terminal view ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("schedule",),
        ("schedule", "--month", "marzo"),
        ("schedule", "--on", "2024-03-15"),
        ("show", "atencion"),
        ("show", "credito"),
        ("list",),
        ("audience",),
    ],
)
@pytest.mark.parametrize("columns", [80, 132])
def test_terminal_and_pipe_show_the_same_content(
    cli: Invoke, command: tuple[str, ...], columns: int
) -> None:
    piped = cli(*command, "--today", TODAY, columns=columns)
    terminal = cli(*command, "--today", TODAY, columns=columns, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in terminal.stdout  # colour on a terminal
    assert "\x1b[" not in piped.stdout
    strip = [line.rstrip() for line in ANSI.sub("", terminal.stdout).splitlines()]
    assert strip == piped.stdout.splitlines()
    assert_fits(piped.stdout, columns)


def test_no_color_wins_over_force_color(cli: Invoke) -> None:
    r = cli("schedule", "--today", TODAY, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b" not in r.stdout


def test_piped_table_does_not_import_rich(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from campana.cli.app import run\n"
        "for args in (['schedule'], ['schedule', '--month', 'marzo'], ['show', 'atencion'],\n"
        "             ['list'], ['audience'], ['schedule', '--on', '2024-03-15']):\n"
        "    assert run([*args, '--today', '2024-03-15']) == 0\n"
        "sys.stderr.write('rich imported\\n' if 'rich' in sys.modules else 'no rich\\n')\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["COLUMNS"] = "80"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("no rich")
    assert "Programación de campañas 2024" in done.stdout


# --- schedule --save --------------------------------------------------------------------------


def test_save_txt_is_what_the_terminal_shows(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "grid.txt"
    r = cli("schedule", "--today", TODAY, "--save", str(target))
    assert r.exit_code == 0
    assert r.stderr == f"Guardado en {target}\n"
    assert target.read_text(encoding="utf-8") == r.stdout


@pytest.mark.parametrize(("name", "marker"), [("grid.svg", "<svg"), ("grid.html", "<html")])
def test_save_svg_and_html(cli: Invoke, tmp_path: Path, name: str, marker: str) -> None:
    target = tmp_path / name
    r = cli("schedule", "--month", "marzo", "--today", TODAY, "--save", str(target))
    assert r.exit_code == 0, r.stderr
    assert r.stderr == f"Guardado en {target}\n"
    saved = target.read_text(encoding="utf-8")
    assert marker in saved
    # the same picture: the names and the blackout band, in colour
    assert "Veda" in saved and "Brigadas" in saved and "░" in saved


def test_save_unknown_extension(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "grid.pdf"
    r = cli("schedule", "--today", TODAY, "--save", str(target))
    assert r.exit_code == 2 and r.stdout == ""
    assert "error: --save: no sé guardar archivos «.pdf»" in r.stderr
    assert ".svg, .html, .txt" in r.stderr
    assert not target.exists()


def test_save_into_a_missing_folder(cli: Invoke, tmp_path: Path) -> None:
    r = cli("schedule", "--today", TODAY, "--save", str(tmp_path / "no" / "grid.svg"))
    assert r.exit_code == 2 and r.stdout == ""
    assert "no se pudo escribir" in r.stderr


# --- show -------------------------------------------------------------------------------------


def test_show_atencion(cli: Invoke) -> None:
    r = cli("show", "atencion", "--today", TODAY)
    assert r.exit_code == 0 and r.stderr == ""
    out = r.stdout
    assert_fits(out, 80)
    assert out.splitlines()[:4] == [
        "Infonavit, estés en donde estés",
        "id: atencion · también: Campaña atención",
        "Periodo: 22 ene – 14 jul 2024 (175 días)",
        "Estado:  en curso, día 54 de 175; faltan 121 días (al 15 mar 2024)",
    ]
    assert re.search(
        r"Personas derechohabientes con Subcuenta de Vivienda \(SCV\)\s+76,434,882", out
    )
    assert "59 % de Población mexicana" in out and "poblacion-mexicana" not in out
    assert re.search(r"Personas con un crédito activo\s+5,488,535", out)
    assert "Periodo: 22 ene – 14 jul 2024 (175 días)" in out.split("Objetivos")[1]
    assert "sin periodo propio (el de la campaña)" in out
    assert "«SACAR UN CRÉDITO, REALIZAR UN TRÁMITE Y OBTENER UNA SOLUCIÓN" in out
    assert "Infonatel (teléfono): 800 008 3900" in out
    # at 80 columns each component and touchpoint has a line of its own: no name is broken
    assert re.search(
        r"\n  Cambaceo → Brigadas de promoción y servicio\n    10 ene – 31 may +143  en curso", out
    )
    # a component and the execution row it mirrors: both periods where they differ (issue 17)
    assert re.search(
        r"\n  Brigadas de promoción y servicio → Brigadas de promoción y servicio\n"
        r"    22 ene – 31 may \(tabla: 22 ene – 30 jun\) +131  en curso",
        out,
    )
    execution = out.split("Ejecución")[1].split("Notas")[0]
    assert re.search(
        # the row says which component of the programme is the same line (issue 17)
        r"^  Medios masivos \(componente «Radio y televisión»\)\n"
        r"    · Spoteo nacional televisión\s+23 feb – 14 jul\s+pendiente$",
        execution,
        re.M,
    )
    assert "    · Menciones nacionales televisión  " in execution
    assert "94 días en veda" in execution and "92 días en veda" in execution
    assert re.search(
        r"^  Brigadas de promoción y servicio \(componente\)\n"
        r"    · Infomóviles\s+22 ene – 30 jun\s+no aplica",
        execution,
        re.M,
    )
    assert "Hallazgos de la validación (7)" in out
    assert out.count("aviso [blackout-pending]") == 3
    assert "aviso [outside-campaign] data/campaigns.yaml:" in out


def test_show_a_campaign_with_only_a_grid_row(cli: Invoke) -> None:
    r = cli("show", "credito", "--today", TODAY)
    assert r.exit_code == 0
    assert "Estado:  próxima; empieza en 186 días" in r.stdout
    assert "Estado:  próxima:" not in r.stdout  # one colon per line
    assert "todavía no tiene ficha de ejecución" in " ".join(r.stdout.split())
    assert "Hallazgos de la validación (0)" in r.stdout
    assert "Ejecución" not in r.stdout and "Objetivos" not in r.stdout


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("2024-01-01", "próxima; empieza en 21 días"),
        ("2024-01-22", "en curso, día 1 de 175; faltan 174 días"),
        ("2024-07-14", "en curso, día 175 de 175; termina hoy"),
        ("2024-08-01", "concluida; terminó hace 18 días"),
        ("1 de agosto de 2024", "concluida; terminó hace 18 días"),
    ],
)
def test_show_status_follows_today(cli: Invoke, today: str, status: str) -> None:
    out = cli("show", "atencion", "--today", today).stdout
    assert line_with(out, "Estado:").startswith(f"Estado:  {status} (al ")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("trab", "Trabajadores independientes"),
        ("CRÉDITO", "Crédito"),
        ("Credito", "Crédito"),
        ("responsabilidad", "Responsabilidad Compartida"),
        ("Infonavit, estés en donde estés", "Infonavit, estés en donde estés"),
    ],
)
def test_show_matches_ids_and_names(cli: Invoke, text: str, name: str) -> None:
    r = cli("show", text, "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == name


def test_show_ambiguous_and_unknown(cli: Invoke) -> None:
    r = cli("show", "c", "--today", TODAY)
    assert r.exit_code == 2 and r.stdout == ""
    assert "«c» puede ser más de una campaña: «Infonavit, estés en donde estés» (id atencion)" in (
        r.stderr
    )
    assert "«Crédito» (id credito)" in r.stderr
    # (issue 11: names match word by word, each word a prefix: this one names the campaign)
    r = cli("show", "trabajadore-independientes", "--today", TODAY)
    assert r.exit_code == 0 and r.stdout.startswith("Trabajadores independientes")
    r = cli("show", "trabajadroes-independientes", "--today", TODAY)
    assert r.exit_code == 2 and r.stdout == ""
    assert "¿quisiste decir «trabajadores-independientes»?" in r.stderr
    r = cli("show", "--today", TODAY)
    assert r.exit_code == 2 and "falta el argumento" in r.stderr


def test_show_json(cli: Invoke) -> None:
    r = cli("show", "atencion", "--format", "json", "--today", TODAY)
    data = json.loads(r.stdout)
    assert (data["id"], data["name"], data["start"], data["end"]) == (
        "atencion",
        "Infonavit, estés en donde estés",
        "2024-01-22",
        "2024-07-14",
    )
    assert data["status"] == {
        "kind": "running",
        "text": "en curso, día 54 de 175",
        "day": 54,
        "total": 175,
        "days": 121,
    }
    assert data["objectives"][0]["start"] == "2024-01-22"
    assert data["objectives"][1] == {
        "text": "Incentivar el uso de los canales digitales de atención como Mi Cuenta "
        "Infonavit e Infonatel.",
        "start": None,
        "end": None,
        "period_text": None,
    }
    assert [t["name"] for t in data["touchpoints"]] == [
        "Medios masivos",
        "Digital",
        "Comunicación Social",
        "Brigadas de promoción y servicio",
    ]
    assert data["touchpoints"][3]["tactics"] == ["Infomóviles", "Cambaceo"]
    assert [t["ine_exception"] for t in data["touchpoints"]] == [
        "pending",
        "pending",
        "pending",
        None,
    ]
    assert data["touchpoints"][0]["start"] == "2024-02-23"
    assert len(data["findings"]) == 7
    assert data["audience"][0]["count"] == 76434882
    credito = json.loads(cli("show", "credito", "--format", "json", "--today", TODAY).stdout)
    assert credito["has_brief"] is False and credito["touchpoints"] == []


def test_show_csv_and_markdown(cli: Invoke) -> None:
    # show's CSV is the execution table (issue 17: one column definition per result)
    text = cli("show", "trab", "--format", "csv", "--today", TODAY).stdout
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["Punto de contacto"] for r in rows] == [
        "Medios masivos",
        "Digital",
        "Comunicación Social",
    ]
    assert rows[0]["Excepción INE"] == "pendiente" and rows[0]["Inicio"] == "2024-02-23"
    md = cli("show", "atencion", "--format", "markdown", "--today", TODAY).stdout
    assert md.startswith("## Infonavit, estés en donde estés\n")
    assert (
        "| Medios masivos (componente «Radio y televisión») | Spoteo nacional televisión; "
        "Menciones nacionales televisión;" in md
    )
    assert (
        "| Brigadas de promoción y servicio | 22 ene – 31 may 2024 "
        "(tabla: 22 ene – 30 jun 2024) | 131 |" in md
    )
    assert (
        "| Brigadas de promoción y servicio (componente) | Infomóviles; Cambaceo "
        "| 22 ene 2024 | 30 jun 2024 | 161 |  | no aplica | 0 |" in md
    )


# --- list -------------------------------------------------------------------------------------


def test_list_table_at_80_and_wide(cli: Invoke) -> None:
    narrow = cli("list", "--today", TODAY)
    assert narrow.exit_code == 0 and narrow.stderr == ""
    assert_fits(narrow.stdout, 80)
    # names first (ids labelled), the figures on the next line: no name or status is broken
    assert (
        "\nInfonavit, estés en donde estés  (id: atencion)\n"
        "  22 ene – 14 jul   175       5  en curso, día 54 de 175\n" in narrow.stdout
    )
    # «Líneas»: a component and the execution row it mirrors count once (issue 17: 5 and 4
    # read as nine channels where the deck has five)
    assert re.search(r"^  17 sep – 15 dic\s+90\s+0\s+próxima$", narrow.stdout, re.M)
    assert not re.search(r"^atencion", narrow.stdout, re.M)
    wide = cli("list", "--today", TODAY, columns=160).stdout
    assert_fits(wide, 160)
    assert re.search(
        r"^Infonavit, estés en donde estés\s+22 ene – 14 jul\s+175\s+5\s+"
        r"en curso, día 54 de 175\s+atencion$",
        wide,
        re.M,
    )
    assert re.search(
        r"^Logros en materia laboral \(digital\)\s+15 ene – 29 feb"
        r"\s+46\s+0\s+concluida\s+logros-laborales$",
        wide,
        re.M,
    )
    assert re.search(r"^Campaña\s+Periodo 2024 .*Estado\s+Id$", wide, re.M)


def test_list_json_and_csv(cli: Invoke) -> None:
    data = json.loads(cli("list", "--format", "json", "--today", TODAY).stdout)
    assert data["today"] == TODAY
    assert [
        (c["id"], c["days"], c["components"], c["touchpoints"], c["lines"], c["status"]["kind"])
        for c in data["campaigns"]
    ] == [
        ("logros-laborales", 46, 0, 0, 0, "finished"),
        ("atencion", 175, 5, 4, 5, "running"),
        ("trabajadores-independientes", 217, 0, 3, 3, "running"),
        ("credito", 90, 0, 0, 0, "upcoming"),
        ("responsabilidad-compartida", 72, 0, 0, 0, "upcoming"),
    ]
    text = cli("list", "--format", "csv", "--today", TODAY).stdout
    assert text.splitlines()[0] == (
        "\ufeffCampaña,Id,Inicio,Fin,Días,Componentes,Puntos de contacto,Líneas,"
        "Estado al 15 mar 2024"  # Líneas: issue 17
    )
    assert (
        '"Infonavit, estés en donde estés",atencion,2024-01-22,2024-07-14,175,5,4,5,'
        '"en curso, día 54 de 175"' in text.splitlines()
    )
    md = cli("list", "--format", "markdown", "--today", TODAY).stdout
    assert "| Crédito | credito | 17 sep 2024 | 15 dic 2024 | 90 | 0 | 0 | 0 | próxima |" in md


# --- audience ---------------------------------------------------------------------------------


def test_audience_table(cli: Invoke) -> None:
    r = cli("audience", "--today", TODAY)
    assert r.exit_code == 0 and r.stderr == ""
    out = r.stdout
    assert_fits(out, 80)
    # a name too long for its column has a line of its own, its figures beneath
    assert re.search(
        r"^Personas derechohabientes con Subcuenta de Vivienda \(SCV\)\n"
        r".*\s+76,434,882\s+100\.0 %$",
        out,
        re.M,
    )
    assert re.search(r"^    campañas: ninguna\s+22,392,293\s+29\.3 %$", out, re.M)
    # one name has a line of its own: every name does, its figures always on the line below
    # (issue 17: not beside some names and below others)
    assert re.search(
        r"^  No reciben aportaciones en su SCV\n\s+campañas: ninguna\s+54,042,589\s+70\.7 %$",
        out,
        re.M,
    )
    # one number of decimals in the column
    assert re.search(r"^Personas con un crédito activo\n.*\s+5,488,535\s+7\.2 %$", out, re.M)
    assert re.search(r"^Población mexicana\n.*\s+≈ 129,000,000\s+—$", out, re.M)
    # the 34 million could be added to the total: no share of it
    assert re.search(r"hasta 34,000,000\s+—$", out, re.M)
    assert "podría agregarse al total; no es parte de él" in out
    assert "campañas: Trabajadores independientes" in out
    assert "el documento dice 59 % de Población mexicana" in out
    assert "(calculado: 59.25 %)" in out
    assert "poblacion-mexicana" not in out and "trabajadores-independientes" not in out


def test_audience_json_and_csv(cli: Invoke) -> None:
    data = json.loads(cli("audience", "--format", "json").stdout)
    assert data["total"] == {
        "id": "derechohabientes",
        "name": "Personas derechohabientes con Subcuenta de Vivienda (SCV)",
        "count": 76434882,
    }
    by = {s["id"]: s for s in data["segments"]}
    assert by["con-aportaciones"]["percent_of_total"] == pytest.approx(29.2959, abs=1e-4)
    assert by["con-aportaciones"]["part_of"] == "derechohabientes"
    assert by["poblacion-mexicana"]["percent_of_total"] is None
    assert by["con-credito-activo"]["stated_percent"] == 7.18
    assert by["derechohabientes"]["campaigns"] == ["atencion"]
    text = cli("audience", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["Segmento"] for r in rows] == [s["name"] for s in by.values()]
    assert rows[0]["% del total"] == "100.0" and rows[0]["Personas"] == "76434882"
    assert rows[1]["% del total"] == "29.3" and rows[1]["Parte de"] == rows[0]["Segmento"]


def test_audience_shares_are_computed_not_copied(cli: Invoke, plan_dir: Path) -> None:
    edit(plan_dir / "audience.yaml", "count: 5488535", "count: 7643488")
    plan = str(plan_dir / "campaigns.yaml")
    out = cli("audience", "--plan", plan).stdout
    assert re.search(r"^Personas con un crédito activo\n.*\s+7,643,488\s+10\.0 %$", out, re.M)
    assert "el documento dice 7.18 % del total" in out
    assert "(calculado: 10.00 %)" in out


def test_audience_without_its_file(cli: Invoke, plan_dir: Path) -> None:
    (plan_dir / "audience.yaml").unlink()
    r = cli("audience", "--plan", str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 2 and r.stdout == ""
    assert "no hay audience.yaml junto al plan" in r.stderr
    shown = cli("show", "atencion", "--plan", str(plan_dir / "campaigns.yaml"), "--today", TODAY)
    assert shown.exit_code == 0
    assert "sin cifra en audience.yaml" in shown.stdout


# --- every query command ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [("schedule",), ("show", "atencion"), ("list",), ("audience",)])
def test_bad_format_and_bad_today(cli: Invoke, command: tuple[str, ...]) -> None:
    r = cli(*command, "--format", "yaml", "--today", TODAY)
    assert r.exit_code == 2 and r.stdout == ""
    assert "--format: «yaml» no es un valor válido" in r.stderr
    assert "text, json, csv, markdown" in r.stderr
    # "mañana" is a date since issue 8; a misspelt one is still refused
    r = cli(*command, "--today", "mañanas")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("error: --today: «mañanas» no es una fecha")


@pytest.mark.parametrize("command", ["schedule", "show", "list", "audience"])
def test_help_is_spanish(cli: Invoke, command: str) -> None:
    r = cli(command, "--help")
    assert r.exit_code == 0
    assert "Uso: campana " + command in r.stdout
    assert "--format" in r.stdout and "--today" in r.stdout and "--plan" in r.stdout


def test_reference_year_grid_is_what_the_command_prints(cli: Invoke) -> None:
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    section = readme.split("## Queries: `schedule`, `show`, `list`, `audience`")[1]
    example = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert example is not None
    assert cli("schedule", "--today", TODAY).stdout == example.group(1)


def test_readme_first_command_is_the_march_schedule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.split("```sh\n")[1].splitlines()[0]
    assert first.endswith(".venv/bin/campana schedule --month marzo")


def test_audience_without_breakdowns_has_no_total(cli: Invoke, plan_dir: Path) -> None:
    audience = plan_dir / "audience.yaml"
    text = audience.read_text(encoding="utf-8")
    audience.write_text(text[: text.index("breakdowns:")], encoding="utf-8")
    out = cli("audience", "--plan", str(plan_dir / "campaigns.yaml")).stdout
    # no longer a part of anything: not indented, and no share (at 80 columns every name has
    # a line of its own, the figures below it: issue 17)
    assert re.search(
        r"^Reciben aportaciones en su SCV de manera regular\n.*\s+22,392,293\s+—$", out, re.M
    )
    assert "no hay un total del cual calcular" in " ".join(out.split())


def test_a_campaign_across_the_new_year(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "start: 2024-10-21\n    end: 2024-12-31", "start: 2024-10-21\n    end: 2025-03-31")
    r = cli("schedule", "--plan", str(plan), "--year", "2025", "--today", "2025-02-10")
    assert r.exit_code == 0
    out = r.stdout
    assert out.splitlines()[0] == "Programación de campañas 2025"
    head = line_with(out, "ENE")
    row = line_with(out, "Responsabilidad Compartida")
    assert row[head.index("ENE")] == "█"  # runs from before the year: no start day
    assert row.index("31") < head.index("ABR")  # ends in March
    assert "Infonavit" not in out
    assert line_with(out, "hoy 10 feb 2025").index("▼") >= head.index("FEB")
    data = schedule_json(cli, "--plan", str(plan), "--from", "2025-01-01", "--to", "2025-01-20")
    assert [(r["campaign"], r["end"]) for r in rows_of(data)] == [
        ("responsabilidad-compartida", "2025-03-31")
    ]


def test_month_grid_header_fits_a_short_label_column(cli: Invoke) -> None:
    out = cli("schedule", "--month", "sept", "--today", TODAY).stdout
    numbers = out.splitlines()[1]
    assert numbers.startswith("septiembre 2024 ")  # not cut to the width of «Crédito»
    assert numbers.rstrip().endswith(" 30")  # the last Monday's number stays whole
    letters = out.splitlines()[2]
    assert len(numbers.rstrip()) == len(letters.rstrip())


def test_on_a_day_with_nothing_planned(cli: Invoke) -> None:
    r = cli("schedule", "--on", "2024-12-31", "--campaign", "logros", "--today", TODAY)
    assert r.exit_code == 0
    assert (r.stdout, r.stderr) == ("", "Nada programado el 31 dic 2024.\n")
    r = cli("schedule", "--on", "2024-04-01", "--campaign", "logros", "--today", TODAY)
    assert "Ninguna campaña corre ese día." in r.stdout  # the blackout still runs
    assert "Veda electoral federal 2024: día 32 de 94" in r.stdout


def test_the_days_only_the_table_gives_are_drawn_apart(cli: Invoke) -> None:
    """Brigadas runs to 31 may in the grid and to 30 jun in the table: in June its row is the
    table's days only, drawn «╌» and named in the legend, not an empty row (issue 17)."""
    out = cli("schedule", "--month", "junio", "--today", TODAY).stdout
    assert_fits(out, 80)
    lines = out.splitlines()
    at = lines.index("  Brigadas de promoción y servicio")
    letters = line_with(out, "SDLMXJ")
    first = letters.index("S")
    assert lines[at + 1][first : first + 30] == "╌" * 30
    assert "╌ solo según la tabla de ejecución" in out
    days = cli("schedule", "--from", "2024-05-27", "--to", "2024-06-05", "--today", TODAY).stdout
    row = line_with(days, "Brigadas de promoción y servicio")
    assert "╌" in row and "█" in row
    # a year grid where the sources agree draws no such days
    plain = cli("schedule", "--campaign", "trab", "--today", TODAY).stdout
    assert "╌" not in plain
