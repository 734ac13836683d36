"""`campana --help` and `campana --version` answer without importing the heavy libraries, and
plain options are read without pydantic (campana.cli.fastparams)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Invoke

HEAVY = (
    "pydantic",
    "ruamel.yaml",
    "rich",
    "dateutil.parser",
    "icalendar",
    # export xlsx|pptx|pdf and import: only the commands that write or read those files
    "xlsxwriter",
    "pptx",
    "fpdf",
    "python_calamine",
    "openpyxl",
)

PROBE = """
import sys
sys.argv = ["campana", *{args!r}]
from campana.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stderr.write("EXIT %s\\n" % code)
sys.stderr.write("LOADED " + " ".join(sorted(m for m in {heavy!r} if m in sys.modules)) + "\\n")
"""


def _probe(*args: str) -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CAMPANA_PLAN", "NO_COLOR")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args), heavy=HEAVY)],
        env={**env, "COLUMNS": "80"},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout, done.stderr


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-V"], ["-h"], []])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    stdout, stderr = _probe(*args)
    lines = stderr.splitlines()
    assert "LOADED " in lines, f"heavy modules imported: {lines[-1]}"
    if args and args[0] in ("--version", "-V"):
        assert stdout == f"campana {_version()}\n"
        assert "EXIT 0" in lines
    else:
        assert "Uso: campana [OPCIONES] COMANDO [ARGS]..." in stdout + stderr
        assert "validate" in stdout + stderr


def test_the_probe_sees_heavy_imports() -> None:
    """The same probe on a command that validates does see pydantic and ruamel."""
    _, stderr = _probe("validate", "--format", "json")
    loaded = stderr.splitlines()[-1].split()[1:]
    assert "pydantic" in loaded and "ruamel.yaml" in loaded


OFFICE = ("xlsxwriter", "pptx", "fpdf", "python_calamine", "openpyxl")


@pytest.mark.parametrize(
    "args",
    [
        ["schedule", "--today", "2024-03-15"],
        ["validate"],
        ["export", "html", "--today", "2024-03-15"],
        ["import", "--help"],
    ],
)
def test_everyday_commands_import_no_office_library(args: list[str]) -> None:
    _, stderr = _probe(*args)
    loaded = stderr.splitlines()[-1].split()[1:]
    assert not set(loaded) & set(OFFICE), loaded


@pytest.mark.parametrize(("fmt", "library"), [("xlsx", "xlsxwriter"), ("pdf", "fpdf")])
def test_the_probe_sees_the_office_libraries(fmt: str, library: str, tmp_path: Path) -> None:
    _, stderr = _probe("export", fmt, "--today", "2024-03-15", "-o", str(tmp_path / f"x.{fmt}"))
    assert library in stderr.splitlines()[-1].split()[1:]


def _version() -> str:
    from campana import __version__

    return __version__


def test_plain_options_are_read_without_typer_s_pydantic_layer() -> None:
    from pathlib import Path

    from typer import _coercion

    from campana.cli import app  # noqa: F401  (installs the converter)
    from campana.cli.fastparams import _converter

    assert getattr(_coercion.build_runtime_param, "campana_fast", False)

    def bad(message: str) -> Exception:
        return ValueError(message)

    to_int = _converter(int | None, bad)
    assert to_int is not None and to_int(" 2024 ") == 2024
    # Spanish from the start (issue 10), not English for i18n to translate
    with pytest.raises(ValueError, match="«abc» no es un número entero"):
        to_int("abc")
    to_paths = _converter(list[Path] | None, bad)
    assert to_paths is not None and to_paths(("a.yaml", "b.yaml")) == [
        Path("a.yaml"),
        Path("b.yaml"),
    ]
    to_bool = _converter(bool, bad)
    assert to_bool is not None and to_bool("yes") is True and to_bool(False) is False
    assert _converter(dict[str, int], bad) is None  # anything else stays with typer


def test_a_bad_number_is_a_usage_error(cli: Invoke) -> None:
    result = cli("schedule", "--year", "abc", "--today", "2024-03-15")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "valor no válido para «--year / -y»: «abc» no es un número entero" in result.stderr
    assert "is not a valid" not in result.stderr
    assert "sugerencia: prueba «campana schedule --help»" in result.stderr


def test_options_reach_the_commands_as_before(cli: Invoke) -> None:
    """Lists, paths and numbers arrive converted: the same answers as typer's own coercion."""
    two = cli(
        "schedule",
        "-c",
        "atencion",
        "-c",
        "credito",
        "-y",
        "2024",
        "-f",
        "json",
        "--today",
        "2024-03-15",
    )
    assert two.exit_code == 0
    assert '"atencion"' in two.stdout and '"credito"' in two.stdout
    assert '"trabajadores-independientes"' not in two.stdout


