"""Every file campana writes goes through here: written whole or not at all, never onto the plan
(except ``write_plan``, which only the edit commands of ``campana.edit`` call).

``write_atomic`` writes to a temporary file in the target's folder, fsyncs it and renames it
over the target: a write cut short (a full disk, a file size limit, an interrupt) leaves the old
file as it was and no fragment behind. ``refuse_inputs`` stops an output that would land on the
plan or its audience file, however the path is spelled (links, ``..``, hard links).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from campana.errors import RefusedOutput
from campana.paths import display_name


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_inputs(output: Path, inputs: Iterable[Path]) -> None:
    """Raise RefusedOutput if writing ``output`` would overwrite one of ``inputs``."""
    real = os.path.realpath(output)
    for source in inputs:
        if real == os.path.realpath(source) or _same_file(real, source):
            raise RefusedOutput(
                f"«{display_name(output)}» es {_what(source)}: campana no escribe sobre él",
                hint="elige otro archivo de salida, por ejemplo campanas.ics o programacion.svg",
            )


def _what(source: Path) -> str:
    if source.name == "audience.yaml":
        return f"el archivo de audiencia ({display_name(source)})"
    return f"el plan ({display_name(source)})"


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(
    path: Path | str,
    data: bytes | str,
    *,
    mode: int | None = None,
    before_rename: Callable[[Path], None] | None = None,
) -> None:
    """Write ``data`` to ``path`` whole or not at all. Raises OSError as ``open`` would.

    A link is followed (the file it points to is replaced). A target that is not a regular file
    (a terminal, a pipe, /dev/null) cannot be replaced by a rename: it is written directly.
    The new file keeps the old one's permissions, or gets ``mode`` (default: 0666 less umask).
    ``before_rename`` is called with the target right before the rename: raising there leaves
    the target as it was and no temporary file behind.
    """
    import tempfile

    raw = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, os.strerror(21), str(path))
        with open(target, "wb") as handle:
            handle.write(raw)
        return
    if mode is None:
        mode = stat.S_IMODE(st.st_mode) if st is not None else _default_mode()
    # (the name cut short: a target name near the system's limit must still get a temporary)
    prefix = f".{target.name[:64]}."
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if before_rename is not None:
            before_rename(target)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)


def write_plan(path: Path | str, data: bytes, unchanged: Callable[[bytes], None]) -> None:
    """Write over the plan itself: only the edit commands do. Atomic as ``write_atomic`` (a
    link is followed, the mode kept); ``unchanged`` gets the file's bytes as they are right
    before the rename and raises to stop the write (the file changed since it was read)."""

    def check(target: Path) -> None:
        with open(target, "rb") as handle:
            unchanged(handle.read())

    target = Path(os.path.realpath(path))
    if not target.is_file():
        raise FileNotFoundError(2, os.strerror(2), str(path))
    write_atomic(target, data, before_rename=check)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can fsync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
