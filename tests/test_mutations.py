"""The shipped plan, mutated the way people and tools break files, through the real CLI.

Whatever the edit (a deleted key, a retyped scalar, swapped dates, a duplicated id, a changed
byte, a cut-off file, odd Unicode: NEL, LS, PS, BOM, NUL), campana answers with an exit code of
0, 1 or 2, never a traceback; every finding points at a line of the file and shows that line;
and a query gives the same answer with the cache on (written, then read) as with it off.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AUDIENCE, PLAN, invoke

TEXT = PLAN.read_bytes()
ODD = ["\x85", "\u2028", "\u2029", "\ufeff", "\x00", "\t", "ñ", "«", "\r", "\x1b", "é"]
KEY_LINE = re.compile(rb"^( *)(?:- )?([a-z_]+):", re.M)
DATE = re.compile(rb"\d{4}-\d{2}-\d{2}")
ID_LINE = re.compile(rb"^ *- id: ([a-z0-9-]+)$", re.M)
RETYPED = [b"[]", b"{}", b"~", b"12", b"true", b"2024-13-45", b"'x'", b"-", b"*nope", b"!!str x"]


def _delete_key(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line + b"\n")]
    if not keyed:
        return data
    del lines[rng.choice(keyed)]
    return b"\n".join(lines)


def _retype(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    valued = [
        i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")
    ]
    if not valued:
        return data
    i = rng.choice(valued)
    head = lines[i].split(b": ", 1)[0]
    lines[i] = head + b": " + rng.choice(RETYPED)
    return b"\n".join(lines)


def _swap_dates(data: bytes, rng: random.Random) -> bytes:
    spans = [m.span() for m in DATE.finditer(data)]
    if len(spans) < 2:
        return data
    k = rng.randrange(len(spans) - 1)
    (a, b), (c, d) = spans[k], spans[k + 1]
    return data[:a] + data[c:d] + data[b:c] + data[a:b] + data[d:]


def _duplicate_id(data: bytes, rng: random.Random) -> bytes:
    found = list(ID_LINE.finditer(data))
    if len(found) < 2:
        return data
    source, target = rng.sample(found, 2)
    a, b = target.span(1)
    return data[:a] + source.group(1) + data[b:]


def _byte(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    k = rng.randrange(len(data))
    return data[:k] + bytes([rng.randrange(256)]) + data[k + 1 :]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    return data[: rng.randrange(len(data))]


def _unicode(data: bytes, rng: random.Random) -> bytes:
    k = rng.randrange(len(data) + 1)
    while 0 < k < len(data) and (data[k] & 0xC0) == 0x80:  # not inside a character
        k -= 1
    return data[:k] + rng.choice(ODD).encode("utf-8") + data[k:]


MUTATIONS = {
    "delete-key": _delete_key,
    "retype": _retype,
    "swap-dates": _swap_dates,
    "duplicate-id": _duplicate_id,
    "byte": _byte,
    "truncate": _truncate,
    "unicode": _unicode,
}


def _editor_lines(data: bytes) -> list[str]:
    """The file's lines as an editor shows them (LF, CRLF and CR end a line; NEL, LS, PS don't)."""
    text = data.decode("utf-8", "replace")
    return re.split(r"\r\n|\r|\n", text)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 10**9),
    kinds=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3),
)
def test_a_mutated_plan_never_crashes_and_every_finding_points_inside_it(
    tmp_path_factory: object, seed: int, kinds: list[str]
) -> None:
    rng = random.Random(seed)
    data = TEXT
    for kind in kinds:
        data = MUTATIONS[kind](data, rng)
    folder: Path = tmp_path_factory.mktemp("mut")  # type: ignore[attr-defined]
    plan = folder / "campaigns.yaml"
    plan.write_bytes(data)
    (folder / "audience.yaml").write_bytes(AUDIENCE.read_bytes())
    lines = _editor_lines(data)

    as_json = invoke("validate", "--plan", str(plan), "--format", "json")
    assert as_json.exit_code in (0, 1, 2), (kinds, as_json.stderr)
    assert "Traceback" not in as_json.stderr and "error interno" not in as_json.stderr
    # every finding, unreadable files included, comes out as JSON on stdout
    findings = json.loads(as_json.stdout)
    assert findings or as_json.exit_code == 0
    as_text = invoke("validate", "--plan", str(plan))
    assert as_text.exit_code == as_json.exit_code
    for f in findings:
        if not f["file"].endswith("campaigns.yaml"):
            continue
        assert 1 <= f["line"] <= len(lines), (f, len(lines))
        assert f["column"] >= 1
        assert f"campaigns.yaml:{f['line']}:{f['column']}: " in as_text.stdout + as_text.stderr
        shown = lines[f["line"] - 1].strip()
        if shown and shown.isascii() and shown.isprintable():
            assert shown in as_text.stdout + as_text.stderr, (f, shown)

    # the same answer with the cache off, on (written) and on again (read)
    args = ("list", "--plan", str(plan), "--format", "json", "--today", "2024-03-15")
    cache = str(folder / "cache")
    off = invoke(*args)
    written = invoke(*args, env={"CAMPANA_NO_CACHE": None, "CAMPANA_CACHE_DIR": cache})
    read = invoke(*args, env={"CAMPANA_NO_CACHE": None, "CAMPANA_CACHE_DIR": cache})
    assert off.exit_code in (0, 1, 2) and "error interno" not in off.stderr
    assert (off.exit_code, off.stdout) == (written.exit_code, written.stdout)
    assert (off.exit_code, off.stdout) == (read.exit_code, read.stdout)


def test_a_finding_after_a_line_separator_shows_its_own_line(tmp_path: Path) -> None:
    """LS (U+2028) inside a value is no line break to an editor, nor to the finding's position:
    the line shown under the finding must be the one at that position, not the one before."""
    text = TEXT.decode("utf-8").replace("title: Campañas 2024", "title: Campañas\u20282024", 1)
    plan = tmp_path / "campaigns.yaml"
    plan.write_text(text, encoding="utf-8")
    (tmp_path / "audience.yaml").write_bytes(AUDIENCE.read_bytes())
    result = invoke("validate", "--plan", str(plan), "--format", "json")
    lines = _editor_lines(text.encode("utf-8"))
    shown = invoke("validate", "--plan", str(plan)).stdout
    after = [
        f
        for f in json.loads(result.stdout)
        if f["line"] > lines.index("  title: Campañas\u20282024")
    ]
    assert after, "a finding after the line separator"
    for f in after:
        assert f"{f['line']:>4} | {lines[f['line'] - 1]}" in shown
