"""`campana export html`: one self-contained Spanish report a director can open or print."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from campana.dates import period as period_text
from campana.loading import validate_files
from campana.render.report import report_html
from campana.report import build_report
from campana.veda import veda_report
from conftest import PLAN, ROOT, Invoke
from helpers import line_of

EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"
TODAY = dt.date(2024, 4, 15)


class Outline(HTMLParser):
    """Tags, ids, links and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.h2: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        self._in.append(tag)
        if tag == "h2":
            self.h2.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "style" in self._in or "title" in self._in:
            return
        self.text.append(data)
        if "h2" in self._in and self.h2:
            self.h2[-1] += data

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def render(path: Path, **kw: object) -> tuple[str, Outline]:
    v = validate_files([path])
    assert v.plan is not None
    html = report_html(build_report(v.plan, v.audience, TODAY, findings=v.findings, **kw))  # type: ignore[arg-type]
    page = Outline()
    page.feed(html)
    return html, page


@pytest.mark.parametrize("source", [PLAN, EXAMPLE], ids=["shipped", "example"])
def test_the_report_is_a_spanish_page_with_a_working_table_of_contents(source: Path) -> None:
    html, page = render(source)
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "es-MX"}) in page.tags
    assert re.search(r"<title>Campañas 2024 — Subdirección General de Comunicación</title>", html)
    anchors = [link for link in page.links if link.startswith("#")]
    assert len(anchors) >= 8
    for link in anchors:
        assert link[1:] in page.ids, f"the contents link to a missing section: {link}"
    v = validate_files([source])
    assert v.plan is not None
    for c in v.plan.campaigns:
        assert c.name in page.h2
    for heading in ("Programación", "Revisión del plan", "Audiencia", "Veda electoral"):
        assert heading in page.h2


@pytest.mark.parametrize("source", [PLAN, EXAMPLE], ids=["shipped", "example"])
def test_nothing_is_loaded_from_anywhere_else(source: Path) -> None:
    html, page = render(source)
    assert "<script" not in html.lower()
    assert "@import" not in html and "@font-face" not in html
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "data", "poster"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert not [
        u for u in re.findall(r"url\(([^)]*)\)", html) if not u.strip("'\"").startswith("#")
    ]
    assert "<svg" in html and 'data-kind="campaign"' in html


def test_each_campaign_brings_its_brief() -> None:
    _, page = render(EXAMPLE)
    text = page.visible
    for expected in (
        "22 ene – 14 jul 2024",  # period
        "en curso, día 85 de 175",  # status as show gives it
        "Personas con un crédito activo",  # audience
        "Incentivar el uso de los canales digitales",  # objective
        "SACAR UN CRÉDITO",  # creative line
        "Infonatel (teléfono): 800 008 3900",  # channel
        "Spoteo nacional televisión",  # tactic in the execution table
        "Coordinación de Medios",  # owner of an execution row
        "Solicitud de excepción al INE",  # milestone
    ):
        assert expected in text, expected
    # Brigadas runs through the blackout but no blackout restricts it: "no aplica"
    assert "pendiente" in text and "no aplica" in text


def test_findings_are_told_in_plain_words() -> None:
    html, page = render(PLAN)
    text = page.visible
    v = validate_files([PLAN])
    assert v.findings and all(f.severity == "warning" for f in v.findings)
    assert f"El plan es válido, con avisos: 0 errores y {len(v.findings)} avisos." in text
    line = line_of(PLAN, "start: 2024-01-10")  # Cambaceo's start, before its campaign's
    assert f"Aviso (campaigns.yaml, línea {line}) : El componente «Cambaceo» empieza" in text
    assert "Qué hacer: ajusta la fecha" in text
    assert "[outside-campaign]" not in html


def test_the_audience_table_has_a_bar_per_segment() -> None:
    html, _ = render(PLAN)
    v = validate_files([PLAN])
    assert v.audience is not None
    bars = re.findall(r'class="bar" style="width: ([\d.]+)%"', html)
    assert len(bars) == len(v.audience.segments)
    widths = sorted(float(b) for b in bars)
    assert widths[-1] == 100.0 and widths[0] < 10
    # the deck's separator, as every other view (issue 17)
    assert "hasta 34,000,000" in html
    assert "≈ 129,000,000" in html


