"""export xlsx|pptx|pdf re-read by the libraries their users' programs use (openpyxl,
python-pptx, pdftotext), and opened by LibreOffice when it is installed."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PLAN, Invoke

TODAY = "2024-03-01"
SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


def _export(cli: Invoke, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"plan.{fmt}"
    r = cli("export", fmt, "--plan", str(PLAN), "--today", TODAY, "-o", str(out), *extra)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert f"Guardado en {out}" in r.stderr
    return out


def _plan() -> object:
    from campana.loading import open_plan

    return open_plan(PLAN)


# --- xlsx ---------------------------------------------------------------------------------


@pytest.fixture
def workbook(cli: Invoke, tmp_path: Path) -> object:
    openpyxl = pytest.importorskip("openpyxl")
    return openpyxl.load_workbook(_export(cli, tmp_path, "xlsx"))


def test_xlsx_has_the_sheets_in_order(workbook: object) -> None:
    names = workbook.sheetnames  # type: ignore[attr-defined]
    assert names[0] == "Programación"
    assert names[-3:] == ["Audiencia", "Veda", "Hallazgos"]
    assert "Infonavit, estés en donde estés" in names
    assert "Trabajadores independientes" in names
    assert all(len(n) <= 31 for n in names)


def test_xlsx_programme_rows_dates_and_cells(workbook: object) -> None:
    ws = workbook["Programación"]  # type: ignore[index]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Campaña / fila")
    assert rows[head][1:4] == ("Tipo", "Inicio", "Fin")
    weeks = [v for v in rows[head][4:] if v is not None]
    assert weeks[0] == dt.datetime(2024, 1, 1)  # real dates: the Monday of each week
    assert len(weeks) == 53
    body = {(r[0].strip(), r[1]): r for r in rows[head + 1 :] if r[0] and r[1]}
    logros = body[("Logros en materia laboral (digital)", "campaña")]
    assert logros[2:4] == (dt.datetime(2024, 1, 15), dt.datetime(2024, 2, 29))
    cambaceo = body[("Cambaceo", "componente")]
    assert cambaceo[2] == dt.datetime(2024, 1, 10)
    assert ("Medios masivos", "punto de contacto") in body
    assert ws.freeze_panes == f"E{head + 2}"
    assert ws.page_setup.orientation == "landscape"
    # fit to one page wide (1 is the default, not written), as many tall as needed
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # «Medios masivos» of Trabajadores independientes: in the week of 4 March it is in the
    # blackout with its exception pending (orange); in the week of 8 July, on air (blue)
    line = next(
        i
        for i, r in enumerate(rows)
        if i > head and r[0] and r[0].strip() == "Medios masivos" and r[1] == "punto de contacto"
    )
    col_march = 4 + weeks.index(dt.datetime(2024, 3, 4))
    col_july = 4 + weeks.index(dt.datetime(2024, 7, 8))
    col_dec = 4 + weeks.index(dt.datetime(2024, 12, 2))
    fill = lambda c: ws.cell(line + 1, c + 1).fill.fgColor.rgb  # noqa: E731
    assert fill(col_march).endswith("F2A93B")
    assert fill(col_july).endswith("4B77A3")
    assert not fill(col_dec).endswith(("F2A93B", "4B77A3"))
    legend = [r[2] for r in rows if r[2] and isinstance(r[2], str)]
    assert "En veda: excepción del INE pendiente" in legend


def test_xlsx_campaign_sheet_has_the_execution_table_and_asterisk_note(workbook: object) -> None:
    ws = workbook["Trabajadores independientes"]  # type: ignore[index]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Trabajadores independientes"
    facts = {r[0]: r[1] for r in rows[:8] if r[0]}
    assert facts["Inicio"] == dt.datetime(2024, 1, 15)
    assert facts["Fin"] == dt.datetime(2024, 8, 18)
    head = next(i for i, r in enumerate(rows) if r[0] == "Punto de contacto")
    assert rows[head][:8] == (
        "Punto de contacto",
        "Tácticos",
        "Inicio",
        "Fin",
        "Días",
        "Días en veda",
        "Excepción INE",
        "Responsable",
    )
    table = {r[0]: r for r in rows[head + 1 : head + 4]}
    assert table["Digital"][2:4] == (dt.datetime(2024, 2, 23), dt.datetime(2024, 7, 14))
    assert table["Digital"][1].split("\n") == [
        "Vídeo display",
        "Vídeo en redes sociales",
        "Publicaciones promovidas",
    ]
    assert table["Comunicación Social"][6] == "pendiente*"
    note = rows[head + 4][0]
    assert note.startswith("* La campaña fue sometida al INE")
    assert "Objetivos" in [r[0] for r in rows]


def test_xlsx_audience_formulas_and_cached_values(cli: Invoke, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = _export(cli, tmp_path, "xlsx")
    formulas = openpyxl.load_workbook(path)["Audiencia"]
    values = openpyxl.load_workbook(path, data_only=True)["Audiencia"]
    found = False
    for row in formulas.iter_rows(min_row=4):
        name = row[0].value
        if name and "Reciben aportaciones" in name:
            assert row[1].value == 22_392_293
            assert isinstance(row[3].value, str) and row[3].value.startswith("=B")
            cached = values.cell(row[3].row, 4).value
            assert cached == pytest.approx(22_392_293 / 76_434_882)
            found = True
    assert found
    sums = [r for r in formulas.iter_rows() if r[1].value and str(r[1].value).startswith("=SUM")]
    assert sums and values.cell(sums[0][1].row, 2).value == 22_392_293 + 54_042_589


def test_xlsx_veda_and_findings(workbook: object, tmp_path: Path) -> None:
    veda = [r for r in workbook["Veda"].iter_rows(values_only=True)]  # type: ignore[index]
    texts = [str(v) for r in veda for v in r if v is not None]
    assert "Veda electoral federal 2024" in texts
    # the columns of veda's CSV and Markdown (render.columns), less the blackout's name
    head = next(r for r in veda if r[0] == "Campaña" and r[1] == "Punto de contacto")
    assert list(head[:7]) == [
        "Campaña",
        "Punto de contacto",
        "Inicio",
        "Fin",
        "Días dentro",
        "Excepción INE",
        "Días perdidos si se niega",
    ]
    assert any(r[1] == "Brigadas de promoción y servicio" and r[5] == "no aplica" for r in veda)
    what_if = ["Campaña", "Días dentro", "Días sin nada al aire si se niega"]
    assert what_if in [list(r[:3]) for r in veda]
    row = next(r for r in veda if r[0] == "Trabajadores independientes" and r[1] == 94)
    assert row[2] == 94  # every day of the blackout with nothing on air if denied
    # atención's 0 rests on the unresolved Brigadas end: the sheet says so beside it
    atencion = next(r for r in veda if r[0] == "Infonavit, estés en donde estés" and r[1] == 94)
    assert atencion[2] == 0
    note = next(r[0] for r in veda if str(r[0]).startswith("Infonavit, estés en donde estés: "))
    assert "depende del fin de «Brigadas" in note and "serían 2 días" in note
    sheet = list(workbook["Hallazgos"].iter_rows(values_only=True))  # type: ignore[index]
    assert list(sheet[2]) == [
        "Gravedad",
        "Mensaje",
        "Sugerencia",
        "Código",
        "Archivo",
        "Línea",
        "Columna",
    ]
    found = sheet[3:]
    plan = _plan()
    assert len(found) == len(plan.validation.findings)  # type: ignore[attr-defined]
    assert {r[0] for r in found} <= {"error", "aviso"}


def test_xlsx_by_day_marks_weekends(cli: Invoke, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.load_workbook(_export(cli, tmp_path, "xlsx", "--por", "día"))["Programación"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Campaña / fila")
    days = [v for v in rows[head][4:] if v is not None]
    assert len(days) == 366 and days[5] == dt.datetime(2024, 1, 6)
    # Saturday 6 January, an empty row there: the weekend fill
    line = next(i for i, r in enumerate(rows) if r[0] == "Crédito")
    assert ws.cell(line + 1, 4 + 5 + 1).fill.fgColor.rgb.endswith("E8EAED")
    assert not ws.cell(line + 1, 4 + 1 + 1).fill.fgColor.rgb.endswith("E8EAED")


def test_xlsx_options_are_checked(cli: Invoke, tmp_path: Path) -> None:
    r = cli("export", "xlsx", "--plan", str(PLAN), "--por", "mes", "-o", str(tmp_path / "x.xlsx"))
    assert r.exit_code == 2 and "«mes» no es semana ni día" in r.stderr
    r = cli("export", "xlsx", "--plan", str(PLAN), "--papel", "a4", "-o", str(tmp_path / "x.xlsx"))
    assert r.exit_code == 2 and "--papel se aplica a pdf" in r.stderr
    r = cli("export", "pptx", "--plan", str(PLAN), "--campaign", "credito")
    assert r.exit_code == 2 and "el archivo lleva el plan entero" in r.stderr
    r = cli("export", "svg", "--plan", str(PLAN), "--por", "día")
    assert r.exit_code == 2 and "--por se aplica a xlsx" in r.stderr
    assert not (tmp_path / "x.xlsx").exists()


# --- pptx ---------------------------------------------------------------------------------


def _slides(path: Path) -> list[object]:
    pptx = pytest.importorskip("pptx")
    return list(pptx.Presentation(str(path)).slides)


def _texts(slide: object) -> list[str]:
    out = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [c.text for row in shape.table.rows for c in row.cells]
    return out


def test_pptx_follows_the_document_order(cli: Invoke, tmp_path: Path) -> None:
    slides = _slides(_export(cli, tmp_path, "pptx"))
    firsts = [_texts(s)[0] for s in slides]
    assert firsts[0] == "Campañas 2024"
    assert "Subdirección General de Comunicación" in _texts(slides[0])[1]
    order = [
        "Audiencia",
        "Campañas 2024: contexto",
        "Campañas 2024 — Programación",
        "Infonavit, estés en donde estés",
        "Infonavit, estés en donde estés: ejecución de la campaña",
        "Trabajadores independientes",
        "Trabajadores independientes: ejecución de la campaña",
        "Veda electoral federal 2024",
        "Revisión del plan",
    ]
    positions = [firsts.index(t) for t in order]
    assert positions == sorted(positions)


def test_pptx_grid_is_a_native_table_with_the_document_days(cli: Invoke, tmp_path: Path) -> None:
    slides = _slides(_export(cli, tmp_path, "pptx"))
    grid = [s for s in slides if _texts(s)[0].startswith("Campañas 2024 — Programación")]
    tables = [sh.table for s in grid for sh in s.shapes if sh.has_table]
    assert tables
    header = [c.text for c in tables[0].rows[0].cells]
    assert header[1:] == [
        "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"
    ]  # fmt: skip
    rows = {r.cells[0].text.strip(): [c.text for c in r.cells] for t in tables for r in t.rows}
    # as the source document: «Logros…» 15 in January, 29 in February
    assert rows["Logros en materia laboral (digital)"][1:3] == ["15", "29"]
    assert rows["Crédito"][9] == "17" and rows["Crédito"][12] == "15"
    assert rows["Responsabilidad Compartida"][10:13] == ["21", "", "31"]


def test_pptx_brief_and_execution_slides(cli: Invoke, tmp_path: Path) -> None:
    slides = _slides(_export(cli, tmp_path, "pptx"))
    by_title = {_texts(s)[0]: s for s in slides}
    brief = " ".join(_texts(by_title["Trabajadores independientes"]))
    assert "Informar a las personas que trabajan de manera independiente" in brief
    assert "¿Eres trabajador independiente?" in brief
    execution = by_title["Trabajadores independientes: ejecución de la campaña"]
    table = next(sh.table for sh in execution.shapes if sh.has_table)
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0][:3] == ["Punto de contacto", "Tácticos", "Periodo"]
    assert cells[1][0] == "Medios masivos" and cells[1][2] == "23 feb – 14 jul 2024*"
    assert any(t.startswith("* La campaña fue sometida al INE") for t in _texts(execution))
    veda = " ".join(_texts(by_title["Veda electoral federal 2024"]))
    assert "Trabajadores independientes: 94 de 94 días sin nada al aire si se niega" in veda
    assert "0 de 94 días sin nada al aire si se niega (depende del fin de «Brigadas" in veda
    # the row the blackout does not restrict is listed too, as in veda and its CSV
    assert "Brigadas de promoción y servicio" in veda and "no aplica" in veda


def test_pptx_columns_hold_their_longest_word(cli: Invoke, tmp_path: Path) -> None:
    """No word is cut: each column is at least as wide as its longest word at its font size
    (estimated with a glyph width wider than Calibri's average)."""
    slides = _slides(_export(cli, tmp_path, "pptx"))
    checked = 0
    for s in slides:
        for sh in s.shapes:
            if not sh.has_table:
                continue
            for j, col in enumerate(sh.table.columns):
                for row in sh.table.rows:
                    cell = row.cells[j]
                    for p in cell.text_frame.paragraphs:
                        for run in p.runs:
                            size = run.font.size.pt
                            for word in run.text.split():
                                need = len(word) * 0.5 * size / 72 * 914400
                                assert need <= col.width, (word, size, col.width)
                                checked += 1
    assert checked > 100


def test_a_long_table_goes_on_with_continuation(cli: Invoke, tmp_path: Path) -> None:
    """The findings do not fit one slide: the next says «(continuación)», with the header."""
    slides = _slides(_export(cli, tmp_path, "pptx"))
    titles = [_texts(s)[0] for s in slides]
    more = [
        s for s, t in zip(slides, titles, strict=True) if t == "Revisión del plan (continuación)"
    ]
    assert more
    table = next(sh.table for sh in more[0].shapes if sh.has_table)
    assert [c.text for c in table.rows[0].cells] == ["Tipo", "Hallazgo", "Qué hacer"]
    assert len(table.rows) > 2  # never a slide with a single row


def _gantt_data() -> object:
    from campana.document import plan_document

    loaded = _plan()
    return plan_document(
        loaded.plan,  # type: ignore[attr-defined]
        loaded.audience,  # type: ignore[attr-defined]
        dt.date.fromisoformat(TODAY),
    ).chart


def _gantt_slides(slides: list[object]) -> list[object]:
    return [s for s in slides if _texts(s)[0].startswith("Campañas 2024 — Programación (Gantt)")]


def _bars(slide: object) -> list[object]:
    return [sh for sh in slide.shapes if sh.name.startswith("Barra ")]  # type: ignore[attr-defined]


def test_pptx_gantt_has_a_bar_per_row_beside_its_name(cli: Invoke, tmp_path: Path) -> None:
    """One native shape per GanttData bar, named with its row and dates, its alt text the
    row's name; the row's name is on the left at the bar's height; later starts are further
    right. The slide comes right after the programme table."""
    slides = _slides(_export(cli, tmp_path, "pptx"))
    firsts = [_texts(s)[0] for s in slides]
    gantt = _gantt_slides(slides)
    assert len(gantt) == 1
    assert firsts[firsts.index("Campañas 2024 — Programación (Gantt)") - 1].startswith(
        "Campañas 2024 — Programación"
    )
    data = _gantt_data()
    expected = [
        (i, r)
        for i, r in enumerate(data.rows)  # type: ignore[attr-defined]
        if r.kind != "campaign" or r.in_window
    ]
    bars = _bars(gantt[0])
    assert len(bars) == len(expected)
    names = {
        sh.name: sh
        for sh in gantt[0].shapes
        if sh.name.startswith("Nombre ")  # type: ignore[attr-defined]
    }
    starts = []
    for bar, (i, row) in zip(bars, expected, strict=True):
        ref = f"{i} " + "/".join(p for p in (row.campaign, row.touchpoint, row.milestone) if p)
        assert bar.name == f"Barra {row.kind} {ref} {row.start}/{row.end}"
        descr = bar._element.xpath("./*[1]/p:cNvPr")[0].get("descr")
        assert descr.startswith(f"{row.name}: ")
        label = names[f"Nombre {ref}"]
        assert label.text_frame.text == row.name
        assert label.left + label.width <= bar.left or row.start <= data.start  # type: ignore[attr-defined]
        mid = bar.top + bar.height / 2
        assert label.top <= mid <= label.top + label.height
        starts.append((row.start, bar.left))
    starts.sort()
    for (d1, x1), (d2, x2) in itertools.pairwise(starts):
        assert x1 <= x2
        if d2 > d1:
            assert x2 > x1
    texts = " ".join(_texts(gantt[0]))
    months = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"]
    assert all(m in texts for m in months)
    assert "Veda electoral federal 2024, 1 mar – 2 jun 2024" in texts
    assert "Hoy (1 mar 2024)" in texts
    assert any(sh.name == f"Hoy {TODAY}" for sh in gantt[0].shapes)  # type: ignore[attr-defined]
    shapes = [sh.name for sh in gantt[0].shapes]  # type: ignore[attr-defined]
    assert any(n.startswith("Veda ") for n in shapes)
    # the year's 8 rest days, each above the blackout's band (18 March lies inside it)
    assert shapes.count("Descanso") == 8
    last_veda = max(i for i, n in enumerate(shapes) if n.startswith("Veda "))
    assert shapes.index("Descanso") > last_veda


def test_pptx_gantt_goes_on_with_the_months_repeated(tmp_path: Path) -> None:
    """Rows that do not fit one slide go on in «(continuación)» slides, each with the months;
    the name column holds the longest name."""
    pptx = pytest.importorskip("pptx")
    import dataclasses

    from campana.document import plan_document
    from campana.render.slides import GLYPH, plan_pptx

    loaded = _plan()
    doc = plan_document(
        loaded.plan,  # type: ignore[attr-defined]
        loaded.audience,  # type: ignore[attr-defined]
        dt.date(2024, 11, 20),
    )
    rows = list(doc.chart.rows) * 4
    long = "Brigadas de promoción y servicio en los centros de trabajo de todo el país"
    rows[3] = dataclasses.replace(rows[3], name=long)
    doc = dataclasses.replace(doc, chart=dataclasses.replace(doc.chart, rows=tuple(rows)))
    path = tmp_path / "big.pptx"
    path.write_bytes(plan_pptx(doc))
    gantt = _gantt_slides(list(pptx.Presentation(str(path)).slides))
    assert len(gantt) >= 2
    assert all(_texts(s)[0].endswith("(Gantt) (continuación)") for s in gantt[1:])
    bars = [b for s in gantt for b in _bars(s)]
    assert len(bars) == sum(r.kind != "campaign" or r.in_window for r in rows)
    for s in gantt:
        assert "Ene" in _texts(s) and "Dic" in _texts(s)
        assert _bars(s)
    label = next(sh for sh in gantt[0].shapes if sh.has_text_frame and sh.text_frame.text == long)
    size = label.text_frame.paragraphs[0].runs[0].font.size.pt
    assert len(long) * GLYPH * size / 72 * 914400 <= label.width


# --- pdf ----------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        [PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_is_paginated_with_title_and_page_numbers(cli: Invoke, tmp_path: Path) -> None:
    path = _export(cli, tmp_path, "pdf")
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF")
    assert b"/MediaBox [0 0 792.00 612.00]" in raw  # carta, landscape
    text = _pdf_text(path)
    pages = text.split("\f")[:-1]
    n = len(pages)
    assert 4 <= n <= 10
    for i, page in enumerate(pages, 1):
        assert f"Página {i} de {n}" in page
        assert "Campañas 2024" in page
        assert len(page.strip().splitlines()) > 8  # no near-empty page
    assert "días sin nada al aire si se niega" in text.lower()
    flat = " ".join(text.split())
    assert "* Infonavit, estés en donde estés: depende del fin de «Brigadas" in flat
    veda = flat[flat.rindex("Veda electoral federal 2024") :]
    assert "Brigadas de promoción y servicio 22 ene – 30 jun 2024 94 no aplica 0" in veda
    assert "¿Eres trabajador independiente?" in text
    assert "«Cambaceo»" in text and "Campañas 2024 — Programación" in text


def test_pdf_a4_and_table_headers_repeat(cli: Invoke, tmp_path: Path) -> None:
    path = _export(cli, tmp_path, "pdf", "--papel", "A4")
    assert b"/MediaBox [0 0 841.89 595.28]" in path.read_bytes()
    pages = _pdf_text(path).split("\f")[:-1]
    # the findings table spans pages: its header on each of them
    with_findings = [p for p in pages if "campaigns.yaml, línea" in p]
    assert len(with_findings) >= 2
    for p in with_findings:
        assert re.search(r"Tipo\s+Dónde\s+Hallazgo\s+Qué hacer", p)


def test_pdf_text_outside_windows_1252() -> None:
    from campana.render.pdf import pdf_text

    assert pdf_text("«¿Qué?» — ñ… ≈ 1\u202f000 ✓") == "«¿Qué?» — ñ… aprox.  1 000 ?"


# --- LibreOffice ------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("fmt", ["xlsx", "pptx"])
def test_libreoffice_opens_and_prints_them(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    path = _export(cli, tmp_path, fmt)
    out = tmp_path / "pdf"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    text = _pdf_text(out / f"plan.{fmt}.pdf".replace(f".{fmt}.pdf", ".pdf"))
    pages = text.split("\f")[:-1]
    assert "Trabajadores independientes" in text
    assert "Veda electoral federal 2024" in text
    if fmt == "xlsx":
        assert "Página 1 de" in pages[0]
        assert 5 <= len(pages) <= 14
    else:
        assert "Campañas 2024: contexto" in text
        assert 9 <= len(pages) <= 16


@pytest.mark.browser
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_every_gantt_row_name(cli: Invoke, tmp_path: Path) -> None:
    path = _export(cli, tmp_path, "pptx")
    out = tmp_path / "pdf"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pages = _pdf_text(out / "plan.pdf").split("\f")
    page = next(p for p in pages if "Programación (Gantt)" in p)
    for row in _gantt_data().rows:  # type: ignore[attr-defined]
        assert row.name in page, row.name
    assert "Veda electoral federal 2024" in page


def test_xlsx_day_view_marks_rest_days_when_campana_knows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``campana.restdays`` (branch nextyear), the day view fills the official rest days
    (a stand-in module here, with the API that branch has: rest_days(start, end, *,
    election_days) and declared_election_days(blackouts))."""
    import sys
    import types

    openpyxl = pytest.importorskip("openpyxl")
    from campana.document import plan_document
    from campana.loading import open_plan
    from campana.render.xlsx import plan_xlsx

    fake = types.ModuleType("campana.restdays")
    fake.rest_days = lambda start, end, *, election_days=(): {  # type: ignore[attr-defined]
        dt.date(2024, 2, 5): "Día de la Constitución",
        **{d: "Jornada electoral" for d in election_days},
    }
    fake.declared_election_days = lambda blackouts: [dt.date(2024, 6, 2)]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "campana.restdays", fake)
    loaded = open_plan(PLAN)
    doc = plan_document(loaded.plan, loaded.audience, dt.date(2024, 3, 1))
    data = plan_xlsx(doc, unit="day")
    (tmp_path / "d.xlsx").write_bytes(data)
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx")["Programación"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Campaña / fila")
    line = next(i for i, r in enumerate(rows) if r[0] == "Crédito") + 1
    day = lambda d: 4 + (d - dt.date(2024, 1, 1)).days + 1  # noqa: E731
    assert rows[head][day(dt.date(2024, 2, 5)) - 1] == dt.datetime(2024, 2, 5)
    assert ws.cell(line, day(dt.date(2024, 2, 5))).fill.fgColor.rgb.endswith("D9D2E9")
    # the election day the blackout declares (a Sunday: rest before weekend), not the Monday
    assert ws.cell(line, day(dt.date(2024, 6, 2))).fill.fgColor.rgb.endswith("D9D2E9")
    assert ws.cell(line, day(dt.date(2024, 6, 3))).fill.fgColor.rgb.endswith("D9D2E9") is False
    texts = [r[2] for r in rows if isinstance(r[2], str)]
    assert "Día de descanso obligatorio" in texts


def test_the_veda_tables_head_their_last_column_by_the_scenario(
    cli: Invoke, tmp_path: Path
) -> None:
    """Under --assume-ine aprobada nothing is left to deny: xlsx, pptx and pdf say «fuera del
    aire en el escenario», as veda, its Markdown and the HTML report do."""
    import openpyxl

    heading = "Días fuera del aire en el escenario"
    xlsx = _export(cli, tmp_path, "xlsx", "--assume-ine", "aprobada")
    cells = [c.value for row in openpyxl.load_workbook(xlsx)["Veda"].iter_rows() for c in row]
    assert heading in cells and "Días perdidos si se niega" not in cells
    pptx = _export(cli, tmp_path, "pptx", "--assume-ine", "aprobada")
    texts = [t for s in _slides(pptx) for t in _texts(s)]
    assert any(heading in t for t in texts)
    assert not any("Días perdidos si se niega" in t for t in texts)
