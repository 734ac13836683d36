"""Building a model on first use, as pydantic does, without pydantic's plugin lookup when no
plugin is installed.

The models are built on first use (``defer_build=True``): ``model_rebuild`` generates the
model's core schema and hands it to pydantic-core for a validator and a serializer. Before it
makes the validator, pydantic looks for plugins (entry points of the group ``pydantic``):
it imports ``importlib.metadata`` (and with it ``email``, ``zipfile``, ``csv``, ``socket``...)
and parses every installed distribution's entry points, about 10 ms of a 200 ms
``campana validate``. ``campana.models.Model.model_rebuild`` calls ``build``, which does what
pydantic's ``complete_model_class`` does, step by step, but asks ``no_plugins`` first: when it
can tell that pydantic would find no plugin, the validator is the ``SchemaValidator`` pydantic
itself makes in that case; otherwise, or in any doubt, pydantic's own ``create_schema_validator``
looks for them and uses them. The schema, the validator and what validating gives are
pydantic's.

Only pydantic versions whose ``complete_model_class`` this module follows (``VERIFIED``;
``tests/test_coldpath.py`` compares what both leave on a model) take this way; with any other,
and on any error before the model is touched, pydantic builds the model itself.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

#: pydantic versions (major.minor) whose ``complete_model_class`` ``build`` follows
VERIFIED = ("2.14",)

_no_plugins: bool | None = None  # the answer, once per process (pydantic's is, too)


def verified() -> bool:
    import pydantic

    return pydantic.VERSION.startswith(tuple(v + "." for v in VERIFIED))


def no_plugins() -> bool:
    """Whether pydantic would find no plugin, told without ``importlib.metadata``; False when
    in any doubt (pydantic then looks itself, as it always does).

    pydantic's search (``importlib.metadata.entry_points``, through ``sys.meta_path``'s
    ``PathFinder``) reads the ``entry_points.txt`` of each ``*.dist-info`` and ``*.egg-info``
    folder in every ``sys.path`` folder. This reads the same files and answers True only when
    none of them so much as mentions pydantic, no other finder lists distributions and no path
    is an archive or an egg. Asked once per process, as pydantic looks once per process.
    """
    global _no_plugins
    if "pydantic.plugin._loader" in sys.modules:
        return False  # pydantic has looked already (or will): let it answer
    if _no_plugins is None:
        _no_plugins = _search()
    return _no_plugins


def _search() -> bool:
    import os
    from importlib.machinery import PathFinder

    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in ("__all__", "1", "true"):
        return True
    for finder in sys.meta_path:
        if getattr(finder, "find_distributions", None) is not None and finder is not PathFinder:
            return False
    for entry in sys.path:
        if not isinstance(entry, str) or entry.lower().endswith(".egg"):
            return False
        root = entry or "."
        try:
            children = os.listdir(root)
        except OSError:
            if os.path.exists(root):
                return False  # a zip archive, or a folder we may not list
            continue
        for child in children:
            if not child.lower().endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(root, child, "entry_points.txt"), "rb") as handle:
                    text = handle.read()
            except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                continue
            except OSError:
                return False
            if b"pydantic" in text.lower():
                return False
    return True


def build(cls: type[BaseModel], parent_depth: int) -> bool:
    """Build ``cls`` (not built yet) as pydantic's ``model_rebuild`` would; called by
    ``Model.model_rebuild`` with its ``_parent_namespace_depth`` (``parent_depth``). False,
    with ``cls`` untouched, when this pydantic is not one ``build`` follows or on any error:
    the caller then lets pydantic build it."""
    if not verified():
        return False
    try:
        if not cls.__pydantic_fields_complete__:
            return False
        return _complete(cls, _generate(cls, parent_depth))
    except Exception:
        return False


def _generate(cls: type[BaseModel], parent_depth: int) -> Any:
    """The core schema of ``cls``, as ``model_rebuild`` and ``complete_model_class`` make it."""
    from pydantic._internal._config import ConfigWrapper
    from pydantic._internal._generate_schema import GenerateSchema
    from pydantic._internal._generics import get_model_typevars_map
    from pydantic._internal._model_construction import unpack_lenient_weakvaluedict
    from pydantic._internal._namespace_utils import NsResolver
    from pydantic._internal._typing_extra import parent_frame_namespace

    rebuild_ns: Any = {}
    if parent_depth > 0:  # the frame of model_rebuild's caller: two more (build, this one)
        rebuild_ns = parent_frame_namespace(parent_depth=parent_depth + 2, force=True) or {}
    parent_ns = unpack_lenient_weakvaluedict(cls.__pydantic_parent_namespace__) or {}
    ns_resolver = NsResolver(parent_namespace={**rebuild_ns, **parent_ns})
    config_wrapper = ConfigWrapper(cls.model_config, check=False)
    gen_schema = GenerateSchema(config_wrapper, ns_resolver, get_model_typevars_map(cls))
    return gen_schema.clean_schema(gen_schema.generate_schema(cls))


def _complete(cls: type[BaseModel], schema: Any) -> bool:
    """What ``complete_model_class`` does once it has the schema (pydantic 2.14); the validator
    and serializer are made before anything is set on ``cls``."""
    from functools import partial

    from pydantic._internal._config import ConfigWrapper
    from pydantic._internal._model_construction import set_deprecated_descriptors
    from pydantic._internal._signature import generate_pydantic_signature
    from pydantic._internal._utils import LazyClassAttribute
    from pydantic.main import _rebuild_lock
    from pydantic_core import SchemaSerializer, SchemaValidator

    with _rebuild_lock:
        if cls.__pydantic_complete__:
            return True
        config_wrapper = ConfigWrapper(cls.model_config, check=False)
        core_config = config_wrapper.core_config(title=cls.__name__)
        validator: Any
        if no_plugins():
            # what create_schema_validator makes when pydantic finds no plugin
            validator = SchemaValidator(schema, core_config)
        else:
            from pydantic.plugin._schema_validator import create_schema_validator

            validator = create_schema_validator(
                schema,
                cls,
                cls.__module__,
                cls.__qualname__,
                "BaseModel",
                core_config,
                config_wrapper.plugin_settings,
            )
        serializer = SchemaSerializer(schema, core_config)
        decorators = cls.__pydantic_decorators__
        cls.__pydantic_computed_fields__ = {
            k: v.info for k, v in decorators.computed_fields.items()
        }
        set_deprecated_descriptors(cls)
        cls.__pydantic_core_schema__ = schema
        cls.__pydantic_validator__ = validator
        cls.__pydantic_serializer__ = serializer
        cls.__signature__ = LazyClassAttribute(
            "__signature__",
            partial(
                generate_pydantic_signature,
                init=cls.__init__,
                fields=cls.__pydantic_fields__,
                validate_by_alias=config_wrapper.validate_by_alias,
                extra=config_wrapper.extra,
            ),
        )
        cls.__pydantic_complete__ = True
        cls.__pydantic_on_complete__()
    return True
