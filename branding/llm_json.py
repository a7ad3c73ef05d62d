"""Getting JSON out of what language models actually reply, and saying precisely what was wrong when we can't."""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

ModelT = TypeVar('ModelT', bound=BaseModel)

# Reasoning models may think out loud before answering, braces and all.
_THINKING = re.compile(r'\s*<think>.*?</think>', re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r'```[ \t]*(?:json5?|JSON|javascript|js)?[ \t]*\r?\n?(.*?)```', re.DOTALL)
_OPENERS = {'{': '}', '[': ']'}
_CLOSERS = {'}', ']'}
# A string may start with a straight or a typographic double quote (models and word processors "smarten" them).
# Single typographic quotes only open with ‘, because ’ is far more often an apostrophe in prose.
_DOUBLE_QUOTES = {'"', '“', '”'}
_SMART_DOUBLE_CLOSERS = {'”', '“'}
_SMART_SINGLE_CLOSERS = {'’', '‘'}
# A scan costs O(length); bracket-heavy prose must not turn this quadratic.
_MAX_CANDIDATES = 32
_MAX_ERRORS_SUMMARISED = 8


class _Unbalanced(Exception):
    pass


def extract_json(text: str) -> Any:
    """The first balanced top-level JSON object or array in a model's reply.

    Tolerates a BOM, <think> blocks, ``` fences, prose before and after, trailing commas and typographic quotes used
    as JSON quotes. Raises ValueError with a short reason.
    """
    text = text.lstrip('\ufeff')  # only a leading BOM: inside a string it is content
    if thinking := _THINKING.match(text):
        text = text[thinking.end() :]
    reasons: list[str] = []
    sources = [match.group(1) for match in _FENCE.finditer(text)] + [text]
    if text.lstrip()[:1] in _OPENERS:
        # A reply that is JSON from its first character is read whole: fences inside it are string content (a
        # markdown section may well show a ```json example).
        sources = [text, *sources[:-1]]
    for source in sources:
        try:
            return _first_value(source, reasons)
        except LookupError:
            continue
    raise ValueError(reasons[0] if reasons else 'no JSON object or array in the reply')


def _first_value(source: str, reasons: list[str]) -> Any:
    position = 0
    for _ in range(_MAX_CANDIDATES):
        start = _next_opener(source, position)
        if start < 0:
            break
        try:
            candidate, end = _normalised_span(source, start)
        except _Unbalanced:
            # Everything after an unclosed opener is inside it: an inner object would be a fragment, not the reply.
            reasons.append('the JSON is cut off before it closes (reply truncated?)')
            break
        try:
            return json.loads(candidate, strict=False)  # strict=False: raw newlines inside strings are common
        except json.JSONDecodeError as exc:
            reasons.append(f'invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})')
        except RecursionError:
            reasons.append('JSON nested too deeply')
        position = end
    raise LookupError


def _next_opener(source: str, position: int) -> int:
    starts = [index for index in (source.find('{', position), source.find('[', position)) if index >= 0]
    return min(starts, default=-1)


def _normalised_span(source: str, start: int) -> tuple[str, int]:
    """The balanced value opening at `start`, rewritten as strict JSON, and the index just past it.

    Rewrites typographic-quoted strings as JSON strings and drops trailing commas, both outside of strings only.
    """
    out: list[str] = []
    expected: list[str] = []
    index = start
    length = len(source)
    while index < length:
        char = source[index]
        if char in _DOUBLE_QUOTES or char == '‘':
            index = _copy_string(source, index, out)
            continue
        if char in _OPENERS:
            expected.append(_OPENERS[char])
        elif char in _CLOSERS:
            if not expected or expected.pop() != char:
                # Mismatched: hand json.loads the span so the reason names the spot, and scan on after it.
                return ''.join([*out, char]), index + 1
            _drop_trailing_comma(out)
        out.append(char)
        index += 1
        if not expected:
            return ''.join(out), index
    raise _Unbalanced()


def _copy_string(source: str, start: int, out: list[str]) -> int:
    opener = source[start]
    closers = {'"'} if opener == '"' else _SMART_SINGLE_CLOSERS if opener == '‘' else _SMART_DOUBLE_CLOSERS
    out.append('"')
    index = start + 1
    length = len(source)
    while index < length:
        char = source[index]
        if char == '\\' and index + 1 < length:
            out.append(source[index : index + 2])
            index += 2
            continue
        if char in closers and not _is_apostrophe(source, index, opener):
            out.append('"')
            return index + 1
        out.append('\\"' if char == '"' else char)  # a straight quote inside a typographic string is content
        index += 1
    raise _Unbalanced()


def _is_apostrophe(source: str, index: int, opener: str) -> bool:
    return opener == '‘' and source[index] == '’' and index + 1 < len(source) and source[index + 1].isalnum()


def _drop_trailing_comma(out: list[str]) -> None:
    index = len(out) - 1
    while index >= 0 and out[index].isspace():
        index -= 1
    if index >= 0 and out[index] == ',':
        del out[index]


def summarise_validation_error(exc: ValidationError) -> str:
    """One line per problem, field path first, short enough to quote back to the model in a repair re-ask."""
    errors = exc.errors(include_url=False)
    lines = []
    for error in errors[:_MAX_ERRORS_SUMMARISED]:
        location = '.'.join(str(part) for part in error['loc']) or '(top level)'
        given = error.get('input')
        shown = '' if error['type'] == 'missing' else f' (got {_short_repr(given)})'
        lines.append(f'{location}: {error["msg"]}{shown}')
    if len(errors) > _MAX_ERRORS_SUMMARISED:
        lines.append(f'... and {len(errors) - _MAX_ERRORS_SUMMARISED} more')
    return '; '.join(lines)


def _short_repr(value: Any, limit: int = 40) -> str:
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return shown if len(shown) <= limit else f'{shown[: limit - 3]}...'


class ReplyError(ValueError):
    """The reply could not be used; the message is written to be quoted back to the model."""


def parse_reply(text: str, model: type[ModelT]) -> ModelT:
    try:
        data = extract_json(text)
    except ValueError as exc:
        raise ReplyError(str(exc)) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ReplyError(f'the JSON does not match the schema: {summarise_validation_error(exc)}') from None
