"""Reading a plan: only regular files (or standard input), bounded by bytes read, and every odd
path a Spanish message with exit 2, never a hang or a traceback."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import campana.yamlsrc.limits as limits
from campana.yamlsrc import UnreadableFile, load, read_text
from conftest import DATA, PLAN, Invoke


def _refused(path: Path | str) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as info:
        load(Path(path), str(path))
    return info.value


def _validate(cli: Invoke, path: Path | str) -> tuple[int, str]:
    r = cli("validate", str(path))
    assert "Traceback" not in r.stdout + r.stderr
    assert "error interno" not in r.stdout + r.stderr
    return r.exit_code, r.stdout + r.stderr


def test_a_fifo_is_refused_without_waiting(cli: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "campaigns.yaml"
    os.mkfifo(fifo)

    def unblock() -> None:  # a reader that blocks (today's main) gets garbage after 5 s
        time.sleep(5)
        fd = None
        try:
            fd = os.open(fifo, os.O_RDWR)
            os.write(fd, b"plan: {}\n")
        finally:
            if fd is not None:
                os.close(fd)

    threading.Thread(target=unblock, daemon=True).start()
    started = time.monotonic()
    code, out = _validate(cli, fifo)
    assert time.monotonic() - started < 4
    assert code == 2
    assert "no es un archivo normal sino una tubería (FIFO) [file-not-regular]" in out


def test_a_device_is_refused_not_read(cli: Invoke) -> None:
    code, out = _validate(cli, "/dev/zero")
    assert code == 2
    assert "«/dev/zero» no es un archivo normal sino un dispositivo de caracteres" in out
    assert "[file-not-regular]" in out


def test_reading_is_capped_by_bytes_read_not_by_the_stated_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """/proc files state a size of 0; the cap still holds, and no more than it is read."""
    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    maps = Path("/proc/self/maps")
    if not maps.exists() or maps.stat().st_size != 0:
        pytest.skip("needs a /proc file that states a size of 0")
    assert _refused(maps).finding.code == "file-too-large"
    asked: list[int] = []
    real = os.read

    def counting(fd: int, n: int) -> bytes:
        asked.append(n)
        return real(fd, n)

    monkeypatch.setattr(os, "read", counting)
    assert _refused(PLAN).finding.code == "file-too-large"
    assert sum(asked) <= 101


def test_a_symlink_loop_is_named(tmp_path: Path) -> None:
    loop = tmp_path / "campaigns.yaml"
    loop.symlink_to(loop)
    error = _refused(loop)
    assert error.finding.code == "file-loop"
    assert "enlace simbólico que forma un ciclo" in error.finding.message


def test_a_name_too_long(cli: Invoke, tmp_path: Path) -> None:
    code, out = _validate(cli, tmp_path / ("a" * 300 + ".yaml"))
    assert code == 2
    assert "demasiado largo para el sistema [file-name-too-long]" in out


def test_a_plan_under_an_unreadable_folder(
    cli: Invoke, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, where chmod does not bite: the folder's refusal is simulated."""
    plan = plan_dir / "campaigns.yaml"
    real = os.open

    def denied(path: object, *args: object, **kwargs: object) -> int:
        if str(path) == str(plan):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    code, out = _validate(cli, plan)
    assert code == 2
    assert "no tienes permiso para leerlo o para entrar a su carpeta [file-unreadable]" in out


def test_standard_input_is_read_once_with_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(PLAN.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    doc = load(Path("-"), "-")
    assert doc.data["plan"]["year"] == 2024
    assert stream.buffer.read() == b""


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_a_pipe_on_standard_input(name: str) -> None:
    env = {**os.environ, "CAMPANA_NO_CACHE": "1"}
    env.pop("CAMPANA_PLAN", None)
    done = subprocess.run(
        [sys.executable, "-m", "campana", "validate", name, "audience.yaml"],
        input=PLAN.read_bytes(),
        capture_output=True,
        cwd=DATA,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert b"el plan es v\xc3\xa1lido" in done.stdout


def test_a_terminal_or_device_on_standard_input_is_refused() -> None:
    with open(os.devnull, "rb") as null:
        done = subprocess.run(
            [sys.executable, "-m", "campana", "validate", "-"],
            stdin=null,
            capture_output=True,
            env={**os.environ, "CAMPANA_NO_CACHE": "1"},
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert "[file-not-regular]" in done.stdout.decode() + done.stderr.decode()


def test_an_encoding_error_counts_characters(tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_bytes("plan:\n  title: Campañas añejas ".encode() + b"\xff\n")
    error = _refused(bad)
    assert (error.finding.line, error.finding.column) == (2, len("  title: Campañas añejas ") + 1)


def test_a_nul_byte_is_reported_where_it_is(tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_bytes(b"plan:\n  title: Camp\x00anas\n")
    error = _refused(bad)
    assert error.finding.code == "encoding"
    assert (error.finding.line, error.finding.column) == (2, 14)
    text, _ = read_text(PLAN, "p")
    assert "\x00" not in text
