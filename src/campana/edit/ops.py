"""The plan-level edits: what a planner asks for (the INE's answer, a move, an owner, a
milestone), resolved against the plan model and recorded on the session's ``Editor``.

Each function checks its input first (unknown names with the closest one, dates outside the
plan's year, an end before its start) and raises ``UsageError`` in Spanish before any edit;
it returns an ``Applied``: the things changed, worded for the person who asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from campana.dates import fmt, fold, parse_date, parse_shift, period
from campana.errors import UsageError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from campana.declare import NewBlackout
    from campana.edit.session import EditSession
    from campana.models import Campaign, Execution, Plan

Path = tuple[str | int, ...]

#: what the user may type for each INE status (Spanish, as the views say it, or English)
INE_ANSWERS = {
    "aprobada": "approved",
    "aprobado": "approved",
    "approved": "approved",
    "negada": "denied",
    "negado": "denied",
    "denied": "denied",
    "pendiente": "pending",
    "pending": "pending",
}
_SPANISH = {"approved": "aprobada", "denied": "negada", "pending": "pendiente"}


@dataclass
class Applied:
    """What an edit did: one line per thing changed (Spanish), and how many rows it touched."""

    action: str
    lines: list[str] = field(default_factory=list)
    rows: int = 0


@dataclass(frozen=True)
class Target:
    """A dated thing of a campaign: the campaign itself, a component or an execution row."""

    kind: str  # campaign | component | execution
    path: Path
    label: str
    start: dt.date
    end: dt.date
    period_text: str | None = None


def fields_before(model: type[BaseModel], key: str) -> list[str]:
    """The model's fields that come before ``key``: where a new key goes."""
    names = list(model.model_fields)
    return names[: names.index(key)]


# --- finding what the user names ----------------------------------------------------------


def campaign(plan: Plan, text: str) -> tuple[int, Campaign]:
    from campana.queries.common import resolve_campaign

    found = resolve_campaign(plan, text)
    index = next(i for i, c in enumerate(plan.campaigns) if c.id == found.id)
    return index, found


def _row_name(plan: Plan, row: Execution) -> str:
    return plan.touchpoint_name(row.touchpoint)


def rows(plan: Plan, c: Campaign, text: str) -> list[int]:
    """The execution rows of ``c`` on the touchpoint ``text`` (id or name, accents and case
    folded, or a unique prefix of either)."""
    wanted = fold(text)
    exact = [
        i
        for i, r in enumerate(c.execution)
        if wanted in (fold(r.touchpoint), fold(_row_name(plan, r)))
    ]
    if exact:
        return exact
    prefix = [
        i
        for i, r in enumerate(c.execution)
        if fold(r.touchpoint).startswith(wanted) or fold(_row_name(plan, r)).startswith(wanted)
    ]
    names = sorted({_row_name(plan, r) for r in c.execution})
    if prefix and len({c.execution[i].touchpoint for i in prefix}) == 1:
        return prefix
    if prefix:
        raise UsageError(
            f"«{text}» puede ser más de un punto de contacto de «{c.name}»",
            hint="escribe más letras: " + ", ".join(names),
        )
    from campana.suggest import suggestion

    close = suggestion(text, names)
    raise UsageError(
        f"«{c.name}» no tiene el punto de contacto «{text}» en su tabla de ejecución",
        hint=(f"{close} " if close else "")
        + (
            "puntos de contacto de la campaña: " + ", ".join(names)
            if names
            else "la campaña no tiene filas de ejecución"
        ),
    )


