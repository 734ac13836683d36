"""An edit of the plan (``campana.edit.Outcome``) as text or JSON: what it does, the semantic
diff of the plan before and after, and the findings it adds."""

from __future__ import annotations

import json
from collections.abc import Sequence

from campana.edit.session import Outcome
from campana.render import diff as render_diff
from campana.render.findings import as_dicts, plural


def lines_changed(outcome: Outcome) -> str:
    """«2 líneas cambiadas: +3 −1»."""
    return f"+{outcome.added} −{outcome.removed} " + (
        "línea" if outcome.added + outcome.removed == 1 else "líneas"
    )


def change_lines(lines: Sequence[str], width: int) -> list[str]:
    """One thing changed per line, indented, folded to ``width``: a «name», a date or a period
    («20 feb – 7 mar 2024») is never broken over two lines."""
    import re
    import textwrap

    out: list[str] = []
    for line in lines:
        held = re.sub(
            r"«[^»\n]*»|\d{1,2} \w{3}(?: \d{4})?(?: – \d{1,2} \w{3}(?: \d{4})?)?",
            lambda m: m.group().replace(" ", "\u00a0"),
            line,
        )
        out += [
            part.replace("\u00a0", " ")
            for part in textwrap.wrap(
                held,
                width=max(40, width),
                initial_indent="  ",
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        ]
    return out


def text(outcome: Outcome, lines: Sequence[str], *, color: bool, width: int, written: bool) -> str:
    """What the edit does (one line per thing), then the semantic diff (without its «Cambios
    de A a B» title: both are the plan file)."""
    from campana.render.term import style

    out = [style(f"Cambios en {outcome.file.name}", "bold", color)]
    out += change_lines(lines, width)
    if outcome.changed and outcome.diff.changed:
        body = render_diff.text(outcome.diff, color=color, width=width, ids=False).rstrip("\n")
        out += ["", *body.split("\n")[2:]]
    return "\n".join(out) + "\n"


def as_json(outcome: Outcome, action: str, lines: Sequence[str], *, dry_run: bool) -> str:
    data = {
        "plan": outcome.file.name,
        "action": action,
        "changes": list(lines),
        "changed": outcome.changed,
        "written": outcome.written,
        "dry_run": dry_run,
        "lines": {"added": outcome.added, "removed": outcome.removed},
        "new_errors": as_dicts(outcome.new_errors),
        "new_warnings": as_dicts(outcome.new_warnings),
        "diff": json.loads(render_diff.as_json(outcome.diff)),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def refused(outcome: Outcome, action: str = "") -> str:
    n = len(outcome.new_errors)
    text = (
        f"no se escribió nada: el cambio agregaría {plural(n, 'error', 'errores')} al plan "
        f"({outcome.file.name})"
    )
    if action == "ine" and any(f.code == "blackout-conflict" for f in outcome.new_errors):
        text += (
            "\n  sugerencia: con esa respuesta, esas filas quedan al aire durante la veda; "
            "ajusta primero sus fechas («campana move CAMPAÑA -t PUNTO --end FECHA») y vuelve "
            "a registrar la respuesta"
        )
    return text
