"""What changed between two versions of the plan: a semantic diff keyed by ids, never by lines.

``compare(old, new)`` is pure: it takes two ``Side``s (plan, audience, the findings `validate`
reports for them) and returns a ``PlanDiff``. Campaigns, components, blackouts, touchpoints and
audience segments are matched by id, execution rows by touchpoint, objectives by text; the
order of any list and the comments of the YAML are not changes.

``read_side`` (further down) reads one side from a file or from a git revision; it is the only
part that touches the disk or runs git.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from dataclasses import field as dc_field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from campana.dates import span_days
from campana.errors import CampanaError, Finding
from campana.ine import applies_to, blackout_overlaps

if TYPE_CHECKING:
    from campana.models import Audience, Blackout, Campaign, Plan
    from campana.validation import Validation

T = TypeVar("T")

TargetKind = Literal[
    "plan",
    "touchpoint",
    "blackout",
    "campaign",
    "objective",
    "component",
    "execution",
    "segment",
    "breakdown",
]
ChangeKind = Literal["added", "removed", "date", "value", "item-added", "item-removed"]


# --- the result ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One version of the plan, as loaded: what ``compare`` takes twice."""

    label: str
    plan: Plan
    audience: Audience | None
    findings: Sequence[Finding] = ()


@dataclass(frozen=True)
class Target:
    """What a change is about: a campaign, one of its rows or components, a segment..."""

    kind: TargetKind
    id: str
    #: the thing's own name (an objective's text); ``campana.render.diff.label`` words it
    name: str
    campaign: str | None = None
    campaign_name: str | None = None


@dataclass(frozen=True)
class Change:
    """One difference, as data: ``campana.render.diff`` words it.

    ``old``/``new`` are JSON-ready; ``before``/``after`` the values themselves (a date, a
    model), for the wording: for an added or removed thing, the thing; for the ``duration`` of
    a period, the (start, end) pair on each side.
    """

    target: Target
    kind: ChangeKind
    field: str | None = None
    old: Any = None
    new: Any = None
    #: days for a date, units for a count
    delta: int | float | None = None
    before: Any = dc_field(default=None, compare=False, repr=False)
    after: Any = dc_field(default=None, compare=False, repr=False)
    #: for a period's ``duration``: the days its start moved (a move that keeps the length)
    shift: int | None = dc_field(default=None, compare=False)

    @property
    def percent(self) -> float | None:
        """A count's change in percent of the old count (None for anything else, or from 0)."""
        if self.field != "count" or not isinstance(self.delta, int) or isinstance(self.delta, bool):
            return None
        if not isinstance(self.before, int | float) or not self.before:
            return None
        return 100 * self.delta / self.before


FindingStatus = Literal["introduced", "resolved", "severity"]


@dataclass(frozen=True)
class FindingChange:
    status: FindingStatus
    #: the finding as the new side reports it (the old side's, when resolved)
    finding: Finding
    old_severity: str | None = None


OverlapStatus = Literal["new", "longer", "shorter", "gone"]


@dataclass(frozen=True)
class BlackoutOverlap:
    """How many days a touchpoint runs inside a blackout, before and after the change."""

    status: OverlapStatus
    target: Target
    blackout: str
    blackout_name: str
    old: tuple[dt.date, dt.date] | None
    new: tuple[dt.date, dt.date] | None
    ine_exception: str | None

    @property
    def old_days(self) -> int:
        return span_days(*self.old) if self.old else 0

    @property
    def new_days(self) -> int:
        return span_days(*self.new) if self.new else 0


@dataclass
class PlanDiff:
    old: str
    new: str
    changes: list[Change] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    overlaps: list[BlackoutOverlap] = field(default_factory=list)
    #: the side that has no audience file when the other has one: the audience is not compared
    #: (a missing file is not every segment removed or added)
    no_audience: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def campaigns(self) -> list[str]:
        """Ids of the campaigns that changed, in report order."""
        seen: dict[str, None] = {}
        for c in self.changes:
            if c.target.campaign:
                seen[c.target.campaign] = None
        return list(seen)


