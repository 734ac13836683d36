"""``campana export ics`` with issue 8: the scenario split, milestones and alarms, owners, the
INE status told apart (no aplica / no solicitada), and descriptions as the plan writes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar

from conftest import ROOT, Invoke

EXAMPLE = str(ROOT / "examples" / "seguimiento" / "campaigns.yaml")


def events(cli: Invoke, *args: str) -> dict[str, Any]:
    r = cli("export", "ics", "--today", "2024-03-01", *args)
    assert r.exit_code == 0, r.stderr
    cal = Calendar.from_ical(r.stdout)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def dates(e: Any) -> tuple[dt.date, dt.date]:
    return e.decoded("DTSTART"), e.decoded("DTEND")


def test_denied_splits_a_restricted_row_around_the_blackout(cli: Invoke) -> None:
    # «Radio y televisión» is the grid's row of the execution row «Medios masivos»: one event,
    # the component's (issue 17)
    radio = "atencion.componente.radio-y-television"
    plain = events(cli)
    assert f"{radio}@2024.campana" in plain
    evs = events(cli, "--assume-ine", "negada")
    assert f"{radio}@2024.campana" not in evs
    before = evs[f"{radio}#1@2024.campana"]
    after = evs[f"{radio}#2@2024.campana"]
    # DTEND is exclusive: the day after the last
    assert dates(before) == (dt.date(2024, 2, 23), dt.date(2024, 3, 1))
    assert dates(after) == (dt.date(2024, 6, 3), dt.date(2024, 7, 15))
    assert str(before["SUMMARY"]).endswith("(antes de la veda)")
    assert str(after["SUMMARY"]).endswith("(después de la veda)")
    assert "Escenario:" in str(after["DESCRIPTION"])
    assert "Excepción a la veda ante el INE: negada (escenario)." in str(after["DESCRIPTION"])
    # a row that runs on its own (no component mirrors it) splits the same way
    assert "trabajadores-independientes.medios-masivos#2@2024.campana" in evs
    # a row that ends inside the blackout keeps only its part before it
    assert "atencion.componente.comunicacion-social#1@2024.campana" in evs
    assert "atencion.componente.comunicacion-social#2@2024.campana" not in evs
    # Brigadas is not restricted: one whole event
    brigadas = "atencion.componente.brigadas@2024.campana"
    assert dates(evs[brigadas]) == dates(plain[brigadas])


def test_scenario_is_said_on_stderr_and_in_the_calendar_name(cli: Invoke) -> None:
    r = cli("export", "ics", "--today", "2024-03-01", "--assume-ine", "denied")
    assert r.stderr.splitlines()[0] == (
        "Escenario: toda excepción del INE pendiente se considera negada"
    )
    assert "escenario: toda excepción" in Calendar.from_ical(r.stdout)["X-WR-CALNAME"]


def test_approved_keeps_every_row_whole(cli: Invoke) -> None:
    evs = events(cli, "--assume-ine", "aprobada")
    assert not [u for u in evs if "#" in u]


def test_not_applicable_is_not_not_requested(cli: Invoke) -> None:
    evs = events(cli)
    brigadas = str(evs["atencion.componente.brigadas@2024.campana"]["DESCRIPTION"])
    assert "Excepción a la veda ante el INE: no aplica" in brigadas
    assert "no solicitada" not in brigadas


def test_milestones_are_events_with_alarms_and_owners(cli: Invoke) -> None:
    evs = events(cli, "--plan", EXAMPLE, "--alarm-days", "3")
    answer = evs["atencion.hito.respuesta-ine@2024.campana"]
    assert dates(answer) == (dt.date(2024, 2, 28), dt.date(2024, 2, 29))
    assert str(answer["SUMMARY"]).startswith("Hito: Respuesta del INE a la excepción")
    text = str(answer["DESCRIPTION"])
    assert "respuesta del INE" in text and "Responsable: Coordinación Jurídica." in text
    (alarm,) = answer.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=3)
    no_alarm = events(cli, "--plan", EXAMPLE)["atencion.hito.respuesta-ine@2024.campana"]
    assert not no_alarm.walk("VALARM")
    # the component «Radio y televisión» is the row «Medios masivos»: the row's owner holds
    row = str(evs["atencion.componente.radio-y-television@2024.campana"]["DESCRIPTION"])
    assert "Responsable: Coordinación de Medios." in row


def test_descriptions_keep_capitals_and_audience_qualifiers(cli: Invoke) -> None:
    evs = events(cli)
    component = str(evs["atencion.componente.cambaceo@2024.campana"]["DESCRIPTION"])
    assert "Brigadas de promoción y servicio" in component
    assert "brigadas de promoción y servicio" not in component
    campaign = str(evs["trabajadores-independientes@2024.campana"]["DESCRIPTION"])
    assert "que pueden aportar a su SCV (hasta 34,000,000)" in campaign


def test_alarm_days_belongs_to_ics(cli: Invoke) -> None:
    # the scenario applies to every export (the pictures draw it); the alarms only to ics
    r = cli("export", "svg", "--assume-ine", "negada")
    assert r.exit_code == 0 and r.stdout.startswith("<?xml")
    r = cli("export", "svg", "--alarm-days", "3")
    assert r.exit_code == 2 and "--alarm-days se aplica al formato ics" in r.stderr
    r = cli("export", "ics", "--alarm-days", "-1")
    assert r.exit_code == 2 and r.stderr.startswith("error: --alarm-days:")


def test_denied_splits_components_of_a_suspended_touchpoint(cli: Invoke) -> None:
    evs = events(cli, "--assume-ine", "negada")
    before = evs["atencion.componente.digital#1@2024.campana"]
    after = evs["atencion.componente.digital#2@2024.campana"]
    assert dates(before)[1] == dt.date(2024, 3, 1) and dates(after)[0] == dt.date(2024, 6, 3)
    assert "este componente sale del aire por la veda" in str(after["DESCRIPTION"])
    # a component with no restricted touchpoint stays whole
    assert "atencion.componente.cambaceo@2024.campana" in evs
    assert "atencion.componente.digital@2024.campana" in events(cli)
