"""Next year's plan from this one: the source text edited in place, and what to review.

The new plan is the source text with minimal edits (comments and layout kept): every period
and milestone date moved to the target year under a date policy, the year, title and issue
month updated, the printed periods (``period_text``, words of the old document) dropped, INE
statuses reset to pending and filing dates removed, and the blackouts of other years dropped
(blackouts are legal dates: they never shift; the new year's are declared by the user). Each
edit is a primitive of the edit path's ``campana.edit.editor.Editor`` (``set``, ``remove``,
``remove_key``, ``empty``...), spliced into the text at the parser's offsets: nothing is
re-serialised, and the new text must read back as exactly the intended data.

Date policies:

- ``fecha``: the same day of the same month (29 February becomes 28 February);
- ``dia-semana`` (default): the same weekday, the nearest to that date (media flights start on
  weekdays): Friday 2024-03-01 becomes Friday 2025-02-28;
- ``semana-iso``: the same ISO week and weekday (week 53 becomes week 52 where the new year
  has none).

Nothing here imports typer or rich; the result is data (``RollForward``) the CLI renders.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from campana.errors import CampanaError

if TYPE_CHECKING:
    from campana.edit.editor import Editor
    from campana.models import Campaign, Execution, Plan
    from campana.validation import Validation
    from campana.yamlsrc import Loc, YamlDoc

Policy = Literal["fecha", "dia-semana", "semana-iso"]
POLICIES: tuple[Policy, ...] = ("fecha", "dia-semana", "semana-iso")
#: what --desplazar also accepts (English and without the hyphen)
POLICY_SYNONYMS: dict[str, Policy] = {
    "date": "fecha",
    "weekday": "dia-semana",
    "dia": "dia-semana",
    "día-semana": "dia-semana",
    "diasemana": "dia-semana",
    "iso-week": "semana-iso",
    "semana": "semana-iso",
    "iso": "semana-iso",
}

INE_PENDING = {"approved": "pending", "denied": "pending", "aprobada": "pendiente"}
INE_PENDING["negada"] = "pendiente"
#: a row's record of last year's INE request (filing date, answer date, reference): dropped
INE_TRACKING = ("ine_filed", "ine_answer_date", "ine_reference")


class RollForwardError(CampanaError):
    """The plan cannot be rolled forward as asked (exit 2)."""


def parse_policy(text: str) -> Policy:
    folded = text.strip().lower()
    for policy in POLICIES:
        if folded == policy:
            return policy
    if folded in POLICY_SYNONYMS:
        return POLICY_SYNONYMS[folded]
    raise RollForwardError(
        f"--desplazar: «{text}» no es una regla de fechas",
        hint="valores válidos: fecha, dia-semana, semana-iso",
    )


@dataclass(frozen=True)
class Moved:
    """A date of the plan and where it went."""

    what: str
    old: dt.date
    new: dt.date


def shift_date(day: dt.date, years: int, policy: Policy) -> tuple[dt.date, bool]:
    """``day`` moved ``years`` years under ``policy``, and whether it was a 29 February that
    had to land elsewhere (or an ISO week 53 that the new year lacks)."""
    if policy == "semana-iso":
        iso_year, week, weekday = day.isocalendar()
        try:
            return dt.date.fromisocalendar(iso_year + years, week, weekday), False
        except ValueError:  # week 53 in a year of 52
            return dt.date.fromisocalendar(iso_year + years, 52, weekday), True
    leap = False
    try:
        same = day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        same, leap = dt.date(day.year + years, 2, 28), True
    if policy == "fecha":
        return same, leap
    offset = (day.weekday() - same.weekday()) % 7
    if offset > 3:
        offset -= 7
    return same + dt.timedelta(days=offset), leap or (day.month, day.day) == (2, 29)


@dataclass
class RollForward:
    """The new plan's text and what the planner must review."""

    source_year: int
    year: int
    policy: Policy
    text: str
    audience_text: str | None = None
    moved: list[Moved] = field(default_factory=list)
    spills: list[Moved] = field(default_factory=list)
    leap: list[Moved] = field(default_factory=list)
    #: (name, start, end) of the blackouts dropped, and of those kept (already in the new year)
    dropped_blackouts: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)
    kept_blackouts: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)
    period_texts_dropped: int = 0
    ine_reset: list[str] = field(default_factory=list)
    ine_tracking_dropped: int = 0
    title: str = ""
    title_updated: bool = False
    issued: str = ""
    #: texts (objectives, notes) and comment lines that still name the old year
    old_year_texts: list[str] = field(default_factory=list)
    old_year_comments: list[int] = field(default_factory=list)
    #: rows of the new plan inside a blackout of the new year: (row, blackout, overlap)
    in_blackouts: list[tuple[str, str, tuple[dt.date, dt.date]]] = field(default_factory=list)
    #: the audience segments, by name, whose figures must be updated (and their as_of)
    audience_figures: list[tuple[str, dt.date | None]] = field(default_factory=list)
    validation: Validation | None = None
    #: what the new plan starts or ends on a rest day or weekend (non-working-day findings)
    on_rest_days: list[str] = field(default_factory=list)


