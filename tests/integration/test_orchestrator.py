"""Whole kits through the provider chain: real SDK clients, the fake server on 127.0.0.1, the design engine last."""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from branding.chain import ProviderChain
from branding.design.color import contrast_ratio
from branding.design.typography import find_font
from branding.models import EXAMPLE_PROFILE, BrandingRequest, LogoStyle, SectionName, SectionStatus
from branding.orchestrator import KitDone, SectionDone, SectionText, generate_kit, stream_kit
from branding.providers.registry import build_providers
from branding.settings import Settings
from tests.fakes.brand_sections import DRAFT_REPLIES, by_section, section_of
from tests.fakes.provider_server import FakeProviderServer, status
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

pytest_plugins = ['tests.fakes.plugin']
pytestmark = pytest.mark.filterwarnings('ignore:The `__fields__` attribute is deprecated')

KEY = 'test-key-DO-NOT-LEAK-456'
ChainFactory = Callable[..., ProviderChain]


@pytest.fixture
async def make_chain(provider_server: FakeProviderServer) -> AsyncIterator[ChainFactory]:
    chains: list[ProviderChain] = []

    def make(order: str = 'together,cohere,offline', **overrides: Any) -> ProviderChain:
        values: dict[str, Any] = {
            **provider_server.provider_settings(KEY, order),
            'BRANDSMITH_CALL_TIMEOUT': 3.0,
            'BRANDSMITH_SECTION_BUDGET': 8.0,
            'BRANDSMITH_RETRY_AFTER_CAP': 0.2,
        }
        settings = Settings.model_validate(values | overrides)
        chain = ProviderChain(build_providers(settings), settings)
        chains.append(chain)
        return chain

    yield make
    for chain in chains:
        await chain.aclose()


def request(**overrides: Any) -> BrandingRequest:
    return BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=3, seed=11, **overrides)


async def test_every_section_comes_from_together_and_is_made_true_by_the_design_engine(
    make_chain: ChainFactory, provider_server: FakeProviderServer
) -> None:
    provider_server.respond_with('together', by_section())
    kit = await generate_kit(request(), chain=make_chain(), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)

    assert {section: p.provider for section, p in kit.sections.items()} == dict.fromkeys(SectionName, 'together')
    assert all(p.status == SectionStatus.OK and p.model == 'together-model' for p in kit.sections.values())

    palette = kit.color_palette
    assert palette is not None
    assert (palette.primary, palette.secondary) == ('#1e3a8a', '#0d9488')  # rgb() converted to hex
    assert re.fullmatch(r'#[0-9a-f]{6}', palette.accent)  # 'gold' named colour converted
    for check in palette.contrast:
        assert contrast_ratio(check.foreground, check.background) >= (4.5 if check.use == 'body' else 3.0)
    assert palette.psychology['primary'].startswith('Deep blue')

    typography = kit.typography
    assert typography is not None
    assert typography.heading_font != 'Helvetica Neue' and find_font(typography.heading_font) is not None
    assert any('Helvetica Neue' in note for note in typography.adjustments)
    assert typography.body_font == 'Source Sans 3'

    assert [logo.style for logo in kit.logos][:2] == [LogoStyle.WORDMARK, LogoStyle.EMBLEM]
    assert len({logo.style for logo in kit.logos}) == 3, 'a repeated style is redrawn as an unused one'
    assert all(logo.svg.startswith('<svg') and '#1e3a8a' in logo.svg for logo in kit.logos)
    assert 'repeated the emblem style' in kit.sections[SectionName.LOGOS].note

    texts = [tagline.text for tagline in kit.taglines]
    assert len(texts) == 3
    assert 'Money, made calm.' in texts
    assert all('<' not in text and '"' not in text for text in texts)

    guidelines = kit.brand_guidelines
    assert guidelines is not None
    assert 'We make money calm for freelancers.' in guidelines
    assert 'Comic Sans' not in guidelines, "the model's visual section is replaced by the kit's own"
    assert palette.primary in guidelines and typography.heading_font in guidelines


