"""The sweep of issue 11's "Done when": every command's output and help, at 80 columns and at
200, with no English from click or typer, no name of the plan broken at a line end or cut short,
and no id where a name belongs.

The commands are discovered from the typer app, so a command added later is swept too; a
command not in SAMPLES runs with no arguments (and ``--today`` when it takes one).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

import pytest

from campana.cli.app import cli as click_command
from campana.dates import fold
from conftest import PLAN, ROOT, Invoke

TODAY = "2024-03-15"

#: click's and typer's English, as a user would meet it
ENGLISH = (
    "Usage",
    "Error",
    "Options",
    "Arguments",
    "Commands",
    "Did you mean",
    "Got unexpected",
    "Missing",
    "Invalid value",
    "No such",
    "Possible options",
    "Try '",
    "Show this message",
    "Show the version",
    "Install completion",
    "Show completion",
    "default:",
    "[required]",
    "env var",
    "Aborted",
    "not supported",
    "is not a valid",
    "is not one of",
    "does not take",
    "requires an argument",
)
_ENGLISH = re.compile("|".join(rf"(?<!\w){re.escape(w)}" for w in ENGLISH))

#: the human-format invocation of each command (beside --today for those that take it)
SAMPLES: dict[str, list[tuple[str, ...]]] = {
    "validate": [()],
    "schema": [()],
    "schedule": [(), ("--month", "marzo"), ("--on", "2024-02-23")],
    "show": [("atencion",), ("trabajadores-independientes",), ("logros-laborales",)],
    "list": [()],
    "audience": [()],
    "diff": [(str(PLAN), str(PLAN))],
    "export": [("ics",)],
    # the edit commands with --dry-run: the sweep never writes the shipped plan
    "ine": [("aprobada", "atencion", "medios-masivos", "--date", "2024-02-20", "--dry-run")],
    "move": [("logros-laborales", "--by", "+7d", "--dry-run")],
    "owner": [("atencion", "Coordinación de Medios", "-t", "digital", "--dry-run")],
    "milestone": [
        ("logros-laborales", "entrega", "--name", "Entrega", "--date", "2024-01-20", "--dry-run")
    ],
    "add": [("touchpoint", "radio-local", "--name", "Radio local", "--dry-run")],
    "remove": [("component", "cambaceo", "--campaign", "atencion", "--dry-run")],
    "edit": [("--editor", "true")],
    "import": [(str(ROOT / "examples" / "cambios.csv"), "--dry-run")],
    # nothing written by the sweep: a simulation, and the blank plan to the screen
    "roll-forward": [("--año", "2025", "--simular")],
    "init": [("--año", "2027", "-o", "-")],
    "add-blackout": [
        (
            "--nombre",
            "Veda (ejemplo)",
            "--inicio",
            "2024-09-02",
            "--fin",
            "2024-09-06",
            "--restringe",
            "digital",
            "--simular",
        )
    ],
}

#: outputs that are data, not read as prose: English and ids are theirs to keep
DATA_OUTPUTS = {"schema", "export", "init"}


@cache
def commands() -> dict[str, tuple[bool, bool]]:
    """Every command of the app: (takes --today, needs an argument)."""
    group = click_command()
    found = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        opts = {o for p in command.params for o in getattr(p, "opts", ())}
        needs = any(p.required and p.param_type_name == "argument" for p in command.params)
        found[name] = ("--today" in opts, needs)
    return found


def _cases(
    check: str, widths: tuple[int, ...] = (80, 200), *, prose_only: bool = False
) -> list[object]:
    """The invocations to sweep; ``prose_only`` leaves out the commands whose output is data."""
    cases = []
    for name, (takes_today, _) in commands().items():
        if prose_only and name in DATA_OUTPUTS:
            continue
        for args in SAMPLES.get(name, [()]):
            full = (name, *args, *(("--today", TODAY) if takes_today else ()))
            for width in widths:
                cases.append(pytest.param(full, width, id=f"{' '.join(full)}@{width}"))
    return cases


def test_the_sweep_knows_every_command() -> None:
    """A command nobody gave a sample still runs (no arguments); one that needs an argument
    must get a sample here, or the sweep would only see its usage error."""
    for name, (_, needs) in commands().items():
        assert not needs or name in SAMPLES, f"add a sample invocation of «{name}» to SAMPLES"


# --- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("command", ["", *commands()])
def test_help_is_spanish_and_whole(cli: Invoke, command: str, width: int) -> None:
    r = cli(*([command] if command else []), "--help", columns=width)
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout.startswith("Uso: campana")
    found = _ENGLISH.findall(r.stdout)
    assert not found, f"English in «campana {command} --help»: {found}"
    for line in r.stdout.splitlines():
        assert line.count("[") == line.count("]"), f"a bracket broken at the line end: {line!r}"
        assert line.count("«") == line.count("»"), f"a quotation broken at the line end: {line!r}"
        assert len(line) <= max(width, 80), f"wider than the terminal: {line!r}"
    assert "añade" not in r.stdout and "sólo" not in r.stdout.lower()


# --- output -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "width"), _cases("english"))
def test_output_has_no_english_from_click(cli: Invoke, args: tuple[str, ...], width: int) -> None:
    r = cli(*args, columns=width)
    assert r.exit_code in (0, 1), r.stderr
    streams = [r.stderr] if args[0] in DATA_OUTPUTS else [r.stdout, r.stderr]
    for text in streams:
        found = _ENGLISH.findall(text)
        assert not found, f"English in «campana {' '.join(args)}»: {found}"


@cache
def _plan_names() -> tuple[list[str], list[str]]:
    """The plan's names of two words or more (to see broken), and its ids that would only
    appear as ids: with a hyphen, or a name's word without its accent (atencion, credito)."""
    from campana.loading import open_plan

    loaded = open_plan(PLAN)
    plan = loaded.plan
    names = [c.name for c in plan.campaigns] + [t.name for t in plan.touchpoints]
    ids = [c.id for c in plan.campaigns] + [t.id for t in plan.touchpoints]
    if loaded.audience is not None:
        names += [s.name for s in loaded.audience.segments]
        ids += [s.id for s in loaded.audience.segments]
    text_words = {w for n in names + [a for c in plan.campaigns for a in c.aka] for w in n.split()}
    idlike = [
        i for i in ids if "-" in i or any(fold(w) == i and w.lower() != i for w in text_words)
    ]
    return [n for n in names if " " in n], sorted(set(idlike))


