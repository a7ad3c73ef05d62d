"""The brand book PDF: a cover in the brand's colours, then the kit section by section, with an outline for viewers.

ReportLab lays it out (BSD; pure Python); logos are embedded as resvg renders, text is set in the kit's own fonts.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC

from reportlab import rl_config
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from branding.design.font_files import FontLibrary
from branding.design.script_type import script_direction
from branding.exports.common import APP_NAME, brand_colors, generated_on, palette_scales
from branding.exports.pdf_inuse import board_section, in_use_section
from branding.exports.pdf_markdown import markup
from branding.exports.pdf_scripts import ScriptParagraph, draw_text, fit_width, text_width
from branding.exports.pdf_sections import (
    about_section,
    guidelines_section,
    logo_image,
    logos_section,
    palette_section,
    taglines_section,
    typography_section,
)
from branding.exports.pdf_style import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Book,
    color,
    make_book,
)
from branding.models import BrandKit

# ReportLab ASCII85-encodes every stream by default, in pure Python: a third of the build time and a quarter more bytes,
# for 7-bit mail transports nobody uses. The setting is process-wide and read while writing, so it is set here.
rl_config.useA85 = 0

COVER_SPLIT = 0.42  # the brand-colour block covers the top 58% of the cover
STRIP_HEIGHT = 14.0
COVER_FRAME_HEIGHT = PAGE_HEIGHT * (1 - COVER_SPLIT) - 124  # from above the split to below the 'Brand book' label
COVER_LOGO_WIDTH = 220.0
COVER_LOGO_MAX_HEIGHT = PAGE_HEIGHT * COVER_SPLIT - STRIP_HEIGHT - 48 - MARGIN_BOTTOM  # a tall logo ends above the foot
HEADER_SIZE = 8.0
HEADER_GAP = 24.0  # between the running title and 'Brand book' on the right
_OUTLINE_LEVELS = {'h1': 0, 'h2': 1}


def _truncated(text: str, limit: int) -> str:
    return text if len(text) <= limit else f'{text[: limit - 1].rstrip()}…'


def _strip_colors(book: Book) -> list[str]:
    palette = book.kit.color_palette
    if palette is None:
        return []
    scales = dict(palette_scales(palette))
    return (
        [hex_color for _, hex_color in scales['primary']]
        if 'primary' in scales
        else [h for _, h in brand_colors(palette)]
    )


def _draw_cover(canvas: Canvas, book: Book) -> None:
    colors, fonts = book.colors, book.fonts
    split = PAGE_HEIGHT * COVER_SPLIT
    canvas.saveState()
    canvas.setFillColor(color(colors.primary))
    canvas.rect(0, split, PAGE_WIDTH, PAGE_HEIGHT - split, stroke=0, fill=1)
    strip = _strip_colors(book)
    for index, hex_color in enumerate(strip):
        width = PAGE_WIDTH / len(strip)
        canvas.setFillColor(color(hex_color))
        canvas.rect(index * width, split - STRIP_HEIGHT, width + 0.5, STRIP_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(color(colors.on_primary))
    canvas.setFont(fonts.body.bold, 10)
    canvas.drawString(MARGIN_X, PAGE_HEIGHT - 64, 'BRAND BOOK')
    text_x = MARGIN_X
    logo = logo_image(book.kit.logos[0].svg, COVER_LOGO_WIDTH, COVER_LOGO_MAX_HEIGHT) if book.kit.logos else None
    if logo is not None:
        top = split - STRIP_HEIGHT - 48
        logo.drawOn(canvas, MARGIN_X, top - logo.drawHeight)
        canvas.setStrokeColor(color(colors.rule))
        canvas.setLineWidth(0.5)
        canvas.rect(MARGIN_X, top - logo.drawHeight, logo.drawWidth, logo.drawHeight, stroke=1, fill=0)
        text_x = MARGIN_X + logo.drawWidth + 28
    lines = [
        (fonts.body.bold, 11, colors.ink, 'Brand book'),
        (fonts.body.regular, 10, colors.muted, f'Generated {generated_on(book.kit)}'),
        (fonts.body.regular, 10, colors.muted, f'Kit {_truncated(book.kit.id, 32)}'),
        (fonts.body.regular, 10, colors.muted, f'Made with {APP_NAME}'),
    ]
    y = split - STRIP_HEIGHT - 60
    for font, size, ink, text in lines:
        canvas.setFillColor(color(ink))
        fitted = fit_width(text, font, size, PAGE_WIDTH - MARGIN_X - text_x, book.library)
        draw_text(canvas, text_x, y, fitted, font=font, size=size, fonts=book.library)
        y -= size * 1.7
    canvas.restoreState()


def _draw_page(canvas: Canvas, book: Book) -> None:
    colors, fonts = book.colors, book.fonts
    canvas.saveState()
    body = fonts.body.regular
    canvas.setFillColor(color(colors.muted))
    room = FRAME_WIDTH - text_width('Brand book', body, HEADER_SIZE, book.library) - HEADER_GAP
    title = fit_width(book.title, body, HEADER_SIZE, room, book.library)
    draw_text(canvas, MARGIN_X, PAGE_HEIGHT - 40, title, font=body, size=HEADER_SIZE, fonts=book.library)
    canvas.setFont(body, HEADER_SIZE)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 40, 'Brand book')
    canvas.setStrokeColor(color(colors.primary))
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_X, PAGE_HEIGHT - 48, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 48)
    canvas.drawString(MARGIN_X, 36, f'Generated {generated_on(book.kit)} with {APP_NAME}')
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 36, str(canvas.getPageNumber()))
    canvas.restoreState()


class BrandBookTemplate(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, book: Book) -> None:
        super().__init__(
            buffer,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            title=f'{book.title} brand book',
            author=APP_NAME,
            subject=f'Brand book for {book.title}, generated {generated_on(book.kit)}',
            creator=APP_NAME,
            invariant=True,  # no creation timestamp or random ID: the same kit gives the same bytes
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
        )
        split = PAGE_HEIGHT * COVER_SPLIT
        cover_frame = Frame(MARGIN_X, split + 24, FRAME_WIDTH, COVER_FRAME_HEIGHT, id='cover')
        body_frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id='body')
        self.addPageTemplates(
            [
                PageTemplate(id='cover', frames=[cover_frame], onPage=lambda c, _doc: _draw_cover(c, book)),
                PageTemplate(id='content', frames=[body_frame], onPage=lambda c, _doc: _draw_page(c, book)),
            ]
        )
        self._outline_count = 0
        self._generated_at = book.kit.generated_at

    def beforeDocument(self) -> None:
        # invariant mode pins the dates to 2000-01-01; the kit's own date is both reproducible and true
        stamp = f"D:{self._generated_at.astimezone(UTC):%Y%m%d%H%M%S}+00'00'"
        self.canv.setDateFormatter(lambda *_: stamp)

    def afterFlowable(self, flowable: Flowable) -> None:  # ReportLab's hook, hence the name
        """Section and sub-section titles become the PDF outline (the viewer's bookmarks panel)."""
        if not isinstance(flowable, Paragraph):
            return
        level = _OUTLINE_LEVELS.get(flowable.style.name)
        if level is None:
            return
        self._outline_count += 1
        key = f'outline-{self._outline_count}'
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=level > 0)