def _pick(
    items: Sequence[Any],
    text: str,
    prefixed: Callable[[Any], tuple[str, ...]],
    missing: str,
    listed: str,
    empty: str,
) -> int:
    """The item ``text`` names: by id or name, else by the one item a key of ``prefixed``
    starts with; otherwise a UsageError saying ``missing``, with the closest name and the list
    (``listed: a, b``, or ``empty`` when there is none)."""
    wanted = fold(text)
    for i, item in enumerate(items):
        if wanted in (fold(item.id), fold(item.name)):
            return i
    found = [
        i for i, item in enumerate(items) if any(fold(k).startswith(wanted) for k in prefixed(item))
    ]
    if len(found) == 1:
        return found[0]
    from campana.suggest import suggestion

    names = [item.name for item in items]
    close = suggestion(text, [*names, *(item.id for item in items)])
    raise UsageError(
        missing,
        hint=(f"{close} " if close else "")
        + (f"{listed}: " + ", ".join(names) if names else empty),
    )


def component(c: Campaign, text: str) -> int:
    return _pick(
        c.components,
        text,
        lambda comp: (comp.name,),
        f"«{c.name}» no tiene el componente «{text}»",
        "componentes",
        "la campaña no tiene componentes",
    )


def target(
    plan: Plan, campaign_text: str, *, component_text: str | None, touchpoint: str | None
) -> tuple[Campaign, list[Target]]:
    """What a move or an owner is about: the campaign, one of its components, or its rows on
    a touchpoint."""
    if component_text is not None and touchpoint is not None:
        raise UsageError(
            "indica un componente o un punto de contacto, no los dos",
            hint="--component mueve un componente; --touchpoint, una fila de ejecución",
        )
    ci, c = campaign(plan, campaign_text)
    base: Path = ("campaigns", ci)
    if component_text is not None:
        i = component(c, component_text)
        comp = c.components[i]
        label = f"el componente «{comp.name}» de «{c.name}»"
        return c, [Target("component", (*base, "components", i), label, comp.start, comp.end)]
    if touchpoint is not None:
        found = []
        for i in rows(plan, c, touchpoint):
            r = c.execution[i]
            label = f"«{_row_name(plan, r)}» de «{c.name}»"
            found.append(
                Target("execution", (*base, "execution", i), label, r.start, r.end, r.period_text)
            )
        return c, found
    return c, [Target("campaign", base, f"«{c.name}»", c.start, c.end)]


# --- dates ----------------------------------------------------------------------------------


def parse_new_date(text: str, current: dt.date, year: int, option: str) -> dt.date:
    """A new start or end: a date (a year is the plan's when not written), or a signed amount
    from the current one (``+7d``, ``-2 semanas``)."""
    from campana.dates import DateError

    shift = parse_shift(text)
    if shift is not None:
        return _shifted(current, shift, option)
    try:
        return parse_date(text, default_year=year)
    except DateError as exc:
        raise UsageError(f"{option}: {exc.message}", hint=exc.hint) from None


def parse_amount(text: str, option: str = "--by") -> int:
    days = parse_shift(text)
    if days is None:
        raise UsageError(
            f"{option}: «{text}» no es un desplazamiento",
            hint="escribe días o semanas con signo: +7d, -3d, +2 semanas, -1s",
        )
    return days


def _shifted(day: dt.date, days: int, option: str) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise UsageError(f"{option}: la fecha queda fuera del calendario") from None


def _in_year(day: dt.date, year: int, what: str) -> None:
    if day.year != year:
        raise UsageError(
            f"{what} quedaría el {fmt(day)}, fuera del año del plan ({year})",
            hint=f"elige una fecha de {year}",
        )


# --- the edits ------------------------------------------------------------------------------


def _put(session: EditSession, path: Path, key: str, value: Any, model: type[BaseModel]) -> None:
    """Set ``key`` of the mapping at ``path`` to ``value``, adding the key if it is missing."""
    editor = session.editor
    if editor.has((*path, key)):
        editor.set((*path, key), value)
    else:
        editor.insert_key(path, key, value, after=fields_before(model, key))


def _drop(session: EditSession, path: Path, key: str) -> None:
    if session.editor.has((*path, key)):
        session.editor.remove_key(path, key)


