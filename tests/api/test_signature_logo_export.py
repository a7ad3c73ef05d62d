"""The email signature in the exported archives (the mockups ZIP and the full kit ZIP): with BRANDSMITH_PUBLIC_URL set
its logo is an <img> at this server's in-use route for that kit and revision, which the running app serves; without
it the signature is text alone, with no reference to fetch, and the mockups' README names the setting that adds it.

The archives are downloaded from the export route of an API app built on a service with the setting, and the logo's
URL is asked of the same app."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import AsyncIterator
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image

from branding.export import export_kit
from branding.exports.inuse import revision
from branding.exports.png import png_size
from branding.models import EXAMPLE_PROFILE, BrandKit, SectionName
from branding.service import KitService
from tests.api.conftest import api_app, built_service, client_for
from tests.parsed_html import ParsedPage

BASE = 'http://brandsmith.test'  # the test client's address (client_for), as an operator would give it
HOSTILE = 'O\'Brien & "Sons" <b>Bakery</b>'


def body(name: str) -> dict[str, Any]:
    profile = EXAMPLE_PROFILE.model_dump(mode='json') | {'name': name}
    return {'company_profile': profile, 'num_variations': 2, 'seed': 6}


@pytest.fixture
async def hosted(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[KitService]:
    """A service whose server is reached at BASE (set with a trailing slash, which the setting drops)."""
    monkeypatch.setenv('BRANDSMITH_PUBLIC_URL', f'{BASE}/')
    async with built_service() as built:
        yield built


@pytest.fixture
async def unhosted(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[KitService]:
    monkeypatch.delenv('BRANDSMITH_PUBLIC_URL', raising=False)
    async with built_service() as built:
        yield built


async def downloaded(client: httpx.AsyncClient, kit_id: str, name: str, rev: int | None = None) -> dict[str, bytes]:
    """The archive as the export route answers it (of revision `rev`, or as saved now)."""
    query = '' if rev is None else f'?rev={rev}'
    response = await client.get(f'/api/v1/kits/{kit_id}/export/{name}{query}')
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.testzip() is None
        return {path: archive.read(path) for path in archive.namelist()}


async def saved(service: KitService, kit_id: str, rev: int | None = None) -> BrandKit:
    if rev is not None:
        kit = await service.store.get_revision(kit_id, rev)
        assert kit is not None
        return kit
    stored = await service.store.get(kit_id)
    assert stored is not None
    return stored.kit


def the_logo_source(signature: str) -> str:
    page = ParsedPage(signature)
    assert page.tags.count('img') == 1 and 'b' not in page.tags, "one image, and the kit's name stays text"
    (source,) = page.values('src')
    return source


async def test_with_a_public_url_the_signature_shows_the_logo_the_app_serves(hosted: KitService) -> None:
    async with client_for(api_app(service=hosted)) as client:
        made = (await client.post('/api/v1/generate-branding', json=body(HOSTILE))).json()
        kit_id = made['id']
        stored = await hosted.store.get(kit_id)
        assert stored is not None
        owner = hosted.access.caller(dict(client.headers), dict(client.cookies)).owner
        # revision 2: new taglines, so the kit as saved now is another drawing than revision 1
        await hosted.regenerate(stored.request, stored.kit, SectionName.TAGLINES, owner=owner)
        kit = await saved(hosted, kit_id, rev=1)
        assert revision(kit) != revision(await saved(hosted, kit_id))

        mockups = await downloaded(client, kit_id, 'mockups', rev=1)
        signature = mockups['email-signature.html'].decode('utf-8')
        source = the_logo_source(signature)
        url = urlsplit(source)
        assert (url.scheme, url.netloc, url.path) == (
            'http',
            'brandsmith.test',
            f'/api/v1/kits/{kit_id}/in-use/signature-logo.png',
        )
        assert parse_qs(url.query) == {'v': [revision(kit)], 'rev': ['1']}
        assert f'src="{escape(source)}"' in signature and '&amp;' in signature.split('src="')[1].split('"')[0]
        assert f'alt="{escape(HOSTILE)}"' in signature and '<b>' not in signature
        assert source in mockups['README.txt'].decode('utf-8')
        assert 'BRANDSMITH_PUBLIC_URL' not in mockups['README.txt'].decode('utf-8')

        logo = await client.get(source)  # the absolute URL, asked of the running app
        assert logo.status_code == 200 and logo.headers['content-type'] == 'image/png'
        assert png_size(logo.content) == (240, 240) and logo.content == mockups['png/signature-logo.png']
        assert 'immutable' in logo.headers['cache-control'], 'the URL names the drawing of revision 1 exactly'
        with Image.open(io.BytesIO(logo.content)) as image:
            image.verify()

        bundle = await downloaded(client, kit_id, 'zip', rev=1)
        assert bundle['mockups/email-signature.html'] == mockups['email-signature.html']

        now = await downloaded(client, kit_id, 'mockups')
        current = the_logo_source(now['email-signature.html'].decode('utf-8'))
        assert 'rev' not in parse_qs(urlsplit(current).query), 'the kit as saved now: the route serves what it is'
        assert (await client.get(current)).status_code == 200


async def test_without_a_public_url_the_signature_is_text_and_the_readme_names_the_setting(
    unhosted: KitService,
) -> None:
    async with client_for(api_app(service=unhosted)) as client:
        kit_id = (await client.post('/api/v1/generate-branding', json=body(HOSTILE))).json()['id']
        responses = [await client.get(f'/api/v1/kits/{kit_id}/export/{name}') for name in ('mockups', 'zip')]
    assert all(response.status_code == 200 for response in responses)
    archives = [zipfile.ZipFile(io.BytesIO(response.content)) for response in responses]
    mockups, bundle = ({path: archive.read(path) for path in archive.namelist()} for archive in archives)
    for signature in (mockups['email-signature.html'], bundle['mockups/email-signature.html']):
        page = ParsedPage(signature.decode('utf-8'))
        assert 'img' not in page.tags and not page.values('src'), 'nothing a mail client would fetch'
        assert b'signature-logo' not in signature and b'/in-use/' not in signature
        assert HOSTILE in page.visible_text
    readme = mockups['README.txt'].decode('utf-8')
    line = next(line for line in readme.splitlines() if 'email-signature.html' in line)
    assert 'without the logo' in line and 'BRANDSMITH_PUBLIC_URL' in line


async def test_a_public_url_with_markup_in_its_path_stays_one_attribute(unhosted: KitService) -> None:
    odd = 'https://brand.example/a"b<i>c\'d&e=1'
    async with client_for(api_app(service=unhosted)) as client:
        kit_id = (await client.post('/api/v1/generate-branding', json=body('Plain Bakery'))).json()['id']
    kit = await saved(unhosted, kit_id)
    content, _, _ = await asyncio.to_thread(export_kit, kit, 'mockups', fonts=unhosted.fonts, public_url=odd)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        signature = archive.read('email-signature.html').decode('utf-8')
    source = the_logo_source(signature)
    assert source.startswith(f'{odd}/api/v1/kits/{kit_id}/in-use/signature-logo.png?v=')
    assert 'i' not in ParsedPage(signature).tags and '<i>' not in signature
