"""Paints one logo concept: the image providers in order, each call bounded, one retry on 429/5xx (after Retry-After
when it is short enough), a circuit breaker per provider, then the image verified and traced. Never raises for a
provider's failure: the Painting says what happened, in words that hold no key and no reply body."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from branding.breakers import BreakerBoard, LocalBreakers
from branding.images.base import ImageAsk, ImageProvider
from branding.images.cost import PaintingPrice
from branding.images.trace import trace_svg
from branding.images.verify import ImageRejected, verified_png
from branding.models import SectionProvenance, SectionStatus
from branding.providers.errors import ErrorKind, ProviderError, format_seconds

logger = logging.getLogger(__name__)

RETRY_BACKOFF_S = 0.5
SEED_LIMIT = 2**31  # servers read the seed as a signed 32-bit integer


def painting_seed(kit_seed: int, index: int) -> int:
    """The seed concept `index` of a kit is painted with: fixed for a kit, different per concept."""
    digest = hashlib.sha256(f'brandsmith-painting:{kit_seed}:{index}'.encode()).digest()
    return int.from_bytes(digest[:8], 'big') % SEED_LIMIT


def image_path(kit_id: str, index: int) -> str:
    """Where a kit's painting of concept `index` is served (the kit keeps the bytes; provider URLs expire)."""
    return f'/api/v1/kits/{kit_id}/logos/{index}/image.png'


@dataclass(kw_only=True, slots=True, frozen=True)
class Painting:
    index: int
    prompt: str  # what was painted: a concept made again since (another prompt) does not get this painting
    png: bytes | None  # the verified image, None when no provider painted it
    traced_svg: str | None
    provenance: SectionProvenance


def failed_painting(index: int, prompt: str, note: str, *, latency_ms: int = 0, attempts: int = 0) -> Painting:
    """No painting of `prompt` for concept `index`, and why."""
    provenance = SectionProvenance(
        status=SectionStatus.ERROR, provider='none', model='', latency_ms=latency_ms, attempts=attempts, note=note
    )
    return Painting(index=index, prompt=prompt, png=None, traced_svg=None, provenance=provenance)


def breaker_name(provider: ImageProvider) -> str:
    """An image provider's circuit breaker, apart from the chat breaker of the same service (Together paints and
    writes with one key, but its image API can fail alone)."""
    return f'{provider.name}-images'


class PaintingObserver(Protocol):
    """What watches the paintings (the service's metrics)."""

    def painting_done(self, provenance: SectionProvenance) -> None: ...


@dataclass(kw_only=True, slots=True)
class _Attempt:
    notes: list[str] = field(default_factory=list)
    attempts: int = 0


