"""The top bar: name, what the studio does, links and the dark-mode switch (remembered per browser)."""

from __future__ import annotations

from nicegui import app, ui
from nicegui.elements.dark_mode import DarkMode

from components.cards.tooltips import mouse_tooltip


def create(dark: DarkMode) -> None:
    def toggle_dark_mode() -> None:
        dark.toggle()
        app.storage.user['dark_mode'] = bool(dark.value)
        toggle.props(f'icon={_icon(bool(dark.value))}')

    with ui.header(elevated=False).classes('items-center justify-between px-4 sm:px-6 py-2 bs-header'):
        # First in the header, so first in the tab order: the header comes before the page in the document.
        ui.link('Skip to the main content', '#main').classes('bs-skip-link')
        with ui.link(target='/').classes('flex items-center gap-2 no-underline text-white'):
            ui.icon('auto_awesome', size='sm').props('aria-hidden=true')
            ui.label('Brandsmith').classes('text-lg font-semibold tracking-tight')
        with ui.row().classes('items-center gap-1'):
            # Not `hidden sm:inline`: Quasar's own `.hidden` is !important, so Tailwind's sm:inline never showed it.
            ui.link('API docs', '/docs', new_tab=True).classes('text-white text-sm max-sm:hidden px-2')
            toggle = (
                ui.button(icon=_icon(bool(dark.value)), on_click=toggle_dark_mode)
                .props('flat round color=white aria-label="Toggle dark mode"')
                .mark('dark-mode-toggle')
            )
            mouse_tooltip(toggle, 'Toggle dark mode')


def _icon(is_dark: bool) -> str:
    return 'light_mode' if is_dark else 'dark_mode'
