"""A cache of the checked plan, so that query commands skip YAML, pydantic and the plan checks.

``open_plan`` reads each file once, asks ``lookup`` with the hash of what it read; on a miss it
validates that same text and hands the result to ``store``, which files it under that same key.
An entry is keyed by the content: the text read from the plan and from the audience.yaml
beside it, the names findings show for them, the campana code (size and mtime of the core
modules), the versions of what reads them, and the Python version. Any change is a miss.

Where: ``$CAMPANA_CACHE_DIR``, else ``$XDG_CACHE_HOME/campana``, else ``~/.cache/campana``; one
file per plan path, replaced atomically (``campana.files.write_atomic``). Bounded: at most
``MAX_ENTRIES`` files and ``MAX_TOTAL_BYTES`` in all; an entry larger than ``MAX_ENTRY_BYTES``
or ``ENTRY_FACTOR`` times the text it stands for (a plan of many aliases, copied out) is not
written at all. Every entry carries a sha256 of its payload: a mismatch is a miss.
``CAMPANA_NO_CACHE=1`` turns it off. A missing, stale, unreadable, damaged or corrupt entry is
a miss, never an error. Plans that are not regular files (a pipe) are never cached.
``campana validate`` never uses the cache: CI always reads and checks the files.

What comes back is not the pydantic models: importing pydantic alone takes longer than
everything else a query does with a warm cache. The models come back as ``Record`` objects,
read-only stand-ins restored without pydantic: the same fields (nested records, lists, dates,
strings, numbers), the models' own helpers (``Plan.campaign``, ``Plan.touchpoint_name``,
``Blackout.restricts_touchpoint``, ``Audience.segment``; lookups they build on first use live
in slots, never pickled or compared), equality and hashing with each other and with the real
models, ``isinstance`` against the model classes, and every other attribute (``model_dump``,
``model_copy``, ...) by building the real model on first use (``model_construct``, no
re-validation: the data was validated when the entry was written).

Trust boundary: entries are pickles, read only from the user's own cache folder (created 0700,
files 0600). Whoever can write there can already run code as the user, but the reader still
refuses anything but our own classes and plain values (``_Unpickler.find_class``), so a planted
or damaged file can at worst give a miss, never run code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from campana import __version__
from campana.yamlsrc import YamlDoc

if TYPE_CHECKING:
    from pydantic import BaseModel

    from campana.reading import FileRead
    from campana.validation import LoadedPlan

ENV_DIR = "CAMPANA_CACHE_DIR"
ENV_OFF = "CAMPANA_NO_CACHE"
FORMAT = b"campana-cache 2\n"
MAX_ENTRIES = 32  # plans kept; writing one more removes the least recently written
MAX_TOTAL_BYTES = 128 * 1024 * 1024  # all entries together; the oldest go first
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # a larger entry is not worth writing (or reading back)
ENTRY_FACTOR = 8  # nor one larger than this many times the text it stands for
ENTRY_SLACK = 256 * 1024  # (small plans: records cost more than their text, but little)
# Libraries whose versions change what a load gives: their files' size and mtime join the key.
STAMPED = ("pydantic", "pydantic_core", "ruamel.yaml", "dateutil")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off or there is no home."""
    if os.environ.get(ENV_OFF, "").strip().lower() not in ("", "0", "false", "no"):
        return None
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "campana"
    try:
        return Path.home() / ".cache" / "campana"
    except (RuntimeError, KeyError):  # no home folder to speak of
        return None


# --- records ----------------------------------------------------------------------------------


def _models() -> Any:
    from campana import models

    return models


