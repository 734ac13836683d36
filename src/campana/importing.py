"""Read a spreadsheet back into changes to the plan: ``campana import``.

Three shapes are read, in xlsx, ods or csv (python-calamine reads the workbooks, imported only
here): the Programación sheet and the campaign sheets ``campana export xlsx`` writes, or any
table with named columns (Campaña, Punto de contacto or Componente, Inicio, Fin, Excepción
INE, Responsable). What differs from the plan becomes a ``Change``: data, with the sheet, row
and column it came from. Pure core: no typer, no rich, nothing written.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from campana.errors import InvalidInput, UnreadableInput
from campana.vocab import INE_STATUS, INE_SYNONYMS

if TYPE_CHECKING:
    from pydantic import BaseModel

    from campana.edit import EditSession
    from campana.models import Campaign, Plan

Target = Literal["campaign", "component", "execution"]
Field = Literal["start", "end", "ine_exception", "owner"]
Value = dt.date | str | None

#: the columns read, by their folded header; the others a table may have (computed by the
#: export: days, status) are known and skipped
KEYS = {"campana": "campaign", "punto de contacto": "touchpoint", "componente": "component"}
EDITABLE: dict[str, Field] = {
    "inicio": "start",
    "fin": "end",
    "excepcion ine": "ine_exception",
    "responsable": "owner",
}
SKIPPED = {
    "tacticos",
    "tactico",
    "dias",
    "dias en veda",
    "estado",
    "periodo",
    "tipo",
    "notas",
    "campana / fila",
}
#: the Programación sheet: its name column, and the words of its «Tipo» column
GRID_NAME = "campana / fila"
GRID_KINDS = {"campana": "campaign", "componente": "component", "punto de contacto": "execution"}
#: the sheets of ``campana export xlsx`` that are reports, not the plan: never read back
REPORT_SHEETS = {"audiencia", "veda", "hallazgos"}
#: Spanish words for «no value»
NONE_WORDS = {"", "—", "-", "no solicitada", "ninguno", "ninguna", "sin responsable"}


class ImportProblem(InvalidInput):
    """A cell or table that cannot be read as part of the plan: where and why, in Spanish."""


@dataclass(frozen=True, slots=True)
class Change:
    """One value to change in the plan, and where the spreadsheet says it."""

    campaign: str
    campaign_name: str
    target: Target
    #: the component id, the execution row's index in its campaign, or the campaign id
    key: str | int
    name: str
    field: Field
    old: Value
    new: Value
    sheet: str
    row: int
    column: str

    @property
    def place(self) -> str:
        return place(self.sheet, self.row, self.column)


def place(sheet: str, row: int, column: str) -> str:
    """«hoja «X», fila 3, columna C» (rows and columns as the spreadsheet shows them)."""
    return f"hoja «{sheet}», fila {row}, columna {column}"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def fold(text: str) -> str:
    """Lower case, no accents, single spaces, no trailing asterisk or colon."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("*", " ").split()).rstrip(":")


@dataclass
class Sheet:
    name: str
    rows: Sequence[Sequence[object]]
    #: merged ranges, 0-based inclusive ((row, col), (row, col))
    merged: list[tuple[tuple[int, int], tuple[int, int]]]


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of an xlsx, xls or ods workbook, or the one table of a CSV file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_read_csv(path)]
    if suffix not in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise UnreadableInput(
            f"«{path}» no es una hoja de cálculo que campana lea",
            hint="importa un archivo .xlsx, .ods o .csv",
        )
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except FileNotFoundError:
        raise UnreadableInput(f"no existe «{path}»", hint="revisa el nombre del archivo") from None
    except Exception as exc:  # calamine's own errors: a damaged or foreign file
        raise UnreadableInput(
            f"no se pudo leer «{path}» como hoja de cálculo: {exc}",
            hint="ábrelo en Excel o LibreOffice y guárdalo de nuevo como .xlsx",
        ) from None
    sheets = []
    for name in wb.sheet_names:
        sh = wb.get_sheet_by_name(name)
        merged = list(getattr(sh, "merged_cell_ranges", None) or [])
        sheets.append(Sheet(name, sh.to_python(skip_empty_area=False), merged))
    return sheets


