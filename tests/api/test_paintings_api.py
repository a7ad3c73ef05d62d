"""Logo paintings through the API: the real Together SDK against the fake image server on 127.0.0.1. Each painting
streams as an `image` event, is kept with the saved kit, served, traced, survives a restart and goes with the kit;
every way the image server fails still gives a kit with vector marks and an honest note, and never shows the key."""

from __future__ import annotations

import io
import logging
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pypdf
import pytest
from PIL import Image

from branding.design.inuse.context import in_use
from branding.export import export_kit
from branding.images.versions import version_slot
from branding.models import EXAMPLE_PROFILE, BrandKit
from branding.service import KitService, build_kit_service
from branding.settings import Settings
from tests.api.conftest import api_app, built_service, client_for
from tests.api.test_service_api import parse_sse
from tests.fakes.images import FAILURES, image_reply, paint_with, painted, picture
from tests.fakes.provider_server import FakeProviderServer

pytest_plugins = ['tests.fakes.plugin']

KEY = 'paint-key-DO-NOT-LEAK-789'
SVG = '{http://www.w3.org/2000/svg}'


@pytest.fixture
def image_env(provider_server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch) -> FakeProviderServer:
    """Chat from the offline engine, paintings from the fake Together images API (1 s per call at most)."""
    return paint_with(provider_server, monkeypatch, KEY, timeout_s=1)


@pytest.fixture
async def painting_service(image_env: FakeProviderServer) -> AsyncIterator[KitService]:
    async with built_service() as built:
        yield built


@pytest.fixture
async def painting_client(painting_service: KitService) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(api_app(service=painting_service)) as client:
        yield client


def body(**overrides: Any) -> dict[str, Any]:
    fields = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 2, 'focus': 'logo'}
    return fields | overrides


async def stream(client: httpx.AsyncClient, **overrides: Any) -> tuple[str, list[tuple[str, Any]]]:
    async with client.stream('POST', '/api/v1/generate-branding/stream', json=body(**overrides)) as response:
        assert response.status_code == 200
        text = ''.join([chunk async for chunk in response.aiter_text()])
    return text, parse_sse(text)


