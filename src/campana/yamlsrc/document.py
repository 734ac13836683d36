"""A parsed YAML file: its data, its text and the shadow that knows positions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campana.errors import Finding
from campana.yamlsrc.positions import Loc, own, shadow_at, split_lines, unpack


@dataclass
class YamlDoc:
    """A parsed YAML file: its data, its text and the shadow (``root``) that knows positions."""

    path: Path
    name: str
    text: str
    data: Any
    root: Any
    findings: list[Finding] = field(default_factory=list)
    _lines: list[str] | None = None
    #: the largest magnitude of a whole number in ``data``, when the builder counted them
    #: (None: not known, look)
    largest_int: int | None = None

    @property
    def lines(self) -> list[str]:
        """The lines as editors count them (CR, LF, CRLF; not NEL, LS, PS, VT or FF)."""
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def node_at(self, loc: Loc, *, key: bool = False) -> Any:
        """The shadow entry at ``loc`` (the key's with ``key=True``), or the deepest one that
        exists: an int (packed position) for a scalar or a key, ``{None: position, key: (key
        position, shadow)}`` for a mapping and ``[position, shadow...]`` for a sequence."""
        if self.root is None:
            return None
        return shadow_at(self.root, loc, key)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int, int]:
        """1-based (line, column, span) of the value at ``loc`` (of its key with ``key=True``)."""
        node = self.node_at(loc, key=key)
        if node is None:
            return 1, 1, 1
        return unpack(node if isinstance(node, int) else own(node))

    def finding(
        self,
        loc: Loc,
        severity: str,
        code: str,
        message: str,
        *,
        hint: str | None = None,
        key: bool = False,
        campaign: str | None = None,
        identity: tuple[str, ...] = (),
    ) -> Finding:
        # ``position``, inline: a plan's checks make thousands of findings
        node = None if self.root is None else shadow_at(self.root, loc, key)
        if node is None:
            line, column, span = 1, 1, 1
        else:
            line, column, span = unpack(node if isinstance(node, int) else own(node))
        return Finding(
            file=self.name,
            line=line,
            column=column,
            severity=severity,  # type: ignore[arg-type]
            code=code,
            message=message,
            hint=hint,
            campaign=campaign,
            span=span,
            key=identity,
        )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a plan is read, validated and checked.

    Loading allocates objects by the million (dicts, lists, models) without a reference cycle
    among them; each full collection would walk all of them again, and there are more full
    collections the larger the plan, so the time would grow faster than the plan. Reference
    counting still frees everything as usual; the collector resumes afterwards.

    On resuming, what was allocated meanwhile moves to the oldest generation in one step
    (``gc.freeze`` then ``gc.unfreeze``, each a constant-time list splice): otherwise all of it
    would still sit in the youngest generation, and the first collection after the pause would
    walk every object of the plan (a fifth of ``validate`` on a large plan). Cycles among them
    are still found by the next full collection.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:  # never thaw what the program itself froze
                gc.freeze()
                gc.unfreeze()
            gc.enable()
