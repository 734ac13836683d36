"""Finds the rule modules in ``campana.checks.rules`` and runs them.

A rule is a module with ``CODES`` (the finding codes it may report), ``SCOPE`` ("plan" or
"audience") and ``check(ctx)``, a generator of findings. Adding a rule is adding such a file.

Rules run in the order of their module names; each walks the file in order. The loader then
sorts findings by file, line, column and code, so the order rules run in is not visible: no
two rules report the same code at the same position.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from campana.errors import Finding

Scope = Literal["plan", "audience"]


class Rule:
    """A rule module, as the registry runs it."""

    __slots__ = ("check", "codes", "name", "scope")

    def __init__(self, name: str, module: Any) -> None:
        self.name = name
        self.codes: tuple[str, ...] = tuple(module.CODES)
        self.scope: Scope = module.SCOPE
        self.check: Callable[[Any], Iterator[Finding]] = module.check


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every rule module (``*.py`` in the rules package, not starting with ``_``), by name."""
    from campana.checks import rules as package

    names = sorted(
        {
            entry[:-3]
            for folder in package.__path__
            for entry in os.listdir(folder)
            if entry.endswith(".py") and not entry.startswith("_")
        }
    )
    return tuple(
        Rule(name, importlib.import_module(f"{package.__name__}.{name}")) for name in names
    )


def run(scope: Scope, ctx: object) -> Iterator[Finding]:
    for rule in rules():
        if rule.scope == scope:
            yield from rule.check(ctx)


def codes() -> set[str]:
    """Every code a rule may report."""
    return {code for rule in rules() for code in rule.codes}
