"""One period formatter: dates.period writes every period campana shows, in each style."""

from __future__ import annotations

import datetime as dt
import re

from campana.dates import period, sentence
from conftest import ROOT

D = dt.date
A, B = D(2024, 1, 22), D(2024, 7, 14)


def test_the_styles() -> None:
    assert period(A, B) == "22 ene – 14 jul 2024"
    assert period(A, B, year=2024) == "22 ene – 14 jul"
    assert period(A, B, year=2024, sep="–") == "22 ene–14 jul"
    assert period(A, B, full=True) == "22 ene 2024 – 14 jul 2024"
    assert period(D(2023, 12, 1), B, year=2024) == "1 dic 2023 – 14 jul 2024"
    assert period(A, B, prose=True) == "del 22 ene 2024 al 14 jul 2024"
    assert period(A, A, prose=True) == "el 22 ene 2024"
    assert period(A, B, prose=True, long=True) == ("del 22 de enero de 2024 al 14 de julio de 2024")
    assert sentence(period(A, B, prose=True)) == "Del 22 ene 2024 al 14 jul 2024"
    assert period(None, B) == period(A, None, prose=True) == ""


def test_no_module_writes_a_period_by_hand() -> None:
    """«del X al Y» and «X – Y» built from two formatted dates appear only in dates.py."""
    by_hand = re.compile(
        r"(?:del \{[^}]*fmt[^}]*\}\)* al \{)|(?:\{[^}]*fmt[^}]*\}\)* ?[–-] ?\{[^}]*fmt)"
    )
    src = ROOT / "src" / "campana"
    offenders = [
        str(path.relative_to(src))
        for path in sorted(src.rglob("*.py"))
        if path.name != "dates.py" and by_hand.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
