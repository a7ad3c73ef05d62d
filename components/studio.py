"""The studio: the form on one side, the kit streaming in on the other, section by section."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable

from nicegui import background_tasks, ui
from nicegui.client import Client

from branding.models import BrandingRequest, BrandKit, SectionName, SectionProvenance
from branding.orchestrator import KitDone, SectionDone, SectionStarted, SectionText, regenerate_section, stream_kit
from components import loading
from components.cards import guidelines_card, logos_card, palette_card, skeleton, taglines_card, typography_card
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
                with ui.row().classes('w-full gap-2 pt-2'):
                    self.generate_button = (
                        ui.button('Generate brand kit', icon='auto_awesome', on_click=self.generate)
                        .props('unelevated no-caps size=lg')
                        .classes('grow')
                        .mark('generate')
                    )
                    self.cancel_button = (
                        ui.button('Cancel', icon='stop', on_click=self.cancel)
                        .props('outline no-caps size=lg')
                        .mark('cancel')
                    )
                    self.cancel_button.visible = False
            with ui.column().classes('w-full min-w-0 gap-4').mark('results'):
                with ui.row().classes('w-full items-center gap-2') as self.actions:
                    ui.label('Your brand kit').classes('text-xl font-semibold grow').props('role=heading aria-level=2')
                    ui.button('Download JSON', icon='download', on_click=self.download_json).props(
                        'outline no-caps'
                    ).mark('download-json')
                    ui.button('Start over', icon='restart_alt', on_click=self.start_over).props('flat no-caps').mark(
                        'start-over'
                    )
                self.actions.visible = False
                self.progress_slot = ui.column().classes('w-full')
                self.cards = ui.column().classes('w-full gap-4').mark('cards')
                self.skeletons = ui.column().classes('w-full gap-4')
                with ui.column().classes('w-full items-center text-center py-16 gap-2') as self.empty_state:
                    ui.icon('palette', size='xl').classes('text-primary').props('aria-hidden=true')
                    ui.label('Your kit appears here, section by section.').classes('text-lg')
                    ui.label('No API key needed: the built-in design engine works offline.').classes('bs-muted')

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
        self._set_running(True)
        self.task = background_tasks.create(self._run(request), name='studio-generation')

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
            async for event in stream_kit(request):
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
            self.actions.visible = True
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
        regenerate = self._regenerator(section)
        name = kit.company_name
        with slot:
            match section:
                case SectionName.LOGOS:
                    logos_card.create(kit.logos, provenance=provenance, on_regenerate=regenerate, company_name=name)
                case SectionName.TAGLINES:
                    taglines_card.create(kit.taglines, provenance=provenance, on_regenerate=regenerate)
                case SectionName.PALETTE:
                    palette_card.create(
                        kit.color_palette, provenance=provenance, on_regenerate=regenerate, company_name=name
                    )
                case SectionName.TYPOGRAPHY:
                    typography_card.create(
                        kit.typography, provenance=provenance, on_regenerate=regenerate, company_name=name
                    )
                case SectionName.GUIDELINES:
                    guidelines_card.create(
                        kit.brand_guidelines, provenance=provenance, on_regenerate=regenerate, company_name=name
                    )

    def _regenerator(self, section: SectionName) -> Callable[[], Awaitable[None]]:
        async def regenerate() -> None:
            if self.running or self.request is None or self.kit is None:
                return
            done = await regenerate_section(self.request, self.kit, section)
            self.kit = done.kit
            self._draw_card(section, done.kit, done.provenance)
            ui.notify(f'New {section.value} ready', type='positive')

        return regenerate


def create() -> None:
    Studio()
