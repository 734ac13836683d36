"""Read a YAML file safely into plain Python data, keeping where every key and value stands.

- ``reading``: the file's bytes (regular files and standard input only, bounded) and UTF-8 text;
- ``parsing``: libyaml's C parser, ruamel.yaml's pure-Python parser where libyaml refuses;
- ``events``: the one builder of data and positions from either parser's events;
- ``positions``: lines as editors count them, and the packed positional shadow;
- ``refusals``: ``UnreadableFile`` and one constructor per reason a file cannot be read;
- ``document``: ``YamlDoc``, the parsed file; ``limits``: the bounds.
"""

from __future__ import annotations

from campana.yamlsrc.document import YamlDoc, gc_paused
from campana.yamlsrc.limits import MAX_BYTES, MAX_DEPTH
from campana.yamlsrc.parsing import load, parse_text
from campana.yamlsrc.positions import Loc
from campana.yamlsrc.reading import read_text
from campana.yamlsrc.refusals import UnreadableFile

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Loc",
    "UnreadableFile",
    "YamlDoc",
    "gc_paused",
    "load",
    "parse_text",
    "read_text",
]
