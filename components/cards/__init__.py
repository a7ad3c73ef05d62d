"""One card per brand-kit section, plus the pieces every card shares: the title row and the copy action.

Each section has its own module with a `create(...)` builder (`logos_card`, `taglines_card`, `palette_card`,
`typography_card`, `guidelines_card`) and `skeleton.create(section)` holds the place of a card while it is generated.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui

from branding.exports.common import slug as slug  # the cards name their downloads like the exports
from branding.models import SectionProvenance
from branding.registry import title as section_title

from . import provenance as provenance_chip
from .tooltips import mouse_tooltip

RegenerateHandler = Callable[[], Awaitable[None] | None]

# Secondary text: gray-600 on white is 7.6:1 and gray-300 on Quasar's dark card (#1d1d1d) is 11:1, both AA.
MUTED_TEXT = 'text-gray-600 dark:text-gray-300'
SUBHEADING = 'text-sm font-semibold uppercase tracking-wide text-gray-700 dark:text-gray-200'
CARD_CLASSES = 'w-full min-w-0 gap-4 p-4 sm:p-6'
# A finished card off screen skips style, layout and paint until it is scrolled near (its text stays in the DOM, the
# accessibility tree and find-in-page); the browser keeps its last drawn height as the placeholder size.
OFFSCREEN_LAZY = '[content-visibility:auto] [contain-intrinsic-size:auto_40rem]'
# Card actions set their own text colour instead of Quasar's primary, which is tuned for light surfaces:
# indigo-700 on white is 7.6:1 and indigo-200 on the dark card 12:1.
ACTION_COLORS = 'text-indigo-700 dark:text-indigo-200'
# In the studio the page title is h1 and 'Your brand kit' h2, so card titles are h3; the share page has no h2.
CARD_HEADING_LEVEL = 3


def card(section: str) -> ui.card:
    """The full-width card of `section`, marked `card-<section>` for tests and the studio."""
    return ui.card().classes(f'{CARD_CLASSES} {OFFSCREEN_LAZY}').mark(f'card-{section}')


def header(
    section: str,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None,
    level: int = CARD_HEADING_LEVEL,
) -> ui.row:
    """Title row: the section title (a heading of `level`), where the content came from and maybe Regenerate."""
    title = section_title(section)
    with ui.row(wrap=True).classes('w-full items-center gap-x-3 gap-y-1') as row:
        heading = ui.label(title).classes('text-xl font-semibold')
        heading.props.update({'role': 'heading', 'aria-level': str(level)})
        if provenance is not None:
            provenance_chip.create(provenance)
        ui.space()
        if on_regenerate is not None:
            regenerate_button(title, on_regenerate).mark(f'regenerate-{section}')
    return row


def action_button(label: str, icon: str, on_click: Callable[[], Any], *, aria_label: str = '') -> ui.button:
    """A flat card action; with an empty `label` an icon-only button whose `aria_label` is also its tooltip.

    A labelled button's `aria_label` must begin with the label: speech users say what they see (WCAG 2.5.3).
    """
    if label and aria_label and not aria_label.lower().startswith(label.lower()):
        raise ValueError(f'the accessible name {aria_label!r} must begin with the visible label {label!r}')
    button = ui.button(label, icon=icon, on_click=on_click, color=None).classes(ACTION_COLORS)
    button.props('flat dense no-caps' if label else 'flat round dense')
    if aria_label:
        # Set through the props dict, never parsed from a props string: labels may quote user or model text.
        button.props['aria-label'] = aria_label
        if not label:
            mouse_tooltip(button, aria_label)
    return button


def regenerate_button(title: str, on_regenerate: RegenerateHandler) -> ui.button:
    async def regenerate() -> None:
        # Disabled while the handler runs so an impatient double click does not start two generations.
        button.disable()
        try:
            result = on_regenerate()
            if inspect.isawaitable(result):
                await result
        finally:
            if not button.is_deleted:
                button.enable()

    button = action_button('', 'refresh', regenerate, aria_label=f'Regenerate {title.lower()}')
    return button


def copy_to_clipboard(text: str, what: str) -> None:
    ui.clipboard.write(text)
    ui.notify(f'Copied {what}', type='positive', position='bottom', timeout=1500)


def copy_button(text: str, *, what: str, label: str = '', aria_label: str = '') -> ui.button:
    """A button copying `text`; icon-only and named 'Copy <what>' unless a visible `label` is given.

    A labelled button is named by its label, or by `aria_label` when it says more (it must begin with the label).
    """
    name = aria_label or ('' if label else f'Copy {what}')
    return action_button(label, 'content_copy', lambda: copy_to_clipboard(text, what), aria_label=name)
