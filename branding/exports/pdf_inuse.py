"""The brand book's pages of the brand in use: the brand board first, after the cover (the kit at a glance before any
prose), and an "In use" section of the mockups, two to a row, each named with its size."""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

from branding.design.inuse import BOARDS, MOCKUPS, Mockup
from branding.exports.inuse import THUMBNAIL_WIDTH, drawing_png
from branding.exports.pdf_scripts import ScriptParagraph
from branding.exports.pdf_style import FRAME_WIDTH, Book

BOARD = BOARDS['brand-board']
AT_A_GLANCE = 'At a glance'
IN_USE = 'In use'
IN_USE_NOTE = (
    'The brand applied: each drawn from this kit (people and contact details are examples). The mockups archive '
    '(export "mockups") holds every one as PNG and SVG, and the email signature as HTML.'
)
CELL_HEIGHT = 170.0  # points: an image's box in the In use grid


def board_section(book: Book) -> list[Flowable]:
    """The brand board across the page."""
    png = drawing_png(book.kit, book.library, BOARD.name)
    height = FRAME_WIDTH * BOARD.height / BOARD.width
    return [Paragraph(AT_A_GLANCE, book.styles['h1']), Image(io.BytesIO(png), width=FRAME_WIDTH, height=height)]


def _cell(book: Book, mockup: Mockup, width: float) -> list[Flowable]:
    png = drawing_png(book.kit, book.library, mockup.name, thumbnail=True)
    scale = min(width / THUMBNAIL_WIDTH, CELL_HEIGHT / (THUMBNAIL_WIDTH * mockup.height / mockup.width))
    image = Image(
        io.BytesIO(png), width=THUMBNAIL_WIDTH * scale, height=THUMBNAIL_WIDTH * mockup.height / mockup.width * scale
    )
    caption = f'{mockup.title}, {mockup.width} x {mockup.height} px'
    return [image, ScriptParagraph(caption, book.styles['body'], fonts=book.library)]


def in_use_section(book: Book) -> list[Flowable]:
    """Every mockup, two to a row."""
    column = FRAME_WIDTH / 2
    cells = [_cell(book, mockup, column - 12) for mockup in MOCKUPS.values()]
    rows = [cells[index : index + 2] for index in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append([])
    grid = Table(rows, colWidths=[column, column])
    grid.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'), ('ALIGN', (0, 0), (-1, -1), 'CENTER')]))
    return [Paragraph(IN_USE, book.styles['h1']), Paragraph(IN_USE_NOTE, book.styles['body']), grid]
