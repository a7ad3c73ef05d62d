"""A logo concept's painting on the share page, as plain HTML: what the studio's painting view shows (who painted it,
the painting, its trace to vectors, the note; or why there is none), read-only.

The page of a fixed revision (`/kit/{id}?rev=N`) shows the painting that revision had: the concept's image path with
`?rev=N`, which the API serves from the painting's version slot (a concept painted again keeps its older paintings),
beside that revision's own record and trace. The page of the kit now loads the painting shown now, at the studio's
versioned address. Only this kit's own painting route is ever an <img> source, never a URL from the kit's data.
"""

from __future__ import annotations

import base64
from html import escape

from branding.images.painter import image_path
from branding.models import LogoConcept, SectionStatus
from components.cards import painting_view

LIGHT_TILE = '#ffffff'  # paintings are made on white, as the studio's tiles show them


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def painting_url(kit_id: str, index: int, concept: LogoConcept, *, revision: int | None) -> str:
    """Where the page loads the painting of concept `index`: as revision `revision` had it, else as shown now."""
    if revision is not None:
        return f'{image_path(kit_id, index)}?rev={revision}'
    return painting_view.source(concept)


def shows_painting(kit_id: str, index: int, concept: LogoConcept) -> bool:
    """Is concept `index` of kit `kit_id` (as saved now, or at a revision) showing a painting kept with the kit?"""
    painting = concept.painting
    return (
        painting is not None
        and painting.status != SectionStatus.ERROR
        and concept.image_url == image_path(kit_id, index)
    )


def _tile(source: str, alt: str, testid: str) -> str:
    return (
        f'<div class="preview" style="background-color:{LIGHT_TILE}" data-testid="{testid}">'
        f'<img src="{_text(source)}" alt="{_text(alt)}" width="480" height="480" loading="lazy" decoding="async">'
        '</div>'
    )


def painting_html(
    concept: LogoConcept, company_name: str, *, kit_id: str, index: int, revision: int | None = None
) -> str:
    """Nothing for a concept never painted; why not, for one whose painting failed; else the painting beside its
    trace, under who painted it and over its note."""
    painting = concept.painting
    if painting is None:
        return ''
    if not shows_painting(kit_id, index, concept):
        return f'<p class="small muted wrap" data-testid="painting-note">No painting: {_text(painting.note)}</p>'
    brand = company_name or 'the brand'
    tiles = _tile(
        painting_url(kit_id, index, concept, revision=revision),
        f'Painting of the {concept.style.value} logo concept for {brand}',
        'painting-image',
    )
    if concept.traced_svg:
        trace = 'data:image/svg+xml;base64,' + base64.b64encode(concept.traced_svg.encode()).decode()
        tiles += _tile(trace, f'The painting traced to vectors in the palette of {brand}', 'painting-trace')
    note = f'<p class="small muted wrap">{_text(painting.note)}</p>' if painting.note else ''
    return (
        f'<div class="stack" style="gap:.5rem" data-testid="painting-{index}">'
        f'<p class="sub">Painted by {_text(painting.provider)} ({_text(painting.model)})</p>'
        f'<div class="previews">{tiles}</div>{note}</div>'
    )
