"""``period_text`` kept in step with moved dates, rewritten in the document's own words."""

from __future__ import annotations

import datetime as dt
import re

from campana.dates import MONTHS_ES, parse_period_text

_DAY_MONTH = re.compile(
    r"(\d{1,2})(\s+(?:de\s+)?)([a-záéíóúñ.]+)(?:(\s+(?:de(?:l)?\s+)?)(\d{4}))?", re.IGNORECASE
)


def rewrite(text: str, start: dt.date, end: dt.date) -> str | None:
    """``text`` («23 de febrero a 14 de julio 2024», «entre el 22 de enero y el 14 de julio
    2024») saying ``start`` and ``end`` instead, every other word kept; None when that cannot
    be done so that the text reads back as exactly those dates."""
    matches = list(_DAY_MONTH.finditer(text))
    if len(matches) != 2:
        return None
    first, second = matches
    out = text
    # right to left, so that earlier offsets stay true
    for match, date in ((second, end), (first, start)):
        month_word = match.group(3)
        month = MONTHS_ES[date.month - 1]
        if month_word[:1].isupper():
            month = month.capitalize()
        new = f"{date.day}{match.group(2)}{month}"
        if match.group(5) is not None:
            new += f"{match.group(4)}{date.year}"
        elif match is first and start.year != end.year:
            new += f" de {date.year}"
        out = out[: match.start()] + new + out[match.end() :]
    try:
        if parse_period_text(out) != (start, end):
            return None
    except ValueError:
        return None
    return out
