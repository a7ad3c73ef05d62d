"""PNG renders of the logo SVGs (resvg; libvips for the logo pack's large files), and the logo files by name for the
archives.

resvg draws every PNG the first time; a file that is another one in one colour (the one-colour logo files are the
full-colour composition with every ink one colour, and black and white share their coverage) is made from that one's
pixels: its coverage with every pixel the one colour, the PNG resvg would have drawn, without drawing it again.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from functools import lru_cache

import resvg_py
from PIL import Image

from branding.exports import vips_raster
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


_PNG_COLOUR_TYPES = {'RGBA': (6, 4), 'LA': (4, 2)}  # Pillow mode -> PNG colour type, channels
PNG_LEVEL = 4  # zlib level of the PNGs made here: files the size of resvg's in half the time of level 6 (bench.marks)
# what a drawing's pixels do not depend on: its accessible name
_LABELS = re.compile(r'<title>.*?</title>|\saria-label="[^"]*"', re.DOTALL)
_MASK = re.compile(r'<mask\b.*?</mask>', re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
_FLAT_PAINT = re.compile(r'\b(fill|stroke)="#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})"')
_ANY_PAINT = re.compile(r'\b(fill|stroke)="(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})"')
ONE_HOT = ('#ff0000', '#00ff00', '#0000ff')
_HEX = re.compile(r'#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})')
# what could make coverage depend on colour, or paint in a way the one-colour check below does not follow
_NOT_FLAT = re.compile(
    r'<!|<style|\sstyle=|filter|blend-mode|<image|<use|<text|<foreignObject|<pattern|Gradient|url\((?!#)'
)
_NOT_PAINTED = frozenset({'defs', 'mask', 'clipPath', 'title', 'desc', 'metadata', 'symbol', 'marker'})
_SHAPES = frozenset({'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'})


def clear_render_cache() -> None:
    _render.cache_clear()


def render_png(svg: str, width: int) -> bytes:
    """`svg` rendered `width` pixels wide (height from its aspect ratio). Raises ValueError for SVG resvg cannot read.

    System fonts are loaded only for SVGs with live <text> (the marks outline their lettering), which keeps renders
    fast and independent of the fonts a machine happens to have. Drawings that differ only in their accessible name
    (a reversed file in the primary's colours) are drawn once.
    """
    return _render(_LABELS.sub('', svg), width)


# the bundle renders the same logos for the PDF, the PNG set, the PNG archive and the logo pack (a kit of three
# concepts is some 70 renders, at most ~50 kB each at 2048 px: a few MB in all)
@lru_cache(maxsize=256)
def _render(svg: str, width: int) -> bytes:
    return draw_png(svg, width)


def draw_png(svg: str, width: int) -> bytes:
    """`svg` drawn by resvg `width` pixels wide, every time (render_png keeps what it drew)."""
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=safe_svg(svg),
            width=width,
            height=width * MAX_ASPECT,
            skip_system_fonts='<text' not in svg,
        )
    )


def by_libvips(svg: str, width: int) -> bool:
    """Whether draw_with_pixels draws `svg` `width` pixels wide with libvips (see vips_raster)."""
    return vips_raster.draws(_vips_form(svg), width, max_aspect=MAX_ASPECT)


def draw_with_pixels(svg: str, width: int) -> tuple[bytes, Image.Image]:
    """`svg` drawn `width` pixels wide as a PNG and its RGBA pixels: by libvips where it draws as resvg does (large
    drawings of shapes, see vips_raster), else by resvg, also when libvips fails. Raises ValueError for SVG neither
    can read."""
    try:
        pixels = vips_raster.draw_rgba(_vips_form(svg), width, max_aspect=MAX_ASPECT)
    except ValueError as error:
        log.warning('%s: drawn by resvg', error)
        pixels = None
    if pixels is not None:
        return encode_png(pixels), pixels
    png = render_png(svg, width)
    return png, decoded(png)


def _vips_form(svg: str) -> str:
    return safe_svg(_LABELS.sub('', svg))


def decoded(png: bytes) -> Image.Image:
    """A PNG's pixels as RGBA."""
    with Image.open(io.BytesIO(png)) as image:
        return image.convert('RGBA')


def encode_png(image: Image.Image, *, level: int = PNG_LEVEL) -> bytes:
    """`image` as an RGBA PNG (grey and alpha for an LA image) with every row unfiltered: a mark's flat colours and
    clear ground compress about as well so as with the adaptive filters, which cost Pillow's encoder three times the
    time. libvips encodes it where it can (ten times as fast), else zlib at `level`."""
    if image.mode not in _PNG_COLOUR_TYPES:
        image = image.convert('RGBA')
    encoded = vips_raster.encode_png(image)
    if encoded is not None:
        return encoded
    colour_type, channels = _PNG_COLOUR_TYPES[image.mode]
    width, height = image.size
    # the rows as bytes, each after its filter-type byte (0, none): the pixels' bytes as a grey image one column in
    rows = Image.new('L', (channels * width + 1, height), 0)
    rows.paste(Image.frombytes('L', (channels * width, height), image.tobytes()), (1, 0))
    header = struct.pack('>IIBBBBB', width, height, 8, colour_type, 0, 0, 0)  # 8 bits a channel, not interlaced
    idat = zlib.compress(rows.tobytes(), level)
    return PNG_SIGNATURE + _chunk(b'IHDR', header) + _chunk(b'IDAT', idat) + _chunk(b'IEND', b'')


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))


