"""The offline brand guidelines' phrase banks (data/guideline_phrases.json), validated once."""

from __future__ import annotations

import re
import string
from functools import cache, partial
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, ValidationInfo, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, check_keys, check_template, packaged, read_table
from branding.design.language.lexicon import Word
from branding.design.palette import BASE_ROLES
from branding.models import CompanyType

# The phrases go into the document unescaped, so none may carry Markdown of its own or start a block.
_MARKDOWN_SIGNIFICANT = frozenset('\\`*_[]<>&|~')
_BLOCK_START = re.compile(r'[#+=-]|\d+[.)]')


def _plain(text: str) -> str:
    literal = ''.join(part for part, _, _, _ in string.Formatter().parse(text))  # {field} names may hold '_'
    found = sorted(set(literal) & _MARKDOWN_SIGNIFICANT)
    if found:
        raise ValueError(f'{text!r} uses Markdown-significant characters {found}')
    if _BLOCK_START.match(text):
        raise ValueError(f'{text!r} would start a Markdown block of its own')
    return text


def _filled_with(*fields: str) -> AfterValidator:
    return AfterValidator(partial(check_template, allowed=fields))


Prose = Annotated[Text, AfterValidator(_plain)]
_APPLICATION_FIELDS = ('brand', 'audience', 'action', 'tagline', 'primary', 'accent', 'in_heading', 'in_body')


class Moment(BaseModel):
    model_config = TABLE_CONFIG

    label: Prose
    text: Annotated[Prose, _filled_with('audience', 'action')]


class LogoRule(BaseModel):
    model_config = TABLE_CONFIG

    label: Prose
    text: Annotated[
        Prose, _filled_with('symbol_clear_space', 'min_logo_px', 'min_logo_mm', 'min_symbol_px', 'colour_rule', 'font')
    ]


class Application(BaseModel):
    model_config = TABLE_CONFIG

    title: Prose
    text: Annotated[Prose, _filled_with(*_APPLICATION_FIELDS, 'min_logo_px')]


class Interim(BaseModel):
    """Short advice for what the kit does not have yet."""

    model_config = TABLE_CONFIG

    no_values: Prose
    no_palette: Prose
    no_typography: Prose
    no_palette_or_typography: Prose


class GuidelinePhrases(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    category_words: frozenset[Word]  # an industry ending in one already says what the company is
    plural_category_words: frozenset[Word]  # ... and one ending in these is followed by 'company'
    type_categories: dict[CompanyType, Prose]  # what the company is, after its industry: 'personal finance service'
    moments: Annotated[tuple[Moment, ...], Field(min_length=1)]
    role_uses: dict[str, Prose]
    interim: Interim
    logo_rules: Annotated[tuple[LogoRule, ...], Field(min_length=1)]
    logo_misuse: Annotated[tuple[Annotated[Prose, _filled_with('recolour')], ...], Field(min_length=1)]
    dos: tuple[Prose, ...]
    donts: tuple[Annotated[Prose, _filled_with('voice_rule')], ...]
    applications: dict[str, Application]
    type_applications: dict[CompanyType, Annotated[tuple[str, ...], Field(min_length=1)]]

    @field_validator('type_categories')
    @classmethod
    def _every_type(cls, table: dict[CompanyType, str]) -> dict[CompanyType, str]:
        check_keys(table, CompanyType, 'type_categories must cover each CompanyType once')
        return table

    @field_validator('role_uses')
    @classmethod
    def _every_role(cls, table: dict[str, str]) -> dict[str, str]:
        check_keys(table, BASE_ROLES, 'role_uses must cover each palette role once')
        return table

    @field_validator('type_applications')
    @classmethod
    def _known_applications(
        cls, table: dict[CompanyType, tuple[str, ...]], info: ValidationInfo
    ) -> dict[CompanyType, tuple[str, ...]]:
        check_keys(table, CompanyType, 'type_applications must cover each CompanyType once')
        known = info.data.get('applications', {})  # absent when the applications themselves were malformed
        for kind, keys in table.items():
            unknown = [key for key in keys if key not in known]
            if known and unknown:
                raise ValueError(f'{kind.value}: {unknown} are not among the applications')
        return table


@cache
def guideline_phrases(source: DataSource | None = None) -> GuidelinePhrases:
    return read_table(source or packaged('guideline_phrases.json'), GuidelinePhrases)
