"""The one suggestion helper: "¿quisiste decir …?" for every value a user types by name
(campaigns, months, touchpoints, formats, commands, options)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping


def fold(text: str) -> str:
    """Lower case without accents: how ids, names and months are compared."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a name (accents and case folded; hyphens and punctuation split)."""
    return [w for w in re.split(r"[^0-9a-zñ]+", fold(text).replace("ñ", "n")) if w]


def close(text: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The candidates closest to ``text``, compared folded, whole or by one of their words
    («radoi» finds «Radio y televisión»); the best first, each once, and only those nearly as
    close as the best."""
    import difflib

    wanted = fold(text)
    scores: dict[str, float] = {}
    for c in candidates:
        for key in {fold(c), *words(c)}:
            matcher = difflib.SequenceMatcher(None, wanted, key)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            score = matcher.ratio()
            if score >= cutoff and score > scores.get(c, 0.0):
                scores[c] = score
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores, key=lambda c: -scores[c])
    return [c for c in ranked if scores[c] >= best - 0.1][:n]


def suggestion(
    text: str,
    candidates: Iterable[str],
    *,
    quote: bool = True,
    same: Mapping[str, str] | None = None,
) -> str | None:
    """«¿quisiste decir «x»?» (or «x» o «y»), or None when nothing is close. ``same`` maps
    names of one thing (an option's English and Spanish names) to one key: only the closest
    name of each thing is offered."""
    found = close(text, candidates)
    if same is not None:
        seen: set[str] = set()
        kept = []
        for f in found:
            if same.get(f, f) not in seen:
                seen.add(same.get(f, f))
                kept.append(f)
        found = kept
    if not found:
        return None
    shown = [f"«{f}»" if quote else f for f in found]
    return "¿quisiste decir " + " o ".join(shown) + "?"