def _dates(session: EditSession, t: Target, start: dt.date, end: dt.date) -> list[str]:
    """Set a target's start and end (and its period_text, in the document's words)."""
    from campana.edit.period import rewrite

    editor = session.editor
    if start != t.start:
        editor.set((*t.path, "start"), start)
    if end != t.end:
        editor.set((*t.path, "end"), end)
    lines = [f"{t.label}: {period(t.start, t.end)} → {period(start, end)}"]
    if t.period_text is not None and (start, end) != (t.start, t.end):
        new = rewrite(t.period_text, start, end)
        if new is None:
            raise UsageError(
                f"no se puede reescribir el periodo «{t.period_text}» de {t.label} con las "
                "fechas nuevas",
                hint="cambia las fechas y el periodo a mano con «campana edit»",
            )
        editor.set((*t.path, "period_text"), new)
    return lines


def move(
    session: EditSession,
    campaign_text: str,
    *,
    component_text: str | None = None,
    touchpoint: str | None = None,
    start: str | None = None,
    end: str | None = None,
    by: str | None = None,
    carry: bool = False,
) -> Applied:
    """Move or resize a campaign, a component or execution rows: a new start and/or end
    (each a date or a signed amount from the current one), or every date shifted ``by``;
    ``carry`` shifts a campaign's components and rows by as much as its start moved."""
    plan = session.plan
    year = plan.plan.year
    if by is None and start is None and end is None:
        raise UsageError(
            "falta qué cambiar: --start, --end o --by",
            hint="por ejemplo --by +7d, o --start 2024-03-01 --end 2024-07-31",
        )
    if by is not None and (start is not None or end is not None):
        raise UsageError(
            "--by no se combina con --start ni --end",
            hint="usa --by para mover sin cambiar la duración, o --start/--end",
        )
    if carry and (component_text is not None or touchpoint is not None):
        raise UsageError("--carry solo aplica al mover una campaña completa")
    c, targets = target(plan, campaign_text, component_text=component_text, touchpoint=touchpoint)
    shift = parse_amount(by) if by is not None else None
    applied = Applied("move")
    moved: list[tuple[Target, dt.date, dt.date]] = []
    for t in targets:
        if shift is not None:
            new_start = _shifted(t.start, shift, "--by")
            new_end = _shifted(t.end, shift, "--by")
        else:
            new_start = parse_new_date(start, t.start, year, "--start") if start else t.start
            new_end = parse_new_date(end, t.end, year, "--end") if end else t.end
        if new_end < new_start:
            raise UsageError(
                f"{t.label} terminaría ({fmt(new_end)}) antes de empezar ({fmt(new_start)})",
                hint="revisa --start y --end",
            )
        _in_year(new_start, year, f"el inicio de {t.label}")
        _in_year(new_end, year, f"el fin de {t.label}")
        moved.append((t, new_start, new_end))
    if carry:
        t, new_start, _ = moved[0]
        delta = (new_start - t.start).days
        ci = t.path[1]
        for i, comp in enumerate(c.components):
            sub = Target(
                "component",
                ("campaigns", ci, "components", i),
                f"el componente «{comp.name}»",
                comp.start,
                comp.end,
            )
            moved.append((sub, *_carried(sub, delta, year)))
        for i, r in enumerate(c.execution):
            sub = Target(
                "execution",
                ("campaigns", ci, "execution", i),
                f"«{_row_name(plan, r)}»",
                r.start,
                r.end,
                r.period_text,
            )
            moved.append((sub, *_carried(sub, delta, year)))
    for t, new_start, new_end in moved:
        if (new_start, new_end) != (t.start, t.end):
            applied.lines.extend(_dates(session, t, new_start, new_end))
            applied.rows += 1
    return applied


def _carried(t: Target, delta: int, year: int) -> tuple[dt.date, dt.date]:
    start = _shifted(t.start, delta, "--carry")
    end = _shifted(t.end, delta, "--carry")
    _in_year(start, year, f"el inicio de {t.label}")
    _in_year(end, year, f"el fin de {t.label}")
    return start, end