def test_the_blackout_section_uses_the_report_it_is_given() -> None:
    @dataclass(frozen=True)
    class Row:
        campaign_id: str = "atencion"
        campaign_name: str = "Campaña del informe dado"
        touchpoint_id: str = "digital"
        touchpoint_name: str = "Digital"
        start: dt.date = dt.date(2024, 2, 23)
        end: dt.date = dt.date(2024, 7, 14)
        days_inside: int = 94
        ine_exception: str | None = "denied"
        days_lost_if_denied: int = 77
        # the INE's answer, printed under the status
        ine_answer_date: dt.date | None = dt.date(2024, 2, 20)
        ine_reference: str | None = "INE/ACRT/12/2024"

    @dataclass(frozen=True)
    class Blackout:
        id: str = "veda"
        name: str = "Veda de prueba"
        start: dt.date = dt.date(2024, 3, 1)
        end: dt.date = dt.date(2024, 6, 2)
        days: int = 94  # the result holds its length: the renderer counts no days
        restricts_names: tuple[str, ...] = ("Digital",)
        rows: tuple[Row, ...] = (Row(),)
        scope: str | None = None  # a federal blackout: no «Ámbito» line

    @dataclass(frozen=True)
    class Report:
        blackouts: tuple[Blackout, ...] = (Blackout(),)
        assume_ine: str | None = "denied"
        lost_label_long: str = "Días fuera del aire en el escenario"

    _, page = render(PLAN, veda=Report())
    veda = page.visible.split("Veda electoral")[-1]
    assert "Veda de prueba" in veda and "Campaña del informe dado" in veda
    assert "77" in veda and "negada" in veda
    assert "Días fuera del aire en el escenario" in veda
    assert "respuesta: 20 feb 2024" in veda and "INE/ACRT/12/2024" in veda
    assert "Escenario: toda excepción del INE pendiente se considera negada" in veda


def test_without_a_blackout_report_the_rows_come_from_veda_report() -> None:
    v = validate_files([PLAN])
    assert v.plan is not None
    rep = veda_report(v.plan)
    (b,) = rep.blackouts
    got = {(r.campaign_id, r.touchpoint_id): r.days_inside for r in b.rows}
    assert got == {
        ("atencion", "medios-masivos"): 94,
        ("atencion", "digital"): 94,
        ("atencion", "comunicacion-social"): 92,
        ("trabajadores-independientes", "medios-masivos"): 94,
        ("trabajadores-independientes", "digital"): 94,
        ("trabajadores-independientes", "comunicacion-social"): 92,
    }
    _, page = render(PLAN)
    assert "Del 1 de marzo de 2024 al 2 de junio de 2024 (94 días)" in page.visible


def test_print_css_breaks_pages_and_prints_landscape() -> None:
    html, _ = render(PLAN)
    assert re.search(r"@page \{ size: A4 landscape;", html)
    assert re.search(r"@page chart \{ size: A4 landscape;", html)
    assert re.search(r"section\.chart \{ page: chart;", html)
    assert "section.campaign, #hallazgos { break-before: page; }" in html


