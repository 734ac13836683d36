"""Blackouts scoped by jurisdiction (federal or states), declared with add-blackout."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from campana.declare import NewBlackout
from campana.edit import EditSession, ops
from campana.ine import STATES, applies_to, state_name
from campana.loading import validate_text
from campana.models import Blackout
from conftest import AUDIENCE, PLAN, Invoke

D = dt.date


def _blackout(**extra: object) -> Blackout:
    data = {"id": "v", "name": "V", "start": D(2024, 3, 1), "end": D(2024, 3, 2)}
    return Blackout.model_validate({**data, "restricts": ["digital"], **extra})


def test_32_states_and_their_spellings() -> None:
    assert len(STATES) == len(set(STATES)) == 32
    assert state_name("nuevo leon") == "Nuevo León"
    assert state_name("CDMX") == "Ciudad de México"
    assert state_name("Coahuila de Zaragoza") == "Coahuila"
    assert state_name("Gotham") is None


def test_a_state_blackout_reaches_national_campaigns_and_its_states_only() -> None:
    local = _blackout(jurisdiction=["Coahuila"])
    assert applies_to(local, None)
    assert applies_to(local, ["coahuila", "Jalisco"])
    assert not applies_to(local, ["Jalisco"])
    federal = _blackout(jurisdiction="federal")
    assert applies_to(federal, ["Jalisco"]) and applies_to(_blackout(), ["Jalisco"])


def _plan_with(states: str | None, jurisdiction: str) -> str:
    restricts = "restricts: [medios-masivos, digital, comunicacion-social]"
    text = PLAN.read_text(encoding="utf-8").replace(
        restricts, f"{restricts}\n    jurisdiction: {jurisdiction}"
    )
    if states is not None:
        text = text.replace(
            "    audience: [independientes-elegibles]\n",
            f"    audience: [independientes-elegibles]\n    states: {states}\n",
        )
    return text


def _blackout_findings(text: str) -> set[str | None]:
    v = validate_text(text, AUDIENCE.read_text(encoding="utf-8"))
    return {f.campaign for f in v.all_findings if f.code.startswith("blackout-")}


def test_the_blackout_check_follows_the_scope() -> None:
    national = _blackout_findings(_plan_with(None, "[Coahuila]"))
    assert "trabajadores-independientes" in national
    elsewhere = _blackout_findings(_plan_with("[Jalisco]", "[Coahuila]"))
    assert "trabajadores-independientes" not in elsewhere and "atencion" in elsewhere
    assert "trabajadores-independientes" in _blackout_findings(_plan_with("[Jalisco]", "federal"))


def test_an_unknown_state_is_an_error_with_a_suggestion() -> None:
    v = validate_text(_plan_with("[Jalisko]", "[Coahuila]"), AUDIENCE.read_text("utf-8"))
    [f] = [f for f in v.all_findings if "Jalisko" in f.message]
    assert f.severity == "error" and f.hint == "¿quisiste decir «Jalisco»?"


NEW = NewBlackout(
    id="veda-ejemplo",
    name="Veda de ejemplo",
    start=D(2024, 9, 2),
    end=D(2024, 9, 6),
    restricts=("digital",),
    states=("Coahuila", "Estado de México"),
    election_day=D(2024, 9, 6),
)


def _added(text: str, tmp_path: Path, new: NewBlackout = NEW) -> str:
    """``text`` as a plan file with ``new`` added through the edit path (written)."""
    (tmp_path / "campaigns.yaml").write_text(text, encoding="utf-8")
    shutil.copy(AUDIENCE, tmp_path / "audience.yaml")
    session = EditSession(tmp_path / "campaigns.yaml")
    ops.add_blackout(session, new)
    outcome = session.outcome()
    assert outcome.new_errors == []
    session.write(outcome)
    return (tmp_path / "campaigns.yaml").read_text(encoding="utf-8")


def test_add_blackout_appends_to_a_block_list_keeping_the_rest(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    new = _added(text, tmp_path)
    item = (
        "  - id: veda-ejemplo\n"
        "    name: Veda de ejemplo\n"
        "    start: 2024-09-02\n"
        "    end: 2024-09-06\n"
        "    restricts: [digital]\n"
        "    jurisdiction: [Coahuila, Estado de México]\n"
        "    election_day: 2024-09-06\n"
    )
    # only the item's lines are new, right after the last blackout; the rest is byte-identical
    last = text.index("    restricts: [medios-masivos, digital, comunicacion-social]\n")
    at = text.index("\n", last) + 1
    assert new == text[:at] + item + text[at:]
    v = validate_text(new, AUDIENCE.read_text(encoding="utf-8"))
    assert v.plan is not None
    [_, added] = v.plan.blackouts
    assert added.jurisdiction == ["Coahuila", "Estado de México"]
    assert added.election_day == D(2024, 9, 6)


def test_add_blackout_to_an_empty_list_and_to_a_plan_without_one(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    start = text.index("blackouts:\n")
    end = text.index('\n# "Programación')
    empty = text[:start] + "blackouts: []\n" + text[end:]
    none = text[:start] + text[end + 1 :]
    federal = NewBlackout(
        "veda-ejemplo", "Veda de ejemplo", D(2024, 9, 2), D(2024, 9, 6), ("Digital",)
    )
    item = (
        "blackouts:\n"
        "  - id: veda-ejemplo\n"
        "    name: Veda de ejemplo\n"
        "    start: 2024-09-02\n"
        "    end: 2024-09-06\n"
        "    restricts: [digital]\n"
    )
    # the empty list becomes a block list in place; a missing key comes before campaigns
    assert _added(empty, tmp_path, federal) == text[:start] + item + text[end:]
    added = _added(none, tmp_path, federal)
    assert added.replace(item, "", 1) == none
    assert added.index(item) < added.index("campaigns:\n")


def _plan_copy(tmp_path: Path) -> Path:
    shutil.copy(PLAN, tmp_path / "campaigns.yaml")
    shutil.copy(AUDIENCE, tmp_path / "audience.yaml")
    return tmp_path / "campaigns.yaml"


SPANISH = (
    "--nombre", "Veda local (ejemplo)", "--inicio", "2024-09-02", "--fin", "6 de septiembre",
    "--jurisdiccion", "coahuila", "--restringe", "Digital",
)  # fmt: skip


def test_cli_add_blackout(cli: Invoke, tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    before = plan.read_text(encoding="utf-8")
    r = cli("agrega-veda", "--plan", str(plan), *SPANISH)
    assert r.exit_code == 0, r.stderr
    # the preview: what the edit does and campana's diff, never the plan's text
    assert r.stdout.startswith(f"Cambios en {plan}\n")
    assert "veda nueva «Veda local (ejemplo)»: 2 sep – 6 sep 2024 (Coahuila)" in r.stdout
    assert "+ Veda «Veda local (ejemplo)»: veda nueva" in r.stdout
    assert "touchpoints:" not in r.stdout and "campaigns:" not in r.stdout
    assert r.stderr == f"Guardado en {plan} (+6 −0 líneas)\n"
    text = plan.read_text(encoding="utf-8")
    assert "end: 2024-09-06" in text and "jurisdiction: [Coahuila]" in text
    from campana.edit import numstat

    assert numstat(before, text) == (6, 0)
    bad = cli(
        "add-blackout", "--plan", str(plan), "--nombre", "Otra", "--inicio", "2024-09-02",
        "--fin", "2024-09-06", "--jurisdiccion", "Jalisko", "--restringe", "digital",
    )  # fmt: skip
    assert bad.exit_code == 2 and "«Jalisco»" in bad.stderr and bad.stdout == ""
    unknown = cli(
        "add-blackout", "--plan", str(plan), "--nombre", "Otra", "--inicio", "2024-09-02",
        "--fin", "2024-09-06", "--restringe", "digitl",
    )  # fmt: skip
    assert unknown.exit_code == 2 and "¿quisiste decir «Digital»?" in unknown.stderr
    again = cli("agrega-veda", "--plan", str(plan), *SPANISH)
    assert (
        again.exit_code == 2 and "ya tiene una veda con el id «veda-local-ejemplo»" in again.stderr
    )
    assert plan.read_text(encoding="utf-8") == text


def test_add_blackout_dry_run_writes_nothing_and_shows_the_change(
    cli: Invoke, tmp_path: Path
) -> None:
    plan = _plan_copy(tmp_path)
    raw = plan.read_bytes()
    for flag in ("--simula", "-n", "--dry-run"):
        r = cli("agrega-veda", "--plan", str(plan), *SPANISH, flag)
        assert r.exit_code == 0, r.stderr
        assert "veda nueva «Veda local (ejemplo)»" in r.stdout
        assert "touchpoints:" not in r.stdout and "blackouts:" not in r.stdout
        assert "no se escribió nada (+6 −0 líneas)" in r.stderr
        assert plan.read_bytes() == raw


def test_add_blackout_json(cli: Invoke, tmp_path: Path) -> None:
    import json

    plan = _plan_copy(tmp_path)
    dry = cli("agrega-veda", "--plan", str(plan), *SPANISH, "-n", "-f", "json")
    assert dry.exit_code == 0, dry.stderr
    data = json.loads(dry.stdout)
    assert data["action"] == "add-blackout" and data["dry_run"] is True
    assert data["written"] is False and data["lines"] == {"added": 6, "removed": 0}
    [change] = data["diff"]["changes"]
    assert change["target"] == {
        "kind": "blackout",
        "id": "veda-local-ejemplo",
        "label": "Veda «Veda local (ejemplo)»",
    }
    written = json.loads(
        cli("agrega-veda", "--plan", str(plan), *SPANISH, "--formato", "json").stdout
    )
    assert written["written"] is True and written["dry_run"] is False
    assert "id: veda-local-ejemplo" in plan.read_text(encoding="utf-8")


def test_add_blackout_that_adds_an_error_is_refused(cli: Invoke, tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    raw = plan.read_bytes()
    r = cli(
        "agrega-veda", "--plan", str(plan), "--nombre", "Al revés", "--inicio", "2024-09-06",
        "--fin", "2024-09-02", "--restringe", "digital",
    )  # fmt: skip
    assert r.exit_code == 1
    assert "Errores que agregaría" in r.stdout and "[end-before-start]" in r.stdout
    assert "no se escribió nada: el cambio agregaría 1 error al plan" in r.stderr
    assert plan.read_bytes() == raw


def test_add_blackout_refuses_a_plan_changed_on_disk_meanwhile(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone saves the plan between campana's read and its write: nothing is overwritten."""
    plan = _plan_copy(tmp_path)
    real = ops.add_blackout

    def meanwhile(session: EditSession, new: NewBlackout) -> ops.Applied:
        with plan.open("a", encoding="utf-8") as handle:
            handle.write("# otro cambio\n")
        return real(session, new)

    monkeypatch.setattr(ops, "add_blackout", meanwhile)
    r = cli("agrega-veda", "--plan", str(plan), *SPANISH)
    assert r.exit_code == 2
    assert "cambió en el disco mientras se editaba; no se escribió nada" in r.stderr
    text = plan.read_text(encoding="utf-8")
    assert text.endswith("# otro cambio\n") and "veda-local-ejemplo" not in text