# --- formatting values ----------------------------------------------------------------------


def shorten(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0] if " " in flat[: width - 1] else flat[: width - 1]
    return cut.rstrip(",;:. ") + "…"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value


def _canon(value: Any) -> Any:
    """A hashable form that ignores the order of lists and keys."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    if isinstance(value, dict):
        return tuple(sorted((k, _canon(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(sorted((_canon(v) for v in value), key=repr))
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# --- comparing -----------------------------------------------------------------------------


def _keyed(items: Iterable[T], key: Callable[[T], str]) -> dict[str, T]:
    """Items by id; a repeated id (a validate error) gets «#2», «#3» so nothing is lost."""
    out: dict[str, T] = {}
    seen: Counter[str] = Counter()
    for item in items:
        k = key(item)
        seen[k] += 1
        out[k if seen[k] == 1 else f"{k}#{seen[k]}"] = item
    return out


def _pairs(old: dict[str, T], new: dict[str, T]) -> list[tuple[str, T | None, T | None]]:
    """(key, old, new) in the new order, then what only the old side has."""
    keys = [*new, *(k for k in old if k not in new)]
    return [(k, old.get(k), new.get(k)) for k in keys]


def _value(t: Target, name: str, old: Any, new: Any) -> Change:
    delta: int | float | None = None
    if isinstance(old, dt.date) and isinstance(new, dt.date):
        delta = (new - old).days
    elif (
        isinstance(old, int | float)
        and isinstance(new, int | float)
        and not isinstance(old, bool)
        and not isinstance(new, bool)
    ):
        delta = new - old
    kind: ChangeKind = "date" if isinstance(new, dt.date) and isinstance(old, dt.date) else "value"
    return Change(t, kind, name, _jsonable(old), _jsonable(new), delta, old, new)


def _items(t: Target, name: str, old: Sequence[Any], new: Sequence[Any]) -> list[Change]:
    old_count = Counter(_canon(v) for v in old)
    new_count = Counter(_canon(v) for v in new)
    out: list[Change] = []
    left = new_count - old_count
    for v in new:
        c = _canon(v)
        if left[c] > 0:
            left[c] -= 1
            out.append(Change(t, "item-added", name, None, _jsonable(v), after=v))
    gone = old_count - new_count
    for v in old:
        c = _canon(v)
        if gone[c] > 0:
            gone[c] -= 1
            out.append(Change(t, "item-removed", name, _jsonable(v), None, before=v))
    return out


def _fields(t: Target, old: Any, new: Any, skip: Iterable[str] = ()) -> list[Change]:
    """Every field of two versions of one model: values, and lists as multisets."""
    out: list[Change] = []
    skipped = set(skip)
    for name in type(new).model_fields:
        if name in skipped:
            continue
        a, b = getattr(old, name), getattr(new, name)
        if _canon(a) == _canon(b):
            continue
        if isinstance(a, list) or isinstance(b, list):
            out.extend(_items(t, name, a or [], b or []))
        else:
            out.append(_value(t, name, a, b))
    return out


def _period(
    t: Target, old_start: dt.date, old_end: dt.date, new_start: dt.date, new_end: dt.date
) -> list[Change]:
    out = []
    if old_start != new_start:
        out.append(_value(t, "start", old_start, new_start))
    if old_end != new_end:
        out.append(_value(t, "end", old_end, new_end))
    if len(out) == 2:
        before, after = span_days(old_start, old_end), span_days(new_start, new_end)
        out.append(
            Change(
                t,
                "value",
                "duration",
                before,
                after,
                after - before,
                (old_start, old_end),
                (new_start, new_end),
                (new_start - old_start).days,
            )
        )
    return out


def _added(t: Target, value: Any) -> Change:
    return Change(t, "added", None, None, _jsonable(value), after=value)


def _removed(t: Target, value: Any) -> Change:
    return Change(t, "removed", None, _jsonable(value), None, before=value)


