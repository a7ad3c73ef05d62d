"""The studio: the form on one side, the kit streaming in on the other, section by section.

The results column is drawn from state: `self.progress` (the run's sections and how it ended) and `self.slots` (one
place per section). Background work changes that state and asks the affected piece to redraw itself; every redraw
enters its own container, so nothing depends on which task or slot happens to be current.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Literal

from nicegui import background_tasks, ui
from nicegui.client import Client

from branding.export import export_kit
from branding.handover import Draft, resumed
from branding.images.kit_paintings import ImagePainted
from branding.models import BrandingRequest, BrandKit, SectionName, SectionProvenance
from branding.orchestrator import KitDone, KitEvent, SectionDone, SectionStarted, SectionText
from branding.ratelimit import retry_after_header
from branding.refine.history import Revised
from branding.refine.instructions import OFFLINE_SECTIONS
from branding.registry import sections_for
from branding.service import KitService, RateLimited
from components import history, in_use, kit_view
from components.cards import painting_view
from components.company_form import CompanyForm
from components.loading import LoadingPanel, Outcome, Progress
from components.refine_actions import KitRefiner, changed_sections
from components.refine_controls import Hooks, RefineControls
from components.section_slots import SectionSlot

log = logging.getLogger(__name__)

NotifyType = Literal['positive', 'negative', 'warning', 'info']


class Studio:
    def __init__(self, service: KitService) -> None:
        self.service = service
        self.owner = history.browser_owner_id()  # the kits this browser makes are its own, and only its own
        self.client: Client = ui.context.client
        self.request: BrandingRequest | None = None
        self.kit: BrandKit | None = None
        self.progress: Progress | None = None
        self.panel: LoadingPanel | None = None
        self.slots: dict[str, SectionSlot] = {}
        self.task: asyncio.Task[None] | None = None
        self.client.on_delete(self.cancel)
        if service.handover is not None:  # a run is handed back when this instance drains, and taken up elsewhere
            self.client.on_delete(service.handover.drain.on_begin(self._hand_back))
            self.client.on_connect(self._take_over)
        hooks = Hooks(
            kit=lambda: self.finished_kit,
            busy=lambda: self.running,
            admit=self._admitted,
            on_revised=self._revised,
            notify=lambda message, kind: self._notify(message, type=kind),
            can_instruct=self._can_instruct,
        )
        self.refine = RefineControls(KitRefiner(service=service, owner=self.owner), hooks, fonts=service.fonts)
        self.paintings = painting_view.PaintingTools(  # the cards' tools: the refine controls and the paintings'
            inner=self.refine,
            price=service.painter.price if service.painter is not None else None,
            kit=lambda: self.finished_kit,
            busy=lambda: self.running,
            admit=self._admitted,
            repaint=lambda kit_id, index: service.repaint(kit_id, index, owner=self.owner),
            saved=self._saved_kit,
            change=self.refine.refiner.change,
            on_changed=self._painted,
            notify=lambda message, kind: self._notify(message, type=kind),
        )

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
                self.run_buttons()
                painting_view.estimate(
                    service.painter.price if service.painter is not None else None,
                    variations=self.form.num_variations,
                    focus=self.form.focus,
                )
                self.history = history.HistoryPanel(service.store, owner=self.owner, on_open=self.open_kit)
                self.revisions = history.RevisionsPanel(service.store, owner=self.owner, on_restored=self._restored)
            with ui.column().classes('w-full min-w-0 gap-4').mark('results') as self.results:
                self.actions()
                self.body()

    # --- state ----------------------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    @property
    def finished_kit(self) -> BrandKit | None:
        """The kit the actions act on: a complete, saved one (opened, or from a run that is ready), never one still
        streaming in or cut short."""
        if self.progress is not None and self.progress.outcome != Outcome.READY:
            return None
        return self.kit

    def _client_key(self) -> str:
        request = self.client.request
        if request is None:
            return self.service.client_key(None, {})
        return self.service.client_key(request.client.host if request.client else None, request.headers)

    async def _admitted(self) -> bool:
        """Count one generation against this client's budget, or say when to come back."""
        try:
            await self.service.admit(self._client_key())
        except RateLimited as limited:
            wait = retry_after_header(limited.retry_after_s)
            self._notify(f'You have made a lot of kits in the last minute. Try again in {wait} s.', type='warning')
            return False
        return True

    def _notify(self, message: str, *, type: NotifyType) -> None:
        # the results column outlives every card and run, so a message from background work always has a place
        if not self.results.is_deleted:
            with self.results:
                ui.notify(message, type=type)

    def _start(self, work: Awaitable[None], name: str) -> None:
        self.task = background_tasks.create(work, name=name)
        self.task.add_done_callback(lambda _: self._redraw_controls())
        self._redraw_controls()

    def _redraw_controls(self) -> None:
        if not self.client.is_deleted:
            self.run_buttons.refresh()
            self.actions.refresh()

    # --- what the user does -----------------------------------------------------------------------------------------

    def fill_example(self) -> None:
        self.form.fill_example()

    async def generate(self) -> None:
        if self.running:
            return
        request = self.form.request()
        if request is None:
            ui.notify(self.form.first_error() or 'Please check the form', type='warning', position='top')
            return
        if not await self._admitted():
            return
        await self._show_run(request)
        self._start(self._run(request), 'studio-generation')

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def start_over(self) -> None:
        self.cancel()
        self.kit = None
        self.request = None
        self.progress = None
        self.body.refresh()
        self.actions.refresh()

    async def download_json(self) -> None:
        kit = self.finished_kit
        if kit is None:
            return
        # the same file the API's json export serves, under the same name
        content, filename, media_type = export_kit(kit, 'json', fonts=self.service.fonts)
        ui.download.content(content, filename, media_type)

    async def share(self) -> None:
        kit = self.finished_kit
        if kit is None:
            return
        # the page knows its own origin (a proxy may rename the host), so the link is built in the browser
        path = json.dumps(f'/kit/{kit.id}')
        ui.run_javascript(f'navigator.clipboard.writeText(window.location.origin + {path})')
        ui.notify('Share link copied: anyone with the link can view this kit', type='positive')

    async def open_kit(self, kit_id: str) -> None:
        """Put a saved kit back on the page, with its request in the form, ready to regenerate sections."""
        if self.running:
            ui.notify('Wait for the current kit to finish, or cancel it.', type='warning')
            return
        stored = await self.service.store.get(kit_id)
        if stored is None or stored.owner != self.owner:
            ui.notify('That kit is no longer saved.', type='warning')
            return
        self.request, self.kit, self.progress = stored.request, stored.kit, None
        self.form.fill(stored.request.company_profile)
        with self.results:
            await self.body.refresh()
        for section in self.slots:
            self._show(section, stored.kit, stored.kit.sections[section])
        self.actions.refresh()
        await self.revisions.show(kit_id)

    async def _saved_kit(self, kit_id: str) -> BrandKit | None:
        stored = await self.service.store.get(kit_id)
        return stored.kit if stored is not None else None

    async def _painted(self, kit: BrandKit) -> None:
        """A painting made again, or its trace made the mark (painting tools): the kit drawn again, and its versions."""
        await self._restored(kit)
        await self.revisions.show(kit.id)

    async def _restored(self, kit: BrandKit) -> None:
        """An older version made the kit again (history panel): the cards it changes drawn again."""
        if self.kit is None or self.kit.id != kit.id or self.running:
            return
        self._put(kit)

    async def _revised(self, revised: Revised) -> None:
        """A change made a new revision (refine controls): the cards it touched, the board and the versions."""
        if self.kit is None or self.kit.id != revised.kit.id:
            return  # the page moved on to another kit meanwhile; the revision is saved all the same
        self._put(revised.kit)
        await self.revisions.show(revised.kit.id)

    def _put(self, kit: BrandKit) -> None:
        old, self.kit = self.kit, kit
        for section in changed_sections(old, kit) if old is not None else list(kit.sections):
            if section in self.slots:
                self._show(section, kit, kit.sections[section])
        self.actions.refresh()  # the board and mockups of the new revision

    def _can_instruct(self, section: str) -> bool:
        """The offline engine changes the palette and type by instruction; any section with a language model."""
        return section in OFFLINE_SECTIONS or bool(self.service.chain.providers)

    # --- the run --------------------------------------------------------------------------------------------------

    async def _show_run(self, request: BrandingRequest) -> None:
        self.request, self.kit = request, None
        self.progress = Progress.of(sections_for(request.focus))
        self.actions.refresh()
        with self.results:  # awaited: the run's events go to the slots this draws
            await self.body.refresh()

    async def _run(self, request: BrandingRequest, draft: Draft | None = None) -> None:
        progress = self.progress
        assert progress is not None
        outcome = Outcome.FAILED
        try:
            events = self.service.stream(request, owner=self.owner) if draft is None else resumed(self.service, draft)
            async for event in events:
                self._apply(event, progress)
            outcome = Outcome.READY
        except asyncio.CancelledError:
            outcome = Outcome.CANCELLED
            raise
        except Exception:
            log.exception('generation failed')
            self._notify('Something went wrong while making the kit. Please try again.', type='negative')
        finally:
            progress.end(outcome)
            if self.panel is not None and self.progress is progress and not self.client.is_deleted:
                self.panel.refresh()
                for slot in self.slots.values():
                    if not slot.is_done:
                        slot.element.set_visibility(False)
                    elif outcome == Outcome.READY:
                        slot.view.refresh()  # the saved kit's cards gain the owner's controls

    def _hand_back(self) -> None:
        """This instance drains and the page's socket closes with it: the run under way is kept as a draft for this
        browser, which the page finds when it loads again from another instance (`_take_over`)."""
        handover, request = self.service.handover, self.request
        if handover is None or request is None or not self.running or self.progress is None:
            return
        if self.progress.outcome != Outcome.RUNNING:
            return  # a section regenerated: the saved kit keeps its old version of it

        async def hand_back() -> None:
            await handover.hand_over(request=request, kit=self.kit, owner=self.owner)
            self.cancel()

        background_tasks.create(hand_back(), name='studio-hand-back')

    async def _take_over(self) -> None:
        """A run of this browser's that a draining instance handed back: finished here, from the sections it had."""
        handover = self.service.handover
        if handover is None or self.request is not None or self.running:
            return
        waiting = await handover.drafts.waiting(self.owner)
        draft = await handover.drafts.claim(waiting, owner=self.owner) if waiting is not None else None
        if draft is None or self.request is not None or self.running:
            return
        self.form.fill(draft.request.company_profile)
        await self._show_run(draft.request)
        self._start(self._run(draft.request, draft), 'studio-generation')
        self._notify('The server making your kit restarted: this one finishes it.', type='info')

    def _apply(self, event: KitEvent, progress: Progress) -> None:
        match event:
            case SectionStarted(section=section):
                progress.writing(section)
            case SectionText(section=section, text=text):
                self.slots[section].show_text(text)
            case SectionDone(section=section, provenance=provenance, kit=kit):
                self.kit = kit
                progress.done(section, provenance)
                self._show(section, kit, provenance)
            case ImagePainted(kit=kit) if kit.logos:
                self.kit = kit  # the logo card again, the painting beside its vector mark
                self._show(SectionName.LOGOS, kit, kit.sections[SectionName.LOGOS])
            case KitDone(kit=kit, late=late):
                self.kit = kit
                background_tasks.create(self.history.refresh(), name='studio-history')
                background_tasks.create(self.revisions.show(kit.id), name='studio-revisions')
                if late:
                    background_tasks.create(self._late_paintings(kit), name='studio-late-paintings')
        if self.panel is not None and not isinstance(event, SectionText):
            self.panel.refresh()

    async def _late_paintings(self, kit: BrandKit) -> None:
        """The logo card again once the paintings that came after the kit was saved are added to it."""
        await self.service.settle_late(kit.id)
        stored = await self.service.store.get(kit.id)
        if stored is None or self.kit is not kit or self.client.is_deleted or SectionName.LOGOS not in self.slots:
            return  # deleted, or the page moved on to another kit meanwhile
        self.kit = stored.kit
        self._show(SectionName.LOGOS, stored.kit, stored.kit.sections[SectionName.LOGOS])

    def _regenerator(self, section: str) -> Callable[[], Awaitable[None]]:
        async def regenerate() -> None:
            if self.running:
                self._notify('Wait for the current kit to finish, or cancel it.', type='warning')
                return
            if self.refine.working:  # both would save a revision of the same kit: one would undo the other's
                self._notify('One change at a time: the last one is still being made.', type='info')
                return
            if self.request is None or self.kit is None or not await self._admitted():
                return
            self.task = asyncio.current_task()  # so Cancel and closing the tab stop it too
            self._redraw_controls()
            try:
                kit = self.kit
                done = await self.service.regenerate(self.request, kit, section, owner=self.owner)
            finally:
                self.task = None
                self._redraw_controls()
            if self.kit is not kit or section not in self.slots:
                return  # the page moved on to another kit meanwhile; the new version is saved all the same
            self.kit = done.kit
            self._show(section, done.kit, done.provenance)
            await self.revisions.show(done.kit.id)
            self.actions.refresh()  # the board and mockups of the new revision
            self._notify(f'New {section} ready', type='positive')

        return regenerate

    # --- drawing --------------------------------------------------------------------------------------------------

    def _show(self, section: str, kit: BrandKit, provenance: SectionProvenance) -> None:
        """The section's card in its slot, with the kit's font files served to the page the card names them in."""
        if not self.results.is_deleted:
            with self.results:  # background work has no page of its own to add the rules to
                kit_view.load_font_faces(kit, self.service.fonts)
        self.slots[section].show(kit, provenance)

    @ui.refreshable_method
    def run_buttons(self) -> None:
        running = self.running
        with ui.row().classes('w-full gap-2 pt-2'):
            ui.button('Generate brand kit', icon='auto_awesome', on_click=self.generate).props(
                f'unelevated no-caps size=lg{" loading" if running else ""}'
            ).classes('grow').mark('generate').set_enabled(not running)
            if running:
                ui.button('Cancel', icon='stop', on_click=self.cancel).props('outline no-caps size=lg').mark('cancel')

    @ui.refreshable_method
    def actions(self) -> None:
        # drawn with the first finished kit: each Quasar component on the page adds to the time before it responds
        if self.finished_kit is None:
            return
        with ui.row().classes('w-full items-center gap-2'):
            ui.label('Your brand kit').classes('text-xl font-semibold grow').props('role=heading aria-level=2')
            ui.button('Download JSON', icon='download', on_click=self.download_json).props('outline no-caps').mark(
                'download-json'
            )
            ui.button('Share', icon='share', on_click=self.share).props('outline no-caps').mark('share')
            ui.button('Start over', icon='restart_alt', on_click=self.start_over).props('flat no-caps').mark(
                'start-over'
            )
        self.refine.toolbar()  # regenerate the rest, undo
        in_use.create(self.finished_kit)  # the board first, then every mockup: drawn from the kit as saved

    @ui.refreshable_method
    def body(self) -> None:
        self.panel = None
        self.slots = {}
        if self.request is None:
            with ui.column().classes('w-full items-center text-center py-16 gap-2'):
                ui.icon('palette', size='xl').classes('text-primary').props('aria-hidden=true')
                ui.label('Your kit appears here, section by section.').classes('text-lg')
                ui.label('No API key needed: the built-in design engine works offline.').classes('bs-muted')
            return
        if self.progress is not None:
            self.panel = LoadingPanel(self.progress)
        sections = (
            sections_for(self.request.focus)
            if self.progress is not None
            else list(self.kit.sections if self.kit else [])
        )
        with ui.column().classes('w-full gap-4').props('data-testid=results-cards').mark('cards'):
            for section in kit_view.in_reading_order(sections):
                self.slots[section] = SectionSlot(
                    section,
                    count=self.request.num_variations,
                    company_name=self.request.company_profile.name,
                    on_regenerate=self._regenerator(section),
                    tools=self.paintings,
                )


def create(service: KitService) -> None:
    Studio(service)
