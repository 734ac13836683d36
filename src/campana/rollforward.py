"""Next year's plan from this one: the source text edited in place, and what to review.

The new plan is the source text with minimal edits (comments and layout kept): every period
and milestone date moved to the target year under a date policy, the year, title and issue
month updated, the printed periods (``period_text``, words of the old document) dropped, INE
statuses reset to pending and filing dates removed, and the blackouts of other years dropped
(blackouts are legal dates: they never shift; the new year's are declared by the user). Each
edit replaces a span of the text found through the parser's positional shadow
(``campana.yamlsrc``): nothing is re-serialised.

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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from campana.errors import CampanaError

if TYPE_CHECKING:
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


class _Editor:
    """Span replacements on a text, applied at the end from the last to the first."""

    def __init__(self, doc: YamlDoc) -> None:
        from campana.yamlsrc.positions import LineIndex

        self.doc = doc
        self.text = doc.text
        self.starts = LineIndex(doc.text).starts
        self.edits: list[tuple[int, int, str]] = []

    def index(self, line: int, column: int) -> int:
        """Character index of a 1-based line and column."""
        return self.starts[line - 1] + column - 1

    def replace_scalar(self, loc: Loc, expected: str, new: str) -> bool:
        """Replace the one-line scalar at ``loc`` whose text is ``expected``; False when the
        text there is not that (quoted, spread over lines): the caller reports it."""
        line, column, span = self.doc.position(loc)
        start = self.index(line, column)
        if self.text[start : start + len(expected)] != expected or span != len(expected):
            return False
        self.edits.append((start, start + len(expected), new))
        return True

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def block_lines(self, line: int, column: int, *, dash: bool) -> tuple[int, int] | None:
        """The 1-based first and last lines of a block-style entry whose key (or sequence
        item, ``dash``) starts at ``line``:``column``: that line and the lines after it that
        are more indented (or, for a top-level key, items at its own column). None when the
        entry shares its line with something before it (flow style)."""
        lines = self.doc.lines
        prefix = lines[line - 1][: column - 1]
        if dash:
            if prefix.rstrip() == "" or not prefix.strip().startswith("-"):
                return None
            base = len(prefix) - len(prefix.lstrip())
        else:
            if prefix.strip():
                return None
            base = column - 1
        last = line
        for n in range(line + 1, len(lines) + 1):
            text = lines[n - 1]
            if not text.strip():
                continue
            indent = len(text) - len(text.lstrip())
            if indent > base or (not dash and indent == base and text.lstrip().startswith("-")):
                last = n
            else:
                break
        return line, last

    def delete_lines(self, first: int, last: int) -> None:
        start = self.line_start(first)
        end = self.starts[last] if last < len(self.starts) else len(self.text)
        self.edits.append((start, end, ""))

    def replace_lines(self, first: int, last: int, new: str) -> None:
        start = self.line_start(first)
        end = self.starts[last] if last < len(self.starts) else len(self.text)
        self.edits.append((start, end, new))

    def result(self) -> str:
        text = self.text
        spans = sorted(self.edits, key=lambda e: (e[0], e[1]))
        for (_, end), (start, _, _) in zip(((e[0], e[1]) for e in spans), spans[1:], strict=False):
            if start < end:
                raise AssertionError("overlapping edits")  # a defect, not bad input
        for start, end, new in reversed(spans):
            text = text[:start] + new + text[end:]
        return text


def _months_text(start: dt.date, end: dt.date) -> str:
    from campana.dates import MONTHS_ES

    first = f"{start.day} de {MONTHS_ES[start.month - 1]}"
    if start.year != end.year:
        first += f" {start.year}"
    return f"{first} a {end.day} de {MONTHS_ES[end.month - 1]} {end.year}"


def _items(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


class _Roll:
    """The edits of one roll-forward, and what they report (``RollForward``)."""

    def __init__(
        self, editor: _Editor, doc: YamlDoc, result: RollForward, policy: Policy, name: str
    ) -> None:
        self.editor, self.doc, self.result = editor, doc, result
        self.policy, self.name = policy, name
        self.year, self.old_year = result.year, result.source_year
        self.years = result.year - result.source_year

    def move(self, loc: Loc, what: str, day: dt.date) -> None:
        new, leap = shift_date(day, self.years, self.policy)
        if not self.editor.replace_scalar(loc, day.isoformat(), new.isoformat()):
            raise RollForwardError(
                f"{self.name}:{self.doc.position(loc)[0]}: la fecha {day.isoformat()} no está "
                "escrita como AAAA-MM-DD sin comillas: campana no la puede mover",
                hint="escríbela como 2024-03-01 (sin comillas) y vuelve a intentarlo",
            )
        entry = Moved(what, day, new)
        self.result.moved.append(entry)
        if new.year != self.year:
            self.result.spills.append(entry)
        if leap:
            self.result.leap.append(entry)

    def drop_entry(self, loc: Loc) -> bool:
        line, column, _ = self.doc.position(loc, key=True)
        block = self.editor.block_lines(line, column, dash=False)
        if block is None:
            return False
        self.editor.delete_lines(*block)
        return True

    def plan_facts(self, title: str, old_issued: str, issued: str) -> None:
        """year, issued and the year in the title."""
        editor, result = self.editor, self.result
        editor.replace_scalar(("plan", "year"), str(self.old_year), str(self.year))
        editor.replace_scalar(("plan", "issued"), old_issued, issued)
        result.issued = issued
        new_title = title.replace(str(self.old_year), str(self.year))
        result.title = new_title
        if new_title != title and editor.replace_scalar(("plan", "title"), title, new_title):
            result.title_updated = True
        else:
            result.title = title

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
            _drop_blackouts(self.editor, self.doc, kept, len(plan.blackouts), self.year)

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
                _drop_period_text(
                    self.editor, self.doc, oloc, o.start, o.end, self.years, self.policy,
                    self.result,
                )  # fmt: skip
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
            _drop_period_text(
                self.editor, doc, rloc, r.start, r.end, self.years, self.policy, result
            )
        raw = raw_row.get("ine_exception")
        if isinstance(raw, str) and raw in INE_PENDING:
            if not self.editor.replace_scalar((*rloc, "ine_exception"), raw, INE_PENDING[raw]):
                raise RollForwardError(
                    f"{name}:{doc.position((*rloc, 'ine_exception'))[0]}: no se pudo "
                    "reiniciar la excepción del INE",
                    hint="escríbela sin comillas (pending, approved, denied)",
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
    editor = _Editor(doc)
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
        _schema_link(editor, doc, path, target)
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
    result.validation = checked
    result.on_rest_days = [f.message for f in checked.findings if f.code == "non-working-day"]
    if checked.plan is not None and checked.plan.blackouts:
        result.in_blackouts = list(_rows_in_blackouts(checked))
    return result


_SCHEMA = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)")


def _schema_link(editor: _Editor, doc: YamlDoc, source: Path, target: Path) -> None:
    """The editor's schema comment (first line) points at a file relative to the plan: in the
    new plan's folder it points at the same file."""
    import os

    lines = doc.lines
    found = _SCHEMA.match(lines[0]) if lines else None
    if found is None or "://" in found.group(2) or os.path.isabs(found.group(2)):
        return
    schema = os.path.normpath(os.path.join(os.path.abspath(source.parent), found.group(2)))
    moved = os.path.relpath(schema, os.path.abspath(target.parent)).replace(os.sep, "/")
    start = found.start(2)
    editor.edits.append((start, found.end(2), moved))


