"""Read a brand value: its noun and adjective forms and, for well-known values (data/brand_values.json), what living
it looks like."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Annotated

from pydantic import BaseModel, Field, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, packaged, read_table
from branding.design.language.cleaning import (
    capitalise_first,
    has_word_chars,
    inline_case,
    plain_text,
    strip_list_marker,
    trim_edge_punctuation,
)
from branding.design.language.counting import _CJK_RUN
from branding.design.language.lexicon import lexicon


@dataclass(frozen=True, kw_only=True, slots=True)
class ValueSense:
    noun: str
    adjective: str
    practice: str  # what living the value looks like, as a clause after 'we': 'say the important thing first'


class _ValueEntry(BaseModel):
    model_config = TABLE_CONFIG

    aliases: Annotated[tuple[str, ...], Field(min_length=1)]  # lower case, as a whole value may be written
    noun: Text
    adjective: Text
    practice: Text

    @field_validator('aliases')
    @classmethod
    def _lower_case(cls, aliases: tuple[str, ...]) -> tuple[str, ...]:
        upper = [alias for alias in aliases if alias != alias.casefold() or not alias.strip()]
        if upper:
            raise ValueError(f'aliases are matched case-folded, so {upper} would never match')
        return aliases


class _ValuesFile(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    values: tuple[_ValueEntry, ...]

    @field_validator('values')
    @classmethod
    def _one_sense_per_alias(cls, values: tuple[_ValueEntry, ...]) -> tuple[_ValueEntry, ...]:
        seen: set[str] = set()
        for index, value in enumerate(values):
            for alias in value.aliases:
                if alias in seen:
                    raise ValueError(f'values[{index}] ({value.noun}): {alias!r} already names an earlier value')
                seen.add(alias)
        return values


@cache
def value_senses(source: DataSource | None = None) -> Mapping[str, ValueSense]:
    """Each alias of a well-known value (case-folded) -> its sense (read-only: it is shared)."""
    table = read_table(source or packaged('brand_values.json'), _ValuesFile)
    return MappingProxyType(
        {
            alias: ValueSense(noun=value.noun, adjective=value.adjective, practice=value.practice)
            for value in table.values
            for alias in value.aliases
        }
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class ValueWords:
    text: str  # as the person wrote it, edge punctuation trimmed: 'Radical transparency'
    inline: str  # as it reads mid-sentence: 'radical transparency'
    noun: str | None  # 'clarity' for 'clear'; None when no noun form is known
    adjective: str | None  # 'clear' for 'clarity'; None when no adjective form is known
    sense: ValueSense | None

    @property
    def title(self) -> str:
        return capitalise_first(self.text)


def _word_class(word: str) -> str:
    folded, lex = word.casefold(), lexicon()
    if folded.endswith(lex.noun_suffixes):
        return 'noun'
    if folded.endswith(lex.adjective_suffixes) or folded in lex.y_adjectives:
        return 'adjective'
    return 'noun'


def read_value(value: str, proper_nouns: Iterable[str] = ()) -> ValueWords | None:
    """A brand value with its noun and adjective forms; None when it has no letters or digits to say."""
    text = trim_edge_punctuation(strip_list_marker(plain_text(value)))
    if not has_word_chars(text):
        return None
    inline = inline_case(text, proper_nouns)
    sense = value_senses().get(text.casefold())
    if sense:
        return ValueWords(text=text, inline=inline, noun=sense.noun, adjective=sense.adjective, sense=sense)
    if ' ' in text or _CJK_RUN.search(text) or not text.isalpha():
        return ValueWords(text=text, inline=inline, noun=inline, adjective=None, sense=None)
    if _word_class(text) == 'adjective':
        return ValueWords(text=text, inline=inline, noun=None, adjective=inline, sense=None)
    return ValueWords(text=text, inline=inline, noun=inline, adjective=None, sense=None)
