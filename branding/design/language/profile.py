"""Read a company profile once into the words the copy engine writes with (BrandWords)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from branding.design.language.brand_values import ValueWords, read_value, value_senses
from branding.design.language.cleaning import has_word_chars, plain_text
from branding.design.language.company_types import company_types
from branding.design.language.counting import count_words
from branding.design.language.description import read_description
from branding.design.language.products import read_products
from branding.design.language.sectors import Sector, choose_sector, sectors
from branding.design.language.short_phrases import is_plural_phrase, short_phrase
from branding.design.language.tokens import keywords, proper_nouns_in
from branding.design.language.tone import rank_voices
from branding.design.language.voices import Voice
from branding.models import CompanyProfile, CompanyType

MAX_NAME_WORDS_IN_TAGLINE = 4
_TRAILING_AGE = regex.compile(r'(?:\s+(?:aged|ages|age|from))?\s+\d+$')  # 'children aged 4', cut from '... 4 to 8'
INFERRED_VALUES = 3  # two to four: what the profile's words show, topped up from its sector's usual values


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
    sector_name: str  # the sector the industry and description point to (data/sectors.json)
    products: tuple[str, ...]  # what the company makes or offers, from the description: 'sourdough loaves'
    values_inferred: bool = False  # the profile listed no values, so `values` were read from its words

    @property
    def sector(self) -> Sector:
        return sectors()[self.sector_name]

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
    if count_words(name) <= MAX_NAME_WORDS_IN_TAGLINE:  # a federation's long name is no list of proper nouns
        proper |= {word.casefold() for word in name.split(' ') if word}
    reading = read_description(profile.description, name, proper)
    audience = _TRAILING_AGE.sub('', short_phrase(profile.target_audience, proper_nouns=proper)) or short_phrase(
        reading.helped, proper_nouns=proper
    )
    sector = choose_sector(profile)
    raw_values = profile.brand_values or infer_values(profile, sector.sector)
    values = tuple(value for raw in raw_values if (value := read_value(raw, proper)))
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
        sector_name=sector.name,
        products=read_products(profile.description, name),
        values_inferred=not profile.brand_values,
    )


def infer_values(profile: CompanyProfile, sector: Sector) -> list[str]:
    """Values for a profile that lists none: the well-known values its own words name ('sustainable' ->
    sustainability), in the order they appear, topped up from its sector's usual values to INFERRED_VALUES."""
    senses = value_senses()
    by_adjective = {sense.adjective.casefold(): sense.noun for sense in senses.values()}
    found: list[str] = []
    text = ' '.join((profile.industry, profile.description, profile.tone))  # the company's words, not its audience's
    for word in (word.casefold() for word in keywords_text(text)):
        noun = senses[word].noun if word in senses else by_adjective.get(word)
        if noun and noun not in found:
            found.append(noun)
    for value in sector.values:
        if len(found) >= INFERRED_VALUES:
            break
        if value not in found:
            found.append(value)
    return found[: INFERRED_VALUES + 1]


def keywords_text(text: str) -> list[str]:
    return [word.strip('.,;:!?()\'"') for word in plain_text(text).split()]


def inferred_values_notes(profile: CompanyProfile) -> list[str]:
    """The provenance note for a section written from inferred values; none when the profile lists its own."""
    if profile.brand_values:
        return []
    values = [value.inline for value in read_profile(profile).values]
    if not values:
        return []
    return [f'No brand values were given; inferred from the description and sector: {", ".join(values)}.']
