"""The period as the document prints it (``period_text``) says what the ISO dates say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from campana.checks.common import objective_label, row_label
from campana.dates import parse_period_text, period

if TYPE_CHECKING:
    from campana.checks.context import PlanContext
    from campana.errors import Finding
    from campana.yamlsrc import Loc, YamlDoc

CODES = ("period-text",)
SCOPE = "plan"


def check(ctx: PlanContext) -> Iterator[Finding]:
    doc = ctx.doc
    for cv in ctx.campaigns:
        c = cv.campaign
        for oi, o in enumerate(c.objectives):
            if not _agrees(o.period_text, o.start, o.end):
                loc: Loc = (*cv.loc, "objectives", oi)
                label = partial(objective_label, c, oi)
                yield from _compare(doc, loc, label, o.period_text, o.start, o.end, c.id)
        for ri, r in enumerate(c.execution):
            if not _agrees(r.period_text, r.start, r.end):
                loc = (*cv.loc, "execution", ri)
                label = partial(row_label, ctx, c, r)
                yield from _compare(doc, loc, label, r.period_text, r.start, r.end, c.id)


def _agrees(text: str | None, start: dt.date | None, end: dt.date | None) -> bool:
    """The common case, answered without building a place or a label: nothing to compare,
    or a text that says the dates (``parse_period_text`` keeps what it read)."""
    if text is None or start is None or end is None:
        return True
    try:
        return parse_period_text(text) == (start, end)
    except ValueError:
        return False


def _compare(
    doc: YamlDoc,
    loc: Loc,
    label: Callable[[], str],
    text: str | None,
    start: dt.date | None,
    end: dt.date | None,
    campaign: str,
) -> Iterator[Finding]:
    if text is None or start is None or end is None:
        return
    try:
        t_start, t_end = parse_period_text(text)
    except ValueError as exc:
        yield doc.finding(
            (*loc, "period_text"),
            "warning",
            "period-text",
            f"no se pudo leer el periodo de {label()}: {exc}",
            hint="escribe el periodo como «23 de febrero a 14 de julio 2024»",
            campaign=campaign,
            identity=("period-text-unreadable", label()),
        )
        return
    if (t_start, t_end) != (start, end):
        yield doc.finding(
            (*loc, "period_text"),
            "error",
            "period-text",
            f"el texto del periodo de {label()} dice {period(t_start, t_end, full=True)} y "
            f"las fechas de inicio y fin dicen {period(start, end, full=True)}",
            hint="corrige las fechas ISO o el texto para que digan lo mismo",
            campaign=campaign,
            identity=("period-text", label()),
        )
