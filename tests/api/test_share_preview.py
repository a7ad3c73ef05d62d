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


def tag_attributes(tag: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in re.findall(r' ([a-z-]+)="([^"]*)"', tag)}


async def test_the_board_is_fetched_early_in_the_size_a_phone_needs(user: User) -> None:
    kit = await make_kit(user.http_client)
    page = (await user.http_client.get(f'/kit/{kit["id"]}')).text
    head, main = page.split('<main id="main">', 1)
    board_tag = re.search(r'<img [^>]*data-testid="brand-board"[^>]*>', main)
    preload_tag = re.search(r'<link rel="preload" as="image"[^>]*>', head)
    assert board_tag is not None and preload_tag is not None
    board, preload = tag_attributes(board_tag.group(0)), tag_attributes(preload_tag.group(0))
    assert board['fetchpriority'] == 'high' == preload['fetchpriority'] and 'loading' not in board
    # the preload is the very request the <img> makes, whichever candidate the browser picks
    assert (preload['href'], preload['imagesrcset'], preload['imagesizes']) == (
        board['src'],
        board['srcset'],
        board['sizes'],
    )
    assert 'calc(100vw - 24px)' in board['sizes'], 'a phone takes the board at the width of its screen'
    for candidate in board['srcset'].split(', '):
        url, width = candidate.split(' ')
        served = await user.http_client.get(url)
        assert served.headers['content-type'] == 'image/png'
        assert png_size(served.content) == (int(width.removesuffix('w')), int(width.removesuffix('w')) * 1000 // 1600)
    # every other picture on the page waits until it nears the screen
    others = [tag for tag in re.findall(r'<img [^>]*>', main) if 'data-testid="brand-board"' not in tag]
    assert others and all(tag_attributes(tag).get('loading') == 'lazy' for tag in others)


async def test_a_drawing_is_cached_for_good_under_its_revision_and_revalidated_by_etag(user: User) -> None:
    kit = await make_kit(user.http_client)
    page = (await user.http_client.get(f'/kit/{kit["id"]}')).text
    board = re.search(r'<img [^>]*data-testid="brand-board"[^>]*>', page)
    assert board is not None
    url = tag_attributes(board.group(0))['src']
    first = await user.http_client.get(url)
    assert first.status_code == 200
    assert first.headers['cache-control'] == 'public, max-age=31536000, immutable'
    etag = first.headers['etag']
    again = await user.http_client.get(url, headers={'If-None-Match': etag})
    assert again.status_code == 304 and again.content == b'' and again.headers['etag'] == etag
    # without the revision, or with one the kit no longer is, the drawing may change: a short lifetime
    bare = await user.http_client.get(url.split('?', 1)[0])
    stale = await user.http_client.get(url.split('?', 1)[0] + '?v=0123456789abcdef01234567')
    assert bare.headers['cache-control'] == 'public, max-age=300' == stale.headers['cache-control']
    assert bare.content == first.content
    # the thumbnail is another file, with its own tag
    thumbnail = await user.http_client.get(url + '&thumbnail=true', headers={'If-None-Match': etag})
    assert thumbnail.status_code == 200 and thumbnail.headers['etag'] != etag
    # a change to the kit is a new revision: the old tag no longer matches and the page links the new drawing
    patched = await user.http_client.patch(f'/api/v1/kits/{kit["id"]}', json={'palette': {'primary': '#0a7f5a'}})
    assert patched.status_code == 200
    redrawn = await user.http_client.get(url.split('?', 1)[0], headers={'If-None-Match': etag})
    assert redrawn.status_code == 200 and redrawn.headers['etag'] != etag
    new_page = (await user.http_client.get(f'/kit/{kit["id"]}')).text
    assert url not in unescape(new_page)
