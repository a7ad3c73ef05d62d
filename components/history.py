"""The kits this browser made: reopen one into the studio, or delete it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import app, ui
from nicegui.events import ValueChangeEventArguments

from branding.service import kit_service

HISTORY_KEY = 'kit_ids'
HISTORY_LIMIT = 30


def remember(kit_id: str) -> None:
    """Keep the id in this browser's storage: history is per person, not a list of everyone's kits."""
    ids = [kit_id, *[known for known in app.storage.user.get(HISTORY_KEY, []) if known != kit_id]]
    app.storage.user[HISTORY_KEY] = ids[:HISTORY_LIMIT]


def forget(kit_id: str) -> None:
    app.storage.user[HISTORY_KEY] = [known for known in app.storage.user.get(HISTORY_KEY, []) if known != kit_id]


class HistoryPanel:
    """A closed panel that reads the store the first time it is opened, or when a kit is made, not with the page."""

    def __init__(self, on_open: Callable[[str], Awaitable[None]]) -> None:
        self.on_open = on_open
        self.loaded = False
        with (
            ui.expansion('Your recent kits', icon='history', on_value_change=self._on_toggle)
            .classes('w-full')
            .props('dense')
            .mark('history')
        ):
            self.list = ui.column().classes('w-full gap-1')

    async def _on_toggle(self, event: ValueChangeEventArguments) -> None:
        # The page loads without the list: nothing to fetch or redraw after the first paint unless someone looks.
        if event.value and not self.loaded:
            await self.refresh()

    async def refresh(self) -> None:
        self.loaded = True
        ids = list(app.storage.user.get(HISTORY_KEY, []))
        stored = [await kit_service().store.get(kit_id) for kit_id in ids]
        self.list.clear()
        with self.list:
            found = [item for item in stored if item is not None]
            if not found:
                ui.label('Kits you make appear here.').classes('text-sm bs-muted')
            for item in found:
                kit = item.kit
                sections = ', '.join(section.value for section in kit.sections)
                with ui.row(wrap=False).classes('w-full items-center gap-1').mark('history-item'):
                    with ui.column().classes('grow min-w-0 gap-0'):
                        ui.label(kit.company_name).classes('font-medium truncate')
                        ui.label(f'{item.created_at:%d %b %Y %H:%M} · {sections}').classes('text-xs bs-muted truncate')
                    ui.button(icon='open_in_browser', on_click=lambda kit_id=kit.id: self.on_open(kit_id)).props(
                        f'flat round dense aria-label="Open the {kit.focus.value} kit"'
                    ).tooltip('Open').mark('history-open')
                    ui.button(icon='delete', on_click=lambda kit_id=kit.id: self.delete(kit_id)).props(
                        'flat round dense aria-label="Delete this kit"'
                    ).tooltip('Delete').mark('history-delete')

    async def delete(self, kit_id: str) -> None:
        await kit_service().store.delete(kit_id)
        forget(kit_id)
        ui.notify('Kit deleted', type='info')
        await self.refresh()
