"""One kit's paintings: a task per logo concept, started the moment the logos section is done, running beside the
rest of the kit. The kit waits for them at most the painter's budget after its logos; paintings still under way then
are handed over (`late`) to be added to the saved kit when they arrive."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from branding.images.painter import Painter, Painting, failed_painting, image_path
from branding.models import BrandKit, LogoConcept

logger = logging.getLogger(__name__)

PAPER = '#ffffff'  # image models paint logos on white: the trace keeps it as the paper colour


@dataclass(kw_only=True, slots=True)
class ImagePainted:
    """A logo concept's painting (or the reason there is none), already applied to `kit.logos[index]`."""

    index: int
    png: bytes | None
    kit: BrandKit


def apply_painting(kit: BrandKit, painting: Painting) -> LogoConcept | None:
    """Point the concept at its kept painting and its trace, or note why it has none; None when the kit no longer
    has that concept (its logos were made again meanwhile)."""
    if painting.index >= len(kit.logos) or kit.logos[painting.index].prompt_used != painting.prompt:
        return None
    concept = kit.logos[painting.index]
    update: dict[str, object] = {'painting': painting.provenance}
    if painting.png is not None:
        update |= {'image_url': image_path(kit.id, painting.index), 'traced_svg': painting.traced_svg}
    kit.logos[painting.index] = concept.model_copy(update=update)
    return kit.logos[painting.index]


def palette_of(kit: BrandKit, concept: LogoConcept) -> list[str]:
    """The colours a painting is quantised to: the concept's inks, the kit's roles, and paper white."""
    palette = kit.color_palette
    roles = [palette.primary, palette.secondary, palette.accent, palette.neutral] if palette is not None else []
    return list(dict.fromkeys([*concept.color_scheme, *roles, PAPER]))


@dataclass(kw_only=True, slots=True)
class KitPaintings:
    painter: Painter
    kit: BrandKit
    kit_seed: int
    emit: Callable[[ImagePainted], None]
    clock: Callable[[], float] = time.monotonic
    _tasks: list[asyncio.Task[Painting]] = field(default_factory=list)
    _delivered: int = 0  # painting events the kit's consumer has been given
    _deadline: float = 0.0
    _handed_over: bool = False

    def saw(self, event: object) -> None:
        """Follow the kit's events: start painting when the logos are done, count the paintings delivered."""
        if isinstance(event, ImagePainted):
            self._delivered += 1
        elif self._logos_are_in(event):
            self._start()

    @staticmethod
    def _logos_are_in(event: object) -> bool:
        """A section is done and the kit holds logo concepts: their prompts can be painted."""
        kit = getattr(event, 'kit', None)
        return getattr(event, 'section', None) is not None and isinstance(kit, BrandKit) and bool(kit.logos)

    def _start(self) -> None:
        if self._tasks:
            return
        self._deadline = self.clock() + self.painter.budget_s
        for index, concept in enumerate(self.kit.logos):
            work = self._paint(concept.prompt_used, index=index, palette=palette_of(self.kit, concept))
            self._tasks.append(asyncio.create_task(work, name=f'brandsmith-painting-{index}'))

    async def _paint(self, prompt: str, *, index: int, palette: list[str]) -> Painting:
        try:
            painting = await self.painter.paint(prompt, index=index, kit_seed=self.kit_seed, palette=palette)
        except Exception:  # the painter reports failures in the painting; anything else must not cost the kit
            logger.exception('painting logo concept %d failed', index)
            painting = failed_painting(index, prompt, 'the painting failed unexpectedly')
        if not self._handed_over:
            apply_painting(self.kit, painting)
            self.emit(ImagePainted(index=index, png=painting.png, kit=self.kit))
        return painting

    async def settle(self, events: asyncio.Queue[Any]) -> AsyncIterator[ImagePainted]:
        """The painting events still to come, until every painting is in or the budget is spent."""
        while self._delivered < len(self._tasks) and (left := self._deadline - self.clock()) > 0:
            try:
                event = await asyncio.wait_for(events.get(), left)
            except TimeoutError:
                return
            if isinstance(event, ImagePainted):
                self._delivered += 1
                yield event

    def hand_over(self) -> tuple[asyncio.Task[Painting], ...]:
        """The paintings still under way; from now on they leave this kit object alone."""
        self._handed_over = True
        return tuple(task for task in self._tasks if not task.done())

    async def cancel(self) -> None:
        """Stop the paintings nobody will keep (the kit was abandoned before it was done)."""
        if self._handed_over:
            return
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
