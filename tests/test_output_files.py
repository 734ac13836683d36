"""``-o FILE``: one way out for every command, and the format follows the extension (issues 17
and 20): the file holds what its name says, or the command refuses before any work."""

from __future__ import annotations

import csv
import io
import json
import shlex
from pathlib import Path

import pytest

from campana.cli.emit import EXTENSIONS
from conftest import PLAN, ROOT, Invoke

TODAY = "2024-03-15"

#: every command that writes data, with the formats its -o takes
QUERIES = [
    ("schedule", "--today", TODAY),
    ("show", "atencion", "--today", TODAY),
    ("list", "--today", TODAY),
    ("audience",),
    ("agenda", "--today", "2024-02-26"),
    ("veda",),
]


def _read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: a[0])
@pytest.mark.parametrize("suffix", [".csv", ".json", ".md", ".txt"])
def test_the_file_holds_the_format_its_extension_names(
    cli: Invoke, tmp_path: Path, args: tuple[str, ...], suffix: str
) -> None:
    target = tmp_path / f"salida{suffix}"
    r = cli(*args, "-o", str(target))
    assert (r.exit_code, r.stdout) == (0, "")
    assert f"Guardado en {target}" in r.stderr
    kind = EXTENSIONS[suffix]
    # the same bytes as the format on stdout (text: the piped view, no colour)
    shown = cli(*args, "--format", kind)
    assert target.read_text(encoding="utf-8") == shown.stdout
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text
    if kind == "csv":
        rows = _read_csv(target)
        assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)
    elif kind == "json":
        json.loads(text)
    elif kind == "markdown":
        assert "\n|" in text or text.startswith(("|", "#", "*"))
    else:  # plain text, never CSV or JSON under .txt
        assert not text.startswith(("{", "\ufeff"))


def test_schedule_to_a_csv_file_writes_csv_not_the_drawing(cli: Invoke, tmp_path: Path) -> None:
    # issue 20: `schedule -o s.csv` wrote the terminal drawing and said «Guardado»
    target = tmp_path / "s.csv"
    r = cli("schedule", "--today", TODAY, "-o", str(target))
    assert r.exit_code == 0 and r.stderr == f"Guardado en {target}\n"
    rows = _read_csv(target)
    assert "Inicio" in rows[0] and "2024-01-22" in {cell for row in rows for cell in row}
    assert "█" not in target.read_text(encoding="utf-8")


#: the commands whose format is their default (no --format given), and export's, named
WRITERS: list[tuple[str, ...]] = [
    *QUERIES,
    ("validate",),
    ("diff", str(PLAN), str(PLAN)),
    ("schema",),
]
EXPORTS: list[tuple[str, ...]] = [("export", "ics"), ("export", "svg")]


def _ids(a: tuple[str, ...]) -> str:
    return "-".join(a[:2]) if a[0] == "export" else a[0]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        *((a, n) for a in WRITERS for n in ("plan.xlsx", "plan.doc", "plan")),
        # export names its format: only an extension of another format is refused
        *((a, "plan.xlsx") for a in EXPORTS),
    ],
    ids=lambda x: x if isinstance(x, str) else _ids(x),
)
def test_an_extension_the_command_cannot_write_is_refused(
    cli: Invoke, tmp_path: Path, args: tuple[str, ...], name: str
) -> None:
    target = tmp_path / name
    r = cli(*args, "-o", str(target))
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.startswith(f"error: -o: campana {args[0]} no escribe archivos ")
    # the hint names what the command writes
    assert "se admite: ." in r.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    "args",
    [
        ("export", "svg", "--today", TODAY),
        ("export", "ics", "--today", TODAY),
        ("schedule", "--format", "json", "--today", TODAY),
        ("diff", str(PLAN), str(PLAN), "--format", "markdown"),
    ],
    ids=lambda a: "-".join(a[:3]),
)
@pytest.mark.parametrize("name", ["out.file", "salida"])
def test_a_format_named_explicitly_writes_a_file_of_unknown_extension(
    cli: Invoke, tmp_path: Path, args: tuple[str, ...], name: str
) -> None:
    # the shared fuzzer runs `export svg -o out.file`: an extension that names no format
    # takes the one the user named (export FORMAT, --format); the same bytes as on stdout
    target = tmp_path / name
    r = cli(*args, "-o", str(target))
    assert (r.exit_code, r.stdout) == (0, "")
    assert f"Guardado en {target}" in r.stderr
    assert target.read_bytes().decode("utf-8") == cli(*args).stdout


def test_without_a_format_an_unknown_extension_is_refused(cli: Invoke, tmp_path: Path) -> None:
    # nothing names the format: the extension must, and the hint says how else to name it
    r = cli("schedule", "-o", str(tmp_path / "x.file"))
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.startswith("error: -o: campana schedule no escribe archivos «.file»")
    flat = " ".join(r.stderr.split())  # the hint folds at the terminal's width
    assert "se admite: .txt, .json, .csv, .md, .svg, .html" in flat
    assert "indica el formato con --format" in flat
    assert not (tmp_path / "x.file").exists()
    # an extension of another known format still disagrees with --format
    r = cli("schedule", "--format", "json", "-o", str(tmp_path / "x.csv"))
    assert r.exit_code == 2 and "no coincide con la extensión" in r.stderr
    assert not (tmp_path / "x.csv").exists()


