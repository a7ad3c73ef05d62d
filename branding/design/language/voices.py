"""The brand voices (data/voices.json): how each one sounds, the tone words that point to it, its rules and its
example templates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, PositiveFloat, field_validator

from branding.design.data_files import (
    TABLE_CONFIG,
    DataSource,
    Text,
    Texts,
    check_keys,
    check_template,
    packaged,
    read_table,
)
from branding.design.language.lexicon import Word
from branding.models import TONES

TAGLINE_FAMILIES = ('triad', 'contrast', 'promise', 'imperative', 'audience', 'name', 'sector')
DEFAULT_VOICE = 'professional'
# What `voice_facts` fills in, so the only {fields} a trait or an example template may use.
FACT_FIELDS = frozenset(
    {
        'name',
        'audience',
        'audience_cap',
        'action',
        'action_cap',
        'action_ing',
        'topic',
        'topic_cap',
        'value',
        'value_cap',
        'industry',
    }
)


@dataclass(frozen=True, kw_only=True, slots=True)
class Voice:
    """How a brand sounds. Trait meanings and example templates take the fields of FACT_FIELDS."""

    name: str
    summary: str
    cues: frozenset[str]  # words in a free-text tone that point to this voice
    cue_stems: tuple[str, ...]  # prefixes for families of such words ('sophisticat' -> sophisticated, sophistication)
    traits: tuple[tuple[str, str], ...]  # (trait, what it means for the brand)
    adjectives: tuple[str, ...]  # fallbacks for 'X, made <adjective>'
    closers: tuple[str, ...]  # last beat of a value triad
    pains: tuple[str, ...]  # what the voice likes to promise away, mass nouns ('without the fuss', 'less fuss')
    family_weights: Mapping[str, float]
    rules_do: tuple[str, ...]
    rules_dont: tuple[str, ...]
    do_examples: tuple[str, ...]
    dont_examples: tuple[str, ...]
    words_to_avoid: tuple[str, ...]


def _fact_template(template: str) -> str:
    return check_template(template, FACT_FIELDS)


FactTemplate = Annotated[Text, AfterValidator(_fact_template)]
FactTemplates = Annotated[tuple[FactTemplate, ...], Field(min_length=1)]


class _Trait(BaseModel):
    model_config = TABLE_CONFIG

    trait: Text
    meaning: FactTemplate


class _VoiceEntry(BaseModel):
    model_config = TABLE_CONFIG

    cues: Annotated[frozenset[Word], Field(min_length=1)]
    cue_stems: tuple[Word, ...]
    traits: Annotated[tuple[_Trait, ...], Field(min_length=1)]
    adjectives: Texts
    closers: Texts
    pains: Texts
    family_weights: dict[str, PositiveFloat]  # only the patterns weighted otherwise than 1.0
    rules_do: Texts
    rules_dont: Texts
    do_examples: FactTemplates
    dont_examples: FactTemplates
    words_to_avoid: Texts

    @field_validator('family_weights')
    @classmethod
    def _known_families(cls, weights: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(weights) - set(TAGLINE_FAMILIES))
        if unknown:
            raise ValueError(f'unknown tagline families {unknown}; known: {list(TAGLINE_FAMILIES)}')
        return weights


class _VoicesFile(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    voices: dict[str, _VoiceEntry]  # in ranking order: ties in a tone are broken by it

    @field_validator('voices')
    @classmethod
    def _every_tone(cls, voices: dict[str, _VoiceEntry]) -> dict[str, _VoiceEntry]:
        check_keys(voices, TONES, 'voices must be exactly the tones of branding.models.TONES')
        return voices


@cache
def voices(source: DataSource | None = None) -> Mapping[str, Voice]:
    """Every voice by name, in the file's order (read-only: it is shared)."""
    table = read_table(source or packaged('voices.json'), _VoicesFile)
    return MappingProxyType({name: _voice(name, entry) for name, entry in table.voices.items()})


def _voice(name: str, entry: _VoiceEntry) -> Voice:
    return Voice(
        name=name,
        summary=TONES[name],
        cues=entry.cues,
        cue_stems=entry.cue_stems,
        traits=tuple((trait.trait, trait.meaning) for trait in entry.traits),
        adjectives=entry.adjectives,
        closers=entry.closers,
        pains=entry.pains,
        family_weights=MappingProxyType({family: entry.family_weights.get(family, 1.0) for family in TAGLINE_FAMILIES}),
        rules_do=entry.rules_do,
        rules_dont=entry.rules_dont,
        do_examples=entry.do_examples,
        dont_examples=entry.dont_examples,
        words_to_avoid=entry.words_to_avoid,
    )
