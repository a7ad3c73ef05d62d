"""Paintings end to end below the kit: the real Together SDK and the OpenAI-compatible client against the fake image
server on 127.0.0.1, through the painter's policy, verification and tracing."""

from __future__ import annotations

import io
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import pytest
from PIL import Image
from redis.asyncio import Redis

from branding.images.cost import PaintingPrice, dollars
from branding.images.download import MAX_IMAGE_BYTES
from branding.images.painter import Painter, painting_seed
from branding.images.registry import build_image_providers, build_painter
from branding.images.trace import trace_svg
from branding.images.trace_mark import trace_files
from branding.metrics import Metrics
from branding.models import SectionStatus
from branding.providers.registry import build_providers
from branding.service import shared_breakers
from branding.settings import Settings
from tests.fakes.images import FAILURES, HostedFile, ImageHost, image_host, image_reply, painted, picture
from tests.fakes.provider_server import FakeProviderServer

pytest_plugins = ['tests.fakes.plugin']

KEY = 'image-key-DO-NOT-LEAK-456'
PALETTE = ['#1e3a8a', '#eab308', '#ffffff']
PROMPT = 'A flat vector logo for Lumen Ledger: a blue disc holding a gold square, on white'


def painter_for(server: FakeProviderServer, *, openai: bool = False, **extra: str) -> Painter:
    env = server.provider_settings(KEY, images='auto') | {'BRANDSMITH_IMAGE_TIMEOUT': '1', **extra}
    if not openai:
        env['OPENAI_COMPAT_IMAGE_MODEL'] = ''
    settings = Settings.model_validate(env)
    return Painter(
        providers=build_image_providers(settings),
        size=1024,
        timeout_s=1.0,
        retry_after_cap_s=1.0,
        breaker_threshold=settings.breaker_threshold,
    )


async def test_together_paints_a_verified_png_traced_in_the_palette(provider_server: FakeProviderServer) -> None:
    provider_server.script('together_images', painted())
    painter = painter_for(provider_server)
    painting = await painter.paint(PROMPT, index=1, kit_seed=42, palette=PALETTE)
    await painter.aclose()

    assert painting.png is not None and painting.provenance.status == SectionStatus.OK
    assert (painting.provenance.provider, painting.provenance.model) == ('together', 'together-image-model')
    with Image.open(io.BytesIO(painting.png)) as image:
        assert (image.format, image.size) == ('PNG', (1024, 1024))
    sent = provider_server.requests('together_images')[0]
    assert sent.body['prompt'] == PROMPT
    assert sent.body['seed'] == painting_seed(42, 1) != painting_seed(42, 2)
    assert (sent.body['width'], sent.body['height'], sent.body['response_format']) == (1024, 1024, 'base64')
    assert sent.headers['authorization'] == f'Bearer {KEY}'
    assert painting.traced_svg is not None
    root = ET.fromstring(painting.traced_svg)
    paths = root.findall('{http://www.w3.org/2000/svg}path')
    assert 2 <= len(paths) <= 48
    assert {path.get('fill') for path in paths} <= set(PALETTE)
    assert '#1e3a8a' in {path.get('fill') for path in paths}
    assert {element.tag.split('}')[1] for element in root.iter()} == {'svg', 'path'}


@pytest.mark.parametrize('image_format', ['JPEG', 'WEBP'])
async def test_jpeg_and_webp_are_kept_as_png(provider_server: FakeProviderServer, image_format: str) -> None:
    provider_server.script('together_images', painted(image_format=image_format))
    painting = await painter_for(provider_server).paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)
    assert painting.png is not None and painting.png.startswith(b'\x89PNG')


async def test_the_openai_compatible_server_paints_after_together_fails(provider_server: FakeProviderServer) -> None:
    provider_server.script('together_images', FAILURES['401 echoing the key']())
    provider_server.script('openai_images', painted())
    painting = await painter_for(provider_server, openai=True).paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)

    assert painting.png is not None and painting.provenance.provider == 'openai_compatible'
    assert painting.provenance.status == SectionStatus.FALLBACK
    assert 'together: 401' in painting.provenance.note and KEY not in painting.provenance.note
    sent = provider_server.requests('openai_images')[0].body
    assert sent == {
        'model': 'local-image-model',
        'prompt': PROMPT,
        'n': 1,
        'size': '1024x1024',
        'response_format': 'b64_json',
        'seed': painting_seed(7, 0),
    }