@pytest.mark.parametrize(("args", "width"), _cases("names", prose_only=True))
def test_no_name_is_broken_at_a_line_end(cli: Invoke, args: tuple[str, ...], width: int) -> None:
    r = cli(*args, columns=width)
    lines = r.stdout.splitlines()
    flat = re.sub(r"[\s│|┃]+", " ", r.stdout)
    names, _ = _plan_names()
    for name in names:
        if name in flat:
            assert any(name in line for line in lines), f"«{name}» broken over two lines"
        # a name wrapped inside a table cell: its first words end a cell, the rest of it starts
        # the next line (the columns between them)
        words = name.split()
        for k in range(1, len(words)):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            for a, b in pairwise(lines):
                if name not in a and re.search(re.escape(head) + r"(?: {2,}|\s*$)", a):
                    assert not b.strip().startswith(tail), f"«{name}» wrapped in a cell:\n{a}\n{b}"
        # a name cut short with an ellipsis: its first 12 letters or more, then "…"
        for m in re.finditer(r"(\S[^│\n]{10,}?)…", r.stdout):
            cut = m.group(1).strip()
            assert not (name.startswith(cut) and cut != name), f"«{name}» cut: «{cut}…»"


@pytest.mark.parametrize(("args", "width"), _cases("ids", widths=(80,), prose_only=True))
def test_no_id_where_a_name_belongs(cli: Invoke, args: tuple[str, ...], width: int) -> None:
    r = cli(*args, columns=width)
    _, ids = _plan_names()
    for line in r.stdout.splitlines():
        if re.search(r"(?<!\w)ids?(?!\w)", line):  # a line that labels its id
            continue
        for ident in ids:
            assert not re.search(rf"(?<![\w/.-]){re.escape(ident)}(?![\w-])", line), (
                f"id «{ident}» where a name belongs: {line!r}"
            )