def test_plan_text_is_escaped() -> None:
    v = validate_files([PLAN])
    assert v.plan is not None
    first = v.plan.campaigns[0].model_copy(update={"name": "<script>alert(1)</script> & co"})
    plan = v.plan.model_copy(update={"campaigns": [first, *v.plan.campaigns[1:]]})
    html = report_html(build_report(plan, v.audience, TODAY))
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_export_html_writes_the_report(cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "informe.html"
    r = cli("export", "html", "--plan", str(EXAMPLE), "--today", "2024-04-15", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "informe.html" in r.stderr
    page = Outline()
    page.feed(out.read_text(encoding="utf-8"))
    assert "Infonavit, estés en donde estés" in page.h2
    r = cli("export", "html", "--plan", str(PLAN), "--today", "2024-04-15", "-c", "credito")
    assert r.exit_code == 0, r.stderr
    only = Outline()
    only.feed(r.stdout)
    assert "Crédito" in only.h2 and "Trabajadores independientes" not in only.h2


def test_a_plan_without_audience_file_still_reports() -> None:
    v = validate_files([PLAN])
    assert v.plan is not None
    html = report_html(build_report(v.plan, None, TODAY))
    page = Outline()
    page.feed(html)
    assert "Audiencia" not in page.h2 and "#audiencia" not in page.links
    assert "Infonavit, estés en donde estés" in page.h2
    assert "La revisión no encontró problemas" in page.visible


def test_the_blackout_section_is_veda_report_under_the_scenario() -> None:
    v = validate_files([PLAN])
    assert v.plan is not None
    for assume, word in ((None, "pendiente"), ("negada", "negada"), ("approved", "aprobada")):
        html, page = render(PLAN, assume_ine=assume, campaigns=["atencion"])
        section = Outline()
        section.feed(html.split('<section id="veda">')[1])
        veda = section.visible
        rep = veda_report(v.plan, assume_ine=assume, campaigns=["atencion"])
        for r in rep.blackouts[0].rows:
            cells = (
                f"{r.campaign_name} {r.touchpoint_name} {period_text(r.start, r.end)} "
                f"{r.days_inside} {word} {r.days_lost_if_denied}"
            )
            assert cells in veda, cells
        # only the chosen campaign's rows
        assert "Trabajadores independientes" not in veda
        label = "Escenario: toda excepción del INE pendiente se considera"
        if assume is None:
            assert label not in page.visible
        else:
            # said on the cover (under the title), in the chart and in the blackout section
            cover = page.visible.split("Contenido")[0]
            assert f"{label} {word}" in cover and f"{label} {word}" in veda


def test_execution_tables_show_the_scenario_and_no_aplica() -> None:
    html, _ = render(PLAN, assume_ine="denied", campaigns=["atencion"])
    table = Outline()
    table.feed(html.split("<h3>Ejecución</h3>")[1].split("</table>")[0])
    execution = table.visible
    assert "negada" in execution and "pendiente" not in execution
    # Brigadas runs during the blackout but no blackout restricts it
    assert re.search(r"Brigadas .* no aplica", execution)
    assert "no aplica" not in execution.split("Brigadas")[0]


@pytest.mark.parametrize("assume", [None, "negada"], ids=["plan", "scenario"])
@pytest.mark.parametrize("source", [PLAN, EXAMPLE], ids=["shipped", "example"])
def test_a_tall_chart_prints_in_parts(source: Path, assume: str | None) -> None:
    """The example plan's chart is taller than a landscape page allows at full width: shrunk
    onto one page it printed at two thirds of the size. It prints in parts, each a page at full
    width with its own header and legend; on screen, the whole chart. Every SVG's ids are its
    own (a shared pattern id would paint from a hidden chart). Under the scenario, cutting only
    between campaigns gave a first page with one row of three: a campaign is cut between its
    rows when that saves a page, and its name leads the next part with «(continuación)»."""
    from campana.gantt import gantt_data
    from campana.render.gantt import layout
    from campana.render.report import CONTINUED, PRINT_HEIGHT, chart_pages

    v = validate_files([source])
    assert v.plan is not None
    data = gantt_data(v.plan, TODAY, assume_ine=assume)
    parts = chart_pages(data)
    if source == PLAN:
        assert parts == [data] and layout(data).height <= PRINT_HEIGHT
    else:
        assert layout(data).height > PRINT_HEIGHT and len(parts) == 2
    rows = [r for p in parts for r in p.rows]
    assert [r for r in rows if not r.name.endswith(CONTINUED)] == list(data.rows)
    for i, p in enumerate(parts, 1):
        assert p.rows[0].kind == "campaign"
        assert p.rows[-1].kind != "campaign" or p.rows[-1].campaign != (
            parts[i].rows[0].campaign if i < len(parts) else None
        ), "a campaign's heading alone at the foot of a part"
        assert layout(p).height <= PRINT_HEIGHT
        if len(parts) > 1:
            assert p.heading.endswith(f"(parte {i} de {len(parts)})")
    for r in rows:
        if r.name.endswith(CONTINUED):
            assert r.kind == "campaign"
            assert any(q is not r and q.campaign == r.campaign for p in parts for q in p.rows)
    html, _ = render(source, assume_ine=assume)
    svgs = html.count("<svg ")
    assert svgs == (1 if len(parts) == 1 else 1 + len(parts))
    if len(parts) > 1:
        assert html.count('<div class="chart-page">') == len(parts)
        assert ".chart-print { display: none; }" in html
    ids = re.findall(r'(?<![\w-])id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for ref in re.findall(r"url\(#([^)]+)\)", html):
        assert ref in ids


def test_a_window_reports_only_the_campaigns_it_shows() -> None:
    """`export html --month marzo` listed all five campaigns, those of September and December
    too, under a cover that did not say the period."""
    march = {"start": dt.date(2024, 3, 1), "end": dt.date(2024, 3, 31)}
    html, page = render(PLAN, **march)
    assert [link for link in page.links if link.startswith("#campana-")] == [
        "#campana-atencion",
        "#campana-trabajadores-independientes",
    ]
    assert not page.ids & {"campana-credito", "campana-logros-laborales"}
    assert "plan 2024 · del 1 mar 2024 al 31 mar 2024 · informe al" in page.visible
    veda = html[html.index('<section id="veda">') :]
    assert "Infonavit, estés en donde estés" in veda and "Crédito" not in veda
    # a touchpoint narrows too; the plan's year and a campaign filter alone do not say a period
    _, digital = render(PLAN, touchpoint="digital")
    assert "#campana-credito" not in digital.links and "#campana-atencion" in digital.links
    _, year = render(PLAN, campaigns=["credito"])
    assert [x for x in year.links if x.startswith("#campana-")] == ["#campana-credito"]
    assert " · del " not in year.visible.split("Contenido")[0]
    # nothing in the window: the contents say so
    _, empty = render(PLAN, start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31))
    assert "Campañas: ninguna en este periodo" in empty.visible
    assert not [x for x in empty.links if x.startswith("#campana-")]


def test_cutting_the_chart_lays_it_out_twice_whatever_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Trying each cut with a fresh layout made a 100-campaign plan's report take 1.7 s more
    (quadratic in rows); one layout gives every row's height."""
    import campana.render.report as report
    from campana.gantt import gantt_data

    v = validate_files([EXAMPLE])
    assert v.plan is not None
    calls = []
    real = report.layout

    def counted(*args: object, **kw: object) -> object:
        calls.append(1)
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "layout", counted)
    assert len(report.chart_pages(gantt_data(v.plan, TODAY))) == 2
    assert len(calls) == 2
