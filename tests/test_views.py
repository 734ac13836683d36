"""The views of issue 11: names where people read, layouts that fit, views that say what they
show, the audience's potential addition, the data no command showed. At 80 and 200 columns,
stdout and stderr apart."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import PLAN, Invoke
from helpers import edit

TODAY = "2024-03-15"
IDS = (
    "logros-laborales",
    "trabajadores-independientes",
    "responsabilidad-compartida",
    "poblacion-mexicana",
    "derechohabientes,",
    "independientes-elegibles",
)


def fits(text: str, width: int) -> None:
    wide = [line for line in text.splitlines() if len(line) > width]
    assert not wide, wide


# --- names, not ids ---------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 200])
def test_audience_reads_names(cli: Invoke, columns: int) -> None:
    r = cli("audience", "--today", TODAY, columns=columns)
    assert r.exit_code == 0 and r.stderr == ""
    fits(r.stdout, columns)
    assert not [i for i in IDS if i in r.stdout], r.stdout
    assert "campañas: Infonavit, estés en donde estés" in r.stdout
    assert "59 % de Población mexicana" in r.stdout
    assert (
        "El total es «Personas derechohabientes con Subcuenta de Vivienda (SCV)» (76,434,882)"
        in (" ".join(r.stdout.split()))
    )


@pytest.mark.parametrize("columns", [80, 200])
def test_list_labels_ids(cli: Invoke, columns: int) -> None:
    out = cli("list", "--today", TODAY, columns=columns).stdout
    fits(out, columns)
    header = next(line for line in out.splitlines() if "Periodo 2024" in line)
    assert "atencion" not in header
    if columns == 80:
        assert "Trabajadores independientes  (id: trabajadores-independientes)" in out
    else:
        assert re.search(r"Estado\s+Id$", header)


# --- 80 columns: no name or phrase broken -----------------------------------------------------


def test_show_at_80_breaks_no_tactic_and_no_name(cli: Invoke) -> None:
    out = cli("show", "atencion", "--today", TODAY).stdout
    fits(out, 80)
    tactics = out.split("Ejecución")[1].split("Notas")[0]
    # every tactic on one line, after its bullet
    for tactic in ("Spoteo nacional televisión", "Redes sociales delegadas y delegados"):
        assert f"· {tactic}" in tactics
    # no line continues a tactic: each line under a touchpoint starts with a bullet
    assert not [x for x in tactics.splitlines()[2:] if re.match(r"^    [^ ·]", x)], tactics
    assert "  Brigadas de promoción y servicio (componente)\n" in tactics
    assert "…" not in out


def test_list_at_80_is_two_lines_a_campaign(cli: Invoke) -> None:
    out = cli("list", "--today", TODAY).stdout
    table = out.split("\n\n")[1].splitlines()
    assert len(table) == 1 + 2 * 5  # the header, then a name line and a figures line each
    assert "  15 ene – 18 ago   217       3  en curso, día 61 de 217" in table


def test_wide_year_grid_keeps_the_period_apart(cli: Invoke) -> None:
    out = cli("schedule", "--today", TODAY, columns=200).stdout
    fits(out, 200)
    resp = next(line for line in out.splitlines() if line.startswith("Responsabilidad"))
    assert re.search(r"31 {3,}21 oct–31 dic$", resp), resp


# --- views that say what they show -------------------------------------------------------------


def test_an_empty_range_draws_nothing(cli: Invoke) -> None:
    r = cli(
        "schedule",
        "--from",
        "2024-03-01",
        "--to",
        "2024-05-31",
        "--campaign",
        "credito",
        "--today",
        TODAY,
    )
    assert r.exit_code == 0
    assert r.stdout == ""
    assert r.stderr == "Nada programado del 1 mar 2024 al 31 may 2024.\n"


def test_the_grid_ends_where_the_window_ends(cli: Invoke) -> None:
    out = cli("schedule", "--to", "2024-02-15", "--today", TODAY).stdout
    assert out.splitlines()[0] == "Programación del 1 ene 2024 al 15 feb 2024"
    logros = next(line for line in out.splitlines() if "15 ene–29 feb" in line)
    # Logros ends on 29 February, after the window: its bar runs to the edge, with no end day
    assert "29" not in logros.replace("15 ene–29 feb", "")


def test_day_views_mark_starts_ends_and_today(cli: Invoke) -> None:
    out = cli("schedule", "--from", "2024-02-10", "--to", "2024-03-20", "--today", TODAY).stdout
    fits(out, 80)
    logros = next(line for line in out.splitlines() if line.startswith("Logros"))
    assert "█]" in logros and "│" in logros  # its end on 29 Feb; today's line after it
    assert "[██" in next(line for line in out.splitlines() if "  Radio y televisión" in line)
    assert "[] día de inicio y día de fin" in out and "│ hoy (15 mar 2024)" in out


def test_list_says_its_reference_day(cli: Invoke) -> None:
    r = cli("list", "--today", TODAY)
    assert "Estado al 15 mar 2024" in r.stdout.splitlines()[:3]
    assert r.stderr == ""


def test_today_outside_the_plan_year_is_said_once_on_stderr(cli: Invoke, plan_dir: Path) -> None:
    year = dt.date.today().year
    if year == 2024:
        pytest.skip("the clock is inside the plan's year")
    r = cli("list")
    assert r.exit_code == 0
    assert r.stderr.count("no cae en el año del plan (2024)") == 1
    assert "--today 2024-03-15" in r.stderr
    assert "fuera del año" not in r.stdout
    # a pinned day says nothing; nor does a plan of this year
    assert cli("list", "--today", TODAY).stderr == ""
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "year: 2024", f"year: {year}")
    assert "fuera del año" not in cli("list", "--plan", str(plan)).stderr


def test_one_colon_in_the_status(cli: Invoke) -> None:
    out = cli("show", "logros", "--today", TODAY).stdout
    assert "Estado:  concluida; terminó hace 15 días (al 15 mar 2024)" in out


def test_year_grid_marks_the_blackout_on_a_campaign_row(cli: Invoke) -> None:
    out = cli("schedule", "--today", TODAY).stdout
    row = next(line for line in out.splitlines() if line.startswith("Trabajadores"))
    assert "▒" in row and "█" in row


# --- audience: a part of a whole and a potential addition --------------------------------------


def test_the_34_million_are_a_potential_addition(cli: Invoke) -> None:
    data = json.loads(cli("audience", "--format", "json").stdout)
    by = {s["id"]: s for s in data["segments"]}
    assert by["independientes-elegibles"]["percent_of_total"] is None
    assert by["independientes-elegibles"]["adds_to"] == "derechohabientes"
    assert by["con-aportaciones"]["adds_to"] is None
    out = cli("audience").stdout
    assert re.search(r"hasta 34,000,000\s+—$", out, re.M)
    assert "podría agregarse al total; no es parte de él" in out


def test_audience_shows_what_the_document_says(cli: Invoke) -> None:
    out = cli("audience").stdout
    after = out.split("Lo que dice el documento")[1]
    assert "- No cuentan con un empleo." in after
    assert "Fuente: ENOE, 1er trimestre 2023." in after


def test_list_shows_title_owner_and_notes(cli: Invoke) -> None:
    out = cli("list", "--today", TODAY).stdout
    assert out.splitlines()[0] == "Campañas 2024 · Subdirección General de Comunicación"
    assert "Notas de la administración" in out
    assert "- Rediseño de Mi Cuenta Infonavit." in out


# --- validate wraps on a terminal -------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 200])
def test_findings_wrap_with_a_hanging_indent(width: int) -> None:
    from campana.loading import validate_files
    from campana.render.findings import text

    result = validate_files([PLAN])
    out = text(result.all_findings, result.files, result.line_text, color=False, width=width)
    for line in out.splitlines():
        if re.match(r"\s+\d+ \|", line) or re.match(r"\s+\| ", line):
            continue  # the source and caret lines stay as they are
        assert len(line) <= width, line
    assert "\n    " in out or width == 200
    # a date is never broken across lines
    assert not re.search(r"\d{1,2} \w{3}\n\s+\d{4}", out)
    assert not re.search(r"\d{1,2}\n\s+\w{3} \d{4}", out)
    piped = text(result.all_findings, result.files, result.line_text, color=False, width=None)
    assert piped.count("[outside-campaign]") == out.count("[outside-campaign]")


def test_markdown_reads_names(cli: Invoke) -> None:
    md = cli("audience", "--format", "markdown").stdout
    assert "| Infonavit, estés en donde estés |" in md and "| atencion |" not in md
    assert "% de derechohabientes" not in md and "poblacion-mexicana" not in md
    assert "podría agregarse a Personas derechohabientes" in md
    listed = cli("list", "--format", "markdown", "--today", TODAY).stdout
    assert listed.splitlines()[0] == (
        "**Campañas 2024** · Subdirección General de Comunicación · estado al 15 mar 2024"
    )


def test_a_missing_field_hint_says_agrega(cli: Invoke, plan_dir: Path) -> None:
    edit(plan_dir / "audience.yaml", "    count: 22392293\n", "")
    r = cli("validate", str(plan_dir / "campaigns.yaml"), str(plan_dir / "audience.yaml"))
    assert "agrega «count: ...»" in r.stdout + r.stderr
    assert "añade" not in r.stdout + r.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_show_says_no_aplica_where_no_blackout_restricts(cli: Invoke, fmt: str) -> None:
    """Brigadas runs through the blackout, which does not restrict it: its exception is not
    «no solicitada» (restricted, never requested) but «no aplica» (issue 8)."""
    r = cli("show", "atencion", "--format", fmt, "--today", "2024-03-15")
    assert r.exit_code == 0
    if fmt == "json":
        rows = {t["id"]: t for t in json.loads(r.stdout)["touchpoints"]}
        assert rows["brigadas"]["ine_status"] == "not-applicable"
        assert rows["medios-masivos"]["ine_status"] == "pending"
        return
    assert "no solicitada" not in r.stdout
    line = next(x for x in r.stdout.splitlines() if "Infomóviles" in x)
    assert "no aplica" in line


def test_the_brief_has_the_same_sections_in_every_view(cli: Invoke) -> None:
    """show, its Markdown and the HTML report name a brief's sections alike (vocab)."""
    from campana.vocab import BRIEF_SECTIONS

    args = ("show", "atencion", "--today", "2024-03-15")
    text = cli(*args).stdout
    markdown = cli(*args, "--format", "markdown").stdout
    html = cli("export", "html", "--today", "2024-03-15").stdout
    for key in ("objectives", "creative", "channels", "components", "execution"):
        heading = BRIEF_SECTIONS[key]
        assert f"\n{heading}\n" in text, heading
        assert f"### {heading}\n" in markdown, heading
        assert f"<h3>{heading}</h3>" in html, heading
