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
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from campana.errors import Finding

Scope = Literal["plan", "audience"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    codes: tuple[str, ...]
    scope: Scope
    check: Callable[[Any], Iterator[Finding]]


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every rule module, by name."""
    from campana.checks import rules as package

    found: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found.append(Rule(info.name, tuple(module.CODES), module.SCOPE, module.check))
    return tuple(found)


def run(scope: Scope, ctx: object) -> Iterator[Finding]:
    for rule in rules():
        if rule.scope == scope:
            yield from rule.check(ctx)


def codes() -> set[str]:
    """Every code a rule may report."""
    return {code for rule in rules() for code in rule.codes}
