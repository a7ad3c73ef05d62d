"""How an explanation names the part of the profile a line draws on: 'the value “clarity”', 'your audience (...)'."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from branding.design.language import BrandWords, ValueWords, join_naturally, quoted


def value_ref(value: ValueWords) -> str:
    return f'the value {quoted(value.text)}'


def values_ref(values: Sequence[ValueWords]) -> str:
    if len(values) == 1:
        return value_ref(values[0])
    return f'the values {join_naturally(quoted(value.text) for value in values)}'


def audience_ref(words: BrandWords) -> str:
    return f'your audience ({words.audience})'


def industry_ref(words: BrandWords) -> str:
    return f'your industry ({words.industry})'


def action_ref(actions: Iterable[str]) -> str:
    return f'your description ({join_naturally(quoted(action) for action in actions)})'


def name_ref(words: BrandWords) -> str:
    return f'the name {words.name}'


def adjective_refs(value: ValueWords | None) -> tuple[str, ...]:
    return (value_ref(value),) if value else ()