def _items(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


class _Roll:
    """The edits of one roll-forward, and what they report (``RollForward``)."""

    def __init__(
        self, editor: Editor, doc: YamlDoc, result: RollForward, policy: Policy, name: str
    ) -> None:
        self.editor, self.doc, self.result = editor, doc, result
        self.policy, self.name = policy, name
        self.year, self.old_year = result.year, result.source_year
        self.years = result.year - result.source_year

    def move(self, loc: Loc, what: str, day: dt.date) -> None:
        new, leap = shift_date(day, self.years, self.policy)
        if not self.edit(lambda: self.editor.set(loc, new)):
            raise RollForwardError(
                f"{self.name}:{self.doc.position(loc)[0]}: campana no puede mover la fecha "
                f"{day.isoformat()} en el texto del plan",
                hint="escríbela como 2024-03-01 (sin comillas, sin ancla) y vuelve a intentarlo",
            )
        entry = Moved(what, day, new)
        self.result.moved.append(entry)
        if new.year != self.year:
            self.result.spills.append(entry)
        if leap:
            self.result.leap.append(entry)

    @staticmethod
    def edit(change: Callable[[], None]) -> bool:
        """Record one edit; False when the text cannot take it as written there."""
        from campana.edit.editor import EditConflict

        try:
            change()
        except EditConflict:
            return False
        return True

    def drop_entry(self, loc: Loc) -> bool:
        return self.edit(lambda: self.editor.remove_key(loc[:-1], str(loc[-1])))

    def plan_facts(self, title: str, old_issued: str, issued: str) -> None:
        """year, issued and the year in the title."""
        editor, result = self.editor, self.result
        self.edit(lambda: editor.set(("plan", "year"), self.year))
        if issued != old_issued:
            self.edit(lambda: editor.set(("plan", "issued"), issued))
        result.issued = issued
        new_title = title.replace(str(self.old_year), str(self.year))
        result.title = title
        if new_title != title and self.edit(lambda: editor.set(("plan", "title"), new_title)):
            result.title, result.title_updated = new_title, True

    def blackouts(self, plan: Plan) -> None:
        """Blackouts are legal dates, never shifted: those outside the new year go."""
        kept: list[int] = []
        for i, b in enumerate(plan.blackouts):
            if b.start.year <= self.year <= b.end.year:
                kept.append(i)
                self.result.kept_blackouts.append((b.name, b.start, b.end))
            else:
                self.result.dropped_blackouts.append((b.name, b.start, b.end))
        if self.result.dropped_blackouts:
            _drop_blackouts(self, kept, len(plan.blackouts))

    def campaign(self, plan: Plan, ci: int, c: Campaign, raw: Any) -> None:
        cloc: Loc = ("campaigns", ci)
        self.move((*cloc, "start"), f"campaña «{c.name}» (inicio)", c.start)
        self.move((*cloc, "end"), f"campaña «{c.name}» (fin)", c.end)
        for oi, o in enumerate(c.objectives):
            oloc: Loc = (*cloc, "objectives", oi)
            label = f"objetivo {oi + 1} de «{c.name}»"
            if o.start is not None:
                self.move((*oloc, "start"), f"{label} (inicio)", o.start)
            if o.end is not None:
                self.move((*oloc, "end"), f"{label} (fin)", o.end)
            if o.period_text is not None:
                self.drop_period_text(oloc)
            if str(self.old_year) in o.text:
                self.result.old_year_texts.append(f"texto del {label}")
        for ki, k in enumerate(c.components):
            kloc: Loc = (*cloc, "components", ki)
            label = f"componente «{k.name}» de «{c.name}»"
            self.move((*kloc, "start"), f"{label} (inicio)", k.start)
            self.move((*kloc, "end"), f"{label} (fin)", k.end)
        for ri, r in enumerate(c.execution):
            label = f"fila «{plan.touchpoint_name(r.touchpoint)}» de «{c.name}»"
            self.row((*cloc, "execution", ri), label, r, _items(raw, "execution")[ri])
        for mi, m in enumerate(c.milestones):
            self.move((*cloc, "milestones", mi, "date"), f"hito «{m.name}» de «{c.name}»", m.date)
        if any(str(self.old_year) in note for note in c.notes):
            self.result.old_year_texts.append(f"notas de «{c.name}»")

    def row(self, rloc: Loc, label: str, r: Execution, raw_row: Any) -> None:
        """An execution row: its dates, its printed period, last year's INE request."""
        name, doc, result = self.name, self.doc, self.result
        self.move((*rloc, "start"), f"{label} (inicio)", r.start)
        self.move((*rloc, "end"), f"{label} (fin)", r.end)
        if r.period_text is not None:
            self.drop_period_text(rloc)
        raw = raw_row.get("ine_exception")
        if isinstance(raw, str) and raw in INE_PENDING:
            pending = INE_PENDING[raw]
            if not self.edit(lambda: self.editor.set((*rloc, "ine_exception"), pending)):
                raise RollForwardError(
                    f"{name}:{doc.position((*rloc, 'ine_exception'))[0]}: no se pudo "
                    "reiniciar la excepción del INE",
                    hint="escríbela sin ancla ni alias de YAML (pending, approved, denied)",
                )
            result.ine_reset.append(label)
        for key in INE_TRACKING:
            if key not in raw_row:
                continue
            if not self.drop_entry((*rloc, key)):
                raise RollForwardError(
                    f"{name}:{doc.position((*rloc, key), key=True)[0]}: no se pudo quitar "
                    f"{key} (el trámite ante el INE del año anterior)",
                    hint="escribe la fila en estilo de bloque (una clave por línea)",
                )
            result.ine_tracking_dropped += 1

    def drop_period_text(self, loc: Loc) -> None:
        """Drop a ``period_text``: words of the old document."""
        if not self.drop_entry((*loc, "period_text")):
            line = self.doc.position((*loc, "period_text"), key=True)[0]
            raise RollForwardError(
                f"{self.name}:{line}: no se pudo quitar period_text",
                hint="escribe el periodo en estilo de bloque (una clave por línea)",
            )
        self.result.period_texts_dropped += 1


def roll_forward(
    text: str,
    year: int,
    *,
    policy: Policy = "dia-semana",
    issued: str,
    audience_text: str | None = None,
    path: Path | None = None,
    name: str = "campaigns.yaml",
    target: Path | None = None,
) -> RollForward:
    """Next year's plan from the source plan's ``text``. ``issued`` (AAAA-MM) is the new issue
    month (the CLI's --today). Raises RollForwardError when the source is not a plan that
    validates without errors, or when the target is not after its year; the new text is
    validated in memory (``loading.validate_text``) before it is returned."""
    from campana import loading
    from campana.edit.editor import Editor
    from campana.errors import InternalError
    from campana.yamlsrc.parsing import parse_text

    source = loading.validate_text(
        text, audience_text, plan_path=path or Path("campaigns.yaml"), plan_name=name
    )
    if source.plan is not None and year <= source.plan.plan.year:
        old_year = source.plan.plan.year
        raise RollForwardError(
            f"--año: {year} no es posterior al año del plan ({old_year})",
            hint=f"indica un año posterior, por ejemplo --año {old_year + 1}",
        )
    errors = [f for f in source.all_findings if f.severity == "error"]
    if errors or source.plan is None:
        shown = f" ({len(errors)})" if errors else ""
        raise RollForwardError(
            f"el plan de origen tiene errores{shown}: corrígelo primero",
            hint=f"campana validate --plan {name}",
        )
    plan = source.plan
    old_year = plan.plan.year
    doc = parse_text(text, path or Path("campaigns.yaml"), name)
    editor = Editor(text)
    result = RollForward(source_year=old_year, year=year, policy=policy, text=text)
    data = doc.data

    roll = _Roll(editor, doc, result, policy, name)
    info = plan.plan
    roll.plan_facts(info.title, info.issued, issued)
    roll.blackouts(plan)
    for ci, c in enumerate(plan.campaigns):
        roll.campaign(plan, ci, c, _items(data, "campaigns")[ci])
    if any(
        str(old_year) in n.text or any(str(old_year) in d for d in n.details) for n in info.notes
    ):
        result.old_year_texts.append("notas del plan")
    if path is not None and target is not None:
        _schema_link(editor, path, target)
    result.text = editor.result()
    result.old_year_comments = [
        n
        for n, line in enumerate(result.text.splitlines(), 1)
        if line.lstrip().startswith("#") and str(old_year) in line
    ]

    # the audience goes as it is: its figures are the planner's to update
    result.audience_text = audience_text
    if source.audience is not None:
        for s in source.audience.segments:
            if s.as_of is None or s.as_of.year < year:
                result.audience_figures.append((s.name, s.as_of))

    checked = loading.validate_text(
        result.text, audience_text, plan_path=path or Path("campaigns.yaml"), plan_name=name
    )
    if checked.plan_doc is None or checked.plan_doc.data != editor.expected(data):
        raise InternalError(
            f"el plan de {year} no se pudo escribir sin alterar otra parte del plan; no se "
            "escribió nada",
            hint="es un defecto de campana: avisa del problema",
        )
    result.validation = checked
    result.on_rest_days = [f.message for f in checked.findings if f.code == "non-working-day"]
    if checked.plan is not None and checked.plan.blackouts:
        result.in_blackouts = list(_rows_in_blackouts(checked))
    return result


_SCHEMA = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)")


