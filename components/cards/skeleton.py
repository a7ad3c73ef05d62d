"""Placeholder cards, shaped like the real ones, so the page does not jump while a section is generated."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from branding.models import SectionName
from branding.registry import title as section_title

from . import CARD_CLASSES, MUTED_TEXT


def create(section: str, *, count: int = 3) -> ui.card:
    """A skeleton of `section`'s card, marked `skeleton-<section>`; `count` is how many logos or taglines to expect."""
    title = section_title(section)
    with ui.card().classes(CARD_CLASSES).mark(f'skeleton-{section}') as skeleton:
        skeleton.props['aria-busy'] = 'true'
        with ui.row(wrap=True).classes('w-full items-center gap-3'):
            ui.label(title).classes('text-xl font-semibold').props('role=heading aria-level=3')
            ui.skeleton('QChip').classes('h-5 w-28')
            ui.space()
        # Announced politely, so screen-reader users know the section is on its way rather than missing.
        ui.label(f'Generating {title.lower()}…').classes(f'text-sm {MUTED_TEXT}').props('role=status')
        _BODIES.get(section, _lines_only)(max(1, min(count, 10)))
    return skeleton


def _lines(widths: tuple[str, ...]) -> None:
    for width in widths:
        ui.skeleton('text').classes(f'{width} h-4')


def _logos(count: int) -> None:
    with ui.element('div').classes('grid w-full grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3'):
        for _ in range(count):
            with ui.column().classes('min-w-0 gap-3 rounded-lg border border-gray-300 p-3 dark:border-gray-600'):
                with ui.element('div').classes('grid w-full grid-cols-2 gap-2'):
                    ui.skeleton().classes('h-32 w-full')
                    ui.skeleton().classes('h-32 w-full')
                _lines(('w-1/3', 'w-full', 'w-5/6', 'w-full'))
                ui.skeleton().classes('h-16 w-full')
                with ui.row().classes('gap-2'):
                    ui.skeleton('QBtn').classes('h-8 w-28')
                    ui.skeleton('QBtn').classes('h-8 w-32')


def _taglines(count: int) -> None:
    with ui.column().classes('w-full gap-4'):
        for _ in range(count):
            with ui.column().classes('w-full gap-2 py-1'):
                ui.skeleton('text').classes('h-8 w-3/4')
                ui.skeleton('QBadge').classes('h-4 w-20')
                _lines(('w-full',))


def _palette(_: int) -> None:
    _lines(('w-full', 'w-2/3'))
    with ui.element('div').classes('grid w-full grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4'):
        for _ in range(4):
            with ui.column().classes('min-w-0 gap-1'):
                ui.skeleton().classes('h-20 w-full')
                _lines(('w-1/3', 'w-1/2', 'w-2/5', 'w-3/5'))
    with ui.column().classes('w-full gap-2'):
        for _ in range(4):
            ui.skeleton().classes('h-8 w-full')
    with ui.element('div').classes('grid w-full grid-cols-1 gap-4 md:grid-cols-2'):
        ui.skeleton().classes('h-48 w-full')
        ui.skeleton().classes('h-48 w-full')


def _typography(_: int) -> None:
    with ui.column().classes('w-full gap-3 rounded-lg border border-gray-300 p-4 dark:border-gray-600'):
        ui.skeleton('text').classes('h-10 w-1/2')
        _lines(('w-full', 'w-full', 'w-4/5'))
        ui.skeleton('text').classes('h-6 w-2/3')
    with ui.column().classes('w-full gap-2'):
        for height in ('h-12', 'h-10', 'h-8', 'h-7', 'h-6', 'h-5'):
            ui.skeleton('text').classes(f'{height} w-3/4')
    with ui.element('div').classes('grid w-full grid-cols-1 gap-3 md:grid-cols-3'):
        for _ in range(3):
            ui.skeleton().classes('h-28 w-full')


def _guidelines(_: int) -> None:
    ui.skeleton('text').classes('h-8 w-1/2')
    _lines(('w-full', 'w-full', 'w-11/12', 'w-3/4'))
    ui.skeleton('text').classes('h-6 w-1/3')
    _lines(('w-full', 'w-5/6', 'w-full', 'w-2/3'))
    with ui.row().classes('gap-2'):
        ui.skeleton('QBtn').classes('h-8 w-36')
        ui.skeleton('QBtn').classes('h-8 w-32')


def _lines_only(_: int) -> None:
    _lines(('w-full', 'w-5/6', 'w-full', 'w-2/3'))


# the shape of each built-in section's card; any other section gets lines of text
_BODIES: dict[str, Callable[[int], None]] = {
    SectionName.LOGOS: _logos,
    SectionName.TAGLINES: _taglines,
    SectionName.PALETTE: _palette,
    SectionName.TYPOGRAPHY: _typography,
    SectionName.GUIDELINES: _guidelines,
}
