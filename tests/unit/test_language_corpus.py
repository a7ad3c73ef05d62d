"""Words across very different companies (bench/corpus.json): each reads as its own sector, no two guidelines are one
template, no tagline pattern crowds the rest, and no kit has an HTML entity, an emoji or another sector's phrasing."""

from __future__ import annotations

import asyncio
from functools import cache

import pytest
import regex
from pydantic import ValidationError

from bench.corpus import corpus_profiles
from bench.language import (
    EXPECTED_SECTORS,
    Kit,
    banned_phrases,
    emoji,
    entities,
    frame,
    make_kits,
    shared_sentences,
    skeleton,
    tagline_patterns,
    top_share,
)
from branding.chain import ProviderChain
from branding.design.language import read_profile
from branding.design.language.sectors import choose_sector, sectors
from branding.models import MAX_NAME_LENGTH, BrandingRequest, BrandKit, CompanyProfile, SectionName
from branding.orchestrator import generate_kit
from branding.sections.guidelines import build_offline_guidelines
from branding.sections.taglines import build_offline_taglines
from branding.sections.taglines.shapes import complete_action
from branding.sections.taglines.sound import is_cliche, sound_score, without_emoji
from branding.settings import Settings
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

SEEDS = (7, 1)


@cache
def corpus_kits(seed: int) -> tuple[Kit, ...]:
    return tuple(make_kits(corpus_profiles(), seed, INSTALLED_FONTS))


def by_name(name: str) -> CompanyProfile:
    return next(profile for profile in corpus_profiles() if profile.name == name)


# --- the corpus and its sectors ---------------------------------------------------------------------------------------


def test_the_corpus_covers_every_sector_with_very_different_companies() -> None:
    profiles = corpus_profiles()
    assert len(profiles) >= 26
    assert set(EXPECTED_SECTORS) == {profile.name for profile in profiles}
    assert set(EXPECTED_SECTORS.values()) == set(sectors())  # every sector, `general` included


def test_each_company_is_filed_under_the_sector_a_reader_would_choose() -> None:
    chosen = {profile.name: choose_sector(profile).name for profile in corpus_profiles()}
    assert chosen == EXPECTED_SECTORS


# --- the corpus figures -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize('seed', SEEDS)
def test_no_two_companies_guidelines_are_one_template(seed: int) -> None:
    shared = shared_sentences(corpus_kits(seed))
    assert shared.average < 0.12
    assert shared.worst < 0.20, shared.worst_pair
    assert shared.everywhere == []


@pytest.mark.parametrize('seed', SEEDS)
def test_no_tagline_pattern_crowds_the_rest(seed: int) -> None:
    kits = corpus_kits(seed)
    lines = [(tagline.text, kit.profile) for kit in kits for tagline in kit.taglines]
    assert top_share(tagline_patterns(list(kits), seed))[0] < 0.10  # the writer's own templates
    assert top_share([skeleton(text, profile) for text, profile in lines])[0] < 0.10  # the profile's words as slots
    assert top_share([frame(text) for text, _ in lines])[0] < 0.10  # only function words kept


@pytest.mark.parametrize('seed', SEEDS)
def test_no_kit_has_an_entity_an_emoji_or_another_sectors_phrasing(seed: int) -> None:
    kits = corpus_kits(seed)
    assert entities(kits) == []
    assert emoji(kits) == []
    assert banned_phrases(kits) == []


def test_the_ampersand_of_a_real_name_stays_an_ampersand() -> None:
    document = next(kit for kit in corpus_kits(7) if kit.profile.name == 'Arbor & Ash Capital').guidelines
    assert document.startswith('# Arbor & Ash Capital brand guidelines')
    assert '&amp;' not in document


# --- sector voice -----------------------------------------------------------------------------------------------------


def _section(document: str, heading: str) -> str:
    return document.split(f'## {heading}')[1].split('\n## ', maxsplit=1)[0]


def test_a_bakery_and_a_bank_speak_in_their_own_moments() -> None:
    bakery = build_offline_guidelines(by_name('Hearthstone Bakery'), None, None, None, 3)
    bank = build_offline_guidelines(by_name('Granite Trust Bank'), None, None, None, 3)

    bakery_places = ('counter', 'menu', 'delivery note', 'social posts')
    bank_places = ('statements', 'app notifications', 'branch signage')
    assert sum(place in _section(bakery, 'Voice and tone').casefold() for place in bakery_places) >= 3
    assert sum(place in _section(bank, 'Voice and tone').casefold() for place in bank_places) >= 2
    assert 'sourdough loaves' in bakery and 'current accounts' in bank  # their own products, quoted
    assert 'neighbours' in bakery and 'households and small businesses' in bank  # their own audiences
    for software in ('Buttons say', 'product screens', 'get things done', 'onboarding', 'workspace'):
        assert software not in bakery