def _matched(
    old: Iterable[Any],
    new: Iterable[Any],
    key: Callable[[Any], str],
    target: Callable[[str, Any, bool], Target],
    changed: Callable[[Target, Any, Any], list[Change]],
) -> list[Change]:
    """Two lists matched by ``key``: each item added, removed, or compared by ``changed``.
    ``target`` names an item (and is told whether it is the new side's)."""
    out: list[Change] = []
    for k, a, b in _pairs(_keyed(old, key), _keyed(new, key)):
        if b is None:
            out.append(_removed(target(k, a, False), a))
        elif a is None:
            out.append(_added(target(k, b, True), b))
        else:
            out.extend(changed(target(k, b, True), a, b))
    return out


def _plain(*skip: str) -> Callable[[Target, Any, Any], list[Change]]:
    return lambda t, a, b: _fields(t, a, b, skip=skip)


def _dated(*skip: str) -> Callable[[Target, Any, Any], list[Change]]:
    """A thing with a period: the period first (with its duration), then the other fields."""
    return lambda t, a, b: [
        *_period(t, a.start, a.end, b.start, b.end),
        *_fields(t, a, b, skip=(*skip, "start", "end")),
    ]


def _plan_changes(old: Plan, new: Plan) -> list[Change]:
    t = Target("plan", "plan", new.plan.title)
    return _fields(t, old.plan, new.plan) + _matched(
        old.touchpoints,
        new.touchpoints,
        lambda x: x.id,
        lambda k, x, _: Target("touchpoint", k, x.name),
        _plain("id"),
    )


def _blackout_changes(old: Plan, new: Plan) -> list[Change]:
    return _matched(
        old.blackouts,
        new.blackouts,
        lambda x: x.id,
        lambda k, x, _: Target("blackout", k, x.name),
        _dated("id"),
    )


def _objective_pairs(old: Campaign, new: Campaign) -> list[tuple[Any, Any]]:
    """Objectives have no id: same text first, then the rest in order, then added/removed."""
    rest_old = list(old.objectives)
    pairs: list[tuple[Any, Any]] = []
    unmatched_new = []
    for o in new.objectives:
        twin = next((x for x in rest_old if x.text == o.text), None)
        if twin is not None:
            rest_old.remove(twin)
            pairs.append((twin, o))
        else:
            unmatched_new.append(o)
    for o in unmatched_new:
        pairs.append((rest_old.pop(0) if rest_old else None, o))
    pairs.extend((o, None) for o in rest_old)
    return pairs


def _campaign_changes(plan_old: Plan, plan_new: Plan, a: Campaign, b: Campaign) -> list[Change]:
    name = b.name
    ct = Target("campaign", b.id, name, b.id, name)
    out = _period(ct, a.start, a.end, b.start, b.end)
    out.extend(
        _fields(
            ct,
            a,
            b,
            skip=("id", "start", "end", "objectives", "creative", "components", "execution"),
        )
    )

    for oa, ob in _objective_pairs(a, b):
        text = (ob or oa).text
        ot = Target("objective", shorten(text, 40), text, b.id, name)
        if oa is None:
            out.append(_added(ot, ob))
        elif ob is None:
            out.append(_removed(ot, oa))
        elif _canon(oa) != _canon(ob):
            out.extend(_fields(ot, oa, ob))

    lines_old = [line for piece in a.creative for line in piece.lines]
    lines_new = [line for piece in b.creative for line in piece.lines]
    creative = _items(ct, "creative", lines_old, lines_new)
    out.extend(creative)
    if not creative and _canon(a.creative) != _canon(b.creative):
        out.append(
            Change(
                ct,
                "value",
                "creative",
                _jsonable(a.creative),
                _jsonable(b.creative),
                before=a.creative,
                after=b.creative,
            )
        )

    out += _matched(
        a.components,
        b.components,
        lambda x: x.id,
        lambda k, x, _: Target("component", k, x.name, b.id, name),
        _dated("id"),
    )

    def row_target(key: str, r: Any, in_new: bool) -> Target:
        tp = (plan_new if in_new else plan_old).touchpoint_name(r.touchpoint)
        return Target("execution", key, tp, b.id, name)

    out += _matched(
        a.execution, b.execution, lambda x: x.touchpoint, row_target, _dated("touchpoint")
    )
    return out


