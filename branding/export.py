"""Brand-kit exports by name: each format is a pure function of the kit (and the installed font files, which the PDF
embeds and the archives take the font licences from, and the icon set whose licence the logo pack ships) that returns
the file's bytes.

    data, filename, media_type = export_kit(kit, 'tokens', fonts=FontLibrary(root=settings.fonts_dir), icons=icons)

PDF and PNG rendering take a few hundred milliseconds of CPU: call `export_kit` from a worker thread in async code.
With `public_url` (BRANDSMITH_PUBLIC_URL, where people reach this server) the email signature in the mockups and the
full archive shows its logo from there; without it the signature is text alone and the mockups' README says why.
Every format works on a kit with sections missing (a focused request) and says in the file what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field

from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.exports.common import (
    APP_NAME,
    generated_on,
    kit_title,
    missing_sections,
    script_safe_json,
    slug,
    zip_archive,
)
from branding.exports.css import css_variables, tailwind_v3, tailwind_v4
from branding.exports.inuse import board_png, mockup_files, mockups_zip, signature_logo_url
from branding.exports.licenses import font_licences
from branding.exports.logo_pack import logo_pack_files, logo_pack_zip
from branding.exports.markdown import markdown_bytes
from branding.exports.pdf import brand_book_pdf
from branding.exports.png import expected_pngs, logo_pngs, logo_svgs, logos_png_zip
from branding.exports.tokens import tokens_json
from branding.models import BrandKit

__all__ = [
    'EXPORTS',
    'ExportFormat',
    'Installed',
    'UnknownExportFormatError',
    'brand_book_pdf',
    'bundle_zip',
    'export_format',
    'export_kit',
    'json_bytes',
    'logo_pngs',
    'logo_svgs',
]

ZIP_MEDIA_TYPE = 'application/zip'
LOGO_PACK_FOLDER = 'logo-pack'  # where the full archive keeps the logo pack's files
MOCKUPS_FOLDER = 'mockups'  # and the mockups'


@dataclass(kw_only=True, slots=True, frozen=True)
class Installed:
    """What this server has installed that the exports read: the font files, and the icon set (None where the caller
    has none: the logo pack then goes without the icon set's licence and says so); and where it is reached."""

    fonts: FontLibrary
    icons: IconLibrary | None = None
    paintings: Mapping[int, bytes] = field(default_factory=dict)  # the kit's logo paintings (the store keeps them)
    renders: Executor | None = None  # worker processes for the logo pack's PNGs (logo_pack.render_pool)
    public_url: str | None = None  # where people reach this server (BRANDSMITH_PUBLIC_URL): the signature's logo
    rev: int | None = None  # the kit's revision the export is of (the logo's URL names it); None: the kit as saved now


Render = Callable[[BrandKit, Installed], bytes]


@dataclass(kw_only=True, slots=True, frozen=True)
class ExportFormat:
    name: str
    filename_pattern: str  # '{slug}' becomes the company name as a file-name part ('lumen-ledger')
    media_type: str
    description: str
    render: Render
    in_bundle: bool = True  # False for the archives, whose contents the bundle holds as plain files

    def filename(self, kit: BrandKit) -> str:
        return self.filename_pattern.format(slug=slug(kit.company_name))


class UnknownExportFormatError(KeyError, ValueError):
    """Both a KeyError (a lookup by name failed) and a ValueError (a bad argument), for either kind of caller."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ''


def json_bytes(kit: BrandKit) -> bytes:
    return script_safe_json(kit.model_dump_json(indent=2)).encode('utf-8')


def _kit_only(render: Callable[[BrandKit], bytes]) -> Render:
    """A format made from the kit alone, which reads no font file."""
    return lambda kit, _installed: render(kit)


def _with_fonts(render: Callable[[BrandKit, FontLibrary], bytes]) -> Render:
    return lambda kit, installed: render(kit, installed.fonts)


def _logo_pack(kit: BrandKit, installed: Installed) -> bytes:
    return logo_pack_zip(
        kit, installed.fonts, installed.icons, paintings=installed.paintings, renders=installed.renders
    )


def _bundle(kit: BrandKit, installed: Installed) -> bytes:
    return bundle_zip(
        kit,
        installed.fonts,
        icons=installed.icons,
        paintings=installed.paintings,
        renders=installed.renders,
        public_url=installed.public_url,
        rev=installed.rev,
    )


def _mockups(kit: BrandKit, installed: Installed) -> bytes:
    return mockups_zip(kit, installed.fonts, logo_url=signature_logo_url(installed.public_url, kit, rev=installed.rev))


def _brand_book(kit: BrandKit, installed: Installed) -> bytes:
    return brand_book_pdf(kit, installed.fonts, paintings=installed.paintings)


def _folder(path: str) -> str:
    return next((f'{folder}/' for folder in (LOGO_PACK_FOLDER, MOCKUPS_FOLDER) if path.startswith(f'{folder}/')), path)


def _readme(kit: BrandKit, files: dict[str, bytes]) -> bytes:
    described = {fmt.filename(kit): fmt.description for fmt in EXPORTS.values()}
    described[f'{LOGO_PACK_FOLDER}/'] = f'{EXPORTS["logo-pack"].description}; its README.txt says what each file is for'
    described[f'{MOCKUPS_FOLDER}/'] = f'{EXPORTS["mockups"].description}; its README.txt says what each file is for'
    # the logo pack's hundred files (and the mockups) are one entry each: their own README lists them
    paths = dict.fromkeys(_folder(path) for path in files)
    lines = [
        f'{kit_title(kit)} brand kit',
        f'Generated {generated_on(kit)} with {APP_NAME} (kit {kit.id}).',
        '',
        'Contents:',
        *(f'  {path}{f"  ({described[path]})" if path in described else ""}' for path in paths),
    ]
    if missing := missing_sections(kit):
        lines += ['', 'Not in this kit:', *(f'  {item.sentence}' for item in missing)]
    unrendered = [name for name in expected_pngs(kit) if f'logos/png/{name}' not in files]
    if unrendered:
        lines += ['', 'Logos whose SVG could not be rendered to PNG:', *(f'  {name}' for name in unrendered)]
    return ('\n'.join(lines) + '\n').encode('utf-8')


def bundle_zip(
    kit: BrandKit,
    fonts: FontLibrary,
    *,
    icons: IconLibrary | None = None,
    paintings: Mapping[int, bytes] | None = None,
    renders: Executor | None = None,
    public_url: str | None = None,
    rev: int | None = None,
) -> bytes:
    """Every format, the logos as SVG and PNG, the logo pack (with the logo paintings and their traces), the mockups
    (the signature's logo shown from `public_url` when given, for revision `rev`), LICENSES/fonts.txt and a README
    listing it all."""
    installed = Installed(
        fonts=fonts, icons=icons, paintings=paintings or {}, renders=renders, public_url=public_url, rev=rev
    )
    files = {fmt.filename(kit): fmt.render(kit, installed) for fmt in EXPORTS.values() if fmt.in_bundle}
    files |= {f'logos/svg/{name}': data for name, data in logo_svgs(kit).items()}
    files |= {f'logos/png/{name}': data for name, data in logo_pngs(kit).items()}
    files |= {
        f'{LOGO_PACK_FOLDER}/{path}': data
        for path, data in logo_pack_files(kit, fonts, icons, paintings=paintings, renders=renders).items()
    }
    logo_url = signature_logo_url(public_url, kit, rev=rev)
    files |= {f'{MOCKUPS_FOLDER}/{path}': data for path, data in mockup_files(kit, fonts, logo_url=logo_url).items()}
    files['LICENSES/fonts.txt'] = font_licences(kit, fonts).encode('utf-8')
    return zip_archive({'README.txt': _readme(kit, files), **files}, kit.generated_at)


EXPORTS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat(
            name='json',
            filename_pattern='{slug}-brand-kit.json',
            media_type='application/json',
            description='the whole kit as JSON, as the API returns it',
            render=_kit_only(json_bytes),
        ),
        ExportFormat(
            name='tokens',
            filename_pattern='{slug}.tokens.json',
            media_type='application/design-tokens+json',
            description='W3C design tokens (DTCG 2025.10): colours, themes, fonts and type scale',
            render=_kit_only(tokens_json),
        ),
        ExportFormat(
            name='css',
            filename_pattern='{slug}-tokens.css',
            media_type='text/css; charset=utf-8',
            description='CSS custom properties with light and dark themes',
            render=_kit_only(css_variables),
        ),
        ExportFormat(
            name='tailwind-v4',
            filename_pattern='{slug}-tailwind-theme.css',
            media_type='text/css; charset=utf-8',
            description='Tailwind CSS v4 @theme file',
            render=_kit_only(tailwind_v4),
        ),
        ExportFormat(
            name='tailwind-v3',
            filename_pattern='tailwind.config.js',
            media_type='text/javascript; charset=utf-8',
            description='Tailwind CSS v3 config (theme.extend)',
            render=_kit_only(tailwind_v3),
        ),
        ExportFormat(
            name='markdown',
            filename_pattern='{slug}-brand-guidelines.md',
            media_type='text/markdown; charset=utf-8',
            description='brand guidelines in Markdown, with the palette and fonts at a glance',
            render=_kit_only(markdown_bytes),
        ),
        ExportFormat(
            name='pdf',
            filename_pattern='{slug}-brand-book.pdf',
            media_type='application/pdf',
            description='brand book: palette, contrast, type specimen, logos, taglines and guidelines',
            render=_brand_book,
        ),
        ExportFormat(
            name='board',
            filename_pattern='{slug}-brand-board.png',
            media_type='image/png',
            description='the brand board: logo, reversed logo, palette, type and icon at a glance (1600x1000 PNG)',
            render=_with_fonts(board_png),
        ),
        ExportFormat(
            name='mockups',
            filename_pattern='{slug}-mockups.zip',
            media_type=ZIP_MEDIA_TYPE,
            description=(
                'the brand in use: board, business card, social headers, website, phone, slide, letterhead and '
                'email signature, as PNG and SVG (the signature also as HTML)'
            ),
            render=_mockups,
            in_bundle=False,
        ),
        ExportFormat(
            name='logos-png',
            filename_pattern='{slug}-logos-png.zip',
            media_type=ZIP_MEDIA_TYPE,
            description='every logo concept as PNG, 512 and 1024 px wide',
            render=_kit_only(logos_png_zip),
            in_bundle=False,
        ),
        ExportFormat(
            name='logo-pack',
            filename_pattern='{slug}-logo-pack.zip',
            media_type=ZIP_MEDIA_TYPE,
            description=(
                'every logo concept as files a brand needs: full colour, reversed, one-colour black and white and a '
                'square icon, as SVG and PNG (512, 1024, 2048 px), with favicons, app icons and a web manifest'
            ),
            render=_logo_pack,
            in_bundle=False,
        ),
        ExportFormat(
            name='zip',
            filename_pattern='{slug}-brand-kit.zip',
            media_type=ZIP_MEDIA_TYPE,
            description='everything above plus logo SVGs and PNGs, the logo pack, the mockups and the font licences',
            render=_bundle,
            in_bundle=False,
        ),
    )
}


def export_format(name: str) -> ExportFormat:
    fmt = EXPORTS.get(name.strip().lower())
    if fmt is None:
        raise UnknownExportFormatError(f'unknown export format {name!r}; choose one of: {", ".join(EXPORTS)}')
    return fmt


def export_kit(
    kit: BrandKit,
    format_name: str,
    *,
    fonts: FontLibrary,
    icons: IconLibrary | None = None,
    paintings: Mapping[int, bytes] | None = None,
    renders: Executor | None = None,
    public_url: str | None = None,
    rev: int | None = None,
) -> tuple[bytes, str, str]:
    """(file content, file name, media type) of `kit` in the format called `format_name` (see EXPORTS), with the font
    files installed in `fonts`, the icon set in `icons` (the logo pack ships its licence), the logo `paintings`
    kept with the kit, by concept index, and the worker processes the logo pack's PNGs are rendered by (`renders`,
    the service's; in this thread without). With `public_url` (the server's BRANDSMITH_PUBLIC_URL) the email
    signature shows its logo from the in-use route there, for the kit's revision `rev` (None: as saved now)."""
    fmt = export_format(format_name)
    installed = Installed(
        fonts=fonts, icons=icons, paintings=paintings or {}, renders=renders, public_url=public_url, rev=rev
    )
    return fmt.render(kit, installed), fmt.filename(kit), fmt.media_type