def _read_csv(path: Path) -> Sheet:
    import csv

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UnreadableInput(f"no existe «{path}»", hint="revisa el nombre del archivo") from None
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")  # Excel's «CSV» on Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        rows = list(csv.reader(text.splitlines(), dialect))
    except csv.Error:
        rows = list(csv.reader(text.splitlines()))
    return Sheet(path.stem, [list(r) for r in rows], [])


def changes_from(path: Path, plan: Plan) -> list[Change]:
    """The changes the spreadsheet at ``path`` makes to ``plan``. The same value may appear in
    several places (the grid and a campaign sheet): one changed place is the change; two that
    disagree are an error naming both."""
    found: list[Change] = []
    tables = 0
    for sheet in read_sheets(path):
        if fold(sheet.name) in REPORT_SHEETS:
            continue
        read, changes = _sheet_changes(sheet, plan)
        tables += read
        found += changes
    if not tables:
        raise ImportProblem(
            f"«{path.name}» no tiene ninguna tabla que campana sepa leer",
            hint="la tabla necesita una fila de encabezados con «Inicio» y «Fin», y «Punto de "
            "contacto», «Componente» o «Campaña» (como la escribe campana export xlsx)",
        )
    merged: dict[tuple[str, Target, str | int, Field], Change] = {}
    for ch in found:
        k = (ch.campaign, ch.target, ch.key, ch.field)
        before = merged.get(k)
        if before is not None and before.new != ch.new:
            raise ImportProblem(
                f"dos valores distintos para {_what(ch)}: {_show(before.new)} en "
                f"{before.place} y {_show(ch.new)} en {ch.place}",
                hint="deja el mismo valor en los dos lugares, o solo cambia uno",
            )
        merged.setdefault(k, ch)
    return list(merged.values())


def _what(ch: Change) -> str:
    field = {"start": "el inicio", "end": "el fin", "ine_exception": "la excepción INE"}.get(
        ch.field, "el responsable"
    )
    if ch.target == "campaign":
        return f"{field} de «{ch.campaign_name}»"
    return f"{field} de «{ch.name}» en «{ch.campaign_name}»"


def _show(value: Value) -> str:
    from campana.dates import fmt

    if value is None:
        return "(vacío)"
    if isinstance(value, dt.date):
        return fmt(value)
    return f"«{INE_STATUS.get(value, value)}»"


def describe(ch: Change) -> str:
    """One line per change, for the preview: «Inicio de «Digital» en «…»: 23 feb → 1 mar»."""
    return f"{_what(ch)[0].upper()}{_what(ch)[1:]}: {_show(ch.old)} → {_show(ch.new)} ({ch.place})"


def _header_row(rows: Sequence[Sequence[object]], start: int) -> int | None:
    for i in range(start, len(rows)):
        heads = {fold(v) for v in rows[i] if isinstance(v, str)}
        if {"inicio", "fin"} <= heads and heads & (set(KEYS) | {GRID_NAME}):
            return i
    return None


def _sheet_changes(sheet: Sheet, plan: Plan) -> tuple[int, list[Change]]:
    """(tables read, changes) of one sheet."""
    from campana.queries.common import resolve_campaign

    rows = sheet.rows
    changes: list[Change] = []
    own: Campaign | None = None
    # a campaign sheet: its title (A1) or its name is the campaign
    title = rows[0][0] if rows and rows[0] and isinstance(rows[0][0], str) else ""
    for text in (title, sheet.name):
        try:
            own = resolve_campaign(plan, text) if text else None
        except Exception:
            own = None
        if own is not None:
            break
    tables = 0
    at = 0
    first_table = _header_row(rows, 0)
    if own is not None:  # the brief's «Inicio» and «Fin» above the first table
        for i, r in enumerate(rows[: first_table if first_table is not None else len(rows)]):
            label = fold(r[0]) if r and isinstance(r[0], str) else ""
            if label in ("inicio", "fin") and len(r) > 1:
                field: Field = "start" if label == "inicio" else "end"
                new = _date(r[1], sheet, i, 1, plan.plan.year)
                old = own.start if field == "start" else own.end
                if new != old:
                    changes.append(
                        Change(
                            own.id,
                            own.name,
                            "campaign",
                            own.id,
                            own.name,
                            field,
                            old,
                            new,
                            sheet.name,
                            i + 1,
                            "B",
                        )
                    )
                tables = max(tables, 1)
    while True:
        head = _header_row(rows, at)
        if head is None:
            break
        tables += 1
        end, found = _table(sheet, plan, head, own)
        changes += found
        at = end
    return tables, changes


