"""What each company type means in copy (data/company_types.json): its word, the pains it promises away, and its usual
action, topic and audience."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from pydantic import BaseModel, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, Texts, check_keys, packaged, read_table
from branding.models import CompanyType


class CompanyTypeWords(BaseModel):
    model_config = TABLE_CONFIG

    word: str  # 'fintech' as in 'a fintech company'; '' when the type has none ('other')
    pains: Texts  # mass nouns, so both 'without the X' and 'Less X.' read well
    action: Text  # what such a company helps with, when the description does not say in a way we can read
    topic: Text
    audience: Text


class _CompanyTypesFile(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    company_types: dict[CompanyType, CompanyTypeWords]

    @field_validator('company_types')
    @classmethod
    def _every_type(cls, table: dict[CompanyType, CompanyTypeWords]) -> dict[CompanyType, CompanyTypeWords]:
        check_keys(table, CompanyType, 'company_types must cover each CompanyType once')
        return table


@cache
def company_types(source: DataSource | None = None) -> Mapping[CompanyType, CompanyTypeWords]:
    """Each company type's words (read-only: it is shared)."""
    return MappingProxyType(read_table(source or packaged('company_types.json'), _CompanyTypesFile).company_types)