async def test_a_section_falls_back_to_cohere_while_the_others_come_from_together(
    make_chain: ChainFactory, provider_server: FakeProviderServer
) -> None:
    answer = by_section()

    def together(recorded: Any) -> Any:
        return status(503) if section_of(recorded) == SectionName.PALETTE else answer(recorded)

    provider_server.respond_with('together', together)
    provider_server.respond_with('cohere', by_section())
    kit = await generate_kit(request(), chain=make_chain(), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)

    palette = kit.sections[SectionName.PALETTE]
    assert (palette.provider, palette.model, palette.status) == ('cohere', 'cohere-model', SectionStatus.FALLBACK)
    assert 'together' in palette.note and '503' in palette.note
    assert palette.attempts == 3  # together twice (one retry), then cohere
    assert all(kit.sections[s].provider == 'together' for s in SectionName if s != SectionName.PALETTE)
    assert kit.color_palette is not None and kit.color_palette.primary == '#1e3a8a'


async def test_when_every_provider_fails_the_design_engine_still_makes_the_kit(
    make_chain: ChainFactory, provider_server: FakeProviderServer, caplog: pytest.LogCaptureFixture
) -> None:
    provider_server.respond_with('together', lambda recorded: status(401))
    provider_server.respond_with('cohere', lambda recorded: status(500))
    kit = await generate_kit(request(), chain=make_chain(), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)

    assert len(kit.logos) == 3 and len(kit.taglines) == 3 and kit.color_palette and kit.typography
    for provenance in kit.sections.values():
        assert (provenance.provider, provenance.status) == ('offline', SectionStatus.FALLBACK)
        assert 'together' in provenance.note and 'cohere' in provenance.note
    assert KEY not in caplog.text
    assert KEY not in kit.model_dump_json()


async def test_sections_arrive_in_completion_order_and_guidelines_stream(
    make_chain: ChainFactory, provider_server: FakeProviderServer
) -> None:
    latencies = {
        SectionName.TYPOGRAPHY: 0.1,
        SectionName.PALETTE: 0.4,
        SectionName.TAGLINES: 0.7,
        SectionName.GUIDELINES: 0.2,
        SectionName.LOGOS: 1.0,
    }
    provider_server.respond_with('together', by_section(latencies))
    order: list[str] = []
    streamed: list[str] = []
    async for event in stream_kit(request(), chain=make_chain(), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS):
        if isinstance(event, SectionDone):
            order.append(event.section)
        elif isinstance(event, SectionText):
            streamed.append(event.text)
    # guidelines wait for the palette and type they describe; logos wait for the palette they are drawn in
    assert order == [
        SectionName.TYPOGRAPHY,
        SectionName.PALETTE,
        SectionName.GUIDELINES,
        SectionName.TAGLINES,
        SectionName.LOGOS,
    ]
    assert len(streamed) > 3, 'the guidelines text arrives in pieces'
    assert streamed[-1].startswith('# Lumen Ledger brand guidelines')
    assert all(len(later) >= len(earlier) for earlier, later in itertools.pairwise(streamed))


async def test_closing_the_stream_cancels_the_provider_calls(
    make_chain: ChainFactory, provider_server: FakeProviderServer
) -> None:
    provider_server.respond_with('together', by_section(dict.fromkeys(SectionName, 5.0)))
    stream = stream_kit(request(), chain=make_chain(), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    await anext(stream)  # the first 'started' event: the calls are on their way
    await asyncio.to_thread(provider_server.wait_for_requests, 'together', 5)
    await stream.aclose()
    for recorded in provider_server.requests('together'):
        assert await asyncio.to_thread(recorded.disconnected.wait, 3.0), 'the HTTP request was abandoned'


async def test_a_focused_request_asks_only_for_its_section(
    make_chain: ChainFactory, provider_server: FakeProviderServer
) -> None:
    provider_server.respond_with('together', by_section())
    events = [
        event
        async for event in stream_kit(
            request(focus='tagline'), chain=make_chain(), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
        )
    ]
    assert [section_of(recorded) for recorded in provider_server.requests('together')] == [SectionName.TAGLINES]
    kit = events[-1]
    assert isinstance(kit, KitDone)
    assert kit.kit.color_palette is None and len(kit.kit.taglines) == 3


def test_the_canned_drafts_cover_every_section() -> None:
    assert set(DRAFT_REPLIES) == set(SectionName)
