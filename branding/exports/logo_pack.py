"""The logo pack: for every concept, each logo file as SVG and as PNG at 512, 1024 and 2048 px wide, its favicon and
app-icon set, and the licences of the fonts and icons the marks are drawn from.

    logo-1-combination/svg/lumen-ledger-primary.svg
    logo-1-combination/png/lumen-ledger-primary-1024.png
    logo-1-combination/favicon/favicon.ico
    LICENSES/fonts.txt, LICENSES/tabler-icons.txt, README.txt

File names are ASCII whatever the company is called: the name's slug (or 'brand' when it has no Latin letters), the
concept's number and style and the file's role.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping

from PIL import Image

from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary, icon_licence_text
from branding.exports.common import APP_NAME, generated_on, kit_title, slug, zip_archive
from branding.exports.favicons import SiteColors, favicon_set
from branding.exports.licenses import font_licences
from branding.exports.paintings import painting_files
from branding.exports.png import RENDER_ERRORS, logo_stem, render_png
from branding.models import BrandKit, LogoConcept, LogoVariants

log = logging.getLogger(__name__)

PACK_WIDTHS = (512, 1024, 2048)
# each logo file's role, as its file name says it
VARIANT_NAMES = {
    'primary': 'primary',
    'reversed': 'reversed',
    'mono_dark': 'one-colour-black',
    'mono_light': 'one-colour-white',
    'icon': 'icon',
}
VARIANT_USES = {
    'primary': 'full colour, for white and light backgrounds',
    'reversed': 'for dark backgrounds (light lettering; the symbol colours lifted to read on dark)',
    'mono_dark': 'one colour, black: stamps, engraving, fax, one-colour print',
    'mono_light': 'one colour, white: over photographs and strong colours',
    'icon': 'the square symbol, for app icons and avatars (a safe margin all round)',
}
ICON_LICENCE_FILE = 'LICENSES/tabler-icons.txt'


def site_colors(kit: BrandKit) -> SiteColors:
    palette = kit.color_palette
    if palette is None:
        return SiteColors(theme='#111827', background='#ffffff')
    return SiteColors(theme=palette.primary, background=palette.light.background if palette.light else '#ffffff')


def file_prefix(kit: BrandKit) -> str:
    return slug(kit.company_name, fallback='brand')


def png_ladder(svg: str, widths: tuple[int, ...]) -> dict[int, bytes]:
    """`svg` as PNG at each of `widths`. A file with knocked-out parts (an SVG mask, which costs resvg a second
    drawing of the canvas) is rendered once, at the largest width, and scaled down by whole factors (averaging the
    pixels each covers: rendering smaller with more samples); any other is rendered at each width, which costs less
    than decoding and encoding again."""
    largest = max(widths)
    if 'mask=' not in svg or any(largest % width for width in widths):
        return {width: render_png(svg, width) for width in widths}
    rendered = render_png(svg, largest)
    ladder = {largest: rendered}
    with Image.open(io.BytesIO(rendered)) as image:
        image.load()
        for width in widths:
            if width != largest:
                out = io.BytesIO()
                image.reduce(largest // width).save(out, format='PNG')
                ladder[width] = out.getvalue()
    return ladder


def _variant_files(prefix: str, folder: str, variants: LogoVariants) -> tuple[dict[str, bytes], list[str]]:
    files: dict[str, bytes] = {}
    failed: list[str] = []
    drawn = variants.model_dump()
    ladders = {key: _ladder_or_none(svg) for key, svg in drawn.items()}
    for key, svg in drawn.items():
        stem = f'{prefix}-{VARIANT_NAMES[key]}'
        files[f'{folder}/svg/{stem}.svg'] = svg.encode('utf-8')
        ladder = ladders[key]
        for width in PACK_WIDTHS:
            if ladder is None:
                failed.append(f'{folder}/png/{stem}-{width}.png')
            else:
                files[f'{folder}/png/{stem}-{width}.png'] = ladder[width]
    return files, failed


def _ladder_or_none(svg: str) -> dict[int, bytes] | None:
    try:
        return png_ladder(svg, PACK_WIDTHS)
    except (*RENDER_ERRORS, SyntaxError) as error:  # Pillow reads a broken PNG as a SyntaxError
        log.warning('a logo file could not be rendered: %s', error)
        return None


def concept_files(kit: BrandKit, number: int, logo: LogoConcept) -> tuple[dict[str, bytes], list[str]]:
    """One concept's folder: its logo files, their PNGs and its favicon set; and the files that could not be made."""
    folder = logo_stem(number, logo)
    if logo.variants is None:
        return {}, [f'{folder}/ (a kit saved before logo files were made: generate it again for them)']
    files, failed = _variant_files(file_prefix(kit), folder, logo.variants)
    try:
        icons = favicon_set(logo, name=kit_title(kit), colors=site_colors(kit))
    except (*RENDER_ERRORS, SyntaxError) as error:  # Pillow reads a broken PNG as a SyntaxError
        log.warning('the favicon set of %s could not be made: %s', folder, error)
        return files, [*failed, f'{folder}/favicon/']
    files |= {f'{folder}/favicon/{name}': data for name, data in icons.items()}
    return files, failed


