"""Where the plan is: the file names, the search for the plan, and names as users typed them.

The first step of the line the core follows (paths, validation result, cache, loader): this
module imports nothing of campana.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

PLAN_FILE = "campaigns.yaml"
AUDIENCE_FILE = "audience.yaml"
ENV_PLAN = "CAMPANA_PLAN"
#: the documented layout of several years: planes/2024/campaigns.yaml, planes/2027/...
LAYOUT_FOLDER = "planes"


def find_plan(
    explicit: str | os.PathLike[str] | None = None,
    cwd: Path | None = None,
    *,
    today: dt.date | None = None,
    year: int | None = None,
) -> Path:
    """The explicit path wins, then $CAMPANA_PLAN, then the plan of this folder or the
    nearest parent that has one, then the plan shipped with the package.

    A folder's plan: with the layout of several years (planes/2024/campaigns.yaml,
    planes/2027/...), the one of ``year`` when it is given, else the one whose year contains
    ``today``; then data/campaigns.yaml; then, in the layout, the latest year not after
    ``today`` (or the earliest). ``year`` names a plan of the layout even when it does not
    exist (reading it says so)."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_PLAN)
    if env:
        return Path(env)
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        years = plan_years(folder)
        if years and year is not None:
            return folder / LAYOUT_FOLDER / str(year) / PLAN_FILE
        if years and today is not None and today.year in years:
            return years[today.year]
        candidate = folder / "data" / PLAN_FILE
        if candidate.is_file():
            return candidate
        if years:
            earlier = [y for y in years if today is None or y <= today.year]
            return years[max(earlier) if earlier else min(years)]
    return shipped_plan()


def plan_years(folder: Path) -> dict[int, Path]:
    """The plans of the layout of several years under ``folder`` (planes/AAAA/campaigns.yaml),
    by year."""
    try:
        entries = list((folder / LAYOUT_FOLDER).iterdir())
    except OSError:
        return {}
    found: dict[int, Path] = {}
    for entry in entries:
        if len(entry.name) == 4 and entry.name.isdigit() and (entry / PLAN_FILE).is_file():
            found[int(entry.name)] = entry / PLAN_FILE
    return dict(sorted(found.items()))


def shipped_plan() -> Path:
    packaged = Path(__file__).parent / "data" / PLAN_FILE
    if packaged.is_file():
        return packaged
    # a source checkout that is not installed: src/campana/ -> data/
    return Path(__file__).resolve().parents[2] / "data" / PLAN_FILE


def display_name(path: Path) -> str:
    """A path relative to the current folder when it is below it, as users typed it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def audience_beside(plan: Path) -> Path:
    """The audience file that goes with a plan."""
    return plan.parent / AUDIENCE_FILE


def layout_plan(source: Path, year: int) -> Path:
    """Where the plan of ``year`` goes in the documented layout: beside ``source`` when it is
    already in it (planes/2024/campaigns.yaml → planes/2027/campaigns.yaml), else in
    planes/AAAA/ of the project folder (the one holding data/) or of the current folder."""
    folder = source.parent
    if folder.parent.name == LAYOUT_FOLDER and folder.name.isdigit():
        return folder.parent / str(year) / PLAN_FILE
    if folder.name == "data" and not _shipped(source):
        return folder.parent / LAYOUT_FOLDER / str(year) / PLAN_FILE
    return Path(LAYOUT_FOLDER) / str(year) / PLAN_FILE


def _shipped(source: Path) -> bool:
    try:
        return source.resolve() == shipped_plan().resolve()
    except OSError:
        return False