def set_owner(
    session: EditSession,
    campaign_text: str,
    owner: str,
    *,
    component_text: str | None = None,
    touchpoint: str | None = None,
) -> Applied:
    """Set the owner (área o persona responsable) of a campaign, a component or rows."""
    from campana.models import Campaign as CampaignModel
    from campana.models import Component, Execution

    owner = owner.strip()
    if not owner:
        raise UsageError(
            "falta el nombre del responsable", hint="por ejemplo «Coordinación de Medios»"
        )
    plan = session.plan
    _, targets = target(plan, campaign_text, component_text=component_text, touchpoint=touchpoint)
    models: dict[str, type[BaseModel]] = {
        "campaign": CampaignModel,
        "component": Component,
        "execution": Execution,
    }
    applied = Applied("owner")
    for t in targets:
        current = _current(session, t.path, "owner")
        if current == owner:
            continue
        _put(session, t.path, "owner", owner, models[t.kind])
        before = f"«{current}»" if current else "sin responsable"
        applied.lines.append(f"{t.label}: {before} → «{owner}»")
        applied.rows += 1
    return applied


def _current(session: EditSession, path: Path, key: str) -> Any:
    doc = session.before.plan_doc
    data: Any = doc.data if doc is not None else None
    for part in path:
        data = data[part]
    return data.get(key) if isinstance(data, dict) else None


def parse_status(text: str) -> str:
    status = INE_ANSWERS.get(fold(text).strip())
    if status is None:
        from campana.suggest import suggestion

        close = suggestion(text, ["aprobada", "negada", "pendiente"])
        raise UsageError(
            f"«{text}» no es una respuesta del INE",
            hint=(f"{close} " if close else "")
            + "se admite aprobada, negada o pendiente (approved, denied, pending)",
        )
    return status


def _spanish_document(session: EditSession) -> bool:
    """Whether the plan writes INE statuses in Spanish (its first one written says)."""
    doc = session.before.plan_doc
    data = doc.data if doc is not None else {}
    for c in data.get("campaigns") or []:
        for r in (c.get("execution") or []) if isinstance(c, dict) else []:
            value = r.get("ine_exception") if isinstance(r, dict) else None
            if isinstance(value, str):
                return value in _SPANISH.values()
    return False


def ine_answer(
    session: EditSession,
    status_text: str,
    *,
    campaign_text: str | None = None,
    touchpoint: str | None = None,
    blackout_text: str | None = None,
    date: dt.date | None = None,
    reference: str | None = None,
) -> Applied:
    """Record the INE's answer for a campaign's row on a touchpoint, or for every pending row
    of a campaign or of a blackout (the rows it restricts and overlaps)."""
    from campana.ine import blackout_overlaps
    from campana.models import Execution

    status = parse_status(status_text)
    plan = session.plan
    if status == "pending" and (date is not None or reference is not None):
        raise UsageError(
            "una respuesta pendiente no lleva fecha ni referencia",
            hint="quita --date y --reference, o registra aprobada o negada",
        )
    if date is not None and not plan.plan.year - 1 <= date.year <= plan.plan.year:
        raise UsageError(
            f"--date: {fmt(date)} está fuera del plan ({plan.plan.year})",
            hint=f"la respuesta del INE es de {plan.plan.year - 1} o {plan.plan.year}",
        )
    if reference is not None and not reference.strip():
        raise UsageError("--reference: falta el número de acuerdo u oficio")
    chosen: list[tuple[int, int]] = []
    if blackout_text is not None:
        b = _blackout(plan, blackout_text)
        for ci, c in enumerate(plan.campaigns):
            if campaign_text is not None and c.id != campaign(plan, campaign_text)[1].id:
                continue
            for ri, r in enumerate(c.execution):
                if r.ine_exception == "pending" and any(
                    blackout_overlaps([b], r.touchpoint, r.start, r.end)
                ):
                    chosen.append((ci, ri))
        where = f"de «{b.name}»"
    elif campaign_text is not None:
        ci, c = campaign(plan, campaign_text)
        if touchpoint is not None:
            chosen = [(ci, ri) for ri in rows(plan, c, touchpoint)]
        else:
            chosen = [(ci, ri) for ri, r in enumerate(c.execution) if r.ine_exception == "pending"]
        where = f"de «{c.name}»"
    else:
        raise UsageError(
            "falta la campaña o la veda",
            hint="indica la campaña (y el punto de contacto) o --blackout",
        )
    if not chosen:
        raise UsageError(
            f"no hay filas con la excepción del INE pendiente {where}",
            hint="indica el punto de contacto para cambiar una respuesta ya registrada",
        )
    written = _SPANISH[status] if _spanish_document(session) else status
    applied = Applied("ine")
    for ci, ri in chosen:
        c = plan.campaigns[ci]
        r = c.execution[ri]
        path: Path = ("campaigns", ci, "execution", ri)
        same = r.ine_exception == status
        if not same or _current(session, path, "ine_exception") is None:
            _put(session, path, "ine_exception", written, Execution)
        if status == "pending":
            _drop(session, path, "ine_answer_date")
            _drop(session, path, "ine_reference")
        else:
            if date is not None and date != r.ine_answer_date:
                _put(session, path, "ine_answer_date", date, Execution)
            elif date is None and not same:
                _drop(session, path, "ine_answer_date")
            if reference is not None and reference.strip() != r.ine_reference:
                _put(session, path, "ine_reference", reference.strip(), Execution)
            elif reference is None and not same:
                _drop(session, path, "ine_reference")
        from campana.vocab import ine_status

        was, now = ine_status(r.ine_exception), ine_status(status)
        line = f"«{_row_name(plan, r)}» de «{c.name}»: {was} → {now}"
        extra = [x for x in (fmt(date) if date else None, reference) if x]
        applied.lines.append(line + (f" ({', '.join(extra)})" if extra else ""))
        applied.rows += 1
    return applied


