"""A logo concept's painting, beside its vector mark in the logo card: the image an image model made of the concept's
prompt (it fades in as it loads), and its trace to vectors; or, when painting failed, why."""

from __future__ import annotations

import base64
import re

from nicegui import ui

from branding.models import LogoConcept, SectionStatus

from . import MUTED_TEXT, SUBHEADING

# only this instance's own painting route is ever an <img> source: never a provider's URL (they expire, and would make
# the browser fetch from elsewhere)
OWN_PAINTING = re.compile(r'/api/v1/kits/[A-Za-z0-9_-]{1,64}/logos/\d{1,2}/image\.png')
TILE = (
    'flex min-h-52 min-w-0 items-center justify-center rounded border border-gray-300 bg-white p-2 dark:border-gray-600'
)


def create(concept: LogoConcept, company_name: str) -> None:
    """Nothing for a concept that was never painted."""
    painting = concept.painting
    if painting is None:
        return
    brand = company_name or 'the brand'
    style = concept.style.value
    if painting.status == SectionStatus.ERROR or not OWN_PAINTING.fullmatch(concept.image_url):
        ui.label(f'No painting: {painting.note}').classes(f'break-words text-sm {MUTED_TEXT}').mark('painting-note')
        return
    ui.label(f'Painted by {painting.provider} ({painting.model})').classes(SUBHEADING)
    with ui.element('div').classes('grid w-full grid-cols-1 gap-3 xl:grid-cols-2').mark('painting'):
        with ui.element('div').classes(TILE):
            image = ui.image(concept.image_url).classes('h-52 w-full').props('fit=contain')
            image.props['alt'] = f'Painting of the {style} logo concept for {brand}'
            image.mark('painting-image')
        if concept.traced_svg:
            with ui.element('div').classes(TILE):
                trace = base64.b64encode(concept.traced_svg.encode()).decode()
                traced = ui.image(f'data:image/svg+xml;base64,{trace}').classes('h-52 w-full').props('fit=contain')
                traced.props['alt'] = f'The painting traced to vectors in the palette of {brand}'
                traced.mark('painting-trace')
    if painting.note:
        ui.label(painting.note).classes(f'break-words text-sm {MUTED_TEXT}')
