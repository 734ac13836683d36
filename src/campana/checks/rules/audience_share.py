"""A segment's stated percentage of another agrees with their counts, within rounding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from campana.checks.common import unknown
from campana.vocab import number

if TYPE_CHECKING:
    from campana.checks.context import AudienceContext
    from campana.errors import Finding
    from campana.yamlsrc import Loc

CODES = ("audience-share", "unknown-reference")
SCOPE = "audience"


def check(ctx: AudienceContext) -> Iterator[Finding]:
    by_id, doc = ctx.segments, ctx.doc
    for si, s in enumerate(ctx.audience.segments):
        if s.share is None:
            continue
        loc: Loc = ("segments", si, "share")
        whole = by_id.get(s.share.of)
        if whole is None:
            yield unknown(
                doc, (*loc, "of"), s.share.of, by_id, "el segmento", "segmentos definidos"
            )
            continue
        if whole.count == 0:
            continue
        tol = 0.5 * 10 ** -_decimals(s.share.percent)
        du, wu = _uncertainty(s.count, s.bound), _uncertainty(whole.count, whole.bound)
        low = 100 * max(s.count - du, 0) / (whole.count + wu)
        high = 100 * (s.count + du) / max(whole.count - wu, 1)
        computed = 100 * s.count / whole.count
        if not low - tol <= s.share.percent <= high + tol:
            yield doc.finding(
                (*loc, "percent"),
                "error",
                "audience-share",
                f"«{s.name}» dice ser el {s.share.percent:g} % de «{whole.name}», pero "
                f"{number(s.count)} de {number(whole.count)} es el {computed:.2f} %",
                hint="corrige el porcentaje o la cifra, según cuál venga de la fuente",
                identity=("audience-share", s.id, whole.id),
            )


def _decimals(value: float) -> int:
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    decimals = text.split(".")[1]
    return 0 if decimals == "0" else len(decimals)


def _uncertainty(count: int, bound: str) -> float:
    """Half the rounding step of an approximate count (129000000 -> 500000)."""
    if bound == "exact" or count == 0:
        return 0.0
    zeros = len(str(count)) - len(str(count).rstrip("0"))
    return 0.5 * float(10**zeros)
