"""Models built from JSON data that already passed its JSON Schema, without
validating it a second time (docs/ARCHITECTURE.md, The stage runtime).

The schemas under `schemas/` are generated from the models (`workers.codec`),
so a message the schema accepts is one the model accepts: what is left to do
is what validation would change in the data. Each model class gets a plan once:
its aliases, its defaults for absent fields, the fields holding times (parsed),
numbers (made the field's type, as JSON does not tell 1 from 1.0) and nested
models (built the same way); every other value is kept as JSON gave it."""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from pydantic import BaseModel, TypeAdapter
from pydantic_core import PydanticUndefined

from workers.models import assemble

M = TypeVar("M", bound=BaseModel)
Kind = Literal["time", "float", "int", "model", "models"]


@dataclass(frozen=True, slots=True)
class _Converted:
    name: str
    kind: Kind
    nested: type[BaseModel] | None = None


@dataclass(frozen=True, slots=True)
class _Plan:
    order: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...]
    """(alias, field name) of the fields whose JSON name differs."""
    defaults: tuple[tuple[str, Any], ...]
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    converted: tuple[_Converted, ...]


_plans: dict[type[BaseModel], _Plan] = {}
_TIME = TypeAdapter(datetime)


def _time(value: str) -> datetime:
    """RFC 3339 as `datetime.fromisoformat` reads it, else (a fraction of a second
    with other than 3 or 6 digits, say) as the model would."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return _TIME.validate_python(value)


def _optional_removed(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _kind(annotation: Any) -> tuple[Kind, type[BaseModel] | None] | None:
    annotation = _optional_removed(annotation)
    if annotation is datetime:
        return "time", None
    if annotation is float:
        return "float", None
    if annotation is int:
        return "int", None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "models", item
    return None


def _plan(cls: type[BaseModel]) -> _Plan:
    plan = _plans.get(cls)
    if plan is not None:
        return plan
    renamed: list[tuple[str, str]] = []
    defaults: list[tuple[str, Any]] = []
    factories: list[tuple[str, Callable[[], Any]]] = []
    converted: list[_Converted] = []
    for name, field in cls.model_fields.items():
        if field.alias and field.alias != name:
            renamed.append((field.alias, name))
        if field.default_factory is not None:
            factories.append((name, cast(Callable[[], Any], field.default_factory)))
        elif field.default is not PydanticUndefined:
            defaults.append((name, field.default))
        kind = _kind(field.annotation)
        if kind is not None:
            converted.append(_Converted(name, kind[0], kind[1]))
    plan = _plans[cls] = _Plan(
        tuple(cls.model_fields), tuple(renamed), tuple(defaults), tuple(factories), tuple(converted)
    )
    return plan


def build(cls: type[M], data: dict[str, Any]) -> M:
    """An instance of `cls` from `data`, a JSON object its schema accepted, its
    fields in the model's order (as `model_dump` gives them back). `data` is taken
    over: its lists and objects become the model's."""
    plan = _plan(cls)
    if plan.renamed:
        names = dict(plan.renamed)
        data = {names.get(key, key): value for key, value in data.items()}
    if tuple(data) != plan.order:
        for name, default in plan.defaults:
            if name not in data:
                data[name] = default
        for name, factory in plan.factories:
            if name not in data:
                data[name] = factory()
        data = {name: data[name] for name in plan.order}
    for field in plan.converted:
        value = data[field.name]
        if value is None:
            continue
        kind = field.kind
        if kind == "time":
            data[field.name] = _time(value)
        elif kind == "float":
            if type(value) is not float:
                data[field.name] = float(value)
        elif kind == "int":
            if type(value) is not int:
                data[field.name] = int(value)
        elif kind == "model":
            assert field.nested is not None
            data[field.name] = build(field.nested, value)
        elif value:
            nested = field.nested
            assert nested is not None
            data[field.name] = [build(nested, item) for item in value]
    return assemble(cls, data)
