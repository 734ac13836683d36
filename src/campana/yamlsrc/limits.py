"""The bounds on what campana reads: bytes per file and nesting depth."""

from __future__ import annotations

#: bytes read from one file at most (MAX_BYTES + 1 are read to tell "too large")
MAX_BYTES = 64 * 1024 * 1024
#: nesting levels of mappings and sequences, alias expansions included, keys included
MAX_DEPTH = 100