def test_add_blackout_help_is_spanish(cli: Invoke) -> None:
    r = cli("agrega-veda", "--help", columns=200)
    flat = " ".join(r.stdout.split())
    assert "sin lista de estados" in flat and "states" not in flat
    assert 'campana agrega-veda --nombre "Veda local (ejemplo)"' in flat
    assert "--jurisdicción Coahuila" in flat and "--jurisdiccion" not in flat
    assert "-n, --dry-run, --simula" in r.stdout and "-f, --format, --formato" in r.stdout
    assert "-y, --yes, --sí" in r.stdout


def test_views_follow_the_scope(cli: Invoke, tmp_path: Path) -> None:
    import json

    (tmp_path / "campaigns.yaml").write_text(_plan_with("[Jalisco]", "[Coahuila]"), "utf-8")
    shutil.copy(AUDIENCE, tmp_path / "audience.yaml")
    plan = str(tmp_path / "campaigns.yaml")
    veda = json.loads(cli("veda", "--plan", plan, "-f", "json", "--today", "2024-03-15").stdout)
    [b] = veda["blackouts"]
    hit = {row["campaign"] for row in b["rows"]}
    assert hit == {"atencion"}  # national; «Trabajadores independientes» runs in Jalisco only
    show = json.loads(
        cli("show", "trab", "--plan", plan, "-f", "json", "--today", "2024-03-15").stdout
    )
    assert {r["ine_status"] for r in show["execution_ine"]} == {"not-applicable"}
    assert {r["ine_status"] for r in show["touchpoints"]} == {"not-applicable"}
    assert {r["blackout_days"] for r in show["touchpoints"]} == {0}
    agenda = cli("agenda", "--plan", plan, "--from", "2024-02-28", "--to", "2024-03-02",
                 "--today", "2024-02-28", "-f", "json")  # fmt: skip
    suspended = {
        e["campaign"] for e in json.loads(agenda.stdout)["events"] if e["kind"] == "suspend"
    }
    assert "trabajadores-independientes" not in suspended


