"""Field-level messages from the same pydantic rules the API applies, for forms that check before submitting."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, cast

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from branding.models import NOT_BLANK, BrandingRequest, CompanyProfile


# PLR0911: one case per pydantic error type, each with its message beside it; the guards make a lookup table no
# shorter and split each rule from its message.
def friendly_message(error: ErrorDetails) -> str:  # noqa: PLR0911
    context = error.get('ctx') or {}
    match error['type']:
        case 'missing':
            return 'Required'
        case 'string_too_short' if context.get('min_length') == 1:
            return 'Required'
        case 'string_pattern_mismatch' if context.get('pattern') == NOT_BLANK:
            return 'Required'
        case 'value_error' if str(context.get('error', '')) == 'Required':
            return 'Required'
        case 'too_short' if context.get('min_length') == 1:
            return 'Add at least one'
        case 'string_too_long':
            return f'At most {context["max_length"]} characters'
        case 'too_long':
            return f'At most {context["max_length"]} items'
        case 'enum':
            return f'Choose one of: {context.get("expected", "the listed options")}'
        case 'extra_forbidden':
            return 'Unknown field'
    return str(error['msg'])


@cache
def _field_adapter(model: type[BaseModel], field_name: str) -> TypeAdapter[Any]:
    field = model.model_fields[field_name]
    return TypeAdapter(cast(Any, Annotated[field.annotation, field]))


def field_error(model: type[BaseModel], field_name: str, value: Any) -> str | None:
    """The message for one field's value, or None when it is valid."""
    try:
        _field_adapter(model, field_name).validate_python(value)
    except ValidationError as error:
        first = error.errors()[0]
        message = friendly_message(first)
        # a list item names its position, so 'Value 3: At most 40 characters' points at the chip
        position = next((part for part in first['loc'] if isinstance(part, int)), None)
        return f'Value {position + 1}: {message}' if position is not None else message
    return None


def profile_field_error(field_name: str, value: Any) -> str | None:
    return field_error(CompanyProfile, field_name, value)


def request_errors(data: dict[str, Any]) -> dict[str, str]:
    """Every problem in a whole request, keyed by dotted field path."""
    try:
        BrandingRequest.model_validate(data)
    except ValidationError as error:
        return {'.'.join(str(part) for part in item['loc']): friendly_message(item) for item in error.errors()}
    return {}