@dataclass(kw_only=True, slots=True)
class Painter:
    providers: Sequence[ImageProvider]
    size: int = 1024
    timeout_s: float = 60.0
    retry_after_cap_s: float = 5.0
    budget_s: float = 45.0  # how long a kit waits for its paintings after its logos are done
    breaker_threshold: int = 3
    breaker_cooldown_s: float = 60.0
    clock: Callable[[], float] = time.monotonic
    breakers: BreakerBoard | None = None  # shared through Redis when REDIS_URL is set; else built here, in-process
    price_per_mp: float = 0.0  # BRANDSMITH_IMAGE_PRICE, in dollars a megapixel
    observer: PaintingObserver | None = None

    def __post_init__(self) -> None:
        if self.breakers is None:
            self.breakers = LocalBreakers.for_providers(
                [breaker_name(provider) for provider in self.providers],
                threshold=self.breaker_threshold,
                cooldown_s=self.breaker_cooldown_s,
                clock=self.clock,
            )

    @property
    def board(self) -> BreakerBoard:
        assert self.breakers is not None
        return self.breakers

    @property
    def price(self) -> PaintingPrice:
        return PaintingPrice(size=self.size, per_megapixel=self.price_per_mp)

    def breaker_states(self) -> list[tuple[str, str]]:
        """(breaker, state) of every image provider, as this process last saw them (for the metrics)."""
        return self.board.states()

    @property
    def active(self) -> bool:
        return bool(self.providers)

    async def paint(self, prompt: str, *, index: int, kit_seed: int, palette: Sequence[str]) -> Painting:
        painting = await self._paint(prompt, index=index, kit_seed=kit_seed, palette=palette)
        if self.observer is not None:
            self.observer.painting_done(painting.provenance)
        return painting

    async def _paint(self, prompt: str, *, index: int, kit_seed: int, palette: Sequence[str]) -> Painting:
        started = time.perf_counter()
        ask = ImageAsk(prompt=prompt, size=self.size, seed=painting_seed(kit_seed, index))
        tried = _Attempt()
        for provider in self.providers:
            png = await self._from(provider, ask, tried)
            if png is None:
                continue
            traced, trace_note = await _traced(png, palette)
            return Painting(
                index=index,
                prompt=prompt,
                png=png,
                traced_svg=traced,
                provenance=SectionProvenance(
                    status=SectionStatus.OK if not tried.notes else SectionStatus.FALLBACK,
                    provider=provider.name,
                    model=provider.model,
                    latency_ms=round((time.perf_counter() - started) * 1000),
                    attempts=tried.attempts,
                    # the seed makes each painting's record its own (two paintings answered as fast at the same price
                    # would share a version slot, and a revision would show the later one) and lets it be made again
                    note='; '.join(filter(None, [*tried.notes, trace_note, self.price.note(), f'seed {ask.seed}'])),
                ),
            )
        return failed_painting(
            index,
            prompt,
            '; '.join(tried.notes) or 'no image provider',
            latency_ms=round((time.perf_counter() - started) * 1000),
            attempts=tried.attempts,
        )

    async def _from(self, provider: ImageProvider, ask: ImageAsk, tried: _Attempt) -> bytes | None:
        name = breaker_name(provider)
        if not await self.board.allow(name):
            tried.notes.append(f'{provider.name}: circuit open after repeated failures')
            return None
        verdict = False
        try:
            png, failure = await self._attempts(provider, ask, tried)
            verdict = True
        finally:
            if not verdict:  # cancelled: the next call may be the trial
                await self.board.release_trial(name)
        if png is not None:
            await self.board.record_success(name)
        elif isinstance(failure, ProviderError) and failure.kind is ErrorKind.AUTH:
            await self.board.trip(name)  # a refused key does not fix itself
        else:
            await self.board.record_failure(name)
        return png

    async def _attempts(
        self, provider: ImageProvider, ask: ImageAsk, tried: _Attempt
    ) -> tuple[bytes | None, Exception | None]:
        """The verified image, or the failure after at most one retry (429/5xx)."""
        for attempt in range(2):
            tried.attempts += 1
            try:
                data = await self._call(provider, ask)
                return await asyncio.to_thread(verified_png, data, ask.size), None
            except ProviderError as error:
                delay = None if attempt else self._retry_delay(error)
                tried.notes.append(f'{provider.name}: {error.message}' + (', retried' if delay is not None else ''))
                if delay is None:
                    return None, error
                await asyncio.sleep(delay)
            except ImageRejected as error:
                tried.notes.append(f'{provider.name}: {error}')
                return None, error
        raise AssertionError('unreachable: the second attempt returns')

    async def _call(self, provider: ImageProvider, ask: ImageAsk) -> bytes:
        try:
            async with asyncio.timeout(self.timeout_s + 1):  # the client's own timeout should fire first
                return await provider.paint(ask, timeout_s=self.timeout_s)
        except TimeoutError:
            raise ProviderError(ErrorKind.TIMEOUT, f'timeout after {format_seconds(self.timeout_s)}') from None

    def _retry_delay(self, error: ProviderError) -> float | None:
        if error.kind not in (ErrorKind.RATE_LIMITED, ErrorKind.SERVER):
            return None
        if error.retry_after_s is None:
            return RETRY_BACKOFF_S
        return error.retry_after_s if error.retry_after_s <= self.retry_after_cap_s else None

    async def aclose(self) -> None:
        for provider in self.providers:
            await provider.aclose()


async def _traced(png: bytes, palette: Sequence[str]) -> tuple[str | None, str]:
    try:
        return await asyncio.to_thread(trace_svg, png, palette), ''
    except Exception:  # a tracer failure costs the trace, never the painting
        logger.warning('tracing a painting failed', exc_info=True)
        return None, 'not traced: the tracer failed'
