"""Plan checks: what the schema cannot see. Each returns findings that point at the YAML.

Severity follows what a planner would say: data that cannot be right is an error; a conflict
the team knows about and is waiting on (a pending INE exception, two tables of the source
document that disagree) is a warning, so the shipped plan validates and its doubts stay visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from campana.dates import add_days, days, fmt, overlap, parse_period_text, span_days
from campana.errors import Finding

if TYPE_CHECKING:
    from campana.models import Audience, Campaign, Plan
    from campana.validation import Validation
    from campana.yamlsource import Loc, YamlDoc

INE_STATUS_ES = {
    "pending": "pendiente",
    "approved": "aprobada",
    "denied": "negada",
    None: "no solicitada",
}


def run_checks(v: Validation) -> list[Finding]:
    findings: list[Finding] = []
    if v.plan is not None and v.plan_doc is not None:
        findings.extend(plan_checks(v.plan, v.plan_doc, v.audience, v.audience_doc is not None))
    if v.audience is not None and v.audience_doc is not None:
        findings.extend(audience_checks(v.audience, v.audience_doc))
    return findings


def _duplicates(
    doc: YamlDoc, items: Iterable[tuple[Loc, str]], what: str, campaign: str | None = None
) -> Iterator[Finding]:
    first: dict[str, Loc] = {}
    for loc, value in items:
        if value in first:
            line, _, _ = doc.position(first[value])
            yield doc.finding(
                loc,
                "error",
                "duplicate-id",
                f"{what} «{value}» repetido (ya está en la línea {line})",
                hint="cada id debe ser único: cambia uno de los dos",
                campaign=campaign,
                identity=("duplicate-id", what, value),
            )
        else:
            first[value] = loc


def _unknown(
    doc: YamlDoc,
    loc: Loc,
    value: str,
    known: Iterable[str],
    what: str,
    where: str,
    campaign: str | None = None,
) -> Finding:
    import difflib

    options = sorted(known)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
    hint = (
        f"¿quisiste decir «{close[0]}»?"
        if close
        else (
            f"{where}: " + ", ".join(options) if options else f"no hay ninguno definido en {where}"
        )
    )
    return doc.finding(
        loc,
        "error",
        "unknown-reference",
        f"{what} «{value}» no existe",
        hint=hint,
        campaign=campaign,
        identity=("unknown-reference", what, value, campaign or ""),
    )


def _period_checks(
    doc: YamlDoc,
    loc: Loc,
    label: str,
    start: dt.date,
    end: dt.date,
    year: int,
    campaign: str | None,
) -> Iterator[Finding]:
    if end < start:
        yield doc.finding(
            (*loc, "end"),
            "error",
            "end-before-start",
            f"{label} termina ({fmt(end)}) antes de empezar ({fmt(start)})",
            hint="revisa si se intercambiaron start y end, o el año de alguna",
            campaign=campaign,
            identity=("end-before-start", label),
        )
        return
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if overlap(start, end, first, last) is None:
        yield doc.finding(
            (*loc, "start"),
            "error",
            "outside-year",
            f"{label} ({fmt(start)} – {fmt(end)}) queda fuera del año del plan, {year}",
            hint=f"revisa el año de las fechas; el plan es de {year}",
            campaign=campaign,
            identity=("outside-year", label),
        )
    elif start < first or end > last:
        side = "start" if start < first else "end"
        yield doc.finding(
            (*loc, side),
            "warning",
            "outside-year",
            f"{label} ({fmt(start)} – {fmt(end)}) sale del año del plan, {year}",
            hint="si es intencional, el resto de la campaña va en el plan del otro año",
            campaign=campaign,
            identity=("outside-year", label),
        )


def _within(
    doc: YamlDoc, loc: Loc, label: str, start: dt.date, end: dt.date, c: Campaign
) -> Iterator[Finding]:
    if start < c.start:
        yield doc.finding(
            (*loc, "start"),
            "warning",
            "outside-campaign",
            f"{label} empieza el {fmt(start)}, {days((c.start - start).days)} antes que su "
            f"campaña «{c.name}» ({fmt(c.start)})",
            hint="ajusta la fecha, o amplía el periodo de la campaña",
            campaign=c.id,
            identity=("outside-campaign", label, "start"),
        )
    if end > c.end:
        yield doc.finding(
            (*loc, "end"),
            "warning",
            "outside-campaign",
            f"{label} termina el {fmt(end)}, {days((end - c.end).days)} después que su "
            f"campaña «{c.name}» ({fmt(c.end)})",
            hint="ajusta la fecha, o amplía el periodo de la campaña",
            campaign=c.id,
            identity=("outside-campaign", label, "end"),
        )


def _mismatch(
    doc: YamlDoc,
    loc: Loc,
    side: str,
    subject: str,
    a_label: str,
    a: dt.date,
    b_label: str,
    b: dt.date,
    campaign: str,
) -> Finding:
    diff = (a - b).days
    word = "inicio" if side == "start" else "fin"
    return doc.finding(
        (*loc, side),
        "warning",
        "period-mismatch",
        f"{a_label} marca el {word} de {subject} el {fmt(a)} y {b_label} el {fmt(b)}: "
        f"{days(abs(diff))} de diferencia",
        hint="confirma la fecha correcta con el área responsable y corrige la otra",
        campaign=campaign,
        identity=("period-mismatch", subject, side, a_label, b_label),
    )


def _period_text(
    doc: YamlDoc,
    loc: Loc,
    label: str,
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
            f"no se pudo leer el periodo de {label}: {exc}",
            hint="escribe el periodo como «23 de febrero a 14 de julio 2024»",
            campaign=campaign,
            identity=("period-text-unreadable", label),
        )
        return
    if (t_start, t_end) != (start, end):
        yield doc.finding(
            (*loc, "period_text"),
            "error",
            "period-text",
            f"el texto del periodo de {label} dice {fmt(t_start)} – {fmt(t_end)} y "
            f"start/end dicen {fmt(start)} – {fmt(end)}",
            hint="corrige las fechas ISO o el texto para que digan lo mismo",
            campaign=campaign,
            identity=("period-text", label),
        )


def _gaps(
    start: dt.date, end: dt.date, spans: list[tuple[dt.date, dt.date]]
) -> list[tuple[dt.date, dt.date]]:
    gaps: list[tuple[dt.date, dt.date]] = []
    cursor = start
    for s, e in sorted(spans):
        if e < cursor:
            continue
        if s > cursor:
            gaps.append((cursor, min(s - dt.timedelta(days=1), end)))
        after = add_days(e, 1)
        if after is None:  # covered up to 9999-12-31, the last day there is: no gap after it
            return [g for g in gaps if g[0] <= g[1] and g[0] <= end]
        cursor = max(cursor, after)
        if cursor > end:
            break
    if cursor <= end:
        gaps.append((cursor, end))
    return [g for g in gaps if g[0] <= g[1] and g[0] <= end]


def plan_checks(
    plan: Plan, doc: YamlDoc, audience: Audience | None, audience_read: bool
) -> Iterator[Finding]:
    year = plan.plan.year
    tp_ids = {t.id for t in plan.touchpoints}
    yield from _duplicates(
        doc,
        ((("touchpoints", i, "id"), t.id) for i, t in enumerate(plan.touchpoints)),
        "punto de contacto",
    )
    yield from _duplicates(
        doc, ((("campaigns", i, "id"), c.id) for i, c in enumerate(plan.campaigns)), "campaña"
    )
    yield from _duplicates(
        doc, ((("blackouts", i, "id"), b.id) for i, b in enumerate(plan.blackouts)), "veda"
    )
    segment_ids = {s.id for s in audience.segments} if audience else set()

    for bi, b in enumerate(plan.blackouts):
        bloc: Loc = ("blackouts", bi)
        if b.end < b.start:
            yield doc.finding(
                (*bloc, "end"),
                "error",
                "end-before-start",
                f"la veda «{b.name}» termina ({fmt(b.end)}) antes de empezar ({fmt(b.start)})",
                hint="revisa si se intercambiaron start y end",
                identity=("end-before-start", "veda", b.id),
            )
        for ri, ref in enumerate(b.restricts):
            if ref not in tp_ids:
                yield _unknown(
                    doc,
                    (*bloc, "restricts", ri),
                    ref,
                    tp_ids,
                    "el punto de contacto",
                    "puntos de contacto definidos en touchpoints",
                )

    for ci, c in enumerate(plan.campaigns):
        cloc: Loc = ("campaigns", ci)
        name = f"la campaña «{c.name}»"
        yield from _period_checks(doc, cloc, name, c.start, c.end, year, c.id)
        campaign_ok = c.start <= c.end

        for ai, seg in enumerate(c.audience):
            if audience is None:
                if not audience_read:
                    yield doc.finding(
                        (*cloc, "audience", ai),
                        "error",
                        "unknown-reference",
                        f"el segmento «{seg}» no se puede comprobar: no hay audience.yaml "
                        "junto al plan",
                        hint="pon audience.yaml en la misma carpeta que el plan",
                        campaign=c.id,
                        identity=("no-audience", c.id, seg),
                    )
            elif seg not in segment_ids:
                yield _unknown(
                    doc,
                    (*cloc, "audience", ai),
                    seg,
                    segment_ids,
                    "el segmento de audiencia",
                    "segmentos de audience.yaml",
                    c.id,
                )

        yield from _duplicates(
            doc,
            (((*cloc, "components", i, "id"), k.id) for i, k in enumerate(c.components)),
            "componente",
            c.id,
        )
        yield from _duplicates(
            doc,
            (
                ((*cloc, "execution", i, "touchpoint"), r.touchpoint)
                for i, r in enumerate(c.execution)
            ),
            "punto de contacto en la tabla de ejecución",
            c.id,
        )
        rows = {r.touchpoint: r for r in c.execution}

        for oi, o in enumerate(c.objectives):
            oloc: Loc = (*cloc, "objectives", oi)
            label = f"el objetivo {oi + 1} de «{c.name}»"
            if (o.start is None) != (o.end is None):
                missing = "end" if o.end is None else "start"
                yield doc.finding(
                    oloc,
                    "error",
                    "missing-field",
                    f"{label} tiene {'start' if missing == 'end' else 'end'} pero le falta "
                    f"{missing}",
                    hint="un periodo necesita las dos fechas, o ninguna",
                    campaign=c.id,
                    identity=("objective-half-period", c.id, str(oi)),
                )
                continue
            if o.start is None or o.end is None:
                continue
            yield from _period_checks(doc, oloc, label, o.start, o.end, year, c.id)
            yield from _period_text(doc, oloc, label, o.period_text, o.start, o.end, c.id)
            if campaign_ok:
                for side in ("start", "end"):
                    a, b = getattr(o, side), getattr(c, side)
                    if a != b:
                        yield _mismatch(
                            doc,
                            oloc,
                            side,
                            f"«{c.name}»",
                            "el objetivo",
                            a,
                            "la programación",
                            b,
                            c.id,
                        )

        for ki, k in enumerate(c.components):
            kloc: Loc = (*cloc, "components", ki)
            label = f"el componente «{k.name}»"
            yield from _period_checks(doc, kloc, label, k.start, k.end, year, c.id)
            if k.start > k.end:
                continue
            if campaign_ok:
                yield from _within(doc, kloc, label, k.start, k.end, c)
            if k.touchpoint is not None:
                if k.touchpoint not in tp_ids:
                    yield _unknown(
                        doc,
                        (*kloc, "touchpoint"),
                        k.touchpoint,
                        tp_ids,
                        "el punto de contacto",
                        "puntos de contacto definidos en touchpoints",
                        c.id,
                    )
                    continue
                row = rows.get(k.touchpoint)
                if row is None:
                    continue
                if k.tactic is not None and k.tactic not in row.tactics:
                    yield _unknown(
                        doc,
                        (*kloc, "tactic"),
                        k.tactic,
                        row.tactics,
                        "el táctico",
                        f"tácticos de «{plan.touchpoint_name(k.touchpoint)}»",
                        c.id,
                    )
                if row.start <= row.end:
                    for side in ("start", "end"):
                        a, b = getattr(k, side), getattr(row, side)
                        if a != b:
                            yield _mismatch(
                                doc,
                                kloc,
                                side,
                                f"«{k.name}»",
                                "la programación",
                                a,
                                f"la tabla de ejecución («{plan.touchpoint_name(row.touchpoint)}»)",
                                b,
                                c.id,
                            )

        spans: list[tuple[dt.date, dt.date]] = []
        for ri, r in enumerate(c.execution):
            rloc: Loc = (*cloc, "execution", ri)
            tp_name = plan.touchpoint_name(r.touchpoint)
            label = f"«{tp_name}» de «{c.name}»"
            if r.touchpoint not in tp_ids:
                yield _unknown(
                    doc,
                    (*rloc, "touchpoint"),
                    r.touchpoint,
                    tp_ids,
                    "el punto de contacto",
                    "puntos de contacto definidos en touchpoints",
                    c.id,
                )
            yield from _period_checks(doc, rloc, label, r.start, r.end, year, c.id)
            yield from _period_text(doc, rloc, label, r.period_text, r.start, r.end, c.id)
            if r.start > r.end:
                continue
            spans.append((r.start, r.end))
            if campaign_ok:
                yield from _within(doc, rloc, label, r.start, r.end, c)
            yield from _blackout(
                plan,
                doc,
                rloc,
                label,
                r.touchpoint,
                r.start,
                r.end,
                r.ine_exception,
                "ine_exception" if r.ine_exception else "touchpoint",
                c.id,
            )
        for ki, k in enumerate(c.components):
            if k.start > k.end:
                continue
            spans.append((k.start, k.end))
            if k.touchpoint is not None and k.touchpoint not in rows:
                yield from _blackout(
                    plan,
                    doc,
                    (*cloc, "components", ki),
                    f"el componente «{k.name}»",
                    k.touchpoint,
                    k.start,
                    k.end,
                    None,
                    "touchpoint",
                    c.id,
                )

        if spans and campaign_ok:
            for g_start, g_end in _gaps(c.start, c.end, spans):
                side = "start" if g_start == c.start else "end" if g_end == c.end else "id"
                yield doc.finding(
                    (*cloc, side),
                    "warning",
                    "coverage-gap",
                    f"«{c.name}» no tiene ningún punto de contacto activo del {fmt(g_start)} al "
                    f"{fmt(g_end)} ({days(span_days(g_start, g_end))})",
                    hint=(
                        "programa un punto de contacto esos días o ajusta el periodo de la campaña"
                    ),
                    campaign=c.id,
                    identity=("coverage-gap", c.id, g_start.isoformat(), g_end.isoformat()),
                )


def _blackout(
    plan: Plan,
    doc: YamlDoc,
    loc: Loc,
    label: str,
    touchpoint: str,
    start: dt.date,
    end: dt.date,
    status: str | None,
    field: str,
    campaign: str,
) -> Iterator[Finding]:
    for b in plan.blackouts:
        if touchpoint not in b.restricts or b.start > b.end:
            continue
        cross = overlap(start, end, b.start, b.end)
        if cross is None or status == "approved":
            continue
        n = span_days(*cross)
        base = (
            f"{label} corre del {fmt(start)} al {fmt(end)} y se cruza {days(n)} con "
            f"«{b.name}» ({fmt(b.start)} – {fmt(b.end)})"
        )
        if status == "pending":
            yield doc.finding(
                (*loc, field),
                "warning",
                "blackout-pending",
                f"{base}; la excepción del INE está pendiente",
                hint=(
                    f"si el INE la niega, suspende este punto de contacto del {fmt(cross[0])} al "
                    f"{fmt(cross[1])}; registra la respuesta en ine_exception"
                ),
                campaign=campaign,
                identity=("blackout", campaign, label, b.id),
            )
        else:
            state = "fue negada" if status == "denied" else "no se solicitó"
            yield doc.finding(
                (*loc, field),
                "error",
                "blackout-conflict",
                f"{base}; la excepción del INE {state}",
                hint=(
                    f"suspende este punto de contacto del {fmt(cross[0])} al {fmt(cross[1])}, "
                    "o solicita la excepción al INE (ine_exception: pending)"
                ),
                campaign=campaign,
                identity=("blackout", campaign, label, b.id),
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


def audience_checks(audience: Audience, doc: YamlDoc) -> Iterator[Finding]:
    by_id = {s.id: s for s in audience.segments}
    yield from _duplicates(
        doc,
        ((("segments", i, "id"), s.id) for i, s in enumerate(audience.segments)),
        "segmento",
    )
    ids = set(by_id)
    for si, s in enumerate(audience.segments):
        if s.share is None:
            continue
        loc: Loc = ("segments", si, "share")
        whole = by_id.get(s.share.of)
        if whole is None:
            yield _unknown(doc, (*loc, "of"), s.share.of, ids, "el segmento", "segmentos definidos")
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
                f"{s.count:,} de {whole.count:,} es el {computed:.2f} %",
                hint="corrige el porcentaje o la cifra, según cuál venga de la fuente",
                identity=("audience-share", s.id, whole.id),
            )
    for bi, bd in enumerate(audience.breakdowns):
        loc = ("breakdowns", bi)
        whole = by_id.get(bd.whole)
        if whole is None:
            yield _unknown(
                doc, (*loc, "whole"), bd.whole, ids, "el segmento", "segmentos definidos"
            )
        parts = []
        for pi, pid in enumerate(bd.parts):
            part = by_id.get(pid)
            if part is None:
                yield _unknown(
                    doc, (*loc, "parts", pi), pid, ids, "el segmento", "segmentos definidos"
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
                    f"«{part.name}» ({part.count:,}) es mayor que el total «{whole.name}» "
                    f"({whole.count:,})",
                    hint="revisa ambas cifras",
                    identity=("audience-part", whole.id, part.id),
                )
        if any(p.bound != "exact" for p in [*parts, whole]):
            continue
        total = sum(p.count for p in parts)
        if total != whole.count:
            listed = " + ".join(f"{p.count:,}" for p in parts)
            yield doc.finding(
                (*loc, "whole"),
                "error",
                "audience-sum",
                f"las partes de «{whole.name}» suman {total:,} ({listed}) y el total es "
                f"{whole.count:,}: diferencia de {total - whole.count:+,}",
                hint="corrige la cifra que no coincide con la fuente",
                identity=("audience-sum", whole.id),
            )
