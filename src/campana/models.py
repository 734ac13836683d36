"""The plan and audience models (pydantic v2, strict, unknown keys forbidden).

Field descriptions are Spanish: they become the JSON Schema that editors show to planners.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from campana import vocab

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description=(
            "Identificador en minúsculas, sin acentos, con guiones: «trabajadores-independientes»."
        ),
    ),
]
Text = Annotated[str, Field(min_length=1)]

# The file may say the status in English or as the Spanish labels the views print; the model
# keeps the English value.
IneException = Literal["pending", "approved", "denied", "pendiente", "aprobada", "negada"]


def _ine_english(value: str | None) -> str | None:
    from campana.vocab import INE_SYNONYMS

    return INE_SYNONYMS.get(value, value) if value is not None else None


Owner = Annotated[
    str,
    Field(
        min_length=1,
        description="Área o persona responsable (texto libre): «Coordinación de Medios».",
    ),
]


def _empty() -> list[Any]:
    """The lists' ``default_factory``: a new empty list, as ``list`` gives. pydantic reads a
    factory's signature, and ``inspect.signature(list)`` parses a builtin's text signature
    with the tokenizer (imported, its patterns compiled, on first use); a function's is cheap.
    """
    return []


class Model(BaseModel):
    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        defer_build=True,
        # the JSON Schema's titles, Spanish, from the one vocabulary
        field_title_generator=vocab.field_title,
        model_title_generator=vocab.model_title,
    )

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """pydantic's; a model's first build goes through ``campana.modelbuild.build``
        (pydantic's steps, without its plugin lookup when no plugin is installed)."""
        from campana import modelbuild

        first = not (force or cls.__pydantic_complete__) and _types_namespace is None
        if first and modelbuild.build(cls, _parent_namespace_depth):
            return True
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            # counted from pydantic's model_rebuild: one frame more (this one)
            _parent_namespace_depth=_parent_namespace_depth + (_parent_namespace_depth > 0),
            _types_namespace=_types_namespace,
        )


class Note(Model):
    text: Text = Field(description="Nota tal como la dice el documento.")
    details: list[Text] = Field(default_factory=_empty, description="Viñetas de la nota.")


class PlanInfo(Model):
    title: Text = Field(description="Título del documento: «Campañas 2024».")
    owner: Text = Field(description="Área responsable.")
    issued: Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] = Field(
        description="Mes de emisión, AAAA-MM."
    )
    year: Annotated[int, Field(ge=1900, le=2200)] = Field(description="Año que cubre el plan.")
    notes: list[Note] = Field(default_factory=_empty, description="Contexto de la administración.")


class TouchpointType(Model):
    id: Id
    name: Text = Field(description="Nombre del punto de contacto: «Medios masivos».")
    description: Text | None = None


class Blackout(Model):
    id: Id
    name: Text
    start: dt.date
    end: dt.date
    description: Text | None = None
    restricts: list[Id] = Field(
        description="Puntos de contacto (ids de touchpoints) que la veda restringe."
    )
    jurisdiction: Literal["federal"] | list[Text] | None = Field(
        default=None,
        description=(
            "Dónde aplica: federal (por omisión) o una lista de entidades federativas "
            "(«Coahuila», «Estado de México»...): una veda local solo alcanza a las campañas "
            "que declaran esos estados."
        ),
    )
    election_day: dt.date | None = Field(
        default=None,
        description=(
            "Día de la jornada electoral, tal como lo publica el INE o el instituto local "
            "(nunca calculado): si la veda es federal, es día de descanso obligatorio "
            "(Ley Federal del Trabajo, art. 74, fr. IX)."
        ),
    )

    # ``restricts`` as a set, built on first use (a slot: see ``Plan``)
    __slots__ = ("_restricts_set",)

    def restricts_touchpoint(self, touchpoint: str) -> bool:
        """Whether the blackout restricts ``touchpoint`` (``touchpoint in restricts``)."""
        found: frozenset[str] | None = getattr(self, "_restricts_set", None)
        if found is None:
            found = frozenset(self.restricts)
            object.__setattr__(self, "_restricts_set", found)
        return touchpoint in found


class Objective(Model):
    text: Text
    start: dt.date | None = None
    end: dt.date | None = None
    period_text: Text | None = Field(
        default=None, description="El periodo tal como lo escribe el documento."
    )


CreativeKind = Literal["slogan", "headline", "call-to-action", "url", "phone", "brand", "caption"]


class CreativeLine(Model):
    text: Text
    kind: CreativeKind


class CreativePiece(Model):
    lines: list[CreativeLine] = Field(min_length=1)


ChannelKind = Literal["web", "phone", "portal", "in-person"]


class Channel(Model):
    name: Text
    kind: ChannelKind
    contact: Text | None = Field(default=None, description="Dirección o número, si lo hay.")


class Component(Model):
    """A row of the programme grid that belongs to a campaign (the italic rows)."""

    id: Id
    name: Text
    start: dt.date
    end: dt.date
    touchpoint: Id | None = Field(
        default=None, description="Punto de contacto de la tabla de ejecución que lo ejecuta."
    )
    tactic: Text | None = Field(
        default=None, description="Táctico de ese punto de contacto, si el componente es uno."
    )
    owner: Owner | None = None


