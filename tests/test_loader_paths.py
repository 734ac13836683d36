"""The loader (libyaml's C parser events into the event builder) and its fallback (ruamel.yaml's
pure-Python parser's events into the same builder) read every file the same: the same data, the
same findings, the same line:column for every place, and they refuse the same files."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from campana.yamlsrc import Loc, UnreadableFile, YamlDoc, load, read_text, refusals
from campana.yamlsrc.parsing import _parse
from conftest import AUDIENCE, PLAN


def parse_pure(text: str, path: Path, name: str, *, findings: list[Any] | None = None) -> YamlDoc:
    """The loader with ruamel.yaml's pure-Python parser only (the fallback)."""
    try:
        return _parse(text, path, name, list(findings or ()), c_first=False)
    except refusals.UnreadableFile as exc:
        exc.text = text
        raise


Outcome = tuple[Any, ...]


def _norm(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def _read(path: Path, pure: bool) -> tuple[Outcome, YamlDoc | None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ruamel warns about reused anchors
        try:
            if pure:
                text, found = read_text(path, "f.yaml")
                doc = parse_pure(text, path, "f.yaml", findings=found)
            else:
                doc = load(path, "f.yaml")
        except UnreadableFile as exc:
            f = exc.finding
            return ("unreadable", f.code, f.message, f.line, f.column), None
    findings = [(f.line, f.column, f.severity, f.code, f.message) for f in doc.findings]
    return ("ok", _norm(doc.data), findings), doc


def _locs(data: Any, path: Loc = ()) -> Iterator[Loc]:
    yield path
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _locs(v, (*path, k))
        yield (*path, "no-such-key")
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _locs(v, (*path, i))
        yield (*path, len(data))
        yield (*path, "text")


def _same(path: Path) -> None:
    events, edoc = _read(path, pure=False)
    nodes, ndoc = _read(path, pure=True)
    if events[0] == "unreadable" and nodes[0] == "unreadable":
        # both refuse; the two parsers word syntax errors differently (load uses libyaml's)
        assert (events[1] == "yaml-syntax") == (nodes[1] == "yaml-syntax") or "yaml-tab" in (
            events[1],
            nodes[1],
        ), (events, nodes)
        return
    if nodes[0] == "unreadable":
        # libyaml reads a few things ruamel refuses (a tab at the end of the file): kept
        return
    assert events == nodes
    if edoc is None or ndoc is None:
        return
    for loc in _locs(edoc.data):
        for key in (False, True):
            assert edoc.position(loc, key=key) == ndoc.position(loc, key=key), (loc, key)


CASES = {
    "alias": "a: &x {b: 1, c: [1, 2]}\nd: *x\ne: [*x, *x]\n",
    "merge": "base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n",
    "anchor-in-merge": "item:\n  <<: &b {x: 1, t: !!python/name:os.system}\n  y: *b\n",
    "duplicates": "a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n",
    "tags": (
        "a: !!python/object/apply:os.system [ls]\nb: !foo bar\nc: !!binary aGVsbG8=\n"
        "d: !!str 12\ne: !!int '7'\nf: !custom {}\ng: !!seq {}\nh: !x []\ni: !!map {k: v}\n"
        "j: ! 12\n"
    ),
    "empty": "",
    "comment": "# only a comment\n",
    "null": "~\n",
    "document-mark": "---\n",
    "two-documents": "a: 1\n---\nb: 2\n",
    "undefined-alias": "a: *nope\n",
    "duplicate-anchor": "a: &x 1\nb: &x 2\nc: *x\n",
    "unclosed": "a: [1, 2\n",
    "tab": "a:\n\tb: 1\n",
    "collection-keys": "? [a, b]\n: 1\n? {x: 1}\n: 2\n[c]: 3\n",
    "alias-keys": "a: &k name\n*k : 2\nb: &l [1]\n*l : 3\n",
    "scalars": (
        "a: yes\nb: No\nc: 0x1F\nd: 0o17\ne: 1_000\nf: .inf\ng: -.Inf\nh: .nan\ni: 1e3\n"
        "j: 2024-02-30\nk: 2024-02-03T10:00:00\nl: 2024-1-5\nm: ''\nn: null\no: true\n"
        "p: 012\nq: +12\nr: -0.5\ns: 1:20\n"
    ),
    "block-scalars": "a: >-\n  folded\n  text\nb: |\n  lit\n  eral\nc: 'quoted\n  two'\n",
    "flow": "a: {b: [1, {c: d}], e: f}\ng: [h, i, [j, k]]\n",
    "empty-values": "a: {}\nb: []\nc:\nd: !!null ''\n",
    "nesting": "plan: " + "[" * 90 + "]" * 90 + "\n",
    "top-sequence": "- a\n- b: 1\n  c: [2]\n",
    "top-scalar": "just text\n",
    "control-character": "a: \x07\n",
    "long-line": "a: " + "x" * 5000 + "\n",
    "numbers-as-keys": "1: a\n2.5: b\nnull: c\ntrue: d\n~: e\n",
    "unicode": "nombre: «Campaña» ñ\nclave_ñ: vídeo\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_both_loaders_agree_on_odd_yaml(name: str, tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(CASES[name], encoding="utf-8")
    _same(path)


def test_both_loaders_agree_on_the_shipped_files() -> None:
    _same(PLAN)
    _same(AUDIENCE)


def test_refusals_point_where_the_event_loader_finds_them(tmp_path: Path) -> None:
    """The one place the loaders differ: where an alias bomb or a too-deep alias is reported.
    The node loader reports the node inside the anchor where the count ran out; the event
    loader, the alias that expands past the limit, without expanding it."""
    bomb = tmp_path / "bomb.yaml"
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb.write_text("\n".join([*lines, "plan: *a9"]) + "\n", encoding="utf-8")
    events, _ = _read(bomb, pure=False)
    assert events[:2] == ("unreadable", "yaml-alias-bomb")
    assert events[3] == 5  # the first alias line whose expansion passes the budget
    deep = tmp_path / "deep.yaml"
    deep.write_text(
        "a: &d " + "[" * 60 + "]" * 60 + "\nb: " + "[" * 50 + "*d" + "]" * 50 + "\n",
        encoding="utf-8",
    )
    events, _ = _read(deep, pure=False)
    assert events[:2] == ("unreadable", "yaml-depth")
    assert events[3:] == (2, 54)  # the alias that would nest past the limit


PIECES = [
    ":",
    "- ",
    "  ",
    "\n",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "<<: ",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "#",
    "? ",
    "~",
    "\t",
    "2024-13-01",
    "yes",
    ",",
    "|",
    ">",
    "---\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# an anchor on an empty key: ruamel's parser marked it where libyaml marks an empty value
@example(source=PLAN, edits=[(0.0, 0, "&a ", 1), (0.0, 0, "? ", 1)])
@given(
    source=st.sampled_from([PLAN, AUDIENCE]),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 2), st.sampled_from(PIECES), st.integers(1, 20)),
        min_size=1,
        max_size=4,
    ),
)
def test_both_loaders_agree_on_broken_plans(
    source: Path, edits: list[tuple[float, int, str, int]], tmp_path_factory: Any
) -> None:
    text = source.read_text(encoding="utf-8")
    for where, op, piece, length in edits:
        i = int(where * (len(text) - 1))
        if op == 0:
            text = text[:i] + piece + text[i:]
        elif op == 1:
            text = text[:i] + text[i + length :]
        else:
            lines = text.split("\n")
            lines.insert(i % len(lines), lines[(i * 7) % len(lines)])
            text = "\n".join(lines)
    path = tmp_path_factory.mktemp("mut") / "f.yaml"
    path.write_text(text, encoding="utf-8")
    _same(path)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\n\r,:[]{}&!ab-\x0b\x85", max_size=60))
def test_the_glued_colon_search_finds_what_the_whole_text_search_finds(text: str) -> None:
    """A flow item glued to a leading colon (libyaml and YAML 1.2 disagree) is looked for only
    on the lines with a colon glued to text: the same answer as searching the whole text."""
    from campana.yamlsrc.parsing import _ODD_FLOW_START, _odd_flow_start

    assert _odd_flow_start(text) == (_ODD_FLOW_START.search(text) is not None)
    assert _odd_flow_start(f"key: value\nlist: [a, {text}]\n") == (
        _ODD_FLOW_START.search(f"key: value\nlist: [a, {text}]\n") is not None
    )


@pytest.mark.parametrize(
    "text", ["? &a # c\nx: 1\n", "k: &a\nx: 1\n", "- &a\n- 1\n", "{a: &x , b: 1}\n"]
)
def test_an_anchored_empty_value_is_marked_at_its_anchor_by_both_parsers(text: str) -> None:
    """libyaml marks an empty scalar with an anchor at the anchor; so does the pure parser."""
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]

    from campana.yamlsrc.parsing import PureParser

    def marks(parser: Any) -> list[tuple[int, int, int]]:
        found = []
        while True:
            event = parser.get_event()
            name = type(event).__name__
            if name == "ScalarEvent" and event.anchor:
                m, e = event.start_mark, event.end_mark
                found.append((m.line, m.column, e.column))
            if name == "StreamEndEvent":
                return found

    assert marks(PureParser(text)) == marks(CParser(text)) != []
