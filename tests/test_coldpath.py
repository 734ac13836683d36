"""The cold path (a process that validates with no cache): what keeps it short stays in place
and changes nothing the models do."""

from __future__ import annotations

import datetime as dt
import inspect
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pydantic import BaseModel

from campana import models
from conftest import DATA, PLAN, ROOT


def _model_classes() -> list[type[BaseModel]]:
    return [
        v
        for v in vars(models).values()
        if isinstance(v, type) and issubclass(v, models.Model) and v is not models.Model
    ]


def test_list_defaults_are_new_empty_lists_from_a_cheap_factory() -> None:
    """``default_factory=list`` made pydantic parse ``list``'s text signature with the
    tokenizer; a Python function gives the same new empty list each time."""
    seen = 0
    for cls in _model_classes():
        for name, info in cls.model_fields.items():
            factory = info.default_factory
            if factory is None:
                continue
            seen += 1
            assert inspect.isfunction(factory), (
                f"{cls.__name__}.{name}: default_factory=_empty (a Python function), "
                "not a builtin such as list (its signature costs pydantic a tokenizer run)"
            )
            first, second = factory(), factory()  # type: ignore[call-arg]
            assert first == [] and type(first) is list and first is not second
    assert seen >= 10
    a = models.Campaign.model_validate(
        {
            "id": "a",
            "name": "A",
            "start": dt.date(2024, 1, 1),
            "end": dt.date(2024, 2, 1),
        }
    )
    b = models.Campaign.model_validate(
        {
            "id": "b",
            "name": "B",
            "start": dt.date(2024, 1, 1),
            "end": dt.date(2024, 2, 1),
        }
    )
    assert a.aka == [] and a.execution == [] and a.aka is not b.aka
    assert "aka" not in a.model_fields_set


# --- building a model: pydantic's steps, without its plugin lookup when there is no plugin ---


def _python(code: str, *, env: dict[str, str] | None = None) -> str:
    """Run ``code`` in a fresh interpreter (models not built yet); its standard output.
    pydantic's plugin setting is the one ``env`` gives, if any."""
    full = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    full.update(env or {})
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=full,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_model_built_by_campana_is_the_model_pydantic_builds() -> None:
    """What ``modelbuild.build`` leaves on a model class is what pydantic's own
    ``model_rebuild`` leaves (the same schema, validator, serializer, signature...)."""
    out = _python(
        f"""
        import copy
        import inspect
        from pathlib import Path
        from pydantic import ValidationError
        from campana import models, modelbuild
        from campana.reading import parse, read_once

        assert modelbuild.verified()
        data = {{
            "plan": parse(read_once(Path({str(PLAN)!r}), "plan")).data,
            "audience": parse(read_once(Path({str(DATA / "audience.yaml")!r}), "a")).data,
        }}

        def snapshot(cls, data):
            return {{
                "names": sorted(vars(cls)),
                "schema": cls.__pydantic_core_schema__,
                "validator": type(cls.__pydantic_validator__),
                "title": cls.__pydantic_validator__.title,
                "serializer": type(cls.__pydantic_serializer__),
                "signature": str(inspect.signature(cls)),
                "computed": cls.__pydantic_computed_fields__,
                "complete": cls.__pydantic_complete__,
                "json schema": cls.model_json_schema(),
                "dump": cls.model_validate(data).model_dump_json(),
                "errors": errors(cls, broken(data)),
            }}

        def broken(data):
            data = copy.deepcopy(data)
            data["unknown"] = 1
            if "plan" in data:
                data["plan"]["year"] = "dos mil"
                data["campaigns"][1]["execution"][0]["ine_exception"] = "quizá"
                data["campaigns"][2]["start"] = "2024-01-01"
            else:
                data["segments"][0]["count"] = -1
                data["segments"][1]["bound"] = "casi"
            return data

        def errors(cls, data):
            try:
                cls.model_validate(data)
            except ValidationError as exc:
                return exc.errors(include_url=False)
            raise AssertionError("no errors")

        for cls, which in ((models.Plan, "plan"), (models.Audience, "audience")):
            assert not cls.__pydantic_complete__
            assert cls.model_rebuild() is True  # campana's way
            ours = snapshot(cls, data[which])
            super(models.Model, cls).model_rebuild(force=True)  # pydantic's own
            theirs = snapshot(cls, data[which])
            assert ours == theirs, [k for k in ours if ours[k] != theirs[k]]
        print("same")
        """
    )
    assert out.split() == ["same"]


