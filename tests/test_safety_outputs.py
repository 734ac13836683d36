"""Nothing campana writes can land on the plan or its audience file, and every write is whole or
not at all: a write cut short leaves the old file as it was and no fragment beside it."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Invoke

TODAY = "2024-03-01"


def _outputs(plan_dir: Path) -> list[tuple[str, ...]]:
    plan = str(plan_dir / "campaigns.yaml")
    return [
        ("export", "ics", "--plan", plan, "--today", TODAY, "-o"),
        ("schedule", "--plan", plan, "--today", TODAY, "--save"),
    ]


def _snapshot(plan_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(plan_dir.iterdir())}


@pytest.mark.parametrize("command", ["export", "schedule"])
@pytest.mark.parametrize(
    "target",
    ["plan", "audience", "symlink", "dotdot", "hardlink"],
)
def test_outputs_refuse_to_overwrite_the_plan(
    cli: Invoke, plan_dir: Path, tmp_path: Path, command: str, target: str
) -> None:
    args = next(a for a in _outputs(plan_dir) if a[0] == command)
    before = _snapshot(plan_dir)
    if target == "plan":
        out = plan_dir / "campaigns.yaml"
    elif target == "audience":
        out = plan_dir / "audience.yaml"
    elif target == "symlink":
        out = tmp_path / "vista.txt"
        out.symlink_to(plan_dir / "campaigns.yaml")
    elif target == "dotdot":
        out = plan_dir / ".." / plan_dir.name / "campaigns.yaml"
    else:
        out = tmp_path / "copia.txt"
        os.link(plan_dir / "audience.yaml", out)
    r = cli(*args, str(out))
    assert r.exit_code == 2, r.stderr
    assert "no escribe sobre" in r.stderr and "sugerencia:" in r.stderr
    assert "Traceback" not in r.stderr
    assert _snapshot(plan_dir) == before


def test_an_output_beside_the_plan_is_still_written(
    cli: Invoke, plan_dir: Path, tmp_path: Path
) -> None:
    out = plan_dir / "campanas.ics"
    r = cli(*_outputs(plan_dir)[0], str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("command", ["export", "schedule"])
def test_a_failed_write_leaves_the_old_file_whole(
    cli: Invoke, plan_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    args = next(a for a in _outputs(plan_dir) if a[0] == command)
    out = tmp_path / "salida" / ("campanas.ics" if command == "export" else "vista.txt")
    out.parent.mkdir()
    out.write_bytes(b"old content, whole\n")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    r = cli(*args, str(out))
    assert r.exit_code == 2
    assert "no se pudo escribir" in r.stderr and "Traceback" not in r.stderr
    assert out.read_bytes() == b"old content, whole\n"
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no fragment left


def test_write_atomic_keeps_the_old_file_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from campana import files

    target = tmp_path / "f.txt"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    files.write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640  # the old file's permissions stay

    real_replace = os.replace

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(target, "newer\n")
    monkeypatch.setattr(os, "replace", real_replace)
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_write_atomic_writes_through_a_link(tmp_path: Path) -> None:
    from campana import files

    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    files.write_atomic(link, b"new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for ulimit")
def test_a_file_size_limit_leaves_the_old_export_whole(plan_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "campanas.ics"
    out.write_bytes(b"old calendar\n")
    env = {**os.environ, "CAMPANA_NO_CACHE": "1"}
    env.pop("CAMPANA_PLAN", None)
    script = (
        "ulimit -f 4; exec "
        f"{sys.executable} -m campana export ics --plan {plan_dir / 'campaigns.yaml'}"
        f" --today {TODAY} -o {out}"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 2, done.stderr
    assert "no se pudo escribir" in done.stderr and "Traceback" not in done.stderr
    assert out.read_bytes() == b"old calendar\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["campanas.ics", "plan"]  # no fragment


def test_write_atomic_takes_a_name_near_the_system_limit(tmp_path: Path) -> None:
    from campana import files

    target = tmp_path / ("n" * 250 + ".txt")
    files.write_atomic(target, "whole\n")
    assert target.read_text() == "whole\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
