"""Issue 11's CLI mechanics (and two items of issue 12): Spanish usage errors, one set of
options, one resolver and suggestion helper, completion, the plan in use, control characters."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from campana.cli import i18n
from conftest import AUDIENCE, PLAN, ROOT, Invoke

TODAY = "2024-03-15"

#: English a user must never read (click's and typer's wording)
ENGLISH = (
    "Usage",
    "Error",
    "Did you mean",
    "Got unexpected",
    "Missing",
    "Invalid value",
    "No such",
    "Possible options",
    "Try ",
    "requires",
    "does not take",
    "not supported",
    "is not",
)


def _spanish(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, f"English «{word}» in: {text!r}"


# --- 1. every message Spanish ---------------------------------------------------------------


@pytest.mark.parametrize("message", i18n.CATALOGUE)
def test_every_click_and_typer_message_has_its_spanish(message: str) -> None:
    translated = i18n.usage_error(message)
    assert translated != message
    _spanish(translated)


@pytest.mark.parametrize(
    ("args", "expected", "hint"),
    [
        (("shedule",), "error: no existe el comando «shedule»", "¿quisiste decir «schedule»?"),
        (
            ("show", "atencion", "credito"),
            "error: sobran argumentos: credito",
            "entre comillas",
        ),
        (
            ("validate", "--formt", "json"),
            "error: no existe la opción --formt",
            "¿quisiste decir --format? opciones de este comando: --strict, --format,",
        ),
        (
            ("schedule", "extra"),
            "error: sobran argumentos: extra",
            "«campana schedule» no lleva argumentos",
        ),
        (
            ("validate", "--strict=1"),
            "error: la opción «--strict» no lleva valor",
            "escribe solo --strict, sin valor",
        ),
        (("show",), "error: falta el argumento «ID»", ""),
        (("schedule", "--year"), "error: la opción «--year» necesita un valor", ""),
    ],
)
def test_usage_errors_are_spanish(
    cli: Invoke, args: tuple[str, ...], expected: str, hint: str
) -> None:
    r = cli(*args)
    assert r.exit_code == 2 and r.stdout == ""
    assert expected in r.stderr
    assert hint in " ".join(r.stderr.split())  # a long hint folds at the terminal's width
    assert all(len(line) <= 80 for line in r.stderr.splitlines()[2:])
    _spanish(r.stderr)


def test_a_missing_value_points_to_the_command_s_help(cli: Invoke) -> None:
    r = cli("schedule", "--month")
    assert r.exit_code == 2
    assert "la opción «--month» necesita un valor" in r.stderr
    assert "prueba «campana schedule --help»" in r.stderr


def test_an_unwritable_output_says_why_in_spanish(cli: Invoke, tmp_path: Path) -> None:
    for option in ("--save", "-o"):
        target = tmp_path / "no" / "such" / "x.svg"
        r = cli("schedule", "--today", TODAY, option, str(target))
        assert r.exit_code == 2, r.stderr
        assert "no existe el archivo o la carpeta" in r.stderr
        _spanish(r.stderr)


# --- 2. values of a fixed list in the YAML ------------------------------------------------------


def test_a_value_outside_a_list_is_worded_in_spanish(cli: Invoke, plan_dir: Path) -> None:
    plan = plan_dir / "campaigns.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("ine_exception: pending", "ine_exception: denegada", 1))
    r = cli("validate", "--plan", str(plan))
    assert r.exit_code == 1
    assert (
        "«denegada» no es un valor válido; se admite uno de: pending, approved, denied, "
        "pendiente, aprobada o negada" in r.stdout
    )
    assert "¿quisiste decir «negada»?" in r.stdout
    assert "'pending'" not in r.stdout and " or " not in r.stdout


# --- 3. es-MX ---------------------------------------------------------------------------------


def test_diff_help_says_the_plan_on_disk(cli: Invoke) -> None:
    r = cli("diff", "--help", columns=200)
    assert "plan en el disco" in r.stdout
    assert "plan de trabajo" not in r.stdout


# --- 4. help ----------------------------------------------------------------------------------


def test_bare_campana_prints_the_help_once_to_stdout(cli: Invoke) -> None:
    r = cli()
    assert r.exit_code == 0
    assert r.stderr == ""
    assert r.stdout.count("Uso: campana") == 1
    assert "error" not in r.stdout


def test_schema_usage_has_one_pair_of_brackets(cli: Invoke) -> None:
    r = cli("schema", "--help")
    assert "Uso: campana schema [OPCIONES] [plan|audience]" in r.stdout
    assert "[[" not in r.stdout


@pytest.mark.parametrize("command", ["validate", "diff", "schedule", "export"])
def test_help_never_breaks_inside_brackets(cli: Invoke, command: str) -> None:
    r = cli(command, "--help", columns=80)
    for line in r.stdout.splitlines():
        assert line.count("[") == line.count("]"), f"bracket broken: {line!r}"


# --- 5. one set of options --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("schedule", "--month", "marzo"),
        ("show", "atencion"),
        ("list",),
        ("audience",),
        ("validate",),
        ("diff", str(PLAN), str(PLAN)),
    ],
)
def test_text_and_table_are_the_same_human_format(cli: Invoke, args: tuple[str, ...]) -> None:
    extra = () if args[0] in ("validate", "diff") else ("--today", TODAY)
    text = cli(*args, *extra, "--format", "text")
    table = cli(*args, *extra, "--format", "table")
    default = cli(*args, *extra)
    assert text.exit_code == table.exit_code == default.exit_code
    assert text.stdout == table.stdout == default.stdout != ""


@pytest.mark.parametrize(
    "args",
    [
        ("schedule", "--month", "marzo", "--today", TODAY),
        ("schedule", "--format", "json", "--today", TODAY),
        ("show", "atencion", "--today", TODAY),
        ("list", "--format", "csv", "--today", TODAY),
        ("audience", "--format", "markdown", "--today", TODAY),
        ("validate", "--format", "json"),
        ("diff", str(PLAN), str(PLAN), "--format", "markdown"),
    ],
)
def test_output_writes_the_answer_to_a_file(
    cli: Invoke, tmp_path: Path, args: tuple[str, ...]
) -> None:
    # the format follows the extension (issue 20): the file is named for what it holds
    kind = args[args.index("--format") + 1] if "--format" in args else "text"
    suffix = {"text": ".txt", "json": ".json", "csv": ".csv", "markdown": ".md"}[kind]
    target = tmp_path / f"salida{suffix}"
    shown = cli(*args)
    r = cli(*args, "-o", str(target))
    assert r.exit_code == shown.exit_code
    assert r.stdout == ""
    assert r.stderr == f"Guardado en {target}\n"
    assert target.read_text(encoding="utf-8") == shown.stdout


@pytest.mark.parametrize(
    "command",
    [
        ("schedule", "--today", TODAY),
        ("show", "credito", "--today", TODAY),
        ("list", "--today", TODAY),
        ("audience", "--today", TODAY),
        ("validate",),
        ("diff", "HEAD"),
    ],
)
def test_output_never_lands_on_the_plan(
    cli: Invoke, plan_dir: Path, command: tuple[str, ...]
) -> None:
    for name in ("campaigns.yaml", "audience.yaml"):
        target = plan_dir / name
        before = target.read_bytes()
        r = cli(*command, "--plan", str(plan_dir / "campaigns.yaml"), "-o", str(target))
        assert r.exit_code == 2, r.stderr
        assert "campana no escribe sobre él" in r.stderr
        assert target.read_bytes() == before


def test_output_onto_a_folder_is_refused(cli: Invoke, tmp_path: Path) -> None:
    r = cli("list", "--today", TODAY, "-o", str(tmp_path))
    assert r.exit_code == 2
    assert "es una carpeta" in r.stderr


def test_output_as_a_picture(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "p.svg"
    r = cli("schedule", "--today", TODAY, "-o", str(target))
    assert r.exit_code == 0 and r.stdout == ""
    assert target.read_text(encoding="utf-8").lstrip().startswith("<svg")


# --- 6. matching ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("logros laborales", "logros-laborales"),
        ("Logros Laborales", "logros-laborales"),
        ("independientes trab", "trabajadores-independientes"),
        ("responsabilidad compartida", "responsabilidad-compartida"),
        ("credito", "credito"),
    ],
)
def test_show_matches_names_word_by_word(cli: Invoke, typed: str, wanted: str) -> None:
    r = cli("show", typed, "--format", "json", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["id"] == wanted


def test_an_ambiguous_name_lists_the_candidates(cli: Invoke) -> None:
    r = cli("show", "c", "--today", TODAY)
    assert r.exit_code == 2
    assert "puede ser más de una campaña" in r.stderr
    assert "«Crédito» (id credito)" in r.stderr
    assert "(id atencion)" in r.stderr


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("schedule", "--month", "marso"), "¿quisiste decir «marzo»?"),
        (("schedule", "--touchpoint", "radoi"), "¿quisiste decir «Radio y televisión»?"),
        (("show", "credto"), "¿quisiste decir «credito»?"),
        (("list", "--format", "jsno"), "¿quisiste decir «json»?"),
        (("validate", "--format", "tabel"), "¿quisiste decir «text»?"),
    ],
)
def test_every_name_option_suggests(cli: Invoke, args: tuple[str, ...], hint: str) -> None:
    r = cli(*args, "--today", TODAY) if args[0] != "validate" else cli(*args)
    assert r.exit_code == 2
    assert hint in r.stderr


# --- 7. completion ----------------------------------------------------------------------------


def _campana(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("_CAMPANA")}
    return subprocess.run(
        [sys.executable, "-m", "campana", *args],
        env={**base, "COLUMNS": "80", **(env or {})},
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


@pytest.mark.parametrize("spelling", ["bash_source", "source_bash"])
def test_completion_script_through_the_environment(spelling: str) -> None:
    done = _campana(env={"_CAMPANA_COMPLETE": spelling})
    assert done.returncode == 0, done.stderr
    assert "_campana_completion" in done.stdout
    assert "not supported" not in done.stdout + done.stderr


def test_completion_completes_commands() -> None:
    done = _campana(
        env={"_CAMPANA_COMPLETE": "complete_bash", "COMP_WORDS": "campana sch", "COMP_CWORD": "1"}
    )
    assert done.returncode == 0
    assert set(done.stdout.split()) == {"schedule", "schema"}


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("campana show tr", "2", {"trabajadores-independientes"}),
        ("campana schedule -c cr", "3", {"credito"}),
    ],
)
def test_completion_completes_campaign_ids(words: str, cword: str, expected: set[str]) -> None:
    done = _campana(
        env={"_CAMPANA_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
    )
    assert done.returncode == 0
    assert set(done.stdout.split()) == expected


def test_show_and_install_completion(tmp_path: Path) -> None:
    home = {"HOME": str(tmp_path), "SHELL": "/bin/bash"}
    shown = _campana("--show-completion", env=home)
    assert shown.returncode == 0, shown.stderr
    assert "campana" in shown.stdout and "_CAMPANA_COMPLETE" in shown.stdout
    installed = _campana("--install-completion", env=home)
    assert installed.returncode == 0, installed.stderr
    assert "Autocompletado de" in installed.stdout and str(tmp_path) in installed.stdout
    assert any(tmp_path.rglob("*campana*"))


def test_help_offers_completion_in_spanish(cli: Invoke) -> None:
    r = cli("--help")
    assert "--install-completion  Instala el autocompletado" in r.stdout
    assert "--show-completion" in r.stdout
    _spanish(r.stdout)


# --- 8. which plan ----------------------------------------------------------------------------


def test_the_shipped_example_is_named_outside_a_project(tmp_path: Path) -> None:
    done = _campana("validate", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "se usa el plan de ejemplo incluido con campana" in done.stderr
    inside = _campana("validate", cwd=ROOT)
    assert "plan de ejemplo" not in inside.stderr


def test_diff_outside_a_repository_says_so_plainly(tmp_path: Path) -> None:
    done = _campana("diff", "HEAD~1", cwd=tmp_path)
    assert done.returncode == 2
    assert "«HEAD~1» no es un archivo, y aquí no hay revisiones de git" in done.stderr
    assert "no hay un plan de proyecto en un repositorio" in done.stderr
    assert "site-packages" not in done.stderr and str(ROOT) not in done.stderr


# --- 9. control characters --------------------------------------------------------------------

EVIL = "Crédito\x1b]0;PWNED\x07"


@pytest.fixture
def evil_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "evil"
    folder.mkdir()
    text = PLAN.read_text(encoding="utf-8")
    assert "    name: Crédito\n" in text
    text = text.replace("    name: Crédito\n", '    name: "Crédito\\e]0;PWNED\\a"\n', 1)
    (folder / "campaigns.yaml").write_text(text, encoding="utf-8")
    shutil.copy(AUDIENCE, folder / "audience.yaml")
    return folder / "campaigns.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("show", "credito"),
        ("schedule",),
        ("schedule", "--campaign", "credito", "--month", "octubre"),
        ("audience",),
        ("show", "credito", "--format", "markdown"),
        ("show", "nada"),
    ],
)
@pytest.mark.parametrize("color", [False, True])
def test_control_characters_never_reach_the_terminal(
    cli: Invoke, evil_plan: Path, args: tuple[str, ...], color: bool
) -> None:
    env = {"FORCE_COLOR": "1"} if color else {}
    r = cli(*args, "--plan", str(evil_plan), "--today", TODAY, env=env)
    for stream in (r.stdout, r.stderr):
        assert "\x07" not in stream and "\x1b]" not in stream
    if args[:2] == ("show", "credito") and len(args) == 2:
        assert "Crédito^[]0;PWNED" in r.stdout  # shown, harmless (rich drops the BEL itself)


@pytest.mark.parametrize("option", ["--save", "-o"])
def test_a_saved_text_view_is_as_safe(
    cli: Invoke, evil_plan: Path, tmp_path: Path, option: str
) -> None:
    target = tmp_path / "vista.txt"
    r = cli("show", "credito", "--plan", str(evil_plan), "--today", TODAY, "-o", str(target))
    if option == "--save":
        r = cli("schedule", "--plan", str(evil_plan), "--today", TODAY, "--save", str(target))
    assert r.exit_code == 0, r.stderr
    saved = target.read_text(encoding="utf-8")
    assert "PWNED" in saved and "\x1b" not in saved and "\x07" not in saved


def test_json_keeps_the_exact_value(cli: Invoke, evil_plan: Path) -> None:
    r = cli("show", "credito", "--format", "json", "--plan", str(evil_plan), "--today", TODAY)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["name"] == EVIL


def test_safe_keeps_only_campana_s_own_colour() -> None:
    from campana.render.term import safe

    assert safe("a\x1b[1mb\x1b[0m\x07") == "a^[[1mb^[[0m^G"
    assert safe("a\x1b[1mb\x1b[0m\x1b]0;x\x07", keep_color=True) == "a\x1b[1mb\x1b[0m^[]0;x^G"
    assert safe("tab\tand\nline\x9b") == "tab\tand\nline<U+009B>"