async def test_each_concept_is_painted_streamed_kept_served_and_traced(
    image_env: FakeProviderServer, painting_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    image_env.respond_with('together_images', lambda _: painted())
    caplog.set_level(logging.DEBUG)
    text, events = await stream(painting_client, seed=5)

    names = [name for name, _ in events]
    assert names.count('image') == 2
    assert names.index('section') < names.index('image') and names[-1] == 'done'
    kit_id = events[-1][1]['kit_id']
    kit = (await painting_client.get(f'/api/v1/kits/{kit_id}')).json()
    for index, logo in enumerate(kit['logos']):
        assert logo['image_url'] == f'/api/v1/kits/{kit_id}/logos/{index}/image.png'
        assert logo['painting']['provider'] == 'together' and logo['painting']['status'] == 'ok'
        served = await painting_client.get(logo['image_url'])
        assert served.status_code == 200 and served.headers['content-type'] == 'image/png'
        with Image.open(io.BytesIO(served.content)) as image:
            assert (image.format, image.size) == ('PNG', (1024, 1024))
        root = ET.fromstring(logo['traced_svg'])
        assert {element.tag for element in root.iter()} == {f'{SVG}svg', f'{SVG}path'}
        assert len(root.findall(f'{SVG}path')) >= 2
        assert logo['svg'].startswith('<svg')  # the vector mark stays
    streamed = [data for name, data in events if name == 'image']
    assert sorted(item['index'] for item in streamed) == [0, 1]
    assert all(item['image_url'].endswith('/image.png') for item in streamed)
    assert (await painting_client.get(f'/api/v1/kits/{kit_id}/logos/5/image.png')).status_code == 404
    assert KEY not in text and KEY not in caplog.text and KEY not in str(kit)


async def test_paintings_survive_a_restart_and_go_with_the_kit(
    image_env: FakeProviderServer, painting_client: httpx.AsyncClient
) -> None:
    image_env.respond_with('together_images', lambda _: painted())
    _, events = await stream(painting_client)
    kit_id = events[-1][1]['kit_id']
    url = f'/api/v1/kits/{kit_id}/logos/1/image.png'
    first = (await painting_client.get(url)).content

    restarted = build_kit_service(Settings())
    try:
        async with client_for(api_app(service=restarted)) as client:
            client.cookies.update(painting_client.cookies)  # the same browser, so the kit's owner
            again = await client.get(url)
            assert again.status_code == 200 and again.content == first
            assert (await client.delete(f'/api/v1/kits/{kit_id}')).status_code == 204
            assert (await client.get(url)).status_code == 404
        assert await restarted.store.get_image(kit_id, 1) is None
    finally:
        await restarted.close()


async def test_a_painting_that_arrives_after_the_budget_is_added_to_the_saved_kit(
    image_env: FakeProviderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv('BRANDSMITH_SECTION_BUDGET', '0.3')
    monkeypatch.setenv('BRANDSMITH_IMAGE_TIMEOUT', '5')
    image_env.respond_with('together_images', lambda _: painted(seconds=1.0))
    service = build_kit_service(Settings())
    try:
        async with client_for(api_app(service=service)) as client:
            _, events = await stream(client)
            assert 'image' not in [name for name, _ in events]
            kit_id = events[-1][1]['kit_id']
            before = (await client.get(f'/api/v1/kits/{kit_id}')).json()
            assert all(logo['image_url'].startswith('data:image/svg+xml') for logo in before['logos'])
            await service.settle_late()
            after = (await client.get(f'/api/v1/kits/{kit_id}')).json()
            for index, logo in enumerate(after['logos']):
                assert logo['image_url'] == f'/api/v1/kits/{kit_id}/logos/{index}/image.png'
                assert (await client.get(logo['image_url'])).status_code == 200
                assert logo['traced_svg'].startswith('<svg')
    finally:
        await service.close()


@pytest.mark.parametrize('failure', list(FAILURES))
async def test_every_image_failure_still_gives_a_kit_with_vector_marks(
    image_env: FakeProviderServer,
    painting_client: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
    failure: str,
) -> None:
    image_env.respond_with('together_images', lambda _: FAILURES[failure]())
    caplog.set_level(logging.DEBUG)
    text, events = await stream(painting_client)

    assert events[-1][0] == 'done'
    kit_id = events[-1][1]['kit_id']
    kit = (await painting_client.get(f'/api/v1/kits/{kit_id}')).json()
    assert len(kit['logos']) == 2
    for index, logo in enumerate(kit['logos']):
        assert logo['image_url'].startswith('data:image/svg+xml') and logo['svg'].startswith('<svg')
        assert logo['traced_svg'] is None
        assert logo['painting']['status'] == 'error' and logo['painting']['note'].startswith('together: ')
        assert (await painting_client.get(f'/api/v1/kits/{kit_id}/logos/{index}/image.png')).status_code == 404
    assert KEY not in text and KEY not in caplog.text and KEY not in str(kit)
    # the SDK's DEBUG lines carry its own retry tracebacks; the server's log (INFO and up) has none
    assert not [record for record in caplog.records if record.levelno >= logging.INFO and record.exc_info]
    assert 'Traceback' not in '\n'.join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)


async def test_the_exports_carry_the_paintings_and_their_traces(
    image_env: FakeProviderServer, painting_client: httpx.AsyncClient, painting_service: KitService
) -> None:
    image_env.respond_with('together_images', lambda _: painted())
    _, events = await stream(painting_client, seed=11)
    kit_id = events[-1][1]['kit_id']
    served = (await painting_client.get(f'/api/v1/kits/{kit_id}/logos/0/image.png')).content

    for export, prefix in (('logo-pack', 'paintings/'), ('zip', 'logo-pack/paintings/')):
        response = await painting_client.get(f'/api/v1/kits/{kit_id}/export/{export}')
        assert response.status_code == 200
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            names = [name for name in archive.namelist() if name.startswith(prefix)]
            assert len([name for name in names if name.endswith('-painting.png')]) == 2
            assert len([name for name in names if name.endswith('-traced.svg')]) == 2
            first = sorted(name for name in names if name.endswith('-painting.png'))[0]
            assert archive.read(first) == served
            trace = sorted(name for name in names if name.endswith('-traced.svg'))[0]
            assert ET.fromstring(archive.read(trace)).tag == f'{SVG}svg'

    pdf = (await painting_client.get(f'/api/v1/kits/{kit_id}/export/pdf')).content
    assert _pdf_text(pdf).count('Painted by together (together-image-model)') == 2
    kit = BrandKit.model_validate((await painting_client.get(f'/api/v1/kits/{kit_id}')).json())
    plain, _, _ = export_kit(kit, 'pdf', fonts=painting_service.fonts)  # the same kit without its paintings
    assert 'Painted by' not in _pdf_text(plain)
    assert _pdf_images(pdf) >= _pdf_images(plain) + 2


def _pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return ' '.join(' '.join((page.extract_text() or '').split()) for page in reader.pages)


def _pdf_images(pdf: bytes) -> int:
    return sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


async def test_a_concept_is_painted_again_with_a_new_seed_by_its_owner_only(
    image_env: FakeProviderServer, painting_client: httpx.AsyncClient, painting_service: KitService
) -> None:
    image_env.respond_with('together_images', lambda _: painted())
    _, events = await stream(painting_client)
    kit_id = events[-1][1]['kit_id']
    url = f'/api/v1/kits/{kit_id}/logos/1/image.png'
    served = await painting_client.get(url)
    first, first_etag = served.content, served.headers['etag']
    assert served.headers['cache-control'] == 'private, no-cache'
    image_env.script('together_images', image_reply(picture(ink=(13, 148, 136))))

    response = await painting_client.post(f'/api/v1/kits/{kit_id}/logos/1/repaint')

    assert response.status_code == 200, response.text
    assert response.json()['image_url'] == url and response.json()['traced_svg'].startswith('<svg')
    again = (await painting_client.get(url)).content
    assert again != first
    cached = await painting_client.get(url, headers={'If-None-Match': first_etag})
    assert cached.status_code == 200 and cached.content == again  # a browser's copy of the old painting is stale
    fresh_etag = cached.headers['etag']
    assert (await painting_client.get(url, headers={'If-None-Match': fresh_etag})).status_code == 304
    with Image.open(io.BytesIO(again)) as image:
        assert image.convert('RGB').getpixel((300, 300)) == (13, 148, 136)
    seeds = [request.body['seed'] for request in image_env.requests('together_images')]
    assert len(seeds) == 3 and seeds[2] not in seeds[:2]
    revisions = (await painting_client.get(f'/api/v1/kits/{kit_id}/revisions')).json()['items']
    assert revisions[-1]['summary'] == 'New painting of logo concept 2'

    async with client_for(api_app(service=painting_service)) as stranger:
        assert (await stranger.post(f'/api/v1/kits/{kit_id}/logos/1/repaint')).status_code == 403
    assert (await painting_client.post(f'/api/v1/kits/{kit_id}/logos/7/repaint')).status_code == 404
    image_env.script('together_images', FAILURES['401 echoing the key']())
    failed = await painting_client.post(f'/api/v1/kits/{kit_id}/logos/0/repaint')
    assert failed.status_code == 502 and 'together: 401' in failed.text and KEY not in failed.text
    assert (await painting_client.get(f'/api/v1/kits/{kit_id}/logos/0/image.png')).status_code == 200


async def test_a_painting_trace_made_the_primary_mark_drives_the_logo_pack_and_the_board(
    image_env: FakeProviderServer, painting_client: httpx.AsyncClient, painting_service: KitService
) -> None:
    image_env.respond_with('together_images', lambda _: painted())
    _, events = await stream(painting_client, seed=3)
    kit_id = events[-1][1]['kit_id']
    board_before = (await painting_client.get(f'/api/v1/kits/{kit_id}/in-use/brand-board.png')).content
    before = (await painting_client.get(f'/api/v1/kits/{kit_id}')).json()

    response = await painting_client.patch(f'/api/v1/kits/{kit_id}', json={'primary_mark': {'logo': 1}})

    assert response.status_code == 200, response.text
    revised = response.json()
    assert revised['revision']['lever'] == 'choose'
    assert revised['revision']['summary'] == 'Made the traced painting of logo 2 its mark; chose logo 2'
    kit = BrandKit.model_validate(revised['kit'])
    concept = kit.logos[1]
    assert kit.chosen_logo == 1 and concept.svg == concept.traced_svg == before['logos'][1]['traced_svg']
    assert concept.variants is not None and concept.legibility is not None
    assert concept.legibility.icon_source == 'the painting traced to vectors'
    traced = [path.get('d', '') for path in ET.fromstring(concept.traced_svg).iter(f'{SVG}path')]
    for name in ('primary', 'reversed', 'mono_dark', 'mono_light', 'icon'):
        root = ET.fromstring(getattr(concept.variants, name))
        drawn = {path.get('d') for path in root.iter(f'{SVG}path')}
        assert set(traced) <= drawn, name
        assert {element.tag.split('}')[1] for element in root.iter()} <= {'svg', 'title', 'defs', 'mask', 'g', 'path'}
    assert kit.logos[0] == BrandKit.model_validate(before).logos[0]  # the other concept keeps its engine mark

    pack = (await painting_client.get(f'/api/v1/kits/{kit_id}/export/logo-pack')).content
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        folder = f'logo-2-{concept.style.value}/'
        primary = [
            name for name in archive.namelist() if name.startswith(f'{folder}svg/') and name.endswith('-primary.svg')
        ]
        assert len(primary) == 1 and archive.read(primary[0]).decode() == concept.variants.primary
        favicon = archive.read(f'{folder}favicon/favicon.svg').decode()
        assert traced[0] in favicon
    board_after = (await painting_client.get(f'/api/v1/kits/{kit_id}/in-use/brand-board.png')).content
    assert board_after != board_before
    assert in_use(kit, painting_service.fonts).variants == concept.variants  # the board draws the chosen files

    restored = await painting_client.post(f'/api/v1/kits/{kit_id}/revisions/1/restore')
    assert restored.json()['kit']['logos'][1]['svg'] == before['logos'][1]['svg']  # the engine's mark, as it was


async def test_only_a_traced_painting_can_be_the_primary_mark(
    image_env: FakeProviderServer, painting_client: httpx.AsyncClient, painting_service: KitService
) -> None:
    image_env.script('together_images', painted(), FAILURES['401 echoing the key']())
    _, events = await stream(painting_client, seed=4)
    kit_id = events[-1][1]['kit_id']
    kit = (await painting_client.get(f'/api/v1/kits/{kit_id}')).json()
    unpainted = next(index for index, logo in enumerate(kit['logos']) if logo['traced_svg'] is None)

    for choice, field in (
        ({'logo': unpainted}, 'primary_mark.logo'),
        ({'logo': 5}, 'primary_mark.logo'),
        ({'logo': 0, 'source': 'engine'}, 'primary_mark.source'),
    ):
        response = await painting_client.patch(f'/api/v1/kits/{kit_id}', json={'primary_mark': choice})
        assert response.status_code == 422, choice
        assert field in {problem['field'] for problem in response.json()['detail']}, response.text
    async with client_for(api_app(service=painting_service)) as stranger:
        painted_index = 1 - unpainted
        refused = await stranger.patch(f'/api/v1/kits/{kit_id}', json={'primary_mark': {'logo': painted_index}})
        assert refused.status_code == 403


async def test_each_revision_keeps_its_own_painting(
    image_env: FakeProviderServer, painting_client: httpx.AsyncClient, painting_service: KitService
) -> None:
    image_env.respond_with('together_images', lambda _: painted())
    _, events = await stream(painting_client, seed=9)
    kit_id = events[-1][1]['kit_id']
    url = f'/api/v1/kits/{kit_id}/logos/1/image.png'
    first = (await painting_client.get(url)).content
    image_env.script('together_images', image_reply(picture(ink=(13, 148, 136))))
    assert (await painting_client.post(f'/api/v1/kits/{kit_id}/logos/1/repaint')).status_code == 200
    image_env.script('together_images', image_reply(picture(ink=(190, 18, 60))))
    assert (await painting_client.post(f'/api/v1/kits/{kit_id}/logos/1/repaint')).status_code == 200
    latest = (await painting_client.get(f'/api/v1/kits/{kit_id}/revisions')).json()['latest']
    assert latest == 3

    def ink(png: bytes) -> tuple[int, int, int]:
        with Image.open(io.BytesIO(png)) as image:
            return image.convert('RGB').getpixel((300, 300))  # type: ignore[return-value]

    # two paintings answered as fast at the same price still keep a slot each: their records differ by their seeds
    repainted = [await painting_service.store.get_revision(kit_id, rev) for rev in (2, 3)]
    records = [kit.logos[1].model_copy(deep=True) for kit in repainted if kit is not None]
    for record in records:
        assert record.painting is not None
        record.painting.latency_ms = 0
    assert len({version_slot(1, record) for record in records}) == 2
    served = {rev: (await painting_client.get(f'{url}?rev={rev}')).content for rev in (1, 2, 3)}
    assert served[1] == first and ink(first) == (30, 58, 138)
    assert ink(served[2]) == (13, 148, 136) and ink(served[3]) == (190, 18, 60)
    assert (await painting_client.get(url)).content == served[3]  # the kit now shows the newest
    other = f'/api/v1/kits/{kit_id}/logos/0/image.png'
    assert (await painting_client.get(f'{other}?rev=1')).content == (await painting_client.get(other)).content
    assert (await painting_client.get(f'{url}?rev=4')).status_code == 404

    for rev in (1, 2):  # an older revision's export carries the painting it had
        pack = (await painting_client.get(f'/api/v1/kits/{kit_id}/export/logo-pack?rev={rev}')).content
        with zipfile.ZipFile(io.BytesIO(pack)) as archive:
            names = archive.namelist()
            name = next(n for n in names if n.startswith('paintings/logo-2-') and n.endswith('-painting.png'))
            assert archive.read(name) == served[rev]
    kit = BrandKit.model_validate((await painting_client.get(f'/api/v1/kits/{kit_id}?rev=1')).json())
    slot = version_slot(1, kit.logos[1])
    assert await painting_service.store.get_image(kit_id, slot) == first
    assert (await painting_client.delete(f'/api/v1/kits/{kit_id}')).status_code == 204
    assert await painting_service.store.get_image(kit_id, slot) is None  # every painting goes with the kit
