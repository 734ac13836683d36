"""Plain command-line values without pydantic: the start-up cost of every command.

typer (0.29, pinned in pyproject.toml for these internals) converts each parameter through a
pydantic ``TypeAdapter``, which imports pydantic's models and validators as soon as a command
with parameters runs: more than campana's whole start-up with a warm cache. campana's options
are all plain ``str``, ``int``, ``bool`` and ``Path`` values (optional, or lists of them), which
need no validation library; ``install`` gives typer a converter for exactly those and leaves
every other annotation, and any option with typer's range or path checks, to typer. If typer's
internals are not the ones this was written for, ``install`` does nothing and typer works as it
always does. The messages here are Spanish already (click wraps them in «Invalid value for …»,
which ``i18n`` translates).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

_TRUE = ("1", "true", "t", "yes", "y", "on")
_FALSE = ("0", "false", "f", "no", "n", "off")
# typer's defaults for a Path option: anything else asks for its own checks
_PATH_DEFAULTS = {
    "exists": False,
    "file_okay": True,
    "dir_okay": True,
    "writable": False,
    "readable": True,
    "resolve_path": False,
    "allow_dash": False,
}


def _converter(annotation: Any, bad: Callable[[str], Exception]) -> Callable[[Any], Any] | None:
    """How to turn a command-line string into ``annotation``, or None when it is not plain."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _converter(args[0], bad) if len(args) == 1 else None
    if origin is list:
        (item,) = typing.get_args(annotation) or (None,)
        one = _converter(item, bad) if item is not None else None
        if one is None:
            return None
        return lambda values: [one(v) for v in values]
    if annotation is str:
        return lambda v: v if isinstance(v, str) else str(v)
    if annotation is Path:
        return lambda v: v if isinstance(v, Path) else Path(v)
    if annotation is int:

        def to_int(v: Any) -> int:
            if isinstance(v, int) and not isinstance(v, bool):
                return v
            try:
                return int(str(v).strip())
            except ValueError:
                raise bad(f"«{v}» no es un número entero") from None

        return to_int
    if annotation is bool:

        def to_bool(v: Any) -> bool:
            if isinstance(v, bool):
                return v
            text = str(v).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise bad(f"«{v}» no es sí ni no (se admite: {', '.join(_TRUE + _FALSE)})")

        return to_bool
    return None


def install(typer_core: Any) -> None:
    """Route typer's parameter coercion for plain annotations through ``_converter``."""
    try:
        from typer import _coercion
        from typer._click.exceptions import BadParameter
    except ImportError:  # another typer: keep its own coercion
        return
    original = getattr(_coercion, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if original is None or base is None or getattr(typer_core, "build_runtime_param", None) is None:
        return
    if getattr(original, "campana_fast", False):
        return

    class PlainRuntimeParam(base):  # type: ignore[misc, valid-type]
        """A parameter converted by a plain function (a frozen dataclass, like typer's)."""

        def __init__(self, parameter_info: Any, annotation: Any, convert: Any) -> None:
            super().__init__(parameter_info=parameter_info, annotation=annotation)
            object.__setattr__(self, "convert", convert)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if isinstance(value, tuple) and not isinstance(self.annotation, type):
                value = list(value)
            try:
                return self.convert(value)
            except BadParameter as exc:
                exc.ctx, exc.param = ctx, param
                raise

    def build(descriptor: Any) -> Any:
        info = descriptor.parameter_info
        plain = (
            descriptor.file_annotation is None
            and getattr(info, "min", None) is None
            and getattr(info, "max", None) is None
            and getattr(info, "parser", None) is None
            and getattr(info, "click_type", None) is None
            and all(getattr(info, k, v) == v for k, v in _PATH_DEFAULTS.items())
        )
        convert = _converter(descriptor.annotation, BadParameter) if plain else None
        if convert is None:
            return original(descriptor)
        return PlainRuntimeParam(info, descriptor.annotation, convert)

    build.campana_fast = True  # type: ignore[attr-defined]
    typer_core.build_runtime_param = build
    _coercion.build_runtime_param = build
