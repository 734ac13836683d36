"""Text to YamlDoc: libyaml's C parser first, ruamel.yaml's pure-Python parser where it refuses
or would disagree, both feeding the same event builder.

libyaml reads YAML 1.1 and refuses some YAML 1.2 that ruamel.yaml (the project's own YAML
library) reads and writes, such as ``{text: https://x.mx}`` or ``[¿Eres…?]``; it also counts
NEL, LS and PS as line breaks. ruamel's pure parser reads those; its marks are mapped back to
lines as editors count them (CR, LF, CRLF). The pure parser is imported only when needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from campana.errors import Finding
from campana.yamlsrc import refusals
from campana.yamlsrc.document import YamlDoc
from campana.yamlsrc.events import EventBuilder, ParseFailed
from campana.yamlsrc.reading import read_text

#: where libyaml would read the text otherwise than ruamel: NEL, LS and PS (line breaks to
#: libyaml, not to editors), and an anchor or alias name followed by a character YAML 1.2
#: allows in names (``&an:chor`` is the anchor «an» and the text «:chor» to libyaml)
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")
_ODD_NAME = re.compile("[&*][0-9A-Za-z_-]+[:?%@`]")
#: and a flow item that starts with ``:`` glued to text (``[a, :b]``): a plain scalar to
#: YAML 1.2, an empty key to libyaml
_ODD_FLOW_START = re.compile(r"[\[{,][ \t]*(?:[&!]\S+[ \t]+)*:[^\s,\[\]{}]")


#: what every match of ``_ODD_FLOW_START`` ends with: a colon glued to text
_GLUED_COLON = re.compile(r":[^\s,\[\]{}]")


def _libyaml_differs(text: str) -> bool:
    if any(ch in text for ch in _ODD_BREAKS):
        return True
    if ("&" in text or "*" in text) and _ODD_NAME.search(text) is not None:
        return True
    return _odd_flow_start(text)


def _odd_flow_start(text: str) -> bool:
    """Whether ``_ODD_FLOW_START`` matches somewhere in ``text``, asked only of the lines
    that hold a colon glued to text: a match holds no line break and ends with one. The
    same answer as searching the whole text, which tries the pattern at every flow
    indicator and comma of a plan (16 of 520 ms of validating 200 x 50, now 2.5)."""
    for glued in _GLUED_COLON.finditer(text):
        line = text.rfind("\n", 0, glued.start()) + 1
        if _ODD_FLOW_START.search(text, line, glued.end()) is not None:
            return True
    return False


def c_parser(text: str) -> Any:
    """The C event parser of ruamel.yaml.clib, or None without the extension."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - pure-Python install
        return None
    return CParser(text)


class _Mark:
    """A mark with the line and column an editor shows."""

    __slots__ = ("column", "index", "line")
    name = "<unicode string>"

    def __init__(self, index: int, line: int, column: int) -> None:
        self.index, self.line, self.column = index, line, column

    def __str__(self) -> str:
        return f"line {self.line + 1}, column {self.column + 1}"


class PureParser:
    """ruamel.yaml's pure-Python parser (YAML 1.2, as its round-trip loader reads), with every
    mark's line and column counted as editors count them."""

    def __init__(self, text: str) -> None:
        from ruamel.yaml import YAML

        from campana.yamlsrc.positions import LineIndex

        self.events = YAML(typ="safe", pure=True).parse(text)
        self.lines = LineIndex(text)
        self.text = text
        self.flow: list[bool] = []  # per open collection: is it a flow one?
        self.last = 0  # where the previous event ended

    def mark(self, mark: Any) -> Any:
        if mark is None or getattr(mark, "index", None) is None:
            return mark
        line, column = self.lines.at(mark.index)
        return _Mark(mark.index, line, column)

    def get_event(self) -> Any:
        try:
            event = next(self.events)
        except Exception as exc:
            for attr in ("problem_mark", "context_mark"):
                if hasattr(exc, attr):
                    setattr(exc, attr, self.mark(getattr(exc, attr)))
            raise
        name = type(event).__name__
        if name in ("MappingStartEvent", "SequenceStartEvent"):
            self.flow.append(bool(event.flow_style))
        elif name in ("MappingEndEvent", "SequenceEndEvent") and self.flow:
            self.flow.pop()
        elif (
            name == "ScalarEvent"
            and event.value == ""
            and not event.style
            and event.tag is None
            and event.anchor is None  # with an anchor, both parsers mark the anchor
        ):
            event.start_mark = event.end_mark = self._empty(event.start_mark)
        start = event.start_mark
        event.start_mark = self.mark(start)
        event.end_mark = self.mark(event.end_mark)
        end = getattr(event.end_mark, "index", None)
        if isinstance(end, int):
            self.last = end
        return event

    def _empty(self, mark: Any) -> Any:
        """An empty value where libyaml puts it: right after the «:» in a block mapping, at
        the next token in a flow collection (ruamel puts them the other way round)."""
        text, index = self.text, mark.index
        if self.flow and self.flow[-1]:
            while index < len(text) and text[index] in " \t\r\n":
                index += 1
        else:
            j = self.last
            while j < len(text) and text[j] in " \t":
                j += 1
            if j < len(text) and text[j] == ":":
                index = j + 1
        return _Mark(index, 0, 0) if index != mark.index else mark

    def dispose(self) -> None:
        close = getattr(self.events, "close", None)
        if close is not None:
            close()


def parse_text(
    text: str, path: Path, name: str, *, findings: list[Finding] | None = None
) -> YamlDoc:
    """Parse already-read text (no file I/O). Raises UnreadableFile (exit 2) with ``text`` set
    when the text is not one readable YAML document or passes a bound."""
    try:
        return _parse(text, path, name, list(findings or ()))
    except refusals.UnreadableFile as exc:
        exc.text = text  # the reporter shows the offending line without reading the file again
        raise


def _parse(
    text: str, path: Path, name: str, findings: list[Finding], *, c_first: bool = True
) -> YamlDoc:
    budget = 10 * len(text) + 10_000
    first: ParseFailed | None = None
    if c_first and not _libyaml_differs(text):
        parser = c_parser(text)
        if parser is not None:
            doc = YamlDoc(path=path, name=name, text=text, data=None, root=None)
            doc.findings = list(findings)
            try:
                EventBuilder(doc, budget).run(parser)
                return doc
            except ParseFailed as failure:
                first = failure
            finally:
                parser.dispose()
    doc = YamlDoc(path=path, name=name, text=text, data=None, root=None)
    doc.findings = list(findings)
    pure = PureParser(text)
    try:
        EventBuilder(doc, budget).run(pure)
    except ParseFailed as failure:
        # both refuse: libyaml's words (the clearer) unless only the pure parser ran
        raise refusals.syntax_error((first or failure).error, name, text) from None
    finally:
        pure.dispose()
    return doc


def load(path: Path, name: str | None = None) -> YamlDoc:
    """Read and parse one YAML file. Raises UnreadableFile (exit 2) when that is impossible."""
    display = name or str(path)
    text, findings = read_text(path, display)
    return parse_text(text, path, display, findings=findings)
