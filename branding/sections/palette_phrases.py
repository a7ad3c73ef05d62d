"""The palette section's words (data/palette_phrases.json), validated once."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, check_keys, check_template, packaged, read_table
from branding.design.palette import BASE_ROLES, HARMONIES


def _named_by_role(template: str) -> str:
    return check_template(template, BASE_ROLES)


class PalettePhrases(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    harmonies: dict[str, Text]  # what each harmony looks like, after its name: 'an analogous harmony (...)'
    secondary_placements: dict[str, Text]  # where each harmony puts the secondary: 'The secondary sits ...'
    role_usage: dict[str, Text]
    role_notes: dict[str, Text]  # the last sentence of a role's psychology note, for the roles that have one
    usage_guidelines: Annotated[Text, AfterValidator(_named_by_role)]

    @field_validator('harmonies', 'secondary_placements')
    @classmethod
    def _every_harmony(cls, table: dict[str, str]) -> dict[str, str]:
        check_keys(table, HARMONIES, 'harmonies must describe each harmony of branding.design.palette')
        return table

    @field_validator('role_usage')
    @classmethod
    def _every_role(cls, table: dict[str, str]) -> dict[str, str]:
        check_keys(table, BASE_ROLES, 'role_usage must cover each palette role once')
        return table

    @field_validator('role_notes')
    @classmethod
    def _known_roles(cls, table: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(table) - set(BASE_ROLES))
        if unknown:
            raise ValueError(f'unknown roles {unknown}; known: {list(BASE_ROLES)}')
        return table


@cache
def palette_phrases(source: DataSource | None = None) -> PalettePhrases:
    return read_table(source or packaged('palette_phrases.json'), PalettePhrases)
