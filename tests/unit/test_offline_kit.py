"""Whole offline kits over random and hostile profiles: the promises every kit keeps."""

from __future__ import annotations

import asyncio
import re
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branding.chain import ProviderChain
from branding.design.color import contrast_ratio
from branding.models import BrandingRequest, BrandKit, CompanyProfile, CompanyType, has_text
from branding.orchestrator import generate_kit
from branding.settings import Settings
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

HEX = re.compile(r'^#[0-9a-f]{6}$')
OFFLINE = ProviderChain([], Settings())
HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '"; DROP TABLE kits;--',
]
NAMES = st.one_of(
    st.sampled_from(['Lumen Ledger', '東京ロボティクス', 'مرحبا للتقنية', '👩‍💻 Studio', *HOSTILE]),
    st.text(min_size=1, max_size=120).filter(has_text),
)
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=300).filter(has_text))
PROFILES = st.builds(
    CompanyProfile,
    name=NAMES,
    company_type=st.sampled_from(CompanyType),
    industry=TEXT.map(lambda text: text[:120]).filter(has_text),
    description=st.one_of(TEXT, st.just('A long description. ' * 100)),
    target_audience=TEXT,
    brand_values=st.lists(st.text(min_size=1, max_size=40).filter(has_text), min_size=1, max_size=10),
    tone=st.sampled_from(['professional', 'playful', 'elegant', 'bold', 'ruthless 🤘', '<b>loud</b>']),
)


def make(profile: CompanyProfile, variations: int, seed: int) -> BrandKit:
    request = BrandingRequest(company_profile=profile, num_variations=variations, seed=seed)
    return asyncio.run(generate_kit(request, chain=OFFLINE, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def words(text: str) -> int:
    return len(text.split())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=PROFILES, variations=st.integers(1, 10), seed=st.integers(0, 2**31))
def test_every_offline_kit_keeps_its_promises(profile: CompanyProfile, variations: int, seed: int) -> None:
    kit = make(profile, variations, seed)

    assert len(kit.logos) == variations and len(kit.taglines) == variations
    texts = [tagline.text.casefold() for tagline in kit.taglines]
    assert len(set(texts)) == variations
    assert all(1 <= words(text) <= 10 for text in texts)

    palette = kit.color_palette
    assert palette is not None
    hexes = [palette.primary, palette.secondary, palette.accent, palette.neutral]
    hexes += [color for scale in palette.scales.values() for color in scale.values()]
    hexes += [color for logo in kit.logos for color in logo.color_scheme]
    assert all(HEX.match(color) for color in hexes)
    for check in palette.contrast:
        ratio = contrast_ratio(check.foreground, check.background)
        assert abs(ratio - check.ratio) < 0.01
        assert ratio >= (4.5 if check.use == 'body' else 3.0)
    assert {check.mode for check in palette.contrast} == {'light', 'dark'}
    for vision in palette.color_vision:
        if vision.deficiency in ('protanopia', 'deuteranopia'):
            assert vision.distinguishable

    for logo in kit.logos:
        root = ElementTree.fromstring(logo.svg)
        assert root.get('viewBox')
        assert '<script' not in logo.svg and 'onerror' not in logo.svg.replace('onerror=alert', '')
        for hostile in HOSTILE:
            if '<' in hostile:  # markup must arrive escaped; plain punctuation is harmless XML text
                assert hostile not in logo.svg

    # Markdown with CommonMark backslash escapes: '\\<script' is the text '<script', never a tag
    assert kit.brand_guidelines and not re.search(r'(?<!\\)<script', kit.brand_guidelines)
    assert all(provenance.provider == 'offline' for provenance in kit.sections.values())


@settings(max_examples=10, deadline=None)
@given(profile=PROFILES, seed=st.integers(0, 2**31))
def test_the_same_seed_gives_the_same_kit(profile: CompanyProfile, seed: int) -> None:
    first, second = make(profile, 3, seed), make(profile, 3, seed)
    volatile = {'id', 'generated_at', 'generation_time_seconds', 'sections'}
    assert first.model_dump(exclude=volatile) == second.model_dump(exclude=volatile)


def test_new_seeds_give_new_variations() -> None:
    profile = CompanyProfile(
        name='Fernwood Outfitters',
        company_type=CompanyType.ECOMMERCE,
        industry='Outdoor gear',
        description='Fernwood sells repairable outdoor gear for weekend hikers and sends every order plastic-free.',
        target_audience='Weekend hikers',
        brand_values=['durability', 'nature', 'honesty'],
        tone='friendly',
    )
    kits = [make(profile, 3, seed) for seed in range(6)]
    assert len({tuple(tagline.text for tagline in kit.taglines) for kit in kits}) >= 5
    assert len({kit.color_palette.primary for kit in kits if kit.color_palette}) >= 4
    assert len({tuple(logo.svg for logo in kit.logos) for kit in kits}) == 6
