"""The kits this browser made: reopen one into the studio, or delete it; and the versions of the kit on the page.

The list comes from the store, by owner: a browser sees exactly the kits it made (see branding.owners), never
anyone else's, and the list follows the browser across tabs and restarts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from nicegui import app, ui
from nicegui.events import ValueChangeEventArguments

from branding.models import BrandKit
from branding.owners import browser_owner
from branding.refine.history import restore_revision
from branding.store import KitStore, KitSummary, NotOwnerError
from branding.stores.base import Lever, RevisionSummary
from components import revision_diff
from components.cards import MUTED_TEXT, SUBHEADING
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


LEVER_WORDS: dict[Lever, str] = {
    Lever.GENERATE: 'Generated',
    Lever.REGENERATE: 'Regenerated',
    Lever.CHOOSE: 'Chosen',
    Lever.LOCK: 'Locked',
    Lever.INSTRUCTION: 'Refined by instruction',
    Lever.EDIT: 'Edited',
    Lever.RESTORE: 'Restored',
}
FIELD_WORDS = {
    'logos': 'logos',
    'taglines': 'taglines',
    'color_palette': 'palette',
    'typography': 'typography',
    'brand_guidelines': 'guidelines',
    'extensions': 'more sections',
    'chosen_logo': 'chosen logo',
    'starred_taglines': 'starred taglines',
    'locks': 'locks',
}


def share_url(kit_id: str, number: int) -> str:
    """The share page of the kit as it was at version `number` (it stays that version as the kit changes)."""
    return f'/kit/{quote(kit_id, safe="")}?rev={number}'


def revision_line(revision: RevisionSummary) -> str:
    """'14:02 · Regenerated · taglines': when, by which lever, what it changed."""
    changed = ', '.join(FIELD_WORDS.get(name, name) for name in revision.sections) or 'no change'
    return f'{revision.created_at:%d %b %H:%M} · {LEVER_WORDS[revision.lever]} · {changed}'


class RevisionsPanel:
    """The versions of the kit on the page, newest first: when, by which lever, what changed, a share link to each.
    Restoring one makes it the kit again, as a new version (history is never rewritten). Two versions compare side by
    side. Hidden until a saved kit is on the page."""

    def __init__(self, store: KitStore, *, owner: str, on_restored: Callable[[BrandKit], Awaitable[None]]) -> None:
        self.store = store
        self.owner = owner
        self.on_restored = on_restored
        self.kit_id: str | None = None
        with (
            ui.expansion('Versions of this kit', icon='layers', on_value_change=self._on_toggle)
            .classes('w-full')
            .props('dense')
            .mark('revisions') as self.expansion
        ):
            self.list = ui.column().classes('w-full gap-1')
            self.compare = ui.column().classes('w-full gap-2 pt-2')
        self.expansion.set_visibility(False)

    async def _on_toggle(self, event: ValueChangeEventArguments[bool]) -> None:
        if event.value:
            await self.refresh()

    async def show(self, kit_id: str) -> None:
        """Follow the kit now on the page (read from the store only while the panel is open)."""
        self.kit_id = kit_id
        if self.expansion.is_deleted:
            return
        self.expansion.set_visibility(True)
        if self.expansion.value:
            await self.refresh()

    async def refresh(self) -> None:
        if self.kit_id is None:
            return
        revisions = await self.store.list_revisions(self.kit_id)
        if self.list.is_deleted:
            return
        self.list.clear()
        with self.list:
            latest = revisions[-1].number if revisions else 0
            for revision in reversed(revisions):
                self._row(revision, latest=revision.number == latest)
        await self._compare_controls([revision.number for revision in revisions])

    async def _compare_controls(self, numbers: list[int]) -> None:
        """Two selects of versions, the one before the kit now and the kit now to begin with, and their diff."""
        self.compare.clear()
        if len(numbers) < 2:
            return
        with self.compare:
            ui.label('Compare two versions').classes(SUBHEADING)
            options = {number: f'Version {number}' for number in numbers}
            with ui.row(wrap=False).classes('w-full items-center gap-2'):
                before = ui.select(options, value=numbers[-2], label='From').classes('grow').props('dense outlined')
                after = ui.select(options, value=numbers[-1], label='To').classes('grow').props('dense outlined')
            before.mark('compare-from')
            after.mark('compare-to')
            shown = ui.column().classes('w-full')

        async def show() -> None:
            await self._diff(shown, int(before.value), int(after.value))

        before.on_value_change(show)
        after.on_value_change(show)
        await show()

    async def _diff(self, shown: ui.column, first: int, second: int) -> None:
        if self.kit_id is None:
            return
        kits = (await self.store.get_revision(self.kit_id, first), await self.store.get_revision(self.kit_id, second))
        if shown.is_deleted:
            return
        shown.clear()
        with shown:
            if kits[0] is None or kits[1] is None:
                ui.label('That version is no longer saved.').classes(f'text-sm {MUTED_TEXT}')
                return
            revision_diff.create((first, kits[0]), (second, kits[1]))

    def _row(self, revision: RevisionSummary, *, latest: bool) -> None:
        with ui.row(wrap=False).classes('w-full items-center gap-1').mark('revision-item'):
            with ui.column().classes('grow min-w-0 gap-0'):
                title = f'Version {revision.number}' + (' (now)' if latest else '')
                ui.label(title).classes('font-medium')
                ui.label(revision.summary).classes('text-sm truncate').mark('revision-summary')
                ui.label(revision_line(revision)).classes('text-xs bs-muted truncate')
            if self.kit_id is not None:
                self._share_link(self.kit_id, revision.number)
            if not latest:
                restore = ui.button(icon='restore', on_click=lambda number=revision.number: self.restore(number))
                restore.props(f'flat round dense aria-label="Restore version {revision.number}"')
                restore.mark('revision-restore')
                mouse_tooltip(restore, 'Restore')

    def _share_link(self, kit_id: str, number: int) -> None:
        """A link to the share page of this version, in a new tab (it stays this version as the kit changes)."""
        with ui.link(target=share_url(kit_id, number), new_tab=True).classes(
            'inline-flex h-8 w-8 items-center justify-center rounded-full text-indigo-700 dark:text-indigo-200'
        ) as link:
            ui.icon('link').props('aria-hidden=true')
        link.props['aria-label'] = f'Share version {number} (opens its page in a new tab)'
        link.mark('revision-share')
        mouse_tooltip(link, f'Share this version: {share_url(kit_id, number)}')

    async def restore(self, number: int) -> None:
        if self.kit_id is None:
            return
        try:
            restored = await restore_revision(self.store, self.kit_id, number, owner=self.owner)
        except NotOwnerError:
            ui.notify('That kit belongs to someone else.', type='warning')
            return
        if restored is None:
            ui.notify('That version is no longer saved.', type='warning')
            return
        await self.on_restored(restored.kit)
        ui.notify(f'Version {number} restored as version {restored.revision.number}', type='positive')
        await self.refresh()