def _blackout(plan: Plan, text: str) -> Any:
    i = _pick(
        plan.blackouts,
        text,
        lambda b: (b.name, b.id),
        f"el plan no tiene la veda «{text}»",
        "vedas",
        "el plan no declara vedas",
    )
    return plan.blackouts[i]


def add_milestone(
    session: EditSession,
    campaign_text: str,
    *,
    milestone_id: str,
    name: str,
    date: dt.date,
    kind: str,
    owner: str | None = None,
    touchpoint: str | None = None,
) -> Applied:
    """Add a milestone to a campaign (the list is created if the campaign has none)."""
    import typing

    from campana.models import Campaign as CampaignModel
    from campana.models import MilestoneKind

    plan = session.plan
    ci, c = campaign(plan, campaign_text)
    kinds = typing.get_args(MilestoneKind)
    if kind not in kinds:
        from campana.suggest import suggestion

        close = suggestion(kind, kinds)
        raise UsageError(
            f"«{kind}» no es un tipo de hito",
            hint=(f"{close} " if close else "") + "tipos: " + ", ".join(kinds),
        )
    if any(m.id == milestone_id for m in c.milestones):
        raise UsageError(f"«{c.name}» ya tiene el hito «{milestone_id}»")
    _in_year(date, plan.plan.year, "el hito")
    item: dict[str, Any] = {"id": milestone_id, "name": name, "date": date, "kind": kind}
    if owner:
        item["owner"] = owner
    if touchpoint:
        item["touchpoint"] = touchpoint
    path: Path = ("campaigns", ci)
    if c.milestones:
        session.editor.append((*path, "milestones"), item)
    else:
        session.editor.insert_key(
            path, "milestones", [item], after=fields_before(CampaignModel, "milestones")
        )
    return Applied("milestone-add", [f"«{c.name}»: hito «{name}» el {fmt(date)}"], 1)


