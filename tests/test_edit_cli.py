"""The edit commands as a planner meets them: preview, refusals, --dry-run, --yes, editar."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import Invoke

TODAY = ("--today", "2024-02-25")


def plan_of(folder: Path) -> str:
    return str(folder / "campaigns.yaml")


def test_ine_answer_is_recorded_with_date_and_reference(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    r = cli(
        "ine",
        "aprobada",
        "atencion",
        "medios masivos",
        "--date",
        "20 de febrero",
        "--reference",
        "INE/ACRT/12/2024",
        "--plan",
        str(plan),
    )
    assert r.exit_code == 0, r.stderr
    assert "excepción INE: pendiente -> aprobada" in r.stdout
    assert "fecha de la respuesta del INE: (sin valor) -> 20 feb 2024" in r.stdout
    assert "aviso resuelto" in r.stdout
    assert "Guardado en" in r.stderr and "(+3 −1 líneas)" in r.stderr
    text = plan.read_text(encoding="utf-8")
    assert (
        "        ine_exception: approved\n"
        "        ine_answer_date: 2024-02-20\n"
        "        ine_reference: INE/ACRT/12/2024\n"
    ) in text
    shown = cli("show", "atencion", "--plan", str(plan), *TODAY, columns=100)
    assert "respuesta: 20 feb 2024" in shown.stdout and "INE/ACRT/12/2024" in shown.stdout
    veda = cli("veda", "--plan", str(plan), *TODAY, "--format", "json")
    rows = [r for b in json.loads(veda.stdout)["blackouts"] for r in b["rows"]]
    answered = [r for r in rows if r["ine_reference"] == "INE/ACRT/12/2024"]
    assert len(answered) == 1 and answered[0]["ine_answer_date"] == "2024-02-20"


def test_english_status_and_default_date_today(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    r = cli("ine", "approved", "atencion", "digital", "--plan", str(plan), *TODAY)
    assert r.exit_code == 0, r.stderr
    assert "ine_answer_date: 2024-02-25" in plan.read_text(encoding="utf-8")


def test_dry_run_and_json_write_nothing(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    before = plan.read_bytes()
    r = cli("move", "logros", "--by", "+7d", "--dry-run", "--plan", str(plan))
    assert r.exit_code == 0
    assert "inicio: 15 ene -> 22 ene, +7 días" in r.stdout
    assert "simulación: no se escribió nada (+2 −2 líneas)" in r.stderr
    r = cli("move", "logros", "--by", "+7d", "-n", "-f", "json", "--plan", str(plan))
    data = json.loads(r.stdout)
    assert data["written"] is False and data["dry_run"] is True
    assert data["lines"] == {"added": 2, "removed": 2}
    assert {c["field"] for c in data["diff"]["changes"]} >= {"start", "end"}
    assert plan.read_bytes() == before


def test_bulk_edit_needs_yes_outside_a_terminal(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    before = plan.read_bytes()
    r = cli("move", "atencion", "--by", "+1s", "--carry", "--plan", str(plan))
    assert r.exit_code == 2
    assert "confírmalo con --yes" in r.stderr
    assert plan.read_bytes() == before
    r = cli("move", "atencion", "--by", "+1s", "--carry", "--yes", "--plan", str(plan))
    assert r.exit_code == 0, r.stderr
    text = plan.read_text(encoding="utf-8")
    assert "period_text: 1 de marzo a 21 de julio 2024" in text
    assert "period_text: entre el 22 de enero y el 14 de julio 2024" in text  # objective kept


def test_an_edit_adding_an_error_is_refused(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    before = plan.read_bytes()
    r = cli("ine", "negada", "trabajadores", "digital", "--date", "2024-02-21", "--plan", str(plan))
    assert r.exit_code == 1
    assert "Errores que agregaría" in r.stdout and "[blackout-conflict]" in r.stdout
    assert "no se escribió nada" in r.stderr
    assert plan.read_bytes() == before


def test_bad_input_is_named_in_spanish_and_nothing_is_written(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    before = plan.read_bytes()
    cases = [
        (("ine", "aprobada", "atencoin", "digital"), "¿quisiste decir"),
        (("ine", "aprobada", "atencion", "digitl"), "¿quisiste decir «Digital»?"),
        (("ine", "aprobad", "atencion", "digital"), "¿quisiste decir «aprobada»?"),
        (("move", "logros", "--start", "2023-12-01"), "fuera del año del plan (2024)"),
        (("move", "logros", "--end", "2024-01-01"), "antes de empezar"),
        (("move", "logros", "--by", "siete"), "no es un desplazamiento"),
        (("owner", "atencion", "X", "--component", "radoi"), "¿quisiste decir"),
    ]
    for args, words in cases:
        r = cli(*args, "--plan", str(plan), *(TODAY if args[0] == "ine" else ()))
        assert r.exit_code == 2, (args, r.stderr)
        assert words in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr
    assert plan.read_bytes() == before


def test_a_plan_with_errors_is_not_edited(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    broken = plan.read_text(encoding="utf-8").replace("end: 2024-02-29", "end: 2024-01-01", 1)
    plan.write_text(broken, encoding="utf-8")
    r = cli("owner", "atencion", "Medios", "--plan", str(plan))
    assert r.exit_code == 2
    assert "el plan ya tiene errores" in r.stderr
    assert plan.read_text(encoding="utf-8") == broken


def test_owner_and_milestone(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    r = cli("owner", "atencion", "Coordinación de Medios", "-t", "digital", "--plan", str(plan))
    assert r.exit_code == 0, r.stderr
    assert "área responsable: (sin valor) -> «Coordinación de Medios»" in r.stdout
    r = cli(
        "milestone",
        "logros",
        "entrega",
        "--name",
        "Entrega de creatividades",
        "--date",
        "2024-01-10",
        "--kind",
        "creative-delivery",
        "--plan",
        str(plan),
    )
    assert r.exit_code == 0, r.stderr
    assert "    milestones:\n      - id: entrega\n" in plan.read_text(encoding="utf-8")
    r = cli("milestone", "logros", "entrega", "--remove", "--plan", str(plan))
    assert r.exit_code == 0, r.stderr
    assert "entrega" not in plan.read_text(encoding="utf-8")


def test_no_change_writes_nothing(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    before = plan.stat().st_mtime_ns
    r = cli("ine", "pendiente", "atencion", "digital", "--plan", str(plan))
    assert r.exit_code == 0
    assert "sin cambios" in r.stderr
    assert plan.stat().st_mtime_ns == before


# --- campana edit with a fake editor ---------------------------------------------------------


def fake_editor(tmp_path: Path, old: str, new: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        f"p.write_text(p.read_text(encoding='utf-8').replace({old!r}, {new!r}, 1), "
        "encoding='utf-8')\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_edit_with_a_valid_change_writes_it(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    editor = fake_editor(tmp_path, "end: 2024-02-29", "end: 2024-03-07")
    r = cli("edit", "--plan", str(plan), env={"VISUAL": editor})
    assert r.exit_code == 0, r.stderr
    assert "fin: 29 feb -> 7 mar, +7 días" in r.stdout
    assert "end: 2024-03-07" in plan.read_text(encoding="utf-8")


def test_edit_that_breaks_the_plan_is_abandoned(
    cli: Invoke, plan_dir: Path, tmp_path: Path
) -> None:
    plan = plan_dir / "campaigns.yaml"
    before = plan.read_bytes()
    editor = fake_editor(tmp_path, "end: 2024-02-29", "end: 2024-01-01")
    r = cli("edit", "--plan", str(plan), env={"VISUAL": editor})
    assert r.exit_code == 1
    assert "errores nuevos" in r.stderr and "se abandonó la edición" in r.stderr
    assert plan.read_bytes() == before
    editor = fake_editor(tmp_path, "campaigns:\n", "campaigns:\n  - [\n")
    r = cli("edit", "--plan", str(plan), env={"EDITOR": editor, "VISUAL": None})
    assert r.exit_code == 1
    assert plan.read_bytes() == before


def test_edit_without_changes(cli: Invoke, plan_dir: Path) -> None:
    r = cli("edit", "--editor", "true", "--plan", plan_of(plan_dir))
    assert r.exit_code == 0
    assert "sin cambios" in r.stderr


# --- adding and removing things -----------------------------------------------------------


def test_add_and_remove_change_only_their_lines(cli: Invoke, plan_dir: Path) -> None:
    from campana.edit import numstat

    plan = plan_dir / "campaigns.yaml"
    original = plan.read_text(encoding="utf-8")
    steps = [
        (("add", "touchpoint", "radio-local", "--name", "Radio local"), (2, 0)),
        (
            (
                "add",
                "campaign",
                "credito-mujeres",
                "--name",
                "Crédito para mujeres",
                "--start",
                "2024-08-01",
                "--end",
                "2024-10-31",
            ),
            (5, 0),  # the blank line between campaigns included
        ),
        (
            (
                "add",
                "row",
                "radio local",
                "-c",
                "credito-mujeres",
                "--tactic",
                "Spoteo",
                "--start",
                "2024-08-01",
                "--end",
                "2024-09-30",
            ),
            (6, 0),
        ),
        (("remove", "component", "cambaceo", "-c", "atencion"), (0, 6)),
    ]
    for args, counts in steps:
        before = plan.read_text(encoding="utf-8")
        r = cli(*args, "--plan", str(plan))
        assert r.exit_code == 0, (args, r.stderr)
        assert numstat(before, plan.read_text(encoding="utf-8")) == counts, args
    assert cli("validate", "--plan", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    assert "\n\n  - id: credito-mujeres\n    name: Crédito para mujeres\n" in text
    assert text.count("\n") == original.count("\n") + 7


def test_remove_is_refused_while_something_refers_to_it(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    before = plan.read_bytes()
    r = cli("remove", "touchpoint", "digital", "--plan", str(plan))
    assert r.exit_code == 2
    assert "lo usa la veda «Veda electoral federal 2024»" in r.stderr
    assert "el componente «Digital» de «Infonavit, estés en donde estés»" in r.stderr
    r = cli("remove", "row", "digital", "-c", "atencion", "--plan", str(plan))
    assert r.exit_code == 2 and "lo usa el componente «Digital»" in r.stderr
    assert plan.read_bytes() == before


def test_edit_when_the_plan_changed_meanwhile_keeps_the_users_copy(
    cli: Invoke, plan_dir: Path, tmp_path: Path
) -> None:
    plan = plan_dir / "campaigns.yaml"
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text(encoding='utf-8').replace('end: 2024-02-29', "
        "'end: 2024-03-07', 1), encoding='utf-8')\n"
        f"plan = pathlib.Path({str(plan)!r})\n"
        "plan.write_text(plan.read_text(encoding='utf-8') + '# otro cambio\\n', "
        "encoding='utf-8')\n",
        encoding="utf-8",
    )
    r = cli("edit", "--plan", str(plan), "--editor", f"{sys.executable} {script}")
    assert r.exit_code == 2
    assert "cambió en el disco" in r.stderr
    assert plan.read_text(encoding="utf-8").endswith("# otro cambio\n")
    kept = plan_dir / "campaigns.yaml.campana-edit"
    assert "end: 2024-03-07" in kept.read_text(encoding="utf-8")


def test_edit_can_fix_a_plan_that_has_errors(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    """The other edit commands refuse a broken plan; edit is how it gets fixed."""
    plan = plan_dir / "campaigns.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("end: 2024-02-29", "end: 2024-01-01", 1),
        encoding="utf-8",
    )
    assert cli("validate", "--plan", str(plan)).exit_code == 1
    editor = fake_editor(tmp_path, "end: 2024-01-01", "end: 2024-02-29")
    r = cli("edit", "--plan", str(plan), "--editor", editor)
    assert r.exit_code == 0, r.stderr
    assert "error resuelto" in r.stdout
    assert cli("validate", "--plan", str(plan)).exit_code == 0


def test_lists_in_hints_fold_at_the_terminal_width(cli: Invoke, plan_dir: Path) -> None:
    """The names a lookup lists in its hint fold at 80 columns like the rest of the output,
    each name whole, under the hint's first word."""
    plan = plan_of(plan_dir)
    r = cli("move", "atencion", "-t", "radio", "--by", "+1d", "--plan", plan, columns=80)
    assert r.exit_code == 2
    lines = r.stderr.splitlines()
    assert all(len(line) <= 80 for line in lines[1:]), r.stderr
    names = ["Brigadas de promoción y servicio", "Comunicación Social", "Digital", "Medios masivos"]
    hint = [line for line in lines if line.startswith("              ")]
    assert hint and all(any(n in line for line in hint) for n in names)
    flat = " ".join(" ".join(lines).split())
    assert "sugerencia: puntos de contacto de la campaña: " + ", ".join(names) in flat
    r = cli("agrega-veda", "--nombre", "X", "--inicio", "2024-09-02", "--fin", "2024-09-06",
            "--restringe", "radio", "--plan", plan, columns=80)  # fmt: skip
    assert r.exit_code == 2
    assert all(len(line) <= 80 for line in r.stderr.splitlines()), r.stderr
    assert "  sugerencia: puntos de contacto: Medios masivos, Digital, Comunicación Social,\n" in (
        r.stderr
    )
    assert "              Brigadas de promoción y servicio; agrégalo con" in r.stderr
    wide = cli("move", "atencion", "-t", "radio", "--by", "+1d", "--plan", plan, columns=200)
    assert len(wide.stderr.splitlines()) == 2
