"""LICENSES/fonts.txt: the licence, attribution and source of every font the kit names, with the full licence text
when the font package installed on this server ships it."""

from __future__ import annotations

from branding.design.font_files import FontLibrary
from branding.exports.common import APP_NAME, KitFont, kit_fonts, kit_texts, kit_title
from branding.exports.script_fonts import (
    LICENCE,
    LICENCE_URL,
    SCRIPT_FONTS,
    ScriptFont,
    licence_text,
    script_fonts_for,
)
from branding.models import BrandKit

RULE = '=' * 78


def _licence_text(font: KitFont, fonts: FontLibrary) -> str | None:
    if font.entry is None:
        return None
    path = fonts.package(font.entry.family) / 'LICENSE'
    try:
        return path.read_text(encoding='utf-8', errors='replace').strip() or None
    except OSError:
        return None


def _font_entry(font: KitFont, roles: list[str], fonts: FontLibrary) -> list[str]:
    lines = [RULE, f'{font.family} ({", ".join(roles)})', RULE]
    entry = font.entry
    if entry is None:
        return [
            *lines,
            f'Licence: {font.license or "unknown"}',
            f'{font.family} is not in the {APP_NAME} font catalogue: check its licence before you use or ship it.',
            '',
        ]
    lines += [
        f'Licence: {entry.license}',
        f'Licence URL: {entry.license_url}',
        f'Copyright and attribution: {entry.attribution}',
        f'Font files: the npm package @fontsource/{entry.id}, or Google Fonts',
        '',
    ]
    text = _licence_text(font, fonts)
    lines += ['Full licence text:', '', text, ''] if text else [f'Full licence text: {entry.license_url}', '']
    return lines


def _script_font_entry(font: ScriptFont, fonts: FontLibrary) -> list[str]:
    lines = [
        RULE,
        f'{font.family} (brand book PDF: {font.covers})',
        RULE,
        f'Licence: {LICENCE}',
        f'Licence URL: {LICENCE_URL}',
        f'Copyright and attribution: {font.attribution}',
        f'Font files: the npm package {font.package}, or Google Fonts',
        '',
    ]
    text = licence_text(fonts, font)
    return [*lines, 'Full licence text:', '', text, ''] if text else [*lines, f'Full licence text: {LICENCE_URL}', '']


def _script_fonts_section(kit: BrandKit, fonts: FontLibrary) -> list[str]:
    # the faces the text falls back to, and the script faces the kit names (its typography page sets them)
    named = {font.family for font in kit_fonts(kit.typography) if font.role == 'script'}
    needed = list(dict.fromkeys([*script_fonts_for(kit_texts(kit)), *(f for f in SCRIPT_FONTS if f.family in named)]))
    if not needed:
        return []
    lines = [
        "The brand book PDF sets text in scripts the kit's fonts do not cover in these fonts, and embeds the glyphs "
        'it uses:',
        '',
    ]
    for font in needed:
        lines += _script_font_entry(font, fonts)
    return lines


def font_licences(kit: BrandKit, fonts: FontLibrary) -> str:
    """The licences of the fonts `kit` names, with each licence's full text where the package installed in `fonts`
    ships it."""
    # a script face the kit names is listed with the brand book's script fonts below (the same package)
    fonts_named = [font for font in kit_fonts(kit.typography) if font.role != 'script']
    lines = [f'Fonts named by the {kit_title(kit)} brand kit', '']
    if not fonts_named:
        lines += ['This kit has no typography section, so it names no fonts.', '']
    if kit.logos:
        lines += ["The logo SVGs draw their lettering as outlines of the kit's fonts, which these licences allow.", '']
    lines += ['The font files are not part of this archive; ship their licence with any you redistribute.', '']
    roles: dict[str, list[str]] = {}
    named: dict[str, KitFont] = {}
    for font in fonts_named:
        roles.setdefault(font.family, []).append(font.role)
        named.setdefault(font.family, font)
    for family, font in named.items():
        lines += _font_entry(font, roles[family], fonts)
    lines += _script_fonts_section(kit, fonts)
    return '\n'.join(lines).rstrip() + '\n'
