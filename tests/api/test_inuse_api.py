"""GET /api/v1/kits/{id}/export/board and /export/mockups: the brand board as a PNG and the mockups as one archive,
drawn from the saved kit; readable by anyone holding the kit's id (its share link), like every export, and nothing
for an id that names no kit."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import httpx
from PIL import Image

from branding.design.inuse import BOARDS, MOCKUPS
from branding.exports.png import png_size
from branding.models import EXAMPLE_PROFILE
from branding.service import KitService
from tests.api.conftest import api_app, client_for


def body(name: str) -> dict[str, Any]:
    profile = EXAMPLE_PROFILE.model_dump(mode='json') | {'name': name}
    return {'company_profile': profile, 'num_variations': 2, 'seed': 4}


async def test_the_board_is_a_png_of_the_kit_for_anyone_with_its_link(
    client: httpx.AsyncClient, service: KitService
) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=body('Tidewater Credit Union'))).json()
    async with client_for(api_app(service=service)) as stranger:  # another caller, no cookie of the owner's
        response = await stranger.get(f'/api/v1/kits/{kit["id"]}/export/board')
        assert (await stranger.delete(f'/api/v1/kits/{kit["id"]}')).status_code == 403, 'reading is not owning'
    assert response.status_code == 200
    assert response.headers['content-type'] == 'image/png'
    assert 'filename="tidewater-credit-union-brand-board.png"' in response.headers['content-disposition']
    assert png_size(response.content) == (1600, 1000)
    primary = kit['color_palette']['light']['primary']
    rgb = tuple(int(primary[i : i + 2], 16) for i in (1, 3, 5))
    with Image.open(io.BytesIO(response.content)) as image:
        assert rgb in {colour for _, colour in image.convert('RGB').getcolors(1600 * 1000) or []}
    missing = await client.get('/api/v1/kits/' + 'x' * 22 + '/export/board')
    assert missing.status_code == 404


async def test_the_mockups_archive_holds_png_and_svg_of_each_and_the_signature(client: httpx.AsyncClient) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=body('<script>alert(1)</script> Bakery'))).json()
    response = await client.get(f'/api/v1/kits/{kit["id"]}/export/mockups')
    assert response.status_code == 200
    assert response.headers['content-type'] == 'application/zip'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.testzip() is None
        files = {name: archive.read(name) for name in archive.namelist()}
    for mockup in (*BOARDS.values(), *MOCKUPS.values()):
        assert png_size(files[f'png/{mockup.name}.png']) == (mockup.width, mockup.height)
        svg = files[f'svg/{mockup.name}.svg']
        assert b'<text' not in svg and b'<script' not in svg
    signature = files['email-signature.html'].decode('utf-8')
    assert '&lt;script&gt;alert(1)&lt;/script&gt; Bakery' in signature and '<script>' not in signature
    bundle = await client.get(f'/api/v1/kits/{kit["id"]}/export/zip')
    with zipfile.ZipFile(io.BytesIO(bundle.content)) as archive:
        names = set(archive.namelist())
    assert {f'mockups/{name}' for name in files} <= names
    assert any(name.endswith('-brand-board.png') and '/' not in name for name in names)
