"""Several plans side by side (planes/2024/, planes/2025/...): discovery by --today, the root
option --año, and the agenda near a year's end."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from campana.paths import find_plan, plan_years
from conftest import AUDIENCE, PLAN, Invoke


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Invoke) -> Path:
    first = tmp_path / "planes" / "2024"
    first.mkdir(parents=True)
    shutil.copy(PLAN, first / "campaigns.yaml")
    shutil.copy(AUDIENCE, first / "audience.yaml")
    monkeypatch.chdir(tmp_path)
    r = cli("roll-forward", "--año", "2025", "--today", "2024-12-01")
    assert r.exit_code == 0, r.stderr
    return tmp_path


def test_find_plan_picks_the_year_of_today(layout: Path) -> None:
    assert sorted(plan_years(layout)) == [2024, 2025]
    pick = find_plan(cwd=layout, today=dt.date(2025, 3, 1))
    assert pick == layout / "planes" / "2025" / "campaigns.yaml"
    assert find_plan(cwd=layout, today=dt.date(2024, 3, 1)).parent.name == "2024"
    # a year without a plan: the latest before it; before all of them, the first
    assert find_plan(cwd=layout, today=dt.date(2026, 3, 1)).parent.name == "2025"
    assert find_plan(cwd=layout, today=dt.date(2020, 3, 1)).parent.name == "2024"
    assert find_plan(cwd=layout, today=dt.date(2025, 3, 1), year=2024).parent.name == "2024"


def test_commands_follow_today_and_the_year_option(cli: Invoke, layout: Path) -> None:
    r = cli("list", "--today", "2025-02-01")
    assert r.exit_code == 0 and r.stdout.startswith("Campañas 2025")
    r = cli("--año", "2024", "list", "--today", "2025-02-01")
    assert r.exit_code == 0 and r.stdout.startswith("Campañas 2024")
    r = cli("--year", "2030", "list")
    assert r.exit_code == 2 and r.stdout == ""
    assert "no hay plan de 2030" in r.stderr and "2024, 2025" in r.stderr


def test_agenda_near_the_year_end_shows_next_year(cli: Invoke, layout: Path) -> None:
    r = cli("agenda", "--today", "2024-12-28", "--days", "21")
    assert r.exit_code == 0, r.stderr
    assert "martes 31 dic 2024" in r.stdout
    assert "lunes 13 ene 2025" in r.stdout and "«Trabajadores independientes»" in r.stdout
    assert "Incluye los eventos del plan 2025" in r.stderr
    # a window inside the year: no second plan
    inside = cli("agenda", "--today", "2024-12-01", "--days", "7")
    assert "Incluye" not in inside.stderr


def test_edit_commands_follow_the_year_option(cli: Invoke, layout: Path) -> None:
    """An edit changes the plan of the year --año chooses (as a query reads it), never
    another one; a year without a plan is refused."""
    later = (layout / "planes" / "2025" / "campaigns.yaml").read_bytes()
    r = cli(
        "--año", "2024", "agrega-veda", "--nombre", "Veda local (ejemplo)", "--inicio",
        "2024-09-02", "--fin", "2024-09-06", "--jurisdicción", "Coahuila", "--restringe",
        "digital",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "Guardado en planes/2024/campaigns.yaml" in r.stderr
    assert "id: veda-local-ejemplo" in (layout / "planes" / "2024" / "campaigns.yaml").read_text(
        encoding="utf-8"
    )
    assert (layout / "planes" / "2025" / "campaigns.yaml").read_bytes() == later
    r = cli("--año", "2030", "move", "logros", "--by", "+1d")
    assert r.exit_code == 2 and "no hay plan de 2030" in r.stderr
