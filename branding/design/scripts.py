"""Writing systems: which ones a text is written in, and the whole-script Noto fonts installed to set them.

The catalogue's own files are Latin subsets, so Japanese, Chinese, Korean, Arabic, Hebrew, Devanagari, Thai, Greek,
Cyrillic and emoji need fonts of their own. They are whole TrueType files from the npm registry (the @expo-google-fonts
packages, installed beside the @fontsource ones by `make fonts`, see fonts/package.json): marks outline their glyphs,
the brand book embeds them, and the same families' @fontsource packages (unicode-range slices) serve the studio's
specimen. Every path is found from the font library passed in, whose sibling folder holds the packages.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from branding.design.font_files import FontLibrary

PACKAGE_SCOPE = '@expo-google-fonts'
WEIGHT_NAMES = {
    100: 'Thin',
    200: 'ExtraLight',
    300: 'Light',
    400: 'Regular',
    500: 'Medium',
    600: 'SemiBold',
    700: 'Bold',
    800: 'ExtraBold',
    900: 'Black',
}
LICENCE = 'OFL-1.1'
LICENCE_URL = 'https://openfontlicense.org'


@dataclass(kw_only=True, slots=True, frozen=True)
class ScriptFont:
    key: str  # the npm package's name in its scope, e.g. 'noto-sans-jp'; also its @fontsource id
    family: str
    stem: str  # of its file names: NotoSansJP_400Regular.ttf
    covers: str  # what it is used for, in words
    attribution: str
    web: bool = True  # whether the same family's @fontsource package serves the studio's specimen
    # the package's slices named like the Latin faces' ones that this face serves all the same (its own scripts)
    web_slices: tuple[str, ...] = ()
    category: str = 'sans-serif'  # its CSS generic family

    @property
    def package(self) -> str:
        return f'{PACKAGE_SCOPE}/{self.key}'

    @property
    def web_package(self) -> str:
        return f'@fontsource/{self.key}'


_NOTO = 'Copyright 2022 The Noto Project Authors'
_ADOBE = 'Copyright 2014-2021 Adobe, with Reserved Font Name Source'
NOTO_SANS = ScriptFont(
    key='noto-sans',
    family='Noto Sans',
    stem='NotoSans',
    covers='Latin letters beyond the catalogue files, Greek and Cyrillic',
    attribution=_NOTO,
    web_slices=('greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'),
)
NOTO_SANS_DEVANAGARI = ScriptFont(
    key='noto-sans-devanagari',
    family='Noto Sans Devanagari',
    stem='NotoSansDevanagari',
    covers='Devanagari',
    attribution=_NOTO,
)
NOTO_SANS_ARABIC = ScriptFont(
    key='noto-sans-arabic', family='Noto Sans Arabic', stem='NotoSansArabic', covers='Arabic script', attribution=_NOTO
)
NOTO_SANS_HEBREW = ScriptFont(
    key='noto-sans-hebrew', family='Noto Sans Hebrew', stem='NotoSansHebrew', covers='Hebrew', attribution=_NOTO
)
NOTO_SANS_THAI = ScriptFont(
    key='noto-sans-thai', family='Noto Sans Thai', stem='NotoSansThai', covers='Thai', attribution=_NOTO
)
NOTO_SANS_JP = ScriptFont(
    key='noto-sans-jp', family='Noto Sans JP', stem='NotoSansJP', covers='Japanese', attribution=_ADOBE
)
NOTO_SANS_SC = ScriptFont(
    key='noto-sans-sc', family='Noto Sans SC', stem='NotoSansSC', covers='Chinese', attribution=_ADOBE
)
NOTO_SANS_KR = ScriptFont(
    key='noto-sans-kr', family='Noto Sans KR', stem='NotoSansKR', covers='Korean', attribution=_ADOBE
)
_GOOGLE = 'Copyright 2012 Google Inc. All Rights Reserved.'
NOTO_SERIF_JP = ScriptFont(
    key='noto-serif-jp',
    family='Noto Serif JP',
    stem='NotoSerifJP',
    covers='Japanese, beside a serif heading',
    attribution=_GOOGLE,
    category='serif',
)
NOTO_SERIF_SC = ScriptFont(
    key='noto-serif-sc',
    family='Noto Serif SC',
    stem='NotoSerifSC',
    covers='Chinese, beside a serif heading',
    attribution=_GOOGLE,
    category='serif',
)
NOTO_SERIF_KR = ScriptFont(
    key='noto-serif-kr',
    family='Noto Serif KR',
    stem='NotoSerifKR',
    covers='Korean, beside a serif heading',
    attribution=_GOOGLE,
    category='serif',
)
# The serif companion of a script face, for a kit whose heading is a serif (keyed by the sans face's key)
SERIF_COMPANIONS = {
    NOTO_SANS_JP.key: NOTO_SERIF_JP,
    NOTO_SANS_SC.key: NOTO_SERIF_SC,
    NOTO_SANS_KR.key: NOTO_SERIF_KR,
}
NOTO_EMOJI = ScriptFont(
    key='noto-emoji',
    family='Noto Emoji',
    stem='NotoEmoji',
    covers='emoji (in outline, as PDF text has no colour glyphs)',
    attribution='Copyright 2013 Google LLC',
    web=False,
)
# The order characters look for a font in when their own script's font lacks them; Han characters are decided with
# the text around them (`han_preference`). The serif companions come last: the sans faces before them have the same
# characters.
SCRIPT_FONTS = (
    NOTO_SANS,
    NOTO_SANS_DEVANAGARI,
    NOTO_SANS_ARABIC,
    NOTO_SANS_HEBREW,
    NOTO_SANS_THAI,
    NOTO_SANS_JP,
    NOTO_SANS_SC,
    NOTO_SANS_KR,
    NOTO_EMOJI,
    NOTO_SERIF_JP,
    NOTO_SERIF_SC,
    NOTO_SERIF_KR,
)


# --- writing systems --------------------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class Script:
    key: str  # 'japanese'
    label: str  # 'Japanese'
    font: ScriptFont | None  # None: the catalogue's Latin faces set it
    rtl: bool = False


LATIN = Script(key='latin', label='Latin', font=None)
GREEK = Script(key='greek', label='Greek', font=NOTO_SANS)
CYRILLIC = Script(key='cyrillic', label='Cyrillic', font=NOTO_SANS)
ARABIC = Script(key='arabic', label='Arabic', font=NOTO_SANS_ARABIC, rtl=True)
HEBREW = Script(key='hebrew', label='Hebrew', font=NOTO_SANS_HEBREW, rtl=True)
DEVANAGARI = Script(key='devanagari', label='Devanagari', font=NOTO_SANS_DEVANAGARI)
THAI = Script(key='thai', label='Thai', font=NOTO_SANS_THAI)
JAPANESE = Script(key='japanese', label='Japanese', font=NOTO_SANS_JP)
CHINESE = Script(key='chinese', label='Chinese', font=NOTO_SANS_SC)
KOREAN = Script(key='korean', label='Korean', font=NOTO_SANS_KR)
SCRIPTS = (LATIN, GREEK, CYRILLIC, ARABIC, HEBREW, DEVANAGARI, THAI, JAPANESE, CHINESE, KOREAN)

_SCRIPT_PATTERNS: tuple[tuple[Script, regex.Pattern[str]], ...] = (
    (LATIN, regex.compile(r'\p{Script=Latin}')),
    (GREEK, regex.compile(r'\p{Script=Greek}')),
    (CYRILLIC, regex.compile(r'\p{Script=Cyrillic}')),
    (ARABIC, regex.compile(r'\p{Script=Arabic}')),
    (HEBREW, regex.compile(r'\p{Script=Hebrew}')),
    (DEVANAGARI, regex.compile(r'\p{Script=Devanagari}')),
    (THAI, regex.compile(r'\p{Script=Thai}')),
    (KOREAN, regex.compile(r'\p{Script=Hangul}')),
    (JAPANESE, regex.compile(r'[\p{Script=Hiragana}\p{Script=Katakana}]')),
)
_HAN = regex.compile(r'\p{Script=Han}')
_KANA = regex.compile(r'[\p{Script=Hiragana}\p{Script=Katakana}]')
_HANGUL = regex.compile(r'\p{Script=Hangul}')
_RTL_CHAR = regex.compile(r'[\p{Bidi_Class=R}\p{Bidi_Class=AL}]')
_LTR_CHAR = regex.compile(r'\p{Bidi_Class=L}')


def _han_script(text: str) -> Script:
    """Han characters read as Japanese beside kana, Korean beside Hangul, Chinese alone."""
    if _KANA.search(text):
        return JAPANESE
    if _HANGUL.search(text):
        return KOREAN
    return CHINESE


@lru_cache(maxsize=1024)
def _scripts_of(text: str) -> tuple[Script, ...]:
    found: dict[str, tuple[int, Script]] = {}
    for script, pattern in _SCRIPT_PATTERNS:
        if match := pattern.search(text):
            found[script.key] = (match.start(), script)
    if match := _HAN.search(text):
        script = _han_script(text)
        start = min(match.start(), found.get(script.key, (match.start(), script))[0])
        found[script.key] = (start, script)
    return tuple(script for _, script in sorted(found.values(), key=lambda item: item[0]))


def detect_scripts(*texts: str) -> tuple[Script, ...]:
    """The writing systems `texts` use, each once, in the order they first appear (the first text first)."""
    seen: dict[str, Script] = {}
    for text in texts:
        for script in _scripts_of(text):
            seen.setdefault(script.key, script)
    return tuple(seen.values())


def has_rtl(text: str) -> bool:
    return _RTL_CHAR.search(text) is not None


def is_rtl_text(text: str) -> bool:
    """Whether `text` reads right to left as a whole: it has right-to-left letters and no left-to-right ones (a name
    such as 'شركة النور'); a mixed line runs left to right with right-to-left runs inside it."""
    return has_rtl(text) and _LTR_CHAR.search(text) is None


# --- characters and fonts ---------------------------------------------------------------------------------------------


def _is_han(char: str) -> bool:
    return _HAN.match(char) is not None


def _is_kana(char: str) -> bool:
    return _KANA.match(char) is not None


def han_preference(text: str) -> tuple[ScriptFont, ...]:
    """Which CJK font sets Han characters: the same character is drawn differently in Japanese, Chinese and Korean,
    so kana next to it means Japanese, Hangul means Korean, and Han alone is read as Chinese."""
    first = _han_script(text).font or NOTO_SANS_SC
    return (first, *(font for font in (NOTO_SANS_JP, NOTO_SANS_SC, NOTO_SANS_KR) if font is not first))


def is_ignorable(char: str) -> bool:
    """Joiners and variation selectors: invisible, so a font that lacks them may simply leave them out."""
    code = ord(char)
    return unicodedata.category(char) == 'Cf' or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


_SCRIPT_OF_CHAR: tuple[tuple[regex.Pattern[str], ScriptFont], ...] = (
    (regex.compile(r'[\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]'), NOTO_SANS_JP),
    (regex.compile(r'\p{Script=Hangul}'), NOTO_SANS_KR),
    (regex.compile(r'\p{Script=Arabic}'), NOTO_SANS_ARABIC),
    (regex.compile(r'\p{Script=Hebrew}'), NOTO_SANS_HEBREW),
    (regex.compile(r'\p{Script=Devanagari}'), NOTO_SANS_DEVANAGARI),
    (regex.compile(r'\p{Script=Thai}'), NOTO_SANS_THAI),
    (regex.compile(r'[\p{Extended_Pictographic}\u20e3\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF]'), NOTO_EMOJI),
)


def own_font(char: str) -> ScriptFont | None:
    """The script font made for `char`'s writing system, by its Unicode script alone (Han is decided with the text
    around it, see `han_preference`); None for Han and for characters any font may set."""
    if _is_han(char):
        return None
    return next((font for pattern, font in _SCRIPT_OF_CHAR if pattern.match(char)), None)


def candidates(char: str, han_order: tuple[ScriptFont, ...]) -> tuple[ScriptFont, ...]:
    """The script fonts to try for `char`, most fitting first: its own script's, then the others."""
    if _is_han(char):
        return han_order
    if _is_kana(char):
        return (NOTO_SANS_JP, *(font for font in han_order if font is not NOTO_SANS_JP))
    own = own_font(char)
    first = own or NOTO_SANS
    return (first, *(font for font in SCRIPT_FONTS if font is not first))


