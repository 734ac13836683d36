"""One edit of the plan file, from the read to the write: read once (hash kept), edit the text,
validate the result in memory, describe it, and write it safely.

``EditSession(path)`` reads the plan (and the audience beside it, never written) and refuses a
plan that already has errors; ``session.editor`` takes the edits; ``session.outcome()`` checks
them (``Outcome``: the new text, the findings it adds, the semantic diff); ``session.write``
writes an outcome that adds no error, refusing if the file changed on disk since it was read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campana.edit.editor import Editor
from campana.errors import CampanaError, Finding, InternalError, InvalidInput

if TYPE_CHECKING:
    from campana.diff import PlanDiff
    from campana.models import Plan
    from campana.validation import Validation

BOM = b"\xef\xbb\xbf"


class ChangedOnDisk(CampanaError):
    """The plan file changed on disk after the edit read it: nothing was written."""


class EditRefused(CampanaError):
    """The edit would add errors to the plan: nothing was written (``findings`` says which)."""

    def __init__(self, message: str, findings: list[Finding], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.findings = findings


@dataclass
class PlanFile:
    """The plan file as read once: its bytes, their hash, and the text without the BOM."""

    path: Path
    name: str
    raw: bytes
    digest: str
    bom: bool
    text: str

    def encode(self, text: str) -> bytes:
        """``text`` as this file's bytes (UTF-8, with the BOM if the file had one)."""
        return (BOM if self.bom else b"") + text.encode("utf-8", "surrogatepass")


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_plan_file(path: Path, name: str | None = None) -> PlanFile:
    """Read the plan's bytes once (a regular file, bounded as every read is)."""
    import os
    import stat

    from campana.paths import display_name
    from campana.yamlsrc.limits import MAX_BYTES

    shown = name or display_name(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise InvalidInput(
                f"«{shown}» no es un archivo normal: campana solo edita un archivo del plan",
                hint="indica el archivo del plan con --plan, por ejemplo data/campaigns.yaml",
            )
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            f"no se puede leer «{shown}»: {exc.strerror or exc}",
            hint="revisa la ruta y los permisos del archivo",
        ) from None
    if len(raw) > MAX_BYTES:
        raise InvalidInput(f"«{shown}» es demasiado grande para editarlo")
    bom = raw.startswith(BOM)
    try:
        text = raw[len(BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"«{shown}» no está en UTF-8: campana no lo edita",
            hint="guárdalo como UTF-8 y corre «campana validate»",
        ) from None
    return PlanFile(Path(path), shown, raw, digest(raw), bom, text)


def numstat(old: str, new: str) -> tuple[int, int]:
    """Lines added and removed, as ``git diff --numstat`` counts them."""
    import difflib

    a, b = old.splitlines(), new.splitlines()
    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += i2 - i1
            added += j2 - j1
    return added, removed


@dataclass
class Outcome:
    """An edit checked in memory: what it would write and what it changes."""

    file: PlanFile
    text: str
    raw: bytes
    before: Validation
    after: Validation
    diff: PlanDiff
    new_errors: list[Finding] = field(default_factory=list)
    new_warnings: list[Finding] = field(default_factory=list)
    added: int = 0
    removed: int = 0
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.raw != self.file.raw


def _errors(validation: Validation) -> list[Finding]:
    return [*validation.unreadable, *(f for f in validation.findings if f.severity == "error")]


class EditSession:
    """An edit of the plan at ``path``: read once, validated before and after in memory."""

    def __init__(self, path: Path, *, allow_errors: bool = False) -> None:
        from campana.loading import validate_text
        from campana.paths import audience_beside, display_name

        self.path = Path(path)
        self.file = read_plan_file(self.path)
        beside = audience_beside(self.path)
        self.audience_raw: bytes | None = None
        self.audience_name = display_name(beside)
        try:
            with open(beside, "rb") as handle:
                self.audience_raw = handle.read()
        except OSError:
            self.audience_raw = None
        self.before = validate_text(
            self.file.raw,
            self.audience_raw,
            plan_path=self.path,
            plan_name=self.file.name,
            audience_name=self.audience_name,
        )
        errors = _errors(self.before)
        if not allow_errors and (errors or self.before.plan is None):
            shown = "\n".join(f"  {f.file}:{f.line}:{f.column}: {f.message}" for f in errors[:5])
            more = f"\n  … y {len(errors) - 5} más" if len(errors) > 5 else ""
            raise InvalidInput(
                f"el plan ya tiene errores; campana no lo edita hasta corregirlos:\n{shown}{more}",
                hint="corrígelos a mano o con «campana edit»; «campana validate» los muestra",
            )
        self.editor = Editor(self.file.text)

    @property
    def plan(self) -> Plan:
        if self.before.plan is None:
            raise InvalidInput("el plan tiene errores de estructura y no se puede editar así")
        return self.before.plan

    def outcome(self) -> Outcome:
        """Validate the edited text in memory and describe the change. Raises InternalError
        if the text does not read back as exactly the intended data (never written then)."""
        return check_text(self, self.editor.result(), expected=self.editor)

    def write(self, outcome: Outcome) -> None:
        """Write an outcome that adds no error: atomically, through a link to its target,
        keeping the file's mode; refused if the file changed since it was read."""
        write_checked(outcome)


def check_text(
    session: EditSession,
    text: str,
    *,
    expected: Editor | None = None,
    raw: bytes | None = None,
) -> Outcome:
    """The outcome of replacing the plan's text with ``text`` (an edit, or the user's own
    text from ``campana edit``, given as the file's ``raw`` bytes): validated in memory,
    findings compared by identity."""
    from campana.diff import Side, compare
    from campana.loading import validate_text

    if raw is None:
        raw = session.file.encode(text)
    after = validate_text(
        raw,
        session.audience_raw,
        plan_path=session.path,
        plan_name=session.file.name,
        audience_name=session.audience_name,
    )
    if expected is not None and after.plan_doc is not None and session.before.plan_doc is not None:
        want = expected.expected(session.before.plan_doc.data)
        if after.plan_doc.data != want:
            raise InternalError(
                "el cambio no se pudo escribir sin alterar otra parte del plan; no se escribió "
                "nada",
                hint="haz este cambio a mano con «campana edit» y avisa del problema",
            )
    # by identity (not by line: an edit moves lines), a warning turned error counted as new
    seen = {(f.identity(), f.severity) for f in session.before.findings}
    new = [
        f for f in [*after.unreadable, *after.findings] if (f.identity(), f.severity) not in seen
    ]
    new_errors = [f for f in new if f.severity == "error"]
    new_warnings = [f for f in new if f.severity == "warning"]
    if after.plan is not None and session.before.plan is not None:
        name = session.file.name
        old_side = Side(name, session.plan, session.before.audience, session.before.findings)
        new_side = Side(name, after.plan, after.audience, after.findings)
        result = compare(old_side, new_side)
    else:
        from campana.diff import PlanDiff

        result = PlanDiff(session.file.name, session.file.name, [])
    added, removed = numstat(session.file.text, text)
    return Outcome(
        session.file,
        text,
        raw,
        session.before,
        after,
        result,
        new_errors,
        new_warnings,
        added,
        removed,
    )


def write_checked(outcome: Outcome) -> None:
    """Write ``outcome`` over the plan file, or raise EditRefused (it adds errors) or
    ChangedOnDisk (the file is no longer what was read); nothing is written then."""
    from campana.files import write_plan

    if outcome.new_errors:
        raise EditRefused(
            "el cambio agregaría errores al plan; no se escribió nada", outcome.new_errors
        )
    if not outcome.changed:
        return

    def unchanged(current: bytes) -> None:
        if digest(current) != outcome.file.digest:
            raise ChangedOnDisk(
                f"«{outcome.file.name}» cambió en el disco mientras se editaba; no se escribió "
                "nada",
                hint="vuelve a correr el comando sobre la versión nueva",
            )

    write_plan(outcome.file.path, outcome.raw, unchanged)
    outcome.written = True
