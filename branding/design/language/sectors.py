"""The sectors the copy engine writes for (data/sectors.json), and how a profile chooses one.

A sector is content, not code: its vocabulary, the moments where its brand speaks (a bakery's counter and delivery
note, a bank's statements and branch signs), its rules and example sentences, its imagery and accessibility notes, its
applications and its tagline templates. The profile's industry, description and audience choose it by the sector's
cues; its company type breaks a tie; `general` covers the rest without any software phrasing.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, partial
from types import MappingProxyType
from typing import Annotated

import regex
from pydantic import AfterValidator, BaseModel, Field, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, check_keys, check_template, packaged, read_table
from branding.models import CompanyProfile, CompanyType

GENERAL = 'general'
# what a profile field's match is worth: the industry says what the company is, the audience only who it serves
_FIELD_WEIGHTS = (('industry', 3.0), ('description', 1.0), ('target_audience', 0.5))
_TYPE_BONUS = 2.0
_MIN_PREFIX_CUE = 4  # a cue this long matches the start of a word ('bak' would match 'bake' and 'baking' both)

# Phrases go into Markdown unescaped, so none may carry Markdown of its own or start a block.
_MARKDOWN_SIGNIFICANT = frozenset('\\`*_[]<>&|~')
_BLOCK_START = re.compile(r'[#+=-]|\d+[.)]')
TEXT_FIELDS = ('name', 'brand', 'audience', 'product', 'value', 'Value')
APPLICATION_FIELDS = (*TEXT_FIELDS, 'tagline', 'primary', 'accent', 'in_heading', 'in_body')
TAGLINE_FIELDS = ('name', 'Name', 'audience', 'product', 'Product', 'value', 'Value')


def plain_prose(text: str) -> str:
    """`text` when it has no Markdown-significant character outside its {fields} and starts no Markdown block."""
    literal = ''.join(part for part, _, _, _ in string.Formatter().parse(text))  # {field} names may hold '_'
    found = sorted(set(literal) & _MARKDOWN_SIGNIFICANT)
    if found:
        raise ValueError(f'{text!r} uses Markdown-significant characters {found}')
    if _BLOCK_START.match(text):
        raise ValueError(f'{text!r} would start a Markdown block of its own')
    return text


def _filled_with(*fields: str) -> AfterValidator:
    return AfterValidator(partial(check_template, allowed=fields))


Prose = Annotated[Text, AfterValidator(plain_prose)]
SectorText = Annotated[Prose, _filled_with(*TEXT_FIELDS)]
SectorTexts = Annotated[tuple[SectorText, ...], Field(min_length=1)]


class LabelledText(BaseModel):
    model_config = TABLE_CONFIG

    label: Prose
    text: SectorText


class Application(BaseModel):
    model_config = TABLE_CONFIG

    title: Prose
    text: Annotated[Prose, _filled_with(*APPLICATION_FIELDS)]
    needs: tuple[str, ...] = ()  # cues, one of which the profile must show ('app' for screens children use)


class TaglineTemplate(BaseModel):
    model_config = TABLE_CONFIG

    id: Annotated[str, Field(pattern=r'^[a-z0-9_]+\.[a-z0-9_]+$')]
    template: Annotated[Text, _filled_with(*TAGLINE_FIELDS)]
    needs: tuple[str, ...] = ()  # cues, one of which the profile must show ('bakery' for 'Baked before you wake.')


class Sector(BaseModel):
    model_config = TABLE_CONFIG

    label: Text
    software: bool  # whether software phrasing (screens, onboarding, release notes) belongs here
    cues: tuple[str, ...]
    types: tuple[CompanyType, ...]  # company types that point here when no cue does
    offer: Text  # what the company offers when the description names nothing: 'accounts and savings'
    customers: Text  # who it serves when the profile does not say: 'regulars', 'policyholders'
    places: Annotated[tuple[Prose, ...], Field(min_length=3)]  # where the brand shows up: 'the counter', 'statements'
    vocabulary: Annotated[tuple[Prose, ...], Field(min_length=3)]
    avoid: Annotated[tuple[Prose, ...], Field(min_length=2)]
    moments: Annotated[tuple[LabelledText, ...], Field(min_length=3)]
    rules_do: SectorTexts
    rules_dont: SectorTexts
    do_examples: Annotated[tuple[SectorText, ...], Field(min_length=2)]
    dont_examples: Annotated[tuple[SectorText, ...], Field(min_length=2)]
    imagery: SectorTexts
    accessibility: SectorTexts
    applications: Annotated[tuple[Application, ...], Field(min_length=3)]
    taglines: Annotated[tuple[TaglineTemplate, ...], Field(min_length=3)]
    values: Annotated[tuple[Text, ...], Field(min_length=2)]  # inferred when a profile lists none
    intro: SectorText
    mission: SectorText

    @field_validator('cues')
    @classmethod
    def _lower_case(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        upper = [cue for cue in cues if cue != cue.casefold() or not cue.strip()]
        if upper:
            raise ValueError(f'cues are matched case-folded, so {upper} would never match')
        return cues


class _SectorsFile(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    sectors: dict[str, Sector]

    @field_validator('sectors')
    @classmethod
    def _general_and_types(cls, sectors: dict[str, Sector]) -> dict[str, Sector]:
        if GENERAL not in sectors:
            raise ValueError(f'the {GENERAL!r} sector is the fallback and must be there')
        owners: dict[CompanyType, str] = {}
        for name, sector in sectors.items():
            for kind in sector.types:
                if kind in owners:
                    raise ValueError(f'{name}: type {kind.value!r} already points to {owners[kind]!r}')
                owners[kind] = name
        check_keys(owners, CompanyType, 'sector types must cover each CompanyType once')
        ids = [template.id for sector in sectors.values() for template in sector.taglines]
        repeated = sorted({tagline_id for tagline_id in ids if ids.count(tagline_id) > 1})
        if repeated:
            raise ValueError(f'tagline template ids must be unique: {repeated}')
        return sectors


@dataclass(frozen=True, kw_only=True, slots=True)
class SectorChoice:
    name: str
    sector: Sector
    score: float  # 0.0 when the company type or the fallback chose it


@cache
def sectors(source: DataSource | None = None) -> Mapping[str, Sector]:
    """Every sector by name, in the file's order (read-only: it is shared)."""
    return MappingProxyType(read_table(source or packaged('sectors.json'), _SectorsFile).sectors)


