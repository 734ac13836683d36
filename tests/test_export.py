"""`campana export ics`: a calendar that imports cleanly and updates itself on re-import;
and the pre-commit hook other repositories use to run `campana validate`."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campana.loading import validate_files
from campana.queries import resolve_campaigns
from conftest import PLAN, ROOT, Invoke
from helpers import edit

# 1 blackout, 5 campaigns, 4 + 3 execution rows, 5 components
#: the blackout, 5 campaigns, 5 components of «atencion» (4 of them one event with the
#: execution row they mirror) and 3 execution rows of «trabajadores-independientes»
SHIPPED_EVENTS = 14


def parse(data: bytes | str) -> Any:
    from icalendar import Calendar

    raw = data.encode("utf-8") if isinstance(data, str) else data
    return Calendar.from_ical(raw)


def events(cal: Any) -> dict[str, Any]:
    found = list(cal.walk("VEVENT"))
    by_uid = {str(e["UID"]): e for e in found}
    assert len(by_uid) == len(found), "duplicate UIDs"
    return by_uid


def export(cli: Invoke, *args: str) -> Any:
    r = cli("export", "ics", "--plan", str(PLAN), *args)
    assert "Traceback" not in r.stdout + r.stderr
    return r


def test_export_round_trips_through_the_icalendar_parser(cli: Invoke) -> None:
    r = export(cli, "--today", "2024-03-01")
    assert r.exit_code == 0
    assert r.stderr == ""
    assert r.stdout.startswith("BEGIN:VCALENDAR\r\n")
    assert r.stdout.endswith("END:VCALENDAR\r\n")
    cal = parse(r.stdout)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "Campañas 2024"
    evs = events(cal)
    assert len(evs) == SHIPPED_EVENTS
    for e in evs.values():
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        # all-day: dates, not date-times, and the end is exclusive (at least one day later)
        assert type(start) is dt.date and type(end) is dt.date
        assert end > start
        assert e.decoded("DTSTAMP") == dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
        assert str(e["TRANSP"]) == "TRANSPARENT"


def test_each_campaign_row_component_and_the_blackout_is_an_event(cli: Invoke) -> None:
    evs = events(parse(export(cli, "--today", "2024-03-01").stdout))
    atencion = evs["atencion@2024.campana"]
    assert str(atencion["SUMMARY"]) == "Campaña: Infonavit, estés en donde estés"
    # 22 Jan - 14 Jul inclusive: DTEND is the day after the last day
    assert atencion.decoded("DTSTART") == dt.date(2024, 1, 22)
    assert atencion.decoded("DTEND") == dt.date(2024, 7, 15)
    assert [str(c) for c in atencion["CATEGORIES"].cats] == ["Campaña"]

    row = evs["trabajadores-independientes.medios-masivos@2024.campana"]
    assert str(row["SUMMARY"]) == "Medios masivos: Trabajadores independientes"
    assert (row.decoded("DTSTART"), row.decoded("DTEND")) == (
        dt.date(2024, 2, 23),
        dt.date(2024, 7, 15),
    )
    assert [str(c) for c in row["CATEGORIES"].cats] == ["Medios masivos"]
    assert str(row["RELATED-TO"]) == "trabajadores-independientes@2024.campana"
    description = str(row["DESCRIPTION"])
    assert "Tácticos:\n- Spoteo nacional radio\n" in description
    assert "Excepción a la veda ante el INE: pendiente." in description

    # a component and the execution row it mirrors are one event, with the row's facts
    # (issue 17); the row has no event of its own
    assert "atencion.medios-masivos@2024.campana" not in evs
    radio = evs["atencion.componente.radio-y-television@2024.campana"]
    assert str(radio["SUMMARY"]) == "Componente Radio y televisión: Infonavit, estés en donde estés"
    assert [str(c) for c in radio["CATEGORIES"].cats] == ["Medios masivos"]
    description = str(radio["DESCRIPTION"])
    assert "Tácticos:\n- Spoteo nacional televisión\n" in description
    assert "Excepción a la veda ante el INE: pendiente." in description
    assert "Objetivos de la campaña:\n- Informar a las personas derechohabientes" in description
    # where the two periods differ, both are said
    brigadas = evs["atencion.componente.brigadas@2024.campana"]
    assert (brigadas.decoded("DTSTART"), brigadas.decoded("DTEND")) == (
        dt.date(2024, 1, 22),
        dt.date(2024, 6, 1),
    )
    assert (
        "La tabla de ejecución da otro periodo a este punto de contacto: 22 de enero a 30 de "
        in " ".join(str(brigadas["DESCRIPTION"]).split())
    )

    component = evs["atencion.componente.cambaceo@2024.campana"]
    assert str(component["SUMMARY"]) == "Componente Cambaceo: Infonavit, estés en donde estés"
    assert (component.decoded("DTSTART"), component.decoded("DTEND")) == (
        dt.date(2024, 1, 10),
        dt.date(2024, 6, 1),
    )
    assert [str(c) for c in component["CATEGORIES"].cats] == ["Brigadas de promoción y servicio"]

    veda = evs["veda-electoral-2024@veda.2024.campana"]
    assert str(veda["SUMMARY"]) == "Veda electoral federal 2024"
    assert (veda.decoded("DTSTART"), veda.decoded("DTEND")) == (
        dt.date(2024, 3, 1),
        dt.date(2024, 6, 3),
    )
    assert [str(c) for c in veda["CATEGORIES"].cats] == ["Veda electoral"]
    assert "Restringe: Medios masivos, Digital, Comunicación Social." in str(veda["DESCRIPTION"])

    # a campaign with only its period still is an event; its description says the period
    logros = evs["logros-laborales@2024.campana"]
    assert "del 15 de enero de 2024 al 29 de febrero de 2024" in str(logros["DESCRIPTION"])
    assert logros.decoded("DTEND") == dt.date(2024, 3, 1)  # leap year: 29 Feb is the last day


def test_uids_are_stable_and_a_later_export_has_a_higher_sequence(cli: Invoke) -> None:
    first = export(cli, "--today", "2024-03-01").stdout
    again = export(cli, "--today", "2024-03-01").stdout
    later = export(cli, "--today", "2024-04-15").stdout
    assert first == again  # reproducible byte for byte
    a, b = events(parse(first)), events(parse(later))
    assert set(a) == set(b)
    for uid in a:
        assert int(b[uid]["SEQUENCE"]) > int(a[uid]["SEQUENCE"])
        assert b[uid].decoded("LAST-MODIFIED") == dt.datetime(2024, 4, 15, tzinfo=dt.UTC)
    assert all(re.fullmatch(r"[a-z0-9.-]+@[a-z0-9.]+", uid) for uid in a)


def test_without_today_the_stamp_is_now(cli: Invoke) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    evs = events(parse(export(cli).stdout))
    after = dt.datetime.now(dt.UTC)
    stamp = next(iter(evs.values())).decoded("DTSTAMP")
    assert before <= stamp <= after


def test_campaign_filter(cli: Invoke) -> None:
    r = export(cli, "--campaign", "TRABAJADORES independientes", "--today", "2024-03-01")
    assert r.exit_code == 0
    cal = parse(r.stdout)
    assert sorted(events(cal)) == [
        "trabajadores-independientes.comunicacion-social@2024.campana",
        "trabajadores-independientes.digital@2024.campana",
        "trabajadores-independientes.medios-masivos@2024.campana",
        "trabajadores-independientes@2024.campana",
        "veda-electoral-2024@veda.2024.campana",
    ]
    assert str(cal["X-WR-CALNAME"]) == "Campañas 2024: Trabajadores independientes"
    # by id, by another name, accents and case ignored, repeated
    r = export(cli, "-c", "Atención", "-c", "credito", "--today", "2024-03-01")
    uids = set(events(parse(r.stdout)))
    assert "atencion@2024.campana" in uids and "credito@2024.campana" in uids
    assert "logros-laborales@2024.campana" not in uids


def test_unknown_campaign_is_exit_2_with_a_suggestion(cli: Invoke) -> None:
    # "atencio" is a prefix of "atencion" and now resolves as in every command (issue 10)
    assert export(cli, "--campaign", "atencio", "--today", "2024-03-01").exit_code == 0
    r = export(cli, "--campaign", "atencoin")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.startswith("error: --campaign: no hay ninguna campaña «atencoin» en el plan\n")
    assert (
        "sugerencia: ¿quisiste decir «atencion»? campañas: logros-laborales, atencion,"
    ) in r.stderr


def test_unknown_format_lists_ics(cli: Invoke) -> None:
    r = cli("export", "xls", "--plan", str(PLAN))
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "error: el formato: «xls» no es un valor válido" in r.stderr
    assert "valores válidos: ics" in r.stderr
    assert cli("export", "ICS", "--plan", str(PLAN), "--today", "2024-03-01").exit_code == 0


def test_output_file_and_message_on_stderr(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = export(cli, "-o", "campanas.ics", "--today", "2024-03-01")
    assert r.exit_code == 0
    assert r.stdout == ""
    # the one message of every command that writes a file (issue 11)
    assert r.stderr == f"Guardado en campanas.ics ({SHIPPED_EVENTS} eventos de iCalendar)\n"
    data = (tmp_path / "campanas.ics").read_bytes()
    assert data == export(cli, "--today", "2024-03-01").stdout.encode("utf-8")
    assert b"\r\n" in data and b"\r\r\n" not in data
    assert len(events(parse(data))) == SHIPPED_EVENTS
    # a folder, or a folder that does not exist: exit 2, nothing written
    r = export(cli, "-o", str(tmp_path))
    assert (r.exit_code, r.stdout) == (2, "")
    assert "es una carpeta" in r.stderr
    r = export(cli, "-o", str(tmp_path / "no" / "existe.ics"))
    assert (r.exit_code, r.stdout) == (2, "")
    assert "no se pudo escribir" in r.stderr


def test_repeated_ids_and_impossible_periods_still_import(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "  - id: responsabilidad-compartida", "  - id: credito")
    edit(
        plan,
        "    start: 2024-10-21\n    end: 2024-12-31",
        "    start: 2024-12-31\n    end: 2024-10-21",
    )
    r = cli("export", "ics", "--plan", str(plan), "--today", "2024-03-01")
    assert r.exit_code == 0
    assert r.stderr == (
        "aviso: el plan tiene 2 errores; las respuestas pueden no ser fiables. Corre «campana "
        "validate» para verlos.\n"
        "aviso: se omitió «Campaña: Responsabilidad Compartida»: termina (21 oct 2024) antes "
        "de empezar (31 dic 2024) (corre «campana validate»)\n"
    )
    evs = events(parse(r.stdout))
    assert len(evs) == SHIPPED_EVENTS - 1
    assert "credito@2024.campana" in evs


def test_an_unusable_plan_is_exit_2(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_text("plan: [\n", encoding="utf-8")
    r = cli("export", "ics", "--plan", str(bad))
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "error de sintaxis YAML" in r.stderr


def _variants(text: str) -> st.SearchStrategy[str]:
    """The same name with any case, accents dropped or not, spaces around."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return st.tuples(
        st.sampled_from([text, plain]),
        st.lists(st.booleans(), min_size=len(text) + 1, max_size=len(text) + 1),
        st.sampled_from(["", " ", "  "]),
    ).map(
        lambda t: (
            t[2]
            + "".join(c.upper() if up else c.lower() for c, up in zip(t[0], t[1], strict=False))
            + t[2]
        )
    )