def _campaigns(old: Plan, new: Plan) -> list[Change]:
    return _matched(
        old.campaigns,
        new.campaigns,
        lambda x: x.id,
        lambda k, x, _: Target("campaign", k, x.name, k, x.name),
        lambda _, a, b: _campaign_changes(old, new, a, b),
    )


def _audience(old: Audience | None, new: Audience | None) -> list[Change]:
    return _matched(
        old.segments if old else [],
        new.segments if new else [],
        lambda x: x.id,
        lambda k, x, _: Target("segment", k, x.name),
        _plain("id"),
    ) + _matched(
        old.breakdowns if old else [],
        new.breakdowns if new else [],
        lambda x: x.whole,
        lambda k, x, _: Target("breakdown", k, k),
        _plain("whole"),
    )


def _finding_changes(old: Sequence[Finding], new: Sequence[Finding]) -> list[FindingChange]:
    def by_identity(findings: Sequence[Finding]) -> dict[tuple[str, ...], list[Finding]]:
        out: dict[tuple[str, ...], list[Finding]] = {}
        for f in findings:
            out.setdefault(f.identity(), []).append(f)
        return out

    a, b = by_identity(old), by_identity(new)
    result: list[FindingChange] = []
    for key, found in b.items():
        before = a.get(key, [])
        for i, f in enumerate(found):
            if i >= len(before):
                result.append(FindingChange("introduced", f))
            elif before[i].severity != f.severity:
                result.append(FindingChange("severity", f, before[i].severity))
    for key, found in a.items():
        after = b.get(key, [])
        result.extend(FindingChange("resolved", f) for f in found[len(after) :])
    order = {"introduced": 0, "severity": 1, "resolved": 2}
    result.sort(key=lambda c: (order[c.status], c.finding.severity != "error", c.finding.sort_key))
    return result


Exposure = tuple[Target, "Blackout", tuple[dt.date, dt.date], str | None]


def _exposures(plan: Plan) -> dict[tuple[str, ...], Exposure]:
    """Every row (or component without a row) of a restricted touchpoint inside a blackout."""
    out: dict[tuple[str, ...], Exposure] = {}
    for c in plan.campaigns:
        rows = {r.touchpoint for r in c.execution}
        spans: list[tuple[Target, str, dt.date, dt.date, str | None]] = []
        for r in c.execution:
            tp = plan.touchpoint_name(r.touchpoint)
            t = Target("execution", r.touchpoint, tp, c.id, c.name)
            spans.append((t, r.touchpoint, r.start, r.end, r.ine_exception))
        for k in c.components:
            if k.touchpoint is not None and k.touchpoint not in rows:
                t = Target("component", k.id, k.name, c.id, c.name)
                spans.append((t, k.touchpoint, k.start, k.end, None))
        reaching = [b for b in plan.blackouts if applies_to(b, c.states)]
        for t, touchpoint, start, end, status in spans:
            for b, cross in blackout_overlaps(reaching, touchpoint, start, end):
                out.setdefault((c.id, t.kind, t.id, b.id), (t, b, cross, status))
    return out


def _overlap_changes(old: Plan, new: Plan) -> list[BlackoutOverlap]:
    a, b = _exposures(old), _exposures(new)
    out: list[BlackoutOverlap] = []
    for key in [*b, *(k for k in a if k not in b)]:
        before, after = a.get(key), b.get(key)
        if after is not None:
            t, bl, cross, status = after
            old_cross = before[2] if before else None
            days_before = span_days(*old_cross) if old_cross else 0
            days_after = span_days(*cross)
            if before is None:
                kind: OverlapStatus = "new"
            elif days_after > days_before:
                kind = "longer"
            elif days_after < days_before:
                kind = "shorter"
            else:
                continue
            out.append(BlackoutOverlap(kind, t, bl.id, bl.name, old_cross, cross, status))
        elif before is not None:
            t, bl, cross, status = before
            out.append(BlackoutOverlap("gone", t, bl.id, bl.name, cross, None, status))
    return out


