"""Generations handed back by a draining instance, and taken up by another.

On SIGTERM an instance closes its port and drains (BRANDSMITH_DRAIN_S). A generation that cannot finish in that time
is not lost: what it had made (the request, the kit's id and seed and its finished sections) is kept as a `Draft` in
the shared draft store (Redis with REDIS_URL, else files in the data directory, for a single instance that restarts),
and the generation ends there. Whoever asked for it takes it up on any instance:

- a studio run is handed back the moment the drain begins (the browser's socket closes with the port): the browser
  reconnects through the load balancer to another instance, its page loads again there, and the studio finds the
  draft waiting for its browser and resumes it: the finished sections are shown at once and only the missing ones
  are made;
- an API stream keeps its connection while the instance drains, so it gets the drain's time to finish, less a margin;
  past that it ends with an `event: handover` naming the draft, and `POST /api/v1/drafts/{id}/resume` continues it.

A draft is claimed once (atomically: one of two racing resumers gets it) by its owner only. The kit keeps its id
across the hand-over, so a kit that was saved after all is found by that id and shown instead of being made again:
the user ends with one saved kit.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import secrets
import signal
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel
from redis import RedisError
from redis.asyncio import Redis

from branding.files import write_private_file
from branding.models import BrandingRequest, BrandKit
from branding.orchestrator import KitDone, KitEvent, SectionDone, SectionStarted
from branding.redis_state import KEY_PREFIX
from branding.registry import sections_for

if TYPE_CHECKING:
    from branding.service import KitService

log = logging.getLogger(__name__)

DRAFT_TTL_S = 15 * 60  # time enough for a browser or a script to come back through another instance
HANDOVER_MARGIN_S = 2.0  # of the drain, kept to write the draft and send the last event before the port is gone
DRAINING_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Draft(BaseModel):
    """A generation handed back: its request, for whom, and the kit as far as it got (None: no section was done)."""

    id: str
    owner: str
    request: BrandingRequest
    kit: BrandKit | None = None

    @property
    def finished(self) -> list[str]:
        """The sections the draft brings, in the order they are made."""
        if self.kit is None:
            return []
        return [section for section in sections_for(self.request.focus) if section in self.kit.sections]


@dataclass(kw_only=True, slots=True, frozen=True)
class HandedOver:
    """The last event of a generation handed back: `draft` continues it elsewhere."""

    draft: Draft


class DraftStore(Protocol):
    async def put(self, draft: Draft) -> None:
        """Keep the draft for DRAFT_TTL_S, as the one waiting for its owner."""
        ...

    async def waiting(self, owner: str) -> str | None:
        """The id of the draft last handed back for `owner`, while it is unclaimed."""
        ...

    async def claim(self, draft_id: str, *, owner: str | None) -> Draft | None:
        """Take the draft: once, by its owner (None: the admin, anyone's). None when it is gone, claimed already or
        someone else's."""
        ...


def _owner_key(owner: str) -> str:
    return hashlib.sha256(owner.encode()).hexdigest()[:32]


def new_draft_id() -> str:
    return f'draft-{secrets.token_urlsafe(16)}'


@dataclass(kw_only=True, slots=True)
class RedisDrafts:
    """Drafts in Redis, where every instance finds them."""

    redis: Redis
    ttl_s: int = DRAFT_TTL_S

    def _key(self, draft_id: str) -> str:
        return f'{KEY_PREFIX}:draft:{draft_id}'

    def _waiting_key(self, owner: str) -> str:
        return f'{KEY_PREFIX}:drafts-of:{_owner_key(owner)}'

    async def put(self, draft: Draft) -> None:
        async with self.redis.pipeline(transaction=True) as pipeline:
            pipeline.set(self._key(draft.id), draft.model_dump_json(), ex=self.ttl_s)
            pipeline.set(self._waiting_key(draft.owner), draft.id, ex=self.ttl_s)
            await pipeline.execute()

    async def waiting(self, owner: str) -> str | None:
        try:
            found = await self.redis.get(self._waiting_key(owner))
        except RedisError:
            log.warning('the draft store (Redis) cannot be reached: no handed-back generation is looked for')
            return None
        return found.decode() if isinstance(found, bytes) else found

    async def claim(self, draft_id: str, *, owner: str | None) -> Draft | None:
        stored = await self.redis.get(self._key(draft_id))
        if stored is None:
            return None
        draft = Draft.model_validate_json(stored)
        if owner is not None and draft.owner != owner:
            return None
        if not await self.redis.delete(self._key(draft_id)):
            return None  # another resumer deleted it first: theirs
        waiting_key = self._waiting_key(draft.owner)
        if await self.redis.get(waiting_key) in {draft_id, draft_id.encode()}:  # not a newer draft of the owner's
            await self.redis.delete(waiting_key)
        return draft


@dataclass(kw_only=True, slots=True)
class FileDrafts:
    """Drafts as private files in the data directory: one instance hands back to itself once it runs again."""

    root: Path
    ttl_s: int = DRAFT_TTL_S

    def _path(self, draft_id: str) -> Path:
        if not draft_id.replace('-', '').replace('_', '').isalnum():
            raise ValueError('not a draft id')
        return self.root / f'{draft_id}.json'

    def _waiting_path(self, owner: str) -> Path:
        return self.root / f'waiting-{_owner_key(owner)}'

    def _fresh(self, path: Path) -> bool:
        try:
            return time.time() - path.stat().st_mtime < self.ttl_s
        except FileNotFoundError:
            return False

    async def put(self, draft: Draft) -> None:
        def write() -> None:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private_file(self._path(draft.id), draft.model_dump_json())
            write_private_file(self._waiting_path(draft.owner), draft.id)

        await asyncio.to_thread(write)

    async def waiting(self, owner: str) -> str | None:
        def read() -> str | None:
            path = self._waiting_path(owner)
            with contextlib.suppress(FileNotFoundError):
                draft_id = path.read_text().strip()
                if self._fresh(path) and self._fresh(self._path(draft_id)):
                    return draft_id
            return None

        return await asyncio.to_thread(read)

    async def claim(self, draft_id: str, *, owner: str | None) -> Draft | None:
        def take() -> Draft | None:
            try:
                path = self._path(draft_id)
            except ValueError:
                return None
            if not self._fresh(path):
                return None
            taken = path.with_name(f'{path.name}.{secrets.token_hex(8)}')
            try:
                path.rename(taken)  # atomic: of two claims, one renames it and the other finds it gone
            except FileNotFoundError:
                return None
            draft = Draft.model_validate_json(taken.read_text())
            if owner is not None and draft.owner != owner:
                taken.rename(path)  # someone else's: left waiting for them
                return None
            taken.unlink()
            waiting = self._waiting_path(draft.owner)
            with contextlib.suppress(FileNotFoundError):
                if waiting.read_text().strip() == draft_id:  # not a newer draft of the owner's
                    waiting.unlink()
            return draft

        return await asyncio.to_thread(take)


Listener = Callable[[], None]


@dataclass(kw_only=True, slots=True)
class Drain:
    """When this instance began draining, and who wants to know: the studio hands its runs back at once, API streams
    at the end of the drain's time (`budget_s`, less a margin)."""

    budget_s: float
    began_at: float | None = None
    _listeners: list[Listener] = field(default_factory=list)
    _began: asyncio.Event | None = None

    @property
    def draining(self) -> bool:
        return self.began_at is not None

    def begin(self) -> None:
        if self.began_at is not None:
            return
        self.began_at = time.monotonic()
        log.info('draining: generations still running in %.0f s are handed back', self.budget_s)
        if self._began is not None:
            self._began.set()
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # one page's failure must not keep the others from handing back
                log.exception('a drain listener failed')

    def on_begin(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` when the drain begins (at once if it has); returns the call that forgets it."""
        if self.began_at is not None:
            listener()
            return lambda: None
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    async def handover_due(self) -> None:
        """Return when a generation still running on this instance should be handed back."""
        if self.began_at is None:
            if self._began is None:
                self._began = asyncio.Event()
            await self._began.wait()
        assert self.began_at is not None
        due = self.began_at + max(0.0, self.budget_s - HANDOVER_MARGIN_S)
        await asyncio.sleep(max(0.0, due - time.monotonic()))

    def watch_signals(self) -> None:
        """Begin draining on SIGTERM and SIGINT, after the handler in place (the server's own, which closes the port):
        call it once the server has started, from the thread running the event loop (the main one)."""
        loop = asyncio.get_running_loop()
        for signum in DRAINING_SIGNALS:
            previous = signal.getsignal(signum)
            if not callable(previous):
                continue  # no server stops on this signal (the default action, or ignored): nothing drains

            def handle(number: int, frame: FrameType | None, previous: Any = previous) -> None:
                previous(number, frame)
                if not loop.is_closed():
                    loop.call_soon_threadsafe(self.begin)

            signal.signal(signum, handle)


@dataclass(kw_only=True, slots=True)
class Handover:
    """The drain and the draft store, handed to the studio and the API through the service."""

    drafts: DraftStore
    drain: Drain

    async def hand_over(self, *, request: BrandingRequest, kit: BrandKit | None, owner: str) -> Draft:
        """Keep what the generation made as a draft for `owner`; the kit is copied as it is now."""
        draft = Draft(
            id=new_draft_id(),
            owner=owner,
            request=request,
            kit=kit.model_copy(deep=True) if kit is not None and kit.sections else None,
        )
        await self.drafts.put(draft)
        log.info('generation handed back as %s with %d finished sections', draft.id, len(draft.finished))
        return draft

    async def guard(
        self, events: AsyncGenerator[KitEvent], *, request: BrandingRequest, owner: str
    ) -> AsyncGenerator[KitEvent | HandedOver]:
        """`events`, unless this instance drains past the time it has: then the generation stops, is handed back, and
        HandedOver is the last event."""
        kit: BrandKit | None = None
        due = asyncio.ensure_future(self.drain.handover_due())
        try:
            async with contextlib.aclosing(events):
                while True:
                    step = asyncio.ensure_future(anext(events))
                    await asyncio.wait({step, due}, return_when=asyncio.FIRST_COMPLETED)
                    if not step.done():
                        step.cancel()
                        with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                            await step
                        yield HandedOver(draft=await self.hand_over(request=request, kit=kit, owner=owner))
                        return
                    try:
                        event = step.result()
                    except StopAsyncIteration:
                        return
                    if isinstance(event, SectionDone):
                        kit = event.kit
                    yield event
        finally:
            due.cancel()


async def resumed(service: KitService, draft: Draft) -> AsyncGenerator[KitEvent]:
    """The draft's generation, continued: its finished sections first, as done, then the missing ones, then the kit,
    saved under the id it began with. A kit that was saved after all (it finished while it was handed back) is
    yielded as saved, never made again."""
    if draft.kit is not None and (saved := await service.store.get(draft.kit.id)) is not None:
        for section in sections_for(draft.request.focus):
            if section in saved.kit.sections:
                yield SectionStarted(section=section)
                yield SectionDone(section=section, provenance=saved.kit.sections[section], kit=saved.kit)
        yield KitDone(kit=saved.kit)
        return
    events = service.stream(draft.request, owner=draft.owner, reuse=False, resume=draft.kit)
    async with contextlib.aclosing(events):
        async for event in events:
            yield event


def drafts_for(redis: Redis | None, data_dir: Path) -> DraftStore:
    """Redis when the instances share one, else files in this instance's data directory."""
    if redis is not None:
        return RedisDrafts(redis=redis)
    return FileDrafts(root=data_dir / 'drafts')
