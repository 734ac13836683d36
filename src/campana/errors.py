"""The errors the core raises (no exit codes: the CLI maps them), and the findings checks return.

Nothing here imports typer, rich, pydantic or ruamel: it is safe at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, cast

Severity = Literal["error", "warning"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CampanaError(Exception):
    """A problem that stops a command, in Spanish, for the person who ran it.

    ``message`` says what is wrong, ``hint`` how to fix it; ``file``/``line``/``column``
    say where, when the problem has a place in a file. The core raises the subclasses below;
    only the CLI (``campana.cli.app.run``) decides which exit code each one means.
    """

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = file
        self.line = line
        self.column = column


class UsageError(CampanaError):
    """A bad argument or option value: a date that is not one, an unknown campaign..."""


class RefusedOutput(UsageError):
    """An output path campana will not write to: the plan or its audience file."""


class InvalidInput(CampanaError):
    """Input that was read but cannot be used: a plan too broken to query, a date out of range."""


class UnreadableInput(CampanaError):
    """A file that cannot be read or parsed at all."""


class InternalError(CampanaError):
    """Something campana itself got wrong, or the system refused; not the user's input."""


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One problem in a plan file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str | None = None
    campaign: str | None = None
    #: width of the offending token, for the caret line (at least 1)
    span: int = 1
    #: position-free identity, used by ``diff`` to tell introduced from resolved findings
    key: tuple[str, ...] = field(default=(), compare=False)

    def __init__(
        self,
        file: str,
        line: int,
        column: int,
        severity: Severity,
        code: str,
        message: str,
        hint: str | None = None,
        campaign: str | None = None,
        span: int = 1,
        key: tuple[str, ...] = (),
    ) -> None:
        # The dataclass's own __init__ of a frozen class calls object.__setattr__ once per
        # field; the slots' setters below do the same in 60 % of the time (a plan's checks
        # make thousands of findings: 4,045 at 200 x 50). Still frozen: assigning raises.
        _set_file(self, file)
        _set_line(self, line)
        _set_column(self, column)
        _set_severity(self, severity)
        _set_code(self, code)
        _set_message(self, message)
        _set_hint(self, hint)
        _set_campaign(self, campaign)
        _set_span(self, span)
        _set_key(self, key)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def identity(self) -> tuple[str, ...]:
        return self.key or (self.code, self.campaign or "", self.message)


_SlotSetter = Callable[[Finding, Any], None]
(
    _set_file,
    _set_line,
    _set_column,
    _set_severity,
    _set_code,
    _set_message,
    _set_hint,
    _set_campaign,
    _set_span,
    _set_key,
) = cast(
    "tuple[_SlotSetter, ...]",
    tuple(Finding.__dict__[f.name].__set__ for f in fields(Finding)),
)


def count(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for f in findings if f.severity == "error")
    return errors, len(findings) - errors


def exit_code_for(findings: list[Finding], *, strict: bool = False) -> int:
    errors, warnings = count(findings)
    if errors or (strict and warnings):
        return EXIT_FINDINGS
    return EXIT_OK