def coverage_form(svg: str) -> str:
    """What `svg`'s coverage (its alpha channel) depends on: the drawing with its name left out, its ids numbered in
    order and every flat paint outside its masks made one (inside a mask a colour is coverage). Two drawings with
    the same form cover the same pixels, whatever their colours."""
    drawing = _LABELS.sub('', svg)
    numbers = {name: f'id-{number}' for number, name in enumerate(dict.fromkeys(_ID.findall(drawing)))}
    drawing = _REFERENCE.sub(lambda found: found.group(1) + numbers.get(found.group(2), found.group(2)), drawing)
    parts = _MASK.split(drawing)
    masks = _MASK.findall(drawing)
    flat = [_FLAT_PAINT.sub(r'\1="#"', part) for part in parts]
    return ''.join(part + mask for part, mask in zip(flat, [*masks, ''], strict=True))


def _flat_tree(svg: str) -> ET.Element | None:
    """`svg` parsed, its name left out; None when it paints in a way the paint readers here do not follow (styles,
    gradients, text, images) or does not parse."""
    drawing = _LABELS.sub('', svg)
    if _NOT_FLAT.search(drawing):
        return None
    try:
        return ET.fromstring(drawing)
    except ET.ParseError:
        return None


def flat_colour(svg: str) -> str | None:
    """The one colour every shape of `svg` outside its masks paints with (fill and stroke, inherited, black where
    unset, as SVG says), as '#rrggbb'; None when it paints more than one, or paints in a way not followed here
    (styles, gradients, text, images)."""
    root = _flat_tree(svg)
    if root is None:
        return None
    paints = {_hex(paint) for paint in _paints(root, fill='#000000', stroke='none') if paint != 'none'}
    return paints.pop() if len(paints) == 1 else None


def paint_pattern(svg: str) -> tuple[str, ...] | None:
    """The fill and the stroke of every shape of `svg` outside its masks, in document order, as '#rrggbb' or 'none';
    None when a shape paints in a way not followed here or with SVG's default black (no fill set anywhere)."""
    root = _flat_tree(svg)
    if root is None:
        return None
    pattern: list[str] = []
    for paint in _paints(root, fill='', stroke='none'):  # '': no fill set, SVG's default black
        colour = paint if paint == 'none' else _hex(paint)
        if colour is None:
            return None
        pattern.append(colour)
    return tuple(pattern)


