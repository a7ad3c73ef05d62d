"""The offline tagline writer's phrase banks (data/tagline_phrases.json), validated once."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, check_keys, check_template, packaged, read_table
from branding.design.language.lexicon import Suffixes, Word
from branding.models import TONES, CompanyType
from branding.sections.taglines.lines import MAX_TAGLINE_WORDS, fits


def _contrast_template(template: str) -> str:
    return check_template(template, ('noun', 'Noun', 'pain'))


def _frame_template(template: str) -> str:
    return check_template(template, ('noun',))


def _fitting_line(line: str) -> str:
    # a longer line would be dropped without a word when the writer reaches for it
    if not fits(line):
        raise ValueError(f'{line!r} is longer than {MAX_TAGLINE_WORDS} words')
    return line


def _known_voices(voices: frozenset[str]) -> frozenset[str]:
    unknown = sorted(voices - set(TONES))
    if unknown:
        raise ValueError(f'unknown voices {unknown}; known: {list(TONES)}')
    return voices


Line = Annotated[Text, AfterValidator(_fitting_line)]
Lines = Annotated[tuple[Line, ...], Field(min_length=1)]
Voices = Annotated[frozenset[str], AfterValidator(_known_voices)]  # voices that favour a frame, each one of TONES


class ImperativeFrame(BaseModel):
    model_config = TABLE_CONFIG

    template: Annotated[Text, AfterValidator(_frame_template)]
    voices: Annotated[Voices, Field(min_length=1)]  # the voices that favour the frame


class TaglinePhrases(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    with_nouns: frozenset[Word]  # value nouns that read naturally after 'with'
    awkward_way_adjectives: frozenset[Word]  # adjectives that do not fit 'The <adjective> way to ...'
    not_after_made: frozenset[Word]  # qualities of people or makers, not states a thing can be 'made' into
    mass_noun_endings: Suffixes  # an industry ending in one reads without an article: 'trucking', 'finance'
    contrast_templates: Annotated[tuple[Annotated[Text, AfterValidator(_contrast_template)], ...], Field(min_length=1)]
    imperative_frames: Annotated[tuple[ImperativeFrame, ...], Field(min_length=1)]
    general_lines: Lines
    cliches: Annotated[tuple[Text, ...], Field(min_length=1)]
    software_pains: frozenset[str]
    fallback_pain: Text  # promised away when no other pain is left: 'without the fuss'
    type_lines: dict[CompanyType, Lines]

    @field_validator('type_lines')
    @classmethod
    def _every_type(cls, table: dict[CompanyType, tuple[str, ...]]) -> dict[CompanyType, tuple[str, ...]]:
        check_keys(table, CompanyType, 'type_lines must cover each CompanyType once')
        return table


@cache
def tagline_phrases(source: DataSource | None = None) -> TaglinePhrases:
    return read_table(source or packaged('tagline_phrases.json'), TaglinePhrases)