def _table(sheet: Sheet, plan: Plan, head: int, own: Campaign | None) -> tuple[int, list[Change]]:
    """Read the table whose header is row ``head``: (the row after it, changes)."""
    rows = sheet.rows
    header = rows[head]
    grid = GRID_NAME in {fold(v) for v in header if isinstance(v, str)}
    cols: dict[str, int] = {}
    for j, value in enumerate(header):
        if not isinstance(value, str) or not value.strip():
            continue  # the grid's day or week columns (dates), or no header
        key = fold(value)
        if grid and j > 0 and _is_date(value):
            continue  # the grid's day or week columns, as text (a CSV)
        if key in KEYS or key in EDITABLE or key in (GRID_NAME, "tipo"):
            if key in cols:
                raise ImportProblem(
                    f"{place(sheet.name, head + 1, column_letter(j))}: la columna «{value}» "
                    "está dos veces",
                    hint="deja una sola columna con ese encabezado",
                )
            cols[key] = j
        elif key not in SKIPPED:
            known = (
                "Campaña, Punto de contacto, Componente, Inicio, Fin, Excepción INE, Responsable"
            )
            raise ImportProblem(
                f"{place(sheet.name, head + 1, column_letter(j))}: no conozco la columna «{value}»",
                hint=f"campana lee estas columnas: {known}; borra esa columna o cámbiale el nombre",
            )
    if not grid and "campana" not in cols and own is None:
        raise ImportProblem(
            f"{place(sheet.name, head + 1, 'A')}: la tabla no dice de qué campaña es",
            hint="agrega una columna «Campaña», o pon el nombre de la campaña en la celda A1",
        )
    used = [cols[k] for k in cols if k != "tipo"]
    changes: list[Change] = []
    current = own
    seen: dict[tuple[str, str], int] = {}
    i = head + 1
    while i < len(rows):
        r = rows[i]
        cells = [r[j] if j < len(r) else "" for j in used]
        if all(c == "" or c is None for c in cells):
            break
        first = r[0] if r else ""
        if isinstance(first, str) and first.startswith("*"):
            break  # the asterisk note under an execution table
        _no_merged(sheet, i, used)

        def text(key: str, r: Sequence[object] = r) -> str:
            j = cols[key]
            v = r[j] if j < len(r) else ""
            return str(v).strip() if v is not None else ""

        target: Target
        if grid:
            kind = GRID_KINDS.get(fold(text("tipo")) if "tipo" in cols else "", "")
            name = text(GRID_NAME)
            if kind == "campaign":
                current = _campaign(plan, name, sheet, i, cols[GRID_NAME])
                target, key_name = "campaign", name
            elif kind in ("component", "execution"):
                target, key_name = ("component" if kind == "component" else "execution"), name
            else:
                i += 1
                continue
        else:
            if "campana" in cols:
                name = text("campana")
                if not name:
                    raise ImportProblem(
                        f"{place(sheet.name, i + 1, column_letter(cols['campana']))}: la celda "
                        "de la campaña está vacía",
                        hint="escribe el nombre de la campaña en cada fila",
                    )
                current = _campaign(plan, name, sheet, i, cols["campana"])
            # a components table names each one's touchpoint too: the component is the key
            if "componente" in cols and text("componente"):
                target, key_name = "component", text("componente")
            elif (
                "componente" not in cols
                and "punto de contacto" in cols
                and text("punto de contacto")
            ):
                target, key_name = "execution", text("punto de contacto")
            elif "campana" in cols:
                target, key_name = "campaign", text("campana")
            else:
                j = cols.get("punto de contacto", cols.get("componente", 0))
                raise ImportProblem(
                    f"{place(sheet.name, i + 1, column_letter(j))}: la celda está vacía",
                    hint="cada fila necesita el punto de contacto o el componente",
                )
        assert current is not None
        changes += _row_changes(sheet, plan, current, target, key_name, r, i, cols, seen)
        i += 1
    return i, changes


def _is_date(text: str) -> bool:
    from campana.dates import parse_date
    from campana.errors import CampanaError

    try:
        parse_date(text, default_year=2000)
    except CampanaError:
        return False
    return True


