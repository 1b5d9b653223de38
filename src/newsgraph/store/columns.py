"""Table columns derived from the nouns' fields, so every field a noun gains is stored without a schema edit."""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import Boolean, CheckConstraint, Column, Date, Float, Integer, String, Text, column
from sqlalchemy.types import TypeEngine

SQL_TYPES: dict[type, type[TypeEngine]] = {int: Integer, float: Float, bool: Boolean, str: Text, date: Date}
JSON_ORIGINS = (list, dict)


def _unwrapped(annotation: Any) -> tuple[Any, bool]:
    """The annotation without `| None`, and whether it had it."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    nullable = typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) < len(typing.get_args(annotation))
    return (args[0] if nullable else annotation), nullable


def field_type(annotation: Any) -> tuple[type[TypeEngine], bool]:
    """The SQL type of a field's annotation, and whether it may be NULL (lists and dicts are stored as JSON text)."""
    inner, nullable = _unwrapped(annotation)
    if typing.get_origin(inner) is Literal:
        return String, nullable
    if typing.get_origin(inner) in JSON_ORIGINS:
        return Text, nullable
    return SQL_TYPES.get(inner, Text), nullable


def is_json(model: type[BaseModel], name: str) -> bool:
    """Whether a field holds a list or a dict (stored as JSON text)."""
    return typing.get_origin(_unwrapped(model.model_fields[name].annotation)[0]) in JSON_ORIGINS


def model_columns(model: type[BaseModel], skip: frozenset[str] = frozenset()) -> list[Column]:
    """One column per field of `model` (NOT NULL where the field cannot be None)."""
    found = []
    for name, info in model.model_fields.items():
        if name not in skip:
            sql_type, nullable = field_type(info.annotation)
            found.append(Column(name, sql_type, nullable=nullable))
    return found


def span_checks(model: type[BaseModel]) -> list[CheckConstraint]:
    """A forward-span check for every start/end pair of fields (`start`/`end`, `x_start`/`x_end`)."""
    checks = []
    for name in model.model_fields:
        if name == "start" or name.endswith("_start"):
            end = name[: -len("start")] + "end"
            if end in model.model_fields:
                forward = (column(name) >= 0) & (column(end) >= column(name))
                checks.append(CheckConstraint(column(name).is_(None) | forward))
    return checks
