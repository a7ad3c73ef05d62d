"""Logo paintings in the exports: each concept's painting (the PNG kept with the kit) and its trace to vectors, as
archive files and as a row of the brand book. The paintings' bytes come from the kit store, by concept index."""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from branding.exports.pdf_style import FRAME_WIDTH, Book, color
from branding.exports.png import RENDER_ERRORS, logo_stem, render_png
from branding.models import BrandKit, LogoConcept

log = logging.getLogger(__name__)

PAINTINGS_FOLDER = 'paintings'
PDF_TILE = (FRAME_WIDTH - 12) / 2  # two square tiles side by side
TRACE_RENDER_PX = 768


def painting_files(kit: BrandKit, paintings: Mapping[int, bytes]) -> dict[str, bytes]:
    """paintings/<concept>-painting.png and paintings/<concept>-traced.svg for every concept that has them."""
    files: dict[str, bytes] = {}
    for number, logo in enumerate(kit.logos, 1):
        stem = f'{PAINTINGS_FOLDER}/{logo_stem(number, logo)}'
        if (png := paintings.get(number - 1)) is not None:
            files[f'{stem}-painting.png'] = png
        if logo.traced_svg:
            files[f'{stem}-traced.svg'] = logo.traced_svg.encode('utf-8')
    return files


def _image(png: bytes) -> Image:
    return Image(io.BytesIO(png), width=PDF_TILE, height=PDF_TILE)


def _trace(svg: str) -> Image | None:
    try:
        return _image(render_png(svg, TRACE_RENDER_PX))
    except (*RENDER_ERRORS, SyntaxError) as error:
        log.warning('a traced painting could not be rendered for the PDF: %s', error)
        return None


def painting_flowables(book: Book, index: int, logo: LogoConcept, paintings: Mapping[int, bytes]) -> list[Flowable]:
    """The concept's painting and its trace side by side, with who painted it; nothing for a concept not painted."""
    png = paintings.get(index)
    if png is None or logo.painting is None:
        return []
    tiles: list[Flowable] = [_image(png)]
    if logo.traced_svg and (trace := _trace(logo.traced_svg)) is not None:
        tiles.append(trace)
    row = Table([tiles], colWidths=[PDF_TILE + 6] * len(tiles))
    row.setStyle(
        TableStyle([('BOX', (0, 0), (-1, -1), 0.4, color(book.colors.rule)), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')])
    )
    painted_by = f'Painted by {logo.painting.provider} ({logo.painting.model}) from the prompt above'
    if len(tiles) > 1:
        painted_by += '; beside it, the painting traced to vectors in the palette'
    return [Spacer(1, 6), row, Paragraph(escape(painted_by + '.'), book.styles['small']), Spacer(1, 8)]