_WORDS = regex.compile(r'[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*')


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORDS.findall(text)]


def cue_count(cue: str, words: list[str], joined: str) -> int:
    """How often a cue occurs among `words` (`joined` is them with single spaces, padded with one on each side)."""
    if ' ' in cue:
        return joined.count(f' {cue} ') + joined.count(f' {cue}')  # a phrase, also as the start of a longer word
    if len(cue) >= _MIN_PREFIX_CUE:
        return sum(1 for word in words if word.startswith(cue))
    return sum(1 for word in words if word == cue)


def shows_cue(text: str, cues: tuple[str, ...]) -> bool:
    words = _words(text)
    joined = f' {" ".join(words)} '
    return any(cue_count(cue, words, joined) for cue in cues)


def _score(sector: Sector, fields: list[tuple[list[str], str, float]]) -> float:
    score = 0.0
    for words, joined, weight in fields:
        score += weight * sum(min(cue_count(cue, words, joined), 2) for cue in sector.cues)
    return score


def choose_sector(profile: CompanyProfile) -> SectorChoice:
    """The sector whose cues the profile shows most (industry counting most), the company type adding to its own;
    the company type's sector when no cue is shown, and `general` for `other` with no cue."""
    table = sectors()
    fields = []
    for field, weight in _FIELD_WEIGHTS:
        words = _words(str(getattr(profile, field)))
        fields.append((words, f' {" ".join(words)} ', weight))
    best, best_score = '', 0.0
    for name, sector in table.items():
        cue_score = _score(sector, fields)
        score = cue_score + (_TYPE_BONUS if profile.company_type in sector.types and cue_score else 0.0)
        if score > best_score:
            best, best_score = name, score
    if best:
        return SectorChoice(name=best, sector=table[best], score=best_score)
    for name, sector in table.items():
        if profile.company_type in sector.types:
            return SectorChoice(name=name, sector=sector, score=0.0)
    return SectorChoice(name=GENERAL, sector=table[GENERAL], score=0.0)
