"""The brand in use as files: the brand board as PNG (1600x1000, and 1200x630 for link previews), and every mockup
as PNG and SVG (the email signature also as HTML) in one ZIP.

Rendering takes a few seconds of CPU for the whole set: call these from a worker thread in async code. Renders are
cached per kit revision (the kit's JSON), so a board asked for again, or by the share page's preview, is not redrawn.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from threading import Lock

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


def board_png(kit: BrandKit, fonts: FontLibrary) -> bytes:
    """The brand board, 1600x1000."""
    return drawing_png(kit, fonts, 'brand-board')


def _described(mockup: Mockup) -> str:
    note = f'; {mockup.note}' if mockup.note else ''
    return f'  {mockup.name}.png/.svg: {mockup.title}, {mockup.width}x{mockup.height} px{note}'


def mockup_files(kit: BrandKit, fonts: FontLibrary) -> dict[str, bytes]:
    """{'png/instagram-post.png': …, 'svg/instagram-post.svg': …, 'email-signature.html': …, 'README.txt': …}."""
    ctx = in_use(kit, fonts)
    files: dict[str, bytes] = {}
    for mockup in IN_USE.values():
        canvas = mockup.draw(ctx)
        files[f'svg/{mockup.name}.svg'] = canvas.svg().encode('utf-8')
        files[f'png/{mockup.name}.png'] = render(canvas.svg(printed=False), mockup)
    files['email-signature.html'] = signature_html(ctx).encode('utf-8')
    lines = [
        f'{ctx.name}: the brand in use, drawn from the kit (placeholder people and contact details are examples).',
        '',
        *(_described(mockup) for mockup in IN_USE.values()),
        '  email-signature.html: paste into your mail client (Gmail, Outlook, Apple Mail) as the signature',
    ]
    return {'README.txt': ('\n'.join(lines) + '\n').encode('utf-8'), **files}


def mockups_zip(kit: BrandKit, fonts: FontLibrary) -> bytes:
    key = (revision(kit), str(fonts.root), 'mockups.zip')
    found = _cached(key)
    if found is not None:
        return found
    return _store(key, zip_archive(mockup_files(kit, fonts), kit.generated_at))
