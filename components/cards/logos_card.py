"""Logo concepts: each mark on a light and a dark tile, what it is and why, its image-model prompt and the SVG."""

from __future__ import annotations

import base64

from nicegui import run, ui

from branding.exports.png import render_png
from branding.models import LogoConcept, SectionName, SectionProvenance

from . import (
    CARD_HEADING_LEVEL,
    MUTED_TEXT,
    SUBHEADING,
    RegenerateHandler,
    action_button,
    card,
    copy_button,
    header,
    slug,
)

# The tiles are fixed neutrals, not kit colours: the point is to show the mark holds up on either kind of background.
LIGHT_TILE = '#ffffff'
DARK_TILE = '#111827'


def create(
    logos: list[LogoConcept],
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    company_name: str = '',
    heading_level: int = CARD_HEADING_LEVEL,
) -> None:
    with card(SectionName.LOGOS):
        header(SectionName.LOGOS, provenance=provenance, on_regenerate=on_regenerate, level=heading_level)
        if not logos:
            ui.label('No logo concepts in this kit.').classes(MUTED_TEXT)
            return
        with ui.element('div').classes('grid w-full grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3'):
            for concept in logos:
                _concept(concept, company_name)


def _concept(concept: LogoConcept, company_name: str) -> None:
    style = concept.style.value
    with (
        ui.column()
        .classes('min-w-0 gap-3 rounded-lg border border-gray-300 p-3 dark:border-gray-600')
        .mark(f'logo-{concept.id}')
    ):
        with ui.element('div').classes('grid w-full grid-cols-2 gap-2'):
            for background, shade in ((LIGHT_TILE, 'light'), (DARK_TILE, 'dark')):
                with (
                    ui.element('div')
                    .classes('flex items-center justify-center rounded border border-gray-300 p-2 dark:border-gray-600')
                    .style(f'background-color: {background}')
                ):
                    image = ui.image(_image_source(concept)).classes('h-28 w-full').props('fit=contain no-spinner')
                    # Set through the props dict, never parsed from a props string: the company name is user input.
                    image.props['alt'] = (
                        f'{style.capitalize()} logo concept for {company_name or "the brand"}, on a {shade} background'
                    )
        ui.label(style.capitalize()).classes('text-lg font-semibold')
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
            filename = f'{slug(company_name)}-{style}.svg'
            action_button(
                'Download SVG',
                'download',
                # bytes, not str: ui.download.content treats a str as a URL in the test simulation
                lambda: ui.download.content(concept.svg.encode(), filename, 'image/svg+xml'),
                aria_label=f'Download SVG of the {style} logo',
            )
            png_name = f'{slug(company_name)}-{style}-1024.png'

            async def download_png(svg: str = concept.svg, name: str = png_name) -> None:
                # rasterising takes tens of milliseconds: off the event loop
                png = await run.io_bound(render_png, svg, PNG_WIDTH)
                if png is None:
                    ui.notify('This mark could not be rendered as PNG; download the SVG instead.', type='warning')
                    return
                ui.download.content(png, name, 'image/png')

            action_button(
                'Download PNG', 'image', download_png, aria_label=f'Download PNG of the {style} logo, 1024 px wide'
            )


PNG_WIDTH = 1024


def _image_source(concept: LogoConcept) -> str:
    # image_url should be the engine's data URI; anything else (a remote URL from a provider, say) would make the
    # browser fetch from elsewhere, so rebuild the data URI from the SVG itself. In an <img> an SVG cannot run script.
    if concept.image_url.startswith('data:image/svg+xml'):
        return concept.image_url
    return 'data:image/svg+xml;base64,' + base64.b64encode(concept.svg.encode()).decode()
