"""The edit engine: minimal text edits (git numstat counts), validated, safe writes."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campana.declare import NewBlackout
from campana.edit import ChangedOnDisk, Editor, EditRefused, EditSession, ops
from campana.yamlsrc import parse_text

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"
EXAMPLE = ROOT / "examples" / "seguimiento"


def copy_plan(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "campaigns.yaml", dest / "campaigns.yaml")
    shutil.copy(source / "audience.yaml", dest / "audience.yaml")
    return dest / "campaigns.yaml"


def git_numstat(a: Path, b: Path) -> tuple[int, int]:
    """(added, removed) lines as ``git diff --numstat`` counts them."""
    proc = subprocess.run(
        ["git", "diff", "--no-index", "--numstat", str(a), str(b)],
        capture_output=True,
        text=True,
        check=False,
    )
    if not proc.stdout.strip():
        return 0, 0
    added, removed, _ = proc.stdout.split("\t", 2)
    return int(added), int(removed)


def apply(plan: Path, edit: str) -> tuple[int, int]:
    """Run one named edit on ``plan``, write it, and count the changed lines."""
    before = plan.with_suffix(".before")
    shutil.copy(plan, before)
    session = EditSession(plan)
    EDITS[edit](session)
    outcome = session.outcome()
    assert outcome.new_errors == []
    session.write(outcome)
    return git_numstat(before, plan)


EDITS = {
    "ine": lambda s: ops.ine_answer(
        s,
        "aprobada",
        campaign_text="atencion",
        touchpoint="medios-masivos",
        date=dt.date(2024, 2, 20),
        reference="INE/ACRT/12/2024",
    ),
    "ine-no-date": lambda s: ops.ine_answer(
        s, "aprobada", campaign_text="trabajadores", touchpoint="digital"
    ),
    "move": lambda s: ops.move(s, "logros", by="+7d"),
    "move-row": lambda s: ops.move(s, "atencion", touchpoint="digital", end="+1 semana"),
    "owner": lambda s: ops.set_owner(s, "atencion", "Coordinación de Medios"),
    "owner-row": lambda s: ops.set_owner(s, "atencion", "Medios", touchpoint="digital"),
    "milestone": lambda s: ops.add_milestone(
        s,
        "logros",
        milestone_id="entrega",
        name="Entrega de creatividades",
        date=dt.date(2024, 1, 10),
        kind="creative-delivery",
    ),
    "add-campaign": lambda s: ops.add_campaign(
        s,
        "credito-mujeres",
        name="Crédito para mujeres",
        start=dt.date(2024, 8, 1),
        end=dt.date(2024, 10, 31),
    ),
    "add-touchpoint": lambda s: ops.add_touchpoint(s, "radio-local", name="Radio local"),
    "add-blackout": lambda s: ops.add_blackout(
        s,
        NewBlackout(
            "veda-ejemplo",
            "Veda de ejemplo",
            dt.date(2024, 9, 2),
            dt.date(2024, 9, 6),
            ("Digital",),
        ),
    ),
    "remove-component": lambda s: ops.remove_component(s, "atencion", "cambaceo"),
}

# (added, removed) lines per edit on the shipped plan
SHIPPED_COUNTS = {
    "ine": (3, 1),
    "ine-no-date": (1, 1),
    "move": (2, 2),
    "move-row": (2, 2),
    "owner": (1, 0),
    "owner-row": (1, 0),
    "milestone": (5, 0),
    "add-campaign": (5, 0),  # with the blank line between campaigns
    "add-touchpoint": (2, 0),
    "add-blackout": (5, 0),
    "remove-component": (0, 6),
}


def test_no_op_is_byte_identical(tmp_path: Path) -> None:
    for source in (SHIPPED, EXAMPLE):
        plan = copy_plan(source, tmp_path / source.name)
        raw = plan.read_bytes()
        session = EditSession(plan)
        outcome = session.outcome()
        assert outcome.raw == raw
        assert not outcome.changed
        session.write(outcome)
        assert plan.read_bytes() == raw


@pytest.mark.parametrize("edit", sorted(SHIPPED_COUNTS))
def test_each_edit_changes_only_its_lines_on_the_shipped_plan(tmp_path: Path, edit: str) -> None:
    plan = copy_plan(SHIPPED, tmp_path)
    assert apply(plan, edit) == SHIPPED_COUNTS[edit]


# the example plan already names the campaign's owner (the edit changes that line) and the
# component's (one line more to remove)
EXAMPLE_COUNTS = {**SHIPPED_COUNTS, "owner": (1, 1), "remove-component": (0, 7)}


@pytest.mark.parametrize("edit", sorted(EXAMPLE_COUNTS))
def test_each_edit_changes_only_its_lines_on_the_example(tmp_path: Path, edit: str) -> None:
    plan = copy_plan(EXAMPLE, tmp_path)
    assert apply(plan, edit) == EXAMPLE_COUNTS[edit]


def test_move_rewrites_period_text_in_the_documents_words(tmp_path: Path) -> None:
    plan = copy_plan(SHIPPED, tmp_path)
    session = EditSession(plan)
    ops.move(session, "atencion", touchpoint="medios masivos", by="+7d")
    outcome = session.outcome()
    assert "period_text: 1 de marzo a 21 de julio 2024" in outcome.text
    assert (outcome.added, outcome.removed) == (3, 3)


def _redump(text: str, **style: object) -> str:
    """The plan dumped again by ruamel.yaml: round trip (comments kept) in another layout,
    or, with ``plain``, its plain data in flow or block style (comments dropped)."""
    from ruamel.yaml import YAML

    plain = bool(style.pop("plain", False))
    yaml = YAML()
    if "indent" in style:
        yaml.indent(**style.pop("indent"))  # type: ignore[arg-type]
    for key, value in style.items():
        setattr(yaml, key, value)
    yaml.width = 4096
    data = YAML(typ="safe", pure=True).load(text) if plain else yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


STYLES = {
    "ruamel-default": {},
    "indent-4": {"indent": {"mapping": 4, "sequence": 6, "offset": 4}},
    "dash-under-key": {"indent": {"mapping": 2, "sequence": 2, "offset": 0}},
    "flow": {"plain": True, "default_flow_style": True},
    "plain-block": {"plain": True, "default_flow_style": False},
}


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize(
    "edit",
    ["ine", "move", "owner", "owner-row", "milestone", "add-touchpoint", "remove-component"],
)
def test_edits_on_redumped_plans(tmp_path: Path, style: str, edit: str) -> None:
    plan = copy_plan(SHIPPED, tmp_path)
    plan.write_text(_redump(plan.read_text(encoding="utf-8"), **dict(STYLES[style])))
    text = plan.read_text(encoding="utf-8")
    added, removed = apply(plan, edit)  # the outcome reads back as exactly the edit
    if style == "flow":  # a few long lines: an edit changes the lines it touches, no more
        assert text.count("\n") < 30
        assert (added, removed) in ((1, 1), (2, 2))
    elif style == "plain-block":  # no comments, no blank lines between campaigns
        expected = {"remove-component": (0, 6), "milestone": (5, 0)}
        assert (added, removed) == expected.get(edit, SHIPPED_COUNTS[edit])
    else:
        assert (added, removed) == SHIPPED_COUNTS[edit]


@pytest.mark.parametrize("edit", ["ine", "move", "owner-row", "milestone"])
def test_crlf_and_bom_are_kept(tmp_path: Path, edit: str) -> None:
    plan = copy_plan(SHIPPED, tmp_path)
    text = plan.read_text(encoding="utf-8").replace("\n", "\r\n")
    plan.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert apply(plan, edit) == SHIPPED_COUNTS[edit]
    raw = plan.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# yaml-language-server: $schema=")
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_edits_keep_every_other_byte(tmp_path: Path) -> None:
    """Quotes, folded strings, flow items and comments outside the edit are untouched."""
    plan = copy_plan(SHIPPED, tmp_path)
    before = plan.read_text(encoding="utf-8")
    apply(plan, "ine")
    after = plan.read_text(encoding="utf-8")
    assert (
        after.replace(
            "        ine_exception: approved\n"
            "        ine_answer_date: 2024-02-20\n"
            "        ine_reference: INE/ACRT/12/2024\n",
            "        ine_exception: pending\n",
            1,
        )
        == before
    )


# --- primitives on small documents ----------------------------------------------------


def edited(text: str, change: object) -> str:
    editor = Editor(text)
    change(editor)  # type: ignore[operator]
    result = editor.result()
    old = parse_text(text, Path("x.yaml"), "x.yaml").data
    new = parse_text(result, Path("x.yaml"), "x.yaml").data
    assert new == editor.expected(old)
    return result


def test_set_keeps_quote_style() -> None:
    text = "a: 'uno'\nb: \"dos\"\nc: tres  # comentario\n"
    out = edited(text, lambda e: (e.set(("a",), "1"), e.set(("b",), "x"), e.set(("c",), "y: z")))
    assert out == 'a: \'1\'\nb: "x"\nc: "y: z"  # comentario\n'


def test_set_keeps_a_folded_string_folded() -> None:
    text = "a: >-\n  uno dos\n  tres\nb: 1\n"
    out = edited(text, lambda e: e.set(("a",), "cuatro cinco"))
    assert out == "a: >-\n  cuatro cinco\nb: 1\n"


def test_append_matches_block_and_flow_siblings() -> None:
    text = "l:\n  - {t: a, k: b}\n  - {t: c, k: d}\nm: [x, y]\nn:\n  - p\n"
    out = edited(
        text,
        lambda e: (
            e.append(("l",), {"t": "e", "k": "f"}),
            e.append(("m",), "z"),
            e.append(("n",), "q"),
        ),
    )
    assert (
        out == "l:\n  - {t: a, k: b}\n  - {t: c, k: d}\n  - {t: e, k: f}\n"
        "m: [x, y, z]\nn:\n  - p\n  - q\n"
    )


def test_new_lists_of_scalars_are_written_as_the_document_writes_them() -> None:
    """A list under a key the document writes in flow style goes in flow style, one in block
    style in block style; a key the document never has follows the other lists of its item."""
    text = "l:\n  - id: a\n    r: [x, y]\n    t:\n      - u\n"
    item = {"id": "b", "r": ["x"], "j": ["p", "q"]}
    out = edited(text, lambda e: e.append(("l",), item))
    assert out == text + "  - id: b\n    r: [x]\n    j: [p, q]\n"
    out = edited(text, lambda e: e.append(("l",), {"id": "b", "t": ["v"]}))
    assert out == text + "  - id: b\n    t:\n      - v\n"
    out = edited("l:\n  - id: a\n", lambda e: e.append(("l",), {"id": "b", "j": ["p"]}))
    assert out == "l:\n  - id: a\n  - id: b\n    j:\n      - p\n"


def test_a_mapping_added_to_an_empty_list_makes_it_a_block_list() -> None:
    text = "a: 1\nl: []  # ninguna\nm:\n  - id: a\n    r: [x]\n"
    out = edited(text, lambda e: e.append(("l",), {"id": "b", "r": ["y"]}))
    assert out == "a: 1\nl:  # ninguna\n  - id: b\n    r: [y]\nm:\n  - id: a\n    r: [x]\n"
    assert edited("l: []\n", lambda e: e.append(("l",), "x")) == "l: [x]\n"
    assert edited("k:\n  l: []", lambda e: e.append(("k", "l"), {"id": "b"})) == (
        "k:\n  l:\n    - id: b"
    )


def test_empty_a_list_and_comment_above_a_key() -> None:
    text = "a: 1\nl:\n  # sobre a\n  - id: a\n    # dentro de a\n  - id: b\n# fin\nm: [x, y]\n"
    out = edited(
        text,
        lambda e: (
            e.empty(("l",)),
            e.comment_above((), "l", ["vacía por ahora"]),
            e.empty(("m",)),
        ),
    )
    assert out == "a: 1\n# vacía por ahora\nl: []\n# fin\nm: []\n"
    out = edited("# $schema=a/b.json\nx: 1\n", lambda e: e.replace_comment(10, 18, "c.json"))
    assert out == "# $schema=c.json\nx: 1\n"


def test_append_keeps_blank_lines_between_items() -> None:
    text = "l:\n  - id: a\n    n: 1\n\n  - id: b\n    n: 2\n# fin\n"
    out = edited(text, lambda e: e.append(("l",), {"id": "c", "n": 3}))
    assert out == "l:\n  - id: a\n    n: 1\n\n  - id: b\n    n: 2\n\n  - id: c\n    n: 3\n# fin\n"


def test_remove_takes_its_own_comments_and_leaves_the_next_ones() -> None:
    text = "l:\n  # sobre a\n  - id: a\n    # dentro de a\n  # sobre b\n  - id: b\n  - id: c\n"
    out = edited(text, lambda e: e.remove(("l", 0)))
    assert out == "l:\n  # sobre b\n  - id: b\n  - id: c\n"
    out = edited(text, lambda e: e.remove(("l", 1)))
    assert out == "l:\n  # sobre a\n  - id: a\n    # dentro de a\n  - id: c\n"


def test_remove_the_last_item_leaves_an_empty_list() -> None:
    out = edited("l:\n  - a\nm: 1\n", lambda e: e.remove(("l", 0)))
    assert out == "l: []\nm: 1\n"
    out = edited("l: [a, b]\n", lambda e: e.remove(("l", 1)))
    assert out == "l: [a]\n"


def test_insert_key_in_model_order_block_and_flow() -> None:
    text = "a: {x: 1, z: 3}\nb:\n  x: 1\n  z: 3\n"
    out = edited(
        text,
        lambda e: (
            e.insert_key(("a",), "y", 2, after=["x"]),
            e.insert_key(("b",), "y", 2, after=["x"]),
        ),
    )
    assert out == "a: {x: 1, y: 2, z: 3}\nb:\n  x: 1\n  y: 2\n  z: 3\n"


def test_insert_at_the_end_of_a_file_without_a_last_line_break() -> None:
    out = edited("a:\n  x: 1", lambda e: e.insert_key(("a",), "y", 2, after=["x"]))
    assert out == "a:\n  x: 1\n  y: 2"


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s))
def test_any_text_set_reads_back_as_itself(value: str) -> None:
    for text in ("a: b\nc: 1\n", "a: 'b'\n", 'a: "b"\n', "l: [b, c]\n", "a: >-\n  b c\n"):
        path: tuple[str | int, ...] = ("l", 0) if text.startswith("l") else ("a",)
        edited(text, lambda e, p=path: e.set(p, value))  # type: ignore[misc]


# --- checked before writing, and written safely ------------------------------------------


def test_an_edit_that_adds_an_error_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    plan = copy_plan(SHIPPED, tmp_path)
    raw = plan.read_bytes()
    session = EditSession(plan)
    session.editor.set(("campaigns", 0, "end"), dt.date(2024, 1, 1))  # before its start
    outcome = session.outcome()
    assert outcome.new_errors
    assert all(f.severity == "error" for f in outcome.new_errors)
    with pytest.raises(EditRefused):
        session.write(outcome)
    assert plan.read_bytes() == raw


def test_a_plan_changed_on_disk_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    plan = copy_plan(SHIPPED, tmp_path)
    session = EditSession(plan)
    ops.move(session, "logros", by="+7d")
    outcome = session.outcome()
    plan.write_bytes(plan.read_bytes() + b"# otro cambio\n")
    changed = plan.read_bytes()
    with pytest.raises(ChangedOnDisk):
        session.write(outcome)
    assert plan.read_bytes() == changed
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_write_keeps_mode_and_writes_through_a_link(tmp_path: Path) -> None:
    real = copy_plan(SHIPPED, tmp_path / "real")
    os.chmod(real, 0o640)
    link_dir = tmp_path / "link"
    link_dir.mkdir()
    link = link_dir / "campaigns.yaml"
    link.symlink_to(real)
    shutil.copy(SHIPPED / "audience.yaml", link_dir / "audience.yaml")
    session = EditSession(link)
    ops.set_owner(session, "logros", "Coordinación Digital")
    session.write(session.outcome())
    assert link.is_symlink()
    assert "owner: Coordinación Digital" in real.read_text(encoding="utf-8")
    assert (real.stat().st_mode & 0o777) == 0o640


def test_the_cache_stays_true_after_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from campana.loading import open_plan

    monkeypatch.delenv("CAMPANA_NO_CACHE", raising=False)
    plan = copy_plan(SHIPPED, tmp_path)
    first = open_plan(plan)
    assert first.plan.campaigns[0].end == dt.date(2024, 2, 29)
    open_plan(plan)  # served from the cache now
    session = EditSession(plan)
    ops.move(session, "logros", by="+7d")
    session.write(session.outcome())
    assert open_plan(plan).plan.campaigns[0].end == dt.date(2024, 3, 7)


def test_audience_is_never_written(tmp_path: Path) -> None:
    plan = copy_plan(SHIPPED, tmp_path)
    audience = plan.parent / "audience.yaml"
    raw, mtime = audience.read_bytes(), audience.stat().st_mtime_ns
    for edit in ("ine", "move", "owner"):
        apply(plan, edit)
    assert audience.read_bytes() == raw and audience.stat().st_mtime_ns == mtime


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31)),
    st.integers(min_value=0, max_value=200),
    st.sampled_from(
        [
            "23 de febrero a 14 de julio 2024",
            "entre el 22 de enero y el 14 de julio 2024",
            "22 de Enero a 31 de Mayo de 2024",
        ]
    ),
)
def test_period_text_rewritten_says_the_new_dates(start: dt.date, length: int, text: str) -> None:
    from campana.dates import parse_period_text
    from campana.edit.period import rewrite

    end = min(start + dt.timedelta(days=length), dt.date(2024, 12, 31))
    new = rewrite(text, start, end)
    assert new is not None
    assert parse_period_text(new) == (start, end)
    # the document's own words stay: only the numbers and month names change
    assert new.split()[0] == text.split()[0] or text[0].isdigit()


@settings(max_examples=40, deadline=None)
@given(
    owner=st.text(min_size=1, max_size=30).filter(lambda s: s.strip() and "\x00" not in s),
    where=st.sampled_from([("logros", None), ("atencion", "digital"), ("trabajadores", None)]),
    shift=st.integers(min_value=-10, max_value=10),
)
def test_any_owner_and_shift_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory,
    owner: str,
    where: tuple[str, str | None],
    shift: int,
) -> None:
    """Any owner text (quotes, colons, accents, control characters) and any small move: the
    edited text reads back as exactly the edit (else ``outcome`` raises) and touches only the
    lines of what it changes."""
    plan = copy_plan(SHIPPED, tmp_path_factory.mktemp("plan"))
    session = EditSession(plan)
    campaign, row = where
    ops.set_owner(session, campaign, owner, touchpoint=row)
    if shift:
        ops.move(session, campaign, touchpoint=row, by=f"{shift:+d}d")
    outcome = session.outcome()
    lines = 1 + (2 if shift else 0) + (1 if shift and row else 0)
    assert outcome.added == lines
    assert outcome.removed == lines - 1
