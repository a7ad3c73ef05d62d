"""The fonts the brand book falls back to for text the kit's own fonts cannot show: the catalogue's files are Latin
subsets, so Greek, Cyrillic, Devanagari, Thai, Japanese, Chinese, Korean, Arabic, Hebrew and emoji need fonts of their
own. The catalogue of those fonts is the design engine's (`branding.design.scripts`), which marks outline as well.

They are whole TrueType files from the npm registry (@expo-google-fonts, installed with the catalogue's @fontsource
packages by `make fonts`, see fonts/package.json), because ReportLab embeds and subsets TrueType outlines and cannot
use Fontsource's woff2 unicode-range slices. Every path here is found from the font library passed in (the
@fontsource folder), whose sibling holds these packages.
"""

from __future__ import annotations

from collections.abc import Iterable

from branding.design.scripts import (
    LICENCE,
    LICENCE_URL,
    NOTO_EMOJI,
    NOTO_SANS,
    NOTO_SANS_ARABIC,
    NOTO_SANS_DEVANAGARI,
    NOTO_SANS_HEBREW,
    NOTO_SANS_JP,
    NOTO_SANS_KR,
    NOTO_SANS_SC,
    NOTO_SANS_THAI,
    PACKAGE_SCOPE,
    SCRIPT_FONTS,
    ScriptFont,
    candidates,
    font_path,
    han_preference,
    is_ignorable,
    licence_text,
    own_font,
)

__all__ = [
    'LICENCE',
    'LICENCE_URL',
    'NOTO_EMOJI',
    'NOTO_SANS',
    'NOTO_SANS_ARABIC',
    'NOTO_SANS_DEVANAGARI',
    'NOTO_SANS_HEBREW',
    'NOTO_SANS_JP',
    'NOTO_SANS_KR',
    'NOTO_SANS_SC',
    'NOTO_SANS_THAI',
    'PACKAGE_SCOPE',
    'SCRIPT_FONTS',
    'ScriptFont',
    'candidates',
    'font_path',
    'han_preference',
    'is_ignorable',
    'licence_text',
    'needs_script_font',
    'script_fonts_for',
    'script_of',
]

# What every catalogue face's Latin file covers: the unicode-range of Fontsource's 'latin' subset
LATIN_FILE_RANGES = (
    (0x0000, 0x00FF),
    (0x0131, 0x0131),
    (0x0152, 0x0153),
    (0x02BB, 0x02BC),
    (0x02C6, 0x02C6),
    (0x02DA, 0x02DA),
    (0x02DC, 0x02DC),
    (0x0304, 0x0304),
    (0x0308, 0x0308),
    (0x0329, 0x0329),
    (0x2000, 0x206F),
    (0x20AC, 0x20AC),
    (0x2122, 0x2122),
    (0x2191, 0x2191),
    (0x2193, 0x2193),
    (0x2212, 0x2212),
    (0x2215, 0x2215),
    (0xFEFF, 0xFEFF),
    (0xFFFD, 0xFFFD),
)


def needs_script_font(char: str) -> bool:
    """Whether the catalogue's Latin files may lack `char`."""
    code = ord(char)
    in_latin_file = any(low <= code <= high for low, high in LATIN_FILE_RANGES)
    return not in_latin_file and not char.isspace() and not is_ignorable(char)


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def script_of(char: str) -> ScriptFont | None:
    """The script font that would set `char` when the catalogue font lacks it, judged by its Unicode script alone
    (for licences and notes; the PDF itself asks each font's character map)."""
    if not needs_script_font(char) or _is_han(char):  # Han is decided with the text around it: `script_fonts_for`
        return None
    return own_font(char) or NOTO_SANS


def script_fonts_for(texts: Iterable[str]) -> list[ScriptFont]:
    """The script fonts that `texts` need, in catalogue order."""
    needed: set[str] = set()
    for text in texts:
        for char in text:
            if _is_han(char):
                needed.add(han_preference(text)[0].key)
            elif (font := script_of(char)) is not None:
                needed.add(font.key)
    return [font for font in SCRIPT_FONTS if font.key in needed]