@pytest.mark.parametrize('failure', list(FAILURES))
async def test_every_failure_gives_an_honest_note_and_no_key(
    provider_server: FakeProviderServer, failure: str, caplog: pytest.LogCaptureFixture
) -> None:
    provider_server.script('together_images', FAILURES[failure](), FAILURES[failure]())
    caplog.set_level(logging.DEBUG)
    painting = await painter_for(provider_server).paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)

    assert painting.png is None and painting.traced_svg is None
    assert painting.provenance.status == SectionStatus.ERROR
    assert painting.provenance.note.startswith('together: ')
    assert KEY not in painting.provenance.note and KEY not in caplog.text
    retried = failure in ('500', '429')
    assert len(provider_server.requests('together_images')) == (2 if retried else 1)
    assert ('retried' in painting.provenance.note) == retried


async def test_a_retry_after_the_429_paints(provider_server: FakeProviderServer) -> None:
    provider_server.script('together_images', FAILURES['429'](), painted())
    painting = await painter_for(provider_server).paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)
    assert painting.png is not None and painting.provenance.attempts == 2
    assert painting.provenance.note == f'together: 429 rate limited, retried; seed {painting_seed(7, 0)}'


async def test_the_breaker_stops_calling_a_failing_provider(provider_server: FakeProviderServer) -> None:
    painter = painter_for(provider_server, BRANDSMITH_BREAKER_THRESHOLD='2')
    for _ in range(2):
        provider_server.script('together_images', FAILURES['garbage bytes']())
        await painter.paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)
    painting = await painter.paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)
    assert len(provider_server.requests('together_images')) == 2
    assert painting.provenance.note == 'together: circuit open after repeated failures'
    assert ('together-images', 'open') in painter.breaker_states()


async def test_a_refused_key_opens_the_breaker_at_once(provider_server: FakeProviderServer) -> None:
    painter = painter_for(provider_server)
    provider_server.script('together_images', FAILURES['401 echoing the key']())
    await painter.paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)
    second = await painter.paint(PROMPT, index=1, kit_seed=7, palette=PALETTE)
    assert len(provider_server.requests('together_images')) == 1
    assert second.provenance.note == 'together: circuit open after repeated failures'


async def test_instances_share_the_image_breaker_through_redis(
    provider_server: FakeProviderServer, redis_clients: Callable[[], Redis]
) -> None:
    """Two instances on one Redis: the failures one of them saw open the breaker for the other, which paints no
    call; the chat breaker of the same provider stays closed."""
    settings = Settings.model_validate(
        provider_server.provider_settings(KEY, images='auto')
        | {'BRANDSMITH_IMAGE_TIMEOUT': '1', 'OPENAI_COMPAT_IMAGE_MODEL': '', 'BRANDSMITH_BREAKER_THRESHOLD': '2'}
    )
    first, second = (build_painter(settings, redis=redis_clients()) for _ in range(2))
    assert first is not None and second is not None
    for _ in range(2):
        provider_server.script('together_images', FAILURES['garbage bytes']())
        await first.paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)
    painting = await second.paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)

    assert len(provider_server.requests('together_images')) == 2
    assert painting.provenance.note == 'together: circuit open after repeated failures'
    assert second.breaker_states() == [('together-images', 'open')]
    chat = shared_breakers(settings, build_providers(settings), redis_clients())
    assert chat is not None and await chat.allow('together')
    await first.aclose()
    await second.aclose()


async def test_paintings_are_counted_in_the_metrics(provider_server: FakeProviderServer) -> None:
    metrics = Metrics()
    settings = Settings.model_validate(
        provider_server.provider_settings(KEY, images='auto')
        | {'BRANDSMITH_IMAGE_TIMEOUT': '1', 'OPENAI_COMPAT_IMAGE_MODEL': '', 'BRANDSMITH_BREAKER_THRESHOLD': '1'}
    )
    painter = build_painter(settings, observer=metrics)
    assert painter is not None
    metrics.watch_image_breakers(painter)
    provider_server.script('together_images', painted(), FAILURES['garbage bytes']())
    for index in range(2):
        await painter.paint(PROMPT, index=index, kit_seed=7, palette=PALETTE)
    await painter.aclose()

    scraped = metrics.render().decode()
    assert 'brandsmith_paintings_total{provider="together",status="ok"} 1.0' in scraped
    assert 'brandsmith_paintings_total{provider="none",status="error"} 1.0' in scraped
    assert 'brandsmith_painting_seconds_count{provider="together",status="ok"} 1.0' in scraped
    assert 'brandsmith_image_breaker_state{provider="together-images",state="open"} 1.0' in scraped


