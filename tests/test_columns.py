"""One column definition per result (issue 17) and CSV for Excel (issue 20): the CSV and the
Markdown of every tabular result have the same headers and the same values, each written
its way (ISO dates and plain numbers in CSV, the document's dates and separators in
Markdown); the CSV reads back in Excel's way (BOM, Spanish, ISO dates)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from campana.dates import parse_date
from campana.render import columns
from conftest import Invoke
from helpers import edit

TODAY = "2024-03-15"

RESULTS = {
    "schedule-month": ("schedule", "--month", "marzo", "--today", TODAY),
    "schedule-day": ("schedule", "--on", "2024-03-15", "--today", TODAY),
    "schedule-scenario": ("schedule", "-c", "trab", "--assume-ine", "negada", "--today", TODAY),
    "list": ("list", "--today", TODAY),
    "audience": ("audience",),
    "show": ("show", "atencion", "--today", TODAY),
    "show-scenario": ("show", "trab", "--assume-ine", "negada", "--today", TODAY),
    "agenda": ("agenda", "--today", "2024-02-26", "--days", "30"),
    "veda": ("veda",),
}


def _csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "the CSV starts with a BOM (Excel reads it as UTF-8)"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _markdown_rows(text: str, header: list[str]) -> list[list[str]]:
    """The lines of every Markdown table whose header is ``header``, in order."""
    lines = text.splitlines()
    found: list[list[str]] = []
    tables = 0
    for i, line in enumerate(lines):
        if line.startswith("|") and _cells(line) == header:
            tables += 1
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                found.append(_cells(row))
    assert tables, f"no Markdown table with the CSV's header {header}"
    return found


def _as_csv_writes_it(markdown_cell: str) -> str:
    """A Markdown value in the CSV's spelling: «22 ene 2024» → 2024-01-22, «76,434,882» →
    76434882, «29.3 %» → 29.3, «—» (no figure) → empty."""
    if re.fullmatch(r"\d{1,2} [a-z]{3,4} \d{4}", markdown_cell):
        return parse_date(markdown_cell).isoformat()
    if re.fullmatch(r"\d{1,3}(,\d{3})+", markdown_cell):
        return markdown_cell.replace(",", "")
    if re.fullmatch(r"\d+\.\d %", markdown_cell):
        return markdown_cell.removesuffix(" %")
    return "" if markdown_cell == "—" else markdown_cell


@pytest.mark.parametrize("args", RESULTS.values(), ids=RESULTS.keys())
def test_csv_and_markdown_agree(cli: Invoke, args: tuple[str, ...]) -> None:
    table = _csv(cli(*args, "--format", "csv").stdout)
    header, rows = table[0], table[1:]
    assert rows, "a result with lines to compare"
    md = cli(*args, "--format", "markdown").stdout
    shown = _markdown_rows(md, header)
    assert [[_as_csv_writes_it(c) for c in row] for row in shown] == rows


@pytest.mark.parametrize("args", RESULTS.values(), ids=RESULTS.keys())
def test_csv_is_spanish_with_iso_dates(cli: Invoke, args: tuple[str, ...]) -> None:
    table = _csv(cli(*args, "--format", "csv").stdout)
    cells = {c for row in table[1:] for c in row}
    english = {"pending", "approved", "denied", "not-applicable", "not-requested"}
    english |= {"campaign", "component", "touchpoint", "blackout", "running", "upcoming"}
    assert not cells & english
    assert all(len(row) == len(table[0]) for row in table)
    dates = [c for c in cells if re.fullmatch(r"\d{4}-\d\d-\d\d", c)]
    assert all(dt.date.fromisoformat(d) for d in dates)
    # no date in a person's spelling: a spreadsheet reads ISO dates as dates
    assert not any(re.search(r"\b\d{1,2} (ene|feb|mar|abr|may|jun) 20\d\d\b", c) for c in cells)


def test_a_column_is_written_by_kind() -> None:
    assert columns.csv_cell("date", dt.date(2024, 3, 1)) == "2024-03-01"
    assert columns.markdown_cell("date", dt.date(2024, 3, 1)) == "1 mar 2024"
    assert (columns.csv_cell("number", 76434882), columns.markdown_cell("number", 76434882)) == (
        "76434882",
        "76,434,882",
    )
    assert (columns.csv_cell("percent", 0.2929), columns.markdown_cell("percent", 0.2929)) == (
        "29.3",
        "29.3 %",
    )
    assert (columns.csv_cell("number", None), columns.markdown_cell("number", None)) == ("", "—")


def test_the_year_csv_includes_the_execution_rows(cli: Invoke) -> None:
    # issue 20: the grid's year view leaves the execution rows out; the spreadsheet has them
    table = _csv(cli("schedule", "--format", "csv", "--today", TODAY).stdout)
    kinds = [row[0] for row in table[1:]]
    assert "punto de contacto" in kinds and "componente" in kinds
    assert ["punto de contacto", "Trabajadores independientes", "Digital"] in [
        row[:3] for row in table
    ]
    # a component and the execution row it mirrors are one line (issue 17): atención's
    # «Digital» is its component's line, with the table's facts
    assert ["componente", "Infonavit, estés en donde estés", "Digital"] in [
        row[:3] for row in table
    ]
    grid = cli("schedule", "--format", "markdown", "--today", TODAY).stdout
    assert "| punto de contacto |" not in grid  # the year's grid stays the document's


def test_csv_reads_back_as_excel_would(cli: Invoke) -> None:
    r = cli("list", "--format", "csv", "--today", TODAY)
    data = r.stdout.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    credito = next(row for row in rows if row["Id"] == "credito")
    assert credito["Campaña"] == "Crédito" and credito["Inicio"] == "2024-09-17"
    assert credito["Estado al 15 mar 2024"] == "próxima" and credito["Días"] == "90"


def test_odd_names_read_back_whole(cli: Invoke, plan_dir: Path) -> None:
    """A name with a comma, quotes and a pipe reads back from the CSV as written, and the
    Markdown table keeps its columns (the pipe escaped)."""
    name = 'Crédito "Casa, mía" | 2024'
    edit(plan_dir / "campaigns.yaml", "    name: Crédito\n", f"    name: '{name}'\n")
    plan = str(plan_dir / "campaigns.yaml")
    args = ("list", "--plan", plan, "--today", TODAY)
    table = _csv(cli(*args, "--format", "csv").stdout)
    credito = next(row for row in table if row[1] == "credito")
    assert credito[0] == name
    md = cli(*args, "--format", "markdown").stdout
    assert _markdown_rows(md, table[0])[3][0] == name


def test_findings_have_one_table(cli: Invoke) -> None:
    """The brief's findings in Markdown are the findings table of ``render.columns`` (the one a
    spreadsheet's findings sheet reads), with validate's facts in its columns."""
    found = json.loads(cli("show", "atencion", "--format", "json", "--today", TODAY).stdout)
    md = cli("show", "atencion", "--format", "markdown", "--today", TODAY).stdout
    header = [c.header for c in columns.findings_table([]).columns]
    rows = _markdown_rows(md, header)
    words = {"error": "error", "warning": "aviso"}
    assert [[r[0], r[3], r[5], r[6]] for r in rows] == [
        [words[f["severity"]], f["code"], str(f["line"]), str(f["column"])]
        for f in found["findings"]
    ]
    assert rows and all(r[4] == "data/campaigns.yaml" for r in rows)
