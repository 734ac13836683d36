"""The cache never lies: the entry is keyed by the very text parsed (read once), a damaged entry
is a miss, a pipe works with the cache on, and entries are bounded by bytes."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from campana import cache, models
from campana.loading import open_plan, validate_files
from campana.yamlsrc import reading as yamlsrc_reading
from conftest import PLAN, cache_entries

V1_END = "end: 2024-12-15"
V2_END = "end: 2024-12-20"


def _credito_end(plan: Path) -> dt.date:
    c = open_plan(plan).plan.campaign("credito")
    assert c is not None
    return c.end  # type: ignore[no-any-return]


def test_a_plan_replaced_between_reads_is_never_cached_under_the_other_version(
    cache_dir: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone saves the plan (write beside, rename) over and over while a query runs: each
    read of the file may see another version. Whatever is cached must be what was parsed."""
    plan = plan_dir / "campaigns.yaml"
    v1 = plan.read_text(encoding="utf-8")
    assert v1.count(V1_END) == 1
    v2 = v1.replace(V1_END, V2_END)
    versions = iter([v1, v2, v1, v1, v1, v1])
    reads = []
    real_read_bytes = yamlsrc_reading.read_bytes

    def racing_read_bytes(path: pathlib.Path, name: str) -> bytes:
        if path == plan:
            tmp = plan_dir / ".saving"
            tmp.write_text(next(versions), encoding="utf-8")
            os.replace(tmp, plan)  # the editor's atomic save, right before this read
            reads.append(1)
        return real_read_bytes(path, name)

    monkeypatch.setattr(yamlsrc_reading, "read_bytes", racing_read_bytes)
    first = _credito_end(plan)
    monkeypatch.undo()
    monkeypatch.setenv("CAMPANA_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("CAMPANA_NO_CACHE", raising=False)
    assert reads, "the plan was not read through read_bytes: the race was not simulated"
    assert first == dt.date(2024, 12, 15)  # the version read first, whole
    # the file now holds v1 for good: every later answer must be v1's
    plan.write_text(v1, encoding="utf-8")
    assert _credito_end(plan) == dt.date(2024, 12, 15)
    assert _credito_end(plan) == dt.date(2024, 12, 15)
    plan.write_text(v2, encoding="utf-8")
    assert _credito_end(plan) == dt.date(2024, 12, 20)


def test_a_plan_is_read_once_per_query(
    cache_dir: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_dir / "campaigns.yaml"
    counts: dict[str, int] = {}
    real_read_bytes = yamlsrc_reading.read_bytes

    def counting(path: pathlib.Path, name: str) -> bytes:
        counts[path.name] = counts.get(path.name, 0) + 1
        return real_read_bytes(path, name)

    monkeypatch.setattr(yamlsrc_reading, "read_bytes", counting)
    open_plan(plan)  # a miss: read, parse, check, store
    assert counts == {"campaigns.yaml": 1, "audience.yaml": 1}
    open_plan(plan)  # a hit
    assert counts == {"campaigns.yaml": 2, "audience.yaml": 2}


def test_one_flipped_byte_in_an_entry_is_a_miss(cache_dir: Path, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    expected = validate_files([plan])
    open_plan(plan)
    (entry,) = cache_entries(cache_dir)
    raw = bytearray(entry.read_bytes())
    # credito's end, 2024-12-15, as pickle stores a date: year (2 bytes), month, day
    at = raw.find(bytes([0x07, 0xE8, 12, 15]))
    assert at > 0
    raw[at + 3] = 16  # a valid date still: only a checksum can tell
    entry.write_bytes(bytes(raw))
    loaded = open_plan(plan)
    assert not isinstance(loaded.plan, cache.Record)  # a miss: read from the files
    assert loaded.plan == expected.plan
    c = loaded.plan.campaign("credito")
    assert c is not None and c.end == dt.date(2024, 12, 15)
    assert isinstance(open_plan(plan).plan, cache.Record)  # rewritten, a hit again


def _cli(*args: str, stdin: bytes | None = None, cache_dir: Path | None = None) -> tuple:
    env = {**os.environ}
    env.pop("CAMPANA_PLAN", None)
    if cache_dir is None:
        env["CAMPANA_NO_CACHE"] = "1"
    else:
        env.pop("CAMPANA_NO_CACHE", None)
        env["CAMPANA_CACHE_DIR"] = str(cache_dir)
    done = subprocess.run(
        [sys.executable, "-m", "campana", *args],
        input=stdin,
        capture_output=True,
        env={**env, "COLUMNS": "100", "NO_COLOR": "1"},
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def test_a_plan_from_a_real_pipe_works_with_the_cache_on(tmp_path: Path, cache_dir: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "campaigns.yaml").write_bytes(PLAN.read_bytes())
    args = ("show", "credito", "--today", "2024-03-15")
    expected = _cli(*args, "--plan", str(alone / "campaigns.yaml"))
    assert expected[0] == 0 and "Crédito" in expected[1]
    for _ in range(2):  # a pipe is not cached, the second run reads the pipe again
        cat = subprocess.Popen(["cat", str(PLAN)], stdout=subprocess.PIPE)
        assert cat.stdout is not None
        env = {**os.environ, "CAMPANA_CACHE_DIR": str(cache_dir), "COLUMNS": "100"}
        env.pop("CAMPANA_NO_CACHE", None)
        env["NO_COLOR"] = "1"
        done = subprocess.run(
            [sys.executable, "-m", "campana", *args, "--plan", "/dev/stdin"],
            stdin=cat.stdout,
            capture_output=True,
            env=env,
        )
        cat.stdout.close()
        cat.wait()
        assert done.returncode == 0, done.stderr.decode()
        assert done.stdout.decode() == expected[1]
    assert cache_entries(cache_dir) == []


def test_a_plan_from_stdin_works_with_the_cache_on(cache_dir: Path, tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "campaigns.yaml").write_bytes(PLAN.read_bytes())
    args = ("show", "credito", "--today", "2024-03-15")
    expected = _cli(*args, "--plan", str(alone / "campaigns.yaml"))
    piped = _cli(*args, "--plan", "/dev/stdin", stdin=PLAN.read_bytes(), cache_dir=cache_dir)
    assert piped == expected


def test_an_entry_larger_than_it_is_worth_is_not_written(
    cache_dir: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_dir / "campaigns.yaml"
    open_plan(plan)
    (entry,) = cache_entries(cache_dir)
    size = entry.stat().st_size
    entry.unlink()
    text = len(plan.read_text(encoding="utf-8")) + len(
        (plan_dir / "audience.yaml").read_text(encoding="utf-8")
    )
    assert size <= cache.worth_limit(text)  # the shipped plan is worth its entry
    assert cache.worth_limit(10**9) < cache.MAX_ENTRY_BYTES + 1  # a fixed cap
    assert cache.worth_limit(10**6) < cache.ENTRY_FACTOR * 10**6 + cache.ENTRY_SLACK + 1
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", size - 1)
    assert isinstance(open_plan(plan).plan, models.Plan)
    assert cache_entries(cache_dir) == []
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", size)
    assert isinstance(open_plan(plan).plan, models.Plan)
    assert len(cache_entries(cache_dir)) == 1


def test_a_plan_of_many_aliases_is_not_cached_at_many_times_its_size(
    cache_dir: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "alias" / "campaigns.yaml"
    plan.parent.mkdir()
    line = "      - text: Objetivo {}, largo para pesar en la entrada\n"
    bulk = "".join(line.format(i) for i in range(200))
    rows = ["plan:\n  title: Alias\n  owner: Pruebas\n  issued: 2024-02\n  year: 2024\n"]
    rows.append("touchpoints:\n  - id: tv\n    name: TV\ncampaigns:\n")
    rows.append(
        "  - id: c0\n    name: C 0\n    start: 2024-01-01\n    end: 2024-01-31\n"
        f"    objectives: &objs\n{bulk}"
    )
    for i in range(1, 300):
        rows.append(
            f"  - id: c{i}\n    name: C {i}\n    start: 2024-01-01\n    end: 2024-01-31\n"
            "    objectives: *objs\n"
        )
    plan.write_text("".join(rows), encoding="utf-8")
    first = open_plan(plan)
    assert first.plan.campaign("c299") is not None
    assert len(first.plan.campaign("c299").objectives) == 200
    assert cache_entries(cache_dir) == []  # 60,000 objectives copied out: not worth writing
    assert not isinstance(open_plan(plan).plan, cache.Record)


def test_the_cache_folder_is_bounded_by_bytes(
    cache_dir: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = []
    for i in range(4):
        folder = plan_dir.parent / f"copy{i}"
        folder.mkdir()
        for name in ("campaigns.yaml", "audience.yaml"):
            (folder / name).write_bytes((plan_dir / name).read_bytes())
        plans.append(folder / "campaigns.yaml")
    open_plan(plans[0])
    (entry,) = cache_entries(cache_dir)
    size = entry.stat().st_size
    monkeypatch.setattr(cache, "MAX_TOTAL_BYTES", int(size * 2.5))
    os.utime(entry, ns=(10**9, 10**9))
    for n, plan in enumerate(plans[1:], start=2):
        before = set(cache_entries(cache_dir))
        open_plan(plan)
        (new,) = set(cache_entries(cache_dir)) - before
        os.utime(new, ns=(n * 10**9, n * 10**9))  # distinct times: oldest first
        entries = cache_entries(cache_dir)
        assert sum(p.stat().st_size for p in entries) <= cache.MAX_TOTAL_BYTES
    assert len(cache_entries(cache_dir)) == 2
    assert isinstance(open_plan(plans[-1]).plan, cache.Record)  # the newest is kept
    assert isinstance(open_plan(plans[0]).plan, models.Plan)  # the oldest went first


def test_pickling_an_entry_stops_at_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[int] = []
    real_write = cache._BoundedBuffer.write

    def spy(self: cache._BoundedBuffer, data: bytes) -> int:
        written.append(self.size + len(data))
        return real_write(self, data)

    monkeypatch.setattr(cache._BoundedBuffer, "write", spy)
    big = [f"texto {i}" * 10 for i in range(200_000)]  # about 14 MB pickled
    assert cache._dump_bounded(big, 100_000) is None
    assert max(written) < 1_000_000  # stopped within a frame or two of the limit
    small = cache._dump_bounded(big[:10], 100_000)
    assert small is not None and pickle.loads(small) == big[:10]
