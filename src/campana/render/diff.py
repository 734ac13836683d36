"""A ``PlanDiff`` as text (terminal), JSON (machines) or Markdown (a review comment).

The core gives each change as data (field, old, new, delta); ``message`` words it, with the
arrow each format uses."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from campana.dates import days, fmt, period, signed_days
from campana.diff import (
    BlackoutOverlap,
    Change,
    FindingChange,
    PlanDiff,
    Target,
    shorten,
)
from campana.render.findings import as_dicts
from campana.render.term import style
from campana.vocab import (
    CREATIVE_KINDS,
    MODEL_FIELDS,
    channel_kind,
    creative_kind,
    figure_bound,
    ine_status,
    number,
    severity,
    signed_number,
)

if TYPE_CHECKING:
    from campana.models import Campaign

SYMBOL = {
    "added": "+",
    "item-added": "+",
    "removed": "-",
    "item-removed": "-",
    "date": "~",
    "value": "~",
}
COLOR = {"+": "green", "-": "red", "~": "yellow"}


# --- wording: a change as a reviewer reads it -------------------------------------------


def _field_name(name: str) -> str:
    return MODEL_FIELDS.get(name, (name, False))[0]


def _date(d: dt.date, other: dt.date | None = None) -> str:
    """31 may; with the year only when the two dates are in different years."""
    return fmt(d, year=other is not None and other.year != d.year)


def _describe(name: str, value: Any) -> str:
    """An item of a list, or a value, as a reviewer reads it."""
    if value is None:
        return "(sin valor)"
    if name == "ine_exception":
        return ine_status(value)
    if name == "bound":
        return figure_bound(value)
    if name == "kind":
        return creative_kind(value) if value in CREATIVE_KINDS else channel_kind(value)
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, dt.date):
        return fmt(value)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return ", ".join(_describe(name, v) for v in value) or "(ninguno)"
    kind = type(value).__name__
    if kind == "CreativeLine":
        return f"{creative_kind(value.kind)} {quote(value.text)}"
    if kind == "Channel":
        extra = f", {value.contact}" if value.contact else ""
        return f"«{value.name}» ({channel_kind(value.kind)}{extra})"
    if kind == "Share":
        return f"{value.percent:g} % de «{value.of}»"
    if hasattr(value, "text"):
        return quote(value.text)
    if hasattr(value, "name"):
        return quote(value.name)
    return str(value)


_WORDS = re.compile(r"\S+")


def text_change(old: str, new: str, context: int = 3) -> tuple[str, str]:
    """The part of two long texts that differs, with a few words either side."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pre = 0
    while pre < min(len(a), len(b)) and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < min(len(a), len(b)) - pre and a[-1 - suf] == b[-1 - suf]:
        suf += 1

    def window(words: list[str]) -> str:
        lo, hi = max(0, pre - context), min(len(words), len(words) - suf + context)
        middle = " ".join(words[lo:hi])
        text = shorten(middle, 90)
        more = hi < len(words) and not text.endswith("…")
        return ("…" if lo > 0 else "") + text + ("…" if more else "")

    return f"«{window(a)}»", f"«{window(b)}»"


def _size(c: Campaign) -> str:
    parts = []
    if c.execution:
        n = len(c.execution)
        parts.append(f"{n} {'punto' if n == 1 else 'puntos'} de contacto")
    if c.components:
        n = len(c.components)
        parts.append(f"{n} {'componente' if n == 1 else 'componentes'}")
    return f" ({', '.join(parts)})" if parts else ""


def quote(text: str, width: int = 60) -> str:
    return f"«{shorten(text, width)}»"


_TARGETS = {
    "plan": "Datos del plan",
    "touchpoint": "Punto de contacto «{}»",
    "blackout": "Veda «{}»",
    "campaign": "Campaña «{}»",
    "component": "Componente «{}»",
    "execution": "{} (ejecución)",
    "segment": "Segmento «{}»",
    "breakdown": "Desglose de «{}»",
}


def target_label(t: Target) -> str:
    """What a change is about, as a heading: «Componente «Cambaceo»», «Objetivo «…»»."""
    if t.kind == "objective":
        return f"Objetivo {quote(t.name, 40)}"
    return _TARGETS[t.kind].format(t.name)