def _no_merged(sheet: Sheet, i: int, used: Sequence[int]) -> None:
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 <= i <= r1 and any(c0 <= j <= c1 for j in used):
            raise ImportProblem(
                f"{place(sheet.name, i + 1, column_letter(c0))}: celdas combinadas "
                f"({column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1})",
                hint="separa las celdas (Combinar y centrar, otra vez) y escribe el valor en "
                "cada una",
            )


def _campaign(plan: Plan, name: str, sheet: Sheet, i: int, j: int) -> Campaign:
    from campana.errors import CampanaError
    from campana.queries.common import resolve_campaign

    try:
        return resolve_campaign(plan, name)
    except CampanaError as exc:
        raise ImportProblem(
            f"{place(sheet.name, i + 1, column_letter(j))}: {exc.message}", hint=exc.hint
        ) from None


def _row_changes(
    sheet: Sheet,
    plan: Plan,
    c: Campaign,
    target: Target,
    name: str,
    r: Sequence[object],
    i: int,
    cols: dict[str, int],
    seen: dict[tuple[str, str], int],
) -> list[Change]:
    """The changes of one table row to campaign ``c``'s ``target`` named ``name``."""
    wanted = fold(name)
    key: str | int
    owner_now: str | None
    if target == "campaign":
        key, start, end, exception, owner_now = c.id, c.start, c.end, None, c.owner
    elif target == "component":
        k = next((k for k in c.components if fold(k.name) == wanted or k.id == name), None)
        if k is None:
            raise _unknown(sheet, i, cols, "componente", name, c, [k.name for k in c.components])
        key, start, end, exception, owner_now = k.id, k.start, k.end, None, k.owner
    else:
        matches = [
            n
            for n, e in enumerate(c.execution)
            if fold(plan.touchpoint_name(e.touchpoint)) == wanted or e.touchpoint == name
        ]
        if not matches:
            names = [plan.touchpoint_name(e.touchpoint) for e in c.execution]
            raise _unknown(sheet, i, cols, "punto de contacto", name, c, names)
        nth = seen.get((c.id, wanted), 0)  # the same touchpoint twice: rows in order
        seen[(c.id, wanted)] = nth + 1
        key = matches[min(nth, len(matches) - 1)]
        e = c.execution[key]
        start, end, exception, owner_now = e.start, e.end, e.ine_exception, e.owner
        name = plan.touchpoint_name(e.touchpoint)
    out: list[Change] = []
    for header, field in EDITABLE.items():
        if header not in cols:
            continue
        j = cols[header]
        raw = r[j] if j < len(r) else ""
        new: Value
        old: Value
        if field in ("start", "end"):
            new = _date(raw, sheet, i, j, plan.plan.year)
            old = start if field == "start" else end
        elif field == "ine_exception":
            if target != "execution":
                continue
            new = _exception(raw, sheet, i, j)
            if new == "keep":
                continue
            old = exception
        else:
            text = str(raw).strip() if raw is not None else ""
            new = None if fold(text) in NONE_WORDS else text
            old = owner_now
        if new != old:
            out.append(
                Change(
                    c.id,
                    c.name,
                    target,
                    key,
                    name,
                    field,
                    old,
                    new,
                    sheet.name,
                    i + 1,
                    column_letter(j),
                )
            )
    return out


def _unknown(
    sheet: Sheet,
    i: int,
    cols: dict[str, int],
    what: str,
    name: str,
    c: Campaign,
    names: Sequence[str],
) -> ImportProblem:
    j = cols.get("punto de contacto" if what == "punto de contacto" else "componente")
    if j is None:
        j = cols.get(GRID_NAME, 0)
    listed = ", ".join(f"«{n}»" for n in dict.fromkeys(names)) or "ninguno"
    return ImportProblem(
        f"{place(sheet.name, i + 1, column_letter(j))}: «{c.name}» no tiene el {what} «{name}»",
        hint=f"los de esa campaña son: {listed} (agregar filas se hace en el YAML)",
    )


def _date(raw: object, sheet: Sheet, i: int, j: int, year: int) -> dt.date:
    from campana.dates import parse_date
    from campana.errors import CampanaError

    where = place(sheet.name, i + 1, column_letter(j))
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ImportProblem(
            f"{where}: la fecha está vacía", hint="escribe la fecha, por ejemplo 23/02/2024"
        )
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raise ImportProblem(
            f"{where}: {raw:g} es un número, no una fecha",
            hint="dale a la celda formato de fecha, o escribe la fecha: 23/02/2024",
        )
    try:
        return parse_date(str(raw), default_year=year)
    except CampanaError as exc:
        raise ImportProblem(
            f"{where}: «{raw}» no es una fecha ({exc.message})",
            hint="escribe la fecha como 23/02/2024, 2024-02-23 o «23 feb 2024»",
        ) from None


