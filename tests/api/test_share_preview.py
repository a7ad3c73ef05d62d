"""The share page unfurls with the brand and shows it first: Open Graph and Twitter tags whose image is the kit's
link-preview board (a PNG, 1200x630, served to anyone holding the link), the brand board as the first image, sized so
nothing moves when it loads, and the "In use" card of every mockup."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

from nicegui.testing import User

from branding.design.inuse import MOCKUPS
from branding.exports.png import png_size
from tests.api.test_share_page import HOSTILE_NAME, make_kit


def meta(page: str) -> dict[str, str]:
    return {
        unescape(key): unescape(value)
        for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', page)
    }


async def test_the_share_page_unfurls_as_the_brand_and_shows_the_board_first(user: User) -> None:
    kit = await make_kit(user.http_client)
    page = (await user.http_client.get(f'/kit/{kit["id"]}')).text
    tags = meta(page)
    assert tags['og:title'] == f'{HOSTILE_NAME} brand kit' == tags['twitter:title']
    assert tags['og:description'] == kit['taglines'][0]['text']
    assert tags['twitter:card'] == 'summary_large_image' and tags['twitter:image'] == tags['og:image']
    image = urlsplit(tags['og:image'])
    assert image.scheme == 'http' and image.netloc == 'test', 'an absolute URL on this site'
    preview = await user.http_client.get(f'{image.path}?{image.query}')
    assert preview.status_code == 200 and preview.headers['content-type'] == 'image/png'
    assert png_size(preview.content) == (1200, 630) == (int(tags['og:image:width']), int(tags['og:image:height']))
    assert '<script>alert' not in page.split('<main', 1)[0], 'the name is escaped in the head'

    main = page.split('<main id="main">', 1)[1]
    first_image = re.search(r'<img [^>]*>', main)
    assert first_image is not None and 'data-testid="brand-board"' in first_image.group(0)
    assert 'width="1600" height="1000"' in first_image.group(0)
    board = re.search(r'src="([^"]+)"', first_image.group(0))
    assert board is not None
    served = await user.http_client.get(unescape(board.group(1)))
    assert png_size(served.content) == (1600, 1000)
    assert main.index('data-testid="card-in-use"') < main.index('data-testid="kit-view"')
    for mockup in MOCKUPS.values():
        assert f'data-testid="mockup-{mockup.name}"' in main
    thumbnail = re.search(r'data-testid="mockup-avatar"><a [^>]*><img src="([^"]+)"', main)
    assert thumbnail is not None
    assert png_size((await user.http_client.get(unescape(thumbnail.group(1)))).content) == (480, 480)


async def test_a_fixed_revision_shows_the_drawings_of_that_revision(user: User) -> None:
    kit = await make_kit(user.http_client)
    page = (await user.http_client.get(f'/kit/{kit["id"]}?rev=1')).text
    image = urlsplit(meta(page)['og:image'])
    assert 'rev=1' in image.query
    assert (await user.http_client.get(f'{image.path}?{image.query}')).status_code == 200
    missing = await user.http_client.get(f'/api/v1/kits/{kit["id"]}/in-use/brand-board.png?rev=99')
    assert missing.status_code == 404
    unknown = await user.http_client.get(f'/api/v1/kits/{kit["id"]}/in-use/..%2F..%2Fetc.png')
    assert unknown.status_code == 404