def remove_milestone(session: EditSession, campaign_text: str, milestone: str) -> Applied:
    plan = session.plan
    ci, c = campaign(plan, campaign_text)
    wanted = fold(milestone)
    index = next(
        (i for i, m in enumerate(c.milestones) if wanted in (fold(m.id), fold(m.name))), None
    )
    if index is None:
        from campana.suggest import suggestion

        names = [m.id for m in c.milestones]
        close = suggestion(milestone, names)
        raise UsageError(
            f"«{c.name}» no tiene el hito «{milestone}»",
            hint=(f"{close} " if close else "")
            + ("hitos: " + ", ".join(names) if names else "la campaña no tiene hitos"),
        )
    m = c.milestones[index]
    session.editor.remove(("campaigns", ci, "milestones", index))
    return Applied(
        "milestone-remove", [f"«{c.name}»: se quita el hito «{m.name}» ({fmt(m.date)})"], 1
    )


def referrers(plan: Plan, touchpoint_id: str) -> list[str]:
    """Who refers to a touchpoint: rows, components, milestones, blackouts (by name)."""
    found: list[str] = []
    for b in plan.blackouts:
        if touchpoint_id in b.restricts:
            found.append(f"la veda «{b.name}»")
    for c in plan.campaigns:
        if any(r.touchpoint == touchpoint_id for r in c.execution):
            found.append(f"la tabla de ejecución de «{c.name}»")
        for comp in c.components:
            if comp.touchpoint == touchpoint_id:
                found.append(f"el componente «{comp.name}» de «{c.name}»")
        for m in c.milestones:
            if m.touchpoint == touchpoint_id:
                found.append(f"el hito «{m.name}» de «{c.name}»")
    return found


__all__: Sequence[str] = (
    "Applied",
    "add_blackout",
    "add_milestone",
    "ine_answer",
    "move",
    "remove_milestone",
    "set_owner",
)


# --- adding and removing things ----------------------------------------------------------


def _check_id(value: str, what: str) -> str:
    import re

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise UsageError(
            f"«{value}» no sirve como id de {what}",
            hint="los ids van en minúsculas, sin acentos ni espacios, unidos por guiones: "
            "«trabajadores-independientes»",
        )
    return value


def _period(plan: Plan, start: dt.date, end: dt.date, what: str) -> None:
    if end < start:
        raise UsageError(
            f"{what} terminaría ({fmt(end)}) antes de empezar ({fmt(start)})",
            hint="revisa --start y --end",
        )
    _in_year(start, plan.plan.year, f"el inicio de {what}")
    _in_year(end, plan.plan.year, f"el fin de {what}")


def catalogue_touchpoint(plan: Plan, text: str) -> str:
    """The id of a touchpoint of the catalogue, by id or name."""
    wanted = fold(text)
    for t in plan.touchpoints:
        if wanted in (fold(t.id), fold(t.name)):
            return t.id
    from campana.suggest import suggestion

    names = [t.name for t in plan.touchpoints]
    close = suggestion(text, names)
    raise UsageError(
        f"el plan no tiene el punto de contacto «{text}»",
        hint=(f"{close} " if close else "")
        + "puntos de contacto: "
        + ", ".join(names)
        + "; agrégalo con «campana add touchpoint»",
    )


def _add_to(session: EditSession, path: Path, key: str, item: dict[str, Any], model: Any) -> None:
    """Append ``item`` to the list ``key`` of the mapping at ``path``, creating the list
    (where the model's field order puts it) when there is none."""
    if session.editor.has((*path, key)):
        session.editor.append((*path, key), item)
    else:
        session.editor.insert_key(path, key, [item], after=fields_before(model, key))


def add_campaign(
    session: EditSession,
    campaign_id: str,
    *,
    name: str,
    start: dt.date,
    end: dt.date,
    owner: str | None = None,
) -> Applied:
    plan = session.plan
    _check_id(campaign_id, "campaña")
    if any(c.id == campaign_id for c in plan.campaigns):
        raise UsageError(f"el plan ya tiene la campaña «{campaign_id}»")
    _period(plan, start, end, f"«{name}»")
    item: dict[str, Any] = {"id": campaign_id, "name": name, "start": start, "end": end}
    if owner:
        item["owner"] = owner
    session.editor.append(("campaigns",), item)
    return Applied("add-campaign", [f"campaña nueva «{name}»: {period(start, end)}"], 1)


