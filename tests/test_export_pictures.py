"""`campana export svg` / `export html` from the command line: the options of `schedule`, the
scenario, the output file, and what `export` answers for the formats other commands write."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import PLAN, ROOT, Invoke

EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"
NS = "{http://www.w3.org/2000/svg}"
SCENARIO = "Escenario: toda excepción del INE pendiente se considera negada"


def svg(cli: Invoke, *args: str, plan: Path = PLAN) -> ET.Element:
    r = cli("export", "svg", "--plan", str(plan), "--today", "2024-04-15", *args)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    return ET.fromstring(r.stdout.encode("utf-8"))


def kinds(root: ET.Element, kind: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("data-kind") == kind]


def texts(root: ET.Element) -> str:
    return " ".join((t.text or "") for t in root.iter(f"{NS}text"))


def test_campaigns_resolve_like_schedule_and_repeat(cli: Invoke) -> None:
    root = svg(cli, "-c", "trab", "--campaign", "Crédito")
    assert {e.get("data-id") for e in kinds(root, "campaign")} == {
        "trabajadores-independientes",
        "credito",
    }
    r = cli("export", "html", "--plan", str(PLAN), "-c", "nadie")
    assert (r.exit_code, r.stdout) == (2, "")
    assert "--campaign" in r.stderr and "nadie" in r.stderr and "atencion" in r.stderr


def test_touchpoint_filters_and_an_unknown_one_is_refused(cli: Invoke) -> None:
    root = svg(cli, "--touchpoint", "digital")
    rows = kinds(root, "touchpoint") + kinds(root, "component")
    assert rows and {e.get("data-touchpoint") for e in rows} == {"digital"}
    r = cli("export", "svg", "--plan", str(PLAN), "-t", "telegrama")
    assert (r.exit_code, r.stdout) == (2, "")
    assert "--touchpoint" in r.stderr and "telegrama" in r.stderr


def test_dates_are_read_as_schedule_reads_them(cli: Invoke) -> None:
    # a date without a year is in the plan's year, and --from alone runs to the end of it
    root = svg(cli, "--from", "15 de marzo", "--to", "2024-04-30")
    spans = [(e.get("data-start", ""), e.get("data-end", "")) for e in kinds(root, "campaign")]
    assert spans and all(s <= "2024-04-30" and e >= "2024-03-15" for s, e in spans)
    assert "del 15 mar 2024 al 30 abr 2024" in texts(root)
    assert "del 1 jul 2024 al 31 dic 2024" in texts(svg(cli, "--from", "1 de julio"))
    assert "del 1 mar 2024 al 31 mar 2024" in texts(svg(cli, "--month", "marzo"))
    for args, words in (
        (["--month", "marzo", "--from", "2024-03-01"], "--month no se combina"),
        (["--from", "2024-05-01", "--to", "2024-04-01"], "es anterior a --from"),
        (["--from", "ayer no"], "--from"),
        (["--month", "brumario"], "brumario"),
    ):
        r = cli("export", "svg", "--plan", str(PLAN), *args)
        assert (r.exit_code, r.stdout) == (2, ""), args
        assert words in r.stderr, r.stderr


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_the_scenario_is_the_shared_option(cli: Invoke, fmt: str) -> None:
    base = ("export", fmt, "--plan", str(PLAN), "--today", "2024-04-15")
    plain = cli(*base)
    denied = cli(*base, "--assume-ine", "negada")
    assert plain.exit_code == denied.exit_code == 0, denied.stderr
    assert SCENARIO not in plain.stdout and SCENARIO in denied.stdout
    assert 'data-mark="pending"' in plain.stdout and 'data-mark="pending"' not in denied.stdout
    assert 'data-mark="suspended"' in denied.stdout
    assert cli(*base, "--assume-ine", "denied").stdout == denied.stdout
    r = cli(*base, "--assume-ine", "quizá")
    assert (r.exit_code, r.stdout) == (2, "")
    assert "--assume-ine" in r.stderr and "quizá" in r.stderr


@pytest.mark.parametrize(("fmt", "name"), [("svg", "plan.svg"), ("html", "informe.html")])
def test_output_file_is_written_whole_and_said_on_stderr(
    cli: Invoke, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    out.write_text("viejo", encoding="utf-8")
    out.chmod(0o640)
    r = cli("export", fmt, "--plan", str(PLAN), "--today", "2024-04-15", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr == f"Guardado en {out}\n"
    written = out.read_text(encoding="utf-8")
    stdout = cli("export", fmt, "--plan", str(PLAN), "--today", "2024-04-15", "-o", "-")
    assert stdout.stderr == "" and stdout.stdout == written
    assert out.stat().st_mode & 0o777 == 0o640  # replaced, keeping its permissions
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary left behind
    # a folder that does not exist: exit 2, nothing written
    r = cli("export", fmt, "--plan", str(PLAN), "-o", str(tmp_path / "no" / name))
    assert (r.exit_code, r.stdout) == (2, "")
    assert "no se pudo escribir" in r.stderr
    r = cli("export", fmt, "--plan", str(PLAN), "-o", str(tmp_path))
    assert (r.exit_code, r.stdout) == (2, "")
    assert "es una carpeta" in r.stderr


@pytest.mark.parametrize("fmt", ["svg", "html"])
@pytest.mark.parametrize("victim", ["campaigns.yaml", "audience.yaml"])
def test_the_plan_and_audience_files_are_never_overwritten(
    cli: Invoke, plan_dir: Path, fmt: str, victim: str
) -> None:
    target = plan_dir / victim
    before = target.read_bytes()
    r = cli("export", fmt, "--plan", str(plan_dir / "campaigns.yaml"), "-o", str(target))
    assert (r.exit_code, r.stdout) == (2, "")
    assert "campana no escribe sobre él" in r.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("fmt", "command"),
    [
        ("csv", "campana schedule --format csv -o archivo.csv"),
        ("CSV", "campana schedule --format csv -o archivo.csv"),
        ("json", "campana schedule --format json -o archivo.json"),
        ("markdown", "campana schedule --format markdown -o archivo.md"),
    ],
)
def test_formats_the_queries_write_are_pointed_there(cli: Invoke, fmt: str, command: str) -> None:
    r = cli("export", fmt, "--plan", str(PLAN))
    assert (r.exit_code, r.stdout) == (2, "")
    assert command in r.stderr
    assert "¿quisiste decir" not in r.stderr and "«ics»" not in r.stderr


def test_help_lists_the_three_exports_one_line_each(cli: Invoke) -> None:
    r = cli("export", "--help")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    for fmt in ("ics", "svg", "html"):
        (line,) = [x for x in lines if x.startswith(f"    {fmt} ")]
        assert len(line.split()) > 3  # a description on the same line
    assert "--assume-ine" in r.stdout and "--output" in r.stdout
    saved = cli("schedule", "--help").stdout
    assert "--save" in saved and "export svg" in " ".join(saved.split())


def test_the_example_plan_exports_with_its_owners_and_milestones(cli: Invoke) -> None:
    root = svg(cli, "--assume-ine", "negada", plan=EXAMPLE)
    assert kinds(root, "milestone")
    assert "responsable:" in texts(root)
    assert SCENARIO in texts(root)


@pytest.mark.parametrize("fmt", ["svg", "html"])
@pytest.mark.parametrize("source", [PLAN, EXAMPLE], ids=["shipped", "example"])
def test_a_cached_plan_draws_the_same_picture(cli: Invoke, fmt: str, source: Path) -> None:
    """From the cache the plan is records, not models: the blackouts' touchpoints are looked up
    through the record's own set (``restricts_touchpoint``), and the picture is the same."""
    args = ("export", fmt, "--plan", str(source), "--today", "2024-03-15", "--assume-ine", "negada")
    cold = cli(*args)
    assert cold.exit_code == 0, cold.stderr
    runs = [cli(*args, env={"CAMPANA_NO_CACHE": None}) for _ in range(2)]  # store, then a hit
    assert all(r.exit_code == 0 for r in runs), runs[-1].stderr
    assert runs[0].stdout == runs[1].stdout == cold.stdout
