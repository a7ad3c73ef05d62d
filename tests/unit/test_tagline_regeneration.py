"""Taglines made again say something new: the offline writer leaves out the kit's lines while the profile's words
write others (before, "Regenerate taglines" often showed a line the kit already had, its star kept), a locked line is
not repeated by the new ones, a thin profile still gets as many lines as asked, and a kit made from scratch is
written as before."""

from __future__ import annotations

import asyncio

import pytest

from bench.corpus import corpus_profiles
from branding.chain import ProviderChain
from branding.models import BrandingRequest, BrandKit, CompanyProfile, CompanyType, SectionName
from branding.orchestrator import generate_kit, regenerate_section
from branding.refine.rest import Rest, regenerate_rest
from branding.sections.taglines import build_offline_taglines, dedupe_key
from branding.settings import Settings
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

OFFLINE = ProviderChain([], Settings())
PROFILES = corpus_profiles()
COUNT = 3
# a one-letter name saying little: the writer has fewer lines for it than for a corpus company
THIN = CompanyProfile(
    name='Q',
    company_type=CompanyType.OTHER,
    industry='Services',
    description='We help.',
    target_audience='People',
    brand_values=[],
)


def make(profile: CompanyProfile, seed: int = 1, count: int = COUNT) -> tuple[BrandingRequest, BrandKit]:
    request = BrandingRequest(company_profile=profile, num_variations=count, seed=seed)
    return request, asyncio.run(generate_kit(request, chain=OFFLINE, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def regenerated(request: BrandingRequest, kit: BrandKit, seed: int) -> BrandKit:
    section = SectionName.TAGLINES
    done = regenerate_section(request, kit, section, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS, seed=seed)
    return asyncio.run(done).kit


def keys(kit: BrandKit) -> set[str]:
    return {dedupe_key(tagline.text) for tagline in kit.taglines}


@pytest.mark.parametrize('profile', PROFILES, ids=[profile.name[:30] for profile in PROFILES])
def test_taglines_made_again_are_all_new_lines(profile: CompanyProfile) -> None:
    request, kit = make(profile)
    for seed in (2, 3, 4):
        again = regenerated(request, kit.model_copy(deep=True), seed)
        assert len(again.taglines) == COUNT
        assert keys(again).isdisjoint(keys(kit)), f'seed {seed} repeats {keys(again) & keys(kit)}'
        assert len(keys(again)) == COUNT


def test_a_kit_made_from_scratch_is_written_as_before() -> None:
    for profile in PROFILES[:10]:
        for seed in (1, 2):
            plain = build_offline_taglines(profile, 5, seed)
            assert build_offline_taglines(profile, 5, seed, avoid=frozenset()) == plain
            # avoiding a line no profile writes changes nothing either
            assert build_offline_taglines(profile, 5, seed, avoid=frozenset({'no such line at all'})) == plain


def test_a_thin_profile_still_gets_every_line_it_asked_for() -> None:
    written = build_offline_taglines(THIN, 10, 1)
    everything = frozenset(dedupe_key(tagline.text) for tagline in written)
    again = build_offline_taglines(THIN, 10, 2, avoid=everything)
    assert len(again) == 10
    assert len({dedupe_key(tagline.text) for tagline in again}) == 10, 'distinct, old lines coming back last'


def test_the_rest_made_again_around_a_locked_line_does_not_repeat_it() -> None:
    bakery = next(profile for profile in PROFILES if profile.name == 'Hearthstone Bakery')
    request, kit = make(bakery, count=5)
    locked = kit.taglines[2]
    kit.locks = [f'{SectionName.TAGLINES}.{locked.id}', SectionName.PALETTE, SectionName.TYPOGRAPHY, SectionName.LOGOS]
    rest = Rest(request=request, seed=9, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    again = asyncio.run(regenerate_rest(kit.model_copy(deep=True), rest))
    assert again.taglines[2] == locked
    others = [dedupe_key(tagline.text) for position, tagline in enumerate(again.taglines) if position != 2]
    assert dedupe_key(locked.text) not in others
    assert set(others).isdisjoint(keys(kit)), 'the unlocked lines are new too'


def test_a_thin_profile_brings_back_earlier_versions_lines_before_the_ones_on_screen() -> None:
    # every line the writer has for this seed: asked again and again, each time to avoid all it said before
    pool: set[str] = set()
    while True:
        said = {dedupe_key(line.text) for line in build_offline_taglines(THIN, 10, 99, avoid=frozenset(pool))}
        if not said - pool:
            break
        pool |= said
    ordered = sorted(pool)
    on_screen, earlier = frozenset(ordered[:10]), frozenset(ordered[10:])
    assert len(earlier) >= 10
    again = build_offline_taglines(THIN, 10, 99, avoid=on_screen | earlier, current=on_screen)
    said = {dedupe_key(tagline.text) for tagline in again}
    assert len(said) == 10
    assert not said & on_screen, 'lines shown earlier come back before the ones on screen now'
