"""GET /api/v1/kits/{id}/export/logo-pack: a saved kit's logo files as one archive, the way a designer hands them over
(a folder a concept: SVG and PNG of each file, the favicon set), and the same pack inside the full archive."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

import httpx
from PIL import Image

from branding.models import EXAMPLE_PROFILE
from tests.icons import INSTALLED_ICONS

VARIANT_FILES = ('primary', 'reversed', 'one-colour-black', 'one-colour-white', 'icon')
FAVICON_FILES = {
    'favicon.svg',
    'favicon.ico',
    'apple-touch-icon.png',
    'icon-192.png',
    'icon-512.png',
    'icon-maskable-512.png',
    'avatar-400.png',
    'site.webmanifest',
    'head-snippet.html',
}


def body(name: str) -> dict[str, Any]:
    profile = EXAMPLE_PROFILE.model_dump(mode='json') | {'name': name}
    return {'company_profile': profile, 'num_variations': 2, 'seed': 8}


def archive(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        assert opened.testzip() is None
        return {name: opened.read(name) for name in opened.namelist()}


async def test_the_logo_pack_holds_every_file_of_every_concept(client: httpx.AsyncClient) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=body('Tidewater Credit Union'))).json()
    response = await client.get(f'/api/v1/kits/{kit["id"]}/export/logo-pack')
    assert response.status_code == 200
    assert response.headers['content-type'] == 'application/zip'
    assert 'filename="tidewater-credit-union-logo-pack.zip"' in response.headers['content-disposition']
    files = archive(response.content)
    folders = sorted({name.split('/')[0] for name in files if '/' in name and not name.startswith('LICENSES/')})
    assert folders == [f'logo-{number}-{logo["style"]}' for number, logo in enumerate(kit['logos'], 1)]
    for folder, logo in zip(folders, kit['logos'], strict=True):
        expected = {f'{folder}/svg/tidewater-credit-union-{variant}.svg' for variant in VARIANT_FILES}
        expected |= {
            f'{folder}/png/tidewater-credit-union-{variant}-{width}.png'
            for variant in VARIANT_FILES
            for width in (512, 1024, 2048)
        }
        expected |= {f'{folder}/favicon/{name}' for name in FAVICON_FILES}
        assert {name for name in files if name.startswith(f'{folder}/')} == expected
        assert files[f'{folder}/svg/tidewater-credit-union-reversed.svg'].decode() == logo['variants']['reversed']
        for name, data in files.items():
            if name.startswith(f'{folder}/png/'):
                width = int(re.search(r'-(\d+)\.png$', name).group(1))  # type: ignore[union-attr]
                with Image.open(io.BytesIO(data)) as image:
                    assert image.format == 'PNG' and image.width == width, name
        manifest = json.loads(files[f'{folder}/favicon/site.webmanifest'])
        assert manifest['name'] == 'Tidewater Credit Union'
        assert manifest['theme_color'] == kit['color_palette']['primary']
    assert 'SIL OPEN FONT LICENSE' in files['LICENSES/fonts.txt'].decode()
    if INSTALLED_ICONS.is_installed:
        assert 'MIT' in files['LICENSES/tabler-icons.txt'].decode()
    readme = files['README.txt'].decode()
    assert 'one-colour-white' in readme and 'favicon' in readme


async def test_file_names_stay_ascii_for_a_name_in_any_script(client: httpx.AsyncClient) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=body('さくら 🌸 / ../デザイン'))).json()
    response = await client.get(f'/api/v1/kits/{kit["id"]}/export/logo-pack')
    assert response.status_code == 200
    assert 'filename="untitled-logo-pack.zip"' in response.headers['content-disposition']
    names = list(archive(response.content))
    assert all(name.isascii() and '..' not in name and not name.startswith('/') for name in names)
    assert any(name.endswith('/svg/brand-primary.svg') for name in names)
    manifest = next(data for name, data in archive(response.content).items() if name.endswith('site.webmanifest'))
    assert json.loads(manifest)['name'] == 'さくら 🌸 / ../デザイン'


async def test_the_full_archive_carries_the_logo_pack(client: httpx.AsyncClient) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=body('Nimbus Forge'))).json()
    pack = archive((await client.get(f'/api/v1/kits/{kit["id"]}/export/logo-pack')).content)
    bundle = archive((await client.get(f'/api/v1/kits/{kit["id"]}/export/zip')).content)
    assert {f'logo-pack/{name}' for name in pack} <= set(bundle)
    assert 'logo-pack/' in bundle['README.txt'].decode()
