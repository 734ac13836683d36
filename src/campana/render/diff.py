"""A ``PlanDiff`` as text (terminal), JSON (machines) or Markdown (a review comment)."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field

from campana.dates import days, period
from campana.diff import BlackoutOverlap, Change, FindingChange, PlanDiff
from campana.render.findings import as_dicts
from campana.render.term import style
from campana.vocab import ine_status, severity

SYMBOL = {
    "added": "+",
    "item-added": "+",
    "removed": "-",
    "item-removed": "-",
    "date": "~",
    "value": "~",
}
COLOR = {"+": "green", "-": "red", "~": "yellow"}


# --- grouping ------------------------------------------------------------------------------


@dataclass
class Entry:
    """Changes to one thing (a row, a component, a segment) inside a group."""

    label: str | None
    changes: list[Change] = field(default_factory=list)

    @property
    def whole(self) -> Change | None:
        """The change when the whole thing was added or removed."""
        if len(self.changes) == 1 and self.changes[0].kind in ("added", "removed"):
            return self.changes[0]
        return None


@dataclass
class Group:
    title: str
    code: str | None
    entries: list[Entry] = field(default_factory=list)


def _group_of(c: Change) -> tuple[str, str, str | None]:
    """(key, title, code) of the heading a change goes under."""
    t = c.target
    if t.campaign:
        return f"campaign:{t.campaign}", f"Campaña «{t.campaign_name}»", t.campaign
    if t.kind in ("plan", "touchpoint"):
        return "plan", "Plan", None
    if t.kind == "blackout":
        return "blackouts", "Vedas", None
    return "audience", "Audiencia", None


def groups(diff: PlanDiff) -> list[Group]:
    out: dict[str, Group] = {}
    for c in diff.changes:
        key, title, code = _group_of(c)
        group = out.setdefault(key, Group(title, code))
        top = c.target.kind in ("plan", "campaign")
        label = None if top else c.target.label
        entry_key = (c.target.kind, c.target.id)
        entry = next(
            (
                e
                for e in group.entries
                if e.changes and (e.changes[0].target.kind, e.changes[0].target.id) == entry_key
            ),
            None,
        )
        if entry is None:
            entry = Entry(label)
            group.entries.append(entry)
        entry.changes.append(c)
    return list(out.values())


def finding_line(fc: FindingChange) -> tuple[str, str]:
    """(symbol, text) of a finding the change introduces, resolves or makes worse/lighter."""
    f = fc.finding
    noun = severity(f.severity)
    if fc.status == "introduced":
        symbol, word = "+", f"{noun} nuevo"
    elif fc.status == "resolved":
        symbol, word = "-", f"{noun} resuelto"
    else:
        before = severity(fc.old_severity or "warning")
        symbol, word = "~", f"de {before} a {noun}"
    return symbol, f"{word}, {f.file}:{f.line}: {f.message} [{f.code}]"


def overlap_line(o: BlackoutOverlap) -> tuple[str, str]:
    who = f"{o.target.label} de «{o.target.campaign_name}»"
    ine = f"excepción INE: {ine_status(o.ine_exception)}"
    span = period(*o.new) if o.new else ""
    if o.status == "new":
        return "+", (
            f"{who} ahora se cruza {days(o.new_days)} con «{o.blackout_name}» ({span}); {ine}"
        )
    if o.status == "longer":
        return "+", (
            f"{who} se cruza {days(o.new_days)} con «{o.blackout_name}», antes "
            f"{days(o.old_days)} ({span}); {ine}"
        )
    if o.status == "shorter":
        return "-", (
            f"{who} se cruza {days(o.new_days)} con «{o.blackout_name}», antes "
            f"{days(o.old_days)} ({span}); {ine}"
        )
    return "-", f"{who} ya no se cruza con «{o.blackout_name}» (antes {days(o.old_days)})"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(diff: PlanDiff) -> str:
    if not diff.changed:
        return f"Sin diferencias entre {diff.old} y {diff.new}."
    areas = []
    n_campaigns = len(diff.campaigns)
    if n_campaigns:
        areas.append(_plural(n_campaigns, "campaña", "campañas"))
    titles = {g.title for g in groups(diff) if g.code is None}
    names = {"Plan": "los datos del plan", "Vedas": "las vedas", "Audiencia": "la audiencia"}
    areas.extend(name for title, name in names.items() if title in titles)
    where = areas[0] if len(areas) == 1 else f"{', '.join(areas[:-1])} y {areas[-1]}"
    text = f"{_plural(len(diff.changes), 'cambio', 'cambios')} en {where}"
    introduced = sum(1 for f in diff.findings if f.status == "introduced")
    resolved = sum(1 for f in diff.findings if f.status == "resolved")
    text += (
        f"; validate: {_plural(introduced, 'hallazgo nuevo', 'hallazgos nuevos')}, "
        f"{_plural(resolved, 'resuelto', 'resueltos')}"
    )
    worse = sum(1 for o in diff.overlaps if o.status in ("new", "longer"))
    if worse:
        text += f"; {_plural(worse, 'cruce nuevo o más largo', 'cruces nuevos o más largos')}"
        text += " con la veda"
    return text + "."


# --- text ----------------------------------------------------------------------------------


def _wrap(symbol: str, text: str, indent: int, width: int, color: bool) -> Iterator[str]:
    lead = " " * indent
    lines = textwrap.wrap(
        text,
        width=max(40, width - indent - 2),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
    mark = style(symbol, COLOR.get(symbol, ""), color) if symbol else " "
    yield f"{lead}{mark} {lines[0]}"
    for line in lines[1:]:
        yield f"{lead}  {line}"


def text(diff: PlanDiff, *, color: bool, width: int = 80) -> str:
    if not diff.changed:
        return summary(diff) + "\n"
    out = [style(f"Cambios de {diff.old} a {diff.new}", "bold", color), ""]
    for g in groups(diff):
        title = g.title + (f" ({g.code})" if g.code else "")
        out.append(style(title, "bold", color))
        for e in g.entries:
            whole = e.whole
            if e.label is None:
                for c in e.changes:
                    out.extend(_wrap(SYMBOL[c.kind], c.message, 2, width, color))
            elif whole is not None:
                out.extend(
                    _wrap(SYMBOL[whole.kind], f"{e.label}: {whole.message}", 2, width, color)
                )
            else:
                out.append(f"  {e.label}")
                for c in e.changes:
                    out.extend(_wrap(SYMBOL[c.kind], c.message, 4, width, color))
        out.append("")
    if diff.findings:
        out.append(style("Efecto en «campana validate»", "bold", color))
        for fc in diff.findings:
            symbol, line = finding_line(fc)
            out.extend(_wrap(symbol, line, 2, width, color))
        out.append("")
    if diff.overlaps:
        out.append(style("Cruces con la veda electoral", "bold", color))
        for o in diff.overlaps:
            symbol, line = overlap_line(o)
            out.extend(_wrap(symbol, line, 2, width, color))
        out.append("")
    out.extend(textwrap.wrap(summary(diff), width=max(40, width)))
    return "\n".join(out) + "\n"


# --- JSON ----------------------------------------------------------------------------------


def _change_dict(c: Change) -> dict[str, object]:
    t = c.target
    return {
        "campaign": t.campaign,
        "target": {"kind": t.kind, "id": t.id, "label": t.label},
        "change": c.kind,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "delta": c.delta,
        "message": c.message,
    }


def _span(span: tuple[object, ...] | None) -> dict[str, object] | None:
    if span is None:
        return None
    start, end = span
    assert hasattr(start, "isoformat") and hasattr(end, "isoformat")
    return {"start": start.isoformat(), "end": end.isoformat()}


def as_json(diff: PlanDiff) -> str:
    def findings(status: str) -> list[dict[str, object]]:
        chosen = [f for f in diff.findings if f.status == status]
        rows = as_dicts([f.finding for f in chosen])
        if status == "severity":
            for row, f in zip(rows, chosen, strict=True):
                row["old_severity"] = f.old_severity
        return rows

    data = {
        "old": diff.old,
        "new": diff.new,
        "changed": diff.changed,
        "summary": summary(diff),
        "campaigns": diff.campaigns,
        "changes": [_change_dict(c) for c in diff.changes],
        "findings": {
            "introduced": findings("introduced"),
            "resolved": findings("resolved"),
            "severity_changed": findings("severity"),
        },
        "blackout_overlaps": [
            {
                "status": o.status,
                "campaign": o.target.campaign,
                "target": {"kind": o.target.kind, "id": o.target.id, "label": o.target.label},
                "blackout": o.blackout,
                "old": _span(o.old),
                "new": _span(o.new),
                "old_days": o.old_days,
                "new_days": o.new_days,
                "ine_exception": o.ine_exception,
                "message": overlap_line(o)[1],
            }
            for o in diff.overlaps
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str) -> str:
    """User text, safe inside Markdown (no accidental emphasis, links, tables or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace(" -\\> ", " → ")


def markdown(diff: PlanDiff) -> str:
    if not diff.changed:
        return f"Sin diferencias entre `{diff.old}` y `{diff.new}`.\n"
    out = [
        "### Cambios en el plan",
        "",
        f"`{diff.old}` → `{diff.new}`: {md(summary(diff))}",
        "",
    ]
    for g in groups(diff):
        code = f" (`{g.code}`)" if g.code else ""
        out.extend([f"#### {md(g.title)}{code}", ""])
        for e in g.entries:
            whole = e.whole
            if e.label is None:
                out.extend(f"- {md(c.message)}" for c in e.changes)
            elif whole is not None:
                out.append(f"- **{md(e.label)}**: {md(whole.message)}")
            else:
                out.append(f"- **{md(e.label)}**")
                out.extend(f"  - {md(c.message)}" for c in e.changes)
        out.append("")
    if diff.findings:
        out.extend(["#### Efecto en `campana validate`", ""])
        for fc in diff.findings:
            f = fc.finding
            _, line = finding_line(fc)
            word = line.split(",", 1)[0]
            out.append(f"- **{word}** `{f.code}` en `{f.file}:{f.line}`: {md(f.message)}")
        out.append("")
    if diff.overlaps:
        out.extend(["#### Cruces con la veda electoral", ""])
        out.extend(f"- {md(overlap_line(o)[1])}" for o in diff.overlaps)
        out.append("")
    return "\n".join(out)