_ADDED = {
    "touchpoint": (
        "punto de contacto nuevo en el catálogo",
        "punto de contacto quitado del catálogo",
    ),
    "blackout": ("veda nueva", "veda quitada"),
    "objective": ("objetivo nuevo", "objetivo quitado"),
    "component": ("componente nuevo", "componente quitado"),
    "execution": ("punto de contacto nuevo", "punto de contacto quitado"),
    "campaign": ("campaña nueva", "campaña quitada"),
    "segment": ("segmento nuevo", "segmento quitado"),
    "breakdown": ("desglose nuevo", "desglose quitado"),
}


def _whole(c: Change) -> str:
    """An added or removed thing: what it is, and what it holds."""
    added = c.kind == "added"
    thing = c.after if added else c.before
    kind = c.target.kind
    word = _ADDED[kind][0 if added else 1] if kind in _ADDED else ("nuevo" if added else "quitado")
    if kind == "touchpoint":
        return f"{word}: «{thing.name}»"
    if kind == "objective":
        return f"{word}: {quote(thing.text, 70)}"
    if kind == "segment":
        return f"{word}: {number(thing.count)} personas"
    if kind == "breakdown":
        return f"{word}: {' + '.join(thing.parts)}"
    text = f"{word}: {period(thing.start, thing.end)}"
    if kind == "execution" and added:
        text += f"; tácticos: {', '.join(thing.tactics)}"
    if kind == "campaign":
        text += _size(thing)
    return text


def message(c: Change, arrow: str = "->") -> str:
    """The change in Spanish; ``arrow`` joins the old value to the new one."""
    if c.kind in ("added", "removed"):
        return _whole(c)
    name = c.field or ""
    if c.kind in ("item-added", "item-removed"):
        label, feminine = MODEL_FIELDS.get(name, (name, False))
        if c.kind == "item-added":
            word = "agregada" if feminine else "agregado"
            return f"{label} {word}: {_describe(name, c.after)}"
        word = "quitada" if feminine else "quitado"
        return f"{label} {word}: {_describe(name, c.before)}"
    old, new = c.before, c.after
    if name == "duration":
        if c.delta == 0 and c.shift is not None:
            return f"el periodo se mueve {signed_days(c.shift)}, misma duración"
        return f"duración: {c.old} {arrow} {c.new} días ({c.delta:+d})"
    if name == "creative" and c.kind == "value":
        return (
            f"piezas creativas: {len(old)} {arrow} {len(new)} "
            "(las mismas líneas, agrupadas de otra forma)"
        )
    label = _field_name(name)
    if isinstance(old, dt.date) and isinstance(new, dt.date) and isinstance(c.delta, int):
        return f"{label}: {_date(old, new)} {arrow} {_date(new, old)}, {signed_days(c.delta)}"
    text = f"{label}: {_describe(name, old)} {arrow} {_describe(name, new)}"
    if isinstance(c.delta, int) and not isinstance(c.delta, bool):
        text += f" ({signed_number(c.delta)}"
        if c.percent is not None:
            text += f", {c.percent:+.1f} %"
        text += ")"
    elif isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > 60:
        a, b = text_change(old, new)
        text = f"{label}: {a} {arrow} {b}"
    return text


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
        label = None if top else target_label(c.target)
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
    who = f"{target_label(o.target)} de «{o.target.campaign_name}»"
    ine = f"excepción INE: {ine_status(o.ine_exception)}"
    span = period(*o.new) if o.new else ""
    if o.status == "new":
        return "+", (
            f"{who} ahora coincide {days(o.new_days)} con «{o.blackout_name}» ({span}); {ine}"
        )
    if o.status == "longer":
        return "+", (
            f"{who} coincide {days(o.new_days)} con «{o.blackout_name}», antes "
            f"{days(o.old_days)} ({span}); {ine}"
        )
    if o.status == "shorter":
        return "-", (
            f"{who} coincide {days(o.new_days)} con «{o.blackout_name}», antes "
            f"{days(o.old_days)} ({span}); {ine}"
        )
    return "-", f"{who} ya no coincide con «{o.blackout_name}» (antes {days(o.old_days)})"


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
    graver = sum(1 for f in diff.findings if f.status == "severity")
    if graver:  # a warning that became an error is not «0 hallazgos nuevos» and nothing else
        text += ", " + _plural(
            graver, "hallazgo cambió de gravedad", "hallazgos cambiaron de gravedad"
        )
    worse = sum(1 for o in diff.overlaps if o.status in ("new", "longer"))
    if worse:
        text += f"; {_plural(worse, 'cruce nuevo o más largo', 'cruces nuevos o más largos')}"
        text += " con la veda"
    return text + "."