def one_hot(svg: str) -> tuple[str, tuple[str, ...]] | None:
    """`svg` with each of its colours (at most three, outside its masks) painted in a primary of its own, red, green
    then blue, and its colours in that order; None for a drawing that paints otherwise. Drawn by resvg, each channel
    of a pixel is the weight of one colour there (source-over compositing is linear in the colours), so any drawing
    covering the same with its colours in the same places is that render recoloured (see recoloured)."""
    pattern = paint_pattern(svg)
    if pattern is None:
        return None
    colours = tuple(dict.fromkeys(paint for paint in pattern if paint != 'none'))
    if not colours or len(colours) > len(ONE_HOT):
        return None
    primaries = dict(zip(colours, ONE_HOT, strict=False))

    def paint(found: re.Match[str]) -> str:
        return f'{found.group(1)}="{primaries.get(_hex(found.group(2)) or "", "#000000")}"'

    parts, masks = _MASK.split(svg), _MASK.findall(svg)
    painted = [_ANY_PAINT.sub(paint, part) for part in parts]
    return ''.join(part + mask for part, mask in zip(painted, [*masks, ''], strict=True)), colours


def colours_in_place(
    basis: tuple[str, ...], pattern: tuple[str, ...], colours: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The colour `pattern` paints where the drawing of `basis` paints each of `colours`; None when it paints one of
    them in two colours, or its shapes differ."""
    if len(basis) != len(pattern):
        return None
    found: dict[str, str] = {}
    for was, now in zip(basis, pattern, strict=True):
        if (was == 'none') != (now == 'none') or found.setdefault(was, now) != now:
            return None
    return tuple(found[colour] for colour in colours)


def recoloured(basis: Image.Image, colours: tuple[str, ...]) -> bytes:
    """A PNG of the drawing rendered as `basis` (RGBA, by one_hot) with its k-th colour `colours[k]`."""
    levels = [[int(colour[index : index + 2], 16) / 255 for colour in colours] for index in (1, 3, 5)]
    levels = [[*channel, *[0.0] * (len(ONE_HOT) - len(channel))] for channel in levels]
    rgb, alpha = basis.convert('RGB'), basis.getchannel('A')
    if levels[0] == levels[1] == levels[2]:  # black, white, greys: grey and alpha, half the bytes
        return encode_png(Image.merge('LA', (rgb.convert('L', (*levels[0], 0.0)), alpha)))
    matrix = tuple(weight for channel in levels for weight in (*channel, 0.0))
    return encode_png(Image.merge('RGBA', (*rgb.convert('RGB', matrix).split(), alpha)))


def _hex(paint: str) -> str | None:
    """'#rrggbb' for a paint in hex, None for any other (a named colour, a gradient)."""
    found = _HEX.fullmatch(paint.strip())
    if found is None:
        return None
    digits = found.group(1).lower()
    return '#' + (digits if len(digits) == 6 else ''.join(digit * 2 for digit in digits))


def _paints(element: ET.Element, *, fill: str, stroke: str) -> Iterator[str]:
    tag = element.tag.rpartition('}')[2]
    if tag in _NOT_PAINTED:
        return
    fill, stroke = element.get('fill', fill), element.get('stroke', stroke)
    if tag in _SHAPES:
        yield fill
        yield stroke
    for child in element:
        yield from _paints(child, fill=fill, stroke=stroke)


def in_one_colour(coverage: Image.Image, colour: str) -> bytes:
    """A PNG of `colour` ('#rrggbb') over `coverage` (an alpha channel), clear pixels (0, 0, 0, 0) as resvg leaves
    them: the pixels resvg draws of a drawing in that one colour covering as much. Black, white and greys are written
    as grey and alpha, half the bytes of RGBA for the same pixels."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))

    def band(value: int) -> Image.Image:
        return coverage.point([value if level else 0 for level in range(256)])

    if red == green == blue:
        return encode_png(Image.merge('LA', (band(red), coverage)))
    return encode_png(Image.merge('RGBA', (band(red), band(green), band(blue), coverage)))


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
