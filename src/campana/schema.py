"""The JSON Schema of the plan and audience files, generated from the models."""

from __future__ import annotations

import json
from typing import Literal


def schema_json(which: Literal["plan", "audience"] = "plan") -> str:
    from campana.models import Audience, Plan

    model = Plan if which == "plan" else Audience
    body = model.model_json_schema()
    doc = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Plan de campañas (campana)" if which == "plan" else "Audiencia (campana)",
        **{k: v for k, v in body.items() if k != "title"},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