def test_the_refusal_names_the_formats_of_the_command(cli: Invoke, tmp_path: Path) -> None:
    r = cli("diff", str(PLAN), str(PLAN), "-o", str(tmp_path / "d.csv"))
    assert r.exit_code == 2
    assert "«.csv»" in r.stderr and "se admite: .txt, .json, .md\n" in r.stderr
    r = cli("schedule", "-o", str(tmp_path / "s.pptx"))
    assert " ".join(r.stderr.split()).endswith("se admite: .txt, .json, .csv, .md, .svg, .html")


@pytest.mark.parametrize(
    "args",
    [
        ("schedule", "--format", "csv", "-o", "s.json"),
        ("list", "--format", "json", "-o", "l.md"),
        ("validate", "--format", "json", "-o", "v.txt"),
        ("diff", str(PLAN), str(PLAN), "--format", "markdown", "-o", "d.json"),
        ("export", "svg", "-o", "g.html"),
        ("export", "ics", "-o", "c.svg"),
    ],
)
def test_a_format_that_disagrees_with_the_extension_is_refused(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)
    r = cli(*args)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.startswith("error: ")
    assert list(tmp_path.iterdir()) == []


def test_a_format_that_agrees_with_the_extension_is_fine(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "s.csv"
    r = cli("schedule", "--today", TODAY, "--format", "csv", "-o", str(target))
    assert r.exit_code == 0 and target.exists()
    # validate's annotations are text lines: a .txt holds them
    notes = tmp_path / "v.txt"
    r = cli("validate", "--format", "github", "-o", str(notes))
    assert r.exit_code == 0 and notes.read_text(encoding="utf-8").startswith("::warning ")


def test_a_txt_file_is_the_plain_view(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "marzo.txt"
    r = cli("schedule", "--month", "marzo", "--today", TODAY, "-o", str(target))
    assert r.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Programación de marzo 2024\n")
    assert text == cli("schedule", "--month", "marzo", "--today", TODAY).stdout


@pytest.mark.parametrize("suffix", [".svg", ".html"])
def test_a_picture_of_the_view(cli: Invoke, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"vista{suffix}"
    r = cli("list", "--today", TODAY, "-o", str(target))
    assert r.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg" if suffix == ".svg" else "<!DOCTYPE html>")


def test_schema_writes_its_json_file(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    r = cli("schema", "-o", str(target))
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr == f"Guardado en {target}\n"
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(cli("schema").stdout)


def test_the_table_is_the_one_place_formats_are_added() -> None:
    # a renderer added later (xlsx, pptx, pdf) adds its line here; every command reads it
    assert EXTENSIONS[".csv"] == "csv" and EXTENSIONS[".md"] == "markdown"
    assert set(EXTENSIONS.values()) >= {"text", "csv", "json", "markdown", "svg", "html", "ics"}


def _doc_examples() -> list[tuple[str, list[str]]]:
    """Every ``$ campana …`` example of docs/output.md with the output shown below it."""
    found: list[tuple[str, list[str]]] = []
    lines = (ROOT / "docs" / "output.md").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("$ campana "):
            shown = []
            for below in lines[i + 1 :]:
                if below.startswith(("$ ", "```")):
                    break
                shown.append(below)
            found.append((line[2:], shown))
    return found


def test_the_output_doc_has_examples() -> None:
    assert len(_doc_examples()) >= 2


@pytest.mark.parametrize("command,shown", _doc_examples(), ids=[c for c, _ in _doc_examples()])
def test_every_output_doc_example_prints_what_it_shows(
    cli: Invoke, command: str, shown: list[str]
) -> None:
    r = cli(*shlex.split(command)[1:], columns=80)
    got = r.stdout if r.exit_code == 0 else r.stderr
    # the CSV's byte order mark is invisible on the page (the doc says it is there)
    assert got.removeprefix("\ufeff").rstrip("\n").split("\n") == shown


def test_findings_text_is_written_a_finding_at_a_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate writes its text report chunk by chunk (thousands of findings never sit in
    memory as one text): each chunk reaches stdout, made safe, before the next is rendered;
    the chunks are the whole text, and a file gets them joined."""
    from collections.abc import Iterator

    from campana.cli.emit import emit
    from campana.loading import validate_files
    from campana.render import findings as render

    result = validate_files([PLAN])
    assert len(result.all_findings) >= 2
    args = (result.all_findings, result.files, result.line_text)
    whole = render.text(*args, color=False)
    chunks = list(render.text_chunks(*args, color=False))
    assert len(chunks) == len(result.all_findings) + 1 and "".join(chunks) == whole

    seen: list[str] = []

    def watched() -> Iterator[str]:
        for chunk in ["uno\x07\n", *chunks]:
            yield chunk
            seen.append(capsys.readouterr().out)  # what the previous chunk left on stdout

    emit(watched())
    assert seen[0] == "uno^G\n"  # written before the next chunk, control character shown
    assert seen[1:] == chunks  # each chunk out before the next one was asked for
    emit(iter(chunks), tmp_path / "hallazgos.txt")
    assert (tmp_path / "hallazgos.txt").read_text(encoding="utf-8") == whole
    assert "Guardado en" in capsys.readouterr().err


def test_a_reader_that_leaves_early_does_not_change_the_exit_code() -> None:
    """``campana validate | head``: when the reader of a report written a finding at a time
    goes away, the rest is dropped quietly and the command keeps its own exit code (typer
    would turn the broken pipe into exit 1), as when the report was written in one piece."""
    import subprocess
    import sys

    probe = (
        "import os, sys\n"
        "from campana.cli.emit import emit\n"
        "r, w = os.pipe()\n"
        "os.close(r)\n"
        "os.dup2(w, 1)\n"
        "emit(iter(['una línea de hallazgo\\n'] * 50_000))\n"
        "sys.stderr.write('siguió\\n')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stderr == "siguió\n"