def compare(old: Side, new: Side) -> PlanDiff:
    """What changed from ``old`` to ``new``, keyed by ids; pure."""
    one_sided = (old.audience is None) != (new.audience is None)
    changes = [
        *_plan_changes(old.plan, new.plan),
        *_blackout_changes(old.plan, new.plan),
        *_campaigns(old.plan, new.plan),
        *([] if one_sided else _audience(old.audience, new.audience)),
    ]
    result = PlanDiff(old.label, new.label, changes)
    if one_sided:
        result.no_audience = old.label if old.audience is None else new.label
    if changes:
        # with no change in the data, findings can only differ by position: not a change
        result.findings = _finding_changes(old.findings, new.findings)
        result.overlaps = _overlap_changes(old.plan, new.plan)
    return result


# --- reading a side: a file, or the plan at a git revision -----------------------------------


def _side_from(
    validation: Validation,
    files: tuple[Path, Path],
    label: str,
    audience_label: str,
    *,
    revision: bool = False,
) -> Side:
    """The side a validation describes, findings renamed to what the user calls the files."""
    from campana.loading import display_name

    names = {display_name(files[0]): label, display_name(files[1]): audience_label}
    if validation.unreadable:
        first = validation.unreadable[0]
        raise CampanaError(
            first.message,
            hint=first.hint,
            file=names.get(first.file, first.file),
            line=first.line,
            column=first.column,
        )
    errors = [f for f in validation.findings if f.severity == "error"]
    broken_audience = validation.audience_doc is not None and validation.audience is None
    if validation.plan is None or broken_audience:
        shown = "\n".join(
            f"  {names.get(f.file, f.file)}:{f.line}:{f.column}: {f.message}" for f in errors[:5]
        )
        more = f"\n  … y {len(errors) - 5} más" if len(errors) > 5 else ""
        which = label if validation.plan is None else audience_label
        raise CampanaError(
            f"{which} tiene errores de estructura y no se puede comparar:\n{shown}{more}",
            hint=(
                "compara con otra revisión, una en la que el plan se pueda leer"
                if revision
                else "corrígelos; «campana validate» los muestra con su contexto"
            ),
        )
    findings = [replace(f, file=names.get(f.file, f.file)) for f in validation.findings]
    return Side(label, validation.plan, validation.audience, findings)


def read_file_side(path: Path, label: str | None = None) -> Side:
    """A plan file on disk (and the audience.yaml beside it)."""
    from campana.loading import AUDIENCE_FILE, display_name, validate_files

    if path.is_dir():
        candidate = path / "campaigns.yaml"
        if not candidate.is_file():
            raise CampanaError(
                f"la carpeta «{display_name(path)}» no tiene un campaigns.yaml",
                hint="indica el archivo del plan, por ejemplo data/campaigns.yaml",
            )
        path = candidate
    if not path.is_file():
        raise CampanaError(
            f"no existe el archivo del plan «{display_name(path)}»",
            hint="indica el archivo del plan, o una revisión de git (HEAD~1, main...)",
        )
    validation = validate_files([path])
    name = label or display_name(path)
    audience = path.parent / AUDIENCE_FILE
    return _side_from(validation, (path, audience), name, display_name(audience))


