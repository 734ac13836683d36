"""The roll-forward report: what the planner must review in next year's plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from campana.dates import fmt, period

if TYPE_CHECKING:
    from campana.rollforward import Moved, RollForward

POLICY_WORDS = {
    "fecha": "el mismo día y mes",
    "dia-semana": "el mismo día de la semana, el más cercano",
    "semana-iso": "la misma semana ISO y día de la semana",
}


def _moved(m: Moved) -> str:
    return f"    {m.what}: {fmt(m.old)} → {fmt(m.new)}"


def roll_forward_text(
    result: RollForward,
    plan_name: str,
    audience_name: str | None,
    *,
    width: int = 80,
    written: bool = True,
) -> str:
    """The report, one section per thing to review; sections with nothing are left out.
    Lines wrap at ``width``, a continuation indented under its text."""
    import textwrap

    from campana.errors import count

    year, old = result.year, result.source_year
    done = "escrito" if written else "sin escribir (simulación)"
    lines = [
        f"Plan {year} {done} a partir del plan {old} (fechas: {POLICY_WORDS[result.policy]}).",
        f"  {plan_name}",
    ]
    if audience_name is not None:
        lines.append(f"  {audience_name} (copia sin cambios)")
    lines += [
        "",
        f"Se movieron {len(result.moved)} fechas. Título: «{result.title}»"
        + ("" if result.title_updated else " (sin cambios: revísalo)")
        + f"; emisión: {result.issued}.",
        "",
        "Qué revisar:",
    ]
    if result.leap:
        lines.append("- 29 de febrero (no existe en todos los años):")
        lines += [_moved(m) for m in result.leap]
    if result.spills:
        lines.append(f"- Fechas que salen de {year}:")
        lines += [_moved(m) for m in result.spills]
    if result.dropped_blackouts:
        lines.append(
            f"- Vedas quitadas (son fechas legales: no se mueven). Declara las de {year} con "
            "sus fechas oficiales:"
        )
        lines += [f"    {name} ({period(s, e)})" for name, s, e in result.dropped_blackouts]
    else:
        lines.append(f"- Sin vedas que quitar. Declara las de {year}, si las hay.")
    if result.kept_blackouts:
        lines.append(f"- Vedas que ya estaban declaradas para {year} (se conservan):")
        lines += [f"    {name} ({period(s, e)})" for name, s, e in result.kept_blackouts]
    if result.in_blackouts:
        lines.append(f"- Filas dentro de una veda de {year}:")
        lines += [
            f"    {row}: {name}, {period(*cross)}" for row, name, cross in result.in_blackouts
        ]
    if result.on_rest_days:
        lines.append("- Fechas que caen en día de descanso o fin de semana:")
        lines += [f"    {message}" for message in result.on_rest_days]
    if result.period_texts_dropped:
        lines.append(
            f"- Se quitaron {result.period_texts_dropped} period_text (el texto del documento de "
            f"{old}); escribe los del documento de {year} cuando exista."
        )
    if result.ine_reset:
        lines.append("- Excepciones del INE reiniciadas a pendiente:")
        lines += [f"    {what}" for what in result.ine_reset]
    if result.ine_tracking_dropped:
        lines.append(
            f"- Se quitaron {result.ine_tracking_dropped} datos del trámite ante el INE de "
            f"{old} (ine_filed, ine_answer_date, ine_reference)."
        )
    if result.old_year_texts:
        lines.append(f"- Textos que todavía dicen {old}:")
        lines += [f"    {what}" for what in result.old_year_texts]
    if result.old_year_comments:
        shown = ", ".join(str(n) for n in result.old_year_comments)
        lines.append(f"- Comentarios que dicen {old} (líneas {shown}).")
    if result.audience_figures:
        lines.append(
            f"- Cifras de audiencia por actualizar ({len(result.audience_figures)}): pon la "
            "cifra nueva y su fecha de corte (as_of) en audience.yaml:"
        )
        lines += [
            f"    {name}" + (f" (corte: {fmt(as_of)})" if as_of is not None else " (sin fecha)")
            for name, as_of in result.audience_figures
        ]
    if result.validation is not None:
        errors, warnings = count(result.validation.all_findings)
        lines.append(
            f"- validate: {errors} errores, {warnings} avisos; "
            f"revísalos con «campana validate --plan {plan_name}»."
        )
    import re

    glue = re.compile(r"\d{1,2} [a-z]{3}(?: \d{4})?|«[^»]{1,40}»")
    wrapped: list[str] = []
    for raw in lines:
        # a date («29 feb 2024») or a short quoted name is never split over two lines
        line = glue.sub(lambda m: m.group().replace(" ", "\0"), raw).replace(" → ", "\0→\0")
        body = line.lstrip(" ")
        lead = " " * (len(line) - len(body))
        more = lead + "  "
        wrapped += textwrap.wrap(
            line,
            width=max(40, width),
            subsequent_indent=more,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    wrapped = [w.replace("\0", " ") for w in wrapped]
    return "\n".join(wrapped) + "\n"
