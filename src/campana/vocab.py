"""The Spanish words campana shows for the plan's coded values, written once.

Every command, renderer and export takes its labels from here: the INE exception status, the
kinds of schedule row, of creative line and of contact channel, the kinds of audience figure and
the severities of a finding. Plain dictionaries and one lookup; nothing here imports anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: the document's asterisk: the INE exception of a touchpoint inside the electoral blackout.
#: ``campana.ine`` tells a row's status: "not-applicable" when no blackout restricts it,
#: "not-requested" when one does and the plan asks for no exception (``None`` in the file).
INE_STATUS: Mapping[str | None, str] = {
    "not-applicable": "no aplica",
    "not-requested": "no solicitada",
    "pending": "pendiente",
    "approved": "aprobada",
    "denied": "negada",
    None: "no solicitada",
}

#: the sections of a campaign's brief, in every view of it (show, its Markdown, the report)
BRIEF_SECTIONS: Mapping[str, str] = {
    "audience": "Audiencia",
    "objectives": "Objetivos",
    "creative": "Líneas creativas",
    "channels": "Canales de contacto",
    "components": "Componentes de la programación",
    "execution": "Ejecución",
    "notes": "Notas",
    "findings": "Hallazgos de la validación",
    "owners": "Responsables y veda",
    "milestones": "Hitos",
}

#: the Spanish words for an exception's status that the files accept as the English value
#: (the same words the views print): {"pendiente": "pending", ...}
INE_SYNONYMS: Mapping[str, str] = {
    INE_STATUS[status]: status for status in ("pending", "approved", "denied")
}

#: why a restricted row comes off air during a blackout («sale del aire por la veda: …»)
INE_STATUS_REASONS: Mapping[str, str] = {
    "not-requested": "no se solicitó la excepción del INE",
    "pending": "la excepción del INE está pendiente",
    "denied": "el INE negó la excepción",
}

#: the kinds of milestone of a campaign
MILESTONE_KINDS: Mapping[str, str] = {
    "ine-request": "solicitud al INE",
    "ine-answer": "respuesta del INE",
    "creative-delivery": "entrega de creatividades",
    "launch": "lanzamiento",
    "report": "reporte",
    "other": "otro",
}

#: what a row of the schedule is
ROW_KINDS: Mapping[str, str] = {
    "campaign": "campaña",
    "component": "componente",
    "touchpoint": "punto de contacto",
    "blackout": "veda",
}

#: the kinds of line of a creative piece
CREATIVE_KINDS: Mapping[str, str] = {
    "slogan": "eslogan",
    "headline": "encabezado",
    "call-to-action": "llamada a la acción",
    "url": "sitio web",
    "phone": "teléfono",
    "brand": "marca",
    "caption": "leyenda",
}

#: the kinds of contact channel
CHANNEL_KINDS: Mapping[str, str] = {
    "web": "web",
    "phone": "teléfono",
    "portal": "portal",
    "in-person": "presencial",
}

#: where today stands relative to a period
PERIOD_STATUSES: Mapping[str, str] = {
    "upcoming": "próxima",
    "running": "en curso",
    "finished": "concluida",
}

#: how exact an audience figure is
FIGURE_BOUNDS: Mapping[str, str] = {"exact": "exacta", "up-to": "hasta", "approx": "aproximada"}

#: a finding's severity
SEVERITIES: Mapping[str, str] = {"error": "error", "warning": "aviso"}


#: Spanish name of each model field, and whether it is feminine (for "agregado/agregada").
MODEL_FIELDS: Mapping[str, tuple[str, bool]] = {
    "name": ("nombre", False),
    "description": ("descripción", True),
    "aka": ("otro nombre", False),
    "start": ("inicio", False),
    "end": ("fin", False),
    "audience": ("segmento de audiencia", False),
    "notes": ("nota", True),
    "channels": ("canal", False),
    "tactics": ("táctico", False),
    "tactic": ("táctico", False),
    "period_text": ("texto del periodo", False),
    "ine_exception": ("excepción INE", True),
    "ine_answer_date": ("fecha de la respuesta del INE", True),
    "ine_reference": ("referencia de la respuesta del INE (acuerdo u oficio)", True),
    "touchpoint": ("punto de contacto", False),
    "text": ("texto", False),
    "title": ("título", False),
    "owner": ("área responsable", True),
    "issued": ("emisión", True),
    "year": ("año", False),
    "restricts": ("punto de contacto restringido", False),
    "count": ("cifra", True),
    "bound": ("tipo de cifra", False),
    "share": ("porcentaje", False),
    "reasons": ("razón", True),
    "since": ("desde", False),
    "source": ("fuente", True),
    "note": ("nota", True),
    "parts": ("parte", True),
    "details": ("viñeta", True),
    "kind": ("tipo", False),
    "contact": ("contacto", False),
    "creative": ("línea creativa", True),
    "adds_to": ("segmento al que se suma", False),
    "id": ("identificador", False),
    "lines": ("línea", True),
    "date": ("fecha", True),
    "percent": ("porcentaje", False),
    "of": ("total de referencia", False),
    "whole": ("total", False),
    "plan": ("datos del plan", False),
    "campaigns": ("campaña", True),
    "blackouts": ("veda", True),
    "touchpoints": ("punto de contacto", False),
    "segments": ("segmento", False),
    "breakdowns": ("desglose", False),
    "components": ("componente", False),
    "execution": ("fila de ejecución", True),
    "milestones": ("hito", False),
    "objectives": ("objetivo", False),
    "jurisdiction": ("ámbito", False),
    "election_day": ("jornada electoral", True),
    "ine_filed": ("fecha de la consulta al INE", True),
    "states": ("estado", False),
    "as_of": ("fecha de la cifra", True),
}

#: the JSON Schema's title of each model field (what an editor shows beside a key): plural
#: where the field is a list
FIELD_TITLES: Mapping[str, str] = {
    "id": "Identificador",
    "name": "Nombre",
    "description": "Descripción",
    "aka": "Otros nombres",
    "start": "Inicio",
    "end": "Fin",
    "audience": "Segmentos de audiencia",
    "notes": "Notas",
    "channels": "Canales de contacto",
    "tactics": "Tácticos",
    "tactic": "Táctico",
    "period_text": "Periodo como lo escribe el documento",
    "ine_exception": "Excepción del INE",
    "ine_answer_date": "Fecha de la respuesta del INE",
    "ine_reference": "Referencia de la respuesta del INE",
    "touchpoint": "Punto de contacto",
    "text": "Texto",
    "title": "Título",
    "owner": "Área responsable",
    "issued": "Emisión",
    "year": "Año",
    "restricts": "Puntos de contacto que restringe",
    "count": "Cifra",
    "bound": "Tipo de cifra",
    "share": "Porcentaje que afirma el documento",
    "reasons": "Razones",
    "since": "Desde",
    "source": "Fuente",
    "note": "Nota",
    "parts": "Partes",
    "details": "Viñetas",
    "kind": "Tipo",
    "contact": "Contacto",
    "creative": "Líneas creativas",
    "adds_to": "Se suma a",
    "lines": "Líneas",
    "date": "Fecha",
    "percent": "Porcentaje",
    "of": "Del total",
    "whole": "Total",
    "plan": "Datos del plan",
    "campaigns": "Campañas",
    "blackouts": "Vedas",
    "touchpoints": "Puntos de contacto",
    "segments": "Segmentos",
    "breakdowns": "Desgloses",
    "components": "Componentes de la programación",
    "execution": "Ejecución",
    "milestones": "Hitos",
    "objectives": "Objetivos",
    "jurisdiction": "Ámbito (federal o estados)",
    "election_day": "Jornada electoral",
    "ine_filed": "Fecha de la consulta al INE",
    "states": "Estados",
    "as_of": "Fecha de la cifra",
}

#: the JSON Schema's title of each model
MODEL_TITLES: Mapping[str, str] = {
    "Plan": "Plan de campañas",
    "PlanInfo": "Datos del plan",
    "Note": "Nota",
    "TouchpointType": "Punto de contacto",
    "Blackout": "Veda",
    "Objective": "Objetivo",
    "CreativeLine": "Línea creativa",
    "CreativePiece": "Pieza creativa",
    "Channel": "Canal de contacto",
    "Component": "Componente de la programación",
    "Execution": "Fila de ejecución",
    "Milestone": "Hito",
    "Campaign": "Campaña",
    "Audience": "Audiencia",
    "Share": "Porcentaje afirmado",
    "Segment": "Segmento",
    "Breakdown": "Desglose",
}


def field_title(name: str, info: object = None) -> str:
    """A model field's Spanish title (pydantic's ``field_title_generator``); a field missing
    from the table (a test lists it) falls back to its word in MODEL_FIELDS, or its name."""
    if name in FIELD_TITLES:
        return FIELD_TITLES[name]
    word = MODEL_FIELDS.get(name, (name, False))[0]
    return word[:1].upper() + word[1:]


def model_title(model: type) -> str:
    """A model's Spanish title (pydantic's ``model_title_generator``; its class name when
    missing from the table, which a test lists)."""
    return MODEL_TITLES.get(model.__name__, model.__name__)


def number(n: int) -> str:
    """76,434,882: the deck's thousands separator (a comma), in every view, format and
    message; the one place a count is written."""
    return f"{n:,}"


def signed_number(n: int) -> str:
    """+1,234 or -1,234: a difference of counts, with the same separator."""
    return ("+" if n >= 0 else "-") + number(abs(n))


def figure(count: int | None, bound: str, *, missing: str = "sin cifra") -> str:
    """A segment's figure with its qualifier, as every view writes it: «hasta 1,234»,
    «≈ 1,234», «1,234»; ``missing`` without one."""
    if count is None:
        return missing
    if bound == "up-to":
        return f"hasta {number(count)}"
    if bound == "approx":
        return f"≈ {number(count)}"
    return number(count)


def _word(table: Mapping[str, str], value: str) -> str:
    return table.get(value, value)


def ine_status(value: str | None) -> str:
    """«pendiente», «aprobada», «negada» or «no solicitada»."""
    return INE_STATUS.get(value, str(value))


def period_status(value: str) -> str:
    return _word(PERIOD_STATUSES, value)


def row_kind(value: str) -> str:
    return _word(ROW_KINDS, value)


def creative_kind(value: str) -> str:
    return _word(CREATIVE_KINDS, value)


def channel_kind(value: str) -> str:
    return _word(CHANNEL_KINDS, value)


def figure_bound(value: str) -> str:
    return _word(FIGURE_BOUNDS, value)


def severity(value: str) -> str:
    """«error» or «aviso»."""
    return _word(SEVERITIES, value)


def and_list(items: Sequence[str]) -> str:
    """«a, b y c»."""
    items = list(items)
    return ", ".join(items[:-1]) + " y " + items[-1] if len(items) > 1 else "".join(items)
