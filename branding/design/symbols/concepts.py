"""What a logo symbol can mean (data/symbol_concepts.json): concepts with the words that evoke them and the icons that
draw them, the sectors clichés are kept to, and the defaults used when no word of a profile evokes anything."""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, Field, model_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, check_keys, check_template, packaged, read_table
from branding.models import CompanyType

# A concept id or sector id: a short snake_case key the code and tests name.
Key = Annotated[str, Field(pattern=r'^[a-z][a-z0-9_]*$')]
IconName = Annotated[str, Field(pattern=r'^[a-z0-9]+(-[a-z0-9]+)*$')]

MIN_STEM = 3  # 'bak*' matches baker, bakery, baked; shorter stems match half the dictionary
MAX_PHRASE_WORDS = 3


def fold(word: str) -> str:
    """Lower case without accents, as words are compared: 'Café' -> 'cafe', 'Bäckerei' -> 'backerei'."""
    decomposed = unicodedata.normalize('NFKD', word.casefold())
    return ''.join(char for char in decomposed if not unicodedata.combining(char))


def _table_word(word: str) -> str:
    # Matched against folded single tokens or runs of them: anything else could never match and would hide a typo.
    stem = word.removesuffix('*')
    parts = stem.split(' ')
    if (
        word != word.strip()
        or fold(word) != word
        or not all(part and part.isalnum() for part in parts)
        or len(parts) > MAX_PHRASE_WORDS
        or (word.endswith('*') and (len(parts) > 1 or len(stem) < MIN_STEM))
    ):
        raise ValueError(
            f'{word!r} is not a lower-case word without accents, a phrase of up to {MAX_PHRASE_WORDS} words, '
            f'or a stem of {MIN_STEM}+ letters ending in *'
        )
    return word


TableWord = Annotated[str, AfterValidator(_table_word)]
TableWords = Annotated[tuple[TableWord, ...], Field(min_length=1)]
Strength = Annotated[float, Field(gt=0, le=2)]
RationaleKey = Literal[
    'name_part', 'name_whole', 'industry', 'description', 'audience', 'values', 'sector', 'company_type', 'icon'
]
RATIONALE_FIELDS = ('label', 'word', 'name', 'sector')


class Concept(BaseModel):
    model_config = TABLE_CONFIG

    label: Text  # a noun phrase with its article, as a rationale says it: 'a wave'
    icons: Annotated[tuple[IconName, ...], Field(min_length=1)]  # the Tabler icons that draw it, best first
    words: TableWords  # words, stems ('bak*') and phrases ('credit union') that evoke it
    only_for: tuple[Key, ...] = ()  # a cliché: allowed only in these sectors...
    literal: tuple[TableWord, ...] = ()  # ...or when the name says the thing itself ('Keystone', 'Aegis')
    strength: Strength = 1.0  # below 1 for concepts that say little about a company even when a word matches
    interchangeable: Annotated[int, Field(ge=1)] = 1  # the first N icons are equally good: the seed picks

    @model_validator(mode='after')
    def _consistent(self) -> Concept:
        if len(set(self.icons)) != len(self.icons):
            raise ValueError(f'an icon is listed twice: {list(self.icons)}')
        if bool(self.only_for) != bool(self.literal):
            raise ValueError('a cliché (only_for) names its literal words, and only a cliché does')
        if not set(self.literal) <= set(self.words):
            raise ValueError(
                f'literal words that are not among its words: {sorted(set(self.literal) - set(self.words))}'
            )
        return self


class Sector(BaseModel):
    model_config = TABLE_CONFIG

    title: Text  # as a rationale names it: 'a familiar sign of {title}'
    words: TableWords
    company_types: tuple[CompanyType, ...] = ()
    defaults: tuple[Key, ...] = ()  # concepts to use when no word of the profile evokes one


class TypeDefaults(BaseModel):
    model_config = TABLE_CONFIG

    title: Text
    concepts: tuple[Key, ...]


class ConceptTable(BaseModel):
    """data/symbol_concepts.json as validated: every reference resolves, every template uses known fields."""

    model_config = TABLE_CONFIG

    about: str
    rationales: dict[RationaleKey, Text]
    ignored_words: frozenset[TableWord]  # never read for a symbol: 'inc', 'the'
    # read for a symbol only in the name or industry: in a description they are mostly verbs or figures of speech
    # ('patches that flag irregular rhythms', 'bridge the gap', 'the key to growth')
    figurative_words: frozenset[TableWord] = frozenset()
    company_words: frozenset[TableWord]  # in a name they say what kind of company it is: weighed as the industry
    name_parts: frozenset[TableWord]  # evoke nothing, but let a name split into its parts: 'bright', 'view'
    plurals: dict[TableWord, TableWord]  # irregular plurals: 'leaves' -> 'leaf'
    sectors: dict[Key, Sector]
    company_type_defaults: dict[CompanyType, TypeDefaults]
    concepts: dict[Key, Concept]

    @model_validator(mode='after')
    def _references_resolve(self) -> ConceptTable:
        check_keys(self.rationales, get_args(RationaleKey), 'rationales must cover each kind of reason once')
        for template in self.rationales.values():
            check_template(template, RATIONALE_FIELDS)
        check_keys(self.company_type_defaults, CompanyType, 'company_type_defaults must cover each CompanyType once')
        defaults = [sector.defaults for sector in self.sectors.values()]
        defaults += [entry.concepts for entry in self.company_type_defaults.values()]
        unknown = sorted(
            {
                f'sector {key!r}'
                for concept in self.concepts.values()
                for key in concept.only_for
                if key not in self.sectors
            }
            | {f'concept {key!r}' for keys in defaults for key in keys if key not in self.concepts}
        )
        if unknown:
            raise ValueError(f'unknown {", ".join(unknown)}')
        return self


@cache
def concept_table(source: DataSource | None = None) -> ConceptTable:
    return read_table(source or packaged('symbol_concepts.json'), ConceptTable)
