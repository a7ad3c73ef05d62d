"""The design engine's content tables (data/*.json): read through a pydantic model, refused with the file and entry.

Words and sentences live in data files so that editing copy never means editing logic; each file has a model that
states its shape and rules, and a loader (cached by its caller) that accepts another source so a test can point it at
a malformed copy.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

Model = TypeVar('Model', bound=BaseModel)

# A packaged resource, or any pathlib.Path (which is a Traversable).
DataSource = Traversable

# What every table model shares: a misspelt key is an error rather than a silently ignored entry.
TABLE_CONFIG = ConfigDict(extra='forbid', frozen=True)

Text = Annotated[str, StringConstraints(min_length=1)]
Texts = Annotated[tuple[Text, ...], Field(min_length=1)]


class DataFileError(ValueError):
    """A data file that does not match its model; the message names the file and every entry that is wrong."""


def packaged(name: str) -> Traversable:
    """data/<name> as shipped inside the package (pyproject's package-data ships design/data/*.json)."""
    return files('branding.design').joinpath('data', name)


def read_table(source: DataSource, model: type[Model]) -> Model:
    """The file at `source` validated as `model`; DataFileError naming each entry that is malformed."""
    try:
        return model.model_validate_json(source.read_bytes())
    except ValidationError as error:
        raise DataFileError(_describe(str(source), error)) from None


def _describe(where: str, error: ValidationError) -> str:
    problems = [f'{_location(problem["loc"]) or "the file"}: {problem["msg"]}' for problem in error.errors()]
    return f'{where} is malformed: {"; ".join(problems)}'


def _location(loc: Iterable[int | str]) -> str:
    """('voices', 'playful', 'traits', 0, 'meaning') -> 'voices.playful.traits[0].meaning'."""
    path = ''
    for part in loc:
        path += f'[{part}]' if isinstance(part, int) else f'.{part}' if path else part
    return path


def template_fields(template: str) -> set[str]:
    """The {fields} a str.format template uses; ValueError when it is not a valid template (a lone '{')."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def check_template(template: str, allowed: Iterable[str]) -> str:
    """`template` when every {field} it uses is in `allowed`: a typo would otherwise fail only when a kit is made."""
    unknown = template_fields(template) - set(allowed)
    if unknown:
        raise ValueError(f'unknown template field(s) {sorted(unknown)} in {template!r}; allowed: {sorted(allowed)}')
    return template


def check_keys(found: Iterable[str], expected: Iterable[str], what: str) -> None:
    """Every expected key present and no other: a table keyed by company type or voice must cover each exactly."""
    have, want = {str(key) for key in found}, {str(key) for key in expected}
    problems = [
        f'{label} {sorted(keys)}' for label, keys in (('missing', want - have), ('unexpected', have - want)) if keys
    ]
    if problems:
        raise ValueError(f'{what}: {", ".join(problems)}')
