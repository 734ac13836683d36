"""The models' pydantic core schemas, kept on disk: a new process builds a model from the
schema a previous one generated, instead of generating it again.

Building a model on first use (``campana.modelbuild.build``) generates its core schema (every
field, annotation and constraint walked) and hands it to pydantic-core. The schema is the
same in every process that runs the same code: ``build`` asks ``load`` first and, when it
had to generate it, hands the model to ``store``. The validator and serializer are still made
from the schema in each process, and validate every file as before: only the generation is
skipped. ``campana validate`` still reads and checks the files.

Keyed by what the schema comes from: the text of the models' module, the versions and files
(size and mtime) of pydantic, pydantic-core and the typing libraries it reads annotations
with, the campana and Python versions; any change is a miss. Where: the query cache's folder
(as ``campana.cache.cache_dir`` tells it; ``CAMPANA_NO_CACHE=1`` turns this off too), one
file per model (``core-<module>.<class>.schema``, a few KiB), replaced atomically
(``campana.files.write_atomic``). A file carries a sha256 of its payload: a missing, stale,
damaged or unreadable file is a miss, never an error; so is a schema this module cannot write.

The payload is JSON: the classes and functions a schema names (the models, their validators
and default factories, pydantic's JSON Schema hooks of the models) are written as names and
looked up again in the models' module, where they must be defined; the models' definition
names (``<module>.<class>:<id>``, another in each process) are written as the class's name.
A schema that does not come back equal to the one built is not written.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

    from pydantic import BaseModel

FORMAT = b"campana-core-schema 1\n"
#: libraries whose code turns the models' annotations into a core schema
LIBRARIES = (
    "pydantic",
    "pydantic_core",
    "typing_extensions",
    "annotated_types",
    "typing_inspection",
)
_SUM = 32  # bytes of the payload's sha256, after the key
_REF = "\x00campana-ref"  # {_REF: [how, name...]} stands for a name in the models' module
_TUPLE = "\x00campana-tuple"  # and {_TUPLE: [items]} for a tuple
_BUILTINS: dict[str, Any] = {"list": list, "dict": dict, "set": set, "tuple": tuple}
#: the methods of a model a schema may name (pydantic's hooks for the model's JSON Schema)
_METHODS = ("__get_pydantic_json_schema__",)


class _NotPlain(Exception):
    """The schema holds something that cannot be written as names and plain data."""


# --- the key ----------------------------------------------------------------------------------


def _stamp(name: str) -> str:
    import os

    module = sys.modules.get(name)
    origin = getattr(module, "__file__", None)
    version = getattr(module, "__version__", getattr(module, "VERSION", ""))
    try:
        st = os.stat(origin) if origin else None
    except OSError:
        st = None
    return f"{name}={version}:{st.st_size}:{st.st_mtime_ns}" if st else f"{name}={version}:-"


def _key(cls: type[BaseModel], module: ModuleType) -> bytes | None:
    """sha256 of what the schema of ``cls`` is made from, or None if it cannot be known."""
    import hashlib

    from campana import __version__

    source = getattr(module, "__file__", None)
    if not source:
        return None
    try:
        with open(source, "rb") as handle:
            text = handle.read()
    except OSError:
        return None
    digest = hashlib.sha256(FORMAT)
    meta = [__version__, sys.version, sys.platform, cls.__module__, cls.__qualname__]
    meta.extend(_stamp(name) for name in LIBRARIES)
    digest.update("\0".join(meta).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(hashlib.sha256(text).digest())
    return digest.digest()


def cache_dir() -> Path | None:
    """``campana.cache.cache_dir``, the query cache's folder (or None when it is off), told
    the same way: that module imports the models, which build through this one, so it cannot
    be imported here (``tests/test_coldpath.py`` keeps the two in step)."""
    import os
    from pathlib import Path

    if os.environ.get("CAMPANA_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no"):
        return None
    explicit = os.environ.get("CAMPANA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "campana"
    try:
        return Path.home() / ".cache" / "campana"
    except (RuntimeError, KeyError):  # no home folder to speak of
        return None


def _where(cls: type[BaseModel]) -> tuple[Path, bytes, ModuleType] | None:
    """The file for the schema of ``cls``, its key and the models' module; None when off."""
    folder = cache_dir()
    module = sys.modules.get(cls.__module__)
    if folder is None or module is None or getattr(module, cls.__qualname__, None) is not cls:
        return None
    key = _key(cls, module)
    if key is None:
        return None
    return folder / f"core-{cls.__module__}.{cls.__qualname__}.schema", key, module