class Git:
    """The few git questions ``diff`` asks, run without a shell."""

    def __init__(self, top: Path) -> None:
        self.top = top

    @staticmethod
    def run(cwd: Path, *args: str) -> tuple[int, bytes, str]:
        import subprocess

        try:
            proc = subprocess.run(
                ["git", "-C", str(cwd), *args],
                capture_output=True,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except FileNotFoundError:
            raise CampanaError(
                "no se encontró el programa git para leer revisiones del plan",
                hint="instala git, o compara dos archivos: campana diff VIEJO.yaml NUEVO.yaml",
            ) from None
        return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace").strip()

    @classmethod
    def of(cls, folder: Path, rev: str) -> Git:
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        code, out, _ = cls.run(folder, "rev-parse", "--show-toplevel")
        if code != 0:
            raise CampanaError(
                f"«{rev}» no es un archivo, y el plan no está en un repositorio git "
                f"({folder}) del que leer esa revisión",
                hint="compara dos archivos (VIEJO.yaml y NUEVO.yaml), o indica un plan que esté "
                "en un repositorio git",
            )
        return cls(Path(out.decode("utf-8", "replace").strip()))

    def commit(self, rev: str) -> str:
        code, out, _ = self.run(self.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        if code != 0:
            empty, _, _ = self.run(self.top, "rev-parse", "--verify", "--quiet", "HEAD")
            hint = (
                "el repositorio aún no tiene commits: haz el primero, o compara dos archivos"
                if empty != 0
                else "usa un commit, una rama o una etiqueta (HEAD~1, main, a1b2c3d); "
                "«git log --oneline» los lista"
            )
            raise CampanaError(
                f"«{rev}» no es un archivo ni una revisión del repositorio {self.top}", hint=hint
            )
        return out.decode().strip()

    def blob(self, rev: str, path: str) -> bytes | None:
        code, out, _ = self.run(self.top, "cat-file", "-t", f"{rev}:{path}")
        if code != 0 or out.strip() != b"blob":
            return None
        code, out, err = self.run(self.top, "show", f"{rev}:{path}")
        if code != 0:
            raise CampanaError(f"git no pudo leer {rev}:{path}: {err}")
        return out


def read_revision_side(rev: str, plan: Path) -> Side:
    """The plan at a git revision: the file at the same path as ``plan`` (or ``REV:path``)."""
    from campana.loading import AUDIENCE_FILE, validate_text

    if rev.startswith("-"):
        raise CampanaError(
            f"«{rev}» no es una revisión válida", hint="una revisión no empieza con «-»"
        )
    folder = plan.resolve().parent
    git = Git.of(folder, rev)
    rel: str | None = None
    if ":" in rev:
        rev, rel = rev.split(":", 1)
        rev = rev or "HEAD"
    git.commit(rev)
    if rel is None:
        try:
            rel = plan.resolve().relative_to(git.top.resolve()).as_posix()
        except ValueError:
            raise CampanaError(
                f"el plan {plan} está fuera del repositorio {git.top}",
                hint="indica un plan dentro del repositorio",
            ) from None
    rel = rel.lstrip("/")
    text = git.blob(rev, rel)
    if text is None:
        raise CampanaError(
            f"en la revisión «{rev}» no existe el plan {rel}",
            hint="quizá se agregó después o cambió de lugar: elige otra revisión, o indica la "
            f"ruta en esa revisión como {rev}:ruta/campaigns.yaml",
        )
    parent = rel.rsplit("/", 1)[0] if "/" in rel else ""
    audience_rel = f"{parent}/{AUDIENCE_FILE}" if parent else AUDIENCE_FILE
    audience = git.blob(rev, audience_rel)
    validation = validate_text(
        text,
        audience,
        plan_path=Path(rel),
        plan_name=f"{rev}:{rel}",
        audience_name=f"{rev}:{audience_rel}",
    )
    return _side_from(
        validation,
        (Path(rel), Path(audience_rel)),
        f"{rev}:{rel}",
        f"{rev}:{audience_rel}",
        revision=True,
    )


def read_side(spec: str | None, working: Path) -> Side:
    """``spec`` is a plan file (or a folder with one), a git revision, or None: the working plan."""
    if spec is None:
        return read_file_side(working)
    path = Path(spec)
    if path.exists():
        return read_file_side(path)
    return read_revision_side(spec, working)
