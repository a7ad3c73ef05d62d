"""The brand in use as files: the brand board as PNG (1600x1000, and 1200x630 for link previews), and every mockup
as PNG and SVG (the email signature also as HTML) in one ZIP. The signature shows its logo from where this server
hosts it (`signature_logo_url`, BRANDSMITH_PUBLIC_URL): an exported file knows no other address to fetch it from.

Rendering takes a few seconds of CPU for the whole set: call these from a worker thread in async code. Renders are
cached per kit revision (the kit's JSON), so a board asked for again, or by the share page's preview, is not redrawn.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from threading import Lock
from urllib.parse import quote, urlencode

import resvg_py

from branding.design.font_files import FontLibrary
from branding.design.inuse import BOARDS, MOCKUPS, Mockup, in_use
from branding.design.inuse.signature import html as signature_html
from branding.exports.common import zip_archive
from branding.exports.png import safe_svg
from branding.models import BrandKit

# Renders kept, least recently used first out: a share page asks for the board and a dozen thumbnails at once, a few
# kits' worth fit (like the logo renders' lru_cache in png.py, per process and bounded).
CACHE_BYTES = 48_000_000
_cache: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
_held = [0]  # bytes in _cache
_lock = Lock()


def revision(kit: BrandKit) -> str:
    """What the drawings depend on: the kit as saved (a regenerated section or another logo is a new revision)."""
    return hashlib.sha256(kit.model_dump_json(exclude={'generation_time_seconds'}).encode()).hexdigest()[:24]


def _cached(key: tuple[str, str, str]) -> bytes | None:
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
        return found


def _store(key: tuple[str, str, str], data: bytes) -> bytes:
    with _lock:
        if key not in _cache:
            _cache[key] = data
            _held[0] += len(data)
        while _held[0] > CACHE_BYTES and len(_cache) > 1:
            _held[0] -= len(_cache.popitem(last=False)[1])
    return data


def render(svg: str, mockup: Mockup, *, width: int | None = None) -> bytes:
    """The drawing as PNG at exactly its size (or `width` px wide, its height in proportion)."""
    wide = width or mockup.width
    high = round(mockup.height * wide / mockup.width)
    return bytes(
        resvg_py.svg_to_bytes(svg_string=safe_svg(svg), width=wide, height=high, skip_system_fonts='<text' not in svg)
    )


IN_USE: dict[str, Mockup] = {**BOARDS, **MOCKUPS}
THUMBNAIL_WIDTH = 480


def drawing_png(kit: BrandKit, fonts: FontLibrary, name: str, *, thumbnail: bool = False) -> bytes:
    """The board or mockup `name` (see IN_USE) as PNG, full size or THUMBNAIL_WIDTH wide; KeyError for another
    name."""
    mockup = IN_USE[name]
    key = (revision(kit), str(fonts.root), f'{name}@{THUMBNAIL_WIDTH if thumbnail else mockup.width}')
    found = _cached(key)
    if found is not None:
        return found
    svg = mockup.draw(in_use(kit, fonts)).svg(printed=False)
    return _store(key, render(svg, mockup, width=THUMBNAIL_WIDTH if thumbnail else None))


def drawing_path(kit: BrandKit, name: str, *, thumbnail: bool = False, rev: int | None = None) -> str:
    """Where the in-use route (`GET /api/v1/kits/{id}/in-use/{name}.png`) serves drawing `name` of `kit`, full size
    or as its `thumbnail`, as saved now or at revision `rev`, with the drawing's revision as `v` (which the route
    caches for good). The one place this URL is made: the pages' images and the exports' signature logo."""
    fields = {'v': revision(kit)} | ({'thumbnail': 'true'} if thumbnail else {}) | ({'rev': rev} if rev else {})
    query = urlencode(fields)
    return f'/api/v1/kits/{quote(kit.id, safe="")}/in-use/{name}.png?{query}'


def signature_logo_url(public_url: str | None, kit: BrandKit, *, rev: int | None = None) -> str:
    """The absolute URL of the signature's logo on this server, reached at `public_url` (BRANDSMITH_PUBLIC_URL, no
    trailing slash); '' without one."""
    return f'{public_url}{drawing_path(kit, "signature-logo", rev=rev)}' if public_url else ''


def board_png(kit: BrandKit, fonts: FontLibrary) -> bytes:
    """The brand board, 1600x1000."""
    return drawing_png(kit, fonts, 'brand-board')


def _described(mockup: Mockup) -> str:
    note = f'; {mockup.note}' if mockup.note else ''
    return f'  {mockup.name}.png/.svg: {mockup.title}, {mockup.width}x{mockup.height} px{note}'


def _signature_described(logo_url: str) -> str:
    pasted = '  email-signature.html: paste into your mail client (Gmail, Outlook, Apple Mail) as the signature'
    if logo_url:
        return f'{pasted}; it shows the logo (png/signature-logo.png) from {logo_url}'
    # mail clients show a signature's images only from a web address, and the archive does not know this server's
    return f'{pasted}; without the logo: the server names no public address (its setting BRANDSMITH_PUBLIC_URL adds it)'


def mockup_files(kit: BrandKit, fonts: FontLibrary, *, logo_url: str = '') -> dict[str, bytes]:
    """{'png/instagram-post.png': …, 'svg/instagram-post.svg': …, 'email-signature.html': …, 'README.txt': …}; the
    signature shows its logo from `logo_url` (absolute, see signature_logo_url), without one it is text alone."""
    ctx = in_use(kit, fonts)
    files: dict[str, bytes] = {}
    for mockup in IN_USE.values():
        canvas = mockup.draw(ctx)
        files[f'svg/{mockup.name}.svg'] = canvas.svg().encode('utf-8')
        files[f'png/{mockup.name}.png'] = render(canvas.svg(printed=False), mockup)
    files['email-signature.html'] = signature_html(ctx, logo_url=logo_url).encode('utf-8')
    lines = [
        f'{ctx.name}: the brand in use, drawn from the kit (placeholder people and contact details are examples).',
        '',
        *(_described(mockup) for mockup in IN_USE.values()),
        _signature_described(logo_url),
    ]
    return {'README.txt': ('\n'.join(lines) + '\n').encode('utf-8'), **files}


def mockups_zip(kit: BrandKit, fonts: FontLibrary, *, logo_url: str = '') -> bytes:
    key = (revision(kit), str(fonts.root), f'mockups.zip@{logo_url}')
    found = _cached(key)
    if found is not None:
        return found
    return _store(key, zip_archive(mockup_files(kit, fonts, logo_url=logo_url), kit.generated_at))
