"""Bad input: a clear Spanish message with its position, the right exit code, no traceback."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import AUDIENCE, PLAN, Invoke
from helpers import edit


def _run(cli: Invoke, path: Path, *extra: str) -> tuple[int, str, str]:
    r = cli("validate", str(path), *extra)
    assert "Traceback" not in r.stderr + r.stdout
    assert "error interno" not in r.stderr
    return r.exit_code, r.stdout, r.stderr


def test_missing_file(cli: Invoke, tmp_path: Path) -> None:
    code, out, _ = _run(cli, tmp_path / "nada.yaml")
    assert code == 2
    assert "nada.yaml:1:1: error: el archivo" in out and "no existe [file-missing]" in out
    assert "sugerencia: revisa la ruta" in out


def test_missing_plan_for_a_query_like_command_goes_to_stderr(cli: Invoke, tmp_path: Path) -> None:
    r = cli("validate", "--plan", str(tmp_path / "nada.yaml"), "--format", "json")
    assert r.exit_code == 2
    [finding] = json.loads(r.stdout)
    assert finding["code"] == "file-missing"


def test_folder(cli: Invoke, tmp_path: Path) -> None:
    code, out, _ = _run(cli, tmp_path)
    assert code == 2
    assert "es una carpeta, no un archivo YAML [file-is-folder]" in out


def test_empty_file(cli: Invoke, tmp_path: Path) -> None:
    empty = tmp_path / "campaigns.yaml"
    empty.write_text("# nada todavía\n", encoding="utf-8")
    code, out, _ = _run(cli, empty)
    assert code == 1
    assert "campaigns.yaml:1:1: error: el archivo está vacío [empty-document]" in out
    assert "plan:, touchpoints: y campaigns:" in out


def test_yaml_syntax_error_has_its_position(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_text("plan:\n  title: [Campañas 2024\n  owner: x\n", encoding="utf-8")
    code, out, _ = _run(cli, bad)
    assert code == 2
    first = out.splitlines()[0]
    assert first.startswith(f"{bad}:3:")
    assert "error de sintaxis YAML" in first and "[yaml-syntax]" in first


def test_tabs_for_indentation(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_text("plan:\n\ttitle: Campañas 2024\n", encoding="utf-8")
    code, out, _ = _run(cli, bad)
    assert code == 2
    assert f"{bad}:2:1: error: se usó un tabulador para sangrar" in out
    assert "[yaml-tab]" in out and "reemplaza los tabuladores por espacios" in out


def test_not_utf8(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_bytes("plan:\n  title: Campañas 2024\n".encode("latin-1"))
    code, out, _ = _run(cli, bad)
    assert code == 2
    assert f"{bad}:2:" in out and "no está en UTF-8 (byte 0xF1 en la línea 2)" in out
    assert "[encoding]" in out


def test_utf16_is_named(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_bytes("plan: {}\n".encode("utf-16"))
    code, out, _ = _run(cli, bad)
    assert code == 2 and "está en UTF-16" in out


def test_bom_is_a_warning(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + plan.read_bytes())
    code, out, _ = _run(cli, plan)
    assert code == 0
    assert f"{plan}:1:1: aviso: el archivo empieza con una marca BOM de UTF-8 [bom]" in out
    # positions of the other findings are unchanged by the BOM
    assert "15 avisos" in out
    assert _run(cli, plan, "--strict")[0] == 1


def test_a_list_instead_of_a_mapping(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_text("- plan: x\n- campaigns: []\n", encoding="utf-8")
    code, out, _ = _run(cli, bad)
    assert code == 1
    assert f"{bad}:1:1: error: el documento es una lista; se esperaba un mapa de claves" in out


def test_duplicate_keys(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    edit(plan, "  year: 2024\n", "  year: 2024\n  year: 2025\n")
    code, out, _ = _run(cli, plan)
    assert code == 1
    assert "error: clave duplicada «year» (ya aparece en la línea 12) [duplicate-key]" in out


def test_python_tags_are_never_executed(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    plan = plan_dir / "campaigns.yaml"
    edit(
        plan,
        "  owner: Subdirección General de Comunicación",
        f'  owner: !!python/object/apply:os.system ["touch {marker}"]',
    )
    code, out, _ = _run(cli, plan)
    assert not marker.exists()
    assert code == 1
    assert "etiqueta YAML no permitida «!!python/object/apply:os.system»" in out


def test_alias_bomb_is_bounded(cli: Invoke, tmp_path: Path) -> None:
    bomb = tmp_path / "campaigns.yaml"
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    lines.append("plan: *a9")
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    code, out, _ = _run(cli, bomb)
    assert time.monotonic() - started < 10
    assert code == 2
    assert "[yaml-alias-bomb]" in out and "bomba de alias" in out


def test_deep_nesting_is_refused(cli: Invoke, tmp_path: Path) -> None:
    deep = tmp_path / "campaigns.yaml"
    deep.write_text("plan: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, out, _ = _run(cli, deep)
    assert code == 2
    assert "[yaml-depth]" in out or "[yaml-syntax]" in out


def test_a_file_of_several_megabytes(cli: Invoke, tmp_path: Path) -> None:
    """A big but sound plan validates in bounded time, with findings, no crash."""
    text = PLAN.read_text(encoding="utf-8")
    head, campaigns = text.split("\ncampaigns:\n")
    block = campaigns.split("\n  - id: atencion\n")[1].split(
        "\n  - id: trabajadores-independientes\n"
    )[0]
    copies = [f"  - id: atencion-{i}\n{block}\n" for i in range(1600)]
    big = tmp_path / "campaigns.yaml"
    big.write_text(head + "\ncampaigns:\n" + "".join(copies), encoding="utf-8")
    (tmp_path / "audience.yaml").write_bytes(AUDIENCE.read_bytes())
    assert big.stat().st_size > 5 * 1024 * 1024
    started = time.monotonic()
    r = cli("validate", str(big), "--format", "json")
    assert time.monotonic() - started < 60
    assert r.exit_code == 0
    findings = json.loads(r.stdout)
    assert len(findings) == 1600 * 7  # each copy keeps atencion's seven warnings


def test_too_large_is_refused(cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import campana.yamlsrc.limits as ys

    monkeypatch.setattr(ys, "MAX_BYTES", 1000)
    code, out, _ = _run(cli, PLAN)
    assert code == 2 and "[file-too-large]" in out


def test_query_style_error_for_an_unusable_plan(cli: Invoke, tmp_path: Path) -> None:
    """Commands that read the plan say why on stderr and exit 2 (open_plan)."""
    from campana.errors import CampanaError
    from campana.loading import open_plan

    bad = tmp_path / "campaigns.yaml"
    bad.write_text("plan:\n  title: x\n", encoding="utf-8")
    with pytest.raises(CampanaError) as info:
        open_plan(bad)
    assert "errores de estructura" in info.value.message
    assert "campana validate" in (info.value.hint or "")


def test_unreadable_files_still_show_the_offending_line(cli: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_text("plan:\n\ttitle: Campañas 2024\n", encoding="utf-8")
    lines = _run(cli, bad)[1].splitlines()
    assert lines[1] == "  2 |  title: Campañas 2024"  # the tab shown as a space
    assert lines[2] == "    | ^"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("plan:\n  title: Campañas 2024\n".encode("latin-1"))
    lines = _run(cli, latin)[1].splitlines()
    assert lines[1] == "  2 |   title: Campa\ufffdas 2024"