def add_component(
    session: EditSession,
    campaign_text: str,
    component_id: str,
    *,
    name: str,
    start: dt.date,
    end: dt.date,
    touchpoint: str | None = None,
    tactic: str | None = None,
) -> Applied:
    from campana.models import Campaign as CampaignModel

    plan = session.plan
    ci, c = campaign(plan, campaign_text)
    _check_id(component_id, "componente")
    if any(k.id == component_id for k in c.components):
        raise UsageError(f"«{c.name}» ya tiene el componente «{component_id}»")
    _period(plan, start, end, f"el componente «{name}»")
    item: dict[str, Any] = {"id": component_id, "name": name, "start": start, "end": end}
    if touchpoint is not None:
        item["touchpoint"] = catalogue_touchpoint(plan, touchpoint)
    if tactic:
        item["tactic"] = tactic
    _add_to(session, ("campaigns", ci), "components", item, CampaignModel)
    return Applied("add-component", [f"«{c.name}»: componente nuevo «{name}»"], 1)


def add_row(
    session: EditSession,
    campaign_text: str,
    touchpoint: str,
    *,
    tactics: Sequence[str],
    start: dt.date,
    end: dt.date,
) -> Applied:
    from campana.models import Campaign as CampaignModel

    plan = session.plan
    ci, c = campaign(plan, campaign_text)
    tp = catalogue_touchpoint(plan, touchpoint)
    tactics = [t.strip() for t in tactics if t.strip()]
    if not tactics:
        raise UsageError("falta al menos un táctico", hint="por ejemplo --tactic «Spoteo radio»")
    name = plan.touchpoint_name(tp)
    _period(plan, start, end, f"«{name}» de «{c.name}»")
    item: dict[str, Any] = {"touchpoint": tp, "tactics": tactics, "start": start, "end": end}
    _add_to(session, ("campaigns", ci), "execution", item, CampaignModel)
    return Applied("add-row", [f"«{c.name}»: fila nueva de «{name}»"], 1)


def add_touchpoint(
    session: EditSession, touchpoint_id: str, *, name: str, description: str | None = None
) -> Applied:
    plan = session.plan
    _check_id(touchpoint_id, "punto de contacto")
    if any(t.id == touchpoint_id for t in plan.touchpoints):
        raise UsageError(f"el plan ya tiene el punto de contacto «{touchpoint_id}»")
    item: dict[str, Any] = {"id": touchpoint_id, "name": name}
    if description:
        item["description"] = description
    session.editor.append(("touchpoints",), item)
    return Applied("add-touchpoint", [f"punto de contacto nuevo «{name}»"], 1)


def _refused(what: str, found: Sequence[str]) -> UsageError:
    from campana.vocab import and_list

    return UsageError(
        f"no se puede quitar {what}: lo usa {and_list(list(found))}",
        hint="cambia o quita primero esas referencias",
    )


def remove_campaign(session: EditSession, campaign_text: str) -> Applied:
    plan = session.plan
    ci, c = campaign(plan, campaign_text)
    if len(plan.campaigns) == 1:
        raise UsageError("no se puede quitar la única campaña del plan")
    session.editor.remove(("campaigns", ci))
    return Applied("remove-campaign", [f"se quita la campaña «{c.name}»"], 1)


def remove_component(session: EditSession, campaign_text: str, component_text: str) -> Applied:
    plan = session.plan
    ci, c = campaign(plan, campaign_text)
    i = component(c, component_text)
    session.editor.remove(("campaigns", ci, "components", i))
    return Applied(
        "remove-component", [f"«{c.name}»: se quita el componente «{c.components[i].name}»"], 1
    )