# --- text ----------------------------------------------------------------------------------


_QUOTED = re.compile(r"«[^»\n]*»")
_NBSP = "\u00a0"


def _wrap(symbol: str, text: str, indent: int, width: int, color: bool) -> Iterator[str]:
    """One change wrapped with a hanging indent; a «quoted name» is never broken over two
    lines (textwrap breaks at ASCII spaces only: the name's spaces are held no-break)."""
    lead = " " * indent
    held = _QUOTED.sub(lambda m: m.group().replace(" ", _NBSP), text.replace(_NBSP, "\0"))
    lines = [
        line.replace(_NBSP, " ").replace("\0", _NBSP)
        for line in textwrap.wrap(
            held,
            width=max(40, width - indent - 2),
            break_long_words=False,
            break_on_hyphens=False,
        )
    ] or [""]
    mark = style(symbol, COLOR.get(symbol, ""), color) if symbol else " "
    yield f"{lead}{mark} {lines[0]}"
    for line in lines[1:]:
        yield f"{lead}  {line}"


def text(diff: PlanDiff, *, color: bool, width: int = 80, ids: bool = True) -> str:
    """The diff as text; ``ids=False`` leaves the ids out of the titles (an edit's preview:
    the user named the thing already)."""
    if not diff.changed:
        return summary(diff) + "\n"
    out = [style(f"Cambios de {diff.old} a {diff.new}", "bold", color), ""]
    for g in groups(diff):
        title = g.title + (f" ({g.code})" if g.code and ids else "")
        out.append(style(title, "bold", color))
        for e in g.entries:
            whole = e.whole
            if e.label is None:
                for c in e.changes:
                    out.extend(_wrap(SYMBOL[c.kind], message(c), 2, width, color))
            elif whole is not None:
                out.extend(
                    _wrap(SYMBOL[whole.kind], f"{e.label}: {message(whole)}", 2, width, color)
                )
            else:
                out.append(f"  {e.label}")
                for c in e.changes:
                    out.extend(_wrap(SYMBOL[c.kind], message(c), 4, width, color))
        out.append("")
    sections = (
        ("Efecto en «campana validate»", [finding_line(fc) for fc in diff.findings]),
        ("Cruces con la veda electoral", [overlap_line(o) for o in diff.overlaps]),
    )
    for title, lines in sections:
        if lines:
            out.append(style(title, "bold", color))
            for symbol, line in lines:
                out.extend(_wrap(symbol, line, 2, width, color))
            out.append("")
    out.extend(textwrap.wrap(summary(diff), width=max(40, width)))
    return "\n".join(out) + "\n"


# --- JSON ----------------------------------------------------------------------------------


def _change_dict(c: Change) -> dict[str, object]:
    t = c.target
    return {
        "campaign": t.campaign,
        "target": {"kind": t.kind, "id": t.id, "label": target_label(t)},
        "change": c.kind,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "delta": c.delta,
        "message": message(c),
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
        "audience_compared": diff.no_audience is None,
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
                "target": {
                    "kind": o.target.kind,
                    "id": o.target.id,
                    "label": target_label(o.target),
                },
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

#: Markdown shows the typographic arrow; text and JSON keep "->"
ARROW_MD = "→"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str) -> str:
    """User text, safe inside Markdown (no accidental emphasis, links, tables or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


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
                out.extend(f"- {md(message(c, ARROW_MD))}" for c in e.changes)
            elif whole is not None:
                out.append(f"- **{md(e.label)}**: {md(message(whole, ARROW_MD))}")
            else:
                out.append(f"- **{md(e.label)}**")
                out.extend(f"  - {md(message(c, ARROW_MD))}" for c in e.changes)
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
