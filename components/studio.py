"""The studio: the form on one side, the kit streaming in on the other, section by section."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable

from nicegui import background_tasks, ui
from nicegui.client import Client

from branding.models import BrandingRequest, BrandKit, SectionName, SectionProvenance
from branding.orchestrator import KitDone, SectionDone, SectionStarted, SectionText
from branding.ratelimit import retry_after_header
from branding.service import RateLimited, kit_service
from components import history, kit_view, loading
from components.cards import guidelines_card, skeleton
from components.company_form import CompanyForm

log = logging.getLogger(__name__)


def _slug(name: str) -> str:
    return re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-') or 'brand'


class Studio:
    def __init__(self) -> None:
        self.client: Client = ui.context.client
        self.request: BrandingRequest | None = None
        self.kit: BrandKit | None = None
        self.task: asyncio.Task[None] | None = None
        self.card_slots: dict[SectionName, ui.element] = {}
        self.client.on_delete(self.cancel)

        with ui.element('div').classes('grid grid-cols-1 lg:grid-cols-[400px_minmax(0,1fr)] gap-6 w-full'):
            with ui.card().classes('w-full self-start').props('flat bordered').mark('form-card'):
                with ui.row().classes('w-full items-center justify-between'):
                    ui.label('Describe your company').classes('text-xl font-semibold').props(
                        'role=heading aria-level=1'
                    )
                    ui.button('Try an example', icon='lightbulb', on_click=self.fill_example).props(
                        'flat dense no-caps'
                    ).mark('try-example')
                self.form = CompanyForm()
                with ui.row().classes('w-full gap-2 pt-2') as self.run_buttons:
                    self.generate_button = (
                        ui.button('Generate brand kit', icon='auto_awesome', on_click=self.generate)
                        .props('unelevated no-caps size=lg')
                        .classes('grow')
                        .mark('generate')
                    )
                self.cancel_button: ui.button | None = None
                self.history = history.HistoryPanel(on_open=self.open_kit)
            with ui.column().classes('w-full min-w-0 gap-4').mark('results'):
                # drawn with the first kit: each Quasar component on the page adds to the time before it responds
                self.actions = ui.row().classes('w-full items-center gap-2')
                self.actions.visible = False
                self.progress_slot = ui.column().classes('w-full')
                self.cards = ui.column().classes('w-full gap-4').props('data-testid=results-cards').mark('cards')
                self.skeletons = ui.column().classes('w-full gap-4')
                with ui.column().classes('w-full items-center text-center py-16 gap-2') as self.empty_state:
                    ui.icon('palette', size='xl').classes('text-primary').props('aria-hidden=true')
                    ui.label('Your kit appears here, section by section.').classes('text-lg')
                    ui.label('No API key needed: the built-in design engine works offline.').classes('bs-muted')

    def _show_actions(self) -> None:
        if not self.actions.default_slot.children:
            with self.actions:
                ui.label('Your brand kit').classes('text-xl font-semibold grow').props('role=heading aria-level=2')
                ui.button('Download JSON', icon='download', on_click=self.download_json).props('outline no-caps').mark(
                    'download-json'
                )
                ui.button('Share', icon='share', on_click=self.share).props('outline no-caps').mark('share')
                ui.button('Start over', icon='restart_alt', on_click=self.start_over).props('flat no-caps').mark(
                    'start-over'
                )
        self.actions.visible = True

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    def fill_example(self) -> None:
        self.form.fill_example()

    async def generate(self) -> None:
        if self.running:
            return
        request = self.form.request()
        if request is None:
            ui.notify(self.form.first_error() or 'Please check the form', type='warning', position='top')
            return
        try:
            kit_service().admit(self._client_key())
        except RateLimited as limited:
            wait = retry_after_header(limited.retry_after_s)
            ui.notify(f'You have made a lot of kits in the last minute. Try again in {wait} s.', type='warning')
            return
        self._set_running(True)
        self.task = background_tasks.create(self._run(request), name='studio-generation')

    def _client_key(self) -> str:
        request = self.client.request
        return request.client.host if request is not None and request.client is not None else 'unknown'

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def start_over(self) -> None:
        self.cancel()
        self.kit = None
        self.request = None
        self._clear_results()
        self.actions.visible = False
        self.empty_state.visible = True

    async def download_json(self) -> None:
        if self.kit is None:
            return
        ui.download.content(
            self.kit.model_dump_json(indent=2).encode(),
            f'{_slug(self.kit.company_name)}-brand-kit.json',
            'application/json',
        )

    def _set_running(self, running: bool) -> None:
        if running:
            self.generate_button.props('loading')
        else:
            self.generate_button.props(remove='loading')
        self.generate_button.enabled = not running
        if running and self.cancel_button is None:
            with self.run_buttons:
                self.cancel_button = ui.button('Cancel', icon='stop', on_click=self.cancel)
                self.cancel_button.props('outline no-caps size=lg').mark('cancel')
        if self.cancel_button is not None:
            self.cancel_button.visible = running

    def _clear_results(self) -> None:
        self.progress_slot.clear()
        self.cards.clear()
        self.skeletons.clear()
        self.card_slots.clear()

    async def _run(self, request: BrandingRequest) -> None:
        self.request = request
        self.kit = None
        self._clear_results()
        self.empty_state.visible = False
        self.actions.visible = False
        with self.progress_slot:
            panel = loading.LoadingPanel(request.sections)
        with self.skeletons:
            placeholders = {
                section: skeleton.create(section, count=request.num_variations) for section in request.sections
            }
        streaming: dict[SectionName, guidelines_card.StreamingGuidelines] = {}
        cancelled = False
        try:
            async for event in kit_service().stream(request):
                match event:
                    case SectionStarted(section=section):
                        panel.writing(section)
                    case SectionText(section=section, text=text):
                        if section not in streaming:
                            placeholders.pop(section).delete()
                            with self.cards:
                                self.card_slots[section] = ui.element('div').classes('w-full')
                            with self.card_slots[section]:
                                streaming[section] = guidelines_card.create_streaming(
                                    company_name=request.company_profile.name
                                )
                        streaming[section].set_text(text)
                    case SectionDone(section=section, provenance=provenance, kit=kit):
                        self.kit = kit
                        if section in placeholders:
                            placeholders.pop(section).delete()
                            with self.cards:
                                self.card_slots[section] = ui.element('div').classes('w-full')
                        self._draw_card(section, kit, provenance)
                        panel.done(section, provenance)
                    case KitDone(kit=kit):
                        self.kit = kit
                        history.remember(kit.id)
                        await self.history.refresh()
            self._show_actions()
        except asyncio.CancelledError:
            cancelled = True
            raise
        except Exception:
            log.exception('generation failed')
            if not self.client.is_deleted:
                with self.client:
                    ui.notify('Something went wrong while making the kit. Please try again.', type='negative')
        finally:
            if not self.client.is_deleted:
                panel.finish(cancelled=cancelled)
                for placeholder in placeholders.values():
                    placeholder.delete()
                self._set_running(False)

    def _draw_card(self, section: SectionName, kit: BrandKit, provenance: SectionProvenance | None) -> None:
        slot = self.card_slots[section]
        slot.clear()
        with slot:
            kit_view.draw_section(section, kit, provenance=provenance, on_regenerate=self._regenerator(section))

    async def open_kit(self, kit_id: str) -> None:
        """Put a saved kit back on the page, with its request in the form, ready to regenerate sections."""
        if self.running:
            ui.notify('Wait for the current kit to finish, or cancel it.', type='warning')
            return
        stored = await kit_service().store.get(kit_id)
        if stored is None:
            ui.notify('That kit is no longer saved.', type='warning')
            return
        self.request, self.kit = stored.request, stored.kit
        self.form.fill(stored.request.company_profile)
        self._clear_results()
        self.empty_state.visible = False
        for section in kit_view.kit_sections(stored.kit):
            with self.cards:
                self.card_slots[section] = ui.element('div').classes('w-full')
            self._draw_card(section, stored.kit, stored.kit.sections[section])
        self._show_actions()

    async def share(self) -> None:
        if self.kit is None:
            return
        # the page knows its own origin (a proxy may rename the host), so the link is built in the browser
        path = json.dumps(f'/kit/{self.kit.id}')
        ui.run_javascript(f'navigator.clipboard.writeText(window.location.origin + {path})')
        ui.notify('Share link copied: anyone with the link can view this kit', type='positive')

    def _regenerator(self, section: SectionName) -> Callable[[], Awaitable[None]]:
        async def regenerate() -> None:
            if self.running or self.request is None or self.kit is None:
                return
            done = await kit_service().regenerate(self.request, self.kit, section)
            self.kit = done.kit
            self._draw_card(section, done.kit, done.provenance)
            ui.notify(f'New {section.value} ready', type='positive')

        return regenerate


def create() -> None:
    Studio()
