"""Issue 17, «Spanish and 80 columns»: the words people read are Spanish. A finding's hint
says what to do, never which YAML key to type; diff names fields in Spanish; the JSON Schema's
titles (what an editor shows beside a key) are Spanish."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pydantic
import pytest

from campana import models
from campana.schema import schema_json
from campana.vocab import FIELD_TITLES, MODEL_FIELDS, MODEL_TITLES
from conftest import Invoke

TODAY = "2024-03-15"

#: the plan's keys as they are written in the YAML: no message or hint should name them
YAML_KEYS = re.compile(
    r"\b(start|end|ine_exception|touchpoints|adds_to|period_text|breakdowns|segments|restricts)\b"
)

MODELS = [
    c
    for _, c in inspect.getmembers(models, inspect.isclass)
    if issubclass(c, pydantic.BaseModel)
    and c.__module__ == "campana.models"
    and c is not models.Model
]


def _edit(plan_dir: Path, old: str, new: str, name: str = "campaigns.yaml") -> None:
    path = plan_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _findings(cli: Invoke, plan_dir: Path) -> list[dict[str, str]]:
    r = cli("validate", "--format", "json", "--plan", str(plan_dir / "campaigns.yaml"))
    found: list[dict[str, str]] = json.loads(r.stdout)
    return found


def _said(finding: dict[str, str]) -> str:
    return f"{finding['message']} {finding.get('hint') or ''}"


@pytest.mark.parametrize(
    ("old", "new", "code", "wanted"),
    [
        # a pending exception: what to do when the INE answers
        (None, None, "blackout-pending", "registra la respuesta con «campana ine aprobada"),
        (
            "ine_exception: pending",
            "ine_exception: denied",
            "blackout-conflict",
            "solicita la excepción al INE y regístrala con «campana ine pendiente",
        ),
        (
            "    start: 2024-01-15\n    end: 2024-02-29",
            "    start: 2024-02-29\n    end: 2024-01-15",
            "end-before-start",
            "revisa si se intercambiaron el inicio y el fin",
        ),
        (
            "        end: 2024-07-14\n        period_text: entre el 22",
            "        period_text: entre el 22",
            "missing-field",
            "tiene fecha de inicio pero le falta la de fin",
        ),
        (
            "period_text: entre el 22 de enero",
            "period_text: entre el 23 de enero",
            "period-text",
            "las fechas de inicio y fin dicen",
        ),
    ],
)
def test_a_finding_says_what_to_do_not_which_key(
    cli: Invoke, plan_dir: Path, old: str | None, new: str | None, code: str, wanted: str
) -> None:
    if old is not None and new is not None:
        _edit(plan_dir, old, new)
    found = [f for f in _findings(cli, plan_dir) if f["code"] == code]
    assert found, code
    assert any(wanted in _said(f) for f in found), [_said(f) for f in found]
    for f in found:
        assert not YAML_KEYS.search(_said(f)), _said(f)


def test_no_finding_of_the_shipped_plan_names_a_key(cli: Invoke, plan_dir: Path) -> None:
    found = _findings(cli, plan_dir)
    assert len(found) > 3
    assert [_said(f) for f in found if YAML_KEYS.search(_said(f))] == []


def test_show_titles_the_findings_in_spanish(cli: Invoke) -> None:
    r = cli("show", "atencion", "--today", TODAY)
    assert "Hallazgos de la validación (" in r.stdout
    assert "validate" not in r.stdout


def test_diff_names_every_field_in_spanish(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    old.mkdir()
    for name in ("campaigns.yaml", "audience.yaml"):
        (old / name).write_bytes((plan_dir / name).read_bytes())
    _edit(plan_dir, "adds_to: derechohabientes", "adds_to: con-credito-activo", "audience.yaml")
    r = cli("diff", str(old / "campaigns.yaml"), str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 1
    assert "~ segmento al que se suma:" in r.stdout
    assert "adds_to" not in r.stdout


def test_every_model_field_has_spanish_words() -> None:
    """diff's word for a field, and the JSON Schema's title of it."""
    for model in MODELS:
        assert model.__name__ in MODEL_TITLES, model.__name__
        for field in model.model_fields:
            assert field in MODEL_FIELDS, f"{model.__name__}.{field}"
            assert field in FIELD_TITLES, f"{model.__name__}.{field}"


@pytest.mark.parametrize("which", ["plan", "audience"])
def test_schema_titles_are_spanish(which: str) -> None:
    titles: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("title"), str):
                titles.append(node["title"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(schema_json(which)))  # type: ignore[arg-type]
    assert len(titles) > 10
    spanish = {*FIELD_TITLES.values(), *MODEL_TITLES.values()}
    english = [t for t in titles[1:] if t not in spanish]
    assert english == []
    assert not {"Name", "Start", "End", "Id", "Campaign"} & set(titles)
