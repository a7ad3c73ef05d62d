"""Large renders and PNG encoding by libvips (pyvips), for the logo pack's PNGs at 1024 px wide and more.

libvips draws a 2048 px logo file about five times as fast as resvg and encodes its PNG ten times as fast as zlib
from Python, and its calls release the GIL, so the pack's large files are made in threads of the server process.
resvg stays the renderer of everything small (favicons, the legibility measures), where the two differ more, and of
every drawing libvips might draw otherwise (live text, images, styles, filters): `draw_rgba` returns None for those.

A drawing is rendered the size resvg renders it, in the place resvg puts it: the root element's width and height
rounded to whole units (resvg's size), fitted into `width` by `width * MAX_ASPECT` as resvg fits it, and that size
stretched onto the pixels (an outer <svg> with preserveAspectRatio="none"). libvips is used only in the process that
loaded it: a forked render worker inherits its threads' locks, not its threads, and would wait on them for ever.
"""

from __future__ import annotations

import logging
import math
import os
import re
import struct
from typing import Any

from PIL import Image

log = logging.getLogger(__name__)

MIN_WIDTH = 1024  # narrower renders stay resvg's: at favicon sizes the two anti-alias visibly differently
PNG_COMPRESSION = 6  # libvips' zlib level: files the size of level 4 from Python's zlib, in a tenth of the time
_PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'
_PNG_KEPT = frozenset({b'IHDR', b'IDAT', b'IEND'})  # libvips also writes pHYs (25.4 dpi: a 2 m wide logo in Word)
# what a logo file may hold to be drawn by libvips: shapes, groups, masks, clips and gradients, nothing that loads or
# lays out anything (text, images, fonts) or paints through CSS or filters, where the renderers part ways
_ELEMENTS = frozenset(
    {'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'defs', 'title', 'desc'}
    | {'mask', 'clipPath', 'linearGradient', 'radialGradient', 'stop', 'metadata'}
)
_ELEMENT = re.compile(r'<([A-Za-z][\w:.-]*)')
_UNSUPPORTED = re.compile(r'<!|\sstyle\s*=|\sfilter\s*=|blend-mode|href\s*=|\sfont|\sxml:space|@import|url\((?!#)')
_PROLOGUE = re.compile(r'\s*(?:<\?xml[^>]*\?>\s*)?')
_ROOT = re.compile(r'<svg\b[^>]*>', re.DOTALL)
_LENGTH = r'\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(?:px)?\s*'
_WIDTH = re.compile(rf'\swidth\s*=\s*(["\']){_LENGTH}\1')
_HEIGHT = re.compile(rf'\sheight\s*=\s*(["\']){_LENGTH}\1')
_PLACED = re.compile(r'\s[xy]\s*=')  # a root placed by x/y would move once nested


def _load() -> Any:
    try:
        import pyvips  # noqa: PLC0415  # optional: without it every PNG is resvg's and encoded here

        pyvips.cache_set_max(0)  # every render is new: the cache would only hold 16 MB images alive
    except (ImportError, OSError) as error:  # not installed, or its shared library could not be loaded
        log.info('libvips is not available (%s): the logo pack is rendered by resvg alone', error)
        return None
    return pyvips


_VIPS = _load()
_LOADED_IN = os.getpid()


def available() -> bool:
    """Whether libvips may be used here: installed, and this the process that loaded it (not a forked worker)."""
    return _VIPS is not None and os.getpid() == _LOADED_IN


def _f32(value: float) -> float:
    result: float = struct.unpack('<f', struct.pack('<f', value))[0]
    return result


def resvg_size(width: float, height: float, fit_width: int, max_aspect: int) -> tuple[int, int]:
    """The pixel size resvg renders a drawing of `width` by `height` units at, fitted into `fit_width` by
    `fit_width * max_aspect` (tiny-skia's IntSize::scale_to, in its single-precision arithmetic)."""
    units_w, units_h = math.floor(width + 0.5), math.floor(height + 0.5)  # usvg rounds half away from zero
    box_h = fit_width * max_aspect
    wide = math.ceil(_f32(_f32(box_h * units_w) / units_h))
    if wide >= fit_width:
        return fit_width, math.ceil(_f32(_f32(fit_width * units_h) / units_w))
    return wide, box_h


def _framed(svg: str, width: int, max_aspect: int) -> tuple[str, tuple[int, int]] | None:
    """`svg` inside an outer <svg> stretching resvg's whole-unit size onto the pixels resvg would draw, and that
    size; None for a drawing libvips is not to draw."""
    prologue = _PROLOGUE.match(svg)
    body = svg[prologue.end() if prologue else 0 :]
    root = _ROOT.match(body)
    if root is None or _UNSUPPORTED.search(body) or _PLACED.search(root.group(0)):
        return None
    if not set(_ELEMENT.findall(body)) <= _ELEMENTS:
        return None
    found_w, found_h = _WIDTH.search(root.group(0)), _HEIGHT.search(root.group(0))
    if found_w is None or found_h is None:
        return None
    units_w, units_h = (math.floor(float(found.group(2)) + 0.5) for found in (found_w, found_h))
    if units_w < 1 or units_h < 1:
        return None
    size = resvg_size(float(found_w.group(2)), float(found_h.group(2)), width, max_aspect)
    outer = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size[0]}" height="{size[1]}" '
        f'viewBox="0 0 {units_w} {units_h}" preserveAspectRatio="none">'
    )
    return f'{outer}{body}</svg>', size