_LOADED = validate_files([PLAN]).plan
assert _LOADED is not None
_NAMES = [(c.id, name) for c in _LOADED.campaigns for name in (c.id, c.name, *c.aka)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_NAMES).flatmap(lambda p: st.tuples(st.just(p[0]), _variants(p[1]))))
def test_campaigns_resolve_whatever_the_case_and_accents(pair: tuple[str, str]) -> None:
    expected, typed = pair
    assert _LOADED is not None
    assert [c.id for c in resolve_campaigns(_LOADED, [typed])] == [expected]


# --- the pre-commit hook ---------------------------------------------------------------------


def _hooks() -> list[dict[str, Any]]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_pre_commit_hook_runs_campana_validate() -> None:
    [hook] = _hooks()
    assert hook["id"] == "campana-validate"
    assert hook["language"] == "python"
    assert hook["entry"] == "campana validate"
    # the console script the entry names is the one the package installs
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'campana = "campana.cli:main"' in pyproject
    # one run for the whole plan: the plan and its audience.yaml are checked together
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for name in ("data/campaigns.yaml", "campaigns.yml", "plan/2025/audience.yaml"):
        assert files.search(name), name
    for name in (".github/workflows/ci.yaml", "data/campaigns.yaml.bak", "mycampaigns.yaml"):
        assert not files.search(name), name


def test_reference_documents_diff_and_exports() -> None:
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert "## `campana diff`" in readme
    assert "## Exports" in readme
    assert "campana export ics" in readme
    assert "id: campana-validate" in readme


def test_campaigns_are_matched_as_in_schedule(cli: Invoke) -> None:
    """`schedule -c trab` and `export ics -c trab` find the same campaign (issue 10)."""
    r = export(cli, "-c", "trab", "--today", "2024-03-01")
    assert r.exit_code == 0, r.stderr
    assert "trabajadores-independientes@2024.campana" in events(parse(r.stdout))
    r = export(cli, "-c", "c", "--today", "2024-03-01")
    assert r.exit_code == 2
    assert "error: --campaign: «c» puede ser más de una campaña" in r.stderr
