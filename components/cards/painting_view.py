"""A logo concept's painting, beside its vector mark in the logo card: the image an image model made of the concept's
prompt (it fades in as it loads), and its trace to vectors; or, when painting failed, why. On the owner's finished
kit in the studio (`PaintingTools`), a painting can be made again with a new seed and its trace made the concept's
mark; and the card says what the kit's paintings cost: the estimate while they are painted, the cost once they are."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from nicegui import ui

from branding.images.cost import PaintingPrice, dollars
from branding.images.painter import Painting
from branding.images.trace_mark import traceable, uses_trace
from branding.models import BrandKit, Focus, LogoConcept, SectionName, SectionStatus
from branding.refine.choices import ChoiceError, KitChoices, PrimaryMark
from branding.registry import sections_for

from . import MUTED_TEXT, SUBHEADING, action_button

log = logging.getLogger(__name__)

# only this instance's own painting route is ever an <img> source: never a provider's URL (they expire, and would make
# the browser fetch from elsewhere)
OWN_PAINTING = re.compile(r'/api/v1/kits/[A-Za-z0-9_-]{1,64}/logos/\d{1,2}/image\.png')
TILE = (
    'flex min-h-52 min-w-0 items-center justify-center rounded border border-gray-300 bg-white p-2 dark:border-gray-600'
)
NotifyType = Literal['positive', 'negative', 'warning', 'info']


class CardTools(Protocol):
    """The owner's other controls (components.card_tools.CardTools), which PaintingTools passes the cards on to."""

    def section(self, section: str) -> None: ...

    def element(self, section: str, key: str) -> None: ...


@dataclass(kw_only=True, slots=True)
class PaintingTools:
    """The studio's painting controls, handed to the cards as their tools (wrapping the refine controls, `inner`).

    `repaint` is the service's repaint (the API's repaint route calls it too); `change` applies choices as a new
    revision, as PATCH does; `on_changed` draws the kit again once either has saved a new revision."""

    inner: CardTools | None
    price: PaintingPrice | None  # None: no image provider is on
    kit: Callable[[], BrandKit | None]  # the finished kit on the page (None while one streams in)
    busy: Callable[[], bool]
    admit: Callable[[], Awaitable[bool]]  # a painting counts against the client's budget, as a generation does
    repaint: Callable[[str, int], Awaitable[Painting | None]]
    saved: Callable[[str], Awaitable[BrandKit | None]]  # the kit as saved now
    change: Callable[[str, KitChoices], Awaitable[object]]
    on_changed: Callable[[BrandKit], Awaitable[None]]
    notify: Callable[[str, NotifyType], None]

    def section(self, section: str) -> None:
        if self.inner is not None:
            self.inner.section(section)

    def element(self, section: str, key: str) -> None:
        if self.inner is not None:
            self.inner.element(section, key)

    async def _ready(self) -> BrandKit | None:
        kit = self.kit()
        if kit is None or self.busy():
            self.notify('Wait for the current kit to finish.', 'warning')
            return None
        return kit

    async def repaint_concept(self, index: int, button: ui.button) -> None:
        kit = await self._ready()
        if kit is None or not await self.admit():
            return
        button.props('loading')
        try:
            painting = await self.repaint(kit.id, index)
        except Exception:  # whatever went wrong (the store, another owner's kit), the page says so; the kit stays
            log.exception('repainting logo concept %d of kit %s failed', index, kit.id)
            painting = None
        finally:
            button.props(remove='loading')
        if painting is None:
            self.notify('This concept could not be painted again; try once more.', 'warning')
            return
        if painting.png is None:
            self.notify(f'Not painted: {painting.provenance.note}', 'warning')
            return
        await self._show_saved(kit.id, f'New painting of logo concept {index + 1}')

    async def use_trace(self, index: int) -> None:
        kit = await self._ready()
        if kit is None:
            return
        try:
            await self.change(kit.id, KitChoices(primary_mark=PrimaryMark(logo=index)))
        except ChoiceError as error:
            self.notify(error.problems[0].message, 'warning')
            return
        except Exception as error:  # the refine controls' problems (no longer saved, a conflict) say what happened
            self.notify(str(error) or 'The kit could not be changed; try again.', 'warning')
            return
        await self._show_saved(kit.id, f'The traced painting is now the mark of logo {index + 1}')

    async def _show_saved(self, kit_id: str, message: str) -> None:
        saved = await self.saved(kit_id)
        if saved is not None:
            await self.on_changed(saved)
        self.notify(message, 'positive')


def source(concept: LogoConcept) -> str:
    """The painting's address with a version of its own: painting a concept again keeps its path, and a new version
    makes the browser load (and fade in) the new picture instead of showing the one it has."""
    painted = concept.painting.model_dump_json() if concept.painting else ''
    version = hashlib.sha256(f'{painted}{concept.traced_svg}'.encode()).hexdigest()[:12]
    return f'{concept.image_url}?v={version}'


