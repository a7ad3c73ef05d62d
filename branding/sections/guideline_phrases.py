"""The offline brand guidelines' phrase banks (data/guideline_phrases.json), validated once."""

from __future__ import annotations

from functools import cache, partial
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, ValidationInfo, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, check_keys, check_template, packaged, read_table
from branding.design.language.lexicon import Word
from branding.design.language.sectors import plain_prose
from branding.design.palette import BASE_ROLES
from branding.models import CompanyType


def _filled_with(*fields: str) -> AfterValidator:
    return AfterValidator(partial(check_template, allowed=fields))


Prose = Annotated[Text, AfterValidator(plain_prose)]
_APPLICATION_FIELDS = ('brand', 'audience', 'action', 'tagline', 'primary', 'accent', 'in_heading', 'in_body')


class LogoRule(BaseModel):
    model_config = TABLE_CONFIG

    label: Prose
    text: Annotated[
        Prose,
        _filled_with(
            'symbol_clear_space',
            'min_logo_px',
            'min_logo_mm',
            'min_symbol_px',
            'colour_rule',
            'font',
            'places',
            'files',
        ),
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
    inferred_values: Annotated[Prose, _filled_with('values')]


class GuidelinePhrases(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    category_words: frozenset[Word]  # an industry ending in one already says what the company is
    plural_category_words: frozenset[Word]  # ... and one ending in these is followed by 'company'
    type_categories: dict[CompanyType, Prose]  # what the company is, after its industry: 'personal finance service'
    role_uses: dict[str, Prose]
    interim: Interim
    logo_rules: Annotated[tuple[LogoRule, ...], Field(min_length=1)]
    logo_misuse: Annotated[
        tuple[Annotated[Prose, _filled_with('recolour', 'place', 'product')], ...], Field(min_length=1)
    ]
    dos: tuple[Annotated[Prose, _filled_with('place', 'product', 'audience')], ...]
    donts: tuple[Annotated[Prose, _filled_with('voice_rule', 'place', 'product')], ...]
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
