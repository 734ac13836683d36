"""The cold path (a process that validates with no cache): what keeps it short stays in place
and changes nothing the models do."""

from __future__ import annotations

import datetime as dt
import inspect

from pydantic import BaseModel

from campana import models


def _model_classes() -> list[type[BaseModel]]:
    return [
        v
        for v in vars(models).values()
        if isinstance(v, type) and issubclass(v, models.Model) and v is not models.Model
    ]


def test_list_defaults_are_new_empty_lists_from_a_cheap_factory() -> None:
    """``default_factory=list`` made pydantic parse ``list``'s text signature with the
    tokenizer; a Python function gives the same new empty list each time."""
    seen = 0
    for cls in _model_classes():
        for name, info in cls.model_fields.items():
            factory = info.default_factory
            if factory is None:
                continue
            seen += 1
            assert inspect.isfunction(factory), f"{cls.__name__}.{name}"
            first, second = factory(), factory()  # type: ignore[call-arg]
            assert first == [] and type(first) is list and first is not second
    assert seen >= 10
    a = models.Campaign.model_validate(
        {
            "id": "a",
            "name": "A",
            "start": dt.date(2024, 1, 1),
            "end": dt.date(2024, 2, 1),
        }
    )
    b = models.Campaign.model_validate(
        {
            "id": "b",
            "name": "B",
            "start": dt.date(2024, 1, 1),
            "end": dt.date(2024, 2, 1),
        }
    )
    assert a.aka == [] and a.execution == [] and a.aka is not b.aka
    assert "aka" not in a.model_fields_set
