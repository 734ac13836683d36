"""Findings as text (with the line and a caret), JSON, or GitHub Actions annotations."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence

from campana.errors import Finding, count
from campana.render.term import style
from campana.vocab import severity

LineSource = Callable[[str, int], str]


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(findings: Sequence[Finding], files: Sequence[str]) -> str:
    errors, warnings = count(list(findings))
    where = plural(len(files), "archivo", "archivos")
    if not errors and not warnings:
        return f"Sin hallazgos en {where}: el plan es válido."
    verdict = "el plan tiene errores" if errors else "el plan es válido, con avisos"
    return (
        f"{plural(errors, 'error', 'errores')}, {plural(warnings, 'aviso', 'avisos')} "
        f"en {where}: {verdict}."
    )


def _words(message: str) -> list[str]:
    """The message's words, a date («10 ene 2024») kept as one."""
    return re.findall(r"\d{1,2} \w{3} \d{4}\S*|\S+", message)


def _wrapped(words: list[tuple[str, str]], width: int, indent: int, color: bool) -> list[str]:
    """(word, style) pairs filled into lines of ``width`` characters, the lines after the first
    indented by ``indent``; a word longer than a line keeps a line of its own, unbroken."""
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for word, spec in words:
        start = indent if lines else 0
        if current and used + 1 + len(word) > width:
            lines.append(" ".join(current))
            current, used = [], indent
            start = indent
        current.append(style(word, spec, color) if spec else word)
        used = (used + 1 + len(word)) if len(current) > 1 else start + len(word)
    if current:
        lines.append(" ".join(current))
    return [(" " * indent + x if k else x) for k, x in enumerate(lines)]


def text(
    findings: Sequence[Finding],
    files: Sequence[str],
    line_of: LineSource,
    *,
    color: bool,
    width: int | None = None,
) -> str:
    """Findings as text: on a terminal (or with ``width``), each message wrapped to the width
    with a hanging indent, so that the terminal never breaks a word; in a pipe, one line per
    message (for grep and tools). The source line and its caret are never wrapped."""
    return "".join(text_chunks(findings, files, line_of, color=color, width=width))


def text_chunks(
    findings: Sequence[Finding],
    files: Sequence[str],
    line_of: LineSource,
    *,
    color: bool,
    width: int | None = None,
) -> Iterator[str]:
    """:func:`text` a finding at a time (its lines, each ending in a newline, and the blank
    line after it), then the summary: a command writes them as they come, so thousands of
    findings never sit in memory as one text (12 MB at 4,000 findings)."""
    if width is None:
        import sys

        from campana.render.term import width as term_width

        width = term_width() if sys.stdout.isatty() else 1_000_000
    for f in findings:
        sev = severity(f.severity)
        words = [(f"{f.file}:{f.line}:{f.column}:", "bold")]
        words.append((f"{sev}:", "bold red" if f.severity == "error" else "bold yellow"))
        words += [(w, "") for w in _words(f.message)]
        words.append((f"[{f.code}]", "dim"))
        out = _wrapped(words, width, 4, color)
        source = line_of(f.file, f.line).replace("\t", " ")
        if source:
            gutter = str(f.line)
            pad = " " * len(gutter)
            caret = "^" * max(1, min(f.span, max(1, len(source) - f.column + 1)))
            out.append(f"  {style(gutter, 'blue', color)} | {source}")
            out.append(
                f"  {pad} | {' ' * (f.column - 1)}"
                f"{style(caret, 'bold red' if f.severity == 'error' else 'bold yellow', color)}"
            )
        if f.hint:
            lead = f"  {' ' * len(str(f.line))} = "
            hint = [(w, "") for w in _words(f"sugerencia: {f.hint}")]
            hint_lines = _wrapped(hint, width - len(lead), len("sugerencia: "), color)
            out += [(lead if k == 0 else " " * len(lead)) + x for k, x in enumerate(hint_lines)]
        out.append("")
        yield "\n".join(out) + "\n"
    yield summary(findings, files) + "\n"


def as_dicts(findings: Sequence[Finding]) -> list[dict[str, object]]:
    return [
        {
            "file": f.file,
            "line": f.line,
            "column": f.column,
            "severity": f.severity,
            "code": f.code,
            "message": f.message,
            "hint": f.hint,
            "campaign": f.campaign,
        }
        for f in findings
    ]


def as_json(findings: Sequence[Finding]) -> str:
    return json.dumps(as_dicts(findings), ensure_ascii=False, indent=2) + "\n"


def _gh_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(findings: Sequence[Finding]) -> str:
    lines = []
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        message = f.message + (f" — sugerencia: {f.hint}" if f.hint else "")
        lines.append(
            f"::{level} file={_gh_escape(f.file, prop=True)},line={f.line},col={f.column},"
            f"title={_gh_escape(f.code, prop=True)}::{_gh_escape(f'{message} [{f.code}]')}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