# --- the schema as JSON -----------------------------------------------------------------------


def _own(value: Any, module: ModuleType) -> bool:
    """Whether ``value`` is a class or function defined in ``module`` under its own name."""
    name = getattr(value, "__qualname__", None)
    return (
        isinstance(name, str)
        and getattr(value, "__module__", None) == module.__name__
        and getattr(module, name, None) is value
    )


def _encode(value: Any, module: ModuleType) -> Any:
    import types

    kind = type(value)
    if kind is dict:
        if not all(type(k) is str and k not in (_REF, _TUPLE) for k in value):
            raise _NotPlain
        return {k: _encode(v, module) for k, v in value.items()}
    if kind is list:
        return [_encode(v, module) for v in value]
    if kind is str:
        return _encode_text(value, module)
    if kind in (int, float, bool) or value is None:
        return value
    if kind is tuple:
        return {_TUPLE: [_encode(v, module) for v in value]}
    if isinstance(value, type | types.FunctionType):
        if _own(value, module):
            return {_REF: ["name", value.__qualname__]}
        name = getattr(value, "__name__", "")
        if _BUILTINS.get(name) is value:
            return {_REF: ["builtin", name]}
    if isinstance(value, types.MethodType) and isinstance(value.__self__, type):
        owner, name = value.__self__, value.__func__.__name__
        if name in _METHODS and _own(owner, module) and getattr(owner, name) == value:
            return {_REF: ["method", owner.__qualname__, name]}
    raise _NotPlain


def _encode_text(text: str, module: ModuleType) -> Any:
    """A string, or a model's definition name: ``<module>.<class>:<id of the class>``."""
    head, colon, number = text.rpartition(":")
    module_name, dot, name = head.rpartition(".")
    if colon and dot and module_name == module.__name__ and number.isdigit():
        found = getattr(module, name, None)
        if isinstance(found, type) and _own(found, module) and int(number) == id(found):
            return {_REF: ["type-ref", name]}
    return text


def _decoder(module: ModuleType) -> Any:
    """The ``object_hook`` that turns ``_encode``'s names back into what they name."""

    def hook(obj: dict[str, Any]) -> Any:
        if len(obj) != 1:
            return obj
        if _TUPLE in obj:
            return tuple(obj[_TUPLE])
        ref = obj.get(_REF)
        if ref is None:
            return obj
        how, name, *rest = ref
        if how == "builtin":
            return _BUILTINS[name]
        found = getattr(module, name)
        if not _own(found, module):
            raise ValueError(f"{name} is not defined in {module.__name__}")
        if how == "type-ref" and isinstance(found, type):
            return f"{module.__name__}.{name}:{id(found)}"
        if how == "method" and isinstance(found, type) and rest and rest[0] in _METHODS:
            return getattr(found, rest[0])
        if how == "name":
            return found
        raise ValueError("not a schema")

    return hook


# --- reading and writing ----------------------------------------------------------------------


def load(cls: type[BaseModel]) -> Any:
    """The stored core schema of ``cls``, or None (a miss) for any reason."""
    try:
        found = _where(cls)
        if found is None:
            return None
        path, key, module = found
        import hashlib
        import json

        with open(path, "rb") as handle:
            raw = handle.read()
        head = len(FORMAT) + len(key)
        if raw[: len(FORMAT)] != FORMAT or raw[len(FORMAT) : head] != key:
            return None
        payload = raw[head + _SUM :]
        if hashlib.sha256(payload).digest() != raw[head : head + _SUM]:
            return None
        schema = json.loads(payload, object_hook=_decoder(module))
        return schema if isinstance(schema, dict) else None
    except Exception:
        return None


def store(cls: type[BaseModel]) -> None:
    """Write the schema of ``cls``, just built; failures are silent."""
    try:
        found = _where(cls)
        if found is None or not cls.__pydantic_complete__:
            return
        path, key, module = found
        import hashlib
        import json

        from campana.files import write_atomic

        schema = cls.__pydantic_core_schema__
        plain = _encode(schema, module)
        payload = json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode()
        if json.loads(payload, object_hook=_decoder(module)) != schema:
            return  # it would not come back as it is (a float that does not, say)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, FORMAT + key + hashlib.sha256(payload).digest() + payload, mode=0o600)
    except Exception:
        return
