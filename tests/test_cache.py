"""The cache of the checked plan: a hit is the same plan and findings as reading the files, any
change to them is a miss, a damaged entry is a silent miss, and it can be turned off."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from campana import cache, models
from campana.loading import LoadedPlan, open_plan, validate_files
from conftest import PLAN, Invoke, cache_entries
from helpers import edit


def _hit(plan: Path) -> LoadedPlan:
    loaded = open_plan(plan)
    assert isinstance(loaded.plan, cache.Record), "expected a cache hit"
    return loaded


def _walk(a: object, b: object) -> None:
    """Every field of a record equals the model's, all the way down."""
    if isinstance(b, list):
        assert isinstance(a, list) and len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _walk(x, y)
        return
    if isinstance(b, BaseModel):
        assert isinstance(a, cache.Record) and isinstance(a, type(b))
        assert type(a).__name__ == type(b).__name__
        assert a.model_fields_set == b.model_fields_set
        for name in type(b).model_fields:
            _walk(getattr(a, name), getattr(b, name))
        return
    assert type(a) is type(b) and a == b


def test_a_hit_is_the_same_plan_and_findings(cache_dir: Path, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    cold = open_plan(plan)
    assert isinstance(cold.plan, models.Plan)  # a miss reads the files
    assert len(cache_entries(cache_dir)) == 1
    warm = _hit(plan)
    _walk(warm.plan, cold.plan)
    _walk(warm.audience, cold.audience)
    assert warm.plan == cold.plan and cold.plan == warm.plan
    assert warm.audience == cold.audience
    assert warm.plan.model_dump() == cold.plan.model_dump()
    assert warm.plan.model_dump_json() == cold.plan.model_dump_json()
    assert repr(warm.plan.campaigns[1]) == repr(cold.plan.campaigns[1])
    assert hash(warm.plan.touchpoints[0]) == hash(cold.plan.touchpoints[0])
    assert warm.findings == cold.findings
    assert [f.identity() for f in warm.findings] == [f.identity() for f in cold.findings]
    assert len(warm.findings) == 14  # the source document's contradictions and open items
    assert list(warm.findings_for("atencion")) == list(cold.findings_for("atencion"))
    assert warm.validation.files == cold.validation.files
    # the models' own helpers
    assert warm.plan.campaign("atencion") == cold.plan.campaign("atencion")
    assert warm.plan.campaign("no-existe") is None
    assert warm.plan.touchpoint_name("digital") == "Digital"
    assert warm.plan.touchpoint_name("x") == "x"
    assert warm.audience is not None and cold.audience is not None
    assert warm.audience.segment("derechohabientes") == cold.audience.segment("derechohabientes")
    # the source text is kept; positions are found again when asked for
    assert warm.validation.plan_doc is not None and cold.validation.plan_doc is not None
    assert warm.validation.plan_doc.line_text(9) == "  title: Campañas 2024"
    loc = ("campaigns", 1, "execution", 0, "start")
    assert warm.validation.plan_doc.position(loc) == cold.validation.plan_doc.position(loc)


def test_records_are_read_only_like_the_models(cache_dir: Path, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    cold = open_plan(plan)
    warm = _hit(plan)
    with pytest.raises(ValidationError, match="frozen"):
        cold.plan.campaigns[0].name = "x"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        warm.plan.campaigns[0].name = "x"  # type: ignore[misc]
    assert warm.plan.campaigns[0].name == cold.plan.campaigns[0].name
    copied = warm.plan.model_copy(update={"campaigns": []})
    assert isinstance(copied, models.Plan) and copied.campaigns == []
    assert type(warm.plan).model_fields is models.Plan.model_fields
    assert dict(warm.plan.campaigns[0]) == dict(cold.plan.campaigns[0])


def test_records_keep_every_helper_of_the_models() -> None:
    """A method added to a model needs its twin on the record (src/campana/cache.py)."""
    inherited = set(dir(BaseModel))
    for name, cls in vars(models).items():
        if not (isinstance(cls, type) and issubclass(cls, models.Model)) or cls is models.Model:
            continue
        own = {
            attr
            for klass in cls.__mro__
            if klass not in (models.Model, *BaseModel.__mro__)
            for attr, value in vars(klass).items()
            if not attr.startswith("_") and attr not in inherited and callable(value)
        }
        record = cache.record_class(name)
        missing = {attr for attr in own if not callable(getattr(record, attr, None))}
        assert not missing, f"{name}: the record lacks {sorted(missing)}"


def test_a_changed_file_is_a_miss(cache_dir: Path, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    open_plan(plan)
    _hit(plan)
    edit(plan, "name: Crédito\n", "name: Crédito 2024\n")
    fresh = open_plan(plan)
    assert isinstance(fresh.plan, models.Plan)
    assert fresh.plan.campaign("credito").name == "Crédito 2024"  # type: ignore[union-attr]
    assert _hit(plan).plan.campaign("credito").name == "Crédito 2024"
    # the audience beside the plan is part of the key too
    edit(plan_dir / "audience.yaml", "count: 5488535", "count: 5488536")
    after = open_plan(plan)
    assert isinstance(after.plan, models.Plan)
    assert after.audience is not None
    assert after.audience.segment("con-credito-activo").count == 5488536  # type: ignore[union-attr]
    # one entry per plan, replaced in place
    assert len(cache_entries(cache_dir)) == 1


def test_the_cache_keeps_the_latest_plans_only(
    cache_dir: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    plans = []
    for i in range(5):
        folder = plan_dir.parent / f"copy{i}"
        folder.mkdir()
        for name in ("campaigns.yaml", "audience.yaml"):
            (folder / name).write_bytes((plan_dir / name).read_bytes())
        plans.append(folder / "campaigns.yaml")
        open_plan(plans[-1])
        assert len(cache_entries(cache_dir)) == min(i + 1, 3)
    assert isinstance(open_plan(plans[-1]).plan, cache.Record)  # the newest is kept
    assert isinstance(open_plan(plans[0]).plan, models.Plan)  # the oldest was removed


def test_a_removed_audience_is_a_miss(cache_dir: Path, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    open_plan(plan)
    (plan_dir / "audience.yaml").unlink()
    loaded = open_plan(plan)
    assert loaded.audience is None
    assert any(f.code == "unknown-reference" for f in loaded.findings)


def test_findings_name_the_files_as_seen_from_here(
    cache_dir: Path, plan_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_dir / "campaigns.yaml"
    monkeypatch.chdir(plan_dir)
    first = open_plan(plan)
    assert {f.file for f in first.findings} == {"campaigns.yaml"}
    monkeypatch.chdir(tmp_path)
    again = open_plan(plan)
    assert {f.file for f in again.findings} == {"plan/campaigns.yaml"}
    assert again.findings == validate_files([plan]).findings


@pytest.mark.parametrize(
    "damage",
    ["garbage", "empty", "truncated", "wrong-key", "foreign-class", "not-a-validation"],
)
def test_a_damaged_entry_is_a_silent_miss(
    cache_dir: Path, plan_dir: Path, tmp_path: Path, damage: str
) -> None:
    plan = plan_dir / "campaigns.yaml"
    expected = open_plan(plan)
    (entry,) = cache_entries(cache_dir)
    raw = entry.read_bytes()
    head = len(cache.FORMAT) + 32
    marker = tmp_path / "executed"
    if damage == "garbage":
        entry.write_bytes(b"\x00\xffnot a cache entry")
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "truncated":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "wrong-key":
        entry.write_bytes(raw[: len(cache.FORMAT)] + b"\x00" * 32 + raw[head:])
    elif damage == "foreign-class":

        class Boom:
            def __reduce__(self) -> tuple[object, ...]:
                return (os.system, (f"touch {marker}",))

        entry.write_bytes(raw[:head] + pickle.dumps(Boom()))
    else:
        entry.write_bytes(raw[:head] + pickle.dumps({"plan": "no"}))
    loaded = open_plan(plan)
    assert not marker.exists()  # nothing but our own classes is ever loaded
    assert loaded.plan == expected.plan
    assert loaded.findings == expected.findings
    assert isinstance(open_plan(plan).plan, cache.Record)  # rewritten, a hit again


def test_an_unwritable_cache_is_no_error(
    plan_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CAMPANA_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("CAMPANA_NO_CACHE", raising=False)
    loaded = open_plan(plan_dir / "campaigns.yaml")
    assert isinstance(loaded.plan, models.Plan)
    assert open_plan(plan_dir / "campaigns.yaml").plan == loaded.plan


def test_no_cache_turns_it_off(
    cache_dir: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAMPANA_NO_CACHE", "1")
    plan = plan_dir / "campaigns.yaml"
    open_plan(plan)
    loaded = open_plan(plan)
    assert isinstance(loaded.plan, models.Plan)
    assert cache_entries(cache_dir) == []


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CAMPANA_NO_CACHE", raising=False)
    monkeypatch.delenv("CAMPANA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "campana"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "campana"
    monkeypatch.setenv("CAMPANA_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("CAMPANA_NO_CACHE", "1")
    assert cache.cache_dir() is None


def test_validate_never_reads_the_cache(cache_dir: Path, cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    env: dict[str, str | None] = {"CAMPANA_CACHE_DIR": str(cache_dir), "CAMPANA_NO_CACHE": None}
    assert cli("list", "--plan", str(plan), "--today", "2024-03-15", env=env).exit_code == 0
    (entry,) = cache_entries(cache_dir)
    # an entry that lies: validate must still read the files
    edit(plan, "  year: 2024\n", "  year: dos mil\n")
    before = entry.read_bytes()
    result = cli("validate", str(plan), env=env)
    assert result.exit_code == 1
    assert "plan.year: se esperaba un número entero" in result.stdout
    assert entry.read_bytes() == before


QUERIES = [
    ["schedule", "--month", "marzo"],
    ["schedule", "--format", "json"],
    ["show", "atencion"],
    ["show", "trabajadores-independientes", "--format", "json"],
    ["list"],
    ["audience"],
]


@pytest.mark.parametrize("args", QUERIES, ids=[" ".join(a) for a in QUERIES])
def test_queries_print_the_same_from_the_cache(
    cache_dir: Path, cli: Invoke, plan_dir: Path, args: list[str]
) -> None:
    argv = [*args, "--plan", str(plan_dir / "campaigns.yaml"), "--today", "2024-03-15"]
    off = cli(*argv)  # conftest turns the cache off
    env: dict[str, str | None] = {"CAMPANA_CACHE_DIR": str(cache_dir), "CAMPANA_NO_CACHE": None}
    cold = cli(*argv, env=env)
    warm = cli(*argv, env=env)
    assert cache_entries(cache_dir)
    assert (cold.exit_code, cold.stdout, cold.stderr) == (off.exit_code, off.stdout, off.stderr)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (off.exit_code, off.stdout, off.stderr)
    if "json" in args:
        json.loads(warm.stdout)


def test_a_warm_query_reads_no_yaml_and_builds_no_model(cache_dir: Path) -> None:
    """What the cache is for: a hit skips the YAML parser, the models and the checks."""
    code = (
        "import sys\n"
        "from campana.cli.app import run\n"
        f"code = run(['list', '--plan', {str(PLAN)!r}, '--today', '2024-03-15'])\n"
        "heavy = [m for m in ('campana.models', 'campana.checks', 'ruamel.yaml', 'rich',"
        " 'pydantic')"
        " if m in sys.modules]\n"
        "sys.stderr.write(f'{code} {heavy}\\n')\n"
    )
    env = {**os.environ, "CAMPANA_CACHE_DIR": str(cache_dir)}
    env.pop("CAMPANA_NO_CACHE", None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stderr.strip()
        for _ in range(2)
    ]
    assert runs[0].startswith("0 ") and "campana.models" in runs[0]  # a miss: the full load
    assert runs[1] == "0 []"


def test_the_key_follows_every_module_that_shapes_a_checked_plan() -> None:
    """A rule file or a YAML reader module edited (a new finding, another value) must not let
    an entry written by the older code answer: their files join the code stamp."""
    import campana.cache as cache_module

    stamp = cache_module._code_stamp()
    core = Path(cache_module.__file__).parent
    for module in ("checks/rules/coverage.py", "yamlsrc/events.py", "models.py"):
        st = (core / module).stat()
        assert f"{Path(module).name}:{st.st_size}:{st.st_mtime_ns}" in stamp, module


def test_the_lookups_by_id_are_invisible(cache_dir: Path, plan_dir: Path) -> None:
    """Plan.campaign and touchpoint_name look up a dict built on first use, on the model and on
    the record alike: the first of a repeated id, as a scan finds; equality, dumps, copies and
    pickles do not see it."""
    plan = plan_dir / "campaigns.yaml"
    cold = open_plan(plan).plan
    warm = _hit(plan).plan
    fresh = open_plan(plan).plan
    for p in (cold, warm):
        first = p.touchpoints[0]
        assert p.touchpoint_name(first.id) == first.name
        assert p.campaign(p.campaigns[-1].id) is p.campaigns[-1]
        assert p.touchpoint_name("no-existe") == "no-existe"
        assert p.campaign("no-existe") is None
        for b in p.blackouts:
            assert all(b.restricts_touchpoint(t) for t in b.restricts)
            assert not b.restricts_touchpoint("no-existe")
    assert cold == warm and cold.model_dump() == fresh.model_dump()
    assert cold.model_dump_json() == warm.model_dump_json()
    assert pickle.loads(pickle.dumps(cold)) == cold
    assert pickle.loads(pickle.dumps(warm)) == warm
    assert pickle.dumps(warm) == pickle.dumps(fresh)  # the built lookup is not pickled
    assert "_by_id" not in cold.__dict__ and "_by_id" not in warm.__dict__
    # a repeated id: the first one wins, and a copy with other touchpoints looks up its own
    doubled = cold.model_copy(
        update={
            "touchpoints": [
                models.TouchpointType(id="digital", name="Primero"),
                models.TouchpointType(id="digital", name="Segundo"),
            ],
            "campaigns": [*cold.campaigns, cold.campaigns[0].model_copy(update={"name": "Otra"})],
        }
    )
    assert doubled.touchpoint_name("digital") == "Primero"
    assert doubled.campaign(cold.campaigns[0].id) is doubled.campaigns[0]
    assert cold.touchpoint_name("digital") == "Digital"
