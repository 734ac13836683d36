"""The commands that change the plan: ``ine``, ``move``, ``owner``, ``milestone`` and ``edit``.

Each one reads the plan once, makes its change in memory (``campana.edit``), validates the
result, prints what changes (campana's semantic diff) and writes only an edit that adds no
error; ``--dry-run`` writes nothing, ``--yes`` confirms an edit of more than 3 rows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from campana.cli.base import command
from campana.cli.common import PlanOpt, TodayOpt, choice, format_option, say
from campana.errors import CampanaError

if TYPE_CHECKING:
    import datetime as dt

    from campana.edit import EditSession, Outcome
    from campana.edit.ops import Applied

#: more rows than this ask for confirmation
BULK = 3

FormatOpt = Annotated[
    str, format_option("text (por omisión) o json (el cambio descrito como datos).")
]
DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help="Muestra el cambio sin escribir nada."),
]
YesOpt = Annotated[
    bool,
    typer.Option(
        "--yes",
        "-y",
        help=f"Confirma un cambio de más de {BULK} filas sin preguntar (obligatorio fuera de "
        "una terminal).",
    ),
]
ComponentOpt = Annotated[
    str | None,
    typer.Option(
        "--component",
        metavar="COMPONENTE",
        help="Un componente de la campaña (id o nombre).",
        show_default=False,
    ),
]
RowOpt = Annotated[
    str | None,
    typer.Option(
        "--touchpoint",
        "-t",
        metavar="PUNTO",
        help="La fila de ejecución de ese punto de contacto (id o nombre).",
        show_default=False,
    ),
]

_SHARED = (
    "\n\nCada cambio se valida en memoria antes de escribir: si agregaría un error, no se "
    "escribe nada (salida 1). Se muestra lo que cambia; --dry-run no escribe. Deshacer es "
    "git: «git diff» muestra el cambio y «git checkout -- data/campaigns.yaml» lo revierte."
)


def editable_plan(plan: Path | None) -> Path:
    """The plan an edit changes: never the example campana ships with."""
    from campana.cli.common import find_plan_for, shipped_fallback

    if shipped_fallback(plan):
        raise CampanaError(
            "no hay un plan del proyecto que editar (no hay data/campaigns.yaml en esta carpeta "
            "ni en las superiores): campana no cambia su plan de ejemplo",
            hint="corre el comando en la carpeta del proyecto o indica el plan con --plan",
        )
    return find_plan_for(plan)


def confirm(question: str) -> bool:
    """Ask on the terminal; anything but «s»/«sí»/«y»/«yes» is no."""
    sys.stderr.write(f"{question} [s/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("s", "si", "sí", "y", "yes")


def _color() -> bool:
    from campana.render.term import color_enabled

    return color_enabled()


def run_edit(
    plan: Path | None,
    fmt: str,
    dry_run: bool,
    yes: bool,
    edit: Callable[[EditSession], Applied],
) -> int:
    """The one flow of every edit command."""
    from campana.edit import EditSession

    kind = choice(fmt, "--format", ("text", "json"))
    session = EditSession(editable_plan(plan))
    applied = edit(session)
    outcome = session.outcome()
    return finish(outcome, applied.action, applied.lines, applied.rows, kind, dry_run, yes)


def finish(
    outcome: Outcome,
    action: str,
    lines: list[str],
    rows: int,
    kind: str,
    dry_run: bool,
    yes: bool,
) -> int:
    """Preview, refuse, confirm, write and say so: the end every edit shares."""
    from campana.cli.emit import emit as out
    from campana.edit.session import ChangedOnDisk, write_checked
    from campana.errors import EXIT_FINDINGS, EXIT_OK
    from campana.render import edit as render
    from campana.render import findings as render_findings
    from campana.render.term import width

    def preview() -> None:
        if kind == "json":
            out(render.as_json(outcome, action, lines, dry_run=dry_run), exact=True)
        else:
            out(render.text(outcome, lines, color=_color(), width=width(), written=False))

    def findings_text(which: list[object]) -> str:
        return render_findings.text(
            which,  # type: ignore[arg-type]
            [outcome.file.name],
            outcome.after.line_text,
            color=False,
        )

    if not outcome.changed:
        if kind == "json":
            preview()
        say("sin cambios: el plan ya dice eso; no se escribió nada")
        return EXIT_OK
    if outcome.new_errors:
        preview()
        if kind != "json":
            out("\nErrores que agregaría:\n" + findings_text(list(outcome.new_errors)))
        say(render.refused(outcome, action))
        return EXIT_FINDINGS
    if kind != "json":
        preview()
        if outcome.new_warnings:
            n = len(outcome.new_warnings)
            say(
                f"{n} aviso{'s' if n != 1 else ''} nuevo{'s' if n != 1 else ''} (ver arriba); "
                "«campana validate» los muestra con su contexto"
            )
    if dry_run:
        if kind == "json":
            preview()
        say(f"simulación: no se escribió nada ({render.lines_changed(outcome)})")
        return EXIT_OK
    if rows > BULK and not yes:
        if not sys.stdin.isatty():
            raise CampanaError(
                f"el cambio toca {rows} filas: confírmalo con --yes",
                hint="revísalo antes con --dry-run",
            )
        if not confirm(f"¿Aplicar el cambio a {rows} filas?"):
            say("no se escribió nada")
            return EXIT_FINDINGS
    try:
        write_checked(outcome)
    except ChangedOnDisk:
        raise
    except OSError as exc:
        from campana.cli.i18n import strerror

        raise CampanaError(
            f"no se pudo escribir «{outcome.file.name}»: {strerror(exc)}",
            hint="revisa que puedas escribir en el archivo y en su carpeta",
        ) from None
    if kind == "json":
        preview()
    say(f"Guardado en {outcome.file.name} ({render.lines_changed(outcome)})")
    return EXIT_OK


def _today(value: str | None, year: int) -> dt.date:
    from campana.cli.common import today

    return today(value, year)


@command(
    "ine",
    "Registra la respuesta del INE a una excepción de la veda: aprobada, negada o pendiente "
    "(approved, denied, pending).\n\n"
    "Para la fila de una campaña en un punto de contacto (CAMPAÑA PUNTO), para todas las filas "
    "pendientes de una campaña (solo CAMPAÑA) o de una veda (--blackout). Guarda la fecha de "
    "la respuesta (--date; por omisión, hoy) y la referencia del INE (--reference: número de "
    "acuerdo u oficio)." + _SHARED,
)
def ine(
    status: Annotated[
        str,
        typer.Argument(metavar="RESPUESTA", help="aprobada, negada o pendiente."),
    ],
    campaign: Annotated[
        str | None,
        typer.Argument(metavar="CAMPAÑA", help="La campaña (id o nombre).", show_default=False),
    ] = None,
    touchpoint: Annotated[
        str | None,
        typer.Argument(
            metavar="PUNTO",
            help="El punto de contacto de la fila (id o nombre); sin él, toda fila pendiente.",
            show_default=False,
        ),
    ] = None,
    blackout: Annotated[
        str | None,
        typer.Option(
            "--blackout",
            "-b",
            metavar="VEDA",
            help="Toda fila pendiente que cruza esa veda (id o nombre).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="FECHA",
            help="Fecha de la respuesta: 2024-02-20, «20 de febrero», hoy... (por omisión, hoy).",
            show_default=False,
        ),
    ] = None,
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference",
            "-r",
            metavar="REFERENCIA",
            help="Número de acuerdo u oficio del INE: INE/ACRT/12/2024.",
            show_default=False,
        ),
    ] = None,
    today: TodayOpt = None,
    fmt: FormatOpt = "text",
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    plan: PlanOpt = None,
) -> int:
    from campana.edit import ops

    answer = ops.parse_status(status)

    def edit(session: EditSession) -> Applied:

        from campana.cli.common import date_option
        from campana.dates import fmt as day

        year = session.plan.plan.year
        now = _today(today, year)
        when = date_option(date, "--date", year, now)
        if when is None and answer != "pending":
            if not year - 1 <= now.year <= year:
                raise CampanaError(
                    f"falta --date: hoy ({day(now)}) está fuera del plan ({year})",
                    hint="indica la fecha de la respuesta del INE, por ejemplo --date 2024-02-20",
                )
            when = now
        return ops.ine_answer(
            session,
            status,
            campaign_text=campaign,
            touchpoint=touchpoint,
            blackout_text=blackout,
            date=when,
            reference=reference,
        )

    return run_edit(plan, fmt, dry_run, yes, edit)


@command(
    "move",
    "Mueve o cambia la duración de una campaña, un componente (--component) o una fila de "
    "ejecución (--touchpoint).\n\n"
    "--start y --end aceptan una fecha (2024-03-01, «1 de marzo») o un desplazamiento desde la "
    "fecha actual (+7d, -2 semanas); --by mueve ambas fechas igual. --carry mueve también los "
    "componentes y las filas de la campaña. El texto del periodo (period_text) se reescribe "
    "con las fechas nuevas, en las palabras del documento, o el cambio se rechaza." + _SHARED,
)
def move(
    campaign: Annotated[str, typer.Argument(metavar="CAMPAÑA", help="La campaña (id o nombre).")],
    component: ComponentOpt = None,
    touchpoint: RowOpt = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="FECHA", help="Nuevo inicio.", show_default=False),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--end", metavar="FECHA", help="Nuevo fin.", show_default=False),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="DÍAS",
            help="Mueve inicio y fin: +7d, -3d, +2 semanas, -1s.",
            show_default=False,
        ),
    ] = None,
    carry: Annotated[
        bool,
        typer.Option("--carry", help="Mueve con la campaña sus componentes y filas."),
    ] = False,
    fmt: FormatOpt = "text",
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    plan: PlanOpt = None,
) -> int:
    from campana.edit import ops

    def edit(session: EditSession) -> Applied:
        return ops.move(
            session,
            campaign,
            component_text=component,
            touchpoint=touchpoint,
            start=start,
            end=end,
            by=by,
            carry=carry,
        )

    return run_edit(plan, fmt, dry_run, yes, edit)


@command(
    "owner",
    "Asigna el área o la persona responsable de una campaña, de un componente (--component) "
    "o de una fila de ejecución (--touchpoint)." + _SHARED,
)
def owner(
    campaign: Annotated[str, typer.Argument(metavar="CAMPAÑA", help="La campaña (id o nombre).")],
    name: Annotated[
        str,
        typer.Argument(metavar="RESPONSABLE", help="«Coordinación de Medios», una persona..."),
    ],
    component: ComponentOpt = None,
    touchpoint: RowOpt = None,
    fmt: FormatOpt = "text",
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    plan: PlanOpt = None,
) -> int:
    from campana.edit import ops

    def edit(session: EditSession) -> Applied:
        return ops.set_owner(
            session, campaign, name, component_text=component, touchpoint=touchpoint
        )

    return run_edit(plan, fmt, dry_run, yes, edit)


@command(
    "milestone",
    "Agrega un hito a una campaña (con --name, --date y --kind) o lo quita (--remove).\n\n"
    "Tipos: ine-request (solicitud al INE), ine-answer (respuesta del INE), creative-delivery "
    "(entrega de creatividades), launch (lanzamiento), report (reporte) u other." + _SHARED,
)
def milestone(
    campaign: Annotated[str, typer.Argument(metavar="CAMPAÑA", help="La campaña (id o nombre).")],
    milestone_id: Annotated[
        str,
        typer.Argument(metavar="HITO", help="Id del hito: entrega-creatividades."),
    ],
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="NOMBRE", help="Nombre del hito.", show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="FECHA", help="Fecha del hito.", show_default=False),
    ] = None,
    kind: Annotated[
        str,
        typer.Option("--kind", metavar="TIPO", help="Tipo de hito."),
    ] = "other",
    who: Annotated[
        str | None,
        typer.Option("--owner", metavar="RESPONSABLE", help="Responsable.", show_default=False),
    ] = None,
    remove: Annotated[
        bool, typer.Option("--remove", help="Quita el hito en lugar de agregarlo.")
    ] = False,
    today: TodayOpt = None,
    fmt: FormatOpt = "text",
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    plan: PlanOpt = None,
) -> int:
    from campana.edit import ops

    def edit(session: EditSession) -> Applied:

        from campana.cli.common import date_option

        if remove:
            return ops.remove_milestone(session, campaign, milestone_id)
        if name is None or date is None:
            raise CampanaError(
                "para agregar un hito faltan --name y --date",
                hint="por ejemplo --name «Entrega de creatividades» --date 2024-02-15",
            )
        year = session.plan.plan.year
        now = _today(today, year)
        when = date_option(date, "--date", year, now)
        assert when is not None
        return ops.add_milestone(
            session,
            campaign,
            milestone_id=milestone_id,
            name=name,
            date=when,
            kind=kind,
            owner=who,
        )

    return run_edit(plan, fmt, dry_run, yes, edit)


@command(
    "edit",
    "Abre el plan en tu editor ($VISUAL o $EDITOR) sobre una copia, como visudo.\n\n"
    "Al guardar y cerrar, campana valida la copia: si agrega errores, los muestra y ofrece "
    "volver a abrirla o abandonarla; el plan nunca queda roto. Sin terminal, una copia con "
    "errores se abandona (salida 1)." + _SHARED,
)
def edit(
    editor_cmd: Annotated[
        str | None,
        typer.Option(
            "--editor",
            metavar="EDITOR",
            help="El editor que se abre (por omisión, $VISUAL, luego $EDITOR, luego vi).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = "text",
    plan: PlanOpt = None,
) -> int:
    import os
    import shlex
    import subprocess
    import tempfile

    from campana.edit import ChangedOnDisk, EditSession
    from campana.edit.session import check_text

    kind = choice(fmt, "--format", ("text", "json"))
    session = EditSession(editable_plan(plan), allow_errors=True)
    editor = editor_cmd or os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    folder = tempfile.mkdtemp(prefix="campana-edit-")
    copy = Path(folder) / session.file.path.name
    copy.write_bytes(session.file.raw)
    try:
        while True:
            try:
                code = subprocess.run([*shlex.split(editor), str(copy)], check=False).returncode
            except OSError as exc:
                raise CampanaError(
                    f"no se pudo abrir el editor «{editor}»: {exc.strerror or exc}",
                    hint="indica tu editor en la variable VISUAL o EDITOR (nano, vim, code -w)",
                ) from None
            if code != 0:
                say(f"el editor terminó con el código {code}: no se escribió nada")
                return 1
            raw = copy.read_bytes()
            if raw == session.file.raw:
                say("sin cambios: no se escribió nada")
                return 0
            try:
                text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                text = ""
            outcome = check_text(session, text, raw=raw)
            if not outcome.new_errors:
                break
            from campana.render import findings as render_findings

            shown = render_findings.text(
                outcome.new_errors, [outcome.file.name], outcome.after.line_text, color=False
            )
            say("La copia editada tiene errores nuevos:\n" + shown.rstrip("\n"))
            if not sys.stdin.isatty() or not confirm("¿Volver a abrirla para corregirlos?"):
                say("se abandonó la edición: el plan queda como estaba")
                return 1
        try:
            return finish(outcome, "edit", [], 0, kind, False, True)
        except ChangedOnDisk as exc:
            # the user's work is not lost: it is kept beside the plan
            from campana.files import write_atomic

            kept = session.file.path.with_name(session.file.path.name + ".campana-edit")
            write_atomic(kept, raw)
            raise CampanaError(
                exc.message,
                hint=f"tu versión quedó en {kept}: compárala con el plan y vuelve a editar",
            ) from None
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


#: what ``add`` and ``remove`` act on, in English and Spanish
KINDS = {
    "campaign": "campaign",
    "campaña": "campaign",
    "campana": "campaign",
    "component": "component",
    "componente": "component",
    "row": "row",
    "fila": "row",
    "touchpoint": "touchpoint",
    "punto": "touchpoint",
}


def _kind(value: str) -> str:
    from campana.dates import fold

    found = KINDS.get(fold(value))
    if found is None:
        from campana.suggest import suggestion

        close = suggestion(value, ["campaign", "component", "row", "touchpoint"])
        raise CampaignKindError(value, close)
    return found


class CampaignKindError(CampanaError):
    def __init__(self, value: str, close: str | None) -> None:
        super().__init__(
            f"«{value}» no es algo que se pueda agregar o quitar",
            hint=(f"{close} " if close else "")
            + "se admite campaign, component, row o touchpoint (campaña, componente, fila, "
            "punto)",
        )


KindArg = Annotated[
    str,
    typer.Argument(
        metavar="QUÉ",
        help="campaign, component, row o touchpoint (campaña, componente, fila, punto).",
    ),
]
CampaignOpt = Annotated[
    str | None,
    typer.Option(
        "--campaign",
        "-c",
        metavar="CAMPAÑA",
        help="La campaña del componente o de la fila (id o nombre).",
        show_default=False,
    ),
]


def _need(value: str | None, option: str, what: str) -> str:
    if value is None or not value.strip():
        raise CampanaError(f"falta {option} para {what}")
    return value


@command(
    "add",
    "Agrega al plan una campaña, un componente, una fila de ejecución o un punto de "
    "contacto.\n\n"
    "campaign ID --name --start --end; component ID --campaign --name --start --end "
    "[--touchpoint] [--tactic]; row PUNTO --campaign --tactic... --start --end; touchpoint ID "
    "--name [--description]." + _SHARED,
)
def add(
    kind: KindArg,
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Id de lo nuevo (o, para una fila, su punto de contacto)."
        ),
    ],
    campaign: CampaignOpt = None,
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="NOMBRE", help="Nombre.", show_default=False),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="FECHA", help="Inicio.", show_default=False),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--end", metavar="FECHA", help="Fin.", show_default=False),
    ] = None,
    touchpoint: RowOpt = None,
    tactic: Annotated[
        list[str] | None,
        typer.Option(
            "--tactic", metavar="TÁCTICO", help="Táctico (se puede repetir).", show_default=False
        ),
    ] = None,
    description: Annotated[
        str | None,
        typer.Option("--description", metavar="TEXTO", help="Descripción.", show_default=False),
    ] = None,
    who: Annotated[
        str | None,
        typer.Option("--owner", metavar="RESPONSABLE", help="Responsable.", show_default=False),
    ] = None,
    fmt: FormatOpt = "text",
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    plan: PlanOpt = None,
) -> int:
    from campana.edit import ops

    what = _kind(kind)

    def edit(session: EditSession) -> Applied:
        from campana.cli.common import parse_date_option

        year = session.plan.plan.year
        if what == "touchpoint":
            return ops.add_touchpoint(
                session,
                ident,
                name=_need(name, "--name", "el punto de contacto"),
                description=description,
            )
        first = parse_date_option(_need(start, "--start", "lo nuevo"), "--start", year)
        last = parse_date_option(_need(end, "--end", "lo nuevo"), "--end", year)
        if what == "campaign":
            return ops.add_campaign(
                session,
                ident,
                name=_need(name, "--name", "la campaña"),
                start=first,
                end=last,
                owner=who,
            )
        owner_of = _need(campaign, "--campaign", "un componente o una fila")
        if what == "component":
            return ops.add_component(
                session,
                owner_of,
                ident,
                name=_need(name, "--name", "el componente"),
                start=first,
                end=last,
                touchpoint=touchpoint,
                tactic=tactic[0] if tactic else None,
            )
        return ops.add_row(session, owner_of, ident, tactics=tactic or [], start=first, end=last)

    return run_edit(plan, fmt, dry_run, yes, edit)


@command(
    "remove",
    "Quita del plan una campaña, un componente, una fila de ejecución o un punto de contacto "
    "(con sus comentarios).\n\n"
    "Se rechaza mientras algo lo use (un punto de contacto que usa una fila, una veda o un "
    "componente), y dice qué." + _SHARED,
)
def remove(
    kind: KindArg,
    target: Annotated[
        str,
        typer.Argument(
            metavar="NOMBRE",
            help="La campaña, el componente, el punto de contacto de la fila o el punto de "
            "contacto (id o nombre).",
        ),
    ],
    campaign: CampaignOpt = None,
    fmt: FormatOpt = "text",
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    plan: PlanOpt = None,
) -> int:
    from campana.edit import ops

    what = _kind(kind)

    def edit(session: EditSession) -> Applied:
        if what == "campaign":
            return ops.remove_campaign(session, target)
        if what == "touchpoint":
            return ops.remove_touchpoint(session, target)
        owner_of = _need(campaign, "--campaign", "un componente o una fila")
        if what == "component":
            return ops.remove_component(session, owner_of, target)
        return ops.remove_row(session, owner_of, target)

    return run_edit(plan, fmt, dry_run, yes, edit)