#: what `campana --help` may import of campana itself: the CLI layer and the error class
HELP_MODULES = {
    "campana",
    "campana.__main__",
    "campana.cli",
    "campana.cli.app",
    "campana.cli.base",
    "campana.cli.common",
    "campana.cli.fastparams",
    "campana.cli.i18n",
    "campana.cli.validate_cmd",
    "campana.cli.query_cmd",
    "campana.cli.agenda_cmd",
    "campana.cli.diff_cmd",
    "campana.cli.export_cmd",
    "campana.cli.nextyear_cmd",
    "campana.cli.edit_cmd",
    "campana.cli.import_cmd",
    "campana.errors",
}


def _imported_by_help() -> set[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "campana", "--help"],
        env={**env, "COLUMNS": "80"},
        capture_output=True,
        text=True,
        check=True,
    )
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name == "campana" or name.startswith("campana."):
                names.add(name)
    return names


def test_help_imports_no_core_module_it_does_not_need() -> None:
    imported = _imported_by_help()
    assert "campana.cli.app" in imported, f"importtime output not understood: {imported}"
    assert imported <= HELP_MODULES, f"--help imports {sorted(imported - HELP_MODULES)}"


def test_a_load_leaves_the_collector_as_it_found_it() -> None:
    """gc_paused pauses the cyclic collector and, on resuming, moves what was allocated to the
    oldest generation at once; it never thaws objects the program froze itself."""
    import gc

    from campana.yamlsrc import gc_paused

    assert gc.isenabled()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with gc_paused():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    with gc_paused():
        kept = [[i] for i in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(kept[0]) in oldest and id(kept[-1]) in oldest  # not left to the young ones


def test_only_the_command_that_runs_is_built() -> None:
    """typer converts every command's parameters when it builds the group: «campana schedule»
    builds schedule alone, and anything that needs the list of commands gets them all."""
    from campana.cli.app import cli
    from campana.cli.base import HELP_ORDER

    assert list(cli(["schedule", "--month", "marzo"]).commands) == ["schedule"]  # type: ignore[attr-defined]
    assert set(cli([]).commands) == set(HELP_ORDER)  # type: ignore[attr-defined]
    assert set(cli(["shedule"]).commands) == set(HELP_ORDER)  # type: ignore[attr-defined]
    assert set(cli(["--help"]).commands) == set(HELP_ORDER)  # type: ignore[attr-defined]
    # and the app keeps every command for the next caller
    assert set(cli(["veda"]).commands) == {"veda"}  # type: ignore[attr-defined]
    assert set(cli([]).commands) == set(HELP_ORDER)  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_a_warm_picture_export_imports_no_network_mail_or_calendar_code(
    fmt: str, tmp_path: object
) -> None:
    """xml.sax.saxutils (urllib, http, email: 17 ms) and icalendar cost every export svg/html;
    with a warm cache neither they nor pydantic's models are imported."""
    from conftest import PLAN

    argv = ["campana", "export", fmt, "--plan", str(PLAN), "--today", "2024-03-15"]
    probe = (
        "import sys\n"
        "from campana.cli import main\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('LOADED ' + ' '.join(sorted(m for m in sys.modules if m in "
        "('urllib.request', 'http.client', 'email.parser', 'icalendar', 'pydantic.main'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CAMPANA_PLAN"}
    env["CAMPANA_CACHE_DIR"] = str(tmp_path)
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
        )
    assert done.stderr.splitlines()[-1] == "LOADED ", done.stderr[-300:]