def _drop_period_text(
    editor: _Editor,
    doc: YamlDoc,
    loc: Loc,
    start: dt.date | None,
    end: dt.date | None,
    years: int,
    policy: Policy,
    result: RollForward,
) -> None:
    """Drop a ``period_text`` (words of the old document); where it cannot go without
    touching its neighbours (flow style), write the new dates in the same words' form."""
    line, column, _ = doc.position((*loc, "period_text"), key=True)
    block = editor.block_lines(line, column, dash=False)
    if block is not None:
        editor.delete_lines(*block)
        result.period_texts_dropped += 1
        return
    old = doc.data
    for part in loc:
        old = old[part]
    raw = old.get("period_text")
    if start is None or end is None or not isinstance(raw, str):
        raise RollForwardError(
            f"{doc.name}:{line}: no se pudo quitar period_text",
            hint="escribe el periodo en estilo de bloque (una clave por línea)",
        )
    new = _months_text(shift_date(start, years, policy)[0], shift_date(end, years, policy)[0])
    if not editor.replace_scalar((*loc, "period_text"), raw, new):
        raise RollForwardError(
            f"{doc.name}:{line}: no se pudo quitar period_text",
            hint="escribe el periodo en estilo de bloque (una clave por línea)",
        )
    result.period_texts_dropped += 1


def _drop_blackouts(editor: _Editor, doc: YamlDoc, kept: list[int], total: int, year: int) -> None:
    """Remove the blackouts not in ``kept``: the whole entry when none stays (an empty list
    and a comment saying where the new year's go), else item by item."""
    line, column, _ = doc.position(("blackouts",), key=True)
    if not kept:
        block = editor.block_lines(line, column, dash=False)
        if block is None:
            raise RollForwardError(
                f"{doc.name}:{line}: no se pudieron quitar las vedas del año anterior",
                hint="escribe blackouts en estilo de bloque (una clave por línea)",
            )
        indent = " " * (column - 1)
        editor.replace_lines(
            *block,
            f"{indent}# Vedas de {year}: decláralas con las fechas oficiales (INE o instituto "
            f"local);\n{indent}# campana no inventa fechas legales.\n{indent}blackouts: []\n",
        )
        return
    for i in range(total):
        if i in kept:
            continue
        item_line, item_column, _ = doc.position(("blackouts", i))
        block = editor.block_lines(item_line, item_column, dash=True)
        if block is None:
            raise RollForwardError(
                f"{doc.name}:{item_line}: no se pudo quitar la veda del año anterior",
                hint="escribe cada veda en estilo de bloque (- id: ... en su propia línea)",
            )
        editor.delete_lines(*block)


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