def _exception(raw: object, sheet: Sheet, i: int, j: int) -> str | None:
    """The English status, None for «no solicitada», or ``"keep"`` for «no aplica» (a row no
    blackout restricts records nothing)."""
    text = fold(str(raw)) if raw is not None else ""
    if text in ("no aplica",):
        return "keep"
    if text in NONE_WORDS:
        return None
    english = INE_SYNONYMS.get(text, text)
    if english in ("pending", "approved", "denied"):
        return english
    raise ImportProblem(
        f"{place(sheet.name, i + 1, column_letter(j))}: «{raw}» no es un estado de la "
        "excepción del INE",
        hint="escribe pendiente, aprobada, negada o no solicitada",
    )


def apply_changes(session: EditSession, changes: Sequence[Change]) -> list[str]:
    """Make ``changes`` through the edit engine (minimal splices into the plan's text; the
    execution rows' ``period_text`` rewritten in the document's words): one Spanish line per
    thing changed. Nothing is written: ``session.outcome()`` validates, ``session.write``
    writes."""
    from campana.edit import ops
    from campana.models import Campaign as CampaignModel
    from campana.models import Component, Execution

    plan = session.plan
    index = {c.id: i for i, c in enumerate(plan.campaigns)}
    models: dict[str, type[BaseModel]] = {
        "campaign": CampaignModel,
        "component": Component,
        "execution": Execution,
    }
    groups: dict[tuple[str, Target, str | int], list[Change]] = {}
    for ch in changes:
        groups.setdefault((ch.campaign, ch.target, ch.key), []).append(ch)
    spanish = ops._spanish_document(session)
    lines: list[str] = []
    for (cid, target, key), group in groups.items():
        ci = index[cid]
        c = plan.campaigns[ci]
        path: tuple[str | int, ...] = ("campaigns", ci)
        label = f"«{c.name}»"
        start, end, period = c.start, c.end, None
        if target == "component":
            k = next(i for i, comp in enumerate(c.components) if comp.id == key)
            path = (*path, "components", k)
            comp = c.components[k]
            label = f"el componente «{comp.name}» de «{c.name}»"
            start, end = comp.start, comp.end
        elif target == "execution":
            assert isinstance(key, int)
            path = (*path, "execution", key)
            row = c.execution[key]
            label = f"«{plan.touchpoint_name(row.touchpoint)}» de «{c.name}»"
            start, end, period = row.start, row.end, row.period_text
        by_field = {ch.field: ch.new for ch in group}
        if "start" in by_field or "end" in by_field:
            new_start = by_field.get("start", start)
            new_end = by_field.get("end", end)
            assert isinstance(new_start, dt.date) and isinstance(new_end, dt.date)
            if new_end < new_start:
                where = next(ch.place for ch in group if ch.field in ("start", "end"))
                raise ImportProblem(
                    f"{where}: {label} terminaría antes de empezar",
                    hint="revisa las fechas de inicio y fin de esa fila",
                )
            t = ops.Target(target, path, label, start, end, period)
            lines += ops._dates(session, t, new_start, new_end)
        if "ine_exception" in by_field:
            status = by_field["ine_exception"]
            if status is None:
                ops._drop(session, path, "ine_exception")
            else:
                assert isinstance(status, str)
                written = INE_STATUS[status] if spanish else status
                ops._put(session, path, "ine_exception", written, Execution)
            was = next(ch.old for ch in group if ch.field == "ine_exception")
            before = INE_STATUS.get(was if isinstance(was, str) else None, str(was))
            lines.append(f"{label}: excepción INE {before} → {INE_STATUS.get(status, str(status))}")
        if "owner" in by_field:
            owner = by_field["owner"]
            if owner is None:
                ops._drop(session, path, "owner")
            else:
                ops._put(session, path, "owner", owner, models[target])
            was = next(ch.old for ch in group if ch.field == "owner")
            lines.append(
                f"{label}: {f'«{was}»' if was else 'sin responsable'} → "
                f"{f'«{owner}»' if owner else 'sin responsable'}"
            )
    return lines
