"""Odd but possible input gets a Spanish message and exit 2 (or a finding and exit 1), never an
internal error: huge numbers, the last day there is, export dates past what iCalendar counts;
and messages say what is actually wrong."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import Invoke
from helpers import edit, line_of


def _plain(r: object) -> str:
    text = f"{r.stdout}\n{r.stderr}"  # type: ignore[attr-defined]
    assert "error interno" not in text and "Traceback" not in text
    return text


def test_a_huge_audience_count_is_a_finding(cli: Invoke, plan_dir: Path) -> None:
    audience = plan_dir / "audience.yaml"
    edit(audience, "count: 76434882", "count: 1" + "0" * 400)
    r = cli("validate", str(plan_dir / "campaigns.yaml"))
    text = _plain(r)
    assert r.exit_code == 1
    line = line_of(audience, "count: 1000")
    assert f"audience.yaml:{line}:" in text and "demasiado grande" in text
    r = cli("audience", "--plan", str(plan_dir / "campaigns.yaml"))
    text = _plain(r)
    assert r.exit_code == 2
    # what is wrong with the file, not that there is none
    assert "no hay audience.yaml" not in text
    assert "audience.yaml tiene errores" in text and f"audience.yaml:{line}:" in text


def test_a_missing_audience_is_still_called_missing(cli: Invoke, plan_dir: Path) -> None:
    (plan_dir / "audience.yaml").unlink()
    r = cli("audience", "--plan", str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 2
    assert "no hay audience.yaml junto al plan" in _plain(r)


def test_the_last_day_there_is_then_export(cli: Invoke, plan_dir: Path) -> None:
    """An event to 9999-12-31 cannot be written (an all-day event ends the day after its last):
    it is left out and said so, the rest of the calendar is written (issue 21: a plan validate
    reads is answered; this used to refuse the whole export with exit 2)."""
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "end: 2024-12-15", "end: 9999-12-31")
    r = cli("export", "ics", "--plan", str(plan), "--today", "2024-03-01")
    _plain(r)
    assert r.exit_code == 0 and r.stdout.startswith("BEGIN:VCALENDAR")
    skipped = [x for x in r.stderr.splitlines() if x.startswith("aviso: se omitió")]
    assert len(skipped) == 1
    assert "31 dic 9999, el último día que existe" in skipped[0]
    assert "corre «campana validate»" in skipped[0]


def test_every_date_at_the_ends_of_the_calendar_is_no_crash(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    text = plan.read_text(encoding="utf-8")
    text = re.sub(r"\bend: \d{4}-\d{2}-\d{2}", "end: 9999-12-31", text)
    text = re.sub(r"\bstart: \d{4}-\d{2}-\d{2}", "start: 0001-01-01", text)
    plan.write_text(text, encoding="utf-8")
    r = cli("validate", str(plan))
    _plain(r)
    assert r.exit_code in (0, 1)
    for args in (("list",), ("show", "credito"), ("schedule",), ("schedule", "--on", "2024-05-01")):
        r = cli(*args, "--plan", str(plan), "--today", "2024-03-01")
        _plain(r)
        assert r.exit_code == 0
    r = cli("export", "ics", "--plan", str(plan), "--today", "2024-03-01")
    _plain(r)
    assert r.exit_code == 0  # the events to 9999-12-31 are left out, and said so
    assert "aviso: se omitió" in r.stderr


def test_an_export_date_past_what_icalendar_counts(cli: Invoke, plan_dir: Path) -> None:
    """--today 6100-01-01 once overflowed the export's SEQUENCE; the date options now refuse
    years past 2200 before anything is computed, and the farthest day they take exports."""
    plan = str(plan_dir / "campaigns.yaml")
    r = cli("export", "ics", "--plan", plan, "--today", "6100-01-01")
    text = _plain(r)
    assert r.exit_code == 2 and r.stdout == ""
    assert "6100" in text and "1900–2200" in text and "sugerencia:" in text
    r = cli("export", "ics", "--plan", plan, "--today", "2200-12-31")
    assert r.exit_code == 0 and r.stdout.startswith("BEGIN:VCALENDAR")


def test_a_date_without_zeros_is_a_format_problem_not_a_missing_day(
    cli: Invoke, plan_dir: Path
) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "start: 2024-09-17", "start: 2024-3-1")
    r = cli("validate", str(plan))
    text = _plain(r)
    assert r.exit_code == 1
    line = line_of(plan, "start: 2024-3-1")
    found = next(x for x in text.splitlines() if f"campaigns.yaml:{line}:" in x)
    assert "no existe" not in found
    assert "formato AAAA-MM-DD" in found
    assert "2024-03-01" in text  # the ISO form to write instead


def test_a_day_that_does_not_exist_still_says_so(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "start: 2024-09-17", "start: 2024-2-31")
    r = cli("validate", str(plan))
    assert r.exit_code == 1
    assert "no existe: febrero de 2024 tiene 29 días" in _plain(r)


def test_odd_paths_are_exit_2_not_an_internal_error(
    cli: Invoke, tmp_path: Path, plan_dir: Path
) -> None:
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    long = tmp_path / ("a" * 300 + ".yaml")
    plan = str(plan_dir / "campaigns.yaml")
    for path in (tmp_path / "loop-a", long, tmp_path / ("b" * 300) / "campaigns.yaml"):
        for args in (("validate", str(path)), ("list", "--plan", str(path))):
            r = cli(*args)
            _plain(r)
            assert r.exit_code == 2 and "sugerencia:" in r.stdout + r.stderr, args
    # -o files named for their format (the format follows the extension, issue 20)
    (tmp_path / "loop-a.ics").symlink_to(tmp_path / "loop-b.ics")
    (tmp_path / "loop-b.ics").symlink_to(tmp_path / "loop-a.ics")
    long_ics = str(long.with_suffix(".ics"))
    for args in (
        ("export", "ics", "--plan", plan, "--today", "2024-03-01", "-o", long_ics),
        ("schedule", "--plan", plan, "--today", "2024-03-01", "--save", str(long) + ".txt"),
        (
            "export",
            "ics",
            "--plan",
            plan,
            "--today",
            "2024-03-01",
            "-o",
            str(tmp_path / "loop-a.ics"),
        ),
    ):
        r = cli(*args)
        _plain(r)
        assert r.exit_code == 2 and "no se pudo escribir" in r.stderr, args


def test_a_plan_under_an_unreadable_folder_is_exit_2(
    cli: Invoke, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Simulated: the tests may run as root, who reads every folder.)"""
    import errno
    import pathlib

    from campana.yamlsrc import reading

    plan = plan_dir / "campaigns.yaml"
    real_open = os.open

    def denied(path: object, *args: Any, **kwargs: Any) -> int:
        if pathlib.Path(str(path)) == plan:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading.os, "open", denied)
    for args in (("validate", str(plan)), ("list", "--plan", str(plan))):
        r = cli(*args)
        text = _plain(r)
        assert r.exit_code == 2 and "no se puede leer" in text and "permisos" in text