class _RecordMeta(type):
    """Class attributes a record class lacks (``model_fields``...) come from the model class."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__") or cls.__name__ == "Record":
            raise AttributeError(name)
        return getattr(getattr(_models(), cls.__name__), name)


class Record(metaclass=_RecordMeta):
    """A validated model instance, restored from the cache without pydantic (read-only).

    Fields live in the instance ``__dict__`` (plain attribute reads); ``_set`` is the model's
    ``model_fields_set``; ``_real`` the pydantic model once something needed it.
    """

    __slots__ = ("__dict__", "_real", "_set")
    _set: frozenset[str]
    _real: BaseModel | None

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self).__name__, dict(self.__dict__), tuple(sorted(self._set))))

    def _model(self) -> BaseModel:
        real = self._real
        if real is None:
            model = getattr(_models(), type(self).__name__)
            values = {k: _unrecord(v) for k, v in self.__dict__.items()}
            real = model.model_construct(_fields_set=set(self._set), **values)
            object.__setattr__(self, "_real", real)
        return cast("BaseModel", real)

    def __getattr__(self, name: str) -> Any:
        # only for names that are not fields: the model's API, built on first use
        if name.startswith("_") and not name.startswith("__pydantic"):
            raise AttributeError(name)
        return getattr(self._model(), name)

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        """The model class, for ``isinstance`` (only once campana.models is imported anyway)."""
        models = sys.modules.get("campana.models")
        real = getattr(models, type(self).__name__, None) if models is not None else None
        return real if isinstance(real, type) else type(self)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._model(), name, value)  # pydantic refuses: the models are frozen

    def __delattr__(self, name: str) -> None:
        delattr(self._model(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record):
            return type(other).__name__ == type(self).__name__ and self.__dict__ == other.__dict__
        if type(other).__name__ == type(self).__name__ and hasattr(other, "model_dump"):
            return bool(self._model() == other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._model())

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        yield from self.__dict__.items()

    def __repr__(self) -> str:
        return repr(self._model())

    def __str__(self) -> str:
        return str(self._model())


class _PlanRecord(Record):
    """The helpers of ``campana.models.Plan`` (tests/test_cache.py keeps them in step)."""

    __slots__ = ("_by_id",)  # as on the model: built on first use, never pickled or compared

    def _lookups(self) -> tuple[dict[str, Any], dict[str, str]]:
        try:
            return cast("tuple[dict[str, Any], dict[str, str]]", self._by_id)
        except AttributeError:
            pass
        campaigns: dict[str, Any] = {}
        for c in self.campaigns:
            campaigns.setdefault(c.id, c)
        names: dict[str, str] = {}
        for t in self.touchpoints:
            names.setdefault(t.id, str(t.name))
        found = (campaigns, names)
        object.__setattr__(self, "_by_id", found)
        return found

    def campaign(self, campaign_id: str) -> Any:
        return self._lookups()[0].get(campaign_id)

    def touchpoint_name(self, touchpoint_id: str) -> str:
        return self._lookups()[1].get(touchpoint_id, touchpoint_id)


class _BlackoutRecord(Record):
    """The helper of ``campana.models.Blackout``."""

    __slots__ = ("_restricts_set",)

    def restricts_touchpoint(self, touchpoint: str) -> bool:
        try:
            found: frozenset[str] = self._restricts_set
        except AttributeError:
            found = frozenset(self.restricts)
            object.__setattr__(self, "_restricts_set", found)
        return touchpoint in found


class _AudienceRecord(Record):
    """The helpers of ``campana.models.Audience``."""

    __slots__ = ()

    def segment(self, segment_id: str) -> Any:
        return next((s for s in self.segments if s.id == segment_id), None)


_HELPERS: dict[str, type[Record]] = {
    "Plan": _PlanRecord,
    "Blackout": _BlackoutRecord,
    "Audience": _AudienceRecord,
}
_CLASSES: dict[str, type[Record]] = {}


def record_class(name: str) -> type[Record]:
    """The record class standing in for the model class called ``name``."""
    cls = _CLASSES.get(name)
    if cls is None:
        if not name.isidentifier():
            raise ValueError(name)
        base = _HELPERS.get(name, Record)
        made = cast(
            "type[Record]", _RecordMeta(name, (base,), {"__slots__": (), "__module__": __name__})
        )
        _CLASSES[name] = made
        return made
    return cls


def _restore(name: str, fields: dict[str, Any], fields_set: tuple[str, ...]) -> Record:
    cls = record_class(name)
    record = object.__new__(cls)
    record.__dict__.update(fields)
    object.__setattr__(record, "_set", frozenset(fields_set))
    object.__setattr__(record, "_real", None)
    return record


def _unrecord(value: Any) -> Any:
    if isinstance(value, Record):
        return value._model()
    if isinstance(value, list):
        return [_unrecord(v) for v in value]
    return value


# --- the documents, without their parse -------------------------------------------------------


class CachedDoc(YamlDoc):
    """A YamlDoc from the cache: its text, but parsed again only if a position is asked for.

    (Not decorated again: it has YamlDoc's fields, and a dataclass costs import time.)
    """

    def node_at(self, loc: Any, *, key: bool = False) -> Any:
        if self.root is None and self.text:
            from campana.reading import FileRead, parse

            # the text this entry was made from, not the file now (it may be another, or a pipe)
            fresh = parse(FileRead(self.path, self.name, text=self.text))
            self.root, self.data = fresh.root, fresh.data
        return super().node_at(loc, key=key)


def _cached_doc(doc: YamlDoc | None) -> CachedDoc | None:
    if doc is None:
        return None
    return CachedDoc(
        path=doc.path,
        name=doc.name,
        text=doc.text,
        data=None,
        root=None,
        findings=list(doc.findings),
    )


# --- the key ----------------------------------------------------------------------------------


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path.name}:-"
    return f"{path.name}:{st.st_size}:{st.st_mtime_ns}"


def _code_stamp() -> str:
    """Our core modules and the libraries that read the plan, as size and mtime of files."""
    import importlib.util

    core = Path(__file__).parent
    files = [*core.glob("*.py"), *core.glob("checks/**/*.py"), *core.glob("yamlsrc/*.py")]
    parts = [_stamp(p) for p in sorted(files)]
    for name in STAMPED:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        parts.append(f"{name}={_stamp(Path(origin)) if origin else '-'}")
    return "|".join(parts)


class Slot:
    """Where a plan's entry lives and what it must be keyed by to be used."""

    __slots__ = ("file", "key", "size")

    def __init__(self, file: Path, key: bytes, size: int) -> None:
        self.file, self.key = file, key
        #: characters of text the entry stands for (to judge whether it is worth its bytes)
        self.size = size


def content_key(plan: FileRead, audience: FileRead | None) -> bytes:
    """sha256 of everything a load depends on: what was read (once) and the code that reads it."""
    import hashlib

    digest = hashlib.sha256()
    digest.update(FORMAT)
    meta = f"{__version__}\0{sys.version}\0{sys.platform}\0{_code_stamp()}\0"
    digest.update(meta.encode("utf-8", "surrogateescape"))
    for read in (plan, audience):
        if read is None:
            digest.update(b"\0absent\0")
            continue
        digest.update(read.name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(read.digest())
    return digest.digest()


def slot(plan: FileRead, audience: FileRead | None) -> Slot | None:
    """The cache slot for files just read, or None when the cache is off or not for them."""
    folder = cache_dir()
    if folder is None or plan.error is not None:
        return None
    import hashlib
    import stat

    try:
        if not stat.S_ISREG(plan.path.stat().st_mode):
            return None  # a pipe or a device: nothing to find again next time
        where = str(plan.path.resolve())
    except (OSError, RuntimeError):
        return None
    name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    size = len(plan.text or "") + len((audience.text or "") if audience else "")
    return Slot(folder / f"plan-{name}.pickle", content_key(plan, audience), size)


# --- reading and writing ----------------------------------------------------------------------

# (module, name) pairs an entry may name: our classes and the plain value types they hold.
_ALLOWED = {
    ("campana.cache", "_restore"),
    ("campana.cache", "CachedDoc"),
    ("campana.errors", "Finding"),
    ("campana.validation", "Validation"),
    ("datetime", "date"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "PurePosixPath"),
    ("pathlib", "PureWindowsPath"),
}


def _unpickler(data: bytes) -> Any:
    import io
    import pickle

    class _Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) not in _ALLOWED:
                raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")
            return super().find_class(module, name)

    return _Unpickler(io.BytesIO(data))


_SUM = 32  # bytes of the payload's sha256, after the key


def lookup(found: Slot) -> LoadedPlan | None:
    """The cached load of the plan, or None (a miss) for any reason at all."""
    import hashlib

    try:
        with open(found.file, "rb") as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    head = len(FORMAT) + len(found.key)
    if raw[: len(FORMAT)] != FORMAT or raw[len(FORMAT) : head] != found.key:
        return None
    payload = raw[head + _SUM :]
    if len(raw) > MAX_ENTRY_BYTES or hashlib.sha256(payload).digest() != raw[head : head + _SUM]:
        return None  # damaged (or not ours): the caller loads the files
    try:
        from campana.validation import LoadedPlan, Validation
        from campana.yamlsrc import gc_paused

        with gc_paused():
            validation = _unpickler(payload).load()
        if not isinstance(validation, Validation) or validation.plan is None:
            return None
        return LoadedPlan(validation.plan, validation.audience, validation)
    except Exception:  # a damaged entry is a miss; the caller loads the files
        return None


def worth_limit(text_chars: int) -> int:
    """The largest entry worth writing for a plan of this much text."""
    return min(MAX_ENTRY_BYTES, ENTRY_FACTOR * text_chars + ENTRY_SLACK)


class _TooLarge(Exception):
    """The entry grew past what it is worth: stop pickling it."""


class _BoundedBuffer:
    """A write-only buffer that refuses to grow past ``limit`` bytes (pickle writes frames)."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def write(self, data: Any) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)


def _dump_bounded(entry: Any, limit: int) -> bytes | None:
    """The pickle of ``entry`` with every pydantic model written as a record, or None as soon
    as it passes ``limit`` bytes (a plan of many aliases: each copy would be written out)."""
    import pickle

    class _Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            if isinstance(obj, Record):
                return obj.__reduce__()
            fields = getattr(type(obj), "model_fields", None)
            if fields is None or not hasattr(obj, "model_fields_set"):
                return NotImplemented
            return (
                _restore,
                (
                    type(obj).__name__,
                    {name: getattr(obj, name) for name in fields},
                    tuple(sorted(obj.model_fields_set)),
                ),
            )

    buffer = _BoundedBuffer(limit)
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(entry)
    except _TooLarge:
        return None
    return b"".join(buffer.parts)


def store(found: Slot, loaded: LoadedPlan) -> None:
    """Write the entry for a load just made from the text read; failures are silent (a miss)."""
    try:
        import dataclasses
        import hashlib

        from campana.files import write_atomic

        v = loaded.validation
        entry = dataclasses.replace(
            v,
            plan_doc=_cached_doc(v.plan_doc),
            audience_doc=_cached_doc(v.audience_doc),
            findings=list(v.findings),
            unreadable=list(v.unreadable),
            files=list(v.files),
            texts={},  # the docs keep their text; queries never show source lines
            _lines={},
        )
        header = len(FORMAT) + len(found.key) + _SUM
        body = _dump_bounded(entry, worth_limit(found.size) - header)
        if body is None:
            return  # bigger than it is worth: reading the files again is cheaper
        payload = FORMAT + found.key + hashlib.sha256(body).digest() + body
        folder = found.file.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(found.file, payload, mode=0o600)
        _prune(folder, keep=found.file)
    except Exception:
        return


def _prune(folder: Path, keep: Path) -> None:
    """Keep the folder small: the most recently written plans (one file each), at most
    MAX_ENTRIES of them and MAX_TOTAL_BYTES in all."""
    dated = []
    for p in folder.glob("plan-*.pickle"):
        if p == keep:
            continue
        try:
            st = p.stat()
        except OSError:
            continue
        dated.append((st.st_mtime_ns, st.st_size, p))
    dated.sort(key=lambda t: t[0], reverse=True)
    try:
        total = keep.stat().st_size
    except OSError:
        total = 0
    for n, (_, size, p) in enumerate(dated, start=1):
        total += size
        if n >= MAX_ENTRIES or total > MAX_TOTAL_BYTES:
            p.unlink(missing_ok=True)