def test_with_no_plugin_nothing_looks_for_them() -> None:
    out = _python(
        f"""
        import sys
        from pathlib import Path
        from campana import modelbuild
        from campana.loading import validate_files

        none = modelbuild.no_plugins()
        found = validate_files([Path({str(PLAN)!r})])
        assert found.plan is not None and found.audience is not None
        print(none, "pydantic.plugin._loader" in sys.modules)
        from pydantic.plugin._loader import get_plugins

        print(bool(list(get_plugins())))
        """
    )
    none, looked, plugins = out.split()
    assert (none, looked) in (("True", "False"), ("False", "True"))
    if none == "True":
        assert plugins == "False"  # pydantic finds none either


def _distribution(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


PLUGIN = """
class Plugin:
    def new_schema_validator(self, schema, schema_type, path, kind, config, settings):
        print("plugin sees", path.name, flush=True)
        return None, None, None


plugin = Plugin()
"""


def test_an_installed_pydantic_plugin_is_used(tmp_path: Path) -> None:
    """A pydantic plugin (an entry point of the group ``pydantic``) sees every model built,
    as pydantic's own lookup would have it."""
    _distribution(tmp_path, "other", "[console_scripts]\nother = other:main\n")
    _distribution(tmp_path, "myplug", "[pydantic]\nmyplug = myplug:plugin\n")
    (tmp_path / "myplug.py").write_text(PLUGIN)
    code = f"""
        from pathlib import Path
        from campana import modelbuild
        from campana.loading import validate_files

        assert not modelbuild.no_plugins()
        found = validate_files([Path({str(PLAN)!r})])
        assert found.plan is not None and found.audience is not None
        """
    out = _python(code, env={"PYTHONPATH": str(tmp_path)})
    assert out.splitlines() == ["plugin sees Plan", "plugin sees Audience"]
    disabled = _python(
        code.replace("assert not", "assert"),
        env={"PYTHONPATH": str(tmp_path), "PYDANTIC_DISABLE_PLUGINS": "__all__"},
    )
    assert disabled == ""


def test_no_plugins_answers_only_what_it_can_tell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib.machinery import PathFinder

    from campana import modelbuild

    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    site = tmp_path / "site"
    _distribution(site, "plain", "[console_scripts]\nplain = plain:main\n")
    _distribution(site, "bare", None)
    (site / "old.egg-info").write_text("Metadata-Version: 1.0\n")  # a file, not a folder
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "missing")])
    monkeypatch.setattr(sys, "meta_path", [PathFinder])
    assert modelbuild._search()
    # what importlib.metadata (pydantic's search) finds on the same path
    import importlib.metadata

    assert not list(importlib.metadata.entry_points(group="pydantic"))

    _distribution(site, "Plug_In", "[pydantic]\nx = plug_in:plugin\n")
    assert not modelbuild._search()
    assert list(importlib.metadata.entry_points(group="pydantic"))
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    assert modelbuild._search()  # pydantic would load none either
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")

    # in doubt, no: an archive, an egg, another finder that lists distributions
    (site / "Plug_In-1.0.dist-info" / "entry_points.txt").unlink()
    assert modelbuild._search()
    archive = tmp_path / "lib.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.setattr(sys, "path", [str(site), str(archive)])
    assert not modelbuild._search()
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "thing.egg")])
    assert not modelbuild._search()

    class Finder:
        def find_distributions(self, *args: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "path", [str(site)])
    monkeypatch.setattr(sys, "meta_path", [Finder(), PathFinder])
    assert not modelbuild._search()


def test_another_pydantic_builds_the_models_itself() -> None:
    """With a pydantic version ``build`` does not follow, pydantic builds every model (and
    looks for plugins) as it always does."""
    out = _python(
        f"""
        import sys
        from pathlib import Path
        from campana import modelbuild

        modelbuild.VERIFIED = ("0.0",)
        from campana.loading import validate_files

        found = validate_files([Path({str(PLAN)!r})])
        assert found.plan is not None and len(found.findings) == 14
        print("pydantic.plugin._loader" in sys.modules)
        """
    )
    assert out.split() == ["True"]