def _schema_link(editor: Editor, source: Path, target: Path) -> None:
    """The editor's schema comment (first line) points at a file relative to the plan: in the
    new plan's folder it points at the same file."""
    import os

    found = _SCHEMA.match(editor.text.split("\n", 1)[0].rstrip("\r"))
    if found is None or "://" in found.group(2) or os.path.isabs(found.group(2)):
        return
    schema = os.path.normpath(os.path.join(os.path.abspath(source.parent), found.group(2)))
    moved = os.path.relpath(schema, os.path.abspath(target.parent)).replace(os.sep, "/")
    editor.replace_comment(found.start(2), found.end(2), moved)


def _drop_blackouts(roll: _Roll, kept: list[int], total: int) -> None:
    """Remove the blackouts not in ``kept``: when none stays, the list is left empty with a
    comment saying where the new year's go; else item by item (each with its comments)."""
    from functools import partial

    editor, doc = roll.editor, roll.doc
    if not kept:
        line = doc.position(("blackouts",), key=True)[0]
        note = [
            f"Vedas de {roll.year}: decláralas con las fechas oficiales (INE o instituto local);",
            "campana no inventa fechas legales.",
        ]
        if not (
            roll.edit(lambda: editor.empty(("blackouts",)))
            and roll.edit(lambda: editor.comment_above((), "blackouts", note))
        ):
            raise RollForwardError(
                f"{doc.name}:{line}: no se pudieron quitar las vedas del año anterior",
                hint="escribe blackouts en estilo de bloque (una clave por línea)",
            )
        return
    for i in reversed(range(total)):
        if i in kept:
            continue
        if not roll.edit(partial(editor.remove, ("blackouts", i))):
            raise RollForwardError(
                f"{doc.name}:{doc.position(('blackouts', i))[0]}: no se pudo quitar la veda "
                "del año anterior",
                hint="escribe cada veda en estilo de bloque (- id: ... en su propia línea)",
            )


def _rows_in_blackouts(checked: Validation) -> Iterator[tuple[str, str, tuple[dt.date, dt.date]]]:
    from campana.ine import blackout_overlaps

    plan = checked.plan
    assert plan is not None
    for c in plan.campaigns:
        for r in c.execution:
            for b, cross in blackout_overlaps(plan.blackouts, r.touchpoint, r.start, r.end):
                yield f"fila «{plan.touchpoint_name(r.touchpoint)}» de «{c.name}»", b.name, cross


def has_errors(result: RollForward) -> list[Any]:
    """The errors of the new plan (none expected: the CLI refuses to write otherwise)."""
    if result.validation is None:
        return []
    return [f for f in result.validation.all_findings if f.severity == "error"]