def test_schedule_coverage_and_diff_follow_the_scope_too() -> None:
    """A campaign in Jalisco is out of a Coahuila blackout everywhere: the schedule draws no
    restricted days on its rows, the what-if finds no gap in it, diff sees no exposure."""
    from campana.diff import _exposures
    from campana.queries.schedule import campaign_rows

    def scoped(states: str | None) -> tuple[set[str], set[str | None], set[str]]:
        text = _plan_with(states, "[Coahuila]")
        v = validate_text(text, AUDIENCE.read_text(encoding="utf-8"), assume_ine="denied")
        assert v.plan is not None
        c = v.plan.campaign("trabajadores-independientes")
        assert c is not None
        restricted = {r.name for r in campaign_rows(v.plan, c) if r.blackout}
        gaps = {
            f.campaign
            for f in v.all_findings
            if f.code == "coverage-gap" and "del 1 mar 2024 al 2 jun 2024" in f.message
        }
        exposed = {key[0] for key in _exposures(v.plan)}
        return restricted, gaps, exposed

    restricted, gaps, exposed = scoped(None)  # national: the state blackout reaches it
    assert restricted
    assert "trabajadores-independientes" in gaps
    assert "trabajadores-independientes" in exposed
    restricted, gaps, exposed = scoped("[Jalisco]")
    assert restricted == set()
    assert "trabajadores-independientes" not in gaps
    assert "trabajadores-independientes" not in exposed


def test_veda_says_where_a_state_blackout_applies(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "campaigns.yaml").write_text(_plan_with(None, "[coahuila, Durango]"), "utf-8")
    shutil.copy(AUDIENCE, tmp_path / "audience.yaml")
    plan = str(tmp_path / "campaigns.yaml")
    text = cli("veda", "--plan", plan, columns=100)
    assert text.exit_code == 0, text.stderr
    assert "Ámbito estatal: Coahuila y Durango." in text.stdout
    md = cli("veda", "--plan", plan, "--format", "markdown")
    assert "Ámbito estatal: Coahuila y Durango." in md.stdout
    import json

    data = json.loads(cli("veda", "--plan", plan, "--format", "json").stdout)
    assert data["blackouts"][0]["jurisdiction"] == ["Coahuila", "Durango"]
    federal = json.loads(cli("veda", "--plan", str(PLAN), "--format", "json").stdout)
    assert federal["blackouts"][0]["jurisdiction"] == "federal"
    assert "Ámbito" not in cli("veda", "--plan", str(PLAN)).stdout