def _weight_folder(weight: int) -> str:
    return f'{weight}{WEIGHT_NAMES[weight]}'


@lru_cache(maxsize=512)
def _file_at(scope: Path, font: ScriptFont, weight: int) -> Path | None:
    folder = _weight_folder(weight)
    path = scope / font.key / folder / f'{font.stem}_{folder}.ttf'
    return path if path.is_file() else None


def font_path(fonts: FontLibrary, font: ScriptFont, weight: int = 400) -> Path | None:
    """The TrueType file of `font` at 400 or 700 (the nearer to `weight`), or None if it is not installed."""
    return _file_at(fonts.scope(PACKAGE_SCOPE), font, 700 if weight >= 600 else 400)


def nearest_font_file(fonts: FontLibrary, font: ScriptFont, weight: int = 400) -> tuple[int, Path] | None:
    """The installed weight of `font` nearest to `weight` (ties to the heavier), with its TrueType file."""
    scope = fonts.scope(PACKAGE_SCOPE)
    for candidate in sorted(WEIGHT_NAMES, key=lambda w: (abs(w - weight), -w)):
        if (path := _file_at(scope, font, candidate)) is not None:
            return candidate, path
    return None


def licence_text(fonts: FontLibrary, font: ScriptFont) -> str | None:
    path = fonts.scope(PACKAGE_SCOPE) / font.key / 'LICENSE_FONT'
    try:
        return path.read_text(encoding='utf-8', errors='replace').strip() or None
    except OSError:
        return None
