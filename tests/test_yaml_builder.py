"""The event builder over either parser: YAML 1.2 as ruamel.yaml reads and writes it, every tag
refused, the depth limit everywhere, and positions as editors count lines."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campana.yamlsrc import UnreadableFile, YamlDoc, load
from campana.yamlsrc.positions import split_lines
from conftest import PLAN, Invoke
from helpers import edit


def _load(tmp_path: Path, text: str) -> YamlDoc:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path, "f.yaml")


def _refusal(tmp_path: Path, text: str) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as info:
        _load(tmp_path, text)
    return info.value


def test_yaml_1_2_flow_scalars_that_libyaml_refuses(tmp_path: Path) -> None:
    doc = _load(
        tmp_path,
        "- {text: https://infonavit.org.mx, kind: url}\n"
        "- {text: ¿Eres trabajador independiente?, kind: headline}\n"
        "- [Horario 10:30 a 18:00, mailto:a@b.mx]\n"
        "- {when: 2024-03-01, n: 12, ok: true}\n",
    )
    assert doc.data == [
        {"text": "https://infonavit.org.mx", "kind": "url"},
        {"text": "¿Eres trabajador independiente?", "kind": "headline"},
        ["Horario 10:30 a 18:00", "mailto:a@b.mx"],
        {"when": __import__("datetime").date(2024, 3, 1), "n": 12, "ok": True},
    ]
    assert doc.findings == []
    assert doc.position((1, "kind")) == (2, doc.line_text(2).index("headline") + 1, 8)
    assert doc.position((2, 1)) == (3, doc.line_text(3).index("mailto") + 1, 13)


def test_line_and_paragraph_separators_do_not_shift_lines(tmp_path: Path) -> None:
    """libyaml counts U+2028/U+2029/U+0085 as line breaks; editors and git do not."""
    doc = _load(tmp_path, 'a: x\u2028y\nb: "p\u2029q"\nc: 1\nc: 2\n')
    assert doc.data == {"a": "x\u2028y", "b": "p\u2029q", "c": 1}
    assert doc.position(("b",)) == (2, 4, 5)
    assert [(f.line, f.column, f.code) for f in doc.findings] == [(4, 1, "duplicate-key")]
    assert doc.line_text(3) == "c: 1"


def test_an_anchor_name_with_a_colon(tmp_path: Path) -> None:
    doc = _load(tmp_path, "key: &an:chor value\nother: *an:chor\n")
    assert doc.data == {"key": "value", "other": "value"}


@pytest.mark.parametrize(
    "text", ["a: [x, :y]\n", "a: [derechohabientes, &a :credito]\n", "a: {k: [ :z]}\n"]
)
def test_a_flow_item_starting_with_a_colon_is_text_as_ruamel_reads_it(
    tmp_path: Path, text: str
) -> None:
    """libyaml reads «:y» in a flow list as an empty key with the value «y», silently."""
    from ruamel.yaml import YAML

    assert _load(tmp_path, text).data == YAML(typ="rt").load(text)


@pytest.mark.parametrize(
    "text",
    [
        "plan: !!python/object/apply:os.system\n  title: x\n",
        "plan: !custom\n  title: x\n",
        "plan: !!python/object/apply:os.system {title: x}\n",
        "plan: !x [1, 2]\n",
        "plan: !x\n  - 1\n",
        "plan: !!str 12\n",
        "plan: !!map {title: x}\n",
        "plan: ! 12\n",
        "!custom plan: 1\n",
    ],
)
def test_every_tag_is_reported(tmp_path: Path, text: str) -> None:
    doc = _load(tmp_path, text)
    assert [f.code for f in doc.findings] == ["yaml-tag"]
    finding = doc.findings[0]
    assert finding.severity == "error"
    assert (finding.line, finding.column) == (1, text.index("!") + 1)
    assert "etiqueta YAML no permitida" in finding.message


def test_a_tag_on_a_campaign_fails_validation(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "  - id: atencion\n", "  - !custom\n    id: atencion\n")
    r = cli("validate", str(plan), "--format", "json")
    assert r.exit_code == 1
    codes = [f["code"] for f in json.loads(r.stdout)]
    assert "yaml-tag" in codes


def test_a_python_tag_on_a_mapping_is_never_constructed(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "plan:\n", "plan: !!python/object/apply:os.system\n")
    r = cli("validate", str(plan))
    assert r.exit_code == 1
    assert "campaigns.yaml:" in r.stdout
    assert "«!!python/object/apply:os.system»" in r.stdout


DEEP = 100_000  # a 200 KB file


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: " + "[" * DEEP + "]" * DEEP + "\n",  # a duplicate key's value
        "a:\n  <<: " + "[" * DEEP + "]" * DEEP + "\n",  # a merge value
        "? " + "[" * DEEP + "]" * DEEP + "\n: 1\n",  # a mapping key
        "{" + "[" * DEEP + "]" * DEEP + ": 1}\n",  # a key inside a flow mapping
        "a: " + "{b: " * DEEP + "}" * DEEP + "\n",
        "a: \u2028" + "[" * DEEP + "]" * DEEP + "\n",  # the pure-Python parser
    ],
)
def test_deep_nesting_anywhere_is_refused_fast(tmp_path: Path, text: str) -> None:
    started = time.monotonic()
    error = _refusal(tmp_path, text)
    assert time.monotonic() - started < 3
    assert error.finding.code in ("yaml-depth", "yaml-syntax")


def test_deep_nesting_in_a_key_is_refused_as_depth(tmp_path: Path) -> None:
    error = _refusal(tmp_path, "a: 1\na: " + "[" * 150 + "]" * 150 + "\n")
    assert error.finding.code == "yaml-depth"
    assert (error.finding.line, error.finding.column) == (2, 3 + 101)


def test_an_unclosed_bracket_at_the_end_points_at_the_bracket(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_text("plan:\n  title: [Campañas 2024\n", encoding="utf-8")
    r = cli("validate", str(bad))
    assert r.exit_code == 2
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:2:10: error: error de sintaxis YAML")
    assert lines[1] == "  2 |   title: [Campañas 2024"
    assert lines[2] == "    |          ^"


def test_an_unclosed_quote_at_the_end_points_at_the_quote(tmp_path: Path) -> None:
    error = _refusal(tmp_path, 'plan:\n  title: "Campañas 2024\n\n')
    assert (error.finding.line, error.finding.column) == (2, 10)


def test_the_plan_re_dumped_by_ruamel_validates_identically(cli: Invoke, plan_dir: Path) -> None:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    plan = plan_dir / "campaigns.yaml"
    with plan.open(encoding="utf-8") as f:
        data = yaml.load(f)
    with plan.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    assert plan.read_text(encoding="utf-8") != PLAN.read_text(encoding="utf-8")
    before = cli("validate", str(PLAN), "--format", "json")
    after = cli("validate", str(plan), "--format", "json")
    assert after.exit_code == before.exit_code == 0

    def what(out: str) -> list[tuple[str, str, str]]:
        return sorted((f["severity"], f["code"], f["message"]) for f in json.loads(out))

    assert what(after.stdout) == what(before.stdout)


ODD = [
    "\u2028",
    "\u2029",
    "\x85",
    "\ufeff",
    "\x00",
    "\t",
    "\r",
    "{a: b:c}",
    "[x?y]",
    "&a:b ",
    "!t ",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(ODD) | st.text(max_size=3)),
        min_size=1,
        max_size=4,
    )
)
def test_odd_characters_never_crash_and_positions_stay_in_the_file(
    edits: list[tuple[float, str]], tmp_path_factory: Any
) -> None:
    text = PLAN.read_text(encoding="utf-8")
    for where, piece in edits:
        i = int(where * (len(text) - 1))
        text = text[:i] + piece + text[i:]
    path = tmp_path_factory.mktemp("odd") / "f.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        doc = load(path, "f.yaml")
    except UnreadableFile as exc:
        lines = split_lines(exc.text or "")
        assert 1 <= exc.finding.line <= max(1, len(lines))
        return
    count = len(doc.lines)
    for finding in doc.findings:
        assert 1 <= finding.line <= max(1, count), finding
    for loc in [("plan",), ("plan", "title"), ("campaigns", 0, "id"), ("touchpoints", 1)]:
        line, column, _ = doc.position(loc)
        assert 1 <= line <= max(1, count), loc
        assert column <= len(doc.line_text(line)) + 1, loc


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # cut right after the brace, no newline: libyaml puts both marks past the end
        ("plan:\n  lines:\n    - {", (3, 7)),
        ("plan:\n  lines:\n    - {text: a, kind: [url\n", (3, 23)),
        ("plan:\n  a: [1, {b: '[x'}, 2]\n  c: {d: [\n", (3, 10)),
    ],
)
def test_a_flow_collection_cut_at_the_end_points_at_its_open_bracket(
    tmp_path: Path, text: str, where: tuple[int, int]
) -> None:
    """Found by tests/test_mutations.py: a plan truncated just after «{» was reported one line
    past the end of the file, with no source line."""
    error = _refusal(tmp_path, text)
    assert (error.finding.line, error.finding.column) == where