def costs(logos: list[LogoConcept], tools: object) -> None:
    """The kit's paintings priced: the estimate while they are painted, what they cost once they are in."""
    price = tools.price if isinstance(tools, PaintingTools) else None
    if price is None or not price.per_megapixel or not logos:
        return
    pending = [concept for concept in logos if concept.painting is None]
    made = [
        concept for concept in logos if concept.painting is not None and concept.painting.status != SectionStatus.ERROR
    ]
    if pending:
        text = (
            f'Painting {len(logos)} concepts with the image model: about {dollars(price.of(len(logos)))} '
            f'({len(logos)} x {price.basis}).'
        )
    else:
        text = f'{len(made)} of {len(logos)} paintings made: {dollars(price.of(len(made)))} ({price.basis} each).'
    ui.label(text).classes(f'text-sm {MUTED_TEXT}').mark('painting-cost')


def create(concept: LogoConcept, company_name: str, *, index: int = 0, tools: object = None) -> None:
    """Nothing for a concept that was never painted. With the studio's PaintingTools on a finished kit: Repaint, and
    'Use this trace as the mark' (or that it is)."""
    painting = concept.painting
    if painting is None:
        return
    brand = company_name or 'the brand'
    style = concept.style.value
    controls = tools if isinstance(tools, PaintingTools) and tools.kit() is not None else None
    if painting.status == SectionStatus.ERROR or not OWN_PAINTING.fullmatch(concept.image_url):
        ui.label(f'No painting: {painting.note}').classes(f'break-words text-sm {MUTED_TEXT}').mark('painting-note')
        if controls is not None:
            _controls(concept, index, controls)
        return
    ui.label(f'Painted by {painting.provider} ({painting.model})').classes(SUBHEADING)
    with ui.element('div').classes('grid w-full grid-cols-1 gap-3 xl:grid-cols-2').mark('painting'):
        with ui.element('div').classes(TILE):
            image = ui.image(source(concept)).classes('h-52 w-full').props('fit=contain')
            image.props['alt'] = f'Painting of the {style} logo concept for {brand}'
            image.mark('painting-image')
        if concept.traced_svg:
            with ui.element('div').classes(TILE):
                trace = base64.b64encode(concept.traced_svg.encode()).decode()
                traced = ui.image(f'data:image/svg+xml;base64,{trace}').classes('h-52 w-full').props('fit=contain')
                traced.props['alt'] = f'The painting traced to vectors in the palette of {brand}'
                traced.mark('painting-trace')
    if painting.note:
        ui.label(painting.note).classes(f'break-words text-sm {MUTED_TEXT}')
    if controls is not None:
        _controls(concept, index, controls)


def _controls(concept: LogoConcept, index: int, tools: PaintingTools) -> None:
    style = concept.style.value
    with ui.row(wrap=True).classes('w-full items-center gap-2').mark('painting-controls'):

        async def repaint() -> None:
            await tools.repaint_concept(index, button)

        button = action_button(
            'Repaint', 'refresh', repaint, aria_label=f'Repaint the {style} logo concept with a new seed'
        ).mark(f'repaint-{index}')
        if uses_trace(concept):
            ui.label("Its trace is this concept's mark and logo files.").classes('text-sm').mark(
                f'trace-is-mark-{index}'
            )
        elif traceable(concept):
            action_button(
                'Use this trace as the mark',
                'check_circle',
                lambda: tools.use_trace(index),
                aria_label=f'Use this trace as the mark of the {style} logo concept, and choose it as the logo',
            ).mark(f'use-trace-{index}')


def estimate_text(price: PaintingPrice, variations: object, focus: object) -> str:
    """What a kit asked for with these form values would spend on paintings ('' when it paints nothing)."""
    try:
        concepts = int(variations) if isinstance(variations, int | float | str) else 0
        painted = SectionName.LOGOS in sections_for(Focus(str(focus)))
    except ValueError:
        return ''
    if concepts < 1 or not painted or not price.per_megapixel:
        return ''
    return (
        f'With paintings: about {dollars(price.of(concepts))} for {concepts} logo concept'
        f'{"s" if concepts > 1 else ""} ({price.basis} each).'
    )


def estimate(price: PaintingPrice | None, *, variations: ui.number, focus: ui.select) -> None:
    """Under the Generate button, before a kit is made: what its paintings would cost, following the form."""
    if price is None:
        return
    label = ui.label().classes(f'text-sm {MUTED_TEXT}').mark('painting-estimate')

    def update() -> None:
        text = estimate_text(price, variations.value, focus.value)
        label.set_text(text)
        label.set_visibility(bool(text))

    variations.on_value_change(update)
    focus.on_value_change(update)
    update()
