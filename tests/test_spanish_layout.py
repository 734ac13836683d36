"""Issue 17, «Spanish and 80 columns»: messages folded to the terminal, the audience and a
campaign's brief clean at 80 columns, one thousands separator in every format, and a
suggestion for a date written the US way or with a misspelt month."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campana.dates import MONTHS_ES, DateError, parse_date, parse_month, parse_when
from conftest import Invoke


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("command", [("list",), ("schedule",), ("agenda",), ("show", "atencion")])
def test_the_out_of_year_notice_wraps_to_the_terminal(
    cli: Invoke, command: tuple[str, ...], width: int
) -> None:
    r = cli(*command, "--today", "2025-01-10", columns=width)
    assert r.exit_code == 0, r.stderr
    notice = r.stderr[r.stderr.index("aviso: hoy") :].split("\n\n")[0].rstrip("\n").split("\n")
    notice = [line for line in notice if line.startswith(("aviso: hoy", "  "))]
    assert len(notice) > 1
    assert all(len(line) <= width for line in notice), notice
    said = " ".join(line.strip() for line in notice)
    assert "no cae en el año del plan (2024)" in said
    assert '«--today "15 de marzo"»' in said  # an example is never split over two lines


# --- a date written another way: the date it most likely means ---------------------------


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("schedule", "--on", "3/15/2024"), "¿quisiste decir 2024-03-15?"),
        (("schedule", "--today", "15 de marso"), "¿quisiste decir «15 de marzo»?"),
        (("agenda", "--from", "1 de jnio", "--today", "2024-05-20"), "«1 de junio»?"),
        (("schedule", "--on", "viernes 15 de marso de 2024"), "«15 de marzo de 2024»?"),
        (("schedule", "--on", "12/25", "--today", "2024-01-01"), "¿quisiste decir 2024-12-25?"),
    ],
)
def test_a_date_typo_suggests_the_date(cli: Invoke, args: tuple[str, ...], hint: str) -> None:
    r = cli(*args)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert f"  sugerencia: ¿quisiste decir {hint.split('decir ')[-1]}\n" in r.stderr


@pytest.mark.parametrize("text", ["30/30/2024", "febero 30", "15 de xyzzy", "2/30/2024"])
def test_no_suggestion_for_a_date_that_would_not_exist(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, default_year=2024)
    assert caught.value.guess is None
    assert "quisiste decir" not in str(caught.value.hint)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).filter(lambda d: d.day > 12))
def test_a_us_order_date_suggests_the_iso_date(day: dt.date) -> None:
    for text in (f"{day.month}/{day.day}/{day.year}", f"{day.month:02d}-{day.day:02d}-{day.year}"):
        with pytest.raises(DateError) as caught:
            parse_when(text, today=dt.date(2024, 3, 15), year=2024)
        assert caught.value.hint == f"¿quisiste decir {day.isoformat()}?"
    with pytest.raises(DateError) as caught:  # without a year: the plan's
        parse_date(f"{day.month}/{day.day}", default_year=day.year)
    assert caught.value.guess == day.isoformat()


def _typos(name: str) -> st.SearchStrategy[str]:
    """A letter doubled, dropped or swapped with the next one, never the first letter."""
    positions = st.integers(1, len(name) - 1)
    doubled = positions.map(lambda i: name[:i] + name[i] + name[i:])
    dropped = positions.map(lambda i: name[:i] + name[i + 1 :])
    swapped = st.integers(1, len(name) - 2).map(
        lambda i: name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    )
    return st.one_of(doubled, dropped, swapped)


@given(st.data(), st.integers(1, 12), st.integers(1, 28), st.booleans())
def test_a_misspelt_month_suggests_the_spanish_date(
    data: st.DataObject, month: int, day: int, with_year: bool
) -> None:
    name = MONTHS_ES[month - 1]
    typo = data.draw(_typos(name).filter(lambda t: t != name and parse_month(t) is None))
    year = " de 2024" if with_year else ""
    with pytest.raises(DateError) as caught:
        parse_when(f"{day} de {typo}{year}", today=dt.date(2024, 3, 15), year=2024)
    hint = str(caught.value.hint)
    assert hint.startswith("¿quisiste decir «") and hint.endswith("»?")
    # the month meant, alone or beside an equally close one («juio»: junio o julio)
    assert f"«{day} de {name}{year}»" in hint
    assert hint.count(" o ") <= 1


# --- one thousands separator: the deck's comma, written once --------------------------------

TOTAL = "76,434,882"  # the deck: «76,434,882 personas derechohabientes»


@pytest.mark.parametrize(
    "args",
    [
        ("audience",),
        ("audience", "--format", "markdown"),
        ("show", "atencion"),
        ("show", "atencion", "--format", "markdown"),
        ("export", "html"),
    ],
)
def test_every_view_writes_counts_with_the_deck_s_comma(cli: Invoke, args: tuple[str, ...]) -> None:
    r = cli(*args, "--today", "2024-03-15", columns=120)
    assert r.exit_code == 0, r.stderr
    assert TOTAL in r.stdout
    for other in ("76\u202f434\u202f882", "76 434 882", "76.434.882", "76434882"):
        assert other not in r.stdout


def test_a_count_difference_in_a_finding_and_in_diff(cli: Invoke, plan_dir: Path) -> None:
    before = plan_dir / "before"
    before.mkdir()
    for name in ("campaigns.yaml", "audience.yaml"):
        (before / name).write_bytes((plan_dir / name).read_bytes())
    audience = plan_dir / "audience.yaml"
    audience.write_text(
        audience.read_text(encoding="utf-8").replace("count: 76434882", "count: 76435882"),
        encoding="utf-8",
    )
    found = cli("validate", "--plan", str(plan_dir / "campaigns.yaml"))
    assert "y el total es 76,435,882: diferencia de -1,000" in found.stdout
    changed = cli("diff", str(before / "campaigns.yaml"), str(plan_dir / "campaigns.yaml"))
    assert "76,434,882 -> 76,435,882 (+1,000," in changed.stdout


def test_counts_are_formatted_in_one_place() -> None:
    """No format spec with a thousands separator outside ``campana.vocab.number``."""
    root = Path(__file__).resolve().parents[1] / "src" / "campana"
    spec = re.compile(r"\{[^{}\n]*:[<>^=]?[+\- ]?#?0?\d*[,_](?:\.\d+)?[a-z%]?\}")
    found = [
        f"{path.relative_to(root)}: {m.group()}"
        for path in root.rglob("*.py")
        for m in spec.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == ["vocab.py: {n:,}"]


# --- audience and show at 80 columns ----------------------------------------------------------

FIGURE = re.compile(r"(?:hasta |≈ )?\d{1,3}(?:,\d{3})+(?= |$)")
SEGMENTS = (
    "Personas derechohabientes con Subcuenta de Vivienda (SCV)",
    "Reciben aportaciones en su SCV de manera regular",
    "No reciben aportaciones en su SCV",
    "Personas con un crédito activo",
    "Población mexicana",
    "Trabajadores independientes que pueden aportar a su SCV",
)


@pytest.mark.parametrize("width", [80, 100])
def test_audience_puts_every_figure_on_the_same_line_of_its_segment(
    cli: Invoke, width: int
) -> None:
    out = cli("audience", columns=width).stdout
    assert all(len(line) <= width for line in out.splitlines())
    lines = out.split("\n\n")[0].splitlines()  # the table
    rows = {name: i for i, line in enumerate(lines) for name in SEGMENTS if line.strip() == name}
    places = set()
    for name in SEGMENTS:
        at = next(i for i, line in enumerate(lines) if line.lstrip().startswith(name))
        offset = next(k for k in (0, 1) if FIGURE.search(lines[at + k]))
        places.add(offset)
        # the figures right-aligned in one column
        assert lines[at + offset].rstrip().endswith("%") or lines[at + offset].endswith("—")
    assert len(places) == 1, "some figures beside their name, some below it"
    assert (places == {1}) == bool(rows)  # below only when names need a line of their own
    ends = {m.end() for line in lines for m in FIGURE.finditer(line)}
    assert len(ends) == 1, f"figures not aligned: {ends}"


@pytest.mark.parametrize("command", [("audience",), ("show", "atencion")])
def test_a_note_under_a_row_uses_the_whole_line(cli: Invoke, command: tuple[str, ...]) -> None:
    """«(calculado: …)» stays beside what it qualifies: the note runs under the empty figure
    columns instead of wrapping inside the name column."""
    out = cli(*command, "--today", "2024-03-15").stdout
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert not any(line.strip().startswith("(calculado") for line in lines)
    if command == ("audience",):
        assert "el documento dice 59 % de Población mexicana (calculado: 59.25 %)" in out
    else:
        assert "    el documento dice 59 % de Población mexicana\n" in out


def test_a_wrapped_creative_line_continues_under_its_first_letter(cli: Invoke) -> None:
    out = cli("show", "atencion", "--today", "2024-03-15").stdout
    assert "    «SACAR UN CRÉDITO, REALIZAR UN TRÁMITE" in out
    assert "\n     DE PAGO, ¡ES MÁS FÁCIL QUE NUNCA!»  encabezado\n" in out
