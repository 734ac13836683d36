"""campana import: a spreadsheet back into the plan, through the edit engine. Round trips from
campana's own workbook changed with openpyxl and LibreOffice; clear Spanish messages, with the
sheet, row and column, for what cannot be read."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Invoke

openpyxl = pytest.importorskip("openpyxl")
SOFFICE = shutil.which("soffice")
SHEET = "Trabajadores independientes"


def _export(cli: Invoke, plan_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "plan.xlsx"
    r = cli("export", "xlsx", "--plan", str(plan_dir / "campaigns.yaml"), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    return out


def _set_start(path: Path, sheet: str, touchpoint: str, new: dt.date, out: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for row in ws.iter_rows():
        if row[0].value == touchpoint and isinstance(row[2].value, dt.datetime):
            row[2].value = dt.datetime.combine(new, dt.time())
            break
    else:
        raise AssertionError(f"no row {touchpoint}")
    wb.save(out)
    return out


def _load(plan_dir: Path) -> object:
    from campana.loading import open_plan

    return open_plan(plan_dir / "campaigns.yaml").plan


def _dump(plan: object) -> dict[str, object]:
    return plan.model_dump()  # type: ignore[attr-defined,no-any-return]


def test_an_unchanged_export_imports_as_no_change(
    cli: Invoke, plan_dir: Path, tmp_path: Path
) -> None:
    path = _export(cli, plan_dir, tmp_path)
    before = (plan_dir / "campaigns.yaml").read_bytes()
    r = cli("import", str(path), "--plan", str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 0, r.stderr
    assert "no cambia nada del plan" in r.stderr
    assert (plan_dir / "campaigns.yaml").read_bytes() == before


def test_round_trip_with_openpyxl_changes_exactly_that_date(
    cli: Invoke, plan_dir: Path, tmp_path: Path
) -> None:
    before = _load(plan_dir)
    path = _set_start(
        _export(cli, plan_dir, tmp_path), SHEET, "Digital", dt.date(2024, 3, 1), tmp_path / "e.xlsx"
    )
    plan = str(plan_dir / "campaigns.yaml")
    dry = cli("import", str(path), "--plan", plan, "--dry-run", columns=120)
    assert dry.exit_code == 0, dry.stderr
    assert (
        "«Digital» de «Trabajadores independientes»: 23 feb – 14 jul 2024 → 1 mar – 14 jul 2024"
        in (dry.stdout)
    )
    assert "simulación: no se escribió nada" in dry.stderr
    # at 80 columns the line folds, its dates and names whole
    narrow = cli("import", str(path), "--plan", plan, "--dry-run", columns=80)
    assert narrow.stdout.splitlines()[1:] == [
        "  «Digital» de «Trabajadores independientes»: 23 feb – 14 jul 2024 →",
        "    1 mar – 14 jul 2024",
    ]
    assert _dump(_load(plan_dir)) == _dump(before)
    r = cli("import", str(path), "--plan", plan)
    assert r.exit_code == 0, r.stderr
    assert f"Guardado en {plan}" in r.stderr
    after = _dump(_load(plan_dir))
    expected = _dump(before)
    row = expected["campaigns"][2]["execution"][1]  # type: ignore[index]
    assert row["touchpoint"] == "digital"
    row["start"] = dt.date(2024, 3, 1)
    row["period_text"] = "1 de marzo a 14 de julio 2024"  # the document's words follow
    assert after == expected


@pytest.mark.browser
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_round_trip_through_libreoffice(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    """The date changed, then the workbook saved by LibreOffice as ODS: the same one change."""
    before = _dump(_load(plan_dir))
    edited = _set_start(
        _export(cli, plan_dir, tmp_path), SHEET, "Medios masivos", dt.date(2024, 2, 26),
        tmp_path / "e.xlsx",
    )  # fmt: skip
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "ods", "--outdir", str(tmp_path), str(edited)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    r = cli("import", str(tmp_path / "e.ods"), "--plan", str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 0, r.stderr
    assert len(re.findall(r"\n  (?! )", r.stdout)) == 1  # one change (its line may fold)
    after = _dump(_load(plan_dir))
    before["campaigns"][2]["execution"][0]["start"] = dt.date(2024, 2, 26)  # type: ignore[index]
    before["campaigns"][2]["execution"][0]["period_text"] = "26 de febrero a 14 de julio 2024"  # type: ignore[index]
    assert after == before


def test_a_table_with_named_columns(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    csv = tmp_path / "cambios.csv"
    csv.write_text(
        "Campaña;Punto de contacto;Inicio;Fin;Excepción INE;Responsable\n"
        "Trabajadores independientes;Comunicación Social;22/01/2024;31/05/2024;aprobada;"
        "Coordinación de Prensa\n",
        encoding="utf-8-sig",
    )
    r = cli("import", str(csv), "--plan", str(plan_dir / "campaigns.yaml"), columns=120)
    assert r.exit_code == 0, r.stderr
    row = _load(plan_dir).campaigns[2].execution[2]  # type: ignore[attr-defined]
    assert (row.ine_exception, row.owner) == ("approved", "Coordinación de Prensa")
    assert "excepción INE pendiente → aprobada" in r.stdout


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "Campaña,Punto de contacto,Inicio,Fin,Color\nCrédito,Digital,2024-01-01,2024-02-01,x\n",
            "hoja «t», fila 1, columna E: no conozco la columna «Color»",
        ),
        (
            "Campaña,Componente,Inicio,Fin\nInfonavit,Cambaceo,15/13/2024,31/05/2024\n",
            "hoja «t», fila 2, columna C: «15/13/2024» no es una fecha",
        ),
        (
            "Campaña,Componente,Inicio,Fin\nInfonavit,Cambaceo,,31/05/2024\n",
            "hoja «t», fila 2, columna C: la fecha está vacía",
        ),
        (
            "Campaña,Componente,Inicio,Fin\nInfonavit,Cambaceos del sur,10/01/2024,31/05/2024\n",
            "hoja «t», fila 2, columna B: «Infonavit, estés en donde estés» no tiene el "
            "componente «Cambaceos del sur»",
        ),
        (
            "Campaña,Componente,Inicio,Fin\nNo existe,Cambaceo,10/01/2024,31/05/2024\n",
            "hoja «t», fila 2, columna A:",
        ),
        ("Nombre,Cuándo\nx,y\n", "no tiene ninguna tabla que campana sepa leer"),
    ],
)
def test_unreadable_tables_say_where(
    cli: Invoke, plan_dir: Path, tmp_path: Path, table: str, message: str
) -> None:
    (tmp_path / "t.csv").write_text(table, encoding="utf-8")
    before = (plan_dir / "campaigns.yaml").read_bytes()
    r = cli("import", str(tmp_path / "t.csv"), "--plan", str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 2
    assert message in r.stderr
    assert "sugerencia:" in r.stderr and "Traceback" not in r.stderr
    assert (plan_dir / "campaigns.yaml").read_bytes() == before


def test_merged_cells_and_conflicts(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    path = _export(cli, plan_dir, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    head = next(r[0].row for r in ws.iter_rows() if r[0].value == "Punto de contacto")
    ws.merge_cells(start_row=head + 1, start_column=3, end_row=head + 2, end_column=3)
    wb.save(tmp_path / "merged.xlsx")
    plan = str(plan_dir / "campaigns.yaml")
    r = cli("import", str(tmp_path / "merged.xlsx"), "--plan", plan)
    assert r.exit_code == 2
    assert f"hoja «{SHEET}», fila {head + 1}, columna C: celdas combinadas" in r.stderr
    # the same date changed to two different days in the grid and the campaign sheet
    wb = openpyxl.load_workbook(path)
    _set_start(path, SHEET, "Digital", dt.date(2024, 3, 1), tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    grid = wb["Programación"]
    rows = [r for r in grid.iter_rows() if r[0].value and r[0].value.strip() == "Digital"]
    execution = [r for r in rows if r[1].value == "punto de contacto"][-1]
    execution[2].value = dt.datetime(2024, 3, 4)
    wb.save(tmp_path / "b.xlsx")
    r = cli("import", str(tmp_path / "b.xlsx"), "--plan", plan)
    assert r.exit_code == 2
    assert "dos valores distintos para el inicio de «Digital» en «Trabajadores independientes»" in (
        r.stderr
    )


def test_the_shipped_example_is_never_written(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.csv").write_text("Campaña,Inicio,Fin\nCrédito,2024-09-18,2024-12-15\n")
    r = cli("import", "t.csv")
    assert r.exit_code == 2
    assert "plan de ejemplo" in r.stderr
    r = cli("import", "t.csv", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "«Crédito»: 17 sep – 15 dic 2024 → 18 sep – 15 dic 2024" in r.stdout


def test_the_docs_examples_print_what_they_show(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/formats.md's ``$ campana import`` examples, run in a folder with the plan, the
    example CSV and the faulty one the docs name."""
    import shlex

    from conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "mal.csv").write_text(
        "Campaña,Punto de contacto,Inicio,Fin,Color\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    lines = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8").splitlines()
    checked = 0
    for i, line in enumerate(lines):
        if not line.startswith("$ campana "):
            continue
        shown = []
        for follow in lines[i + 1 :]:
            if follow.startswith(("$ ", "```")):
                break
            shown.append(follow)
        r = cli(*shlex.split(line)[2:], columns=80)
        got = r.stdout if r.exit_code == 0 else r.stderr
        assert got.rstrip("\n").split("\n") == shown, line
        checked += 1
    assert checked == 2