def _directed(style: ParagraphStyle, text: str) -> ParagraphStyle:
    """`style` set flush right for text written right to left (it starts at the right margin), else as it is."""
    return style.clone(f'{style.name}-rtl', alignment=TA_RIGHT) if script_direction(text) == 'rtl' else style


def _cover(book: Book) -> list[Flowable]:
    title_style = book.styles['cover-title']
    if len(book.title) > 40:
        title_style = title_style.clone('cover-title-long', fontSize=28, leading=34)
    title = ScriptParagraph(markup(book.title), _directed(title_style, book.title), fonts=book.library)
    content: list[Flowable] = [title]
    if book.kit.taglines:
        text = book.kit.taglines[0].text
        style = _directed(book.styles['cover-tagline'], text)
        content.append(ScriptParagraph(markup(text), style, fonts=book.library))
    return [
        KeepInFrame(FRAME_WIDTH - 12, COVER_FRAME_HEIGHT - 16, content, mode='shrink'),
        NextPageTemplate('content'),
        PageBreak(),
    ]


def _story(book: Book) -> list[Flowable]:
    kit = book.kit
    story = [*_cover(book), *board_section(book), PageBreak(), *about_section(book)]  # the kit at a glance first
    sections: list[list[Flowable]] = []
    if kit.color_palette is not None:
        sections.append(palette_section(book, kit.color_palette))
    if kit.typography is not None:
        sections.append(typography_section(book, kit.typography))
    if kit.logos:
        sections.append(logos_section(book, kit.logos))
    sections.append(in_use_section(book))
    if kit.taglines:
        sections.append(taglines_section(book))
    if kit.brand_guidelines and kit.brand_guidelines.strip():
        sections.append(guidelines_section(book, kit.brand_guidelines))
    for section in sections:
        story += [PageBreak(), *section]
    return story


def brand_book_pdf(kit: BrandKit, fonts: FontLibrary, *, paintings: Mapping[int, bytes] | None = None) -> bytes:
    """The brand book of `kit`, its text set in the kit's fonts as installed in `fonts` (built-in faces stand in for
    any that are not), with the logo `paintings` kept with the kit (by concept index)."""
    book = replace(make_book(kit, fonts), paintings=paintings or {})
    buffer = io.BytesIO()
    BrandBookTemplate(buffer, book).build(_story(book))
    return buffer.getvalue()
