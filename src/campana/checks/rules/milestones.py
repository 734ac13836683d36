"""Campaign milestones: ids, touchpoints, dates in the plan's year, and an INE answer that comes
after a blackout already started (honouring the --assume-ine scenario).

``milestone_findings`` works on the models alone and names each offending value by its path in
the plan (``("campaigns", i, "milestones", j, "date")``); ``check`` places them in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from campana.dates import fmt
from campana.errors import Severity
from campana.ine import BlackoutIndex, apply_assumption, restricted_status
from campana.vocab import and_list

if TYPE_CHECKING:
    from collections.abc import Iterator

    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.models import Blackout, Campaign, Milestone, Plan

CODES = ("duplicate-id", "unknown-reference", "outside-year", "ine-answer-late")
SCOPE = "plan"

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class MilestoneFinding:
    path: Path
    severity: Severity
    code: str
    message: str
    hint: str | None
    campaign: str
    #: position-free identity (Finding.key), so diff can tell introduced from resolved
    key: tuple[str, ...]


def milestone_findings(plan: Plan, *, assume_ine: str | None = None) -> list[MilestoneFinding]:
    """Every milestone problem of the plan, in plan order.

    - ``ine-answer-late`` (warning): an ``ine-answer`` milestone on or after the first day of a
      blackout that restricts a row of its campaign whose exception is still pending (under the
      scenario); on the first day itself the answer already comes too late for that day. When
      the milestone names a touchpoint, only that touchpoint's rows count.
    - ``unknown-reference`` (error): a ``touchpoint`` that is not in the catalogue.
    - ``duplicate-id`` (error): a milestone id repeated within its campaign.
    - ``outside-year`` (warning): a milestone dated outside the plan's year (a closing report
      may legitimately fall in January of the next one).
    """
    index = BlackoutIndex.of(plan)
    catalogue = [t.id for t in plan.touchpoints]
    known = set(catalogue)
    found: list[MilestoneFinding] = []
    for ci, c in enumerate(plan.campaigns):
        seen: dict[str, int] = {}
        for mi, m in enumerate(c.milestones):
            loc: Path = ("campaigns", ci, "milestones", mi)
            label = f"el hito «{m.name}»"
            if m.id in seen:
                found.append(
                    MilestoneFinding(
                        (*loc, "id"),
                        "error",
                        "duplicate-id",
                        f"id de hito «{m.id}» repetido en «{c.name}» (ya lo usa el hito "
                        f"n.º {seen[m.id] + 1})",
                        "cada hito de una campaña necesita un id propio: cambia uno de los dos",
                        c.id,
                        ("duplicate-id", "hito", c.id, m.id),
                    )
                )
            else:
                seen[m.id] = mi
            if m.touchpoint is not None and m.touchpoint not in known:
                found.append(
                    MilestoneFinding(
                        (*loc, "touchpoint"),
                        "error",
                        "unknown-reference",
                        f"el punto de contacto «{m.touchpoint}» del hito «{m.name}» no existe",
                        "usa uno de los puntos de contacto del plan: " + ", ".join(catalogue),
                        c.id,
                        ("unknown-reference", "touchpoint", m.touchpoint, c.id),
                    )
                )
            if m.date.year != plan.plan.year:
                found.append(
                    MilestoneFinding(
                        (*loc, "date"),
                        "warning",
                        "outside-year",
                        f"{label} ({fmt(m.date)}) queda fuera del año del plan, {plan.plan.year}",
                        "revisa el año de la fecha; si es intencional, ignora este aviso",
                        c.id,
                        ("outside-year", "hito", c.id, m.id),
                    )
                )
            if m.kind == "ine-answer":
                late = _late_answer(c, m, index.scoped(c.states), assume_ine)
                if late is not None:
                    blackout, touchpoints = late
                    names = and_list([plan.touchpoint_name(t) for t in touchpoints])
                    found.append(
                        MilestoneFinding(
                            (*loc, "date"),
                            "warning",
                            "ine-answer-late",
                            f"{label} ({fmt(m.date)}) llega cuando ya empezó la veda "
                            f"«{blackout.name}» ({fmt(blackout.start)}) y la excepción de "
                            f"{names} sigue pendiente",
                            "pide la respuesta antes de la veda o planea la suspensión de esos "
                            "puntos de contacto desde su primer día",
                            c.id,
                            ("ine-answer-late", c.id, m.id, blackout.id),
                        )
                    )
    return found


def _late_answer(
    c: Campaign, m: Milestone, index: BlackoutIndex, assume_ine: str | None
) -> tuple[Blackout, list[str]] | None:
    """The earliest blackout that starts on or before the answer and restricts a pending row."""
    hits: dict[str, tuple[Blackout, list[str]]] = {}
    for r in c.execution:
        if m.touchpoint is not None and r.touchpoint != m.touchpoint:
            continue
        if apply_assumption(restricted_status(r), assume_ine) != "pending":
            continue
        for cross in index.crossings(r.touchpoint, r.start, r.end):
            b = cross.blackout
            if b.start <= m.date:
                entry = hits.setdefault(b.id, (b, []))
                if r.touchpoint not in entry[1]:
                    entry[1].append(r.touchpoint)
    if not hits:
        return None
    return min(hits.values(), key=lambda h: (h[0].start, h[0].id))


def check(ctx: PlanContext) -> Iterator[Finding]:
    if not any(c.milestones for c in ctx.plan.campaigns):
        return
    for m in milestone_findings(ctx.plan, assume_ine=ctx.assume_ine):
        yield ctx.doc.finding(
            m.path,
            m.severity,
            m.code,
            m.message,
            hint=m.hint,
            campaign=m.campaign,
            identity=m.key,
        )
