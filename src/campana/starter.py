"""A blank, commented starting plan for a new team (``campana init``).

The comments are Spanish (planners read them); every date in the plan is an example inside
the chosen year, and it says so. No blackout is written: blackouts are legal dates the user
declares (an example is shown commented out and labelled «ejemplo»).
"""

from __future__ import annotations

PLAN = """\
# Plan de campañas {year}: punto de partida generado por «campana init».
# Las fechas son ISO (AAAA-MM-DD). Revisa el plan con «campana validate».
# La campaña de abajo es un EJEMPLO: cámbiala o bórrala.

plan:
  title: Campañas {year}
  owner: {owner}
  issued: {issued}        # mes de emisión del documento (AAAA-MM)
  year: {year}

# Los puntos de contacto de las tablas de ejecución (medios, digital, brigadas...).
touchpoints:
  - id: medios-masivos
    name: Medios masivos
  - id: digital
    name: Digital

# Vedas (fechas legales: decláralas con las fechas oficiales del INE o del instituto local;
# campana nunca las calcula). Ejemplo, NO son fechas reales:
#  - id: veda-ejemplo
#    name: Veda electoral (ejemplo)
#    start: {year}-04-01
#    end: {year}-06-06
#    election_day: {year}-06-06   # día de la jornada electoral (descanso obligatorio si es federal)
#    restricts: [medios-masivos, digital]
blackouts: []

campaigns:
  - id: campana-ejemplo
    name: Campaña de ejemplo
    start: {year}-03-01
    end: {year}-04-30
    audience: [personas-objetivo]
    objectives:
      - text: Ejemplo de objetivo (escribe el del documento).
    execution:
      - touchpoint: digital
        tactics: [Publicaciones promovidas]
        start: {year}-03-01
        end: {year}-04-30
"""

AUDIENCE = """\
# Cifras de audiencia del plan {year}. Cada cifra lleva su fecha de corte (as_of): campana
# avisa cuando es anterior al año del plan. La cifra de abajo es un EJEMPLO.

segments:
  - id: personas-objetivo
    name: Personas objetivo (ejemplo)
    count: 0
    as_of: {year}-01-01
    source: Fuente de la cifra (ejemplo)
"""


def starter_texts(year: int, owner: str, issued: str) -> tuple[str, str]:
    """The plan and audience texts of a blank plan for ``year``."""
    import json

    from campana.errors import CampanaError

    if not owner.strip() or any(ord(ch) < 32 for ch in owner):
        raise CampanaError(
            f"--owner: «{owner}» no sirve como nombre de área",
            hint="escribe el nombre del área en una línea, por ejemplo «Coordinación de Medios»",
        )
    quoted = json.dumps(owner.strip(), ensure_ascii=False)  # a YAML double-quoted scalar
    return (
        PLAN.format(year=year, owner=quoted, issued=issued),
        AUDIENCE.format(year=year),
    )
