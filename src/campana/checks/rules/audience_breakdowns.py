"""The parts of a breakdown exist, none exceeds the whole, and exact parts add up to it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import unknown
from campana.vocab import number, signed_number

if TYPE_CHECKING:
    from campana.checks.context import AudienceContext
    from campana.errors import Finding
    from campana.models import Segment
    from campana.yamlsrc import Loc

CODES = ("audience-sum", "unknown-reference")
SCOPE = "audience"


def check(ctx: AudienceContext) -> Iterator[Finding]:
    by_id, doc = ctx.segments, ctx.doc
    for bi, bd in enumerate(ctx.audience.breakdowns):
        loc: Loc = ("breakdowns", bi)
        whole = by_id.get(bd.whole)
        if whole is None:
            yield unknown(
                doc, (*loc, "whole"), bd.whole, by_id, "el segmento", "segmentos definidos"
            )
        parts: list[Segment] = []
        for pi, pid in enumerate(bd.parts):
            part = by_id.get(pid)
            if part is None:
                yield unknown(
                    doc, (*loc, "parts", pi), pid, by_id, "el segmento", "segmentos definidos"
                )
            else:
                parts.append(part)
        if whole is None or len(parts) != len(bd.parts):
            continue
        for pi, part in enumerate(parts):
            if part.count > whole.count:
                yield doc.finding(
                    (*loc, "parts", pi),
                    "error",
                    "audience-sum",
                    f"«{part.name}» ({number(part.count)}) es mayor que el total «{whole.name}» "
                    f"({number(whole.count)})",
                    hint="revisa ambas cifras",
                    identity=("audience-part", whole.id, part.id),
                )
        if any(p.bound != "exact" for p in [*parts, whole]):
            continue
        total = sum(p.count for p in parts)
        if total != whole.count:
            listed = " + ".join(number(p.count) for p in parts)
            yield doc.finding(
                (*loc, "whole"),
                "error",
                "audience-sum",
                f"las partes de «{whole.name}» suman {number(total)} ({listed}) y el total es "
                f"{number(whole.count)}: diferencia de {signed_number(total - whole.count)}",
                hint="corrige la cifra que no coincide con la fuente",
                identity=("audience-sum", whole.id),
            )
