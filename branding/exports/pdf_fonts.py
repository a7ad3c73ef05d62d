"""The kit's fonts for ReportLab: the installed woff2/woff files, decompressed to TrueType in memory and registered once
per process; a built-in PDF face of the same kind stands in when a file is missing."""

from __future__ import annotations

import io
import logging
import threading
from dataclasses import dataclass
from functools import lru_cache

from fontTools.ttLib import TTFont as FontToolsFont
from fontTools.ttLib import TTLibError
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from branding.design.font_files import FontLibrary, fontsource_id
from branding.design.typography import nearest_weight
from branding.exports.common import KitFont

log = logging.getLogger(__name__)

# (regular, bold, italic, bold italic) of the standard PDF faces every viewer has
BUILTIN_FACES: dict[str, tuple[str, str, str, str]] = {
    'serif': ('Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic'),
    'monospace': ('Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique'),
    'sans-serif': ('Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'),
}
REGISTRATION = threading.Lock()  # pdfmetrics' registry is a process-wide dict


@dataclass(kw_only=True, slots=True, frozen=True)
class PdfFace:
    family: str  # the name ReportLab maps <b> and <i> through
    regular: str
    bold: str
    label: str  # what the specimen says it shows, e.g. 'Lato 700' or 'Helvetica (built-in)'
    embedded: bool  # False when a built-in face stands in for a missing font file


def _truetype(path: str) -> io.BytesIO:
    font = FontToolsFont(path)
    font.flavor = None  # woff/woff2 -> plain sfnt, which is what ReportLab reads
    buffer = io.BytesIO()
    font.save(buffer)
    buffer.seek(0)
    return buffer


@lru_cache(maxsize=256)  # another library is another key
def registered_font(fonts: FontLibrary, family: str, weight: int, style: str = 'normal') -> str | None:
    """The ReportLab name of `family` at `weight` and `style`, registering it on first use; None if it is not
    installed in `fonts`."""
    # woff first: zlib only, where woff2's glyph-table transform takes ~10x as long to undo
    path = fonts.file(family, weight, style, 'woff') or fonts.file(family, weight, style, 'woff2')
    if path is None:
        return None
    name = f'BS-{fontsource_id(family)}-{weight}{"-italic" if style == "italic" else ""}'
    # ReportLab's registry is process-wide and by name; a process draws from one font library, so a name is one file
    try:
        with REGISTRATION:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, _truetype(str(path))))
    except (OSError, TTLibError, TTFError, ValueError, KeyError) as error:
        log.warning('font file %s could not be used in the PDF: %s', path, error)
        return None
    return name


def builtin_face(category: str, note_for: str = '') -> PdfFace:
    regular, bold, _, _ = BUILTIN_FACES.get(category, BUILTIN_FACES['sans-serif'])
    label = f'{regular} (built-in{f", standing in for {note_for}" if note_for else ""})'
    return PdfFace(family=regular, regular=regular, bold=bold, label=label, embedded=False)


def _family(regular: str, bold: str, italic: str | None, bold_italic: str | None) -> str:
    family = f'{regular}+{bold}'
    with REGISTRATION:
        pdfmetrics.registerFontFamily(family, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic)
    return family


def pdf_face(font: KitFont | None, fonts: FontLibrary, weight: int = 400, italics: bool = False) -> PdfFace:
    """The kit font at (the nearest installed) `weight` from the files in `fonts`, with a heavier cut for <b> (and
    italic cuts for <i> if `italics`: only running text needs them, and each cut costs time to load), or a built-in
    stand-in."""
    if font is None:
        return builtin_face('sans-serif')
    if font.entry is None:
        return builtin_face(font.category, font.family)
    entry = font.entry
    regular_weight = nearest_weight(entry, weight)
    bold_weight = max(nearest_weight(entry, max(700, regular_weight + 200)), regular_weight)
    regular = registered_font(fonts, entry.family, regular_weight)
    if regular is None:
        return builtin_face(font.category, f'{entry.family} {regular_weight}')
    bold = registered_font(fonts, entry.family, bold_weight) or regular
    wants_italics = italics and 'italic' in entry.styles
    italic = registered_font(fonts, entry.family, regular_weight, 'italic') if wants_italics else None
    bold_italic = registered_font(fonts, entry.family, bold_weight, 'italic') if italic else None
    return PdfFace(
        family=_family(regular, bold, italic, bold_italic),
        regular=regular,
        bold=bold,
        label=f'{entry.family} {regular_weight}',
        embedded=True,
    )