class Execution(Model):
    """A row of a campaign's execution table."""

    touchpoint: Id
    tactics: list[Text] = Field(min_length=1)
    start: dt.date
    end: dt.date
    period_text: Text | None = Field(
        default=None, description="El periodo tal como lo escribe el documento."
    )
    ine_exception: Annotated[IneException | None, AfterValidator(_ine_english)] = Field(
        default=None,
        description=(
            "Excepción a la veda electoral ante el INE (el asterisco del documento): "
            "pending, approved o denied (o pendiente, aprobada, negada); sin valor si no se "
            "solicitó."
        ),
    )
    ine_filed: dt.date | None = Field(
        default=None, description="Fecha en que se presentó la solicitud de excepción al INE."
    )
    ine_answer_date: dt.date | None = Field(
        default=None,
        description="Fecha de la respuesta del INE a la solicitud de excepción (AAAA-MM-DD).",
    )
    ine_reference: Text | None = Field(
        default=None,
        description="Referencia de la respuesta del INE: número de acuerdo u oficio.",
    )
    owner: Owner | None = None


MilestoneKind = Literal[
    "ine-request", "ine-answer", "creative-delivery", "launch", "report", "other"
]


class Milestone(Model):
    """A dated checkpoint of a campaign: the INE's answer, a creative delivery, a report."""

    id: Id
    name: Text
    date: dt.date
    kind: MilestoneKind = Field(
        description=(
            "ine-request (solicitud al INE), ine-answer (respuesta del INE), creative-delivery "
            "(entrega de creatividades), launch (lanzamiento), report (reporte) u other."
        )
    )
    owner: Owner | None = None
    touchpoint: Id | None = Field(
        default=None, description="Punto de contacto (id de touchpoints) al que se refiere."
    )


class Campaign(Model):
    id: Id
    name: Text = Field(description="Nombre tal como aparece en la programación.")
    aka: list[Text] = Field(default_factory=_empty, description="Otros nombres en el documento.")
    start: dt.date
    end: dt.date
    audience: list[Id] = Field(
        default_factory=_empty, description="Segmentos de audience.yaml a los que se dirige."
    )
    objectives: list[Objective] = Field(default_factory=_empty)
    creative: list[CreativePiece] = Field(default_factory=_empty)
    channels: list[Channel] = Field(default_factory=_empty)
    components: list[Component] = Field(default_factory=_empty)
    execution: list[Execution] = Field(default_factory=_empty)
    milestones: list[Milestone] = Field(default_factory=_empty)
    owner: Owner | None = None
    states: list[Text] | None = Field(
        default=None,
        description=(
            "Entidades federativas donde corre la campaña; sin esta lista es nacional y la "
            "alcanza toda veda, federal o local."
        ),
    )
    notes: list[Text] = Field(default_factory=_empty)


class Plan(Model):
    plan: PlanInfo
    touchpoints: list[TouchpointType]
    blackouts: list[Blackout] = Field(default_factory=_empty)
    campaigns: list[Campaign]

    # Lookups by id, built on first use. A slot, neither a field nor a private attribute:
    # equality, hashing, model_dump, copies and pickles never see it (a copy builds its own).
    __slots__ = ("_by_id",)

    def _lookups(self) -> tuple[dict[str, Campaign], dict[str, str]]:
        built: tuple[dict[str, Campaign], dict[str, str]] | None = getattr(self, "_by_id", None)
        if built is not None:
            return built
        campaigns: dict[str, Campaign] = {}
        for c in self.campaigns:
            campaigns.setdefault(c.id, c)  # the first one, as a scan would find
        names: dict[str, str] = {}
        for t in self.touchpoints:
            names.setdefault(t.id, t.name)
        found = (campaigns, names)
        object.__setattr__(self, "_by_id", found)
        return found

    def campaign(self, campaign_id: str) -> Campaign | None:
        return self._lookups()[0].get(campaign_id)

    def touchpoint_name(self, touchpoint_id: str) -> str:
        return self._lookups()[1].get(touchpoint_id, touchpoint_id)


Bound = Literal["exact", "up-to", "approx"]


class Share(Model):
    of: Id = Field(description="Segmento que es el 100 %.")
    percent: float = Field(ge=0, description="Porcentaje que afirma el documento.")


class Segment(Model):
    id: Id
    name: Text
    count: Annotated[int, Field(ge=0)]
    bound: Bound = Field(
        default="exact", description="exact, up-to («hasta») o approx (cifra redondeada)."
    )
    share: Share | None = None
    adds_to: Id | None = Field(
        default=None,
        description="Segmento al que esta cifra podría agregarse: una adición posible, no una "
        "parte de él (sin porcentaje del total).",
    )
    reasons: list[Text] = Field(default_factory=_empty)
    since: dt.date | None = None
    source: Text | None = None
    as_of: dt.date | None = Field(
        default=None,
        description=(
            "Fecha de corte de la cifra (la de su fuente): se advierte cuando es anterior al "
            "año del plan."
        ),
    )
    note: Text | None = None


class Breakdown(Model):
    whole: Id
    parts: list[Id] = Field(min_length=2)


class Audience(Model):
    segments: list[Segment]
    breakdowns: list[Breakdown] = Field(default_factory=_empty)

    def segment(self, segment_id: str) -> Segment | None:
        return next((s for s in self.segments if s.id == segment_id), None)
