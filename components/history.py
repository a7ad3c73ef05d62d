"""The kits this browser made: reopen one into the studio, or delete it.

The list comes from the store, by owner: a browser sees exactly the kits it made (see branding.owners), never
anyone else's, and the list follows the browser across tabs and restarts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import app, ui
from nicegui.events import ValueChangeEventArguments

from branding.owners import browser_owner
from branding.store import KitStore, KitSummary, NotOwnerError
from components.cards.tooltips import mouse_tooltip

HISTORY_LIMIT = 30


def browser_owner_id() -> str:
    """The owner of the kits this browser makes: derived from NiceGUI's per-browser id (a signed cookie)."""
    return browser_owner(str(app.storage.browser['id']))


class HistoryPanel:
    """A closed panel that reads the store the first time it is opened, or when a kit is made, not with the page."""

    def __init__(self, store: KitStore, *, owner: str, on_open: Callable[[str], Awaitable[None]]) -> None:
        self.store = store
        self.owner = owner
        self.on_open = on_open
        self.loaded = False
        with (
            ui.expansion('Your recent kits', icon='history', on_value_change=self._on_toggle)
            .classes('w-full')
            .props('dense')
            .mark('history')
        ):
            self.list = ui.column().classes('w-full gap-1')

    async def _on_toggle(self, event: ValueChangeEventArguments[bool]) -> None:
        # The page loads without the list: nothing to fetch or redraw after the first paint unless someone looks.
        if event.value and not self.loaded:
            await self.refresh()

    async def refresh(self) -> None:
        self.loaded = True
        page = await self.store.list_recent(HISTORY_LIMIT, owner=self.owner)
        if self.list.is_deleted:
            return
        self.list.clear()
        with self.list:
            if not page.items:
                ui.label('Kits you make appear here.').classes('text-sm bs-muted')
            for item in page.items:
                self._row(item)

    def _row(self, item: KitSummary) -> None:
        sections = ', '.join(item.providers)
        with ui.row(wrap=False).classes('w-full items-center gap-1').mark('history-item'):
            with ui.column().classes('grow min-w-0 gap-0'):
                ui.label(item.company_name).classes('font-medium truncate')
                ui.label(f'{item.created_at:%d %b %Y %H:%M} · {sections}').classes('text-xs bs-muted truncate')
            opener = ui.button(icon='open_in_browser', on_click=lambda kit_id=item.id: self.on_open(kit_id))
            opener.props(f'flat round dense aria-label="Open the {item.focus.value} kit"').mark('history-open')
            mouse_tooltip(opener, 'Open')
            remover = ui.button(icon='delete', on_click=lambda kit_id=item.id: self.delete(kit_id))
            remover.props('flat round dense aria-label="Delete this kit"').mark('history-delete')
            mouse_tooltip(remover, 'Delete')

    async def delete(self, kit_id: str) -> None:
        try:
            await self.store.delete(kit_id, owner=self.owner)
        except NotOwnerError:
            ui.notify('That kit belongs to someone else.', type='warning')
            return
        ui.notify('Kit deleted', type='info')
        await self.refresh()
