"""Issue 17, «Spanish and 80 columns»: every command and option answers to a Spanish name
(one table each in ``cli/base.py``), and a misspelt option or command suggests the closest
name, English or Spanish."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys

import pytest

from campana.cli.app import cli as click_command
from campana.cli.base import ALIASES, HELP_ORDER, OPTION_ALIASES, canonical
from conftest import ROOT, Invoke

TODAY = "2024-03-15"

PAIRS = [(english, spanish[0]) for english, spanish in ALIASES.items() if spanish]


def test_every_command_has_an_entry_in_the_table() -> None:
    """A command added later must say its Spanish name (or that it has none)."""
    group = click_command()
    assert set(group.commands) <= set(ALIASES)  # type: ignore[attr-defined]
    assert {"programa", "muestra", "lista", "valida", "audiencia"} <= {
        s for names in ALIASES.values() for s in names
    }


def test_every_long_option_has_an_entry_in_the_table() -> None:
    group = click_command()
    commands = [group, *group.commands.values()]  # type: ignore[attr-defined]
    missing = set()
    for command in commands:
        for param in command.params:
            english = [o for o in getattr(param, "opts", ()) if o.startswith("--")][:1]
            missing.update(o for o in english if o not in OPTION_ALIASES)
    missing -= {"--install-completion", "--show-completion"}
    assert not missing, f"options without a Spanish entry in OPTION_ALIASES: {missing}"
    for command in commands:  # a Spanish name never takes another option's name
        names = [o for p in command.params for o in getattr(p, "opts", ())]
        assert len(names) == len(set(names)), command.name


@pytest.mark.parametrize(("english", "spanish"), PAIRS)
def test_a_spanish_name_runs_the_command(cli: Invoke, english: str, spanish: str) -> None:
    r = cli(spanish, "--help")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"Uso: campana {spanish} ")
    assert canonical(spanish) == english


@pytest.mark.parametrize(
    ("english", "other"),
    [(e, name) for e, names in ALIASES.items() for name in names[1:]] + [("edit", "editar")],
)
def test_every_other_spanish_name_runs_the_command(cli: Invoke, english: str, other: str) -> None:
    """The spellings beyond the first (``nuevo-ano``; ``editar``, the name issue 18 and
    docs/edit.md use) run the same command."""
    r = cli(other, "--help")
    assert r.exit_code == 0, r.stderr
    assert canonical(other) == english


@pytest.mark.parametrize(
    "args",
    [
        ("lista", "--formato", "json", "--hoy", TODAY),
        ("programa", "--mes", "marzo", "--campaña", "atencion", "--formato", "json"),
        ("programa", "--día", "2024-02-23", "--campana", "credito", "--formato", "csv"),
        ("programa", "--desde", "1 de marzo", "--hasta", "10 de marzo", "--punto", "radio"),
        ("programa", "--mes", "mayo", "--asume-ine", "negada", "--año", "2024"),
        ("agenda", "--días", "7", "--desde", "2024-05-27", "--formato", "json"),
        ("veda", "--asume-ine", "aprobada", "--formato", "csv"),
        ("muestra", "atencion", "--formato", "markdown"),
        ("audiencia", "--formato", "csv"),
        ("valida", "--estricto", "--formato", "json"),
    ],
)
def test_spanish_names_answer_as_the_english_ones(cli: Invoke, args: tuple[str, ...]) -> None:
    english_of = {s: e for e, names in OPTION_ALIASES.items() for s in names}
    english = (canonical(args[0]), *(english_of.get(a, a) for a in args[1:]))
    assert english != args
    spanish, plain = cli(*args), cli(*english)
    assert (spanish.exit_code, spanish.stdout) == (plain.exit_code, plain.stdout)
    assert spanish.stdout.strip(), spanish.stderr
    assert "no existe" not in spanish.stderr


def test_help_lists_each_command_once_with_its_spanish_name(cli: Invoke) -> None:
    r = cli("--help")
    listed = r.stdout.split("Comandos:")[1]
    for english in HELP_ORDER:
        spanish = ALIASES.get(english, ())
        shown = f"  {spanish[0]} ({english})" if spanish else f"  {english} "
        assert listed.count(shown) == 1, shown
        rows = [
            line.split()[0]
            for line in listed.splitlines()
            if line.startswith("  ") and line[2] != " "
        ]
        assert english not in rows or not spanish  # no second row for the English name
    assert "-h, --help, --ayuda" in r.stdout


def test_help_shows_the_first_spanish_name_of_each_option(cli: Invoke) -> None:
    r = cli("schedule", "--help", columns=100)
    assert "-m, --month, --mes MES" in r.stdout
    assert "-c, --campaign, --campaña CAMPAÑA" in r.stdout
    assert "--on, --día FECHA" in r.stdout
    assert "--campana" not in r.stdout and "--dia " not in r.stdout  # accepted, not listed


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("schedule", "--monht", "marzo"), "¿quisiste decir --month?"),
        (("programa", "--mess", "marzo"), "¿quisiste decir --mes?"),
        (("programa", "--campanna", "x"), "¿quisiste decir --campaña?"),
        (("list", "--formto", "json"), "¿quisiste decir --formato?"),
        (("agenda", "--dias", "x", "--hasat", "+3"), "¿quisiste decir --hasta?"),
    ],
)
def test_an_option_typo_suggests_the_closest_name(
    cli: Invoke, args: tuple[str, ...], hint: str
) -> None:
    r = cli(*args)
    assert r.exit_code == 2
    assert f"  sugerencia: {hint} opciones de este comando:" in r.stderr
    # one name per option: never «--format o --formato»
    assert " o --" not in r.stderr


def test_the_options_listed_are_one_name_each(cli: Invoke) -> None:
    r = cli("list", "--zzz")
    assert (
        "opciones de este comando: --format, --output, --working-days, --plan, --today, --help "
        "sugerencia: prueba"
    ) in " ".join(r.stderr.split())  # the list folds at the terminal's width


@pytest.mark.parametrize(("typed", "hint"), [("progrma", "programa"), ("shedule", "schedule")])
def test_a_command_typo_suggests_english_or_spanish(cli: Invoke, typed: str, hint: str) -> None:
    r = cli(typed)
    assert r.exit_code == 2
    assert f"¿quisiste decir «{hint}»?" in r.stderr


def test_a_usage_error_points_to_the_help_of_the_name_typed(cli: Invoke) -> None:
    r = cli("programa", "--year")
    assert "prueba «campana programa --help»" in r.stderr


def test_only_the_command_that_runs_is_built_by_its_spanish_name() -> None:
    assert list(click_command(["programa", "--mes", "marzo"]).commands) == ["schedule"]  # type: ignore[attr-defined]
    assert list(click_command(["lista"]).commands) == ["list"]  # type: ignore[attr-defined]


def _complete(words: str, cword: str) -> set[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("_CAMPANA")}
    done = subprocess.run(
        [sys.executable, "-m", "campana"],
        env={
            **base,
            "_CAMPANA_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": cword,
        },
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    return set(done.stdout.split())


def test_completion_knows_the_spanish_names() -> None:
    assert _complete("campana pro", "1") == {"programa"}
    assert _complete("campana au", "1") == {"audience", "audiencia"}
    assert {"--mes", "--month"} <= _complete("campana programa --m", "2")


def test_json_under_a_spanish_name_is_the_same_data(cli: Invoke) -> None:
    r = cli("lista", "--formato", "json", "--hoy", TODAY)
    assert json.loads(r.stdout)


DOC = ROOT / "docs" / "spanish.md"


def _doc_examples() -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S):
        current: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = []
                found.append((line[2:], current))
            elif current is not None:
                current.append(line)
    return found


@pytest.mark.parametrize("command,shown", _doc_examples(), ids=[c for c, _ in _doc_examples()])
def test_the_reference_examples_are_real(cli: Invoke, command: str, shown: list[str]) -> None:
    """docs/spanish.md: stdout when the command succeeds, stderr when it refuses; «…» stands
    for lines left out."""
    r = cli(*shlex.split(command)[1:], columns=80)
    got = (r.stdout if r.exit_code == 0 else r.stderr).rstrip("\n").split("\n")
    parts = "\n".join(shown).split("…")
    text = "\n".join(got)
    for part in parts:
        assert part.strip("\n") in text
    assert len(_doc_examples()) >= 3


def test_the_reference_lists_every_name() -> None:
    text = DOC.read_text(encoding="utf-8")
    for english, spanish in ALIASES.items():
        assert f"| `{english}` | " + (f"`{spanish[0]}`" if spanish else "(the same)") in text
    for english, names in OPTION_ALIASES.items():
        assert f"`{english}`" in text
        for name in names:
            assert f"`{name}`" in text, name


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("programa", "--mes", "marso"), "error: --mes: «marso» no es un mes"),
        (("schedule", "--month", "marso"), "error: --month: «marso» no es un mes"),
        (("programa", "--dia=3/15/2024"), "error: --dia: la fecha «3/15/2024» no existe"),
        (("lista", "--hoy", "mañanita"), "error: --hoy: «mañanita» no es una fecha"),
        (("programa", "--día", "hoy", "--mes", "marzo"), "error: --día no se combina con --mes"),
    ],
)
def test_a_message_names_the_option_as_typed(cli: Invoke, args: tuple[str, ...], said: str) -> None:
    r = cli(*args)
    assert r.exit_code == 2
    assert r.stderr.startswith(said), r.stderr


def test_the_schema_of_the_audience_by_its_spanish_name(cli: Invoke) -> None:
    spanish, english = cli("esquema", "audiencia"), cli("schema", "audience")
    assert spanish.exit_code == 0 and spanish.stdout == english.stdout
    assert json.loads(spanish.stdout)["title"] == "Audiencia (campana)"
