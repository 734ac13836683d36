"""Findings as text (with the line and a caret), JSON, or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

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


def text(
    findings: Sequence[Finding], files: Sequence[str], line_of: LineSource, *, color: bool
) -> str:
    out: list[str] = []
    for f in findings:
        sev = severity(f.severity)
        sev_styled = style(sev, "bold red" if f.severity == "error" else "bold yellow", color)
        head = style(f"{f.file}:{f.line}:{f.column}:", "bold", color)
        out.append(f"{head} {sev_styled}: {f.message} {style(f'[{f.code}]', 'dim', color)}")
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
            out.append(f"  {' ' * len(str(f.line))} = sugerencia: {f.hint}")
        out.append("")
    out.append(summary(findings, files))
    return "\n".join(out) + "\n"


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
