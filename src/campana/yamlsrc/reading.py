"""Reading a file's bytes (bounded, regular files and standard input only) and decoding them."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from campana.errors import Finding
from campana.yamlsrc import limits, refusals

#: the names that mean "standard input"
STDIN_NAMES = ("-", "/dev/stdin", "/proc/self/fd/0", "/dev/fd/0")

_KINDS = (
    (stat.S_ISFIFO, "una tubería (FIFO)"),
    (stat.S_ISCHR, "un dispositivo de caracteres"),
    (stat.S_ISBLK, "un dispositivo de bloques"),
    (stat.S_ISSOCK, "un socket"),
)


def is_stdin(path: Path) -> bool:
    return str(path) in STDIN_NAMES


def _kind(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "un archivo especial"


def _open_error(exc: OSError, name: str) -> refusals.UnreadableFile:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return refusals.file_missing(name)
    if exc.errno == errno.ELOOP:
        return refusals.file_loop(name)
    if exc.errno == errno.ENAMETOOLONG:
        return refusals.file_name_too_long(name)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return refusals.file_unreadable(
            name, "no tienes permiso para leerlo o para entrar a su carpeta"
        )
    return refusals.file_unreadable(name, exc.strerror or str(exc))


def _read_fd(fd: int, name: str) -> bytes:
    """At most MAX_BYTES bytes from ``fd``; more is refused (counted as read, not as stated)."""
    cap = limits.MAX_BYTES
    chunks: list[bytes] = []
    got = 0
    while got <= cap:
        chunk = os.read(fd, min(cap + 1 - got, 1 << 24))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    if got > cap:
        raise refusals.file_too_large(name)
    return b"".join(chunks)


def read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes: a regular file after following links, or standard input when ``path``
    is ``-`` or ``/dev/stdin`` and standard input is a pipe or a regular file (read once).
    Anything else (a folder, a FIFO by name, a device, a socket) is refused."""
    if is_stdin(path):
        return _read_stdin(name)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise refusals.file_is_folder(name) from None
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValueError):  # an embedded NUL in the path
            raise refusals.file_missing(name) from None
        raise _open_error(exc, name) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise refusals.file_is_folder(name)
        if not stat.S_ISREG(mode):
            raise refusals.file_not_regular(name, _kind(mode))
        try:
            return _read_fd(fd, name)
        except OSError as exc:
            if exc.errno == errno.EISDIR:
                raise refusals.file_is_folder(name) from None
            raise _open_error(exc, name) from None
    finally:
        os.close(fd)


def _read_stdin(name: str) -> bytes:
    stream = sys.stdin
    fd = -1
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError, AttributeError):
        fd = -1
    if fd < 0:  # a replaced sys.stdin (tests, embedding): read what it holds
        buffer = getattr(stream, "buffer", None)
        data = buffer.read(limits.MAX_BYTES + 1) if buffer is not None else b""
        if isinstance(data, str):  # pragma: no cover - a text-only stream
            data = data.encode("utf-8")
        if len(data) > limits.MAX_BYTES:
            raise refusals.file_too_large(name)
        return bytes(data)
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        raise _open_error(exc, name) from None
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise refusals.file_not_regular(name, _kind(mode))
    try:
        return _read_fd(fd, name)
    except OSError as exc:
        raise _open_error(exc, name) from None


def decode(raw: bytes, name: str) -> tuple[str, list[Finding]]:
    """UTF-8 text of ``raw`` without a BOM (a warning), or UnreadableFile with a Spanish reason."""
    findings: list[Finding] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refusals.utf16(name)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        findings.append(
            Finding(
                name,
                1,
                1,
                "warning",
                "bom",
                "el archivo empieza con una marca BOM de UTF-8",
                hint="guárdalo como «UTF-8» sin BOM; campana la ignora",
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        # the column counts characters, as an editor does, not bytes
        start = before.rfind(b"\n") + 1
        col = len(before[start:].decode("utf-8", "replace")) + 1
        error = refusals.not_utf8(name, raw[exc.start], line, col)
        error.text = raw.decode("utf-8", "replace")  # to show the offending line
        raise error from None
    nul = text.find("\x00")
    if nul >= 0:
        from campana.yamlsrc.positions import line_col

        line, col = line_col(text, nul)
        error = refusals.nul_byte(name, line + 1, col + 1)
        error.text = text.replace("\x00", "\N{SYMBOL FOR NULL}")
        raise error
    return text, findings


def read_text(path: Path, name: str) -> tuple[str, list[Finding]]:
    """The file's text as UTF-8, or UnreadableFile with a Spanish reason."""
    return decode(read_bytes(path, name), name)