def test_software_phrasing_never_reaches_a_company_outside_software() -> None:
    software = regex.compile(
        r'\b(?:screens|onboarding|buttons?|workspace|users?|dashboard|release notes|context switching|'
        r'free trial|sign up)\b',
        regex.IGNORECASE,
    )
    for kit in corpus_kits(7):
        sector = choose_sector(kit.profile).sector
        own_words = f'{kit.profile.industry} {kit.profile.description}'
        if sector.software or regex.search(r'\b(?:app|dashboard|online)\b', own_words):
            continue  # software sectors, and companies whose own words name an app, a dashboard or a web shop
        found = software.findall(' '.join([kit.guidelines, *(tagline.text for tagline in kit.taglines)]))
        assert found == [], kit.profile.name


def test_other_gets_plain_general_words() -> None:
    profile = by_name('Paws & Suds')
    assert choose_sector(profile).name == 'general'
    document = build_offline_guidelines(profile, None, None, None, 5)
    assert 'self-wash bath' in document
    assert not regex.search(r'\b(?:software|screens|buttons?|app)\b', document, regex.IGNORECASE)


# --- taglines ---------------------------------------------------------------------------------------------------------


def test_taglines_drop_emoji_cliches_and_stay_short() -> None:
    profile = CompanyProfile(
        name='🚀 Rocket Bakes ✨',
        company_type='other',
        industry='Bakery 🥐',
        description='A bakery 🍞 baking sourdough loaves, rye and buns every morning.',
        target_audience='Neighbours 😊',
        brand_values=['warmth 🔥', 'craft'],
        tone='friendly',
    )
    for seed in range(5):
        for tagline in build_offline_taglines(profile, 10, seed):
            assert without_emoji(tagline.text) == tagline.text
            assert not is_cliche(tagline.text)
            assert len(tagline.text.split()) <= 10


def test_cliches_are_ruled_out_and_lines_that_sound_well_rank_higher() -> None:
    assert sound_score('Banking, reimagined.') == 0.0
    assert sound_score('Warm by default.') == 0.0
    assert sound_score('Fresh bread, baked by hand.') > sound_score('Our bread is the bread that you will want to')


def test_a_description_fragment_becomes_a_line_only_when_it_is_a_complete_phrase() -> None:
    assert complete_action('track invoices')
    assert not complete_action('order and shipped flat')
    assert not complete_action('order the')
    profile = CompanyProfile(
        name='Flatbox',
        company_type='ecommerce',
        industry='Furniture',
        description='Flatbox lets you order and shipped flat furniture, assembled in minutes.',
        target_audience='Renters',
        brand_values=['simplicity'],
    )
    for seed in range(5):
        assert all('shipped flat' not in t.text for t in build_offline_taglines(profile, 10, seed))


# --- input ------------------------------------------------------------------------------------------------------------


def _kit(profile: CompanyProfile) -> BrandKit:
    request = BrandingRequest(company_profile=profile, num_variations=3, seed=11)
    chain = ProviderChain([], Settings())
    return asyncio.run(generate_kit(request, chain=chain, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def test_a_long_real_world_name_gives_a_kit() -> None:
    profile = next(profile for profile in corpus_profiles() if len(profile.name) > 140)
    assert len(profile.name) <= MAX_NAME_LENGTH
    kit = _kit(profile)
    assert kit.brand_guidelines and kit.brand_guidelines.startswith(f'# {profile.name} brand guidelines')
    assert len(kit.logos) == 3 and len(kit.taglines) == 3
    with pytest.raises(ValidationError):
        CompanyProfile.model_validate({**profile.model_dump(), 'name': 'x' * (MAX_NAME_LENGTH + 1)})
    with pytest.raises(ValidationError):
        CompanyProfile.model_validate({**profile.model_dump(), 'industry': 'x' * 121})  # industry stays 120


def test_a_profile_without_values_gets_two_to_four_inferred_and_says_so() -> None:
    profile = by_name('Verdant Grid').model_copy(update={'brand_values': []})
    values = read_profile(profile).values
    assert 2 <= len(values) <= 4
    inferred = [value.inline for value in values]
    assert inferred[0] == 'optimism'  # its own word (tone 'optimistic'), then its sector's usual values
    assert set(inferred[1:]) <= set(choose_sector(profile).sector.values)
    kit = _kit(profile)
    assert kit.brand_guidelines is not None
    values_section = _section(kit.brand_guidelines, 'Mission and values')
    assert 'The profile listed no values, so these are read from its description and its sector' in values_section
    for section in (SectionName.GUIDELINES, SectionName.TAGLINES):
        assert 'No brand values were given; inferred from the description and sector' in kit.sections[section].note
    assert 'inferred' not in kit.sections[SectionName.PALETTE].note
    assert _kit(by_name('Verdant Grid')).sections[SectionName.GUIDELINES].note == ''
