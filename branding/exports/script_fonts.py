"""The fonts the brand book falls back to for text the kit's own fonts cannot show: the catalogue's files are Latin
subsets, so Greek, Cyrillic, Devanagari, Japanese, Chinese, Korean, Arabic and emoji need fonts of their own (Google's
Noto Sans carries Devanagari beside Latin, Greek and Cyrillic).

They are whole TrueType files from the npm registry (@expo-google-fonts, installed with the catalogue's @fontsource
packages by `make fonts`, see fonts/package.json), because ReportLab embeds and subsets TrueType outlines and cannot
use Fontsource's woff2 unicode-range slices. Every path here is found from the font library passed in (the
@fontsource folder), whose sibling holds these packages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from branding.design.font_files import FontLibrary

PACKAGE_SCOPE = '@expo-google-fonts'
WEIGHT_FOLDERS = {400: '400Regular', 700: '700Bold'}
LICENCE = 'OFL-1.1'
LICENCE_URL = 'https://openfontlicense.org'
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


@dataclass(kw_only=True, slots=True, frozen=True)
class ScriptFont:
    key: str  # the npm package's name in its scope, e.g. 'noto-sans-jp'
    family: str
    stem: str  # of its file names: NotoSansJP_400Regular.ttf
    covers: str  # what it is used for, in words
    attribution: str

    @property
    def package(self) -> str:
        return f'{PACKAGE_SCOPE}/{self.key}'


NOTO_SANS = ScriptFont(
    key='noto-sans',
    family='Noto Sans',
    stem='NotoSans',
    covers='Latin letters beyond the catalogue files, Greek, Cyrillic and Devanagari',
    attribution='Copyright 2022 The Noto Project Authors',
)
NOTO_SANS_JP = ScriptFont(
    key='noto-sans-jp',
    family='Noto Sans JP',
    stem='NotoSansJP',
    covers='Japanese',
    attribution='Copyright 2014-2021 Adobe, with Reserved Font Name Source',
)
NOTO_SANS_SC = ScriptFont(
    key='noto-sans-sc',
    family='Noto Sans SC',
    stem='NotoSansSC',
    covers='Chinese',
    attribution='Copyright 2014-2021 Adobe, with Reserved Font Name Source',
)
NOTO_SANS_KR = ScriptFont(
    key='noto-sans-kr',
    family='Noto Sans KR',
    stem='NotoSansKR',
    covers='Korean',
    attribution='Copyright 2014-2021 Adobe, with Reserved Font Name Source',
)
NOTO_SANS_ARABIC = ScriptFont(
    key='noto-sans-arabic',
    family='Noto Sans Arabic',
    stem='NotoSansArabic',
    covers='Arabic script',
    attribution='Copyright 2022 The Noto Project Authors',
)
NOTO_EMOJI = ScriptFont(
    key='noto-emoji',
    family='Noto Emoji',
    stem='NotoEmoji',
    covers='emoji (in outline, as PDF text has no colour glyphs)',
    attribution='Copyright 2013 Google LLC',
)
# The order characters look for a font in; Han characters are the exception (see `han_preference`).
SCRIPT_FONTS = (NOTO_SANS, NOTO_SANS_ARABIC, NOTO_SANS_JP, NOTO_SANS_SC, NOTO_SANS_KR, NOTO_EMOJI)


def font_path(fonts: FontLibrary, font: ScriptFont, weight: int = 400) -> Path | None:
    """The TrueType file of `font` at 400 or 700 (the nearer to `weight`) installed beside `fonts`, or None if it is
    not installed."""
    folder = WEIGHT_FOLDERS[700 if weight >= 600 else 400]
    path = fonts.scope(PACKAGE_SCOPE) / font.key / folder / f'{font.stem}_{folder}.ttf'
    return path if path.is_file() else None


def licence_text(fonts: FontLibrary, font: ScriptFont) -> str | None:
    path = fonts.scope(PACKAGE_SCOPE) / font.key / 'LICENSE_FONT'
    try:
        return path.read_text(encoding='utf-8', errors='replace').strip() or None
    except OSError:
        return None


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def _is_kana(char: str) -> bool:
    return 0x3040 <= ord(char) <= 0x30FF or 0x31F0 <= ord(char) <= 0x31FF


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def han_preference(text: str) -> tuple[ScriptFont, ...]:
    """Which CJK font sets Han characters: the same character is drawn differently in Japanese, Chinese and Korean,
    so kana next to it means Japanese, Hangul means Korean, and Han alone is read as Chinese."""
    if any(_is_kana(char) for char in text):
        return (NOTO_SANS_JP, NOTO_SANS_SC, NOTO_SANS_KR)
    if any(_is_hangul(char) for char in text):
        return (NOTO_SANS_KR, NOTO_SANS_JP, NOTO_SANS_SC)
    return (NOTO_SANS_SC, NOTO_SANS_JP, NOTO_SANS_KR)


def candidates(char: str, han_order: tuple[ScriptFont, ...]) -> tuple[ScriptFont, ...]:
    """The script fonts to try for `char`, most fitting first."""
    if _is_han(char):
        return han_order
    if _is_kana(char):
        return (NOTO_SANS_JP, *(font for font in han_order if font is not NOTO_SANS_JP))
    return SCRIPT_FONTS


def is_ignorable(char: str) -> bool:
    """Joiners and variation selectors: invisible, so a font that lacks them may simply leave them out."""
    code = ord(char)
    return unicodedata.category(char) == 'Cf' or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def needs_script_font(char: str) -> bool:
    """Whether the catalogue's Latin files may lack `char`."""
    code = ord(char)
    in_latin_file = any(low <= code <= high for low, high in LATIN_FILE_RANGES)
    return not in_latin_file and not char.isspace() and not is_ignorable(char)


def script_of(char: str) -> ScriptFont | None:
    """The script font that would set `char` when the catalogue font lacks it, judged by its Unicode block alone
    (for licences and notes; the PDF itself asks each font's character map)."""
    if not needs_script_font(char) or _is_han(char):  # Han is decided with the text around it: `script_fonts_for`
        return None
    code = ord(char)
    if _is_kana(char) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
        return NOTO_SANS_JP
    if _is_hangul(char):
        return NOTO_SANS_KR
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return NOTO_SANS_ARABIC
    if code >= 0x1F000 or 0x2600 <= code <= 0x27BF:
        return NOTO_EMOJI
    return NOTO_SANS


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