def test_a_painting_costs_its_megapixels_at_the_price() -> None:
    price = PaintingPrice(size=1024, per_megapixel=0.0027)
    assert round(price.megapixels, 4) == 1.0486
    assert dollars(price.of(3)) == '$0.0085'
    assert price.note() == 'cost about $0.0028 (1.05 MP at $0.0027/MP)'
    assert PaintingPrice(size=1024, per_megapixel=0).note() == ''
    assert dollars(PaintingPrice(size=2048, per_megapixel=0.05).of(10)) == '$2.10'


async def test_a_painting_says_what_it_cost(provider_server: FakeProviderServer) -> None:
    provider_server.script('together_images', painted())
    painter = painter_for(provider_server)
    painter.price_per_mp = 0.0027
    painting = await painter.paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)
    assert painting.provenance.note == f'cost about $0.0028 (1.05 MP at $0.0027/MP); seed {painting_seed(7, 0)}'


@pytest.fixture
def host() -> Iterator[ImageHost]:
    with image_host() as hosting:
        yield hosting


@pytest.mark.parametrize('openai', [False, True], ids=['together SDK', 'openai-compatible'])
async def test_a_url_only_reply_is_downloaded_once_and_kept(
    provider_server: FakeProviderServer, host: ImageHost, openai: bool
) -> None:
    route = 'openai_images' if openai else 'together_images'
    if openai:
        provider_server.script('together_images', FAILURES['401 echoing the key']())
    provider_server.script(route, host.url_reply('/expiring/painting.png', picture(image_format='JPEG')))
    painting = await painter_for(provider_server, openai=openai).paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)

    assert painting.png is not None and painting.png.startswith(b'\x89PNG')
    assert painting.traced_svg is not None
    assert [path for path, _ in host.gets] == ['/expiring/painting.png']
    assert 'authorization' not in host.gets[0][1]  # the key goes to the image API, never to where its files live
    assert host.url not in painting.provenance.note


@pytest.mark.parametrize(
    ('hosted', 'note'),
    [
        (HostedFile(status=404, body=b'expired'), 'together: the image URL answered 404'),
        (HostedFile(body=b'<html>not an image</html>', content_type='text/html'), 'together: the server sent bytes'),
        (HostedFile(body=b'x' * (MAX_IMAGE_BYTES + 1)), 'together: the image at the URL is too large'),
        (HostedFile(status=302, location='file:///etc/passwd'), 'together: the image URL is not an http(s) address'),
    ],
    ids=['expired', 'not an image', 'too large', 'redirect to a file'],
)
async def test_a_url_that_gives_no_image_is_refused(
    provider_server: FakeProviderServer, host: ImageHost, hosted: HostedFile, note: str
) -> None:
    provider_server.script('together_images', image_reply(None, url=host.put('/p.png', hosted)))
    painting = await painter_for(provider_server).paint(PROMPT, index=0, kit_seed=7, palette=PALETTE)

    assert painting.png is None and painting.provenance.status == SectionStatus.ERROR
    assert painting.provenance.note.startswith(note)
    assert host.url not in painting.provenance.note


def test_images_are_off_when_asked_or_unconfigured() -> None:
    assert build_image_providers(Settings.model_validate({'BRANDSMITH_IMAGES': 'off', 'TOGETHER_API_KEY': 'k'})) == []
    assert build_image_providers(Settings.model_validate({'BRANDSMITH_IMAGES': 'auto', 'TOGETHER_API_KEY': ''})) == []


def test_a_trace_made_a_mark_keeps_only_checked_shapes() -> None:
    """A stored trace is read back through the tracer's checks: whatever else it holds never reaches a logo file."""
    traced = trace_svg(picture(), PALETTE)
    tampered = traced.replace(
        '</svg>',
        '<script>alert(1)</script><image href="https://example.com/x.png"/>'
        '<path d="M0 0 L10 10 Z" fill="url(#x)" transform="translate(0,0)"/>'
        '<path d="javascript:alert(1)" fill="#000000" transform="translate(0,0)"/></svg>',
    )
    files = trace_files(tampered, palette=None, name='Lumen <Ledger>')
    for name, svg in files.variants.model_dump().items():
        root = ET.fromstring(svg)
        assert {element.tag.split('}')[1] for element in root.iter()} <= {'svg', 'title', 'defs', 'mask', 'g', 'path'}
        assert (
            'script' not in svg and 'http' not in svg.replace('http://www.w3.org/2000/svg', '') and 'url(#x)' not in svg
        )
        assert 'Lumen &lt;Ledger&gt;' in svg, name
    assert files.variants == trace_files(traced, palette=None, name='Lumen <Ledger>').variants
    assert files.legibility.icon_source == 'the painting traced to vectors'
