"""Read a company profile once into the words the copy engine writes with (BrandWords)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from branding.design.language.brand_values import ValueWords, read_value
from branding.design.language.cleaning import has_word_chars, plain_text
from branding.design.language.company_types import company_types
from branding.design.language.counting import count_words
from branding.design.language.description import read_description
from branding.design.language.short_phrases import is_plural_phrase, short_phrase
from branding.design.language.tokens import keywords, proper_nouns_in
from branding.design.language.tone import rank_voices
from branding.design.language.voices import Voice
from branding.models import CompanyProfile, CompanyType

MAX_NAME_WORDS_IN_TAGLINE = 4


@dataclass(frozen=True, kw_only=True, slots=True)
class BrandWords:
    """The profile as the copy engine reads it. Empty strings mean 'nothing usable', never a placeholder."""

    name: str  # the company name as written, markup removed; '' when it has no letters or digits
    industry: str  # short, mid-sentence case: 'personal finance'
    audience: str  # short, mid-sentence case: 'freelancers and independent creatives'
    audience_is_plural: bool
    values: tuple[ValueWords, ...]
    actions: tuple[str, ...]  # base-form verb phrases from the description: 'track invoices'
    objects: tuple[str, ...]  # what the actions act on: 'invoices'
    keywords: tuple[str, ...]
    first_sentence: str
    voices: tuple[Voice, ...]  # from the tone, strongest first
    company_type: CompanyType

    @property
    def voice(self) -> Voice:
        return self.voices[0]

    @property
    def name_fits_tagline(self) -> bool:
        return bool(self.name) and count_words(self.name) <= MAX_NAME_WORDS_IN_TAGLINE

    @property
    def type_word(self) -> str:
        return company_types()[self.company_type].word


def read_profile(profile: CompanyProfile) -> BrandWords:
    """The profile's words, read once per distinct profile (taglines and guidelines of one kit share the reading)."""
    return _read_profile_json(profile.model_dump_json())


@lru_cache(maxsize=256)
def _read_profile_json(profile_json: str) -> BrandWords:
    profile = CompanyProfile.model_validate_json(profile_json)
    name = plain_text(profile.name).rstrip(',;:-–—').rstrip()  # 'Acme:' would leave 'Think Acme:.'
    name = name if has_word_chars(name) else ''
    proper = proper_nouns_in([profile.description, profile.industry, profile.target_audience])
    proper |= {word.casefold() for word in name.split(' ') if word}
    reading = read_description(profile.description, name, proper)
    audience = short_phrase(profile.target_audience, proper_nouns=proper) or short_phrase(
        reading.helped, proper_nouns=proper
    )
    values = tuple(value for raw in profile.brand_values if (value := read_value(raw, proper)))
    name_words = {word.casefold() for word in name.split(' ')}
    action_words = {word.casefold() for action in reading.actions for word in action.split(' ')[:1]}
    found_keywords = keywords(
        profile.description, profile.industry, exclude=name_words | action_words, proper_nouns=proper
    )
    return BrandWords(
        name=name,
        industry=short_phrase(profile.industry, proper_nouns=proper, stop_at=('for',)),  # 'for ...' is the audience
        audience=audience,
        audience_is_plural=is_plural_phrase(audience),
        values=values,
        actions=reading.actions,
        objects=reading.objects,
        keywords=tuple(found_keywords),
        first_sentence=reading.first_sentence,
        voices=tuple(rank_voices(profile.tone)),
        company_type=profile.company_type,
    )