def draws(svg: str, width: int, *, max_aspect: int) -> bool:
    """Whether draw_rgba draws `svg` `width` px wide (else it returns None)."""
    return width >= MIN_WIDTH and available() and _framed(svg, width, max_aspect) is not None


def draw_rgba(svg: str, width: int, *, max_aspect: int) -> Image.Image | None:
    """`svg` drawn by libvips as resvg would draw it `width` px wide, as RGBA pixels (not premultiplied); None when
    libvips is not to draw it (unavailable here, too narrow, or a drawing it might draw otherwise). Raises
    ValueError when libvips fails (the caller draws it with resvg)."""
    if width < MIN_WIDTH or not available():
        return None
    framed = _framed(svg, width, max_aspect)
    if framed is None:
        return None
    document, size = framed
    try:
        image = _VIPS.Image.svgload_buffer(document.encode('utf-8'))
        if image.bands != 4 or image.format != 'uchar' or (image.width, image.height) != size:
            raise ValueError(f'libvips drew {image.width}x{image.height}x{image.bands}, not {size[0]}x{size[1]}x4')
        pixels = image.write_to_memory()
    except _VIPS.Error as error:
        raise ValueError(f'libvips could not draw the SVG: {error}') from error
    return Image.frombuffer('RGBA', size, pixels, 'raw', 'RGBA', 0, 1)


def encode_png(image: Image.Image) -> bytes | None:
    """`image` (RGBA or LA) as a PNG by libvips, unfiltered rows; None where libvips is not available here or fails
    (the caller encodes it)."""
    if not available() or image.mode not in ('RGBA', 'LA'):
        return None
    try:
        pixels = _VIPS.Image.new_from_memory(image.tobytes(), image.width, image.height, len(image.mode), 'uchar')
        png = pixels.pngsave_buffer(compression=PNG_COMPRESSION, filter='none', keep='none')
    except _VIPS.Error as error:
        log.warning('libvips could not encode a PNG (%s): encoded with zlib', error)
        return None
    return _essential_chunks(bytes(png))


def _essential_chunks(png: bytes) -> bytes:
    """`png` with only its header, image data and end chunks."""
    kept = [_PNG_SIGNATURE]
    at = len(_PNG_SIGNATURE)
    while at < len(png):
        (length,) = struct.unpack('>I', png[at : at + 4])
        end = at + 12 + length
        if png[at + 4 : at + 8] in _PNG_KEPT:
            kept.append(png[at:end])
        at = end
    return b''.join(kept)