REST_DAY_PROBE = (
    "import sys\n"
    "from campana.cli import main\n"
    "sys.argv = {argv!r}\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "sys.stderr.write('LOADED ' + ' '.join(sorted(m for m in sys.modules if m in "
    "('importlib.metadata', 'holidays', 'email', 'zipfile'))))\n"
)


@pytest.mark.parametrize("command", [["validate"], ["schedule", "--month", "marzo"]])
def test_a_warm_rest_day_memo_imports_neither_holidays_nor_importlib_metadata(
    command: list[str], plan_dir: Path, tmp_path: Path
) -> None:
    """The rest-day memo is named by holidays' version, read from its dist-info as text:
    importlib.metadata (with email, zipfile, csv: about 14 ms) and holidays (about 20 ms) are
    imported by the run that fills the memo, never by the next one."""
    plan = plan_dir / "campaigns.yaml"
    text = plan.read_text(encoding="utf-8")
    # a campaign that starts on a rest day (5 February 2024), so validate asks for rest days
    old = "    start: 2024-01-15\n    end: 2024-02-29\n"
    assert old in text
    plan.write_text(text.replace(old, "    start: 2024-02-05\n    end: 2024-02-29\n", 1))
    argv = ["campana", *command, "--plan", str(plan), "--today", "2024-03-15"]
    if command == ["validate"]:
        argv = ["campana", "validate", str(plan)]
    env = {k: v for k, v in os.environ.items() if k not in ("CAMPANA_PLAN", "CAMPANA_NO_CACHE")}
    env["CAMPANA_CACHE_DIR"] = str(tmp_path / "cache")
    probe = REST_DAY_PROBE.format(argv=argv)
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
        ).stderr
        for _ in range(2)
    ]
    assert list((tmp_path / "cache").glob("restdays-mx-*.json")), runs[0][-300:]
    assert "holidays" in runs[0].splitlines()[-1].split(), runs[0][-300:]  # the probe sees it
    assert runs[1].splitlines()[-1] == "LOADED ", runs[1][-300:]


def test_schedule_imports_only_the_queries_it_asks(tmp_path: Path) -> None:
    """campana.queries imports a submodule on first use of one of its names: schedule needs
    neither brief, audience nor campaigns (their dataclasses cost about 15 ms to make)."""
    from conftest import PLAN

    argv = ["campana", "schedule", "--month", "marzo", "--plan", str(PLAN), "--today", "2024-03-15"]
    probe = (
        "import sys\n"
        "from campana.cli import main\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('LOADED ' + ' '.join(sorted(m for m in sys.modules "
        "if m.startswith('campana.queries'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CAMPANA_PLAN"}
    env["CAMPANA_CACHE_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert "Programación de marzo 2024" in done.stdout
    loaded = done.stderr.splitlines()[-1].split()[1:]
    assert loaded == ["campana.queries", "campana.queries.common", "campana.queries.schedule"]


def test_the_queries_package_keeps_its_functions_beside_their_submodules() -> None:
    """``schedule`` and ``brief`` are both a submodule and a function: the package's attribute
    stays the function whichever is imported first, and every public name resolves."""
    import importlib

    import campana.queries.brief
    import campana.queries.schedule  # noqa: F401  (the submodule named like the function)
    from campana import queries

    assert callable(queries.schedule) and queries.schedule.__module__ == "campana.queries.schedule"
    assert callable(queries.brief) and queries.brief.__module__ == "campana.queries.brief"
    for name in queries.__all__:
        assert getattr(queries, name) is getattr(
            importlib.import_module(f"campana.queries.{queries._OWNER[name]}"), name
        )
    with pytest.raises(AttributeError):
        queries.nothing_of_the_kind  # noqa: B018
