"""The brand book's look, taken from the kit itself: its light-theme colours and its heading, body and accent faces."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle

from branding.design.color import most_readable
from branding.design.font_files import FontLibrary
from branding.exports.common import KitFont, checked_hex, kit_fonts, kit_title
from branding.exports.pdf_fonts import PdfFace, builtin_face, pdf_face
from branding.exports.pdf_markdown import MarkdownStyles
from branding.models import BrandKit, ColorPalette

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 56.0
MARGIN_TOP = 72.0
MARGIN_BOTTOM = 64.0
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
PX_TO_PT = 0.75  # CSS px are 1/96 in, PDF points 1/72 in
NEUTRAL_INK = '#1f2328'
NEUTRAL_MUTED = '#59636e'
NEUTRAL_RULE = '#d1d9e0'
NEUTRAL_TINT = '#f6f8fa'
NEUTRAL_PRIMARY = '#2f3a46'
FAIL_RED = '#b42318'


def readable_on(background: str, dark: str = '#111111', light: str = '#ffffff') -> str:
    """Whichever of `dark` and `light` contrasts more with `background` (dark on a tie), for labels on swatches."""
    return most_readable(background, (dark, light))


def color(hex_color: str) -> Color:
    return HexColor(checked_hex(hex_color))


@dataclass(kw_only=True, slots=True, frozen=True)
class BookColors:
    ink: str
    muted: str
    primary: str
    on_primary: str
    accent: str
    rule: str
    tint: str


def book_colors(palette: ColorPalette | None) -> BookColors:
    if palette is None:
        return BookColors(
            ink=NEUTRAL_INK,
            muted=NEUTRAL_MUTED,
            primary=NEUTRAL_PRIMARY,
            on_primary='#ffffff',
            accent=NEUTRAL_PRIMARY,
            rule=NEUTRAL_RULE,
            tint=NEUTRAL_TINT,
        )
    if palette.light is not None:
        theme = palette.light
        return BookColors(
            ink=theme.text,
            muted=theme.muted_text,
            primary=theme.primary,
            on_primary=theme.on_primary,
            accent=theme.accent,
            rule=theme.border,
            tint=theme.background,
        )
    return BookColors(
        ink=NEUTRAL_INK,
        muted=NEUTRAL_MUTED,
        primary=palette.primary,
        on_primary=readable_on(palette.primary),
        accent=palette.accent,
        rule=NEUTRAL_RULE,
        tint=NEUTRAL_TINT,
    )


@dataclass(kw_only=True, slots=True, frozen=True)
class BookFonts:
    heading: PdfFace
    body: PdfFace
    code: PdfFace  # hexes and code: the accent face when it is monospaced, else Courier
    by_role: dict[str, KitFont]


def _heading_weight(kit: BrandKit) -> int:
    steps = kit.typography.type_scale if kit.typography else []
    return next((step.weight for step in steps if step.name == 'h1'), 700 if not steps else steps[0].weight)


def book_fonts(kit: BrandKit, fonts: FontLibrary) -> BookFonts:
    by_role = {font.role: font for font in kit_fonts(kit.typography)}
    accent = by_role.get('accent')
    monospaced = accent is not None and accent.category == 'monospace'
    heading = pdf_face(by_role.get('heading'), fonts, _heading_weight(kit)) if by_role else builtin_face('sans-serif')
    return BookFonts(
        heading=heading,
        body=pdf_face(by_role.get('body'), fonts, 400, italics=True) if by_role else builtin_face('sans-serif'),
        code=pdf_face(accent, fonts, 400) if monospaced else builtin_face('monospace'),
        by_role=by_role,
    )


def _style(name: str, font: str, size: float, leading: float, text: str, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=color(text), **extra)


def book_styles(colors: BookColors, fonts: BookFonts) -> dict[str, ParagraphStyle]:
    heading, body, code = fonts.heading.regular, fonts.body.regular, fonts.code.regular
    ink, muted, primary = colors.ink, colors.muted, colors.primary
    return {
        'cover-title': _style('cover-title', heading, 40, 46, colors.on_primary),
        'cover-tagline': _style('cover-tagline', body, 15, 21, colors.on_primary, spaceBefore=14),
        'h1': _style('h1', heading, 26, 32, primary, spaceAfter=14, keepWithNext=1),
        'h2': _style('h2', heading, 15, 20, ink, spaceBefore=16, spaceAfter=6, keepWithNext=1),
        'h3': _style('h3', heading, 11.5, 15, ink, spaceBefore=10, spaceAfter=4, keepWithNext=1),
        'h4': _style('h4', body, 10, 14, muted, spaceBefore=8, spaceAfter=3, keepWithNext=1),
        'lead': _style('lead', body, 11, 16.5, ink, spaceAfter=10),
        'body': _style('body', body, 9.5, 14, ink, spaceAfter=6, alignment=TA_LEFT),
        'quote': _style('quote', body, 9.5, 14, muted, spaceAfter=6),
        'small': _style('small', body, 8, 11, muted, spaceAfter=4),
        'cell': _style('cell', body, 8.5, 11, ink),
        'cell-head': _style('cell-head', fonts.body.bold, 7.5, 10, muted),
        'swatch': _style('swatch', code, 6.5, 8, ink),
        'code': _style(
            'code', code, 8, 11, ink, backColor=color(colors.tint), borderPadding=6, spaceBefore=6, spaceAfter=10
        ),
        'note': _style(
            'note', body, 9, 13, ink, backColor=color(colors.tint), borderPadding=6, spaceBefore=6, spaceAfter=12
        ),
        'tagline': _style('tagline', heading, 20, 26, primary, spaceBefore=12, spaceAfter=4, keepWithNext=1),
    }


@dataclass(kw_only=True, slots=True, frozen=True)
class Book:
    kit: BrandKit
    title: str
    colors: BookColors
    fonts: BookFonts
    styles: dict[str, ParagraphStyle]
    library: FontLibrary  # the font files the faces come from, and the script fonts text falls back on
    paintings: Mapping[int, bytes] = field(default_factory=dict)  # the kit's kept logo paintings, by concept index

    def markdown_styles(self) -> MarkdownStyles:
        # the guidelines sit under the book's own section title, so their headings move down a level
        return MarkdownStyles(
            headings=[self.styles['h2'], self.styles['h3'], self.styles['h4']],
            body=self.styles['body'],
            quote=self.styles['quote'],
            code=self.styles['code'],
            code_font=self.fonts.code.regular,
            table_header=self.styles['cell-head'],
            table_cell=self.styles['cell'],
            rule_color=color(self.colors.rule),
            width=FRAME_WIDTH,
            fonts=self.library,
        )


def make_book(kit: BrandKit, library: FontLibrary) -> Book:
    colors = book_colors(kit.color_palette)
    fonts = book_fonts(kit, library)
    return Book(
        kit=kit, title=kit_title(kit), colors=colors, fonts=fonts, styles=book_styles(colors, fonts), library=library
    )
