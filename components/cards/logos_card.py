"""Logo concepts: each mark large on a light and a dark background, its icon at favicon size and in a browser tab,
what it is and why, its image-model prompt, and every logo file to download, one by one or as the logo pack."""

from __future__ import annotations

import base64

import regex
from nicegui import run, ui

from branding.exports.png import render_png
from branding.models import LogoConcept, SectionName, SectionProvenance
from components.card_tools import CardTools

from . import (
    CARD_HEADING_LEVEL,
    MUTED_TEXT,
    SUBHEADING,
    RegenerateHandler,
    action_button,
    card,
    copy_button,
    header,
    painting_view,
    slug,
)

# The light tile is a fixed white: the full-colour file is made for white and light backgrounds. The dark tile is the
# background the reversed file was drawn for (the kit's dark theme), or this neutral for concepts without one.
LIGHT_TILE = '#ffffff'
DARK_TILE = '#111827'
PNG_WIDTH = 1024
# each logo file by its key in LogoConcept.variants, as the card and the downloads name it
FILES = {
    'primary': 'Full colour',
    'reversed': 'Reversed, for dark backgrounds',
    'mono_dark': 'One colour, black',
    'mono_light': 'One colour, white',
    'icon': 'Icon',
}
FILE_NAMES = {
    'primary': 'primary',
    'reversed': 'reversed',
    'mono_dark': 'one-colour-black',
    'mono_light': 'one-colour-white',
    'icon': 'icon',
}
TAB_TITLE_LENGTH = 24  # characters a browser tab shows before it fades the title out
_GRAPHEME = regex.compile(r'\X')


def pack_url(kit_id: str) -> str:
    return f'/api/v1/kits/{kit_id}/export/logo-pack'


def create(
    logos: list[LogoConcept],
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    company_name: str = '',
    heading_level: int = CARD_HEADING_LEVEL,
    kit_id: str | None = None,
    tools: CardTools | None = None,
) -> None:
    """`kit_id`, the saved kit's, lets the card offer the logo pack (the API makes it); `tools`, the owner's
    controls (choose, lock)."""
    with card(SectionName.LOGOS):
        header(SectionName.LOGOS, provenance=provenance, on_regenerate=on_regenerate, level=heading_level)
        if tools is not None:
            tools.section(SectionName.LOGOS)
        painting_view.costs(logos, tools)
        if not logos:
            ui.label('No logo concepts in this kit.').classes(MUTED_TEXT)
            return
        if kit_id is not None and any(concept.variants for concept in logos):
            with ui.row(wrap=True).classes('w-full items-center gap-2'):
                ui.label(
                    'Every concept as full colour, reversed, one-colour and icon files (SVG and PNG), with favicons '
                    'and app icons.'
                ).classes(f'text-sm {MUTED_TEXT} grow')
                action_button(
                    'Download logo pack',
                    'folder_zip',
                    lambda: ui.download.from_url(pack_url(kit_id)),
                    aria_label='Download logo pack (ZIP) of every concept',
                ).mark('download-logo-pack')
        with ui.element('div').classes('grid w-full grid-cols-1 gap-4'):
            for index, concept in enumerate(logos):
                _concept(concept, company_name, tools=tools, index=index)


def _concept(concept: LogoConcept, company_name: str, *, tools: CardTools | None = None, index: int = 0) -> None:
    style = concept.style.value
    with (
        ui.column()
        .classes('min-w-0 gap-3 rounded-lg border border-gray-300 p-3 dark:border-gray-600')
        .mark(f'logo-{concept.id}')
    ):
        ui.label(style.capitalize()).classes('text-lg font-semibold')
        if tools is not None:
            tools.element(SectionName.LOGOS, str(index))
        if concept.variants is not None:
            _previews(concept, company_name)
        else:
            _tiles(concept, company_name)
        painting_view.create(concept, company_name, index=index, tools=tools)
        ui.label(concept.description).classes('break-words')
        ui.label(concept.rationale).classes(f'break-words text-sm {MUTED_TEXT}')
        ui.label('Image-model prompt').classes(SUBHEADING)
        ui.label(concept.prompt_used).classes(
            'w-full whitespace-pre-wrap break-words rounded bg-gray-100 p-2 font-mono text-sm '
            'text-gray-900 dark:bg-gray-800 dark:text-gray-100'
        )
        with ui.row(wrap=True).classes('w-full gap-2'):
            copy_button(
                concept.prompt_used,
                what=f'{style} prompt',
                label='Copy prompt',
                aria_label=f'Copy prompt of the {style} logo',
            )
            if concept.variants is None:  # a kit saved before the logo files: the tile is the one file
                _download_buttons(concept.svg, f'{slug(company_name)}-{style}', what=f'the {style} logo', full=True)
        if concept.variants is not None:
            _files(concept, company_name)


def _data_uri(svg: str) -> str:
    return 'data:image/svg+xml;base64,' + base64.b64encode(svg.encode()).decode()


def _image(svg: str, alt: str, classes: str) -> ui.image:
    image = ui.image(_data_uri(svg)).classes(classes).props('fit=contain no-spinner')
    # Set through the props dict, never parsed from a props string: the company name is user input.
    image.props['alt'] = alt
    return image


