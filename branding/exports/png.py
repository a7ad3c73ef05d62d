"""PNG renders of the logo SVGs (resvg), and the logo files by name for the archives."""

from __future__ import annotations

import logging
import re
import struct
from functools import lru_cache

import resvg_py

from branding.exports.common import zip_archive
from branding.models import BrandKit, LogoConcept

log = logging.getLogger(__name__)

PNG_WIDTHS = (512, 1024)
PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'
RENDER_ERRORS = (ValueError, RuntimeError, OSError)  # what resvg raises for SVG it cannot read or draw
MAX_ASPECT = 4  # a render is at most this many times as tall as it is wide, whatever the SVG claims
# Only same-document references and embedded raster images may load anything: resvg would otherwise read any image
# file on the server that an untrusted SVG names, and an embedded SVG could name one in turn.
_SAFE_HREF = re.compile(r'#|data:image/(?:png|jpeg|gif|webp)[;,]', re.IGNORECASE)
_HREF = re.compile(r"""(\bhref\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


def _neutralise(match: re.Match[str]) -> str:
    prefix, quote, target = match.groups()
    return match.group(0) if _SAFE_HREF.match(target.strip()) else f'{prefix}{quote}#{quote}'


def safe_svg(svg: str) -> str:
    """`svg` with every reference to an outside resource pointed at nothing."""
    return _HREF.sub(_neutralise, svg)


# the bundle renders the same logos for the PDF, the PNG set, the PNG archive and the logo pack (a kit of three
# concepts is some 70 renders, at most ~50 kB each at 2048 px: a few MB in all)
@lru_cache(maxsize=256)
def render_png(svg: str, width: int) -> bytes:
    """`svg` rendered `width` pixels wide (height from its aspect ratio). Raises ValueError for SVG resvg cannot read.

    System fonts are loaded only for SVGs with live <text> (the marks outline their lettering), which keeps renders
    fast and independent of the fonts a machine happens to have.
    """
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=safe_svg(svg),
            width=width,
            height=width * MAX_ASPECT,
            skip_system_fonts='<text' not in svg,
        )
    )


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, which the PNG format puts first."""
    if png[:8] != PNG_SIGNATURE or png[12:16] != b'IHDR':
        raise ValueError('not a PNG')
    width, height = struct.unpack('>II', png[16:24])
    return width, height


def logo_stem(number: int, logo: LogoConcept) -> str:
    return f'logo-{number}-{logo.style.value}'


def logo_svgs(kit: BrandKit) -> dict[str, bytes]:
    return {f'{logo_stem(number, logo)}.svg': logo.svg.encode('utf-8') for number, logo in enumerate(kit.logos, 1)}


def logo_pngs(kit: BrandKit) -> dict[str, bytes]:
    """{'logo-1-combination-512.png': png, 'logo-1-combination-1024.png': png, …}; an SVG that cannot be read is
    left out (and logged) rather than failing the whole export."""
    pngs: dict[str, bytes] = {}
    for number, logo in enumerate(kit.logos, 1):
        for width in PNG_WIDTHS:
            try:
                pngs[f'{logo_stem(number, logo)}-{width}.png'] = render_png(logo.svg, width)
            except RENDER_ERRORS as error:
                log.warning('logo %s of kit %s could not be rendered: %s', number, kit.id, error)
                break
    return pngs


def readme(kit: BrandKit, files: list[str], expected: list[str], what: str) -> bytes:
    lines = [f'{what}', '', 'Files:', *(f'  {name}' for name in files)]
    missing = [name for name in expected if name not in files]
    if missing:
        lines += ['', 'Could not be rendered (their SVG is unreadable):', *(f'  {name}' for name in missing)]
    if not kit.logos:
        lines += ['', 'This kit has no logo concepts.']
    return ('\n'.join(lines) + '\n').encode('utf-8')


def expected_pngs(kit: BrandKit) -> list[str]:
    return [f'{logo_stem(n, logo)}-{width}.png' for n, logo in enumerate(kit.logos, 1) for width in PNG_WIDTHS]


def logos_png_zip(kit: BrandKit) -> bytes:
    pngs = logo_pngs(kit)
    notes = readme(
        kit, list(pngs), expected_pngs(kit), f'Logo concepts as PNG, {" and ".join(map(str, PNG_WIDTHS))} px wide.'
    )
    return zip_archive({'README.txt': notes, **pngs}, kit.generated_at)