def remove_row(session: EditSession, campaign_text: str, touchpoint: str) -> Applied:
    plan = session.plan
    ci, c = campaign(plan, campaign_text)
    found = rows(plan, c, touchpoint)
    tp = c.execution[found[0]].touchpoint
    name = plan.touchpoint_name(tp)
    if len(found) == 1:
        users = [f"el componente «{k.name}»" for k in c.components if k.touchpoint == tp]
        users += [f"el hito «{m.name}»" for m in c.milestones if m.touchpoint == tp]
        if users:
            raise _refused(f"la fila de «{name}» de «{c.name}»", users)
    for i in sorted(found, reverse=True):
        session.editor.remove(("campaigns", ci, "execution", i))
    return Applied("remove-row", [f"«{c.name}»: se quita la fila de «{name}»"], len(found))


def remove_touchpoint(session: EditSession, touchpoint: str) -> Applied:
    plan = session.plan
    tp = catalogue_touchpoint(plan, touchpoint)
    users = referrers(plan, tp)
    name = plan.touchpoint_name(tp)
    if users:
        raise _refused(f"el punto de contacto «{name}»", users)
    index = next(i for i, t in enumerate(plan.touchpoints) if t.id == tp)
    session.editor.remove(("touchpoints", index))
    return Applied("remove-touchpoint", [f"se quita el punto de contacto «{name}»"], 1)


# --- blackouts ----------------------------------------------------------------------------


def jurisdiction(scopes: Sequence[str]) -> tuple[str, ...] | None:
    """None for a federal blackout (nothing, or «federal»), else the states' canonical names
    (accents, case and common forms such as «CDMX» accepted)."""
    from campana.ine import STATES, state_name

    scopes = [s.strip() for s in scopes if s.strip()]
    if not scopes or [fold(s) for s in scopes] == ["federal"]:
        return None
    found: list[str] = []
    for s in scopes:
        canonical = state_name(s)
        if canonical is None:
            from campana.suggest import suggestion

            close = suggestion(s, list(STATES))
            raise UsageError(
                f"--jurisdiction: «{s}» no es una entidad federativa",
                hint=(f"{close} " if close else "")
                + "escribe federal, o el nombre de un estado: Coahuila, Jalisco...",
            )
        if canonical not in found:
            found.append(canonical)
    return tuple(found)


def add_blackout(session: EditSession, new: NewBlackout) -> Applied:
    """Declare a blackout: one item added at the end of ``blackouts`` in its siblings'
    layout (the key created, in the model's order, when the plan has none). Its touchpoints
    (ids or names) and states are resolved first; its dates are written as declared."""
    from campana.models import Blackout
    from campana.models import Plan as PlanModel
    from campana.vocab import and_list

    plan = session.plan
    _check_id(new.id, "veda")
    if any(b.id == new.id for b in plan.blackouts):
        raise UsageError(
            f"el plan ya tiene una veda con el id «{new.id}»",
            hint="indica otro id con --id, o dale otro nombre",
        )
    restricts: list[str] = []
    for text in new.restricts:
        tp = catalogue_touchpoint(plan, text)
        if tp not in restricts:
            restricts.append(tp)
    if not restricts:
        raise UsageError(
            "--restricts: indica al menos un punto de contacto",
            hint="por ejemplo --restricts medios-masivos",
        )
    states = None if new.states is None else jurisdiction(new.states)
    item: dict[str, Any] = {"id": new.id, "name": new.name, "start": new.start, "end": new.end}
    if new.description:
        item["description"] = new.description
    item["restricts"] = restricts
    if states is not None:
        item["jurisdiction"] = list(states)
    if new.election_day is not None:
        item["election_day"] = new.election_day
    assert list(item) == [k for k in Blackout.model_fields if k in item]
    if session.editor.has(("blackouts",)):
        session.editor.append(("blackouts",), item)
    else:
        session.editor.insert_key(
            (), "blackouts", [item], after=fields_before(PlanModel, "blackouts")
        )
    where = "federal" if states is None else and_list(list(states))
    return Applied(
        "add-blackout", [f"veda nueva «{new.name}»: {period(new.start, new.end)} ({where})"], 1
    )