def _previews(concept: LogoConcept, company_name: str) -> None:
    """The full-colour file on white and the reversed file on its dark background, each at least 320 px wide, then
    the icon at 32 px and in a browser tab, and how it measured."""
    variants = concept.variants
    assert variants is not None
    style = concept.style.value
    brand = company_name or 'the brand'
    dark = concept.dark_background or DARK_TILE
    with ui.element('div').classes('grid w-full grid-cols-1 gap-3 xl:grid-cols-2'):
        for svg, background, shade in ((variants.primary, LIGHT_TILE, 'light'), (variants.reversed, dark, 'dark')):
            with (
                ui.element('div')
                .classes(
                    'flex min-h-52 min-w-0 items-center justify-center rounded border border-gray-300 p-6 '
                    'dark:border-gray-600'
                )
                .style(f'background-color: {background}')
                .mark(f'logo-preview-{shade}')
            ):
                _image(svg, f'{style.capitalize()} logo concept for {brand}, on a {shade} background', 'h-40 w-full')
    with ui.row(wrap=True).classes('w-full items-center gap-4'):
        with (
            ui.element('div')
            .classes('flex items-center justify-center rounded border border-gray-300 p-2 dark:border-gray-600')
            .style(f'background-color: {LIGHT_TILE}')
        ):
            _image(variants.icon, f'{brand} icon at 32 pixels', 'h-8 w-8').mark('icon-32')
        _browser_tab(variants.icon, brand)
        _legibility(concept)


def _browser_tab(icon: str, title: str) -> None:
    """A browser's tab strip with the icon as the favicon, at the 16 px a tab draws it."""
    graphemes = _GRAPHEME.findall(title)
    shown = title if len(graphemes) <= TAB_TITLE_LENGTH else ''.join(graphemes[: TAB_TITLE_LENGTH - 1]) + '…'
    # a light browser in either studio mode (favicons are mostly seen on light tabs): fixed colours, gray-900 and
    # gray-600 on white are 17:1 and 7.6:1
    strip = 'flex items-end rounded-t-md bg-gray-300 px-2 pt-1.5'
    tab = 'flex w-56 items-center gap-2 rounded-t-md bg-white px-3 py-1.5 text-sm text-gray-900 shadow-sm'
    # the tab is made inside the strip: the second element is created once the first is entered
    with ui.element('div').classes(strip).mark('browser-tab'), ui.element('div').classes(tab):
        _image(icon, f'{title} favicon in a browser tab', 'h-4 w-4 shrink-0')
        ui.label(shown).classes('min-w-0 grow truncate')
        ui.label('×').classes('text-gray-600').props('aria-hidden=true')


def _legibility(concept: LogoConcept) -> None:
    check = concept.legibility
    if check is None:
        return
    smallest = min((size.smallest_feature_px for size in check.icon), default=0.0)
    sizes = ' and '.join(f'{size.size_px}' for size in check.icon)
    if check.passes:
        text = f'Holds up at {sizes} px: its finest detail is {smallest:g} px or wider.'
    else:
        text = f'At its limit at {sizes} px: details down to {smallest:g} px may blur; test it where it will be used.'
    with ui.column().classes('min-w-0 grow gap-0'):
        ui.label(text).classes('text-sm').mark('legibility')
        ui.label(f'Icon: {check.icon_source}.').classes(f'text-sm {MUTED_TEXT}')


def _files(concept: LogoConcept, company_name: str) -> None:
    variants = concept.variants
    assert variants is not None
    style = concept.style.value
    ui.label('Logo files').classes(SUBHEADING)
    with ui.element('div').classes('grid w-full grid-cols-[1fr_auto_auto] items-center gap-x-2').mark('logo-files'):
        for key, name in FILES.items():
            ui.label(name).classes('text-sm')
            stem = f'{slug(company_name)}-{style}-{FILE_NAMES[key]}'
            svg_button, png_button = _download_buttons(
                getattr(variants, key), stem, what=f'the {style} logo, {name[0].lower()}{name[1:]}', full=False
            )
            svg_button.mark(f'download-{key}-svg')
            png_button.mark(f'download-{key}-png')


def _download_buttons(svg: str, stem: str, *, what: str, full: bool) -> tuple[ui.button, ui.button]:
    """Download buttons of one file, as SVG and as PNG 1024 px wide; `full` labels them 'Download SVG'."""
    svg_label, png_label = ('Download SVG', 'Download PNG') if full else ('SVG', 'PNG')
    svg_button = action_button(
        svg_label,
        'download',
        # bytes, not str: ui.download.content treats a str as a URL in the test simulation
        lambda: ui.download.content(svg.encode(), f'{stem}.svg', 'image/svg+xml'),
        aria_label=f'{svg_label} of {what}',
    )

    async def download_png() -> None:
        # rasterising takes tens of milliseconds: off the event loop
        try:
            png = await run.io_bound(render_png, svg, PNG_WIDTH)
        except (ValueError, RuntimeError, OSError):
            ui.notify('This mark could not be rendered as PNG; download the SVG instead.', type='warning')
            return
        if png is not None:  # None: the app is shutting down
            ui.download.content(png, f'{stem}-{PNG_WIDTH}.png', 'image/png')

    png_button = action_button(
        png_label, 'image', download_png, aria_label=f'{png_label} of {what}, {PNG_WIDTH} px wide'
    )
    return svg_button, png_button


def _tiles(concept: LogoConcept, company_name: str) -> None:
    """A concept saved before the logo files: its tile on a light and on a dark background."""
    style = concept.style.value
    with ui.element('div').classes('grid w-full grid-cols-1 gap-2 xl:grid-cols-2'):
        for background, shade in ((LIGHT_TILE, 'light'), (DARK_TILE, 'dark')):
            with (
                ui.element('div')
                .classes('flex items-center justify-center rounded border border-gray-300 p-2 dark:border-gray-600')
                .style(f'background-color: {background}')
            ):
                # the SVG itself, never image_url: a remote URL from a provider would make the browser fetch from
                # elsewhere (in an <img> an SVG cannot run script)
                _image(
                    concept.svg,
                    f'{style.capitalize()} logo concept for {company_name or "the brand"}, on a {shade} background',
                    'h-40 w-full',
                )