def _legibility_lines(number: int, logo: LogoConcept) -> list[str]:
    check = logo.legibility
    if check is None:
        return []
    sizes = ', '.join(
        f'{size.size_px} px: smallest detail {size.smallest_feature_px:g} px, symbol spans {size.fill:.0%}'
        for size in check.icon
    )
    verdict = 'holds up' if check.passes else 'is at its limit'
    return [
        f'  {logo_stem(number, logo)}: the icon {verdict} ({sizes}); {check.icon_source}.',
        f'    The lockup at {check.lockup_width_px} px wide: smallest detail {check.lockup_smallest_feature_px:g} px.',
    ]


def _readme(kit: BrandKit, files: list[str], failed: list[str], *, icon_licence: bool) -> bytes:
    lines = [
        f'{kit_title(kit)}: logo pack',
        f'Generated {generated_on(kit)} with {APP_NAME} (kit {kit.id}).',
        '',
        'Each concept has a folder. In it, svg/ holds the logo files (outlined lettering: no fonts needed, transparent',
        'backgrounds), png/ the same at '
        + ', '.join(f'{width}' for width in PACK_WIDTHS)
        + ' px wide, and favicon/ the',
        'favicon and app-icon set (put those files at the root of a website; head-snippet.html has the <head> lines).',
        '',
        'The files:',
        *(f'  {VARIANT_NAMES[key]}: {use}' for key, use in VARIANT_USES.items()),
        '',
        'Clear space: keep at least the margin the files have around the mark free of other text and images.',
        "Don't stretch, rotate, recolour, outline or add shadows to the marks; use the file made for the background.",
    ]
    legibility = [line for number, logo in enumerate(kit.logos, 1) for line in _legibility_lines(number, logo)]
    if legibility:
        lines += ['', 'How small the marks hold up (measured on the one-colour files):', *legibility]
    lines += ['', 'Licences: LICENSES/fonts.txt (the typefaces of the lettering)']
    if icon_licence:
        lines.append(f'and {ICON_LICENCE_FILE} (Tabler Icons, MIT: symbols drawn from the icon set).')
    if not kit.logos:
        lines += ['', 'This kit has no logo concepts.']
    if failed:
        lines += ['', 'Could not be made:', *(f'  {name}' for name in failed)]
    lines += ['', 'Files:', *(f'  {name}' for name in files)]
    return ('\n'.join(lines) + '\n').encode('utf-8')


def logo_pack_files(
    kit: BrandKit, fonts: FontLibrary, icons: IconLibrary | None, *, paintings: Mapping[int, bytes] | None = None
) -> dict[str, bytes]:
    """Every file of the pack by its path in the archive, README.txt first; with the logo `paintings` kept with the
    kit (by concept index) and their traces."""
    files: dict[str, bytes] = {}
    failed: list[str] = []
    for number, logo in enumerate(kit.logos, 1):
        made, missed = concept_files(kit, number, logo)
        files |= made
        failed += missed
    files |= painting_files(kit, paintings or {})
    files['LICENSES/fonts.txt'] = font_licences(kit, fonts).encode('utf-8')
    icon_licence = icon_licence_text(icons) if icons is not None else ''
    if icon_licence:
        files[ICON_LICENCE_FILE] = icon_licence.encode('utf-8')
    return {'README.txt': _readme(kit, list(files), failed, icon_licence=bool(icon_licence)), **files}


def logo_pack_zip(
    kit: BrandKit, fonts: FontLibrary, icons: IconLibrary | None, *, paintings: Mapping[int, bytes] | None = None
) -> bytes:
    return zip_archive(logo_pack_files(kit, fonts, icons, paintings=paintings), kit.generated_at)
