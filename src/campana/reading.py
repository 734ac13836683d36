"""Read a file once and parse the very text that was read.

The cache keys an entry by what was read and the loader parses that same text, so a plan
replaced while a query runs can never be cached under the other version's key, and a plan read
from a pipe (``--plan /dev/stdin``) is consumed only once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from campana.errors import Finding
from campana.yamlsrc import UnreadableFile, YamlDoc, parse_text, read_text


@dataclass
class FileRead:
    """One file, read once: its text and reading findings (a BOM...), or why it is unreadable."""

    path: Path
    name: str
    text: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: UnreadableFile | None = None

    def digest(self) -> bytes:
        """What the read gave, as a hash: the text and the reading findings, or the error."""
        h = hashlib.sha256()
        if self.error is not None:
            h.update(b"unreadable\0" + self.error.finding.message.encode("utf-8", "replace"))
        else:
            text = self.text or ""
            h.update(len(text).to_bytes(8, "big"))
            h.update(text.encode("utf-8", "surrogatepass"))
            for f in self.findings:
                h.update(f"\0{f.code}:{f.line}:{f.column}:{f.message}".encode())
        return h.digest()


def read_once(path: Path, name: str) -> FileRead:
    """Read ``path`` (shown as ``name``) exactly once; never raises for an unreadable file."""
    try:
        text, findings = read_text(path, name)
    except UnreadableFile as exc:
        return FileRead(path, name, error=exc)
    except OSError as exc:  # what the reader does not expect: a name too long for the system...
        return FileRead(path, name, error=_os_error(exc, name))
    return FileRead(path, name, text=text, findings=findings)


def _os_error(exc: OSError, name: str) -> UnreadableFile:
    import errno

    shown = name if len(name) <= 60 else name[:57] + "..."
    if exc.errno == errno.ENAMETOOLONG:
        message = f"no se puede leer «{shown}»: el nombre o la ruta es demasiado largo"
        hint = "acorta el nombre del archivo o de sus carpetas"
    elif exc.errno == errno.ELOOP:
        message = f"no se puede leer «{shown}»: los enlaces simbólicos forman un ciclo"
        hint = "revisa a dónde apunta cada enlace"
    else:
        message = f"no se puede leer «{shown}»: {exc.strerror or exc}"
        hint = "revisa la ruta y los permisos del archivo y de sus carpetas"
    hit = Finding(name, 1, 1, "error", "file-unreadable", message, hint=hint)
    return UnreadableFile(hit, hint=hint)


def parse(read: FileRead) -> YamlDoc:
    """The YAML document of a file already read; raises its UnreadableFile if it has one."""
    if read.error is not None:
        raise read.error
    return parse_text(read.text or "", read.path, read.name, findings=list(read.findings))
